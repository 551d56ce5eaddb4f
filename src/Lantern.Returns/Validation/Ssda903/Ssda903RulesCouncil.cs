using System.Collections.Frozen;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>SSDA903 rules that compare the return with the council that sends it (its LA code) and Ofsted's provider list.</summary>
internal static class Ssda903RulesCouncil
{
    // Placements whose provider is not an Ofsted-registered one of a known authority.
    private static readonly FrozenSet<string> NotCompared = FrozenSet.Create(StringComparer.Ordinal,
        "K3", "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14");

    public static IEnumerable<RuleCheck> All =>
    [
        // The provider's LA (LA_CODE in the provider list) must be the council's own for PLACE_PROVIDER PR1 and another
        // for PR2. A URN the list does not hold, or holds without an LA, cannot be compared and is left to rule 1008.
        new("229", c =>
        {
            var episodes = c.Table("Episodes");
            var council = c.LocalAuthority;
            var providers = c.Providers;
            var byUrn = new Dictionary<string, string>(StringComparer.Ordinal);
            var urns = providers.Text("URN");
            var las = providers.Text("LA_CODE");
            for (var i = 0; i < providers.Count; i++)
            {
                if (urns[i] is { } urn && las[i] is { } la)
                {
                    byUrn.TryAdd(urn, la);
                }
            }

            var episodeUrn = episodes.Text("URN");
            var place = episodes.Text("PLACE");
            var provider = episodes.Text("PLACE_PROVIDER");
            for (var i = 0; i < episodes.Count; i++)
            {
                if (episodeUrn[i] is not { } urn || urn == "XXXXXXX" || (place[i] is { } p && NotCompared.Contains(p))
                    || !byUrn.TryGetValue(urn, out var la))
                {
                    continue;
                }

                if ((provider[i] == "PR1" && la != council) || (provider[i] == "PR2" && la == council))
                {
                    c.Fail(episodes, i);
                }
            }
        }),
    ];
}
