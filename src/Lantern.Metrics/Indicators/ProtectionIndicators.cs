namespace Lantern.Metrics.Indicators;

/// <summary>Indicators of this family; see IndicatorCatalogue.</summary>
public static class ProtectionIndicators
{
    public static IReadOnlyList<Indicator> All { get; } = [];
}
