using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Tests.Journey;

/// <summary>The benchmarks and targets pages through the real pipeline: a bad benchmark file is
/// refused line by line and nothing is stored; a good one is stored whole; a target out of range is
/// refused naming the field; an analyst may load, a team manager may not. The benchmarks and targets
/// are the council's, shared by the whole server, so each test leaves none behind.</summary>
public sealed partial class IndicatorSettingsTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JourneyData data = new(server);

    [Fact]
    public async Task A_bad_benchmark_file_is_refused_with_its_lines_and_a_good_one_is_stored_whole()
    {
        var analyst = await SessionPool.ForAsync(server, StaffRole.PerformanceAnalyst);
        try
        {
            var (page, form) = await analyst.GetAsync("/indicators/benchmarks");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);
            Assert.Contains("No benchmarks have been loaded.", form, StringComparison.Ordinal);

            // Line 3 is out of range for a percentage; line 4 repeats line 2.
            var (refused, html) = await UploadAsync(analyst, "/indicators/benchmarks", string.Join(
                "\n",
                "indicator,comparator,period_end,value,source",
                "rereferrals_12m_pct,statistical_neighbours,2025-03-31,20.9,LAIT",
                "rereferrals_12m_pct,region,2025-03-31,101,LAIT",
                "rereferrals_12m_pct,statistical_neighbours,2025-03-31,21,LAIT"));

            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var text = WebUtility.HtmlDecode(html);
            Assert.Contains("<title>Error: ", text, StringComparison.Ordinal);
            Assert.Contains("Nothing was loaded. Correct these lines and load the file again.", text, StringComparison.Ordinal);
            Assert.Contains("<a href=\"#f-file\">Line 3, value: 101 is out of range: rereferrals_12m_pct is from 0 to 100.</a>", text, StringComparison.Ordinal);
            Assert.Contains("<a href=\"#f-file\">Line 4: It repeats line 2 (rereferrals_12m_pct, statistical_neighbours, 2025-03-31). Keep one line for each indicator, comparator and period.</a>", text, StringComparison.Ordinal);
            Assert.Contains("The file has 2 problems: nothing was loaded", text, StringComparison.Ordinal);
            Assert.Equal(0, await data.QueryAsync(db => db.IndicatorBenchmarks.CountAsync(Ct)));

            // With a byte order mark, as Excel saves "CSV UTF-8".
            var good = "\uFEFFindicator,comparator,period_end,value,source\r\n"
                + "rereferrals_12m_pct,statistical_neighbours,2025-03-31,20.9,LAIT 2025\r\n"
                + "rereferrals_12m_pct,statistical_neighbours,2024-03-31,21.3,LAIT 2024\r\n"
                + "rereferrals_12m_pct,region,2025-03-31,19.8,\"Yorkshire and the Humber, LAIT\"\r\n";
            var (loaded, _) = await UploadAsync(analyst, "/indicators/benchmarks", good);

            Assert.Equal(HttpStatusCode.Redirect, loaded.StatusCode);
            var rows = await data.QueryAsync(db => db.IndicatorBenchmarks.AsNoTracking().OrderBy(b => b.Comparator).ThenBy(b => b.PeriodEnd).ToListAsync(Ct));
            Assert.Equal(
                [
                    ("region", new DateOnly(2025, 3, 31), 19.8, "Yorkshire and the Humber, LAIT"),
                    ("statistical_neighbours", new DateOnly(2024, 3, 31), 21.3, "LAIT 2024"),
                    ("statistical_neighbours", new DateOnly(2025, 3, 31), 20.9, "LAIT 2025"),
                ],
                rows.Select(r => (r.Comparator, r.PeriodEnd, r.Value, r.Source)));
            Assert.All(rows, r => Assert.Equal(DemoAccess.UserName(StaffRole.PerformanceAnalyst), r.LoadedBy));
            var (_, after) = await analyst.GetAsync("/indicators/benchmarks");
            Assert.Contains("Loaded 2 statistical neighbours benchmarks and 1 region benchmark", after, StringComparison.Ordinal);
            var audit = await data.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.IndicatorSettingsChanged).OrderByDescending(e => e.Id).FirstAsync(Ct));
            Assert.Equal("benchmarks loaded: statistical_neighbours 2 rows replacing 0 (rereferrals_12m_pct); region 1 rows replacing 0 (rereferrals_12m_pct)", audit.Detail);
            Assert.Equal(DemoAccess.UserName(StaffRole.PerformanceAnalyst), audit.UserName);

            // The download is the same format, ready to load again.
            var (download, csv) = await analyst.GetAsync("/indicators/benchmarks?handler=Download");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(
                "indicator,comparator,period_end,value,source\r\n"
                + "rereferrals_12m_pct,region,2025-03-31,19.8,\"Yorkshire and the Humber, LAIT\"\r\n"
                + "rereferrals_12m_pct,statistical_neighbours,2024-03-31,21.3,LAIT 2024\r\n"
                + "rereferrals_12m_pct,statistical_neighbours,2025-03-31,20.9,LAIT 2025\r\n",
                csv);
        }
        finally
        {
            await data.QueryAsync(db => db.IndicatorBenchmarks.ExecuteDeleteAsync(Ct));
        }
    }

    [Fact]
    public async Task A_team_manager_may_read_the_benchmarks_and_targets_but_not_load_or_set_them()
    {
        var tm = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var (benchmarks, benchmarksHtml) = await tm.GetAsync("/indicators/benchmarks");
        Assert.Equal(HttpStatusCode.OK, benchmarks.StatusCode);
        Assert.DoesNotContain("<form method=\"post\"", benchmarksHtml, StringComparison.Ordinal);
        var (targets, targetsHtml) = await tm.GetAsync("/indicators/targets");
        Assert.Equal(HttpStatusCode.OK, targets.StatusCode);
        Assert.DoesNotContain("<form method=\"post\"", targetsHtml, StringComparison.Ordinal);

        // The forms are not shown to them: post with a token from a form they do have.
        var own = await data.WorkerIdAsync(StaffRole.TeamManager);
        var formPage = $"/workforce/workers/{own}/supervision";
        var (upload, _) = await UploadAsync(tm, formPage, "indicator,comparator,period_end,value\nrereferrals_12m_pct,region,2025-03-31,19.8\n", "/indicators/benchmarks");
        AssertDenied(upload);
        var (set, _) = await tm.PostFormAsync(formPage, new() { ["Indicator"] = "rereferrals_12m_pct", ["Target"] = "20", ["Amber"] = "2" }, "/indicators/targets");
        AssertDenied(set);

        Assert.Equal(0, await data.QueryAsync(db => db.IndicatorBenchmarks.CountAsync(Ct)));
        Assert.Equal(0, await data.QueryAsync(db => db.IndicatorTargets.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_target_out_of_range_is_refused_naming_the_field_and_a_good_one_is_set_and_removed()
    {
        var manager = await SessionPool.ForAsync(server, StaffRole.ServiceManager);
        const string path = "/indicators/targets";
        var stored = () => data.QueryAsync(db => db.IndicatorTargets.CountAsync(Ct));
        try
        {
            await data.AssertRefusedAsync(manager, path, Target("rereferrals_12m_pct", "120", "2"), "f-target", "The target 120 is out of range: Re-referrals within 12 months is from 0 to 100", stored);
            await data.AssertRefusedAsync(manager, path, Target("rereferrals_12m_pct", "20", "-1"), "f-amber", "The amber margin must be 0 or more (0 means anything that misses the target is red)", stored);
            await data.AssertRefusedAsync(manager, path, Target("rereferrals_12m_pct", "twenty", "2"), "f-target", "Enter the target as a number, like 22.5", stored);
            await data.AssertRefusedAsync(manager, path, Target("referrals_per_10k", "500", "20"), "f-indicator", "Referrals per 10,000 children has no target: it measures demand, so neither higher nor lower is better and it is not rated red, amber or green", stored);

            var (saved, _) = await manager.PostFormAsync(path, Target("rereferrals_12m_pct", "20", "2.5"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var row = await data.QueryAsync(db => db.IndicatorTargets.AsNoTracking().SingleAsync(Ct));
            Assert.Equal(("rereferrals_12m_pct", 20.0, 2.5, DemoAccess.UserName(StaffRole.ServiceManager)), (row.IndicatorId, row.Value, row.AmberMargin, row.SetBy));
            var (_, list) = await manager.GetAsync(path);
            Assert.Contains("The target for Re-referrals within 12 months is 20%, amber within 2.5", WebUtility.HtmlDecode(list), StringComparison.Ordinal);

            var (removed, _) = await manager.PostFormAsync(path, new() { ["Remove"] = "rereferrals_12m_pct" }, path + "?handler=Remove");
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
            Assert.Equal(0, await stored());
            var audit = await data.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.IndicatorSettingsChanged && e.RecordType == "indicator_target").OrderByDescending(e => e.Id).Take(2).Select(e => e.Detail).ToListAsync(Ct));
            Assert.Equal(["target for rereferrals_12m_pct removed (was 20 with amber margin 2.5)", "target for rereferrals_12m_pct set to 20 with amber margin 2.5 (was none)"], audit);
        }
        finally
        {
            await data.QueryAsync(db => db.IndicatorTargets.ExecuteDeleteAsync(Ct));
        }
    }

    private static Dictionary<string, string> Target(string indicator, string target, string amber) =>
        new() { ["Indicator"] = indicator, ["Target"] = target, ["Amber"] = amber };

    private void AssertDenied(HttpResponseMessage response)
    {
        var location = response.Headers.Location is { } l ? new Uri(server.RootUri, l).AbsolutePath : null;
        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location == "/account/access-denied"),
            $"expected a refusal, got {(int)response.StatusCode} {location}");
    }

    /// <summary>Posts <paramref name="csv"/> as the file of the upload form, with the anti-forgery
    /// token of the form at <paramref name="formPath"/>, to <paramref name="postPath"/> (the same page by default).</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(Session session, string formPath, string csv, string? postPath = null)
    {
        var (_, form) = await session.GetAsync(formPath);
        var token = TokenPattern().Match(form);
        Assert.True(token.Success, $"no anti-forgery token on {formPath}");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        body.Add(file, "file", "benchmarks.csv");
        var response = await session.Client.PostAsync(new Uri(postPath ?? formPath, UriKind.Relative), body, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
