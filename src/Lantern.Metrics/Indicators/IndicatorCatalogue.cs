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

    /// <summary>The nearest indicator id to <paramref name="id"/>, when it is close enough to be a slip
    /// (an edit distance of at most 2, or a third of the id's length).</summary>
    public static string? Nearest(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var lower = id.ToLowerInvariant();
        var best = All
            .Select(i => (i.Id, Distance: Distance(lower, i.Id)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Id is not null && best.Distance <= Math.Max(2, best.Id.Length / 3) ? best.Id : null;
    }

    /// <summary>The message for an id that is not an indicator, with the nearest id when there is one.</summary>
    public static string UnknownIndicator(string id) =>
        Nearest(id) is { } near
            ? $"There is no indicator '{id}'. Did you mean {near}?"
            : $"There is no indicator '{id}'. The ids are listed in docs/indicators.md.";

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
