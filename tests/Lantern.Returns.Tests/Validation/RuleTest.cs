using Lantern.Returns.Validation;
using Xunit;

namespace Lantern.Returns.Tests.Validation;

/// <summary>
/// Builds small returns for one rule's tests and runs that rule alone. A table is written as lines of comma-separated
/// values (no quoting), the first line naming the columns; a blank value is an empty field. Row n of a table is at
/// line n + 1 (the header is line 1), so a test names the failing rows by line.
/// </summary>
internal static class RuleTest
{
    /// <summary>An SSDA903 return of <paramref name="year"/> (2026 = 2025-26) with the given tables.</summary>
    public static ReturnData Ssda903(int year, params (string Table, string Csv)[] tables) =>
        new(ReturnKind.Ssda903, new CollectionYear(year), tables.Select(t => Table(t.Table, "CHILD", t.Csv)));

    /// <summary>A CIN census return of <paramref name="year"/> with the given tables (see CinReturnReader for their columns).</summary>
    public static ReturnData Cin(int year, params (string Table, string Csv)[] tables) =>
        new(ReturnKind.Cin, new CollectionYear(year), tables.Select(t => Table(t.Table, "LAchildID", t.Csv)));

    /// <summary>One table from comma-separated lines.</summary>
    public static RuleTable Table(string name, string childColumn, string csv)
    {
        var lines = csv.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var builder = new TableBuilder(name, name + ".csv", childColumn, lines[0].Split(','));
        for (var i = 1; i < lines.Length; i++)
        {
            builder.Add(i + 1, lines[i].Split(','));
        }

        return builder.Build();
    }

    /// <summary>Runs the rule <paramref name="code"/> alone on <paramref name="data"/>.</summary>
    public static ValidationReport Run(string code, ReturnData data)
    {
        var report = ReturnValidator.Validate(data, new HashSet<string>(StringComparer.Ordinal) { code });
        Assert.True(report.Failed.Count == 0, string.Join("; ", report.Failed.Select(f => f.Reason)));
        return report;
    }

    /// <summary>The lines of <paramref name="table"/> the rule reports as breaking it (not the unreadable ones), in order.</summary>
    public static long[] Failing(string code, ReturnData data, string table)
    {
        var report = Run(code, data);
        Assert.True(report.Skipped.Count == 0, "skipped: " + string.Join("; ", report.Skipped.Select(s => s.Reason)));
        return [.. report.Issues.SelectMany(i => i.Details).Where(d => d.Table == table && d.Unreadable is null).Select(d => d.Line).Order()];
    }

    /// <summary>Asserts that the rule runs and reports exactly <paramref name="lines"/> of <paramref name="table"/>.</summary>
    public static void Fails(string code, ReturnData data, string table, params long[] lines) =>
        Assert.Equal(lines, Failing(code, data, table));

    /// <summary>Asserts that the rule runs and reports nothing.</summary>
    public static void Passes(string code, ReturnData data)
    {
        var report = Run(code, data);
        Assert.True(report.Skipped.Count == 0, "skipped: " + string.Join("; ", report.Skipped.Select(s => s.Reason)));
        Assert.Empty(report.Issues);
    }

    /// <summary>Asserts that the rule is skipped (a table or outside data it needs is missing).</summary>
    public static void Skipped(string code, ReturnData data) =>
        Assert.Contains(Run(code, data).Skipped, s => s.Code == code);

    /// <summary>The lines the rule reports as unreadable in <paramref name="table"/>.</summary>
    public static long[] Unreadable(string code, ReturnData data, string table) =>
        [.. Run(code, data).Issues.SelectMany(i => i.Details).Where(d => d.Table == table && d.Unreadable is not null).Select(d => d.Line).Order()];
}
