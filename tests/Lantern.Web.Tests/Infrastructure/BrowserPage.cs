using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Lantern.Web.Tests.Infrastructure;

/// <summary>
/// A Playwright page that remembers what went wrong while it was used: console errors, uncaught
/// script errors, failed or 4xx/5xx requests and CSP violations. Call <see cref="AssertHealthyAsync"/>
/// after visiting a page: it also runs axe and fails on serious or critical violations.
/// </summary>
public sealed partial class BrowserPage : IAsyncDisposable
{
    // Runs before any page script, so it sees violations from the first byte; the page's CSP does not
    // apply to scripts Playwright injects.
    private const string CspListener =
        "window.__cspViolations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(" +
        "e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    private readonly IBrowserContext _context;
    private readonly List<Problem> _problems = [];

    private BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _problems.Add(new($"console {message.Type}: {message.Text} ({message.Location})", UrlOf(message.Location), IsStatus: false));
            }
        };
        page.PageError += (_, error) => _problems.Add(new($"uncaught script error: {error}", null, IsStatus: false));
        page.RequestFailed += (_, request) =>
            _problems.Add(new($"request failed: {request.Method} {request.Url} ({request.Failure})", request.Url, IsStatus: false));
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _problems.Add(new($"HTTP {response.Status}: {response.Request.Method} {response.Url}", response.Url, IsStatus: true));
            }
        };
    }

    public IPage Page { get; }

    internal static async Task<BrowserPage> CreateAsync(IBrowserContext context)
    {
        await context.AddInitScriptAsync(CspListener);
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page);
    }

    /// <summary>Go to a path relative to the site root and return the main response.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return response ?? throw new InvalidOperationException($"No response for {path}.");
    }

    /// <summary>
    /// Fails with every problem seen so far. <paramref name="expectedStatusPaths"/> lists paths whose
    /// 4xx responses are the point of the test (a 404 page's own response).
    /// </summary>
    public async Task AssertHealthyAsync(params string[] expectedStatusPaths)
    {
        var violations = await Page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        var problems = _problems
            .Where(p => !expectedStatusPaths.Any(p.IsExpectedStatusFor))
            .Select(p => p.Text)
            .Concat(violations.Select(v => $"CSP violation: {v}"))
            .ToList();

        var axe = await Page.RunAxe();
        problems.AddRange(axe.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(Describe));

        Assert.True(problems.Count == 0, $"Problems on {Page.Url}:\n" + string.Join('\n', problems));
    }

    // Playwright gives a console message's location as "url:line:column".
    private static string UrlOf(string location) => TrailingLineAndColumn().Replace(location, "");

    [GeneratedRegex(@":\d+:\d+$")]
    private static partial Regex TrailingLineAndColumn();

    private sealed record Problem(string Text, string? Url, bool IsStatus)
    {
        // The document's own status (and Chromium's console line about it) when that status is the
        // point of the test; nothing else, so a missing stylesheet or font still fails.
        public bool IsExpectedStatusFor(string path) =>
            Url is not null
            && Uri.TryCreate(Url, UriKind.Absolute, out var uri)
            && uri.PathAndQuery == path
            && (IsStatus || Text.StartsWith("console error: Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal));
    }

    private static string Describe(AxeResultItem violation) =>
        $"axe {violation.Impact} {violation.Id}: {violation.Help} at " +
        string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()));

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
