using Lantern.Domain.Clock;

namespace Lantern.Domain.Returns;

/// <summary>
/// Return-aware entry for the CIN census: which DfE CIN validation rules (2025-26) one child's record would
/// fail in the collection year (1 April to 31 March) containing the as-at date, so a page can warn before
/// saving. The rules live in <see cref="CinRules"/>, one row each.
/// </summary>
public static class CinEntryCheck
{
    /// <summary>
    /// The rules <paramref name="file"/> fails for the collection year containing <paramref name="asAt"/>,
    /// one issue per rule, in rule-table order. Empty when the child is not in that year's return (no
    /// referral open during the year). Never throws on odd data: a rule that cannot be evaluated does not report.
    /// </summary>
    public static IReadOnlyList<ReturnIssue> Check(ChildFile file, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(file);
        return [.. Failures(file, asAt).Select(f => f.Rule).Distinct().Select(r => r.Issue)];
    }

    /// <summary>
    /// The issues <paramref name="after"/> has that <paramref name="before"/> did not: a rule that fails for a
    /// record (or pair of records) it did not fail for before, so a page warns only about what this entry causes.
    /// </summary>
    public static IReadOnlyList<ReturnIssue> NewIssues(ChildFile before, ChildFile after, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var earlier = new Dictionary<(string Code, string Key), int>();
        foreach (var (rule, key) in Failures(before, asAt))
        {
            earlier[(rule.Code, key)] = earlier.GetValueOrDefault((rule.Code, key)) + 1;
        }

        var fresh = new List<CinRule>();
        foreach (var (rule, key) in Failures(after, asAt))
        {
            int left = earlier.GetValueOrDefault((rule.Code, key));
            if (left > 0)
            {
                earlier[(rule.Code, key)] = left - 1;
            }
            else
            {
                fresh.Add(rule);
            }
        }

        return [.. fresh.Distinct().Select(r => r.Issue)];
    }

    /// <summary>Every failing (rule, occurrence key), in rule-table order.</summary>
    internal static List<(CinRule Rule, string Key)> Failures(ChildFile file, DateOnly asAt)
    {
        var found = new List<(CinRule, string)>();
        CinCensusView view;
        try
        {
            view = new CinCensusView(file, asAt);
        }
        catch (Exception ex) when (IsOddData(ex))
        {
            return found;
        }

        if (!view.InReturn)
        {
            return found;
        }

        foreach (var rule in CinRules.All)
        {
            try
            {
                foreach (var key in rule.Failures(view))
                {
                    found.Add((rule, key));
                }
            }
            catch (Exception ex) when (IsOddData(ex))
            {
                // Odd data the rule cannot read (a guard, not a path): the rule simply does not report.
            }
        }

        return found;
    }

    /// <summary>What reading odd data can raise (out-of-range dates, missing values, unknown codes).</summary>
    private static bool IsOddData(Exception ex) =>
        ex is ArgumentException or InvalidOperationException or NullReferenceException or FormatException
            or IndexOutOfRangeException or KeyNotFoundException or OverflowException;
}
