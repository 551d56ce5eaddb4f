using Lantern.Returns.Validation;
using Xunit;

namespace Lantern.Returns.Tests.Validation;

/// <summary>Every published rule has a test in Lantern, and every test belongs to a published rule.</summary>
public class RuleCatalogueTests
{
    [Theory]
    [InlineData(ReturnKind.Cin, 2026, 109)]
    [InlineData(ReturnKind.Ssda903, 2026, 311)]
    [InlineData(ReturnKind.Ssda903, 2027, 322)]
    public void The_published_lists_are_embedded_whole(ReturnKind kind, int year, int rules)
    {
        var list = RuleCatalogue.For(kind, new CollectionYear(year));
        Assert.Equal(rules, list.Count);
        Assert.Equal(rules, list.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(list, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    [Theory]
    [InlineData(ReturnKind.Cin)]
    [InlineData(ReturnKind.Ssda903)]
    public void Every_published_rule_is_implemented_and_every_check_is_a_published_rule(ReturnKind kind)
    {
        var published = RuleCatalogue.AllCodes(kind);
        var implemented = RuleChecks.For(kind).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(published.Keys.Where(code => !implemented.Contains(code)).Order(StringComparer.Ordinal));
        Assert.Empty(implemented.Where(code => !published.ContainsKey(code)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_year_has_one_check_per_rule_at_most()
    {
        foreach (var kind in new[] { ReturnKind.Cin, ReturnKind.Ssda903 })
        {
            for (var year = CollectionYear.Earliest; year <= CollectionYear.Latest; year++)
            {
                var clashes = RuleChecks.For(kind).Where(c => c.AppliesTo(new CollectionYear(year))).GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => g.Key);
                Assert.Empty(clashes);
            }
        }
    }
}
