using System.Collections.Frozen;
using System.Globalization;
using static Lantern.Returns.Validation.Ssda903.Ssda903RulesDHelpers;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>SSDA903 rules (see Validation/README.md for who owns which codes).</summary>
internal static class Ssda903RulesD
{
    private static readonly FrozenSet<string> FormerFosterCarers = FrozenSet.Create(StringComparer.Ordinal, "E45", "E46");
    private static readonly FrozenSet<string> FosterPlacements = FrozenSet.Create(StringComparer.Ordinal, "U1", "U2", "U3", "U4", "U5", "U6");
    private static readonly FrozenSet<string> SingleAdopter = FrozenSet.Create(StringComparer.Ordinal, "M1", "F1");
    private static readonly FrozenSet<string> SameSexCouple = FrozenSet.Create(StringComparer.Ordinal, "MM", "FF");
    private static readonly FrozenSet<string> AnyCouple = FrozenSet.Create(StringComparer.Ordinal, "MM", "FF", "MF");
    private static readonly FrozenSet<string> NoProviderUntil2025 = FrozenSet.Create(StringComparer.Ordinal, "T0", "T1", "T2", "T3", "T4", "Z1");
    private static readonly FrozenSet<string> NoProviderFrom2026 = FrozenSet.Create(StringComparer.Ordinal, "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14");
    private static readonly FrozenSet<string> P1R2R5 = FrozenSet.Create(StringComparer.Ordinal, "P1", "R2", "R5");
    private static readonly FrozenSet<string> NotPublicBody = FrozenSet.Create(
        StringComparer.Ordinal, "A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4", "U5", "U6");
    private static readonly FrozenSet<string> Adopted = FrozenSet.Create(StringComparer.Ordinal, "E11", "E12");
    private static readonly FrozenSet<string> OrderUntil2024 = FrozenSet.Create(StringComparer.Ordinal, "D1", "E1");
    private static readonly FrozenSet<string> OrderFrom2025 = FrozenSet.Create(StringComparer.Ordinal, "E1");

    public static IEnumerable<RuleCheck> All =>
    [
        // Placement distance from home is over 350 miles (999.9 marks a former UASC). PL_DISTANCE is worked out from
        // the HOME_POST and PL_POST locations in the postcode list, as the DfE's tool does.
        new("454", c =>
        {
            var episodes = c.Table("Episodes");
            var postcodes = Lookup(c.Postcodes);
            var home = episodes.Text("HOME_POST");
            var placed = episodes.Text("PL_POST");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (postcodes.Distance(home[i], placed[i]) is { } d && d > 350 && d != 999.9)
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // REC E17 (stayed with carers at 18 or over) but the child is under 18 when the episode ceased.
        new("460", c =>
        {
            var episodes = c.Table("Episodes");
            var header = c.Table("Header");
            var rec = episodes.Text("REC");
            var dec = c.Dates(episodes, "DEC");
            var dob = c.Dates(header, "DOB");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (rec[i] != "E17" || dec[i] is not { } ceased)
                {
                    continue;
                }

                var h = header.ByChild.First(episodes.Child[i]);
                if (h >= 0 && dob[h] is { } born && born.AddYears(18) > ceased)
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // A new episode started before the previous episode (by start date) ended.
        new("501", c =>
        {
            var episodes = c.Table("Episodes");
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                for (var k = 1; k < rows.Length; k++)
                {
                    if (decom[rows[k]] < dec[rows[k - 1]])
                    {
                        c.Fail(episodes, rows[k]);
                    }
                }
            }
        }),

        // Last year ended with an open episode whose start date differs from this year's first episode's.
        new("502", c =>
        {
            var episodes = c.Table("Episodes");
            var last = c.Table("Episodes_last");
            var decom = c.Dates(episodes, "DECOM");
            var lastDecom = c.Dates(last, "DECOM");
            var lastDec = last.Text("DEC");
            var decomValues = episodes.Dates("DECOM").Values;
            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                foreach (var r in rows)
                {
                    _ = decom[r];
                }

                var first = Earliest(rows, decomValues);
                if (first < 0)
                {
                    continue;
                }

                foreach (var l in last.ByChild.Rows(episodes.Child[first]))
                {
                    if (lastDec[l] is null && lastDecom[l] != decomValues[first])
                    {
                        c.Fail(episodes, first);
                        break;
                    }
                }
            }
        }),

        // RNE of the first episode differs from last year's open episode.
        new("503A", c => SameAsOpenLast(c, "RNE")),

        // LS of the first episode differs from last year's open episode.
        new("503B", c => SameAsOpenLast(c, "LS")),

        // CIN of the first episode differs from last year's open episode.
        new("503C", c => SameAsOpenLast(c, "CIN")),

        // PLACE of the first episode differs from last year's open episode.
        new("503D", c => SameAsOpenLast(c, "PLACE")) { LastYear = 2024 },

        // 2024-25 only: H5 last year may become K3 this year (H5 was retired and those placements recoded).
        new("503D", c => SameAsOpenLast(c, "PLACE", (now, before) => now == "K3" && before == "H5")) { FirstYear = 2025, LastYear = 2025 },
        new("503D", c => SameAsOpenLast(c, "PLACE")) { FirstYear = 2026 },

        // PLACE_PROVIDER of the first episode differs from last year's open episode.
        new("503E", c => SameAsOpenLast(c, "PLACE_PROVIDER")),

        // URN of the first episode differs from last year's open episode.
        new("503F", c => SameAsOpenLast(c, "URN")),

        // PL_DISTANCE (from postcodes) of the first episode differs from last year's open episode.
        new("503G", c => SameAsOpenLast(c, (p, home, placed) => p.Distance(home, placed)?.ToString("0.0", CultureInfo.InvariantCulture))),

        // PL_LA (the placement postcode's local authority) of the first episode differs from last year's open episode.
        new("503H", c => SameAsOpenLast(c, (p, _, placed) => p.Authority(placed))),

        // PL_LOCATION (in or out of the home authority, from postcodes) of the first episode differs from last year's open episode.
        new("503J", c => SameAsOpenLast(c, (p, home, placed) => p.Location(home, placed))),

        // CIN changed at a change of placement only (previous REC X1 ending the day this episode starts). The
        // reference also flags two blank CINs as different (NaN != NaN); blank is left to the CIN code rules here.
        new("504", c =>
        {
            var episodes = c.Table("Episodes");
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            var rec = episodes.Text("REC");
            var cin = episodes.Text("CIN");
            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                for (var k = 1; k < rows.Length; k++)
                {
                    int r = rows[k], p = rows[k - 1];
                    if (rec[p] == "X1" && dec[p] is { } ended && decom[r] == ended && cin[r] != cin[p])
                    {
                        c.Fail(episodes, r);
                    }
                }
            }
        }),

        // Two adopters (NB_ADOPTR 2) but SEX_ADOPTR is a single adopter's code.
        new("511", c =>
        {
            var ad1 = c.Table("AD1");
            var number = ad1.Text("NB_ADOPTR");
            var sex = ad1.Text("SEX_ADOPTR");
            for (var i = 0; i < ad1.Count; i++)
            {
                if (number[i] == "2" && sex[i] is { } s && SingleAdopter.Contains(s))
                {
                    c.Fail(ad1, i);
                }
            }
        }),

        // LS_ADOPTR L0 (single adopter) but SEX_ADOPTR is not M1 or F1.
        new("514", c => AdopterSexes(c, "L0", SingleAdopter)),

        // REC E45/E46 (former foster carers) but PLACE is not U1-U6.
        new("516", c =>
        {
            var episodes = c.Table("Episodes");
            var rec = episodes.Text("REC");
            var place = episodes.Text("PLACE");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (rec[i] is { } r && FormerFosterCarers.Contains(r) && (place[i] is not { } p || !FosterPlacements.Contains(p)))
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // LS_ADOPTR L3 but SEX_ADOPTR is not MF.
        new("517", c => AdopterSexes(c, "L3", FrozenSet.Create(StringComparer.Ordinal, "MF"))),

        // LS_ADOPTR L4 but SEX_ADOPTR is not MM or FF.
        new("518", c => AdopterSexes(c, "L4", SameSexCouple)),

        // LS_ADOPTR L2 (civil partners) but SEX_ADOPTR is not a couple.
        new("519", c => AdopterSexes(c, "L2", AnyCouple)),

        // LS_ADOPTR L11 (married, different sexes) but SEX_ADOPTR is not MF.
        new("520", c => AdopterSexes(c, "L11", FrozenSet.Create(StringComparer.Ordinal, "MF"))),

        // DATE_INT (adoption in the child's best interests) after the start of a placement for adoption (A3-A6).
        new("521", c =>
        {
            var episodes = c.Table("Episodes");
            var ad1 = c.Table("AD1");
            var place = episodes.Text("PLACE");
            var decom = c.Dates(episodes, "DECOM");
            var dateInt = c.Dates(ad1, "DATE_INT");
            var adFailed = new bool[ad1.Count];
            for (var i = 0; i < episodes.Count; i++)
            {
                if (place[i] is not { } p || !AdoptionPlacements.Contains(p) || decom[i] is not { } placed)
                {
                    continue;
                }

                var failed = false;
                foreach (var a in ad1.ByChild.Rows(episodes.Child[i]))
                {
                    if (dateInt[a] > placed)
                    {
                        failed = true;
                        adFailed[a] = true;
                    }
                }

                if (failed)
                {
                    c.Fail(episodes, i);
                }
            }

            FailMarked(c, ad1, adFailed);
        }),

        // DATE_PLACED_CEASED is before DATE_PLACED.
        new("522", c =>
        {
            var placed = c.Table("PlacedAdoption");
            var from = c.Dates(placed, "DATE_PLACED");
            var ceased = c.Dates(placed, "DATE_PLACED_CEASED");
            for (var i = 0; i < placed.Count; i++)
            {
                if (ceased[i] < from[i])
                {
                    c.Fail(placed, i);
                }
            }
        }),

        // DATE_PLACED differs from the child's AD1 DATE_INT.
        new("523", c =>
        {
            var placed = c.Table("PlacedAdoption");
            var ad1 = c.Table("AD1");
            var datePlaced = c.Dates(placed, "DATE_PLACED");
            var dateInt = c.Dates(ad1, "DATE_INT");
            var adFailed = new bool[ad1.Count];
            for (var i = 0; i < placed.Count; i++)
            {
                if (datePlaced[i] is not { } d)
                {
                    continue;
                }

                var failed = false;
                foreach (var a in ad1.ByChild.Rows(placed.Child[i]))
                {
                    if (dateInt[a] is { } interest && interest != d)
                    {
                        failed = true;
                        adFailed[a] = true;
                    }
                }

                if (failed)
                {
                    c.Fail(placed, i);
                }
            }

            FailMarked(c, ad1, adFailed);
        }),

        // LS_ADOPTR L12 but SEX_ADOPTR is not MM or FF.
        new("524", c => AdopterSexes(c, "L12", SameSexCouple)),

        // The decision to place for adoption was reversed (DATE_PLACED_CEASED) yet adoption details are recorded.
        new("525", c =>
        {
            var placed = c.Table("PlacedAdoption");
            var ad1 = c.Table("AD1");
            var ceased = placed.Text("DATE_PLACED_CEASED");
            string?[][] details = [ad1.Text("DATE_INT"), ad1.Text("DATE_MATCH"), ad1.Text("FOSTER_CARE"), ad1.Text("NB_ADOPTR"), ad1.Text("SEX_ADOPTR"), ad1.Text("LS_ADOPTR")];
            var adFailed = new bool[ad1.Count];
            for (var i = 0; i < placed.Count; i++)
            {
                if (ceased[i] is null)
                {
                    continue;
                }

                var failed = false;
                foreach (var a in ad1.ByChild.Rows(placed.Child[i]))
                {
                    foreach (var column in details)
                    {
                        if (column[a] is not null)
                        {
                            failed = true;
                            adFailed[a] = true;
                            break;
                        }
                    }
                }

                if (failed)
                {
                    c.Fail(placed, i);
                }
            }

            FailMarked(c, ad1, adFailed);
        }),

        // PLACE_PROVIDER is blank where the placement needs one (all but temporary placements and Z1 / Z11-Z14).
        new("526", c => ProviderMissing(c, NoProviderUntil2025)) { LastYear = 2025 },
        new("526", c => ProviderMissing(c, NoProviderFrom2026)) { FirstYear = 2026 },

        // PR1 with P1, R2 or R5.
        new("527", c => ProviderWithPlacements(c, "PR1", P1R2R5)),

        // PR2 with P1, R2 or R5.
        new("528", c => ProviderWithPlacements(c, "PR2", P1R2R5)),

        // PR3 (other public body) with P1, A3-A6, K1, K2 or U1-U6.
        new("529", c => ProviderWithPlacements(c, "PR3", NotPublicBody)),

        // PR4 with P1.
        new("530", c => ProviderWithPlacements(c, "PR4", FrozenSet.Create(StringComparer.Ordinal, "P1"))),

        // PR5 with P1.
        new("531", c => ProviderWithPlacements(c, "PR5", FrozenSet.Create(StringComparer.Ordinal, "P1"))),

        // Under 10 at 31 March but CONVICTED is completed.
        new("542", c =>
        {
            var oc2 = c.Table("OC2");
            var dob = c.Dates(oc2, "DOB");
            var convicted = oc2.Text("CONVICTED");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (convicted[i] is not null && dob[i] is { } born && born.AddYears(10) > c.ReferenceDate)
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 10 or over at 31 March, looked after continuously for 12 months, but CONVICTED is blank. (The reference
        // tests "over 10" strictly; a child whose 10th birthday is 31 March is aged 10, as rule 542's complement.)
        new("543", c =>
        {
            var oc2 = c.Table("OC2");
            var cla = ContinuouslyLookedAfter(c, c.Table("Episodes"));
            var dob = c.Dates(oc2, "DOB");
            var convicted = oc2.Text("CONVICTED");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (convicted[i] is null && dob[i] is { } born && born.AddYears(10) <= c.ReferenceDate && cla.Contains(oc2.Child[i] ?? ""))
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // CONVICTED is 1 but immunisations, teeth check, health assessment or substance misuse is blank.
        new("544", c => HealthCompleted(c, "CONVICTED")),

        // Under 5 at 31 March, looked after continuously for 12 months, but HEALTH_CHECK is blank.
        new("545", c =>
        {
            var oc2 = c.Table("OC2");
            var cla = ContinuouslyLookedAfter(c, c.Table("Episodes"));
            var dob = c.Dates(oc2, "DOB");
            var check = oc2.Text("HEALTH_CHECK");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (check[i] is null && dob[i] is { } born && born.AddYears(5) > c.ReferenceDate && cla.Contains(oc2.Child[i] ?? ""))
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 5 or over at 31 March (and looked after continuously, as the reference reads it) but HEALTH_CHECK is completed.
        new("546", c =>
        {
            var oc2 = c.Table("OC2");
            var cla = ContinuouslyLookedAfter(c, c.Table("Episodes"));
            var dob = c.Dates(oc2, "DOB");
            var check = oc2.Text("HEALTH_CHECK");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (check[i] is not null && dob[i] is { } born && born.AddYears(5) <= c.ReferenceDate && cla.Contains(oc2.Child[i] ?? ""))
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // HEALTH_CHECK is 1 but immunisations, teeth check, health assessment or substance misuse is blank.
        new("547", c => HealthCompleted(c, "HEALTH_CHECK")),

        // PR0 with a placement other than P1.
        new("550", c =>
        {
            var episodes = c.Table("Episodes");
            var place = episodes.Text("PLACE");
            var provider = episodes.Text("PLACE_PROVIDER");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (provider[i] == "PR0" && place[i] != "P1")
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // Placed for adoption (A3-A6) but no DATE_PLACED for the child (no PlacedAdoption row, or one left blank).
        new("551", c =>
        {
            var episodes = c.Table("Episodes");
            var placed = c.Table("PlacedAdoption");
            var place = episodes.Text("PLACE");
            var datePlaced = placed.Text("DATE_PLACED");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (place[i] is not { } p || !AdoptionPlacements.Contains(p))
                {
                    continue;
                }

                var rows = placed.ByChild.Rows(episodes.Child[i]);
                var blank = rows.Length == 0;
                foreach (var r in rows)
                {
                    blank |= datePlaced[r] is null;
                }

                if (blank)
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // The latest DATE_PLACED is after the start of the child's first placement for adoption (A3-A6).
        new("552", c =>
        {
            var placed = c.Table("PlacedAdoption");
            var episodes = c.Table("Episodes");
            var datePlaced = c.Dates(placed, "DATE_PLACED");
            var decom = c.Dates(episodes, "DECOM");
            var place = episodes.Text("PLACE");
            foreach (var rows in episodes.ByChild.Groups)
            {
                var first = -1;
                foreach (var r in rows)
                {
                    if (place[r] is { } p && AdoptionPlacements.Contains(p) && decom[r] is { } d && (first < 0 || d < decom[first]))
                    {
                        first = r;
                    }
                }

                if (first < 0)
                {
                    continue;
                }

                var latest = -1;
                foreach (var a in placed.ByChild.Rows(episodes.Child[first]))
                {
                    if (datePlaced[a] is { } d && (latest < 0 || d > datePlaced[latest]))
                    {
                        latest = a;
                    }
                }

                if (latest >= 0 && decom[first] < datePlaced[latest])
                {
                    c.Fail(episodes, first);
                    c.Fail(placed, latest);
                }
            }
        }),

        // Placement order (LS E1) but no PlacedAdoption row; or an open E1 episode while the decision is recorded as ceased.
        new("553", c =>
        {
            var episodes = c.Table("Episodes");
            var placed = c.Table("PlacedAdoption");
            var ls = episodes.Text("LS");
            var dec = episodes.Text("DEC");
            var ceased = placed.Text("DATE_PLACED_CEASED");
            var reason = placed.Text("REASON_PLACED_CEASED");
            var paFailed = new bool[placed.Count];
            for (var i = 0; i < episodes.Count; i++)
            {
                if (ls[i] != "E1")
                {
                    continue;
                }

                var rows = placed.ByChild.Rows(episodes.Child[i]);
                if (rows.Length == 0)
                {
                    c.Fail(episodes, i);
                }
                else if (dec[i] is null)
                {
                    foreach (var r in rows)
                    {
                        paFailed[r] |= ceased[r] is not null || reason[r] is not null;
                    }
                }
            }

            FailMarked(c, placed, paFailed);
        }),

        // DATE_PLACED is after the start of the child's first episode under a placement order (LS E1).
        new("554", c =>
        {
            var episodes = c.Table("Episodes");
            var placed = c.Table("PlacedAdoption");
            var ls = episodes.Text("LS");
            var decom = c.Dates(episodes, "DECOM");
            var datePlaced = c.Dates(placed, "DATE_PLACED");
            var paFailed = new bool[placed.Count];
            foreach (var rows in episodes.ByChild.Groups)
            {
                var first = -1;
                foreach (var r in rows)
                {
                    if (ls[r] == "E1" && decom[r] is { } d && (first < 0 || d < decom[first]))
                    {
                        first = r;
                    }
                }

                if (first < 0)
                {
                    continue;
                }

                var failed = false;
                foreach (var a in placed.ByChild.Rows(episodes.Child[first]))
                {
                    if (datePlaced[a] > decom[first])
                    {
                        failed = true;
                        paFailed[a] = true;
                    }
                }

                if (failed)
                {
                    c.Fail(episodes, first);
                }
            }

            FailMarked(c, placed, paFailed);
        }),

        // Left care not adopted from a placement for adoption or placement order (D1/E1 to 2023-24, E1 after), but the
        // decision to place is not recorded as ceased (DATE_PLACED_CEASED and REASON_PLACED_CEASED).
        new("557", c => LeftCareNotAdopted(c, OrderUntil2024)) { LastYear = 2024 },
        new("557", c => LeftCareNotAdopted(c, OrderFrom2025)) { FirstYear = 2025 },

        // Adopted (REC E11/E12) but the child's latest decision to place for adoption has a DATE_PLACED_CEASED. The
        // reference counts ceased dates per calendar year instead, which does not test the message; this follows the DfE.
        new("558", c =>
        {
            var episodes = c.Table("Episodes");
            var placed = c.Table("PlacedAdoption");
            var rec = episodes.Text("REC");
            var datePlaced = c.Dates(placed, "DATE_PLACED");
            var ceased = placed.Text("DATE_PLACED_CEASED");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (rec[i] is not { } r || !Adopted.Contains(r))
                {
                    continue;
                }

                var latest = -1;
                foreach (var a in placed.ByChild.Rows(episodes.Child[i]))
                {
                    if (latest < 0 || datePlaced[a] >= datePlaced[latest] || datePlaced[latest] is null)
                    {
                        latest = a;
                    }
                }

                if (latest >= 0 && ceased[latest] is not null)
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // DATE_PLACED is before this year but last year's return has no DATE_PLACED for the child.
        new("559", c =>
        {
            var placed = c.Table("PlacedAdoption");
            var last = c.Table("PlacedAdoption_last");
            var datePlaced = c.Dates(placed, "DATE_PLACED");
            var lastPlaced = last.Dates("DATE_PLACED").Values;
            for (var i = 0; i < placed.Count; i++)
            {
                if (datePlaced[i] is not { } d || d >= c.CollectionStart)
                {
                    continue;
                }

                var rows = last.ByChild.Rows(placed.Child[i]);
                var missing = rows.Length == 0;
                foreach (var r in rows)
                {
                    missing |= lastPlaced[r] is null;
                }

                if (missing)
                {
                    c.Fail(placed, i);
                }
            }
        }),

        // Last year's decision was open (DATE_PLACED, no DATE_PLACED_CEASED) but this year's DATE_PLACED differs.
        new("560", c =>
        {
            var placed = c.Table("PlacedAdoption");
            var last = c.Table("PlacedAdoption_last");
            var now = placed.Text("DATE_PLACED");
            var before = last.Text("DATE_PLACED");
            var beforeCeased = last.Text("DATE_PLACED_CEASED");
            for (var i = 0; i < placed.Count; i++)
            {
                foreach (var r in last.ByChild.Rows(placed.Child[i]))
                {
                    if (before[r] is { } b && beforeCeased[r] is null && !SameDate(now[i], b))
                    {
                        c.Fail(placed, i);
                        break;
                    }
                }
            }
        }),

        // This year's DATE_PLACED equals last year's, but last year that decision had ceased.
        new("561", c =>
        {
            var placed = c.Table("PlacedAdoption");
            var last = c.Table("PlacedAdoption_last");
            var now = placed.Text("DATE_PLACED");
            var before = last.Text("DATE_PLACED");
            var beforeCeased = last.Text("DATE_PLACED_CEASED");
            var beforeReason = last.Text("REASON_PLACED_CEASED");
            for (var i = 0; i < placed.Count; i++)
            {
                if (now[i] is not { } n)
                {
                    continue;
                }

                foreach (var r in last.ByChild.Rows(placed.Child[i]))
                {
                    if (before[r] is { } b && SameDate(n, b) && (beforeCeased[r] is not null || beforeReason[r] is not null))
                    {
                        c.Fail(placed, i);
                        break;
                    }
                }
            }
        }),

        // The first episode started before this year but does not continue last year's latest episode (same DECOM).
        new("562", c =>
        {
            var episodes = c.Table("Episodes");
            var last = c.Table("Episodes_last");
            var decom = c.Dates(episodes, "DECOM");
            var decomValues = episodes.Dates("DECOM").Values;
            var lastDecom = c.Dates(last, "DECOM");
            var lastDecomValues = last.Dates("DECOM").Values;
            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                foreach (var r in rows)
                {
                    _ = decom[r];
                }

                var first = Earliest(rows, decomValues);
                if (first < 0 || decomValues[first] >= c.CollectionStart)
                {
                    continue;
                }

                var lastRows = OrderedRows(last, episodes.Child[first]);
                if (lastRows is not null)
                {
                    foreach (var r in lastRows)
                    {
                        _ = lastDecom[r];
                    }
                }

                var previous = lastRows is null ? -1 : Latest(lastRows, lastDecomValues);
                if (previous < 0 || lastDecomValues[previous] != decomValues[first])
                {
                    c.Fail(episodes, first);
                }
            }
        }),

        // The decision has ceased (date and reason) but DATE_PLACED is blank.
        new("563", c =>
        {
            var placed = c.Table("PlacedAdoption");
            var datePlaced = placed.Text("DATE_PLACED");
            var ceased = placed.Text("DATE_PLACED_CEASED");
            var reason = placed.Text("REASON_PLACED_CEASED");
            for (var i = 0; i < placed.Count; i++)
            {
                if (reason[i] is not null && ceased[i] is not null && datePlaced[i] is null)
                {
                    c.Fail(placed, i);
                }
            }
        }),

        // MISSING is M or A but MIS_START is blank.
        new("564", c =>
        {
            var missing = c.Table("Missing");
            var kind = missing.Text("MISSING");
            var start = missing.Text("MIS_START");
            for (var i = 0; i < missing.Count; i++)
            {
                if (kind[i] is "M" or "A" or "m" or "a" && start[i] is null)
                {
                    c.Fail(missing, i);
                }
            }
        }),

        // MIS_START is completed but MISSING is blank.
        new("565", c => MissingBlankWith(c, "MIS_START")),

        // MIS_END is completed but MISSING is blank.
        new("566", c => MissingBlankWith(c, "MIS_END")),

        // MIS_END is before MIS_START.
        new("567", c =>
        {
            var missing = c.Table("Missing");
            var start = c.Dates(missing, "MIS_START");
            var end = c.Dates(missing, "MIS_END");
            for (var i = 0; i < missing.Count; i++)
            {
                if (start[i] > end[i])
                {
                    c.Fail(missing, i);
                }
            }
        }),

        // MIS_START is after the end of the collection year.
        new("570", c =>
        {
            var missing = c.Table("Missing");
            var start = c.Dates(missing, "MIS_START");
            for (var i = 0; i < missing.Count; i++)
            {
                if (start[i] > c.ReferenceDate)
                {
                    c.Fail(missing, i);
                }
            }
        }),

        // MIS_END is outside the collection year.
        new("571", c =>
        {
            var missing = c.Table("Missing");
            var end = c.Dates(missing, "MIS_END");
            for (var i = 0; i < missing.Count; i++)
            {
                if (end[i] is { } d && (d < c.CollectionStart || d > c.ReferenceDate))
                {
                    c.Fail(missing, i);
                }
            }
        }),

        // A missing period starts while the previous one (by end, then start) is open or before it ended.
        new("574", c =>
        {
            var missing = c.Table("Missing");
            var start = c.Dates(missing, "MIS_START");
            var end = c.Dates(missing, "MIS_END");
            foreach (var group in missing.ByChild.Groups)
            {
                var rows = group.ToArray();
                Array.Sort(rows, (x, y) =>
                {
                    var byEnd = CompareNullLast(end[x] ?? start[x], end[y] ?? start[y]);
                    if (byEnd != 0)
                    {
                        return byEnd;
                    }

                    var byStart = CompareNullLast(start[x], start[y]);
                    return byStart != 0 ? byStart : x.CompareTo(y);
                });
                for (var k = 1; k < rows.Length; k++)
                {
                    if (end[rows[k - 1]] is not { } previousEnd || start[rows[k]] < previousEnd)
                    {
                        c.Fail(missing, rows[k]);
                    }
                }
            }
        }),

        // An open missing period (no MIS_END) started during an episode that has ended.
        new("575", c =>
        {
            var episodes = c.Table("Episodes");
            var missing = c.Table("Missing");
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            var start = c.Dates(missing, "MIS_START");
            var end = missing.Text("MIS_END");
            for (var i = 0; i < missing.Count; i++)
            {
                if (end[i] is not null || start[i] is not { } s)
                {
                    continue;
                }

                foreach (var e in episodes.ByChild.Rows(missing.Child[i]))
                {
                    if (decom[e] <= s && dec[e] is { } d && s <= d)
                    {
                        c.Fail(missing, i);
                        break;
                    }
                }
            }
        }),

        // Last year has an open missing period whose start is not that of the child's first missing period this year.
        new("576", c =>
        {
            var missing = c.Table("Missing");
            var last = c.Table("Missing_last");
            var start = c.Dates(missing, "MIS_START");
            var lastStart = c.Dates(last, "MIS_START");
            var lastEnd = last.Text("MIS_END");
            foreach (var rows in missing.ByChild.Groups)
            {
                var first = rows[0];
                foreach (var r in rows)
                {
                    if ((start[r] ?? DateOnly.MaxValue) < (start[first] ?? DateOnly.MaxValue))
                    {
                        first = r;
                    }
                }

                foreach (var l in last.ByChild.Rows(missing.Child[first]))
                {
                    if (lastEnd[l] is null && lastStart[l] is { } ls && start[first] != ls)
                    {
                        c.Fail(missing, first);
                        break;
                    }
                }
            }
        }),

        // A missing period is open, or ends, outside every period of care of the child (open after care ended).
        new("577", c =>
        {
            var episodes = c.Table("Episodes");
            var missing = c.Table("Missing");
            var periods = PeriodsOfCare(c, episodes);
            var start = c.Dates(missing, "MIS_START");
            var end = c.Dates(missing, "MIS_END");
            for (var i = 0; i < missing.Count; i++)
            {
                if (start[i] is not { } s || !periods.TryGetValue(missing.Child[i] ?? "", out var list))
                {
                    continue;
                }

                var e = end[i];
                var outside = true;
                foreach (var (from, to) in list)
                {
                    var isOut = (e is null && to is not null) || (e is null && s < from) || e > to || e < from;
                    if (!isOut)
                    {
                        outside = false;
                        break;
                    }
                }

                if (outside)
                {
                    c.Fail(missing, i);
                }
            }
        }),

        // MIS_START falls outside every period of care of the child (after care ended, or before it began).
        new("578", c =>
        {
            var episodes = c.Table("Episodes");
            var missing = c.Table("Missing");
            var periods = PeriodsOfCare(c, episodes);
            var start = c.Dates(missing, "MIS_START");
            for (var i = 0; i < missing.Count; i++)
            {
                if (start[i] is not { } s || !periods.TryGetValue(missing.Child[i] ?? "", out var list))
                {
                    continue;
                }

                var outside = true;
                foreach (var (from, to) in list)
                {
                    if (!(s < from || s > to))
                    {
                        outside = false;
                        break;
                    }
                }

                if (outside)
                {
                    c.Fail(missing, i);
                }
            }
        }),

        // A decision to place for adoption starts while the previous one is open, or before it ceased.
        new("579", c =>
        {
            var placed = c.Table("PlacedAdoption");
            var datePlaced = c.Dates(placed, "DATE_PLACED");
            var ceased = c.Dates(placed, "DATE_PLACED_CEASED");
            foreach (var group in placed.ByChild.Groups)
            {
                var rows = group.ToArray();
                Array.Sort(rows, (x, y) =>
                {
                    var byDate = CompareNullLast(datePlaced[x], datePlaced[y]);
                    return byDate != 0 ? byDate : x.CompareTo(y);
                });
                for (var k = 1; k < rows.Length; k++)
                {
                    if (ceased[rows[k - 1]] is not { } previousCeased || datePlaced[rows[k]] < previousCeased)
                    {
                        c.Fail(placed, rows[k]);
                    }
                }
            }
        }),
    ];

    private static void SameAsOpenLast(RuleContext c, string column, Func<string?, string?, bool>? exempt = null)
    {
        var episodes = c.Table("Episodes");
        var last = c.Table("Episodes_last");
        var now = episodes.Text(column);
        var before = last.Text(column);
        FirstEpisodeMatchesOpenLast(c, episodes, last, r => now[r], r => before[r], exempt);
    }

    /// <summary>The 503 check on a placement field derived from the HOME_POST and PL_POST postcodes.</summary>
    private static void SameAsOpenLast(RuleContext c, Func<PostcodeLookup, string?, string?, string?> derive)
    {
        var episodes = c.Table("Episodes");
        var last = c.Table("Episodes_last");
        var postcodes = Lookup(c.Postcodes);
        var home = episodes.Text("HOME_POST");
        var placed = episodes.Text("PL_POST");
        var lastHome = last.Text("HOME_POST");
        var lastPlaced = last.Text("PL_POST");
        FirstEpisodeMatchesOpenLast(c, episodes, last, r => derive(postcodes, home[r], placed[r]), r => derive(postcodes, lastHome[r], lastPlaced[r]));
    }

    private static void AdopterSexes(RuleContext c, string status, FrozenSet<string> allowed)
    {
        var ad1 = c.Table("AD1");
        var ls = ad1.Text("LS_ADOPTR");
        var sex = ad1.Text("SEX_ADOPTR");
        for (var i = 0; i < ad1.Count; i++)
        {
            if (ls[i] == status && (sex[i] is not { } s || !allowed.Contains(s)))
            {
                c.Fail(ad1, i);
            }
        }
    }

    private static void ProviderMissing(RuleContext c, FrozenSet<string> exempt)
    {
        var episodes = c.Table("Episodes");
        var place = episodes.Text("PLACE");
        var provider = episodes.Text("PLACE_PROVIDER");
        for (var i = 0; i < episodes.Count; i++)
        {
            if (provider[i] is null && (place[i] is not { } p || !exempt.Contains(p)))
            {
                c.Fail(episodes, i);
            }
        }
    }

    private static void ProviderWithPlacements(RuleContext c, string code, FrozenSet<string> placements)
    {
        var episodes = c.Table("Episodes");
        var place = episodes.Text("PLACE");
        var provider = episodes.Text("PLACE_PROVIDER");
        for (var i = 0; i < episodes.Count; i++)
        {
            if (provider[i] == code && place[i] is { } p && placements.Contains(p))
            {
                c.Fail(episodes, i);
            }
        }
    }

    private static void HealthCompleted(RuleContext c, string column)
    {
        var oc2 = c.Table("OC2");
        var flag = oc2.Text(column);
        var immunisations = oc2.Text("IMMUNISATIONS");
        var teeth = oc2.Text("TEETH_CHECK");
        var assessment = oc2.Text("HEALTH_ASSESSMENT");
        var misuse = oc2.Text("SUBSTANCE_MISUSE");
        for (var i = 0; i < oc2.Count; i++)
        {
            if (flag[i] == "1" && (immunisations[i] is null || teeth[i] is null || assessment[i] is null || misuse[i] is null))
            {
                c.Fail(oc2, i);
            }
        }
    }

    private static void LeftCareNotAdopted(RuleContext c, FrozenSet<string> orders)
    {
        var episodes = c.Table("Episodes");
        var placed = c.Table("PlacedAdoption");
        var place = episodes.Text("PLACE");
        var ls = episodes.Text("LS");
        var rec = episodes.Text("REC");
        var ceased = placed.Text("DATE_PLACED_CEASED");
        var reason = placed.Text("REASON_PLACED_CEASED");
        var paFailed = new bool[placed.Count];
        for (var i = 0; i < episodes.Count; i++)
        {
            var adoptive = (place[i] is { } p && AdoptionPlacements.Contains(p)) || (ls[i] is { } l && orders.Contains(l));
            if (!adoptive || rec[i] is not { } r || r == "X1" || Adopted.Contains(r))
            {
                continue;
            }

            var rows = placed.ByChild.Rows(episodes.Child[i]);
            var failed = rows.Length == 0;
            foreach (var a in rows)
            {
                if (ceased[a] is null || reason[a] is null)
                {
                    failed = true;
                    paFailed[a] = true;
                }
            }

            if (failed)
            {
                c.Fail(episodes, i);
            }
        }

        FailMarked(c, placed, paFailed);
    }

    private static void MissingBlankWith(RuleContext c, string column)
    {
        var missing = c.Table("Missing");
        var kind = missing.Text("MISSING");
        var date = missing.Text(column);
        for (var i = 0; i < missing.Count; i++)
        {
            if (date[i] is not null && kind[i] is null)
            {
                c.Fail(missing, i);
            }
        }
    }

    private static void FailMarked(RuleContext c, RuleTable table, bool[] marked)
    {
        for (var i = 0; i < marked.Length; i++)
        {
            if (marked[i])
            {
                c.Fail(table, i);
            }
        }
    }

    /// <summary>Two date texts are the same date (compared as dates when both read, else as text).</summary>
    private static bool SameDate(string? a, string b) =>
        a is not null && (RuleTable.TryDate(a, out var x) && RuleTable.TryDate(b, out var y) ? x == y : string.Equals(a, b, StringComparison.Ordinal));

    private static int CompareNullLast(DateOnly? a, DateOnly? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => a.Value.CompareTo(b.Value),
    };
}
