using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Account;

/// <summary>Your account: who you are signed in as, your role, when you last signed in (and from
/// where, so you can spot a sign-in that was not you), and "sign out everywhere".</summary>
[SignedIn]
public sealed class IndexModel(UserManager<LanternUser> users, SignInManager<LanternUser> signIn, LanternDbContext db, AuditWriter audit) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public string? Email { get; private set; }

    public string Role { get; private set; } = "";

    public DateTime? ThisSignInAt { get; private set; }

    /// <summary>The sign-in before this one.</summary>
    public DateTime? PreviousSignInAt { get; private set; }

    public string? PreviousSignInFrom { get; private set; }

    public bool CouncilAccount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        DisplayName = user.DisplayName;
        UserName = user.UserName ?? "";
        Email = user.Email;
        Role = AccessMatrix.Title(user.Role);
        ThisSignInAt = user.LastSignInAt;
        var signIns = await db.AuditEntries.AsNoTracking()
            .Where(e => e.UserId == user.Id && e.Action == AuditAction.SignIn && e.Succeeded)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.At, e.IpAddress })
            .Take(2)
            .ToListAsync(cancellationToken);
        if (signIns.Count == 2)
        {
            PreviousSignInAt = signIns[1].At;
            PreviousSignInFrom = signIns[1].IpAddress;
        }

        return Page();
    }

    /// <summary>Ends every session of this account, on every device: the security stamp changes, so
    /// other sessions fail their next check (within Lantern:Security:StampCheckSeconds), and this
    /// one ends now.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(AuditAction.SignOutEverywhere, true, detail: "ended every session of this account", cancellationToken: cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignedOut");
    }

    /// <summary>A time in UTC as people in England read it: "31 March 2026 at 2:05pm".</summary>
    public static string Format(DateTime utc) => TimeDisplay.Format(utc);
}
