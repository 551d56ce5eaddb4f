using Lantern.Domain.Model;

namespace Lantern.Domain.Staffing;

/// <summary>How many times a child's social worker changed in the twelve months to a date.</summary>
/// <param name="Changes">Allocations starting in the twelve months to a different worker from the one before.</param>
/// <param name="WorkersInPeriod">Different workers the child had in the twelve months: those whose allocation
/// started in them or held the child on at least one day of them.</param>
public sealed record WorkerChangeCount(long ChildId, int Changes, int WorkersInPeriod);

/// <summary>Changes of social worker, which children feel as having to tell their story again. The period
/// is the twelve months up to and including the as-at date: from the day after the same date a year
/// earlier (1 October 2024 to 30 September 2025 for 30 September 2025). A change is an allocation of the
/// child that starts in the period to a different worker from the child's previous allocation (the one
/// that started latest before it, by start date and then by id, which may have started before the
/// period). A child's first ever allocation is not a change, nor is going back to the same worker after
/// a time unallocated; going back to an earlier worker after someone else is. As in
/// <see cref="AllocationRules"/>, the day of a handover is the new worker's, so an allocation ending on
/// the first day of the period did not hold the child in it.</summary>
public static class WorkerChanges
{
    /// <summary>The count for every child with an allocation in the period (started in it, or holding the
    /// child on a day of it), by child.</summary>
    public static IReadOnlyList<WorkerChangeCount> Count(IEnumerable<Allocation> allocations, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        var after = asAt.AddMonths(-12);
        var firstDay = after.AddDays(1);
        var counts = new List<WorkerChangeCount>();
        foreach (var child in allocations.GroupBy(a => a.ChildId))
        {
            var history = child.OrderBy(a => a.StartDate).ThenBy(a => a.Id).ToList();
            var workers = history
                .Where(a => a.StartDate <= asAt && (a.StartDate >= firstDay || a.EndDate is null || a.EndDate > firstDay))
                .Select(a => a.WorkerId)
                .Distinct()
                .Count();
            if (workers == 0)
            {
                continue;
            }

            var changes = 0;
            for (var i = 1; i < history.Count; i++)
            {
                var a = history[i];
                if (a.StartDate > after && a.StartDate <= asAt && a.WorkerId != history[i - 1].WorkerId)
                {
                    changes++;
                }
            }

            counts.Add(new WorkerChangeCount(child.Key, changes, workers));
        }

        return counts.OrderBy(c => c.ChildId).ToList();
    }

    /// <summary>The children whose worker changed three or more times in the period, most changes first,
    /// then by child.</summary>
    public static IReadOnlyList<WorkerChangeCount> ThreeOrMore(IEnumerable<Allocation> allocations, DateOnly asAt) =>
        Count(allocations, asAt).Where(c => c.Changes >= 3).OrderByDescending(c => c.Changes).ThenBy(c => c.ChildId).ToList();
}
