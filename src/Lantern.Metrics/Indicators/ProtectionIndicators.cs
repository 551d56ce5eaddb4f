using Lantern.Domain.Clock;
using Lantern.Domain.Model;

namespace Lantern.Metrics.Indicators;

/// <summary>Assessment, section 47 enquiries, child protection and children in need (domain reference
/// 4.1, 4.3 to 4.8). Due dates come from <see cref="StatutoryClock.DueDates"/>, so the indicators and
/// the child's clock agree on every timescale.</summary>
public static class ProtectionIndicators
{
    private const string Population0To17 = "Children aged 0 to 17 (ONS mid-year estimate)";

    /// <summary>Assessments within 45 working days of their start (CIN table C2).</summary>
    public static Indicator AssessmentsOnTime { get; } = new(
        new IndicatorDefinition
        {
            Id = "assessments_45wd_pct",
            Title = "Assessments completed within 45 working days",
            Definition = "Of the child and family assessments authorised in the 12 months ending on the date, the share authorised within 45 working days of the assessment starting (the start day is day 0; weekends and England bank holidays are not working days). This is the Department for Education measure.",
            Formula = "assessments authorised in the year within 45 working days of their start ÷ assessments authorised in the year × 100",
            Numerator = "Assessments authorised in the year within 45 working days of their start",
            Denominator = "Assessments authorised in the year",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Assessment,
            Source = "Domain reference 4.3; CIN table C2",
        },
        static (c, sink) =>
        {
            foreach (var a in c.Data.Assessments)
            {
                if (a.AuthorisationDate is { } done && c.InYear(done))
                {
                    sink.Add(a.ChildId, done <= StatutoryClock.DueDates.AssessmentDue(a.StartDate) ? 1 : 0, 1);
                }
            }
        });

    /// <summary>Assessments within 45 working days of the referral (Working Together clock, T2).</summary>
    public static Indicator AssessmentsOnTimeFromReferral { get; } = new(
        new IndicatorDefinition
        {
            Id = "assessments_45wd_from_referral_pct",
            Title = "Assessments completed within 45 working days of the referral",
            Definition = "Of the first assessments of each referral authorised in the 12 months ending on the date, the share authorised within 45 working days of the referral (the Working Together timescale; the referral day is day 0). A later assessment on the same referral is left out, as on the child's statutory clock: it is not due 45 working days from a referral made months before.",
            Formula = "first assessments authorised in the year within 45 working days of the referral ÷ first assessments authorised in the year × 100",
            Numerator = "First assessments authorised in the year within 45 working days of the referral",
            Denominator = "First assessments of a referral authorised in the year",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Assessment,
            Source = "Working Together 2023 (domain reference 1.1, T2; 4.3 note)",
        },
        static (c, sink) =>
        {
            // The first assessment of each referral (earliest start, then lowest id, as the clock), looked
            // for only on referrals with an assessment authorised in the year, to keep the lookup small.
            var first = new Dictionary<long, Assessment>();
            foreach (var a in c.Data.Assessments)
            {
                if (a.AuthorisationDate is { } done && c.InYear(done) && (!first.TryGetValue(a.ReferralId, out var f) || IsBefore(a, f)))
                {
                    first[a.ReferralId] = a;
                }
            }

            foreach (var a in c.Data.Assessments)
            {
                if (first.TryGetValue(a.ReferralId, out var f) && IsBefore(a, f))
                {
                    first[a.ReferralId] = a;
                }
            }

            foreach (var a in first.Values)
            {
                if (a.AuthorisationDate is not { } done || !c.InYear(done) || FindReferral(c, a.ChildId, a.ReferralId) is not { } referral)
                {
                    continue;
                }

                sink.Add(a.ChildId, done <= StatutoryClock.DueDates.AssessmentDue(referral.ReferralDate) ? 1 : 0, 1);
            }
        });

    /// <summary>Assessments ending with no further action.</summary>
    public static Indicator AssessmentsNfa { get; } = new(
        new IndicatorDefinition
        {
            Id = "assessments_nfa_pct",
            Title = "Assessments ending in no further action",
            Definition = "Of the child and family assessments authorised in the 12 months ending on the date, the share whose outcome was no further action.",
            Formula = "assessments authorised in the year with outcome no further action ÷ assessments authorised in the year × 100",
            Numerator = "Assessments authorised in the year with outcome no further action",
            Denominator = "Assessments authorised in the year",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Assessment,
        },
        static (c, sink) =>
        {
            foreach (var a in c.Data.Assessments)
            {
                if (a.AuthorisationDate is { } done && c.InYear(done))
                {
                    sink.Add(a.ChildId, a.Outcome == AssessmentOutcome.NoFurtherAction ? 1 : 0, 1);
                }
            }
        });

    /// <summary>Section 47 enquiries per 10,000 children (CIN A2/C4).</summary>
    public static Indicator Section47Per10k { get; } = new(
        new IndicatorDefinition
        {
            Id = "s47_per_10k",
            Title = "Section 47 enquiries per 10,000 children",
            Definition = "Section 47 enquiries that started in the 12 months ending on the date, counted per enquiry (a child with two enquiries counts twice), per 10,000 children aged 0 to 17 in the area.",
            Formula = "section 47 enquiries started in the year ÷ children aged 0 to 17 × 10,000",
            Numerator = "Section 47 enquiries started in the year",
            Denominator = Population0To17,
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Per10k,
            Area = IndicatorArea.ChildProtection,
            Source = "Domain reference 4.4; CIN tables A2 and C4",
        },
        static (c, sink) =>
        {
            foreach (var s in c.Data.Section47s)
            {
                if (c.InYear(s.StartDate))
                {
                    sink.Add(s.ChildId, 1, 0);
                }
            }
        });

    /// <summary>Section 47 enquiries that led to an initial conference.</summary>
    public static Indicator Section47ToIcpc { get; } = new(
        new IndicatorDefinition
        {
            Id = "s47_to_icpc_pct",
            Title = "Section 47 enquiries leading to an initial conference",
            Definition = "Of the section 47 enquiries that ended in the 12 months ending on the date, the share followed by an initial child protection conference held by the date. A conference belongs to the enquiry it is linked to; a conference linked to no enquiry belongs to an enquiry on the same referral that started on or before it (as in the children in need census).",
            Formula = "section 47 enquiries ended in the year with an initial conference ÷ section 47 enquiries ended in the year × 100",
            Numerator = "Enquiries ended in the year followed by an initial conference",
            Denominator = "Section 47 enquiries ended in the year",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.ChildProtection,
        },
        static (c, sink) =>
        {
            var linked = new HashSet<long>();
            var unlinked = new Dictionary<long, DateOnly>(); // referral → latest unlinked initial conference by the date
            foreach (var conference in c.Data.Conferences)
            {
                if (conference.Type != ConferenceType.Initial || conference.Date > c.AsAt)
                {
                    continue;
                }

                if (conference.Section47Id is { } s47)
                {
                    linked.Add(s47);
                }
                else if (!unlinked.TryGetValue(conference.ReferralId, out var d) || conference.Date > d)
                {
                    unlinked[conference.ReferralId] = conference.Date;
                }
            }

            foreach (var s in c.Data.Section47s)
            {
                if (s.EndDate is not { } end || !c.InYear(end))
                {
                    continue;
                }

                var held = linked.Contains(s.Id) || (unlinked.TryGetValue(s.ReferralId, out var d) && d >= s.StartDate);
                sink.Add(s.ChildId, held ? 1 : 0, 1);
            }
        });

    /// <summary>Initial child protection conferences in the year.</summary>
    public static Indicator IcpcCount { get; } = new(
        new IndicatorDefinition
        {
            Id = "icpc_count",
            Title = "Initial child protection conferences",
            Definition = "Initial child protection conferences held in the 12 months ending on the date, counted per conference.",
            Formula = "initial conferences in the year",
            Numerator = "Initial conferences in the year",
            Denominator = "",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.ChildProtection,
            Source = "CIN table C4",
        },
        static (c, sink) => InitialConferences(c, sink));

    /// <summary>Initial child protection conferences per 10,000 children.</summary>
    public static Indicator IcpcPer10k { get; } = new(
        new IndicatorDefinition
        {
            Id = "icpc_per_10k",
            Title = "Initial child protection conferences per 10,000 children",
            Definition = "Initial child protection conferences held in the 12 months ending on the date, counted per conference, per 10,000 children aged 0 to 17 in the area.",
            Formula = "initial conferences in the year ÷ children aged 0 to 17 × 10,000",
            Numerator = "Initial conferences in the year",
            Denominator = Population0To17,
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Per10k,
            Area = IndicatorArea.ChildProtection,
            Source = "Domain reference 4.1; CIN table C4",
        },
        static (c, sink) => InitialConferences(c, sink));

    /// <summary>Initial conferences within 15 working days of the section 47 start (CIN table C4).</summary>
    public static Indicator IcpcOnTime { get; } = new(
        new IndicatorDefinition
        {
            Id = "icpc_15wd_pct",
            Title = "Initial conferences within 15 working days",
            Definition = "Of the initial child protection conferences held in the 12 months ending on the date that follow a section 47 enquiry, the share held within 15 working days of the enquiry's start (the strategy discussion that began it; that day is day 0, and weekends and England bank holidays are not working days). A conference belongs to the enquiry it is linked to, or, when linked to none, to the latest enquiry on the same referral that started on or before it. Conferences dated before their enquiry started, and conferences with no enquiry, are left out of this measure (they still count in the number of conferences).",
            Formula = "initial conferences in the year held 0 to 15 working days after the section 47 start ÷ initial conferences in the year with a section 47 start on or before them × 100",
            Numerator = "Initial conferences in the year within 15 working days of the section 47 start",
            Denominator = "Initial conferences in the year with a section 47 enquiry that started on or before them",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.ChildProtection,
            Source = "Domain reference 4.5; CIN table C4",
        },
        static (c, sink) =>
        {
            var starts = new Dictionary<long, DateOnly>();
            var byReferral = new Dictionary<long, List<DateOnly>>();
            foreach (var s in c.Data.Section47s)
            {
                starts[s.Id] = s.StartDate;
                if (!byReferral.TryGetValue(s.ReferralId, out var list))
                {
                    byReferral[s.ReferralId] = list = [];
                }

                list.Add(s.StartDate);
            }

            foreach (var conference in c.Data.Conferences)
            {
                if (conference.Type != ConferenceType.Initial || !c.InYear(conference.Date))
                {
                    continue;
                }

                DateOnly? start = null;
                if (conference.Section47Id is { } id)
                {
                    start = starts.TryGetValue(id, out var d) ? d : null;
                }
                else if (byReferral.TryGetValue(conference.ReferralId, out var list))
                {
                    foreach (var d in list)
                    {
                        if (d <= conference.Date && (start is null || d > start))
                        {
                            start = d;
                        }
                    }
                }

                if (start is not { } from || conference.Date < from)
                {
                    continue;
                }

                sink.Add(conference.ChildId, conference.Date <= StatutoryClock.DueDates.IcpcDue(from, IcpcStatisticsWorkingDays) ? 1 : 0, 1);
            }
        });

    /// <summary>Children on a protection plan on the date.</summary>
    public static Indicator CppCount { get; } = new(
        new IndicatorDefinition
        {
            Id = "cpp_count",
            Title = "Children on a child protection plan",
            Definition = "Children on a child protection plan on the date: a plan that started on or before the date and had not ended by it (a plan ending on the date is not open that day). Each child counts once. Young people who have turned 18 with a plan still recorded as open are counted, as in the children in need census (domain reference 4.1).",
            Formula = "children with a plan open on the date",
            Numerator = "Children on a plan on the date",
            Denominator = "",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.ChildProtection,
            Source = "CIN table A2",
        },
        static (c, sink) => ChildrenOnPlan(c, sink));

    /// <summary>Children on a protection plan per 10,000 children.</summary>
    public static Indicator CppPer10k { get; } = new(
        new IndicatorDefinition
        {
            Id = "cpp_per_10k",
            Title = "Children on a child protection plan per 10,000 children",
            Definition = "Children on a child protection plan on the date (a plan ending on the date is not open that day; each child once), per 10,000 children aged 0 to 17 in the area.",
            Formula = "children on a plan on the date ÷ children aged 0 to 17 × 10,000",
            Numerator = "Children on a plan on the date",
            Denominator = Population0To17,
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Per10k,
            Area = IndicatorArea.ChildProtection,
            Source = "Domain reference 4.1; CIN table A2",
        },
        static (c, sink) => ChildrenOnPlan(c, sink));

    /// <summary>Protection plans started in the year.</summary>
    public static Indicator CppStarts { get; } = new(
        new IndicatorDefinition
        {
            Id = "cpp_starts",
            Title = "Child protection plans started",
            Definition = "Child protection plans that started in the 12 months ending on the date, counted per plan.",
            Formula = "plans started in the year",
            Numerator = "Plans started in the year",
            Denominator = "",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.ChildProtection,
            Source = "CIN table D1",
        },
        static (c, sink) =>
        {
            foreach (var p in c.Data.ProtectionPlans)
            {
                if (c.InYear(p.StartDate))
                {
                    sink.Add(p.ChildId, 1, 0);
                }
            }
        });

    /// <summary>Plans for a second or subsequent time, ever (CIN D3, ex-NI 65).</summary>
    public static Indicator CppSecondTime { get; } = new(
        new IndicatorDefinition
        {
            Id = "cpp_second_time_pct",
            Title = "Child protection plans for a second or subsequent time",
            Definition = "Of the child protection plans that started in the 12 months ending on the date, the share where the child had been on a plan with this council before, however long ago: an earlier plan on the child's record, or previous plans recorded on this one (the census item NumberOfPreviousCPP, which covers plans before the records held here).",
            Formula = "plans started in the year where the child had a previous plan ÷ plans started in the year × 100",
            Numerator = "Plans started in the year for a second or subsequent time",
            Denominator = "Plans started in the year",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.ChildProtection,
            Source = "Domain reference 4.6; CIN table D3",
        },
        static (c, sink) =>
        {
            foreach (var (child, plans) in c.Index.PlansByChild)
            {
                for (var i = 0; i < plans.Length; i++)
                {
                    var p = plans[i];
                    if (c.InYear(p.StartDate))
                    {
                        var again = p.PreviousPlans > 0 || (i > 0 && plans[i - 1].StartDate < p.StartDate);
                        sink.Add(child, again ? 1 : 0, 1);
                    }
                }
            }
        });

    /// <summary>Plans for a second or subsequent time within two years of the previous one ending.</summary>
    public static Indicator CppSecondTimeTwoYears { get; } = new(
        new IndicatorDefinition
        {
            Id = "cpp_second_time_2y_pct",
            Title = "Child protection plans for a second time within 2 years",
            Definition = "Of the child protection plans that started in the 12 months ending on the date, the share where the child's previous plan ended within the 2 years before this one started (on or before its start and no more than 2 years earlier). Only plans on the child's record count as previous plans here: a previous plan known only from the census count has no end date.",
            Formula = "plans started in the year where a previous plan ended in the 2 years before ÷ plans started in the year × 100",
            Numerator = "Plans started in the year within 2 years of a previous plan ending",
            Denominator = "Plans started in the year",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.ChildProtection,
            Source = "Domain reference 4.6 (benchmarking variant)",
        },
        static (c, sink) =>
        {
            foreach (var (child, plans) in c.Index.PlansByChild)
            {
                for (var i = 0; i < plans.Length; i++)
                {
                    var p = plans[i];
                    if (!c.InYear(p.StartDate))
                    {
                        continue;
                    }

                    var since = p.StartDate.AddYears(-2);
                    var again = false;
                    for (var j = 0; j < i; j++)
                    {
                        if (plans[j].EndDate is { } ended && ended <= p.StartDate && ended >= since)
                        {
                            again = true;
                            break;
                        }
                    }

                    sink.Add(child, again ? 1 : 0, 1);
                }
            }
        });

    /// <summary>Plans ending in the year that lasted 2 years or more (CIN D7, ex-NI 64).</summary>
    public static Indicator CppEndedTwoYearsPlus { get; } = new(
        new IndicatorDefinition
        {
            Id = "cpp_ended_2y_plus_pct",
            Title = "Child protection plans ending that lasted 2 years or more",
            Definition = "Of the child protection plans that ended in the 12 months ending on the date, the share that had lasted 2 years or more (an end date on or after the second anniversary of the start).",
            Formula = "plans ended in the year lasting 2 years or more ÷ plans ended in the year × 100",
            Numerator = "Plans ended in the year that lasted 2 years or more",
            Denominator = "Plans ended in the year",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.ChildProtection,
            Source = "Domain reference 4.7; CIN table D7",
        },
        static (c, sink) =>
        {
            foreach (var p in c.Data.ProtectionPlans)
            {
                if (p.EndDate is { } end && c.InYear(end))
                {
                    sink.Add(p.ChildId, end >= p.StartDate.AddYears(2) ? 1 : 0, 1);
                }
            }
        });

    /// <summary>Children on a plan whose review conferences were all on time (ex-NI 67).</summary>
    public static Indicator CppReviewsOnTime { get; } = new(
        new IndicatorDefinition
        {
            Id = "cpp_reviews_on_time_pct",
            Title = "Child protection plans reviewed on time",
            Definition = "Of the children on a child protection plan on the date who had been on it for at least 3 months, the share whose review conferences were all held on time: the first within 3 months of the initial conference (or of the plan start when no initial conference is linked to the plan), then each not more than 6 months after the one before, with none overdue on the date. A review due on the date itself is not yet late.",
            Formula = "children on a plan for 3 months or more with every review on time ÷ children on a plan for 3 months or more × 100",
            Numerator = "Children whose plan reviews were all on time",
            Denominator = "Children on a plan on the date for at least 3 months",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.ChildProtection,
            Source = "Domain reference 4.8 (ex-NI 67); Working Together 2023 (1.1, T6 and T7)",
        },
        static (c, sink) =>
        {
            var since = c.AsAt.AddMonths(-3);
            var plans = new Dictionary<long, ChildProtectionPlan>();
            foreach (var (child, list) in c.Index.PlansByChild)
            {
                if (OpenPlan(c, list) is { } p && p.StartDate <= since)
                {
                    plans[child] = p;
                }
            }

            // The plan's initial conference and its review conferences, matched as the statutory clock does.
            var icpcs = new Dictionary<long, DateOnly>();
            var reviews = new Dictionary<long, List<DateOnly>>();
            foreach (var conference in c.Data.Conferences)
            {
                if (conference.Date > c.AsAt || !plans.TryGetValue(conference.ChildId, out var p))
                {
                    continue;
                }

                if (conference.Type == ConferenceType.Initial && conference.PlanId == p.Id)
                {
                    if (!icpcs.TryGetValue(p.ChildId, out var d) || conference.Date < d)
                    {
                        icpcs[p.ChildId] = conference.Date;
                    }
                }
                else if (conference.Type == ConferenceType.Review && (conference.PlanId == p.Id || (conference.PlanId is null && conference.ReferralId == p.ReferralId)))
                {
                    if (!reviews.TryGetValue(p.ChildId, out var dates))
                    {
                        reviews[p.ChildId] = dates = [];
                    }

                    dates.Add(conference.Date);
                }
            }

            foreach (var (child, p) in plans)
            {
                var icpc = icpcs.TryGetValue(child, out var d) ? d : p.StartDate;
                var due = StatutoryClock.DueDates.FirstRcpcDue(icpc);
                var onTime = true;
                if (reviews.TryGetValue(child, out var dates))
                {
                    dates.Sort();
                    foreach (var review in dates)
                    {
                        if (review <= icpc)
                        {
                            continue;
                        }

                        if (review > due)
                        {
                            onTime = false;
                            break;
                        }

                        due = StatutoryClock.DueDates.NextRcpcDue(review);
                    }
                }

                onTime = onTime && due >= c.AsAt;
                sink.Add(child, onTime ? 1 : 0, 1);
            }
        });

    /// <summary>Children on a plan visited within the council's visit timescale (T8).</summary>
    public static Indicator CppVisitsOnTime { get; } = new(
        new IndicatorDefinition
        {
            Id = "cpp_visits_on_time_pct",
            Title = "Children on a protection plan visited on time",
            Definition = "Of the children on a child protection plan on the date whose plan had been open for longer than the council's visit timescale (set in its local settings: a number of working days), the share seen at a child protection visit within that many working days before the date. Only visits where the child was seen, on or after the plan started, count, as on the child's statutory clock.",
            Formula = "children on a plan seen within the visit timescale ÷ children on a plan for longer than the visit timescale × 100",
            Numerator = "Children on a plan seen at a visit within the timescale",
            Denominator = "Children on a plan for longer than the visit timescale",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.ChildProtection,
            Source = "Local standard (domain reference 1.1, T8)",
        },
        static (c, sink) =>
        {
            var days = LocalStandards.From(c.Index.Authority).ChildProtectionVisitWorkingDays;
            var plans = new Dictionary<long, DateOnly>();
            foreach (var (child, list) in c.Index.PlansByChild)
            {
                if (OpenPlan(c, list) is { } p && StatutoryClock.DueDates.NextCpVisitDue(p.StartDate, days) < c.AsAt)
                {
                    plans[child] = p.StartDate;
                }
            }

            var lastSeen = new Dictionary<long, DateOnly>();
            foreach (var v in c.Data.Visits)
            {
                if (v.Kind != VisitKind.ChildProtection || !v.ChildSeen || v.Date > c.AsAt
                    || !plans.TryGetValue(v.ChildId, out var start) || v.Date < start)
                {
                    continue;
                }

                if (!lastSeen.TryGetValue(v.ChildId, out var last) || v.Date > last)
                {
                    lastSeen[v.ChildId] = v.Date;
                }
            }

            foreach (var child in plans.Keys)
            {
                var onTime = lastSeen.TryGetValue(child, out var last) && StatutoryClock.DueDates.NextCpVisitDue(last, days) >= c.AsAt;
                sink.Add(child, onTime ? 1 : 0, 1);
            }
        });

    /// <summary>Protection visits where the child was seen alone.</summary>
    public static Indicator CppVisitsSeenAlone { get; } = new(
        new IndicatorDefinition
        {
            Id = "cpp_visits_seen_alone_pct",
            Title = "Protection visits where the child was seen alone",
            Definition = "Of the child protection visits in the 3 months ending on the date where the child was seen, the share where the child was seen alone. Counted per visit.",
            Formula = "protection visits in the 3 months where the child was seen alone ÷ protection visits in the 3 months where the child was seen × 100",
            Numerator = "Protection visits in the 3 months where the child was seen alone",
            Denominator = "Protection visits in the 3 months where the child was seen",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.ChildProtection,
        },
        static (c, sink) =>
        {
            var after = c.AsAt.AddMonths(-3);
            foreach (var v in c.Data.Visits)
            {
                if (v.Kind == VisitKind.ChildProtection && v.ChildSeen && v.Date > after && v.Date <= c.AsAt)
                {
                    sink.Add(v.ChildId, v.ChildSeenAlone ? 1 : 0, 1);
                }
            }
        });

    /// <summary>Children in need on the date (as the headline figure).</summary>
    public static Indicator CinCount { get; } = new(
        new IndicatorDefinition
        {
            Id = "cin_count",
            Title = "Children in need",
            Definition = "Children in need on the date: children with a referral that was received on or before the date, was not closed by it (a referral closed on the date is not open that day) and was not closed with no further action. This includes children on a child protection plan and children looked after. Each child counts once. Young people who have turned 18 with a referral still open are counted, as in the children in need census (domain reference 4.1).",
            Formula = "children with an open referral that was not no further action",
            Numerator = "Children in need on the date",
            Denominator = "",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.ChildInNeed,
            Source = "CIN table A1",
        },
        static (c, sink) => ChildrenInNeed(c, sink));

    /// <summary>Children in need per 10,000 children.</summary>
    public static Indicator CinPer10k { get; } = new(
        new IndicatorDefinition
        {
            Id = "cin_per_10k",
            Title = "Children in need per 10,000 children",
            Definition = "Children in need on the date (an open referral that was not closed with no further action; each child once), per 10,000 children aged 0 to 17 in the area.",
            Formula = "children in need on the date ÷ children aged 0 to 17 × 10,000",
            Numerator = "Children in need on the date",
            Denominator = Population0To17,
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Per10k,
            Area = IndicatorArea.ChildInNeed,
            Source = "Domain reference 4.1; CIN table A1",
        },
        static (c, sink) => ChildrenInNeed(c, sink));

    /// <summary>Children on a child in need plan per 10,000 children.</summary>
    public static Indicator CinPlansPer10k { get; } = new(
        new IndicatorDefinition
        {
            Id = "cin_plans_per_10k",
            Title = "Children on a child in need plan per 10,000 children",
            Definition = "Children on a child in need plan on the date (a plan that started on or before the date and had not ended by it; each child once), per 10,000 children aged 0 to 17 in the area.",
            Formula = "children on a child in need plan on the date ÷ children aged 0 to 17 × 10,000",
            Numerator = "Children on a child in need plan on the date",
            Denominator = Population0To17,
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Per10k,
            Area = IndicatorArea.ChildInNeed,
            Source = "Local measure; rate as domain reference 4.1",
        },
        static (c, sink) =>
        {
            var counted = new HashSet<long>();
            foreach (var p in c.Data.ChildInNeedPlans)
            {
                if (c.OpenOnDate(p.StartDate, p.EndDate) && counted.Add(p.ChildId))
                {
                    sink.Add(p.ChildId, 1, 0);
                }
            }
        });

    public static IReadOnlyList<Indicator> All { get; } =
    [
        AssessmentsOnTime, AssessmentsOnTimeFromReferral, AssessmentsNfa,
        Section47Per10k, Section47ToIcpc, IcpcCount, IcpcPer10k, IcpcOnTime,
        CppCount, CppPer10k, CppStarts, CppSecondTime, CppSecondTimeTwoYears, CppEndedTwoYearsPlus,
        CppReviewsOnTime, CppVisitsOnTime, CppVisitsSeenAlone,
        CinCount, CinPer10k, CinPlansPer10k,
    ];

    /// <summary>The statistics measure 15 working days whatever the council's own target (domain reference 4.5).</summary>
    private const int IcpcStatisticsWorkingDays = 15;

    private static void InitialConferences(MeasureContext c, IUnitSink sink)
    {
        foreach (var conference in c.Data.Conferences)
        {
            if (conference.Type == ConferenceType.Initial && c.InYear(conference.Date))
            {
                sink.Add(conference.ChildId, 1, 0);
            }
        }
    }

    private static void ChildrenOnPlan(MeasureContext c, IUnitSink sink)
    {
        foreach (var (child, plans) in c.Index.PlansByChild)
        {
            if (OpenPlan(c, plans) is not null)
            {
                sink.Add(child, 1, 0);
            }
        }
    }

    private static void ChildrenInNeed(MeasureContext c, IUnitSink sink)
    {
        foreach (var (child, referrals) in c.Index.ReferralsByChild)
        {
            foreach (var r in referrals)
            {
                if (r.ReferralDate > c.AsAt)
                {
                    break;
                }

                if (!r.NoFurtherAction && c.OpenOnDate(r.ReferralDate, r.ClosureDate))
                {
                    sink.Add(child, 1, 0);
                    break;
                }
            }
        }
    }

    /// <summary>The child's plan open on the date (the latest started, if the record shows two).</summary>
    private static ChildProtectionPlan? OpenPlan(MeasureContext c, ChildProtectionPlan[] plans)
    {
        ChildProtectionPlan? open = null;
        foreach (var p in plans)
        {
            if (p.StartDate > c.AsAt)
            {
                break;
            }

            if (c.OpenOnDate(p.StartDate, p.EndDate))
            {
                open = p;
            }
        }

        return open;
    }

    private static bool IsBefore(Assessment a, Assessment b) => a.StartDate < b.StartDate || (a.StartDate == b.StartDate && a.Id < b.Id);

    private static Referral? FindReferral(MeasureContext c, long childId, long referralId)
    {
        if (c.Index.ReferralsByChild.TryGetValue(childId, out var list))
        {
            foreach (var r in list)
            {
                if (r.Id == referralId)
                {
                    return r;
                }
            }
        }

        return null;
    }
}
