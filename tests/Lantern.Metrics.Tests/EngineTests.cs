using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Metrics.Indicators;
using Xunit;

namespace Lantern.Metrics.Tests;

/// <summary>The engine's own arithmetic: monthly series dates, breakdowns (rates use the group's
/// population where it is known) and the list of children behind a figure.</summary>
public sealed class EngineTests
{
    private static readonly DateOnly AsAt = new(2025, 3, 31);

    [Fact]
    public void A_series_has_one_point_per_month_ending_with_the_as_at_date()
    {
        var dates = IndicatorEngine.SeriesDates(new DateOnly(2025, 3, 15), 3);
        Assert.Equal([("2025-01", new DateOnly(2025, 1, 31)), ("2025-02", new DateOnly(2025, 2, 28)), ("2025-03", new DateOnly(2025, 3, 15))], dates);
        Assert.Equal(("2024-02", new DateOnly(2024, 2, 29)), IndicatorEngine.SeriesDates(new DateOnly(2024, 2, 29), 1)[0]);
    }

    [Fact]
    public void Breakdowns_add_up_and_rates_use_each_wards_population()
    {
        var t = new TestAuthority();
        // Three referrals in the year: two for a child in East Marsh (one boy), one for a girl in Waltham;
        // one more in East Marsh before the year, which does not count.
        var boy = t.Child(new DateOnly(2015, 6, 1));
        boy.Sex = Sex.Male;
        var girl = t.Child(new DateOnly(2010, 6, 1), "Waltham");
        girl.Sex = Sex.Female;
        t.Add(t.Data.Referrals, new Referral { ChildId = boy.Id, ReferralDate = new DateOnly(2024, 5, 1) });
        t.Add(t.Data.Referrals, new Referral { ChildId = boy.Id, ReferralDate = new DateOnly(2025, 1, 10) });
        t.Add(t.Data.Referrals, new Referral { ChildId = girl.Id, ReferralDate = new DateOnly(2024, 9, 1) });
        t.Add(t.Data.Referrals, new Referral { ChildId = boy.Id, ReferralDate = new DateOnly(2024, 3, 31) });
        var engine = t.Engine();
        var indicator = IndicatorCatalogue.Get("referrals_per_10k");

        // 3 referrals ÷ 10,000 children × 10,000 = 3.0.
        Assert.Equal(3.0, IndicatorEngine.Measure(indicator, engine.ContextOn(AsAt)).Value);

        // By ward: each ward's own children aged 0 to 17 (the builder splits the 10,000 between them).
        var eastMarsh = t.Data.Population.Where(p => p.Ward == "East Marsh").Sum(p => p.Count);
        var waltham = t.Data.Population.Where(p => p.Ward == "Waltham").Sum(p => p.Count);
        Assert.Equal(10_000, eastMarsh + waltham);
        var byWard = engine.Breakdown(indicator, AsAt, Dimension.Ward);
        Assert.Equal(["East Marsh", "Waltham"], byWard.Select(r => r.Group));
        Assert.Equal(2, byWard[0].Numerator);
        Assert.Equal(eastMarsh, byWard[0].Denominator);
        Assert.Equal(Math.Round(2 * 10_000.0 / eastMarsh, 1), byWard[0].Value);
        Assert.Equal(Math.Round(1 * 10_000.0 / waltham, 1), byWard[1].Value);

        // By sex there is no population, so only the counts.
        var bySex = engine.Breakdown(indicator, AsAt, Dimension.Sex);
        Assert.Equal(3, bySex.Sum(r => r.Numerator));
        Assert.All(bySex, r => Assert.Null(r.Value));

        // By age band on 31 March 2025: the boy is 9 (5 to 9), the girl 14 (10 to 15).
        Assert.Equal([("5 to 9", 2.0), ("10 to 15", 1.0)], engine.Breakdown(indicator, AsAt, Dimension.AgeBand).Select(r => (r.Group, r.Numerator)));

        // By team: nobody is allocated.
        Assert.Equal([(Breakdowns.Unallocated, 3.0)], engine.Breakdown(indicator, AsAt, Dimension.Team).Select(r => (r.Group, r.Numerator)));

        // The children behind it: the boy with 2 referrals, the girl with 1.
        Assert.Equal([(boy.Id, 2.0), (girl.Id, 1.0)], engine.Units(indicator, AsAt).Select(u => (u.SubjectId, u.Numerator)));
    }

    [Fact]
    public void Nothing_to_divide_by_has_no_value_rather_than_zero()
    {
        var t = new TestAuthority();
        var value = t.Measure("rereferrals_12m_pct", AsAt);
        Assert.Null(value.Value);
        Assert.Equal(0, value.Denominator);
        Assert.Equal(0.0, t.Measure("referrals_per_10k", AsAt).Value);
    }
}
