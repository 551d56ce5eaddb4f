using Lantern.Domain.Calendar;
using Lantern.Domain.Model;
using Xunit;

namespace Lantern.Metrics.Tests;

/// <summary>Assessment, section 47, child protection and child in need indicators, each worked out by
/// hand from its definition. Unless a test says otherwise the as-at date is Monday 31 March 2025, so
/// the year is 1 April 2024 to 31 March 2025; the population is 10,000, so a count of 1 is 1.0 per
/// 10,000. Working days skip weekends and England bank holidays; the start day is day 0.</summary>
public sealed class ProtectionIndicatorTests
{
    private static readonly DateOnly AsAt = new(2025, 3, 31);

    [Fact]
    public void Assessments_within_45_working_days_from_start_and_from_referral_and_no_further_action()
    {
        Assert.True(EnglandBankHolidays.IsBankHoliday(new DateOnly(2025, 1, 1)));
        Assert.True(EnglandBankHolidays.IsBankHoliday(new DateOnly(2024, 3, 29)));
        var la = new TestAuthority();
        var c = Enumerable.Range(1, 7).Select(i => la.Child(new DateOnly(2015, 1, i))).ToArray();

        // a1: start Mon 2 Dec 2024. Working days: 3–6 Dec 4, 9–13 Dec 9, 16–20 Dec 14, 23–24 Dec 16,
        // (25, 26 Dec bank holidays) 27 Dec 17, 30–31 Dec 19, (1 Jan) 2–3 Jan 21, 6–10 Jan 26, 13–17 Jan 31,
        // 20–24 Jan 36, 27–31 Jan 41, 3–6 Feb 45: due Thu 6 Feb 2025, authorised that day: on time.
        // From the referral on Fri 29 Nov (Mon 2 Dec is day 1) 6 Feb is day 46: late.
        var r1 = Refer(la, c[0], new DateOnly(2024, 11, 29));
        Assess(la, r1, new DateOnly(2024, 12, 2), new DateOnly(2025, 2, 6), AssessmentOutcome.ChildInNeedPlan);
        // a2: referral and start Mon 2 Dec, authorised Fri 7 Feb: day 46 on both clocks, late.
        var r2 = Refer(la, c[1], new DateOnly(2024, 12, 2));
        Assess(la, r2, new DateOnly(2024, 12, 2), new DateOnly(2025, 2, 7), AssessmentOutcome.NoFurtherAction);
        // a3: authorised 31 Mar 2024, before the year: out.
        var r3 = Refer(la, c[2], new DateOnly(2024, 3, 1));
        Assess(la, r3, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), AssessmentOutcome.NoFurtherAction);
        // a4: referral and start Mon 10 Feb 2025, authorised on the as-at day Mon 31 Mar: 11–14 Feb 4,
        // 17–21 Feb 9, 24–28 Feb 14, 3–7 Mar 19, 10–14 Mar 24, 17–21 Mar 29, 24–28 Mar 34, 31 Mar 35: on time.
        var r4 = Refer(la, c[3], new DateOnly(2025, 2, 10));
        Assess(la, r4, new DateOnly(2025, 2, 10), AsAt, AssessmentOutcome.NoFurtherAction);
        // a5: a second assessment on a4's referral, 3 Mar to 20 Mar 2025 (13 working days): on time on the
        // DfE measure; not the referral's first assessment, so left out of the measure from referral.
        Assess(la, r4, new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 20), AssessmentOutcome.ChildInNeedPlan);
        // a6: not authorised: out. a7: authorised after the as-at date: out.
        var r6 = Refer(la, c[4], new DateOnly(2025, 3, 1));
        Assess(la, r6, new DateOnly(2025, 3, 3), null, AssessmentOutcome.Pending);
        var r7 = Refer(la, c[5], new DateOnly(2025, 2, 3));
        Assess(la, r7, new DateOnly(2025, 2, 3), new DateOnly(2025, 4, 1), AssessmentOutcome.NoFurtherAction);
        // a8: spans the year start: referral and start Mon 4 Mar 2024, authorised Fri 5 Apr 2024.
        // 5–8 Mar 4, 11–15 Mar 9, 18–22 Mar 14, 25–28 Mar 18, (29 Mar, 1 Apr Easter) 2–5 Apr 22: on time.
        var r8 = Refer(la, c[6], new DateOnly(2024, 3, 4));
        Assess(la, r8, new DateOnly(2024, 3, 4), new DateOnly(2024, 4, 5), AssessmentOutcome.ChildInNeedPlan);

        // From start: authorised in the year a1, a2, a4, a5, a8 = 5; on time a1, a4, a5, a8 = 4; 80.0%.
        var fromStart = la.Measure("assessments_45wd_pct", AsAt);
        Assert.Equal((4, 5), (fromStart.Numerator, fromStart.Denominator));
        Assert.Equal(80.0, fromStart.Value);
        Assert.Equal([c[0].Id, c[3].Id, c[6].Id], la.NumeratorSubjects("assessments_45wd_pct", AsAt));

        // From referral: first assessments authorised in the year a1, a2, a4, a8 = 4; on time a4, a8 = 2; 50.0%.
        var fromReferral = la.Measure("assessments_45wd_from_referral_pct", AsAt);
        Assert.Equal((2, 4), (fromReferral.Numerator, fromReferral.Denominator));
        Assert.Equal(50.0, fromReferral.Value);
        Assert.Equal([c[3].Id, c[6].Id], la.NumeratorSubjects("assessments_45wd_from_referral_pct", AsAt));

        // No further action: a2, a4 of the 5 = 40.0%.
        var nfa = la.Measure("assessments_nfa_pct", AsAt);
        Assert.Equal((2, 5), (nfa.Numerator, nfa.Denominator));
        Assert.Equal(40.0, nfa.Value);
        Assert.Equal([c[1].Id, c[3].Id], la.NumeratorSubjects("assessments_nfa_pct", AsAt));
    }

    [Fact]
    public void Section_47_enquiries_and_initial_conferences()
    {
        var la = new TestAuthority();
        var p = Enumerable.Range(1, 7).Select(i => la.Child(new DateOnly(2015, 1, i))).ToArray();

        // s1: Thu 19 Dec 2024. 15 working days: 20 Dec 1, 23 Dec 2, 24 Dec 3, (25, 26 Dec) 27 Dec 4,
        // 30 Dec 5, 31 Dec 6, (1 Jan) 2 Jan 7, 3 Jan 8, 6–10 Jan 13, 13 Jan 14, 14 Jan 15: ICPC Tue 14 Jan on time.
        var r1 = Refer(la, p[0], new DateOnly(2024, 12, 18));
        var s1 = Enquiry(la, r1, new DateOnly(2024, 12, 19), new DateOnly(2025, 1, 10), Section47Outcome.ConferenceRequired);
        Conference(la, r1, s1, ConferenceType.Initial, new DateOnly(2025, 1, 14));
        Conference(la, r1, null, ConferenceType.Review, new DateOnly(2025, 3, 20)); // a review: never an ICPC
        // s2: Mon 6 Jan 2025, conference linked to no enquiry on Tue 28 Jan: 7–10 Jan 4, 13–17 Jan 9,
        // 20–24 Jan 14, 27 Jan 15, 28 Jan 16: late. It belongs to s2 (same referral, on or after its start).
        var r2 = Refer(la, p[1], new DateOnly(2025, 1, 3));
        Enquiry(la, r2, new DateOnly(2025, 1, 6), new DateOnly(2025, 1, 20), Section47Outcome.ConferenceRequired);
        Conference(la, r2, null, ConferenceType.Initial, new DateOnly(2025, 1, 28));
        // s3: spans the year start, 25 Mar to 5 Apr 2024, not substantiated, no conference.
        var r3 = Refer(la, p[2], new DateOnly(2024, 3, 22));
        Enquiry(la, r3, new DateOnly(2024, 3, 25), new DateOnly(2024, 4, 5), Section47Outcome.ConcernsNotSubstantiated);
        // s4: started 20 Mar 2025, still open; its conference is dated 19 Mar, before it started.
        var r4 = Refer(la, p[3], new DateOnly(2025, 3, 18));
        var s4 = Enquiry(la, r4, new DateOnly(2025, 3, 20), null, Section47Outcome.Pending);
        Conference(la, r4, s4, ConferenceType.Initial, new DateOnly(2025, 3, 19));
        // s5: Sun 10 Mar 2024 (before the year), ICPC Tue 2 Apr 2024: 11–15 Mar 5, 18–22 Mar 10,
        // 25–28 Mar 14, (29 Mar, 1 Apr Easter) 2 Apr 15: on time.
        var r5 = Refer(la, p[4], new DateOnly(2024, 3, 8));
        var s5 = Enquiry(la, r5, new DateOnly(2024, 3, 10), new DateOnly(2024, 3, 28), Section47Outcome.ConferenceRequired);
        Conference(la, r5, s5, ConferenceType.Initial, new DateOnly(2024, 4, 2));
        // s6: 3 to 20 Feb 2025; its conference is on 2 Apr 2025, after the as-at date.
        var r6 = Refer(la, p[5], new DateOnly(2025, 1, 31));
        var s6 = Enquiry(la, r6, new DateOnly(2025, 2, 3), new DateOnly(2025, 2, 20), Section47Outcome.ConferenceRequired);
        Conference(la, r6, s6, ConferenceType.Initial, new DateOnly(2025, 4, 2));
        // An initial conference with no enquiry at all, 1 Jun 2024.
        var r7 = Refer(la, p[6], new DateOnly(2024, 5, 20));
        Conference(la, r7, null, ConferenceType.Initial, new DateOnly(2024, 6, 1));

        // Enquiries started in the year: s1, s2, s4, s6 = 4 → 4.0 per 10,000.
        var s47 = la.Measure("s47_per_10k", AsAt);
        Assert.Equal(4, s47.Numerator);
        Assert.Equal(4.0, s47.Value);
        Assert.Equal([p[0].Id, p[1].Id, p[3].Id, p[5].Id], la.NumeratorSubjects("s47_per_10k", AsAt));

        // Ended in the year: s1, s2, s3, s6 = 4; followed by a conference by the date s1, s2 = 2; 50.0%.
        var toIcpc = la.Measure("s47_to_icpc_pct", AsAt);
        Assert.Equal((2, 4), (toIcpc.Numerator, toIcpc.Denominator));
        Assert.Equal(50.0, toIcpc.Value);
        Assert.Equal([p[0].Id, p[1].Id], la.NumeratorSubjects("s47_to_icpc_pct", AsAt));

        // Initial conferences in the year: 14 Jan, 28 Jan, 19 Mar 2025, 2 Apr, 1 Jun 2024 = 5.
        Assert.Equal(5.0, la.Measure("icpc_count", AsAt).Value);
        Assert.Equal(5.0, la.Measure("icpc_per_10k", AsAt).Value);

        // Within 15 working days: with an enquiry started on or before them p1, p2, p5 = 3 (p4's is before its
        // enquiry, p7's has none); on time p1, p5 = 2; 2 ÷ 3 = 66.7%.
        var onTime = la.Measure("icpc_15wd_pct", AsAt);
        Assert.Equal((2, 3), (onTime.Numerator, onTime.Denominator));
        Assert.Equal(66.7, onTime.Value);
        Assert.Equal([p[0].Id, p[4].Id], la.NumeratorSubjects("icpc_15wd_pct", AsAt));
    }

    [Fact]
    public void Protection_plans_open_started_repeated_and_ended()
    {
        var la = new TestAuthority();
        var q = Enumerable.Range(1, 10).Select(i => la.Child(new DateOnly(2015, 1, i))).ToArray();
        var q5 = la.Child(new DateOnly(2007, 3, 15)); // turned 18 on 15 Mar 2025
        Plan(la, q[0], new DateOnly(2024, 6, 1), null); // open
        Plan(la, q[1], new DateOnly(2024, 1, 1), AsAt); // ends on the as-at date: not open that day
        Plan(la, q[2], AsAt, null); // starts on the as-at date: open
        Plan(la, q[3], new DateOnly(2025, 4, 1), null); // starts after: not open
        Plan(la, q5, new DateOnly(2023, 3, 1), null); // still recorded as open after the 18th birthday: counted
        Plan(la, q[5], new DateOnly(2022, 1, 10), new DateOnly(2023, 6, 30));
        Plan(la, q[5], new DateOnly(2024, 9, 1), null); // second plan; previous ended 30 Jun 2023, on or after 1 Sep 2022
        Plan(la, q[6], new DateOnly(2024, 5, 1), new DateOnly(2024, 12, 1), previousPlans: 1); // second time on the census count only
        Plan(la, q[7], new DateOnly(2020, 1, 1), new DateOnly(2022, 8, 31));
        Plan(la, q[7], new DateOnly(2024, 9, 1), null); // previous ended 31 Aug 2022, a day before 1 Sep 2022
        Plan(la, q[8], new DateOnly(2022, 5, 1), new DateOnly(2024, 5, 1)); // exactly 2 years
        Plan(la, q[9], new DateOnly(2022, 5, 2), new DateOnly(2024, 5, 1)); // a day short of 2 years

        // On a plan on 31 Mar 2025: q1, q3, q5 (18), q6, q8 = 5.
        var count = la.Measure("cpp_count", AsAt);
        Assert.Equal(5.0, count.Value);
        Assert.Equal([q[0].Id, q[2].Id, q[5].Id, q[7].Id, q5.Id], la.NumeratorSubjects("cpp_count", AsAt));
        Assert.Equal(5.0, la.Measure("cpp_per_10k", AsAt).Value);

        // Started in the year: q1 (1 Jun 2024), q3 (31 Mar 2025), q6 (1 Sep 2024), q7 (1 May 2024), q8 (1 Sep 2024) = 5.
        Assert.Equal(5.0, la.Measure("cpp_starts", AsAt).Value);

        // Second or subsequent, ever: q6, q7 (census count), q8 = 3 of 5 = 60.0%.
        var second = la.Measure("cpp_second_time_pct", AsAt);
        Assert.Equal((3, 5), (second.Numerator, second.Denominator));
        Assert.Equal(60.0, second.Value);
        Assert.Equal([q[5].Id, q[6].Id, q[7].Id], la.NumeratorSubjects("cpp_second_time_pct", AsAt));

        // Within 2 years of the previous plan ending: q6 only = 1 of 5 = 20.0%.
        var twoYears = la.Measure("cpp_second_time_2y_pct", AsAt);
        Assert.Equal((1, 5), (twoYears.Numerator, twoYears.Denominator));
        Assert.Equal(20.0, twoYears.Value);
        Assert.Equal([q[5].Id], la.NumeratorSubjects("cpp_second_time_2y_pct", AsAt));

        // Ended in the year: q2 (31 Mar 2025), q7 (1 Dec 2024), q9, q10 (1 May 2024) = 4; 2 years or more q9 = 1; 25.0%.
        var ended = la.Measure("cpp_ended_2y_plus_pct", AsAt);
        Assert.Equal((1, 4), (ended.Numerator, ended.Denominator));
        Assert.Equal(25.0, ended.Value);
        Assert.Equal([q[8].Id], la.NumeratorSubjects("cpp_ended_2y_plus_pct", AsAt));
    }

    [Fact]
    public void Protection_plan_reviews_on_time_for_children_on_a_plan_for_three_months()
    {
        // On a plan for at least 3 months: started on or before 31 Dec 2024.
        var la = new TestAuthority();
        var r = Enumerable.Range(1, 8).Select(i => la.Child(new DateOnly(2015, 1, i))).ToArray();
        // r1: ICPC 3 Jun 2024; first review due 3 Sep, held 3 Sep; next due 3 Mar 2025, held 3 Mar; next due 3 Sep 2025: on time.
        var p1 = Plan(la, r[0], new DateOnly(2024, 6, 3), null);
        Conference(la, p1, ConferenceType.Initial, new DateOnly(2024, 6, 3));
        Conference(la, p1, ConferenceType.Review, new DateOnly(2024, 9, 3));
        Conference(la, p1, ConferenceType.Review, new DateOnly(2025, 3, 3));
        // r2: first review due 3 Sep 2024, held 4 Sep: late.
        var p2 = Plan(la, r[1], new DateOnly(2024, 6, 3), null);
        Conference(la, p2, ConferenceType.Initial, new DateOnly(2024, 6, 3));
        Conference(la, p2, ConferenceType.Review, new DateOnly(2024, 9, 4));
        Conference(la, p2, ConferenceType.Review, new DateOnly(2025, 3, 1));
        // r3: started 31 Dec 2024, exactly 3 months before; first review due 31 Mar 2025, the as-at day: not yet late.
        var p3 = Plan(la, r[2], new DateOnly(2024, 12, 31), null);
        Conference(la, p3, ConferenceType.Initial, new DateOnly(2024, 12, 31));
        // r4: started 1 Jan 2025, under 3 months: out.
        Plan(la, r[3], new DateOnly(2025, 1, 1), null);
        // r5: no initial conference linked, so the plan start 30 Nov 2024; 3 months on is 28 Feb 2025
        // (February is shorter); held 28 Feb: on time; next due 28 Aug 2025.
        var p5 = Plan(la, r[4], new DateOnly(2024, 11, 30), null);
        Conference(la, p5, ConferenceType.Review, new DateOnly(2025, 2, 28));
        // r6: first review 2 Sep 2024 on time; next due 2 Mar 2025, none held by 31 Mar: overdue, late.
        var p6 = Plan(la, r[5], new DateOnly(2024, 6, 3), null);
        Conference(la, p6, ConferenceType.Initial, new DateOnly(2024, 6, 3));
        Conference(la, p6, ConferenceType.Review, new DateOnly(2024, 9, 2));
        // r7: plan ends on the as-at date: not on a plan that day, out.
        var p7 = Plan(la, r[6], new DateOnly(2024, 6, 1), AsAt);
        Conference(la, p7, ConferenceType.Initial, new DateOnly(2024, 6, 1));
        // r8: review recorded against the referral but no plan (matched by referral, as the clock does):
        // ICPC 16 Sep 2024, review 16 Dec 2024 on time, next due 16 Jun 2025.
        var p8 = Plan(la, r[7], new DateOnly(2024, 9, 16), null);
        Conference(la, p8, ConferenceType.Initial, new DateOnly(2024, 9, 16));
        la.Add(la.Data.Conferences, new ChildProtectionConference { ChildId = r[7].Id, ReferralId = p8.ReferralId, Type = ConferenceType.Review, Date = new DateOnly(2024, 12, 16) });

        // Denominator r1, r2, r3, r5, r6, r8 = 6; all on time r1, r3, r5, r8 = 4; 4 ÷ 6 = 66.7%.
        var value = la.Measure("cpp_reviews_on_time_pct", AsAt);
        Assert.Equal((4, 6), (value.Numerator, value.Denominator));
        Assert.Equal(66.7, value.Value);
        Assert.Equal([r[0].Id, r[2].Id, r[4].Id, r[7].Id], la.NumeratorSubjects("cpp_reviews_on_time_pct", AsAt));
        Assert.Equal([r[0].Id, r[1].Id, r[2].Id, r[4].Id, r[5].Id, r[7].Id], la.DenominatorSubjects("cpp_reviews_on_time_pct", AsAt));
    }

    [Fact]
    public void Protection_visits_on_time_count_working_days_across_easter()
    {
        // As at Fri 25 Apr 2025; visits every 10 working days. Good Friday 18 Apr and Easter Monday 21 Apr
        // are bank holidays. A visit is on time if 10 working days after it is on or after 25 Apr:
        // Wed 9 Apr + 10 = 10, 11, 14, 15, 16, 17, 22, 23, 24, 25 Apr: on time; Tue 8 Apr + 10 = 24 Apr: late.
        Assert.True(EnglandBankHolidays.IsBankHoliday(new DateOnly(2025, 4, 18)));
        Assert.True(EnglandBankHolidays.IsBankHoliday(new DateOnly(2025, 4, 21)));
        var asAt = new DateOnly(2025, 4, 25);
        var la = new TestAuthority();
        la.Data.Authorities[0].ChildProtectionVisitWorkingDays = 10;
        var v = Enumerable.Range(1, 8).Select(i => la.Child(new DateOnly(2015, 1, i))).ToArray();
        Plan(la, v[0], new DateOnly(2025, 1, 6), null);
        Visit(la, v[0], new DateOnly(2025, 3, 20));
        Visit(la, v[0], new DateOnly(2025, 4, 9)); // on time
        Plan(la, v[1], new DateOnly(2025, 1, 6), null);
        Visit(la, v[1], new DateOnly(2025, 4, 8)); // late
        Visit(la, v[1], new DateOnly(2025, 4, 15), seen: false); // child not seen: does not count
        Plan(la, v[2], new DateOnly(2025, 1, 6), null);
        Visit(la, v[2], new DateOnly(2025, 4, 14), kind: VisitKind.ChildInNeed); // not a protection visit
        Visit(la, v[2], new DateOnly(2025, 4, 28)); // after the date
        // Plan from Fri 11 Apr: first visit due 29 Apr, not yet: out.
        Plan(la, v[3], new DateOnly(2025, 4, 11), null);
        // Plan from Tue 8 Apr: first visit due Thu 24 Apr, passed with no visit: in, late.
        Plan(la, v[4], new DateOnly(2025, 4, 8), null);
        // Plan from Wed 9 Apr: first visit due Fri 25 Apr, the date itself, not passed: out.
        Plan(la, v[5], new DateOnly(2025, 4, 9), null);
        // Plan ending on the date: out.
        Plan(la, v[6], new DateOnly(2025, 1, 6), asAt);
        Visit(la, v[6], new DateOnly(2025, 4, 24));
        // Plan from Mon 7 Apr (first visit due Wed 23 Apr): in; the only visit, 4 Apr, was before the plan: late.
        Plan(la, v[7], new DateOnly(2025, 4, 7), null);
        Visit(la, v[7], new DateOnly(2025, 4, 4));

        // Denominator v1, v2, v3, v5, v8 = 5; on time v1 = 1; 1 ÷ 5 = 20.0%.
        var value = la.Measure("cpp_visits_on_time_pct", asAt);
        Assert.Equal((1, 5), (value.Numerator, value.Denominator));
        Assert.Equal(20.0, value.Value);
        Assert.Equal([v[0].Id], la.NumeratorSubjects("cpp_visits_on_time_pct", asAt));
        Assert.Equal([v[0].Id, v[1].Id, v[2].Id, v[4].Id, v[7].Id], la.DenominatorSubjects("cpp_visits_on_time_pct", asAt));
    }

    [Fact]
    public void Protection_visits_seen_alone_in_the_last_three_months()
    {
        // Three months to 31 Mar 2025: visits after 31 Dec 2024 and on or before 31 Mar 2025.
        var la = new TestAuthority();
        var a = la.Child(new DateOnly(2015, 1, 1));
        var b = la.Child(new DateOnly(2016, 1, 1));
        var c = la.Child(new DateOnly(2017, 1, 1));
        Visit(la, c, new DateOnly(2024, 12, 31), alone: true); // on the boundary: out
        Visit(la, a, new DateOnly(2025, 1, 1), alone: true); // in, alone
        Visit(la, a, AsAt); // in, seen not alone
        Visit(la, a, new DateOnly(2025, 2, 1), seen: false); // not seen: out
        Visit(la, c, new DateOnly(2025, 2, 1), alone: true, kind: VisitKind.ChildInNeed); // not a protection visit: out
        Visit(la, c, new DateOnly(2025, 4, 1), alone: true); // after: out
        Visit(la, b, new DateOnly(2025, 3, 15), alone: true); // in, alone

        // Seen 3 (a 1 Jan, a 31 Mar, b 15 Mar); alone 2; 2 ÷ 3 = 66.7%.
        var value = la.Measure("cpp_visits_seen_alone_pct", AsAt);
        Assert.Equal((2, 3), (value.Numerator, value.Denominator));
        Assert.Equal(66.7, value.Value);
        Assert.Equal([a.Id, b.Id], la.NumeratorSubjects("cpp_visits_seen_alone_pct", AsAt));
    }

    [Fact]
    public void Children_in_need_and_on_child_in_need_plans_on_the_date()
    {
        var la = new TestAuthority();
        var n = Enumerable.Range(1, 8).Select(i => la.Child(new DateOnly(2015, 1, i))).ToArray();
        var n5 = la.Child(new DateOnly(2007, 3, 31)); // turns 18 on the as-at date
        Refer(la, n[0], new DateOnly(2024, 1, 1)); // open: in
        Refer(la, n[1], new DateOnly(2024, 5, 1), closed: AsAt); // closed on the date: out
        Refer(la, n[2], AsAt); // referred on the date: in
        Refer(la, n[3], new DateOnly(2025, 3, 1), closed: new DateOnly(2025, 4, 10), nfa: true); // no further action: out
        Refer(la, n5, new DateOnly(2023, 1, 1)); // 18 on the date, still open: in
        Refer(la, n[5], new DateOnly(2024, 2, 1));
        Refer(la, n[5], new DateOnly(2024, 8, 1)); // two open: in once
        Refer(la, n[6], new DateOnly(2025, 4, 1)); // after the date: out
        Refer(la, n[7], new DateOnly(2023, 1, 1), closed: new DateOnly(2024, 1, 1));
        Refer(la, n[7], new DateOnly(2024, 6, 1)); // the later referral is open: in

        // n1, n3, n5, n6, n8 = 5; 5.0 per 10,000; the same as the headline figure.
        var count = la.Measure("cin_count", AsAt);
        Assert.Equal(5.0, count.Value);
        Assert.Equal([n[0].Id, n[2].Id, n[5].Id, n[7].Id, n5.Id], la.NumeratorSubjects("cin_count", AsAt));
        Assert.Equal(5.0, la.Measure("cin_per_10k", AsAt).Value);

        CinPlan(la, n[0], new DateOnly(2024, 6, 1), null); // open: in
        CinPlan(la, n[0], new DateOnly(2024, 9, 1), null); // a second open plan: the child counts once
        CinPlan(la, n[1], new DateOnly(2024, 6, 1), AsAt); // ends on the date: out
        CinPlan(la, n[2], AsAt, null); // starts on the date: in
        CinPlan(la, n[5], new DateOnly(2025, 4, 1), null); // after: out

        // n1, n3 = 2 → 2.0 per 10,000.
        var plans = la.Measure("cin_plans_per_10k", AsAt);
        Assert.Equal(2, plans.Numerator);
        Assert.Equal(2.0, plans.Value);
        Assert.Equal([n[0].Id, n[2].Id], la.NumeratorSubjects("cin_plans_per_10k", AsAt));
    }

    private static Referral Refer(TestAuthority la, Child child, DateOnly date, DateOnly? closed = null, bool nfa = false) =>
        la.Add(la.Data.Referrals, new Referral { ChildId = child.Id, ReferralDate = date, ClosureDate = closed, NoFurtherAction = nfa });

    private static Assessment Assess(TestAuthority la, Referral referral, DateOnly start, DateOnly? authorised, AssessmentOutcome outcome) =>
        la.Add(la.Data.Assessments, new Assessment { ChildId = referral.ChildId, ReferralId = referral.Id, StartDate = start, AuthorisationDate = authorised, Outcome = outcome });

    private static Section47Enquiry Enquiry(TestAuthority la, Referral referral, DateOnly start, DateOnly? end, Section47Outcome outcome) =>
        la.Add(la.Data.Section47s, new Section47Enquiry { ChildId = referral.ChildId, ReferralId = referral.Id, StartDate = start, EndDate = end, Outcome = outcome });

    private static ChildProtectionConference Conference(TestAuthority la, Referral referral, Section47Enquiry? enquiry, ConferenceType type, DateOnly date) =>
        la.Add(la.Data.Conferences, new ChildProtectionConference { ChildId = referral.ChildId, ReferralId = referral.Id, Section47Id = enquiry?.Id, Type = type, Date = date });

    private static ChildProtectionConference Conference(TestAuthority la, ChildProtectionPlan plan, ConferenceType type, DateOnly date) =>
        la.Add(la.Data.Conferences, new ChildProtectionConference { ChildId = plan.ChildId, ReferralId = plan.ReferralId, PlanId = plan.Id, Type = type, Date = date });

    /// <summary>A plan on a referral of its own, made the day the plan starts.</summary>
    private static ChildProtectionPlan Plan(TestAuthority la, Child child, DateOnly start, DateOnly? end, int previousPlans = 0)
    {
        var referral = la.Add(la.Data.Referrals, new Referral { ChildId = child.Id, ReferralDate = start });
        return la.Add(la.Data.ProtectionPlans, new ChildProtectionPlan { ChildId = child.Id, ReferralId = referral.Id, StartDate = start, EndDate = end, PreviousPlans = previousPlans });
    }

    private static Visit Visit(TestAuthority la, Child child, DateOnly date, bool seen = true, bool alone = false, VisitKind kind = VisitKind.ChildProtection) =>
        la.Add(la.Data.Visits, new Visit { ChildId = child.Id, Date = date, Kind = kind, ChildSeen = seen, ChildSeenAlone = alone && seen });

    private static ChildInNeedPlan CinPlan(TestAuthority la, Child child, DateOnly start, DateOnly? end) =>
        la.Add(la.Data.ChildInNeedPlans, new ChildInNeedPlan { ChildId = child.Id, StartDate = start, EndDate = end });
}
