using Lantern.Domain.Calendar;
using Lantern.Domain.Model;

namespace Lantern.Domain.Staffing;

/// <summary>How long one request to a panel has waited for its decision.</summary>
/// <param name="RequestId">The request's id (<see cref="Entity.Id"/> of the <see cref="PanelDecision"/>).</param>
/// <param name="WorkingDaysWaiting">Working days after the request up to and including the decision, or
/// today while undecided (<see cref="WorkingDays.WorkingDaysBetween"/>: requested Friday, decided Monday
/// is 1; decided the day it was asked is 0). A decision recorded as before its request shows as negative
/// rather than being hidden.</param>
/// <param name="Decided">A decision date is recorded on or before today, whatever the outcome (a deferral
/// is the panel's decision on that request). A decision date after today does not count yet.</param>
public sealed record PanelWait(long RequestId, long ChildId, PanelType Panel, DateOnly RequestDate, DateOnly? DecisionDate, PanelOutcome Outcome, int WorkingDaysWaiting, bool Decided);

/// <summary>One panel's requests made in a period, as they stand today.</summary>
/// <param name="Requests">Requests made in the period (and not after today).</param>
/// <param name="Decided">Of those, decided by today.</param>
/// <param name="Pending">Of those, not decided by today.</param>
/// <param name="MedianWorkingDays">The median wait of the decided ones (the mean of the middle two when
/// there is an even number), to 1 decimal place; null when none is decided.</param>
/// <param name="MeanWorkingDays">The mean wait of the decided ones, to 1 decimal place; null when none is decided.</param>
/// <param name="LongestPendingWorkingDays">The longest wait so far of those not decided; null when none is pending.</param>
public sealed record PanelSummary(PanelType Panel, int Requests, int Decided, int Pending, decimal? MedianWorkingDays, decimal? MeanWorkingDays, int? LongestPendingWorkingDays);

/// <summary>How long requests to the council's decision panels (legal gateway, resource and placement,
/// edge of care) wait for a decision, in working days (weekdays that are not bank holidays in England).
/// Requests dated after today are not counted: they cannot have waited.</summary>
public static class PanelWaits
{
    /// <summary>The plain-English name of a panel, as shown to users.</summary>
    public static string Name(PanelType panel) => panel switch
    {
        PanelType.LegalGateway => "Legal gateway (pre-proceedings) panel",
        PanelType.ResourceAndPlacement => "Resource and placement panel",
        PanelType.EdgeOfCare => "Edge of care panel",
        _ => panel.ToString(),
    };

    /// <summary>How long <paramref name="request"/> has waited on <paramref name="today"/>; null when it is
    /// dated after today.</summary>
    public static PanelWait? Of(PanelDecision request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestDate > today)
        {
            return null;
        }

        var decided = request.DecisionDate is { } d && d <= today;
        var until = decided ? request.DecisionDate!.Value : today;
        return new PanelWait(request.Id, request.ChildId, request.Panel, request.RequestDate, request.DecisionDate, request.Outcome, WorkingDays.WorkingDaysBetween(request.RequestDate, until), decided);
    }

    /// <summary>The wait of every request dated on or before <paramref name="today"/>, oldest request first,
    /// then by id.</summary>
    public static IReadOnlyList<PanelWait> Waits(IEnumerable<PanelDecision> requests, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return requests
            .Select(r => Of(r, today))
            .OfType<PanelWait>()
            .OrderBy(w => w.RequestDate)
            .ThenBy(w => w.RequestId)
            .ToList();
    }

    /// <summary>One row per panel, in <see cref="PanelType"/> order and including panels with no requests,
    /// summarising the requests made from <paramref name="from"/> to <paramref name="to"/> (both included)
    /// as they stand on <paramref name="today"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="from"/> is after <paramref name="to"/>.</exception>
    public static IReadOnlyList<PanelSummary> Summarise(IEnumerable<PanelDecision> requests, DateOnly from, DateOnly to, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (from > to)
        {
            throw new ArgumentException("The period must not end before it starts", nameof(to));
        }

        var inPeriod = Waits(requests.Where(r => r.RequestDate >= from && r.RequestDate <= to), today).ToLookup(w => w.Panel);
        var rows = new List<PanelSummary>();
        foreach (var panel in Enum.GetValues<PanelType>())
        {
            var waits = inPeriod[panel].ToList();
            var decided = waits.Where(w => w.Decided).Select(w => w.WorkingDaysWaiting).Order().ToList();
            var pending = waits.Where(w => !w.Decided).Select(w => w.WorkingDaysWaiting).ToList();
            rows.Add(new PanelSummary(
                panel,
                waits.Count,
                decided.Count,
                pending.Count,
                Median(decided),
                decided.Count == 0 ? null : Round((decimal)decided.Sum() / decided.Count),
                pending.Count == 0 ? null : pending.Max()));
        }

        return rows;
    }

    private static decimal? Median(List<int> sorted)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : Round((sorted[middle - 1] + sorted[middle]) / 2m);
    }

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
