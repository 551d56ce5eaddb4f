using System.Collections.Frozen;

namespace Lantern.Metrics.Indicators;

/// <summary>Every indicator Lantern computes, in the order they are listed. Each family of
/// indicators lives in its own file; this only gathers them.</summary>
public static class IndicatorCatalogue
{
    private static readonly Lazy<IReadOnlyList<Indicator>> all = new(() =>
    {
        var list = new List<Indicator>();
        list.AddRange(FrontDoorIndicators.All);
        list.AddRange(ProtectionIndicators.All);
        list.AddRange(LookedAfterIndicators.All);
        list.AddRange(CourtAndCommunityIndicators.All);
        list.AddRange(WorkforceIndicators.All);
        var duplicate = list.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Indicator id '{duplicate.Key}' is defined more than once.");
        }

        return list;
    });

    private static readonly Lazy<FrozenDictionary<string, Indicator>> byId = new(() => all.Value.ToFrozenDictionary(i => i.Id, StringComparer.Ordinal));

    public static IReadOnlyList<Indicator> All => all.Value;

    public static Indicator? Find(string? id) => id is not null && byId.Value.TryGetValue(id, out var i) ? i : null;

    public static Indicator Get(string id) => Find(id) ?? throw new KeyNotFoundException($"There is no indicator '{id}'.");
}
