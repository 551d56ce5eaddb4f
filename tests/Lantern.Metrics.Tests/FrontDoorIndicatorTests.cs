using Lantern.Domain.Calendar;
using Lantern.Domain.Model;
using Xunit;

namespace Lantern.Metrics.Tests;

/// <summary>The front door indicators, each worked out by hand from its definition. The as-at date is
/// Monday 31 March 2025, so the year is 1 April 2024 to 31 March 2025; the population is 10,000, so a
/// count of 1 is 1.0 per 10,000.</summary>
public sealed class FrontDoorIndicatorTests
{
    private static readonly DateOnly AsAt = new(2025, 3, 31);

    [Fact]
    public void Referrals_are_counted_per_referral_in_the_year_with_re_referrals_and_no_further_action()
    {
        var la = new TestAuthority();
        var a = la.Child(new DateOnly(2015, 1, 1));
        var b = la.Child(new DateOnly(2016, 1, 1));
        var c = la.Child(new DateOnly(2017, 1, 1));
        var d = la.Child(new DateOnly(2018, 1, 1));
        Refer(la, a, new DateOnly(2024, 3, 31), nfa: true); // the day before the year starts: out
        Refer(la, a, new DateOnly(2024, 4, 1)); // first day of the year: in; previous 31 Mar 2024 within 12 months
        Refer(la, a, AsAt); // the as-at day: in; previous 1 Apr 2024 is on or after 31 Mar 2024
        Refer(la, b, new DateOnly(2024, 6, 10), nfa: true); // in; no previous referral
        Refer(la, b, new DateOnly(2025, 4, 1)); // after the as-at date: out
        Refer(la, c, new DateOnly(2023, 5, 1));
        Refer(la, c, new DateOnly(2024, 5, 2)); // in; previous 1 May 2023 is before 2 May 2023, so not a re-referral
        Refer(la, d, new DateOnly(2023, 5, 2));
        Refer(la, d, new DateOnly(2024, 5, 2)); // in; previous exactly 12 months before: a re-referral

        // Referrals in the year: a 2 (1 Apr 2024, 31 Mar 2025), b 1, c 1, d 1 = 5.
        var count = la.Measure("referrals_count", AsAt);
        Assert.Equal(5, count.Numerator);
        Assert.Equal(5.0, count.Value);

        // Per 10,000: 5 ÷ 10,000 × 10,000 = 5.0.
        var rate = la.Measure("referrals_per_10k", AsAt);
        Assert.Equal(5, rate.Numerator);
        Assert.Equal(10_000, rate.Denominator);
        Assert.Equal(5.0, rate.Value);

        // Re-referrals: a's two and d's one = 3 of 5 = 60.0%.
        var rereferrals = la.Measure("rereferrals_12m_pct", AsAt);
        Assert.Equal((3, 5), (rereferrals.Numerator, rereferrals.Denominator));
        Assert.Equal(60.0, rereferrals.Value);
        Assert.Equal([a.Id, d.Id], la.NumeratorSubjects("rereferrals_12m_pct", AsAt));

        // No further action: only b's 10 June 2024 referral (a's NFA one is before the year) = 1 of 5 = 20.0%.
        var nfa = la.Measure("referrals_nfa_pct", AsAt);
        Assert.Equal((1, 5), (nfa.Numerator, nfa.Denominator));
        Assert.Equal(20.0, nfa.Value);
        Assert.Equal([b.Id], la.NumeratorSubjects("referrals_nfa_pct", AsAt));
    }

    [Fact]
    public void Contacts_per_10k_count_contacts_received_in_the_year()
    {
        var la = new TestAuthority();
        var a = la.Child(new DateOnly(2015, 1, 1));
        var b = la.Child(new DateOnly(2016, 1, 1));
        Contact(la, a, new DateTime(2024, 3, 31, 23, 30, 0, DateTimeKind.Utc), null); // out: the day before
        Contact(la, a, new DateTime(2024, 4, 1, 0, 10, 0, DateTimeKind.Utc), null); // in
        Contact(la, b, new DateTime(2025, 3, 31, 17, 0, 0, DateTimeKind.Utc), null); // in: the as-at day
        Contact(la, b, new DateTime(2025, 4, 1, 9, 0, 0, DateTimeKind.Utc), null); // out: after

        // 2 contacts ÷ 10,000 × 10,000 = 2.0.
        var rate = la.Measure("contacts_per_10k", AsAt);
        Assert.Equal(2, rate.Numerator);
        Assert.Equal(2.0, rate.Value);
        Assert.Equal([a.Id, b.Id], la.NumeratorSubjects("contacts_per_10k", AsAt));
    }

    [Fact]
    public void Contact_decisions_within_one_working_day_skip_weekends_and_bank_holidays_and_count_overdue_pending_contacts_as_late()
    {
        Assert.True(EnglandBankHolidays.IsBankHoliday(new DateOnly(2024, 12, 25)));
        Assert.True(EnglandBankHolidays.IsBankHoliday(new DateOnly(2024, 12, 26)));
        var la = new TestAuthority();
        var c1 = la.Child(new DateOnly(2015, 1, 1));
        var c2 = la.Child(new DateOnly(2015, 1, 2));
        var c3 = la.Child(new DateOnly(2015, 1, 3));
        var c4 = la.Child(new DateOnly(2015, 1, 4));
        var c5 = la.Child(new DateOnly(2015, 1, 5));
        var c6 = la.Child(new DateOnly(2015, 1, 6));
        var c7 = la.Child(new DateOnly(2015, 1, 7));

        // Tue 24 Dec 2024: 25 and 26 Dec are bank holidays, so one working day on is Fri 27 Dec: on time.
        Contact(la, c1, new DateTime(2024, 12, 24, 10, 0, 0, DateTimeKind.Utc), new DateTime(2024, 12, 27, 9, 0, 0, DateTimeKind.Utc));
        // Fri 14 Mar 2025: due Mon 17 Mar; decided Tue 18 Mar: late.
        Contact(la, c2, new DateTime(2025, 3, 14, 10, 0, 0, DateTimeKind.Utc), new DateTime(2025, 3, 18, 9, 0, 0, DateTimeKind.Utc));
        // Fri 28 Mar 2025: due Mon 31 Mar; decided that day: on time.
        Contact(la, c3, new DateTime(2025, 3, 28, 16, 0, 0, DateTimeKind.Utc), new DateTime(2025, 3, 31, 12, 0, 0, DateTimeKind.Utc));
        // Fri 28 Mar 2025, still waiting: due Mon 31 Mar, the as-at day, not passed: left out.
        Contact(la, c4, new DateTime(2025, 3, 28, 16, 0, 0, DateTimeKind.Utc), null);
        // Wed 26 Mar 2025, still waiting: due Thu 27 Mar, passed: late.
        Contact(la, c5, new DateTime(2025, 3, 26, 10, 0, 0, DateTimeKind.Utc), null);
        // Thu 27 Mar 2025, decided 1 Apr (after the as-at date, so waiting on it): due Fri 28 Mar, passed: late.
        Contact(la, c6, new DateTime(2025, 3, 27, 10, 0, 0, DateTimeKind.Utc), new DateTime(2025, 4, 1, 9, 0, 0, DateTimeKind.Utc));
        // Received before the year: left out.
        Contact(la, c7, new DateTime(2024, 3, 28, 10, 0, 0, DateTimeKind.Utc), new DateTime(2024, 3, 28, 11, 0, 0, DateTimeKind.Utc));

        // Denominator c1, c2, c3, c5, c6 = 5; on time c1, c3 = 2; 2 ÷ 5 = 40.0%.
        var value = la.Measure("contacts_decided_1wd_pct", AsAt);
        Assert.Equal((2, 5), (value.Numerator, value.Denominator));
        Assert.Equal(40.0, value.Value);
        Assert.Equal([c1.Id, c3.Id], la.NumeratorSubjects("contacts_decided_1wd_pct", AsAt));
        Assert.Equal([c1.Id, c2.Id, c3.Id, c5.Id, c6.Id], la.DenominatorSubjects("contacts_decided_1wd_pct", AsAt));
    }

    [Fact]
    public void Contacts_to_referral_take_decisions_made_in_the_year()
    {
        var la = new TestAuthority();
        var k = Enumerable.Range(1, 7).Select(i => la.Child(new DateOnly(2015, 1, i))).ToArray();
        // Received before the year, decided in it (2 Apr 2024): counts, referral.
        Contact(la, k[0], new DateTime(2024, 3, 28, 9, 0, 0, DateTimeKind.Utc), new DateTime(2024, 4, 2, 9, 0, 0, DateTimeKind.Utc), ContactOutcome.Referral);
        Contact(la, k[1], new DateTime(2024, 10, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2024, 10, 1, 12, 0, 0, DateTimeKind.Utc), ContactOutcome.StrategyDiscussion);
        Contact(la, k[2], new DateTime(2024, 10, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2024, 10, 1, 12, 0, 0, DateTimeKind.Utc), ContactOutcome.EarlyHelp);
        Contact(la, k[3], new DateTime(2024, 10, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2024, 10, 1, 12, 0, 0, DateTimeKind.Utc), ContactOutcome.NoFurtherAction);
        // Waiting: left out.
        Contact(la, k[4], new DateTime(2025, 3, 30, 9, 0, 0, DateTimeKind.Utc), null);
        // Decided after the as-at date: left out.
        Contact(la, k[5], new DateTime(2025, 3, 31, 9, 0, 0, DateTimeKind.Utc), new DateTime(2025, 4, 1, 9, 0, 0, DateTimeKind.Utc), ContactOutcome.Referral);
        // Decided the day before the year: left out.
        Contact(la, k[6], new DateTime(2024, 3, 31, 9, 0, 0, DateTimeKind.Utc), new DateTime(2024, 3, 31, 10, 0, 0, DateTimeKind.Utc), ContactOutcome.Referral);

        // Decided in the year k1..k4 = 4; referral or strategy discussion k1, k2 = 2; 2 ÷ 4 = 50.0%.
        var value = la.Measure("contact_to_referral_pct", AsAt);
        Assert.Equal((2, 4), (value.Numerator, value.Denominator));
        Assert.Equal(50.0, value.Value);
        Assert.Equal([k[0].Id, k[1].Id], la.NumeratorSubjects("contact_to_referral_pct", AsAt));
    }

    [Fact]
    public void Early_help_per_10k_counts_episodes_started_in_the_year()
    {
        var la = new TestAuthority();
        var a = la.Child(new DateOnly(2015, 1, 1));
        var b = la.Child(new DateOnly(2016, 1, 1));
        var c = la.Child(new DateOnly(2017, 1, 1));
        EarlyHelp(la, a, new DateOnly(2024, 3, 31)); // out: the day before
        EarlyHelp(la, a, new DateOnly(2024, 4, 1)); // in
        EarlyHelp(la, b, AsAt, stepDown: true); // in: the as-at day (a step-down counts too)
        EarlyHelp(la, b, new DateOnly(2025, 4, 1)); // out
        EarlyHelp(la, c, new DateOnly(2023, 6, 1)); // out: started before the year, still open through it

        // 2 ÷ 10,000 × 10,000 = 2.0.
        var rate = la.Measure("early_help_per_10k", AsAt);
        Assert.Equal(2, rate.Numerator);
        Assert.Equal(2.0, rate.Value);
        Assert.Equal([a.Id, b.Id], la.NumeratorSubjects("early_help_per_10k", AsAt));
    }

    [Fact]
    public void Step_downs_re_referred_within_six_months_use_the_year_ending_six_months_before()
    {
        // Window: step-downs starting 1 Oct 2023 to 30 Sep 2024 (the 12 months ending 31 Mar 2025 − 6 months).
        var la = new TestAuthority();
        var s = Enumerable.Range(1, 7).Select(i => la.Child(new DateOnly(2015, 1, i))).ToArray();
        EarlyHelp(la, s[0], new DateOnly(2023, 10, 1), stepDown: true); // window start
        Refer(la, s[0], new DateOnly(2024, 4, 1)); // exactly 6 months after: back
        EarlyHelp(la, s[1], new DateOnly(2024, 9, 30), stepDown: true); // window end
        Refer(la, s[1], new DateOnly(2025, 3, 31)); // 6 months after is 30 Mar 2025; a day beyond: not back
        EarlyHelp(la, s[2], new DateOnly(2024, 10, 1), stepDown: true); // after the window: out
        Refer(la, s[2], new DateOnly(2024, 11, 1));
        EarlyHelp(la, s[3], new DateOnly(2023, 9, 30), stepDown: true); // before the window: out
        EarlyHelp(la, s[4], new DateOnly(2024, 1, 1)); // not a step-down: out
        Refer(la, s[4], new DateOnly(2024, 2, 1));
        Refer(la, s[5], new DateOnly(2024, 5, 1)); // the referral stepped down from
        EarlyHelp(la, s[5], new DateOnly(2024, 6, 1), stepDown: true);
        Refer(la, s[5], new DateOnly(2024, 6, 1)); // same day as the step-down, not after it: not back
        EarlyHelp(la, s[6], new DateOnly(2024, 2, 15), stepDown: true);
        Refer(la, s[6], new DateOnly(2024, 3, 1)); // back

        // Step-downs s1, s2, s6, s7 = 4; back within 6 months s1, s7 = 2; 2 ÷ 4 = 50.0%.
        var value = la.Measure("step_down_rereferred_6m_pct", AsAt);
        Assert.Equal((2, 4), (value.Numerator, value.Denominator));
        Assert.Equal(50.0, value.Value);
        Assert.Equal([s[0].Id, s[6].Id], la.NumeratorSubjects("step_down_rereferred_6m_pct", AsAt));
        Assert.Equal([s[0].Id, s[1].Id, s[5].Id, s[6].Id], la.DenominatorSubjects("step_down_rereferred_6m_pct", AsAt));
    }

    private static Referral Refer(TestAuthority la, Child child, DateOnly date, bool nfa = false) =>
        la.Add(la.Data.Referrals, new Referral { ChildId = child.Id, ReferralDate = date, NoFurtherAction = nfa, ClosureDate = nfa ? date : null });

    private static Contact Contact(TestAuthority la, Child child, DateTime received, DateTime? decided, ContactOutcome outcome = ContactOutcome.Referral) =>
        la.Add(la.Data.Contacts, new Contact { ChildId = child.Id, ReceivedAt = received, DecidedAt = decided, Outcome = decided is null ? ContactOutcome.Pending : outcome });

    private static EarlyHelpEpisode EarlyHelp(TestAuthority la, Child child, DateOnly start, bool stepDown = false) =>
        la.Add(la.Data.EarlyHelp, new EarlyHelpEpisode { ChildId = child.Id, StartDate = start, IsStepDown = stepDown, Organisation = "Family hub" });
}
