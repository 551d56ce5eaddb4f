using System.Globalization;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Xunit;

namespace Lantern.Domain.Tests;

/// <summary>
/// <see cref="StatutoryClock.Evaluate"/> on hand-built files. Expected due dates are counted by hand
/// (see <see cref="ClockTests"/>), not taken from the due-date helpers.
/// </summary>
public class ClockEvaluateTests
{
    private static readonly LocalStandards Standards = LocalStandards.Default;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Dn(string? iso) => iso is null ? null : D(iso);

    private static DateTime Utc(string iso) => DateTime.SpecifyKind(DateTime.ParseExact(iso, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static Child NewChild(string dob) => new() { Id = 1, LaChildId = "C1", DateOfBirth = D(dob) };

    /// <summary>The parts of an item a test states: rule, start, due, completion and status.</summary>
    private static (string Rule, DateOnly Started, DateOnly Due, DateOnly? Completed, ClockStatus Status) Row(
        string rule, string started, string due, string? completed, ClockStatus status) =>
        (rule, D(started), D(due), Dn(completed), status);

    private static (string, DateOnly, DateOnly, DateOnly?, ClockStatus)[] Rows(IEnumerable<ClockItem> items) =>
        [.. items.Select(i => (i.Rule, i.StartedOn, i.DueOn, i.CompletedOn, i.Status))];

    private static IReadOnlyList<ClockItem> Evaluate(ChildFile file, string asAt, LocalStandards? standards = null) =>
        StatutoryClock.Evaluate(file, D(asAt), standards ?? Standards);

    private static ClockItem Single(ChildFile file, string asAt, string rule) =>
        Assert.Single(Evaluate(file, asAt), i => i.Rule == rule);

    // ================================================================ child protection

    /// <summary>
    /// Referral 2 Jan 2024, strategy discussion and s47 3 Jan, ICPC 22 Jan (due 24 Jan), first core
    /// group 9 Feb (due 5 Feb: late), one child protection visit where the child was seen on 25 Jan
    /// (next due 8 Feb), a visit on 12 Feb where the child was not seen, and a child in need visit that
    /// does not count as a child protection visit.
    /// </summary>
    private static ChildFile ProtectionFile(
        IEnumerable<Visit>? extraVisits = null,
        IEnumerable<ChildProtectionConference>? extraConferences = null,
        IEnumerable<CoreGroupMeeting>? extraCoreGroups = null,
        DateOnly? planEnd = null) =>
        new(NewChild("2016-05-01"))
        {
            Contacts = [new Contact { Id = 1, ChildId = 1, ReceivedAt = Utc("2024-01-02T09:00"), DecidedAt = Utc("2024-01-02T15:00"), Outcome = ContactOutcome.Referral }],
            Referrals = [new Referral { Id = 10, ChildId = 1, ReferralDate = D("2024-01-02"), ContactId = 1 }],
            Assessments = [new Assessment { Id = 20, ChildId = 1, ReferralId = 10, StartDate = D("2024-01-03"), AuthorisationDate = D("2024-02-15") }],
            StrategyDiscussions = [new StrategyDiscussion { Id = 30, ChildId = 1, ReferralId = 10, Date = D("2024-01-03"), Decision = StrategyDecision.Section47 }],
            Section47s = [new Section47Enquiry { Id = 40, ChildId = 1, ReferralId = 10, StrategyDiscussionId = 30, StartDate = D("2024-01-03"), EndDate = D("2024-01-19"), Outcome = Section47Outcome.ConferenceRequired }],
            Conferences =
            [
                new ChildProtectionConference { Id = 50, ChildId = 1, ReferralId = 10, Section47Id = 40, PlanId = 60, Type = ConferenceType.Initial, Date = D("2024-01-22"), Outcome = ConferenceOutcome.PlanStarted },
                .. extraConferences ?? [],
            ],
            ProtectionPlans = [new ChildProtectionPlan { Id = 60, ChildId = 1, ReferralId = 10, StartDate = D("2024-01-22"), EndDate = planEnd }],
            CoreGroups = [new CoreGroupMeeting { Id = 70, ChildId = 1, PlanId = 60, Date = D("2024-02-09") }, .. extraCoreGroups ?? []],
            Visits =
            [
                new Visit { Id = 80, ChildId = 1, Date = D("2024-01-25"), Kind = VisitKind.ChildProtection, ChildSeen = true },
                new Visit { Id = 81, ChildId = 1, Date = D("2024-02-12"), Kind = VisitKind.ChildProtection, ChildSeen = false },
                new Visit { Id = 82, ChildId = 1, Date = D("2024-02-14"), Kind = VisitKind.ChildInNeed, ChildSeen = true },
                .. extraVisits ?? [],
            ],
        };

    [Fact]
    public void Child_on_a_plan_with_a_late_core_group_and_an_overdue_visit()
    {
        var items = Evaluate(ProtectionFile(), "2024-02-20");

        Assert.Equal(
            [
                Row(ClockRules.Icpc, "2024-01-03", "2024-01-24", "2024-01-22", ClockStatus.CompletedOnTime),
                Row(ClockRules.FirstCoreGroup, "2024-01-22", "2024-02-05", "2024-02-09", ClockStatus.CompletedLate),
                Row(ClockRules.ChildProtectionVisit, "2024-01-25", "2024-02-08", null, ClockStatus.Overdue),
                Row(ClockRules.AssessmentFromReferral, "2024-01-02", "2024-03-05", "2024-02-15", ClockStatus.CompletedOnTime),
                Row(ClockRules.AssessmentFromStart, "2024-01-03", "2024-03-06", "2024-02-15", ClockStatus.CompletedOnTime),
                Row(ClockRules.CoreGroup, "2024-02-09", "2024-03-22", null, ClockStatus.Upcoming),
                Row(ClockRules.FirstRcpc, "2024-01-22", "2024-04-22", null, ClockStatus.Upcoming),
            ],
            Rows(items));
        // The contact was decided 49 days before: too long ago to list.
        Assert.DoesNotContain(items, i => i.Rule == ClockRules.ContactDecision);
    }

    [Fact]
    public void Items_carry_a_plain_english_title_and_their_source()
    {
        var icpc = Single(ProtectionFile(), "2024-02-20", ClockRules.Icpc);

        Assert.Equal("Initial child protection conference", icpc.Title);
        Assert.Equal("Working Together 2023, 15 working days from the strategy discussion", icpc.Basis);
    }

    [Theory]
    [InlineData("2024-02-07", ClockStatus.Upcoming)]
    [InlineData("2024-02-08", ClockStatus.DueToday)]
    [InlineData("2024-02-09", ClockStatus.Overdue)]
    [InlineData("2024-03-01", ClockStatus.Overdue)]
    public void Child_protection_visit_becomes_due_then_overdue(string asAt, ClockStatus expected)
    {
        var visit = Single(ProtectionFile(), asAt, ClockRules.ChildProtectionVisit);

        Assert.Equal(D("2024-02-08"), visit.DueOn);
        Assert.Equal(expected, visit.Status);
    }

    [Fact]
    public void A_visit_where_the_child_is_seen_restarts_the_visit_clock()
    {
        var file = ProtectionFile(extraVisits: [new Visit { Id = 90, ChildId = 1, Date = D("2024-02-08"), Kind = VisitKind.ChildProtection, ChildSeen = true }]);

        var visit = Single(file, "2024-02-08", ClockRules.ChildProtectionVisit);

        Assert.Equal(D("2024-02-08"), visit.StartedOn);
        Assert.Equal(D("2024-02-22"), visit.DueOn);
        Assert.Equal(ClockStatus.Upcoming, visit.Status);
    }

    [Fact]
    public void Local_visit_standard_changes_the_due_date()
    {
        var visit = Assert.Single(
            Evaluate(ProtectionFile(), "2024-01-30", Standards with { ChildProtectionVisitWorkingDays = 5 }),
            i => i.Rule == ClockRules.ChildProtectionVisit);

        Assert.Equal(D("2024-02-01"), visit.DueOn);
        Assert.Equal("Local standard, every 5 working days; the child must be seen", visit.Basis);
    }

    [Fact]
    public void Review_conferences_chain_3_months_then_6_months()
    {
        var file = ProtectionFile(extraConferences:
        [
            new ChildProtectionConference { Id = 51, ChildId = 1, ReferralId = 10, PlanId = 60, Type = ConferenceType.Review, Date = D("2024-04-30"), Outcome = ConferenceOutcome.PlanContinues },
        ]);

        var items = Evaluate(file, "2024-05-10");

        // First review held 8 days late and within the last 30 days; the next is 6 months after it.
        Assert.Contains(Row(ClockRules.FirstRcpc, "2024-01-22", "2024-04-22", "2024-04-30", ClockStatus.CompletedLate), Rows(items));
        Assert.Contains(Row(ClockRules.Rcpc, "2024-04-30", "2024-10-30", null, ClockStatus.Upcoming), Rows(items));
    }

    [Fact]
    public void Records_dated_after_the_as_at_date_are_ignored()
    {
        var later = ProtectionFile(
            extraVisits: [new Visit { Id = 91, ChildId = 1, Date = D("2024-02-21"), Kind = VisitKind.ChildProtection, ChildSeen = true }],
            extraConferences: [new ChildProtectionConference { Id = 52, ChildId = 1, ReferralId = 10, PlanId = 60, Type = ConferenceType.Review, Date = D("2024-02-26") }],
            extraCoreGroups: [new CoreGroupMeeting { Id = 71, ChildId = 1, PlanId = 60, Date = D("2024-02-22") }],
            planEnd: D("2024-03-01"));
        later = new ChildFile(later.Child)
        {
            Contacts = [.. later.Contacts, new Contact { Id = 2, ChildId = 1, ReceivedAt = Utc("2024-02-21T10:00") }],
            Referrals = later.Referrals,
            Assessments = later.Assessments,
            StrategyDiscussions = later.StrategyDiscussions,
            Section47s = [.. later.Section47s, new Section47Enquiry { Id = 41, ChildId = 1, ReferralId = 10, StartDate = D("2024-02-21") }],
            Conferences = later.Conferences,
            ProtectionPlans = later.ProtectionPlans,
            CoreGroups = later.CoreGroups,
            Visits = later.Visits,
            CareEpisodes = [new CareEpisode { Id = 100, ChildId = 1, StartDate = D("2024-02-25"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.Section20, Placement = PlacementType.FosterShortTerm }],
            CareProceedings = [new CareProceedings { Id = 110, ChildId = 1, IssueDate = D("2024-02-21") }],
        };

        Assert.Equal(Evaluate(ProtectionFile(), "2024-02-20"), Evaluate(later, "2024-02-20"));

        // The same records do count once they are in the past: the test can fail.
        Assert.Equal(D("2024-02-21"), Single(later, "2024-02-21", ClockRules.ChildProtectionVisit).StartedOn);
        Assert.DoesNotContain(Evaluate(later, "2024-03-01"), i => i.Rule == ClockRules.ChildProtectionVisit);
    }

    [Fact]
    public void A_plan_that_has_ended_has_no_visits_core_groups_or_reviews_due()
    {
        var items = Evaluate(ProtectionFile(planEnd: D("2024-02-20")), "2024-02-20");

        Assert.DoesNotContain(items, i => i.Rule is ClockRules.ChildProtectionVisit or ClockRules.CoreGroup or ClockRules.FirstRcpc or ClockRules.FirstCoreGroup);
        Assert.Contains(items, i => i.Rule == ClockRules.Icpc);
    }

    [Theory]
    // Open enquiry: the conference clock runs.
    [InlineData(null, Section47Outcome.Pending, false, "2024-02-01", ClockStatus.Overdue)]
    [InlineData(null, Section47Outcome.Pending, false, "2024-01-24", ClockStatus.DueToday)]
    // Ended needing a conference that has not been held: overdue.
    [InlineData("2024-01-19", Section47Outcome.ConferenceRequired, false, "2024-02-01", ClockStatus.Overdue)]
    // Ended with no conference needed: nothing due.
    [InlineData("2024-01-19", Section47Outcome.ConcernsNotSubstantiated, false, "2024-02-01", null)]
    [InlineData("2024-01-19", Section47Outcome.ConferenceRequired, true, "2024-02-01", null)]
    // Ends after the as-at date: at as-at the enquiry is still open and its outcome unknown.
    [InlineData("2024-01-26", Section47Outcome.ConcernsNotSubstantiated, false, "2024-01-25", ClockStatus.Overdue)]
    public void Icpc_clock_for_an_enquiry_without_a_conference(string? ended, Section47Outcome outcome, bool notRequired, string asAt, ClockStatus? expected)
    {
        var file = new ChildFile(NewChild("2016-05-01"))
        {
            StrategyDiscussions = [new StrategyDiscussion { Id = 30, ChildId = 1, ReferralId = 10, Date = D("2024-01-03") }],
            Section47s = [new Section47Enquiry { Id = 40, ChildId = 1, ReferralId = 10, StrategyDiscussionId = 30, StartDate = D("2024-01-03"), EndDate = Dn(ended), Outcome = outcome, IcpcNotRequired = notRequired }],
        };

        var icpc = Evaluate(file, asAt).SingleOrDefault(i => i.Rule == ClockRules.Icpc);

        Assert.Equal(expected, icpc?.Status);
        if (icpc is not null)
        {
            Assert.Equal(D("2024-01-24"), icpc.DueOn);
        }
    }

    [Fact]
    public void Icpc_is_counted_from_the_strategy_discussion_that_started_the_enquiry()
    {
        // Two discussions: the enquiry was started at the second, on the Thursday before Christmas 2022.
        var file = new ChildFile(NewChild("2016-05-01"))
        {
            StrategyDiscussions =
            [
                new StrategyDiscussion { Id = 30, ChildId = 1, ReferralId = 10, Date = D("2022-12-01"), Decision = StrategyDecision.NoSection47 },
                new StrategyDiscussion { Id = 31, ChildId = 1, ReferralId = 10, Date = D("2022-12-22"), Decision = StrategyDecision.Section47 },
            ],
            Section47s = [new Section47Enquiry { Id = 40, ChildId = 1, ReferralId = 10, StrategyDiscussionId = 31, StartDate = D("2022-12-22") }],
            Conferences = [new ChildProtectionConference { Id = 50, ChildId = 1, ReferralId = 10, Section47Id = 40, Type = ConferenceType.Initial, Date = D("2023-01-18") }],
        };

        Assert.Equal(
            [Row(ClockRules.Icpc, "2022-12-22", "2023-01-17", "2023-01-18", ClockStatus.CompletedLate)],
            Rows(Evaluate(file, "2023-01-20")));
        // Once more than 30 days have passed, the met conference drops off the list.
        Assert.Empty(Evaluate(file, "2023-02-18"));
    }

    // ================================================================ front door and assessment

    [Theory]
    [InlineData(null, "2023-12-22", ClockStatus.Upcoming)]
    [InlineData(null, "2023-12-27", ClockStatus.DueToday)]
    [InlineData(null, "2023-12-28", ClockStatus.Overdue)]
    [InlineData("2023-12-28T09:00", "2024-01-05", ClockStatus.CompletedLate)]
    [InlineData("2023-12-27T17:00", "2024-01-05", ClockStatus.CompletedOnTime)]
    // Decided after the as-at date: still outstanding on it.
    [InlineData("2023-12-28T09:00", "2023-12-27", ClockStatus.DueToday)]
    public void Contact_decision_over_christmas(string? decided, string asAt, ClockStatus expected)
    {
        var file = new ChildFile(NewChild("2012-01-01"))
        {
            Contacts = [new Contact { Id = 1, ChildId = 1, ReceivedAt = Utc("2023-12-22T16:30"), DecidedAt = decided is null ? null : Utc(decided) }],
        };

        var item = Single(file, asAt, ClockRules.ContactDecision);

        Assert.Equal(D("2023-12-27"), item.DueOn);
        Assert.Equal(expected, item.Status);
    }

    [Fact]
    public void A_decision_more_than_30_days_ago_is_not_listed()
    {
        var file = new ChildFile(NewChild("2012-01-01"))
        {
            Contacts = [new Contact { Id = 1, ChildId = 1, ReceivedAt = Utc("2023-12-22T16:30"), DecidedAt = Utc("2023-12-28T09:00") }],
        };

        Assert.Single(Evaluate(file, "2024-01-27"));
        Assert.Empty(Evaluate(file, "2024-01-28"));
    }

    [Fact]
    public void Assessment_has_two_clocks_from_referral_and_from_start()
    {
        // Referral on 23 December 2021, assessment started 4 January 2022 (after the substitute bank holidays).
        var file = new ChildFile(NewChild("2012-01-01"))
        {
            Referrals = [new Referral { Id = 10, ChildId = 1, ReferralDate = D("2021-12-23") }],
            Assessments = [new Assessment { Id = 20, ChildId = 1, ReferralId = 10, StartDate = D("2022-01-04"), AuthorisationDate = D("2022-03-02") }],
        };

        // 2022-01-04 + 45 working days = 2022-03-08 (no bank holidays in between).
        Assert.Equal(
            [
                Row(ClockRules.AssessmentFromReferral, "2021-12-23", "2022-03-01", "2022-03-02", ClockStatus.CompletedLate),
                Row(ClockRules.AssessmentFromStart, "2022-01-04", "2022-03-08", "2022-03-02", ClockStatus.CompletedOnTime),
            ],
            Rows(Evaluate(file, "2022-03-10")));
        // The day before authorisation: the referral clock runs out that day, the start clock a week later.
        Assert.Equal(
            [
                Row(ClockRules.AssessmentFromReferral, "2021-12-23", "2022-03-01", null, ClockStatus.DueToday),
                Row(ClockRules.AssessmentFromStart, "2022-01-04", "2022-03-08", null, ClockStatus.Upcoming),
            ],
            Rows(Evaluate(file, "2022-03-01")));
    }

    [Fact]
    public void Referral_without_an_assessment_runs_the_referral_clock_until_closed()
    {
        var open = new ChildFile(NewChild("2012-01-01")) { Referrals = [new Referral { Id = 10, ChildId = 1, ReferralDate = D("2024-01-02") }] };
        var nfa = new ChildFile(NewChild("2012-01-01")) { Referrals = [new Referral { Id = 10, ChildId = 1, ReferralDate = D("2024-01-02"), NoFurtherAction = true, ClosureDate = D("2024-01-02") }] };
        var closedLater = new ChildFile(NewChild("2012-01-01")) { Referrals = [new Referral { Id = 10, ChildId = 1, ReferralDate = D("2024-01-02"), ClosureDate = D("2024-04-01") }] };

        Assert.Equal([Row(ClockRules.AssessmentFromReferral, "2024-01-02", "2024-03-05", null, ClockStatus.Overdue)], Rows(Evaluate(open, "2024-03-06")));
        Assert.Empty(Evaluate(nfa, "2024-03-06"));
        Assert.Single(Evaluate(closedLater, "2024-03-06"));
        Assert.Empty(Evaluate(closedLater, "2024-04-01"));
    }

    [Fact]
    public void Only_the_first_assessment_of_a_referral_is_measured_from_the_referral()
    {
        var file = new ChildFile(NewChild("2012-01-01"))
        {
            Referrals = [new Referral { Id = 10, ChildId = 1, ReferralDate = D("2023-01-03") }],
            Assessments =
            [
                new Assessment { Id = 21, ChildId = 1, ReferralId = 10, StartDate = D("2024-01-02") },
                new Assessment { Id = 20, ChildId = 1, ReferralId = 10, StartDate = D("2023-01-04"), AuthorisationDate = D("2023-02-01") },
            ],
        };

        Assert.Equal(
            [Row(ClockRules.AssessmentFromStart, "2024-01-02", "2024-03-05", null, ClockStatus.Upcoming)],
            Rows(Evaluate(file, "2024-01-10")));
    }

    // ================================================================ looked after

    /// <summary>
    /// Looked after from Monday 9 January 2023 (section 20, short-term foster care), moved to a
    /// long-term foster placement on 1 June, then a care order on 1 September with the same carers.
    /// Reviews all on time: 3 Feb (due 6 Feb), 28 Apr (due 3 May), 20 Oct (due 28 Oct).
    /// </summary>
    private static ChildFile LookedAfterFile() => new(NewChild("2015-06-01"))
    {
        CareEpisodes =
        [
            new CareEpisode { Id = 3, ChildId = 1, StartDate = D("2023-09-01"), ReasonNew = ReasonNewEpisode.LegalStatusChange, LegalStatus = LegalStatus.FullCareOrder, Placement = PlacementType.FosterLongTerm },
            new CareEpisode { Id = 1, ChildId = 1, StartDate = D("2023-01-09"), EndDate = D("2023-06-01"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.Section20, Placement = PlacementType.FosterShortTerm },
            new CareEpisode { Id = 2, ChildId = 1, StartDate = D("2023-06-01"), EndDate = D("2023-09-01"), ReasonNew = ReasonNewEpisode.PlacementChange, LegalStatus = LegalStatus.Section20, Placement = PlacementType.FosterLongTerm },
        ],
        CareReviews =
        [
            new CareReview { Id = 1, ChildId = 1, Date = D("2023-02-03") },
            new CareReview { Id = 2, ChildId = 1, Date = D("2023-04-28") },
            new CareReview { Id = 3, ChildId = 1, Date = D("2023-10-20") },
        ],
        HealthChecks =
        [
            new HealthCheck { Id = 1, ChildId = 1, Kind = HealthCheckKind.InitialHealthAssessment, Date = D("2023-01-30") },
            new HealthCheck { Id = 2, ChildId = 1, Kind = HealthCheckKind.DentalCheck, Date = D("2023-08-01") },
        ],
        Visits =
        [
            .. new[] { "2023-01-12", "2023-02-20", "2023-06-05", "2023-07-14", "2023-08-24", "2023-10-02", "2023-11-10", "2023-12-20" }
                .Select((d, i) => new Visit { Id = i + 1, ChildId = 1, Date = D(d), Kind = VisitKind.LookedAfter, ChildSeen = true }),
        ],
    };

    [Fact]
    public void Child_looked_after_with_reviews_on_time()
    {
        Assert.Equal(
            [
                // Aged 7 at the initial health assessment: 12 months.
                Row(ClockRules.ReviewHealthAssessment, "2023-01-30", "2024-01-30", null, ClockStatus.Upcoming),
                // Placement began 1 June 2023 (the legal-status change on 1 September kept the carers).
                Row(ClockRules.ClaVisit, "2023-12-20", "2024-01-31", null, ClockStatus.Upcoming),
                Row(ClockRules.ClaReview, "2023-10-20", "2024-04-20", null, ClockStatus.Upcoming),
            ],
            Rows(Evaluate(LookedAfterFile(), "2024-01-15")));
    }

    [Fact]
    public void Second_review_met_recently_is_listed_with_the_next_one()
    {
        Assert.Equal(
            [
                // First placement: visits 12 Jan and 20 Feb, then nothing for 6 weeks.
                Row(ClockRules.ClaVisit, "2023-02-20", "2023-04-03", null, ClockStatus.Overdue),
                Row(ClockRules.SecondClaReview, "2023-02-03", "2023-05-03", "2023-04-28", ClockStatus.CompletedOnTime),
                Row(ClockRules.ClaReview, "2023-04-28", "2023-10-28", null, ClockStatus.Upcoming),
                Row(ClockRules.ReviewHealthAssessment, "2023-01-30", "2024-01-30", null, ClockStatus.Upcoming),
            ],
            Rows(Evaluate(LookedAfterFile(), "2023-05-10")));
    }

    [Fact]
    public void First_review_and_health_assessment_are_due_20_working_days_after_care_began()
    {
        // 28 April 2023: three May bank holidays (1, 8 coronation, 29) in the 20 working days.
        var file = new ChildFile(NewChild("2019-09-01"))
        {
            CareEpisodes = [new CareEpisode { Id = 1, ChildId = 1, StartDate = D("2023-04-28"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.InterimCareOrder, Placement = PlacementType.FosterShortTerm }],
            Visits = [new Visit { Id = 1, ChildId = 1, Date = D("2023-05-03"), Kind = VisitKind.LookedAfter, ChildSeen = true }],
        };

        Assert.Equal(
            [
                Row(ClockRules.FirstClaReview, "2023-04-28", "2023-05-31", null, ClockStatus.DueToday),
                Row(ClockRules.InitialHealthAssessment, "2023-04-28", "2023-05-31", null, ClockStatus.DueToday),
                Row(ClockRules.ClaVisit, "2023-05-03", "2023-06-14", null, ClockStatus.Upcoming),
            ],
            Rows(Evaluate(file, "2023-05-31")));
    }

    [Fact]
    public void Health_assessment_in_the_3_months_before_care_meets_the_initial_one()
    {
        var file = new ChildFile(NewChild("2019-09-01"))
        {
            CareEpisodes = [new CareEpisode { Id = 1, ChildId = 1, StartDate = D("2023-04-28"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.InterimCareOrder, Placement = PlacementType.FosterShortTerm }],
            HealthChecks = [new HealthCheck { Id = 1, ChildId = 1, Kind = HealthCheckKind.ReviewHealthAssessment, Date = D("2023-02-15") }],
        };

        var items = Evaluate(file, "2023-05-10");

        Assert.DoesNotContain(items, i => i.Rule == ClockRules.InitialHealthAssessment);
        // Aged 3: the next is 6 months after the last.
        Assert.Contains(Row(ClockRules.ReviewHealthAssessment, "2023-02-15", "2023-08-15", null, ClockStatus.Upcoming), Rows(items));
    }

    [Theory]
    // Change of legal status, or of placement with the same carers: the placement goes on, and after
    // its first year a long-term placement needs visits every 3 months.
    [InlineData("L", "2023-09-01", ClockStatus.Upcoming)]
    [InlineData("T", "2023-09-01", ClockStatus.Upcoming)]
    [InlineData("U", "2023-09-01", ClockStatus.Upcoming)]
    // New carers: a new placement, in its first year, so 6 weeks.
    [InlineData("P", "2023-07-13", ClockStatus.Overdue)]
    [InlineData("B", "2023-07-13", ClockStatus.Overdue)]
    public void Long_term_placement_over_a_year_old_is_visited_every_3_months(string reasonNew, string due, ClockStatus status)
    {
        var file = new ChildFile(NewChild("2012-01-01"))
        {
            CareEpisodes =
            [
                new CareEpisode { Id = 1, ChildId = 1, StartDate = D("2022-03-01"), EndDate = D("2023-01-01"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.InterimCareOrder, Placement = PlacementType.FosterLongTerm },
                new CareEpisode { Id = 2, ChildId = 1, StartDate = D("2023-01-01"), ReasonNew = ReasonNewEpisode.FromCode(reasonNew), LegalStatus = LegalStatus.FullCareOrder, Placement = PlacementType.FosterLongTerm },
            ],
            Visits = [new Visit { Id = 1, ChildId = 1, Date = D("2023-06-01"), Kind = VisitKind.LookedAfter, ChildSeen = true }],
        };

        var visit = Single(file, "2023-07-20", ClockRules.ClaVisit);

        Assert.Equal((D("2023-06-01"), D(due), status), (visit.StartedOn, visit.DueOn, visit.Status));
    }

    [Fact]
    public void Short_term_placement_over_a_year_old_is_still_visited_every_6_weeks()
    {
        var file = new ChildFile(NewChild("2012-01-01"))
        {
            CareEpisodes = [new CareEpisode { Id = 1, ChildId = 1, StartDate = D("2022-03-01"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.FullCareOrder, Placement = PlacementType.FosterShortTerm }],
            Visits = [new Visit { Id = 1, ChildId = 1, Date = D("2023-06-01"), Kind = VisitKind.LookedAfter, ChildSeen = true }],
        };

        Assert.Equal(D("2023-07-13"), Single(file, "2023-07-20", ClockRules.ClaVisit).DueOn);
    }

    [Fact]
    public void New_placement_needs_a_visit_within_a_week()
    {
        var file = new ChildFile(NewChild("2012-01-01"))
        {
            CareEpisodes =
            [
                new CareEpisode { Id = 1, ChildId = 1, StartDate = D("2023-01-09"), EndDate = D("2023-03-06"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.Section20, Placement = PlacementType.FosterShortTerm },
                new CareEpisode { Id = 2, ChildId = 1, StartDate = D("2023-03-06"), ReasonNew = ReasonNewEpisode.PlacementChange, LegalStatus = LegalStatus.Section20, Placement = PlacementType.ChildrensHome },
            ],
            CareReviews = [new CareReview { Id = 1, ChildId = 1, Date = D("2023-02-01") }],
            Visits = [new Visit { Id = 1, ChildId = 1, Date = D("2023-03-01"), Kind = VisitKind.LookedAfter, ChildSeen = true }],
        };

        var items = Evaluate(file, "2023-03-14");

        Assert.Contains(Row(ClockRules.ClaVisit, "2023-03-06", "2023-03-13", null, ClockStatus.Overdue), Rows(items));
        // The period of care, and so the review clock, did not restart with the move.
        Assert.Contains(Row(ClockRules.SecondClaReview, "2023-02-01", "2023-05-01", null, ClockStatus.Upcoming), Rows(items));
    }

    [Theory]
    // Placed with a parent under section 20 (reg 19): weekly until the first review, then 6 weeks.
    [InlineData("V2", "2024-03-20", ClockRules.ClaVisitPlacedWithParent, "2024-03-15", "2024-03-22")]
    [InlineData("V2", "2024-04-02", ClockRules.ClaVisitPlacedWithParent, "2024-03-29", "2024-05-10")]
    // At home under an interim care order: weekly until the first review, then 4 weeks.
    [InlineData("C1", "2024-03-20", ClockRules.ClaVisitInterimCareOrderAtHome, "2024-03-15", "2024-03-22")]
    [InlineData("C1", "2024-04-02", ClockRules.ClaVisitInterimCareOrderAtHome, "2024-03-29", "2024-04-26")]
    public void Child_placed_with_parent_is_visited_weekly_until_the_first_review(string legalStatus, string asAt, string rule, string started, string due)
    {
        var file = new ChildFile(NewChild("2020-01-01"))
        {
            CareEpisodes = [new CareEpisode { Id = 1, ChildId = 1, StartDate = D("2024-03-04"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.FromCode(legalStatus), Placement = PlacementType.WithParents }],
            CareReviews = [new CareReview { Id = 1, ChildId = 1, Date = D("2024-03-28") }],
            Visits =
            [
                .. new[] { "2024-03-08", "2024-03-15", "2024-03-29" }
                    .Select((d, i) => new Visit { Id = i + 1, ChildId = 1, Date = D(d), Kind = VisitKind.LookedAfter, ChildSeen = true }),
            ],
        };

        var visit = Single(file, asAt, rule);

        Assert.Equal((D(started), D(due)), (visit.StartedOn, visit.DueOn));
    }

    [Fact]
    public void Child_at_home_under_a_care_order_is_visited_within_a_week_of_the_order()
    {
        var file = new ChildFile(NewChild("2020-01-01"))
        {
            CareEpisodes =
            [
                new CareEpisode { Id = 1, ChildId = 1, StartDate = D("2024-01-08"), EndDate = D("2024-05-01"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.InterimCareOrder, Placement = PlacementType.FosterShortTerm },
                new CareEpisode { Id = 2, ChildId = 1, StartDate = D("2024-05-01"), ReasonNew = ReasonNewEpisode.LegalAndPlacement, LegalStatus = LegalStatus.FullCareOrder, Placement = PlacementType.WithParents },
            ],
            Visits = [new Visit { Id = 1, ChildId = 1, Date = D("2024-04-20"), Kind = VisitKind.LookedAfter, ChildSeen = true }],
        };

        Assert.Equal(
            Row(ClockRules.ClaVisitCareOrderAtHome, "2024-05-01", "2024-05-08", null, ClockStatus.Overdue),
            Rows([Single(file, "2024-05-09", ClockRules.ClaVisitCareOrderAtHome)])[0]);
    }

    [Fact]
    public void Care_order_made_after_the_child_went_home_restarts_the_week()
    {
        // Home to a parent under an interim order on 1 March, full care order on 1 May (same carers).
        var file = new ChildFile(NewChild("2020-01-01"))
        {
            CareEpisodes =
            [
                new CareEpisode { Id = 1, ChildId = 1, StartDate = D("2024-01-08"), EndDate = D("2024-03-01"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.InterimCareOrder, Placement = PlacementType.FosterShortTerm },
                new CareEpisode { Id = 2, ChildId = 1, StartDate = D("2024-03-01"), EndDate = D("2024-05-01"), ReasonNew = ReasonNewEpisode.PlacementChange, LegalStatus = LegalStatus.InterimCareOrder, Placement = PlacementType.WithParents },
                new CareEpisode { Id = 3, ChildId = 1, StartDate = D("2024-05-01"), ReasonNew = ReasonNewEpisode.LegalStatusChange, LegalStatus = LegalStatus.FullCareOrder, Placement = PlacementType.WithParents },
            ],
            Visits = [new Visit { Id = 1, ChildId = 1, Date = D("2024-04-20"), Kind = VisitKind.LookedAfter, ChildSeen = true }],
        };

        var visit = Single(file, "2024-05-09", ClockRules.ClaVisitCareOrderAtHome);

        Assert.Equal((D("2024-05-01"), D("2024-05-08"), ClockStatus.Overdue), (visit.StartedOn, visit.DueOn, visit.Status));
    }

    [Fact]
    public void Moving_home_after_the_first_review_is_still_weekly_until_a_review_of_the_new_placement()
    {
        var file = new ChildFile(NewChild("2020-01-01"))
        {
            CareEpisodes =
            [
                new CareEpisode { Id = 1, ChildId = 1, StartDate = D("2024-01-08"), EndDate = D("2024-03-04"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.Section20, Placement = PlacementType.FosterShortTerm },
                new CareEpisode { Id = 2, ChildId = 1, StartDate = D("2024-03-04"), ReasonNew = ReasonNewEpisode.PlacementChange, LegalStatus = LegalStatus.Section20, Placement = PlacementType.WithParents },
            ],
            CareReviews = [new CareReview { Id = 1, ChildId = 1, Date = D("2024-02-01") }],
            Visits = [new Visit { Id = 1, ChildId = 1, Date = D("2024-03-08"), Kind = VisitKind.LookedAfter, ChildSeen = true }],
        };

        Assert.Equal(D("2024-03-15"), Single(file, "2024-03-12", ClockRules.ClaVisitPlacedWithParent).DueOn);
    }

    [Fact]
    public void Short_breaks_are_not_given_the_full_looked_after_timescales()
    {
        var file = new ChildFile(NewChild("2012-01-01"))
        {
            CareEpisodes = [new CareEpisode { Id = 1, ChildId = 1, StartDate = D("2024-01-08"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.ShortBreaksAgreements, Placement = PlacementType.ChildrensHome }],
        };

        Assert.Empty(Evaluate(file, "2024-03-01"));
    }

    [Fact]
    public void Care_that_has_ended_stops_the_looked_after_clocks()
    {
        var file = new ChildFile(NewChild("2012-01-01"))
        {
            CareEpisodes = [new CareEpisode { Id = 1, ChildId = 1, StartDate = D("2024-01-08"), EndDate = D("2024-03-01"), ReasonNew = ReasonNewEpisode.Started, LegalStatus = LegalStatus.Section20, Placement = PlacementType.FosterShortTerm }],
        };

        Assert.NotEmpty(Evaluate(file, "2024-02-29"));
        Assert.Empty(Evaluate(file, "2024-03-01"));
    }

    // ================================================================ child in need

    private static ChildFile ChildInNeedFile(params ChildProtectionPlan[] plans) => new(NewChild("2014-01-01"))
    {
        ChildInNeedPlans = [new ChildInNeedPlan { Id = 5, ChildId = 1, ReferralId = 10, StartDate = D("2024-01-08") }],
        ProtectionPlans = plans,
        Visits =
        [
            new Visit { Id = 1, ChildId = 1, Date = D("2024-01-15"), Kind = VisitKind.ChildInNeed, ChildSeen = true },
            new Visit { Id = 2, ChildId = 1, Date = D("2024-02-05"), Kind = VisitKind.ChildInNeed, ChildSeen = true },
        ],
    };

    [Fact]
    public void Child_in_need_plan_visits_and_reviews_follow_the_local_standard()
    {
        Assert.Equal(
            [
                Row(ClockRules.ChildInNeedVisit, "2024-02-05", "2024-03-04", null, ClockStatus.Upcoming),
                Row(ClockRules.ChildInNeedReview, "2024-01-08", "2024-04-08", null, ClockStatus.Upcoming),
            ],
            Rows(Evaluate(ChildInNeedFile(), "2024-02-20")));

        var stricter = LocalStandards.From(new LocalAuthority { ChildInNeedVisitWorkingDays = 10, ChildInNeedReviewMonths = 1 });
        Assert.Equal(
            [
                Row(ClockRules.ChildInNeedReview, "2024-01-08", "2024-02-08", null, ClockStatus.Overdue),
                Row(ClockRules.ChildInNeedVisit, "2024-02-05", "2024-02-19", null, ClockStatus.Overdue),
            ],
            Rows(Evaluate(ChildInNeedFile(), "2024-02-20", stricter)));
    }

    [Fact]
    public void A_child_protection_plan_supersedes_the_child_in_need_plan()
    {
        var items = Evaluate(ChildInNeedFile(new ChildProtectionPlan { Id = 6, ChildId = 1, ReferralId = 10, StartDate = D("2024-02-12") }), "2024-02-20");

        Assert.DoesNotContain(items, i => i.Rule is ClockRules.ChildInNeedVisit or ClockRules.ChildInNeedReview);
        Assert.Contains(items, i => i.Rule == ClockRules.ChildProtectionVisit);
    }

    // ================================================================ care leavers, private fostering, courts, LADO

    [Fact]
    public void Pathway_plan_review_is_due_6_months_after_the_last()
    {
        var file = new ChildFile(NewChild("2005-03-01"))
        {
            CareLeaverContacts =
            [
                new CareLeaverContact { Id = 1, ChildId = 1, ContactDate = D("2023-03-10"), InTouch = CareLeaverInTouch.Yes, PathwayPlanReviewDate = D("2022-12-01") },
                // Recorded after the as-at date, so not known on it.
                new CareLeaverContact { Id = 2, ChildId = 1, ContactDate = D("2023-06-20"), InTouch = CareLeaverInTouch.Yes, PathwayPlanReviewDate = D("2023-05-15") },
            ],
        };

        Assert.Equal(
            [Row(ClockRules.PathwayPlanReview, "2022-12-01", "2023-06-01", null, ClockStatus.DueToday)],
            Rows(Evaluate(file, "2023-06-01")));
        Assert.Equal(D("2023-11-15"), Single(file, "2023-06-20", ClockRules.PathwayPlanReview).DueOn);
        // From 21 the record no longer shows an entitlement.
        Assert.Empty(Evaluate(file, "2026-03-01"));
    }

    [Theory]
    [InlineData("NREQ")]
    [InlineData("DIED")]
    public void Pathway_plan_review_stops_when_the_care_leaver_no_longer_needs_services(string inTouch)
    {
        var file = new ChildFile(NewChild("2005-03-01"))
        {
            CareLeaverContacts =
            [
                new CareLeaverContact { Id = 1, ChildId = 1, ContactDate = D("2022-03-10"), InTouch = CareLeaverInTouch.Yes, PathwayPlanReviewDate = D("2022-01-10") },
                new CareLeaverContact { Id = 2, ChildId = 1, ContactDate = D("2023-03-10"), InTouch = CareLeaverInTouch.FromCode(inTouch) },
            ],
        };

        Assert.NotEmpty(Evaluate(file, "2023-03-09"));
        Assert.Empty(Evaluate(file, "2023-03-10"));
    }

    [Fact]
    public void Private_fostering_first_visit_then_6_weekly()
    {
        var notified = new PrivateFosteringArrangement { Id = 1, ChildId = 1, NotificationDate = D("2022-12-22"), StartDate = D("2022-12-22") };
        var noVisit = new ChildFile(NewChild("2010-01-01")) { PrivateFostering = [notified] };
        var visited = new ChildFile(NewChild("2010-01-01"))
        {
            PrivateFostering = [notified],
            Visits = [new Visit { Id = 1, ChildId = 1, Date = D("2023-01-04"), Kind = VisitKind.PrivateFostering, ChildSeen = true }],
        };

        Assert.Equal([Row(ClockRules.PrivateFosteringFirstVisit, "2022-12-22", "2023-01-05", null, ClockStatus.Overdue)], Rows(Evaluate(noVisit, "2023-01-06")));
        Assert.Equal(
            [
                Row(ClockRules.PrivateFosteringFirstVisit, "2022-12-22", "2023-01-05", "2023-01-04", ClockStatus.CompletedOnTime),
                Row(ClockRules.PrivateFosteringVisit, "2023-01-04", "2023-02-15", null, ClockStatus.Upcoming),
            ],
            Rows(Evaluate(visited, "2023-01-20")));
    }

    [Theory]
    [InlineData(0, null, "2024-07-01", "2024-07-10", ClockStatus.Upcoming)]
    [InlineData(0, null, "2024-07-11", "2024-07-10", ClockStatus.Overdue)]
    [InlineData(8, null, "2024-08-01", "2024-09-04", ClockStatus.Upcoming)]
    [InlineData(8, "2024-09-10", "2024-09-20", "2024-09-04", ClockStatus.CompletedLate)]
    [InlineData(16, "2024-09-10", "2024-09-20", "2024-10-30", ClockStatus.CompletedOnTime)]
    public void Care_proceedings_26_weeks_plus_extensions(int extensionWeeks, string? finalHearing, string asAt, string due, ClockStatus status)
    {
        var file = new ChildFile(NewChild("2018-01-01"))
        {
            CareProceedings = [new CareProceedings { Id = 1, ChildId = 1, IssueDate = D("2024-01-10"), ExtensionWeeks = extensionWeeks, FinalHearingDate = Dn(finalHearing) }],
        };

        var item = Single(file, asAt, ClockRules.Proceedings);

        Assert.Equal((D(due), status), (item.DueOn, item.Status));
        Assert.Equal(extensionWeeks > 0, item.Basis.Contains($"plus {extensionWeeks} weeks", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(FinalOrder.None, 1)]
    [InlineData(FinalOrder.CareOrder, 0)]
    [InlineData(FinalOrder.Withdrawn, 0)]
    public void Proceedings_with_a_final_order_but_no_hearing_date_are_not_listed(FinalOrder order, int expected)
    {
        var file = new ChildFile(NewChild("2018-01-01"))
        {
            CareProceedings = [new CareProceedings { Id = 1, ChildId = 1, IssueDate = D("2021-01-11"), FinalOrder = order }],
        };

        Assert.Equal(expected, Evaluate(file, "2024-01-15").Count(i => i.Rule == ClockRules.Proceedings));
    }

    [Fact]
    public void Lado_initial_decision_within_a_working_day()
    {
        var file = new ChildFile(NewChild("2010-01-01"))
        {
            Allegations =
            [
                new Allegation { Id = 1, ChildId = 1, ReceivedDate = D("2022-06-01") },
                // Resolved without a recorded initial decision: nothing left to be due.
                new Allegation { Id = 2, ChildId = 1, ReceivedDate = D("2022-05-03"), ResolvedDate = D("2022-05-20") },
            ],
        };

        Assert.Equal([Row(ClockRules.LadoInitialDecision, "2022-06-01", "2022-06-06", null, ClockStatus.Overdue)], Rows(Evaluate(file, "2022-06-07")));
    }

    // ================================================================ whole-file behaviour

    [Fact]
    public void A_child_who_has_died_has_nothing_due()
    {
        var file = ProtectionFile();
        file.Child.DateOfDeath = D("2024-02-15");

        Assert.NotEmpty(Evaluate(file, "2024-02-14"));
        Assert.Empty(Evaluate(file, "2024-02-15"));
    }

    [Fact]
    public void Items_are_sorted_by_due_date()
    {
        var merged = new ChildFile(NewChild("2015-06-01"))
        {
            CareEpisodes = LookedAfterFile().CareEpisodes,
            CareReviews = LookedAfterFile().CareReviews,
            Contacts = [new Contact { Id = 1, ChildId = 1, ReceivedAt = Utc("2024-01-12T10:00") }],
            CareProceedings = [new CareProceedings { Id = 1, ChildId = 1, IssueDate = D("2023-09-01") }],
        };

        var items = Evaluate(merged, "2024-01-15");

        Assert.True(items.Count >= 4);
        Assert.Equal(items.OrderBy(i => i.DueOn), items);
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2051-01-01")]
    public void As_at_date_outside_the_calendar_is_rejected(string asAt)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate(ProtectionFile(), asAt));
    }
}
