using Lantern.Domain.Calendar;
using Lantern.Domain.Model;

namespace Lantern.Domain.Staffing;

/// <summary>The children's social work workforce census measures on a snapshot date (30 September),
/// as defined by the DfE (<c>csww_indicators</c>; domain reference section 4.14). The year of flows
/// (leavers, absence) is the twelve months ending on the snapshot date (1 October to 30 September).</summary>
/// <param name="AsAt">The snapshot date.</param>
/// <param name="EmployedFte">FTE of social workers employed by the council in post on the date.</param>
/// <param name="AgencyFte">FTE of agency social workers (not paid directly by the council) in post on the date.</param>
/// <param name="Headcount">Employed social workers in post on the date (people, not FTE).</param>
/// <param name="LeaverFte">FTE of employed social workers who left in the year.</param>
/// <param name="VacancyFte">FTE of established posts not filled by an employed social worker.</param>
/// <param name="AgencyCoveringVacanciesFte">Agency FTE covering a vacancy (per team, the smaller of
/// its agency FTE and its vacancies).</param>
/// <param name="CasesHeld">Allocations open on the date to case-holding social workers (employed or
/// agency); a case handed over on the date counts for the new worker only.</param>
/// <param name="CaseHoldingFte">FTE of case-holding social workers (employed or agency) in post on the date.</param>
/// <param name="WorkingDaysLost">Working days lost to sickness in the year by employed social workers (FTE-weighted).</param>
/// <param name="AvailableWorkingDays">Working days those workers were in post in the year (FTE-weighted).</param>
public sealed record WorkforceCensus(
    DateOnly AsAt,
    decimal EmployedFte,
    decimal AgencyFte,
    int Headcount,
    decimal LeaverFte,
    decimal VacancyFte,
    decimal AgencyCoveringVacanciesFte,
    int CasesHeld,
    decimal CaseHoldingFte,
    decimal WorkingDaysLost,
    decimal AvailableWorkingDays)
{
    /// <summary>Turnover rate (FTE): leavers in the year ÷ employed FTE in post on the date × 100.</summary>
    public decimal? TurnoverRate => Percent(LeaverFte, EmployedFte);

    /// <summary>Agency rate (FTE): agency FTE ÷ (agency FTE + employed FTE) × 100.</summary>
    public decimal? AgencyRate => Percent(AgencyFte, AgencyFte + EmployedFte);

    /// <summary>Vacancy rate (FTE): vacancy FTE ÷ (vacancy FTE + employed FTE) × 100.</summary>
    public decimal? VacancyRate => Percent(VacancyFte, VacancyFte + EmployedFte);

    /// <summary>Agency cover of vacancies: agency FTE covering vacancies ÷ vacancy FTE × 100.</summary>
    public decimal? AgencyCoverOfVacancies => Percent(AgencyCoveringVacanciesFte, VacancyFte);

    /// <summary>Share of agency FTE covering vacancies: agency FTE covering vacancies ÷ agency FTE × 100.</summary>
    public decimal? AgencyCoveringVacanciesShare => Percent(AgencyCoveringVacanciesFte, AgencyFte);

    /// <summary>Caseload: cases held ÷ FTE of case-holding social workers.</summary>
    public decimal? Caseload => CaseHoldingFte == 0 ? null : Math.Round(CasesHeld / CaseHoldingFte, 1, MidpointRounding.AwayFromZero);

    /// <summary>Absence rate: working days lost to sickness ÷ available working days × 100.</summary>
    public decimal? AbsenceRate => Percent(WorkingDaysLost, AvailableWorkingDays);

    /// <summary>Whether <paramref name="role"/> is a social work role: social worker, advanced
    /// practitioner, team manager, service manager, head of service, independent reviewing officer or
    /// allegations officer (not business support, personal advisers, early help practitioners,
    /// analysts or the director). Someone in one of these roles must be registered with Social Work
    /// England.</summary>
    public static bool IsSocialWorkRole(WorkerRole role) => role is WorkerRole.SocialWorker or WorkerRole.AdvancedPractitioner
        or WorkerRole.TeamManager or WorkerRole.ServiceManager or WorkerRole.HeadOfService or WorkerRole.IndependentReviewingOfficer or WorkerRole.Lado;

    /// <summary>Whether <paramref name="worker"/> is in the census: a registered social worker in a
    /// social work role (<see cref="IsSocialWorkRole"/>). This is the one definition of who counts as
    /// a social worker in the workforce figures.</summary>
    public static bool InScope(Worker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        return !string.IsNullOrWhiteSpace(worker.Registration) && IsSocialWorkRole(worker.Role);
    }

    /// <summary>Whether <paramref name="worker"/> is a case-holding social worker (the caseload basis).</summary>
    public static bool CaseHolding(Worker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        return InScope(worker) && worker.Role is WorkerRole.SocialWorker or WorkerRole.AdvancedPractitioner;
    }

    /// <summary>The measures on <paramref name="asAt"/> from the council's teams, workers, allocations
    /// and recorded absences.</summary>
    public static WorkforceCensus On(
        DateOnly asAt,
        IEnumerable<Team> teams,
        IEnumerable<Worker> workers,
        IEnumerable<Allocation> allocations,
        IEnumerable<WorkerAbsence> absences)
    {
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentNullException.ThrowIfNull(absences);
        var yearStart = asAt.AddYears(-1).AddDays(1);
        var scoped = workers.Where(InScope).ToList();
        var inPost = scoped.Where(w => w.IsInPost(asAt)).ToList();
        var employed = inPost.Where(w => w.Employment == EmploymentType.Employed).ToList();
        var agency = inPost.Where(w => w.Employment == EmploymentType.Agency).ToList();

        decimal vacancies = 0, covering = 0;
        foreach (var team in teams)
        {
            var staffing = TeamStaffing.Of(team, inPost, asAt);
            vacancies += staffing.VacancyFte;
            covering += staffing.AgencyCoveringVacanciesFte;
        }

        var caseHolders = inPost.Where(CaseHolding).ToDictionary(w => w.Id);
        // A case handed over on the date is the new worker's that day (see AllocationRules).
        var cases = allocations.Count(a => a.StartDate <= asAt && (a.EndDate is null || a.EndDate > asAt) && caseHolders.ContainsKey(a.WorkerId));

        var employedIds = employed.ToDictionary(w => w.Id);
        decimal lost = 0, available = 0;
        foreach (var w in employed)
        {
            var from = w.StartDate > yearStart ? w.StartDate : yearStart;
            available += WorkingDaysIn(from, asAt) * w.Fte;
        }

        foreach (var a in absences.Where(a => a.Kind == AbsenceKind.Sickness && employedIds.ContainsKey(a.WorkerId)))
        {
            var w = employedIds[a.WorkerId];
            var from = Max(a.StartDate, yearStart, w.StartDate);
            var to = a.EndDate < asAt ? a.EndDate : asAt;
            if (from <= to)
            {
                lost += WorkingDaysIn(from, to) * w.Fte;
            }
        }

        return new WorkforceCensus(
            asAt,
            employed.Sum(w => w.Fte),
            agency.Sum(w => w.Fte),
            employed.Count,
            scoped.Where(w => w.Employment == EmploymentType.Employed && w.LeftDate is { } left && left >= yearStart && left <= asAt).Sum(w => w.Fte),
            vacancies,
            covering,
            cases,
            caseHolders.Values.Sum(w => w.Fte),
            lost,
            available);
    }

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/>, both counted
    /// (weekdays that are not bank holidays in England).</summary>
    public static int WorkingDaysIn(DateOnly from, DateOnly to) =>
        from > to ? 0 : WorkingDays.WorkingDaysBetween(from.AddDays(-1), to);

    private static DateOnly Max(DateOnly a, DateOnly b, DateOnly c) => a > b ? (a > c ? a : c) : (b > c ? b : c);

    private static decimal? Percent(decimal part, decimal whole) =>
        whole == 0 ? null : Math.Round(part / whole * 100, 1, MidpointRounding.AwayFromZero);
}
