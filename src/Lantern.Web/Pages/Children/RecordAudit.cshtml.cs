using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Access;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children;

/// <summary>"Who has seen this record": the audit entries about one child, newest first. The data
/// protection officer may see it for any child that is not hidden from them; managers only for
/// children whose records they may open. Looking is itself audited.</summary>
[RequirePermission(Permission.ViewRecordAudit)]
public sealed class RecordAuditModel(LanternDbContext db, ChildAccessService access, AuditWriter audit) : PageModel
{
    public const int PageSize = 50;

    public long ChildId { get; private set; }

    public string ChildName { get; private set; } = "";

    public string LaChildId { get; private set; } = "";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int PageCount { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        var decision = await access.DecideAsync(id, cancellationToken);
        if (decision is not { } d || d.Level == ChildAccessLevel.Hidden)
        {
            await audit.WriteAsync(AuditAction.AccessDenied, false, id, detail: "who has seen: " + (decision is null ? "no such child" : "restricted record"), cancellationToken: cancellationToken);
            return NotFound();
        }

        var allowed = User.StaffRole() == StaffRole.DataProtectionOfficer || d.CanOpen;
        if (!allowed)
        {
            await audit.WriteAsync(AuditAction.ViewRecordAudit, false, id, d.Basis, detail: "refused: no relationship with the child", cancellationToken: cancellationToken);
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var child = await db.Children.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { c.GivenName, c.FamilyName, c.LaChildId })
            .FirstAsync(cancellationToken);
        ChildId = id;
        ChildName = $"{child.GivenName} {child.FamilyName}";
        LaChildId = child.LaChildId;

        await audit.WriteAsync(AuditAction.ViewRecordAudit, true, id, d.Basis, detail: $"who has seen this record, page {Math.Max(1, PageNumber)}", cancellationToken: cancellationToken);

        var entries = db.AuditEntries.AsNoTracking().Where(e => e.ChildId == id);
        Total = await entries.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await entries
            .OrderByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
