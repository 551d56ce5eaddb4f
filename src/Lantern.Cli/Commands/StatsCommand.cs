using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Lantern.Data;
using Lantern.Metrics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lantern.Cli.Commands;

public sealed class StatsCommand(IAnsiConsole console) : AsyncCommand<StatsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <TARGET>")]
        [Description("SQLite file path, or a PostgreSQL connection string starting Host=")]
        public string? Db { get; init; }

        [CommandOption("--as-at <DATE>")]
        [Description("The date of the figures, yyyy-mm-dd; 'year' means the 12 months ending on it")]
        public string? AsAt { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("json (default) or table")]
        [DefaultValue("json")]
        public string Format { get; init; } = "json";

        [CommandOption("--timings")]
        [Description("Print how long the snapshot load and the figures took to standard error")]
        public bool Timings { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var db = Options.Db(settings.Db);
        var asAt = Options.Date(settings.AsAt, "--as-at");
        var format = settings.Format.Trim().ToLowerInvariant();
        if (format is not ("json" or "table"))
        {
            throw new UsageException($"--format must be json or table (got '{settings.Format}').");
        }

        var target = SeedCommand.ParseTarget(db);
        if (target.Provider == DbProvider.Sqlite && !File.Exists(target.FilePath))
        {
            throw new UsageException($"There is no database at '{target.FilePath}'. Create one with: lantern seed --db {target.FilePath}");
        }

        await LanternDatabase.MigrateAsync(target, cancellationToken);
        var load = Stopwatch.StartNew();
        var data = await SnapshotLoader.LoadAsync(target, cancellationToken);
        load.Stop();
        var compute = Stopwatch.StartNew();
        var figures = HeadlineStats.Compute(data, asAt);
        compute.Stop();
        if (settings.Timings)
        {
            await Console.Error.WriteLineAsync(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"snapshot load {load.Elapsed.TotalSeconds:F2} s ({data.TotalRecords:N0} records), figures {compute.Elapsed.TotalSeconds:F2} s"));
        }

        if (format == "json")
        {
            console.Profile.Width = int.MaxValue;
            console.WriteLine(ToJson(figures));
        }
        else
        {
            var table = new Table().AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
            foreach (var (key, value) in figures.ToPairs())
            {
                table.AddRow(Markup.Escape(key), Markup.Escape(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
            }

            console.Write(table);
        }

        return 0;
    }

    public static string ToJson(HeadlineFigures figures)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in figures.ToPairs())
            {
                switch (value)
                {
                    case int i:
                        writer.WriteNumber(key, i);
                        break;
                    case double d:
                        writer.WriteNumber(key, d);
                        break;
                    default:
                        writer.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
