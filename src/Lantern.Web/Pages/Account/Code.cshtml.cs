using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lantern.Web.Pages.Account;

/// <summary>Step two of signing in: the one-time code from the person's authenticator app. A wrong
/// or replayed code counts towards lockout, like a wrong password. Posts are rate-limited per
/// client address.</summary>
[AllowAnonymous]
[EnableRateLimiting(Hardening.SignInRateLimit)]
public sealed class CodeModel(SignInManager<LanternUser> signIn, UserManager<LanternUser> users, AuditWriter audit) : PageModel
{
    public const string FailedMessage = "The code is not right, has expired or has already been used. Wait for a new code and try again.";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        // An account without a sign-in device (new, or reset by an administrator) sets one up first.
        return await EnrolModel.IsEnrolledAsync(users, user) ? Page() : RedirectToPage("/Account/Enrol", new { returnUrl = SignInModel.SafeReturnUrl(ReturnUrl) });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (!await EnrolModel.IsEnrolledAsync(users, user))
        {
            return RedirectToPage("/Account/Enrol", new { returnUrl = SignInModel.SafeReturnUrl(ReturnUrl) });
        }

        var code = TotpProvider.Normalise(Code);
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app");
            return Page();
        }

        if (code is null)
        {
            ModelState.AddModelError(nameof(Code), "Enter the code as 6 digits");
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (!result.Succeeded)
        {
            await audit.WriteForAsync(user, result.IsLockedOut ? AuditAction.LockedOut : AuditAction.TwoFactorFailed, false, result.IsLockedOut ? "account locked" : "wrong, expired or reused one-time code", cancellationToken);
            ModelState.AddModelError(nameof(Code), FailedMessage);
            return Page();
        }

        user.LastSignInAt = DateTime.UtcNow;
        await users.UpdateAsync(user);
        await audit.WriteForAsync(user, AuditAction.SignIn, true, "password and one-time code", cancellationToken);
        return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
    }
}
