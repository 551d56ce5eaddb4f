namespace Lantern.Returns.Validation.Cin;

/// <summary>CIN census rules (see Validation/README.md for who owns which codes).</summary>
internal static class CinRulesEpisodes
{
    public static IEnumerable<RuleCheck> All => [];
}
