using System.Collections.Frozen;
using static Lantern.Returns.Validation.Ssda903.Ssda903RulesBHelpers;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>
/// SSDA903 rules 181 … 352 (see Validation/README.md for who owns which codes). The provider rules read Ofsted's
/// provider list (<see cref="RuleContext.Providers"/>) with the columns URN, PLACE_CODES (placement codes the provider
/// may take, comma-separated), PROVIDER_CODES (PLACE_PROVIDER codes, comma-separated), PROVIDER_POSTCODE and
/// REG_END (date registration ended, blank when open).
/// </summary>
internal static class Ssda903RulesB
{
    private static readonly FrozenSet<string> ZeroOne = FrozenSet.Create(StringComparer.Ordinal, "0", "1");
    private static readonly FrozenSet<string> SdqReasons = FrozenSet.Create(StringComparer.Ordinal, "SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5");
    private static readonly FrozenSet<string> Adopted = FrozenSet.Create(StringComparer.Ordinal, "E11", "E12");
    private static readonly FrozenSet<string> UnknownUpn = FrozenSet.Create(StringComparer.Ordinal, "UN1", "UN2", "UN3", "UN4", "UN5");
    private static readonly FrozenSet<string> UnknownUpnLater = FrozenSet.Create(StringComparer.Ordinal, "UN2", "UN3", "UN4", "UN5");
    private static readonly FrozenSet<string> TemporaryOrShortBreak =
        FrozenSet.Create(StringComparer.Ordinal, "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14");
    private static readonly FrozenSet<string> NoUrnPlacements =
        FrozenSet.Create(StringComparer.Ordinal, "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14");
    private static readonly FrozenSet<string> NoUrnPlacementsBefore2026 =
        FrozenSet.Create(StringComparer.Ordinal, "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1");
    private static readonly FrozenSet<string> NoUrnPlacementsIn2024 =
        FrozenSet.Create(StringComparer.Ordinal, "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1");
    private static readonly FrozenSet<string> NoUrnPlacementsBefore2024 =
        FrozenSet.Create(StringComparer.Ordinal, "H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1");
    private static readonly FrozenSet<string> OutsideEngland = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "CON", "NIR", "SCO", "WAL", "NUK");
    private static readonly FrozenSet<string> PostcodeCheckedPlacements = FrozenSet.Create(StringComparer.Ordinal, "K1", "K2", "R3", "S1");
    private static readonly FrozenSet<string> FosterBeforeAdoption =
        FrozenSet.Create(StringComparer.Ordinal, "A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6");

    private const string UnknownUrn = "XXXXXXX";

    public static IEnumerable<RuleCheck> All =>
    [
        // 181: the OC2 items for children looked after 12 months must be 0 or 1.
        new("181", c =>
        {
            var oc2 = c.Table("OC2");
            var items = Columns(oc2, Oc2Items);
            for (var i = 0; i < oc2.Count; i++)
            {
                foreach (var item in items)
                {
                    if (item[i] is { } v && !ZeroOne.Contains(v))
                    {
                        c.Fail(oc2, i);
                        break;
                    }
                }
            }
        }),

        // 182: immunisations, teeth check, health assessment and substance misuse are all filled, or all OC2 items blank.
        new("182", c =>
        {
            var oc2 = c.Table("OC2");
            var core = Columns(oc2, "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE");
            var others = Columns(oc2, "CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (AnyBlank(core, i) && AnyFilled(others, i))
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 184: the date of the decision to place for adoption is before the child was born.
        new("184", c =>
        {
            var header = c.Table("Header");
            var placed = c.Table("PlacedAdoption");
            var dob = c.Dates(header, "DOB");
            var date = c.Dates(placed, "DATE_PLACED");
            for (var i = 0; i < placed.Count; i++)
            {
                if (date[i] is { } d && Dob(header, dob, placed.Child[i]) is { } born && d < born)
                {
                    c.Fail(placed, i);
                }
            }
        }),

        // 185: not looked after continuously for 12 months but an SDQ score is given.
        new("185", c =>
        {
            var episodes = c.Table("Episodes");
            var oc2 = c.Table("OC2");
            var cla = ContinuouslyLookedAfter(c, episodes);
            var score = oc2.Text("SDQ_SCORE");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (score[i] is not null && !IsCla(cla, oc2.Child[i]))
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 186: aged 4 or over at the start and under 17 at the end, looked after 12 months: an SDQ score is expected.
        // The DfE's tool fails a row when either the score or the reason is blank, which contradicts 197a (no reason
        // when there is a score); a reason for no score is taken as answering it, so only both blank fails.
        new("186", c =>
        {
            var episodes = c.Table("Episodes");
            var oc2 = c.Table("OC2");
            var cla = ContinuouslyLookedAfter(c, episodes);
            var dob = c.Dates(oc2, "DOB");
            var score = oc2.Text("SDQ_SCORE");
            var reason = oc2.Text("SDQ_REASON");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (dob[i] is { } born && born.AddYears(4) <= c.CollectionStart && born.AddYears(17) > c.ReferenceDate
                    && IsCla(cla, oc2.Child[i]) && score[i] is null && reason[i] is null)
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 187: looked after continuously for 12 months yet adoption (AD1) or care leaver (OC3) items are completed.
        new("187", c =>
        {
            var episodes = c.Table("Episodes");
            var oc3 = c.Table("OC3");
            var ad1 = c.Table("AD1");
            var cla = ContinuouslyLookedAfter(c, episodes);
            var leaver = Columns(oc3, "IN_TOUCH", "ACTIV", "ACCOM");
            for (var i = 0; i < oc3.Count; i++)
            {
                if (IsCla(cla, oc3.Child[i]) && AnyFilled(leaver, i))
                {
                    c.Fail(oc3, i);
                }
            }

            var adoption = Columns(ad1, "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR");
            for (var i = 0; i < ad1.Count; i++)
            {
                if (IsCla(cla, ad1.Child[i]) && AnyFilled(adoption, i))
                {
                    c.Fail(ad1, i);
                }
            }
        }),

        // 188: under 4 at the end of the year but an SDQ score or reason is given.
        new("188", c =>
        {
            var oc2 = c.Table("OC2");
            var dob = c.Dates(oc2, "DOB");
            var score = oc2.Text("SDQ_SCORE");
            var reason = oc2.Text("SDQ_REASON");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (dob[i] is { } born && born.AddYears(4) > c.ReferenceDate && (score[i] is not null || reason[i] is not null))
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 189: 17 or over at the start of the year but an SDQ score or reason is given.
        new("189", c =>
        {
            var oc2 = c.Table("OC2");
            var dob = c.Dates(oc2, "DOB");
            var score = oc2.Text("SDQ_SCORE");
            var reason = oc2.Text("SDQ_REASON");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (dob[i] is { } born && born.AddYears(17) <= c.CollectionStart && (score[i] is not null || reason[i] is not null))
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 190: not looked after continuously for 12 months but OC2 items are completed.
        new("190", c =>
        {
            var episodes = c.Table("Episodes");
            var oc2 = c.Table("OC2");
            var cla = ContinuouslyLookedAfter(c, episodes);
            var items = Columns(oc2, Oc2Items);
            for (var i = 0; i < oc2.Count; i++)
            {
                if (!IsCla(cla, oc2.Child[i]) && AnyFilled(items, i))
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 191: looked after continuously for 12 months but OC2 items are blank (or the child has no OC2 row; then the
        // child's earliest episode is reported).
        new("191", c =>
        {
            var episodes = c.Table("Episodes");
            var oc2 = c.Table("OC2");
            var cla = ContinuouslyLookedAfter(c, episodes);
            var items = Columns(oc2, "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (IsCla(cla, oc2.Child[i]) && AnyBlank(items, i))
                {
                    c.Fail(oc2, i);
                }
            }

            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                var child = episodes.Child[rows[0]];
                if (IsCla(cla, child) && !oc2.ByChild.Contains(child))
                {
                    c.Fail(episodes, rows[0]);
                }
            }
        }),

        // 192: substance misuse identified but whether an intervention was received is blank.
        new("192", c =>
        {
            var oc2 = c.Table("OC2");
            var misuse = oc2.Text("SUBSTANCE_MISUSE");
            var received = oc2.Text("INTERVENTION_RECEIVED");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (misuse[i] == "1" && received[i] is null)
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 193: no substance misuse identified but an intervention offered or received is completed.
        new("193", c =>
        {
            var oc2 = c.Table("OC2");
            var misuse = oc2.Text("SUBSTANCE_MISUSE");
            var received = oc2.Text("INTERVENTION_RECEIVED");
            var offered = oc2.Text("INTERVENTION_OFFERED");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (misuse[i] is null or "0" && (received[i] is not null || offered[i] is not null))
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 196: the reason for no SDQ is not a valid code.
        new("196", c =>
        {
            var oc2 = c.Table("OC2");
            var reason = oc2.Text("SDQ_REASON");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (reason[i] is { } r && !SdqReasons.Contains(r))
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 197B: a child turning 4 or 17 during the year, looked after 12 months, needs an SDQ score or a reason.
        new("197B", c =>
        {
            var episodes = c.Table("Episodes");
            var oc2 = c.Table("OC2");
            var cla = ContinuouslyLookedAfter(c, episodes);
            var dob = c.Dates(oc2, "DOB");
            var score = oc2.Text("SDQ_SCORE");
            var reason = oc2.Text("SDQ_REASON");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (dob[i] is not { } born || score[i] is not null || reason[i] is not null || !IsCla(cla, oc2.Child[i]))
                {
                    continue;
                }

                var four = born.AddYears(4);
                var seventeen = born.AddYears(17);
                if ((four >= c.CollectionStart && four <= c.ReferenceDate) || (seventeen >= c.CollectionStart && seventeen <= c.ReferenceDate))
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 197a: a reason for no SDQ score is given as well as a score.
        new("197a", c =>
        {
            var oc2 = c.Table("OC2");
            var score = oc2.Text("SDQ_SCORE");
            var reason = oc2.Text("SDQ_REASON");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (score[i] is not null && reason[i] is not null)
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 198: not looked after continuously for 12 months but a reason for no SDQ score is given.
        new("198", c =>
        {
            var episodes = c.Table("Episodes");
            var oc2 = c.Table("OC2");
            var cla = ContinuouslyLookedAfter(c, episodes);
            var reason = oc2.Text("SDQ_REASON");
            for (var i = 0; i < oc2.Count; i++)
            {
                if (reason[i] is not null && !IsCla(cla, oc2.Child[i]))
                {
                    c.Fail(oc2, i);
                }
            }
        }),

        // 199: an episode follows one that ended in adoption (E11/E12), this year or last (when last year is given).
        new("199", c => Rule199(c)),

        // 202: sex differs from last year's (1/2 of before 2024-25 read as M/F).
        new("202", c => SameAsLastYear(c, "SEX", static s => s switch
        {
            "1" => "M",
            "2" => "F",
            _ => s,
        })),

        // 203: date of birth differs from last year's.
        new("203", c =>
        {
            var header = c.Table("Header");
            var last = c.Table("Header_last");
            var dob = c.Dates(header, "DOB");
            var lastDob = last.Dates("DOB").Values;
            for (var i = 0; i < header.Count; i++)
            {
                var r = last.ByChild.First(header.Child[i]);
                if (r >= 0 && dob[i] != lastDob[r])
                {
                    c.Fail(header, i);
                }
            }
        }),

        // 204: ethnic origin differs from last year's.
        new("204", c => SameAsLastYear(c, "ETHNIC", static s => s)),

        // 205A: UASC last year but not this year, and the dates UASC ceased do not show it ending in last year.
        new("205A", c => Rule205(c, static (u, s) =>
            u.Now != "1" && u.Last == "1"
            && (u.DucText || u.DucLast is not { } d || d < s.Start.AddYears(-1) || d > s.End.AddYears(-1)))),

        // 205B: UASC both years, but the dates ceased do not agree (last year's should be the 18th birthday, this
        // year's within this year or the same as last year's).
        new("205B", c => Rule205(c, static (u, s) =>
            u.Now == "1" && u.Last == "1"
            && ((!(u.Duc >= s.Start && u.Duc <= s.End) && u.Duc != u.DucLast) || u.DucLast is null || u.DucLast != u.DobLast?.AddYears(18)))),

        // 205C: not UASC this year or last, but a date UASC ceased is given.
        new("205C", c => Rule205(c, static (u, _) =>
            u.Now is null or "0" && u.Last is null or "0" && (u.Duc is not null || u.DucLast is not null))),

        // 205D: UASC this year but not last year.
        new("205D", c =>
        {
            var header = c.Table("Header");
            var uasc = c.TryTable("UASC");
            var headerLast = c.TryTable("Header_last");
            var uascLast = c.TryTable("UASC_last");
            if (headerLast is null && uascLast is null)
            {
                _ = c.Table("Header_last");
            }

            var now = UascStatus(header, uasc)!;
            var last = UascStatus(headerLast, uascLast)!;
            for (var i = 0; i < header.Count; i++)
            {
                if (header.Child[i] is { } child && now.GetValueOrDefault(child) == "1" && last.TryGetValue(child, out var before) && before != "1")
                {
                    c.Fail(header, i);
                }
            }
        }),

        // 207: mother status was 1 last year and differs this year (children with episodes this year).
        new("207", c =>
        {
            var header = c.Table("Header");
            var last = c.Table("Header_last");
            var episodes = c.Table("Episodes");
            var mother = header.Text("MOTHER");
            var motherLast = last.Text("MOTHER");
            for (var i = 0; i < header.Count; i++)
            {
                var r = last.ByChild.First(header.Child[i]);
                if (r >= 0 && episodes.ByChild.Contains(header.Child[i]) && motherLast[r] == "1" && mother[i] != "1")
                {
                    c.Fail(header, i);
                }
            }
        }),

        // 208: UPN differs from last year's, other than from unknown (or UN1) to another unknown code, or to a known UPN.
        new("208", c =>
        {
            var header = c.Table("Header");
            var last = c.Table("Header_last");
            var upn = header.Text("UPN");
            var upnLast = last.Text("UPN");
            for (var i = 0; i < header.Count; i++)
            {
                var r = last.ByChild.First(header.Child[i]);
                if (r < 0)
                {
                    continue;
                }

                var now = upn[i]?.ToUpperInvariant();
                var before = upnLast[r]?.ToUpperInvariant();
                if (now == before)
                {
                    continue;
                }

                var unknownChange = (before is null or "UN1") && now is not null && UnknownUpnLater.Contains(now);
                var becameKnown = (before is null || UnknownUpn.Contains(before)) && now is not null && !UnknownUpn.Contains(now);
                if (!unknownChange && !becameKnown)
                {
                    c.Fail(header, i);
                }
            }
        }),

        // 209: of school age (4 by 31 August before the year began) with UPN UN1.
        new("209", c =>
        {
            var header = c.Table("Header");
            var dob = c.Dates(header, "DOB");
            var upn = header.Text("UPN");
            var august = new DateOnly(c.CollectionStart.Year - 1, 8, 31);
            for (var i = 0; i < header.Count; i++)
            {
                if (upn[i] == "UN1" && dob[i] is { } born && born.AddYears(4) <= august)
                {
                    c.Fail(header, i);
                }
            }
        }),

        // 210: UPN UN4 (newly looked after) but an episode started more than a week before 31 March (on or after 24 March
        // is recent). Reports the episodes starting on or after 24 March and the child's header row, as the DfE's tool.
        new("210", c =>
        {
            var header = c.Table("Header");
            var episodes = c.Table("Episodes");
            var upn = header.Text("UPN");
            var decom = c.Dates(episodes, "DECOM");
            var week = new DateOnly(c.ReferenceDate.Year, 3, 24);
            for (var i = 0; i < header.Count; i++)
            {
                if (upn[i] != "UN4")
                {
                    continue;
                }

                var any = false;
                foreach (var e in episodes.ByChild.Rows(header.Child[i]))
                {
                    if (decom[e] >= week)
                    {
                        c.Fail(episodes, e);
                        any = true;
                    }
                }

                if (any)
                {
                    c.Fail(header, i);
                }
            }
        }),

        // 213: placement provider given for a temporary placement (T0-T4; also Z11-Z14 from 2025-26).
        new("213", c => Filled(c, "PLACE_PROVIDER", Temporary)) { LastYear = 2025 },
        new("213", c => Filled(c, "PLACE_PROVIDER", TemporaryOrShortBreak)) { FirstYear = 2026 },

        // 214: placement postcode or URN given for a short-break episode (LS V3/V4).
        new("214", c =>
        {
            var episodes = c.Table("Episodes");
            var ls = episodes.Text("LS");
            var post = episodes.Text("PL_POST");
            var urn = episodes.Text("URN");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (ls[i] is "V3" or "V4" && (post[i] is not null || urn[i] is not null))
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // 215: care leaver items (OC3) and 12-month items (OC2) both completed for a child; both rows reported.
        new("215", c =>
        {
            var oc2 = c.Table("OC2");
            var oc3 = c.Table("OC3");
            var leaver = Columns(oc3, "IN_TOUCH", "ACTIV", "ACCOM");
            var items = Columns(oc2, Oc2Items);
            for (var i = 0; i < oc3.Count; i++)
            {
                if (!AnyFilled(leaver, i))
                {
                    continue;
                }

                foreach (var r in oc2.ByChild.Rows(oc3.Child[i]))
                {
                    if (AnyFilled(items, r))
                    {
                        c.Fail(oc3, i);
                        c.Fail(oc2, r);
                    }
                }
            }
        }),

        // 217: placed for adoption with current foster carers (A3/A5) from 1 April 2015 needs RNE S, T or U.
        new("217", c =>
        {
            var episodes = c.Table("Episodes");
            var place = episodes.Text("PLACE");
            var rne = episodes.Text("RNE");
            var decom = c.Dates(episodes, "DECOM");
            var from = new DateOnly(2015, 4, 1);
            for (var i = 0; i < episodes.Count; i++)
            {
                if (place[i] is "A3" or "A5" && decom[i] >= from && rne[i] is not ("S" or "T" or "U"))
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // 218: URN required for an episode open in the year, other than for placements without one and placements
        // outside England (PL_LA CON/NIR/SCO/WAL/NUK, when the return has that column). H5 and P2 were exempt until
        // 2022-23; Z1 until 2024-25, then its successors Z11-Z14.
        new("218", c => UrnRequired(c, NoUrnPlacementsBefore2024)) { LastYear = 2023 },
        new("218", c => UrnRequired(c, NoUrnPlacementsBefore2026)) { FirstYear = 2024, LastYear = 2025 },
        new("218", c => UrnRequired(c, NoUrnPlacements)) { FirstYear = 2026 },

        // 219: the URN's registered placement types do not include the placement type.
        new("219", c =>
        {
            var place = c.Table("Episodes").Text("PLACE");
            ProviderCheck(c, "PLACE_CODES", (i, value) => value is not null && place[i] is { } p && value.Split(',', StringSplitOptions.TrimEntries).Contains(p));
        }),

        // 221: the placement postcode is not the URN's postcode (K1, K2, R3, S1 placements, not short breaks).
        new("221", c =>
        {
            var episodes = c.Table("Episodes");
            var ls = episodes.Text("LS");
            var place = episodes.Text("PLACE");
            var post = episodes.Text("PL_POST");
            ProviderCheck(c, "PROVIDER_POSTCODE", (i, value) =>
                ls[i] is "V3" or "V4" || place[i] is not { } p || !PostcodeCheckedPlacements.Contains(p) || post[i] is not { } pc
                || (value is not null && Postcode(pc) == Postcode(value)));
        }),

        // 222: a URN is given for a placement type that has none (H5 until 2022-23, P2 until 2023-24, Z1 until
        // 2024-25; from 2025-26 Z11-Z14, which replaced Z1: the DfE's tool still lists Z1 there, a code no longer used).
        new("222", c => UrnNotExpected(c, NoUrnPlacementsBefore2024)) { LastYear = 2023 },
        new("222", c => UrnNotExpected(c, NoUrnPlacementsIn2024)) { FirstYear = 2024, LastYear = 2024 },
        new("222", c => UrnNotExpected(c, NoUrnPlacementsBefore2026)) { FirstYear = 2025, LastYear = 2025 },
        new("222", c => UrnNotExpected(c, NoUrnPlacements)) { FirstYear = 2026 },

        // 224: the placement provider is not one of the URN's provider codes.
        new("224", c =>
        {
            var provider = c.Table("Episodes").Text("PLACE_PROVIDER");
            ProviderCheck(c, "PROVIDER_CODES", (i, value) => value is not null && provider[i] is { } p && value.Split(',', StringSplitOptions.TrimEntries).Contains(p));
        }),

        // 225: reason for placement change needed when a placement ends (X1) and the next episode is a change of placement.
        new("225", c =>
        {
            var episodes = c.Table("Episodes");
            var rec = episodes.Text("REC");
            var reason = episodes.Text("REASON_PLACE_CHANGE");
            var place = episodes.Text("PLACE");
            var rne = episodes.Text("RNE");
            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                for (var k = 0; k + 1 < rows.Length; k++)
                {
                    int i = rows[k], next = rows[k + 1];
                    if (rec[i] == "X1" && reason[i] is null && !IsTemporary(place[i]) && rne[next] is "P" or "B" or "T" or "U" && !IsTemporary(place[next]))
                    {
                        c.Fail(episodes, i);
                    }
                }
            }
        }),

        // 226: a temporary placement (T0-T4) with a reason for placement change on it or on the episode before.
        new("226", c =>
        {
            var episodes = c.Table("Episodes");
            var reason = episodes.Text("REASON_PLACE_CHANGE");
            var place = episodes.Text("PLACE");
            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                for (var k = 0; k < rows.Length; k++)
                {
                    var i = rows[k];
                    if (IsTemporary(place[i]) && (reason[i] is not null || (k > 0 && reason[rows[k - 1]] is not null)))
                    {
                        c.Fail(episodes, i);
                    }
                }
            }
        }),

        // 227: the episode starts on or after the URN's registration ended.
        new("227", c =>
        {
            var episodes = c.Table("Episodes");
            var decom = c.Dates(episodes, "DECOM");
            ProviderDateCheck(c, (i, end) => !(decom[i] >= end));
        }),

        // 228: the episode ends (or, when open, the year ends) after the URN's registration ended.
        new("228", c =>
        {
            var episodes = c.Table("Episodes");
            var dec = c.Dates(episodes, "DEC");
            var decText = episodes.Text("DEC");
            ProviderDateCheck(c, (i, end) => decText[i] is null ? c.ReferenceDate <= end : !(dec[i] > end));
        }),

        // 231: a UASC child aged under 11 at the end of the year (from 2024-25).
        new("231", c =>
        {
            var header = c.Table("Header");
            var status = header.Has("UASC_STATUS") || header.Has("UASC") ? UascFromHeader(header) : UascStatus(header, c.Table("UASC"))!;
            var dob = c.Dates(header, "DOB");
            var eleven = c.ReferenceDate.AddYears(-11);
            for (var i = 0; i < header.Count; i++)
            {
                if (header.Child[i] is { } child && status.GetValueOrDefault(child) == "1" && dob[i] > eleven)
                {
                    c.Fail(header, i);
                }
            }
        }) { FirstYear = 2025 },

        // 232: sex reported as unknown (U; from 2024-25).
        new("232", c =>
        {
            var header = c.Table("Header");
            var sex = header.Text("SEX");
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(sex[i], "U", StringComparison.OrdinalIgnoreCase))
                {
                    c.Fail(header, i);
                }
            }
        }) { FirstYear = 2025 },

        // 233: a reason for placement change on an episode that has not ended (from 2025-26).
        new("233", c =>
        {
            var episodes = c.Table("Episodes");
            var dec = episodes.Text("DEC");
            var reason = episodes.Text("REASON_PLACE_CHANGE");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (dec[i] is null && reason[i] is not null)
                {
                    c.Fail(episodes, i);
                }
            }
        }) { FirstYear = 2026 },

        // 234: placement changed because of custody (CUSTOD) for a child under 10 at the episode's start (from 2025-26).
        new("234", c =>
        {
            var episodes = c.Table("Episodes");
            var header = c.Table("Header");
            var dob = c.Dates(header, "DOB");
            var decom = c.Dates(episodes, "DECOM");
            var reason = episodes.Text("REASON_PLACE_CHANGE");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (reason[i] == "CUSTOD" && decom[i] is { } start && Dob(header, dob, episodes.Child[i]) is { } born && born.AddYears(10) > start)
                {
                    c.Fail(episodes, i);
                }
            }
        }) { FirstYear = 2026 },

        // 3001: a care leaver turning 17 in the year accommodated with former foster carers (Z1/Z2).
        new("3001", c =>
        {
            var header = c.Table("Header");
            var oc3 = c.Table("OC3");
            var dob = c.Dates(header, "DOB");
            var accom = oc3.Text("ACCOM");
            for (var i = 0; i < oc3.Count; i++)
            {
                if (accom[i]?.ToUpperInvariant() is "Z1" or "Z2" && Dob(header, dob, oc3.Child[i]) is { } born
                    && born.AddYears(17) >= c.CollectionStart && born.AddYears(17) <= c.ReferenceDate)
                {
                    c.Fail(oc3, i);
                }
            }
        }),

        // 301: date of birth after the year ended.
        new("301", c =>
        {
            var header = c.Table("Header");
            var dob = c.Dates(header, "DOB");
            for (var i = 0; i < header.Count; i++)
            {
                if (dob[i] > c.ReferenceDate)
                {
                    c.Fail(header, i);
                }
            }
        }),

        // 302: the child's first episode starts before the child was born (episode and header rows reported).
        new("302", c =>
        {
            var header = c.Table("Header");
            var episodes = c.Table("Episodes");
            var dob = c.Dates(header, "DOB");
            var decom = c.Dates(episodes, "DECOM");
            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                var first = rows[0];
                var h = header.ByChild.First(episodes.Child[first]);
                if (h >= 0 && decom[first] is { } start && dob[h] > start)
                {
                    c.Fail(episodes, first);
                    c.Fail(header, h);
                }
            }
        }),

        // 303: a date UASC ceased is given but the child's UASC status is not 1 (only where the header has a UASC
        // column, as in the XML return; for CSV returns the status comes from the UASC table itself).
        new("303", c =>
        {
            var header = c.Table("Header");
            var uasc = c.Table("UASC");
            if (!header.Has("UASC"))
            {
                return;
            }

            var flag = header.Text("UASC");
            var duc = uasc.Text("DUC");
            for (var i = 0; i < header.Count; i++)
            {
                if (flag[i] == "1")
                {
                    continue;
                }

                foreach (var r in uasc.ByChild.Rows(header.Child[i]))
                {
                    if (duc[r] is not null)
                    {
                        c.Fail(uasc, r);
                        c.Fail(header, i);
                    }
                }
            }
        }),

        // 304: date UASC ceased after the 18th birthday.
        new("304", c =>
        {
            var uasc = c.Table("UASC");
            var dob = c.Dates(uasc, "DOB");
            var duc = c.Dates(uasc, "DUC");
            for (var i = 0; i < uasc.Count; i++)
            {
                if (duc[i] is { } d && dob[i] is { } born && d > born.AddYears(18))
                {
                    c.Fail(uasc, i);
                }
            }
        }),

        // 331: date matched with adopters after the start of an episode ending in adoption (E11/E12).
        new("331", c =>
        {
            var ad1 = c.Table("AD1");
            var episodes = c.Table("Episodes");
            var match = c.Dates(ad1, "DATE_MATCH");
            var decom = c.Dates(episodes, "DECOM");
            var rec = episodes.Text("REC");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (rec[i] is not { } r || !Adopted.Contains(r))
                {
                    continue;
                }

                var failed = false;
                foreach (var a in ad1.ByChild.Rows(episodes.Child[i]))
                {
                    if (match[a] > decom[i])
                    {
                        c.Fail(ad1, a);
                        failed = true;
                    }
                }

                if (failed)
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // 333: date matched given without a date of decision to place, or before it.
        new("333", c =>
        {
            var ad1 = c.Table("AD1");
            var match = c.Dates(ad1, "DATE_MATCH");
            var decision = c.Dates(ad1, "DATE_INT");
            var decisionText = ad1.Text("DATE_INT");
            for (var i = 0; i < ad1.Count; i++)
            {
                if (match[i] is { } m && (decisionText[i] is null || decision[i] > m))
                {
                    c.Fail(ad1, i);
                }
            }
        }),

        // 334: the decision to place for adoption is before the start of the latest period of care (last RNE S episode).
        new("334", c =>
        {
            var ad1 = c.Table("AD1");
            var episodes = c.Table("Episodes");
            var decision = c.Dates(ad1, "DATE_INT");
            var decom = c.Dates(episodes, "DECOM");
            var rne = episodes.Text("RNE");
            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                var latest = -1;
                foreach (var i in rows)
                {
                    if (rne[i] == "S" && decom[i] is not null)
                    {
                        latest = i;
                    }
                }

                if (latest < 0)
                {
                    continue;
                }

                foreach (var a in ad1.ByChild.Rows(episodes.Child[latest]))
                {
                    if (decision[a] < decom[latest])
                    {
                        c.Fail(episodes, latest);
                        c.Fail(ad1, a);
                    }
                }
            }
        }),

        // 335: adopted (E1/E11/E12) from A2/A3/A5 but FOSTER_CARE 0, or from A1/A4/A6 but FOSTER_CARE 1.
        new("335", c =>
        {
            var ad1 = c.Table("AD1");
            var episodes = c.Table("Episodes");
            var rec = episodes.Text("REC");
            var place = episodes.Text("PLACE");
            var foster = ad1.Text("FOSTER_CARE");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (rec[i] is not ("E1" or "E11" or "E12"))
                {
                    continue;
                }

                foreach (var a in ad1.ByChild.Rows(episodes.Child[i]))
                {
                    if ((place[i] is "A2" or "A3" or "A5" && foster[a] == "0") || (place[i] is "A1" or "A4" or "A6" && foster[a] == "1"))
                    {
                        c.Fail(episodes, i);
                        c.Fail(ad1, a);
                    }
                }
            }
        }),

        // 336: placed for adoption with current foster carers (A3/A5) but the episode before is not a foster or
        // adoption placement. The DfE's tool tests A3 and A4, against its own comment and the message (placed with
        // *current foster carers* is A3 and A5); this follows the message.
        new("336", c =>
        {
            var episodes = c.Table("Episodes");
            var place = episodes.Text("PLACE");
            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                for (var k = 1; k < rows.Length; k++)
                {
                    var i = rows[k];
                    if (place[i] is "A3" or "A5" && !(place[rows[k - 1]] is { } before && FosterBeforeAdoption.Contains(before)))
                    {
                        c.Fail(episodes, i);
                    }
                }
            }
        }),

        // 344: died or returned home (DIED/RHOM) but activity or accommodation is not 0.
        new("344", c =>
        {
            var oc3 = c.Table("OC3");
            var touch = oc3.Text("IN_TOUCH");
            var activ = oc3.Text("ACTIV");
            var accom = oc3.Text("ACCOM");
            for (var i = 0; i < oc3.Count; i++)
            {
                if (touch[i] is "DIED" or "RHOM" && (activ[i] != "0" || accom[i] != "0"))
                {
                    c.Fail(oc3, i);
                }
            }
        }),

        // 345: in touch (YES) but activity or accommodation is 0.
        new("345", c =>
        {
            var oc3 = c.Table("OC3");
            var touch = oc3.Text("IN_TOUCH");
            var activ = oc3.Text("ACTIV");
            var accom = oc3.Text("ACCOM");
            for (var i = 0; i < oc3.Count; i++)
            {
                if (touch[i] == "YES" && (activ[i] == "0" || accom[i] == "0"))
                {
                    c.Fail(oc3, i);
                }
            }
        }),

        // 347: a care leaver under 18 at the start of the year accommodated in a foyer (ACCOM T).
        new("347", c =>
        {
            var oc3 = c.Table("OC3");
            var dob = c.Dates(oc3, "DOB");
            var accom = oc3.Text("ACCOM");
            for (var i = 0; i < oc3.Count; i++)
            {
                if (accom[i] == "T" && dob[i] is { } born && born.AddYears(18) > c.CollectionStart)
                {
                    c.Fail(oc3, i);
                }
            }
        }),

        // 348: reported as died last year (IN_TOUCH DIED) but not this year (from 2025-26).
        new("348", c =>
        {
            var oc3 = c.Table("OC3");
            var last = c.Table("OC3_last");
            var touch = oc3.Text("IN_TOUCH");
            var touchLast = last.Text("IN_TOUCH");
            for (var i = 0; i < oc3.Count; i++)
            {
                foreach (var r in last.ByChild.Rows(oc3.Child[i]))
                {
                    if (touchLast[r] == "DIED" && touch[i] != "DIED")
                    {
                        c.Fail(oc3, i);
                        break;
                    }
                }
            }
        }) { FirstYear = 2026 },

        // 351: over 25 at the start of the year (the DfE's tool still tests 21; this follows the published message).
        new("351", c =>
        {
            var header = c.Table("Header");
            var dob = c.Dates(header, "DOB");
            for (var i = 0; i < header.Count; i++)
            {
                if (dob[i] is { } born && c.CollectionStart > born.AddYears(25))
                {
                    c.Fail(header, i);
                }
            }
        }),

        // 352: started to be looked after (RNE S) aged 18 or over.
        new("352", c =>
        {
            var header = c.Table("Header");
            var episodes = c.Table("Episodes");
            var dob = c.Dates(header, "DOB");
            var decom = c.Dates(episodes, "DECOM");
            var rne = episodes.Text("RNE");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (rne[i] is { } r && r.Equals("S", StringComparison.OrdinalIgnoreCase) && decom[i] is { } start
                    && Dob(header, dob, episodes.Child[i]) is { } born && born.AddYears(18) <= start)
                {
                    c.Fail(episodes, i);
                }
            }
        }),
    ];

    private static bool IsCla(HashSet<string> cla, string? child) => child is not null && cla.Contains(child);

    private static bool IsTemporary(string? place) => place is not null && Temporary.Contains(place);

    private static string Postcode(string text) => text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static Dictionary<string, string?> UascFromHeader(RuleTable header)
    {
        var flag = header.Has("UASC_STATUS") ? header.Text("UASC_STATUS") : header.Text("UASC");
        var status = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (header.Child[i] is { } child)
            {
                status.TryAdd(child, flag[i]);
            }
        }

        return status;
    }

    private static void Filled(RuleContext c, string column, FrozenSet<string> places)
    {
        var episodes = c.Table("Episodes");
        var place = episodes.Text("PLACE");
        var value = episodes.Text(column);
        for (var i = 0; i < episodes.Count; i++)
        {
            if (place[i] is { } p && places.Contains(p) && value[i] is not null)
            {
                c.Fail(episodes, i);
            }
        }
    }

    private static void UrnRequired(RuleContext c, FrozenSet<string> exempt)
    {
        var episodes = c.Table("Episodes");
        var place = episodes.Text("PLACE");
        var urn = episodes.Text("URN");
        var plLa = episodes.Text("PL_LA");
        var dec = c.Dates(episodes, "DEC");
        var decText = episodes.Text("DEC");
        for (var i = 0; i < episodes.Count; i++)
        {
            if (urn[i] is null && !(place[i] is { } p && exempt.Contains(p)) && !(plLa[i] is { } la && OutsideEngland.Contains(la))
                && (decText[i] is null || dec[i] >= c.CollectionStart))
            {
                c.Fail(episodes, i);
            }
        }
    }

    private static void UrnNotExpected(RuleContext c, FrozenSet<string> places)
    {
        var episodes = c.Table("Episodes");
        var place = episodes.Text("PLACE");
        var urn = episodes.Text("URN");
        for (var i = 0; i < episodes.Count; i++)
        {
            if (place[i] is { } p && places.Contains(p) && urn[i] is { } u && u != UnknownUrn)
            {
                c.Fail(episodes, i);
            }
        }
    }

    /// <summary>A header column that should not change from last year's (children in both years).</summary>
    private static void SameAsLastYear(RuleContext c, string column, Func<string, string> normal)
    {
        var header = c.Table("Header");
        var last = c.Table("Header_last");
        var now = header.Text(column);
        var before = last.Text(column);
        for (var i = 0; i < header.Count; i++)
        {
            var r = last.ByChild.First(header.Child[i]);
            if (r >= 0 && (now[i] is { } a ? normal(a) : null) != (before[r] is { } b ? normal(b) : null))
            {
                c.Fail(header, i);
            }
        }
    }

    /// <summary>The first row of the provider list for each URN.</summary>
    private static Dictionary<string, int> ProviderRows(RuleTable providers)
    {
        var urn = providers.Text("URN");
        var rows = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < providers.Count; i++)
        {
            if (urn[i] is { } u)
            {
                rows.TryAdd(u, i);
            }
        }

        return rows;
    }

    /// <summary>
    /// Episodes with a known URN (given and not XXXXXXX) that fail <paramref name="ok"/> given the provider's value in
    /// <paramref name="column"/> (null when the URN is not in the list or the value is blank).
    /// </summary>
    private static void ProviderCheck(RuleContext c, string column, Func<int, string?, bool> ok)
    {
        var episodes = c.Table("Episodes");
        var providers = c.Providers;
        var rows = ProviderRows(providers);
        var values = providers.Text(column);
        var urn = episodes.Text("URN");
        for (var i = 0; i < episodes.Count; i++)
        {
            if (urn[i] is not { } u || u == UnknownUrn)
            {
                continue;
            }

            var value = rows.TryGetValue(u, out var r) ? values[r] : null;
            if (!ok(i, value))
            {
                c.Fail(episodes, i);
            }
        }
    }

    /// <summary>Episodes at a known URN whose registration ended (REG_END) that fail <paramref name="ok"/>.</summary>
    private static void ProviderDateCheck(RuleContext c, Func<int, DateOnly, bool> ok)
    {
        var episodes = c.Table("Episodes");
        var providers = c.Providers;
        var rows = ProviderRows(providers);
        var regEnd = c.Dates(providers, "REG_END");
        var urn = episodes.Text("URN");
        for (var i = 0; i < episodes.Count; i++)
        {
            if (urn[i] is { } u && u != UnknownUrn && rows.TryGetValue(u, out var r) && regEnd[r] is { } end && !ok(i, end))
            {
                c.Fail(episodes, i);
            }
        }
    }

    private static void Rule199(RuleContext c)
    {
        var episodes = c.Table("Episodes");
        var last = c.TryTable("Episodes_last");
        var decom = c.Dates(episodes, "DECOM");
        var rec = episodes.Text("REC");
        var lastDecom = last?.Dates("DECOM").Values;
        var lastRec = last?.Text("REC");
        var merged = new List<(DateOnly Date, int Row, bool Current)>();
        foreach (var rows in episodes.ByChild.Groups)
        {
            merged.Clear();
            foreach (var i in rows)
            {
                if (decom[i] is { } d)
                {
                    merged.Add((d, i, true));
                }
            }

            if (last is not null)
            {
                foreach (var r in last.ByChild.Rows(episodes.Child[rows[0]]))
                {
                    if (lastDecom![r] is { } d)
                    {
                        merged.Add((d, r, false));
                    }
                }
            }

            // This year's episodes before last year's on the same date (the same episode in both returns).
            merged.Sort(static (a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Current != b.Current ? (a.Current ? -1 : 1) : a.Row.CompareTo(b.Row));
            var adoptions = 0;
            foreach (var (_, row, current) in merged)
            {
                var code = current ? rec[row] : lastRec![row];
                var adoption = code is not null && Adopted.Contains(code);
                if (adoption)
                {
                    adoptions++;
                }

                if (current && adoptions > 0 && !(adoption && adoptions == 1))
                {
                    c.Fail(episodes, row);
                }
            }
        }
    }

    private readonly record struct Uasc(string? Now, string? Last, DateOnly? Duc, bool DucText, DateOnly? DucLast, DateOnly? DobLast);

    /// <summary>The 205 rules: each row of this year's UASC table with the child's status and dates of both years.</summary>
    private static void Rule205(RuleContext c, Func<Uasc, CollectionYear, bool> fails)
    {
        var uasc = c.Table("UASC");
        var uascLast = c.Table("UASC_last");
        var header = c.TryTable("Header");
        var headerLast = c.TryTable("Header_last");
        var now = UascStatus(header, uasc)!;
        var last = UascStatus(headerLast, uascLast)!;
        var duc = c.Dates(uasc, "DUC");
        var ducText = uasc.Text("DUC");
        var ducLast = uascLast.Dates("DUC").Values;
        var dobLast = uascLast.Dates("DOB").Values;
        for (var i = 0; i < uasc.Count; i++)
        {
            if (uasc.Child[i] is not { } child)
            {
                continue;
            }

            var r = uascLast.ByChild.First(child);
            var u = new Uasc(now.GetValueOrDefault(child), last.GetValueOrDefault(child), duc[i], ducText[i] is not null,
                r >= 0 ? ducLast[r] : null, r >= 0 ? dobLast[r] : null);
            if (fails(u, c.Year))
            {
                c.Fail(uasc, i);
                if (header is not null)
                {
                    foreach (var h in header.ByChild.Rows(child))
                    {
                        c.Fail(header, h);
                    }
                }
            }
        }
    }
}
