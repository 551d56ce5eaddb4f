using System.Collections.Concurrent;
using System.Net;
using Lantern.Domain.Access;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lantern.Web.Tests;

/// <summary>A server of its own (no synthetic children, so it starts quickly) whose sessions re-check
/// the security stamp on every request (Lantern:Security:StampCheckSeconds = 0), which keeps every
/// log message, and which has council sign-in configured (never contacted: no test goes to it).</summary>
public sealed class StampServer : LanternWebServer
{
    public ConcurrentQueue<string> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Lantern:SeedOnStartup", "false");
        builder.UseSetting("Lantern:Security:StampCheckSeconds", "0");
        builder.UseSetting("Lantern:Oidc:Authority", "https://login.council.example/tenant/v2.0");
        builder.UseSetting("Lantern:Oidc:ClientId", "lantern-test");
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Logs)));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, logs);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The message, every structured value and any exception: whatever a log sink could keep.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}

/// <summary>Your account page and "sign out everywhere", on <see cref="StampServer"/>.</summary>
public sealed class AccountTests(StampServer server) : IClassFixture<StampServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_out_everywhere_ends_every_other_session_of_the_account()
    {
        var account = await TestAccounts.CreateAsync(server.Services);
        using var laptop = await Session.SignInAsync(server.RootUri, account.UserName, TestAccounts.Password, account.Key);
        using var phone = await Session.SignInAsync(server.RootUri, account.UserName, TestAccounts.Password, account.Key);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/account")).Response.StatusCode);
        var (page, html) = await laptop.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Previous sign-in", html, StringComparison.Ordinal);

        var (response, _) = await laptop.PostFormAsync("/account", new(), "/account?handler=SignOutEverywhere");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signed-out", response.Headers.Location.PathOf());
        var (other, _) = await phone.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/account/sign-in", other.Headers.Location.PathOf(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/account")).Response.StatusCode);
        Assert.Contains(await TestAccounts.AuditAsync(server.Services, account.UserName), e => e.Action == AuditAction.SignOutEverywhere && e.Succeeded);
    }

    [Fact]
    public async Task Locking_an_account_ends_its_sessions()
    {
        var admin = await TestAccounts.CreateAsync(server.Services, StaffRole.SystemAdministrator);
        var worker = await TestAccounts.CreateAsync(server.Services);
        using var adminSession = await Session.SignInAsync(server.RootUri, admin.UserName, TestAccounts.Password, admin.Key);
        using var workerSession = await Session.SignInAsync(server.RootUri, worker.UserName, TestAccounts.Password, worker.Key);

        var (locked, _) = await adminSession.PostFormAsync($"/admin/accounts/{worker.Id}", new(), $"/admin/accounts/{worker.Id}?handler=Lock");

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await workerSession.GetAsync("/account")).Response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_failures_and_query_strings_stay_out_of_the_log()
    {
        var secretName = "secret.person." + Guid.NewGuid().ToString("N")[..8];
        const string SecretSearch = "Zebedee-Quinton-Child";
        using var session = Session.Anonymous(server.RootUri);

        await session.GetAsync("/account/sign-in?returnUrl=%2Fchildren%3Fname%3D" + SecretSearch);
        var (response, _) = await session.PostFormAsync("/account/sign-in", new() { ["UserName"] = secretName, ["Password"] = "Wrong-password-1!" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logs = server.Logs.ToList();
        Assert.Contains(logs, l => l.Contains("Sign-in refused at the password step", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(secretName, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs, l => l.Contains(SecretSearch, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs, l => l.Contains("Wrong-password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_council_sign_in_configured_the_sign_in_page_offers_it()
    {
        using var session = Session.Anonymous(server.RootUri);

        var (_, html) = await session.GetAsync("/account/sign-in");
        var (_, failed) = await session.GetAsync("/account/sign-in?failed=council");

        Assert.Contains("Sign in with your council account", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/account/sign-in?handler=Council\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("You could not be signed in with your council account", failed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_council_sign_in_callback_without_an_external_sign_in_goes_back_to_sign_in()
    {
        using var session = Session.Anonymous(server.RootUri);

        var (response, _) = await session.GetAsync("/account/external");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location.PathOf(), StringComparison.Ordinal);
    }
}
