using System.Net;
using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Model;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests;

public sealed partial class ChildrenHttpTests(LanternWebServer server)
{
    [Fact]
    public async Task Search_by_family_name_returns_the_child_and_keeps_the_term_out_of_the_URL()
    {
        var child = await KnownChildAsync(server);
        using var client = server.CreateHttpClient();

        var (response, html) = await SearchAsync(client, new() { ["Name"] = child.FamilyName.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/children", response.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.DoesNotContain(child.FamilyName, response.RequestMessage.RequestUri.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"href=\"/children/{child.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(child.DisplayName), html, StringComparison.Ordinal);
        Assert.Contains(child.LaChildId, html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control must be no-store");
    }

    [Fact]
    public async Task Search_by_child_id_finds_exactly_that_child()
    {
        var child = await KnownChildAsync(server);
        using var client = server.CreateHttpClient();

        var (_, html) = await SearchAsync(client, new() { ["ChildId"] = child.LaChildId.ToLowerInvariant() });

        Assert.Contains("1 child found", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child.Id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_search_shows_the_GOVUK_error_summary()
    {
        using var client = server.CreateHttpClient();

        var (response, html) = await SearchAsync(client, []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#name\">Enter a name, child ID, NHS number or date of birth</a>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Find a child", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restricted_children_are_not_found_and_their_record_is_not_shown()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var ct = TestContext.Current.CancellationToken;

        // The seed may have none: restrict the child with the highest id (never the known child,
        // which has the lowest id among children with a referral).
        var restricted = await db.Children.AsNoTracking().OrderByDescending(c => c.Id).FirstAsync(ct);
        await db.Children.Where(c => c.Id == restricted.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.IsRestricted, true), ct);
        using var client = server.CreateHttpClient();

        var (_, html) = await SearchAsync(client, new() { ["ChildId"] = restricted.LaChildId });
        using var record = await client.GetAsync($"/children/{restricted.Id}", TestContext.Current.CancellationToken);

        Assert.Contains("No children found", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
    }

    [Fact]
    public async Task Record_page_shows_identity_and_a_chronology_and_is_not_cached()
    {
        var child = await KnownChildAsync(server);
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync($"/children/{child.Id}", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1 class=\"govuk-heading-l\">{WebUtility.HtmlEncode(child.DisplayName)}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(child.LaChildId, html, StringComparison.Ordinal);
        Assert.Contains("class=\"moj-timeline\"", html, StringComparison.Ordinal);
        Assert.Contains("Referral", html, StringComparison.Ordinal);
        Assert.Contains("What is due", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control must be no-store");
    }

    [Fact]
    public async Task Unknown_child_id_is_a_404_page()
    {
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync("/children/999999999", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }

    /// <summary>A seeded, unrestricted child with a referral and a date of birth.</summary>
    internal static async Task<Child> KnownChildAsync(LanternWebServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var withReferral = db.Referrals.Select(r => r.ChildId);
        return await db.Children.AsNoTracking()
            .Where(c => !c.IsRestricted && c.DateOfBirth != null && withReferral.Contains(c.Id))
            .OrderBy(c => c.Id)
            .FirstAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<(HttpResponseMessage Response, string Html)> SearchAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var ct = TestContext.Current.CancellationToken;
        using var get = await client.GetAsync("/children", ct);
        var form = await get.Content.ReadAsStringAsync(ct);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var cookie = string.Join("; ", get.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/children")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request, ct);
        return (response, await response.Content.ReadAsStringAsync(ct));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
