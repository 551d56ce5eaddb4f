namespace Lantern.Data;

/// <summary>The council's target for one indicator (table <c>indicator_targets</c>, one row per
/// indicator). A value that misses the target by no more than the amber margin is amber; further is
/// red. Not part of a child's record: these are the council's settings.</summary>
public sealed class IndicatorTargetRow
{
    public long Id { get; set; }

    /// <summary>The indicator's id (as in the indicator catalogue), unique.</summary>
    public string IndicatorId { get; set; } = "";

    /// <summary>The target, in the indicator's unit.</summary>
    public double Value { get; set; }

    /// <summary>How far the value may miss the target and still be amber, in the indicator's unit.</summary>
    public double AmberMargin { get; set; }

    /// <summary>The user name of whoever set it last.</summary>
    public string SetBy { get; set; } = "";

    /// <summary>When it was set, in UTC.</summary>
    public DateTime SetAt { get; set; }
}

/// <summary>A benchmark an analyst loaded (table <c>indicator_benchmarks</c>): the statistical
/// neighbours' or the region's value of an indicator for the period ending on a date. One row per
/// indicator, comparator and period.</summary>
public sealed class IndicatorBenchmarkRow
{
    public long Id { get; set; }

    public string IndicatorId { get; set; } = "";

    /// <summary>"statistical_neighbours" or "region".</summary>
    public string Comparator { get; set; } = "";

    public DateOnly PeriodEnd { get; set; }

    public double Value { get; set; }

    /// <summary>Where the figure comes from, as the analyst labelled it (may be empty).</summary>
    public string Source { get; set; } = "";

    /// <summary>The user name of whoever loaded it.</summary>
    public string LoadedBy { get; set; } = "";

    /// <summary>When it was loaded, in UTC.</summary>
    public DateTime LoadedAt { get; set; }
}
