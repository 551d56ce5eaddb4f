using System.Collections.Frozen;
using static Lantern.Returns.Validation.Ssda903.Ssda903RulesCHelpers;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>SSDA903 rules (see Validation/README.md for who owns which codes).</summary>
internal static class Ssda903RulesC
{
    private static readonly DateOnly EarliestEpisode = new(1991, 10, 14);
    private static readonly DateOnly PlacementOrdersFrom = new(2005, 12, 1);
    private static readonly FrozenSet<string> YouthJustice = FrozenSet.Create(StringComparer.Ordinal, "J1", "J2", "J3");
    private static readonly FrozenSet<string> Adopted = FrozenSet.Create(StringComparer.Ordinal, "E11", "E12");
    private static readonly FrozenSet<string> IndependentLiving = FrozenSet.Create(StringComparer.Ordinal, "E5", "E6");
    private static readonly FrozenSet<string> AdoptionPlacements = FrozenSet.Create(StringComparer.Ordinal, "A3", "A4", "A5", "A6");
    private static readonly FrozenSet<string> LongTermFoster = FrozenSet.Create(StringComparer.Ordinal, "U1", "U4");
    private static readonly FrozenSet<string> Sgo = FrozenSet.Create(StringComparer.Ordinal, "E45", "E46", "E47", "E48");
    private static readonly FrozenSet<string> DiedOrAdult = FrozenSet.Create(StringComparer.Ordinal, "E2", "E15");
    private static readonly FrozenSet<string> ContinuationRne = FrozenSet.Create(StringComparer.Ordinal, "P", "L", "T", "U", "B");
    private static readonly FrozenSet<string> PlacementChangeRne = FrozenSet.Create(StringComparer.Ordinal, "P", "T");
    private static readonly FrozenSet<string> BothChangeRne = FrozenSet.Create(StringComparer.Ordinal, "U", "B");
    private static readonly FrozenSet<string> Over4Participation = FrozenSet.Create(StringComparer.Ordinal, "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");
    private static readonly FrozenSet<string> SharedUpn = FrozenSet.Create(StringComparer.Ordinal, "UN1", "UN2", "UN3", "UN4", "UN5");

    private static readonly FrozenSet<string> CeasedCare = FrozenSet.Create(
        StringComparer.Ordinal,
        "E2", "E3", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E41", "E45", "E46", "E47", "E48");

    public static IEnumerable<RuleCheck> All =>
    [
        // No episode can start before 14 October 1991.
        new("353", c =>
        {
            var t = c.Table("Episodes");
            var decom = c.Dates(t, "DECOM");
            for (var i = 0; i < t.Count; i++)
            {
                if (decom[i] < EarliestEpisode)
                {
                    c.Fail(t, i);
                }
            }
        }),

        // The episode must start on or before the end of the collection year.
        new("354", c =>
        {
            var t = c.Table("Episodes");
            var decom = c.Dates(t, "DECOM");
            for (var i = 0; i < t.Count; i++)
            {
                if (decom[i] > c.ReferenceDate)
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Episode lasted less than 24 hours (ceased the day it started).
        new("355", c =>
        {
            var t = c.Table("Episodes");
            var decom = t.Text("DECOM");
            var dec = t.Text("DEC");
            for (var i = 0; i < t.Count; i++)
            {
                if (decom[i] is { } start && start == dec[i])
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Episode ceased before it started.
        new("356", c =>
        {
            var t = c.Table("Episodes");
            var decom = c.Dates(t, "DECOM");
            var dec = c.Dates(t, "DEC");
            for (var i = 0; i < t.Count; i++)
            {
                if (dec[i] < decom[i])
                {
                    c.Fail(t, i);
                }
            }
        }),

        // The child's first episode (starting in this year) must have RNE S.
        new("357", c =>
        {
            var t = c.Table("Episodes");
            var decom = c.Dates(t, "DECOM");
            var rne = t.Text("RNE");
            foreach (var rows in t.ByChildOrderedBy("DECOM"))
            {
                var first = rows[0];
                if (decom[first] is { } start && start >= c.CollectionStart && rne[first] != "S")
                {
                    c.Fail(t, first);
                }
            }
        }),

        // Youth justice legal status (J1-J3) for a child under 10 at the start of the episode.
        new("358", c =>
        {
            var t = c.Table("Episodes");
            var header = c.Table("Header");
            var ls = t.Text("LS");
            var decom = c.Dates(t, "DECOM");
            var dob = c.Dates(header, "DOB");
            for (var i = 0; i < t.Count; i++)
            {
                if (ls[i] is { } s && YouthJustice.Contains(s) && decom[i] is { } start && DobOf(header, dob, t.Child[i]) is { } born && start < born.AddYears(10))
                {
                    c.Fail(t, i);
                    c.Fail(header, header.ByChild.First(t.Child[i]));
                }
            }
        }),

        // Looked after past 18 (open episode, 18 before the end of the year) must be V2 in a K2 children's home.
        new("359", c =>
        {
            var t = c.Table("Episodes");
            var header = c.Table("Header");
            var ls = t.Text("LS");
            var place = t.Text("PLACE");
            var dec = t.Text("DEC");
            var dob = c.Dates(header, "DOB");
            for (var i = 0; i < t.Count; i++)
            {
                if (dec[i] is null && DobOf(header, dob, t.Child[i]) is { } born && born.AddYears(18) < c.ReferenceDate && !(ls[i] == "V2" && place[i] == "K2"))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Police protection (L1) lasted more than 72 hours.
        new("361", c => LegalStatusRun(c, "L1", 3)),

        // Emergency protection order (L2) lasted more than 21 days.
        new("362", c => LegalStatusRun(c, "L2", 21)),

        // Child assessment order (L3) lasted more than 7 days.
        new("363", c => LegalStatusRun(c, "L3", 7)),

        // PACE detention (J2) lasted more than 21 days.
        new("364", c => LegalStatusRun(c, "J2", 21)),

        // A single short-term respite episode (V3) lasted more than 17 days (open ones to the end of the year).
        new("365", c =>
        {
            var t = c.Table("Episodes");
            var ls = t.Text("LS");
            var decom = c.Dates(t, "DECOM");
            var dec = c.Dates(t, "DEC");
            for (var i = 0; i < t.Count; i++)
            {
                if (ls[i] == "V3" && decom[i] is { } start && (dec[i] ?? c.ReferenceDate) > start.AddDays(17))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // A respite episode (V3) must start a new period of care (RNE S).
        new("366", c =>
        {
            var t = c.Table("Episodes");
            var ls = t.Text("LS");
            var rne = t.Text("RNE");
            for (var i = 0; i < t.Count; i++)
            {
                if (ls[i] == "V3" && rne[i] != "S")
                {
                    c.Fail(t, i);
                }
            }
        }),

        // More than 75 days of respite (V3) within the collection year.
        new("367", c =>
        {
            var t = c.Table("Episodes");
            var ls = t.Text("LS");
            var decom = c.Dates(t, "DECOM");
            var dec = c.Dates(t, "DEC");
            var counted = new List<int>();
            foreach (var rows in t.ByChild.Groups)
            {
                var total = 0;
                counted.Clear();
                foreach (var i in rows)
                {
                    if (ls[i] != "V3" || decom[i] is not { } start)
                    {
                        continue;
                    }

                    var from = start < c.CollectionStart ? c.CollectionStart : start;
                    var to = dec[i] is { } end && end <= c.ReferenceDate ? end : c.ReferenceDate;
                    var days = to.DayNumber - from.DayNumber;
                    if (days > 0)
                    {
                        total += days;
                        counted.Add(i);
                    }
                }

                if (total > 75)
                {
                    foreach (var i in counted)
                    {
                        c.Fail(t, i);
                    }
                }
            }
        }),

        // Semi-independent living (H5) under 14 (to 2022-23) or under 16 (2023-24).
        new("371", c => TooYoungForPlacement(c, "H5", 14)) { LastYear = 2023 },
        new("371", c => TooYoungForPlacement(c, "H5", 16)) { FirstYear = 2024, LastYear = 2024 },

        // Supported accommodation (K3) under 16 (from 2024-25).
        new("371", c => TooYoungForPlacement(c, "K3", 16)) { FirstYear = 2025 },

        // Youth custody or prison (R5) under 10.
        new("372", c => TooYoungForPlacement(c, "R5", 10)),

        // Placed in a school (S1) under 4.
        new("373", c => TooYoungForPlacement(c, "S1", 4)),

        // Residential employment (P3) under 14.
        new("374", c => TooYoungForPlacement(c, "P3", 14)),

        // Temporary placement for hospitalisation (T1) over six weeks.
        new("375", c => PlacementTooLong(c, "T1", 42)),

        // Temporary placement for the foster carers' holiday (T3) over three weeks.
        new("376", c => PlacementTooLong(c, "T3", 21)),

        // More than two holiday temporary placements (T3) in the year.
        new("377", c =>
        {
            var t = c.Table("Episodes");
            var place = t.Text("PLACE");
            foreach (var rows in t.ByChild.Groups)
            {
                var count = 0;
                foreach (var i in rows)
                {
                    count += place[i] == "T3" ? 1 : 0;
                }

                if (count > 2)
                {
                    foreach (var i in rows)
                    {
                        if (place[i] == "T3")
                        {
                            c.Fail(t, i);
                        }
                    }
                }
            }
        }),

        // Placed with parents (P1) under a single period of accommodation (V2).
        new("378", c =>
        {
            var t = c.Table("Episodes");
            var place = t.Text("PLACE");
            var ls = t.Text("LS");
            for (var i = 0; i < t.Count; i++)
            {
                if (place[i] == "P1" && ls[i] == "V2")
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Temporary placement for an unspecified reason (T4) over seven days.
        new("379", c => PlacementTooLong(c, "T4", 7)),

        // A temporary placement must not start a period of care (RNE must be P or B).
        new("380", c =>
        {
            var t = c.Table("Episodes");
            var place = t.Text("PLACE");
            var rne = t.Text("RNE");
            for (var i = 0; i < t.Count; i++)
            {
                if (place[i] is { } p && Temporary.Contains(p) && rne[i] is not ("P" or "B"))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // A temporary placement must not end a period of care (REC, when given, must be X1).
        new("381", c =>
        {
            var t = c.Table("Episodes");
            var place = t.Text("PLACE");
            var rec = t.Text("REC");
            for (var i = 0; i < t.Count; i++)
            {
                if (place[i] is { } p && Temporary.Contains(p) && rec[i] is { } r && r != "X1")
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Respite (V3, V4) in a temporary placement.
        new("382", c =>
        {
            var t = c.Table("Episodes");
            var place = t.Text("PLACE");
            var ls = t.Text("LS");
            for (var i = 0; i < t.Count; i++)
            {
                if (ls[i] is { } s && Respite.Contains(s) && place[i] is { } p && Temporary.Contains(p))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // After a temporary placement between two episodes, the child returns (RNE P) to the placement before it;
        // the temporary episode is reported (to 2024-25).
        new("383", c =>
        {
            var t = c.Table("Episodes");
            var place = t.Text("PLACE");
            var rne = t.Text("RNE");
            foreach (var rows in t.ByChildOrderedBy("DECOM"))
            {
                for (var k = 1; k < rows.Length - 1; k++)
                {
                    var (before, temp, after) = (rows[k - 1], rows[k], rows[k + 1]);
                    if (place[temp] is { } p && Temporary.Contains(p) && (rne[after] != "P" || place[after] != place[before]))
                    {
                        c.Fail(t, temp);
                    }
                }
            }
        }) { LastYear = 2025 },

        // From 2025-26 the episode after the temporary one is reported, and the placement postcode must match too.
        new("383", c =>
        {
            var t = c.Table("Episodes");
            var place = t.Text("PLACE");
            var rne = t.Text("RNE");
            var post = t.Text("PL_POST");
            foreach (var rows in t.ByChildOrderedBy("DECOM"))
            {
                for (var k = 2; k < rows.Length; k++)
                {
                    var (before, temp, after) = (rows[k - 2], rows[k - 1], rows[k]);
                    if (place[temp] is { } p && Temporary.Contains(p)
                        && (rne[after] != "P" || place[after] != place[before] || post[after] != post[before]))
                    {
                        c.Fail(t, after);
                    }
                }
            }
        }) { FirstYear = 2026 },

        // Respite (V3, V4) in a long-term foster placement (U1, U4).
        new("384", c =>
        {
            var t = c.Table("Episodes");
            var place = t.Text("PLACE");
            var ls = t.Text("LS");
            for (var i = 0; i < t.Count; i++)
            {
                if (ls[i] is { } s && Respite.Contains(s) && place[i] is { } p && LongTermFoster.Contains(p))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // The episode must cease on or before the end of the collection year.
        new("385", c =>
        {
            var t = c.Table("Episodes");
            var dec = c.Dates(t, "DEC");
            for (var i = 0; i < t.Count; i++)
            {
                if (dec[i] > c.ReferenceDate)
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Ceased as adopted (E11, E12) on or after the 18th birthday.
        new("386", c => CeasedAtAge(c, Adopted, 18, tooOld: true)),

        // Ceased to independent living (E5, E6) before the 14th birthday.
        new("387", c => CeasedAtAge(c, IndependentLiving, 14, tooOld: false)),

        // REC X1 (new episode begins) without an episode starting that day, or an episode starting the day another
        // ended whose REC is not X1, or the last episode ending with X1.
        new("388", c =>
        {
            var t = c.Table("Episodes");
            var decom = c.Dates(t, "DECOM");
            var dec = c.Dates(t, "DEC");
            var rec = t.Text("REC");
            foreach (var rows in t.ByChildOrderedBy("DECOM"))
            {
                for (var k = 0; k < rows.Length; k++)
                {
                    var i = rows[k];
                    if (dec[i] is not { } end)
                    {
                        continue;
                    }

                    if (k == rows.Length - 1)
                    {
                        if (rec[i] == "X1")
                        {
                            c.Fail(t, i);
                        }
                    }
                    else if (decom[rows[k + 1]] is { } next && rec[i] is { } r && (r == "X1") != (end == next))
                    {
                        c.Fail(t, i);
                    }
                }
            }
        }),

        // Ceased to adult social care (E7) before the 16th birthday.
        new("389", c => CeasedAtAge(c, FrozenSet.Create(StringComparer.Ordinal, "E7"), 16, tooOld: false)),

        // Ceased as adopted (E11, E12) from a placement that is not an adoption placement (A3-A6).
        new("390", c =>
        {
            var t = c.Table("Episodes");
            var rec = t.Text("REC");
            var place = t.Text("PLACE");
            for (var i = 0; i < t.Count; i++)
            {
                if (rec[i] is { } r && Adopted.Contains(r) && (place[i] is not { } p || !AdoptionPlacements.Contains(p)))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Care leaver information for a young person not aged 17 to 21 during the year: under 17 at its end (as the
        // councils' tool checks) or, following the DfE message, already 22 at its start.
        new("391", c =>
        {
            var t = c.Table("OC3");
            var dob = c.Dates(t, "DOB");
            var inTouch = t.Text("IN_TOUCH");
            var activ = t.Text("ACTIV");
            var accom = t.Text("ACCOM");
            for (var i = 0; i < t.Count; i++)
            {
                if ((inTouch[i] ?? activ[i] ?? accom[i]) is not null && dob[i] is { } born
                    && (born.AddYears(17) > c.ReferenceDate || born.AddYears(22) <= c.CollectionStart))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // No placement distance for a child looked after other than for respite and never UASC.
        new("392a", c =>
        {
            var t = c.Table("Episodes");
            var ls = t.Text("LS");
            var distance = Distance(c, t);
            var uasc = FormerUasc(c);
            for (var i = 0; i < t.Count; i++)
            {
                if (distance[i] is null && (ls[i] is not { } s || !Respite.Contains(s)) && !uasc.Contains(t.Child[i] ?? ""))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Home or placement postcode missing for a child looked after other than for respite and never UASC.
        new("392b", c =>
        {
            var t = c.Table("Episodes");
            var ls = t.Text("LS");
            var home = t.Text("HOME_POST");
            var post = t.Text("PL_POST");
            var uasc = FormerUasc(c);
            for (var i = 0; i < t.Count; i++)
            {
                if ((home[i] is null || post[i] is null) && (ls[i] is not { } s || !Respite.Contains(s)) && !uasc.Contains(t.Child[i] ?? ""))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // A home or placement postcode given is not in the postcode list (columns POSTCODE, EASTING, NORTHING, LA).
        new("392c", c =>
        {
            var t = c.Table("Episodes");
            var postcodes = c.Postcodes;
            var home = t.Text("HOME_POST");
            var post = t.Text("PL_POST");
            for (var i = 0; i < t.Count; i++)
            {
                if ((home[i] is { } h && !IsKnownPostcode(postcodes, h)) || (post[i] is { } p && !IsKnownPostcode(postcodes, p)))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Home and placement postcodes the same when the placement is not with parents (P1).
        new("392d", c =>
        {
            var t = c.Table("Episodes");
            var place = t.Text("PLACE");
            var home = t.Text("HOME_POST");
            var post = t.Text("PL_POST");
            for (var i = 0; i < t.Count; i++)
            {
                if (place[i] != "P1" && home[i] is { } h && post[i] is { } p && Normalise(h) == Normalise(p))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // A girl looked after other than only for respite has no MOTHER value (SEX 2 to 2023-24, F from 2024-25).
        new("393", c => MotherMissing(c, "2")) { LastYear = 2024 },
        new("393", c => MotherMissing(c, "F")) { FirstYear = 2025 },

        // Postcodes (the basis of the distance) given for a respite episode (V3, V4).
        new("398", c =>
        {
            var t = c.Table("Episodes");
            var ls = t.Text("LS");
            var home = t.Text("HOME_POST");
            var post = t.Text("PL_POST");
            for (var i = 0; i < t.Count; i++)
            {
                if (ls[i] is { } s && Respite.Contains(s) && (home[i] ?? post[i]) is not null)
                {
                    c.Fail(t, i);
                }
            }
        }),

        // A child looked after only for respite (all episodes V3 or V4) with MOTHER or a review recorded.
        new("399", c =>
        {
            var t = c.Table("Episodes");
            var header = c.Table("Header");
            var reviews = c.Table("Reviews");
            var ls = t.Text("LS");
            var mother = header.Text("MOTHER");
            var review = reviews.Text("REVIEW");
            var code = reviews.Text("REVIEW_CODE");
            foreach (var rows in t.ByChild.Groups)
            {
                var onlyRespite = true;
                foreach (var i in rows)
                {
                    onlyRespite &= ls[i] is { } s && Respite.Contains(s);
                }

                if (!onlyRespite)
                {
                    continue;
                }

                var child = t.Child[rows[0]];
                var h = header.ByChild.First(child);
                var motherGiven = h >= 0 && mother[h] is not null;
                var failed = false;
                foreach (var r in reviews.ByChild.Rows(child))
                {
                    if (motherGiven || (review[r] ?? code[r]) is not null)
                    {
                        c.Fail(reviews, r);
                        failed = true;
                    }
                }

                if (motherGiven || failed)
                {
                    foreach (var i in rows)
                    {
                        c.Fail(t, i);
                    }

                    if (h >= 0)
                    {
                        c.Fail(header, h);
                    }
                }
            }
        }),

        // A distance for a child who is or was UASC.
        new("406", c =>
        {
            var t = c.Table("Episodes");
            var uasc = FormerUasc(c);
            if (uasc.Count == 0)
            {
                return;
            }

            var distance = Distance(c, t);
            for (var i = 0; i < t.Count; i++)
            {
                if (distance[i] is not null && uasc.Contains(t.Child[i] ?? ""))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Ceased to a special guardianship order (E45-E48) after the 18th birthday.
        new("407", c =>
        {
            var t = c.Table("Episodes");
            var header = c.Table("Header");
            var rec = t.Text("REC");
            var dec = c.Dates(t, "DEC");
            var dob = c.Dates(header, "DOB");
            for (var i = 0; i < t.Count; i++)
            {
                if (rec[i] is { } r && Sgo.Contains(r) && dec[i] is { } end && DobOf(header, dob, t.Child[i]) is { } born && end > born.AddYears(18))
                {
                    c.Fail(t, i);
                    c.Fail(header, header.ByChild.First(t.Child[i]));
                }
            }
        }),

        // Placed for adoption with a placement order (A5, A6) but the legal status is not E1.
        new("408", c =>
        {
            var t = c.Table("Episodes");
            var place = t.Text("PLACE");
            var ls = t.Text("LS");
            for (var i = 0; i < t.Count; i++)
            {
                if (place[i] is "A5" or "A6" && ls[i] != "E1")
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Placement location IN but the LA of placement is not the authority's own. The return does not carry the
        // authority's own LA code (the DfE tool takes it from the upload), so the rule runs only on tables that
        // carry PL_LOCATION, PL_LA and the placing authority (LA) on each row.
        new("411", c =>
        {
            var t = c.Table("Episodes");
            if (!t.Has("PL_LOCATION") || !t.Has("LA"))
            {
                throw new RuleSkippedException("needs the placing authority's LA code and the derived PL_LOCATION");
            }

            var location = t.Text("PL_LOCATION");
            var own = t.Text("LA");
            var la = PlacementLa(c, t);
            for (var i = 0; i < t.Count; i++)
            {
                if (location[i] == "IN" && la[i] != own[i])
                {
                    c.Fail(t, i);
                }
            }
        }),

        // An LA of placement for a respite episode (V3, V4).
        new("420", c =>
        {
            var t = c.Table("Episodes");
            var ls = t.Text("LS");
            var la = PlacementLa(c, t);
            for (var i = 0; i < t.Count; i++)
            {
                if (ls[i] is { } s && Respite.Contains(s) && la[i] is not null)
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Respite under both V3 and V4 in the same year: every V3 and V4 episode of the child.
        new("426", c =>
        {
            var t = c.Table("Episodes");
            var ls = t.Text("LS");
            foreach (var rows in t.ByChild.Groups)
            {
                bool v3 = false, v4 = false;
                foreach (var i in rows)
                {
                    v3 |= ls[i] == "V3";
                    v4 |= ls[i] == "V4";
                }

                if (v3 && v4)
                {
                    foreach (var i in rows)
                    {
                        if (ls[i] is "V3" or "V4")
                        {
                            c.Fail(t, i);
                        }
                    }
                }
            }
        }),

        // RNE S (started to be looked after) but the previous episode ended on or after this one's start.
        new("431", c =>
        {
            var t = c.Table("Episodes");
            var decom = c.Dates(t, "DECOM");
            var dec = c.Dates(t, "DEC");
            var rne = t.Text("RNE");
            foreach (var rows in t.ByChildOrderedBy("DECOM"))
            {
                for (var k = 1; k < rows.Length; k++)
                {
                    var i = rows[k];
                    if (rne[i] == "S" && decom[i] <= dec[rows[k - 1]])
                    {
                        c.Fail(t, i);
                    }
                }
            }
        }),

        // The previous episode ended care (an E reason) but this one's RNE is not S.
        new("432", c =>
        {
            var t = c.Table("Episodes");
            var rec = t.Text("REC");
            var rne = t.Text("RNE");
            foreach (var rows in t.ByChildOrderedBy("DECOM"))
            {
                for (var k = 1; k < rows.Length; k++)
                {
                    if (rec[rows[k - 1]] is { } r && CeasedCare.Contains(r) && rne[rows[k]] != "S")
                    {
                        c.Fail(t, rows[k]);
                    }
                }
            }
        }),

        // A continuation RNE (P, L, T, U, B) but the episode does not start the day the previous one ended.
        new("433", c =>
        {
            var t = c.Table("Episodes");
            var decom = c.Dates(t, "DECOM");
            var dec = c.Dates(t, "DEC");
            var rne = t.Text("RNE");
            foreach (var rows in t.ByChildOrderedBy("DECOM"))
            {
                for (var k = 1; k < rows.Length; k++)
                {
                    var i = rows[k];
                    if (rne[i] is { } r && ContinuationRne.Contains(r)
                        && (decom[i] is not { } start || dec[rows[k - 1]] is not { } end || start != end))
                    {
                        c.Fail(t, i);
                    }
                }
            }
        }),

        // RNE L (legal status changed, placement not) but the legal status is unchanged or the placement changed.
        new("434", c => ChangeMatches(c, r => r == "L", lsChanges: true, placementChanges: false)),

        // RNE P or T (placement changed, legal status not) but the legal status changed or the placement did not.
        new("435", c => ChangeMatches(c, r => r is { } s && PlacementChangeRne.Contains(s), lsChanges: false, placementChanges: true)),

        // RNE U or B (both changed) but the legal status or the placement is unchanged.
        new("436", c => ChangeMatches(c, r => r is { } s && BothChangeRne.Contains(s), lsChanges: true, placementChanges: true)),

        // Ceased as died or aged 18 (E2, E15) but a later episode follows.
        new("437", c =>
        {
            var t = c.Table("Episodes");
            var decom = c.Dates(t, "DECOM");
            var rec = t.Text("REC");
            foreach (var rows in t.ByChildOrderedBy("DECOM"))
            {
                for (var k = 0; k < rows.Length - 1; k++)
                {
                    var i = rows[k];
                    if (rec[i] is { } r && DiedOrAdult.Contains(r.ToUpperInvariant()) && decom[i] is not null)
                    {
                        c.Fail(t, i);
                    }
                }
            }
        }),

        // Participation PN0 (under 4) but the child was 4 or over at the review.
        new("440", c =>
        {
            var t = c.Table("Reviews");
            var dob = c.Dates(t, "DOB");
            var review = c.Dates(t, "REVIEW");
            var code = t.Text("REVIEW_CODE");
            for (var i = 0; i < t.Count; i++)
            {
                if (code[i] == "PN0" && review[i] is { } on && dob[i] is { } born && on >= born.AddYears(4))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Participation PN1-PN7 (4 or over) but the child was under 4 at the review.
        new("441", c =>
        {
            var t = c.Table("Reviews");
            var dob = c.Dates(t, "DOB");
            var review = c.Dates(t, "REVIEW");
            var code = t.Text("REVIEW_CODE");
            for (var i = 0; i < t.Count; i++)
            {
                if (code[i] is { } p && Over4Participation.Contains(p) && review[i] is { } on && dob[i] is { } born && on < born.AddYears(4))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // No UPN for a child with an episode other than respite (V3, V4).
        new("442", c =>
        {
            var t = c.Table("Episodes");
            var header = c.Table("Header");
            var ls = t.Text("LS");
            var upn = header.Text("UPN");
            for (var h = 0; h < header.Count; h++)
            {
                if (upn[h] is not null)
                {
                    continue;
                }

                foreach (var i in t.ByChild.Rows(header.Child[h]))
                {
                    if (ls[i] is not { } s || !Respite.Contains(s))
                    {
                        c.Fail(header, h);
                        break;
                    }
                }
            }
        }),

        // The same UPN for more than one child (the shared codes UN1-UN5 apart; the councils' tool added that
        // exception in 2025-26, plainly right for every year).
        new("444", c =>
        {
            var t = c.Table("Header");
            var upn = t.Text("UPN");
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < t.Count; i++)
            {
                if (upn[i] is { } u && !SharedUpn.Contains(u))
                {
                    counts[u] = counts.GetValueOrDefault(u) + 1;
                }
            }

            for (var i = 0; i < t.Count; i++)
            {
                if (upn[i] is { } u && counts.GetValueOrDefault(u) > 1)
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Legal status E1 (placement order) for an episode starting before December 2005.
        new("446", c =>
        {
            var t = c.Table("Episodes");
            var ls = t.Text("LS");
            var decom = c.Dates(t, "DECOM");
            for (var i = 0; i < t.Count; i++)
            {
                if (ls[i] == "E1" && decom[i] < PlacementOrdersFrom)
                {
                    c.Fail(t, i);
                }
            }
        }),

        // The LA of placement of the first episode differs from the open last episode of last year (same RNE).
        new("452", c => FirstAgainstLastYear(c, (t, last) =>
        {
            var la = PlacementLa(c, t);
            var laLast = PlacementLa(c, last);
            return (i, p) => la[i] != laLast[p];
        })),

        // The distance of the first episode differs (by 0.2 miles or more) from the open last episode of last year.
        new("453", c => FirstAgainstLastYear(c, (t, last) =>
        {
            var distance = Distance(c, t);
            var distanceLast = Distance(c, last);
            return (i, p) => Math.Abs((distance[i] - distanceLast[p]) ?? 0) >= 0.2;
        })),
    ];

    private static void CeasedAtAge(RuleContext c, FrozenSet<string> reasons, int years, bool tooOld)
    {
        var t = c.Table("Episodes");
        var header = c.Table("Header");
        var rec = t.Text("REC");
        var dec = c.Dates(t, "DEC");
        var dob = c.Dates(header, "DOB");
        for (var i = 0; i < t.Count; i++)
        {
            if (rec[i] is { } r && reasons.Contains(r.ToUpperInvariant()) && dec[i] is { } end && DobOf(header, dob, t.Child[i]) is { } born
                && (end >= born.AddYears(years)) == tooOld)
            {
                c.Fail(t, i);
            }
        }
    }

    private static void MotherMissing(RuleContext c, string female)
    {
        var header = c.Table("Header");
        var t = c.Table("Episodes");
        var sex = header.Text("SEX");
        var mother = header.Text("MOTHER");
        var ls = t.Text("LS");
        for (var h = 0; h < header.Count; h++)
        {
            if (sex[h] != female || mother[h] is not null)
            {
                continue;
            }

            foreach (var i in t.ByChild.Rows(header.Child[h]))
            {
                if (ls[i] is not { } s || !Respite.Contains(s.ToUpperInvariant()))
                {
                    c.Fail(header, h);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// 434-436: for each episode after the child's first whose RNE matches, the legal status must have changed
    /// exactly when <paramref name="lsChanges"/> and the placement (type, postcode, URN, provider; blanks equal)
    /// exactly when <paramref name="placementChanges"/>. As the councils' tool does: 434 fails when the legal status
    /// did not change or the placement did; 435 when the legal status changed or the placement did not; 436 when
    /// either is unchanged.
    /// </summary>
    private static void ChangeMatches(RuleContext c, Func<string?, bool> rneMatches, bool lsChanges, bool placementChanges)
    {
        var t = c.Table("Episodes");
        var rne = t.Text("RNE");
        var ls = t.Text("LS");
        string?[][] placement = [t.Text("PLACE"), t.Text("PL_POST"), t.Text("URN"), t.Text("PLACE_PROVIDER")];
        foreach (var rows in t.ByChildOrderedBy("DECOM"))
        {
            for (var k = 1; k < rows.Length; k++)
            {
                var (prev, i) = (rows[k - 1], rows[k]);
                if (!rneMatches(rne[i]))
                {
                    continue;
                }

                var lsChanged = ls[i] != ls[prev];
                var placementChanged = false;
                foreach (var column in placement)
                {
                    placementChanged |= column[i] != column[prev];
                }

                if (lsChanged != lsChanges || placementChanged != placementChanges)
                {
                    c.Fail(t, i);
                }
            }
        }
    }
}
