using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Lantern.Returns;
using Lantern.Returns.Validation;
using Lantern.Returns.Validation.Cin;
using Lantern.Returns.Validation.Ssda903;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lantern.Cli.Commands;

public class ValidateSettings : CommandSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("The return: a CIN census XML file, or a folder of SSDA903 CSV files (or the 903 XML)")]
    public string? Path { get; init; }

    [CommandOption("--year <YEAR>")]
    [Description("The collection year to judge it in, named by the year it ends (2026 is 2025-26); by default the file's own")]
    public string? Year { get; init; }

    [CommandOption("--detail")]
    [Description("List each child, table, line and field behind every issue")]
    public bool Detail { get; init; }

    [CommandOption("--providers <CSV>")]
    [Description("Ofsted's provider list (CSV with URN, PROVIDER_POSTCODE, PLACE_CODES ...), for the rules that need it")]
    public string? Providers { get; init; }

    [CommandOption("--la <CODE>")]
    [Description("The council's three-digit DfE LA code, for the rules that compare it (a CIN census names its own)")]
    public string? La { get; init; }

    [CommandOption("--timings")]
    [Description("Also print to standard error the ten slowest rules and a second, warm run's time (for benchmarks)")]
    public bool Timings { get; init; }

    [CommandOption("--postcodes <CSV>")]
    [Description("Postcode locations (CSV with POSTCODE, EASTING, NORTHING), for the distance rules")]
    public string? Postcodes { get; init; }
}

public sealed class Validate903Settings : ValidateSettings
{
    [CommandOption("--previous <DIR>")]
    [Description("The previous year's SSDA903 files, for the rules that compare years (by default <DIR>/previous when there)")]
    public string? Previous { get; init; }
}

/// <summary><c>lantern validate cin census.xml</c>: every CIN census rule, as JSON on standard output.</summary>
public sealed class ValidateCinCommand(IAnsiConsole console) : Command<ValidateSettings>
{
    public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken) =>
        ValidateCommand.Run(console, settings, path =>
        {
            if (!File.Exists(path))
            {
                throw new UsageException(Directory.Exists(path)
                    ? $"'{settings.Path}' is a folder: name the CIN census XML file."
                    : $"There is no file at '{settings.Path}'.");
            }

            return CinReturnReader.Read(path, ValidateCommand.OptionalYear(settings.Year), cancellationToken);
        });
}

/// <summary><c>lantern validate 903 folder [--previous folder]</c>: every SSDA903 rule, as JSON on standard output.</summary>
public sealed class Validate903Command(IAnsiConsole console) : Command<Validate903Settings>
{
    public override int Execute(CommandContext context, Validate903Settings settings, CancellationToken cancellationToken) =>
        ValidateCommand.Run(console, settings, path =>
        {
            if (!Directory.Exists(path))
            {
                throw new UsageException(File.Exists(path)
                    ? $"'{settings.Path}' is a file: name the folder that holds the SSDA903 files."
                    : $"There is no folder at '{settings.Path}'.");
            }

            var data = Ssda903ReturnReader.Read(path, ValidateCommand.OptionalYear(settings.Year), cancellationToken);
            var previous = settings.Previous is { } p ? System.IO.Path.GetFullPath(p) : System.IO.Path.Combine(path, "previous");
            if (settings.Previous is not null && !Directory.Exists(previous))
            {
                throw new UsageException($"There is no folder at '{settings.Previous}' (--previous).");
            }

            if (Directory.Exists(previous))
            {
                data.AddPrevious(Ssda903ReturnReader.Read(previous, data.Year.Previous, cancellationToken));
            }

            return data;
        });
}

/// <summary>
/// What both validate commands share. The report goes to standard output as JSON; the time taken to stderr. Exit 0
/// whether or not the return breaks rules; 2 when the return or an option cannot be read.
/// </summary>
internal static class ValidateCommand
{
    public static CollectionYear? OptionalYear(string? value) =>
        value is null ? null : CollectionYear.TryParse(value, out var error) ?? throw new UsageException($"--year: {error}");

    public static int Run(IAnsiConsole console, ValidateSettings settings, Func<string, ReturnData> read)
    {
        if (string.IsNullOrWhiteSpace(settings.Path))
        {
            throw new UsageException("Name the return to validate: a CIN census XML file, or a folder of SSDA903 files.");
        }

        var clock = Stopwatch.StartNew();
        ReturnData data;
        try
        {
            data = read(Path.GetFullPath(settings.Path));
            data = WithOutsideData(data, settings);
        }
        catch (ReturnFileException ex)
        {
            throw new UsageException(ex.Message);
        }
        catch (IOException ex)
        {
            throw new UsageException($"The return could not be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UsageException($"The return could not be read: {ex.Message}");
        }

        var reading = clock.Elapsed;
        var report = ReturnValidator.Validate(data);
        // The JSON goes to the console's own output (standard output), the summary to standard error, so the output
        // can be piped into another tool as it is.
        using (var json = new MemoryStream())
        {
            ValidationJson.Write(report, json, settings.Detail);
            var output = console.Profile.Out.Writer;
            output.WriteLine(System.Text.Encoding.UTF8.GetString(json.GetBuffer(), 0, (int)json.Length));
            output.Flush();
        }

        var children = data.TryTable(data.Kind == ReturnKind.Cin ? "ChildIdentifiers" : "Header")?.Count ?? 0;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(data.Kind == ReturnKind.Cin ? "CIN census" : "SSDA903")} {data.Year.Label}: {children:N0} children, {report.RulesRun} rules run, {report.Skipped.Count} skipped, {report.Issues.Count} broken; read in {reading.TotalSeconds:0.00} s, validated in {report.Elapsed.TotalSeconds:0.00} s."));
        if (settings.Timings)
        {
            foreach (var (code, took) in report.Timings.Take(10))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rule {code}: {took.TotalMilliseconds:0} ms"));
            }

            var again = Stopwatch.StartNew();
            var warm = ReturnValidator.Validate(read(Path.GetFullPath(settings.Path)));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  warm run in the same process: read and validated in {again.Elapsed.TotalSeconds:0.00} s (validation {warm.Elapsed.TotalSeconds:0.00} s)."));
        }

        return 0;
    }

    private static ReturnData WithOutsideData(ReturnData data, ValidateSettings settings)
    {
        if (settings.La is { } la && (la.Length != 3 || !la.All(char.IsAsciiDigit)))
        {
            throw new UsageException($"--la must be the council's three-digit DfE LA code, for example 812 (got '{la}').");
        }

        var council = settings.La ?? data.LocalAuthority;
        if (settings.Providers is null && settings.Postcodes is null && council == data.LocalAuthority)
        {
            return data;
        }

        return new ReturnData(data.Kind, data.Year, data.Tables)
        {
            LocalAuthority = council,
            Providers = settings.Providers is { } p ? OutsideTables.Read(p, "Providers", "--providers") : null,
            Postcodes = settings.Postcodes is { } c ? OutsideTables.Read(c, "Postcodes", "--postcodes") : null,
        };
    }
}
