using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Account;

/// <summary>Signing out is a form post (with anti-forgery), so a link elsewhere cannot sign someone out.</summary>
[SignedIn]
public sealed class SignOutModel(SignInManager<LanternUser> signIn, AuditWriter audit) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await audit.WriteAsync(AuditAction.SignOut, true, cancellationToken: cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignedOut");
    }
}
