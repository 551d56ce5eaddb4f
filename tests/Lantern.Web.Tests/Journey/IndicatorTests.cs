using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Metrics.Indicators;
using Lantern.Web.Data;
using Lantern.Web.Indicators;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>The performance pages (/indicators): the figures shown are the indicator engine's for
/// the same record (an engine built here from a snapshot read independently of the app's); the
/// indicator page shows the definition and a breakdown whose numerators add up to the total; the
/// children behind a figure are exactly the engine's units in the numerator that the person may
/// open, and a performance analyst (numbers only) may not see them; the downloads carry the same
/// figures as the pages, with formulas made harmless.</summary>
public sealed partial class IndicatorTests(LanternWebServer server)
{
    private const string Indicator = "referrals_per_10k";
    private const string Percent = "rereferrals_12m_pct";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_overview_shows_each_headline_figure_as_the_engine_works_it_out_from_the_record()
    {
        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        var results = server.Services.GetRequiredService<IndicatorResults>();
        var options = server.Services.GetRequiredService<LanternDataOptions>();
        var failures = new List<string>();

        // Other tests write to the record while this one runs: work the figures out again, read the
        // record, and ask again if a write fell between the two (at most a few times).
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var kept = await results.RefreshAsync(Ct);
            var (response, html) = await director.GetAsync("/indicators");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"Figures calculated at {kept.CalculatedAtText} from the live record.", html, StringComparison.Ordinal);
            var engine = new IndicatorEngine(await SnapshotLoader.LoadAsync(options.Target, Ct));
            failures.Clear();
            foreach (var id in new[] { Indicator, Percent })
            {
                var expected = IndicatorEngine.Measure(IndicatorCatalogue.Get(id), engine.ContextOn(options.Today));
                var shown = ShownValue(html, id);
                if (shown != IndicatorDashboards.Plain(expected.Value))
                {
                    failures.Add($"{id}: page {shown}, engine {expected.Value}");
                }
            }

            if (failures.Count == 0)
            {
                break;
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task The_indicator_page_shows_the_definition_and_breakdowns_whose_numerators_add_up_to_the_total()
    {
        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        var results = server.Services.GetRequiredService<IndicatorResults>();
        var kept = await results.CurrentAsync(Ct);
        var definition = IndicatorCatalogue.Get(Indicator).Definition;

        var (response, html) = await director.GetAsync($"/indicators/{Indicator}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(definition.Definition, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains(definition.Formula, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        kept = await results.CurrentAsync(Ct);
        var total = kept.ById[Indicator].Numerator;
        Assert.True(total > 0, "the seeded record has no referrals in the year: nothing to check");

        foreach (var by in new[] { "team", "ward", "age-band", "sex", "ethnicity" })
        {
            (response, html) = await director.GetAsync($"/indicators/{Indicator}?by={by}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var numerators = BreakdownNumerators(html);
            // Every referral in the year is in exactly one group, so the groups add up to the
            // total in the last row (the director sees every count: nothing is suppressed).
            Assert.Equal(numerators[^1], numerators[..^1].Sum());
            Assert.True(numerators[^1] > 0);
        }

        var (definitionResponse, definitionHtml) = await director.GetAsync($"/indicators/{Indicator}/definition");
        Assert.Equal(HttpStatusCode.OK, definitionResponse.StatusCode);
        Assert.Contains(definition.Definition, WebUtility.HtmlDecode(definitionHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync("/indicators/no_such_indicator")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/indicators/{Indicator}?by=shoe-size")).Response.StatusCode);
    }

    [Fact]
    public async Task The_children_behind_a_figure_are_the_engines_units_and_a_performance_analyst_may_not_see_them()
    {
        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        var kept = await server.Services.GetRequiredService<IndicatorResults>().CurrentAsync(Ct);
        var units = kept.Engine.Units(IndicatorCatalogue.Get(Percent), kept.AsAt);
        var numerator = units.Where(u => u.Numerator > 0).Select(u => u.SubjectId).ToHashSet();
        Assert.NotEmpty(numerator);

        // The director may open every record that is not restricted: those are listed, the others counted.
        var listed = new List<long>();
        string html;
        for (var page = 1; ; page++)
        {
            HttpResponseMessage response;
            (response, html) = await director.GetAsync($"/indicators/{Percent}/children?page={page}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            listed.AddRange(DataIds().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
            if (!html.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        var restricted = numerator.Where(id => kept.Engine.Index.Children[id].IsRestricted).ToHashSet();
        Assert.Equal(numerator.Except(restricted).Order(), listed.Order());
        if (restricted.Count > 0)
        {
            Assert.Contains($"{restricted.Count:N0} {(restricted.Count == 1 ? "child is" : "children are")} not listed", html, StringComparison.Ordinal);
        }

        var (denominator, denominatorHtml) = await director.GetAsync($"/indicators/{Percent}/children?in=denominator");
        Assert.Equal(HttpStatusCode.OK, denominator.StatusCode);
        Assert.Contains($"({units.Count(u => u.Denominator > 0):N0} in all)", denominatorHtml, StringComparison.Ordinal);

        var analyst = await SessionPool.ForAsync(server, StaffRole.PerformanceAnalyst);
        var (refused, _) = await analyst.GetAsync($"/indicators/{Percent}/children");
        var location = refused.Headers.Location is { } l ? new Uri(server.RootUri, l).AbsolutePath : null;
        Assert.True(
            refused.StatusCode == HttpStatusCode.Forbidden || (refused.StatusCode == HttpStatusCode.Redirect && location == "/account/access-denied"),
            $"a performance analyst got {(int)refused.StatusCode} {location}");
        var (page2, analystHtml) = await analyst.GetAsync($"/indicators/{Percent}");
        Assert.Equal(HttpStatusCode.OK, page2.StatusCode);
        Assert.DoesNotContain($"/indicators/{Percent}/children", analystHtml, StringComparison.Ordinal);

        // A social worker (records, not numbers) may not see the list either.
        var worker = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var (workerRefused, _) = await worker.GetAsync($"/indicators/{Percent}/children");
        Assert.NotEqual(HttpStatusCode.OK, workerRefused.StatusCode);
    }

    [Fact]
    public async Task The_downloads_carry_the_same_figures_as_the_pages()
    {
        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        var kept = await server.Services.GetRequiredService<IndicatorResults>().CurrentAsync(Ct);
        var value = kept.ById[Indicator];

        var (overview, csv) = await director.GetAsync("/indicators?format=csv");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal("text/csv", overview.Content.Headers.ContentType?.MediaType);
        var cells = CsvRows(csv).Single(r => r[1] == Indicator);
        Assert.Equal(["dashboard", "indicator_id", "indicator", "unit", "as_at", "value", "numerator", "denominator"], CsvRows(csv)[0][..8]);
        Assert.Equal(IndicatorDashboards.Plain(value.Value), cells[5]);
        Assert.Equal(IndicatorDashboards.Plain(value.Numerator), cells[6]);
        Assert.Equal(IndicatorDashboards.Plain(value.Denominator), cells[7]);

        // The dashboard's figures: the 24 months of each of its indicators.
        var (dashboard, dashboardCsv) = await director.GetAsync("/indicators/front-door?format=csv");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var series = kept.Series[Indicator];
        var rows = CsvRows(dashboardCsv).Where(r => r[0] == Indicator).ToList();
        Assert.Equal(IndicatorResults.SeriesMonths, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var p = series[i];
            Assert.Equal([p.Month, p.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), IndicatorDashboards.Plain(p.Value), IndicatorDashboards.Plain(p.Numerator), IndicatorDashboards.Plain(p.Denominator)], rows[i][3..]);
        }

        // A breakdown as CSV, and the workbook's first sheet (the monthly series).
        var (breakdown, breakdownCsv) = await director.GetAsync($"/indicators/{Indicator}?by=team&format=csv");
        Assert.Equal(HttpStatusCode.OK, breakdown.StatusCode);
        var teams = kept.Breakdown(IndicatorCatalogue.Get(Indicator), Dimension.Team);
        var groups = CsvRows(breakdownCsv).Skip(1).ToList();
        Assert.Equal(teams.Select(t => (t.Group, IndicatorDashboards.Plain(t.Numerator))), groups.Select(g => (g[2], g[4])));
        Assert.Equal(value.Numerator, groups.Sum(g => double.Parse(g[4], CultureInfo.InvariantCulture)));

        var xlsx = await director.Client.GetAsync(new Uri($"/indicators/{Indicator}?format=xlsx", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(TableDownload.XlsxType, xlsx.Content.Headers.ContentType?.ToString());
        await using var stream = await xlsx.Content.ReadAsStreamAsync(Ct);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sheet = await reader.ReadToEndAsync(Ct);
        foreach (var point in series.Where(p => p.Value is not null))
        {
            Assert.Contains($"<v>{IndicatorDashboards.Plain(point.Value)}</v>", sheet, StringComparison.Ordinal);
        }

        Assert.True(zip.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)) == 1 + IndicatorSubjects.Dimensions(SubjectKind.Child).Count);
    }

    [Fact]
    public void Csv_cells_are_quoted_and_formulas_made_harmless()
    {
        Assert.Equal("'=HYPERLINK(\"\"x\"\")", TableDownload.CsvCell("=HYPERLINK(\"x\")").Trim('"'));
        Assert.Equal("'+1", TableDownload.CsvCell("+1"));
        Assert.Equal("'@SUM(A1)", TableDownload.CsvCell("@SUM(A1)"));
        Assert.Equal("'-x", TableDownload.CsvCell("-x"));
        Assert.Equal("-1.5", TableDownload.CsvCell("-1.5"));
        Assert.Equal("\"Smith, Jo\"", TableDownload.CsvCell("Smith, Jo"));
        Assert.Equal("\"two\r\nlines\"", TableDownload.CsvCell("two\r\nlines"));
        Assert.Equal("12.5", TableDownload.CsvCell("12.5"));
    }

    [Fact]
    public async Task A_performance_analyst_sees_small_counts_suppressed_and_every_dashboard()
    {
        var analyst = await SessionPool.ForAsync(server, StaffRole.PerformanceAnalyst);
        foreach (var dashboard in IndicatorDashboards.All)
        {
            var (response, html) = await analyst.GetAsync(dashboard.Path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("from the live record.", html, StringComparison.Ordinal);
        }

        // Each group's numerator shown to the analyst is the count, or [c] when it is from 1 to 5
        // (and one more hidden when only one is, so it cannot be worked out from the total).
        var kept = await server.Services.GetRequiredService<IndicatorResults>().CurrentAsync(Ct);
        var teams = kept.Breakdown(IndicatorCatalogue.Get(Indicator), Dimension.Team);
        var hide = Suppression.Suppress([.. teams.Select(t => (int)t.Numerator)]);
        var (_, page) = await analyst.GetAsync($"/indicators/{Indicator}?by=team");
        var shown = BreakdownCells(page);
        Assert.Equal(teams.Count + 1, shown.Count);
        for (var i = 0; i < teams.Count; i++)
        {
            Assert.Equal(hide[i] ? Suppression.SuppressedText : IndicatorDashboards.Plain(teams[i].Numerator), shown[i]);
        }
    }

    /// <summary>The rows of a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks).</summary>
    private static List<string[]> CsvRows(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }

    private static string? ShownValue(string html, string id)
    {
        var row = Regex.Match(html, $"data-indicator=\"{id}\".*?</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"the overview has no row for {id}");
        return Regex.Match(row.Value, "data-value=\"([^\"]*)\"").Groups[1].Value;
    }

    private static List<string> BreakdownCells(string html) =>
        [.. Regex.Matches(WorkViewTests.Table(html, "breakdown-table"), "<td[^>]*data-value=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static List<double> BreakdownNumerators(string html) =>
        [.. BreakdownCells(html).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];

    [GeneratedRegex("<tr class=\"govuk-table__row\" data-id=\"([0-9]+)\"")]
    private static partial Regex DataIds();
}
