using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Returns;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Returns;

/// <summary>The recorded return jobs, newest first: who asked for what, when, how far it has got and
/// how it ended, each linking to its page (progress, counts, problems, files).</summary>
[RequirePermission(Permission.ExportReturns)]
public sealed class IndexModel(LanternDbContext db, ReturnJobQueue queue) : PageModel
{
    /// <summary>Jobs listed (the newest).</summary>
    public const int MaxJobs = 100;

    public IReadOnlyList<ReturnJobRow> Jobs { get; private set; } = [];

    public int TotalJobs { get; private set; }

    public bool MayImport => User.Has(Permission.ImportReturns);

    public bool AnyRunning => Jobs.Any(j => j.Status is ReturnJobStatus.Queued or ReturnJobStatus.Running);

    public ReturnJobQueue Queue => queue;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TotalJobs = await db.ReturnJobs.CountAsync(cancellationToken);
        Jobs = await db.ReturnJobs.AsNoTracking().OrderByDescending(j => j.Id).Take(MaxJobs).ToListAsync(cancellationToken);
    }
}
