using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Lantern.Web.Pages.Account;

/// <summary>Setting up a sign-in device, for an account that has none (new, or reset by an
/// administrator) once its password has been checked. The person adds the key to an authenticator
/// app (as text or a QR code) and proves it with a code; then they are signed in. An account that
/// already has a device never gets here: knowing its password is not enough to add another.</summary>
[AllowAnonymous]
[EnableRateLimiting(Hardening.SignInRateLimit)]
public sealed class EnrolModel(SignInManager<LanternUser> signIn, UserManager<LanternUser> users, AuditWriter audit, IOptions<IdentityOptions> identity) : PageModel
{
    public const string FailedMessage = "The code is not right or has expired. Check that you added the key shown on this page, wait for a new code and try again.";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The key in groups of four.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The key as a QR code (inline SVG).</summary>
    public IHtmlContent QrCode { get; private set; } = HtmlString.Empty;

    /// <summary>Whether the account has a confirmed sign-in device (a key and two-factor on).</summary>
    internal static async Task<bool> IsEnrolledAsync(UserManager<LanternUser> users, LanternUser user) =>
        user.TwoFactorEnabled && !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn", new { returnUrl = SignInModel.SafeReturnUrl(ReturnUrl) });
        }

        if (await IsEnrolledAsync(users, user))
        {
            return RedirectToPage("/Account/Code", new { returnUrl = SignInModel.SafeReturnUrl(ReturnUrl) });
        }

        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn", new { returnUrl = SignInModel.SafeReturnUrl(ReturnUrl) });
        }

        if (await IsEnrolledAsync(users, user))
        {
            return RedirectToPage("/Account/Code", new { returnUrl = SignInModel.SafeReturnUrl(ReturnUrl) });
        }

        var code = TotpProvider.Normalise(Code);
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app");
        }
        else if (code is null)
        {
            ModelState.AddModelError(nameof(Code), "Enter the code as 6 digits");
        }
        else if (await users.IsLockedOutAsync(user))
        {
            await AuditFailureAsync(user, AuditAction.LockedOut, "account locked", cancellationToken);
            ModelState.AddModelError(nameof(Code), FailedMessage);
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, identity.Value.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await AuditFailureAsync(user, locked ? AuditAction.LockedOut : AuditAction.TwoFactorFailed, locked ? "account locked" : "wrong or expired one-time code while setting up a sign-in device", cancellationToken);
            ModelState.AddModelError(nameof(Code), FailedMessage);
        }

        if (!ModelState.IsValid)
        {
            await ShowKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await users.ResetAccessFailedCountAsync(user);
        user.LastSignInAt = DateTime.UtcNow;
        await users.UpdateAsync(user);
        await audit.WriteForAsync(user, AuditAction.TwoFactorEnrolled, true, "set up an authenticator app as their sign-in device", cancellationToken);

        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
        await audit.WriteForAsync(user, AuditAction.SignIn, true, "password and one-time code (new sign-in device)", cancellationToken);
        return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
    }

    private async Task ShowKeyAsync(LanternUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        Key = AuthenticatorSetup.Grouped(key);
        QrCode = new HtmlString(AuthenticatorSetup.QrSvg(AuthenticatorSetup.KeyUri(user.UserName ?? "", key), "QR code to add Lantern to your authenticator app"));
    }

    private Task AuditFailureAsync(LanternUser user, AuditAction action, string detail, CancellationToken cancellationToken) =>
        audit.WriteAsync(new AuditEntry
        {
            Action = action,
            Succeeded = false,
            UserId = user.Id,
            UserName = user.UserName ?? "",
            Role = user.Role,
            Detail = detail,
        }, cancellationToken);
}
