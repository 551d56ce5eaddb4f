namespace Lantern.Metrics.Indicators;

/// <summary>Which direction is better for an indicator.</summary>
public enum Polarity
{
    /// <summary>A higher value is better (for example assessments on time).</summary>
    HigherIsBetter = 1,

    /// <summary>A lower value is better (for example re-referrals).</summary>
    LowerIsBetter = 2,

    /// <summary>Neither: a measure of demand or activity (for example referrals per 10,000).</summary>
    Neither = 3,
}

/// <summary>How an indicator's value is made from its numerator and denominator.</summary>
public enum IndicatorUnit
{
    /// <summary>Numerator ÷ denominator × 100.</summary>
    Percent = 1,

    /// <summary>Numerator ÷ children aged 0 to 17 (ONS mid-year estimate in force) × 10,000.</summary>
    Per10k = 2,

    /// <summary>The numerator itself.</summary>
    Count = 3,

    /// <summary>An average number of days: total days ÷ number of children.</summary>
    Days = 4,

    /// <summary>A ratio that is not a percentage: numerator ÷ denominator (for example cases per FTE).</summary>
    Ratio = 5,
}

/// <summary>The part of the service an indicator belongs to; each dashboard shows one or more.</summary>
public enum IndicatorArea
{
    FrontDoor = 1,
    EarlyHelp = 2,
    Assessment = 3,
    ChildProtection = 4,
    ChildInNeed = 5,
    LookedAfter = 6,
    CareLeavers = 7,
    Adoption = 8,
    Workforce = 9,
    Proceedings = 10,
    Allegations = 11,
    PrivateFostering = 12,
}

/// <summary>What each unit behind an indicator is: a child, a worker, or an allegation against a professional.</summary>
public enum SubjectKind
{
    Child = 1,
    Worker = 2,
    Allegation = 3,
}

/// <summary>The published definition of one indicator: what it is, how it is computed and how to read it.</summary>
public sealed record IndicatorDefinition
{
    /// <summary>Stable identifier (lower case, underscores), used by the command, the benchmark CSV and targets.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Plain-English definition: who is counted and over what period.</summary>
    public required string Definition { get; init; }

    /// <summary>The formula in words, for example "re-referrals ÷ referrals × 100".</summary>
    public required string Formula { get; init; }

    public required string Numerator { get; init; }

    /// <summary>What the denominator counts ("children aged 0 to 17" for rates; empty for counts).</summary>
    public required string Denominator { get; init; }

    public required Polarity Polarity { get; init; }

    public required IndicatorUnit Unit { get; init; }

    public required IndicatorArea Area { get; init; }

    public SubjectKind Subject { get; init; } = SubjectKind.Child;

    /// <summary>Where the definition comes from (domain reference section, DfE table) or "Local measure".</summary>
    public string Source { get; init; } = "Local measure";

    /// <summary>The lowest value the indicator can take (targets outside the range are refused).</summary>
    public double Minimum => 0;

    /// <summary>The highest value the indicator can take, or null when unbounded.</summary>
    public double? Maximum => Unit == IndicatorUnit.Percent ? 100 : null;

    /// <summary>Unit label for display and output: "%", "per 10,000", "count", "days", "ratio".</summary>
    public string UnitName => Unit switch
    {
        IndicatorUnit.Percent => "percent",
        IndicatorUnit.Per10k => "per_10000",
        IndicatorUnit.Count => "count",
        IndicatorUnit.Days => "days",
        _ => "ratio",
    };

    public string PolarityName => Polarity switch
    {
        Polarity.HigherIsBetter => "higher_is_better",
        Polarity.LowerIsBetter => "lower_is_better",
        _ => "neither",
    };
}
