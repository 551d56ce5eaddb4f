using Lantern.Domain.Access;
using Lantern.Metrics.Indicators;
using Lantern.Web.Indicators;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Indicators;

/// <summary>The base of the performance pages: the kept figures (<see cref="IndicatorResults"/>),
/// the council's targets and the benchmarks loaded, and whether the person may see names (without
/// that, small counts are hidden).</summary>
public abstract class IndicatorsPageModel(IndicatorResults results, IndicatorSettingsStore settings) : PageModel
{
    public IndicatorGeneration Figures { get; private set; } = null!;

    public IReadOnlyList<Benchmark> Benchmarks { get; private set; } = [];

    public IReadOnlyList<Target> Targets { get; private set; } = [];

    /// <summary>Whether the person may see the children behind a figure (and so see small counts).</summary>
    public bool CanSeeNames => User.Has(Permission.ViewChildRecords);

    /// <summary>Whether counts from 1 to 5 are hidden.</summary>
    public bool Suppress => !CanSeeNames;

    /// <summary>"Figures calculated at 14:05 from the live record."</summary>
    public string CalculatedText => $"Figures calculated at {Figures.CalculatedAtText} from the live record.";

    protected async Task LoadAsync(CancellationToken cancellationToken)
    {
        Figures = await results.CurrentAsync(cancellationToken);
        Benchmarks = await settings.BenchmarksAsync(cancellationToken);
        Targets = await settings.TargetsAsync(cancellationToken);
    }

    public Comparison Compare(IndicatorValue value) => Comparisons.For(value, Benchmarks, Targets);

    public FigureRow Headline(IndicatorValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IndicatorFigures.One(value.Definition, value.Definition.Title, value.Value, value.Numerator, value.Denominator, Suppress);
    }

    /// <summary>The comparison columns of a download: England, statistical neighbours, region, target, rating.</summary>
    public static IReadOnlyList<string> ComparisonHead { get; } = ["england", "statistical_neighbours", "region", "target", "rating"];

    public static IEnumerable<string> ComparisonCells(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        yield return IndicatorDashboards.Plain(comparison.England?.Value);
        yield return IndicatorDashboards.Plain(comparison.StatisticalNeighbours?.Value);
        yield return IndicatorDashboards.Plain(comparison.Region?.Value);
        yield return IndicatorDashboards.Plain(comparison.Target?.Value);
        yield return comparison.Rating?.ToString() ?? "";
    }
}
