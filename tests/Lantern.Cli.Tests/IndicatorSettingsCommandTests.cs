using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Cli.Tests;

/// <summary><c>lantern benchmarks load</c> and <c>lantern targets set</c>: a good file or target is
/// written with its audit entry; bad input is a message naming the line or option, exit 2, and
/// nothing written.</summary>
public sealed class IndicatorSettingsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task A_good_file_is_loaded_whole_and_replaces_only_the_comparators_it_names(Provider provider)
    {
        await using var db = await MigratedAsync(provider);
        using var first = new TempFile(
            "indicator,comparator,period_end,value,source",
            "rereferrals_12m_pct,statistical_neighbours,2024-03-31,21.3,LAIT 2024",
            "rereferrals_12m_pct,statistical_neighbours,2025-03-31,20.9,LAIT 2025",
            "rereferrals_12m_pct,region,2025-03-31,19.8,\"Yorkshire and the Humber, LAIT\"");

        var loaded = await CliRunner.RunAsync("benchmarks", "load", "--db", db.Target, "--file", first.Path);

        Assert.True(loaded.ExitCode == 0, loaded.Output);
        Assert.Contains("Loaded 2 statistical neighbours benchmarks and 1 region benchmark", Words(loaded.Output), StringComparison.Ordinal);
        Assert.Equal(
            ["region 2025-03-31 19.8 Yorkshire and the Humber, LAIT", "statistical_neighbours 2024-03-31 21.3 LAIT 2024", "statistical_neighbours 2025-03-31 20.9 LAIT 2025"],
            await BenchmarksAsync(db));

        // Only region lines: the region's benchmark is replaced, the statistical neighbours' kept.
        using var second = new TempFile("indicator,comparator,period_end,value", "rereferrals_12m_pct,region,2024-03-31,18.5", "referrals_per_10k,region,2025-03-31,540");
        var replaced = await CliRunner.RunAsync("benchmarks", "load", "--db", db.Target, "--file", second.Path);

        Assert.True(replaced.ExitCode == 0, replaced.Output);
        Assert.Contains("Loaded 2 region benchmarks, replacing the region benchmarks loaded before.", Words(replaced.Output), StringComparison.Ordinal);
        Assert.Equal(
            ["region 2024-03-31 18.5 ", "region 2025-03-31 540 ", "statistical_neighbours 2024-03-31 21.3 LAIT 2024", "statistical_neighbours 2025-03-31 20.9 LAIT 2025"],
            await BenchmarksAsync(db));
        Assert.Equal(
            [
                "benchmarks loaded: statistical_neighbours 2 rows replacing 0 (rereferrals_12m_pct); region 1 rows replacing 0 (rereferrals_12m_pct)",
                "benchmarks loaded: region 2 rows replacing 1 (referrals_per_10k, rereferrals_12m_pct)",
            ],
            await AuditAsync(db));
    }

    [Theory, ProviderData]
    public async Task A_bad_file_lists_every_bad_line_and_loads_nothing(Provider provider)
    {
        await using var db = await MigratedAsync(provider);
        using var good = new TempFile("indicator,comparator,period_end,value", "rereferrals_12m_pct,region,2025-03-31,19.8");
        Assert.Equal(0, (await CliRunner.RunAsync("benchmarks", "load", "--db", db.Target, "--file", good.Path)).ExitCode);
        using var bad = new TempFile(
            "indicator,comparator,period_end,value",
            "rereferrals_12m_pct,region,2024-03-31,18.5",
            "rereferrals_12m_pct,region,2023-03-31,101",
            "referals_per_10k,statistical_neighbours,2025-03-31,540",
            "rereferrals_12m_pct,region,2024-03-31,18.6");

        var result = await CliRunner.RunAsync("benchmarks", "load", "--db", db.Target, "--file", bad.Path);

        Assert.Equal(2, result.ExitCode);
        var text = Words(result.Output);
        Assert.Contains("has 3 problems; nothing was loaded.", text, StringComparison.Ordinal);
        Assert.Contains("Line 3, value: 101 is out of range: rereferrals_12m_pct is from 0 to 100.", text, StringComparison.Ordinal);
        Assert.Contains("Line 4, indicator: There is no indicator 'referals_per_10k'. Did you mean referrals_per_10k?", text, StringComparison.Ordinal);
        Assert.Contains("Line 5: It repeats line 2 (rereferrals_12m_pct, region, 2024-03-31).", text, StringComparison.Ordinal);
        Assert.Equal(["region 2025-03-31 19.8 "], await BenchmarksAsync(db));
        Assert.Single(await AuditAsync(db));
    }

    [Theory, ProviderData]
    public async Task A_target_is_set_then_changed_and_a_bad_one_changes_nothing(Provider provider)
    {
        await using var db = await MigratedAsync(provider);

        var set = await CliRunner.RunAsync("targets", "set", "--db", db.Target, "--indicator", "rereferrals_12m_pct", "--target", "20", "--amber", "2");
        Assert.True(set.ExitCode == 0, set.Output);
        var changed = await CliRunner.RunAsync("targets", "set", "--db", db.Target, "--indicator", "rereferrals_12m_pct", "--target", "18.5", "--amber", "1.5");
        Assert.True(changed.ExitCode == 0, changed.Output);
        Assert.Contains("The target for rereferrals_12m_pct set to 18.5 with amber margin 1.5 (was 20 with amber margin 2).", Words(changed.Output), StringComparison.Ordinal);

        var outOfRange = await CliRunner.RunAsync("targets", "set", "--db", db.Target, "--indicator", "rereferrals_12m_pct", "--target", "120", "--amber", "2");
        Assert.Equal(2, outOfRange.ExitCode);
        Assert.Contains("--target: The target 120 is out of range: Re-referrals within 12 months is from 0 to 100", Words(outOfRange.Output), StringComparison.Ordinal);
        var demand = await CliRunner.RunAsync("targets", "set", "--db", db.Target, "--indicator", "referrals_per_10k", "--target", "500", "--amber", "-1");
        Assert.Equal(2, demand.ExitCode);
        Assert.Contains("--indicator: Referrals per 10,000 children has no target", Words(demand.Output), StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", demand.Output, StringComparison.Ordinal);

        await using var context = LanternDatabase.CreateContext(DbTarget.Parse(db.Target));
        var row = Assert.Single(await context.IndicatorTargets.AsNoTracking().ToListAsync(Ct));
        Assert.Equal(("rereferrals_12m_pct", 18.5, 1.5), (row.IndicatorId, row.Value, row.AmberMargin));
        Assert.StartsWith("lantern command (", row.SetBy, StringComparison.Ordinal);
        Assert.Equal(
            ["target for rereferrals_12m_pct set to 20 with amber margin 2 (was none)", "target for rereferrals_12m_pct set to 18.5 with amber margin 1.5 (was 20 with amber margin 2)"],
            await AuditAsync(db));
        Assert.True((await AuditTrail.VerifyAsync(DbTarget.Parse(db.Target), cancellationToken: Ct)).IsIntact);
    }

    [Fact]
    public async Task A_missing_file_is_exit_2()
    {
        await using var db = await MigratedAsync(Provider.Sqlite);

        var result = await CliRunner.RunAsync("benchmarks", "load", "--db", db.Target, "--file", "/no/such/benchmarks.csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("There is no file at '/no/such/benchmarks.csv'.", Words(result.Output), StringComparison.Ordinal);
    }

    private static async Task<TestDatabase> MigratedAsync(Provider provider)
    {
        var db = await TestDatabase.CreateAsync(provider, Ct);
        await LanternDatabase.MigrateAsync(DbTarget.Parse(db.Target), Ct);
        return db;
    }

    private static async Task<List<string>> BenchmarksAsync(TestDatabase db)
    {
        await using var context = LanternDatabase.CreateContext(DbTarget.Parse(db.Target));
        var rows = await context.IndicatorBenchmarks.AsNoTracking().ToListAsync(Ct);
        return [.. rows.Select(r => FormattableString.Invariant($"{r.Comparator} {r.PeriodEnd:yyyy-MM-dd} {r.Value} {r.Source}")).Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string?>> AuditAsync(TestDatabase db)
    {
        await using var context = LanternDatabase.CreateContext(DbTarget.Parse(db.Target));
        return await context.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.IndicatorSettingsChanged).OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync(Ct);
    }

    /// <summary>The console wraps long lines: compare the words, not the line breaks.</summary>
    private static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private sealed class TempFile : IDisposable
    {
        public TempFile(params string[] lines)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"lantern_benchmarks_{Guid.NewGuid():N}.csv");
            File.WriteAllText(Path, string.Join("\n", lines) + "\n");
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
