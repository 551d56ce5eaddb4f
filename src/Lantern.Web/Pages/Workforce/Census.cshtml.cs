using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Workforce;

/// <summary>One measure of the census as the page shows it.</summary>
/// <param name="Name">The measure, in plain English.</param>
/// <param name="Definition">How it is defined, in plain English.</param>
/// <param name="Value">The council's figure ("Not available" when there is nothing to divide by).</param>
/// <param name="WorkedOut">The numerator and denominator it is worked out from.</param>
/// <param name="England">England's figure at 30 September 2023.</param>
public sealed record CensusMeasure(string Name, string Definition, string Value, string WorkedOut, string England);

/// <summary>The children's social work workforce census measures (<see cref="WorkforceCensus"/>,
/// domain reference section 4.14) for the whole council as at a 30 September: the most recent on or
/// before today, or an earlier one chosen with <c>?year=</c> (years from the first 30 September in
/// the council's records). Each measure is shown with its definition, the figures it is worked out
/// from and England's figure at 30 September 2023 (DfE, <c>csww_indicators</c>). A year that is not
/// a number or has no figures gets a GOV.UK error naming the year field, with the years there are.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class CensusModel(LanternDbContext db, LanternDataOptions options, AuditWriter audit, WorkLists lists) : PageModel
{
    /// <summary>The date of England's figures shown for comparison.</summary>
    public static readonly DateOnly EnglandAsAt = new(2023, 9, 30);

    public DateOnly Today => options.Today;

    /// <summary>The 30 Septembers with figures, latest first.</summary>
    public IReadOnlyList<DateOnly> Dates { get; private set; } = [];

    /// <summary>The value of the year field, as asked for (shown again when it is wrong).</summary>
    public string? Year { get; private set; }

    /// <summary>The first day of the council's records, when known.</summary>
    public DateOnly? RecordsFrom { get; private set; }

    /// <summary>The measures on the date chosen; null when there is none (no years, or a wrong year).</summary>
    public WorkforceCensus? Census { get; private set; }

    public IReadOnlyList<CensusMeasure> Measures { get; private set; } = [];

    /// <summary>The first day of the year of flows (leavers and sickness) of the census shown.</summary>
    public DateOnly? YearFrom => Census?.AsAt.AddYears(-1).AddDays(1);

    public Govuk.ErrorSummary Errors => Govuk.ErrorSummary.FromModelState(ModelState, new Dictionary<string, string> { ["year"] = "year" });

    /// <summary>The latest 30 September on or before <paramref name="today"/>.</summary>
    public static DateOnly LatestOn(DateOnly today) =>
        today >= new DateOnly(today.Year, 9, 30) ? new DateOnly(today.Year, 9, 30) : new DateOnly(today.Year - 1, 9, 30);

    public async Task<IActionResult> OnGetAsync([FromQuery] string? year, CancellationToken cancellationToken)
    {
        var (_, authority) = await ChildFiles.AuthorityAsync(db, cancellationToken);
        DateOnly? from = authority.DataFrom == default ? await db.Workers.AsNoTracking().MinAsync(w => (DateOnly?)w.StartDate, cancellationToken) : authority.DataFrom;
        RecordsFrom = from;
        var latest = LatestOn(Today);
        var dates = new List<DateOnly>();
        if (from is { } first)
        {
            for (var d = latest; d >= first; d = d.AddYears(-1))
            {
                dates.Add(d);
            }
        }

        Dates = dates;
        Year = string.IsNullOrWhiteSpace(year) ? null : year.Trim();
        DateOnly? asAt = null;
        if (Year is null)
        {
            asAt = Dates.Count > 0 ? Dates[0] : null;
        }
        else if (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            ModelState.AddModelError("year", "Year must be a number, like " + latest.Year.ToString(CultureInfo.InvariantCulture));
        }
        else if (Dates.Any(d => d.Year == y))
        {
            asAt = Dates.Single(d => d.Year == y);
        }
        else
        {
            ModelState.AddModelError(
                "year",
                Dates.Count == 0
                    ? $"There are no census figures for 30 September {y.ToString(CultureInfo.InvariantCulture)}: the council's records have no 30 September yet"
                    : $"There are no census figures for 30 September {y.ToString(CultureInfo.InvariantCulture)}: choose a year from {Dates[^1].Year.ToString(CultureInfo.InvariantCulture)} to {Dates[0].Year.ToString(CultureInfo.InvariantCulture)}");
        }

        if (asAt is { } on)
        {
            // Kept like the team lists: rebuilt in the background after the workforce or the record changes.
            Census = await lists.KeptAsync("Census." + Display.Iso(on), (context, ct) => ComputeAsync(context, on, ct), cancellationToken);
            Measures = Describe(Census);
        }

        await audit.WriteAsync(
            AuditAction.Search,
            true,
            detail: Census is { } c ? $"workforce census as at {Display.Iso(c.AsAt)}" : "workforce census: no year shown",
            cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>The census on <paramref name="asAt"/> from the council's teams and workers, the
    /// allocations open on the date and the sickness in the year to it.</summary>
    public static async Task<WorkforceCensus> ComputeAsync(LanternDbContext db, DateOnly asAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var yearFrom = asAt.AddYears(-1).AddDays(1);
        var teams = await db.Teams.AsNoTracking().ToListAsync(cancellationToken);
        var workers = await db.Workers.AsNoTracking().ToListAsync(cancellationToken);
        var allocations = await db.Allocations.AsNoTracking()
            .Where(a => a.StartDate <= asAt && (a.EndDate == null || a.EndDate > asAt))
            .Select(a => new Allocation { Id = a.Id, ChildId = a.ChildId, WorkerId = a.WorkerId, StartDate = a.StartDate, EndDate = a.EndDate })
            .ToListAsync(cancellationToken);
        var absences = await db.WorkerAbsences.AsNoTracking()
            .Where(a => a.Kind == AbsenceKind.Sickness && a.EndDate >= yearFrom && a.StartDate <= asAt)
            .ToListAsync(cancellationToken);
        return WorkforceCensus.On(asAt, teams, workers, allocations, absences);
    }

    /// <summary>Each measure of <paramref name="c"/> with its definition, workings and England's figure.</summary>
    public static IReadOnlyList<CensusMeasure> Describe(WorkforceCensus c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return
        [
            new(
                "Social workers in post",
                "Full-time equivalent (FTE) of registered social workers in a social work role employed by the council and in post on 30 September. Agency workers are not counted.",
                Fte(c.EmployedFte) + " FTE",
                string.Create(CultureInfo.InvariantCulture, $"{c.Headcount:N0} {(c.Headcount == 1 ? "person" : "people")}"),
                "33,119 FTE"),
            new(
                "Turnover rate",
                "FTE of employed social workers who left in the year to 30 September, as a share of the FTE in post on 30 September.",
                Percent(c.TurnoverRate),
                $"{Fte(c.LeaverFte)} FTE leavers ÷ {Fte(c.EmployedFte)} FTE in post × 100",
                "15.9%"),
            new(
                "Agency rate",
                "FTE of agency social workers (not paid directly by the council) as a share of all social workers, agency and employed, on 30 September.",
                Percent(c.AgencyRate),
                $"{Fte(c.AgencyFte)} agency FTE ÷ ({Fte(c.AgencyFte)} agency FTE + {Fte(c.EmployedFte)} employed FTE) × 100",
                "17.8%"),
            new(
                "Vacancy rate",
                "FTE of established posts not filled by an employed social worker, as a share of vacancies and employed social workers together, on 30 September.",
                Percent(c.VacancyRate),
                $"{Fte(c.VacancyFte)} vacancy FTE ÷ ({Fte(c.VacancyFte)} vacancy FTE + {Fte(c.EmployedFte)} employed FTE) × 100",
                "18.9%"),
            new(
                "Vacancies covered by agency workers",
                "FTE of agency social workers covering a vacancy (in each team, the smaller of its agency FTE and its vacancies), as a share of vacancies.",
                Percent(c.AgencyCoverOfVacancies),
                $"{Fte(c.AgencyCoveringVacanciesFte)} agency FTE covering vacancies ÷ {Fte(c.VacancyFte)} vacancy FTE × 100",
                "74.4%"),
            new(
                "Agency workers covering vacancies",
                "FTE of agency social workers covering a vacancy, as a share of all agency social workers.",
                Percent(c.AgencyCoveringVacanciesShare),
                $"{Fte(c.AgencyCoveringVacanciesFte)} agency FTE covering vacancies ÷ {Fte(c.AgencyFte)} agency FTE × 100",
                "80.1%"),
            new(
                "Average caseload",
                "Cases held on 30 September by case-holding social workers (social workers and advanced practitioners, employed or agency), per FTE of those workers. A case handed over on the day counts for the new worker only.",
                c.Caseload is { } load ? load.ToString("0.0", CultureInfo.InvariantCulture) : "Not available",
                string.Create(CultureInfo.InvariantCulture, $"{c.CasesHeld:N0} cases ÷ {Fte(c.CaseHoldingFte)} case-holding FTE"),
                "16.0"),
            new(
                "Sickness absence rate",
                "Working days lost to sickness in the year to 30 September by employed social workers in post on 30 September, as a share of the working days they were in post in the year (both weighted by FTE).",
                Percent(c.AbsenceRate),
                $"{Fte(c.WorkingDaysLost)} days lost ÷ {Fte(c.AvailableWorkingDays)} available working days × 100",
                "3.2%"),
        ];
    }

    public static string Fte(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static string Percent(decimal? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "Not available";
}
