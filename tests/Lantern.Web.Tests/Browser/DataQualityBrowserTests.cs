using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Tests.Infrastructure;

namespace Lantern.Web.Tests.Browser;

/// <summary>The data-quality pages in the browser: a social worker opens "Data quality" from the menu and a
/// team manager their team's page and a worker's list from it. Every page is checked with axe (serious and
/// critical issues) and for content security policy violations.</summary>
public sealed class DataQualityBrowserTests(LanternWebServer server, BrowserFixture browser)
{
    [Fact]
    public async Task The_data_quality_pages_have_no_accessibility_issues()
    {
        var findings = new JourneyFindings();
        await using (var page = await browser.NewPageAsync(server.RootUri))
        {
            var worker = new JourneyTab(page, "social worker", findings);
            await BrowserSignIn.SignInAsync(page, DemoAccess.UserName(StaffRole.SocialWorker));
            await worker.OpenAsync("/");
            await worker.ClickAsync(page.Page.Locator("a.govuk-service-navigation__link[href=\"/data-quality\"]"));
            Assert.Equal("/data-quality", worker.Path);
        }

        await using (var page = await browser.NewPageAsync(server.RootUri))
        {
            var manager = new JourneyTab(page, "team manager", findings);
            await BrowserSignIn.SignInAsync(page, DemoAccess.UserName(StaffRole.TeamManager));
            await manager.OpenAsync("/data-quality/team");
            var workers = page.Page.Locator("#workers-table a");
            if (await workers.CountAsync() > 0)
            {
                await manager.ClickAsync(workers.First);
                Assert.StartsWith("/data-quality/workers/", manager.Path, StringComparison.Ordinal);
            }
        }

        findings.AssertNone("data-quality-findings.txt");
    }
}
