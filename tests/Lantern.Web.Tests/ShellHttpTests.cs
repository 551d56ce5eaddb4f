using System.Net;
using Lantern.Domain.Access;
using Lantern.Web.Infrastructure;
using Lantern.Web.Tests.Infrastructure;

namespace Lantern.Web.Tests;

public sealed class ShellHttpTests(LanternWebServer server)
{
    [Fact]
    public async Task Home_page_is_served_with_security_headers_and_is_never_cached()
    {
        // Signed out, the start page is open to anyone and offers to sign in.
        using (var client = server.CreateHttpClient())
        {
            using var signedOut = await client.GetAsync("/", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
            var signedOutHtml = await signedOut.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("href=\"/account/sign-in\"", signedOutHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/children\"", signedOutHtml, StringComparison.Ordinal);
        }

        // Signed in, it offers the service.
        var session = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        using var response = await session.Client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy(SecurityHeaders.NonceOf(Header(response, "Content-Security-Policy")) ?? ""), Header(response, "Content-Security-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control must be no-store");
        Assert.False(response.Headers.Contains("Server"), "the Server header names the web server");

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("North East Lincolnshire Council (synthetic demo)", html, StringComparison.Ordinal);
        Assert.Contains("Synthetic demo data – no real children's records", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/children\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("crown", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/assets/fonts/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_path_gets_the_GOVUK_page_not_found_with_404_and_security_headers()
    {
        // Signed out, every address that is not a public page leads to sign-in (nothing says
        // which addresses exist); signed in, an unknown one is the GOV.UK page not found.
        using (var client = server.CreateHttpClient())
        {
            using var signedOut = await client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.Equal("/account/sign-in", new Uri(server.RootUri, signedOut.Headers.Location!).AbsolutePath);
        }

        var session = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        using var response = await session.Client.GetAsync(new Uri("/no-such-page", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Page not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Page not found - Lantern", html, StringComparison.Ordinal);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy(SecurityHeaders.NonceOf(Header(response, "Content-Security-Policy")) ?? ""), Header(response, "Content-Security-Policy"));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control must be no-store");
    }

    [Fact]
    public async Task Other_error_statuses_get_a_GOVUK_page_and_keep_their_status()
    {
        using var client = server.CreateHttpClient();

        // A form post without an antiforgery token is refused with 400.
        using var response = await client.PostAsync("/", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Sorry, there is a problem with the request</h1>", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control must be no-store");
    }

    [Fact]
    public async Task Front_end_assets_are_served_but_GDS_Transport_fonts_and_crown_images_are_not()
    {
        using var client = server.CreateHttpClient();
        var ct = TestContext.Current.CancellationToken;

        foreach (var asset in new[]
        {
            "/lib/govuk-frontend/govuk-frontend.min.css",
            "/lib/govuk-frontend/govuk-frontend.min.js",
            "/lib/moj-frontend/moj-frontend.min.css",
            "/lib/moj-frontend/moj-frontend.min.js",
            "/css/site.css",
            "/js/site.js",
            "/js/govuk-frontend-supported.js",
            "/assets/images/icon-progress-tick.svg",
        })
        {
            using var response = await client.GetAsync(asset, ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} returned {(int)response.StatusCode}");
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        }

        // Signed in, so that a missing file is a plain 404 rather than a redirect to sign-in.
        var session = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        foreach (var missing in new[]
        {
            "/assets/fonts/bold-b542beb274-v2.woff2",
            "/assets/fonts/light-94a07e06a1-v2.woff2",
            "/assets/images/govuk-crest.svg",
            "/assets/images/favicon.ico",
            "/assets/images/govuk-icon-180.png",
        })
        {
            using var response = await session.Client.GetAsync(new Uri(missing, UriKind.Relative), ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{missing} must not be shipped but returned {(int)response.StatusCode}");
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
}
