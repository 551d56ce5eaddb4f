using System.Globalization;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Xunit;

namespace Lantern.Domain.Tests.Staffing;

public class StaffingRuleTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Worker Worker(long id = 1, WorkerRole role = WorkerRole.SocialWorker, decimal fte = 1.0m, string start = "2020-01-01", string? left = null, string? asyeEnd = null) => new()
    {
        Id = id,
        GivenName = "Sam",
        FamilyName = "Worker" + id.ToString(CultureInfo.InvariantCulture),
        Role = role,
        Fte = fte,
        StartDate = D(start),
        LeftDate = left is null ? null : D(left),
        AsyeEndDate = asyeEnd is null ? null : D(asyeEnd),
    };

    private static Child Child(long id, string born = "2015-05-01") => new() { Id = id, GivenName = "A", FamilyName = "Child", DateOfBirth = D(born) };

    // ---- caseload weighting ----

    [Fact]
    public void A_case_counts_as_its_heaviest_kind_and_weights_add_up()
    {
        var today = D("2025-06-30");
        var weights = CaseloadWeights.Default;
        ChildFile[] files =
        [
            // Looked after and in proceedings: counts as proceedings (2.0).
            new(Child(1)) { CareEpisodes = [new CareEpisode { ChildId = 1, StartDate = D("2025-01-10") }], CareProceedings = [new CareProceedings { ChildId = 1, IssueDate = D("2025-02-01") }] },
            // Protection plan (1.5) and an open assessment (1.0).
            new(Child(2)) { ProtectionPlans = [new ChildProtectionPlan { ChildId = 2, StartDate = D("2025-03-01") }], Assessments = [new Assessment { ChildId = 2, StartDate = D("2025-06-01") }] },
            // Child in need plan (1.0); a protection plan that ended does not count.
            new(Child(3)) { ChildInNeedPlans = [new ChildInNeedPlan { ChildId = 3, StartDate = D("2025-04-01") }], ProtectionPlans = [new ChildProtectionPlan { ChildId = 3, StartDate = D("2024-01-01"), EndDate = D("2025-04-01") }] },
            // Care leaver: 19, was looked after (0.5).
            new(Child(4, born: "2006-01-01")) { CareEpisodes = [new CareEpisode { ChildId = 4, StartDate = D("2020-01-01"), EndDate = D("2024-01-01") }] },
            // Nothing open: other (1.0).
            new(Child(5)),
        ];

        var load = Caseload.Of(Worker(), files, today, weights);

        Assert.Equal(5, load.Children);
        Assert.Equal(2.0m + 1.5m + 1.0m + 0.5m + 1.0m, load.Weighted);
        Assert.Equal(1, load.ByKind[CaseKind.InProceedings]);
        Assert.Equal(1, load.ByKind[CaseKind.ChildProtection]);
        Assert.Equal(1, load.ByKind[CaseKind.ChildInNeed]);
        Assert.Equal(1, load.ByKind[CaseKind.CareLeaver]);
        Assert.Equal(1, load.ByKind[CaseKind.Other]);
        Assert.False(load.ByKind.ContainsKey(CaseKind.LookedAfter));
    }

    [Fact]
    public void Weights_are_the_councils_and_change_which_kind_a_case_counts_as()
    {
        var today = D("2025-06-30");
        var file = new ChildFile(Child(1)) { CareEpisodes = [new CareEpisode { ChildId = 1, StartDate = D("2025-01-10") }], CareProceedings = [new CareProceedings { ChildId = 1, IssueDate = D("2025-02-01") }] };
        var weights = CaseloadWeights.Default with { LookedAfter = 3m };

        Assert.Equal(CaseKind.LookedAfter, weights.KindOf(file, today));
        Assert.Equal(3m, Caseload.Of(Worker(), [file], today, weights).Weighted);
    }

    [Fact]
    public void A_newly_qualified_worker_has_a_protected_threshold_scaled_by_fte()
    {
        var today = D("2025-06-30");
        var weights = CaseloadWeights.Default;
        var files = Enumerable.Range(1, 9).Select(i => new ChildFile(Child(i))).ToList();

        var newlyQualified = Caseload.Of(Worker(start: "2025-01-06", asyeEnd: "2026-01-06", fte: 0.5m), files, today, weights);
        var experienced = Caseload.Of(Worker(fte: 0.5m), files, today, weights);

        Assert.True(newlyQualified.Protected);
        Assert.Equal(8.5m, newlyQualified.Threshold); // 17 x 0.5
        Assert.True(newlyQualified.OverThreshold); // 9 > 8.5
        Assert.False(experienced.Protected);
        Assert.Equal(10m, experienced.Threshold); // 20 x 0.5
        Assert.False(experienced.OverThreshold);
    }

    [Fact]
    public void Weights_out_of_range_name_their_field()
    {
        var problems = (CaseloadWeights.Default with { ChildProtection = -1m, NewlyQualifiedThreshold = 25m }).Problems();

        Assert.Contains(problems, p => p.Field == nameof(CaseloadWeights.ChildProtection));
        Assert.Contains(problems, p => p.Field == nameof(CaseloadWeights.NewlyQualifiedThreshold));
        Assert.Empty(CaseloadWeights.Default.Problems());
    }

    // ---- supervision cadence ----

    [Fact]
    public void Personal_supervision_is_due_after_the_interval_in_working_days_skipping_bank_holidays()
    {
        var cadence = SupervisionCadence.Default;

        // Supervised Friday 12 December 2025; 20 working days on, skipping 25, 26 December and 1 January:
        // December 15-19 (5), 22-24 (3), 29-31 (3), January 2 (1), 5-9 (5), 12-14 (3) = 20: Wednesday 14 January 2026.
        Assert.Equal(D("2026-01-14"), cadence.PersonalDue(Worker(), D("2025-12-12"), []));
    }

    [Fact]
    public void Leave_and_sickness_pause_the_supervision_clock()
    {
        var cadence = SupervisionCadence.Default;
        WorkerAbsence[] away =
        [
            new() { WorkerId = 1, Kind = AbsenceKind.AnnualLeave, StartDate = D("2025-12-15"), EndDate = D("2025-12-19") }, // 5 working days
            new() { WorkerId = 2, Kind = AbsenceKind.Sickness, StartDate = D("2026-01-05"), EndDate = D("2026-01-30") }, // someone else's
        ];

        // Five more working days than without leave: 15, 16, 19, 20, 21 January -> Wednesday 21 January.
        Assert.Equal(D("2026-01-21"), cadence.PersonalDue(Worker(), D("2025-12-12"), away));
    }

    [Fact]
    public void Newly_qualified_workers_are_supervised_more_often_and_new_starters_from_their_start()
    {
        var cadence = SupervisionCadence.Default;
        var newlyQualified = Worker(start: "2025-09-01", asyeEnd: "2026-09-01");

        // Never supervised: 10 working days from the start date (Monday 1 September 2025) is Monday 15 September.
        Assert.Equal(D("2025-09-15"), cadence.PersonalDue(newlyQualified, null, []));
        Assert.Equal(D("2025-09-29"), cadence.PersonalDue(Worker(start: "2025-09-01"), null, []));
    }

    [Fact]
    public void Case_supervision_runs_from_the_later_of_allocation_and_the_last_discussion()
    {
        var cadence = SupervisionCadence.Default;

        // 30 working days from Monday 2 June 2025: Monday 14 July.
        Assert.Equal(D("2025-07-14"), cadence.CaseDue(Worker(), D("2025-06-02"), D("2025-05-01"), []));
        Assert.Equal(D("2025-07-14"), cadence.CaseDue(Worker(), D("2025-05-01"), D("2025-06-02"), []));
    }

    [Fact]
    public void A_cadence_that_cannot_work_names_its_field()
    {
        Assert.Contains((SupervisionCadence.Default with { NewlyQualifiedWorkingDays = 30 }).Problems(), p => p.Field == nameof(SupervisionCadence.NewlyQualifiedWorkingDays));
        Assert.Contains((SupervisionCadence.Default with { CaseWorkingDays = 0 }).Problems(), p => p.Field == nameof(SupervisionCadence.CaseWorkingDays));
        Assert.Empty(SupervisionCadence.Default.Problems());
    }

    // ---- allocation ----

    private static Allocation Alloc(long id, long worker, string start, string? end = null) =>
        new() { Id = id, ChildId = 9, WorkerId = worker, StartDate = D(start), EndDate = end is null ? null : D(end) };

    [Fact]
    public void Allocating_to_a_leaver_a_manager_or_a_future_starter_is_refused_naming_the_worker_field()
    {
        var today = D("2025-06-30");

        var leaver = AllocationRules.CheckAllocate(Worker(left: "2025-06-01"), today, null, [], today);
        var manager = AllocationRules.CheckAllocate(Worker(role: WorkerRole.TeamManager), today, null, [], today);
        var starter = AllocationRules.CheckAllocate(Worker(start: "2025-07-07"), today, null, [], today);

        Assert.Contains(leaver, p => p.Field == "WorkerId" && p.Message.Contains("left on 1 June 2025", StringComparison.Ordinal));
        Assert.Contains(manager, p => p.Field == "WorkerId" && p.Message.Contains("case-holding", StringComparison.Ordinal));
        Assert.Contains(starter, p => p.Field == "WorkerId" && p.Message.Contains("starts on 7 July 2025", StringComparison.Ordinal));
        Assert.Empty(AllocationRules.CheckAllocate(Worker(), today, null, [], today));
    }

    [Fact]
    public void A_reallocation_needs_a_reason_a_new_worker_and_a_date_not_before_the_current_one()
    {
        var today = D("2025-06-30");
        Allocation[] history = [Alloc(1, 1, "2025-03-01")];

        var noReason = AllocationRules.CheckAllocate(Worker(2), today, null, history, today);
        var same = AllocationRules.CheckAllocate(Worker(1), today, SocialWorkerChangeReason.CaseloadManagement, history, today);
        var early = AllocationRules.CheckAllocate(Worker(2), D("2025-02-01"), SocialWorkerChangeReason.CaseloadManagement, history, today);
        var future = AllocationRules.CheckAllocate(Worker(2), D("2025-07-01"), SocialWorkerChangeReason.CaseloadManagement, history, today);

        Assert.Contains(noReason, p => p.Field == "Reason");
        Assert.Contains(same, p => p.Field == "WorkerId" && p.Message.Contains("already allocated", StringComparison.Ordinal));
        Assert.Contains(early, p => p.Field == "StartDate");
        Assert.Contains(future, p => p.Field == "StartDate" && p.Message.Contains("today or in the past", StringComparison.Ordinal));
        Assert.Empty(AllocationRules.CheckAllocate(Worker(2), today, SocialWorkerChangeReason.CaseloadManagement, history, today));
    }

    [Fact]
    public void An_allocation_may_not_overlap_an_earlier_one_but_may_share_its_handover_day()
    {
        var today = D("2025-06-30");
        Allocation[] history = [Alloc(1, 1, "2025-01-01", "2025-05-01")];

        Assert.Contains(AllocationRules.CheckAllocate(Worker(2), D("2025-04-01"), null, history, today), p => p.Field == "StartDate" && p.Message.Contains("overlap", StringComparison.Ordinal));
        Assert.Empty(AllocationRules.CheckAllocate(Worker(2), D("2025-05-01"), null, history, today));
        Assert.True(AllocationRules.Overlaps(D("2025-04-30"), D("2025-06-01"), history[0]));
        Assert.False(AllocationRules.Overlaps(D("2024-06-01"), D("2025-01-01"), history[0]));
    }

    [Fact]
    public void Unallocating_needs_an_open_allocation_a_reason_and_a_date_within_it()
    {
        var today = D("2025-06-30");
        var open = Alloc(1, 1, "2025-03-01");

        Assert.Contains(AllocationRules.CheckUnallocate(open, D("2025-02-01"), SocialWorkerChangeReason.WorkerLeft, today), p => p.Field == "EndDate");
        Assert.Contains(AllocationRules.CheckUnallocate(open, D("2025-07-01"), SocialWorkerChangeReason.WorkerLeft, today), p => p.Field == "EndDate");
        Assert.Contains(AllocationRules.CheckUnallocate(open, today, null, today), p => p.Field == "Reason");
        Assert.Contains(AllocationRules.CheckUnallocate(Alloc(2, 1, "2025-01-01", "2025-02-01"), today, SocialWorkerChangeReason.WorkerLeft, today), p => p.Field == "AllocationId");
        Assert.Empty(AllocationRules.CheckUnallocate(open, today, SocialWorkerChangeReason.WorkerLeft, today));
    }

    [Fact]
    public void A_worker_cannot_leave_while_children_are_still_allocated_to_them()
    {
        var today = D("2025-06-30");
        var worker = Worker();
        Allocation[] stillOpen = [Alloc(1, 1, "2025-01-01"), Alloc(2, 1, "2025-02-01", "2025-07-15"), Alloc(3, 1, "2025-02-01", "2025-06-30")];

        var problems = AllocationRules.CheckLeaving(worker, today, stillOpen, today);

        // The open one and the one ending after the last day; the one handed over on the last day is fine.
        Assert.Contains(problems, p => p.Field == "Children" && p.Message.Contains("still has 2 children", StringComparison.Ordinal));
        Assert.Empty(AllocationRules.CheckLeaving(worker, today, [stillOpen[2]], today));
        Assert.Contains(AllocationRules.CheckLeaving(worker, D("2019-01-01"), [], today), p => p.Field == "LeftDate");
        Assert.Contains(AllocationRules.CheckLeaving(Worker(left: "2025-01-01"), today, [], today), p => p.Field == "LeftDate" && p.Message.Contains("already left", StringComparison.Ordinal));
    }
}
