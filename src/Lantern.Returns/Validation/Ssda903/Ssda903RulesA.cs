using System.Collections.Frozen;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>SSDA903 rules (see Validation/README.md for who owns which codes).</summary>
internal static class Ssda903RulesA
{
    private static readonly FrozenSet<string> SexBefore2025 = FrozenSet.Create(StringComparer.Ordinal, "1", "2");
    private static readonly FrozenSet<string> SexFrom2025 = FrozenSet.Create(StringComparer.Ordinal, "M", "F", "U");

    public static IEnumerable<RuleCheck> All =>
    [
        // Gender code is not valid: 1 or 2 until 2023-24, M, F or U from 2024-25.
        new("101", c =>
        {
            var header = c.Table("Header");
            var sex = header.Text("SEX");
            var valid = c.Year.EndYear >= 2025 ? SexFrom2025 : SexBefore2025;
            for (var i = 0; i < header.Count; i++)
            {
                if (sex[i] is not { } s || !valid.Contains(s))
                {
                    c.Fail(header, i);
                }
            }
        }),
    ];
}
