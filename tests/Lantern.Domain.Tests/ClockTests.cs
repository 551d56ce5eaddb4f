using System.Globalization;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Xunit;
using Due = Lantern.Domain.Clock.StatutoryClock.DueDates;

namespace Lantern.Domain.Tests;

/// <summary>
/// Due-date rules taken from the regulations and guidance (domain reference section 1). Every
/// expected date was counted by hand from the published England and Wales bank-holiday lists, not
/// produced by the code under test.
/// </summary>
public class ClockTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- T4: ICPC within 15 working days

    [Theory]
    // Thursday before Christmas 2022: Christmas Day on Sunday -> Boxing Day Mon 26 and Christmas
    // substitute Tue 27; New Year's Day on Sunday -> substitute Mon 2 January.
    [InlineData("2022-12-22", "2023-01-17")]
    // Easter 2023: Good Friday 7 April and Easter Monday 10 April.
    [InlineData("2023-04-03", "2023-04-26")]
    // Platinum Jubilee: Spring bank holiday Thu 2 June and Jubilee Fri 3 June 2022.
    [InlineData("2022-05-30", "2022-06-22")]
    // Strategy discussion on a Saturday: counting starts on Monday.
    [InlineData("2024-06-01", "2024-06-21")]
    // No holidays: three calendar weeks.
    [InlineData("2024-01-10", "2024-01-31")]
    public void IcpcDue_is_15_working_days_after_the_strategy_discussion(string discussion, string expected)
    {
        Assert.Equal(D(expected), Due.IcpcDue(D(discussion)));
    }

    [Fact]
    public void IcpcDue_uses_a_configured_number_of_working_days()
    {
        // 10 working days over Christmas 2022 instead of 15.
        Assert.Equal(D("2023-01-10"), Due.IcpcDue(D("2022-12-22"), 10));
    }

    // ---------------------------------------------------------------- T10–T12: CLA reviews

    [Theory]
    // Christmas 2020: Christmas Day Friday, Boxing Day substitute Monday 28; New Year's Day Friday 1 January.
    [InlineData("2020-12-18", "2021-01-20")]
    // State funeral of Queen Elizabeth II, Monday 19 September 2022.
    [InlineData("2022-09-05", "2022-10-04")]
    // Early May bank holiday Monday 1 May and the coronation Monday 8 May 2023... and 29 May.
    [InlineData("2023-04-28", "2023-05-31")]
    public void FirstClaReviewDue_is_20_working_days_after_becoming_looked_after(string became, string expected)
    {
        Assert.Equal(D(expected), Due.FirstClaReviewDue(D(became)));
    }

    [Theory]
    // 31 August + 3 months: November has 30 days, so the month end is clamped.
    [InlineData("2021-08-31", "2021-11-30")]
    // 30 November + 3 months: clamped to the end of a non-leap February.
    [InlineData("2021-11-30", "2022-02-28")]
    [InlineData("2023-11-30", "2024-02-29")]
    [InlineData("2024-01-15", "2024-04-15")]
    public void SecondClaReviewDue_is_3_months_after_the_first(string first, string expected)
    {
        Assert.Equal(D(expected), Due.SecondClaReviewDue(D(first)));
    }

    [Theory]
    // 31 August + 6 months: 29 February in a leap year, 28 otherwise.
    [InlineData("2023-08-31", "2024-02-29")]
    [InlineData("2022-08-31", "2023-02-28")]
    // From 29 February to 29 August: no drift.
    [InlineData("2024-02-29", "2024-08-29")]
    [InlineData("2023-12-31", "2024-06-30")]
    // Month arithmetic ignores bank holidays: due on Christmas Day.
    [InlineData("2023-06-25", "2023-12-25")]
    public void NextClaReviewDue_is_6_months_after_the_previous_review(string previous, string expected)
    {
        Assert.Equal(D(expected), Due.NextClaReviewDue(D(previous)));
    }

    // ---------------------------------------------------------------- T2: assessment 45 working days

    [Theory]
    // Christmas and New Year 2023-24 fall inside the 45 days.
    [InlineData("2023-12-01", "2024-02-07")]
    // Christmas 2021 (Saturday: substitutes Mon 27 and Tue 28) and New Year 2022 (substitute Mon 3 Jan).
    [InlineData("2021-12-23", "2022-03-01")]
    // Easter 2023 and three May bank holidays (1, 8 coronation, 29).
    [InlineData("2023-03-31", "2023-06-09")]
    [InlineData("2024-01-02", "2024-03-05")]
    public void AssessmentDue_is_45_working_days(string from, string expected)
    {
        Assert.Equal(D(expected), Due.AssessmentDue(D(from)));
    }

    // ---------------------------------------------------------------- T5–T8: child protection

    [Theory]
    [InlineData("2022-12-22", "2023-01-10")]
    [InlineData("2024-01-22", "2024-02-05")]
    public void FirstCoreGroupDue_is_10_working_days_after_the_icpc(string icpc, string expected)
    {
        Assert.Equal(D(expected), Due.FirstCoreGroupDue(D(icpc)));
    }

    [Theory]
    [InlineData("2024-02-09", 6, "2024-03-22")]
    [InlineData("2024-02-09", 4, "2024-03-08")]
    public void NextCoreGroupDue_is_the_local_interval_in_weeks(string previous, int weeks, string expected)
    {
        Assert.Equal(D(expected), Due.NextCoreGroupDue(D(previous), weeks));
    }

    [Theory]
    // 30 November + 3 months into a leap-year February.
    [InlineData("2023-11-30", "2024-02-29")]
    [InlineData("2023-05-31", "2023-08-31")]
    [InlineData("2024-01-22", "2024-04-22")]
    public void FirstRcpcDue_is_3_months_after_the_icpc(string icpc, string expected)
    {
        Assert.Equal(D(expected), Due.FirstRcpcDue(D(icpc)));
    }

    [Theory]
    [InlineData("2024-03-31", "2024-09-30")]
    [InlineData("2023-08-31", "2024-02-29")]
    public void NextRcpcDue_is_6_months_after_the_previous_review(string previous, string expected)
    {
        Assert.Equal(D(expected), Due.NextRcpcDue(D(previous)));
    }

    [Theory]
    [InlineData("2022-12-22", 10, "2023-01-10")]
    [InlineData("2024-01-25", 10, "2024-02-08")]
    [InlineData("2024-01-25", 5, "2024-02-01")]
    public void NextCpVisitDue_counts_working_days(string previous, int workingDays, string expected)
    {
        Assert.Equal(D(expected), Due.NextCpVisitDue(D(previous), workingDays));
    }

    // ---------------------------------------------------------------- T1, T30: one working day

    [Theory]
    // Friday before Christmas 2023: Mon 25 and Tue 26 are bank holidays.
    [InlineData("2023-12-22", "2023-12-27")]
    // Maundy Thursday 2023: Good Friday and Easter Monday follow.
    [InlineData("2023-04-06", "2023-04-11")]
    // Saturday before the coronation bank holiday (Monday 8 May 2023).
    [InlineData("2023-05-06", "2023-05-09")]
    public void ContactDecisionDue_is_the_next_working_day(string received, string expected)
    {
        Assert.Equal(D(expected), Due.ContactDecisionDue(D(received)));
    }

    [Fact]
    public void LadoInitialDecisionDue_skips_the_platinum_jubilee()
    {
        Assert.Equal(D("2022-06-06"), Due.LadoInitialDecisionDue(D("2022-06-01")));
    }

    // ---------------------------------------------------------------- T13–T16: looked-after visits

    [Fact]
    public void FirstPlacementVisitDue_is_one_week_after_the_placement()
    {
        Assert.Equal(D("2023-01-17"), Due.FirstPlacementVisitDue(D("2023-01-10")));
    }

    [Theory]
    // First year of any placement: 6 weeks, long-term or not.
    [InlineData("2023-06-01", "2023-01-10", true, "2023-07-13")]
    [InlineData("2024-01-09", "2023-01-10", true, "2024-02-20")]
    // From the first anniversary: 3 months if long-term...
    [InlineData("2024-01-10", "2023-01-10", true, "2024-04-10")]
    // ...with month-end clamping.
    [InlineData("2024-11-30", "2023-01-10", true, "2025-02-28")]
    // ...otherwise still 6 weeks.
    [InlineData("2024-01-10", "2023-01-10", false, "2024-02-21")]
    public void NextClaVisitDue_follows_reg_28_2(string previous, string placed, bool longTerm, string expected)
    {
        Assert.Equal(D(expected), Due.NextClaVisitDue(D(previous), D(placed), longTerm));
    }

    [Theory]
    // Before the first review: weekly, whatever the order.
    [InlineData("2024-03-15", null, false, "2024-03-22")]
    [InlineData("2024-03-15", "2024-03-28", true, "2024-03-22")]
    // After the first review: 6 weeks (reg 28(3)) or 4 weeks under an interim care order (reg 28(4)).
    [InlineData("2024-03-29", "2024-03-28", false, "2024-05-10")]
    [InlineData("2024-03-29", "2024-03-28", true, "2024-04-26")]
    // A visit on the day of the review already counts as after it.
    [InlineData("2024-03-28", "2024-03-28", false, "2024-05-09")]
    public void NextClaVisitPlacedWithParentDue_is_weekly_until_the_first_review(string previous, string? firstReview, bool interim, string expected)
    {
        DateOnly? review = firstReview is null ? null : D(firstReview);
        Assert.Equal(D(expected), Due.NextClaVisitPlacedWithParentDue(D(previous), review, interim));
    }

    // ---------------------------------------------------------------- T18–T19: health

    [Fact]
    public void IhaDue_is_20_working_days_after_becoming_looked_after()
    {
        Assert.Equal(D("2023-05-31"), Due.IhaDue(D("2023-04-28")));
    }

    [Theory]
    // Aged 3 at the assessment: 6 months.
    [InlineData("2023-03-01", "2019-03-02", "2023-09-01")]
    // Fifth birthday on the day of the assessment: 12 months.
    [InlineData("2023-03-01", "2018-03-01", "2024-03-01")]
    // Fifth birthday the day after the assessment: still 6 months.
    [InlineData("2023-03-01", "2018-03-02", "2023-09-01")]
    // Unknown date of birth: the shorter interval.
    [InlineData("2023-03-01", null, "2023-09-01")]
    // 31 August + 6 months, leap year.
    [InlineData("2023-08-31", "2020-01-01", "2024-02-29")]
    public void NextRhaDue_is_6_months_under_5_and_12_months_from_5(string previous, string? dob, string expected)
    {
        DateOnly? birth = dob is null ? null : D(dob);
        Assert.Equal(D(expected), Due.NextRhaDue(D(previous), birth));
    }

    // ---------------------------------------------------------------- T23, T25–T26, T29

    [Fact]
    public void NextPathwayPlanReviewDue_is_6_months()
    {
        Assert.Equal(D("2024-02-29"), Due.NextPathwayPlanReviewDue(D("2023-08-31")));
    }

    [Fact]
    public void PrivateFosteringFirstVisitDue_is_7_working_days_over_christmas()
    {
        Assert.Equal(D("2023-01-05"), Due.PrivateFosteringFirstVisitDue(D("2022-12-22")));
    }

    [Theory]
    [InlineData("2023-06-01", "2023-01-01", "2023-07-13")]
    [InlineData("2023-12-31", "2023-01-01", "2024-02-11")]
    // Second year of the arrangement: 12 weeks.
    [InlineData("2024-01-01", "2023-01-01", "2024-03-25")]
    [InlineData("2024-01-05", "2023-01-01", "2024-03-29")]
    public void NextPrivateFosteringVisitDue_is_6_weeks_then_12_weeks(string previous, string began, string expected)
    {
        Assert.Equal(D(expected), Due.NextPrivateFosteringVisitDue(D(previous), D(began)));
    }

    [Theory]
    // 26 weeks = 182 days.
    [InlineData("2024-01-10", 0, "2024-07-10")]
    [InlineData("2024-01-10", 8, "2024-09-04")]
    [InlineData("2024-01-10", 16, "2024-10-30")]
    // Across the end of February in a leap year: days, not months.
    [InlineData("2023-09-01", 0, "2024-03-01")]
    public void ProceedingsDue_is_26_weeks_plus_extensions(string issue, int extensionWeeks, string expected)
    {
        Assert.Equal(D(expected), Due.ProceedingsDue(D(issue), extensionWeeks));
    }

    [Fact]
    public void ProceedingsDue_rejects_a_negative_extension()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Due.ProceedingsDue(D("2024-01-10"), -1));
    }

    // ---------------------------------------------------------------- child in need (local)

    [Theory]
    [InlineData("2024-02-05", 20, "2024-03-04")]
    [InlineData("2024-02-05", 10, "2024-02-19")]
    public void NextCinVisitDue_counts_working_days(string previous, int workingDays, string expected)
    {
        Assert.Equal(D(expected), Due.NextCinVisitDue(D(previous), workingDays));
    }

    [Theory]
    [InlineData("2023-11-30", 3, "2024-02-29")]
    [InlineData("2024-01-08", 3, "2024-04-08")]
    [InlineData("2024-01-31", 1, "2024-02-29")]
    public void NextCinReviewDue_counts_months(string previous, int months, string expected)
    {
        Assert.Equal(D(expected), Due.NextCinReviewDue(D(previous), months));
    }

    // ---------------------------------------------------------------- status

    [Theory]
    [InlineData("2024-03-01", null, "2024-02-29", ClockStatus.Upcoming)]
    [InlineData("2024-03-01", null, "2024-03-01", ClockStatus.DueToday)]
    [InlineData("2024-03-01", null, "2024-03-02", ClockStatus.Overdue)]
    [InlineData("2024-03-01", "2024-03-01", "2024-03-10", ClockStatus.CompletedOnTime)]
    [InlineData("2024-03-01", "2024-02-20", "2024-02-20", ClockStatus.CompletedOnTime)]
    [InlineData("2024-03-01", "2024-03-04", "2024-03-04", ClockStatus.CompletedLate)]
    // Completed after the as-at date: not known yet.
    [InlineData("2024-03-01", "2024-03-04", "2024-03-02", ClockStatus.Overdue)]
    [InlineData("2024-03-01", "2024-02-28", "2024-02-27", ClockStatus.Upcoming)]
    public void StatusOn_is_relative_to_the_as_at_date(string due, string? completed, string asAt, ClockStatus expected)
    {
        DateOnly? done = completed is null ? null : D(completed);
        Assert.Equal(expected, StatutoryClock.StatusOn(D(due), done, D(asAt)));
    }

    // ---------------------------------------------------------------- local standards

    [Fact]
    public void LocalStandards_defaults_are_the_common_practice()
    {
        var s = LocalStandards.Default;

        Assert.Equal(10, s.ChildProtectionVisitWorkingDays);
        Assert.Equal(20, s.ChildInNeedVisitWorkingDays);
        Assert.Equal(3, s.ChildInNeedReviewMonths);
        Assert.Equal(1, s.ContactDecisionWorkingDays);
        Assert.Equal(10, s.FirstCoreGroupWorkingDays);
        Assert.Equal(6, s.CoreGroupIntervalWeeks);
        Assert.Equal(15, s.IcpcWorkingDays);
        Assert.Equal(20, s.InitialHealthAssessmentWorkingDays);
        Assert.Equal(1, s.LadoInitialDecisionWorkingDays);
    }

    [Fact]
    public void LocalStandards_From_takes_the_councils_configured_values()
    {
        var la = new LocalAuthority { ChildProtectionVisitWorkingDays = 15, ChildInNeedVisitWorkingDays = 30, ChildInNeedReviewMonths = 6 };

        var s = LocalStandards.From(la);

        Assert.Equal(LocalStandards.Default with { ChildProtectionVisitWorkingDays = 15, ChildInNeedVisitWorkingDays = 30, ChildInNeedReviewMonths = 6 }, s);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void LocalStandards_reject_an_interval_that_is_not_positive(int value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LocalStandards.From(new LocalAuthority { ChildProtectionVisitWorkingDays = value }));
        Assert.Equal(nameof(LocalStandards.ChildProtectionVisitWorkingDays), ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalStandards.Default with { CoreGroupIntervalWeeks = value });
    }
}
