using Lantern.Domain.Access;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;

namespace Lantern.Web.Tests.Browser;

public sealed class SignInBrowserTests(LanternWebServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_new_account_sets_up_its_authenticator_signs_in_and_signs_out_with_no_errors_or_serious_accessibility_issues()
    {
        var account = await TestAccounts.CreateAsync(server.Services, StaffRole.SocialWorker, enrolled: false);
        await using var page = await browser.NewPageAsync(server.RootUri);
        var p = page.Page;

        await page.GotoAsync("/account/sign-in");
        Assert.Equal("Sign in to Lantern", (await p.Locator("h1").InnerTextAsync()).Trim());
        await page.AssertHealthyAsync();

        // A wrong password: the error summary, focused, and nothing said about the account.
        await p.GetByLabel("User name").FillAsync(account.UserName);
        await p.GetByLabel("Password").FillAsync("Not-the-password-1!");
        await p.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(p.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await page.AssertHealthyAsync();

        await p.GetByLabel("User name").FillAsync(account.UserName);
        await p.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await p.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await p.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Set up the device: the QR code is drawn, and the key is there to type in.
        Assert.Contains("/account/enrol", p.Url, StringComparison.Ordinal);
        Assert.Equal("Set up your authenticator app", (await p.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(p.GetByRole(AriaRole.Img, new() { Name = "QR code to add Lantern to your authenticator app" })).ToBeVisibleAsync();
        var key = (await p.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).Trim();
        Assert.Equal(32, key.Length);
        await page.AssertHealthyAsync();
        await p.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("enrol.png"), FullPage = true });

        await p.GetByLabel("Enter the code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow));
        await p.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await p.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Signed in, on the start page.
        Assert.Equal(new Uri(server.RootUri, "/").ToString(), p.Url);
        await Assertions.Expect(p.GetByRole(AriaRole.Link, new() { Name = "Your account" })).ToBeVisibleAsync();
        await page.AssertHealthyAsync();

        await page.GotoAsync("/account");
        Assert.Equal("Your account", (await p.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(p.Locator(".govuk-summary-list")).ToContainTextAsync(account.UserName);
        await page.AssertHealthyAsync();

        await p.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await p.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await p.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await p.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("You have signed out", (await p.Locator("h1").InnerTextAsync()).Trim());
        await page.AssertHealthyAsync();

        // Signed out: the account page asks to sign in again.
        await page.GotoAsync("/account");
        Assert.Contains("/account/sign-in", p.Url, StringComparison.Ordinal);
    }
}
