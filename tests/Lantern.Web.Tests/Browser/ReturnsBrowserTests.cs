using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Returns;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Browser;

/// <summary>The returns pages in the browser: a director asks for the SSDA903 return from the menu,
/// is shown a form error first, then the job page, and downloads the zip once the job is done; an analyst
/// with named-data access opens the import form. Every page is checked with axe (serious and critical
/// issues) and for content security policy violations.</summary>
public sealed class ReturnsBrowserTests(LanternWebServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_director_exports_a_return_and_downloads_it_with_no_accessibility_issues()
    {
        var findings = new JourneyFindings();
        await using var page = await browser.NewPageAsync(server.RootUri);
        var director = new JourneyTab(page, "director", findings);
        await BrowserSignIn.SignInAsync(page, DemoAccess.UserName(StaffRole.Director));

        await director.OpenAsync("/");
        await director.ClickAsync(page.Page.Locator("a.govuk-service-navigation__link[href=\"/returns\"]"));
        Assert.Equal("/returns", director.Path);
        await director.ClickAsync(page.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Export a return" }));
        Assert.Equal("/returns/export", director.Path);

        // No year for a return that needs one: the error summary says so and links to the field.
        await director.ChooseAsync("Return", "903");
        await director.PressAsync("Export");
        Assert.Contains("Select the collection year", await director.ErrorsAsync(), StringComparison.Ordinal);
        await director.CheckAsync();

        await director.SelectAsync("Year", "2026");
        await director.PressAsync("Export");
        Assert.StartsWith("/returns/jobs/", director.Path, StringComparison.Ordinal);
        var id = long.Parse(director.Path["/returns/jobs/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await server.Services.GetRequiredService<ReturnJobQueue>().WaitAsync(id, TestContext.Current.CancellationToken);
        await director.OpenAsync(director.Path);
        Assert.Contains("Done", await page.Page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.Locator("#files a").First.ClickAsync());
        Assert.Equal("ssda903-2026.zip", download.SuggestedFilename);
        await director.OpenAsync("/returns");
        Assert.True(await page.Page.Locator("#jobs tbody tr").CountAsync() > 0, "the job is listed");

        await using var analystPage = await browser.NewPageAsync(server.RootUri);
        var analyst = new JourneyTab(analystPage, "performance analyst with named data", findings);
        await BrowserSignIn.SignInAsync(analystPage, DemoAccess.NamedAnalystUserName);
        await analyst.OpenAsync("/returns/import");
        await analyst.PressAsync("Import");
        Assert.Contains("Select the return to import", await analyst.ErrorsAsync(), StringComparison.Ordinal);
        await analyst.CheckAsync();

        findings.AssertNone("returns-findings.txt");
    }
}
