using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Web.Pages.Audit;

/// <summary>Break-glass access by the people in the viewer's management line (everyone's, for the
/// head of service or director), with the reasons they gave.</summary>
[RequirePermission(Permission.ViewTeamBreakGlass)]
public sealed class BreakGlassModel(LanternDbContext db, ChildAccessService access, LanternDataOptions data, IOptions<AccessOptions> options) : PageModel
{
    public int Days => options.Value.BreakGlassReportDays;

    public DateTime Since { get; private set; }

    public bool Everyone { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // See UnusualAccess.ReportStart for why the period is anchored on the app's "today".
        Since = UnusualAccess.ReportStart(DateTime.UtcNow, data.Today, Days);
        var since = Since;
        var entries = db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.BreakGlass && e.Succeeded && e.At >= since);
        Everyone = User.StaffRole() == StaffRole.Director;
        if (!Everyone)
        {
            var staff = await access.StaffAsync(cancellationToken);
            var managed = staff?.ManagedWorkerIds.ToList() ?? [];
            var userIds = db.Users.Where(u => u.WorkerId != null && managed.Contains(u.WorkerId.Value)).Select(u => u.Id);
            entries = entries.Where(e => e.UserId != null && userIds.Contains(e.UserId));
        }

        var list = await entries
            .OrderByDescending(e => e.Id)
            .Take(1000)
            .Select(e => new { e.At, e.UserName, e.Role, e.ChildId, e.Reason })
            .ToListAsync(cancellationToken);
        var childIds = list.Where(e => e.ChildId != null).Select(e => e.ChildId!.Value).Distinct().ToList();
        var children = await db.Children.AsNoTracking()
            .Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, c.GivenName, c.FamilyName, c.LaChildId })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        Rows = [.. list.Select(e => new Row(
            e.At,
            e.UserName,
            e.Role,
            e.ChildId,
            e.ChildId is { } id && children.TryGetValue(id, out var c) ? $"{c.GivenName} {c.FamilyName} ({c.LaChildId})" : e.ChildId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            e.Reason ?? ""))];
        return Page();
    }

    public sealed record Row(DateTime At, string UserName, StaffRole? Role, long? ChildId, string Child, string Reason);
}
