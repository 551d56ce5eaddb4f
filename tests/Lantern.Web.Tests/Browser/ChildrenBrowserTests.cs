using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lantern.Web.Tests.Browser;

public sealed class ChildrenBrowserTests(LanternWebServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Find_a_child_search_and_open_their_record_with_no_errors_or_serious_accessibility_issues()
    {
        var child = await ChildrenHttpTests.KnownChildAsync(server);
        await using var page = await browser.NewPageAsync(server.RootUri);
        var p = page.Page;

        // The director may open any record that is not restricted.
        await BrowserSignIn.SignInAsync(page, DemoAccess.UserName(StaffRole.Director));
        await page.GotoAsync("/children");
        Assert.Equal("Find a child", (await p.Locator("h1").InnerTextAsync()).Trim());
        await page.AssertHealthyAsync();

        // An empty search: the error summary, focused.
        await p.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(p.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await page.AssertHealthyAsync();

        await p.GetByLabel("Name", new() { Exact = true }).FillAsync(child.FamilyName);
        await p.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await p.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(new Uri(server.RootUri, "/children").ToString(), p.Url);
        await page.AssertHealthyAsync();

        await p.GetByRole(AriaRole.Link, new() { Name = child.DisplayName, Exact = true }).First.ClickAsync();
        await p.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith($"/children/{child.Id}", p.Url, StringComparison.Ordinal);
        Assert.Equal(child.DisplayName, (await p.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(p.Locator(".moj-timeline__item").First).ToBeVisibleAsync();
        await page.AssertHealthyAsync();

        await p.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("record.png"), FullPage = true });
    }
}
