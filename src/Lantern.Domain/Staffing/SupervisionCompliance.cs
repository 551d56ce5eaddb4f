using Lantern.Domain.Calendar;
using Lantern.Domain.Model;

namespace Lantern.Domain.Staffing;

/// <summary>Where one worker stands with their own (personal) supervision on a day.</summary>
/// <param name="Last">Their latest personal supervision on or before the day; null when never supervised.</param>
/// <param name="Due">When the next one is due (see <see cref="SupervisionCadence.PersonalDue"/>).</param>
/// <param name="Overdue">The due date has passed: it is before the day.</param>
/// <param name="WorkingDaysOverdue">Working days after the due date up to and including the day; 0 when
/// not overdue (and 0 on a weekend or bank holiday straight after a due date, which is already overdue).</param>
public sealed record PersonalSupervisionStatus(long WorkerId, DateOnly? Last, DateOnly Due, bool Overdue, int WorkingDaysOverdue);

/// <summary>Where one allocated child's case stands with case supervision on a day.</summary>
/// <param name="AllocatedOn">The start of the worker's allocation of the child, from which the clock first runs.</param>
/// <param name="Last">The latest discussion of the child in the worker's case supervision during this
/// allocation, on or before the day; null when none yet.</param>
/// <param name="Due">When the next one is due (see <see cref="SupervisionCadence.CaseDue"/>).</param>
/// <param name="Overdue">The due date has passed: it is before the day.</param>
/// <param name="WorkingDaysOverdue">Working days after the due date up to and including the day; 0 when not overdue.</param>
public sealed record CaseSupervisionStatus(long ChildId, long WorkerId, DateOnly AllocatedOn, DateOnly? Last, DateOnly Due, bool Overdue, int WorkingDaysOverdue);

/// <summary>Whether workers are supervised as often as the council's <see cref="SupervisionCadence"/>
/// says, on a given day. Supervision is due on the due date itself, so it is overdue only from the day
/// after: a worker supervised on the due date was supervised in time. How far overdue is counted in
/// working days after the due date up to and including the day (<see cref="WorkingDays.WorkingDaysBetween"/>:
/// Friday due, Monday today is 1 working day overdue). Leave and sickness move the due date (the
/// cadence does not count days the worker was away) but do not stop an overdue count once it has started.</summary>
public static class SupervisionCompliance
{
    /// <summary>Where <paramref name="worker"/>'s personal supervision stands on <paramref name="today"/>:
    /// the next one is due the cadence's interval after their latest personal supervision recorded on or
    /// before today (or after their start date when there is none). Supervisions of other workers, case
    /// supervisions and supervisions dated after today are not counted.</summary>
    public static PersonalSupervisionStatus Personal(Worker worker, IEnumerable<Supervision> supervisions, IEnumerable<WorkerAbsence> absences, DateOnly today, SupervisionCadence cadence)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(supervisions);
        ArgumentNullException.ThrowIfNull(absences);
        ArgumentNullException.ThrowIfNull(cadence);
        var last = supervisions
            .Where(s => s.Kind == SupervisionKind.Personal && s.WorkerId == worker.Id && s.Date <= today)
            .Select(s => (DateOnly?)s.Date)
            .Max();
        var due = cadence.PersonalDue(worker, last, absences);
        return new PersonalSupervisionStatus(worker.Id, last, due, due < today, OverdueBy(due, today));
    }

    /// <summary>Where the case of each child allocated to <paramref name="worker"/> on <paramref name="today"/>
    /// stands: one row per allocation open today (started on or before today and not ended by today; a
    /// child handed over today is the new worker's), earliest due first, then by child. The next
    /// discussion is due the cadence's interval after the latest case supervision of the worker about
    /// that child since the allocation began (or after the allocation's start when there is none);
    /// discussions of the child with an earlier worker or in an earlier allocation do not count.</summary>
    public static IReadOnlyList<CaseSupervisionStatus> Cases(Worker worker, IEnumerable<Allocation> allocations, IEnumerable<Supervision> supervisions, IEnumerable<WorkerAbsence> absences, DateOnly today, SupervisionCadence cadence)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentNullException.ThrowIfNull(supervisions);
        ArgumentNullException.ThrowIfNull(absences);
        ArgumentNullException.ThrowIfNull(cadence);
        var away = absences.Where(a => a.WorkerId == worker.Id).ToList();
        var discussed = supervisions
            .Where(s => s.Kind == SupervisionKind.Case && s.WorkerId == worker.Id && s.ChildId is not null && s.Date <= today)
            .ToLookup(s => s.ChildId!.Value, s => s.Date);
        var rows = new List<CaseSupervisionStatus>();
        foreach (var a in allocations.Where(a => a.WorkerId == worker.Id && a.StartDate <= today && (a.EndDate is null || a.EndDate > today)))
        {
            var last = discussed[a.ChildId].Where(d => d >= a.StartDate).Select(d => (DateOnly?)d).Max();
            var due = cadence.CaseDue(worker, a.StartDate, last, away);
            rows.Add(new CaseSupervisionStatus(a.ChildId, worker.Id, a.StartDate, last, due, due < today, OverdueBy(due, today)));
        }

        return rows.OrderBy(r => r.Due).ThenBy(r => r.ChildId).ThenBy(r => r.AllocatedOn).ToList();
    }

    /// <summary>Compliance: the share of workers whose personal supervision is not overdue × 100, to
    /// 1 decimal place; null when there are none.</summary>
    public static decimal? CompliancePercent(IEnumerable<PersonalSupervisionStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        return Percent(statuses.Select(s => s.Overdue));
    }

    /// <summary>Compliance: the share of allocated children whose case supervision is not overdue × 100,
    /// to 1 decimal place; null when there are none.</summary>
    public static decimal? CompliancePercent(IEnumerable<CaseSupervisionStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        return Percent(statuses.Select(s => s.Overdue));
    }

    private static int OverdueBy(DateOnly due, DateOnly today) => due < today ? WorkingDays.WorkingDaysBetween(due, today) : 0;

    private static decimal? Percent(IEnumerable<bool> overdue)
    {
        int all = 0, inTime = 0;
        foreach (var o in overdue)
        {
            all++;
            if (!o)
            {
                inTime++;
            }
        }

        return all == 0 ? null : Math.Round((decimal)inTime / all * 100, 1, MidpointRounding.AwayFromZero);
    }
}
