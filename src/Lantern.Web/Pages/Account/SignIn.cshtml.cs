using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lantern.Web.Pages.Account;

/// <summary>Step one of signing in: user name and password. Every failure gets the same message
/// (nothing says whether the account exists or is locked) and an audit entry; the log says only
/// that a sign-in was refused, never who. Posts are rate-limited per client address. When the
/// council's identity provider is configured, "Sign in with your council account" starts that.</summary>
[AllowAnonymous]
[EnableRateLimiting(Hardening.SignInRateLimit)]
public sealed partial class SignInModel(
    SignInManager<LanternUser> signIn,
    UserManager<LanternUser> users,
    AuditWriter audit,
    IAuthenticationSchemeProvider schemes,
    ILogger<SignInModel> logger) : PageModel
{
    public const string FailedMessage = "The user name or password is not right, or the account is locked. After 5 wrong attempts an account is locked for 15 minutes.";

    public const string CouncilFailedMessage = "You could not be signed in with your council account. Try again, or sign in with your Lantern user name and password.";

    /// <summary>Set when council sign-in came back without signing the person in.</summary>
    [BindProperty(SupportsGet = true, Name = "failed")]
    public string? Failed { get; set; }

    /// <summary>Whether the council's identity provider is configured (shows its button).</summary>
    public bool CouncilSignIn { get; private set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        CouncilSignIn = await schemes.GetSchemeAsync(LanternOidcOptions.Scheme) is not null;
        if (Failed == "council" && CouncilSignIn)
        {
            ModelState.AddModelError(string.Empty, CouncilFailedMessage);
        }

        return Page();
    }

    /// <summary>"Sign in with your council account": off to the identity provider, back to
    /// /account/external.</summary>
    public async Task<IActionResult> OnPostCouncilAsync()
    {
        if (await schemes.GetSchemeAsync(LanternOidcOptions.Scheme) is null)
        {
            return NotFound();
        }

        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var callback = Url.Page("/Account/External", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        var properties = signIn.ConfigureExternalAuthenticationProperties(LanternOidcOptions.Scheme, callback);
        return Challenge(properties, LanternOidcOptions.Scheme);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        CouncilSignIn = await schemes.GetSchemeAsync(LanternOidcOptions.Scheme) is not null;
        var name = UserName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError(nameof(UserName), "Enter your user name");
        }
        else if (name.Length > 256)
        {
            ModelState.AddModelError(nameof(UserName), "User name must be 256 characters or fewer");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }
        else if (Password.Length > 1024)
        {
            ModelState.AddModelError(nameof(Password), "Password must be 1,024 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Clear any half-finished sign-in first.
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        var user = await users.FindByNameAsync(name!);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: true);
        if (user is null || !result.Succeeded)
        {
            LogRefused(logger, result.IsLockedOut ? "account locked" : "wrong user name or password");
            await audit.WriteAsync(new AuditEntry
            {
                Action = result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed,
                Succeeded = false,
                UserId = user?.Id,
                UserName = name!,
                Role = user?.Role,
                Detail = result.IsLockedOut ? "account locked" : "wrong user name or password",
            }, cancellationToken);
            ModelState.AddModelError(nameof(UserName), FailedMessage);
            return Page();
        }

        // The password is right; a one-time code is still needed, from an enrolled device or,
        // for an account without one, after enrolling one now.
        await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, TwoFactorPrincipal(user.Id));
        var enrolled = user.TwoFactorEnabled && !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));
        return RedirectToPage(enrolled ? "/Account/Code" : "/Account/Enrol", new { returnUrl = SafeReturnUrl(ReturnUrl) });
    }

    /// <summary>The cookie that carries "password checked, code still needed" (as Identity's own).</summary>
    internal static System.Security.Claims.ClaimsPrincipal TwoFactorPrincipal(string userId)
    {
        var identity = new System.Security.Claims.ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, userId));
        return new System.Security.Claims.ClaimsPrincipal(identity);
    }

    // No user name, no address: the audit trail (a protected record) has those.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused at the password step: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    /// <summary>Only a path on this site; anything else goes home.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && returnUrl.Length <= 500
            ? returnUrl
            : "/";
}
