using System.Net;
using System.Text.RegularExpressions;
using Lantern.Domain.Access;
using Lantern.Web.Infrastructure;
using Lantern.Web.Tests.Infrastructure;

namespace Lantern.Web.Tests;

/// <summary>Bad input gets a clear, generic refusal and an audit entry, and changes nothing: forged
/// anti-forgery tokens, tampered session cookies, oversized posts. And every page's
/// Content-Security-Policy carries a fresh nonce that its script elements carry too.</summary>
public sealed partial class HardeningTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_forged_anti_forgery_token_on_sign_in_is_refused_audited_and_signs_nobody_in()
    {
        var account = await TestAccounts.CreateAsync(server.Services);
        var before = await TestAccounts.LastAuditIdAsync(server.Services);
        using var session = Session.Anonymous(server.RootUri);

        var (response, html) = await session.PostFormAsync("/account/sign-in", new()
        {
            ["UserName"] = account.UserName,
            ["Password"] = TestAccounts.Password,
            ["__RequestVerificationToken"] = "CfDJ8forged-token-forged-token-forged-token",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertGenericPage(html, "Sorry, there is a problem with the request");
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".Lantern.SignIn=", StringComparison.Ordinal)), "no half-signed-in cookie");
        Assert.Empty(await TestAccounts.AuditAsync(server.Services, account.UserName));
        Assert.Contains(await TestAccounts.AuditAsync(server.Services, AuditAction.RequestRejected, before), e =>
            e.Detail!.Contains("anti-forgery", StringComparison.Ordinal) && e.Detail.Contains("POST /account/sign-in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_or_missing_anti_forgery_token_on_sign_out_is_refused_audited_and_the_session_goes_on()
    {
        var account = await TestAccounts.CreateAsync(server.Services);
        using var session = await Session.SignInAsync(server.RootUri, account.UserName, TestAccounts.Password, account.Key);
        var before = await TestAccounts.LastAuditIdAsync(server.Services);

        var (forged, html) = await session.PostFormAsync("/account/sign-out", new() { ["__RequestVerificationToken"] = "forged" });
        using var missing = await session.Client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        AssertGenericPage(html, "Sorry, there is a problem with the request");
        var rejected = (await TestAccounts.AuditAsync(server.Services, account.UserName, before)).Where(e => e.Action == AuditAction.RequestRejected).ToList();
        Assert.Equal(2, rejected.Count);
        Assert.All(rejected, e => Assert.Contains("POST /account/sign-out", e.Detail, StringComparison.Ordinal));
        Assert.DoesNotContain(await TestAccounts.AuditAsync(server.Services, account.UserName, before), e => e.Action == AuditAction.SignOut);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account")).Response.StatusCode);
    }

    [Fact]
    public async Task A_tampered_session_cookie_is_treated_as_signed_out_and_recorded_once()
    {
        var account = await TestAccounts.CreateAsync(server.Services);
        using var session = await Session.SignInAsync(server.RootUri, account.UserName, TestAccounts.Password, account.Key);
        var cookie = session.Cookies.GetCookies(server.RootUri)[".Lantern.Session"];
        Assert.NotNull(cookie);
        var chars = cookie.Value.ToCharArray();
        for (var i = chars.Length / 2; i < (chars.Length / 2) + 4; i++)
        {
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
        }

        var before = await TestAccounts.LastAuditIdAsync(server.Services);
        using var client = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", ".Lantern.Session=" + new string(chars));
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location.PathOf(), StringComparison.Ordinal);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Lantern.Session=;", StringComparison.Ordinal));
        var rejected = (await TestAccounts.AuditAsync(server.Services, AuditAction.RequestRejected, before))
            .Where(e => e.Detail!.Contains("session cookie rejected", StringComparison.Ordinal) && e.Detail.Contains("GET /account", StringComparison.Ordinal))
            .ToList();
        Assert.Single(rejected);

        // The real session is untouched.
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account")).Response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_form_post_is_refused_with_the_generic_page_and_audited()
    {
        var before = await TestAccounts.LastAuditIdAsync(server.Services);
        using var session = Session.Anonymous(server.RootUri);

        // The body is offered with "Expect: 100-continue", as a browser-grade client would for a
        // large upload: the server refuses on the declared length without reading the body, so the
        // refusal is read reliably instead of racing the client's write against the server closing
        // the connection (which surfaced as a "Broken pipe" on a busy machine).
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "someone",
            ["Password"] = new string('x', 2 * 1024 * 1024),
            ["__RequestVerificationToken"] = await Journey.RecordTestData.TokenAsync(session, "/account/sign-in"),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/sign-in", UriKind.Relative)) { Content = body };
        request.Headers.ExpectContinue = true;
        using var response = await session.Client.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"status {(int)response.StatusCode}");
        AssertGenericPage(html, "Sorry, there is a problem with the request");
        Assert.Contains(await TestAccounts.AuditAsync(server.Services, AuditAction.RequestRejected, before), e => e.Detail!.Contains("POST /account/sign-in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_with_a_field_over_64KB_is_refused_with_the_generic_page()
    {
        using var session = Session.Anonymous(server.RootUri);

        var (response, html) = await session.PostFormAsync("/account/sign-in", new()
        {
            ["UserName"] = "someone",
            ["Password"] = new string('x', 100 * 1024),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertGenericPage(html, "Sorry, there is a problem with the request");
    }

    [Fact]
    public async Task Every_response_has_a_fresh_CSP_nonce_that_its_script_elements_carry()
    {
        using var client = server.CreateHttpClient();

        using var first = await client.GetAsync("/account/sign-in", Ct);
        using var second = await client.GetAsync("/account/sign-in", Ct);

        var policy = string.Join(", ", first.Headers.GetValues("Content-Security-Policy"));
        var nonce = SecurityHeaders.NonceOf(policy);
        Assert.NotNull(nonce);
        Assert.True(nonce.Length >= 32, "at least 128 bits");
        Assert.Contains($"script-src 'self' 'nonce-{nonce}'", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src 'self' 'nonce-{nonce}'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.NotEqual(nonce, SecurityHeaders.NonceOf(string.Join(", ", second.Headers.GetValues("Content-Security-Policy"))));

        var html = await first.Content.ReadAsStringAsync(Ct);
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.True(scripts.Count >= 2, "the layout's scripts");
        Assert.All(scripts, tag => Assert.Contains($"nonce=\"{nonce}\"", tag, StringComparison.Ordinal));

        // The other security headers are all still there.
        Assert.Equal("nosniff", string.Join(",", first.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", first.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", string.Join(",", first.Headers.GetValues("Referrer-Policy")));
        Assert.True(first.Headers.CacheControl?.NoStore, "no-store");
    }

    /// <summary>A GOV.UK status page with no detail of what went wrong inside.</summary>
    internal static void AssertGenericPage(string html, string heading)
    {
        Assert.Contains($"<h1 class=\"govuk-heading-l\">{heading}</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Microsoft.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Lantern.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("antiforgery", html, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("<script\\b[^>]*>")]
    private static partial Regex ScriptTag();
}
