using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Admin.Accounts;

/// <summary>One account, with lock, unlock and "reset sign-in device". Every change is a form post
/// (anti-forgery checked) and an audit entry saying what changed; locking and resetting end the
/// person's sessions.</summary>
[RequirePermission(Permission.ManageAccounts)]
public sealed class AccountModel(UserManager<LanternUser> users, LanternDbContext db, AuditWriter audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>What was just done (from the redirect after a change): created, locked, unlocked or reset.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public AccountSummary Account { get; private set; } = null!;

    public bool IsSelf { get; private set; }

    public string? Success => Done switch
    {
        "created" => "Account created. Give the person their user name and temporary password. They will set up their authenticator app when they first sign in.",
        "locked" => "Account locked. The person cannot sign in, and any session they have ends within a minute.",
        "unlocked" => "Account unlocked. The person can sign in again.",
        "reset" => "Sign-in device reset. The person will set up their authenticator app again when they next sign in.",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == User.UserId())
        {
            ModelState.AddModelError(string.Empty, "You cannot lock your own account");
            await LoadAsync(user, cancellationToken);
            return Page();
        }

        await AccountChanges.LockAsync(users, user);
        await AuditAsync(user, "locked the account", cancellationToken);
        return RedirectToPage(new { id = user.Id, done = "locked" });
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        await AccountChanges.UnlockAsync(users, user);
        await AuditAsync(user, "unlocked the account", cancellationToken);
        return RedirectToPage(new { id = user.Id, done = "unlocked" });
    }

    public async Task<IActionResult> OnPostResetDeviceAsync(CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        await AccountChanges.ResetDeviceAsync(users, user);
        await AuditAsync(user, "reset the sign-in device (the person sets up their authenticator again)", cancellationToken);
        return RedirectToPage(new { id = user.Id, done = "reset" });
    }

    private Task AuditAsync(LanternUser user, string change, CancellationToken cancellationToken) =>
        audit.WriteAsync(AuditAction.AccountChanged, true, detail: $"account {user.UserName} ({user.Id}): {change}", cancellationToken: cancellationToken);

    private async Task LoadAsync(LanternUser user, CancellationToken cancellationToken)
    {
        var staffId = user.WorkerId is { } worker
            ? await db.Workers.AsNoTracking().Where(w => w.Id == worker).Select(w => w.StaffId).FirstOrDefaultAsync(cancellationToken)
            : null;
        Account = AccountSummary.From(user, staffId, DateTimeOffset.UtcNow);
        IsSelf = user.Id == User.UserId();
    }
}
