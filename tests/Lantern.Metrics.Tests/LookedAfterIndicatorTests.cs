using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Xunit;

namespace Lantern.Metrics.Tests;

/// <summary>Children looked after, care leavers and adoption. Every test measures as at 31 March 2026,
/// so "the year" is 1 April 2025 to 31 March 2026, and every figure is worked out by hand in the comments.</summary>
public sealed class LookedAfterIndicatorTests
{
    private static readonly DateOnly AsAt = D(2026, 3, 31);

    [Fact]
    public void Counts_starts_and_ends_follow_the_headline_definition()
    {
        var a = new TestAuthority();
        // A: looked after since before the year and still looked after (spans the year start).
        var childA = a.Child(D(2015, 1, 1));
        Episode(a, childA, D(2024, 1, 10), "S", "C2", "U6");
        // B: started in the year and left on the as-at date: not looked after on it (end date is not after it).
        var childB = a.Child(D(2015, 1, 1));
        Episode(a, childB, D(2025, 6, 1), "S", "C1", "U6", D(2026, 3, 31), "E4A");
        // C: short breaks only (V3): never counted.
        var childC = a.Child(D(2015, 1, 1));
        Episode(a, childC, D(2025, 5, 1), "S", "V3", "U6");
        // D: started on the first day of the year; a change of legal status (X1 then L) is not an end.
        var childD = a.Child(D(2015, 1, 1));
        Episode(a, childD, D(2025, 4, 1), "S", "V2", "U6", D(2025, 9, 1), "X1");
        Episode(a, childD, D(2025, 9, 1), "L", "C2", "U6");
        // E: adopted the day before the year began: neither looked after nor an end in the year.
        var childE = a.Child(D(2015, 1, 1));
        Episode(a, childE, D(2023, 3, 1), "S", "E1", "A6", D(2025, 3, 31), "E11");
        // F: starts the day after the as-at date.
        var childF = a.Child(D(2015, 1, 1));
        Episode(a, childF, D(2026, 4, 1), "S", "V2", "U6");

        // Looked after on the date: A and D = 2; per 10,000: 2 × 10,000 ÷ 10,000 = 2.0.
        // Starts (S in the year): B (1 June 2025) and D (1 April 2025) = 2. Ends (not X1): B = 1.
        Assert.Equal(2, a.Measure("cla_count", AsAt).Value);
        Assert.Equal([childA.Id, childD.Id], a.NumeratorSubjects("cla_count", AsAt));
        Assert.Equal(2.0, a.Measure("cla_per_10k", AsAt).Value);
        Assert.Equal(2, a.Measure("cla_starts", AsAt).Value);
        Assert.Equal([childB.Id, childD.Id], a.NumeratorSubjects("cla_starts", AsAt));
        Assert.Equal(1, a.Measure("cla_ends", AsAt).Value);
        Assert.Equal([childB.Id], a.NumeratorSubjects("cla_ends", AsAt));
    }

    [Fact]
    public void Placements_in_one_and_two_years()
    {
        var a = new TestAuthority();
        // A: placement held on 1 April 2025, then moves (P) on 1 May and 1 August: 1 + 2 = 3.
        var childA = a.Child(D(2015, 1, 1));
        Episode(a, childA, D(2024, 6, 1), "S", "C2", "U6", D(2025, 5, 1), "X1");
        Episode(a, childA, D(2025, 5, 1), "P", "C2", "U6", D(2025, 8, 1), "X1");
        Episode(a, childA, D(2025, 8, 1), "P", "C2", "K2");
        // B: a legal status change (L) is not a placement; a move with the same carers (T) is: 1 + 0 + 1 = 2.
        var childB = a.Child(D(2015, 1, 1));
        Episode(a, childB, D(2024, 6, 1), "S", "V2", "U6", D(2025, 5, 1), "X1");
        Episode(a, childB, D(2025, 5, 1), "L", "C2", "U6", D(2025, 8, 1), "X1");
        Episode(a, childB, D(2025, 8, 1), "T", "C2", "U6");
        // C: placed for adoption with the current foster carer (A5) is not a change: 1 + 1 + 0 = 2.
        // Over 2 years (from 1 April 2024, looked after since 1 January 2024): also 2.
        var childC = a.Child(D(2020, 1, 1));
        Episode(a, childC, D(2024, 1, 1), "S", "C2", "U5", D(2025, 6, 1), "X1");
        Episode(a, childC, D(2025, 6, 1), "P", "C2", "U6", D(2025, 10, 1), "X1");
        Episode(a, childC, D(2025, 10, 1), "U", "E1", "A5");
        // D: the first placement ended on the first day of the year, so the placement held on
        // 1 April 2025 is the one that began that day: 1 + the move on 1 December = 2.
        var childD = a.Child(D(2015, 1, 1));
        Episode(a, childD, D(2025, 3, 1), "S", "C1", "U6", D(2025, 4, 1), "X1");
        Episode(a, childD, D(2025, 4, 1), "P", "C1", "U6", D(2025, 12, 1), "X1");
        Episode(a, childD, D(2025, 12, 1), "P", "C2", "U6");
        // E: not looked after on 1 April; started twice (S, S) and moved once (P): 0 + 3 = 3.
        var childE = a.Child(D(2015, 1, 1));
        Episode(a, childE, D(2025, 5, 1), "S", "V2", "U6", D(2025, 7, 1), "E4A");
        Episode(a, childE, D(2025, 9, 1), "S", "V2", "U6", D(2025, 11, 1), "X1");
        Episode(a, childE, D(2025, 11, 1), "P", "V2", "K2");
        // F: 3 placements but left care on the as-at date: not in either denominator.
        var childF = a.Child(D(2015, 1, 1));
        Episode(a, childF, D(2025, 5, 1), "S", "V2", "U6", D(2025, 7, 1), "X1");
        Episode(a, childF, D(2025, 7, 1), "P", "V2", "U6", D(2025, 9, 1), "X1");
        Episode(a, childF, D(2025, 9, 1), "P", "V2", "U6", D(2026, 3, 31), "E4A");
        // G: looked after since 2023. In the year: only the placement held on 1 April 2025 (began
        // 1 February 2025 with B) = 1. Over 2 years from 1 April 2024: held (since 2023) + P + B = 3.
        var childG = a.Child(D(2015, 1, 1));
        Episode(a, childG, D(2023, 1, 1), "S", "V2", "U6", D(2024, 10, 1), "X1");
        Episode(a, childG, D(2024, 10, 1), "P", "V2", "U6", D(2025, 2, 1), "X1");
        Episode(a, childG, D(2025, 2, 1), "B", "C2", "K2");

        // One year: looked after on the date A, B, C, D, E, G = 6; with 3 or more: A, E = 2.
        // 2 × 100 ÷ 6 = 33.33 → 33.3.
        var year = a.Measure("cla_3plus_placements_pct", AsAt);
        Assert.Equal((2, 6), (year.Numerator, year.Denominator));
        Assert.Equal(33.3, year.Value);
        Assert.Equal([childA.Id, childE.Id], a.NumeratorSubjects("cla_3plus_placements_pct", AsAt));

        // Two years: looked after continuously since on or before 1 April 2024: C and G = 2; with 3 or more: G.
        // 1 × 100 ÷ 2 = 50.0.
        var twoYears = a.Measure("cla_3plus_placements_2y_pct", AsAt);
        Assert.Equal((1, 2), (twoYears.Numerator, twoYears.Denominator));
        Assert.Equal(50.0, twoYears.Value);
        Assert.Equal([childC.Id, childG.Id], a.DenominatorSubjects("cla_3plus_placements_2y_pct", AsAt));
        Assert.Equal([childG.Id], a.NumeratorSubjects("cla_3plus_placements_2y_pct", AsAt));
    }

    [Fact]
    public void Long_term_stability_counts_under_16s_in_care_two_and_a_half_years()
    {
        var a = new TestAuthority();
        // Looked after continuously since on or before 30 September 2023 (31 March 2026 less 30 months);
        // with the same carers since on or before 31 March 2024 (less 2 years).
        // A: in care since 1 September 2023, same carers since 1 March 2024: counted and stable.
        var childA = a.Child(D(2015, 1, 1));
        Episode(a, childA, D(2023, 9, 1), "S", "C1", "U6", D(2024, 3, 1), "X1");
        Episode(a, childA, D(2024, 3, 1), "P", "C2", "U4");
        // B: same, but moved on 1 May 2024: counted, not stable.
        var childB = a.Child(D(2015, 1, 1));
        Episode(a, childB, D(2023, 9, 1), "S", "C1", "U6", D(2024, 5, 1), "X1");
        Episode(a, childB, D(2024, 5, 1), "P", "C2", "U4");
        // C: the carers moved house on 1 January 2025 (T, same carers): stable since 1 June 2023.
        var childC = a.Child(D(2015, 1, 1));
        Episode(a, childC, D(2023, 6, 1), "S", "C2", "U6", D(2025, 1, 1), "X1");
        Episode(a, childC, D(2025, 1, 1), "T", "C2", "U6");
        // D: placed for adoption with a new family on 1 November 2025: counted with the placement
        // before it, which began on 1 January 2024, so stable.
        var childD = a.Child(D(2015, 1, 1));
        Episode(a, childD, D(2023, 1, 1), "S", "C1", "U6", D(2024, 1, 1), "X1");
        Episode(a, childD, D(2024, 1, 1), "P", "C2", "U6", D(2025, 11, 1), "X1");
        Episode(a, childD, D(2025, 11, 1), "B", "E1", "A6");
        // E: 16 on the as-at date (born 31 March 2010): not under 16, left out.
        var childE = a.Child(D(2010, 3, 31));
        Episode(a, childE, D(2020, 1, 1), "S", "C2", "U4");
        // F: in care since 1 October 2023, one day short of 2.5 years: left out.
        var childF = a.Child(D(2015, 1, 1));
        Episode(a, childF, D(2023, 10, 1), "S", "C2", "U4");

        // Denominator A, B, C, D = 4; numerator A, C, D = 3; 3 × 100 ÷ 4 = 75.0.
        var value = a.Measure("cla_long_term_stability_pct", AsAt);
        Assert.Equal((3, 4), (value.Numerator, value.Denominator));
        Assert.Equal(75.0, value.Value);
        Assert.Equal([childA.Id, childB.Id, childC.Id, childD.Id], a.DenominatorSubjects("cla_long_term_stability_pct", AsAt));
        Assert.Equal([childA.Id, childC.Id, childD.Id], a.NumeratorSubjects("cla_long_term_stability_pct", AsAt));
    }

    [Fact]
    public void Reviews_on_time_count_working_days_and_bank_holidays()
    {
        var a = new TestAuthority();
        // A: looked after from Monday 15 December 2025. 20 working days, skipping 25 and 26 December
        // and 1 January: 16–19 Dec (4), 22–24 (7), 29–31 (10), 2 Jan (11), 5–9 (16), 12–15 (20):
        // due Thursday 15 January 2026 (ignoring bank holidays it would be 12 January). Held on
        // 15 January: on time. Second due 15 April 2026, after the date. On time.
        var childA = a.Child(D(2015, 1, 1));
        Episode(a, childA, D(2025, 12, 15), "S", "V2", "U6");
        Review(a, childA, D(2026, 1, 15));
        // B: the same start, first review on 16 January: one day late.
        var childB = a.Child(D(2015, 1, 1));
        Episode(a, childB, D(2025, 12, 15), "S", "V2", "U6");
        Review(a, childB, D(2026, 1, 16));
        // C: from 2 January 2024. Reviews 20 Jan 2024 (due 30 Jan), 15 Apr 2024 (due 20 Apr),
        // 10 Oct 2024 (due 15 Oct), then 20 Apr 2025 (due 10 Apr 2025): late, and held in the year.
        var childC = a.Child(D(2015, 1, 1));
        Episode(a, childC, D(2024, 1, 2), "S", "C2", "U4");
        Review(a, childC, D(2024, 1, 20), D(2024, 4, 15), D(2024, 10, 10), D(2025, 4, 20));
        // D: from 1 May 2023. The review on 1 March 2024 was late (due 10 February 2024) but before
        // the year, so it does not count. In the year: 15 Aug 2025 (due 20 Aug, 6 months after
        // 20 Feb 2025) and 10 Feb 2026 (due 15 Feb); next due 10 Aug 2026. On time.
        var childD = a.Child(D(2015, 1, 1));
        Episode(a, childD, D(2023, 5, 1), "S", "C2", "U4");
        Review(a, childD, D(2023, 5, 20), D(2023, 8, 10), D(2024, 3, 1), D(2024, 8, 25), D(2025, 2, 20), D(2025, 8, 15), D(2026, 2, 10));
        // E: looked after from 10 March 2026, less than 4 weeks: left out.
        var childE = a.Child(D(2015, 1, 1));
        Episode(a, childE, D(2026, 3, 10), "S", "V2", "U6");
        // F: from Sunday 1 June 2025: first 20 June (due 27 June), second 15 Sep (due 20 Sep); the
        // third was due 15 March 2026 and has not been held: overdue.
        var childF = a.Child(D(2015, 1, 1));
        Episode(a, childF, D(2025, 6, 1), "S", "V2", "U6");
        Review(a, childF, D(2025, 6, 20), D(2025, 9, 15));
        // G: from 3 March 2026, exactly 4 weeks: counted. First review due 20 working days later,
        // 4–6 Mar (3), 9–13 (8), 16–20 (13), 23–27 (18), 30–31 (20): 31 March, the as-at date. Not yet overdue.
        var childG = a.Child(D(2015, 1, 1));
        Episode(a, childG, D(2026, 3, 3), "S", "V2", "U6");

        // Denominator A, B, C, D, F, G = 6; numerator A, D, G = 3; 3 × 100 ÷ 6 = 50.0.
        var value = a.Measure("cla_reviews_on_time_pct", AsAt);
        Assert.Equal((3, 6), (value.Numerator, value.Denominator));
        Assert.Equal(50.0, value.Value);
        Assert.Equal([childA.Id, childD.Id, childG.Id], a.NumeratorSubjects("cla_reviews_on_time_pct", AsAt));
        Assert.DoesNotContain(childE.Id, a.DenominatorSubjects("cla_reviews_on_time_pct", AsAt));
    }

    [Fact]
    public void Visits_on_time_use_the_latest_seen_visit_in_the_placement()
    {
        var a = new TestAuthority();
        // A: placed 10 January 2025 (U6); seen 20 Feb 2026, next due 6 weeks later, 3 April: on time.
        var childA = a.Child(D(2015, 1, 1));
        Episode(a, childA, D(2025, 1, 10), "S", "C2", "U6");
        Visit(a, childA, D(2026, 2, 20));
        // B: seen 17 Feb 2026, next due 31 March, the as-at date: on time.
        var childB = a.Child(D(2015, 1, 1));
        Episode(a, childB, D(2025, 1, 10), "S", "C2", "U6");
        Visit(a, childB, D(2026, 2, 17));
        // C: seen 16 Feb 2026, next due 30 March: overdue.
        var childC = a.Child(D(2015, 1, 1));
        Episode(a, childC, D(2025, 1, 10), "S", "C2", "U6");
        Visit(a, childC, D(2026, 2, 16));
        // D: long-term foster placement (U4) since 1 June 2024; the visit on 5 January 2026 was after
        // the placement's first year, so the next is due within 3 months, 5 April: on time.
        var childD = a.Child(D(2015, 1, 1));
        Episode(a, childD, D(2024, 6, 1), "S", "C2", "U4");
        Visit(a, childD, D(2026, 1, 5));
        // E: the same in a placement not meant to last (U6): due 6 weeks later, 16 February: overdue.
        var childE = a.Child(D(2015, 1, 1));
        Episode(a, childE, D(2024, 6, 1), "S", "C2", "U6");
        Visit(a, childE, D(2026, 1, 5));
        // F: the visit on 20 March 2026 did not see the child; the last seen was 1 January, due 12 Feb: overdue.
        var childF = a.Child(D(2015, 1, 1));
        Episode(a, childF, D(2025, 1, 10), "S", "C2", "U6");
        Visit(a, childF, D(2026, 1, 1));
        Visit(a, childF, D(2026, 3, 20), seen: false);
        // G: moved (P) on 26 March 2026; the visit on 1 March was in the old placement. First visit
        // due within a week of the move, 2 April: on time.
        var childG = a.Child(D(2015, 1, 1));
        Episode(a, childG, D(2025, 1, 10), "S", "C2", "U6", D(2026, 3, 26), "X1");
        Episode(a, childG, D(2026, 3, 26), "P", "C2", "K2");
        Visit(a, childG, D(2026, 3, 1));
        // H: placed 20 March 2026, not visited; due 27 March: overdue.
        var childH = a.Child(D(2015, 1, 1));
        Episode(a, childH, D(2026, 3, 20), "S", "V2", "U6");

        // Denominator A–H = 8; numerator A, B, D, G = 4; 4 × 100 ÷ 8 = 50.0.
        var value = a.Measure("cla_visits_on_time_pct", AsAt);
        Assert.Equal((4, 8), (value.Numerator, value.Denominator));
        Assert.Equal(50.0, value.Value);
        Assert.Equal([childA.Id, childB.Id, childD.Id, childG.Id], a.NumeratorSubjects("cla_visits_on_time_pct", AsAt));
        Assert.Contains(childH.Id, a.DenominatorSubjects("cla_visits_on_time_pct", AsAt));
    }

    [Fact]
    public void Health_and_dental_checks_for_children_looked_after_twelve_months()
    {
        var a = new TestAuthority();
        // Looked after continuously since on or before 31 March 2025; checks from 1 April 2025 to 31 March 2026.
        // A: health review 1 October 2025; dental check 1 April 2025 (first day of the year): both.
        var childA = a.Child(D(2015, 1, 1));
        Episode(a, childA, D(2024, 5, 1), "S", "C2", "U6");
        Check(a, childA, HealthCheckKind.ReviewHealthAssessment, D(2025, 10, 1));
        Check(a, childA, HealthCheckKind.DentalCheck, D(2025, 4, 1));
        // B: looked after from 31 March 2025, exactly 12 months; assessment that day is before the year: neither.
        var childB = a.Child(D(2015, 1, 1));
        Episode(a, childB, D(2025, 3, 31), "S", "V2", "U6");
        Check(a, childB, HealthCheckKind.InitialHealthAssessment, D(2025, 3, 31));
        // C: looked after from 1 April 2025, under 12 months: left out.
        var childC = a.Child(D(2015, 1, 1));
        Episode(a, childC, D(2025, 4, 1), "S", "V2", "U6");
        Check(a, childC, HealthCheckKind.InitialHealthAssessment, D(2025, 4, 20));
        // D: assessment on the as-at date counts; dental check on 2 April 2026 is after it.
        var childD = a.Child(D(2015, 1, 1));
        Episode(a, childD, D(2023, 1, 1), "S", "C2", "U4");
        Check(a, childD, HealthCheckKind.ReviewHealthAssessment, D(2026, 3, 31));
        Check(a, childD, HealthCheckKind.DentalCheck, D(2026, 4, 2));

        // Health: denominator A, B, D = 3; numerator A, D = 2; 2 × 100 ÷ 3 = 66.67 → 66.7.
        var health = a.Measure("cla_health_checks_pct", AsAt);
        Assert.Equal((2, 3), (health.Numerator, health.Denominator));
        Assert.Equal(66.7, health.Value);
        Assert.Equal([childA.Id, childD.Id], a.NumeratorSubjects("cla_health_checks_pct", AsAt));
        Assert.DoesNotContain(childC.Id, a.DenominatorSubjects("cla_health_checks_pct", AsAt));

        // Dental: numerator A = 1; 1 × 100 ÷ 3 = 33.33 → 33.3.
        var dental = a.Measure("cla_dental_checks_pct", AsAt);
        Assert.Equal((1, 3), (dental.Numerator, dental.Denominator));
        Assert.Equal(33.3, dental.Value);
        Assert.Equal([childA.Id], a.NumeratorSubjects("cla_dental_checks_pct", AsAt));
    }

    [Fact]
    public void Missing_children_and_return_interviews()
    {
        var a = new TestAuthority();
        // A: looked after all year; missing 1–2 June 2025, offered a return interview.
        var childA = a.Child(D(2012, 1, 1));
        Episode(a, childA, D(2024, 1, 1), "S", "C2", "U6");
        Missing(a, childA, D(2025, 6, 1), D(2025, 6, 2), offered: true);
        // B: left care on 1 May 2025 (looked after in the year); away 15–16 April 2025, not offered.
        var childB = a.Child(D(2012, 1, 1));
        Episode(a, childB, D(2024, 1, 1), "S", "C2", "U6", D(2025, 5, 1), "E4A");
        Missing(a, childB, D(2025, 4, 15), D(2025, 4, 16), offered: false, type: "A");
        // C: looked after from 1 October 2025; went missing on 1 September, before care: not counted.
        var childC = a.Child(D(2012, 1, 1));
        Episode(a, childC, D(2025, 10, 1), "S", "V2", "U6");
        Missing(a, childC, D(2025, 9, 1), D(2025, 9, 2), offered: true);
        // D: left care on 1 April 2025, the first day of the year: not looked after in the year.
        var childD = a.Child(D(2012, 1, 1));
        Episode(a, childD, D(2024, 1, 1), "S", "C2", "U6", D(2025, 4, 1), "E4A");
        Missing(a, childD, D(2025, 3, 30), D(2025, 4, 2), offered: true);
        // E: missing from 25 March 2025 (before the year) to 3 April 2025; offer not recorded.
        var childE = a.Child(D(2012, 1, 1));
        Episode(a, childE, D(2024, 1, 1), "S", "C2", "U6");
        Missing(a, childE, D(2025, 3, 25), D(2025, 4, 3), offered: null);
        // F: missing since 30 March 2026 and not yet back.
        var childF = a.Child(D(2012, 1, 1));
        Episode(a, childF, D(2024, 1, 1), "S", "C2", "U6");
        Missing(a, childF, D(2026, 3, 30), null, offered: null);

        // Went missing: looked after in the year A, B, C, E, F = 5; missing in the year while looked
        // after: A, B, F = 3; 3 × 100 ÷ 5 = 60.0.
        var missing = a.Measure("cla_missing_pct", AsAt);
        Assert.Equal((3, 5), (missing.Numerator, missing.Denominator));
        Assert.Equal(60.0, missing.Value);
        Assert.Equal([childA.Id, childB.Id, childF.Id], a.NumeratorSubjects("cla_missing_pct", AsAt));
        Assert.DoesNotContain(childD.Id, a.DenominatorSubjects("cla_missing_pct", AsAt));

        // Return interviews: missing episodes that ended in the year and began on a day the child was
        // looked after: A (offered), B (not offered), D (began 30 March 2025 while looked after, ended
        // 2 April: offered) and E (not recorded, counts as not offered) = 4; C began before care.
        // Offered: A, D = 2; 2 × 100 ÷ 4 = 50.0.
        var interviews = a.Measure("missing_return_interviews_pct", AsAt);
        Assert.Equal((2, 4), (interviews.Numerator, interviews.Denominator));
        Assert.Equal(50.0, interviews.Value);
        Assert.Equal([childA.Id, childD.Id], a.NumeratorSubjects("missing_return_interviews_pct", AsAt));
    }

    [Fact]
    public void Care_leavers_status_nearest_the_birthday()
    {
        var a = new TestAuthority();
        // Birthdays (17th to 21st) from 1 April 2025 to 31 March 2026.
        // A: 18 on the as-at date; contact 20 March 2026: in touch, full-time education (F2), suitable (D1).
        var childA = a.Child(D(2008, 3, 31));
        Contact(a, childA, D(2026, 3, 20), "YES", "F2", "D1");
        // B: 20 on 15 July 2025. Contacts 1 May (75 days away: not in touch) and 20 July (5 days
        // away, nearest): in touch, full-time work (F5), suitable (U1).
        var childB = a.Child(D(2005, 7, 15));
        Contact(a, childB, D(2025, 5, 1), "NO", "G5", "S2");
        Contact(a, childB, D(2025, 7, 20), "YES", "F5", "U1");
        // C: 21 on 10 June 2025; refused contact (REFU), nothing known: in the cohort, counted in none.
        var childC = a.Child(D(2004, 6, 10));
        Contact(a, childC, D(2025, 6, 1), "REFU", "0", "0");
        // D: 19 on 1 September 2025; no longer requires services (NREQ) but activity F1 and
        // accommodation U1 recorded: not in touch, but counted as in education and suitably housed.
        var childD = a.Child(D(2006, 9, 1));
        Contact(a, childD, D(2025, 9, 5), "NREQ", "F1", "U1");
        // E: died (DIED): left out.
        var childE = a.Child(D(2007, 1, 10));
        Contact(a, childE, D(2026, 1, 12), "DIED", "0", "0");
        // F: 22 in the year: outside 17 to 21.
        var childF = a.Child(D(2003, 12, 1));
        Contact(a, childF, D(2025, 12, 1), "YES", "F5", "U1");
        // G: 20 on 1 February 2026, last contact 1 December 2024 (before the year): in the cohort, counted in none.
        var childG = a.Child(D(2006, 2, 1));
        Contact(a, childG, D(2024, 12, 1), "YES", "F5", "U1");
        // H: 17 on 1 May 2026, after the date: not yet in the cohort.
        var childH = a.Child(D(2009, 5, 1));
        Contact(a, childH, D(2025, 10, 1), "YES", "F2", "D1");
        // I: returned home for 6 months or more (RHOM): left out.
        var childI = a.Child(D(2007, 11, 11));
        Contact(a, childI, D(2025, 11, 15), "RHOM", "F2", "B1");

        // Cohort A, B, C, D, G = 5.
        // In touch: A, B = 2; 2 × 100 ÷ 5 = 40.0.
        var inTouch = a.Measure("care_leavers_in_touch_pct", AsAt);
        Assert.Equal((2, 5), (inTouch.Numerator, inTouch.Denominator));
        Assert.Equal(40.0, inTouch.Value);
        Assert.Equal([childA.Id, childB.Id], a.NumeratorSubjects("care_leavers_in_touch_pct", AsAt));
        Assert.Equal([childA.Id, childB.Id, childC.Id, childD.Id, childG.Id], a.DenominatorSubjects("care_leavers_in_touch_pct", AsAt));

        // In education, employment or training: A (F2), B (F5), D (F1) = 3; 3 × 100 ÷ 5 = 60.0.
        var eet = a.Measure("care_leavers_eet_pct", AsAt);
        Assert.Equal((3, 5), (eet.Numerator, eet.Denominator));
        Assert.Equal(60.0, eet.Value);
        Assert.Equal([childA.Id, childB.Id, childD.Id], a.NumeratorSubjects("care_leavers_eet_pct", AsAt));

        // Suitable accommodation: A (D1), B (U1), D (U1) = 3; 60.0.
        var suitable = a.Measure("care_leavers_suitable_accommodation_pct", AsAt);
        Assert.Equal((3, 5), (suitable.Numerator, suitable.Denominator));
        Assert.Equal(60.0, suitable.Value);
        Assert.Equal([childA.Id, childB.Id, childD.Id], a.NumeratorSubjects("care_leavers_suitable_accommodation_pct", AsAt));
        Assert.DoesNotContain(childE.Id, a.DenominatorSubjects("care_leavers_suitable_accommodation_pct", AsAt));
        Assert.DoesNotContain(childF.Id, a.DenominatorSubjects("care_leavers_suitable_accommodation_pct", AsAt));
        Assert.DoesNotContain(childH.Id, a.DenominatorSubjects("care_leavers_suitable_accommodation_pct", AsAt));
        Assert.DoesNotContain(childI.Id, a.DenominatorSubjects("care_leavers_suitable_accommodation_pct", AsAt));
    }

    [Fact]
    public void Adoption_timeliness_over_three_years_and_adoptions_in_the_year()
    {
        var a = new TestAuthority();
        // Adoption orders from 1 April 2023 to 31 March 2026 count for A1, A2 and A10.
        // A: entered care 10 January 2022, moved in with adopters 1 June 2023: 507 days.
        // Placement order 1 September 2022, match 15 April 2023: 226 days. Adopted 1 February 2024.
        var childA = a.Child(D(2021, 1, 1));
        Episode(a, childA, D(2022, 1, 10), "S", "C2", "U6", D(2023, 6, 1), "X1");
        Episode(a, childA, D(2023, 6, 1), "B", "E1", "A6", D(2024, 2, 1), "E11");
        Adoption(a, childA, placementOrder: D(2022, 9, 1), match: D(2023, 4, 15), placed: D(2023, 6, 1), order: D(2024, 2, 1), fosterCarer: false);
        // B: adopted by the foster carer. Entered care 1 February 2023; moved in with the foster
        // carer 1 May 2023 (P); placed for adoption with them 1 May 2024 (U, A5); adopted 15 January 2025.
        // A1: 1 Feb 2023 → 1 May 2024 = 365 + 29 (Feb 2024) + 31 + 30 = 455 days.
        // A10: 1 Feb 2023 → 1 May 2023 = 28 + 31 + 30 = 89 days. A2: matched 20 Feb 2024, before the
        // placement order of 1 March 2024: 0 days.
        var childB = a.Child(D(2020, 1, 1));
        Episode(a, childB, D(2023, 2, 1), "S", "C1", "U6", D(2023, 5, 1), "X1");
        Episode(a, childB, D(2023, 5, 1), "P", "C2", "U5", D(2024, 5, 1), "X1");
        Episode(a, childB, D(2024, 5, 1), "U", "E1", "A5", D(2025, 1, 15), "E12");
        Adoption(a, childB, placementOrder: D(2024, 3, 1), match: D(2024, 2, 20), placed: D(2024, 5, 1), order: D(2025, 1, 15), fosterCarer: true);
        // C: adopted 31 March 2023, the day before the 3 years: left out.
        var childC = a.Child(D(2019, 1, 1));
        Episode(a, childC, D(2021, 1, 1), "S", "C2", "U6", D(2022, 6, 1), "X1");
        Episode(a, childC, D(2022, 6, 1), "P", "E1", "A6", D(2023, 3, 31), "E11");
        Adoption(a, childC, placementOrder: D(2022, 1, 1), match: D(2022, 5, 1), placed: D(2022, 6, 1), order: D(2023, 3, 31), fosterCarer: false);
        // D: no placement order (consent): entered care 1 February 2024, placed 1 February 2025 =
        // 366 days (29 February 2024 falls between); left out of A2. Adopted 1 August 2025.
        var childD = a.Child(D(2023, 1, 1));
        Episode(a, childD, D(2024, 2, 1), "S", "V2", "U6", D(2025, 2, 1), "X1");
        Episode(a, childD, D(2025, 2, 1), "P", "V2", "A4", D(2025, 8, 1), "E11");
        Adoption(a, childD, placementOrder: null, match: D(2025, 1, 1), placed: D(2025, 2, 1), order: D(2025, 8, 1), fosterCarer: false);
        // E: an earlier period of care in 2019 does not count; this one began 1 January 2024 and the
        // child moved in with adopters 1 September 2024: 31+29+31+30+31+30+31+31 = 244 days.
        // Placement order 1 May 2024, match 1 August 2024: 31 + 30 + 31 = 92 days. Adopted on the as-at date.
        var childE = a.Child(D(2018, 1, 1));
        Episode(a, childE, D(2019, 1, 1), "S", "V2", "U6", D(2019, 6, 1), "E4A");
        Episode(a, childE, D(2024, 1, 1), "S", "C1", "U6", D(2024, 9, 1), "X1");
        Episode(a, childE, D(2024, 9, 1), "P", "E1", "A6", D(2026, 3, 31), "E11");
        Adoption(a, childE, placementOrder: D(2024, 5, 1), match: D(2024, 8, 1), placed: D(2024, 9, 1), order: D(2026, 3, 31), fosterCarer: false);

        // A1: (507 + 455 + 366 + 244) ÷ 4 = 1,572 ÷ 4 = 393.0.
        var a1 = a.Measure("adoption_a1_days", AsAt);
        Assert.Equal((1572, 4), (a1.Numerator, a1.Denominator));
        Assert.Equal(393.0, a1.Value);
        Assert.Equal([childA.Id, childB.Id, childD.Id, childE.Id], a.DenominatorSubjects("adoption_a1_days", AsAt));

        // A10: (507 + 89 + 366 + 244) ÷ 4 = 1,206 ÷ 4 = 301.5.
        var a10 = a.Measure("adoption_a10_days", AsAt);
        Assert.Equal((1206, 4), (a10.Numerator, a10.Denominator));
        Assert.Equal(301.5, a10.Value);

        // A2: (226 + 0 + 92) ÷ 3 = 318 ÷ 3 = 106.0.
        var a2 = a.Measure("adoption_a2_days", AsAt);
        Assert.Equal((318, 3), (a2.Numerator, a2.Denominator));
        Assert.Equal(106.0, a2.Value);
        Assert.Equal([childA.Id, childB.Id, childE.Id], a.DenominatorSubjects("adoption_a2_days", AsAt));

        // Adopted in the year (1 April 2025 to 31 March 2026): D and E = 2.
        Assert.Equal(2, a.Measure("adoption_count", AsAt).Value);
        Assert.Equal([childD.Id, childE.Id], a.NumeratorSubjects("adoption_count", AsAt));
        Assert.DoesNotContain(childC.Id, a.DenominatorSubjects("adoption_a1_days", AsAt));
    }

    internal static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static void Episode(TestAuthority a, Child child, DateOnly start, string reason, string legal, string placement, DateOnly? end = null, string? ended = null) =>
        a.Add(a.Data.CareEpisodes, new CareEpisode
        {
            ChildId = child.Id,
            StartDate = start,
            ReasonNew = new ReasonNewEpisode(reason),
            LegalStatus = new LegalStatus(legal),
            CategoryOfNeed = PrimaryNeed.AbuseOrNeglect,
            Placement = new PlacementType(placement),
            EndDate = end,
            ReasonEnded = ended is null ? null : new ReasonEpisodeCeased(ended),
        });

    private static void Review(TestAuthority a, Child child, params DateOnly[] dates)
    {
        foreach (var date in dates)
        {
            a.Add(a.Data.CareReviews, new CareReview { ChildId = child.Id, Date = date, Participation = new ReviewParticipation("PN1") });
        }
    }

    private static void Visit(TestAuthority a, Child child, DateOnly date, bool seen = true) =>
        a.Add(a.Data.Visits, new Visit { ChildId = child.Id, Date = date, Kind = VisitKind.LookedAfter, ChildSeen = seen, ChildSeenAlone = seen });

    private static void Check(TestAuthority a, Child child, HealthCheckKind kind, DateOnly date) =>
        a.Add(a.Data.HealthChecks, new HealthCheck { ChildId = child.Id, Kind = kind, Date = date });

    private static void Missing(TestAuthority a, Child child, DateOnly start, DateOnly? end, bool? offered, string type = "M") =>
        a.Add(a.Data.MissingEpisodes, new MissingEpisode { ChildId = child.Id, Type = new MissingType(type), StartDate = start, EndDate = end, ReturnInterviewOffered = offered });

    private static void Contact(TestAuthority a, Child child, DateOnly date, string inTouch, string activity, string accommodation) =>
        a.Add(a.Data.CareLeaverContacts, new CareLeaverContact
        {
            ChildId = child.Id,
            ContactDate = date,
            InTouch = new CareLeaverInTouch(inTouch),
            Activity = new CareLeaverActivity(activity),
            Accommodation = new CareLeaverAccommodation(accommodation),
        });

    private static void Adoption(TestAuthority a, Child child, DateOnly? placementOrder, DateOnly? match, DateOnly? placed, DateOnly? order, bool fosterCarer) =>
        a.Add(a.Data.Adoptions, new AdoptionRecord
        {
            ChildId = child.Id,
            DecisionDate = (placementOrder ?? match ?? D(2020, 1, 1)).AddDays(-30),
            PlacementOrderDate = placementOrder,
            MatchDate = match,
            PlacedDate = placed,
            AdoptionOrderDate = order,
            FosterCarerAdoption = fosterCarer,
        });
}
