using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Pages.Children;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lantern.Web.Tests.Browser;

public sealed class AccessBrowserTests(LanternWebServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Social_worker_signs_in_opens_their_child_is_refused_another_and_breaks_the_glass()
    {
        var own = (await AccessProbe.ChildrenAsync(server, StaffRole.SocialWorker, d => d.Basis == AccessBasis.AllocatedWorker))[0];
        var ownChild = await AccessProbe.ChildAsync(server, own);
        var other = (await AccessProbe.KnownOnlyAllocatedAsync(server, StaffRole.SocialWorker))[^1];
        var otherChild = await AccessProbe.ChildAsync(server, other);
        await using var page = await browser.NewPageAsync(server.RootUri);
        var p = page.Page;

        await BrowserSignIn.SignInAsync(page, DemoAccess.UserName(StaffRole.SocialWorker));

        // Find and open a child allocated to them.
        await page.GotoAsync("/children");
        await p.GetByLabel("Child ID", new() { Exact = true }).FillAsync(ownChild.LaChildId);
        await p.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await p.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await p.GetByRole(AriaRole.Link, new() { Name = ownChild.DisplayName, Exact = true }).ClickAsync();
        await p.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith($"/children/{own}", p.Url, StringComparison.Ordinal);
        Assert.Equal(ownChild.DisplayName, (await p.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "What is due" })).ToBeVisibleAsync();

        // Another team's child: only that the child is known and who to contact.
        await page.GotoAsync($"/children/{other}");
        Assert.Equal(otherChild.DisplayName, (await p.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(p.GetByText("This child is known to children's social care.")).ToBeVisibleAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Who to contact" })).ToBeVisibleAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "What is due" })).ToHaveCountAsync(0);
        await page.AssertHealthyAsync();
        await p.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("known-only.png"), FullPage = true });

        // Breaking the glass without a reason: the GOV.UK error summary, focused.
        var breakGlass = p.GetByRole(AriaRole.Button, new() { Name = "Break the glass and open the record" });
        await breakGlass.ClickAsync();
        await Assertions.Expect(p.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(p.Locator(".govuk-error-summary")).ToContainTextAsync(KnownOnlyView.ReasonMissing);
        await page.AssertHealthyAsync();

        // With a reason: the record.
        await p.GetByLabel("Why do you need to see this record?").FillAsync("The police have asked about this child out of hours and the allocated worker cannot be reached.");
        await p.GetByRole(AriaRole.Button, new() { Name = "Break the glass and open the record" }).ClickAsync();
        await p.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith($"/children/{other}", p.Url, StringComparison.Ordinal);
        Assert.Equal(otherChild.DisplayName, (await p.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(p.GetByText("You broke the glass to see this record.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "What is due" })).ToBeVisibleAsync();
        await page.AssertHealthyAsync();
        await p.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("break-glass-record.png"), FullPage = true });
    }

    [Fact]
    public async Task Board_member_sees_the_numbers_page_with_no_accessibility_issues()
    {
        await using var page = await browser.NewPageAsync(server.RootUri);
        var p = page.Page;

        await BrowserSignIn.SignInAsync(page, DemoAccess.UserName(StaffRole.ImprovementBoardMember));
        await p.GetByRole(AriaRole.Link, new() { Name = "Numbers", Exact = true }).ClickAsync();
        await p.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.EndsWith("/numbers", p.Url, StringComparison.Ordinal);
        Assert.Equal("Numbers about the service", (await p.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(p.GetByRole(AriaRole.Table).First).ToBeVisibleAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Link, new() { Name = "Find a child" })).ToHaveCountAsync(0);
        await page.AssertHealthyAsync();
        await p.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("numbers.png"), FullPage = true });
    }
}

/// <summary>Signs in through the real pages in the browser: user name and password typed, then a
/// one-time code computed from the demo authenticator key (never one used before).</summary>
internal static class BrowserSignIn
{
    public static async Task SignInAsync(BrowserPage page, string userName, string password = DemoAccess.Password)
    {
        var p = page.Page;
        await page.GotoAsync("/account/sign-in");
        await p.GetByLabel("User name", new() { Exact = true }).FillAsync(userName);
        await p.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await p.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await p.WaitForURLAsync("**/account/code**");
        var code = await Session.NextCodeAsync(userName, DemoAccess.AuthenticatorKey);
        await p.GetByLabel("Enter the code from your authenticator app").FillAsync(code);
        await p.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await p.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.False(p.Url.Contains("/account/", StringComparison.Ordinal), $"sign-in as {userName} ended at {p.Url}");
    }
}
