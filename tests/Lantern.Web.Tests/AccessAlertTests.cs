using Lantern.Domain.Access;
using Lantern.Web.Access;
using Lantern.Web.Pages.Numbers;

namespace Lantern.Web.Tests;

/// <summary>The unusual-access window, the reports' period and the numbers tables' suppression, on
/// their own.</summary>
public sealed class AccessAlertTests
{
    private static readonly DateTime Start = new(2026, 3, 25, 14, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Hour = TimeSpan.FromMinutes(60);

    [Fact]
    public void Opening_the_threshold_of_distinct_children_within_the_window_raises_one_alert()
    {
        var events = Reads("bea", Enumerable.Range(1, 25).Select(i => (long)i), TimeSpan.FromMinutes(1));

        var alert = Assert.Single(UnusualAccess.Find(events, threshold: 20, Hour));

        Assert.Equal("bea", alert.UserId);
        Assert.Equal(25, alert.Children);
        Assert.Equal(Start, alert.Start);
        Assert.Equal(Start.AddMinutes(24), alert.End);
    }

    [Fact]
    public void The_same_child_opened_again_counts_once()
    {
        var events = Reads("sam", Enumerable.Range(1, 40).Select(i => (long)(i % 10)), TimeSpan.FromMinutes(1));

        Assert.Empty(UnusualAccess.Find(events, threshold: 20, Hour));
    }

    [Fact]
    public void Records_spread_wider_than_the_window_raise_nothing()
    {
        var events = Reads("sam", Enumerable.Range(1, 30).Select(i => (long)i), TimeSpan.FromMinutes(5));

        // Any 60 minutes holds at most 13 of them.
        Assert.Empty(UnusualAccess.Find(events, threshold: 20, Hour));
        Assert.NotEmpty(UnusualAccess.Find(events, threshold: 13, Hour));
    }

    [Fact]
    public void Each_person_is_counted_on_their_own_and_separate_bursts_are_separate_alerts()
    {
        var first = Reads("bea", Enumerable.Range(1, 20).Select(i => (long)i), TimeSpan.FromMinutes(1));
        var second = Reads("bea", Enumerable.Range(100, 20).Select(i => (long)i), TimeSpan.FromMinutes(1), Start.AddDays(2));
        var shared = Reads("sam", Enumerable.Range(1, 10).Select(i => (long)i), TimeSpan.FromMinutes(1))
            .Concat(Reads("pat", Enumerable.Range(11, 10).Select(i => (long)i), TimeSpan.FromMinutes(1)));

        var alerts = UnusualAccess.Find([.. first, .. second, .. shared], threshold: 20, Hour);

        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal("bea", a.UserId));
        Assert.Equal(Start.AddDays(2), alerts[0].Start);
    }

    [Fact]
    public void Only_records_opened_outside_ones_own_work_count()
    {
        Assert.Equal(
            [AccessBasis.Service, AccessBasis.WholeService, AccessBasis.BreakGlass, AccessBasis.PerformanceData],
            UnusualAccess.OutsideOwnWork.Order());
    }

    [Fact]
    public void Reports_look_back_from_the_apps_today_when_it_is_in_the_past_and_from_now_otherwise()
    {
        var today = new DateOnly(2026, 3, 31);
        var later = new DateTime(2026, 11, 26, 18, 0, 0, DateTimeKind.Utc);
        var sameDay = new DateTime(2026, 3, 31, 9, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), UnusualAccess.ReportStart(later, today, 30));
        Assert.Equal(sameDay.AddDays(-30), UnusualAccess.ReportStart(sameDay, today, 30));
    }

    [Fact]
    public void Numbers_tables_suppress_each_column_as_a_group_and_show_totals()
    {
        var groups = new[] { "North", "South", "East" };
        var counts = new Dictionary<string, (int LookedAfter, int Referrals)>
        {
            ["North"] = (12, 0),
            ["South"] = (4, 40),
            ["East"] = (30, 7),
        };

        var table = NumbersTable.Build(groups, [g => counts[g].LookedAfter, g => counts[g].Referrals]);

        Assert.Equal(["[c]", "[c]", "30"], table.Rows.Select(r => r[0].Text));
        Assert.Equal(["0", "40", "7"], table.Rows.Select(r => r[1].Text));
        Assert.Equal(["46", "47"], table.Totals.Select(t => t.Text));
    }

    private static List<AccessEvent> Reads(string user, IEnumerable<long> children, TimeSpan every, DateTime? from = null)
    {
        var at = from ?? Start;
        var list = new List<AccessEvent>();
        foreach (var child in children)
        {
            list.Add(new AccessEvent(user, user, StaffRole.BusinessSupport, child, at));
            at += every;
        }

        return list;
    }
}
