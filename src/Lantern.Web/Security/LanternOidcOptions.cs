using System.Security.Claims;

namespace Lantern.Web.Security;

/// <summary>Sign-in with the council's own identity provider (OpenID Connect), from the
/// <c>Lantern:Oidc</c> configuration section. Off unless <see cref="Authority"/> and
/// <see cref="ClientId"/> are set. It never creates accounts: the person must already have a Lantern
/// account whose <see cref="MatchClaim"/> (email by default) matches the identity provider's.</summary>
public sealed class LanternOidcOptions
{
    public const string SectionName = "Lantern:Oidc";

    /// <summary>The authentication scheme's name.</summary>
    public const string Scheme = "oidc";

    /// <summary>The identity provider's issuer address, for example
    /// <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Where the identity provider sends people back (register this address with it).</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>The claim from the identity provider matched to the Lantern account: <c>email</c>
    /// (the account's email address, the default), <c>preferred_username</c> or <c>upn</c> (also
    /// matched to the email address), or <c>username</c> (matched to the Lantern user name).</summary>
    public string MatchClaim { get; set; } = "email";

    /// <summary>Require the identity provider to say it checked a second factor (its <c>amr</c>
    /// claim contains <c>mfa</c>). On by default: Lantern needs a second factor for every account.
    /// Turn it off only for an identity provider that enforces one for every sign-in but does not
    /// send <c>amr</c>.</summary>
    public bool RequireMfa { get; set; } = true;

    /// <summary>Whether enough is configured to offer council sign-in.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    public static LanternOidcOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new LanternOidcOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }

    /// <summary>Whether the match claim is compared with the account's user name (else its email).</summary>
    public bool MatchesUserName => string.Equals(MatchClaim, "username", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the external sign-in says about the person: the value to look the account up
    /// by, or why they cannot be signed in (in words for the audit, never shown to them).</summary>
    public ExternalIdentity Evaluate(ClaimsPrincipal external)
    {
        ArgumentNullException.ThrowIfNull(external);
        var value = external.FindFirst(MatchClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return new ExternalIdentity(null, $"the identity provider did not send the '{MatchClaim}' claim");
        }

        if (RequireMfa && !external.FindAll("amr").Any(c => string.Equals(c.Value, "mfa", StringComparison.OrdinalIgnoreCase)))
        {
            return new ExternalIdentity(value, "the identity provider did not confirm a second factor (amr does not contain mfa)");
        }

        return new ExternalIdentity(value, null);
    }
}

/// <summary>The result of <see cref="LanternOidcOptions.Evaluate"/>.</summary>
/// <param name="LookupValue">The value of the match claim, when there is one.</param>
/// <param name="Refusal">Why the sign-in is refused; null when it may go on.</param>
public sealed record ExternalIdentity(string? LookupValue, string? Refusal)
{
    public bool Accepted => Refusal is null;
}
