using System.Collections.Frozen;
using System.Globalization;

namespace Lantern.Metrics.Indicators;

/// <summary>Red, amber or green against the council's target.</summary>
public enum Rag
{
    Green = 1,
    Amber = 2,
    Red = 3,
}

/// <summary>One published figure for England (domain reference section 5.1), shipped with Lantern.</summary>
public sealed record EnglandFigure(string IndicatorId, DateOnly PeriodEnd, double Value, string Status, string Source);

/// <summary>A benchmark an analyst supplied: the statistical neighbours' or the region's value of
/// an indicator for a period.</summary>
/// <param name="Comparator">"statistical_neighbours" or "region".</param>
public sealed record Benchmark(string IndicatorId, string Comparator, DateOnly PeriodEnd, double Value);

/// <summary>The council's target for an indicator. A value that misses the target by no more than
/// <paramref name="AmberMargin"/> (in the indicator's unit) is amber; further is red.</summary>
public sealed record Target(string IndicatorId, double Value, double AmberMargin);

/// <summary>An indicator's value beside England, the statistical neighbours, the region and the target.</summary>
public sealed record Comparison(
    EnglandFigure? England,
    Benchmark? StatisticalNeighbours,
    Benchmark? Region,
    Target? Target,
    Rag? Rating);

/// <summary>England figures (from the shipped data) and how a value compares.</summary>
public static class Comparisons
{
    public const string StatisticalNeighbours = "statistical_neighbours";
    public const string Region = "region";

    private static readonly Lazy<FrozenDictionary<string, EnglandFigure[]>> england = new(LoadEngland);

    /// <summary>Every England figure shipped, by indicator, earliest first.</summary>
    public static IReadOnlyDictionary<string, EnglandFigure[]> EnglandFigures => england.Value;

    /// <summary>The England figure to compare with a value as at <paramref name="asAt"/>: the latest
    /// published for a period ending on or before the date; null when there is none.</summary>
    public static EnglandFigure? England(string indicatorId, DateOnly asAt) =>
        england.Value.TryGetValue(indicatorId, out var figures) ? figures.LastOrDefault(f => f.PeriodEnd <= asAt) : null;

    /// <summary>The latest benchmark of <paramref name="comparator"/> for a period ending on or before the date.</summary>
    public static Benchmark? Latest(IEnumerable<Benchmark> benchmarks, string indicatorId, string comparator, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(benchmarks);
        return benchmarks
            .Where(b => b.IndicatorId == indicatorId && b.Comparator == comparator && b.PeriodEnd <= asAt)
            .MaxBy(b => b.PeriodEnd);
    }

    /// <summary>Red, amber or green for <paramref name="value"/> against <paramref name="target"/>:
    /// green when it meets the target in the indicator's better direction, amber when it misses by
    /// no more than the margin, red otherwise. Null without a value, a target, or a direction.</summary>
    public static Rag? Rate(IndicatorDefinition definition, double? value, Target? target)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (value is not { } v || target is null || definition.Polarity == Polarity.Neither)
        {
            return null;
        }

        var shortfall = definition.Polarity == Polarity.HigherIsBetter ? target.Value - v : v - target.Value;
        return shortfall <= 0 ? Rag.Green : shortfall <= target.AmberMargin ? Rag.Amber : Rag.Red;
    }

    public static Comparison For(IndicatorValue value, IEnumerable<Benchmark> benchmarks, IEnumerable<Target> targets)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(targets);
        var list = benchmarks as IReadOnlyCollection<Benchmark> ?? benchmarks.ToList();
        var target = targets.FirstOrDefault(t => t.IndicatorId == value.Id);
        return new Comparison(
            England(value.Id, value.AsAt),
            Latest(list, value.Id, StatisticalNeighbours, value.AsAt),
            Latest(list, value.Id, Region, value.AsAt),
            target,
            Rate(value.Definition, value.Value, target));
    }

    private static FrozenDictionary<string, EnglandFigure[]> LoadEngland()
    {
        using var stream = typeof(Comparisons).Assembly.GetManifestResourceStream("Lantern.Metrics.Indicators.england.csv")
            ?? throw new InvalidOperationException("The England figures are missing from the build.");
        using var reader = new StreamReader(stream);
        var figures = new List<EnglandFigure>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(',', 5);
            figures.Add(new EnglandFigure(parts[0], DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture), parts[3], parts[4]));
        }

        return figures.GroupBy(f => f.IndicatorId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(f => f.PeriodEnd).ToArray(), StringComparer.Ordinal);
    }
}
