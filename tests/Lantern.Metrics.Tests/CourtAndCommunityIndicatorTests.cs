using Lantern.Domain.Model;
using Xunit;

namespace Lantern.Metrics.Tests;

/// <summary>Care proceedings, pre-proceedings, LADO allegations and private fostering, measured as at
/// 31 March 2026 (the year is 1 April 2025 to 31 March 2026); every figure worked out by hand.</summary>
public sealed class CourtAndCommunityIndicatorTests
{
    private static readonly DateOnly AsAt = D(2026, 3, 31);

    [Fact]
    public void Proceedings_within_26_weeks_ignore_extensions()
    {
        var a = new TestAuthority();
        // P1: issued 2 June 2025, final hearing 1 December 2025 = 182 days, exactly 26 weeks: within.
        var child1 = a.Child(D(2020, 1, 1));
        Proceedings(a, child1, D(2025, 6, 2), D(2025, 12, 1));
        // P2: issued the same day, final hearing 2 December 2025 = 183 days: over, even with an 8-week extension.
        var child2 = a.Child(D(2020, 1, 1));
        Proceedings(a, child2, D(2025, 6, 2), D(2025, 12, 2), extensionWeeks: 8);
        // P3: concluded 31 March 2025, before the year: left out.
        var child3 = a.Child(D(2020, 1, 1));
        Proceedings(a, child3, D(2024, 12, 1), D(2025, 3, 31));
        // P4: not concluded: left out.
        var child4 = a.Child(D(2020, 1, 1));
        Proceedings(a, child4, D(2025, 10, 1), null);
        // P5: issued 1 November 2025, concluded on the as-at date = 150 days: within.
        var child5 = a.Child(D(2020, 1, 1));
        Proceedings(a, child5, D(2025, 11, 1), D(2026, 3, 31));

        // Concluded in the year P1, P2, P5 = 3; within 26 weeks P1, P5 = 2; 2 × 100 ÷ 3 = 66.67 → 66.7.
        var value = a.Measure("proceedings_26w_pct", AsAt);
        Assert.Equal((2, 3), (value.Numerator, value.Denominator));
        Assert.Equal(66.7, value.Value);
        Assert.Equal([child1.Id, child5.Id], a.NumeratorSubjects("proceedings_26w_pct", AsAt));
        Assert.Equal([child1.Id, child2.Id, child5.Id], a.DenominatorSubjects("proceedings_26w_pct", AsAt));
        Assert.DoesNotContain(child3.Id, a.DenominatorSubjects("proceedings_26w_pct", AsAt));
        Assert.DoesNotContain(child4.Id, a.DenominatorSubjects("proceedings_26w_pct", AsAt));
    }

    [Fact]
    public void Pre_proceedings_open_on_the_date_count_each_child_once()
    {
        var a = new TestAuthority();
        // X: letter 10 January 2026, still open: counted.
        var childX = a.Child(D(2020, 1, 1));
        PreProceedings(a, childX, D(2026, 1, 10), null);
        // Y: ended on the as-at date: not open on it.
        var childY = a.Child(D(2020, 1, 1));
        PreProceedings(a, childY, D(2025, 10, 1), D(2026, 3, 31));
        // Z: two open records: counted once.
        var childZ = a.Child(D(2020, 1, 1));
        PreProceedings(a, childZ, D(2025, 12, 1), null);
        PreProceedings(a, childZ, D(2026, 2, 1), D(2026, 5, 1));
        // W: starts the day after the date.
        var childW = a.Child(D(2020, 1, 1));
        PreProceedings(a, childW, D(2026, 4, 1), null);

        // X and Z = 2.
        Assert.Equal(2, a.Measure("pre_proceedings_count", AsAt).Value);
        Assert.Equal([childX.Id, childZ.Id], a.NumeratorSubjects("pre_proceedings_count", AsAt));
        Assert.DoesNotContain(childY.Id, a.NumeratorSubjects("pre_proceedings_count", AsAt));
        Assert.DoesNotContain(childW.Id, a.NumeratorSubjects("pre_proceedings_count", AsAt));
    }

    [Fact]
    public void Allegations_resolved_within_1_3_and_12_months()
    {
        var a = new TestAuthority();
        // L1: received 31 January 2026, resolved 28 February (1 month on from 31 January is
        // 28 February): within 1, 3 and 12 months.
        var l1 = Allegation(a, D(2026, 1, 31), D(2026, 2, 28));
        // L2: received 10 May 2025, resolved 11 June (a day past 1 month): within 3 and 12.
        var l2 = Allegation(a, D(2025, 5, 10), D(2025, 6, 11));
        // L3: received 15 January 2025, resolved 15 October 2025: within 12 months only.
        var l3 = Allegation(a, D(2025, 1, 15), D(2025, 10, 15));
        // L4: received 1 June 2024, resolved 2 June 2025 (a day past 12 months): within none.
        var l4 = Allegation(a, D(2024, 6, 1), D(2025, 6, 2));
        // L5: resolved 31 March 2025, before the year; L6: not resolved. Both left out.
        var l5 = Allegation(a, D(2025, 3, 1), D(2025, 3, 31));
        var l6 = Allegation(a, D(2026, 3, 1), null);

        // Resolved in the year: L1–L4 = 4.
        // 1 month: L1 = 1 → 25.0. 3 months: L1, L2 = 2 → 50.0. 12 months: L1, L2, L3 = 3 → 75.0.
        var one = a.Measure("allegations_resolved_1m_pct", AsAt);
        Assert.Equal((1, 4), (one.Numerator, one.Denominator));
        Assert.Equal(25.0, one.Value);
        Assert.Equal([l1.Id], a.NumeratorSubjects("allegations_resolved_1m_pct", AsAt));
        Assert.Equal([l1.Id, l2.Id, l3.Id, l4.Id], a.DenominatorSubjects("allegations_resolved_1m_pct", AsAt));

        var three = a.Measure("allegations_resolved_3m_pct", AsAt);
        Assert.Equal((2, 4), (three.Numerator, three.Denominator));
        Assert.Equal(50.0, three.Value);
        Assert.Equal([l1.Id, l2.Id], a.NumeratorSubjects("allegations_resolved_3m_pct", AsAt));

        var twelve = a.Measure("allegations_resolved_12m_pct", AsAt);
        Assert.Equal((3, 4), (twelve.Numerator, twelve.Denominator));
        Assert.Equal(75.0, twelve.Value);
        Assert.Equal([l1.Id, l2.Id, l3.Id], a.NumeratorSubjects("allegations_resolved_12m_pct", AsAt));
        Assert.DoesNotContain(l5.Id, a.DenominatorSubjects("allegations_resolved_12m_pct", AsAt));
        Assert.DoesNotContain(l6.Id, a.DenominatorSubjects("allegations_resolved_12m_pct", AsAt));
    }

    [Fact]
    public void Private_fostering_visits_on_time_count_working_days_and_bank_holidays()
    {
        var a = new TestAuthority();
        // Arrangements open on the date and running since on or before 17 February 2026 (6 weeks).
        // PF1: notified Friday 19 December 2025. 7 working days, skipping 25 and 26 December and
        // 1 January: 22–24 Dec (3), 29–31 (6), 2 Jan (7): due 2 January 2026 (ignoring bank holidays,
        // 30 December). Visited 2 January: on time. Then 10 February (due 13 February), 20 March
        // (due 24 March); next due 1 May. On time.
        var child1 = a.Child(D(2012, 1, 1));
        Arrangement(a, child1, D(2025, 12, 19), D(2025, 12, 19), null);
        Visit(a, child1, D(2026, 1, 2), D(2026, 2, 10), D(2026, 3, 20));
        // PF2: the same notification, first visit 5 January: late.
        var child2 = a.Child(D(2012, 1, 1));
        Arrangement(a, child2, D(2025, 12, 19), D(2025, 12, 19), null);
        Visit(a, child2, D(2026, 1, 5), D(2026, 2, 10), D(2026, 3, 20));
        // PF3: notified 1 March 2026, under 6 weeks: left out.
        var child3 = a.Child(D(2012, 1, 1));
        Arrangement(a, child3, D(2026, 3, 1), D(2026, 3, 1), null);
        // PF4: began 1 January 2023, notified 10 January 2023 (the arrangement counts from then), so
        // from 10 January 2024 visits are due every 12 weeks (84 days). Visits: 12 January 2023;
        // 1 March 2025 (late, but before the year, so it does not count against the arrangement);
        // in the year 20 May 2025 (due 24 May), 10 August (due 12 August), 1 November (due
        // 2 November), 20 January 2026 (due 24 January); next due 14 April 2026. A visit on
        // 1 March 2026 did not see the child and does not count. On time.
        var child4 = a.Child(D(2012, 1, 1));
        Arrangement(a, child4, D(2023, 1, 1), D(2023, 1, 10), null);
        Visit(a, child4, D(2023, 1, 12), D(2025, 3, 1), D(2025, 5, 20), D(2025, 8, 10), D(2025, 11, 1), D(2026, 1, 20));
        a.Add(a.Data.Visits, new Visit { ChildId = child4.Id, Date = D(2026, 3, 1), Kind = VisitKind.PrivateFostering, ChildSeen = false });
        // PF5: ended on the as-at date: not open.
        var child5 = a.Child(D(2012, 1, 1));
        Arrangement(a, child5, D(2025, 1, 1), D(2025, 1, 1), D(2026, 3, 31));
        // PF6: notified Sunday 1 June 2025; visits 5 June (due 10 June), 15 July (due 17 July),
        // 25 August (due 26 August); the next was due 6 October 2025: overdue.
        var child6 = a.Child(D(2012, 1, 1));
        Arrangement(a, child6, D(2025, 6, 1), D(2025, 6, 1), null);
        Visit(a, child6, D(2025, 6, 5), D(2025, 7, 15), D(2025, 8, 25));

        // Denominator PF1, PF2, PF4, PF6 = 4; on time PF1, PF4 = 2; 2 × 100 ÷ 4 = 50.0.
        var value = a.Measure("private_fostering_visits_pct", AsAt);
        Assert.Equal((2, 4), (value.Numerator, value.Denominator));
        Assert.Equal(50.0, value.Value);
        Assert.Equal([child1.Id, child4.Id], a.NumeratorSubjects("private_fostering_visits_pct", AsAt));
        Assert.Equal([child1.Id, child2.Id, child4.Id, child6.Id], a.DenominatorSubjects("private_fostering_visits_pct", AsAt));
        Assert.DoesNotContain(child3.Id, a.DenominatorSubjects("private_fostering_visits_pct", AsAt));
        Assert.DoesNotContain(child5.Id, a.DenominatorSubjects("private_fostering_visits_pct", AsAt));
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static void Proceedings(TestAuthority a, Child child, DateOnly issued, DateOnly? final, int extensionWeeks = 0) =>
        a.Add(a.Data.CareProceedings, new CareProceedings
        {
            ChildId = child.Id,
            IssueDate = issued,
            FinalHearingDate = final,
            ExtensionWeeks = extensionWeeks,
            FinalOrder = final is null ? FinalOrder.None : FinalOrder.CareOrder,
        });

    private static void PreProceedings(TestAuthority a, Child child, DateOnly start, DateOnly? end) =>
        a.Add(a.Data.PreProceedings, new PreProceedings { ChildId = child.Id, StartDate = start, EndDate = end });

    private static Allegation Allegation(TestAuthority a, DateOnly received, DateOnly? resolved) =>
        a.Add(a.Data.Allegations, new Allegation
        {
            ReceivedDate = received,
            ResolvedDate = resolved,
            Outcome = resolved is null ? AllegationOutcome.Open : AllegationOutcome.Unsubstantiated,
        });

    private static void Arrangement(TestAuthority a, Child child, DateOnly start, DateOnly notified, DateOnly? end) =>
        a.Add(a.Data.PrivateFostering, new PrivateFosteringArrangement { ChildId = child.Id, StartDate = start, NotificationDate = notified, EndDate = end, CarerName = "Carer" });

    private static void Visit(TestAuthority a, Child child, params DateOnly[] dates)
    {
        foreach (var date in dates)
        {
            a.Add(a.Data.Visits, new Visit { ChildId = child.Id, Date = date, Kind = VisitKind.PrivateFostering, ChildSeen = true, ChildSeenAlone = true });
        }
    }
}
