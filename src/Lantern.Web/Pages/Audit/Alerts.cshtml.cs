using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Web.Pages.Audit;

/// <summary>Unusual access: people who opened many records outside their own work in a short time
/// (<see cref="UnusualAccess"/>), with the threshold and window from <c>Lantern:Access</c>.</summary>
[RequirePermission(Permission.ViewAccessAlerts)]
public sealed class AlertsModel(LanternDbContext db, LanternDataOptions data, IOptions<AccessOptions> options) : PageModel
{
    public int Threshold => Math.Max(1, options.Value.AlertThreshold);

    public int WindowMinutes => Math.Max(1, options.Value.AlertWindowMinutes);

    public int LookbackDays => Math.Max(1, options.Value.AlertLookbackDays);

    public DateTime Since { get; private set; }

    public IReadOnlyList<AccessAlert> Alerts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // See UnusualAccess.ReportStart for why the period is anchored on the app's "today".
        Since = UnusualAccess.ReportStart(DateTime.UtcNow, data.Today, LookbackDays);
        var since = Since;
        var outside = UnusualAccess.OutsideOwnWork.ToList();
        var events = await db.AuditEntries.AsNoTracking()
            .Where(e => e.At >= since && e.Succeeded && e.UserId != null && e.ChildId != null
                && ((e.Action == AuditAction.ReadRecord && e.Basis != null && outside.Contains(e.Basis.Value))
                    || e.Action == AuditAction.BreakGlass))
            .Select(e => new { e.UserId, e.UserName, e.Role, e.ChildId, e.At })
            .ToListAsync(cancellationToken);
        Alerts = UnusualAccess.Find(
            events.Select(e => new AccessEvent(e.UserId!, e.UserName, e.Role, e.ChildId!.Value, e.At)),
            Threshold,
            TimeSpan.FromMinutes(WindowMinutes));
    }
}
