using System.Net;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests;

/// <summary>Finding a child and their record, signed in (the director may open any record that is
/// not restricted; the social worker finds any child but opens only their own).</summary>
public sealed class ChildrenHttpTests(LanternWebServer server)
{
    [Fact]
    public async Task Search_by_family_name_returns_the_child_and_keeps_the_term_out_of_the_URL()
    {
        var child = await KnownChildAsync(server);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (response, html) = await SearchAsync(s, new() { ["Name"] = child.FamilyName.ToUpperInvariant() });

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
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (_, html) = await SearchAsync(s, new() { ["ChildId"] = child.LaChildId.ToLowerInvariant() });

        Assert.Contains("1 child found", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child.Id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_search_shows_the_GOVUK_error_summary()
    {
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (response, html) = await SearchAsync(s, []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#name\">Enter a name, child ID, NHS number or date of birth</a>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Find a child", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restricted_children_are_not_found_and_their_record_is_not_shown()
    {
        // The demo restricts one child (a child of a member of staff); only the team manager is named on it.
        var restricted = await AccessProbe.ChildAsync(server, await AccessProbe.RestrictedChildAsync(server));
        Assert.True(restricted.IsRestricted);

        foreach (var role in new[] { StaffRole.SocialWorker, StaffRole.Director })
        {
            var s = await SessionPool.ForAsync(server, role);

            var (_, html) = await SearchAsync(s, new() { ["ChildId"] = restricted.LaChildId });
            var (record, _) = await s.GetAsync($"/children/{restricted.Id}");

            Assert.Contains("No children found", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
        }
    }

    [Fact]
    public async Task Record_page_shows_identity_and_a_chronology_and_is_not_cached()
    {
        var child = await KnownChildAsync(server);
        var s = await SessionPool.ForAsync(server, StaffRole.Director);

        var (response, html) = await s.GetAsync($"/children/{child.Id}");

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
        var s = await SessionPool.ForAsync(server, StaffRole.Director);

        var (response, html) = await s.GetAsync("/children/999999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_search_results_are_never_shown_to_them()
    {
        var child = await KnownChildAsync(server);
        using var anonymous = Session.Anonymous(server.RootUri);

        var (search, _) = await anonymous.GetAsync("/children");
        var (record, _) = await anonymous.GetAsync($"/children/{child.Id}");

        foreach (var response in new[] { search, record })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/sign-in", new Uri(server.RootUri, response.Headers.Location!).AbsolutePath);
        }
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

    private static Task<(HttpResponseMessage Response, string Html)> SearchAsync(Session session, Dictionary<string, string> fields) =>
        session.PostFormAsync("/children", fields);
}
