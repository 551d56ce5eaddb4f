namespace Lantern.Returns.Validation.Cin;

/// <summary>CIN census rules (see Validation/README.md for who owns which codes).</summary>
internal static class CinRulesIdentity
{
    public static IEnumerable<RuleCheck> All =>
    [
        // LA Child ID missing.
        new("8500", c =>
        {
            var identifiers = c.Table("ChildIdentifiers");
            var id = identifiers.Text("LAchildID");
            for (var i = 0; i < identifiers.Count; i++)
            {
                if (id[i] is null)
                {
                    c.Fail(identifiers, i);
                }
            }
        }),
    ];
}
