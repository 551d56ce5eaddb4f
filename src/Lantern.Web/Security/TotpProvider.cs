using System.Globalization;
using Lantern.Data;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Lantern.Web.Security;

/// <summary>Time-based one-time codes (RFC 6238, 30-second steps, one step either side for clock
/// drift) from the authenticator key Identity stores. Unlike Identity's built-in provider it refuses
/// a code that has been used before: the last accepted step is stored with the account.</summary>
public sealed class TotpProvider : IUserTwoFactorTokenProvider<LanternUser>
{
    public const string Name = "LanternTotp";
    private const string Store = "[AspNetUserStore]";
    private const string LastStep = "LastTotpStep";

    public Task<string> GenerateAsync(string purpose, UserManager<LanternUser> manager, LanternUser user) =>
        Task.FromResult(string.Empty); // Codes come from the person's authenticator app, never from us.

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<LanternUser> manager, LanternUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var code = Normalise(token);
        if (code is null || await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }

        byte[] secret;
        try
        {
            secret = Base32Encoding.ToBytes(key);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var totp = new Totp(secret);
        if (!totp.VerifyTotp(DateTime.UtcNow, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, Store, LastStep);
        if (last is not null && long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false; // Replayed (or older than one already used).
        }

        var saved = await manager.SetAuthenticationTokenAsync(user, Store, LastStep, step.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<LanternUser> manager, LanternUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>Six digits, ignoring spaces and hyphens; null for anything else.</summary>
    public static string? Normalise(string? token)
    {
        var code = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return code.Length == 6 && code.All(char.IsAsciiDigit) ? code : null;
    }
}
