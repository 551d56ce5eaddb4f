using Lantern.Domain.Model;
using Lantern.Returns.AnnexA;
using Xunit;

namespace Lantern.Returns.Tests.AnnexA;

/// <summary>Who belongs in each Annex A list and why, with hand-built children, as at 30 June 2025:
/// "the six months before" is 30 December 2024 to 30 June 2025, twelve months back is 30 June 2024.</summary>
public sealed class AnnexAListTests
{
    private static readonly DateOnly AsAt = new(2025, 6, 30);

    [Fact]
    public void List_1_has_contacts_of_the_six_months_with_the_source_grouped()
    {
        var a = new TestAuthority();
        var child = a.Child("C1", new DateOnly(2015, 8, 1), "F", "AIND");
        a.Contact(child, AsAt.AddMonths(-7), "6");          // seven months ago: out
        a.Contact(child, new DateOnly(2024, 12, 30), "3E"); // the first day of the six months: in
        a.Contact(child, AsAt.AddMonths(-2), "6");
        a.Contact(child, AsAt.AddDays(1), "1A");            // after the as-at date: not yet known

        var list = Build(a).List(1);

        Assert.Equal(2, list.Rows.Count);
        Assert.Equal(["C1", "b) Female", "c) Asian or Asian British", new DateOnly(2015, 8, 1), 9, new DateOnly(2024, 12, 30), "d) Health services"], list.Rows[0]);
        Assert.Equal("g) Police", Cell(list, list.Rows[1], "Contact Source"));
    }

    [Fact]
    public void List_2_has_early_help_assessments_of_the_six_months_and_early_help_open_on_the_date()
    {
        var a = new TestAuthority();
        var assessed = a.Child("E1", new DateOnly(2018, 1, 1));
        a.EarlyHelp(assessed, AsAt.AddMonths(-3), assessed: AsAt.AddMonths(-3), completed: AsAt.AddMonths(-2), end: AsAt.AddMonths(-1), organisation: "Westside School");
        var open = a.Child("E2", new DateOnly(2019, 1, 1));
        a.EarlyHelp(open, AsAt.AddYears(-2));
        var old = a.Child("E3", new DateOnly(2017, 1, 1));
        a.EarlyHelp(old, AsAt.AddMonths(-14), assessed: AsAt.AddMonths(-14), completed: AsAt.AddMonths(-13), end: AsAt.AddMonths(-12));

        var list = Build(a).List(2);

        Assert.Equal(["E1", "E2"], Ids(list));
        Assert.Equal([AsAt.AddMonths(-3), AsAt.AddMonths(-2), "Westside School"], list.Rows[0][5..]);
        Assert.Equal([null, null, "Family Hub"], list.Rows[1][5..]);
    }

    [Fact]
    public void List_3_has_referrals_of_the_six_months_with_earlier_referrals_of_the_year_and_the_allocated_worker()
    {
        var a = new TestAuthority();
        var child = a.Child("R1", new DateOnly(2012, 3, 4), "M", "MWBC");
        a.Referral(child, AsAt.AddMonths(-16), closed: AsAt.AddMonths(-15)); // more than a year before the current one
        a.Referral(child, AsAt.AddMonths(-8), closed: AsAt.AddMonths(-7));
        var current = a.Referral(child, AsAt.AddMonths(-3), source: "1C", nfa: true);
        a.Allocate(child, a.SocialWorker, AsAt.AddMonths(-3));

        var closedChild = a.Child("R2", new DateOnly(2011, 1, 1));
        a.Referral(closedChild, AsAt.AddMonths(-4), closed: AsAt.AddMonths(-2), reason: "RC8");
        var former = a.Worker("SW009", "Ben", "Okafor", a.Team("Assessment 2"));
        a.Allocate(closedChild, former, AsAt.AddMonths(-4), AsAt.AddMonths(-2));
        a.Allocate(closedChild, a.SocialWorker, AsAt.AddMonths(-1)); // a later case: not the worker of that referral

        var list = Build(a).List(3);

        Assert.Equal(["R1", "R2"], Ids(list));
        Assert.Equal([current.ReferralDate, "a) Individual", "Yes", 1, "Safeguarding 1", "Asha Patel"], list.Rows[0][5..]);
        Assert.Equal("b) Mixed", list.Rows[0][2]);
        Assert.Equal(["No", 0, "Assessment 2", "Ben Okafor"], list.Rows[1][7..]);
    }

    [Fact]
    public void List_4_has_assessments_started_or_authorised_in_the_six_months_and_those_still_open()
    {
        var a = new TestAuthority();
        var child = a.Child("A1", new DateOnly(2016, 5, 5), disabilities: "AUT");
        var referral = a.Referral(child, AsAt.AddMonths(-2));
        a.Assessment(referral, AsAt.AddMonths(-2), AsAt.AddMonths(-1), AssessmentOutcome.ChildInNeedPlan);
        var open = a.Child("A2", new DateOnly(2016, 5, 5), disabilities: "NONE");
        a.Assessment(a.Referral(open, AsAt.AddMonths(-10)), AsAt.AddMonths(-10), seen: false);
        var done = a.Child("A3", new DateOnly(2016, 5, 5));
        a.Assessment(a.Referral(done, AsAt.AddMonths(-10), closed: AsAt.AddMonths(-9), reason: "RC8"), AsAt.AddMonths(-10), AsAt.AddMonths(-9), AssessmentOutcome.NoFurtherAction);

        var list = Build(a).List(4);

        Assert.Equal(["A1", "A2"], Ids(list));
        Assert.Equal(["Yes", AsAt.AddMonths(-2), "Yes", AsAt.AddMonths(-1), "Yes"], list.Rows[0][5..10]);
        Assert.Equal(["No", AsAt.AddMonths(-10), "No", null, null], list.Rows[1][5..10]);
    }

    [Fact]
    public void List_5_has_each_enquiry_of_the_six_months_with_its_conference_and_earlier_enquiries()
    {
        var a = new TestAuthority();
        var child = a.Child("S1", new DateOnly(2014, 2, 2));
        var referral = a.Referral(child, AsAt.AddMonths(-9));
        a.Section47(referral, AsAt.AddMonths(-8), end: AsAt.AddMonths(-8).AddDays(10));
        var unsubstantiated = a.Section47(referral, AsAt.AddMonths(-5), end: AsAt.AddMonths(-5).AddDays(10));
        unsubstantiated.Outcome = Section47Outcome.ConcernsNotSubstantiated; // ended without asking for a conference
        var latest = a.Section47(referral, AsAt.AddMonths(-1));
        a.Conference(referral, AsAt.AddMonths(-1).AddDays(12), ConferenceType.Initial, ConferenceOutcome.PlanStarted, latest);

        var list = Build(a).List(5);

        Assert.Equal(2, list.Rows.Count);
        Assert.Equal([AsAt.AddMonths(-5), "Yes", null, null, 1, 0], list.Rows[0][6..12]);
        Assert.Equal([AsAt.AddMonths(-1), "No", AsAt.AddMonths(-1).AddDays(12), "Yes", 2, 0], list.Rows[1][6..12]);
    }

    [Fact]
    public void List_6_has_child_in_need_episodes_open_in_the_six_months_with_their_status()
    {
        var a = new TestAuthority();
        var planned = a.Child("N1", new DateOnly(2013, 1, 1));
        var open = a.Referral(planned, AsAt.AddYears(-1), need: "N9");
        a.ChildInNeedPlan(open, AsAt.AddMonths(-10));
        a.Visit(planned, AsAt.AddDays(-20), VisitKind.ChildInNeed);
        var closed = a.Child("N2", new DateOnly(2013, 1, 1));
        a.Referral(closed, AsAt.AddMonths(-6), closed: AsAt.AddMonths(-4), reason: "RC8", need: null);
        var longClosed = a.Child("N3", new DateOnly(2013, 1, 1));
        a.Referral(longClosed, AsAt.AddMonths(-12), closed: AsAt.AddMonths(-8), reason: "RC7");
        var nfa = a.Child("N4", new DateOnly(2013, 1, 1));
        a.Referral(nfa, AsAt.AddMonths(-2), nfa: true, closed: AsAt.AddMonths(-2), reason: "RC8");
        var inCare = a.Child("N5", new DateOnly(2013, 1, 1));
        a.Referral(inCare, AsAt.AddYears(-2));
        a.Episode(inCare, AsAt.AddYears(-1));

        var list = Build(a).List(6);

        Assert.Equal(["N1", "N2", "N5"], Ids(list));
        Assert.Equal(["i) Cases other than children in need", AsAt.AddDays(-20), null, null, "c) Child in need plan"], list.Rows[0][7..12]);
        Assert.Equal(["j) Not stated", null, AsAt.AddMonths(-4), "h) Child not in need after assessment", "e) Closed episode"], list.Rows[1][7..12]);
        Assert.Equal("a) Looked after child", Cell(list, list.Rows[2], "Case Status"));
    }

    [Fact]
    public void List_7_has_plans_open_on_the_date_and_plans_ended_in_the_six_months()
    {
        var a = new TestAuthority();
        var child = a.Child("P1", new DateOnly(2016, 6, 6));
        var referral = a.Referral(child, AsAt.AddMonths(-9));
        var plan = a.ProtectionPlan(referral, AsAt.AddMonths(-8), previous: 1);
        a.Visit(child, AsAt.AddDays(-30), VisitKind.ChildProtection, alone: false);
        a.Visit(child, AsAt.AddDays(-9), VisitKind.ChildProtection, alone: true);
        a.Visit(child, AsAt.AddDays(-2), VisitKind.ChildProtection, seen: false);
        a.Conference(referral, AsAt.AddMonths(-5), ConferenceType.Review, ConferenceOutcome.PlanContinues, plan: plan);
        a.Episode(child, AsAt.AddMonths(-4), AsAt.AddMonths(-4).AddDays(3), legal: "L2", ceased: "E4A");

        var ended = a.Child("P2", new DateOnly(2016, 6, 6));
        a.ProtectionPlan(a.Referral(ended, AsAt.AddYears(-1)), AsAt.AddYears(-1), AsAt.AddMonths(-5), "PHY", "MUL");
        var longEnded = a.Child("P3", new DateOnly(2016, 6, 6));
        a.ProtectionPlan(a.Referral(longEnded, AsAt.AddYears(-1)), AsAt.AddYears(-1), AsAt.AddMonths(-7));

        var list = Build(a).List(7);

        Assert.Equal(["P1", "P2"], Ids(list));
        Assert.Equal(
            [AsAt.AddMonths(-8), "a) Neglect", "d) Emotional Abuse", AsAt.AddDays(-9), "Yes", AsAt.AddMonths(-5), null, "Yes", 1],
            list.Rows[0][6..15]);
        Assert.Equal(["b) Physical Abuse", "e) Multiple"], list.Rows[1][7..9]);
        Assert.Equal([AsAt.AddMonths(-5), "No"], list.Rows[1][12..14]);
    }

    [Fact]
    public void List_8_has_children_looked_after_on_the_date_and_those_who_ceased_in_the_six_months()
    {
        var a = new TestAuthority();
        var child = a.Child("L1", new DateOnly(2012, 9, 9), "M", "BAFR");
        child.IsUnaccompaniedAsylumSeeking = true;
        a.Episode(child, AsAt.AddYears(-2), AsAt.AddMonths(-15), legal: "C1", ceased: "X1");
        a.Episode(child, AsAt.AddMonths(-15), AsAt.AddMonths(-3), rne: "L", legal: "C2", ceased: "X1");
        a.Episode(child, AsAt.AddMonths(-3), rne: "P", legal: "C2", place: "U4", postcode: "LS1 4AP", provider: "PR4");
        a.Review(child, AsAt.AddMonths(-2));
        a.Visit(child, AsAt.AddDays(-10), VisitKind.LookedAfter);
        a.Health(child, AsAt.AddMonths(-4), HealthCheckKind.ReviewHealthAssessment);
        a.Health(child, AsAt.AddMonths(-1), HealthCheckKind.DentalCheck);
        a.Missing(child, AsAt.AddMonths(-6), "M", offered: true, accepted: false);
        a.Missing(child, AsAt.AddMonths(-2), "A");
        a.Missing(child, AsAt.AddMonths(-14), "M");

        var ceased = a.Child("L2", new DateOnly(2010, 1, 1));
        a.Episode(ceased, AsAt.AddYears(-1), AsAt.AddMonths(-5), legal: "V2", place: "U6", ceased: "E4A", postcode: "DN32 9ZZ");
        var longCeased = a.Child("L3", new DateOnly(2010, 1, 1));
        a.Episode(longCeased, AsAt.AddYears(-1), AsAt.AddMonths(-7), ceased: "E4A");
        var shortBreaks = a.Child("L4", new DateOnly(2010, 1, 1));
        a.Episode(shortBreaks, AsAt.AddMonths(-1), legal: "V3", place: "K2");

        var list = Build(a).List(8);

        Assert.Equal(["L1", "L2"], Ids(list));
        var row = list.Rows[0];
        Assert.Equal("Yes", Cell(list, row, "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"));
        Assert.Equal(AsAt.AddYears(-2), Cell(list, row, "Date Started to be Looked After"));
        Assert.Equal("No", Cell(list, row, "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)"));
        Assert.Equal(AsAt.AddMonths(-15), Cell(list, row, "Start date of current legal status"));
        Assert.Equal("b) Full care orders", Cell(list, row, "Child's Legal Status"));
        Assert.Equal(AsAt.AddMonths(-2), Cell(list, row, "Date of Latest Statutory Review"));
        Assert.Equal(AsAt.AddDays(-10), Cell(list, row, "Date of Last Social Work Visit"));
        Assert.Equal("f) Long-term fostering", Cell(list, row, "What is the permanence plan for this child?"));
        Assert.Null(Cell(list, row, "Date of Last IRO Visit / Contact to the Child"));
        Assert.Equal(AsAt.AddMonths(-4), Cell(list, row, "Date of Last Health Assessment"));
        Assert.Equal(AsAt.AddMonths(-1), Cell(list, row, "Date of Last Dental Check"));
        Assert.Equal(2, Cell(list, row, "Number of Placements in the Last 12 months"));
        Assert.Null(Cell(list, row, "Date Ceased to be Looked After"));
        Assert.Equal(AsAt.AddMonths(-3), Cell(list, row, "Start Date of Most Recent Placement"));
        Assert.Equal("a) Foster placement", Cell(list, row, "Placement Type"));
        Assert.Equal("b) Private", Cell(list, row, "Placement Provider"));
        Assert.Equal("b) Out", Cell(list, row, "Placement Location"));
        Assert.Null(Cell(list, row, "LA of Placement"));
        Assert.Equal(1, Cell(list, row, "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"));
        Assert.Equal(1, Cell(list, row, "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months"));
        Assert.Equal("Yes", Cell(list, row, "Was the child offered a Return Interview after their last missing episode (Y/N)?"));
        Assert.Equal("No", Cell(list, row, "Did the child accept a Return Interview after their last missing episode (Y/N)?"));

        var left = list.Rows[1];
        Assert.Equal(AsAt.AddMonths(-5), Cell(list, left, "Date Ceased to be Looked After"));
        Assert.Equal("d) Returned home to live with parents or relatives", Cell(list, left, "Reason Ceased to be Looked After"));
        Assert.Equal("e) Accommodated under S20", Cell(list, left, "Child's Legal Status"));
        Assert.Equal("a) In", Cell(list, left, "Placement Location"));
        Assert.Equal("North East Lincolnshire", Cell(list, left, "LA of Placement"));
        Assert.Equal("No", Cell(list, left, "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"));
    }

    [Fact]
    public void List_8_counts_a_return_to_care_within_the_year_as_a_second_period()
    {
        var a = new TestAuthority();
        var child = a.Child("L5", new DateOnly(2011, 1, 1));
        a.Episode(child, AsAt.AddMonths(-11), AsAt.AddMonths(-9), ceased: "E4A");
        a.Episode(child, AsAt.AddMonths(-2), legal: "E1", place: "A6");
        a.Adoption(child, AsAt.AddMonths(-1));

        var list = Build(a).List(8);

        var row = Assert.Single(list.Rows);
        Assert.Equal(AsAt.AddMonths(-2), Cell(list, row, "Date Started to be Looked After"));
        Assert.Equal("Yes", Cell(list, row, "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)"));
        Assert.Equal("b) Adoption", Cell(list, row, "What is the permanence plan for this child?"));
        Assert.Equal("d) Placement order granted", Cell(list, row, "Child's Legal Status"));
        Assert.Equal(2, Cell(list, row, "Number of Placements in the Last 12 months"));
    }

    [Fact]
    public void List_9_has_young_people_entitled_to_leaving_care_services_by_their_care_history()
    {
        var a = new TestAuthority();
        var adviser = a.Worker("PA001", "Chris", "Lowe", a.Team("Leaving care"), WorkerRole.PersonalAdviser, registration: null);

        var formerRelevant = a.Child("CL19", new DateOnly(2006, 1, 10)); // 19
        a.Episode(formerRelevant, new DateOnly(2020, 5, 1), new DateOnly(2024, 1, 10), ceased: "E5");
        a.LeaverContact(formerRelevant, AsAt.AddMonths(-2), "YES", "G5", "D2", pathwayReview: AsAt.AddMonths(-3));
        a.Allocate(formerRelevant, adviser, new DateOnly(2024, 1, 10));

        var relevant = a.Child("CL17", new DateOnly(2008, 2, 1)); // 17, left care at 16
        a.Episode(relevant, new DateOnly(2023, 1, 1), new DateOnly(2024, 6, 1), ceased: "E13");

        var eligible = a.Child("CL16", new DateOnly(2009, 1, 1)); // 16, looked after since 12
        a.Episode(eligible, new DateOnly(2021, 1, 1));

        var qualifying = a.Child("CLQ", new DateOnly(2006, 3, 1)); // 19, four weeks in care at 17
        a.Episode(qualifying, new DateOnly(2023, 6, 1), new DateOnly(2023, 6, 29), ceased: "E4A");

        var young = a.Child("CL15", new DateOnly(2010, 1, 1)); // 15
        a.Episode(young, new DateOnly(2020, 1, 1));

        var outOfTouch = a.Child("CL22", new DateOnly(2003, 1, 1)); // 22, no contact in the year
        a.Episode(outOfTouch, new DateOnly(2017, 1, 1), new DateOnly(2021, 1, 1), ceased: "E5");
        a.LeaverContact(outOfTouch, new DateOnly(2023, 1, 1));
        var stillSupported = a.Child("CL23", new DateOnly(2002, 1, 1)); // 23, in touch this year
        a.Episode(stillSupported, new DateOnly(2016, 1, 1), new DateOnly(2020, 1, 1), ceased: "E5");
        a.LeaverContact(stillSupported, AsAt.AddMonths(-4), "YES", "F5", "U1");

        var adopted = a.Child("CLA", new DateOnly(2008, 1, 1));
        a.Episode(adopted, new DateOnly(2021, 1, 1), new DateOnly(2024, 9, 1), place: "A6", ceased: "E11");

        var list = Build(a).List(9);

        Assert.Equal(["CL16", "CL17", "CL19", "CL23", "CLQ"], Ids(list));
        Assert.Equal("d) Eligible", Cell(list, list.Rows[0], "Eligibility Category"));
        Assert.Equal("a) Relevant", Cell(list, list.Rows[1], "Eligibility Category"));
        Assert.Equal("c) Not recorded", Cell(list, list.Rows[1], "LA in Touch"));
        var row = list.Rows[2];
        Assert.Equal("b) Former relevant", Cell(list, row, "Eligibility Category"));
        Assert.Equal(19, Cell(list, row, "Age of Child (Years)"));
        Assert.Equal("Chris Lowe", Cell(list, row, "Allocated Personal Advisor"));
        Assert.Null(Cell(list, row, "Allocated Worker"));
        Assert.Equal(AsAt.AddMonths(-3), Cell(list, row, "Latest Pathway Plan Review Date"));
        Assert.Equal("a) In touch", Cell(list, row, "LA in Touch"));
        Assert.Equal(AsAt.AddMonths(-2), Cell(list, row, "Latest Date of Contact"));
        Assert.Equal("c) Semi-independent transitional accommodation", Cell(list, row, "Type of Accommodation"));
        Assert.Equal("b) Not suitable", Cell(list, row, "Suitability of Accommodation"));
        Assert.Equal("G5: Not in education, employment or training - other", Cell(list, row, "Activity Status"));
        Assert.Equal("b) Former relevant", Cell(list, list.Rows[3], "Eligibility Category"));
        Assert.Equal("c) Qualifying", Cell(list, list.Rows[4], "Eligibility Category"));
    }

    // Born 1 January 2008: 14 on 1 January 2022, 16 on 1 January 2024, 17 on the as-at date.
    [Theory]
    [InlineData("2023-10-03", "2024-01-02", "a) Relevant")]   // 91 days since 14, the last of them at 16
    [InlineData("2023-10-04", "2024-01-02", "c) Qualifying")] // 90 days: short of 13 weeks
    [InlineData("2023-06-01", "2024-01-01", null)]            // left care the day they turned 16: never looked after at 16
    [InlineData("2021-06-01", "2021-12-31", null)]            // looked after only before 14
    public void List_9_eligibility_turns_on_13_weeks_since_14_and_care_at_16(string from, string to, string? category)
    {
        var a = new TestAuthority();
        var child = a.Child("CL", new DateOnly(2008, 1, 1));
        a.Episode(child, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), ceased: "E4A");

        var list = Build(a).List(9);

        Assert.Equal(category, list.Rows.SingleOrDefault() is { } row ? Cell(list, row, "Eligibility Category") : null);
    }

    [Fact]
    public void List_10_has_children_adopted_waiting_or_whose_plan_changed_in_the_twelve_months()
    {
        var a = new TestAuthority();
        var adopted = a.Child("D1", new DateOnly(2021, 4, 4));
        a.Episode(adopted, new DateOnly(2022, 1, 1), new DateOnly(2022, 9, 1), legal: "C2", place: "U5", ceased: "X1");
        a.Episode(adopted, new DateOnly(2022, 9, 1), AsAt.AddMonths(-3), rne: "B", legal: "E1", place: "A5", ceased: "E12");
        var record = a.Adoption(adopted, new DateOnly(2022, 5, 1), new DateOnly(2022, 8, 1), new DateOnly(2022, 8, 20), new DateOnly(2022, 9, 1), AsAt.AddMonths(-3));
        var waiting = a.Child("D2", new DateOnly(2022, 1, 1));
        a.Episode(waiting, new DateOnly(2022, 6, 1), legal: "E1", place: "U6");
        a.Adoption(waiting, new DateOnly(2023, 6, 1));
        var longAgo = a.Child("D3", new DateOnly(2019, 1, 1));
        a.Adoption(longAgo, new DateOnly(2021, 1, 1), order: AsAt.AddMonths(-14));
        var changed = a.Child("D4", new DateOnly(2019, 1, 1));
        a.Adoption(changed, new DateOnly(2024, 1, 1), noLonger: AsAt.AddMonths(-2), reason: "RD1");
        var changedLongAgo = a.Child("D5", new DateOnly(2019, 1, 1));
        a.Adoption(changedLongAgo, new DateOnly(2022, 1, 1), noLonger: AsAt.AddYears(-2), reason: "RD3");

        var list = Build(a).List(10);

        Assert.Equal(["D1", "D2", "D4"], Ids(list));
        Assert.Equal(
            [$"AF{record.Id}", "Unknown", new DateOnly(2022, 1, 1), new DateOnly(2022, 5, 1), new DateOnly(2022, 8, 1), new DateOnly(2022, 8, 20), new DateOnly(2022, 9, 1), AsAt.AddMonths(-3), null, null, new DateOnly(2022, 1, 1)],
            list.Rows[0][5..]);
        Assert.Null(list.Rows[1][5]); // no match yet: no adoptive family
        Assert.Equal([AsAt.AddMonths(-2), "a) Child’s needs changed"], list.Rows[2][13..15]);
    }

    [Fact]
    public void List_11_has_one_row_per_adopter_of_each_family_matched_or_placed_in_the_twelve_months()
    {
        var a = new TestAuthority();
        var child = a.Child("D6", new DateOnly(2022, 1, 1));
        var couple = a.Adoption(child, AsAt.AddMonths(-8), matched: AsAt.AddMonths(-2), placed: AsAt.AddMonths(-1), sexes: "MF", adopters: 2);
        var other = a.Child("D7", new DateOnly(2020, 1, 1));
        a.Adoption(other, AsAt.AddYears(-4), matched: AsAt.AddYears(-3), placed: AsAt.AddYears(-3), order: AsAt.AddYears(-2), sexes: "F1");
        var single = a.Child("D8", new DateOnly(2021, 1, 1));
        var alone = a.Adoption(single, AsAt.AddMonths(-10), matched: AsAt.AddMonths(-4), sexes: "F1", adopters: 1);

        var list = Build(a).List(11);

        Assert.Equal(3, list.Rows.Count);
        Assert.Equal(
            [$"AF{couple.Id}-1", $"AF{couple.Id}", "a) Male", null, null, null, null, null, null, null, null, null, null, AsAt.AddMonths(-2), AsAt.AddMonths(-1), 1, null, null, null],
            list.Rows[0]);
        Assert.Equal("b) Female", list.Rows[1][2]);
        Assert.Equal([$"AF{alone.Id}-1", $"AF{alone.Id}", "b) Female"], list.Rows[2][..3]);
        Assert.Equal(0, list.Rows[2][15]);
    }

    [Fact]
    public void An_unborn_child_has_no_date_of_birth_and_age_minus_one()
    {
        var a = new TestAuthority();
        var unborn = a.Child("U1", null, "U", "NOBT");
        a.Contact(unborn, AsAt.AddDays(-3));

        var row = Assert.Single(Build(a).List(1).Rows);

        Assert.Equal(["U1", "c) Not stated/recorded", "f) Not stated", null, -1], row[..5]);
    }

    private static AnnexAWorkbook Build(TestAuthority a) => AnnexALists.Build(a.Data, AsAt);

    private static List<string> Ids(AnnexASheet list) => [.. list.Rows.Select(r => (string)r[0]!)];

    private static object? Cell(AnnexASheet list, object?[] row, string column)
    {
        var index = list.Headers.ToList().IndexOf(column);
        Assert.True(index >= 0, $"{list.Name} has no column '{column}'.");
        return row[index];
    }
}
