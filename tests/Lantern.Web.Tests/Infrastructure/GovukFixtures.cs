using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lantern.Web.Tests.Infrastructure;

/// <summary>
/// The expected HTML that GOV.UK Frontend publishes for each component example
/// (node_modules/govuk-frontend/dist/govuk/components/NAME/fixtures.json), and a normaliser so
/// that only differences a browser would notice fail a comparison.
/// </summary>
public static partial class GovukFixtures
{
    public static string Html(string webContentRoot, string component, string fixtureName)
    {
        var path = Path.Combine(webContentRoot, "node_modules", "govuk-frontend", "dist", "govuk", "components", component, "fixtures.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var fixture in document.RootElement.GetProperty("fixtures").EnumerateArray())
        {
            if (fixture.GetProperty("name").GetString() == fixtureName)
            {
                return fixture.GetProperty("html").GetString()!;
            }
        }

        throw new InvalidOperationException($"No fixture '{fixtureName}' for {component} in {path}.");
    }

    /// <summary>
    /// Decodes entities (Razor writes &amp;#x27; where Nunjucks writes &amp;#39;), writes boolean
    /// attributes one way (disabled="disabled" is disabled), collapses whitespace and drops it
    /// between tags.
    /// </summary>
    public static string Normalise(string html)
    {
        var decoded = WebUtility.HtmlDecode(html);
        decoded = BooleanAttribute().Replace(decoded, "$1");
        decoded = Whitespace().Replace(decoded, " ");
        decoded = SpaceAfterTag().Replace(decoded, ">");
        decoded = SpaceBeforeTag().Replace(decoded, "<");
        return decoded.Trim();
    }

    [GeneratedRegex(@"\b(disabled|hidden|checked|selected)=""\1""")]
    private static partial Regex BooleanAttribute();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@">\s")]
    private static partial Regex SpaceAfterTag();

    [GeneratedRegex(@"\s<")]
    private static partial Regex SpaceBeforeTag();
}
