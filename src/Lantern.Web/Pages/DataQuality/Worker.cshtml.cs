using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Returns;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.DataQuality;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Lantern.Web.Pages.DataQuality;

/// <summary>One worker's records that would fail the return, for a manager whose team view covers the worker.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class WorkerModel(LanternDbContext db, LanternDataOptions options, IMemoryCache cache, IServiceScopeFactory scopes, ChildAccessService access, ChildRecordCache records, AuditWriter audit) : PageModel
{
    public string WorkerName { get; private set; } = "";

    public string TeamName { get; private set; } = "";

    public QualitySnapshot Snapshot { get; private set; } = null!;

    public IReadOnlyList<QualityRow> Rows { get; private set; } = [];

    public IReadOnlyList<(CollectionYear Year, QualityCount Count)> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var lists = new WorkLists(db, options, cache, scopes, access, records);
        if (await lists.WorkerInScopeAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        WorkerName = found.Worker.GivenName + " " + found.Worker.FamilyName;
        TeamName = found.TeamName;
        Snapshot = await DataQualityLists.SnapshotAsync(lists, options, cancellationToken);
        Rows = await QualityRows.BuildAsync(Snapshot.Issues.Where(i => i.WorkerId == id), db, access, User, cancellationToken);
        History = [.. Snapshot.Years.Select(y => (y.Year, y.Total(w => w == id)))];
        await audit.WriteAsync(AuditAction.Search, true, detail: $"data quality, worker {id}: {Rows.Select(r => r.ChildId).Distinct().Count()} children", cancellationToken: cancellationToken);
        return Page();
    }
}
