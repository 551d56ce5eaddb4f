using System.ComponentModel;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Metrics.Indicators;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern benchmarks load</c>: loads an analyst's benchmark CSV (format in
/// docs/indicators.md). The whole file is checked first; any bad line is listed with its line number
/// and column and nothing is written (exit 2). A good file replaces every benchmark of the
/// comparators it has lines for, in one transaction with its audit entry.</summary>
public sealed class BenchmarksLoadCommand(IAnsiConsole console) : AsyncCommand<BenchmarksLoadCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <TARGET>")]
        [Description("SQLite file path, or a PostgreSQL connection string starting Host=")]
        public string? Db { get; init; }

        [CommandOption("--file <CSV>")]
        [Description("The benchmark file: indicator,comparator,period_end,value[,source], UTF-8")]
        public string? File { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var target = IndicatorCommands.Target(settings.Db);
        if (string.IsNullOrWhiteSpace(settings.File))
        {
            throw new UsageException("Enter the benchmark file with --file, for example --file benchmarks.csv.");
        }

        if (!System.IO.File.Exists(settings.File))
        {
            throw new UsageException($"There is no file at '{settings.File}'. Check the path given with --file.");
        }

        BenchmarkFile file;
        await using (var stream = System.IO.File.OpenRead(settings.File))
        {
            file = BenchmarkCsv.Parse(stream);
        }

        if (!file.IsValid)
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {settings.File} has {file.Problems.Count} {(file.Problems.Count == 1 ? "problem" : "problems")}; nothing was loaded.");
            foreach (var problem in file.Problems)
            {
                console.MarkupLineInterpolated($"  {problem.ToString()}");
            }

            return LanternApp.BadInput;
        }

        await LanternDatabase.MigrateAsync(target, cancellationToken);
        await using var db = LanternDatabase.CreateContext(target);
        var entry = IndicatorCommands.NewAuditEntry("indicator_benchmarks");
        await AuditTrail.AppendAsync(db, [entry], async ct => entry.Detail = await IndicatorSettings.ReplaceBenchmarksAsync(db, file, entry.UserName, entry.At, ct), cancellationToken);
        console.MarkupLineInterpolated($"Loaded {file.Summary()}, replacing the {string.Join(" and ", file.Comparators.Select(BenchmarkCsv.Name))} benchmarks loaded before.");
        return 0;
    }
}

/// <summary><c>lantern targets set</c>: sets (adds or changes) the council's target for an
/// indicator, checked by the same rules as the targets page; a bad answer is exit 2 and nothing is
/// written.</summary>
public sealed class TargetsSetCommand(IAnsiConsole console) : AsyncCommand<TargetsSetCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <TARGET>")]
        [Description("SQLite file path, or a PostgreSQL connection string starting Host=")]
        public string? Db { get; init; }

        [CommandOption("--indicator <ID>")]
        [Description("The indicator's id, for example rereferrals_12m_pct")]
        public string? Indicator { get; init; }

        [CommandOption("--target <NUMBER>")]
        [Description("The target, in the indicator's unit (a percentage as 0 to 100)")]
        public string? Target { get; init; }

        [CommandOption("--amber <NUMBER>")]
        [Description("How far a value may miss the target and still be amber (0 or more)")]
        public string? Amber { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var target = IndicatorCommands.Target(settings.Db);
        var read = Targets.Read(settings.Indicator, settings.Target, settings.Amber, out var problems);
        if (read is null)
        {
            foreach (var problem in problems)
            {
                var option = problem.Field switch
                {
                    Targets.IndicatorField => "--indicator",
                    Targets.TargetField => "--target",
                    _ => "--amber",
                };
                console.MarkupLineInterpolated($"[red]Error:[/] {option}: {problem.Message}");
            }

            console.MarkupLine("Nothing was changed.");
            return LanternApp.BadInput;
        }

        await LanternDatabase.MigrateAsync(target, cancellationToken);
        await using var db = LanternDatabase.CreateContext(target);
        var entry = IndicatorCommands.NewAuditEntry("indicator_target");
        await AuditTrail.AppendAsync(db, [entry], async ct => entry.Detail = await IndicatorSettings.SetTargetAsync(db, read, entry.UserName, entry.At, ct), cancellationToken);
        console.MarkupLineInterpolated($"The {entry.Detail}.");
        return 0;
    }
}

internal static class IndicatorCommands
{
    public static DbTarget Target(string? db)
    {
        var target = SeedCommand.ParseTarget(Options.Db(db));
        if (target.Provider == DbProvider.Sqlite && !File.Exists(target.FilePath))
        {
            throw new UsageException($"There is no database at '{target.FilePath}'. Create one with: lantern seed --db {target.FilePath}");
        }

        return target;
    }

    /// <summary>The audit entry of a change made with the command: by the operating-system account
    /// that ran it, as there is no Lantern sign-in.</summary>
    public static AuditEntry NewAuditEntry(string recordType) => new()
    {
        Action = AuditAction.IndicatorSettingsChanged,
        Succeeded = true,
        RecordType = recordType,
        UserName = "lantern command (" + Environment.UserName + ")",
        At = DateTime.UtcNow,
    };
}
