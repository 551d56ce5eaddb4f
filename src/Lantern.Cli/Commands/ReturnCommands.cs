using System.ComponentModel;
using System.Globalization;
using Lantern.Data;
using Lantern.Returns;
using Lantern.Returns.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lantern.Cli.Commands;

/// <summary>Options every export shares.</summary>
public abstract class ExportSettings : CommandSettings
{
    [CommandOption("--db <TARGET>")]
    [Description("SQLite file path, or a PostgreSQL connection string starting Host=")]
    public string? Db { get; init; }

    [CommandOption("--out <PATH>")]
    [Description("Where to write the return")]
    public string? Out { get; init; }
}

public sealed class YearExportSettings : ExportSettings
{
    [CommandOption("--year <YEAR>")]
    [Description("The collection year, named by the year it ends: 2026 is 1 April 2025 to 31 March 2026")]
    public string? Year { get; init; }
}

public sealed class DateExportSettings : ExportSettings
{
    [CommandOption("--as-at <DATE>")]
    [Description("The as-at date, yyyy-mm-dd")]
    public string? AsAt { get; init; }
}

public sealed class ImportSettings : CommandSettings
{
    [CommandOption("--db <TARGET>")]
    [Description("SQLite file path, or a PostgreSQL connection string starting Host=")]
    public string? Db { get; init; }

    [CommandOption("--year <YEAR>")]
    [Description("SSDA903 only: the collection year of the files, when their dates cannot tell it (for example a return of care leavers alone)")]
    public string? Year { get; init; }

    [CommandArgument(0, "<PATH>")]
    [Description("The file (CIN census XML) or folder (SSDA903 CSV or XML files) to import")]
    public string? Path { get; init; }
}

/// <summary><c>lantern export cin --db D --year 2026 --out census.xml</c>: the CIN census XML of a collection year.</summary>
public sealed class ExportCinCommand(IAnsiConsole console) : AsyncCommand<YearExportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, YearExportSettings settings, CancellationToken cancellationToken) =>
        ReturnCommand.ExportAsync(console, ReturnJobKind.CinExport, settings, ReturnCommand.Year(settings.Year), null, cancellationToken);
}

/// <summary><c>lantern export 903 --db D --year 2026 --out folder</c>: the SSDA903 CSV files, the previous year's alongside.</summary>
public sealed class Export903Command(IAnsiConsole console) : AsyncCommand<YearExportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, YearExportSettings settings, CancellationToken cancellationToken) =>
        ReturnCommand.ExportAsync(console, ReturnJobKind.Ssda903Export, settings, ReturnCommand.Year(settings.Year), null, cancellationToken);
}

/// <summary><c>lantern export annex-a --db D --as-at 2026-03-31 --out annex-a.xlsx</c>: Ofsted's Annex A lists.</summary>
public sealed class ExportAnnexACommand(IAnsiConsole console) : AsyncCommand<DateExportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DateExportSettings settings, CancellationToken cancellationToken) =>
        ReturnCommand.ExportAsync(console, ReturnJobKind.AnnexAExport, settings, null, Options.Date(settings.AsAt, "--as-at"), cancellationToken);
}

/// <summary><c>lantern export workforce --db D --as-at 2025-09-30 --out census.csv</c>: the social work workforce census.</summary>
public sealed class ExportWorkforceCommand(IAnsiConsole console) : AsyncCommand<DateExportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DateExportSettings settings, CancellationToken cancellationToken) =>
        ReturnCommand.ExportAsync(console, ReturnJobKind.WorkforceExport, settings, null, Options.Date(settings.AsAt, "--as-at"), cancellationToken);
}

/// <summary><c>lantern import cin --db D census.xml</c>.</summary>
public sealed class ImportCinCommand(IAnsiConsole console) : AsyncCommand<ImportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken) =>
        ReturnCommand.ImportAsync(console, ReturnJobKind.CinImport, settings, cancellationToken);
}

/// <summary><c>lantern import 903 --db D folder</c>.</summary>
public sealed class Import903Command(IAnsiConsole console) : AsyncCommand<ImportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken) =>
        ReturnCommand.ImportAsync(console, ReturnJobKind.Ssda903Import, settings, cancellationToken);
}

/// <summary>
/// The export and import commands run the same recorded jobs as the browser (they appear in its list of
/// jobs, requested by "lantern command (account)"). Exit codes: 0 done; 1 an import refused because its
/// file has problems (every problem listed, nothing written); 2 bad options, an unreadable file or an
/// unreachable database (nothing written).
/// </summary>
internal static class ReturnCommand
{
    public static CollectionYear Year(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException("Enter the collection year with --year, for example --year 2026 for 2025-26.");
        }

        return CollectionYear.TryParse(value, out var error) ?? throw new UsageException($"--year: {error}");
    }

    public static async Task<int> ExportAsync(
        IAnsiConsole console, ReturnJobKind kind, ExportSettings settings, CollectionYear? year, DateOnly? asAt, CancellationToken cancellationToken)
    {
        var target = IndicatorCommands.Target(settings.Db);
        if (string.IsNullOrWhiteSpace(settings.Out))
        {
            throw new UsageException(kind == ReturnJobKind.Ssda903Export
                ? "Enter the folder to write the SSDA903 files to with --out, for example --out returns/903-2026."
                : "Enter the file to write with --out, for example --out " + kind switch
                {
                    ReturnJobKind.CinExport => "cin-2026.xml.",
                    ReturnJobKind.AnnexAExport => "annex-a.xlsx.",
                    _ => "workforce-2025.csv.",
                });
        }

        var output = Path.GetFullPath(settings.Out);
        if (kind == ReturnJobKind.Ssda903Export)
        {
            if (File.Exists(output))
            {
                throw new UsageException($"--out must be a folder for the SSDA903 files; '{settings.Out}' is a file.");
            }

            Directory.CreateDirectory(output);
        }
        else
        {
            if (Directory.Exists(output))
            {
                throw new UsageException($"--out must be a file; '{settings.Out}' is a folder.");
            }

            var folder = Path.GetDirectoryName(output);
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new UsageException($"There is no folder '{folder}' to write '{Path.GetFileName(output)}' into.");
            }
        }

        var request = new ReturnJobRequest { Kind = kind, Year = year, AsAt = asAt, RequestedBy = CommandUser };
        if (ReturnJobs.Check(request) is { } problem)
        {
            throw new UsageException(problem);
        }

        var job = await RunAsync(target, request, output, cancellationToken);
        if (job.Status != ReturnJobStatus.Succeeded)
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {job.Outcome}");
            return LanternApp.BadInput;
        }

        console.MarkupLineInterpolated($"{ReturnJobs.Describe(request)} (job {job.Id}, {Seconds(job)}): {job.Outcome}");
        WriteCounts(console, job);
        return 0;
    }

    public static async Task<int> ImportAsync(IAnsiConsole console, ReturnJobKind kind, ImportSettings settings, CancellationToken cancellationToken)
    {
        // A council moving from another system starts from nothing: a SQLite file that is not there yet is created.
        var target = SeedCommand.ParseTarget(Options.Db(settings.Db));
        if (settings.Year is not null && kind == ReturnJobKind.CinImport)
        {
            throw new UsageException("A CIN census names its own year in its header: leave out --year.");
        }

        if (string.IsNullOrWhiteSpace(settings.Path))
        {
            throw new UsageException(kind == ReturnJobKind.CinImport ? "Name the CIN census XML file to import." : "Name the folder of SSDA903 files to import.");
        }

        var path = Path.GetFullPath(settings.Path);
        if (kind == ReturnJobKind.CinImport && !File.Exists(path))
        {
            throw new UsageException(Directory.Exists(path)
                ? $"'{settings.Path}' is a folder: name the CIN census XML file in it."
                : $"There is no file at '{settings.Path}'.");
        }

        if (kind == ReturnJobKind.Ssda903Import && !Directory.Exists(path))
        {
            throw new UsageException(File.Exists(path)
                ? $"'{settings.Path}' is a file: name the folder that holds the SSDA903 files."
                : $"There is no folder at '{settings.Path}'.");
        }

        var request = new ReturnJobRequest
        {
            Kind = kind,
            Year = settings.Year is null ? null : Year(settings.Year),
            InputPath = path,
            InputName = Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar)),
            RequestedBy = CommandUser,
        };
        var job = await RunAsync(target, request, null, cancellationToken);
        switch (job.Status)
        {
            case ReturnJobStatus.Succeeded:
                console.MarkupLineInterpolated($"{ReturnJobs.Describe(request)} (job {job.Id}, {Seconds(job)}): {job.Outcome}");
                WriteCounts(console, job);
                return 0;
            case ReturnJobStatus.Refused:
                console.MarkupLineInterpolated($"[red]Error:[/] {job.Outcome}");
                await using (var db = LanternDatabase.CreateContext(target))
                {
                    foreach (var row in db.ReturnJobProblems.Where(p => p.JobId == job.Id).OrderBy(p => p.Position))
                    {
                        console.WriteLine("  " + new ReturnProblem(row.File, row.Line, row.Child, row.Field, row.Message));
                    }
                }

                if (job.ProblemCount > ReturnJobs.MaxProblemsKept)
                {
                    console.MarkupLineInterpolated($"  ... and {(job.ProblemCount - ReturnJobs.MaxProblemsKept).ToString("N0", CultureInfo.InvariantCulture)} more.");
                }

                return 1;
            default:
                console.MarkupLineInterpolated($"[red]Error:[/] {job.Outcome}");
                return LanternApp.BadInput;
        }
    }

    private static string CommandUser => "lantern command (" + Environment.UserName + ")";

    private static async Task<ReturnJobRow> RunAsync(DbTarget target, ReturnJobRequest request, string? output, CancellationToken cancellationToken)
    {
        await LanternDatabase.MigrateAsync(target, cancellationToken);
        var id = await ReturnJobs.QueueAsync(target, request, cancellationToken);
        return await ReturnJobs.RunAsync(target, id, request, output, null, cancellationToken);
    }

    /// <summary>How long the job ran, "2.4 s".</summary>
    private static string Seconds(ReturnJobRow job) =>
        job is { StartedAt: { } started, FinishedAt: { } finished }
            ? (finished - started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : "not run";

    private static void WriteCounts(IAnsiConsole console, ReturnJobRow job)
    {
        foreach (var line in job.Counts.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            console.WriteLine("  " + line);
        }
    }
}
