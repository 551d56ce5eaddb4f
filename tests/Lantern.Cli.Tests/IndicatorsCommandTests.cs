using System.Text.Json;
using Lantern.Metrics.Indicators;
using Lantern.TestCommon;

namespace Lantern.Cli.Tests;

/// <summary>`lantern indicators` on a small seeded authority (3,000 children, April 2023 to March
/// 2025): the output's shape, that it carries the engine's figures, and every kind of bad input.</summary>
public sealed class IndicatorsCommandTests(SmallAuthority authority) : IClassFixture<SmallAuthority>
{
    private readonly TestDatabase db = authority.Database;

    [Fact]
    public async Task Json_has_every_indicator_with_the_named_keys_and_the_engines_figures()
    {
        var result = await CliRunner.RunAsync("indicators", "--db", db.Target, "--as-at", "2025-03-31");
        Assert.True(result.ExitCode == 0, result.Output);
        using var json = JsonDocument.Parse(result.Output);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(IndicatorCatalogue.All.Select(i => i.Id), items.Select(i => i.GetProperty("id").GetString()));

        var data = await Lantern.Data.SnapshotLoader.LoadAsync(Lantern.Data.DbTarget.Parse(db.Target), TestContext.Current.CancellationToken);
        var expected = new IndicatorEngine(data).Compute(new DateOnly(2025, 3, 31)).ToDictionary(v => v.Id);
        foreach (var item in items)
        {
            foreach (var key in new[] { "id", "title", "value", "numerator", "denominator", "unit", "polarity", "england" })
            {
                Assert.True(item.TryGetProperty(key, out _), $"missing {key}");
            }

            Assert.False(item.TryGetProperty("series", out _), "no series without --months");
            var v = expected[item.GetProperty("id").GetString()!];
            Assert.Equal(v.Numerator, item.GetProperty("numerator").GetDouble());
            Assert.Equal(v.Denominator, item.GetProperty("denominator").GetDouble());
            if (v.Value is { } value)
            {
                Assert.Equal(value, item.GetProperty("value").GetDouble());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, item.GetProperty("value").ValueKind);
            }

            var england = Comparisons.England(v.Id, v.AsAt);
            Assert.Equal(england?.Value, item.GetProperty("england").ValueKind == JsonValueKind.Null ? null : item.GetProperty("england").GetDouble());
        }

        // Re-referrals have a published England figure for 2024-25 (22.6%).
        Assert.Equal(22.6, items.Single(i => i.GetProperty("id").GetString() == "rereferrals_12m_pct").GetProperty("england").GetDouble());
    }

    [Fact]
    public async Task Months_adds_a_series_of_month_ends_whose_last_point_is_the_as_at_figure()
    {
        var result = await CliRunner.RunAsync("indicators", "--db", db.Target, "--as-at", "2025-03-15", "--months", "6", "--indicator", "referrals_per_10k,rereferrals_12m_pct");
        Assert.True(result.ExitCode == 0, result.Output);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        foreach (var item in json.RootElement.EnumerateArray())
        {
            var series = item.GetProperty("series").EnumerateArray().ToList();
            Assert.Equal(["2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"], series.Select(p => p.GetProperty("month").GetString()));
            Assert.Equal(item.GetProperty("value").GetDouble(), series[^1].GetProperty("value").GetDouble());
        }

        var csv = await CliRunner.RunAsync("indicators", "--db", db.Target, "--as-at", "2025-03-15", "--months", "6", "--indicator", "referrals_per_10k", "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.Output);
        var lines = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,title,area,unit,polarity,month,as_at,value,numerator,denominator,england,england_period", lines[0], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length);
        Assert.Contains(",2024-10,2024-10-31,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2025-03,2025-03-15,", lines[6], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as-at", "2030-03-31", "--as-at 2030-03-31 is outside the data: this database holds records from 2023-04-01 to 2025-03-31")]
    [InlineData("--as-at", "2023-03-31", "is outside the data")]
    [InlineData("--as-at", "31/03/2025", "--as-at must be a real date in the form yyyy-mm-dd")]
    [InlineData("--months", "0", "--months must be a whole number from 1 to 120")]
    [InlineData("--months", "three", "--months must be a whole number from 1 to 120")]
    [InlineData("--months", "36", "--months 36 reaches back to 2022-04, before the data begins on 2023-04-01; use at most 24")]
    [InlineData("--format", "xml", "--format must be json or csv")]
    [InlineData("--indicator", "referals_per_10k", "There is no indicator 'referals_per_10k'. Did you mean referrals_per_10k?")]
    public async Task Bad_input_is_one_clear_message_and_exit_2(string option, string value, string message)
    {
        var args = new List<string> { "indicators", "--db", db.Target, "--as-at", "2025-03-31" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.Add(option);
            args.Add(value);
        }

        var result = await CliRunner.RunAsync([.. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, string.Join(' ', result.Output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_is_refused()
    {
        var result = await CliRunner.RunAsync("indicators", "--db", Path.Combine(Path.GetTempPath(), "no-such-lantern.db"), "--as-at", "2025-03-31");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("There is no database at", result.Output, StringComparison.Ordinal);
    }
}

/// <summary>One small seeded SQLite authority shared by a test class (seeded once).</summary>
public sealed class SmallAuthority : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider.Sqlite, CancellationToken.None);
        var seeded = await CliRunner.RunAsync("seed", "--db", Database.Target, "--population", "3000", "--from", "2023-04-01", "--to", "2025-03-31");
        Assert.True(seeded.ExitCode == 0, seeded.Output);
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
