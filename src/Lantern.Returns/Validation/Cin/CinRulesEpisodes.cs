using Lantern.Domain.Codes;
using static Lantern.Returns.Validation.Cin.CinRulesEpisodesHelpers;

namespace Lantern.Returns.Validation.Cin;

/// <summary>CIN census rules (see Validation/README.md for who owns which codes).</summary>
internal static class CinRulesEpisodes
{
    private static readonly string[] ConferenceTables = ["Section47", "CINdetails"];

    public static IEnumerable<RuleCheck> All => [.. Assessments, .. Section47s, .. ProtectionPlans, .. PlanDates];

    // ---- Assessments ----
    private static IEnumerable<RuleCheck> Assessments =>
    [
        // The assessment start date cannot be before the referral date.
        new("1103", c => BeforeReferral(c, "Assessments", "AssessmentActualStartDate")),

        // Assessment start date cannot be later than its end (authorisation) date.
        new("8608", c =>
        {
            var t = c.Table("Assessments");
            var start = c.Dates(t, "AssessmentActualStartDate");
            var end = c.Dates(t, "AssessmentAuthorisationDate");
            for (var i = 0; i < t.Count; i++)
            {
                if (start[i] is { } s && end[i] is { } e && s > e)
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Factors should only be present for a completed assessment.
        new("8614", c =>
        {
            var t = c.Table("Assessments");
            var factors = Factors(c);
            var aid = t.Text("AssessmentID");
            var did = t.Text("CINdetailsID");
            var end = c.Dates(t, "AssessmentAuthorisationDate");
            for (var i = 0; i < t.Count; i++)
            {
                if (t.Child[i] is { } ch && factors.TryGetValue((ch, did[i] ?? "", aid[i] ?? ""), out var codes) && codes.Count > 0
                    && end[i] is null && !end.IsBad(i))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Assessment started more than 45 working days before the ReferenceDate and has no end date.
        new("8670Q", c => OpenTooLong(c, "Assessments", "AssessmentActualStartDate", 45, t =>
        {
            var end = t.Text("AssessmentAuthorisationDate");
            return i => end[i] is null;
        })),

        // Assessment end date must fall within the census year.
        new("8696", c =>
        {
            var t = c.Table("Assessments");
            var end = c.Dates(t, "AssessmentAuthorisationDate");
            for (var i = 0; i < t.Count; i++)
            {
                if (end[i] is { } e && !InYear(c, e))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // An assessment not completed must have started within the census year (the reference tests the opposite: the
        // DfE's message is followed).
        new("8736", c =>
        {
            var t = c.Table("Assessments");
            var start = c.Dates(t, "AssessmentActualStartDate");
            var end = t.Text("AssessmentAuthorisationDate");
            for (var i = 0; i < t.Count; i++)
            {
                if (end[i] is null && start[i] is { } s && !InYear(c, s))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // An assessment starts on or between the start and end (or the ReferenceDate, when open) of another assessment
        // of the same CINdetails group.
        new("8863Q", c =>
        {
            var t = c.Table("Assessments");
            var start = c.Dates(t, "AssessmentActualStartDate");
            var end = c.Dates(t, "AssessmentAuthorisationDate");
            foreach (var rows in RowsByEpisode(t).Values)
            {
                foreach (var a in rows)
                {
                    if (start[a] is not { } s)
                    {
                        continue;
                    }

                    foreach (var b in rows)
                    {
                        if (b != a && start[b] is { } bs && s >= bs && (end[b] is { } be ? s <= be : s <= c.ReferenceDate && !end.IsBad(b)))
                        {
                            c.Fail(t, a);
                            break;
                        }
                    }
                }
            }
        }),

        // Factor code 21 (no factors identified) cannot be used with any other factor.
        new("8869", c => EachAssessmentFactors(c, codes => codes.Contains("21") && codes.Exists(f => f != "21"))),

        // Only one assessment on the episode, its factors include 21, so the reason for closure should be RC8 or RC9.
        new("8873Q", c =>
        {
            var t = c.Table("Assessments");
            var details = c.Table("CINdetails");
            var factors = Factors(c);
            var reason = details.Text("ReasonForClosure");
            var detailRows = FirstByEpisode(details);
            var aid = t.Text("AssessmentID");
            foreach (var (key, rows) in RowsByEpisode(t))
            {
                if (rows.Count != 1)
                {
                    continue;
                }

                var a = rows[0];
                if (factors.TryGetValue((key.Child, key.Id, aid[a] ?? ""), out var codes) && codes.Contains("21")
                    && detailRows.TryGetValue(key, out var d) && reason[d] is not ("RC8" or "RC9"))
                {
                    c.Fail(t, a);
                    c.Fail(details, d);
                }
            }
        }),

        // Two or more open (not authorised) assessments within one CINdetails group.
        new("8896", c =>
        {
            var t = c.Table("Assessments");
            var end = t.Text("AssessmentAuthorisationDate");
            foreach (var rows in RowsByEpisode(t).Values)
            {
                var open = 0;
                foreach (var r in rows)
                {
                    open += end[r] is null ? 1 : 0;
                }

                if (open > 1)
                {
                    foreach (var r in rows)
                    {
                        if (end[r] is null)
                        {
                            c.Fail(t, r);
                        }
                    }
                }
            }
        }),

        // Factors missing from a completed assessment.
        new("8897Q", c =>
        {
            var t = c.Table("Assessments");
            var factors = Factors(c);
            var aid = t.Text("AssessmentID");
            var did = t.Text("CINdetailsID");
            var end = t.Text("AssessmentAuthorisationDate");
            for (var i = 0; i < t.Count; i++)
            {
                if (t.Child[i] is { } ch && end[i] is not null
                    && !(factors.TryGetValue((ch, did[i] ?? "", aid[i] ?? ""), out var codes) && codes.Count > 0))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // The same factor code more than once on one assessment.
        new("8898", c => EachAssessmentFactors(c, codes =>
        {
            for (var i = 1; i < codes.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (codes[i] == codes[j])
                    {
                        return true;
                    }
                }
            }

            return false;
        })),

        // Factor code 18A should not be used (18B or 18C instead).
        new("8945Q", c => EachAssessmentFactors(c, codes => codes.Contains("18A"))),

        // Factor code 19A should not be used (19B or 19C instead).
        new("8950Q", c => EachAssessmentFactors(c, codes => codes.Contains("19A"))),
    ];

    // ---- Section47 ----
    private static IEnumerable<RuleCheck> Section47s =>
    [
        // The initial child protection conference cannot be before the referral date (on the S47 module or on CINdetails).
        new("1104", c =>
        {
            BeforeReferral(c, "Section47", "DateOfInitialCPC");
            var details = c.Table("CINdetails");
            var referral = c.Dates(details, "CINreferralDate");
            var icpc = c.Dates(details, "DateOfInitialCPC");
            for (var i = 0; i < details.Count; i++)
            {
                if (icpc[i] is { } d && referral[i] is { } r && d < r)
                {
                    c.Fail(details, i);
                }
            }
        }),

        // An initial conference recorded on both a S47 module and the child's CINdetails (the same date for one child).
        new("2884", c =>
        {
            var t = c.Table("Section47");
            var details = c.Table("CINdetails");
            var icpc = c.Dates(t, "DateOfInitialCPC");
            var detailIcpc = c.Dates(details, "DateOfInitialCPC");
            var reported = new HashSet<int>();
            for (var i = 0; i < t.Count; i++)
            {
                if (icpc[i] is not { } d)
                {
                    continue;
                }

                foreach (var r in details.ByChild.Rows(t.Child[i]))
                {
                    if (detailIcpc[r] == d)
                    {
                        c.Fail(t, i);
                        if (reported.Add(r))
                        {
                            c.Fail(details, r);
                        }

                        break;
                    }
                }
            }
        }),

        // The S47 start date cannot be before the referral date.
        new("2889", c => BeforeReferral(c, "Section47", "S47ActualStartDate")),

        // With an initial conference date, the S47 start date must be present and not after it.
        new("8615", c =>
        {
            var t = c.Table("Section47");
            var start = c.Dates(t, "S47ActualStartDate");
            var icpc = c.Dates(t, "DateOfInitialCPC");
            for (var i = 0; i < t.Count; i++)
            {
                if (icpc[i] is { } d && (start[i] is { } s ? s > d : !start.IsBad(i)))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // S47 started more than 15 working days before the ReferenceDate with no initial conference and ICPCnotRequired
        // not true (the reference compares the other way round; the DfE's message is followed).
        new("8675Q", c => OpenTooLong(c, "Section47", "S47ActualStartDate", 15, t =>
        {
            var icpc = t.Text("DateOfInitialCPC");
            var notRequired = t.Text("ICPCnotRequired");
            return i => icpc[i] is null && !IsTrue(notRequired[i]);
        })),

        // The initial conference date must fall within the census year (S47 modules and CINdetails).
        new("8715", c =>
        {
            foreach (var name in ConferenceTables)
            {
                var t = c.Table(name);
                var icpc = c.Dates(t, "DateOfInitialCPC");
                for (var i = 0; i < t.Count; i++)
                {
                    if (icpc[i] is { } d && !InYear(c, d))
                    {
                        c.Fail(t, i);
                    }
                }
            }
        }),

        // A S47 with no initial conference (and one required) must have started within the census year.
        new("8740", c =>
        {
            var t = c.Table("Section47");
            var start = c.Dates(t, "S47ActualStartDate");
            var icpc = t.Text("DateOfInitialCPC");
            var notRequired = t.Text("ICPCnotRequired");
            for (var i = 0; i < t.Count; i++)
            {
                if (icpc[i] is null && !IsTrue(notRequired[i]) && start[i] is { } s && !InYear(c, s))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Two or more open S47s (no initial conference and not flagged as not required) in one CINdetails group.
        new("8839", c =>
        {
            var t = c.Table("Section47");
            var icpc = t.Text("DateOfInitialCPC");
            var notRequired = t.Text("ICPCnotRequired");
            foreach (var rows in RowsByEpisode(t).Values)
            {
                var open = rows.FindAll(r => icpc[r] is null && !IsTrue(notRequired[r]));
                if (open.Count > 1)
                {
                    foreach (var r in open)
                    {
                        c.Fail(t, r);
                    }
                }
            }
        }),

        // The target date for the initial conference should not be a weekend.
        new("8870Q", c => Weekend(c, "Section47", "InitialCPCtarget")),

        // The date of the initial conference cannot be a weekend (S47 modules and CINdetails).
        new("8875", c =>
        {
            Weekend(c, "Section47", "DateOfInitialCPC");
            Weekend(c, "CINdetails", "DateOfInitialCPC");
        }),
    ];

    // ---- ChildProtectionPlans and Reviews ----
    private static IEnumerable<RuleCheck> ProtectionPlans =>
    [
        // The plan start date cannot be before the referral date.
        new("1105", c => BeforeReferral(c, "ChildProtectionPlans", "CPPstartDate")),

        // More plans start in the year than initial conferences take place (S47 and CINdetails): a check on the whole
        // return, reported on every plan starting in the year.
        new("2883", c =>
        {
            var t = c.Table("ChildProtectionPlans");
            var start = c.Dates(t, "CPPstartDate");
            var conferences = 0;
            foreach (var name in ConferenceTables)
            {
                var other = c.Table(name);
                var icpc = c.Dates(other, "DateOfInitialCPC");
                for (var i = 0; i < other.Count; i++)
                {
                    conferences += icpc[i] is { } d && InYear(c, d) ? 1 : 0;
                }
            }

            var plans = new List<int>();
            for (var i = 0; i < t.Count; i++)
            {
                if (start[i] is { } s && InYear(c, s))
                {
                    plans.Add(i);
                }
            }

            if (plans.Count > conferences)
            {
                foreach (var i in plans)
                {
                    c.Fail(t, i);
                }
            }
        }),

        // A plan starting in the year must start on the day of an initial conference of its CINdetails group (on a S47
        // module or on CINdetails). The reference fails a plan when any S47 of the group differs; the DfE's rule (equal
        // to either) is followed: one matching conference is enough.
        new("2885", c =>
        {
            var t = c.Table("ChildProtectionPlans");
            var s47 = c.Table("Section47");
            var details = c.Table("CINdetails");
            var start = c.Dates(t, "CPPstartDate");
            var s47Icpc = c.Dates(s47, "DateOfInitialCPC");
            var detailIcpc = c.Dates(details, "DateOfInitialCPC");
            var s47Rows = RowsByEpisode(s47);
            var detailRows = FirstByEpisode(details);
            var did = t.Text("CINdetailsID");
            for (var i = 0; i < t.Count; i++)
            {
                if (start[i] is not { } s || !InYear(c, s))
                {
                    continue;
                }

                var key = EpisodeKey(t, did, i);
                var matched = detailRows.TryGetValue(key, out var d) && detailIcpc[d] == s;
                if (!matched && s47Rows.TryGetValue(key, out var rows))
                {
                    matched = rows.Exists(r => s47Icpc[r] == s);
                }

                if (!matched)
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Activity after the case was closed: every date of the episode (initial conferences, assessments, S47 start,
        // plan end, CIN plan dates) must be on or before CINclosureDate. Reported on CINdetails and on each late row.
        new("8565", c =>
        {
            var details = c.Table("CINdetails");
            var closure = c.Dates(details, "CINclosureDate");
            var detailIcpc = c.Dates(details, "DateOfInitialCPC");
            var closed = new Dictionary<(string, string), (int Row, DateOnly Date)>();
            var detailId = details.Text("CINdetailsID");
            for (var i = 0; i < details.Count; i++)
            {
                if (details.Child[i] is { } ch && closure[i] is { } cd)
                {
                    closed.TryAdd((ch, detailId[i] ?? ""), (i, cd));
                    if (detailIcpc[i] > cd)
                    {
                        c.Fail(details, i);
                    }
                }
            }

            var late = new HashSet<int>();
            void Check(string name, params string[] columns)
            {
                var t = c.TryTable(name);
                if (t is null)
                {
                    return;
                }

                var did = t.Text("CINdetailsID");
                var dates = Array.ConvertAll(columns, col => c.Dates(t, col));
                for (var i = 0; i < t.Count; i++)
                {
                    if (!closed.TryGetValue(EpisodeKey(t, did, i), out var episode))
                    {
                        continue;
                    }

                    foreach (var col in dates)
                    {
                        if (col[i] > episode.Date)
                        {
                            c.Fail(t, i);
                            if (late.Add(episode.Row))
                            {
                                c.Fail(details, episode.Row);
                            }

                            break;
                        }
                    }
                }
            }

            Check("Assessments", "AssessmentActualStartDate", "AssessmentAuthorisationDate");
            Check("Section47", "S47ActualStartDate", "DateOfInitialCPC");
            Check("ChildProtectionPlans", "CPPendDate");
            Check("CINplanDates", "CINPlanStartDate", "CINPlanEndDate");
        }),

        // Plan start date missing or after the ReferenceDate.
        new("8720", c =>
        {
            var t = c.Table("ChildProtectionPlans");
            var start = c.Dates(t, "CPPstartDate");
            for (var i = 0; i < t.Count; i++)
            {
                if (start[i] is { } s ? s > c.ReferenceDate : !start.IsBad(i))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Number of previous child protection plans missing.
        new("8730", c =>
        {
            var t = c.Table("ChildProtectionPlans");
            var previous = t.Text("NumberOfPreviousCPP");
            for (var i = 0; i < t.Count; i++)
            {
                if (previous[i] is null)
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Child protection plan on a referral with no further action.
        new("8832", c => OnNfaReferral(c, "ChildProtectionPlans")),

        // A plan cannot start and end on the same day.
        new("8840", c => SameDay(c, "ChildProtectionPlans", "CPPstartDate", "CPPendDate")),

        // A review cannot be on or before the plan's start date (reported on the plan and the review).
        new("8841", c =>
        {
            var t = c.Table("ChildProtectionPlans");
            var reviews = c.Table("Reviews");
            var start = c.Dates(t, "CPPstartDate");
            var review = c.Dates(reviews, "CPPreviewDate");
            var plans = RowsByItem(t, "CPPID");
            var did = reviews.Text("CINdetailsID");
            var pid = reviews.Text("CPPID");
            var reported = new HashSet<int>();
            for (var i = 0; i < reviews.Count; i++)
            {
                if (reviews.Child[i] is not { } ch || review[i] is not { } r
                    || !plans.TryGetValue((ch, did[i] ?? "", pid[i] ?? ""), out var rows))
                {
                    continue;
                }

                foreach (var p in rows)
                {
                    if (start[p] is { } s && r <= s)
                    {
                        c.Fail(reviews, i);
                        if (reported.Add(p))
                        {
                            c.Fail(t, p);
                        }

                        break;
                    }
                }
            }
        }),

        // A review record with no date.
        new("8842Q", c =>
        {
            var t = c.Table("Reviews");
            var review = t.Text("CPPreviewDate");
            for (var i = 0; i < t.Count; i++)
            {
                if (review[i] is null)
                {
                    c.Fail(t, i);
                }
            }
        }),

        // Initial category of abuse missing or not a code.
        new("8905", c => NotACode(c, "ChildProtectionPlans", "InitialCategoryOfAbuse", AbuseCategory.Set)),

        // Latest category of abuse missing or not a code.
        new("8910", c => NotACode(c, "ChildProtectionPlans", "LatestCategoryOfAbuse", AbuseCategory.Set)),

        // A plan cannot start after the child's death.
        new("8915", c => AfterDeath(c, "ChildProtectionPlans", "CPPstartDate")),

        // A plan cannot end after the child's death.
        new("8920", c => AfterDeath(c, "ChildProtectionPlans", "CPPendDate")),

        // Plan end date earlier than its start date.
        new("8925", c => EndBeforeStart(c, "ChildProtectionPlans", "CPPstartDate", "CPPendDate")),

        // Plan end date must fall within the census year.
        new("8930", c => EndOutsideYear(c, "ChildProtectionPlans", "CPPendDate")),

        // More than one open plan (no end date) for the child.
        new("8935", c => MoreThanOneOpen(c, "ChildProtectionPlans", "CPPendDate")),

        // Plans of one child overlap.
        new("8940", c => Overlapping(c, "ChildProtectionPlans", "CPPstartDate", "CPPendDate")),
    ];

    // ---- CINplanDates (and 4003 on Reviews) ----
    private static IEnumerable<RuleCheck> PlanDates =>
    [
        // CIN plan on a referral with no further action.
        new("4000", c => OnNfaReferral(c, "CINplanDates")),

        // An open child protection plan and an open CIN plan in the same CINdetails group.
        new("4001", c =>
        {
            var t = c.Table("CINplanDates");
            var cpp = c.Table("ChildProtectionPlans");
            var planEnd = t.Text("CINPlanEndDate");
            var cppEnd = cpp.Text("CPPendDate");
            var openCpp = new Dictionary<(string, string), List<int>>();
            foreach (var (key, rows) in RowsByEpisode(cpp))
            {
                var open = rows.FindAll(r => cppEnd[r] is null);
                if (open.Count > 0)
                {
                    openCpp[key] = open;
                }
            }

            var reported = new HashSet<int>();
            var did = t.Text("CINdetailsID");
            for (var i = 0; i < t.Count; i++)
            {
                if (planEnd[i] is null && openCpp.TryGetValue(EpisodeKey(t, did, i), out var open))
                {
                    c.Fail(t, i);
                    foreach (var r in open)
                    {
                        if (reported.Add(r))
                        {
                            c.Fail(cpp, r);
                        }
                    }
                }
            }
        }),

        // A plan review held while a CIN plan of the same CINdetails group is open (a review on the plan's end date is
        // allowed).
        new("4003", c =>
        {
            var reviews = c.Table("Reviews");
            var plans = c.Table("CINplanDates");
            var cpp = c.Table("ChildProtectionPlans");
            var review = c.Dates(reviews, "CPPreviewDate");
            var planStart = c.Dates(plans, "CINPlanStartDate");
            var planEnd = c.Dates(plans, "CINPlanEndDate");
            var cppEnd = c.Dates(cpp, "CPPendDate");
            var cppRows = RowsByItem(cpp, "CPPID");
            var planRows = RowsByEpisode(plans);
            var did = reviews.Text("CINdetailsID");
            var pid = reviews.Text("CPPID");
            for (var i = 0; i < reviews.Count; i++)
            {
                if (review[i] is not { } r || !planRows.TryGetValue(EpisodeKey(reviews, did, i), out var rows))
                {
                    continue;
                }

                if (cppRows.TryGetValue((reviews.Child[i] ?? "", did[i] ?? "", pid[i] ?? ""), out var own) && own.Exists(p => cppEnd[p] == r))
                {
                    continue;
                }

                if (rows.Exists(p => planStart[p] is { } s && !planEnd.IsBad(p) && During(c, r, s, planEnd[p])))
                {
                    c.Fail(reviews, i);
                }
            }
        }),

        // More than one open CIN plan (no end date) for the child.
        new("4004", c => MoreThanOneOpen(c, "CINplanDates", "CINPlanEndDate")),

        // CIN plan start date missing or after the ReferenceDate.
        new("4010", c =>
        {
            var t = c.Table("CINplanDates");
            var start = c.Dates(t, "CINPlanStartDate");
            for (var i = 0; i < t.Count; i++)
            {
                if (start[i] is { } s ? s > c.ReferenceDate : !start.IsBad(i))
                {
                    c.Fail(t, i);
                }
            }
        }),

        // CIN plan end date earlier than its start date.
        new("4011", c => EndBeforeStart(c, "CINplanDates", "CINPlanStartDate", "CINPlanEndDate")),

        // CIN plan starting and ending on the same day.
        new("4012Q", c => SameDay(c, "CINplanDates", "CINPlanStartDate", "CINPlanEndDate")),

        // CIN plan end date must fall within the census year.
        new("4013", c => EndOutsideYear(c, "CINplanDates", "CINPlanEndDate")),

        // CIN plans of one child overlap.
        new("4014", c => Overlapping(c, "CINplanDates", "CINPlanStartDate", "CINPlanEndDate")),

        // The CIN plan start date cannot be before the referral date.
        new("4015", c => BeforeReferral(c, "CINplanDates", "CINPlanStartDate")),

        // A CIN plan starts while a child protection plan of the child is open (starting on the plan's end date is allowed).
        new("4016", c => StartsDuring(c, "CINplanDates", "CINPlanStartDate", "ChildProtectionPlans", "CPPstartDate", "CPPendDate")),

        // A child protection plan starts while a CIN plan of the child is open (starting on the CIN plan's end date is allowed).
        new("4017", c => StartsDuring(c, "ChildProtectionPlans", "CPPstartDate", "CINplanDates", "CINPlanStartDate", "CINPlanEndDate")),
    ];

    /// <summary>The factor codes of each assessment (LAchildID, CINdetailsID, AssessmentID), blanks left out.</summary>
    private static Dictionary<(string Child, string Id, string Item), List<string>> Factors(RuleContext c)
    {
        var t = c.Table("AssessmentFactors");
        var code = t.Text("AssessmentFactors");
        var result = new Dictionary<(string, string, string), List<string>>();
        foreach (var (key, rows) in RowsByItem(t, "AssessmentID"))
        {
            var list = new List<string>(rows.Count);
            foreach (var r in rows)
            {
                if (code[r] is { } f)
                {
                    list.Add(f);
                }
            }

            result[key] = list;
        }

        return result;
    }

    /// <summary>Reports each assessment whose factor codes meet <paramref name="failed"/>.</summary>
    private static void EachAssessmentFactors(RuleContext c, Func<List<string>, bool> failed)
    {
        var t = c.Table("Assessments");
        var factors = Factors(c);
        var aid = t.Text("AssessmentID");
        var did = t.Text("CINdetailsID");
        for (var i = 0; i < t.Count; i++)
        {
            if (t.Child[i] is { } ch && factors.TryGetValue((ch, did[i] ?? "", aid[i] ?? ""), out var codes) && failed(codes))
            {
                c.Fail(t, i);
            }
        }
    }

    /// <summary>Reports rows of <paramref name="name"/> whose <paramref name="column"/> is before their CINdetails group's referral date.</summary>
    private static void BeforeReferral(RuleContext c, string name, string column)
    {
        var t = c.Table(name);
        var details = c.Table("CINdetails");
        var referral = c.Dates(details, "CINreferralDate");
        var episodes = FirstByEpisode(details);
        var date = c.Dates(t, column);
        var did = t.Text("CINdetailsID");
        for (var i = 0; i < t.Count; i++)
        {
            if (date[i] is { } d && episodes.TryGetValue(EpisodeKey(t, did, i), out var e) && referral[e] is { } r && d < r)
            {
                c.Fail(t, i);
            }
        }
    }

    /// <summary>Reports open items (per <paramref name="openRows"/>) started before the ReferenceDate minus <paramref name="days"/> working days.</summary>
    private static void OpenTooLong(RuleContext c, string name, string startColumn, int days, Func<RuleTable, Predicate<int>> openRows)
    {
        var t = c.Table(name);
        var open = openRows(t);
        var start = c.Dates(t, startColumn);
        if (WorkingDaysBefore(c.ReferenceDate, days) is not { } latest)
        {
            return;
        }

        for (var i = 0; i < t.Count; i++)
        {
            if (start[i] is { } s && s < latest && open(i))
            {
                c.Fail(t, i);
            }
        }
    }

    private static void Weekend(RuleContext c, string name, string column)
    {
        var t = c.Table(name);
        var date = c.Dates(t, column);
        for (var i = 0; i < t.Count; i++)
        {
            if (date[i] is { } d && IsWeekend(d))
            {
                c.Fail(t, i);
            }
        }
    }

    /// <summary>Reports rows of <paramref name="name"/> in a CINdetails group whose ReferralNFA is true.</summary>
    private static void OnNfaReferral(RuleContext c, string name)
    {
        var t = c.Table(name);
        var details = c.Table("CINdetails");
        var nfa = details.Text("ReferralNFA");
        var episodes = FirstByEpisode(details);
        var did = t.Text("CINdetailsID");
        var reported = new HashSet<int>();
        for (var i = 0; i < t.Count; i++)
        {
            if (episodes.TryGetValue(EpisodeKey(t, did, i), out var e) && IsTrue(nfa[e]))
            {
                c.Fail(t, i);
                if (reported.Add(e))
                {
                    c.Fail(details, e);
                }
            }
        }
    }

    private static void SameDay(RuleContext c, string name, string startColumn, string endColumn)
    {
        var t = c.Table(name);
        var start = c.Dates(t, startColumn);
        var end = c.Dates(t, endColumn);
        for (var i = 0; i < t.Count; i++)
        {
            if (start[i] is { } s && end[i] is { } e && s == e)
            {
                c.Fail(t, i);
            }
        }
    }

    private static void EndBeforeStart(RuleContext c, string name, string startColumn, string endColumn)
    {
        var t = c.Table(name);
        var start = c.Dates(t, startColumn);
        var end = c.Dates(t, endColumn);
        for (var i = 0; i < t.Count; i++)
        {
            if (start[i] is { } s && end[i] is { } e && e < s)
            {
                c.Fail(t, i);
            }
        }
    }

    private static void EndOutsideYear(RuleContext c, string name, string endColumn)
    {
        var t = c.Table(name);
        var end = c.Dates(t, endColumn);
        for (var i = 0; i < t.Count; i++)
        {
            if (end[i] is { } e && !InYear(c, e))
            {
                c.Fail(t, i);
            }
        }
    }

    private static void NotACode(RuleContext c, string name, string column, CodeSet codes)
    {
        var t = c.Table(name);
        var value = t.Text(column);
        for (var i = 0; i < t.Count; i++)
        {
            if (!codes.Contains(value[i]))
            {
                c.Fail(t, i);
            }
        }
    }

    /// <summary>Reports rows whose <paramref name="column"/> is after the child's PersonDeathDate (ChildIdentifiers).</summary>
    private static void AfterDeath(RuleContext c, string name, string column)
    {
        var t = c.Table(name);
        var identifiers = c.Table("ChildIdentifiers");
        var death = c.Dates(identifiers, "PersonDeathDate");
        var date = c.Dates(t, column);
        for (var i = 0; i < t.Count; i++)
        {
            if (date[i] is { } d && identifiers.ByChild.First(t.Child[i]) is var k and >= 0 && death[k] is { } died && d > died)
            {
                c.Fail(t, i);
            }
        }
    }

    /// <summary>Reports every open row (no end date) of a child with more than one.</summary>
    private static void MoreThanOneOpen(RuleContext c, string name, string endColumn)
    {
        var t = c.Table(name);
        var end = t.Text(endColumn);
        foreach (var rows in t.ByChild.Groups)
        {
            var open = 0;
            foreach (var r in rows)
            {
                open += end[r] is null ? 1 : 0;
            }

            if (open > 1)
            {
                foreach (var r in rows)
                {
                    if (end[r] is null)
                    {
                        c.Fail(t, r);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Reports each plan of a child that starts on or after the start of another of the child's plans and before its
    /// end (or on or before the ReferenceDate while it is open). An end date equal to the next start is not an overlap,
    /// as Lantern has decided for its own checks (the reference counts the end day in).
    /// </summary>
    private static void Overlapping(RuleContext c, string name, string startColumn, string endColumn)
    {
        var t = c.Table(name);
        var start = c.Dates(t, startColumn);
        var end = c.Dates(t, endColumn);
        foreach (var rows in t.ByChild.Groups)
        {
            if (rows.Length < 2)
            {
                continue;
            }

            foreach (var a in rows)
            {
                if (start[a] is not { } s)
                {
                    continue;
                }

                foreach (var b in rows)
                {
                    if (b != a && start[b] is { } bs && !end.IsBad(b) && During(c, s, bs, end[b]))
                    {
                        c.Fail(t, a);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Reports rows of <paramref name="name"/> whose <paramref name="column"/> falls during one of the child's rows of
    /// <paramref name="otherName"/> (on or after its start, before its end or on or before the ReferenceDate while
    /// open), and those rows.
    /// </summary>
    private static void StartsDuring(RuleContext c, string name, string column, string otherName, string otherStart, string otherEnd)
    {
        var t = c.Table(name);
        var other = c.Table(otherName);
        var date = c.Dates(t, column);
        var start = c.Dates(other, otherStart);
        var end = c.Dates(other, otherEnd);
        var reported = new HashSet<int>();
        for (var i = 0; i < t.Count; i++)
        {
            if (date[i] is not { } d)
            {
                continue;
            }

            var failed = false;
            foreach (var o in other.ByChild.Rows(t.Child[i]))
            {
                if (start[o] is { } s && !end.IsBad(o) && During(c, d, s, end[o]))
                {
                    failed = true;
                    if (reported.Add(o))
                    {
                        c.Fail(other, o);
                    }
                }
            }

            if (failed)
            {
                c.Fail(t, i);
            }
        }
    }
}
