using Lantern.Metrics.Indicators;
using Lantern.Web.Indicators;

namespace Lantern.Web.Tests;

/// <summary>The dashboards cover the catalogue: every area on exactly one dashboard, every headline a
/// real indicator, every dashboard with at least one headline on the overview.</summary>
public sealed class IndicatorDashboardsTests
{
    [Fact]
    public void Every_area_is_on_exactly_one_dashboard_and_every_headline_exists()
    {
        foreach (var area in Enum.GetValues<IndicatorArea>())
        {
            Assert.Single(IndicatorDashboards.All, d => d.Areas.Contains(area));
        }

        foreach (var id in IndicatorDashboards.HeadlineIds)
        {
            Assert.True(IndicatorCatalogue.Find(id) is not null, $"headline '{id}' is not an indicator");
        }

        foreach (var dashboard in IndicatorDashboards.All)
        {
            Assert.NotEmpty(IndicatorDashboards.Headlines(dashboard, _ => false));
        }

        // An indicator that is red or amber joins the overview even when it is not a headline.
        var front = IndicatorDashboards.Find("front-door")!;
        Assert.Contains(IndicatorCatalogue.Get("referrals_nfa_pct"), IndicatorDashboards.Headlines(front, i => i.Id == "referrals_nfa_pct"));
        Assert.DoesNotContain(IndicatorCatalogue.Get("referrals_nfa_pct"), IndicatorDashboards.Headlines(front, _ => false));
    }
}
