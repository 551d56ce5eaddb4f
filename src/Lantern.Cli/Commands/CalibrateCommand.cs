using System.ComponentModel;
using System.Diagnostics;
using Lantern.Metrics;
using Lantern.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lantern.Cli.Commands;

/// <summary>Generates in memory and prints each calibration target beside the measured figure.
/// Exit 0 when every target is within tolerance, 1 otherwise.</summary>
public sealed class CalibrateCommand(IAnsiConsole console) : Command<CalibrateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--seed <N>")]
        [DefaultValue("42")]
        [Description("Random seed (default 42)")]
        public string Seed { get; init; } = "42";

        [CommandOption("--population <N>")]
        [Description("Children aged 0-17 (default the profile's)")]
        public string? Population { get; init; }

        [CommandOption("--from <DATE>")]
        [DefaultValue("2015-04-01")]
        public string From { get; init; } = "2015-04-01";

        [CommandOption("--to <DATE>")]
        [DefaultValue("2026-03-31")]
        public string To { get; init; } = "2026-03-31";

        [CommandOption("--defects <ON|OFF>")]
        [DefaultValue("on")]
        public string Defects { get; init; } = "on";

        [CommandOption("--generate-only")]
        [Description("Only generate and report time and memory (for benchmarks); skip the comparison")]
        public bool GenerateOnly { get; init; }

        [CommandOption("--indicators-at <DATE>")]
        [Description("After generating, time every indicator as at this date (for benchmarks); skips the comparison")]
        public string? IndicatorsAt { get; init; }

        [CommandOption("--counts")]
        [Description("Also list how many records of each kind were generated")]
        public bool Counts { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = SeedCommand.ParseOptions(new SeedCommand.Settings
        {
            Seed = settings.Seed,
            Population = settings.Population,
            From = settings.From,
            To = settings.To,
            Defects = settings.Defects,
        });
        var clock = Stopwatch.StartNew();
        var result = SyntheticAuthority.Generate(options, settings.Counts ? new Progress<string>(m => console.MarkupLineInterpolated($"[grey]{clock.Elapsed.TotalSeconds:N1} s[/] {m}")) : null);
        var elapsed = clock.Elapsed;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        console.MarkupLineInterpolated($"Generated {result.Data.Children.Count:N0} children, {result.Data.TotalRecords:N0} records in {elapsed.TotalSeconds:N1} s; peak working set {peak / 1024.0 / 1024 / 1024:N2} GiB ({peak / 1e9:N2} GB).");
        if (settings.Counts)
        {
            var before = GC.GetGCMemoryInfo();
            var live = GC.GetTotalMemory(forceFullCollection: true);
            console.MarkupLineInterpolated($"Managed heap: {before.HeapSizeBytes / 1024.0 / 1024 / 1024:N2} GiB before a full collection, {live / 1024.0 / 1024 / 1024:N2} GiB of it live.");
            var counts = new Table().AddColumns("Records", "Count");
            foreach (var p in typeof(Lantern.Domain.Model.AuthorityData).GetProperties())
            {
                if (p.GetValue(result.Data) is System.Collections.ICollection list)
                {
                    counts.AddRow(p.Name, list.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            console.Write(counts);
        }
        if (settings.IndicatorsAt is not null)
        {
            var at = Options.Date(settings.IndicatorsAt, "--indicators-at");
            var engine = new Lantern.Metrics.Indicators.IndicatorEngine(result.Data);
            for (var run = 1; run <= 3; run++)
            {
                clock.Restart();
                var values = engine.Compute(at);
                console.MarkupLineInterpolated($"Run {run}: {values.Count} indicators as at {at:yyyy-MM-dd} in {clock.Elapsed.TotalSeconds:N2} s{(run == 1 ? " (includes building the shared lookups)" : "")}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024 / 1024:N2} GiB.");
            }

            return 0;
        }

        if (settings.GenerateOnly)
        {
            return 0;
        }

        var checks = Calibration.Check(result.Data, options.Population is null ? 1.0 : options.Population.Value / 34_000.0);
        var table = new Table().AddColumns("Measure", "As at", "Target", "Measured", "Tolerance", "Within");
        foreach (var c in checks)
        {
            table.AddRow(c.Measure, c.AsAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.Target.ToString("N1", System.Globalization.CultureInfo.InvariantCulture), c.Measured.ToString("N1", System.Globalization.CultureInfo.InvariantCulture), $"±{c.Tolerance:P0}", c.Within ? "[green]yes[/]" : "[red]no[/]");
        }

        console.Write(table);
        return checks.All(c => c.Within) ? 0 : 1;
    }
}
