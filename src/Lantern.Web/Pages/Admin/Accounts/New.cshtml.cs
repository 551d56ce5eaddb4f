using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Admin.Accounts;

/// <summary>Create an account: user name, name, email, one role, optionally the person's worker
/// record (by staff ID) and a temporary password. The person sets up their authenticator app when
/// they first sign in. Audited without the password.</summary>
[RequirePermission(Permission.ManageAccounts)]
public sealed partial class NewModel(UserManager<LanternUser> users, LanternDbContext db, AuditWriter audit) : PageModel
{
    public const string PasswordRules = "The temporary password must be at least 12 characters and include a capital letter, a small letter, a number and a symbol, with at least 6 different characters";

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? StaffId { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The field ids the error summary links to.</summary>
    public static IReadOnlyDictionary<string, string> FieldIds { get; } = new Dictionary<string, string>
    {
        [nameof(UserName)] = "user-name",
        [nameof(DisplayName)] = "display-name",
        [nameof(Email)] = "email",
        [nameof(Role)] = "role",
        [nameof(StaffId)] = "staff-id",
        [nameof(Password)] = "password",
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userName = UserName?.Trim().ToLowerInvariant();
        var displayName = DisplayName?.Trim();
        var email = Email?.Trim();
        var staffId = string.IsNullOrWhiteSpace(StaffId) ? null : StaffId.Trim();
        UserName = userName;
        DisplayName = displayName;
        Email = email;
        StaffId = staffId;

        if (string.IsNullOrEmpty(userName))
        {
            ModelState.AddModelError(nameof(UserName), "Enter a user name");
        }
        else if (!UserNamePattern().IsMatch(userName))
        {
            ModelState.AddModelError(nameof(UserName), "User name must be 3 to 64 characters and use only small letters, numbers, full stops, hyphens and underscores");
        }
        else if (await users.FindByNameAsync(userName) is not null)
        {
            ModelState.AddModelError(nameof(UserName), "That user name is already used by another account");
        }

        if (string.IsNullOrEmpty(displayName))
        {
            ModelState.AddModelError(nameof(DisplayName), "Enter the person's full name");
        }
        else if (displayName.Length > 100)
        {
            ModelState.AddModelError(nameof(DisplayName), "Full name must be 100 characters or fewer");
        }

        if (string.IsNullOrEmpty(email))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address");
        }
        else if (email.Length > 256 || !EmailPattern().IsMatch(email))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError(nameof(Email), "That email address is already used by another account");
        }

        StaffRole? role = Enum.TryParse<StaffRole>(Role, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Role, out _) ? parsed : null;
        if (role is null)
        {
            ModelState.AddModelError(nameof(Role), "Select the person's role");
        }

        long? workerId = null;
        if (staffId is not null)
        {
            workerId = staffId.Length > 40 ? null : await db.Workers.AsNoTracking().Where(w => w.StaffId == staffId).Select(w => (long?)w.Id).FirstOrDefaultAsync(cancellationToken);
            if (workerId is null)
            {
                ModelState.AddModelError(nameof(StaffId), "There is no worker with that staff ID. Check it, or leave it blank");
            }
        }

        var user = new LanternUser
        {
            UserName = userName,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? "",
            Role = role ?? default,
            WorkerId = workerId,
            LockoutEnabled = true,
            CreatedAt = DateTime.UtcNow,
        };
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a temporary password");
        }
        else if (Password.Length > 256)
        {
            ModelState.AddModelError(nameof(Password), "The temporary password must be 256 characters or fewer");
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                if (!(await validator.ValidateAsync(users, user, Password)).Succeeded)
                {
                    ModelState.AddModelError(nameof(Password), PasswordRules);
                    break;
                }
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.CreateAsync(user, Password!);
        if (!result.Succeeded)
        {
            // Checked above; only a race (the same name created at the same moment) gets here.
            ModelState.AddModelError(nameof(UserName), "The account could not be created. Check the answers and try again");
            return Page();
        }

        await audit.WriteAsync(AuditAction.AccountChanged, true,
            detail: $"account {user.UserName} ({user.Id}): created with role {AccessMatrix.Title(user.Role)}" + (staffId is null ? ", not linked to a worker" : $", linked to worker staff ID {staffId}"),
            cancellationToken: cancellationToken);
        return RedirectToPage("/Admin/Accounts/Account", new { id = user.Id, done = "created" });
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex UserNamePattern();

    // Something@something.something, no spaces: the person's real address is confirmed by use.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
