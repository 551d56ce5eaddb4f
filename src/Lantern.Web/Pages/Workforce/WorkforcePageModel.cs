using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Staffing;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Workforce;

/// <summary>The base of the workforce pages drawn from <see cref="WorkforceLists"/> (supervision,
/// oversight, changes of worker): the person's scope with its team filter (a team they may not
/// choose, or a malformed one, is not found), the council's standards, the kept snapshot, and an
/// audit entry saying what was listed.</summary>
public abstract class WorkforcePageModel(LanternDataOptions options, WorkLists lists, WorkforceLists workforce, ChildAccessService access, AuditWriter audit, LanternDbContext db, string path) : PageModel
{
    public DateOnly Today => options.Today;

    public TeamFilter Filter { get; private set; } = null!;

    public string ScopeName { get; private set; } = "";

    public WorkforceStandards Standards { get; private set; } = WorkforceStandards.Default;

    public WorkforceSnapshot Snapshot { get; private set; } = null!;

    public WorkerDirectory Directory { get; private set; } = null!;

    /// <summary>What the audit entry says was listed.</summary>
    protected abstract string Listed { get; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? team, CancellationToken cancellationToken)
    {
        if (await lists.ChooseAsync(User, team, cancellationToken) is not { } choice)
        {
            return NotFound();
        }

        Filter = new TeamFilter(choice.Scope, choice.TeamId, path);
        ScopeName = choice.Name;
        Directory = await access.DirectoryAsync(cancellationToken);
        Standards = await WorkforceLists.StandardsAsync(db, cancellationToken);
        Snapshot = await workforce.ForAsync(choice.Scope, Standards, cancellationToken);
        await audit.WriteAsync(
            AuditAction.Search,
            true,
            detail: string.Create(CultureInfo.InvariantCulture, $"{path} ({(choice.TeamId is { } t ? "team " + t.ToString(CultureInfo.InvariantCulture) : "all in scope")}): {Listed}"),
            cancellationToken: cancellationToken);
        return Page();
    }

    public string TeamName(long teamId) => Directory.Teams.TryGetValue(teamId, out var t) ? t.Name : "No team";

    public string WorkerName(long workerId) => Directory.Worker(workerId)?.Name ?? "Unknown worker";
}
