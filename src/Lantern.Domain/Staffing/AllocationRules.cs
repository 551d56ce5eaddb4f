using System.Globalization;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Domain.Staffing;

/// <summary>A reason an allocation change cannot be made, naming the field to correct.</summary>
public sealed record AllocationProblem(string Field, string Message);

/// <summary>The rules for allocating, reallocating and unallocating a child and for a worker leaving.
/// An allocation runs from its start date to its end date, and the day a child changes worker is
/// both the old allocation's end and the new one's start (as SSDA903 social worker episodes are
/// recorded); two allocations of a child overlap when one starts before the other has ended.</summary>
public static class AllocationRules
{
    /// <summary>Roles that hold cases and may have children allocated to them.</summary>
    public static bool MayHoldCases(Worker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        return worker.HoldsCases;
    }

    /// <summary>The problems with allocating the child whose allocations are <paramref name="history"/>
    /// to <paramref name="worker"/> from <paramref name="start"/>, ending the allocation open then (a
    /// reallocation, which needs <paramref name="reason"/>) if there is one.</summary>
    public static IReadOnlyList<AllocationProblem> CheckAllocate(Worker? worker, DateOnly? start, SocialWorkerChangeReason? reason, IReadOnlyList<Allocation> history, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(history);
        var problems = new List<AllocationProblem>();
        if (worker is null)
        {
            problems.Add(new("WorkerId", "Choose the worker to allocate the child to"));
        }

        if (start is not { } from)
        {
            problems.Add(new("StartDate", "Enter the date the allocation starts"));
            return problems;
        }

        if (from > today)
        {
            problems.Add(new("StartDate", "The date the allocation starts must be today or in the past"));
        }

        if (worker is not null)
        {
            if (!MayHoldCases(worker))
            {
                problems.Add(new("WorkerId", $"{worker.DisplayName} is not in a case-holding role: choose a social worker, advanced practitioner or personal adviser"));
            }
            else if (worker.LeftDate is { } left && left <= from)
            {
                problems.Add(new("WorkerId", $"{worker.DisplayName} left on {Show(left)}: choose someone in post"));
            }
            else if (worker.StartDate > from)
            {
                problems.Add(new("WorkerId", $"{worker.DisplayName} starts on {Show(worker.StartDate)}: the allocation cannot start before then"));
            }
        }

        var current = Current(history);
        if (current is not null)
        {
            if (worker is not null && current.WorkerId == worker.Id)
            {
                problems.Add(new("WorkerId", $"The child is already allocated to {worker.DisplayName}"));
            }

            if (from < current.StartDate)
            {
                problems.Add(new("StartDate", $"The date must be on or after {Show(current.StartDate)}, when the current allocation began"));
            }

            if (reason is null)
            {
                problems.Add(new("Reason", "Choose why the child's worker is changing"));
            }
        }

        foreach (var other in history.Where(a => !ReferenceEquals(a, current) && a.Id != current?.Id))
        {
            if (Overlaps(from, null, other))
            {
                problems.Add(new("StartDate", $"The child was allocated from {Show(other.StartDate)}{(other.EndDate is { } e ? " to " + Show(e) : "")}: the new allocation would overlap it"));
                break;
            }
        }

        return problems;
    }

    /// <summary>The problems with ending <paramref name="allocation"/> on <paramref name="end"/>
    /// without a new worker (the child goes to the unallocated queue).</summary>
    public static IReadOnlyList<AllocationProblem> CheckUnallocate(Allocation? allocation, DateOnly? end, SocialWorkerChangeReason? reason, DateOnly today)
    {
        var problems = new List<AllocationProblem>();
        if (allocation is null || allocation.EndDate is not null)
        {
            problems.Add(new("AllocationId", "The child has no open allocation to end"));
            return problems;
        }

        if (end is not { } to)
        {
            problems.Add(new("EndDate", "Enter the date the allocation ends"));
        }
        else if (to > today)
        {
            problems.Add(new("EndDate", "The date the allocation ends must be today or in the past"));
        }
        else if (to < allocation.StartDate)
        {
            problems.Add(new("EndDate", $"The date the allocation ends must be on or after {Show(allocation.StartDate)}, when it began"));
        }

        if (reason is null)
        {
            problems.Add(new("Reason", "Choose why the allocation is ending"));
        }

        return problems;
    }

    /// <summary>The problems with recording that <paramref name="worker"/> leaves on
    /// <paramref name="lastDay"/> while <paramref name="stillOpen"/> of their allocations would be
    /// open after it: a leaver's children are never orphaned, each must be reallocated or moved to
    /// the unallocated queue first.</summary>
    public static IReadOnlyList<AllocationProblem> CheckLeaving(Worker worker, DateOnly? lastDay, IReadOnlyCollection<Allocation> stillOpen, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(stillOpen);
        var problems = new List<AllocationProblem>();
        if (worker.LeftDate is { } left)
        {
            problems.Add(new("LeftDate", $"{worker.DisplayName} has already left (on {Show(left)})"));
            return problems;
        }

        if (lastDay is not { } last)
        {
            problems.Add(new("LeftDate", "Enter the worker's last day"));
            return problems;
        }

        if (last < worker.StartDate)
        {
            problems.Add(new("LeftDate", $"The last day must be on or after {Show(worker.StartDate)}, when {worker.DisplayName} started"));
        }
        else if (last > today.AddYears(1))
        {
            problems.Add(new("LeftDate", "The last day must be within a year from today"));
        }

        var open = stillOpen.Count(a => a.WorkerId == worker.Id && (a.EndDate is null || a.EndDate > last));
        if (open > 0)
        {
            problems.Add(new("Children", string.Create(CultureInfo.InvariantCulture, $"{worker.DisplayName} still has {open} {(open == 1 ? "child" : "children")} allocated after their last day: reallocate each one or move them to the unallocated queue first")));
        }

        return problems;
    }

    /// <summary>The open allocation (no end date; the latest-starting one if the history holds more
    /// than one), which a new allocation replaces; null when the child is unallocated.</summary>
    public static Allocation? Current(IReadOnlyList<Allocation> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Where(a => a.EndDate is null).OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id).FirstOrDefault();
    }

    /// <summary>Whether an allocation from <paramref name="start"/> to <paramref name="end"/> (open
    /// when null) overlaps <paramref name="other"/>; a handover day shared by both does not.</summary>
    public static bool Overlaps(DateOnly start, DateOnly? end, Allocation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var startsBeforeOtherEnds = other.EndDate is not { } otherEnd || start < otherEnd;
        var otherStartsBeforeEnd = end is not { } e || other.StartDate < e;
        return startsBeforeOtherEnds && otherStartsBeforeEnd;
    }

    private static string Show(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
