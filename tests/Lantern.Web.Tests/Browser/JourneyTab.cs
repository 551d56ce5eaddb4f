using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Lantern.Web.Casework;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lantern.Web.Tests.Browser;

/// <summary>What the journey browser tests saw along the way: every page visited, every serious or
/// critical axe violation and CSP violation (collected, so one test reports them all at the end),
/// and the CIN census warnings a form asked to confirm.</summary>
internal sealed class JourneyFindings
{
    private readonly Lock gate = new();

    public List<string> Problems { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<string> Visited { get; } = [];

    public void Problem(string text)
    {
        lock (gate)
        {
            Problems.Add(text);
        }
    }

    public void Warning(string text)
    {
        lock (gate)
        {
            Warnings.Add(text);
        }
    }

    public void Visit(string text)
    {
        lock (gate)
        {
            Visited.Add(text);
        }
    }

    /// <summary>Writes what was seen to the test output and to <paramref name="report"/> beside the
    /// screenshots, and fails when any problem was found.</summary>
    public void AssertNone(string report)
    {
        var text = $"Pages checked with axe ({Visited.Count}):\n{string.Join('\n', Visited)}\n\n"
            + $"CIN census warnings confirmed ({Warnings.Count}):\n{string.Join('\n', Warnings)}\n\n"
            + $"Problems ({Problems.Count}):\n{string.Join('\n', Problems)}\n";
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        File.WriteAllText(Screenshots.PathFor(report), text);

        Assert.True(Problems.Count == 0, $"{Problems.Count} problems on the pages visited:\n" + string.Join('\n', Problems));
    }
}

/// <summary>One signed-in person's browser tab in a journey test: opens pages and follows links
/// waiting for the navigation, runs axe (and reads CSP violations) on every page it lands on,
/// fills casework forms by the ids the framework gives their fields (<see cref="FieldSpec.Id"/>),
/// and saves them, confirming CIN census warnings when a form asks.</summary>
internal sealed partial class JourneyTab(BrowserPage browser, string who, JourneyFindings findings)
{
    public BrowserPage Browser => browser;

    public IPage P => browser.Page;

    public string Who => who;

    /// <summary>The path (and query) of the page shown.</summary>
    public string Path => new Uri(P.Url).PathAndQuery;

    /// <summary>Goes to <paramref name="path"/>, expects 200 and checks the page.</summary>
    public async Task OpenAsync(string path)
    {
        var response = await browser.GotoAsync(path);
        Assert.True(response.Status == 200, $"{who}: GET {path} gave {response.Status}");
        await CheckAsync();
    }

    /// <summary>Clicks something that navigates, waits for the new page to load and checks it.</summary>
    /// <remarks>Waits for the main frame to commit a new document (a redirect after a POST commits
    /// only the page it ends at; a form shown again commits the same address), then for its load event.</remarks>
    public async Task ClickAsync(ILocator target)
    {
        var navigated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == P.MainFrame)
            {
                navigated.TrySetResult();
            }
        }

        P.FrameNavigated += OnNavigated;
        try
        {
            await target.ClickAsync();
            await navigated.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            P.FrameNavigated -= OnNavigated;
        }

        await P.WaitForLoadStateAsync(LoadState.Load);
        await CheckAsync();
    }

    /// <summary>Follows a link of the record's "What you can do".</summary>
    public async Task FollowActionAsync(string text)
    {
        var link = P.Locator("#actions").GetByRole(AriaRole.Link, new() { Name = text, Exact = true });
        Assert.True(await link.CountAsync() == 1, $"{who}: the record at {Path} does not offer \"{text}\". It offers: {string.Join(" | ", await ActionsAsync())}");
        await ClickAsync(link);
    }

    /// <summary>The links of the record's "What you can do".</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync() =>
        [.. (await P.Locator("#actions a").AllInnerTextsAsync()).Select(Normalise)];

    /// <summary>Runs axe (serious and critical violations) and reads CSP violations on the page shown; records them.</summary>
    public async Task CheckAsync()
    {
        try
        {
            await CheckOnceAsync();
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("Execution context was destroyed", StringComparison.Ordinal))
        {
            // A page that follows a job reloads itself once when the job ends; check the page it became.
            await P.WaitForLoadStateAsync(LoadState.Load);
            await CheckOnceAsync();
        }
    }

    private async Task CheckOnceAsync()
    {
        var title = await P.TitleAsync();
        findings.Visit($"{who}: {Path} ({title})");
        var axe = await P.RunAxe();
        foreach (var v in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            findings.Problem($"{who}: {Path} ({title}): axe {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
        }

        foreach (var csp in await P.EvaluateAsync<string[]>("() => window.__cspViolations || []"))
        {
            findings.Problem($"{who}: {Path} ({title}): CSP violation: {csp}");
        }
    }

    public static string Id(string field) => new FieldSpec(field, FieldKind.Text, field, field).Id;

    public async Task DateAsync(string field, DateOnly date)
    {
        var id = Id(field);
        await P.Locator($"#{id}-day").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await P.Locator($"#{id}-month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await P.Locator($"#{id}-year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The day, month and year shown in a date question.</summary>
    public async Task<string> DateShownAsync(string field)
    {
        var id = Id(field);
        return $"{await P.Locator($"#{id}-day").InputValueAsync()}/{await P.Locator($"#{id}-month").InputValueAsync()}/{await P.Locator($"#{id}-year").InputValueAsync()}";
    }

    public Task TextAsync(string field, string text) => P.Locator("#" + Id(field)).FillAsync(text);

    public Task ChooseAsync(string field, string value) => Option(field, value).CheckAsync();

    public Task UntickAsync(string field, string value) => Option(field, value).UncheckAsync();

    public Task<bool> IsChosenAsync(string field, string value) => Option(field, value).IsCheckedAsync();

    public Task SelectAsync(string field, string value) => P.Locator("#" + Id(field)).SelectOptionAsync(value);

    /// <summary>Selects the option at <paramref name="index"/> (0 is "Choose") and returns its text.</summary>
    public async Task<string> SelectIndexAsync(string field, int index)
    {
        var select = P.Locator("#" + Id(field));
        await select.SelectOptionAsync(new SelectOptionValue { Index = index });
        return Normalise(await select.Locator("option:checked").InnerTextAsync());
    }

    /// <summary>Presses the form's button <paramref name="button"/>; when the form shows CIN census
    /// warnings, records them, ticks to confirm and presses it again. Fails, with the errors shown,
    /// unless it lands on <paramref name="expectedPath"/>. Returns the success banner there, if any.</summary>
    public async Task<string?> SaveAsync(string button, string expectedPath)
    {
        var form = Path;
        await PressAsync(button);
        if (Path == form && await P.Locator("#return-warnings").CountAsync() > 0)
        {
            findings.Warning($"{form}: {string.Join(" | ", (await P.Locator("#return-warnings + ul li").AllInnerTextsAsync()).Select(Normalise))}");
            await P.Locator("#" + CaseworkPageModel.AcknowledgeName).CheckAsync();
            await PressAsync(button);
        }

        Assert.True(Path == expectedPath, $"{who}: saving {form} ended at {Path}, not {expectedPath}. Errors shown: {await ErrorsAsync()}");
        return await BannerAsync();
    }

    /// <summary>Presses a button of the page's form and waits for the page that comes back.</summary>
    public Task PressAsync(string button) =>
        ClickAsync(P.Locator("main form").GetByRole(AriaRole.Button, new() { Name = button, Exact = true }));

    /// <summary>The error summary's messages (empty when there is none).</summary>
    public async Task<string> ErrorsAsync() =>
        await P.Locator(".govuk-error-summary").CountAsync() == 0 ? "" : Normalise(await P.Locator(".govuk-error-summary").First.InnerTextAsync());

    /// <summary>The success banner's text, if the page has one.</summary>
    public async Task<string?> BannerAsync()
    {
        var banner = P.Locator(".govuk-notification-banner--success .govuk-notification-banner__heading");
        return await banner.CountAsync() == 0 ? null : Normalise(await banner.InnerTextAsync());
    }

    /// <summary>Every summary list row on the page (the form's facts), as key and value.</summary>
    public async Task<IReadOnlyList<(string Key, string Value)>> FactsAsync()
    {
        var rows = await P.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('.govuk-summary-list__row')].map(r => [" +
            "(r.querySelector('.govuk-summary-list__key')?.textContent || '')," +
            "(r.querySelector('.govuk-summary-list__value')?.textContent || '')])");
        return [.. rows.Select(r => (Normalise(r[0]), Normalise(r[1])))];
    }

    /// <summary>Fails unless the facts have a row <paramref name="key"/> whose value contains <paramref name="value"/>.</summary>
    public async Task AssertFactAsync(string key, string value)
    {
        var facts = await FactsAsync();
        Assert.True(
            facts.Any(f => f.Key == key && f.Value.Contains(value, StringComparison.Ordinal)),
            $"{who}: {Path} has no fact \"{key}\" containing \"{value}\". Facts: {string.Join(" | ", facts.Select(f => f.Key + ": " + f.Value))}");
    }

    /// <summary>The record page's "What is due" table: what, due, done, status.</summary>
    public async Task<IReadOnlyList<string[]>> DueAsync()
    {
        var rows = await P.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('table')].filter(t => t.caption && t.caption.textContent.trim() === 'Statutory timescales')" +
            ".flatMap(t => [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent)))");
        return [.. rows.Select(r => r.Select(Normalise).ToArray())];
    }

    /// <summary>Fails unless "What is due" has a row <paramref name="what"/> due on <paramref name="due"/>
    /// (and with <paramref name="status"/> when given).</summary>
    public async Task AssertDueAsync(string what, string due, string? status = null)
    {
        var rows = await DueAsync();
        Assert.True(
            rows.Any(r => r[0] == what && r[1] == due && (status is null || r[3] == status)),
            $"{who}: \"What is due\" at {Path} has no row \"{what}\" due {due}{(status is null ? "" : " " + status)}. Rows: {string.Join(" | ", rows.Select(r => string.Join(", ", r)))}");
    }

    public async Task AssertBannerAsync(string? banner, string expected)
    {
        Assert.True(banner == expected, $"{who}: expected the banner \"{expected}\" at {Path}, but it was \"{banner}\". Errors shown: {await ErrorsAsync()}");
    }

    public Task ScreenshotAsync(string name) =>
        P.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor(name), FullPage = true });

    /// <summary>The number in the path after <paramref name="segment"/>, for example the contact id in
    /// /children/5/contacts/9/decision after "contacts".</summary>
    public long IdAfter(string segment)
    {
        var match = Regex.Match(Path, "/" + Regex.Escape(segment) + "/(\\d+)");
        Assert.True(match.Success, $"{who}: no id after {segment} in {Path}");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private ILocator Option(string field, string value) => P.Locator($"input[name='{field}'][value='{value}']");

    private static string Normalise(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
