using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Indicators;
using Lantern.Web.Tests.Infrastructure;

namespace Lantern.Web.Tests.Browser;

/// <summary>The performance pages in the browser: the director goes from a figure on the overview
/// to the indicator's page and from its numerator to the children behind it, in two clicks; every
/// performance page (overview, each dashboard, an indicator with a breakdown, its definition, the
/// children) is checked with axe (serious and critical issues) and for content security policy
/// violations.</summary>
public sealed class IndicatorBrowserTests(LanternWebServer server, BrowserFixture browser)
{
    private const string Indicator = "rereferrals_12m_pct";

    [Fact]
    public async Task A_director_goes_from_the_overview_to_the_children_behind_a_figure_in_two_clicks_with_no_accessibility_issues()
    {
        var findings = new JourneyFindings();
        await using var page = await browser.NewPageAsync(server.RootUri);
        var director = new JourneyTab(page, "director", findings);
        await BrowserSignIn.SignInAsync(page, DemoAccess.UserName(StaffRole.Director));

        await director.OpenAsync("/indicators");
        await director.ClickAsync(page.Page.Locator($"tr[data-indicator=\"{Indicator}\"] a[data-value]"));
        Assert.Equal($"/indicators/{Indicator}", director.Path);
        await director.ClickAsync(page.Page.Locator("a#numerator"));
        Assert.Equal($"/indicators/{Indicator}/children", director.Path);
        Assert.True(await page.Page.Locator("#units-table tbody tr").CountAsync() > 0, "no children listed behind the figure");

        // The way back and every other performance page.
        await director.ClickAsync(page.Page.Locator("a.govuk-back-link"));
        Assert.Equal($"/indicators/{Indicator}", director.Path);
        await director.OpenAsync($"/indicators/{Indicator}/children?in=denominator");
        await director.OpenAsync($"/indicators/{Indicator}/definition");
        await director.OpenAsync($"/indicators/referrals_per_10k?by=age-band");
        foreach (var dashboard in IndicatorDashboards.All)
        {
            await director.OpenAsync(dashboard.Path);
        }

        // A performance analyst's view (small counts suppressed, no names).
        await using var analystPage = await browser.NewPageAsync(server.RootUri);
        var analyst = new JourneyTab(analystPage, "performance analyst", findings);
        await BrowserSignIn.SignInAsync(analystPage, DemoAccess.UserName(StaffRole.PerformanceAnalyst));
        await analyst.OpenAsync("/indicators");
        await analyst.OpenAsync($"/indicators/{Indicator}?by=team");

        findings.AssertNone("indicator-findings.txt");
    }
}
