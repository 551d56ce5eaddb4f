using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Access;
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
/// and leavers are only the workers whose work the person sees. Kept like the team lists
/// (<see cref="WorkLists.KeptAsync"/>) per scope and the teams' members, so a starter just recorded
/// (a new member) shows at once, and other changes within about a minute.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class TeamsModel(LanternDataOptions options, WorkLists lists, ChildAccessService access, AuditWriter audit) : PageModel
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
        var directory = await access.DirectoryAsync(cancellationToken);
        var scope = Scope;
        var yearFrom = YearFrom;
        (Rows, Totals, Starters, Leavers) = await lists.KeptAsync(
            "Teams." + KeyOf(scope, directory),
            (context, ct) => ComputeAsync(context, scope, today, yearFrom, ct),
            cancellationToken);

        await audit.WriteAsync(
            AuditAction.Search,
            true,
            detail: string.Create(CultureInfo.InvariantCulture, $"teams and establishment ({(TeamId is { } t ? "team " + t.ToString(CultureInfo.InvariantCulture) : "all in scope")}): {Rows.Count} teams, {Starters.Count} starters, {Leavers.Count} leavers"),
            cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>The key a list of <paramref name="scope"/>'s workers is kept under: the scope and who
    /// is in its teams, so a new worker (a new member) is seen at once.</summary>
    internal static string KeyOf(WorkScope scope, WorkerDirectory directory)
    {
        var members = new HashCode();
        foreach (var t in scope.Teams)
        {
            members.Add(directory.MembersKey(t.Id), StringComparer.Ordinal);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{scope.Key}.{members.ToHashCode()}");
    }

    /// <summary>The teams' figures, their totals, and the starters and leavers in scope.</summary>
    private static async Task<(IReadOnlyList<TeamRow> Rows, TeamStaffing Totals, IReadOnlyList<StaffChange> Starters, IReadOnlyList<StaffChange> Leavers)> ComputeAsync(
        LanternDbContext db, WorkScope scope, DateOnly today, DateOnly yearFrom, CancellationToken cancellationToken)
    {
        var (teams, workers, inScope) = await ReadAsync(db, scope, cancellationToken);
        var byTeam = workers.ToLookup(w => w.TeamId);
        IReadOnlyList<TeamRow> rows =
        [
            .. teams
                .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id)
                .Select(t => new TeamRow(t.Id, t.Name, TeamStaffing.Of(t, byTeam[t.Id], today))),
        ];
        var totals = new TeamStaffing(
            0,
            rows.Sum(r => r.Staffing.EstablishmentFte),
            rows.Sum(r => r.Staffing.EmployedFte),
            rows.Sum(r => r.Staffing.AgencyFte),
            rows.Sum(r => r.Staffing.VacancyFte),
            rows.Sum(r => r.Staffing.AgencyCoveringVacanciesFte),
            rows.Sum(r => r.Staffing.EmployedHeadcount),
            rows.Sum(r => r.Staffing.AgencyHeadcount),
            rows.Sum(r => r.Staffing.NewlyQualified));

        var names = teams.ToDictionary(t => t.Id, t => t.Name);
        StaffChange Change(Worker w, DateOnly date) =>
            new(w.Id, w.DisplayName, w.Role, names.GetValueOrDefault(w.TeamId, "No team"), w.Employment == EmploymentType.Agency, date);
        IReadOnlyList<StaffChange> starters =
        [
            .. inScope.Where(w => w.StartDate >= yearFrom)
                .Select(w => Change(w, w.StartDate))
                .OrderByDescending(c => c.Date).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.WorkerId),
        ];
        IReadOnlyList<StaffChange> leavers =
        [
            .. inScope.Where(w => w.LeftDate is { } left && left >= yearFrom)
                .Select(w => Change(w, w.LeftDate!.Value))
                .OrderByDescending(c => c.Date).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.WorkerId),
        ];
        return (rows, totals, starters, leavers);
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
