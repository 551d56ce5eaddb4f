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

/// <summary>
/// "Your records that would fail the return": every DfE validation rule the records of the signed-in worker's
/// children break, as the CIN census and SSDA903 of the current collection year would be made from the record now,
/// each with a link to the child's record to put it right; and how many there were in the years before.
/// </summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class IndexModel(LanternDbContext db, LanternDataOptions options, IMemoryCache cache, IServiceScopeFactory scopes, ChildAccessService access, ChildRecordCache records, AuditWriter audit) : PageModel
{
    public bool HasWorker { get; private set; }

    public QualitySnapshot Snapshot { get; private set; } = null!;

    public IReadOnlyList<QualityRow> Rows { get; private set; } = [];

    public IReadOnlyList<(CollectionYear Year, QualityCount Count)> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var lists = new WorkLists(db, options, cache, scopes, access, records);
        Snapshot = await DataQualityLists.SnapshotAsync(lists, options, cancellationToken);
        if (User.Worker() is { } me)
        {
            HasWorker = true;
            Rows = await QualityRows.BuildAsync(Snapshot.Issues.Where(i => i.WorkerId == me), db, access, User, cancellationToken);
            History = [.. Snapshot.Years.Select(y => (y.Year, y.Total(w => w == me)))];
        }

        await audit.WriteAsync(AuditAction.Search, true, detail: $"data quality, my records: {Rows.Select(r => r.ChildId).Distinct().Count()} children", cancellationToken: cancellationToken);
        return Page();
    }
}
