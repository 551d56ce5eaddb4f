using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Access;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Children;

/// <summary>Breaking the glass: someone whose role allows it opens a record outside their own work
/// by writing down why. The grant is for the child in the address only (never one named in the form),
/// lasts until the end of the current UTC day, and is audited with the reason. Nobody can break the
/// glass into a restricted record: that is the same 404 as a child that does not exist.</summary>
[RequirePermission(Permission.FindChildren)]
public sealed class BreakGlassModel(LanternDbContext db, ChildAccessService access, AuditWriter audit) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public KnownOnlyView? KnownOnly { get; private set; }

    /// <summary>The form is on the record's "known only" page; this address only takes the post.</summary>
    public IActionResult OnGet([FromRoute] long id) => RedirectToPage("/Children/Record", new { id });

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        var decision = await access.DecideAsync(id, cancellationToken);
        if (decision is not { } d || d.Level == ChildAccessLevel.Hidden)
        {
            await audit.WriteAsync(AuditAction.AccessDenied, false, id, detail: decision is null ? "break glass: no such child" : "break glass: restricted record", cancellationToken: cancellationToken);
            return NotFound();
        }

        if (!User.Has(Permission.BreakGlass))
        {
            await audit.WriteAsync(AuditAction.BreakGlass, false, id, reason: Truncate(Reason), detail: "refused: the role may not break the glass", cancellationToken: cancellationToken);
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (d.CanOpen)
        {
            // Nothing to break: the record is already theirs to open (the read is audited there).
            return RedirectToPage("/Children/Record", new { id });
        }

        if (KnownOnlyView.Validate(Reason) is { } error)
        {
            var view = await KnownOnlyView.LoadAsync(db, access, id, canBreakGlass: true, canSeeAudit: false, cancellationToken);
            if (view is null)
            {
                return NotFound();
            }

            KnownOnly = view with { Reason = Truncate(Reason), ReasonError = error };
            ModelState.AddModelError(nameof(Reason), error);
            await audit.WriteAsync(AuditAction.BreakGlass, false, id, reason: Truncate(Reason), detail: "refused: " + error, cancellationToken: cancellationToken);
            return Page();
        }

        var reason = Reason!.Trim();
        var now = DateTime.UtcNow;
        var userId = User.UserId()!;

        // The audit entry first: a grant must never exist without its trace. The two are not one
        // transaction because the audit trail serialises its appends, and holding a write
        // transaction while waiting for that could block another request's append.
        await audit.WriteAsync(AuditAction.BreakGlass, true, id, AccessBasis.BreakGlass, reason: reason, cancellationToken: cancellationToken);
        db.AccessGrants.Add(new AccessGrant
        {
            UserId = userId,
            ChildId = id,
            Kind = AccessGrantKind.BreakGlass,
            Reason = reason,
            GrantedAt = now,
            ExpiresAt = DateTime.SpecifyKind(now.Date.AddDays(1), DateTimeKind.Utc),
            GrantedBy = userId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Children/Record", new { id });
    }

    private static string? Truncate(string? reason) =>
        reason is null ? null : reason.Length <= 2000 ? reason : reason[..2000];
}
