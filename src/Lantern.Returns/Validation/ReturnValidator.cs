using System.Diagnostics;

namespace Lantern.Returns.Validation;

/// <summary>A rule that did not run, and why (a table the return lacks, the previous year's return, outside data).</summary>
public sealed record SkippedRule(string Code, string Reason);

/// <summary>
/// One row a rule reported: the table and file line, the child, the fields the rule names, and, when the rule could
/// not judge the row, why (<see cref="Unreadable"/>).
/// </summary>
public sealed record IssueRow(string Table, long Line, string? Child, IReadOnlyList<string> Fields, string? Unreadable);

/// <summary>A rule the return breaks: how many rows and children, how many rows it could not judge, and each row.</summary>
public sealed record RuleIssue(RuleInfo Rule, int Rows, int Children, int Unreadable, IReadOnlyList<IssueRow> Details);

/// <summary>The outcome of validating a return.</summary>
public sealed record ValidationReport(
    ReturnKind Kind,
    CollectionYear Year,
    int RulesRun,
    IReadOnlyList<SkippedRule> Skipped,
    IReadOnlyList<RuleIssue> Issues,
    IReadOnlyList<SkippedRule> Failed,
    TimeSpan Elapsed)
{
    /// <summary>How long each rule that ran took, slowest first (for benchmarks).</summary>
    public IReadOnlyList<(string Code, TimeSpan Took)> Timings { get; init; } = [];
}

/// <summary>
/// Runs every rule of a return's year on its tables, on all cores. Each rule runs alone: a rule that needs a table
/// or data the return lacks is skipped and says why; a rule that meets a value it cannot read reports that row as
/// unreadable; a rule that fails in any other way is reported as failed, and the others still run.
/// </summary>
public static class ReturnValidator
{
    public static ValidationReport Validate(ReturnData data, IReadOnlySet<string>? only = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var clock = Stopwatch.StartNew();
        var all = RuleChecks.For(data.Kind);
        var known = all.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var checks = all
            .Where(c => c.AppliesTo(data.Year))
            .GroupBy(c => c.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rules = RuleCatalogue.For(data.Kind, data.Year).Where(r => only is null || only.Contains(r.Code)).ToList();
        var outcomes = new Outcome[rules.Count];
        Parallel.For(0, rules.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var rule = rules[i];
            outcomes[i] = checks.TryGetValue(rule.Code, out var check)
                ? Run(data, rule, check)
                : new Outcome(rule.Code, null, new SkippedRule(rule.Code, known.Contains(rule.Code) ? $"not in force in {data.Year.Label}" : "not implemented in Lantern"), null, TimeSpan.Zero);
        });

        var timings = outcomes.Where(o => o.Took > TimeSpan.Zero).Select(o => (o.Code, o.Took)).OrderByDescending(t => t.Took).ToList();
        var issues = outcomes.Select(o => o.Issue).OfType<RuleIssue>().ToList();
        var skipped = outcomes.Select(o => o.Skipped).OfType<SkippedRule>().ToList();
        var failed = outcomes.Select(o => o.Failed).OfType<SkippedRule>().ToList();
        return new ValidationReport(data.Kind, data.Year, rules.Count - skipped.Count - failed.Count, skipped, issues, failed, clock.Elapsed) { Timings = timings };
    }

    private static Outcome Run(ReturnData data, RuleInfo rule, RuleCheck check)
    {
        var context = new RuleContext(data);
        var started = Stopwatch.GetTimestamp();
        try
        {
            check.Check(context);
        }
        catch (RuleSkippedException ex)
        {
            return new Outcome(rule.Code, null, new SkippedRule(rule.Code, ex.Message), null, TimeSpan.Zero);
        }
#pragma warning disable CA1031 // A rule never stops the run: whatever it meets is reported against it, and the others go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new Outcome(rule.Code, null, null, new SkippedRule(rule.Code, $"the rule stopped: {ex.GetType().Name}: {ex.Message}"), TimeSpan.Zero);
        }

        var issue = Summarise(context, rule);
        return new Outcome(rule.Code, issue, null, null, Stopwatch.GetElapsedTime(started));
    }

    private static RuleIssue? Summarise(RuleContext context, RuleInfo rule)
    {
        if (context.Failures.Count == 0 && context.UnreadableRows.Count == 0)
        {
            return null;
        }

        var details = new List<IssueRow>();
        var seen = new HashSet<(RuleTable, int)>();
        var children = new HashSet<string>(StringComparer.Ordinal);
        var unreadable = 0;
        var known = new Dictionary<RuleTable, string[]>();
        foreach (var ((table, row), reason) in context.UnreadableRows)
        {
            seen.Add((table, row));
            unreadable++;
            details.Add(new IssueRow(table.Name, table.Lines[row], table.Child[row], FieldsOf(rule, table, null, known), reason));
        }

        var rows = 0;
        foreach (var (table, row, fields) in context.Failures)
        {
            if (!seen.Add((table, row)))
            {
                continue;
            }

            rows++;
            if (table.Child[row] is { } child)
            {
                children.Add(child);
            }

            details.Add(new IssueRow(table.Name, table.Lines[row], table.Child[row], FieldsOf(rule, table, fields, known), null));
        }

        details.Sort((a, b) => (a.Unreadable is null).CompareTo(b.Unreadable is null) is var u && u != 0 ? -u
            : string.CompareOrdinal(a.Table, b.Table) is var t && t != 0 ? t : a.Line.CompareTo(b.Line));
        return new RuleIssue(rule, rows, children.Count, unreadable, details);
    }

    private static string[] FieldsOf(RuleInfo rule, RuleTable table, string[]? fields, Dictionary<RuleTable, string[]> known)
    {
        if (fields is not null)
        {
            return fields;
        }

        if (!known.TryGetValue(table, out var named))
        {
            known[table] = named = [.. rule.Fields.Where(table.Has)];
        }

        return named;
    }

    private sealed record Outcome(string Code, RuleIssue? Issue, SkippedRule? Skipped, SkippedRule? Failed, TimeSpan Took);
}
