using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lantern.Data;
using Lantern.Metrics.Indicators;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lantern.Cli.Commands;

/// <summary>`lantern indicators`: every performance indicator as at a date, computed from the live
/// record (one in-memory snapshot), as JSON or CSV, optionally with a monthly series.</summary>
public sealed class IndicatorsCommand(IAnsiConsole console) : AsyncCommand<IndicatorsCommand.Settings>
{
    public const int MaxMonths = 120;

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <TARGET>")]
        [Description("SQLite file path, or a PostgreSQL connection string starting Host=")]
        public string? Db { get; init; }

        [CommandOption("--as-at <DATE>")]
        [Description("The date of the figures, yyyy-mm-dd; 'the year' means the 12 months ending on it")]
        public string? AsAt { get; init; }

        [CommandOption("--months <N>")]
        [Description("Also give each indicator's monthly series: N month ends up to the as-at date (1 to 120)")]
        public string? Months { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("json (default) or csv")]
        [DefaultValue("json")]
        public string Format { get; init; } = "json";

        [CommandOption("--indicator <IDS>")]
        [Description("Only these indicators (ids separated by commas); default all")]
        public string? Indicator { get; init; }

        [CommandOption("--list")]
        [Description("List the catalogue (id, title, definition, formula, unit, polarity, source) without a database")]
        public bool List { get; init; }

        [CommandOption("--timings")]
        [Description("Print how long loading and computing took (to standard error)")]
        public bool Timings { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.Format.Trim().ToLowerInvariant();
        if (format is not ("json" or "csv"))
        {
            throw new UsageException($"--format must be json or csv (got '{settings.Format}').");
        }

        if (settings.List)
        {
            console.Profile.Width = int.MaxValue;
            console.Write(new Text(format == "json" ? CatalogueJson(Select(settings.Indicator)) : CatalogueCsv(Select(settings.Indicator))));
            return 0;
        }

        var db = Options.Db(settings.Db);
        var asAt = Options.Date(settings.AsAt, "--as-at");

        int? months = null;
        if (settings.Months is not null)
        {
            if (!int.TryParse(settings.Months.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m < 1 || m > MaxMonths)
            {
                throw new UsageException($"--months must be a whole number from 1 to {MaxMonths} (got '{settings.Months}').");
            }

            months = m;
        }

        var indicators = Select(settings.Indicator);
        var target = SeedCommand.ParseTarget(db);
        if (target.Provider == DbProvider.Sqlite && !File.Exists(target.FilePath))
        {
            throw new UsageException($"There is no database at '{target.FilePath}'. Create one with: lantern seed --db {target.FilePath}");
        }

        await LanternDatabase.MigrateAsync(target, cancellationToken);
        var clock = Stopwatch.StartNew();
        var data = await SnapshotLoader.LoadAsync(target, cancellationToken);
        var loaded = clock.Elapsed;
        var engine = new IndicatorEngine(data);
        CheckWithinData(engine, asAt, months);

        clock.Restart();
        var values = engine.Compute(asAt, indicators);
        var computed = clock.Elapsed;
        IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>>? series = null;
        var seriesTime = TimeSpan.Zero;
        if (months is { } n)
        {
            clock.Restart();
            series = engine.Series(asAt, n, indicators);
            seriesTime = clock.Elapsed;
        }

        console.Profile.Width = int.MaxValue;
        console.Write(new Text(format == "json" ? ToJson(values, series) : ToCsv(values, series)));
        if (format == "json")
        {
            console.WriteLine();
        }

        if (settings.Timings)
        {
            // The first computation also builds the lookups the indicators share; time a second date too.
            clock.Restart();
            engine.Compute(asAt.AddDays(-7), indicators);
            var again = clock.Elapsed;
            var another = engine.ContextOn(asAt.AddDays(-14));
            var slowest = indicators.Select(i =>
            {
                var watch = Stopwatch.StartNew();
                IndicatorEngine.Measure(i, another);
                return (i.Id, watch.Elapsed.TotalMilliseconds);
            }).OrderByDescending(x => x.TotalMilliseconds).Take(8);
            Console.Error.WriteLine("Slowest, one at a time: " + string.Join(", ", slowest.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Id} {x.TotalMilliseconds:N1} ms"))));
            var records = data.TotalRecords;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loaded {data.Children.Count:N0} children and {records:N0} records in {loaded.TotalMilliseconds:N0} ms; {indicators.Count} indicators at {asAt:yyyy-MM-dd} in {computed.TotalMilliseconds:N0} ms including building the shared lookups, then at another date in {again.TotalMilliseconds:N0} ms{(months is { } k ? $"; {k}-month series in {seriesTime.TotalMilliseconds:N0} ms" : "")}."));
        }

        return 0;
    }

    /// <summary>The indicators named in <paramref name="ids"/> (comma-separated), or all.</summary>
    public static IReadOnlyList<Indicator> Select(string? ids)
    {
        if (string.IsNullOrWhiteSpace(ids))
        {
            return IndicatorCatalogue.All;
        }

        var list = new List<Indicator>();
        foreach (var id in ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var indicator = IndicatorCatalogue.Find(id) ?? throw new UsageException(IndicatorCatalogue.UnknownIndicator(id));
            if (!list.Contains(indicator))
            {
                list.Add(indicator);
            }
        }

        return list;
    }

    /// <summary>Refuses an as-at date (or a series reaching back) outside the data the database holds.</summary>
    public static void CheckWithinData(IndicatorEngine engine, DateOnly asAt, int? months)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var (from, to) = engine.DataSpan;
        if (from == DateOnly.MinValue)
        {
            throw new UsageException("The database holds no data to measure. Fill it with: lantern seed --db <target>");
        }

        if (asAt < from || asAt > to)
        {
            throw new UsageException($"--as-at {asAt:yyyy-MM-dd} is outside the data: this database holds records from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}.");
        }

        if (months is { } n)
        {
            var first = IndicatorEngine.SeriesDates(asAt, n)[0];
            if (first.AsAt < from)
            {
                throw new UsageException($"--months {n} reaches back to {first.Month}, before the data begins on {from:yyyy-MM-dd}; use at most {MonthsAvailable(from, asAt)}.");
            }
        }
    }

    private static int MonthsAvailable(DateOnly from, DateOnly asAt)
    {
        var n = 1;
        while (n < MaxMonths && IndicatorEngine.SeriesDates(asAt, n + 1)[0].AsAt >= from)
        {
            n++;
        }

        return n;
    }

    public static string ToJson(IReadOnlyList<IndicatorValue> values, IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>>? series)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var v in values)
            {
                var d = v.Definition;
                var england = Comparisons.England(d.Id, v.AsAt);
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("title", d.Title);
                w.WriteString("area", d.Area.ToString());
                w.WriteString("as_at", v.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                WriteNumber(w, "value", v.Value);
                w.WriteNumber("numerator", v.Numerator);
                w.WriteNumber("denominator", v.Denominator);
                w.WriteString("unit", d.UnitName);
                w.WriteString("polarity", d.PolarityName);
                WriteNumber(w, "england", england?.Value);
                if (england is null)
                {
                    w.WriteNull("england_period");
                }
                else
                {
                    w.WriteString("england_period", england.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                if (series is not null && series.TryGetValue(d.Id, out var points))
                {
                    w.WriteStartArray("series");
                    foreach (var p in points)
                    {
                        w.WriteStartObject();
                        w.WriteString("month", p.Month);
                        WriteNumber(w, "value", p.Value);
                        w.WriteNumber("numerator", p.Numerator);
                        w.WriteNumber("denominator", p.Denominator);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One row per indicator (and, with a series, one per indicator per month).</summary>
    public static string ToCsv(IReadOnlyList<IndicatorValue> values, IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>>? series)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sb = new StringBuilder();
        sb.Append("id,title,area,unit,polarity,month,as_at,value,numerator,denominator,england,england_period\n");
        foreach (var v in values)
        {
            var d = v.Definition;
            var points = series is not null && series.TryGetValue(d.Id, out var s)
                ? s
                : [new SeriesPoint(v.AsAt.ToString("yyyy-MM", CultureInfo.InvariantCulture), v.AsAt, v.Value, v.Numerator, v.Denominator)];
            foreach (var p in points)
            {
                var england = Comparisons.England(d.Id, p.AsAt);
                sb.Append(string.Join(',',
                    d.Id,
                    Csv(d.Title),
                    d.Area.ToString(),
                    d.UnitName,
                    d.PolarityName,
                    p.Month,
                    p.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Number(p.Value),
                    Number(p.Numerator),
                    Number(p.Denominator),
                    Number(england?.Value),
                    england?.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""));
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    public static string CatalogueCsv(IReadOnlyList<Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var sb = new StringBuilder("id,title,area,subject,unit,polarity,numerator,denominator,definition,formula,source\n");
        foreach (var d in indicators.Select(i => i.Definition))
        {
            sb.Append(string.Join(',', d.Id, Csv(d.Title), d.Area, d.Subject, d.UnitName, d.PolarityName, Csv(d.Numerator), Csv(d.Denominator), Csv(d.Definition), Csv(d.Formula), Csv(d.Source))).Append('\n');
        }

        return sb.ToString();
    }

    public static string CatalogueJson(IReadOnlyList<Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var d in indicators.Select(i => i.Definition))
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("title", d.Title);
                w.WriteString("area", d.Area.ToString());
                w.WriteString("subject", d.Subject.ToString());
                w.WriteString("unit", d.UnitName);
                w.WriteString("polarity", d.PolarityName);
                w.WriteString("numerator", d.Numerator);
                w.WriteString("denominator", d.Denominator);
                w.WriteString("definition", d.Definition);
                w.WriteString("formula", d.Formula);
                w.WriteString("source", d.Source);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    private static string Csv(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal)
        ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : text;
}
