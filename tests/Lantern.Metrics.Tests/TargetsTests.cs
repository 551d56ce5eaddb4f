using Lantern.Metrics.Indicators;
using Xunit;

namespace Lantern.Metrics.Tests;

/// <summary>The council's targets: what is refused and why, and the red, amber and green they give.
/// rereferrals_12m_pct is a percentage (0 to 100) where lower is better; referrals_per_10k measures
/// demand (neither direction is better) and so has no target.</summary>
public sealed class TargetsTests
{
    private const string Rereferrals = "rereferrals_12m_pct";

    private static IReadOnlyList<TargetProblem> Problems(string? indicator, string? target, string? amber)
    {
        var read = Targets.Read(indicator, target, amber, out var problems);
        Assert.Null(read);
        Assert.NotEmpty(problems);
        return problems;
    }

    [Fact]
    public void A_good_target_is_read()
    {
        var target = Targets.Read(" rereferrals_12m_pct ", "20", " 2.5 ", out var problems);

        Assert.Empty(problems);
        Assert.Equal(new Target(Rereferrals, 20, 2.5), target);
    }

    [Theory]
    [InlineData("101", "The target 101 is out of range: Re-referrals within 12 months is from 0 to 100")]
    [InlineData("-1", "The target -1 is out of range: Re-referrals within 12 months is from 0 to 100")]
    [InlineData("100", "The target must be less than 100: lower is better, so every value would meet a target of 100")]
    public void A_target_outside_the_range_is_refused_naming_the_target(string value, string message)
    {
        Assert.Equal([new TargetProblem(Targets.TargetField, message)], Problems(Rereferrals, value, "1"));
    }

    [Fact]
    public void An_indicator_of_demand_has_no_target()
    {
        Assert.Equal(
            [new TargetProblem(Targets.IndicatorField, "Referrals per 10,000 children has no target: it measures demand, so neither higher nor lower is better and it is not rated red, amber or green")],
            Problems("referrals_per_10k", "500", "20"));
    }

    [Fact]
    public void An_unknown_indicator_is_named_with_the_nearest_id()
    {
        Assert.Equal(
            [new TargetProblem(Targets.IndicatorField, "There is no indicator 'rereferrals_12m'. Did you mean rereferrals_12m_pct?")],
            Problems("rereferrals_12m", "20", "2"));
    }

    [Fact]
    public void Missing_and_non_numeric_answers_are_each_named()
    {
        Assert.Equal(
            [
                new TargetProblem(Targets.IndicatorField, "Select the indicator"),
                new TargetProblem(Targets.TargetField, "Enter the target as a number, like 22.5"),
                new TargetProblem(Targets.AmberField, "Enter the amber margin"),
            ],
            Problems("", "20%", " "));
    }

    [Fact]
    public void A_negative_amber_margin_is_refused()
    {
        Assert.Equal(
            [new TargetProblem(Targets.AmberField, "The amber margin must be 0 or more (0 means anything that misses the target is red)")],
            Problems(Rereferrals, "20", "-0.5"));
    }

    [Fact]
    public void An_amber_margin_that_leaves_nothing_red_is_refused()
    {
        // Lower is better and the most a percentage can be is 100: with a target of 95 a value is red
        // only above 95 + margin, so a margin of 5 (95 + 5 = 100) leaves no value red; 4.9 leaves 99.9 to 100.
        Assert.Equal(
            [new TargetProblem(Targets.AmberField, "The amber margin must be less than 5: with a target of 95, a larger margin leaves no value red")],
            Problems(Rereferrals, "95", "5"));
        Assert.Equal(new Target(Rereferrals, 95, 4.9), Targets.Read(Rereferrals, "95", "4.9", out _));
    }

    [Fact]
    public void A_margin_of_zero_is_allowed()
    {
        Assert.Equal(new Target(Rereferrals, 0, 0), Targets.Read(Rereferrals, "0", "0", out var problems));
        Assert.Empty(problems);
    }

    [Theory]
    // Target 20 with a margin of 2: lower is better, so 20 or less meets it (green), more than 20 up
    // to 20 + 2 = 22 misses by no more than the margin (amber), and more than 22 is red.
    [InlineData(18.0, Rag.Green)]
    [InlineData(20.0, Rag.Green)]
    [InlineData(20.1, Rag.Amber)]
    [InlineData(22.0, Rag.Amber)]
    [InlineData(22.1, Rag.Red)]
    public void A_target_read_here_rates_values_red_amber_or_green(double value, Rag rating)
    {
        var target = Targets.Read(Rereferrals, "20", "2", out _);

        Assert.Equal(rating, Comparisons.Rate(IndicatorCatalogue.Get(Rereferrals).Definition, value, target));
    }
}
