using System.Text;
using Lantern.Metrics.Indicators;
using Xunit;

namespace Lantern.Metrics.Tests;

/// <summary>The analyst's benchmark file (docs/indicators.md): every bad input named by line and
/// column, and a file with any problem gives no rows at all. Line 1 is the header.</summary>
public sealed class BenchmarkCsvTests
{
    private const string Rate = "referrals_per_10k";
    private const string Rereferrals = "rereferrals_12m_pct";

    private static BenchmarkFile Parse(params string[] lines) => BenchmarkCsv.Parse(string.Join("\n", lines));

    private static CsvProblem Single(BenchmarkFile file)
    {
        Assert.Empty(file.Rows);
        return Assert.Single(file.Problems);
    }

    [Fact]
    public void A_good_file_with_a_byte_order_mark_gives_every_row_with_its_line()
    {
        var text = "indicator,comparator,period_end,value,source\r\n"
            + "rereferrals_12m_pct,statistical_neighbours,2024-03-31,21.3,LAIT 2024\r\n"
            + "rereferrals_12m_pct,region,2024-03-31,19.8,\"Yorkshire and the Humber, LAIT\"\r\n"
            + "referrals_per_10k,statistical_neighbours,2025-03-31,612,LAIT 2025\r\n"
            + "\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var file = BenchmarkCsv.Parse(new MemoryStream(bytes));

        Assert.Empty(file.Problems);
        Assert.Equal(
            [
                new BenchmarkLine(2, new Benchmark(Rereferrals, "statistical_neighbours", new DateOnly(2024, 3, 31), 21.3), "LAIT 2024"),
                new BenchmarkLine(3, new Benchmark(Rereferrals, "region", new DateOnly(2024, 3, 31), 19.8), "Yorkshire and the Humber, LAIT"),
                new BenchmarkLine(4, new Benchmark(Rate, "statistical_neighbours", new DateOnly(2025, 3, 31), 612), "LAIT 2025"),
            ],
            file.Rows);
        Assert.Equal(["statistical_neighbours", "region"], file.Comparators);
        Assert.Equal("2 statistical neighbours benchmarks and 1 region benchmark", file.Summary());
    }

    [Fact]
    public void The_source_column_is_optional_and_the_header_ignores_case_and_spaces()
    {
        var file = Parse(" Indicator , COMPARATOR,period_end,value", "rereferrals_12m_pct,region,2025-03-31,0");

        Assert.Empty(file.Problems);
        Assert.Equal(new BenchmarkLine(2, new Benchmark(Rereferrals, "region", new DateOnly(2025, 3, 31), 0), ""), Assert.Single(file.Rows));
        Assert.Equal(["region"], file.Comparators);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n  \r\n")]
    public void An_empty_file_is_refused(string text)
    {
        var problem = Single(BenchmarkCsv.Parse(text));

        Assert.Equal(0, problem.Line);
        Assert.StartsWith("The file is empty.", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_header_is_refused_naming_line_1_and_the_header_expected()
    {
        var problem = Single(Parse("indicator,period_end,comparator,value", "rereferrals_12m_pct,2025-03-31,region,20"));

        Assert.Equal(
            "Line 1: The header must be indicator,comparator,period_end,value,source (source is optional), in that order, but it is 'indicator,period_end,comparator,value'.",
            problem.ToString());
    }

    [Fact]
    public void A_header_without_rows_is_refused()
    {
        Assert.Equal("The file has a header but no benchmarks. Add one line per benchmark under the header.", Single(Parse(BenchmarkCsv.Header, "")).ToString());
    }

    [Fact]
    public void An_unknown_indicator_is_named_with_the_nearest_id()
    {
        // "referals_per_10k" is "referrals_per_10k" with one r missing: one edit away.
        var problem = Single(Parse(BenchmarkCsv.Header, "referals_per_10k,region,2025-03-31,500,LAIT"));

        Assert.Equal("Line 2, indicator: There is no indicator 'referals_per_10k'. Did you mean referrals_per_10k?", problem.ToString());
    }

    [Fact]
    public void An_indicator_nothing_like_any_id_points_to_the_list()
    {
        var problem = Single(Parse(BenchmarkCsv.Header, "adoption_timeliness_index_score,region,2025-03-31,500,LAIT"));

        Assert.Equal("Line 2, indicator: There is no indicator 'adoption_timeliness_index_score'. The ids are listed in docs/indicators.md.", problem.ToString());
    }

    [Theory]
    [InlineData("england", "The comparator must be statistical_neighbours or region, not 'england'.")]
    [InlineData("", "Enter the comparator: statistical_neighbours or region.")]
    public void An_unknown_comparator_is_refused(string comparator, string message)
    {
        var problem = Single(Parse(BenchmarkCsv.Header, $"rereferrals_12m_pct,{comparator},2025-03-31,20,LAIT"));

        Assert.Equal(new CsvProblem(2, "comparator", message), problem);
    }

    [Theory]
    [InlineData("2025-02-29")] // 2025 is not a leap year
    [InlineData("31/03/2025")]
    [InlineData("2025-3-31")]
    public void A_bad_date_is_refused(string date)
    {
        var problem = Single(Parse(BenchmarkCsv.Header, $"rereferrals_12m_pct,region,{date},20,LAIT"));

        Assert.Equal(new CsvProblem(2, "period_end", $"'{date}' is not a real date in the form yyyy-mm-dd. Enter the last day of the period, for example 2025-03-31."), problem);
    }

    [Theory]
    [InlineData("22.4%")]
    [InlineData("\"22,4\"")]
    [InlineData("twenty")]
    [InlineData("NaN")]
    [InlineData("1e2")]
    public void A_value_that_is_not_a_number_is_refused(string value)
    {
        var problem = Single(Parse(BenchmarkCsv.Header, $"rereferrals_12m_pct,region,2025-03-31,{value},LAIT"));

        Assert.Equal(2, problem.Line);
        Assert.Equal("value", problem.Field);
        Assert.EndsWith("is not a number. Enter a number like 22.4, with a full stop for the decimal point and no % sign or commas.", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Rereferrals, "100.1", "100.1 is out of range: rereferrals_12m_pct is from 0 to 100.")]
    [InlineData(Rereferrals, "-0.5", "-0.5 is out of range: rereferrals_12m_pct is from 0 to 100.")]
    [InlineData(Rate, "-1", "-1 is out of range: referrals_per_10k is 0 or more.")]
    public void A_value_outside_the_indicators_range_is_refused(string indicator, string value, string message)
    {
        var problem = Single(Parse(BenchmarkCsv.Header, $"{indicator},region,2025-03-31,{value},LAIT"));

        Assert.Equal(new CsvProblem(2, "value", message), problem);
    }

    [Fact]
    public void The_ends_of_a_percentage_range_are_accepted()
    {
        var file = Parse(BenchmarkCsv.Header, "rereferrals_12m_pct,region,2024-03-31,0,", "rereferrals_12m_pct,region,2025-03-31,100,");

        Assert.Empty(file.Problems);
        Assert.Equal([0.0, 100.0], file.Rows.Select(r => r.Benchmark.Value));
    }

    [Fact]
    public void A_duplicate_row_names_both_lines()
    {
        var problem = Single(Parse(
            BenchmarkCsv.Header,
            "rereferrals_12m_pct,region,2025-03-31,20,LAIT",
            "rereferrals_12m_pct,statistical_neighbours,2025-03-31,21,LAIT",
            "rereferrals_12m_pct,Region,2025-03-31,20.5,Corrected"));

        Assert.Equal("Line 4: It repeats line 2 (rereferrals_12m_pct, region, 2025-03-31). Keep one line for each indicator, comparator and period.", problem.ToString());
    }

    [Fact]
    public void Missing_and_extra_columns_are_refused()
    {
        var file = Parse(
            BenchmarkCsv.Header,
            "rereferrals_12m_pct,region,2025-03-31",
            "rereferrals_12m_pct,region,2025-03-31,20,LAIT,2025",
            "rereferrals_12m_pct,region,2024-03-31,20,Yorkshire, LAIT");

        Assert.Empty(file.Rows);
        Assert.Equal(
            [
                "Line 2: It has 3 columns, so value, source are missing. Each line needs 5: indicator, comparator, period_end, value, source.",
                "Line 3: It has 6 columns but the header has 5 (indicator, comparator, period_end, value, source). Remove the extra columns, or put a source containing commas in double quotes.",
                "Line 4: It has 6 columns but the header has 5 (indicator, comparator, period_end, value, source). Remove the extra columns, or put a source containing commas in double quotes.",
            ],
            file.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Every_problem_on_every_line_is_reported_and_no_row_is_kept()
    {
        var file = Parse(
            BenchmarkCsv.Header,
            "rereferrals_12m_pct,region,2025-03-31,20,Good line",
            "rereferals_12m_pct,county,2025-13-01,high,Bad line",
            "referrals_per_10k,region,2025-03-31,540,Good line");

        Assert.Empty(file.Rows);
        Assert.Equal(
            [
                new CsvProblem(3, "indicator", "There is no indicator 'rereferals_12m_pct'. Did you mean rereferrals_12m_pct?"),
                new CsvProblem(3, "comparator", "The comparator must be statistical_neighbours or region, not 'county'."),
                new CsvProblem(3, "period_end", "'2025-13-01' is not a real date in the form yyyy-mm-dd. Enter the last day of the period, for example 2025-03-31."),
                new CsvProblem(3, "value", "'high' is not a number. Enter a number like 22.4, with a full stop for the decimal point and no % sign or commas."),
            ],
            file.Problems);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_refused()
    {
        // "Région" saved as Windows-1252: é is the single byte 0xE9, never valid UTF-8 on its own.
        var bytes = Encoding.ASCII.GetBytes(BenchmarkCsv.Header + "\nrereferrals_12m_pct,region,2025-03-31,20,R").Concat(new byte[] { 0xE9 }).Concat(Encoding.ASCII.GetBytes("gion\n")).ToArray();

        var problem = Single(BenchmarkCsv.Parse(new MemoryStream(bytes)));

        Assert.Equal("The file is not UTF-8 text. Save it from your spreadsheet as \"CSV UTF-8 (comma delimited)\" and try again.", problem.ToString());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"\"x\"\")")]
    [InlineData("+44")]
    [InlineData("@SUM(A1)")]
    public void A_source_a_spreadsheet_would_run_as_a_formula_is_refused(string source)
    {
        var problem = Single(Parse(BenchmarkCsv.Header, $"rereferrals_12m_pct,region,2025-03-31,20,\"{source}\""));

        Assert.Equal(new CsvProblem(2, "source", "The source must not start with =, +, - or @ (a spreadsheet would read it as a formula)."), problem);
    }

    [Fact]
    public void A_source_longer_than_the_column_is_refused()
    {
        var problem = Single(Parse(BenchmarkCsv.Header, "rereferrals_12m_pct,region,2025-03-31,20," + new string('x', 201)));

        Assert.Equal(new CsvProblem(2, "source", "The source must be 200 characters or fewer (it has 201)."), problem);
    }

    [Fact]
    public void An_unclosed_quote_is_refused()
    {
        var problem = Single(Parse(BenchmarkCsv.Header, "rereferrals_12m_pct,region,2025-03-31,20,\"LAIT, 2025"));

        Assert.Equal(2, problem.Line);
        Assert.Null(problem.Field);
        Assert.StartsWith("A double quote is not closed.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_is_written_reads_back_the_same()
    {
        (Benchmark, string)[] benchmarks =
        [
            (new Benchmark(Rereferrals, "region", new DateOnly(2025, 3, 31), 19.75), "Yorkshire and the Humber, \"LAIT\""),
            (new Benchmark(Rate, "statistical_neighbours", new DateOnly(2024, 3, 31), 612.4), ""),
        ];

        var text = BenchmarkCsv.Write(benchmarks);

        Assert.Equal(
            "indicator,comparator,period_end,value,source\r\n"
            + "referrals_per_10k,statistical_neighbours,2024-03-31,612.4,\r\n"
            + "rereferrals_12m_pct,region,2025-03-31,19.75,\"Yorkshire and the Humber, \"\"LAIT\"\"\"\r\n",
            text);
        var back = BenchmarkCsv.Parse(text);
        Assert.Empty(back.Problems);
        Assert.Equal(benchmarks.Reverse().Select(b => b.Item1), back.Rows.Select(r => r.Benchmark));
        Assert.Equal(["", "Yorkshire and the Humber, \"LAIT\""], back.Rows.Select(r => r.Source));
    }
}
