using Lantern.Domain.Calendar;
using Lantern.Domain.Model;

namespace Lantern.Domain.Staffing;

/// <summary>How often supervision is due, in working days, set by the council. A worker's clock does
/// not run on weekends, bank holidays or the days they are recorded as away (leave or sickness): a
/// worker on two weeks' leave is not overdue for supervision because of it. The defaults follow
/// common practice: personal supervision monthly (every 20 working days), fortnightly (10) for a
/// newly qualified worker in their assessed and supported year, and each allocated child's case
/// discussed in supervision at least every 30 working days.</summary>
public sealed record SupervisionCadence
{
    public static SupervisionCadence Default { get; } = new();

    /// <summary>Personal supervision of a qualified worker: every this many working days.</summary>
    public int PersonalWorkingDays { get; init; } = 20;

    /// <summary>Personal supervision during the assessed and supported year.</summary>
    public int NewlyQualifiedWorkingDays { get; init; } = 10;

    /// <summary>Case supervision of each allocated child: every this many working days.</summary>
    public int CaseWorkingDays { get; init; } = 30;

    /// <summary>The problems with this cadence, each naming its field; empty when it can be used.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (PersonalWorkingDays is < 1 or > 130)
        {
            problems.Add((nameof(PersonalWorkingDays), "Personal supervision must be due every 1 to 130 working days"));
        }

        if (NewlyQualifiedWorkingDays < 1 || NewlyQualifiedWorkingDays > PersonalWorkingDays)
        {
            problems.Add((nameof(NewlyQualifiedWorkingDays), "Supervision of newly qualified workers must be due at least as often as for other workers"));
        }

        if (CaseWorkingDays is < 1 or > 130)
        {
            problems.Add((nameof(CaseWorkingDays), "Case supervision must be due every 1 to 130 working days"));
        }

        return problems;
    }

    /// <summary>When <paramref name="worker"/>'s next personal supervision is due: the interval for
    /// their role on <paramref name="last"/> (or their start date when never supervised), counted in
    /// working days they were not away.</summary>
    public DateOnly PersonalDue(Worker worker, DateOnly? last, IEnumerable<WorkerAbsence> absences)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var from = last ?? worker.StartDate;
        var interval = worker.IsAsyeOn(from) ? NewlyQualifiedWorkingDays : PersonalWorkingDays;
        return AddAvailableDays(from, interval, worker.Id, absences);
    }

    /// <summary>When the case of a child allocated to <paramref name="worker"/> since
    /// <paramref name="allocatedOn"/> is next due for case supervision, after <paramref name="last"/>.</summary>
    public DateOnly CaseDue(Worker worker, DateOnly allocatedOn, DateOnly? last, IEnumerable<WorkerAbsence> absences)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var from = last is { } l && l > allocatedOn ? l : allocatedOn;
        return AddAvailableDays(from, CaseWorkingDays, worker.Id, absences);
    }

    /// <summary>The day that is <paramref name="n"/> working days after <paramref name="from"/> on
    /// which the worker was not away (<paramref name="from"/> is day 0).</summary>
    public static DateOnly AddAvailableDays(DateOnly from, int n, long workerId, IEnumerable<WorkerAbsence> absences)
    {
        ArgumentNullException.ThrowIfNull(absences);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var away = absences.Where(a => a.WorkerId == workerId && a.EndDate > from).OrderBy(a => a.StartDate).ToList();
        var day = from;
        var left = n;
        while (left > 0)
        {
            day = WorkingDays.AddWorkingDays(day, 1);
            if (!away.Any(a => a.StartDate <= day && a.EndDate >= day))
            {
                left--;
            }
        }

        return day;
    }
}
