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

/// <summary>One team's row on the teams page.</summary>
public sealed record TeamRow(long TeamId, string Name, TeamStaffing Staffing);

/// <summary>A worker who started or left (or is due to), for the starters and leavers tables.</summary>
public sealed record StaffChange(long WorkerId, string Name, WorkerRole Role, string Team, bool Agency, DateOnly Date);

/// <summary>The teams in the person's scope (their teams, their service, or every team for a
/// director, with the team filter) and their social work establishment today: established FTE,
/// employed and agency FTE, vacancies, newly qualified social workers and headcount, counted as the
/// workforce census counts them (<see cref="TeamStaffing"/>: registered social workers in a social
/// work role); and the workers in scope who started or left in the last twelve months, or are due to.
/// A team's figures count everyone in the team (its establishment is the team's), while the starters
/// and leavers are only the workers whose work the person sees. Read on each request: the workforce
/// tables are small, and a starter just recorded shows at once.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class TeamsModel(LanternDbContext db, LanternDataOptions options, WorkLists lists, AuditWriter audit) : PageModel
{
    public DateOnly Today => options.Today;

    /// <summary>The first day of the twelve months to today.</summary>
    public DateOnly YearFrom => Today.AddYears(-1).AddDays(1);

    public WorkScope Scope { get; private set; } = null!;

    public long? TeamId { get; private set; }

    public string ScopeName { get; private set; } = "";

    public IReadOnlyList<TeamRow> Rows { get; private set; } = [];

    /// <summary>The teams' figures added up.</summary>
    public TeamStaffing Totals { get; private set; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Started in the twelve months to today, or due to start; latest first.</summary>
    public IReadOnlyList<StaffChange> Starters { get; private set; } = [];

    /// <summary>Left in the twelve months to today, or due to leave; latest first.</summary>
    public IReadOnlyList<StaffChange> Leavers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] string? team, CancellationToken cancellationToken)
    {
        if (await lists.ChooseAsync(User, team, cancellationToken) is not { } choice)
        {
            return NotFound();
        }

        (Scope, TeamId, ScopeName) = (choice.Scope, choice.TeamId, choice.Name);
        var today = Today;
        var (teams, workers, inScope) = await ReadAsync(db, Scope, cancellationToken);
        Rows =
        [
            .. teams
                .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id)
                .Select(t => new TeamRow(t.Id, t.Name, TeamStaffing.Of(t, workers, today))),
        ];
        Totals = new TeamStaffing(
            0,
            Rows.Sum(r => r.Staffing.EstablishmentFte),
            Rows.Sum(r => r.Staffing.EmployedFte),
            Rows.Sum(r => r.Staffing.AgencyFte),
            Rows.Sum(r => r.Staffing.VacancyFte),
            Rows.Sum(r => r.Staffing.AgencyCoveringVacanciesFte),
            Rows.Sum(r => r.Staffing.EmployedHeadcount),
            Rows.Sum(r => r.Staffing.AgencyHeadcount),
            Rows.Sum(r => r.Staffing.NewlyQualified));

        var names = teams.ToDictionary(t => t.Id, t => t.Name);
        StaffChange Change(Worker w, DateOnly date) =>
            new(w.Id, w.DisplayName, w.Role, names.GetValueOrDefault(w.TeamId, "No team"), w.Employment == EmploymentType.Agency, date);
        Starters =
        [
            .. inScope.Where(w => w.StartDate >= YearFrom)
                .Select(w => Change(w, w.StartDate))
                .OrderByDescending(c => c.Date).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.WorkerId),
        ];
        Leavers =
        [
            .. inScope.Where(w => w.LeftDate is { } left && left >= YearFrom)
                .Select(w => Change(w, w.LeftDate!.Value))
                .OrderByDescending(c => c.Date).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.WorkerId),
        ];

        await audit.WriteAsync(
            AuditAction.Search,
            true,
            detail: string.Create(CultureInfo.InvariantCulture, $"teams and establishment ({(TeamId is { } t ? "team " + t.ToString(CultureInfo.InvariantCulture) : "all in scope")}): {Rows.Count} teams, {Starters.Count} starters, {Leavers.Count} leavers"),
            cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>The teams of <paramref name="scope"/>, every worker in them (for the teams' figures)
    /// and the workers in the scope (whose names the person may see).</summary>
    internal static async Task<(List<Team> Teams, List<Worker> Workers, List<Worker> InScope)> ReadAsync(LanternDbContext db, WorkScope scope, CancellationToken cancellationToken)
    {
        var teamIds = scope.Teams.Select(t => t.Id).ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToListAsync(cancellationToken);
        var workers = await db.Workers.AsNoTracking().Where(w => teamIds.Contains(w.TeamId)).ToListAsync(cancellationToken);

        // A scope's workers are all in its teams (its teams are theirs).
        var inScope = scope.Everyone ? workers : [.. workers.Where(w => scope.Workers.Contains(w.Id))];
        return (teams, workers, inScope);
    }
}
