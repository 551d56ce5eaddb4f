namespace Lantern.Web.Security;

/// <summary>Settings of the <c>Lantern:Security</c> configuration section. Read when first needed
/// (not when the app starts), so a test host can override them.</summary>
public sealed class LanternSecurityOptions
{
    public const string SectionName = "Lantern:Security";

    /// <summary>How often, in seconds, a session re-checks the account's security stamp: "sign out
    /// everywhere", locking an account or resetting its sign-in device ends every other session
    /// within this time. 0 checks on every request.</summary>
    public int StampCheckSeconds { get; set; } = 60;

    /// <summary>Sign-in form posts (password, one-time code, enrolment, council account) allowed
    /// from one client address per minute; more get "Too many attempts" (429).</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>The largest request body accepted, in bytes (1 MB); larger requests get 413.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;
}
