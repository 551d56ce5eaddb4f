namespace Lantern.Returns.Validation.Ssda903;

/// <summary>SSDA903 rules (see Validation/README.md for who owns which codes).</summary>
internal static class Ssda903RulesD
{
    public static IEnumerable<RuleCheck> All => [];
}
