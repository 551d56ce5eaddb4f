using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using static Lantern.Returns.Validation.Ssda903.Ssda903RulesAHelpers;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>SSDA903 rules (see Validation/README.md for who owns which codes).</summary>
internal static partial class Ssda903RulesA
{
    private static readonly FrozenSet<string> SexBefore2025 = Set("1", "2");
    private static readonly FrozenSet<string> SexFrom2025 = Set("M", "F", "U");
    private static readonly FrozenSet<string> Ethnic = Set(
        "WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR",
        "BOTH", "CHNE", "OOTH", "REFU", "NOBT");
    private static readonly FrozenSet<string> MissingTypes = Set("M", "A");
    private static readonly FrozenSet<string> PlaceChangeReasons = Set(
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER");
    private static readonly FrozenSet<string> ZeroOne = Set("0", "1");
    private static readonly FrozenSet<string> PlacedCeasedReasons = Set("RD1", "RD2", "RD3", "RD4");
    private static readonly FrozenSet<string> InTouch = Set("YES", "NO", "DIED", "REFU", "NREQ", "RHOM");
    private static readonly FrozenSet<string> Activity = Set("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0");
    private static readonly FrozenSet<string> ActivityBefore2022 = Set("F1", "P1", "F2", "P2", "F3", "P3", "G4", "G5", "G6", "0");
    private static readonly FrozenSet<string> Accommodation = Set(
        "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S2", "T1", "T2", "U1",
        "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0");
    private static readonly FrozenSet<string> NewEpisodeReasons = Set("S", "P", "L", "T", "U", "B");
    private static readonly FrozenSet<string> LegalStatuses = Set("C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3");
    private static readonly FrozenSet<string> NeedCategories = Set("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");
    private static readonly FrozenSet<string> PlacesTo2024 = Set(
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4",
        "U1", "U2", "U3", "U4", "U5", "U6", "Z1");
    private static readonly FrozenSet<string> Places2025 = Set(
        "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4",
        "U1", "U2", "U3", "U4", "U5", "U6", "Z1");
    private static readonly FrozenSet<string> PlacesFrom2026 = Set(
        "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4",
        "U1", "U2", "U3", "U4", "U5", "U6", "Z1", "Z11", "Z12", "Z13", "Z14");
    private static readonly FrozenSet<string> EpisodeEndReasons = Set(
        "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E8", "E9", "E14",
        "E15", "E16", "E17", "X1");
    private static readonly FrozenSet<string> ReviewCodes = Set("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");
    private static readonly FrozenSet<string> AdopterCounts = Set("1", "2");
    private static readonly FrozenSet<string> AdopterSexes = Set("M1", "F1", "MM", "FF", "MF");
    private static readonly FrozenSet<string> AdopterStatuses = Set("L0", "L11", "L12", "L2", "L3", "L4");
    private static readonly FrozenSet<string> Providers = Set("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");
    private static readonly FrozenSet<string> NoProviderTo2025 = Set("T0", "T1", "T2", "T3", "T4", "Z1");
    private static readonly FrozenSet<string> NoProviderFrom2026 = Set("T0", "T1", "T2", "T3", "Z1", "Z11", "Z12", "Z13", "Z14");
    private static readonly FrozenSet<string> FosteringOrAdoption = Set("A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6");
    private static readonly FrozenSet<string> FosteringOrAdoptionOrK3 = Set("A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6", "K3");

    public static IEnumerable<RuleCheck> All =>
    [
        // Died in care (REC E2, this year or last) yet care leaver information is given.
        new("1000", c =>
        {
            var oc3 = c.Table("OC3");
            var died = new HashSet<string>(StringComparer.Ordinal);
            AddEnded(c.Table("Episodes"), "E2", died);
            if (c.TryTable("Episodes_last") is { } last)
            {
                AddEnded(last, "E2", died);
            }

            for (var i = 0; i < oc3.Count; i++)
            {
                if (oc3.Child[i] is { } child && died.Contains(child))
                {
                    c.Fail(oc3, i);
                }
            }
        }),

        // Episodes (this year and last) show the young person is not a relevant or former relevant child: fewer than
        // 91 days in care since 14 with at least one after 16 (short breaks not counted), or adopted (last REC
        // E11/E12). The reference also flags every care leaver aged 20 or more, whom it means to leave out; they are left out.
        new("1001", Rule1001),

        // No episode this year or last, yet the child is in OC3. Young people aged 20 or more at 31 March are left
        // out: they may well have left care before last year (the DfE's note warns of these false positives; the
        // reference leaves them out of 1001 for the same reason).
        new("1002", c =>
        {
            var episodes = c.Table("Episodes");
            var last = c.Table("Episodes_last");
            var oc3 = c.Table("OC3");
            var dob = c.Dates(oc3, "DOB");
            for (var i = 0; i < oc3.Count; i++)
            {
                if (dob[i] is { } born && born.AddYears(20) > c.ReferenceDate
                    && !episodes.ByChild.Contains(oc3.Child[i]) && !last.ByChild.Contains(oc3.Child[i]))
                {
                    c.Fail(oc3, i);
                }
            }
        }),

        // DATE_PLACED is before the start (DECOM) of the child's first episode with RNE S.
        new("1003", c =>
        {
            var episodes = c.Table("Episodes");
            var placed = c.Table("PlacedAdoption");
            var decom = c.Dates(episodes, "DECOM");
            var rne = episodes.Text("RNE");
            var datePlaced = c.Dates(placed, "DATE_PLACED");
            foreach (var rows in episodes.ByChild.Groups)
            {
                var first = -1;
                foreach (var i in rows)
                {
                    if (rne[i] == "S" && decom[i] is { } d && (first < 0 || d < decom[first]))
                    {
                        first = i;
                    }
                }

                if (first < 0)
                {
                    continue;
                }

                foreach (var p in placed.ByChild.Rows(episodes.Child[first]))
                {
                    if (datePlaced[p] < decom[first])
                    {
                        c.Fail(episodes, first);
                        c.Fail(placed, p);
                    }
                }
            }
        }),

        // MIS_START is blank or not a date.
        new("1004", c => ValidDate(c, "Missing", "MIS_START", blankAllowed: false)),

        // MIS_END, when given, is not a date.
        new("1005", c => ValidDate(c, "Missing", "MIS_END", blankAllowed: true)),

        // MISSING, when given, is not M or A.
        new("1006", c => Codes(c, "Missing", "MISSING", MissingTypes, blankAllowed: true)),

        // Aged 17 or 18 at 31 March and looked after on the last birthday, yet care leaver information is given. The
        // reference counts an open episode (no DEC) as not in care on the birthday; the DfE message counts it as in care.
        new("1007", c =>
        {
            var episodes = c.Table("Episodes");
            var oc3 = c.Table("OC3");
            var leaver = new LeaverItems(oc3);
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            var dob = c.Dates(oc3, "DOB");
            var end = c.ReferenceDate;
            for (var i = 0; i < oc3.Count; i++)
            {
                if (dob[i] is not { } born || born.AddYears(17) > end || born.AddYears(19) <= end || !leaver.Any(i))
                {
                    continue;
                }

                var birthday = LastBirthday(born, end);
                foreach (var e in episodes.ByChild.Rows(oc3.Child[i]))
                {
                    if (decom[e] <= birthday && (dec[e] is not { } d || d > birthday))
                    {
                        c.Fail(oc3, i);
                        break;
                    }
                }
            }
        }),

        // URN, when given and not the placeholder XXXXXXX, is not in Ofsted's provider list (its URN column).
        new("1008", c =>
        {
            var providers = c.Providers;
            var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var u in providers.Text("URN"))
            {
                if (u is not null)
                {
                    known.Add(u);
                }
            }

            var episodes = c.Table("Episodes");
            var urn = episodes.Text("URN");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (urn[i] is { } u && u != "XXXXXXX" && !known.Contains(u))
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // REASON_PLACE_CHANGE, when given, is not a valid code.
        new("1009", c => Codes(c, "Episodes", "REASON_PLACE_CHANGE", PlaceChangeReasons, blankAllowed: true)),

        // The child's last episode of last year was open, there is no episode this year, and the child is in OC3.
        new("1010", c =>
        {
            var episodes = c.Table("Episodes");
            var last = c.Table("Episodes_last");
            var oc3 = c.Table("OC3");
            var decom = c.Dates(last, "DECOM");
            var dec = last.Text("DEC");
            var open = new HashSet<string>(StringComparer.Ordinal);
            var ordered = last.ByChildOrderedBy("DECOM");
            for (var g = 0; g < ordered.Count; g++)
            {
                var latest = -1;
                foreach (var i in ordered[g])
                {
                    if (decom[i] is not null)
                    {
                        latest = i;
                    }
                }

                if (latest >= 0 && dec[latest] is null)
                {
                    open.Add(last.Child[latest]!);
                }
            }

            for (var i = 0; i < oc3.Count; i++)
            {
                if (oc3.Child[i] is { } child && open.Contains(child) && !episodes.ByChild.Contains(child))
                {
                    c.Fail(oc3, i);
                }
            }
        }),

        // The child's latest episode ended with care transferred to another authority (REC E3), yet care leaver information is given.
        new("1011", c =>
        {
            var episodes = c.Table("Episodes");
            var oc3 = c.Table("OC3");
            var rec = episodes.Text("REC");
            var transferred = new HashSet<string>(StringComparer.Ordinal);
            foreach (var i in LatestByDecom(c, episodes))
            {
                if (rec[i] == "E3")
                {
                    transferred.Add(episodes.Child[i]!);
                }
            }

            FailLeaverData(c, oc3, transferred);
        }),

        // A child without episodes this year has rows in PlacedAdoption, Missing, Reviews, AD1, PrevPerm or OC2.
        new("1012", c =>
        {
            var episodes = c.Table("Episodes");
            foreach (var name in (string[])["PlacedAdoption", "Missing", "Reviews", "AD1", "PrevPerm", "OC2"])
            {
                if (c.TryTable(name) is not { } t)
                {
                    continue;
                }

                for (var i = 0; i < t.Count; i++)
                {
                    if (t.Child[i] is null)
                    {
                        c.Fail(t, i);
                    }
                }

                for (var g = 0; g < t.ByChild.Groups.Count; g++)
                {
                    if (!episodes.ByChild.Contains(t.ByChild.Children[g]))
                    {
                        foreach (var i in t.ByChild.Groups[g])
                        {
                            c.Fail(t, i);
                        }
                    }
                }
            }
        }),

        // A UASC child with no episode in the year has care leaver information (both the UASC and OC3 rows are reported).
        new("1014", c =>
        {
            var uasc = c.Table("UASC");
            var episodes = c.Table("Episodes");
            var oc3 = c.Table("OC3");
            var leaver = new LeaverItems(oc3);
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            var start = c.CollectionStart;
            var end = c.ReferenceDate;
            var notInYear = new HashSet<string>(StringComparer.Ordinal);
            for (var g = 0; g < episodes.ByChild.Groups.Count; g++)
            {
                var any = false;
                foreach (var i in episodes.ByChild.Groups[g])
                {
                    any |= decom[i] <= end && (dec[i] is not { } d || d >= start);
                }

                if (!any)
                {
                    notInYear.Add(episodes.ByChild.Children[g]);
                }
            }

            var withData = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < oc3.Count; i++)
            {
                if (oc3.Child[i] is { } child && notInYear.Contains(child) && uasc.ByChild.Contains(child) && leaver.Any(i))
                {
                    c.Fail(oc3, i);
                    withData.Add(child);
                }
            }

            for (var i = 0; i < uasc.Count; i++)
            {
                if (uasc.Child[i] is { } child && withData.Contains(child))
                {
                    c.Fail(uasc, i);
                }
            }
        }),

        // Own provision (PR1), not fostering or adoption (nor K3 from 2025-26) nor a short break, yet placed outside the
        // council's area. PL_LA is the LA column of the postcode list for PL_POST. The return does not name its council,
        // so the council is taken as the authority where most of its children's home postcodes (HOME_POST) lie.
        new("1015", c => Rule1015(c, FosteringOrAdoption)) { LastYear = 2025 },
        new("1015", c => Rule1015(c, FosteringOrAdoptionOrK3)) { FirstYear = 2026 },

        // Aged 17 or 18 at 31 March and an episode ended after the birthday (the 17th or 18th, in the year), yet care
        // leaver information is given. The reference compares with the 17th birthday whatever the age and counts a
        // care end on the birthday itself; the DfE's rule says after the birthday, which is followed.
        new("1016", c =>
        {
            var oc3 = c.Table("OC3");
            var leaver = new LeaverItems(oc3);
            var episodes = c.Table("Episodes");
            var dob = c.Dates(oc3, "DOB");
            var dec = c.Dates(episodes, "DEC");
            var end = c.ReferenceDate;
            for (var i = 0; i < oc3.Count; i++)
            {
                if (dob[i] is not { } born || born.AddYears(17) > end || born.AddYears(19) <= end || !leaver.Any(i))
                {
                    continue;
                }

                var birthday = LastBirthday(born, end);
                foreach (var e in episodes.ByChild.Rows(oc3.Child[i]))
                {
                    if (dec[e] > birthday)
                    {
                        c.Fail(oc3, i);
                        break;
                    }
                }
            }
        }),

        // Sex is not valid: 1 or 2 until 2023-24, M, F or U from 2024-25.
        new("101", c => Codes(c, "Header", "SEX", SexBefore2025, blankAllowed: false)) { LastYear = 2024 },
        new("101", c => Codes(c, "Header", "SEX", SexFrom2025, blankAllowed: false)) { FirstYear = 2025 },

        // DOB is blank or not a date.
        new("102", c => ValidDate(c, "Header", "DOB", blankAllowed: false)),

        // ETHNIC is blank or not a valid code.
        new("103", c => Codes(c, "Header", "ETHNIC", Ethnic, blankAllowed: false)),

        // DUC, when given, is not a date or is before the collection year.
        new("104", c =>
        {
            var uasc = c.Table("UASC");
            var duc = uasc.Text("DUC");
            for (var i = 0; i < uasc.Count; i++)
            {
                if (duc[i] is { } text && (!RuleTable.TryDate(text, out var d) || d < c.CollectionStart))
                {
                    c.Fail(uasc, i);
                }
            }
        }),

        // UASC in the Header is not 0 or 1. Only the XML return has this column; a CSV return (no UASC column) is skipped.
        new("105", c =>
        {
            var header = c.Table("Header");
            if (!header.Has("UASC"))
            {
                throw new RuleSkippedException("the Header has no UASC column (only the XML return has it)");
            }

            Codes(c, "Header", "UASC", ZeroOne, blankAllowed: false);
        }),

        // DATE_INT, when given, is not a date.
        new("112", c => ValidDate(c, "AD1", "DATE_INT", blankAllowed: true)),

        // DATE_MATCH, when given, is not a date.
        new("113", c => ValidDate(c, "AD1", "DATE_MATCH", blankAllowed: true)),

        // FOSTER_CARE, when given, is not 0 or 1.
        new("114", c => Codes(c, "AD1", "FOSTER_CARE", ZeroOne, blankAllowed: true)),

        // DATE_PLACED, when given, is not a date.
        new("115", c => ValidDate(c, "PlacedAdoption", "DATE_PLACED", blankAllowed: true)),

        // DATE_PLACED_CEASED, when given, is not a date.
        new("116", c => ValidDate(c, "PlacedAdoption", "DATE_PLACED_CEASED", blankAllowed: true)),

        // DATE_PLACED or DATE_PLACED_CEASED is after 31 March or after the DEC of the child's latest episode not ending X1.
        new("117", c =>
        {
            var episodes = c.Table("Episodes");
            var placed = c.Table("PlacedAdoption");
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            var rec = episodes.Text("REC");
            var datePlaced = c.Dates(placed, "DATE_PLACED");
            var ceased = c.Dates(placed, "DATE_PLACED_CEASED");
            var end = c.ReferenceDate;
            foreach (var rows in episodes.ByChild.Groups)
            {
                var latest = -1;
                foreach (var i in rows)
                {
                    if (rec[i] != "X1" && decom[i] is { } d && (latest < 0 || d > decom[latest]))
                    {
                        latest = i;
                    }
                }

                if (latest < 0)
                {
                    continue;
                }

                var ended = dec[latest];
                foreach (var p in placed.ByChild.Rows(episodes.Child[latest]))
                {
                    if (datePlaced[p] > end || datePlaced[p] > ended || ceased[p] > end || ceased[p] > ended)
                    {
                        c.Fail(episodes, latest);
                        c.Fail(placed, p);
                    }
                }
            }
        }),

        // DATE_PLACED_CEASED is before 1 April or before the DECOM of the child's first episode not on short breaks (V3/V4).
        new("118", c =>
        {
            var episodes = c.Table("Episodes");
            var placed = c.Table("PlacedAdoption");
            var decom = c.Dates(episodes, "DECOM");
            var ls = episodes.Text("LS");
            var ceased = c.Dates(placed, "DATE_PLACED_CEASED");
            foreach (var rows in episodes.ByChild.Groups)
            {
                var first = -1;
                foreach (var i in rows)
                {
                    if (ls[i] is not ("V3" or "V4") && decom[i] is { } d && (first < 0 || d < decom[first]))
                    {
                        first = i;
                    }
                }

                if (first < 0)
                {
                    continue;
                }

                foreach (var p in placed.ByChild.Rows(episodes.Child[first]))
                {
                    if (ceased[p] is { } when && (when < decom[first] || when < c.CollectionStart))
                    {
                        c.Fail(episodes, first);
                        c.Fail(placed, p);
                    }
                }
            }
        }),

        // DATE_PLACED_CEASED and REASON_PLACED_CEASED are not both given or both blank.
        new("119", c => BothOrNeither(c, "PlacedAdoption", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")),

        // REASON_PLACED_CEASED, when given, is not RD1-RD4.
        new("120", c => Codes(c, "PlacedAdoption", "REASON_PLACED_CEASED", PlacedCeasedReasons, blankAllowed: true)),

        // IN_TOUCH is blank or not a valid code.
        new("131", c => Codes(c, "OC3", "IN_TOUCH", InTouch, blankAllowed: false)),

        // ACTIV is blank or not a valid code (F3/P3 until 2020-21, F4/P4/F5/P5 from 2021-22).
        new("132", c => Codes(c, "OC3", "ACTIV", ActivityBefore2022, blankAllowed: false)) { LastYear = 2021 },
        new("132", c => Codes(c, "OC3", "ACTIV", Activity, blankAllowed: false)) { FirstYear = 2022 },

        // ACCOM is blank or not a valid code.
        new("133", c => Codes(c, "OC3", "ACCOM", Accommodation, blankAllowed: false)),

        // Adoption data (AD1) is given for a child with care leaver information (OC3).
        new("134", c =>
        {
            var oc3 = c.Table("OC3");
            var leaver = new LeaverItems(oc3);
            var ad1 = c.Table("AD1");
            var leavers = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < oc3.Count; i++)
            {
                if (oc3.Child[i] is { } child && leaver.Any(i))
                {
                    leavers.Add(child);
                }
            }

            string?[][] items = [ad1.Text("DATE_INT"), ad1.Text("DATE_MATCH"), ad1.Text("FOSTER_CARE"), ad1.Text("NB_ADOPTR"), ad1.Text("SEX_ADOPTR"), ad1.Text("LS_ADOPTR")];
            for (var i = 0; i < ad1.Count; i++)
            {
                if (ad1.Child[i] is { } child && leavers.Contains(child) && CountGiven(items, i) > 0)
                {
                    c.Fail(ad1, i);
                }
            }
        }),

        // DECOM, when given, is not a date.
        new("141", c => ValidDate(c, "Episodes", "DECOM", blankAllowed: true)),

        // An episode other than the child's latest (by DECOM) has no DEC or no REC.
        new("142", c =>
        {
            var episodes = c.Table("Episodes");
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            var rec = episodes.Text("REC");
            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                for (var k = 0; k < rows.Length - 1; k++)
                {
                    var i = rows[k];
                    if (decom[i] is not null && (dec[i] is null || rec[i] is null))
                    {
                        c.Fail(episodes, i);
                    }
                }
            }
        }),

        // RNE, when given, is not a valid code.
        new("143", c => Codes(c, "Episodes", "RNE", NewEpisodeReasons, blankAllowed: true)),

        // LS, when given, is not a valid code.
        new("144", c => Codes(c, "Episodes", "LS", LegalStatuses, blankAllowed: true)),

        // CIN, when given, is not N1-N8.
        new("145", c => Codes(c, "Episodes", "CIN", NeedCategories, blankAllowed: true)),

        // PLACE, when given, is not a code of the year's layout: K3 replaced H5 and P2 from 2024-25, Z11-Z14 added in
        // 2025-26. The reference drops Z1 in 2025-26; the 2026 layout still lists it, so it stays valid here.
        new("146", c => Codes(c, "Episodes", "PLACE", PlacesTo2024, blankAllowed: true)) { LastYear = 2024 },
        new("146", c => Codes(c, "Episodes", "PLACE", Places2025, blankAllowed: true)) { FirstYear = 2025, LastYear = 2025 },
        new("146", c => Codes(c, "Episodes", "PLACE", PlacesFrom2026, blankAllowed: true)) { FirstYear = 2026 },

        // DEC, when given, is not a date.
        new("147", c => ValidDate(c, "Episodes", "DEC", blankAllowed: true)),

        // DEC and REC are not both given or both blank.
        new("148", c => BothOrNeither(c, "Episodes", "DEC", "REC")),

        // REC, when given, is not a valid code.
        new("149", c => Codes(c, "Episodes", "REC", EpisodeEndReasons, blankAllowed: true)),

        // The AD1 items are not all given or all blank.
        new("151", c =>
        {
            var ad1 = c.Table("AD1");
            string?[][] items = [ad1.Text("DATE_INT"), ad1.Text("DATE_MATCH"), ad1.Text("FOSTER_CARE"), ad1.Text("NB_ADOPTR"), ad1.Text("SEX_ADOPTR"), ad1.Text("LS_ADOPTR")];
            for (var i = 0; i < ad1.Count; i++)
            {
                if (CountGiven(items, i) is > 0 and < 6)
                {
                    c.Fail(ad1, i);
                }
            }
        }),

        // IN_TOUCH, ACTIV and ACCOM are not all given or all blank.
        new("153", c =>
        {
            var oc3 = c.Table("OC3");
            string?[][] items = [oc3.Text("IN_TOUCH"), oc3.Text("ACTIV"), oc3.Text("ACCOM")];
            for (var i = 0; i < oc3.Count; i++)
            {
                if (CountGiven(items, i) is > 0 and < 3)
                {
                    c.Fail(oc3, i);
                }
            }
        }),

        // Continuously looked after, aged 4 or more on 1 April and 16 or less on 31 March, no SDQ score and SDQ_REASON SDQ1.
        new("157", c =>
        {
            var oc2 = c.Table("OC2");
            var cla = ContinuouslyLookedAfter(c, c.Table("Episodes"));
            var dob = c.Dates(oc2, "DOB");
            var score = oc2.Text("SDQ_SCORE");
            var reason = oc2.Text("SDQ_REASON");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (reason[i] == "SDQ1" && score[i] is null && oc2.Child[i] is { } child && cla.Contains(child)
                    && dob[i] is { } born && born.AddYears(4) <= c.CollectionStart && born.AddYears(16) >= c.ReferenceDate)
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // INTERVENTION_RECEIVED is 1 yet INTERVENTION_OFFERED is given.
        new("158", c =>
        {
            var oc2 = c.Table("OC2");
            var received = oc2.Text("INTERVENTION_RECEIVED");
            var offered = oc2.Text("INTERVENTION_OFFERED");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (received[i] == "1" && offered[i] is not null)
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // SUBSTANCE_MISUSE is 1 and INTERVENTION_RECEIVED is 0 yet INTERVENTION_OFFERED is blank.
        new("159", c =>
        {
            var oc2 = c.Table("OC2");
            var misuse = oc2.Text("SUBSTANCE_MISUSE");
            var received = oc2.Text("INTERVENTION_RECEIVED");
            var offered = oc2.Text("INTERVENTION_OFFERED");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (misuse[i] == "1" && received[i] == "0" && offered[i] is null)
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // The placement distance (HOME_POST to PL_POST, miles, from the postcode list's EASTING/NORTHING) is not
        // between 0.0 and 999.9, for a child never UASC (Header UASC 1 or a UASC row, this year or last) and not on a
        // short break (V3/V4). A postcode not in the list gives no distance, so no failure.
        new("164", c =>
        {
            var episodes = c.Table("Episodes");
            var index = PostcodeIndex(c);
            var uasc = new HashSet<string>(StringComparer.Ordinal);
            AddUasc(c.TryTable("Header"), c.TryTable("UASC"), uasc);
            AddUasc(c.TryTable("Header_last"), c.TryTable("UASC_last"), uasc);
            var home = episodes.Text("HOME_POST");
            var place = episodes.Text("PL_POST");
            var ls = episodes.Text("LS");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (home[i] is { } h && place[i] is { } p && ls[i] is not ("V3" or "V4") && !uasc.Contains(episodes.Child[i] ?? "")
                    && index.TryGetValue(Normalise(h), out var from) && index.TryGetValue(Normalise(p), out var to))
                {
                    double dx = from.Easting - to.Easting, dy = from.Northing - to.Northing;
                    var miles = Math.Round(Math.Sqrt((dx * dx) + (dy * dy)) / 1609.344, 1);
                    if (miles is < 0 or > 999.9)
                    {
                        c.Fail(episodes, i);
                    }
                }
            }
        }),

        // MOTHER is not 0/1, is given for a male, is blank for a female in care in the year, or is given for a female
        // with no episode in the year but with care leaver information. Only children with episodes other than short
        // breaks are judged, as in the reference; male/female are 1/2 until 2023-24 and M/F from 2024-25.
        new("165", c =>
        {
            var header = c.Table("Header");
            var episodes = c.Table("Episodes");
            var oc3 = c.Table("OC3");
            var leaver = new LeaverItems(oc3);
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            var ls = episodes.Text("LS");
            var mother = header.Text("MOTHER");
            var sex = header.Text("SEX");
            var (male, female) = c.Year.EndYear >= 2025 ? ("M", "F") : ("1", "2");
            var start = c.CollectionStart;
            var end = c.ReferenceDate;
            for (var g = 0; g < episodes.ByChild.Groups.Count; g++)
            {
                bool judged = false, inYear = false;
                foreach (var i in episodes.ByChild.Groups[g])
                {
                    if (ls[i] is "V3" or "V4")
                    {
                        continue;
                    }

                    judged = true;
                    inYear |= (dec[i] ?? end) >= start && decom[i] <= end;
                }

                if (!judged)
                {
                    continue;
                }

                var child = episodes.ByChild.Children[g];
                var oc3Rows = oc3.ByChild.Rows(child);
                var hasLeaverData = false;
                foreach (var o in oc3Rows)
                {
                    hasLeaverData |= leaver.Any(o);
                }

                var failed = false;
                foreach (var h in header.ByChild.Rows(child))
                {
                    var m = mother[h];
                    if ((m is not null && !ZeroOne.Contains(m))
                        || (m is not null && sex[h] == male)
                        || (m is null && sex[h] == female && inYear)
                        || (m is not null && sex[h] == female && !inYear && hasLeaverData))
                    {
                        c.Fail(header, h);
                        failed = true;
                    }
                }

                if (failed)
                {
                    foreach (var o in oc3Rows)
                    {
                        c.Fail(oc3, o);
                    }
                }
            }
        }),

        // REVIEW is blank or not a date.
        new("166", c => ValidDate(c, "Reviews", "REVIEW", blankAllowed: false)),

        // REVIEW_CODE is not a valid code when a review date is given, or is given without a review date.
        new("167", c =>
        {
            var reviews = c.Table("Reviews");
            var review = reviews.Text("REVIEW");
            var code = reviews.Text("REVIEW_CODE");
            for (var i = 0; i < reviews.Count; i++)
            {
                var ok = review[i] is null ? code[i] is null : code[i] is { } v && ReviewCodes.Contains(v);
                if (!ok)
                {
                    c.Fail(reviews, i);
                }
            }
        }),

        // UPN, when given, is neither a valid UPN (a letter other than I, O, S then 12 digits, or 11 digits and a letter) nor UN1-UN5.
        new("168", c =>
        {
            var header = c.Table("Header");
            var upn = header.Text("UPN");
            for (var i = 0; i < header.Count; i++)
            {
                if (upn[i] is { } u && !UpnPattern().IsMatch(u))
                {
                    c.Fail(header, i);
                }
            }
        }),

        // No placement authority (PL_LA: the LA of PL_POST in the postcode list) for an episode not on short breaks.
        new("169", RulePlacementArea),

        // MC_DOB, when given, is not a date.
        new("171", c => ValidDate(c, "Header", "MC_DOB", blankAllowed: true)),

        // MC_DOB is given for a male (SEX 1 until 2023-24, M from 2024-25). The reference's 2023-24 version tests
        // female (F) by mistake; the DfE message is followed.
        new("174", c => MotherMale(c, "1")) { LastYear = 2024 },
        new("174", c => MotherMale(c, "M")) { FirstYear = 2025 },

        // NB_ADOPTR, when given, is not 1 or 2.
        new("175", c => Codes(c, "AD1", "NB_ADOPTR", AdopterCounts, blankAllowed: true)),

        // SEX_ADOPTR, when given, is not a valid code.
        new("176", c => Codes(c, "AD1", "SEX_ADOPTR", AdopterSexes, blankAllowed: true)),

        // LS_ADOPTR, when given, is not a valid code.
        new("177", c => Codes(c, "AD1", "LS_ADOPTR", AdopterStatuses, blankAllowed: true)),

        // PLACE_PROVIDER, when given, is not PR0-PR5 or is given for a placement without a provider (T0-T4 and Z1
        // until 2024-25; T0-T3, Z1 and Z11-Z14 from 2025-26: the 2026 layout still lists Z1).
        new("178", c => ProviderCode(c, NoProviderTo2025)) { LastYear = 2025 },
        new("178", c => ProviderCode(c, NoProviderFrom2026)) { FirstYear = 2026 },

        // No placement location (PL_LOCATION, in or out of the council's area, known when PL_LA is) for an episode not
        // on short breaks: as 169, since the location is known exactly when the placement authority is.
        new("179", RulePlacementArea),

        // SDQ_SCORE, when given, is not a whole number from 0 to 40.
        new("180", c =>
        {
            var oc2 = c.Table("OC2");
            var score = oc2.Text("SDQ_SCORE");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (score[i] is { } s && !(double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                    && v == Math.Floor(v) && v is >= 0 and <= 40))
                {
                    c.Fail(oc2, i);
                }
            }
        }),
    ];

    [GeneratedRegex(@"^(?:[A-HJ-NP-RT-Z](?:\d{12}|\d{11}[A-Z])|UN[1-5])$", RegexOptions.CultureInvariant)]
    private static partial Regex UpnPattern();

    /// <summary>The child's last birthday on or before <paramref name="day"/>.</summary>
    private static DateOnly LastBirthday(DateOnly born, DateOnly day)
    {
        var birthday = born.AddYears(day.Year - born.Year);
        return birthday > day ? born.AddYears(day.Year - born.Year - 1) : birthday;
    }

    private static void AddEnded(RuleTable episodes, string reason, HashSet<string> children)
    {
        var rec = episodes.Text("REC");
        for (var i = 0; i < episodes.Count; i++)
        {
            if (episodes.Child[i] is { } child && string.Equals(rec[i], reason, StringComparison.OrdinalIgnoreCase))
            {
                children.Add(child);
            }
        }
    }

    private static void AddUasc(RuleTable? header, RuleTable? uasc, HashSet<string> children)
    {
        if (header is not null && header.Has("UASC"))
        {
            var flag = header.Text("UASC");
            for (var i = 0; i < header.Count; i++)
            {
                if (flag[i] == "1" && header.Child[i] is { } child)
                {
                    children.Add(child);
                }
            }
        }
        else if (uasc is not null)
        {
            foreach (var child in uasc.ByChild.Children)
            {
                children.Add(child);
            }
        }
    }

    /// <summary>Each child's episode with the latest DECOM (the first of equals), skipping children with no readable DECOM.</summary>
    private static List<int> LatestByDecom(RuleContext c, RuleTable episodes)
    {
        var decom = c.Dates(episodes, "DECOM");
        var result = new List<int>(episodes.ByChild.Groups.Count);
        foreach (var rows in episodes.ByChild.Groups)
        {
            var latest = -1;
            foreach (var i in rows)
            {
                if (decom[i] is { } d && (latest < 0 || d > decom[latest]))
                {
                    latest = i;
                }
            }

            if (latest >= 0)
            {
                result.Add(latest);
            }
        }

        return result;
    }

    private static int CountGiven(string?[][] items, int row)
    {
        var n = 0;
        foreach (var item in items)
        {
            if (item[row] is not null)
            {
                n++;
            }
        }

        return n;
    }

    private static void BothOrNeither(RuleContext c, string table, string first, string second)
    {
        var t = c.Table(table);
        var a = t.Text(first);
        var b = t.Text(second);
        for (var i = 0; i < t.Count; i++)
        {
            if ((a[i] is null) != (b[i] is null))
            {
                c.Fail(t, i);
            }
        }
    }

    private static void MotherMale(RuleContext c, string male)
    {
        var header = c.Table("Header");
        var sex = header.Text("SEX");
        var mcDob = header.Text("MC_DOB");
        for (var i = 0; i < header.Count; i++)
        {
            if (sex[i] == male && mcDob[i] is not null)
            {
                c.Fail(header, i);
            }
        }
    }

    private static void ProviderCode(RuleContext c, FrozenSet<string> noProvider)
    {
        var episodes = c.Table("Episodes");
        var provider = episodes.Text("PLACE_PROVIDER");
        var place = episodes.Text("PLACE");
        for (var i = 0; i < episodes.Count; i++)
        {
            if (provider[i] is { } p && (!Providers.Contains(p) || (place[i] is { } pl && noProvider.Contains(pl))))
            {
                c.Fail(episodes, i);
            }
        }
    }

    private static void RulePlacementArea(RuleContext c)
    {
        var episodes = c.Table("Episodes");
        var placementLa = PlacementLa(c, episodes);
        var ls = episodes.Text("LS");
        for (var i = 0; i < episodes.Count; i++)
        {
            if (ls[i] is not ("V3" or "V4") && placementLa[i] is null)
            {
                c.Fail(episodes, i);
            }
        }
    }

    private static void Rule1015(RuleContext c, FrozenSet<string> excluded)
    {
        var episodes = c.Table("Episodes");
        var index = PostcodeIndex(c);
        var placementLa = PlacementLa(c, episodes);
        var home = episodes.Text("HOME_POST");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < episodes.Count; i++)
        {
            if (home[i] is { } h && index.TryGetValue(Normalise(h), out var at) && at.La is { } la)
            {
                counts[la] = counts.GetValueOrDefault(la) + 1;
            }
        }

        string? own = null;
        foreach (var (la, n) in counts)
        {
            if (own is null || n > counts[own])
            {
                own = la;
            }
        }

        var place = episodes.Text("PLACE");
        var provider = episodes.Text("PLACE_PROVIDER");
        var ls = episodes.Text("LS");
        for (var i = 0; i < episodes.Count; i++)
        {
            if (provider[i] == "PR1" && place[i] is { } p && !excluded.Contains(p) && ls[i] is { } s && s is not ("V3" or "V4")
                && placementLa[i] != own)
            {
                c.Fail(episodes, i);
            }
        }
    }

    private static void Rule1001(RuleContext c)
    {
        var current = c.Table("Episodes");
        var last = c.Table("Episodes_last");
        var oc3 = c.Table("OC3");
        var header = c.Table("Header");
        if (current.Count == 0 || last.Count == 0 || oc3.Count == 0 || header.Count == 0)
        {
            return;
        }

        var end = c.ReferenceDate;
        var dob = c.Dates(header, "DOB");
        var years = new[] { new EpisodeColumns(c, current), new EpisodeColumns(c, last) };

        // One child's episodes of both years by start; of an episode in both years the one with an end date is kept.
        var eps = new Dictionary<DateOnly, (DateOnly? Dec, string? Ls, string? Rec, string? Rne)>();
        foreach (var child in oc3.ByChild.Children)
        {
            var h = header.ByChild.First(child);
            DateOnly? born = h >= 0 ? dob[h] : null;
            eps.Clear();
            foreach (var year in years)
            {
                foreach (var i in year.Table.ByChild.Rows(child))
                {
                    if (year.Decom[i] is not { } start)
                    {
                        continue;
                    }

                    var dec = year.Dec[i];
                    if (!eps.TryGetValue(start, out var kept) || (dec is { } d && (kept.Dec is null || d < kept.Dec)))
                    {
                        eps[start] = (dec, year.Ls[i], year.Rec[i], year.Rne[i]);
                    }
                }
            }

            if (Fails1001(eps, born, end))
            {
                foreach (var i in oc3.ByChild.Rows(child))
                {
                    c.Fail(oc3, i);
                }
            }
        }
    }

    private static bool Fails1001(Dictionary<DateOnly, (DateOnly? Dec, string? Ls, string? Rec, string? Rne)> eps, DateOnly? born, DateOnly end)
    {
        var under20 = born is { } b && b.AddYears(20) > end;
        if (eps.Count == 0)
        {
            return under20;
        }

        var latest = DateOnly.MinValue;
        foreach (var start in eps.Keys)
        {
            latest = start > latest ? start : latest;
        }

        var (latestDec, _, latestRec, _) = eps[latest];
        if (latestRec is { } r && (r.Equals("E11", StringComparison.OrdinalIgnoreCase) || r.Equals("E12", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // The days in care can be counted only when the two years hold the start of it: when the earliest episode
        // loaded does not start a period of care (RNE S), it began before last year and the count would be short (the
        // false positive the DfE's note warns of).
        if (!under20 || eps[eps.Keys.Min()].Rne != "S")
        {
            return false;
        }

        var from14 = born!.Value.AddYears(14).DayNumber;
        var from16 = born.Value.AddYears(16).DayNumber;
        long days14 = 0, days16 = 0;
        foreach (var (start, ep) in eps)
        {
            var stop = start == latest ? latestDec ?? end : ep.Dec;
            if (ep.Ls is "V3" or "V4" || stop is not { } s)
            {
                continue;
            }

            days14 += Math.Max(0, s.DayNumber - Math.Max(start.DayNumber, from14));
            days16 += Math.Max(0, s.DayNumber - Math.Max(start.DayNumber, from16));
        }

        return days14 < 91 || days16 < 1;
    }

    /// <summary>The episode columns 1001 reads from one year's table.</summary>
    private sealed class EpisodeColumns(RuleContext c, RuleTable table)
    {
        public RuleTable Table { get; } = table;

        public DateView Decom { get; } = c.Dates(table, "DECOM");

        public DateView Dec { get; } = c.Dates(table, "DEC");

        public string?[] Ls { get; } = table.Text("LS");

        public string?[] Rec { get; } = table.Text("REC");

        public string?[] Rne { get; } = table.Text("RNE");
    }
}
