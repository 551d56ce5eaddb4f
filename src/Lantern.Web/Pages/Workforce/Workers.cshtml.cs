using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Workforce;

/// <summary>One worker in post on the workers list.</summary>
public sealed record WorkerRow(long WorkerId, string Name, WorkerRole Role, string Team, bool Agency, decimal Fte, bool NewlyQualified, DateOnly StartDate);

/// <summary>Every worker in post today whose work the person sees (their team and the people they
/// manage, their service, or every team for a director, with the team filter), in any role: role,
/// team, employment, FTE, whether newly qualified (in the assessed and supported year) and start
/// date, each linking to the worker's page. Kept like the teams page (<see cref="TeamsModel.KeyOf"/>);
/// the page shows the first 200 in name order, a team all of its own.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class WorkersModel(LanternDataOptions options, WorkLists lists, ChildAccessService access, AuditWriter audit) : PageModel
{
    public DateOnly Today => options.Today;

    public WorkScope Scope { get; private set; } = null!;

    public long? TeamId { get; private set; }

    public string ScopeName { get; private set; } = "";

    public IReadOnlyList<WorkerRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] string? team, CancellationToken cancellationToken)
    {
        if (await lists.ChooseAsync(User, team, cancellationToken) is not { } choice)
        {
            return NotFound();
        }

        (Scope, TeamId, ScopeName) = (choice.Scope, choice.TeamId, choice.Name);
        var today = Today;
        var scope = Scope;
        var directory = await access.DirectoryAsync(cancellationToken);
        Rows = await lists.KeptAsync("Workers." + TeamsModel.KeyOf(scope, directory), (db, ct) => ComputeAsync(db, scope, today, ct), cancellationToken);

        await audit.WriteAsync(
            AuditAction.Search,
            true,
            detail: string.Create(CultureInfo.InvariantCulture, $"workers in post ({(TeamId is { } t ? "team " + t.ToString(CultureInfo.InvariantCulture) : "all in scope")}): {Rows.Count} workers"),
            cancellationToken: cancellationToken);
        return Page();
    }

    private static async Task<IReadOnlyList<WorkerRow>> ComputeAsync(LanternDbContext db, WorkScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        var (teams, _, inScope) = await TeamsModel.ReadAsync(db, scope, cancellationToken);
        var names = teams.ToDictionary(t => t.Id, t => t.Name);
        return
        [
            .. inScope.Where(w => w.IsInPost(today))
                .OrderBy(w => w.FamilyName, StringComparer.Ordinal).ThenBy(w => w.GivenName, StringComparer.Ordinal).ThenBy(w => w.Id)
                .Select(w => new WorkerRow(w.Id, w.DisplayName, w.Role, names.GetValueOrDefault(w.TeamId, "No team"), w.Employment == EmploymentType.Agency, w.Fte, w.IsAsyeOn(today), w.StartDate)),
        ];
    }
}
