using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lantern.Web.Tests.Browser;

public sealed class StartPageBrowserTests(LanternWebServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Start_page_renders_as_a_GOVUK_service_with_no_errors_CSP_violations_or_serious_accessibility_issues()
    {
        await using var page = await browser.NewPageAsync(server.RootUri);

        // Signed out, the start page offers to sign in.
        await page.GotoAsync("/");
        Assert.Equal("/account/sign-in", await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).GetAttributeAsync("href"));
        await page.AssertHealthyAsync();

        // Signed in, it offers the service.
        await BrowserSignIn.SignInAsync(page, DemoAccess.UserName(StaffRole.AdvancedPractitioner));
        var response = await page.GotoAsync("/");

        Assert.Equal(200, response.Status);
        var p = page.Page;
        Assert.Equal("Children's social care case records - Lantern - North East Lincolnshire Council (synthetic demo)", await p.TitleAsync());
        Assert.Equal("North East Lincolnshire Council (synthetic demo)", (await p.Locator(".govuk-generic-header__homepage-link").InnerTextAsync()).Trim());
        Assert.Equal("Lantern", (await p.Locator(".govuk-service-navigation__service-name").InnerTextAsync()).Trim());
        Assert.Contains("Synthetic demo data", await p.Locator(".govuk-phase-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("/children", await p.GetByRole(AriaRole.Link, new() { Name = "Find a child", Exact = true }).First.GetAttributeAsync("href"));

        // The GOV.UK stylesheet applied: black generic header, white text, Arial not GDS Transport.
        Assert.Equal("rgb(11, 12, 12)", await ComputedStyle(p, ".govuk-generic-header", "background-color"));
        Assert.Equal("rgb(255, 255, 255)", await ComputedStyle(p, ".govuk-generic-header__homepage-link", "color"));
        Assert.Equal("arial, sans-serif", await ComputedStyle(p, ".govuk-heading-xl", "font-family"));
        Assert.Equal("arial, sans-serif", await ComputedStyle(p, "body", "font-family"));
        Assert.Equal("block", await ComputedStyle(p, ".govuk-width-container", "display"));

        // GOV.UK Frontend's module loaded and initAll ran (components mark themselves initialised).
        Assert.True(await p.Locator("body.govuk-frontend-supported").IsVisibleAsync());
        await Assertions.Expect(p.Locator("[data-module=govuk-skip-link]")).ToHaveAttributeAsync("data-govuk-skip-link-init", "");

        await page.AssertHealthyAsync();

        await p.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("start.png"), FullPage = true });
    }

    [Fact]
    public async Task Skip_link_moves_focus_to_the_main_content()
    {
        await using var page = await browser.NewPageAsync(server.RootUri);
        await page.GotoAsync("/");

        await page.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Page.Locator(".govuk-skip-link")).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Page.Locator("main#main-content")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Page_not_found_is_a_GOVUK_page_with_no_errors_or_accessibility_issues()
    {
        await using var page = await browser.NewPageAsync(server.RootUri);

        // Signed out, an unknown address leads to sign-in; signed in, it is page not found.
        await BrowserSignIn.SignInAsync(page, DemoAccess.UserName(StaffRole.NewlyQualifiedSocialWorker));
        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response.Status);
        Assert.Equal("Page not found", (await page.Page.Locator("h1").InnerTextAsync()).Trim());
        await page.AssertHealthyAsync("/no-such-page");
    }

    private static Task<string> ComputedStyle(IPage page, string selector, string property) =>
        page.Locator(selector).First.EvaluateAsync<string>("(el, p) => getComputedStyle(el).getPropertyValue(p)", property);
}
