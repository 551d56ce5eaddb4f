using System.Collections.Frozen;
using static Lantern.Returns.Validation.Ssda903.Ssda903RulesEHelpers;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>SSDA903 rules (see Validation/README.md for who owns which codes).</summary>
internal static class Ssda903RulesE
{
    private static readonly FrozenSet<string> Adopted = FrozenSet.Create(StringComparer.Ordinal, "E11", "E12");
    private static readonly FrozenSet<string> RespiteLs = FrozenSet.Create(StringComparer.Ordinal, "V3", "V4");
    private static readonly FrozenSet<string> PrevPermCodes = FrozenSet.Create(StringComparer.Ordinal, "P1", "P2", "P3", "P4", "Z1");
    private static readonly FrozenSet<string> SwReasons = FrozenSet.Create(StringComparer.Ordinal,
        "MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS");
    private static readonly FrozenSet<string> DoloExpectedPlaces = FrozenSet.Create(StringComparer.Ordinal, "K2", "Z12", "Z13");
    private static readonly FrozenSet<string> DoloBarredPlaces = FrozenSet.Create(StringComparer.Ordinal, "K1", "P1", "R5", "K3");
    private static readonly string[] AdoptionFields = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];
    private static readonly DateOnly SwCollectionBegan = new(2023, 4, 1);
    private static readonly DateOnly PrevPermCollected = new(2016, 4, 1);

    private static bool Female(string? sex) => sex is "F" or "2";

    public static IEnumerable<RuleCheck> All =>
    [
        // Missing at the 18th birthday when care ended, but the episode's reason for ending is not E8.
        new("580", c =>
        {
            var episodes = c.Table("Episodes");
            var missing = c.Table("Missing");
            var dec = c.Dates(episodes, "DEC");
            var rec = episodes.Text("REC");
            var misEnd = c.Dates(missing, "MIS_END");
            var dob = c.Dates(missing, "DOB");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (rec[i] == "E8" || dec[i] is not { } d)
                {
                    continue;
                }

                foreach (var m in missing.ByChild.Rows(episodes.Child[i]))
                {
                    if (misEnd[m] == d && dob[m] is { } b && b.AddYears(18) == d)
                    {
                        c.Fail(episodes, i);
                        break;
                    }
                }
            }
        }),

        // Missing before being looked after: a missing period (with a start) outside every episode of the child.
        // Children with no episodes and blank starts are left to other rules, as the reference does for the first.
        new("581", c =>
        {
            var episodes = c.Table("Episodes");
            var missing = c.Table("Missing");
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            var start = c.Dates(missing, "MIS_START");
            for (var i = 0; i < missing.Count; i++)
            {
                var rows = episodes.ByChild.Rows(missing.Child[i]);
                if (rows.Length == 0 || start[i] is not { } s)
                {
                    continue;
                }

                var inEpisode = false;
                foreach (var e in rows)
                {
                    if (decom[e] is { } from && s >= from && (dec[e] is not { } to || s <= to))
                    {
                        inEpisode = true;
                        break;
                    }
                }

                if (!inEpisode)
                {
                    c.Fail(missing, i);
                }
            }
        }),

        // Adopted (E11/E12) on the same day as the date matched with adopters.
        new("582", c =>
        {
            var episodes = c.Table("Episodes");
            var ad1 = c.Table("AD1");
            var rec = episodes.Text("REC");
            var dec = c.Dates(episodes, "DEC");
            var match = c.Dates(ad1, "DATE_MATCH");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (rec[i] is not { } r || !Adopted.Contains(r) || dec[i] is not { } d)
                {
                    continue;
                }

                foreach (var a in ad1.ByChild.Rows(episodes.Child[i]))
                {
                    if (match[a] == d)
                    {
                        c.Fail(episodes, i);
                        break;
                    }
                }
            }
        }),

        // More than one decision to place for adoption without the earlier ones revoked: every open decision of a
        // child with two or more open, and an open decision that is not the child's latest.
        new("583", c =>
        {
            var pa = c.Table("PlacedAdoption");
            var placed = c.Dates(pa, "DATE_PLACED");
            var ceased = pa.Text("DATE_PLACED_CEASED");
            foreach (var rows in pa.ByChild.Groups)
            {
                var open = 0;
                var latest = -1;
                foreach (var r in rows)
                {
                    if (ceased[r] is null)
                    {
                        open++;
                    }

                    if (placed[r] is { } p && (latest < 0 || placed[latest] is not { } l || p > l))
                    {
                        latest = r;
                    }
                }

                if (latest < 0)
                {
                    latest = rows[0];
                }

                foreach (var r in rows)
                {
                    if (ceased[r] is null && (open > 1 || r != latest))
                    {
                        c.Fail(pa, r);
                    }
                }
            }
        }),

        // Last year's decision to place for adoption was revoked, but this year's decision is missing or not later.
        new("584", c =>
        {
            var pa = c.Table("PlacedAdoption");
            var last = c.Table("PlacedAdoption_last");
            var placed = c.Dates(pa, "DATE_PLACED");
            var lastPlaced = c.Dates(last, "DATE_PLACED");
            var lastCeased = last.Text("DATE_PLACED_CEASED");
            var lastReason = last.Text("REASON_PLACED_CEASED");
            for (var i = 0; i < pa.Count; i++)
            {
                foreach (var l in last.ByChild.Rows(pa.Child[i]))
                {
                    if (lastCeased[l] is null && lastReason[l] is null)
                    {
                        continue;
                    }

                    if (placed[i] is not { } p || (lastPlaced[l] is { } lp && p <= lp))
                    {
                        c.Fail(pa, i);
                        break;
                    }
                }
            }
        }),

        // A missing period starts on or before the child's date of birth.
        new("586", c =>
        {
            var missing = c.Table("Missing");
            var start = c.Dates(missing, "MIS_START");
            var dob = c.Dates(missing, "DOB");
            for (var i = 0; i < missing.Count; i++)
            {
                if (start[i] is { } s && dob[i] is { } b && s <= b)
                {
                    c.Fail(missing, i);
                }
            }
        }),

        // Adopted during the year (E11/E12) but the child's AD1 row lacks one of the adoption fields.
        new("601", c =>
        {
            var episodes = c.Table("Episodes");
            var ad1 = c.Table("AD1");
            var rec = episodes.Text("REC");
            var dec = c.Dates(episodes, "DEC");
            var fields = AdoptionFields.Select(ad1.Text).ToArray();
            for (var i = 0; i < episodes.Count; i++)
            {
                if (rec[i] is not { } r || !Adopted.Contains(r) || dec[i] is not { } d || d < c.CollectionStart || d > c.ReferenceDate)
                {
                    continue;
                }

                foreach (var a in ad1.ByChild.Rows(episodes.Child[i]))
                {
                    if (Array.Exists(fields, f => f[a] is null))
                    {
                        c.Fail(episodes, i);
                        c.Fail(ad1, a);
                    }
                }
            }
        }),

        // AD1 has adoption details for a child whose episodes show no adoption (E11/E12) during the year.
        new("602", c =>
        {
            var episodes = c.Table("Episodes");
            var ad1 = c.Table("AD1");
            var rec = episodes.Text("REC");
            var dec = c.Dates(episodes, "DEC");
            var adopted = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < episodes.Count; i++)
            {
                if (rec[i] is { } r && Adopted.Contains(r) && dec[i] is { } d && d >= c.CollectionStart && d <= c.ReferenceDate && episodes.Child[i] is { } child)
                {
                    adopted.Add(child);
                }
            }

            var fields = AdoptionFields.Select(ad1.Text).ToArray();
            for (var a = 0; a < ad1.Count; a++)
            {
                if ((ad1.Child[a] is not { } child || !adopted.Contains(child)) && Array.Exists(fields, f => f[a] is not null))
                {
                    c.Fail(ad1, a);
                }
            }
        }),

        // A girl ceased to be looked after in the year (not V3/V4, REC not X1) but MOTHER is blank. SEX is F from
        // 2024-25 and 2 before; both are read as female (rule 101 checks the code of the year).
        new("607", c =>
        {
            var episodes = c.Table("Episodes");
            var header = c.Table("Header");
            var dec = c.Dates(episodes, "DEC");
            var rec = episodes.Text("REC");
            var ls = episodes.Text("LS");
            var sex = header.Text("SEX");
            var mother = header.Text("MOTHER");
            var failedHeader = new HashSet<int>();
            for (var i = 0; i < episodes.Count; i++)
            {
                if (rec[i] is not { } r || r == "X1" || (ls[i] is { } l && RespiteLs.Contains(l))
                    || dec[i] is not { } d || d < c.CollectionStart || d > c.ReferenceDate)
                {
                    continue;
                }

                foreach (var h in header.ByChild.Rows(episodes.Child[i]))
                {
                    if (Female(sex[h]) && mother[h] is null)
                    {
                        c.Fail(episodes, i);
                        if (failedHeader.Add(h))
                        {
                            c.Fail(header, h);
                        }
                    }
                }
            }
        }),

        // MOTHER is 1 but the first child's date of birth is blank.
        new("611", c =>
        {
            var header = c.Table("Header");
            var mother = header.Text("MOTHER");
            var mcDob = header.Text("MC_DOB");
            for (var i = 0; i < header.Count; i++)
            {
                if (mother[i] == "1" && mcDob[i] is null)
                {
                    c.Fail(header, i);
                }
            }
        }),

        // A girl's first child's date of birth is given but MOTHER is 0 or blank (SEX F, or 2 before 2024-25).
        new("612", c =>
        {
            var header = c.Table("Header");
            var mother = header.Text("MOTHER");
            var sex = header.Text("SEX");
            var mcDob = header.Text("MC_DOB");
            for (var i = 0; i < header.Count; i++)
            {
                if ((mother[i] is null or "0") && Female(sex[i]) && mcDob[i] is not null)
                {
                    c.Fail(header, i);
                }
            }
        }),

        // Recorded as a mother but under 11 at the start of the year.
        new("620", c =>
        {
            var header = c.Table("Header");
            var mother = header.Text("MOTHER");
            var dob = c.Dates(header, "DOB");
            for (var i = 0; i < header.Count; i++)
            {
                if (mother[i] == "1" && dob[i] is { } b && b.AddYears(11) > c.CollectionStart)
                {
                    c.Fail(header, i);
                }
            }
        }),

        // The first child's date of birth is on or before the mother's.
        new("621", c =>
        {
            var header = c.Table("Header");
            var dob = c.Dates(header, "DOB");
            var mcDob = c.Dates(header, "MC_DOB");
            for (var i = 0; i < header.Count; i++)
            {
                if (mcDob[i] is { } m && dob[i] is { } b && m <= b)
                {
                    c.Fail(header, i);
                }
            }
        }),

        // The first child's date of birth differs from (or drops) the one recorded last year.
        new("624", c =>
        {
            var header = c.Table("Header");
            var last = c.Table("Header_last");
            var mcDob = header.Text("MC_DOB");
            var lastMcDob = last.Text("MC_DOB");
            for (var i = 0; i < header.Count; i++)
            {
                foreach (var l in last.ByChild.Rows(header.Child[i]))
                {
                    if (lastMcDob[l] is { } before && !SameDate(mcDob[i], before))
                    {
                        c.Fail(header, i);
                        break;
                    }
                }
            }
        }),

        // The first child's date of birth is after the end of the year, or after the end of the child's latest
        // episode. The reference compares with the latest DEC even when a later episode is still open, which
        // flags a mother whose baby was born after a change of placement; this compares with the DEC of the
        // latest episode (by DECOM) only when that episode has ended.
        new("625", c =>
        {
            var episodes = c.Table("Episodes");
            var header = c.Table("Header");
            var mcDob = c.Dates(header, "MC_DOB");
            var dec = c.Dates(episodes, "DEC");
            var ordered = episodes.ByChildOrderedBy("DECOM");
            var latest = new Dictionary<string, int>(ordered.Count, StringComparer.Ordinal);
            foreach (var rows in ordered)
            {
                latest[episodes.Child[rows[0]]!] = rows[^1];
            }

            for (var h = 0; h < header.Count; h++)
            {
                if (mcDob[h] is not { } m || header.Child[h] is not { } child || !latest.TryGetValue(child, out var e))
                {
                    continue;
                }

                if (m > c.ReferenceDate || (dec[e] is { } d && m > d))
                {
                    c.Fail(header, h);
                    c.Fail(episodes, e);
                }
            }
        }),

        // A mother this year (MOTHER 1) who was not one last year (0) has a first child born before this year.
        new("626", c =>
        {
            var header = c.Table("Header");
            var last = c.Table("Header_last");
            var mother = header.Text("MOTHER");
            var lastMother = last.Text("MOTHER");
            var mcDob = c.Dates(header, "MC_DOB");
            for (var i = 0; i < header.Count; i++)
            {
                if (mother[i] != "1" || mcDob[i] is not { } m || m >= c.CollectionStart)
                {
                    continue;
                }

                foreach (var l in last.ByChild.Rows(header.Child[i]))
                {
                    if (lastMother[l] == "0")
                    {
                        c.Fail(header, i);
                        break;
                    }
                }
            }
        }),

        // MOTHER given for a care leaver (OC3 details given) who has no episodes this year.
        new("628", c =>
        {
            var episodes = c.Table("Episodes");
            var header = c.Table("Header");
            var oc3 = c.Table("OC3");
            var mother = header.Text("MOTHER");
            var inTouch = oc3.Text("IN_TOUCH");
            var activ = oc3.Text("ACTIV");
            var accom = oc3.Text("ACCOM");
            for (var h = 0; h < header.Count; h++)
            {
                if (mother[h] is null || episodes.ByChild.Contains(header.Child[h]))
                {
                    continue;
                }

                foreach (var o in oc3.ByChild.Rows(header.Child[h]))
                {
                    if (inTouch[o] is not null || activ[o] is not null || accom[o] is not null)
                    {
                        c.Fail(header, h);
                        break;
                    }
                }
            }
        }),

        // Started to be looked after this year (RNE S) without previous permanence details: no PrevPerm row, a blank
        // PREV_PERM, or (other than Z1) a blank LA_PERM or DATE_PERM.
        new("630", c =>
        {
            var episodes = c.Table("Episodes");
            var prev = c.Table("PrevPerm");
            var rne = episodes.Text("RNE");
            var decom = c.Dates(episodes, "DECOM");
            var perm = prev.Text("PREV_PERM");
            var la = prev.Text("LA_PERM");
            var date = prev.Text("DATE_PERM");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (rne[i] != "S" || decom[i] is not { } d || d < c.CollectionStart)
                {
                    continue;
                }

                var rows = prev.ByChild.Rows(episodes.Child[i]);
                var bad = rows.Length == 0;
                foreach (var p in rows)
                {
                    bad |= perm[p] is null || (perm[p] != "Z1" && (la[p] is null || date[p] is null));
                }

                if (bad)
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // PREV_PERM, when given, is not P1-P4 or Z1.
        new("631", c =>
        {
            var prev = c.Table("PrevPerm");
            var perm = prev.Text("PREV_PERM");
            for (var i = 0; i < prev.Count; i++)
            {
                if (perm[i] is { } p && !PrevPermCodes.Contains(p))
                {
                    c.Fail(prev, i);
                }
            }
        }),

        // DATE_PERM, when given, is not a date (dd/mm/yyyy, ZZ/ZZZZ for unknown parts) or is not before the child's
        // first DECOM. A date with an unknown year is accepted; one with an unknown day or month is compared by its
        // earliest possible day.
        new("632", c =>
        {
            var episodes = c.Table("Episodes");
            var prev = c.Table("PrevPerm");
            var decom = c.Dates(episodes, "DECOM");
            var date = prev.Text("DATE_PERM");
            var failedPrev = new HashSet<int>();
            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                var first = rows[0];
                if (decom[first] is not { } d)
                {
                    continue;
                }

                foreach (var p in prev.ByChild.Rows(episodes.Child[first]))
                {
                    if (date[p] is not { } text)
                    {
                        continue;
                    }

                    if (!TryPartialDate(text, out var earliest) || earliest >= d)
                    {
                        c.Fail(episodes, first);
                        if (failedPrev.Add(p))
                        {
                            c.Fail(prev, p);
                        }
                    }
                }
            }
        }),

        // LA_PERM, when given, is not a local authority code (or WAL, SCO, NUK, NIR).
        new("633", c =>
        {
            var prev = c.Table("PrevPerm");
            var la = prev.Text("LA_PERM");
            for (var i = 0; i < prev.Count; i++)
            {
                if (la[i] is { } l && !LaCodes.Contains(l))
                {
                    c.Fail(prev, i);
                }
            }
        }),

        // Previous permanence details given but every episode of the child started before 1 April 2016. The
        // reference compares with the start of the current year, which the DfE's message does not say and which
        // would flag every child still looked after from an earlier year; this follows the message.
        new("634", c =>
        {
            var episodes = c.Table("Episodes");
            var prev = c.Table("PrevPerm");
            var decom = c.Dates(episodes, "DECOM");
            var perm = prev.Text("PREV_PERM");
            var la = prev.Text("LA_PERM");
            var date = prev.Text("DATE_PERM");
            var failedChildren = new HashSet<string>(StringComparer.Ordinal);
            for (var p = 0; p < prev.Count; p++)
            {
                if (perm[p] is null && la[p] is null && date[p] is null)
                {
                    continue;
                }

                var rows = episodes.ByChild.Rows(prev.Child[p]);
                DateOnly? latest = null;
                foreach (var e in rows)
                {
                    if (decom[e] is { } d && (latest is null || d > latest))
                    {
                        latest = d;
                    }
                }

                if (latest is { } l && l < PrevPermCollected)
                {
                    c.Fail(prev, p);
                    if (failedChildren.Add(prev.Child[p]!))
                    {
                        foreach (var e in rows)
                        {
                            c.Fail(episodes, e);
                        }
                    }
                }
            }
        }),

        // LA_PERM or DATE_PERM given without a PREV_PERM code (as the reference reads the rule).
        new("635", c =>
        {
            var prev = c.Table("PrevPerm");
            var perm = prev.Text("PREV_PERM");
            var la = prev.Text("LA_PERM");
            var date = prev.Text("DATE_PERM");
            for (var i = 0; i < prev.Count; i++)
            {
                if ((la[i] is not null || date[i] is not null) && perm[i] is null)
                {
                    c.Fail(prev, i);
                }
            }
        }),

        // DoLO start date blank or not a valid date.
        new("700", c =>
        {
            var dolo = c.Table("DoLo");
            var start = dolo.Text("DOLO_START");
            for (var i = 0; i < dolo.Count; i++)
            {
                if (start[i] is not { } s || !RuleTable.TryDate(s, out _))
                {
                    c.Fail(dolo, i);
                }
            }
        }) { FirstYear = 2027 },

        // DoLO end date given but not a valid date.
        new("701", c =>
        {
            var dolo = c.Table("DoLo");
            var end = dolo.Text("DOLO_END");
            for (var i = 0; i < dolo.Count; i++)
            {
                if (end[i] is { } e && !RuleTable.TryDate(e, out _))
                {
                    c.Fail(dolo, i);
                }
            }
        }) { FirstYear = 2027 },

        // DoLO ended before it started.
        new("702", c =>
        {
            var dolo = c.Table("DoLo");
            var start = c.Dates(dolo, "DOLO_START");
            var end = c.Dates(dolo, "DOLO_END");
            for (var i = 0; i < dolo.Count; i++)
            {
                if (start[i] is { } s && end[i] is { } e && e < s)
                {
                    c.Fail(dolo, i);
                }
            }
        }) { FirstYear = 2027 },

        // DoLO started after the end of the year.
        new("703", c =>
        {
            var dolo = c.Table("DoLo");
            var start = c.Dates(dolo, "DOLO_START");
            for (var i = 0; i < dolo.Count; i++)
            {
                if (start[i] is { } s && s > c.ReferenceDate)
                {
                    c.Fail(dolo, i);
                }
            }
        }) { FirstYear = 2027 },

        // DoLO ended outside the year.
        new("704", c =>
        {
            var dolo = c.Table("DoLo");
            var end = c.Dates(dolo, "DOLO_END");
            for (var i = 0; i < dolo.Count; i++)
            {
                if (end[i] is { } e && (e < c.CollectionStart || e > c.ReferenceDate))
                {
                    c.Fail(dolo, i);
                }
            }
        }) { FirstYear = 2027 },

        // A DoLO starts while an earlier-starting DoLO of the child is still open (no end, or ending after this
        // one starts). The reference pairs DoLOs by their end dates as text; this orders them by start date and
        // reports the later-starting DoLO of each clash.
        new("705", c =>
        {
            var dolo = c.Table("DoLo");
            var start = c.Dates(dolo, "DOLO_START");
            var end = c.Dates(dolo, "DOLO_END");
            foreach (var rows in dolo.ByChildOrderedBy("DOLO_START"))
            {
                var anyOpen = false;
                DateOnly? maxEnd = null;
                foreach (var r in rows)
                {
                    if (start[r] is not { } s)
                    {
                        break;
                    }

                    if (anyOpen || (maxEnd is { } m && m > s))
                    {
                        c.Fail(dolo, r);
                    }

                    if (end[r] is { } e)
                    {
                        maxEnd = maxEnd is { } mm && mm > e ? mm : e;
                    }
                    else
                    {
                        anyOpen = true;
                    }
                }
            }
        }) { FirstYear = 2027 },

        // An open DoLO last year has no DoLO with the same start this year (last year's row is reported).
        new("706", c =>
        {
            var dolo = c.Table("DoLo");
            var last = c.Table("DoLo_last");
            var start = c.Dates(dolo, "DOLO_START");
            var lastStart = c.Dates(last, "DOLO_START");
            var lastEnd = last.Text("DOLO_END");
            for (var l = 0; l < last.Count; l++)
            {
                if (lastEnd[l] is not null || lastStart[l] is not { } s)
                {
                    continue;
                }

                var found = false;
                foreach (var r in dolo.ByChild.Rows(last.Child[l]))
                {
                    found |= start[r] == s;
                }

                if (!found)
                {
                    c.Fail(last, l);
                }
            }
        }) { FirstYear = 2027 },

        // A DoLO lies outside every period of care of the child: open when the period has ended, open but started
        // before the period, or ending outside the period.
        new("707", c =>
        {
            var dolo = c.Table("DoLo");
            var episodes = c.Table("Episodes");
            var start = c.Dates(dolo, "DOLO_START");
            var end = c.Dates(dolo, "DOLO_END");
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            var periods = new Dictionary<string, List<(DateOnly From, DateOnly? To)>>(StringComparer.Ordinal);
            foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
            {
                var list = new List<(DateOnly From, DateOnly? To)>();
                DateOnly? from = null;
                DateOnly? to = null;
                foreach (var e in rows)
                {
                    if (decom[e] is not { } d)
                    {
                        continue;
                    }

                    if (from is { } f && to is { } t && d > t)
                    {
                        list.Add((f, to));
                        from = null;
                    }

                    from ??= d;
                    to = dec[e];
                }

                if (from is { } last)
                {
                    list.Add((last, to));
                }

                periods[episodes.Child[rows[0]]!] = list;
            }

            for (var i = 0; i < dolo.Count; i++)
            {
                if (start[i] is not { } s || dolo.Child[i] is not { } child || !periods.TryGetValue(child, out var list) || list.Count == 0)
                {
                    continue;
                }

                var outside = true;
                foreach (var (from, to) in list)
                {
                    var e = end[i];
                    var isOut = (e is null && to is not null) || (e is null && s < from) || (e is { } x && ((to is { } t && x > t) || x < from));
                    outside &= isOut;
                }

                if (outside)
                {
                    c.Fail(dolo, i);
                }
            }
        }) { FirstYear = 2027 },

        // A DoLO starts on or before the child's date of birth.
        new("708", c =>
        {
            var dolo = c.Table("DoLo");
            var start = c.Dates(dolo, "DOLO_START");
            var dob = c.Dates(dolo, "DOB");
            for (var i = 0; i < dolo.Count; i++)
            {
                if (start[i] is { } s && dob[i] is { } b && s <= b)
                {
                    c.Fail(dolo, i);
                }
            }
        }) { FirstYear = 2027 },

        // A closed DoLO overlaps an ended episode whose placement is not K2, Z12 or Z13.
        new("709", c =>
        {
            var dolo = c.Table("DoLo");
            var episodes = c.Table("Episodes");
            var start = c.Dates(dolo, "DOLO_START");
            var end = c.Dates(dolo, "DOLO_END");
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            var place = episodes.Text("PLACE");
            for (var i = 0; i < dolo.Count; i++)
            {
                if (start[i] is not { } s || end[i] is not { } e)
                {
                    continue;
                }

                foreach (var r in episodes.ByChild.Rows(dolo.Child[i]))
                {
                    if (dec[r] is { } d && s <= d && decom[r] is { } f && e >= f && (place[r] is not { } p || !DoloExpectedPlaces.Contains(p)))
                    {
                        c.Fail(dolo, i);
                        break;
                    }
                }
            }
        }) { FirstYear = 2027 },

        // A closed DoLO overlaps an episode placed in a secure children's home (K1), with parents (P1), in a young
        // offender institution (R5) or in supported accommodation (K3).
        new("710", c =>
        {
            var dolo = c.Table("DoLo");
            var episodes = c.Table("Episodes");
            var start = c.Dates(dolo, "DOLO_START");
            var end = c.Dates(dolo, "DOLO_END");
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            var place = episodes.Text("PLACE");
            for (var i = 0; i < dolo.Count; i++)
            {
                if (start[i] is not { } s || end[i] is not { } e)
                {
                    continue;
                }

                var failed = false;
                foreach (var r in episodes.ByChild.Rows(dolo.Child[i]))
                {
                    if (place[r] is { } p && DoloBarredPlaces.Contains(p) && (dec[r] is not { } d || s <= d) && decom[r] is { } f && e >= f)
                    {
                        c.Fail(episodes, r);
                        failed = true;
                    }
                }

                if (failed)
                {
                    c.Fail(dolo, i);
                }
            }
        }) { FirstYear = 2027 },

        // A child in Header has no episodes (and no care leaver row in OC3).
        new("EPI", c =>
        {
            var header = c.Table("Header");
            var episodes = c.TryTable("Episodes");
            var oc3 = c.TryTable("OC3");
            for (var h = 0; h < header.Count; h++)
            {
                var child = header.Child[h];
                if (episodes?.ByChild.Contains(child) != true && oc3?.ByChild.Contains(child) != true)
                {
                    c.Fail(header, h);
                }
            }
        }),

        // A child in another table is not in Header.
        new("INT01", NotInHeader("AD1")),
        new("INT02", NotInHeader("PlacedAdoption")),
        new("INT03", NotInHeader("Episodes")),
        new("INT04", NotInHeader("Missing")),
        new("INT05", NotInHeader("OC2")),
        new("INT06", NotInHeader("OC3")),
        new("INT07", NotInHeader("PrevPerm")),
        new("INT08", NotInHeader("Reviews")),
        new("INT09", NotInHeader("UASC")),

        // A child's DOB in another table differs from Header's.
        new("INT11", DobDiffers("AD1")),
        new("INT12", DobDiffers("PlacedAdoption")),
        new("INT13", DobDiffers("Missing")),
        new("INT14", DobDiffers("OC2")),
        new("INT15", DobDiffers("OC3")),
        new("INT16", DobDiffers("PrevPerm")),
        new("INT17", DobDiffers("Reviews")),
        new("INT18", DobDiffers("UASC")),

        // SEX in UASC differs from Header's.
        new("INT21", c =>
        {
            var header = c.Table("Header");
            var uasc = c.Table("UASC");
            var headerSex = header.Text("SEX");
            var sex = uasc.Text("SEX");
            for (var i = 0; i < uasc.Count; i++)
            {
                if (sex[i] is not { } s)
                {
                    continue;
                }

                foreach (var h in header.ByChild.Rows(uasc.Child[i]))
                {
                    if (headerSex[h] is { } hs && hs != s)
                    {
                        c.Fail(uasc, i);
                        break;
                    }
                }
            }
        }),

        // A child appears more than once in a one-row-per-child table.
        new("INT31", Duplicated("AD1")),
        new("INT32", Duplicated("Header")),
        new("INT33", Duplicated("OC2")),
        new("INT34", Duplicated("OC3")),
        new("INT35", Duplicated("PrevPerm")),
        new("INT36", Duplicated("UASC")),

        // An episode started before this year but the child has no episodes in last year's return.
        new("NoE", c =>
        {
            var episodes = c.Table("Episodes");
            var last = c.Table("Episodes_last");
            var decom = c.Dates(episodes, "DECOM");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (decom[i] is { } d && d < c.CollectionStart && !last.ByChild.Contains(episodes.Child[i]))
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // A social worker episode lacks its start date, or (starting before 1 April 2023) its worker's ID.
        new("SW01aSTG1", c =>
        {
            var sw = c.Table("SWEpisodes");
            var id = sw.Text("SW_ID");
            var decomText = sw.Text("SW_DECOM");
            var decom = c.Dates(sw, "SW_DECOM");
            for (var i = 0; i < sw.Count; i++)
            {
                if (decomText[i] is null || (decom[i] is { } d && d < SwCollectionBegan && id[i] is null))
                {
                    c.Fail(sw, i);
                }
            }
        }),

        // A social worker episode lacks its start date, or (starting from 1 April 2023) its worker's ID or reason.
        new("SW01bSTG1", c =>
        {
            var sw = c.Table("SWEpisodes");
            var id = sw.Text("SW_ID");
            var reason = sw.Text("SW_REASON");
            var decomText = sw.Text("SW_DECOM");
            var decom = c.Dates(sw, "SW_DECOM");
            for (var i = 0; i < sw.Count; i++)
            {
                if (decomText[i] is null || (decom[i] is { } d && d >= SwCollectionBegan && (id[i] is null || reason[i] is null)))
                {
                    c.Fail(sw, i);
                }
            }
        }),

        // The social worker's ID is blank, shorter than 4 characters, or does not begin SW or XX.
        new("SW02STG1", c =>
        {
            var sw = c.Table("SWEpisodes");
            var id = sw.Text("SW_ID");
            for (var i = 0; i < sw.Count; i++)
            {
                if (id[i] is not { Length: >= 4 } s || !(s.StartsWith("SW", StringComparison.Ordinal) || s.StartsWith("XX", StringComparison.Ordinal)))
                {
                    c.Fail(sw, i);
                }
            }
        }),

        // The social worker episode's start date is blank or not a valid date.
        new("SW04STG1", c =>
        {
            var sw = c.Table("SWEpisodes");
            var decom = sw.Text("SW_DECOM");
            for (var i = 0; i < sw.Count; i++)
            {
                if (decom[i] is not { } s || !RuleTable.TryDate(s, out _))
                {
                    c.Fail(sw, i);
                }
            }
        }),

        // The social worker episode's end date, when given, is not a valid date. The 2025-26 reference also fails a
        // blank end date, which every open episode has (SW17 requires one at 31 March); this follows the DfE message.
        new("SW05STG1", c =>
        {
            var sw = c.Table("SWEpisodes");
            var dec = sw.Text("SW_DEC");
            for (var i = 0; i < sw.Count; i++)
            {
                if (dec[i] is { } s && !RuleTable.TryDate(s, out _))
                {
                    c.Fail(sw, i);
                }
            }
        }),

        // A social worker episode starts after the end of the year.
        new("SW06STG2", c =>
        {
            var sw = c.Table("SWEpisodes");
            var decom = c.Dates(sw, "SW_DECOM");
            for (var i = 0; i < sw.Count; i++)
            {
                if (decom[i] is { } d && d > c.ReferenceDate)
                {
                    c.Fail(sw, i);
                }
            }
        }),

        // A social worker episode ends before the start of the previous year or after the end of this one.
        new("SW07STG2", c =>
        {
            var sw = c.Table("SWEpisodes");
            var dec = c.Dates(sw, "SW_DEC");
            var from = c.CollectionStart.AddYears(-1);
            for (var i = 0; i < sw.Count; i++)
            {
                if (dec[i] is { } d && (d < from || d > c.ReferenceDate))
                {
                    c.Fail(sw, i);
                }
            }
        }),

        // A social worker episode other than the child's latest (by start date) has not ended.
        new("SW08STG2", c =>
        {
            var sw = c.Table("SWEpisodes");
            var decom = c.Dates(sw, "SW_DECOM");
            var dec = sw.Text("SW_DEC");
            foreach (var rows in sw.ByChildOrderedBy("SW_DECOM"))
            {
                for (var k = 0; k < rows.Length - 1; k++)
                {
                    var r = rows[k];
                    if (dec[r] is null && decom[r] is not null)
                    {
                        c.Fail(sw, r);
                    }
                }
            }
        }),

        // A social worker episode lasted less than a day: it ends on the day it starts (to 2024-25).
        new("SW09STG2", c =>
        {
            var sw = c.Table("SWEpisodes");
            var decom = c.Dates(sw, "SW_DECOM");
            var dec = c.Dates(sw, "SW_DEC");
            for (var i = 0; i < sw.Count; i++)
            {
                if (decom[i] is { } s && dec[i] is { } e && e == s)
                {
                    c.Fail(sw, i);
                }
            }
        }) { LastYear = 2025 },

        // From 2025-26 the reference reports an episode ending less than 3 days after it starts (or before it starts).
        new("SW09STG2", c =>
        {
            var sw = c.Table("SWEpisodes");
            var decom = c.Dates(sw, "SW_DECOM");
            var dec = c.Dates(sw, "SW_DEC");
            for (var i = 0; i < sw.Count; i++)
            {
                if (decom[i] is { } s && dec[i] is { } e && e.DayNumber - s.DayNumber < 3)
                {
                    c.Fail(sw, i);
                }
            }
        }) { FirstYear = 2026 },

        // A social worker episode (other than a first contact, FCONTA) starts more than 7 days before the end of the
        // child's previous one (by start, then end date), or the previous one has not ended. The reference also
        // fails a start more than 7 days after the previous end, which the DfE's message does not say (a gap
        // between workers is not a new episode starting before the previous one ended); this follows the message.
        new("SW10STG2", c =>
        {
            var sw = c.Table("SWEpisodes");
            var decom = c.Dates(sw, "SW_DECOM");
            var dec = c.Dates(sw, "SW_DEC");
            var reason = sw.Text("SW_REASON");
            foreach (var group in sw.ByChild.Groups)
            {
                if (group.Length < 2)
                {
                    continue;
                }

                var rows = (int[])group.Clone();
                Array.Sort(rows, (a, b) =>
                {
                    var byStart = (decom[a] ?? DateOnly.MaxValue).CompareTo(decom[b] ?? DateOnly.MaxValue);
                    return byStart != 0 ? byStart : (dec[a] ?? DateOnly.MaxValue).CompareTo(dec[b] ?? DateOnly.MaxValue);
                });
                for (var k = 1; k < rows.Length; k++)
                {
                    var r = rows[k];
                    if (reason[r] == "FCONTA" || decom[r] is not { } s)
                    {
                        continue;
                    }

                    if (dec[rows[k - 1]] is not { } prevEnd || s < prevEnd.AddDays(-7))
                    {
                        c.Fail(sw, r);
                    }
                }
            }
        }),

        // The child's latest social worker episode (by start date) ended before 31 March with none after it. Only
        // children looked after on 31 March are checked when the return has episodes: the reference checks every
        // child, but a child who left care during the year rightly has no social worker episode open at its end.
        new("SW11bSTG2", c =>
        {
            var sw = c.Table("SWEpisodes");
            var decom = c.Dates(sw, "SW_DECOM");
            var dec = c.Dates(sw, "SW_DEC");
            var inCare = LookedAfterAtEnd(c);
            foreach (var rows in sw.ByChildOrderedBy("SW_DECOM"))
            {
                if (inCare?.Contains(sw.Child[rows[0]]!) == false)
                {
                    continue;
                }

                var latest = LatestStarted(rows, decom);
                if (dec[latest] is { } e && e < c.ReferenceDate)
                {
                    c.Fail(sw, latest);
                }
            }
        }),

        // An episode starting (RNE S) or ending (REC not X1) care, other than V3/V4 short breaks, ending since the
        // start of last year or still open, with no social worker episode of the child covering it. The reference
        // fails an episode when any one of the child's social worker episodes does not fit it, which flags every
        // child with more than one worker; this asks for one covering episode.
        new("SW12STG2", c =>
        {
            var episodes = c.Table("Episodes");
            var sw = c.Table("SWEpisodes");
            var decom = c.Dates(episodes, "DECOM");
            var dec = c.Dates(episodes, "DEC");
            var ls = episodes.Text("LS");
            var rne = episodes.Text("RNE");
            var rec = episodes.Text("REC");
            var swStart = c.Dates(sw, "SW_DECOM");
            var swEnd = c.Dates(sw, "SW_DEC");
            var from = c.CollectionStart.AddYears(-1);
            for (var i = 0; i < episodes.Count; i++)
            {
                var d = dec[i];
                if ((d is { } ended && (ended < from || ended > c.ReferenceDate)) || (ls[i] is { } l && RespiteLs.Contains(l))
                    || !(rne[i] == "S" || rec[i] != "X1") || decom[i] is not { } s)
                {
                    continue;
                }

                var end = d ?? c.ReferenceDate;
                var covered = false;
                foreach (var w in sw.ByChild.Rows(episodes.Child[i]))
                {
                    if (swStart[w] is { } ws && ws <= end && (swEnd[w] is not { } we || we >= s))
                    {
                        covered = true;
                        break;
                    }
                }

                if (!covered)
                {
                    c.Fail(episodes, i);
                }
            }
        }),

        // SW_REASON is not a valid code, or is blank other than on the child's first episode of the year (the one
        // open at its start, or else the first starting in it).
        new("SW13STG1", c =>
        {
            var sw = c.Table("SWEpisodes");
            var decom = c.Dates(sw, "SW_DECOM");
            var dec = c.Dates(sw, "SW_DEC");
            var reason = sw.Text("SW_REASON");
            foreach (var rows in sw.ByChildOrderedBy("SW_DECOM"))
            {
                var lastBefore = -1;
                var firstIn = -1;
                foreach (var r in rows)
                {
                    if (decom[r] is not { } s)
                    {
                        continue;
                    }

                    if (s < c.CollectionStart)
                    {
                        lastBefore = r;
                    }
                    else if (firstIn < 0)
                    {
                        firstIn = r;
                    }
                }

                var allowed = lastBefore >= 0 && (dec[lastBefore] is not { } e || e >= c.CollectionStart) ? lastBefore : firstIn;
                foreach (var r in rows)
                {
                    if (reason[r] is { } x ? !SwReasons.Contains(x) : r != allowed)
                    {
                        c.Fail(sw, r);
                    }
                }
            }
        }),

        // The child's latest social worker episode (by start date) has an end date: none is open at 31 March. As
        // for SW11b, only children looked after on 31 March are checked when the return has episodes.
        new("SW17STG2", c =>
        {
            var sw = c.Table("SWEpisodes");
            var decom = c.Dates(sw, "SW_DECOM");
            var dec = sw.Text("SW_DEC");
            var inCare = LookedAfterAtEnd(c);
            foreach (var rows in sw.ByChildOrderedBy("SW_DECOM"))
            {
                if (inCare?.Contains(sw.Child[rows[0]]!) == false)
                {
                    continue;
                }

                var latest = LatestStarted(rows, decom);
                if (dec[latest] is not null)
                {
                    c.Fail(sw, latest);
                }
            }
        }),
    ];

    /// <summary>The children with an episode open at the end of the year, or null when the return has no episodes.</summary>
    private static HashSet<string>? LookedAfterAtEnd(RuleContext c)
    {
        if (c.TryTable("Episodes") is not { } episodes)
        {
            return null;
        }

        var decom = c.Dates(episodes, "DECOM");
        var dec = c.Dates(episodes, "DEC");
        var children = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < episodes.Count; i++)
        {
            if (episodes.Child[i] is { } child && decom[i] is { } from && from <= c.ReferenceDate && (dec[i] is not { } to || to > c.ReferenceDate))
            {
                children.Add(child);
            }
        }

        return children;
    }

    /// <summary>The last row (in start order) with a start date, or the first row when none has one.</summary>
    private static int LatestStarted(int[] rows, DateView decom)
    {
        for (var k = rows.Length - 1; k >= 0; k--)
        {
            if (decom[rows[k]] is not null)
            {
                return rows[k];
            }
        }

        return rows[0];
    }

    private static bool SameDate(string? a, string b) =>
        a is not null && (a == b || (RuleTable.TryDate(a, out var x) && RuleTable.TryDate(b, out var y) && x == y));
}
