using System.Diagnostics;
using Microsoft.Playwright;

namespace Lantern.Web.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the test assembly, driven by Playwright. Never runs
/// `playwright install`: the browser comes from apt (scripts/test.sh installs it in CI).
/// Without /usr/bin/chromium, browser tests skip locally and fail when CI=true.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly IReadOnlyList<string> ChromiumArgs =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailableReason;

    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            _unavailableReason = $"{ChromiumPath} is missing: install it with `apt-get install -y chromium`.";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies and storage) with a page that records console errors,
    /// failed requests and Content-Security-Policy violations.
    /// </summary>
    public async Task<BrowserPage> NewPageAsync(Uri rootUri)
    {
        var browser = RequireBrowser();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = rootUri.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        return await BrowserPage.CreateAsync(context);
    }

    private IBrowser RequireBrowser()
    {
        if (_browser is not null)
        {
            return _browser;
        }

        if (IsCi)
        {
            throw new InvalidOperationException($"Browser tests cannot run: {_unavailableReason}");
        }

        Assert.Skip($"Browser tests skipped: {_unavailableReason}");
        throw new UnreachableException();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
