using Lantern.Data;
using Lantern.Domain.Access;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Pages.Admin.Accounts;

/// <summary>What the account pages show about an account.</summary>
public sealed record AccountSummary(
    string Id,
    string UserName,
    string DisplayName,
    string? Email,
    StaffRole Role,
    bool Locked,
    bool Enrolled,
    DateTime? LastSignInAt,
    string? StaffId,
    bool IsDemo)
{
    public string RoleTitle => AccessMatrix.Title(Role);

    public static AccountSummary From(LanternUser user, string? staffId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.UserName ?? "", user.DisplayName, user.Email, user.Role, IsLocked(user, now), user.TwoFactorEnabled, user.LastSignInAt, staffId, user.IsDemo);
    }

    public static bool IsLocked(LanternUser user, DateTimeOffset now) => user.LockoutEnd is { } end && end > now;
}

/// <summary>The changes an administrator can make to an account, each ending the account's
/// sessions where it matters (the security stamp changes) and described for the audit trail.</summary>
public static class AccountChanges
{
    private const string Store = "[AspNetUserStore]";

    /// <summary>Locks until unlocked, and ends every session (within the stamp check interval).</summary>
    public static async Task LockAsync(UserManager<LanternUser> users, LanternUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
    }

    public static async Task UnlockAsync(UserManager<LanternUser> users, LanternUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    /// <summary>Forgets the sign-in device: a new key, two-factor off, so the person sets up their
    /// authenticator again at their next sign-in; every session ends.</summary>
    public static async Task ResetDeviceAsync(UserManager<LanternUser> users, LanternUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, Store, "LastTotpStep");
    }
}
