using System.Globalization;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Xunit;

namespace Lantern.Domain.Tests.Staffing;

/// <summary>Changes of worker on allocation histories built by hand; each count is worked out in the
/// comments from the definition (allocations starting in the twelve months to 30 September 2025, i.e.
/// from 1 October 2024, to a different worker from the allocation before).</summary>
public class WorkerChangesTests
{
    private static readonly DateOnly AsAt = D("2025-09-30");

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Allocation A(long id, long child, long worker, string start, string? end = null) =>
        new() { Id = id, ChildId = child, WorkerId = worker, StartDate = D(start), EndDate = end is null ? null : D(end) };

    private static Allocation[] Histories() =>
    [
        // Child 1: the worker before the period held them until 1 November 2024, then three changes.
        A(10, 1, 1, "2023-01-01", "2024-11-01"),
        A(11, 1, 2, "2024-11-01", "2025-02-01"),
        A(12, 1, 3, "2025-02-01", "2025-05-01"),
        A(13, 1, 4, "2025-05-01"),

        // Child 2: first ever allocation in the period, then one change.
        A(20, 2, 1, "2025-01-01", "2025-03-01"),
        A(21, 2, 2, "2025-03-01"),

        // Child 3: back to the same worker after a time unallocated (not a change), to another worker
        // (a change), then back to the first (a change).
        A(30, 3, 5, "2024-01-01", "2025-01-10"),
        A(31, 3, 5, "2025-03-01", "2025-04-01"),
        A(32, 3, 6, "2025-04-01", "2025-06-01"),
        A(33, 3, 5, "2025-06-01"),

        // Child 4: the edges of the period.
        A(40, 4, 1, "2024-06-01", "2024-09-30"),
        A(41, 4, 2, "2024-09-30", "2024-10-01"), // starts on 30 September 2024: the day before the period
        A(42, 4, 3, "2024-10-01", "2025-09-30"), // starts on its first day
        A(43, 4, 4, "2025-09-30", "2025-10-01"), // starts on the as-at date
        A(44, 4, 5, "2025-10-01"), // starts after it

        // Child 5: two allocations on the same day, ordered by id: 51 (worker 2, ended that day) then 52.
        A(50, 5, 7, "2024-05-01", "2025-01-01"),
        A(52, 5, 7, "2025-01-01"),
        A(51, 5, 2, "2025-01-01", "2025-01-01"),

        // Child 6: every allocation ended before the period. Child 7: allocated only after it.
        A(60, 6, 1, "2023-01-01", "2024-09-01"),
        A(70, 7, 1, "2025-10-01"),

        // Child 8: the same worker since 2020.
        A(80, 8, 1, "2020-01-01"),

        // Child 9: four changes among three workers.
        A(90, 9, 1, "2024-10-15", "2024-12-01"),
        A(91, 9, 2, "2024-12-01", "2025-02-01"),
        A(92, 9, 3, "2025-02-01", "2025-04-01"),
        A(93, 9, 1, "2025-04-01", "2025-06-01"),
        A(94, 9, 2, "2025-06-01"),

        // Child 10: three changes, like child 1.
        A(100, 10, 1, "2024-01-01", "2025-01-01"),
        A(101, 10, 2, "2025-01-01", "2025-02-01"),
        A(102, 10, 3, "2025-02-01", "2025-03-01"),
        A(103, 10, 4, "2025-03-01"),
    ];

    [Fact]
    public void Changes_are_allocations_starting_in_the_twelve_months_to_a_different_worker()
    {
        var counts = WorkerChanges.Count(Histories(), AsAt);

        WorkerChangeCount[] expected =
        [
            // Workers 2, 3, 4 each replace someone: 3. Worker 1 held the child in October 2024: 4 workers.
            new(1, 3, 4),
            // The first allocation is not a change; worker 2 is: 1 change, 2 workers.
            new(2, 1, 2),
            // 31 (worker 5 after worker 5) no, 32 (6 after 5) yes, 33 (5 after 6) yes: 2 changes, workers 5 and 6.
            new(3, 2, 2),
            // 41 started on 30 September 2024, before the period (not a change); 42 on 1 October 2024 and
            // 43 on 30 September 2025 are changes; 44 is after the as-at date: 2 changes. Workers: 3 and 4;
            // worker 2's allocation ended on 1 October 2024, the handover day, so it held no day of the
            // period, and worker 1's ended before it: 2 workers.
            new(4, 2, 2),
            // 51 (worker 2 after 7) yes, 52 (worker 7 after 51's worker 2) yes: 2 changes, workers 7 and 2.
            new(5, 2, 2),
            // Child 6 (ended before) and child 7 (starts after) have no allocation in the period.
            // Child 8: one worker throughout, no change.
            new(8, 0, 1),
            // 90 is the first ever; 91, 92, 93, 94 each differ from the one before: 4 changes, workers 1, 2, 3.
            new(9, 4, 3),
            // 101, 102, 103: 3 changes; worker 1 held the child until 1 January 2025: 4 workers.
            new(10, 3, 4),
        ];
        Assert.Equal(expected, counts);
    }

    [Fact]
    public void Three_or_more_changes_most_first_then_by_child()
    {
        // From the counts above: child 9 (4), then children 1 and 10 (3 each) by id.
        Assert.Equal([9L, 1, 10], WorkerChanges.ThreeOrMore(Histories(), AsAt).Select(c => c.ChildId));
    }

    [Fact]
    public void The_period_from_a_leap_day_starts_on_1_March()
    {
        // Twelve months to 29 February 2024: 28 February 2023 is the same date a year before, so the
        // period runs from 1 March 2023. Worker 2's allocation on 28 February 2023 is not a change and,
        // handed over on 1 March, held no day of the period; worker 3's on 1 March 2023 is a change.
        Allocation[] history =
        [
            A(1, 1, 1, "2022-01-01", "2023-02-28"),
            A(2, 1, 2, "2023-02-28", "2023-03-01"),
            A(3, 1, 3, "2023-03-01"),
        ];

        Assert.Equal([new WorkerChangeCount(1, 1, 1)], WorkerChanges.Count(history, D("2024-02-29")));
    }

    [Fact]
    public void No_allocations_means_no_counts()
    {
        Assert.Empty(WorkerChanges.Count([], AsAt));
        Assert.Empty(WorkerChanges.ThreeOrMore([], AsAt));
    }
}
