using System.Globalization;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Xunit;

namespace Lantern.Domain.Tests.Staffing;

/// <summary>Management oversight gaps on children built by hand; each day count is worked out in the
/// comments from the definition (calendar days from the later of the last decision and the day the
/// child became open; a gap when more than the council's period).</summary>
public class ManagementOversightTests
{
    private static readonly DateOnly Today = D("2025-07-31");

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ManagementDecision Decision(long child, string date) => new() { ChildId = child, ManagerId = 50, Date = D(date), Decision = "Continue plan", Rationale = "Reviewed" };

    private static (long, DateOnly)[] Open() =>
    [
        (1, D("2025-01-01")),
        (2, D("2025-01-01")),
        (3, D("2025-06-01")),
        (4, D("2025-07-20")),
        (5, D("2025-05-01")),
        (6, D("2025-01-01")),
    ];

    private static ManagementDecision[] Decisions() =>
    [
        Decision(1, "2025-07-01"),
        Decision(2, "2025-03-01"), // older: not the latest
        Decision(2, "2025-06-30"),
        Decision(3, "2024-03-01"), // from an earlier involvement, before child 3 became open again
        Decision(6, "2025-06-01"),
        Decision(6, "2025-08-05"), // after today
        Decision(7, "2025-01-01"), // child 7 is not open
    ];

    [Fact]
    public void Children_more_than_the_period_without_a_decision_are_gaps_longest_first()
    {
        var gaps = ManagementOversight.Gaps(Open(), Decisions(), Today, OversightSettings.Default);

        // Child 1: last decision 1 July, 30 days to 31 July: exactly the period, in time.
        // Child 2: last decision 30 June (not 1 March), 31 days: a gap.
        // Child 3: open since 1 June; the 2024 decision came before, so the clock runs from 1 June:
        //          30 days to 1 July + 30 to 31 July = 60, last decision still shown as 1 March 2024.
        // Child 4: open since 20 July, no decision yet: 11 days, in time.
        // Child 5: open since 1 May, never a decision: 31 (May) + 30 (June) + 30 (to 31 July) = 91.
        // Child 6: last decision 1 June (the one on 5 August is after today): 60, ties with child 3.
        OversightGap[] expected =
        [
            new(5, D("2025-05-01"), null, 91),
            new(3, D("2025-06-01"), D("2024-03-01"), 60),
            new(6, D("2025-06-01"), D("2025-06-01"), 60),
            new(2, D("2025-06-30"), D("2025-06-30"), 31),
        ];
        Assert.Equal(expected, gaps);

        // 6 open, 4 in a gap: 2 / 6 = 33.33% within the period.
        Assert.Equal(33.3m, ManagementOversight.WithinPeriodPercent(6, gaps.Count));
    }

    [Fact]
    public void The_period_is_the_councils()
    {
        // A fortnight: child 4 (11 days) is still in time, child 1 (30 days) is now a gap, after child 2 (31).
        var gaps = ManagementOversight.Gaps(Open(), Decisions(), Today, OversightSettings.Default with { Days = 14 });
        Assert.Equal([5L, 3, 6, 2, 1], gaps.Select(g => g.ChildId));

        // Ninety days: only child 5 (91 days).
        var quarterly = ManagementOversight.Gaps(Open(), Decisions(), Today, OversightSettings.Default with { Days = 90 });
        Assert.Equal(5L, Assert.Single(quarterly).ChildId);
    }

    [Fact]
    public void Days_are_calendar_days_across_a_leap_day()
    {
        // Last decision 31 January 2024: 29 days of February (leap year) + 1 = 30 on 1 March (in time),
        // 31 on 2 March (a gap).
        (long, DateOnly)[] open = [(1, D("2023-06-01"))];
        ManagementDecision[] decisions = [Decision(1, "2024-01-31")];

        Assert.Empty(ManagementOversight.Gaps(open, decisions, D("2024-03-01"), OversightSettings.Default));
        Assert.Equal(31, Assert.Single(ManagementOversight.Gaps(open, decisions, D("2024-03-02"), OversightSettings.Default)).DaysWithout);
    }

    [Fact]
    public void No_open_children_means_no_gaps_and_no_rate()
    {
        Assert.Empty(ManagementOversight.Gaps([], Decisions(), Today, OversightSettings.Default));
        Assert.Null(ManagementOversight.WithinPeriodPercent(0, 0));
        Assert.Equal(100.0m, ManagementOversight.WithinPeriodPercent(3, 0));
        Assert.Equal(0.0m, ManagementOversight.WithinPeriodPercent(3, 3));
    }

    [Fact]
    public void A_child_listed_twice_or_unusable_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ManagementOversight.Gaps([(1, D("2025-01-01")), (1, D("2025-06-01"))], [], Today, OversightSettings.Default));
        Assert.Throws<ArgumentException>(() => ManagementOversight.Gaps(Open(), [], Today, OversightSettings.Default with { Days = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ManagementOversight.WithinPeriodPercent(2, 3));
    }

    [Fact]
    public void Settings_out_of_range_name_their_field()
    {
        Assert.Contains((OversightSettings.Default with { Days = 0 }).Problems(), p => p.Field == nameof(OversightSettings.Days));
        Assert.Contains((OversightSettings.Default with { Days = 366 }).Problems(), p => p.Field == nameof(OversightSettings.Days));
        Assert.Empty((OversightSettings.Default with { Days = 1 }).Problems());
        Assert.Empty((OversightSettings.Default with { Days = 365 }).Problems());
        Assert.Empty(OversightSettings.Default.Problems());
        Assert.Equal(30, OversightSettings.Default.Days);
    }
}
