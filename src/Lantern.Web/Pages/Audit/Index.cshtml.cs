using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Audit;

/// <summary>The audit trail for the data protection officer: the latest entries, optionally only
/// one person's (by user name) or one child's (by Lantern id or child ID). The filter is posted, so
/// names never sit in the address; the alerts page links here with the person's account id, which is
/// not personal data. Reading the trail is itself audited.</summary>
[RequirePermission(Permission.ViewAuditTrail)]
public sealed class IndexModel(LanternDbContext db, AuditWriter audit) : PageModel
{
    public const int MaxEntries = 200;

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Child { get; set; }

    /// <summary>An account id, from the alerts page's link.</summary>
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    public string? ChildError { get; private set; }

    public string? FilterDescription { get; private set; }

    public long TotalEntries { get; private set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        UserName = null;
        Child = null;
        return ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        UserId = null;
        UserName = string.IsNullOrWhiteSpace(UserName) ? null : UserName.Trim();
        Child = string.IsNullOrWhiteSpace(Child) ? null : Child.Trim();
        if (UserName is { Length: > 256 })
        {
            ModelState.AddModelError(nameof(UserName), "User name must be 256 characters or fewer");
        }

        if (Child is { Length: > 40 })
        {
            ChildError = "Child must be 40 characters or fewer";
            ModelState.AddModelError(nameof(Child), ChildError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        var filters = new List<string>();
        if (!string.IsNullOrWhiteSpace(UserId))
        {
            var id = UserId.Trim();
            query = query.Where(e => e.UserId == id);
            filters.Add($"account {id}");
        }

        if (UserName is { } name)
        {
            var lower = name.ToLowerInvariant();
#pragma warning disable CA1862 // ToLower translates to SQL on both providers; StringComparison does not.
            query = query.Where(e => e.UserName.ToLower() == lower);
#pragma warning restore CA1862
            filters.Add($"user name \"{name}\"");
        }

        if (Child is { } child)
        {
            var ids = await db.Children.AsNoTracking()
                .Where(c => c.LaChildId == child)
                .Select(c => c.Id)
                .ToListAsync(cancellationToken);
            if (long.TryParse(child, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                ids.Add(number);
            }

            query = query.Where(e => e.ChildId != null && ids.Contains(e.ChildId.Value));
            filters.Add($"child \"{child}\"");
        }

        FilterDescription = filters.Count == 0 ? null : string.Join(" and ", filters);
        await audit.WriteAsync(AuditAction.ViewRecordAudit, true, detail: "audit trail" + (FilterDescription is null ? "" : ": " + FilterDescription), cancellationToken: cancellationToken);
        TotalEntries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Select(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        Entries = await query.OrderByDescending(e => e.Id).Take(MaxEntries).ToListAsync(cancellationToken);
        return Page();
    }
}
