using System.Net;
using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Pages.Account;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Lantern.Web.Tests;

/// <summary>Signing in through the real pages: passwords, one-time codes (wrong, replayed, expired),
/// lockout and setting up a sign-in device. Failures use fresh accounts (<see cref="TestAccounts"/>),
/// so that the demo accounts other tests sign in with are never locked.</summary>
public sealed partial class SignInTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_demo_account_signs_in_with_its_password_and_a_one_time_code()
    {
        var before = await TestAccounts.LastAuditIdAsync(server.Services);
        using var session = await Session.SignInAsync(server.RootUri, StaffRole.TeamManager);

        var (response, html) = await session.GetAsync("/account");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Your account</h1>", html, StringComparison.Ordinal);
        Assert.Contains(DemoAccess.UserName(StaffRole.TeamManager), html, StringComparison.Ordinal);
        Assert.Contains("Team manager", html, StringComparison.Ordinal);
        Assert.Contains("Sign out everywhere", html, StringComparison.Ordinal);
        var audit = await TestAccounts.AuditAsync(server.Services, DemoAccess.UserName(StaffRole.TeamManager), before);
        Assert.Contains(audit, e => e.Action == AuditAction.SignIn && e.Succeeded && e.Role == StaffRole.TeamManager && e.IpAddress is not null);
    }

    [Fact]
    public async Task A_wrong_password_gets_the_generic_message_and_an_audit_entry()
    {
        var account = await TestAccounts.CreateAsync(server.Services);
        using var session = Session.Anonymous(server.RootUri);

        var (response, html) = await session.PostFormAsync("/account/sign-in", new() { ["UserName"] = account.UserName, ["Password"] = "Not-the-password-1!" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SignInModel.FailedMessage, html, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Sign in", html, StringComparison.Ordinal);
        var entry = Assert.Single(await TestAccounts.AuditAsync(server.Services, account.UserName));
        Assert.Equal(AuditAction.SignInFailed, entry.Action);
        Assert.False(entry.Succeeded);
        Assert.Equal(account.Id, entry.UserId);
        Assert.DoesNotContain("Not-the-password", entry.Detail ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_name_gets_the_same_message_as_a_wrong_password()
    {
        var userName = "nobody." + Guid.NewGuid().ToString("N")[..10];
        using var session = Session.Anonymous(server.RootUri);

        var (response, html) = await session.PostFormAsync("/account/sign-in", new() { ["UserName"] = userName, ["Password"] = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SignInModel.FailedMessage, html, StringComparison.Ordinal);
        var entry = Assert.Single(await TestAccounts.AuditAsync(server.Services, userName));
        Assert.Equal(AuditAction.SignInFailed, entry.Action);
        Assert.Null(entry.UserId);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        var account = await TestAccounts.CreateAsync(server.Services);
        using var session = Session.Anonymous(server.RootUri);

        for (var i = 0; i < 5; i++)
        {
            var (wrong, wrongHtml) = await session.PostFormAsync("/account/sign-in", new() { ["UserName"] = account.UserName, ["Password"] = $"Wrong-password-{i}!" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(SignInModel.FailedMessage, wrongHtml, StringComparison.Ordinal);
        }

        var (response, html) = await session.PostFormAsync("/account/sign-in", new() { ["UserName"] = account.UserName, ["Password"] = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SignInModel.FailedMessage, html, StringComparison.Ordinal);
        var actions = (await TestAccounts.AuditAsync(server.Services, account.UserName)).Select(e => e.Action).ToList();
        Assert.Equal([AuditAction.SignInFailed, AuditAction.SignInFailed, AuditAction.SignInFailed, AuditAction.SignInFailed, AuditAction.LockedOut, AuditAction.LockedOut], actions);
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LanternUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync(account.UserName))!));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_audited()
    {
        var account = await TestAccounts.CreateAsync(server.Services);
        using var session = await PasswordStepAsync(account);
        var now = DateTime.UtcNow;
        var totp = new Totp(Base32Encoding.ToBytes(account.Key));
        var valid = new[] { now.AddSeconds(-30), now, now.AddSeconds(30) }.Select(t => totp.ComputeTotp(t)).ToHashSet();
        var wrong = Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(c => !valid.Contains(c));

        var (response, html) = await session.PostFormAsync("/account/code", new() { ["Code"] = wrong });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(CodeModel.FailedMessage, html, StringComparison.Ordinal);
        Assert.Equal(AuditAction.TwoFactorFailed, (await TestAccounts.AuditAsync(server.Services, account.UserName)).Last().Action);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/account")).Response.StatusCode);
    }

    [Fact]
    public async Task A_code_that_has_already_been_used_is_refused_in_a_new_sign_in()
    {
        var account = await TestAccounts.CreateAsync(server.Services);
        var code = new Totp(Base32Encoding.ToBytes(account.Key)).ComputeTotp(DateTime.UtcNow);
        using (var first = await PasswordStepAsync(account))
        {
            var (ok, _) = await first.PostFormAsync("/account/code", new() { ["Code"] = code });
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            Assert.Equal("/", ok.Headers.Location.PathOf());
        }

        using var second = await PasswordStepAsync(account);
        var (response, html) = await second.PostFormAsync("/account/code", new() { ["Code"] = code });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(CodeModel.FailedMessage, html, StringComparison.Ordinal);
        var actions = (await TestAccounts.AuditAsync(server.Services, account.UserName)).Select(e => e.Action).ToList();
        Assert.Equal([AuditAction.SignIn, AuditAction.TwoFactorFailed], actions);
    }

    [Fact]
    public async Task A_code_from_five_minutes_ago_is_refused()
    {
        var account = await TestAccounts.CreateAsync(server.Services);
        using var session = await PasswordStepAsync(account);
        var old = new Totp(Base32Encoding.ToBytes(account.Key)).ComputeTotp(DateTime.UtcNow.AddMinutes(-5));

        var (response, html) = await session.PostFormAsync("/account/code", new() { ["Code"] = old });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(CodeModel.FailedMessage, html, StringComparison.Ordinal);
        Assert.Equal(AuditAction.TwoFactorFailed, (await TestAccounts.AuditAsync(server.Services, account.UserName)).Last().Action);
    }

    [Fact]
    public async Task An_account_without_a_device_sets_one_up_after_its_password_and_is_then_signed_in()
    {
        var account = await TestAccounts.CreateAsync(server.Services, enrolled: false);
        using var session = Session.Anonymous(server.RootUri);

        var (password, _) = await session.PostFormAsync("/account/sign-in", new() { ["UserName"] = account.UserName, ["Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/enrol", password.Headers.Location.PathOf(), StringComparison.Ordinal);

        // The code page sends an account without a device to set one up.
        var (code, _) = await session.GetAsync("/account/code");
        Assert.StartsWith("/account/enrol", code.Headers.Location.PathOf(), StringComparison.Ordinal);

        var (page, html) = await session.GetAsync("/account/enrol");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Set up your authenticator app</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image", html, StringComparison.Ordinal);
        var key = KeyOnPage(html);
        Assert.Equal(32, key.Length);

        // The key stays the same when the page is shown again.
        Assert.Equal(key, KeyOnPage((await session.GetAsync("/account/enrol")).Html));

        // A wrong code: refused, audited, the key shown again.
        var (wrong, wrongHtml) = await session.PostFormAsync("/account/enrol", new() { ["Code"] = "12345" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Enter the code as 6 digits", wrongHtml, StringComparison.Ordinal);

        var (done, _) = await session.PostFormAsync("/account/enrol", new() { ["Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/", done.Headers.Location.PathOf());

        var (signedIn, accountHtml) = await session.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains(account.UserName, accountHtml, StringComparison.Ordinal);
        var actions = (await TestAccounts.AuditAsync(server.Services, account.UserName)).Select(e => e.Action).ToList();
        Assert.Equal([AuditAction.TwoFactorEnrolled, AuditAction.SignIn], actions);

        // Enrolled now: the next sign-in asks for a code, and the enrol page is closed to it.
        using var next = Session.Anonymous(server.RootUri);
        var (again, _) = await next.PostFormAsync("/account/sign-in", new() { ["UserName"] = account.UserName, ["Password"] = TestAccounts.Password });
        Assert.StartsWith("/account/code", again.Headers.Location.PathOf(), StringComparison.Ordinal);
        var (enrol, _) = await next.GetAsync("/account/enrol");
        Assert.StartsWith("/account/code", enrol.Headers.Location.PathOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_enrol_and_code_pages_need_the_password_step_first()
    {
        using var session = Session.Anonymous(server.RootUri);

        var (enrol, _) = await session.GetAsync("/account/enrol");
        var (code, _) = await session.GetAsync("/account/code");

        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Assert.StartsWith("/account/sign-in", enrol.Headers.Location.PathOf(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.StartsWith("/account/sign-in", code.Headers.Location.PathOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_council_sign_in_configured_the_sign_in_page_offers_only_a_password()
    {
        using var session = Session.Anonymous(server.RootUri);

        var (_, html) = await session.GetAsync("/account/sign-in");

        Assert.Contains("Sign in to Lantern", html, StringComparison.Ordinal);
        Assert.DoesNotContain("council account", html, StringComparison.Ordinal);
    }

    private async Task<Session> PasswordStepAsync(TestAccount account)
    {
        var session = Session.Anonymous(server.RootUri);
        var (response, _) = await session.PostFormAsync("/account/sign-in", new() { ["UserName"] = account.UserName, ["Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/code", response.Headers.Location.PathOf(), StringComparison.Ordinal);
        return session;
    }

    internal static string KeyOnPage(string html)
    {
        var match = KeyPattern().Match(html);
        Assert.True(match.Success, "The enrol page shows the key");
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"authenticator-key\">([A-Z2-7 ]+)<")]
    private static partial Regex KeyPattern();
}

/// <summary>An account made for one test.</summary>
public sealed record TestAccount(string Id, string UserName, string Key);

/// <summary>Fresh accounts for tests that must not touch the demo accounts (lockout, failed codes),
/// and the audit entries about them.</summary>
public static class TestAccounts
{
    public const string Password = "Test-account-2026!";

    /// <summary>Creates an account with <see cref="Password"/> and, when <paramref name="enrolled"/>,
    /// a random authenticator key (as if they had set up their device).</summary>
    public static async Task<TestAccount> CreateAsync(IServiceProvider services, StaffRole role = StaffRole.SocialWorker, bool enrolled = true)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LanternUser>>();
        var userName = "test." + Guid.NewGuid().ToString("N")[..12];
        var user = new LanternUser
        {
            UserName = userName,
            Email = userName + "@test.example",
            EmailConfirmed = true,
            DisplayName = "Test Person " + userName[5..9],
            Role = role,
            LockoutEnabled = true,
            CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var key = "";
        if (enrolled)
        {
            key = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return new TestAccount(user.Id, userName, key);
    }

    /// <summary>The audit entries naming <paramref name="userName"/>, oldest first.</summary>
    public static async Task<List<AuditEntry>> AuditAsync(IServiceProvider services, string userName, long after = 0)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(e => e.UserName == userName && e.Id > after).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Every audit entry of <paramref name="action"/> after <paramref name="after"/>, oldest first.</summary>
    public static async Task<List<AuditEntry>> AuditAsync(IServiceProvider services, AuditAction action, long after)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == action && e.Id > after).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<long> LastAuditIdAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Id, TestContext.Current.CancellationToken) ?? 0;
    }
}

/// <summary>Redirect locations as a path: the cookie handler's are absolute, the pages' relative.</summary>
public static class LocationExtensions
{
    public static string PathOf(this Uri? location) =>
        location is null ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
