using System.Net;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Pages.Admin.Accounts;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests;

/// <summary>Managing accounts: only the system administrator's role may, every change is audited
/// (never with a password), and the new account sets up its device at first sign-in.</summary>
public sealed class AccountAdminTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_system_administrator_creates_an_account_that_then_sets_up_its_device_and_signs_in()
    {
        var admin = await TestAccounts.CreateAsync(server.Services, StaffRole.SystemAdministrator);
        using var session = await Session.SignInAsync(server.RootUri, admin.UserName, TestAccounts.Password, admin.Key);
        var staffId = await AnyStaffIdAsync();
        var userName = "new." + Guid.NewGuid().ToString("N")[..10];
        const string Temporary = "Temporary-Pass-2026!";

        var (list, listHtml) = await session.GetAsync("/admin/accounts");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(DemoAccess.UserName(StaffRole.SocialWorker), listHtml, StringComparison.Ordinal);
        Assert.Contains("Create an account", listHtml, StringComparison.Ordinal);

        var (created, _) = await session.PostFormAsync("/admin/accounts/new", new()
        {
            ["UserName"] = userName,
            ["DisplayName"] = "Alex New-Starter",
            ["Email"] = userName + "@council.example",
            ["Role"] = nameof(StaffRole.SocialWorker),
            ["StaffId"] = staffId,
            ["Password"] = Temporary,
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (page, html) = await session.GetAsync(created.Headers.Location.PathOf());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Account created", html, StringComparison.Ordinal);
        Assert.Contains("Alex New-Starter", html, StringComparison.Ordinal);
        Assert.Contains(staffId, html, StringComparison.Ordinal);
        var user = await FindAsync(userName);
        Assert.Equal(StaffRole.SocialWorker, user.Role);
        Assert.NotNull(user.WorkerId);
        Assert.False(user.TwoFactorEnabled);
        var entry = Assert.Single(await TestAccounts.AuditAsync(server.Services, admin.UserName), e => e.Action == AuditAction.AccountChanged);
        Assert.Contains(userName, entry.Detail, StringComparison.Ordinal);
        Assert.Contains("created", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Temporary, entry.Detail, StringComparison.Ordinal);

        // The new person signs in with the temporary password and is sent to set up their device.
        using var newcomer = Session.Anonymous(server.RootUri);
        var (signIn, _) = await newcomer.PostFormAsync("/account/sign-in", new() { ["UserName"] = userName, ["Password"] = Temporary });
        Assert.StartsWith("/account/enrol", signIn.Headers.Location.PathOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_an_account_with_bad_answers_shows_GOVUK_errors_and_creates_nothing()
    {
        var admin = await TestAccounts.CreateAsync(server.Services, StaffRole.SystemAdministrator);
        using var session = await Session.SignInAsync(server.RootUri, admin.UserName, TestAccounts.Password, admin.Key);

        var (response, html) = await session.PostFormAsync("/admin/accounts/new", new()
        {
            ["UserName"] = DemoAccess.UserName(StaffRole.SocialWorker),
            ["DisplayName"] = "",
            ["Email"] = "not-an-email",
            ["Role"] = "99",
            ["StaffId"] = "NO-SUCH-STAFF-ID",
            ["Password"] = "short",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Create an account", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#user-name\">That user name is already used by another account</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#display-name\">Enter the person&#x27;s full name</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#email\">Enter an email address in the correct format, like name@example.com</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#role\">Select the person&#x27;s role</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#staff-id\">There is no worker with that staff ID. Check it, or leave it blank</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#password\">" + NewModel.PasswordRules + "</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"short\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(await TestAccounts.AuditAsync(server.Services, admin.UserName), e => e.Action == AuditAction.AccountChanged);
    }

    [Fact]
    public async Task A_system_administrator_locks_unlocks_and_resets_the_sign_in_device_of_an_account()
    {
        var admin = await TestAccounts.CreateAsync(server.Services, StaffRole.SystemAdministrator);
        var worker = await TestAccounts.CreateAsync(server.Services);
        using var session = await Session.SignInAsync(server.RootUri, admin.UserName, TestAccounts.Password, admin.Key);
        var path = $"/admin/accounts/{worker.Id}";

        var (locked, _) = await session.PostFormAsync(path, new(), path + "?handler=Lock");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Contains("Account locked", (await session.GetAsync(locked.Headers.Location.PathOf())).Html, StringComparison.Ordinal);
        Assert.True((await FindAsync(worker.UserName)).LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        using (var refused = Session.Anonymous(server.RootUri))
        {
            var (signIn, _) = await refused.PostFormAsync("/account/sign-in", new() { ["UserName"] = worker.UserName, ["Password"] = TestAccounts.Password });
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        var (unlocked, _) = await session.PostFormAsync(path, new(), path + "?handler=Unlock");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Null((await FindAsync(worker.UserName)).LockoutEnd);

        var (reset, _) = await session.PostFormAsync(path, new(), path + "?handler=ResetDevice");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var after = await FindAsync(worker.UserName);
        Assert.False(after.TwoFactorEnabled);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LanternUser>>();
            Assert.NotEqual(worker.Key, await users.GetAuthenticatorKeyAsync(after));
        }

        // The person now sets up their device again.
        using var again = Session.Anonymous(server.RootUri);
        var (password, _) = await again.PostFormAsync("/account/sign-in", new() { ["UserName"] = worker.UserName, ["Password"] = TestAccounts.Password });
        Assert.StartsWith("/account/enrol", password.Headers.Location.PathOf(), StringComparison.Ordinal);

        var details = (await TestAccounts.AuditAsync(server.Services, admin.UserName))
            .Where(e => e.Action == AuditAction.AccountChanged)
            .Select(e => e.Detail!)
            .ToList();
        Assert.Equal(3, details.Count);
        Assert.All(details, d => Assert.Contains(worker.UserName, d, StringComparison.Ordinal));
        Assert.Contains("locked the account", details[0], StringComparison.Ordinal);
        Assert.Contains("unlocked the account", details[1], StringComparison.Ordinal);
        Assert.Contains("reset the sign-in device", details[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_token_on_an_account_change_changes_nothing()
    {
        var admin = await TestAccounts.CreateAsync(server.Services, StaffRole.SystemAdministrator);
        var worker = await TestAccounts.CreateAsync(server.Services);
        using var session = await Session.SignInAsync(server.RootUri, admin.UserName, TestAccounts.Password, admin.Key);
        var path = $"/admin/accounts/{worker.Id}";

        var (response, html) = await session.PostFormAsync(path, new() { ["__RequestVerificationToken"] = "forged" }, path + "?handler=Lock");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        HardeningTests.AssertGenericPage(html, "Sorry, there is a problem with the request");
        Assert.Null((await FindAsync(worker.UserName)).LockoutEnd);
        Assert.Contains(await TestAccounts.AuditAsync(server.Services, admin.UserName), e => e.Action == AuditAction.RequestRejected);
    }

    [Fact]
    public async Task A_social_worker_may_not_manage_accounts()
    {
        var worker = await TestAccounts.CreateAsync(server.Services);
        using var session = await Session.SignInAsync(server.RootUri, worker.UserName, TestAccounts.Password, worker.Key);

        foreach (var path in new[] { "/admin/accounts", "/admin/accounts/new", $"/admin/accounts/{worker.Id}" })
        {
            var (response, _) = await session.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location.PathOf();
            Assert.StartsWith("/account/access-denied", location, StringComparison.Ordinal);
            var (denied, html) = await session.GetAsync(location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Contains("You do not have access to this page", html, StringComparison.Ordinal);
        }

        var (post, _) = await session.PostFormAsync("/account", new(), $"/admin/accounts/{worker.Id}?handler=Lock");
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Null((await FindAsync(worker.UserName)).LockoutEnd);
    }

    private async Task<LanternUser> FindAsync(string userName)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, Ct);
    }

    private async Task<string> AnyStaffIdAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.Workers.AsNoTracking().OrderBy(w => w.Id).Select(w => w.StaffId).FirstAsync(Ct);
    }
}
