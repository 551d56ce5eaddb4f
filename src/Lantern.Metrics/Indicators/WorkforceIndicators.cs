using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;

namespace Lantern.Metrics.Indicators;

/// <summary>The workforce and management oversight (domain reference 4.14 and the council's own
/// workforce standards). Every rule is the domain's (<see cref="WorkforceCensus"/>,
/// <see cref="TeamStaffing"/>, <see cref="Caseload"/>, <see cref="SupervisionCompliance"/>,
/// <see cref="ManagementOversight"/>, <see cref="WorkerChanges"/>, <see cref="PanelWaits"/>) applied to
/// the same people and children as the workforce pages (Lantern.Web's WorkforceLists and caseloads
/// page), so the figures agree with them; the per-worker and per-child inputs are grouped once per
/// snapshot and the figures of each date worked out once (<see cref="WorkforceLookups"/>).</summary>
public static class WorkforceIndicators
{
    private const string Census = "Domain reference 4.14; DfE children's social work workforce census (csww_indicators)";
    private const string Standards = "Local measure: the council's workforce standards";

    /// <summary>FTE of employed social workers in post (census "FTE in post").</summary>
    public static Indicator SocialWorkerFte { get; } = new(
        new IndicatorDefinition
        {
            Id = "sw_fte",
            Title = "Social workers in post (FTE)",
            Definition = "Full-time equivalent (FTE) of registered social workers in a social work role (social workers, advanced practitioners, managers, reviewing officers and the LADO) employed by the council and in post on the date. A worker is in post up to and including their last day. Agency workers are not counted, as in the workforce census.",
            Formula = "sum of the FTE of employed social workers in post on the date",
            Numerator = "FTE of employed social workers in post",
            Denominator = "",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.Workforce,
            Subject = SubjectKind.Worker,
            Source = Census,
        },
        static (c, sink) =>
        {
            foreach (var (worker, census) in WorkforceLookups.For(c.Index).On(c.AsAt).Census)
            {
                if (census.EmployedFte > 0)
                {
                    sink.Add(worker.Id, (double)census.EmployedFte, 0);
                }
            }
        });

    /// <summary>Turnover rate (FTE), census definition.</summary>
    public static Indicator Turnover { get; } = new(
        new IndicatorDefinition
        {
            Id = "sw_turnover_pct",
            Title = "Social worker turnover",
            Definition = "FTE of employed social workers who left in the 12 months ending on the date, as a share of the FTE of employed social workers in post on the date. A worker whose last day is the date has left in the year and is still in post on the date, as in the workforce census.",
            Formula = "FTE of employed social workers who left in the year ÷ FTE of employed social workers in post on the date × 100",
            Numerator = "FTE of employed social workers who left in the year",
            Denominator = "FTE of employed social workers in post on the date",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Workforce,
            Subject = SubjectKind.Worker,
            Source = Census,
        },
        static (c, sink) =>
        {
            foreach (var (worker, census) in WorkforceLookups.For(c.Index).On(c.AsAt).Census)
            {
                if (census.LeaverFte > 0 || census.EmployedFte > 0)
                {
                    sink.Add(worker.Id, (double)census.LeaverFte, (double)census.EmployedFte);
                }
            }
        });

    /// <summary>Agency rate (FTE), census definition.</summary>
    public static Indicator Agency { get; } = new(
        new IndicatorDefinition
        {
            Id = "sw_agency_pct",
            Title = "Agency social workers",
            Definition = "FTE of agency social workers (not paid directly by the council) in post on the date, as a share of all social workers in post, agency and employed.",
            Formula = "agency FTE ÷ (agency FTE + employed FTE) × 100",
            Numerator = "FTE of agency social workers in post",
            Denominator = "FTE of agency and employed social workers in post",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Workforce,
            Subject = SubjectKind.Worker,
            Source = Census,
        },
        static (c, sink) =>
        {
            foreach (var (worker, census) in WorkforceLookups.For(c.Index).On(c.AsAt).Census)
            {
                var all = census.AgencyFte + census.EmployedFte;
                if (all > 0)
                {
                    sink.Add(worker.Id, (double)census.AgencyFte, (double)all);
                }
            }
        });

    /// <summary>Vacancy rate (FTE), census definition. Vacancies belong to a team's posts, not to a
    /// person: each team's vacancy FTE is added under the team's id made negative (never a worker's
    /// id), so the total is right and a breakdown by team or worker shows vacancies as not recorded.</summary>
    public static Indicator Vacancy { get; } = new(
        new IndicatorDefinition
        {
            Id = "sw_vacancy_pct",
            Title = "Social worker vacancies",
            Definition = "FTE of established social work posts not filled by an employed social worker on the date (in each team, its establishment less its employed FTE, never below nought), as a share of vacancies and employed social workers together. Posts covered by agency workers are vacancies. Vacancies belong to teams, not people: the list of workers behind the figure shows each team's vacancies under the team's number made negative.",
            Formula = "vacancy FTE ÷ (vacancy FTE + employed FTE) × 100",
            Numerator = "FTE of vacant established posts",
            Denominator = "FTE of vacant posts and employed social workers in post",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Workforce,
            Subject = SubjectKind.Worker,
            Source = Census,
        },
        static (c, sink) =>
        {
            var day = WorkforceLookups.For(c.Index).On(c.AsAt);
            foreach (var (worker, census) in day.Census)
            {
                if (census.EmployedFte > 0)
                {
                    sink.Add(worker.Id, 0, (double)census.EmployedFte);
                }
            }

            foreach (var team in day.Teams)
            {
                if (team.VacancyFte > 0)
                {
                    sink.Add(-team.TeamId, (double)team.VacancyFte, (double)team.VacancyFte);
                }
            }
        });

    /// <summary>Sickness absence rate, census definition.</summary>
    public static Indicator Absence { get; } = new(
        new IndicatorDefinition
        {
            Id = "sw_absence_pct",
            Title = "Social worker sickness absence",
            Definition = "Working days lost to sickness in the 12 months ending on the date by employed social workers in post on the date, as a share of the working days they were in post in the year. Both are weighted by FTE; working days are weekdays that are not bank holidays in England.",
            Formula = "FTE-weighted working days lost to sickness ÷ FTE-weighted working days in post in the year × 100",
            Numerator = "Working days lost to sickness (FTE-weighted)",
            Denominator = "Working days available (FTE-weighted)",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Workforce,
            Subject = SubjectKind.Worker,
            Source = Census,
        },
        static (c, sink) =>
        {
            foreach (var (worker, census) in WorkforceLookups.For(c.Index).On(c.AsAt).Census)
            {
                if (census.AvailableWorkingDays > 0)
                {
                    sink.Add(worker.Id, (double)census.WorkingDaysLost, (double)census.AvailableWorkingDays);
                }
            }
        });

    /// <summary>Average caseload, census definition.</summary>
    public static Indicator CensusCaseload { get; } = new(
        new IndicatorDefinition
        {
            Id = "sw_caseload",
            Title = "Average caseload",
            Definition = "Cases held on the date by case-holding social workers (registered social workers and advanced practitioners, employed or agency, in post), per FTE of those workers. A case handed over on the date counts for the new worker only.",
            Formula = "cases held ÷ FTE of case-holding social workers",
            Numerator = "Cases held by case-holding social workers",
            Denominator = "FTE of case-holding social workers in post",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Ratio,
            Area = IndicatorArea.Workforce,
            Subject = SubjectKind.Worker,
            Source = Census,
        },
        static (c, sink) =>
        {
            foreach (var (worker, census) in WorkforceLookups.For(c.Index).On(c.AsAt).Census)
            {
                if (census.CaseHoldingFte > 0)
                {
                    sink.Add(worker.Id, census.CasesHeld, (double)census.CaseHoldingFte);
                }
            }
        });

    /// <summary>Children allocated to a case-holding social worker (the headline open allocations).</summary>
    public static Indicator AllocatedChildren { get; } = new(
        new IndicatorDefinition
        {
            Id = "allocated_children",
            Title = "Children allocated to a social worker",
            Definition = "Children allocated on the date to a case-holding social worker (a registered social worker or advanced practitioner). A child handed over on the date is counted once, with the new worker.",
            Formula = "children with an allocation open on the date to a case-holding social worker",
            Numerator = "Children allocated to a case-holding social worker",
            Denominator = "",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.Workforce,
            Source = "Local measure (the open allocations of the headline figures)",
        },
        static (c, sink) =>
        {
            foreach (var (child, allocations) in c.Index.AllocationsByChild)
            {
                foreach (var a in allocations)
                {
                    if (c.OpenOnDate(a.StartDate, a.EndDate) && c.Index.Workers.TryGetValue(a.WorkerId, out var w) && WorkforceCensus.CaseHolding(w))
                    {
                        sink.Add(child, 1, 0);
                        break;
                    }
                }
            }
        });

    /// <summary>Children in need with no worker (the headline unallocated children).</summary>
    public static Indicator UnallocatedCount { get; } = new(
        new IndicatorDefinition
        {
            Id = "unallocated_count",
            Title = "Children in need not allocated",
            Definition = "Children in need on the date (a referral received on or before the date, not closed by it and not ended with no further action) with no allocation to any worker open on the date.",
            Formula = "children in need on the date with no allocation on the date",
            Numerator = "Children in need with no allocation",
            Denominator = "",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.Workforce,
            Source = "Local measure (the unallocated children of the headline figures)",
        },
        static (c, sink) =>
        {
            foreach (var (child, allocated) in WorkforceLookups.For(c.Index).On(c.AsAt).ChildrenInNeed(c))
            {
                if (!allocated)
                {
                    sink.Add(child, 1, 0);
                }
            }
        });

    /// <summary>Share of children in need with no worker.</summary>
    public static Indicator UnallocatedPercent { get; } = new(
        new IndicatorDefinition
        {
            Id = "unallocated_pct",
            Title = "Children in need not allocated (%)",
            Definition = "Of the children in need on the date (a referral received on or before the date, not closed by it and not ended with no further action), the share with no allocation to any worker open on the date.",
            Formula = "children in need with no allocation on the date ÷ children in need on the date × 100",
            Numerator = "Children in need with no allocation",
            Denominator = "Children in need on the date",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Workforce,
            Source = "Local measure",
        },
        static (c, sink) =>
        {
            foreach (var (child, allocated) in WorkforceLookups.For(c.Index).On(c.AsAt).ChildrenInNeed(c))
            {
                sink.Add(child, allocated ? 0 : 1, 1);
            }
        });

    /// <summary>Weighted caseload per FTE, as the caseloads page weighs each worker's children.</summary>
    public static Indicator WeightedCaseload { get; } = new(
        new IndicatorDefinition
        {
            Id = "caseload_weighted_avg",
            Title = "Average weighted caseload",
            Definition = "The weighted caseload of case-holding workers in post on the date (social workers, advanced practitioners and personal advisers), per FTE of those workers. Each child allocated to the worker on the date counts as the heaviest kind of case they are (in proceedings, child protection, looked after, open assessment, child in need, care leaver, other), weighted as the council's workforce standards say. A child handed over on the date counts for the new worker only; children who have died are not counted.",
            Formula = "sum of the workers' weighted caseloads ÷ FTE of the workers",
            Numerator = "Weighted caseloads of case-holding workers",
            Denominator = "FTE of case-holding workers in post",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Ratio,
            Area = IndicatorArea.Workforce,
            Subject = SubjectKind.Worker,
            Source = Standards,
        },
        static (c, sink) =>
        {
            foreach (var (worker, load) in WorkforceLookups.For(c.Index).On(c.AsAt).Caseloads)
            {
                sink.Add(worker.Id, (double)load.Weighted, (double)worker.Fte);
            }
        });

    /// <summary>Share of case-holding workers over their caseload threshold.</summary>
    public static Indicator OverThreshold { get; } = new(
        new IndicatorDefinition
        {
            Id = "caseload_over_threshold_pct",
            Title = "Workers over their caseload threshold",
            Definition = "Of the case-holding workers in post on the date (social workers, advanced practitioners and personal advisers), the share whose weighted caseload is over their threshold: the council's caseload threshold, or the protected caseload during the assessed and supported year for a newly qualified worker, scaled by the worker's FTE. A caseload equal to the threshold is not over it.",
            Formula = "case-holding workers with a weighted caseload over their threshold ÷ case-holding workers in post × 100",
            Numerator = "Case-holding workers over their threshold",
            Denominator = "Case-holding workers in post",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Workforce,
            Subject = SubjectKind.Worker,
            Source = Standards,
        },
        static (c, sink) =>
        {
            foreach (var (worker, load) in WorkforceLookups.For(c.Index).On(c.AsAt).Caseloads)
            {
                sink.Add(worker.Id, load.OverThreshold ? 1 : 0, 1);
            }
        });

    /// <summary>Average changes of worker per allocated child.</summary>
    public static Indicator ChangesPerChild { get; } = new(
        new IndicatorDefinition
        {
            Id = "worker_changes_per_child",
            Title = "Changes of social worker per child",
            Definition = "For the children allocated on the date to a case-holding worker in post (as on the workforce pages), the average number of times their worker changed in the 12 months ending on the date. A change is an allocation starting in the 12 months to a different worker from the child's previous one; a first allocation, or going back to the same worker after a time unallocated, is not a change.",
            Formula = "changes of worker in the year of the children allocated on the date ÷ children allocated on the date",
            Numerator = "Changes of worker in the year",
            Denominator = "Children allocated to a case-holding worker on the date",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Ratio,
            Area = IndicatorArea.Workforce,
            Source = "Local measure (SSDA903 social worker episodes)",
        },
        static (c, sink) =>
        {
            foreach (var (child, changes) in WorkforceLookups.For(c.Index).On(c.AsAt).Changes)
            {
                sink.Add(child, changes, 1);
            }
        });

    /// <summary>Share of allocated children with three or more changes of worker in the year.</summary>
    public static Indicator ThreeOrMoreChanges { get; } = new(
        new IndicatorDefinition
        {
            Id = "worker_changes_3plus_pct",
            Title = "Children with 3 or more changes of social worker",
            Definition = "Of the children allocated on the date to a case-holding worker in post (as on the workforce pages), the share whose worker changed 3 or more times in the 12 months ending on the date.",
            Formula = "children allocated on the date with 3 or more changes of worker in the year ÷ children allocated on the date × 100",
            Numerator = "Allocated children with 3 or more changes of worker in the year",
            Denominator = "Children allocated to a case-holding worker on the date",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Workforce,
            Source = "Local measure (SSDA903 social worker episodes)",
        },
        static (c, sink) =>
        {
            foreach (var (child, changes) in WorkforceLookups.For(c.Index).On(c.AsAt).Changes)
            {
                sink.Add(child, changes >= 3 ? 1 : 0, 1);
            }
        });

    /// <summary>Personal supervision in time, as the workforce dashboard counts it.</summary>
    public static Indicator PersonalSupervision { get; } = new(
        new IndicatorDefinition
        {
            Id = "supervision_personal_pct",
            Title = "Personal supervision in time",
            Definition = "Of the workers in post on the date whose role is supervised (everyone but directors, heads of service, business support and analysts, as on the workforce dashboard), the share whose personal supervision is not overdue. The next supervision is due the council's interval after the last one (or after the worker started): so many working days, fewer for a newly qualified worker in their assessed and supported year, not counting weekends, bank holidays or days the worker was away. It is overdue from the day after it is due.",
            Formula = "workers whose personal supervision is not overdue ÷ workers in post in a supervised role × 100",
            Numerator = "Workers whose personal supervision is in time",
            Denominator = "Workers in post in a supervised role",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Workforce,
            Subject = SubjectKind.Worker,
            Source = Standards,
        },
        static (c, sink) =>
        {
            foreach (var status in WorkforceLookups.For(c.Index).On(c.AsAt).Personal)
            {
                sink.Add(status.WorkerId, status.Overdue ? 0 : 1, 1);
            }
        });

    /// <summary>Case supervision in time, as the workforce pages count it.</summary>
    public static Indicator CaseSupervision { get; } = new(
        new IndicatorDefinition
        {
            Id = "supervision_case_pct",
            Title = "Case supervision in time",
            Definition = "Of the children allocated on the date to a case-holding worker in post, the share whose case has been discussed in the worker's supervision in time. The next discussion is due the council's interval in working days after the last discussion of the child with this worker during this allocation (or after the allocation began), not counting weekends, bank holidays or days the worker was away. It is overdue from the day after it is due. A child handed over on the date is the new worker's.",
            Formula = "allocated children whose case supervision is not overdue ÷ allocated children × 100",
            Numerator = "Allocated children whose case supervision is in time",
            Denominator = "Children allocated to a case-holding worker on the date",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Workforce,
            Source = Standards,
        },
        static (c, sink) =>
        {
            foreach (var status in WorkforceLookups.For(c.Index).On(c.AsAt).Cases)
            {
                sink.Add(status.ChildId, status.Overdue ? 0 : 1, 1);
            }
        });

    /// <summary>Management oversight in time, as the workforce pages count it.</summary>
    public static Indicator Oversight { get; } = new(
        new IndicatorDefinition
        {
            Id = "oversight_pct",
            Title = "Management oversight in time",
            Definition = "Of the children allocated on the date to a case-holding worker in post and open to social care (a referral, a protection or child in need plan or a care episode open on the date), the share with a recorded management decision within the council's oversight period. The period runs from the later of the child's latest decision and the day their current involvement began; a decision exactly the period ago is in time.",
            Formula = "open allocated children with a management decision within the period ÷ open allocated children × 100",
            Numerator = "Open allocated children with management oversight in time",
            Denominator = "Children allocated and open to social care on the date",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Workforce,
            Source = Standards,
        },
        static (c, sink) =>
        {
            var oversight = WorkforceLookups.For(c.Index).On(c.AsAt).Oversight;
            foreach (var (child, _) in oversight.Open)
            {
                sink.Add(child, oversight.Gaps.Contains(child) ? 0 : 1, 1);
            }
        });

    /// <summary>Mean working days from panel request to decision.</summary>
    public static Indicator PanelWait { get; } = new(
        new IndicatorDefinition
        {
            Id = "panel_wait_days",
            Title = "Panel waiting time",
            Definition = "For the decisions made in the 12 months ending on the date by the council's panels (legal gateway, resource and placement, edge of care), the mean number of working days from the request to the decision: working days after the request up to and including the decision, so a request decided the next working day waited 1. A deferral is the panel's decision on that request. Decisions recorded as before their request are left out as recording errors. This is the mean, so that the figure for a team or a group of children adds up; the panels page also shows the median.",
            Formula = "working days from request to decision, summed over decisions made in the year ÷ decisions made in the year",
            Numerator = "Working days from request to decision",
            Denominator = "Panel decisions made in the year",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Days,
            Area = IndicatorArea.Workforce,
            Source = Standards,
        },
        static (c, sink) =>
        {
            foreach (var request in c.Data.PanelDecisions)
            {
                if (request.DecisionDate is { } decided && c.InYear(decided) && PanelWaits.Of(request, c.AsAt) is { WorkingDaysWaiting: >= 0 } wait)
                {
                    sink.Add(request.ChildId, wait.WorkingDaysWaiting, 1);
                }
            }
        });

    public static IReadOnlyList<Indicator> All { get; } =
    [
        SocialWorkerFte,
        Turnover,
        Agency,
        Vacancy,
        Absence,
        CensusCaseload,
        AllocatedChildren,
        UnallocatedCount,
        UnallocatedPercent,
        WeightedCaseload,
        OverThreshold,
        ChangesPerChild,
        ThreeOrMoreChanges,
        PersonalSupervision,
        CaseSupervision,
        Oversight,
        PanelWait,
    ];
}

/// <summary>The workforce inputs of one snapshot grouped once (per worker, per child), and the
/// workforce figures of each date worked out once and shared by every indicator that needs them.
/// Kept with the snapshot's <see cref="IndicatorIndex"/>, so they go when it goes.</summary>
internal sealed class WorkforceLookups
{
    private static readonly ConditionalWeakTable<IndicatorIndex, WorkforceLookups> Kept = [];

    private readonly ConcurrentDictionary<DateOnly, WorkforceDay> days = new();

    private WorkforceLookups(IndicatorIndex index)
    {
        Index = index;
        var data = index.Data;
        AllocationsByWorker = new(() => Group(data.Allocations, a => a.WorkerId));
        AbsencesByWorker = new(() => Group(data.WorkerAbsences, a => a.WorkerId));
        WorkersByTeam = new(() => Group(data.Workers, w => w.TeamId));
        PersonalDates = new(() => Dates(data.Supervisions.Where(s => s.Kind == SupervisionKind.Personal), s => s.WorkerId, s => s.Date));
        CaseDates = new(() => Dates(data.Supervisions.Where(s => s.Kind == SupervisionKind.Case && s.ChildId is not null), s => (s.WorkerId, s.ChildId!.Value), s => s.Date));
        DecisionDates = new(() => Dates(data.ManagementDecisions, d => d.ChildId, d => d.Date));
        Files = new(() => CaseFiles(index));
    }

    public IndicatorIndex Index { get; }

    public Lazy<Dictionary<long, Allocation[]>> AllocationsByWorker { get; }

    public Lazy<Dictionary<long, WorkerAbsence[]>> AbsencesByWorker { get; }

    public Lazy<Dictionary<long, Worker[]>> WorkersByTeam { get; }

    /// <summary>Each worker's personal supervisions, earliest first.</summary>
    public Lazy<Dictionary<long, DateOnly[]>> PersonalDates { get; }

    /// <summary>Each worker's case supervisions about each child, earliest first.</summary>
    public Lazy<Dictionary<(long WorkerId, long ChildId), DateOnly[]>> CaseDates { get; }

    /// <summary>Each child's management decisions, earliest first.</summary>
    public Lazy<Dictionary<long, DateOnly[]>> DecisionDates { get; }

    /// <summary>The file of each child who has ever been allocated, holding only what
    /// <see cref="CaseKinds.Of"/> and the start of their involvement read (referrals, assessments,
    /// protection and child in need plans, care episodes, proceedings): a full
    /// <see cref="ChildFile.IndexAll"/> of every record would cost several times as much.</summary>
    public Lazy<Dictionary<long, ChildFile>> Files { get; }

    public static WorkforceLookups For(IndicatorIndex index) => Kept.GetValue(index, static i => new WorkforceLookups(i));

    /// <summary>The figures on <paramref name="asAt"/>, each worked out on first use.</summary>
    public WorkforceDay On(DateOnly asAt) => days.GetOrAdd(asAt, static (d, lookups) => new WorkforceDay(lookups, d), this);

    /// <summary>The latest of <paramref name="sorted"/> on or before <paramref name="day"/>, or null.</summary>
    public static DateOnly? Latest(DateOnly[]? sorted, DateOnly day)
    {
        if (sorted is null)
        {
            return null;
        }

        var i = Array.BinarySearch(sorted, day);
        if (i < 0)
        {
            i = ~i - 1;
        }
        else
        {
            while (i + 1 < sorted.Length && sorted[i + 1] == day)
            {
                i++;
            }
        }

        return i >= 0 ? sorted[i] : null;
    }

    private static Dictionary<TKey, T[]> Group<TKey, T>(IEnumerable<T> items, Func<T, TKey> key)
        where TKey : notnull
    {
        var groups = new Dictionary<TKey, List<T>>();
        foreach (var item in items)
        {
            var k = key(item);
            if (!groups.TryGetValue(k, out var list))
            {
                groups[k] = list = [];
            }

            list.Add(item);
        }

        return groups.ToDictionary(g => g.Key, g => g.Value.ToArray());
    }

    private static Dictionary<TKey, DateOnly[]> Dates<TKey, T>(IEnumerable<T> items, Func<T, TKey> key, Func<T, DateOnly> date)
        where TKey : notnull
    {
        var groups = new Dictionary<TKey, List<DateOnly>>();
        foreach (var item in items)
        {
            var k = key(item);
            if (!groups.TryGetValue(k, out var list))
            {
                groups[k] = list = [];
            }

            list.Add(date(item));
        }

        return groups.ToDictionary(g => g.Key, g =>
        {
            g.Value.Sort();
            return g.Value.ToArray();
        });
    }

    private static Dictionary<long, ChildFile> CaseFiles(IndicatorIndex index)
    {
        var data = index.Data;
        var wanted = index.AllocationsByChild;
        Dictionary<long, List<T>> Of<T>(List<T> items)
            where T : ChildRecord
        {
            var groups = new Dictionary<long, List<T>>();
            foreach (var item in items)
            {
                if (!wanted.ContainsKey(item.ChildId))
                {
                    continue;
                }

                if (!groups.TryGetValue(item.ChildId, out var list))
                {
                    groups[item.ChildId] = list = [];
                }

                list.Add(item);
            }

            return groups;
        }

        var referrals = Of(data.Referrals);
        var assessments = Of(data.Assessments);
        var plans = Of(data.ProtectionPlans);
        var cinPlans = Of(data.ChildInNeedPlans);
        var episodes = Of(data.CareEpisodes);
        var proceedings = Of(data.CareProceedings);
        static IReadOnlyList<T> Take<T>(Dictionary<long, List<T>> groups, long child) =>
            groups.TryGetValue(child, out var list) ? list.AsReadOnly() : [];

        var files = new Dictionary<long, ChildFile>(wanted.Count);
        foreach (var child in wanted.Keys)
        {
            if (!index.Children.TryGetValue(child, out var record))
            {
                continue;
            }

            files[child] = new ChildFile(record)
            {
                Referrals = Take(referrals, child),
                Assessments = Take(assessments, child),
                ProtectionPlans = Take(plans, child),
                ChildInNeedPlans = Take(cinPlans, child),
                CareEpisodes = Take(episodes, child),
                CareProceedings = Take(proceedings, child),
            };
        }

        return files;
    }
}

/// <summary>The workforce figures on one date, each worked out once on first use (safe to use from
/// several threads). The people and children are those of the workforce pages for the whole council.</summary>
internal sealed class WorkforceDay
{
    private readonly WorkforceLookups lookups;
    private readonly Lazy<List<(Worker Worker, WorkforceCensus Census)>> census;
    private readonly Lazy<List<TeamStaffing>> teams;
    private readonly Lazy<Dictionary<long, List<Allocation>>> held;
    private readonly Lazy<List<(Worker Worker, Caseload Load)>> caseloads;
    private readonly Lazy<List<PersonalSupervisionStatus>> personal;
    private readonly Lazy<List<CaseSupervisionStatus>> cases;
    private readonly Lazy<(List<(long ChildId, DateOnly OpenSince)> Open, HashSet<long> Gaps)> oversight;
    private readonly Lazy<List<(long ChildId, int Changes)>> changes;
    private readonly Lazy<HashSet<long>> heldChildren;
    private List<(long ChildId, bool Allocated)>? childrenInNeed;

    public WorkforceDay(WorkforceLookups lookups, DateOnly asAt)
    {
        this.lookups = lookups;
        AsAt = asAt;
        census = new(WorkerCensus);
        teams = new(TeamStaffingOn);
        held = new(HeldOn);
        caseloads = new(CaseloadsOn);
        personal = new(PersonalOn);
        cases = new(CasesOn);
        oversight = new(OversightOn);
        changes = new(ChangesOn);
        heldChildren = new(() => [.. held.Value.Values.SelectMany(list => list.Select(a => a.ChildId))]);
    }

    public DateOnly AsAt { get; }

    /// <summary>The census measures of each social worker on their own (<see cref="WorkforceCensus.On"/>
    /// with the worker, their allocations and their absences, and no teams), for those in scope who
    /// were in post in the year: the council's census is the sum of these and of the teams' vacancies.</summary>
    public IReadOnlyList<(Worker Worker, WorkforceCensus Census)> Census => census.Value;

    /// <summary>Each team's staffing on the date (<see cref="TeamStaffing.Of"/>, as the census adds up its vacancies).</summary>
    public IReadOnlyList<TeamStaffing> Teams => teams.Value;

    /// <summary>The caseload of each case-holding worker in post (<see cref="Caseload.Of"/>).</summary>
    public IReadOnlyList<(Worker Worker, Caseload Load)> Caseloads => caseloads.Value;

    public IReadOnlyList<PersonalSupervisionStatus> Personal => personal.Value;

    public IReadOnlyList<CaseSupervisionStatus> Cases => cases.Value;

    /// <summary>The allocated children open to social care, and those of them in a gap.</summary>
    public (List<(long ChildId, DateOnly OpenSince)> Open, HashSet<long> Gaps) Oversight => oversight.Value;

    /// <summary>Each allocated child's changes of worker in the 12 months to the date.</summary>
    public IReadOnlyList<(long ChildId, int Changes)> Changes => changes.Value;

    /// <summary>The children in need on the date as the headline figures count them (a referral received
    /// on or before the date, not closed by it and not ended with no further action), each with whether
    /// they have an allocation to any worker open on the date (<see cref="IndicatorIndex.AllocationOn"/>).</summary>
    public IReadOnlyList<(long ChildId, bool Allocated)> ChildrenInNeed(MeasureContext c)
    {
        if (Volatile.Read(ref childrenInNeed) is { } known)
        {
            return known;
        }

        var list = new List<(long, bool)>();
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
                    list.Add((child, c.Index.AllocationOn(child, c.AsAt) is not null));
                    break;
                }
            }
        }

        Volatile.Write(ref childrenInNeed, list);
        return list;
    }

    /// <summary>Whether the workforce pages supervise <paramref name="role"/> personally: everyone but
    /// directors, heads of service, business support and analysts (as Lantern.Web's WorkforceLists).</summary>
    public static bool Supervised(WorkerRole role) =>
        role is not (WorkerRole.Director or WorkerRole.HeadOfService or WorkerRole.BusinessSupport or WorkerRole.PerformanceAnalyst);

    /// <summary>When the child's current involvement with social care began: the earliest start of what
    /// is open on <paramref name="day"/> (a referral, a protection or child in need plan, a care episode);
    /// null when nothing is open. The same rule as Lantern.Web's WorkforceLists.OpenSince.</summary>
    public static DateOnly? OpenSince(ChildFile file, DateOnly day)
    {
        static bool Open(DateOnly start, DateOnly? end, DateOnly d) => start <= d && (end is null || end > d);
        DateOnly? since = null;
        void Consider(DateOnly start)
        {
            if (since is null || start < since)
            {
                since = start;
            }
        }

        foreach (var r in file.Referrals)
        {
            if (Open(r.ReferralDate, r.ClosureDate, day))
            {
                Consider(r.ReferralDate);
            }
        }

        foreach (var p in file.ProtectionPlans)
        {
            if (Open(p.StartDate, p.EndDate, day))
            {
                Consider(p.StartDate);
            }
        }

        foreach (var p in file.ChildInNeedPlans)
        {
            if (Open(p.StartDate, p.EndDate, day))
            {
                Consider(p.StartDate);
            }
        }

        foreach (var e in file.CareEpisodes)
        {
            if (Open(e.StartDate, e.EndDate, day))
            {
                Consider(e.StartDate);
            }
        }

        return since;
    }

    private static bool OpenOn(Allocation a, DateOnly day) => a.StartDate <= day && (a.EndDate is null || a.EndDate > day);

    private List<(Worker, WorkforceCensus)> WorkerCensus()
    {
        var yearStart = AsAt.AddYears(-1).AddDays(1);
        var allocations = lookups.AllocationsByWorker.Value;
        var absences = lookups.AbsencesByWorker.Value;
        var list = new List<(Worker, WorkforceCensus)>();
        foreach (var w in lookups.Index.Data.Workers)
        {
            if (w.StartDate > AsAt || w.LeftDate < yearStart || !WorkforceCensus.InScope(w))
            {
                continue;
            }

            var one = WorkforceCensus.On(AsAt, [], [w], allocations.GetValueOrDefault(w.Id) ?? [], absences.GetValueOrDefault(w.Id) ?? []);
            list.Add((w, one));
        }

        return list;
    }

    private List<TeamStaffing> TeamStaffingOn()
    {
        var byTeam = lookups.WorkersByTeam.Value;
        return [.. lookups.Index.Data.Teams.Select(t => TeamStaffing.Of(t, byTeam.GetValueOrDefault(t.Id) ?? [], AsAt))];
    }

    /// <summary>The allocations open on the date (a child handed over that day is the new worker's) to
    /// each case-holding worker in post, of children alive on the date: the children of the caseloads,
    /// supervision, oversight and changes pages.</summary>
    private Dictionary<long, List<Allocation>> HeldOn()
    {
        var index = lookups.Index;
        var held = new Dictionary<long, List<Allocation>>();
        foreach (var (workerId, allocations) in lookups.AllocationsByWorker.Value)
        {
            if (!index.Workers.TryGetValue(workerId, out var w) || !AllocationRules.MayHoldCases(w) || !w.IsInPost(AsAt))
            {
                continue;
            }

            List<Allocation>? list = null;
            foreach (var a in allocations)
            {
                if (OpenOn(a, AsAt) && index.Children.TryGetValue(a.ChildId, out var child) && (child.DateOfDeath is null || child.DateOfDeath > AsAt))
                {
                    (list ??= []).Add(a);
                }
            }

            if (list is not null)
            {
                held[workerId] = list;
            }
        }

        return held;
    }

    private List<(Worker, Caseload)> CaseloadsOn()
    {
        var index = lookups.Index;
        var held = this.held.Value;
        var files = lookups.Files.Value;
        var weights = index.Standards.Weights;
        var list = new List<(Worker, Caseload)>();
        foreach (var w in index.Data.Workers)
        {
            if (!AllocationRules.MayHoldCases(w) || !w.IsInPost(AsAt))
            {
                continue;
            }

            IEnumerable<ChildFile> theirs = held.TryGetValue(w.Id, out var allocations)
                ? allocations.Select(a => a.ChildId).Distinct().Select(id => files[id])
                : [];
            list.Add((w, Caseload.Of(w, theirs, AsAt, weights)));
        }

        return list;
    }

    private List<PersonalSupervisionStatus> PersonalOn()
    {
        var index = lookups.Index;
        var dates = lookups.PersonalDates.Value;
        var absences = lookups.AbsencesByWorker.Value;
        var cadence = index.Standards.Cadence;
        var list = new List<PersonalSupervisionStatus>();
        foreach (var w in index.Data.Workers)
        {
            if (!w.IsInPost(AsAt) || !Supervised(w.Role))
            {
                continue;
            }

            // Only the latest supervision on or before the date matters (as the workforce pages read it).
            IEnumerable<Supervision> last = WorkforceLookups.Latest(dates.GetValueOrDefault(w.Id), AsAt) is { } date
                ? [new Supervision { Kind = SupervisionKind.Personal, WorkerId = w.Id, Date = date }]
                : [];
            list.Add(SupervisionCompliance.Personal(w, last, absences.GetValueOrDefault(w.Id) ?? [], AsAt, cadence));
        }

        return list;
    }

    private List<CaseSupervisionStatus> CasesOn()
    {
        var index = lookups.Index;
        var dates = lookups.CaseDates.Value;
        var absences = lookups.AbsencesByWorker.Value;
        var cadence = index.Standards.Cadence;
        var list = new List<CaseSupervisionStatus>();
        foreach (var (workerId, allocations) in held.Value)
        {
            // The latest discussion of each of the worker's children on or before the date is all the rule reads.
            var discussed = new List<Supervision>();
            foreach (var childId in allocations.Select(a => a.ChildId).Distinct())
            {
                if (WorkforceLookups.Latest(dates.GetValueOrDefault((workerId, childId)), AsAt) is { } date)
                {
                    discussed.Add(new Supervision { Kind = SupervisionKind.Case, WorkerId = workerId, ChildId = childId, Date = date });
                }
            }

            list.AddRange(SupervisionCompliance.Cases(index.Workers[workerId], allocations, discussed, absences.GetValueOrDefault(workerId) ?? [], AsAt, cadence));
        }

        return list;
    }

    private (List<(long, DateOnly)>, HashSet<long>) OversightOn()
    {
        var files = lookups.Files.Value;
        var decisions = lookups.DecisionDates.Value;
        var open = new List<(long, DateOnly)>();
        var latest = new List<ManagementDecision>();
        foreach (var child in HeldChildren())
        {
            if (OpenSince(files[child], AsAt) is { } since)
            {
                open.Add((child, since));
                if (WorkforceLookups.Latest(decisions.GetValueOrDefault(child), AsAt) is { } date)
                {
                    latest.Add(new ManagementDecision { ChildId = child, Date = date });
                }
            }
        }

        var gaps = ManagementOversight.Gaps(open, latest, AsAt, lookups.Index.Standards.Oversight);
        return (open, [.. gaps.Select(g => g.ChildId)]);
    }

    private List<(long, int)> ChangesOn()
    {
        var children = HeldChildren();
        var byChild = lookups.Index.AllocationsByChild;
        var counts = WorkerChanges.Count(children.SelectMany(c => byChild[c]), AsAt).ToDictionary(c => c.ChildId, c => c.Changes);
        return [.. children.Select(c => (c, counts.GetValueOrDefault(c)))];
    }

    private HashSet<long> HeldChildren() => heldChildren.Value;
}
