using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Metrics.Indicators;
using Xunit;

namespace Lantern.Metrics.Tests;

/// <summary>The workforce and oversight indicators, each worked out by hand from its definition on a
/// small hand-built authority (England bank holidays as in the domain calendar).</summary>
public sealed class WorkforceIndicatorTests
{
    private static readonly DateOnly Census = new(2025, 9, 30);

    [Fact]
    public void Census_measures_are_the_workforce_census_of_each_worker_added_up()
    {
        var t = new TestAuthority();
        var d = static (int y, int m, int day) => new DateOnly(y, m, day);
        var w1 = t.Worker(d(2020, 1, 1));
        var w2 = t.Worker(d(2020, 1, 1), fte: 0.5m);
        var w3 = t.Worker(d(2024, 1, 1), EmploymentType.Agency);
        var w4 = t.Worker(d(2019, 1, 1), left: Census); // last day is the census date: in post and a leaver
        var w5 = t.Worker(d(2019, 1, 1), fte: 0.8m, left: d(2025, 3, 31));
        var w6 = t.Worker(d(2018, 1, 1), role: WorkerRole.TeamManager);
        t.Worker(d(2018, 1, 1), role: WorkerRole.BusinessSupport); // not a social work role
        t.Worker(d(2018, 1, 1), left: d(2024, 6, 30)); // left before the year

        // Sickness: w1 Mon 3 to Fri 7 March 2025 = 5 working days × 1 FTE = 5; w2 Fri 2 to Tue 6 May
        // 2025 = Fri 2 and Tue 6 (Mon 5 May is a bank holiday) = 2 working days × 0.5 FTE = 1; w1's
        // annual leave and the sickness of w5 (not in post) do not count.
        Absence(t, w1, AbsenceKind.Sickness, d(2025, 3, 3), d(2025, 3, 7));
        Absence(t, w2, AbsenceKind.Sickness, d(2025, 5, 2), d(2025, 5, 6));
        Absence(t, w1, AbsenceKind.AnnualLeave, d(2025, 6, 2), d(2025, 6, 13));
        Absence(t, w5, AbsenceKind.Sickness, d(2025, 1, 6), d(2025, 1, 10));

        // Allocations on 30 September: c1 with w1; c2 handed over from w1 to w3 that day (w3's);
        // c4 handed over from the leaver w4 to w1 that day (w1's); c3 with w2; c5 with the team
        // manager (not case-holding); c6 ended with w5 in March.
        var c = Enumerable.Range(0, 6).Select(_ => t.Child(d(2015, 1, 1))).ToArray();
        Allocate(t, c[0], w1, d(2025, 1, 1));
        Allocate(t, c[1], w1, d(2025, 2, 1), Census);
        Allocate(t, c[1], w3, Census);
        Allocate(t, c[2], w2, d(2025, 1, 1));
        Allocate(t, c[3], w4, d(2025, 1, 1), Census);
        Allocate(t, c[3], w1, Census);
        Allocate(t, c[4], w6, d(2025, 1, 1));
        Allocate(t, c[5], w5, d(2025, 1, 1), d(2025, 3, 31));

        // Employed in post: w1 1 + w2 0.5 + w4 1 + w6 1 = 3.5 FTE.
        Assert.Equal(3.5, t.Measure("sw_fte", Census).Value);
        // Leavers in the year (1 Oct 2024 to 30 Sep 2025): w4 1 + w5 0.8 = 1.8; 1.8 ÷ 3.5 × 100 = 51.43.
        Assert.Equal(51.4, t.Measure("sw_turnover_pct", Census).Value);
        // Agency: w3 1 ÷ (1 + 3.5) × 100 = 22.22.
        Assert.Equal(22.2, t.Measure("sw_agency_pct", Census).Value);
        // Vacancies: Team A's establishment 5 − 3.5 employed = 1.5; 1.5 ÷ (1.5 + 3.5) × 100 = 30.
        Assert.Equal(30.0, t.Measure("sw_vacancy_pct", Census).Value);
        Assert.Contains(new IndicatorUnitRow(-t.Team.Id, 1.5, 1.5), t.Engine().Units(IndicatorCatalogue.Get("sw_vacancy_pct"), Census));
        // Working days 1 Oct 2024 to 30 Sep 2025: 261 weekdays less 8 bank holidays (25, 26 Dec,
        // 1 Jan, 18, 21 Apr, 5, 26 May, 25 Aug) = 253. Available: 253 × 3.5 FTE = 885.5.
        // Lost: 5 + 1 = 6; 6 ÷ 885.5 × 100 = 0.68.
        Assert.Equal(0.7, t.Measure("sw_absence_pct", Census).Value);
        var absence = t.Engine().Units(IndicatorCatalogue.Get("sw_absence_pct"), Census);
        Assert.Contains(new IndicatorUnitRow(w2.Id, 1, 126.5), absence); // the bank holiday is not lost
        Assert.Equal(4, absence.Count); // w1, w2, w4, w6
        // Cases held by case-holding social workers in post: w1 c1, c4; w2 c3; w3 c2; w4 none
        // (handed over on the day) = 4; FTE w1 1 + w2 0.5 + w3 1 + w4 1 = 3.5; 4 ÷ 3.5 = 1.14.
        Assert.Equal(1.1, t.Measure("sw_caseload", Census).Value);
        var caseload = t.Engine().Units(IndicatorCatalogue.Get("sw_caseload"), Census);
        Assert.Contains(new IndicatorUnitRow(w1.Id, 2, 1), caseload);
        Assert.Contains(new IndicatorUnitRow(w4.Id, 0, 1), caseload);

        // The same as the census of the whole council (the census page and the dashboard).
        var census = WorkforceCensus.On(Census, t.Data.Teams, t.Data.Workers, t.Data.Allocations, t.Data.WorkerAbsences);
        Assert.Equal((double)census.EmployedFte, t.Measure("sw_fte", Census).Value);
        Assert.Equal((double?)census.TurnoverRate, t.Measure("sw_turnover_pct", Census).Value);
        Assert.Equal((double?)census.AgencyRate, t.Measure("sw_agency_pct", Census).Value);
        Assert.Equal((double?)census.VacancyRate, t.Measure("sw_vacancy_pct", Census).Value);
        Assert.Equal((double?)census.AbsenceRate, t.Measure("sw_absence_pct", Census).Value);
        Assert.Equal((double?)census.Caseload, t.Measure("sw_caseload", Census).Value);
        Assert.Equal(885.5m, census.AvailableWorkingDays);
    }

    [Fact]
    public void Caseload_counts_a_case_handed_over_on_the_day_for_the_new_worker_only()
    {
        var t = new TestAuthority();
        var a = t.Worker(new DateOnly(2020, 1, 1));
        var b = t.Worker(new DateOnly(2020, 1, 1), EmploymentType.Agency, fte: 0.5m);
        var children = Enumerable.Range(0, 4).Select(_ => t.Child(new DateOnly(2015, 1, 1))).ToArray();
        Allocate(t, children[0], a, new DateOnly(2025, 1, 1));
        Allocate(t, children[1], a, new DateOnly(2025, 1, 1));
        Allocate(t, children[2], b, new DateOnly(2025, 1, 1));
        Allocate(t, children[3], a, new DateOnly(2025, 1, 1), Census); // handed over to b on the day
        Allocate(t, children[3], b, Census);

        // a holds 2, b holds 2: 4 cases ÷ 1.5 FTE = 2.67.
        Assert.Equal(2.7, t.Measure("sw_caseload", Census).Value);
    }

    [Fact]
    public void Allocated_and_unallocated_children_are_the_headline_figures()
    {
        var t = new TestAuthority();
        var s1 = t.Worker(new DateOnly(2020, 1, 1));
        var s2 = t.Worker(new DateOnly(2020, 1, 1));
        var manager = t.Worker(new DateOnly(2020, 1, 1), role: WorkerRole.TeamManager);
        var adviser = t.Worker(new DateOnly(2020, 1, 1), role: WorkerRole.PersonalAdviser);
        var child = () => t.Child(new DateOnly(2015, 1, 1));
        var (a, b, c, dd, e, f, g, h, i) = (child(), child(), child(), child(), child(), child(), child(), child(), child());
        var since = new DateOnly(2025, 6, 1);
        foreach (var open in new[] { a, b, c, dd, g })
        {
            Refer(t, open, since);
        }

        Refer(t, e, since, noFurtherAction: true);
        Refer(t, f, since, closed: Census); // closed on the date: not open on it
        Allocate(t, a, s1, since);
        Allocate(t, b, s1, since, Census); // handed over to s2 on the date: counted once
        Allocate(t, b, s2, Census);
        Allocate(t, c, s1, since, Census); // ended on the date with no new worker: unallocated
        Allocate(t, dd, manager, since); // allocated, but not to a case-holding social worker
        Allocate(t, h, s2, since); // no referral open (a care leaver, say): still allocated
        Allocate(t, i, adviser, since); // a personal adviser is not a case-holding social worker

        // Allocated to a case-holding social worker: a, b, h = 3.
        Assert.Equal(3.0, t.Measure("allocated_children", Census).Value);
        Assert.Equal([a.Id, b.Id, h.Id], t.NumeratorSubjects("allocated_children", Census));
        // Children in need: a, b, c, dd, g = 5 (e ended with no further action, f closed on the date).
        // With no allocation on the date: c, g = 2; 2 ÷ 5 × 100 = 40.
        Assert.Equal(2.0, t.Measure("unallocated_count", Census).Value);
        Assert.Equal([c.Id, g.Id], t.NumeratorSubjects("unallocated_count", Census));
        Assert.Equal(40.0, t.Measure("unallocated_pct", Census).Value);
        Assert.Equal(5, t.Measure("unallocated_pct", Census).Denominator);
    }

    [Fact]
    public void Weighted_caseloads_use_the_councils_weights_and_thresholds()
    {
        var t = new TestAuthority();
        t.Data.Authorities[0].WorkforceStandards = new WorkforceStandards { Weights = new CaseloadWeights { Threshold = 4, NewlyQualifiedThreshold = 3 } }.ToJson();
        var q1 = t.Worker(new DateOnly(2020, 1, 1));
        var q2 = t.Worker(new DateOnly(2025, 1, 6));
        q2.AsyeEndDate = new DateOnly(2026, 1, 5); // newly qualified: protected threshold 3
        var q3 = t.Worker(new DateOnly(2020, 1, 1), role: WorkerRole.PersonalAdviser, fte: 0.5m);
        var q4 = t.Worker(new DateOnly(2020, 1, 1), left: Census); // last day: in post, no children
        var q5 = t.Worker(new DateOnly(2020, 1, 1), left: Census.AddDays(-1)); // gone
        var from = new DateOnly(2025, 6, 1);
        var k = Enumerable.Range(0, 9).Select(_ => t.Child(new DateOnly(2015, 1, 1))).ToArray();

        // q1: k0 on a protection plan (1.5), k1 looked after (1.25), k2 looked after and in
        // proceedings (counts as proceedings, 2), k3 handed over from q2 on the date (nothing open:
        // other, 1) = 5.75, over 4. k8 died before the date and is not counted.
        t.Add(t.Data.ProtectionPlans, new ChildProtectionPlan { ChildId = k[0].Id, StartDate = from });
        t.Add(t.Data.CareEpisodes, new CareEpisode { ChildId = k[1].Id, StartDate = from });
        t.Add(t.Data.CareEpisodes, new CareEpisode { ChildId = k[2].Id, StartDate = from });
        t.Add(t.Data.CareProceedings, new CareProceedings { ChildId = k[2].Id, IssueDate = from });
        k[8].DateOfDeath = new DateOnly(2025, 9, 1);
        foreach (var child in new[] { k[0], k[1], k[2], k[8] })
        {
            Allocate(t, child, q1, from);
        }

        Allocate(t, k[3], q2, from, Census);
        Allocate(t, k[3], q1, Census);

        // q2: k4 child in need plan (1), k5 open assessment (1), k6 nothing open (1) = 3: equal to
        // the protected threshold 3, not over (k3 left q2 on the date; with it q2 would be over).
        t.Add(t.Data.ChildInNeedPlans, new ChildInNeedPlan { ChildId = k[4].Id, StartDate = from });
        t.Add(t.Data.Assessments, new Assessment { ChildId = k[5].Id, StartDate = from });
        foreach (var child in new[] { k[4], k[5], k[6] })
        {
            Allocate(t, child, q2, from);
        }

        // q3: k7, a care leaver aged 19 (0.5), under the threshold 4 × 0.5 = 2.
        k[7].DateOfBirth = new DateOnly(2006, 1, 1);
        t.Add(t.Data.CareEpisodes, new CareEpisode { ChildId = k[7].Id, StartDate = new DateOnly(2020, 1, 1), EndDate = new DateOnly(2024, 1, 1) });
        Allocate(t, k[7], q3, from);
        Allocate(t, t.Child(new DateOnly(2015, 1, 1)), q5, from, Census.AddDays(-1));

        // Workers: q1, q2, q3, q4 (q5 has left). Weighted 5.75 + 3 + 0.5 + 0 = 9.25 over
        // FTE 1 + 1 + 0.5 + 1 = 3.5: 2.64.
        Assert.Equal(2.6, t.Measure("caseload_weighted_avg", Census).Value);
        Assert.Contains(new IndicatorUnitRow(q1.Id, 5.75, 1), t.Engine().Units(IndicatorCatalogue.Get("caseload_weighted_avg"), Census));
        // Over the threshold: q1 only, of 4: 25%.
        Assert.Equal(25.0, t.Measure("caseload_over_threshold_pct", Census).Value);
        Assert.Equal([q1.Id], t.NumeratorSubjects("caseload_over_threshold_pct", Census));
        Assert.Equal([q1.Id, q2.Id, q3.Id, q4.Id], t.DenominatorSubjects("caseload_over_threshold_pct", Census));
    }

    [Fact]
    public void Supervision_in_time_counts_working_days_without_bank_holidays_or_absence()
    {
        // Monday 2 June 2025; bank holidays Fri 18 and Mon 21 April, Mon 5 and Mon 26 May 2025.
        var today = new DateOnly(2025, 6, 2);
        var t = new TestAuthority();
        var pa = t.Worker(new DateOnly(2020, 1, 1));
        var pb = t.Worker(new DateOnly(2020, 1, 1));
        var pc = t.Worker(new DateOnly(2025, 1, 6));
        pc.AsyeEndDate = new DateOnly(2026, 1, 5);
        var pe = t.Worker(new DateOnly(2020, 1, 1), role: WorkerRole.TeamManager, left: today);
        var pf = t.Worker(new DateOnly(2020, 1, 1), left: today.AddDays(-3));
        var pg = t.Worker(new DateOnly(2020, 1, 1));
        var support = t.Worker(new DateOnly(2020, 1, 1), role: WorkerRole.BusinessSupport);

        // pa: last 1 May; 20 working days after it, skipping 5 and 26 May, is Mon 2 June: due today,
        // in time (counting the bank holidays it would have been due Thu 29 May, overdue).
        Supervise(t, pa, new DateOnly(2025, 5, 1));
        // pb: last 1 April; 20 working days after, skipping 18 and 21 April, is Thu 1 May: overdue.
        Supervise(t, pb, new DateOnly(2025, 4, 1));
        Supervise(t, pb, new DateOnly(2025, 6, 3)); // after the date: not counted
        // pc (newly qualified, every 10): last Fri 16 May; 19, 20, 21, 22, 23, 27, 28, 29, 30 May,
        // 2 June = due 2 June: in time.
        Supervise(t, pc, new DateOnly(2025, 5, 16));
        // pe: leaves today, still in post; last 1 April: overdue as pb.
        Supervise(t, pe, new DateOnly(2025, 4, 1));
        // pg: last Thu 24 April, on leave 12 to 16 May: 25, 28, 29, 30 Apr, 1, 2, 6, 7, 8, 9 May (10),
        // 19, 20, 21, 22, 23, 27, 28, 29, 30 May, 2 June (20): due today, in time.
        Supervise(t, pg, new DateOnly(2025, 4, 24));
        Absence(t, pg, AbsenceKind.AnnualLeave, new DateOnly(2025, 5, 12), new DateOnly(2025, 5, 16));
        Supervise(t, pf, new DateOnly(2024, 1, 1)); // left: not counted
        Supervise(t, support, new DateOnly(2024, 1, 1)); // not supervised on the pages: not counted

        // In time: pa, pc, pg of pa, pb, pc, pe, pg = 3 of 5: 60%.
        Assert.Equal(60.0, t.Measure("supervision_personal_pct", today).Value);
        Assert.Equal([pa.Id, pc.Id, pg.Id], t.NumeratorSubjects("supervision_personal_pct", today));
        Assert.Equal([pa.Id, pb.Id, pc.Id, pe.Id, pg.Id], t.DenominatorSubjects("supervision_personal_pct", today));

        // Case supervision, every 30 working days.
        var x = Enumerable.Range(0, 4).Select(_ => t.Child(new DateOnly(2015, 1, 1))).ToArray();
        // x0 with pa since 6 Jan, last discussed Wed 16 April: 17, 22 ... (skipping 18, 21 April,
        // 5 and 26 May) the 30th working day is Tue 3 June: in time.
        Allocate(t, x[0], pa, new DateOnly(2025, 1, 6));
        CaseSupervise(t, pa, x[0], new DateOnly(2025, 4, 16));
        CaseSupervise(t, pb, x[0], new DateOnly(2025, 5, 30)); // another worker's discussion: not pa's
        // x1 with pa since Tue 1 April, never discussed: 30th working day after is Fri 16 May: overdue.
        Allocate(t, x[1], pa, new DateOnly(2025, 4, 1));
        // x2 handed over from pb to pa today: pa's, due 30 working days from today: in time
        // (pb's allocation, never discussed since January, ends today and is not counted).
        Allocate(t, x[2], pb, new DateOnly(2025, 1, 6), today);
        Allocate(t, x[2], pa, today);
        // x3 with pb since 19 May: due 30 working days later: in time.
        Allocate(t, x[3], pb, new DateOnly(2025, 5, 19));

        // In time: x0, x2, x3 of 4: 75%.
        Assert.Equal(75.0, t.Measure("supervision_case_pct", today).Value);
        Assert.Equal([x[0].Id, x[2].Id, x[3].Id], t.NumeratorSubjects("supervision_case_pct", today));
        Assert.Equal(4, t.Measure("supervision_case_pct", today).Denominator);
    }

    [Fact]
    public void Oversight_and_changes_of_worker_cover_the_children_allocated_on_the_date()
    {
        var t = new TestAuthority();
        var o1 = t.Worker(new DateOnly(2020, 1, 1));
        var o2 = t.Worker(new DateOnly(2020, 1, 1));
        var y = Enumerable.Range(0, 6).Select(_ => t.Child(new DateOnly(2015, 1, 1))).ToArray();
        var d = static (int yy, int m, int day) => new DateOnly(yy, m, day);

        // y0: open since 1 June, last decision 31 August: 30 days, in time (exactly the period).
        Refer(t, y[0], d(2025, 6, 1));
        Decide(t, y[0], d(2025, 8, 31));
        Allocate(t, o1, y[0], d(2024, 5, 1)); // 0 changes
        // y1: open since 1 June, last decision 30 August: 31 days, a gap.
        Refer(t, y[1], d(2025, 6, 1));
        Decide(t, y[1], d(2025, 8, 30));
        Allocate(t, o2, y[1], d(2024, 3, 1), d(2024, 11, 1));
        Allocate(t, o1, y[1], d(2024, 11, 1)); // 1 change
        // y2: protection plan since 15 September; its decision of January was for an earlier
        // involvement, so the clock runs from 15 September: 15 days, in time.
        t.Add(t.Data.ProtectionPlans, new ChildProtectionPlan { ChildId = y[2].Id, StartDate = d(2025, 9, 15) });
        Decide(t, y[2], d(2025, 1, 10));
        Allocate(t, o2, y[2], d(2024, 8, 1), d(2024, 10, 1));
        Allocate(t, o1, y[2], d(2024, 10, 1), d(2025, 1, 1)); // 1 October is in the year: a change
        Allocate(t, o2, y[2], d(2025, 1, 1), d(2025, 3, 1));
        Allocate(t, o1, y[2], d(2025, 3, 1)); // 3 changes
        // y3: allocated, nothing open: not in the oversight figure; back to the same worker after a
        // time unallocated is not a change: 0.
        Allocate(t, o1, y[3], d(2025, 2, 1), d(2025, 3, 1));
        Allocate(t, o1, y[3], d(2025, 4, 1));
        // y4: open since 1 January, never a decision: a gap; handed over from o2 to o1 on the date
        // (counted once): o1 → o2 on 1 June and o2 → o1 on 30 September = 2 changes.
        Refer(t, y[4], d(2025, 1, 1));
        Allocate(t, o1, y[4], d(2025, 1, 1), d(2025, 6, 1));
        Allocate(t, o2, y[4], d(2025, 6, 1), Census);
        Allocate(t, o1, y[4], Census);
        // y5: open but unallocated: in neither figure.
        Refer(t, y[5], d(2025, 6, 1));

        // Oversight: in time y0, y2 of y0, y1, y2, y4 = 50%.
        Assert.Equal(50.0, t.Measure("oversight_pct", Census).Value);
        Assert.Equal([y[0].Id, y[2].Id], t.NumeratorSubjects("oversight_pct", Census));
        Assert.Equal([y[0].Id, y[1].Id, y[2].Id, y[4].Id], t.DenominatorSubjects("oversight_pct", Census));
        // Changes: 0 + 1 + 3 + 0 + 2 = 6 over 5 allocated children = 1.2; 3 or more: y2, 1 of 5 = 20%.
        Assert.Equal(1.2, t.Measure("worker_changes_per_child", Census).Value);
        Assert.Equal(20.0, t.Measure("worker_changes_3plus_pct", Census).Value);
        Assert.Equal([y[2].Id], t.NumeratorSubjects("worker_changes_3plus_pct", Census));
        Assert.Equal(5, t.Measure("worker_changes_3plus_pct", Census).Denominator);
    }

    [Fact]
    public void Panel_wait_is_the_mean_working_days_of_the_decisions_made_in_the_year()
    {
        var t = new TestAuthority();
        var child = t.Child(new DateOnly(2015, 1, 1));
        var d = static (int y, int m, int day) => new DateOnly(y, m, day);
        // Fri 23 May → Tue 27 May 2025 (Mon 26 May a bank holiday): 1.
        Panel(t, child, d(2025, 5, 23), d(2025, 5, 27));
        // Mon 1 → Mon 8 September 2025: 5.
        Panel(t, child, d(2025, 9, 1), d(2025, 9, 8));
        // Fri 27 September → Tue 1 October 2024: decided in the year: 2.
        Panel(t, child, d(2024, 9, 27), d(2024, 10, 1));
        // Decided the day it was asked (deferred): 0.
        Panel(t, child, d(2025, 7, 1), d(2025, 7, 1), PanelOutcome.Deferred);
        Panel(t, child, d(2025, 9, 29), null); // waiting
        Panel(t, child, d(2024, 9, 20), d(2024, 9, 30)); // decided before the year
        Panel(t, child, d(2025, 9, 29), d(2025, 10, 1)); // decided after the date
        Panel(t, child, d(2025, 9, 12), d(2025, 9, 10)); // decision recorded before its request

        // (1 + 5 + 2 + 0) ÷ 4 = 2.
        var value = t.Measure("panel_wait_days", Census);
        Assert.Equal(2.0, value.Value);
        Assert.Equal(4, value.Denominator);
    }

    [Fact]
    public void Every_workforce_indicator_is_in_the_catalogue_with_a_full_definition()
    {
        string[] ids =
        [
            "sw_fte", "sw_turnover_pct", "sw_agency_pct", "sw_vacancy_pct", "sw_absence_pct", "sw_caseload",
            "allocated_children", "unallocated_count", "unallocated_pct", "caseload_weighted_avg", "caseload_over_threshold_pct",
            "worker_changes_per_child", "worker_changes_3plus_pct", "supervision_personal_pct", "supervision_case_pct",
            "oversight_pct", "panel_wait_days",
        ];
        Assert.Equal(ids, WorkforceIndicators.All.Select(i => i.Id));
        foreach (var indicator in WorkforceIndicators.All)
        {
            var def = indicator.Definition;
            Assert.Equal(IndicatorArea.Workforce, def.Area);
            Assert.False(string.IsNullOrWhiteSpace(def.Title));
            Assert.False(string.IsNullOrWhiteSpace(def.Definition));
            Assert.False(string.IsNullOrWhiteSpace(def.Formula));
            Assert.False(string.IsNullOrWhiteSpace(def.Numerator));
            Assert.Equal(def.Unit == IndicatorUnit.Count, def.Denominator.Length == 0);
            Assert.Same(indicator, IndicatorCatalogue.Get(def.Id));
        }
    }

    [Fact]
    public void An_authority_with_no_workforce_has_no_figures_to_divide()
    {
        var t = new TestAuthority();
        t.Team.EstablishmentFte = 0;
        var values = t.Engine().Compute(Census, WorkforceIndicators.All);
        foreach (var v in values)
        {
            Assert.Equal(v.Definition.Unit == IndicatorUnit.Count ? 0 : null, v.Value);
        }
    }

    private static void Allocate(TestAuthority t, Child child, Worker worker, DateOnly start, DateOnly? end = null) =>
        t.Add(t.Data.Allocations, new Allocation { ChildId = child.Id, WorkerId = worker.Id, StartDate = start, EndDate = end });

    private static void Allocate(TestAuthority t, Worker worker, Child child, DateOnly start, DateOnly? end = null) =>
        Allocate(t, child, worker, start, end);

    private static void Absence(TestAuthority t, Worker worker, AbsenceKind kind, DateOnly from, DateOnly to) =>
        t.Add(t.Data.WorkerAbsences, new WorkerAbsence { WorkerId = worker.Id, Kind = kind, StartDate = from, EndDate = to });

    private static void Refer(TestAuthority t, Child child, DateOnly on, bool noFurtherAction = false, DateOnly? closed = null) =>
        t.Add(t.Data.Referrals, new Referral { ChildId = child.Id, ReferralDate = on, NoFurtherAction = noFurtherAction, ClosureDate = closed });

    private static void Supervise(TestAuthority t, Worker worker, DateOnly on) =>
        t.Add(t.Data.Supervisions, new Supervision { Kind = SupervisionKind.Personal, WorkerId = worker.Id, Date = on });

    private static void CaseSupervise(TestAuthority t, Worker worker, Child child, DateOnly on) =>
        t.Add(t.Data.Supervisions, new Supervision { Kind = SupervisionKind.Case, WorkerId = worker.Id, ChildId = child.Id, Date = on });

    private static void Decide(TestAuthority t, Child child, DateOnly on) =>
        t.Add(t.Data.ManagementDecisions, new ManagementDecision { ChildId = child.Id, Date = on });

    private static void Panel(TestAuthority t, Child child, DateOnly requested, DateOnly? decided, PanelOutcome outcome = PanelOutcome.Approved) =>
        t.Add(t.Data.PanelDecisions, new PanelDecision { ChildId = child.Id, Panel = PanelType.ResourceAndPlacement, RequestDate = requested, DecisionDate = decided, Outcome = decided is null ? PanelOutcome.Pending : outcome });
}
