using System.Globalization;
using System.Text;

namespace Lantern.Metrics.Indicators;

/// <summary>One problem with a benchmark file: the line (1 is the header; 0 for the file as a
/// whole), the column it is about (null for the whole line) and what to do about it.</summary>
public sealed record CsvProblem(int Line, string? Field, string Message)
{
    public override string ToString() =>
        Line == 0 ? Message : Field is null ? $"Line {Line}: {Message}" : $"Line {Line}, {Field}: {Message}";
}

/// <summary>One good row of a benchmark file and the line it came from.</summary>
public sealed record BenchmarkLine(int Line, Benchmark Benchmark, string Source);

/// <summary>What was read from a benchmark file: every row when <see cref="Problems"/> is empty,
/// otherwise no rows at all (a file with any bad line is loaded not at all).</summary>
public sealed record BenchmarkFile(IReadOnlyList<BenchmarkLine> Rows, IReadOnlyList<CsvProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>The comparators the file has rows for: loading it replaces these and only these.</summary>
    public IReadOnlyList<string> Comparators => [.. BenchmarkCsv.ComparatorNames.Where(c => Rows.Any(r => r.Benchmark.Comparator == c))];

    public int CountOf(string comparator) => Rows.Count(r => r.Benchmark.Comparator == comparator);

    /// <summary>"3 statistical neighbours benchmarks and 2 region benchmarks", for messages.</summary>
    public string Summary() => string.Join(" and ", Comparators.Select(c => BenchmarkCsv.Count(CountOf(c), c)));
}

/// <summary>
/// The benchmark file an analyst supplies (format in docs/indicators.md): UTF-8 CSV, with or without
/// a byte order mark, headed <c>indicator,comparator,period_end,value</c> and optionally <c>,source</c>;
/// one row per indicator, comparator and period. Every problem is reported with its line and column,
/// and a file with any problem gives no rows, so nothing is ever loaded in part.
/// </summary>
public static class BenchmarkCsv
{
    public const string Header = "indicator,comparator,period_end,value,source";

    public const string ShortHeader = "indicator,comparator,period_end,value";

    /// <summary>Longest source label kept (the column's length).</summary>
    public const int SourceMaxLength = 200;

    /// <summary>The comparators a file may name, in the order they are listed.</summary>
    public static IReadOnlyList<string> ComparatorNames { get; } = [Comparisons.StatisticalNeighbours, Comparisons.Region];

    private static readonly string[] Columns = ["indicator", "comparator", "period_end", "value", "source"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Plain-English name of a comparator ("statistical neighbours", "region").</summary>
    public static string Name(string comparator) => comparator == Comparisons.StatisticalNeighbours ? "statistical neighbours" : comparator;

    /// <summary>"1 region benchmark", "3 statistical neighbours benchmarks".</summary>
    public static string Count(int count, string comparator) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {Name(comparator)} {(count == 1 ? "benchmark" : "benchmarks")}");

    /// <summary>Reads a file's bytes: UTF-8, a leading byte order mark ignored.</summary>
    public static BenchmarkFile Parse(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var start = bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Refused(new CsvProblem(0, null, "The file is not UTF-8 text. Save it from your spreadsheet as \"CSV UTF-8 (comma delimited)\" and try again."));
        }

        return Parse(text);
    }

    /// <summary>Reads a file's text (a leading byte order mark ignored).</summary>
    public static BenchmarkFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.TrimStart('\uFEFF');
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (lines.All(string.IsNullOrWhiteSpace))
        {
            return Refused(new CsvProblem(0, null, $"The file is empty. The first line must be the header {Header} (source is optional), then one line per benchmark."));
        }

        var problems = new List<CsvProblem>();
        var headerIndex = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        var headerLine = headerIndex + 1;
        var header = Fields(lines[headerIndex], out _)?.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int width;
        if (header is not null && header.SequenceEqual(Columns))
        {
            width = 5;
        }
        else if (header is not null && header.AsSpan().SequenceEqual(Columns.AsSpan(0, 4)))
        {
            width = 4;
        }
        else
        {
            return Refused(new CsvProblem(headerLine, null, $"The header must be {Header} (source is optional), in that order, but it is '{Shorten(lines[headerIndex])}'."));
        }

        var rows = new List<BenchmarkLine>();
        var seen = new Dictionary<(string, string, DateOnly), int>();
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            var number = i + 1;
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = Fields(lines[i], out var quoteProblem);
            if (fields is null)
            {
                problems.Add(new CsvProblem(number, null, quoteProblem!));
                continue;
            }

            if (fields.Count != width)
            {
                var expected = string.Join(", ", Columns.Take(width));
                problems.Add(new CsvProblem(number, null, fields.Count < width
                    ? $"It has {fields.Count} {(fields.Count == 1 ? "column" : "columns")}, so {string.Join(", ", Columns.Skip(fields.Count).Take(width - fields.Count))} {(width - fields.Count == 1 ? "is" : "are")} missing. Each line needs {width}: {expected}."
                    : $"It has {fields.Count} columns but the header has {width} ({expected}). Remove the extra columns, or put a source containing commas in double quotes."));
                continue;
            }

            var before = problems.Count;
            var indicator = ReadIndicator(number, fields[0].Trim(), problems);
            var comparator = ReadComparator(number, fields[1].Trim(), problems);
            var period = ReadDate(number, fields[2].Trim(), problems);
            var value = ReadValue(number, fields[3].Trim(), indicator, problems);
            var source = width == 5 ? ReadSource(number, fields[4].Trim(), problems) : "";
            if (problems.Count > before)
            {
                continue;
            }

            var key = (indicator!.Id, comparator!, period!.Value);
            if (seen.TryGetValue(key, out var first))
            {
                problems.Add(new CsvProblem(number, null, string.Create(CultureInfo.InvariantCulture, $"It repeats line {first} ({indicator.Id}, {comparator}, {period:yyyy-MM-dd}). Keep one line for each indicator, comparator and period.")));
                continue;
            }

            seen[key] = number;
            rows.Add(new BenchmarkLine(number, new Benchmark(indicator.Id, comparator!, period.Value, value!.Value), source!));
        }

        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new CsvProblem(0, null, "The file has a header but no benchmarks. Add one line per benchmark under the header."));
        }

        return problems.Count == 0 ? new BenchmarkFile(rows, []) : Refused([.. problems]);
    }

    /// <summary>Benchmarks in the same format, ordered by indicator, comparator and period, ready to
    /// be edited and loaded again. UTF-8 without a byte order mark, lines ending CRLF as RFC 4180 says.</summary>
    public static string Write(IEnumerable<(Benchmark Benchmark, string Source)> benchmarks)
    {
        ArgumentNullException.ThrowIfNull(benchmarks);
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var (b, source) in benchmarks.OrderBy(b => b.Benchmark.IndicatorId, StringComparer.Ordinal).ThenBy(b => b.Benchmark.Comparator, StringComparer.Ordinal).ThenBy(b => b.Benchmark.PeriodEnd))
        {
            text.Append(Quote(b.IndicatorId)).Append(',')
                .Append(Quote(b.Comparator)).Append(',')
                .Append(b.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(b.Value.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(Quote(source)).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>The message for an id that is not an indicator (see <see cref="IndicatorCatalogue.UnknownIndicator"/>).</summary>
    public static string UnknownIndicator(string id) => IndicatorCatalogue.UnknownIndicator(Shorten(id));

    private static Indicator? ReadIndicator(int line, string text, List<CsvProblem> problems)
    {
        if (text.Length == 0)
        {
            problems.Add(new CsvProblem(line, "indicator", "Enter the indicator's id, for example rereferrals_12m_pct."));
            return null;
        }

        var indicator = IndicatorCatalogue.Find(text);
        if (indicator is null)
        {
            problems.Add(new CsvProblem(line, "indicator", UnknownIndicator(text)));
        }

        return indicator;
    }

    private static string? ReadComparator(int line, string text, List<CsvProblem> problems)
    {
        var lower = text.ToLowerInvariant();
        if (ComparatorNames.Contains(lower))
        {
            return lower;
        }

        problems.Add(new CsvProblem(line, "comparator", text.Length == 0
            ? "Enter the comparator: statistical_neighbours or region."
            : $"The comparator must be statistical_neighbours or region, not '{Shorten(text)}'."));
        return null;
    }

    private static DateOnly? ReadDate(int line, string text, List<CsvProblem> problems)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new CsvProblem(line, "period_end", text.Length == 0
            ? "Enter the last day of the period in the form yyyy-mm-dd, for example 2025-03-31."
            : $"'{Shorten(text)}' is not a real date in the form yyyy-mm-dd. Enter the last day of the period, for example 2025-03-31."));
        return null;
    }

    private static double? ReadValue(int line, string text, Indicator? indicator, List<CsvProblem> problems)
    {
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            problems.Add(new CsvProblem(line, "value", text.Length == 0
                ? "Enter the value, a number like 22.4."
                : $"'{Shorten(text)}' is not a number. Enter a number like 22.4, with a full stop for the decimal point and no % sign or commas."));
            return null;
        }

        if (indicator is not null && Targets.OutOfRange(indicator.Definition, value) is { } range)
        {
            problems.Add(new CsvProblem(line, "value", $"{Targets.Format(value)} is out of range: {indicator.Id} {range}."));
            return null;
        }

        return value;
    }

    private static string? ReadSource(int line, string text, List<CsvProblem> problems)
    {
        if (text.Length > SourceMaxLength)
        {
            problems.Add(new CsvProblem(line, "source", string.Create(CultureInfo.InvariantCulture, $"The source must be {SourceMaxLength} characters or fewer (it has {text.Length}).")));
            return null;
        }

        // A spreadsheet opening the downloaded file would treat these as a formula.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            problems.Add(new CsvProblem(line, "source", "The source must not start with =, +, - or @ (a spreadsheet would read it as a formula)."));
            return null;
        }

        return text;
    }

    /// <summary>The fields of one line (RFC 4180 quoting within the line); null with a message when a
    /// quote is not closed or is followed by something other than a comma.</summary>
    private static List<string>? Fields(string line, out string? problem)
    {
        problem = null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        problem = "A double quote is not closed. Close it on the same line, and write a quote inside a quoted value as two (\"\").";
                        return null;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                if (i < line.Length && line[i] != ',')
                {
                    problem = "Something follows a closing double quote before the next comma. Put the whole value in the quotes.";
                    return null;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    field.Append(line[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= line.Length)
            {
                return fields;
            }

            i++; // the comma
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static BenchmarkFile Refused(params CsvProblem[] problems) => new([], problems);
}
