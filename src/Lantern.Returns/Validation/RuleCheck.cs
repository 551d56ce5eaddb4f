namespace Lantern.Returns.Validation;

/// <summary>
/// The test of one DfE validation rule: its code as published and a check that reports the rows breaking it. The
/// rule's message, fields and tables are the DfE's own, read from the published rule list (<see cref="RuleCatalogue"/>).
/// A rule whose test changed between years has one check per range of collection years (<see cref="FirstYear"/>,
/// <see cref="LastYear"/>: the year the collection ends, so 2026 is 2025-26).
/// </summary>
public sealed record RuleCheck(string Code, Action<RuleContext> Check)
{
    public int FirstYear { get; init; } = CollectionYear.Earliest;

    public int LastYear { get; init; } = 9999;

    public bool AppliesTo(CollectionYear year) => year.EndYear >= FirstYear && year.EndYear <= LastYear;
}

/// <summary>How the DfE treats a rule that fails.</summary>
public enum RuleSeverity
{
    /// <summary>The return cannot be submitted until it is fixed.</summary>
    Error,

    /// <summary>Accepted when the data is amended or a reason is given.</summary>
    Query,
}

/// <summary>One rule as the DfE publishes it.</summary>
public sealed record RuleInfo(string Code, RuleSeverity Severity, string Message, IReadOnlyList<string> Fields, IReadOnlyList<string> Tables);
