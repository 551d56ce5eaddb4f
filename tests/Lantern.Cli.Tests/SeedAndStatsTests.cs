using System.Text.Json;
using Lantern.TestCommon;

namespace Lantern.Cli.Tests;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("--profile", "xyz", "Unknown profile 'xyz'")]
    [InlineData("--from", "2015-02-30", "--from must be a real date")]
    [InlineData("--to", "31/03/2026", "--to must be a real date")]
    [InlineData("--population", "0", "--population must be at least 1")]
    [InlineData("--population", "many", "--population must be a whole number")]
    [InlineData("--defects", "maybe", "--defects must be on or off")]
    [InlineData("--seed", "x", "--seed must be a whole number")]
    public async Task Seed_refuses_bad_input_with_exit_2_and_writes_nothing(string option, string value, string message)
    {
        await using var db = new TempSqlite();
        var result = await CliRunner.RunAsync("seed", "--db", db.Path, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(db.Path), "nothing should be written");
    }

    [Fact]
    public async Task Seed_refuses_a_range_that_ends_before_it_starts()
    {
        await using var db = new TempSqlite();
        var result = await CliRunner.RunAsync("seed", "--db", db.Path, "--from", "2020-04-01", "--to", "2019-03-31");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("before --from", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(db.Path));
    }

    [Fact]
    public async Task An_unreachable_database_is_one_clear_message_and_exit_2()
    {
        var result = await CliRunner.RunAsync("seed", "--db", "Host=127.0.0.1;Port=1;Username=postgres;Password=x;Database=nowhere", "--population", "1000", "--from", "2025-04-01");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Error:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_one_clear_message_and_exit_2()
    {
        var seed = await CliRunner.RunAsync("seed", "--db", "Host=db;NoSuchKeyword=1");
        var stats = await CliRunner.RunAsync("stats", "--db", "Host=db;NoSuchKeyword=1", "--as-at", "2020-03-31");

        foreach (var result in new[] { seed, stats })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("Error: The PostgreSQL connection string is not valid", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Stats_needs_a_valid_date_and_an_existing_database()
    {
        await using var db = new TempSqlite();
        var missing = await CliRunner.RunAsync("stats", "--db", db.Path, "--as-at", "2020-03-31");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("There is no database", missing.Output, StringComparison.Ordinal);

        var badDate = await CliRunner.RunAsync("stats", "--db", db.Path, "--as-at", "2020-13-01");
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("--as-at must be a real date", badDate.Output, StringComparison.Ordinal);
    }
}

public sealed class SeedAndStatsTests
{
    private static readonly string[] Keys =
    [
        "population_0_17", "children_looked_after", "cla_starts_year", "cla_ends_year", "referrals_year", "referrals_per_10k",
        "rereferrals_pct", "s47_year", "s47_per_10k", "icpc_year", "cp_plans_at_date", "cp_plan_starts_year", "cin_open",
        "open_allocations", "unallocated_children", "workers_fte", "agency_pct", "average_caseload",
    ];

    [Fact]
    public async Task The_default_authority_gives_the_same_calibrated_figures_on_sqlite_and_postgres()
    {
        await using var sqlite = await TestDatabase.CreateAsync(Provider.Sqlite, TestContext.Current.CancellationToken);
        await using var postgres = await TestDatabase.CreateAsync(Provider.Postgres, TestContext.Current.CancellationToken);

        var seededSqlite = await CliRunner.RunAsync("seed", "--db", sqlite.Target);
        Assert.True(seededSqlite.ExitCode == 0, seededSqlite.Output);
        var seededPostgres = await CliRunner.RunAsync("seed", "--db", postgres.Target);
        Assert.True(seededPostgres.ExitCode == 0, seededPostgres.Output);

        foreach (var asAt in new[] { "2016-03-31", "2020-03-31", "2021-03-31", "2022-01-31", "2024-03-31" })
        {
            var a = await CliRunner.RunAsync("stats", "--db", sqlite.Target, "--as-at", asAt);
            var b = await CliRunner.RunAsync("stats", "--db", postgres.Target, "--as-at", asAt);
            Assert.Equal(0, a.ExitCode);
            Assert.Equal(0, b.ExitCode);
            Assert.Equal(a.Output, b.Output);
            using var json = JsonDocument.Parse(a.Output);
            foreach (var key in Keys)
            {
                Assert.True(json.RootElement.TryGetProperty(key, out _), $"missing key {key}");
            }
        }

        // Every indicator, with a year's monthly series, is the same from either database.
        foreach (var asAt in new[] { "2020-03-31", "2025-09-30" })
        {
            var a = await CliRunner.RunAsync("indicators", "--db", sqlite.Target, "--as-at", asAt, "--months", "12");
            var b = await CliRunner.RunAsync("indicators", "--db", postgres.Target, "--as-at", asAt, "--months", "12");
            Assert.True(a.ExitCode == 0, a.Output);
            Assert.True(b.ExitCode == 0, b.Output);
            Assert.Equal(a.Output, b.Output);
        }

        var y2020 = Stats(await CliRunner.RunAsync("stats", "--db", sqlite.Target, "--as-at", "2020-03-31"));
        Assert.InRange(y2020.GetProperty("children_looked_after").GetInt32(), 540, 660);
        Assert.InRange(y2020.GetProperty("s47_per_10k").GetDouble(), 381.6, 466.4);
        Assert.InRange(y2020.GetProperty("icpc_year").GetInt32(), 148, 180);
        Assert.InRange(y2020.GetProperty("referrals_per_10k").GetDouble(), 963, 1177);
        var y2016 = Stats(await CliRunner.RunAsync("stats", "--db", sqlite.Target, "--as-at", "2016-03-31"));
        Assert.InRange(y2016.GetProperty("children_looked_after").GetInt32(), 267, 327);
        var y2021 = Stats(await CliRunner.RunAsync("stats", "--db", sqlite.Target, "--as-at", "2021-03-31"));
        Assert.InRange(y2021.GetProperty("rereferrals_pct").GetDouble(), 27.9, 34.1);
        var jan2022 = Stats(await CliRunner.RunAsync("stats", "--db", sqlite.Target, "--as-at", "2022-01-31"));
        Assert.InRange(jan2022.GetProperty("average_caseload").GetDouble(), 22.5, 27.5);
        var y2024 = Stats(await CliRunner.RunAsync("stats", "--db", sqlite.Target, "--as-at", "2024-03-31"));
        Assert.InRange(y2024.GetProperty("children_looked_after").GetInt32(), 423, 517);

        // `lantern indicators` reproduces the calibration figures (spec/calibration.md) itself.
        var i2020 = Indicators(await CliRunner.RunAsync("indicators", "--db", sqlite.Target, "--as-at", "2020-03-31"));
        Assert.InRange(i2020["cla_count"], 540, 660);
        Assert.InRange(i2020["s47_per_10k"], 381.6, 466.4);
        Assert.InRange(i2020["icpc_count"], 148, 180);
        Assert.InRange(i2020["referrals_per_10k"], 963, 1177);
        Assert.InRange(i2020["allocated_children"], 1840, 2760);
        Assert.InRange(i2020["sw_agency_pct"], 30, 43.2);
        var i2019 = Indicators(await CliRunner.RunAsync("indicators", "--db", sqlite.Target, "--as-at", "2019-03-31"));
        Assert.InRange(i2019["s47_per_10k"], 212.4, 259.6);
        Assert.InRange(i2019["icpc_count"], 88, 108);
        Assert.InRange(i2020["cla_count"] - i2019["cla_count"], 96, 160);
        Assert.InRange(i2020["cpp_count"] / i2019["cpp_count"], 1.10, 1.66);
        Assert.InRange(Indicators(await CliRunner.RunAsync("indicators", "--db", sqlite.Target, "--as-at", "2021-03-31"))["rereferrals_12m_pct"], 27.9, 34.1);
        Assert.InRange(Indicators(await CliRunner.RunAsync("indicators", "--db", sqlite.Target, "--as-at", "2022-01-31"))["sw_caseload"], 22.5, 27.5);
        Assert.InRange(Indicators(await CliRunner.RunAsync("indicators", "--db", sqlite.Target, "--as-at", "2024-03-31"))["cla_count"], 423, 517);

        // Seeding again without --replace is refused and changes nothing.
        var again = await CliRunner.RunAsync("seed", "--db", sqlite.Target, "--seed", "9");
        Assert.Equal(2, again.ExitCode);
        var after = await CliRunner.RunAsync("stats", "--db", sqlite.Target, "--as-at", "2020-03-31");
        Assert.Equal(y2020.ToString(), Stats(after).ToString());
    }

    [Fact]
    public async Task Stats_as_a_table_lists_every_figure()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, TestContext.Current.CancellationToken);
        var seeded = await CliRunner.RunAsync("seed", "--db", db.Target, "--population", "3000", "--from", "2024-04-01", "--to", "2025-03-31");
        Assert.True(seeded.ExitCode == 0, seeded.Output);
        var table = await CliRunner.RunAsync("stats", "--db", db.Target, "--as-at", "2025-03-31", "--format", "table");

        Assert.Equal(0, table.ExitCode);
        foreach (var key in Keys)
        {
            Assert.Contains(key, table.Output, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, double> Indicators(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Output);
        using var doc = JsonDocument.Parse(result.Output);
        return doc.RootElement.EnumerateArray()
            .Where(i => i.GetProperty("value").ValueKind == JsonValueKind.Number)
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("value").GetDouble());
    }

    private static JsonElement Stats(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Output);
        using var doc = JsonDocument.Parse(result.Output);
        return doc.RootElement.Clone();
    }
}
