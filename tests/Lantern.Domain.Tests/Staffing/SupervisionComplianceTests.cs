using System.Globalization;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Xunit;

namespace Lantern.Domain.Tests.Staffing;

/// <summary>Supervision compliance on records built by hand; every due date and overdue count is
/// worked out in the comments from the cadence (20 working days personal, 30 case) and the England
/// bank holidays, not by the code.</summary>
public class SupervisionComplianceTests
{
    private static readonly SupervisionCadence Cadence = SupervisionCadence.Default;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Worker Worker(long id = 1, string start = "2020-01-01", string? asyeEnd = null) => new()
    {
        Id = id,
        GivenName = "Sam",
        FamilyName = "Worker",
        Role = WorkerRole.SocialWorker,
        StartDate = D(start),
        AsyeEndDate = asyeEnd is null ? null : D(asyeEnd),
    };

    private static Supervision Personal(long worker, string date) => new() { Kind = SupervisionKind.Personal, WorkerId = worker, SupervisorId = 99, Date = D(date) };

    private static Supervision Case(long worker, long child, string date) => new() { Kind = SupervisionKind.Case, WorkerId = worker, SupervisorId = 99, ChildId = child, Date = D(date) };

    private static Allocation Alloc(long child, long worker, string start, string? end = null) =>
        new() { Id = child * 10 + worker, ChildId = child, WorkerId = worker, StartDate = D(start), EndDate = end is null ? null : D(end) };

    private static WorkerAbsence Away(long worker, string from, string to) => new() { WorkerId = worker, Kind = AbsenceKind.AnnualLeave, StartDate = D(from), EndDate = D(to) };

    // ---- personal supervision ----

    [Fact]
    public void Personal_supervision_counts_only_the_workers_own_personal_supervisions_up_to_today_and_is_in_time_on_the_due_date()
    {
        Supervision[] supervisions =
        [
            Personal(1, "2025-11-10"), // earlier: not the latest
            Personal(1, "2025-12-12"), // the latest up to today
            Case(1, 7, "2026-01-02"), // case supervision: not personal
            Personal(2, "2026-01-05"), // another worker's
            Personal(1, "2026-01-20"), // dated after today
        ];

        // From Friday 12 December 2025, 20 working days skipping 25, 26 December and 1 January:
        // December 15-19 (5), 22-24 (8), 29-31 (11), January 2 (12), 5-9 (17), 12-14 (20): Wednesday 14 January 2026.
        var onTheDay = SupervisionCompliance.Personal(Worker(), supervisions, [], D("2026-01-14"), Cadence);
        Assert.Equal(new PersonalSupervisionStatus(1, D("2025-12-12"), D("2026-01-14"), false, 0), onTheDay);

        // The day after the due date: overdue by one working day (15 January).
        var dayAfter = SupervisionCompliance.Personal(Worker(), supervisions, [], D("2026-01-15"), Cadence);
        Assert.Equal(new PersonalSupervisionStatus(1, D("2025-12-12"), D("2026-01-14"), true, 1), dayAfter);
    }

    [Fact]
    public void Working_days_overdue_skip_weekends_and_bank_holidays()
    {
        // Supervised Tuesday 25 November 2025; 20 working days: November 26-28 (3), December 1-5 (8),
        // 8-12 (13), 15-19 (18), 22-23 (20): due Tuesday 23 December.
        // On Friday 2 January 2026, the working days after 23 December up to and including 2 January are
        // 24, 29, 30, 31 December and 2 January = 5 (25, 26 December and 1 January are bank holidays,
        // 27, 28 December weekend): 10 calendar days, 8 weekdays, 5 working days.
        var status = SupervisionCompliance.Personal(Worker(), [Personal(1, "2025-11-25")], [], D("2026-01-02"), Cadence);

        Assert.Equal(D("2025-12-23"), status.Due);
        Assert.True(status.Overdue);
        Assert.Equal(5, status.WorkingDaysOverdue);
    }

    [Fact]
    public void A_weekend_straight_after_the_due_date_is_overdue_by_no_working_days_yet()
    {
        // Supervised Tuesday 16 December 2025; 20 working days: 17-19 (3), 22-24 (6), 29-31 (9),
        // January 2 (10), 5-9 (15), 12-16 (20): due Friday 16 January 2026.
        Supervision[] supervisions = [Personal(1, "2025-12-16")];

        // Saturday 17 January: past the due date (overdue) but no working day has passed since it.
        Assert.Equal(new PersonalSupervisionStatus(1, D("2025-12-16"), D("2026-01-16"), true, 0), SupervisionCompliance.Personal(Worker(), supervisions, [], D("2026-01-17"), Cadence));

        // Monday 19 January: one working day.
        Assert.Equal(1, SupervisionCompliance.Personal(Worker(), supervisions, [], D("2026-01-19"), Cadence).WorkingDaysOverdue);
    }

    [Fact]
    public void Leave_moves_the_personal_due_date_so_a_worker_back_from_leave_is_not_overdue_because_of_it()
    {
        // Supervised 12 December 2025, due 14 January 2026 without leave. Five working days of leave
        // (15-19 December) add five: 15, 16, 19, 20, 21 January -> due Wednesday 21 January. Another
        // worker's sickness makes no difference.
        WorkerAbsence[] away = [Away(1, "2025-12-15", "2025-12-19"), Away(2, "2026-01-05", "2026-01-30")];

        // On Tuesday 20 January: not overdue (without the leave it would be 4 working days overdue: 15, 16, 19, 20).
        var status = SupervisionCompliance.Personal(Worker(), [Personal(1, "2025-12-12")], away, D("2026-01-20"), Cadence);

        Assert.Equal(new PersonalSupervisionStatus(1, D("2025-12-12"), D("2026-01-21"), false, 0), status);
    }

    [Fact]
    public void A_worker_never_supervised_is_due_from_their_start_date_newly_qualified_sooner()
    {
        // Never supervised, started Monday 1 September 2025: 20 working days -> Monday 29 September.
        // On Wednesday 1 October: overdue by 30 September and 1 October = 2 working days.
        var experienced = SupervisionCompliance.Personal(Worker(start: "2025-09-01"), [], [], D("2025-10-01"), Cadence);
        Assert.Equal(new PersonalSupervisionStatus(1, null, D("2025-09-29"), true, 2), experienced);

        // Newly qualified (assessed and supported year): 10 working days -> Monday 15 September,
        // the day itself: in time.
        var newlyQualified = SupervisionCompliance.Personal(Worker(start: "2025-09-01", asyeEnd: "2026-09-01"), [], [], D("2025-09-15"), Cadence);
        Assert.Equal(new PersonalSupervisionStatus(1, null, D("2025-09-15"), false, 0), newlyQualified);
    }

    // ---- case supervision ----

    private static readonly DateOnly CaseDay = D("2025-07-16"); // a Wednesday

    private static Allocation[] CaseAllocations() =>
    [
        Alloc(10, 1, "2025-06-02"),
        Alloc(11, 1, "2025-01-06", "2025-04-20"), // child 11's earlier allocation to this worker
        Alloc(11, 3, "2025-04-20", "2025-05-01"), // then someone else
        Alloc(11, 1, "2025-05-01"), // and back
        Alloc(12, 1, "2025-03-03", "2025-07-16"), // handed over today: the new worker's
        Alloc(12, 3, "2025-07-16"),
        Alloc(13, 3, "2025-01-01"), // another worker's child
        Alloc(14, 1, "2025-07-16"), // allocated today
        Alloc(15, 1, "2025-07-17"), // starts tomorrow
        Alloc(16, 1, "2025-04-01", "2025-06-30"), // ended
        Alloc(17, 1, "2025-05-19"),
    ];

    private static Supervision[] CaseSupervisions() =>
    [
        Case(1, 10, "2025-06-20"),
        Case(2, 10, "2025-07-10"), // another worker discussed child 10: not this worker's supervision
        Case(1, 10, "2025-07-20"), // after today
        Personal(1, "2025-07-15"), // personal: about no child
        Case(1, 11, "2025-04-15"), // during the earlier allocation of child 11: does not count now
        Case(1, 17, "2025-06-04"),
        Case(1, 13, "2025-07-01"), // a child this worker does not hold
    ];

    [Fact]
    public void Each_child_allocated_today_has_one_row_earliest_due_first()
    {
        var rows = SupervisionCompliance.Cases(Worker(), CaseAllocations(), CaseSupervisions(), [], CaseDay, Cadence);

        // Open today for worker 1: children 10, 11 (the second allocation), 14 and 17. Not 12 (handed
        // over today), 13 (someone else's), 15 (starts tomorrow) or 16 (ended).
        //
        // Child 11: allocated Thursday 1 May 2025, no discussion since (the one on 15 April was in the
        // earlier allocation). 30 working days: May 2 (1), 6-9 (5; 5 May bank holiday), 12-16 (10),
        // 19-23 (15), 27-30 (19; 26 May bank holiday), June 2-6 (24), 9-13 (29), 16 (30): Monday 16 June.
        // Overdue by June 17-20 (4), 23-27 (9), 30-July 4 (14), 7-11 (19), 14-16 (22) = 22 working days.
        //
        // Child 17: last discussed Wednesday 4 June; June 5-6 (2), 9-13 (7), 16-20 (12), 23-27 (17),
        // 30-July 4 (22), 7-11 (27), 14-16 (30): due Wednesday 16 July, today: in time.
        //
        // Child 10: last discussed by this worker Friday 20 June (not the other worker's 10 July, nor
        // the one dated after today); June 23-27 (5), 30-July 4 (10), 7-11 (15), 14-18 (20),
        // 21-25 (25), 28-August 1 (30): Friday 1 August.
        //
        // Child 14: allocated today, Wednesday 16 July; 17-18 (2), 21-25 (7), 28-August 1 (12), 4-8 (17),
        // 11-15 (22), 18-22 (27), 26-28 (30; 25 August bank holiday): Thursday 28 August.
        CaseSupervisionStatus[] expected =
        [
            new(11, 1, D("2025-05-01"), null, D("2025-06-16"), true, 22),
            new(17, 1, D("2025-05-19"), D("2025-06-04"), D("2025-07-16"), false, 0),
            new(10, 1, D("2025-06-02"), D("2025-06-20"), D("2025-08-01"), false, 0),
            new(14, 1, D("2025-07-16"), null, D("2025-08-28"), false, 0),
        ];
        Assert.Equal(expected, rows);

        // 3 of the 4 children not overdue: 75%.
        Assert.Equal(75.0m, SupervisionCompliance.CompliancePercent(rows));
    }

    [Fact]
    public void Leave_moves_the_case_due_date()
    {
        // Child 10 last discussed Friday 20 June 2025, due Friday 1 August without leave. The worker is
        // away 28 July to 1 August (5 working days): August 4-8 -> due Friday 8 August. On Monday 4 August
        // it is in time (it would otherwise be 1 working day overdue). Another worker's leave is ignored.
        WorkerAbsence[] away = [Away(1, "2025-07-28", "2025-08-01"), Away(2, "2025-06-23", "2025-08-29")];

        var row = Assert.Single(SupervisionCompliance.Cases(Worker(), [Alloc(10, 1, "2025-06-02")], [Case(1, 10, "2025-06-20")], away, D("2025-08-04"), Cadence));

        Assert.Equal(D("2025-08-08"), row.Due);
        Assert.False(row.Overdue);
        Assert.Equal(0, row.WorkingDaysOverdue);
    }

    [Fact]
    public void A_worker_with_no_children_allocated_has_no_rows()
    {
        Assert.Empty(SupervisionCompliance.Cases(Worker(), [], CaseSupervisions(), [], CaseDay, Cadence));
        Assert.Empty(SupervisionCompliance.Cases(Worker(2), CaseAllocations(), CaseSupervisions(), [], CaseDay, Cadence));
    }

    // ---- compliance ----

    [Fact]
    public void Compliance_is_the_share_not_overdue_rounded_half_away_from_zero_and_null_when_there_is_nobody()
    {
        static PersonalSupervisionStatus S(long id, bool overdue) => new(id, null, D("2025-01-01"), overdue, overdue ? 1 : 0);

        // 2 of 3 in time: 66.66...% -> 66.7.
        Assert.Equal(66.7m, SupervisionCompliance.CompliancePercent([S(1, false), S(2, true), S(3, false)]));

        // 1 of 16 in time: 6.25% -> 6.3 (half away from zero; banker's rounding would give 6.2).
        Assert.Equal(6.3m, SupervisionCompliance.CompliancePercent([S(0, false), .. Enumerable.Range(1, 15).Select(i => S(i, true))]));

        Assert.Equal(0.0m, SupervisionCompliance.CompliancePercent([S(1, true)]));
        Assert.Null(SupervisionCompliance.CompliancePercent(Array.Empty<PersonalSupervisionStatus>()));
        Assert.Null(SupervisionCompliance.CompliancePercent(Array.Empty<CaseSupervisionStatus>()));
    }
}
