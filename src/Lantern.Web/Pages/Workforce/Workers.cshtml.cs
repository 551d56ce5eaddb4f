using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
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
/// date, each linking to the worker's page.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class WorkersModel(LanternDbContext db, LanternDataOptions options, WorkLists lists, AuditWriter audit) : PageModel
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
        var (teams, _, inScope) = await TeamsModel.ReadAsync(db, Scope, cancellationToken);
        var names = teams.ToDictionary(t => t.Id, t => t.Name);
        Rows =
        [
            .. inScope.Where(w => w.IsInPost(today))
                .OrderBy(w => w.FamilyName, StringComparer.Ordinal).ThenBy(w => w.GivenName, StringComparer.Ordinal).ThenBy(w => w.Id)
                .Select(w => new WorkerRow(w.Id, w.DisplayName, w.Role, names.GetValueOrDefault(w.TeamId, "No team"), w.Employment == EmploymentType.Agency, w.Fte, w.IsAsyeOn(today), w.StartDate)),
        ];

        await audit.WriteAsync(
            AuditAction.Search,
            true,
            detail: string.Create(CultureInfo.InvariantCulture, $"workers in post ({(TeamId is { } t ? "team " + t.ToString(CultureInfo.InvariantCulture) : "all in scope")}): {Rows.Count} workers"),
            cancellationToken: cancellationToken);
        return Page();
    }
}
