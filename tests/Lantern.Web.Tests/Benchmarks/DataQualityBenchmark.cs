using System.Diagnostics;
using System.Globalization;
using Lantern.Data;
using Lantern.Returns.Validation;
using Lantern.Web.DataQuality;

namespace Lantern.Web.Tests.Benchmarks;

/// <summary>
/// How long the data-quality pages' computation takes on a seeded database (both returns of four collection years
/// made from the record and validated, each issue traced to its child and worker): what the first page view after a
/// change to the record waits for in the background. Explicit, and it asserts nothing: run it with
/// bench/data-quality.sh (LANTERN_BENCH_DB names the SQLite file), which prints the figures for docs/benchmarks.md.
/// </summary>
public sealed class DataQualityBenchmark
{
    [Fact(Explicit = true)]
    public async Task Data_quality_of_the_whole_record()
    {
        var path = Environment.GetEnvironmentVariable("LANTERN_BENCH_DB") ?? "/tmp/lantern-bench-returns.db";
        var target = DbTarget.Sqlite(path);
        for (var run = 1; run <= 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var snapshot = await DataQualityLists.ComputeAsync(target, new DateOnly(2026, 3, 31), TestContext.Current.CancellationToken);
            var errors = snapshot.Issues.Count(i => i.Severity == RuleSeverity.Error);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {clock.Elapsed.TotalSeconds:0.0} s; {snapshot.Current.Label}: {snapshot.Issues.Count:N0} broken rows ({errors:N0} errors) on {snapshot.Issues.Select(i => i.ChildId).Distinct().Count():N0} children, {snapshot.RulesRun} rules run");
            if (Environment.GetEnvironmentVariable("LANTERN_BENCH_OUT") is { } output)
            {
                await File.AppendAllTextAsync(output, line + Environment.NewLine, TestContext.Current.CancellationToken);
            }
        }
    }
}
