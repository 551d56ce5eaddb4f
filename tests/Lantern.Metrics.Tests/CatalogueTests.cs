using System.Text.RegularExpressions;
using Lantern.Metrics.Indicators;
using Xunit;

namespace Lantern.Metrics.Tests;

/// <summary>The catalogue is complete and documented: every indicator has its full definition, a
/// unique id in the documented form, and a row in docs/indicators.md; every England figure shipped
/// belongs to an indicator.</summary>
public sealed partial class CatalogueTests
{
    [Fact]
    public void Every_indicator_has_a_full_definition_and_a_well_formed_unique_id()
    {
        Assert.True(IndicatorCatalogue.All.Count >= 70, $"only {IndicatorCatalogue.All.Count} indicators");
        foreach (var d in IndicatorCatalogue.All.Select(i => i.Definition))
        {
            Assert.Matches(IdPattern(), d.Id);
            foreach (var (name, text) in new[] { ("title", d.Title), ("definition", d.Definition), ("formula", d.Formula), ("numerator", d.Numerator), ("source", d.Source) })
            {
                Assert.False(string.IsNullOrWhiteSpace(text), $"{d.Id} has no {name}");
            }

            if (d.Unit is IndicatorUnit.Percent or IndicatorUnit.Per10k or IndicatorUnit.Days or IndicatorUnit.Ratio)
            {
                Assert.False(string.IsNullOrWhiteSpace(d.Denominator), $"{d.Id} divides by something it does not name");
            }
        }

        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.All.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_indicator_is_in_the_documented_catalogue()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "indicators.md"));
        var documented = DocRow().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var missing = IndicatorCatalogue.All.Select(i => i.Id).Where(id => !documented.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "Not in docs/indicators.md (regenerate the catalogue section from `lantern indicators --list --format json`): " + string.Join(", ", missing));
        var stale = documented.Where(id => IndicatorCatalogue.Find(id) is null).ToList();
        Assert.True(stale.Count == 0, "docs/indicators.md lists indicators that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_england_figure_belongs_to_an_indicator_and_is_in_its_range()
    {
        Assert.NotEmpty(Comparisons.EnglandFigures);
        foreach (var (id, figures) in Comparisons.EnglandFigures)
        {
            var indicator = IndicatorCatalogue.Find(id);
            Assert.True(indicator is not null, $"england.csv names '{id}', which is not an indicator");
            foreach (var f in figures)
            {
                Assert.InRange(f.Value, indicator.Definition.Minimum, indicator.Definition.Maximum ?? double.MaxValue);
            }
        }

        // The latest published figure on or before the date; none before the first.
        Assert.Equal(22.4, Comparisons.England("rereferrals_12m_pct", new DateOnly(2024, 3, 30))?.Value);
        Assert.Equal(22.0, Comparisons.England("rereferrals_12m_pct", new DateOnly(2024, 3, 31))?.Value);
        Assert.Null(Comparisons.England("rereferrals_12m_pct", new DateOnly(2022, 3, 30)));
        Assert.Null(Comparisons.England("cla_count", new DateOnly(2024, 3, 31)));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lantern.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Lantern.slnx above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\| `([a-z0-9_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex DocRow();
}
