using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Lantern.Web.Pages.Account;

/// <summary>Where the council's identity provider sends people back. It matches them to an existing
/// Lantern account by <see cref="LanternOidcOptions.MatchClaim"/> (never creates one), requires
/// the provider to have checked a second factor (unless turned off), refuses locked accounts, and
/// signs them in. Success and every refusal are audited; the person sees one generic message.</summary>
[AllowAnonymous]
[EnableRateLimiting(Hardening.SignInRateLimit)]
public sealed class ExternalModel(SignInManager<LanternUser> signIn, UserManager<LanternUser> users, AuditWriter audit, IOptions<LanternOidcOptions> oidc) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Where to go next, once signed in.</summary>
    public string Next { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!result.Succeeded || result.Principal is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var options = oidc.Value;
        var identity = options.Evaluate(result.Principal);
        var user = identity.LookupValue is not { } value ? null
            : options.MatchesUserName ? await users.FindByNameAsync(value)
            : await users.FindByEmailAsync(value);
        var refusal = identity.Refusal
            ?? (user is null ? "no Lantern account matches the council account" : null)
            ?? (await users.IsLockedOutAsync(user!) ? "account locked" : null);
        if (refusal is not null)
        {
            await audit.WriteAsync(new AuditEntry
            {
                Action = AuditAction.SignInFailed,
                Succeeded = false,
                UserId = user?.Id,
                UserName = user?.UserName ?? identity.LookupValue ?? "",
                Role = user?.Role,
                Detail = "council account sign-in refused: " + refusal,
            }, cancellationToken);
            return RedirectToPage("/Account/SignIn", new { failed = "council" });
        }

        user!.LastSignInAt = DateTime.UtcNow;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim("amr", "mfa"), new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.AuthenticationMethod, LanternOidcOptions.Scheme)]);
        await audit.WriteForAsync(user, AuditAction.SignIn, true, options.RequireMfa ? "council account (identity provider confirmed a second factor)" : "council account (second factor trusted to the identity provider)", cancellationToken);

        // The session cookie is SameSite=Strict, and this request came from the identity provider's
        // site, so a redirect now would arrive without it. This page moves on from our own site.
        Next = SignInModel.SafeReturnUrl(ReturnUrl);
        return Page();
    }
}
