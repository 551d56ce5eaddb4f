using System.Net;
using Lantern.Domain.Access;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Lantern.Web.Tests;

/// <summary>A server of its own (no synthetic children) allowing 3 sign-in posts a minute per address.</summary>
public sealed class RateLimitServer : LanternWebServer
{
    public const int PerMinute = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Lantern:SeedOnStartup", "false");
        builder.UseSetting("Lantern:Security:SignInPerMinute", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class HardeningRateLimitTests(RateLimitServer server) : IClassFixture<RateLimitServer>
{
    [Fact]
    public async Task Too_many_sign_in_posts_from_one_address_get_too_many_attempts_and_an_audit_entry()
    {
        var before = await TestAccounts.LastAuditIdAsync(server.Services);
        using var session = Session.Anonymous(server.RootUri);
        for (var i = 0; i < RateLimitServer.PerMinute; i++)
        {
            var (allowed, _) = await session.PostFormAsync("/account/sign-in", new() { ["UserName"] = "nobody", ["Password"] = "Wrong-password-1!" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var (response, html) = await session.PostFormAsync("/account/sign-in", new() { ["UserName"] = "nobody", ["Password"] = "Wrong-password-1!" });
        var (code, _) = await session.PostFormAsync("/account/code", new() { ["Code"] = "123456" }, "/account/code");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
        HardeningTests.AssertGenericPage(html, "Too many attempts");
        Assert.Contains("Wait a minute and try again", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, code.StatusCode);

        // The page itself can still be read; one audit entry for the flood, not one per request.
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/sign-in")).Response.StatusCode);
        var rejected = await TestAccounts.AuditAsync(server.Services, AuditAction.RequestRejected, before);
        var entry = Assert.Single(rejected);
        Assert.Contains("too many sign-in attempts", entry.Detail, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", entry.IpAddress);
    }
}
