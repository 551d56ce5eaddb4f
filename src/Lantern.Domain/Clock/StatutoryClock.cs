using System.Globalization;
using Lantern.Domain.Calendar;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Domain.Clock;

/// <summary>
/// The statutory clock: every timescale that applies to a child on a given date, what started it,
/// when it is due and whether it has been met. This is the only place the timescale rules live;
/// the numbers themselves are in <see cref="DueDates"/> and, where a council sets its own, in
/// <see cref="LocalStandards"/>.
/// </summary>
/// <remarks>
/// <para>As-at reproducibility: only what was known on the as-at date counts. A record dated after it
/// is ignored, and an end, decision or completion date after it is treated as not yet happened, so
/// re-running a past date gives the same answer however the file has grown since. Two undated values
/// are the exception and are used as stored: <see cref="CareProceedings.ExtensionWeeks"/> and the
/// <see cref="Referral.NoFurtherAction"/> flag; likewise proceedings with a final order but no final
/// hearing date are treated as concluded and not listed.</para>
/// <para>What is listed: a one-off timescale (a decision, the first review, an ICPC) while it is
/// outstanding and for <see cref="RecentlyCompletedDays"/> days after it is met; a recurring one
/// (visits, core groups, later reviews) as its next occurrence only, for as long as the plan,
/// placement or arrangement it belongs to is open on the as-at date.</para>
/// <para>Visits count only when the child was seen, and only visits of the matching kind (a
/// child protection visit for T8, a looked-after visit for T13–T16 and so on).</para>
/// <para>Not modelled: short-break care (legal status V3/V4, reg 48, whose visit intervals are agreed
/// with the IRO), temporary connected-person placements (reg 24, T15) which the SSDA903 codes do not
/// distinguish (they follow T13), and the care-leaver needs assessment (T22), which has no record
/// in the model. Pathway plan reviews (T23) are read from the care-leaver contact records.</para>
/// </remarks>
public static partial class StatutoryClock
{
    /// <summary>How long a met one-off timescale stays on the list after it was met.</summary>
    public const int RecentlyCompletedDays = 30;

    /// <summary>Every timescale that applies to the child on <paramref name="asAt"/>, ordered by due date.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asAt"/> is outside the
    /// working-day calendar (<see cref="EnglandBankHolidays.FirstDate"/>–<see cref="EnglandBankHolidays.LastDate"/>).</exception>
    public static IReadOnlyList<ClockItem> Evaluate(ChildFile file, DateOnly asAt, LocalStandards standards)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(standards);
        if (asAt < EnglandBankHolidays.FirstDate || asAt > EnglandBankHolidays.LastDate)
        {
            throw new ArgumentOutOfRangeException(
                nameof(asAt),
                asAt,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The as-at date must be between {EnglandBankHolidays.FirstDate:yyyy-MM-dd} and {EnglandBankHolidays.LastDate:yyyy-MM-dd}, the range of the working-day calendar."));
        }

        if (file.Child.DateOfDeath is { } died && died <= asAt)
        {
            return [];
        }

        var evaluation = new Evaluation(file, asAt, standards);
        evaluation.Run();
        return evaluation.Items;
    }

    /// <summary>Status on <paramref name="asAt"/> of something due on <paramref name="dueOn"/>.
    /// A completion after <paramref name="asAt"/> is not yet known, so counts as not done.</summary>
    public static ClockStatus StatusOn(DateOnly dueOn, DateOnly? completedOn, DateOnly asAt)
    {
        if (completedOn is { } done && done <= asAt)
        {
            return done <= dueOn ? ClockStatus.CompletedOnTime : ClockStatus.CompletedLate;
        }

        return asAt < dueOn ? ClockStatus.Upcoming : asAt == dueOn ? ClockStatus.DueToday : ClockStatus.Overdue;
    }

    /// <summary>One stage of a chain of recurring events: which rule it is, and when it is due.</summary>
    private readonly record struct Stage(string Rule, string Title, string Basis, DateOnly Due, bool OneOff);

    /// <summary>The working state of one <see cref="Evaluate"/> call.</summary>
    private sealed class Evaluation(ChildFile file, DateOnly asAt, LocalStandards standards)
    {
        private readonly List<ClockItem> items = [];

        public IReadOnlyList<ClockItem> Items => items;

        public void Run()
        {
            ContactDecisions();
            Assessments();
            Section47s();
            bool onPlan = ProtectionPlans();
            bool lookedAfter = LookedAfter();
            if (!onPlan && !lookedAfter)
            {
                // A child protection plan or a care plan supersedes a child in need plan.
                ChildInNeedPlans();
            }

            if (!lookedAfter)
            {
                PathwayPlanReviews();
            }

            PrivateFostering();
            Proceedings();
            Allegations();

            items.Sort(static (a, b) =>
            {
                int c = a.DueOn.CompareTo(b.DueOn);
                if (c == 0)
                {
                    c = a.StartedOn.CompareTo(b.StartedOn);
                }

                return c != 0 ? c : string.CompareOrdinal(a.Rule, b.Rule);
            });
        }

        // T1
        private void ContactDecisions()
        {
            foreach (var contact in file.Contacts)
            {
                var received = contact.ReceivedDate;
                if (!Counts(received))
                {
                    continue;
                }

                DateOnly? decided = contact.DecidedAt is { } at ? DateOnly.FromDateTime(at) : null;
                OneOff(
                    ClockRules.ContactDecision,
                    "Decision on contact",
                    $"Working Together 2023, decision within {WorkingDaysText(standards.ContactDecisionWorkingDays)} of the contact",
                    received,
                    DueDates.ContactDecisionDue(received, standards.ContactDecisionWorkingDays),
                    Known(decided));
            }
        }

        // T2, both clocks: Working Together counts from the referral (first assessment only: a later
        // re-assessment is not 45 days from a referral months ago); the DfE CIN census measure counts
        // every assessment from its own start.
        private void Assessments()
        {
            var referrals = new Dictionary<long, Referral>();
            foreach (var r in file.Referrals)
            {
                if (Counts(r.ReferralDate))
                {
                    referrals.TryAdd(r.Id, r);
                }
            }

            var firstByReferral = new Dictionary<long, Assessment>();
            foreach (var a in file.Assessments)
            {
                if (!Counts(a.StartDate))
                {
                    continue;
                }

                if (!firstByReferral.TryGetValue(a.ReferralId, out var first)
                    || a.StartDate < first.StartDate
                    || (a.StartDate == first.StartDate && a.Id < first.Id))
                {
                    firstByReferral[a.ReferralId] = a;
                }

                var completed = Known(a.AuthorisationDate);
                if (completed is null && referrals.TryGetValue(a.ReferralId, out var owner) && Known(owner.ClosureDate) is not null)
                {
                    continue; // case closed without the assessment being authorised: nothing left to be due
                }

                OneOff(
                    ClockRules.AssessmentFromStart,
                    "Assessment (45 working days from start)",
                    "DfE children in need census measure, 45 working days from the assessment start",
                    a.StartDate,
                    DueDates.AssessmentDue(a.StartDate),
                    completed);
            }

            foreach (var r in referrals.Values)
            {
                if (r.NoFurtherAction)
                {
                    continue;
                }

                bool closed = Known(r.ClosureDate) is not null;
                var completed = firstByReferral.TryGetValue(r.Id, out var first) ? Known(first.AuthorisationDate) : null;
                if (completed is null && closed)
                {
                    continue;
                }

                OneOff(
                    ClockRules.AssessmentFromReferral,
                    "Assessment (45 working days from referral)",
                    "Working Together 2023, 45 working days from the referral",
                    r.ReferralDate,
                    DueDates.AssessmentDue(r.ReferralDate),
                    completed);
            }
        }

        // T4
        private void Section47s()
        {
            foreach (var s47 in file.Section47s)
            {
                if (!Counts(s47.StartDate))
                {
                    continue;
                }

                var discussion = s47.StartDate;
                if (s47.StrategyDiscussionId is { } sdId)
                {
                    foreach (var sd in file.StrategyDiscussions)
                    {
                        if (sd.Id == sdId && sd.Date <= asAt)
                        {
                            discussion = sd.Date;
                            break;
                        }
                    }
                }

                if (!Counts(discussion))
                {
                    continue;
                }

                DateOnly? icpc = null;
                DateOnly? unlinked = null;
                foreach (var c in file.Conferences)
                {
                    if (c.Type != ConferenceType.Initial || c.Date > asAt)
                    {
                        continue;
                    }

                    if (c.Section47Id == s47.Id)
                    {
                        icpc = Earliest(icpc, c.Date);
                    }
                    else if (c.Section47Id is null && c.ReferralId == s47.ReferralId && c.Date >= s47.StartDate)
                    {
                        unlinked = Earliest(unlinked, c.Date);
                    }
                }

                icpc ??= unlinked;
                if (icpc is null)
                {
                    // Once the enquiry has ended, a conference is only due if the enquiry said so.
                    bool ended = Known(s47.EndDate) is not null;
                    if (ended && (s47.Outcome != Section47Outcome.ConferenceRequired || s47.IcpcNotRequired))
                    {
                        continue;
                    }
                }

                OneOff(
                    ClockRules.Icpc,
                    "Initial child protection conference",
                    $"Working Together 2023, {WorkingDaysText(standards.IcpcWorkingDays)} from the strategy discussion",
                    discussion,
                    DueDates.IcpcDue(discussion, standards.IcpcWorkingDays),
                    icpc);
            }
        }

        // T5–T8. Returns whether a plan is open on the as-at date.
        private bool ProtectionPlans()
        {
            bool any = false;
            foreach (var plan in file.ProtectionPlans)
            {
                if (!IsOpen(plan.StartDate, plan.EndDate))
                {
                    continue;
                }

                any = true;
                DateOnly? linkedIcpc = null;
                foreach (var c in file.Conferences)
                {
                    if (c.Type == ConferenceType.Initial && c.PlanId == plan.Id && c.Date <= asAt)
                    {
                        linkedIcpc = Earliest(linkedIcpc, c.Date);
                    }
                }

                var icpc = linkedIcpc ?? plan.StartDate;
                if (!Counts(icpc))
                {
                    continue;
                }

                var coreGroups = Dates(file.CoreGroups, g => g.PlanId == plan.Id, g => g.Date, icpc);
                var firstCoreGroupBasis = $"Working Together 2023, {WorkingDaysText(standards.FirstCoreGroupWorkingDays)} from the initial conference";
                var coreGroupBasis = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Local standard, not more than {standards.CoreGroupIntervalWeeks} weeks after the previous core group");
                Chain(icpc, coreGroups, (i, previous) => i == 0
                    ? new Stage(ClockRules.FirstCoreGroup, "First core group meeting", firstCoreGroupBasis, DueDates.FirstCoreGroupDue(previous, standards.FirstCoreGroupWorkingDays), OneOff: true)
                    : new Stage(ClockRules.CoreGroup, "Core group meeting", coreGroupBasis, DueDates.NextCoreGroupDue(previous, standards.CoreGroupIntervalWeeks), OneOff: false));

                var reviews = Dates(
                    file.Conferences,
                    c => c.Type == ConferenceType.Review && (c.PlanId == plan.Id || (c.PlanId is null && c.ReferralId == plan.ReferralId)) && c.Date > icpc,
                    c => c.Date,
                    icpc);
                Chain(icpc, reviews, static (i, previous) => i == 0
                    ? new Stage(ClockRules.FirstRcpc, "First review child protection conference", "Working Together 2023, within 3 months of the initial conference", DueDates.FirstRcpcDue(previous), OneOff: true)
                    : new Stage(ClockRules.Rcpc, "Review child protection conference", "Working Together 2023, not more than 6 months after the previous review conference", DueDates.NextRcpcDue(previous), OneOff: false));

                var visits = SeenVisits(VisitKind.ChildProtection, plan.StartDate);
                var visitBasis = $"Local standard, every {WorkingDaysText(standards.ChildProtectionVisitWorkingDays)}; the child must be seen";
                Chain(plan.StartDate, visits, (_, previous) =>
                    new Stage(ClockRules.ChildProtectionVisit, "Child protection visit", visitBasis, DueDates.NextCpVisitDue(previous, standards.ChildProtectionVisitWorkingDays), OneOff: false));
            }

            return any;
        }

        private void ChildInNeedPlans()
        {
            foreach (var plan in file.ChildInNeedPlans)
            {
                if (!IsOpen(plan.StartDate, plan.EndDate) || !Counts(plan.StartDate))
                {
                    continue;
                }

                var visitBasis = $"Local standard, every {WorkingDaysText(standards.ChildInNeedVisitWorkingDays)}; the child must be seen";
                Chain(plan.StartDate, SeenVisits(VisitKind.ChildInNeed, plan.StartDate), (_, previous) =>
                    new Stage(ClockRules.ChildInNeedVisit, "Child in need visit", visitBasis, DueDates.NextCinVisitDue(previous, standards.ChildInNeedVisitWorkingDays), OneOff: false));

                var reviewBasis = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Local standard, every {standards.ChildInNeedReviewMonths} months from the plan start or the previous review");
                var reviews = Dates(file.ChildInNeedReviews, r => r.PlanId == plan.Id, r => r.Date, plan.StartDate);
                Chain(plan.StartDate, reviews, (_, previous) =>
                    new Stage(ClockRules.ChildInNeedReview, "Child in need plan review", reviewBasis, DueDates.NextCinReviewDue(previous, standards.ChildInNeedReviewMonths), OneOff: false));
            }
        }

        // T10–T19. Returns whether the child is looked after on the as-at date.
        private bool LookedAfter()
        {
            var episodes = new List<CareEpisode>();
            foreach (var e in file.CareEpisodes)
            {
                if (e.StartDate <= asAt)
                {
                    episodes.Add(e);
                }
            }

            episodes.Sort(static (a, b) => a.StartDate != b.StartDate ? a.StartDate.CompareTo(b.StartDate) : a.Id.CompareTo(b.Id));
            int current = episodes.FindLastIndex(e => Known(e.EndDate) is null);
            if (current < 0)
            {
                return false;
            }

            var episode = episodes[current];
            if (episode.LegalStatus == LegalStatus.ShortBreaksEpisodes || episode.LegalStatus == LegalStatus.ShortBreaksAgreements)
            {
                return true; // reg 48 short breaks: not modelled (see remarks)
            }

            // The period of care runs back through episodes that follow on without a gap, to the one
            // that started it (RNE S). The placement runs back through changes that kept the same
            // carers (RNE L, T, U): only a change of carers (S, P, B) starts a placement for reg 28.
            int periodStart = current;
            while (periodStart > 0
                && episodes[periodStart].ReasonNew != ReasonNewEpisode.Started
                && episodes[periodStart - 1].EndDate == episodes[periodStart].StartDate)
            {
                periodStart--;
            }

            int placementStart = current;
            while (placementStart > periodStart && IsSameCarers(episodes[placementStart].ReasonNew))
            {
                placementStart--;
            }

            var became = episodes[periodStart].StartDate;
            var placed = episodes[placementStart].StartDate;
            if (!Counts(became))
            {
                return true;
            }

            var reviews = Dates(file.CareReviews, static _ => true, static r => r.Date, became);
            Chain(became, reviews, static (i, previous) => i switch
            {
                0 => new Stage(ClockRules.FirstClaReview, "First looked-after review", "CPPCR 2010 reg 33(1), within 20 working days of becoming looked after", DueDates.FirstClaReviewDue(previous), OneOff: true),
                1 => new Stage(ClockRules.SecondClaReview, "Second looked-after review", "CPPCR 2010 reg 33(2)(a), not more than 3 months after the first review", DueDates.SecondClaReviewDue(previous), OneOff: true),
                _ => new Stage(ClockRules.ClaReview, "Looked-after review", "CPPCR 2010 reg 33(2)(b), not more than 6 months after the previous review", DueDates.NextClaReviewDue(previous), OneOff: false),
            });

            // An assessment in the 3 months before care began means no new one is needed (reg 7).
            var health = Dates(
                file.HealthChecks,
                static h => h.Kind is HealthCheckKind.InitialHealthAssessment or HealthCheckKind.ReviewHealthAssessment,
                static h => h.Date,
                became.AddMonths(-3));
            var ihaBasis = $"Promoting the health and well-being of looked-after children 2015, within {WorkingDaysText(standards.InitialHealthAssessmentWorkingDays)} of becoming looked after";
            var dob = file.Child.DateOfBirth;
            Chain(became, health, (i, previous) => i == 0
                ? new Stage(ClockRules.InitialHealthAssessment, "Initial health assessment", ihaBasis, DueDates.IhaDue(previous, standards.InitialHealthAssessmentWorkingDays), OneOff: true)
                : new Stage(ClockRules.ReviewHealthAssessment, "Review health assessment", "Promoting the health and well-being of looked-after children 2015, every 6 months under 5, every 12 months from 5", DueDates.NextRhaDue(previous, dob), OneOff: false));

            ClaVisits(episodes, periodStart, current, placed, reviews);
            return true;
        }

        private void ClaVisits(List<CareEpisode> episodes, int periodStart, int current, DateOnly placed, List<DateOnly> reviews)
        {
            var episode = episodes[current];
            if (episode.Placement != PlacementType.WithParents)
            {
                bool longTerm = episode.Placement == PlacementType.KinshipLongTerm || episode.Placement == PlacementType.FosterLongTerm;
                Chain(placed, SeenVisits(VisitKind.LookedAfter, placed), (i, previous) => new Stage(
                    ClockRules.ClaVisit,
                    "Looked-after child visit",
                    longTerm
                        ? "CPPCR 2010 reg 28(2), within 1 week of the placement, then every 6 weeks in its first year, then every 3 months (long-term placement)"
                        : "CPPCR 2010 reg 28(2), within 1 week of the placement, then every 6 weeks",
                    i == 0 ? DueDates.FirstPlacementVisitDue(previous) : DueDates.NextClaVisitDue(previous, placed, longTerm),
                    OneOff: false));
                return;
            }

            if (episode.LegalStatus == LegalStatus.FullCareOrder)
            {
                // Within a week of the care order (or of moving home, if that came later), then 6 weeks.
                int order = current;
                while (order > periodStart && episodes[order - 1].LegalStatus == LegalStatus.FullCareOrder)
                {
                    order--;
                }

                var from = episodes[order].StartDate > placed ? episodes[order].StartDate : placed;
                Chain(from, SeenVisits(VisitKind.LookedAfter, from), (i, previous) => new Stage(
                    ClockRules.ClaVisitCareOrderAtHome,
                    "Looked-after child visit (at home under a care order)",
                    "CPPCR 2010 reg 28(5), within 1 week of the care order, then every 6 weeks",
                    i == 0 ? DueDates.FirstPlacementVisitDue(previous) : DueDates.NextClaVisitDue(previous, from, longTerm: false),
                    OneOff: false));
                return;
            }

            bool interim = episode.LegalStatus == LegalStatus.InterimCareOrder;
            DateOnly? firstReview = null;
            foreach (var r in reviews)
            {
                if (r >= placed)
                {
                    firstReview = r;
                    break;
                }
            }

            Chain(placed, SeenVisits(VisitKind.LookedAfter, placed), (_, previous) => interim
                ? new Stage(ClockRules.ClaVisitInterimCareOrderAtHome, "Looked-after child visit (at home under an interim care order)", "CPPCR 2010 reg 28(4), weekly until the first review, then every 4 weeks", DueDates.NextClaVisitPlacedWithParentDue(previous, firstReview, interimCareOrder: true), OneOff: false)
                : new Stage(ClockRules.ClaVisitPlacedWithParent, "Looked-after child visit (placed with parent)", "CPPCR 2010 reg 28(3), weekly until the first review, then every 6 weeks", DueDates.NextClaVisitPlacedWithParentDue(previous, firstReview, interimCareOrder: false), OneOff: false));
        }

        // T23. Pathway plan reviews are recorded on the care-leaver contacts (SSDA903 OC3). A care
        // leaver is owed them until 21 (25 on request, which the record does not show).
        private void PathwayPlanReviews()
        {
            if (file.CareLeaverContacts.Count == 0 || file.Child.AgeOn(asAt) is not (>= 16 and < 21))
            {
                return;
            }

            CareLeaverContact? latest = null;
            DateOnly? lastReview = null;
            foreach (var c in file.CareLeaverContacts)
            {
                if (c.ContactDate > asAt)
                {
                    continue;
                }

                if (latest is null || c.ContactDate > latest.ContactDate)
                {
                    latest = c;
                }

                if (Known(c.PathwayPlanReviewDate) is { } review)
                {
                    lastReview = lastReview is { } l && l > review ? l : review;
                }
            }

            if (latest is null || lastReview is not { } previous || latest.InTouch.Code is "DIED" or "NREQ")
            {
                return;
            }

            Add(new Stage(ClockRules.PathwayPlanReview, "Pathway plan review", "Care Leavers (England) Regulations 2010, not more than 6 months after the previous review", DueDates.NextPathwayPlanReviewDue(previous), OneOff: false), previous, null);
        }

        // T25–T26
        private void PrivateFostering()
        {
            foreach (var pf in file.PrivateFostering)
            {
                if (!IsOpen(pf.NotificationDate, pf.EndDate) || !Counts(pf.NotificationDate))
                {
                    continue;
                }

                // Reg 8 counts years from when the arrangement began, or from when we learned of it if later.
                var began = pf.StartDate > pf.NotificationDate ? pf.StartDate : pf.NotificationDate;
                Chain(pf.NotificationDate, SeenVisits(VisitKind.PrivateFostering, pf.NotificationDate), (i, previous) => i == 0
                    ? new Stage(ClockRules.PrivateFosteringFirstVisit, "First private fostering visit", "Children (Private Arrangements for Fostering) Regulations 2005 reg 4, within 7 working days of the notification", DueDates.PrivateFosteringFirstVisitDue(previous), OneOff: true)
                    : new Stage(ClockRules.PrivateFosteringVisit, "Private fostering visit", "Children (Private Arrangements for Fostering) Regulations 2005 reg 8, every 6 weeks in the first year, then every 12 weeks", DueDates.NextPrivateFosteringVisitDue(previous, began), OneOff: false));
            }
        }

        // T29
        private void Proceedings()
        {
            foreach (var p in file.CareProceedings)
            {
                // A final order with no hearing date: the proceedings are over but we cannot say
                // when, so there is no status to give (listing them as overdue for ever would be wrong).
                if (p.IssueDate > asAt || (p.FinalHearingDate is null && p.FinalOrder != FinalOrder.None))
                {
                    continue;
                }

                int extension = Math.Max(0, p.ExtensionWeeks);
                var basis = extension == 0
                    ? "Children Act 1989 s32(1)(a)(ii), within 26 weeks of issue"
                    : string.Create(CultureInfo.InvariantCulture, $"Children Act 1989 s32(1)(a)(ii) and (5), within 26 weeks of issue plus {extension} weeks' extension");
                OneOff(ClockRules.Proceedings, "Care proceedings concluded", basis, p.IssueDate, DueDates.ProceedingsDue(p.IssueDate, extension), Known(p.FinalHearingDate));
            }
        }

        // T30
        private void Allegations()
        {
            foreach (var a in file.Allegations)
            {
                if (!Counts(a.ReceivedDate))
                {
                    continue;
                }

                var decided = Known(a.InitialDecisionDate);
                if (decided is null && Known(a.ResolvedDate) is not null)
                {
                    continue;
                }

                OneOff(
                    ClockRules.LadoInitialDecision,
                    "LADO decision on initial action",
                    $"Working Together 2023 and Keeping children safe in education, within {WorkingDaysText(standards.LadoInitialDecisionWorkingDays)} of the allegation",
                    a.ReceivedDate,
                    DueDates.LadoInitialDecisionDue(a.ReceivedDate, standards.LadoInitialDecisionWorkingDays),
                    decided);
            }
        }

        /// <summary>
        /// A chain of events where each is due a set time after the one before: <paramref name="occurrences"/>
        /// are the events held (sorted, distinct, none before <paramref name="start"/> or after as-at) and
        /// <paramref name="stage"/> gives the rule and due date of event i from the date it counts from.
        /// Lists the next event due and, if the last one held was a one-off stage, that one while recent.
        /// </summary>
        private void Chain(DateOnly start, List<DateOnly> occurrences, Func<int, DateOnly, Stage> stage)
        {
            int held = occurrences.Count;
            var previous = held == 0 ? start : occurrences[held - 1];
            if (held > 0)
            {
                var from = held == 1 ? start : occurrences[held - 2];
                var last = stage(held - 1, from);
                if (last.OneOff && IsRecent(previous))
                {
                    Add(last, from, previous);
                }
            }

            Add(stage(held, previous), previous, null);
        }

        private void OneOff(string rule, string title, string basis, DateOnly started, DateOnly due, DateOnly? completed)
        {
            if (completed is not { } done || IsRecent(done))
            {
                Add(new Stage(rule, title, basis, due, OneOff: true), started, completed);
            }
        }

        private void Add(Stage stage, DateOnly started, DateOnly? completed) =>
            items.Add(new ClockItem(stage.Rule, stage.Title, stage.Basis, started, stage.Due, completed, StatusOn(stage.Due, completed, asAt)));

        private List<DateOnly> SeenVisits(VisitKind kind, DateOnly from) =>
            Dates(file.Visits, v => v.Kind == kind && v.ChildSeen, static v => v.Date, from);

        /// <summary>Distinct dates, ascending, of the records that match, from <paramref name="from"/> to as-at.</summary>
        private List<DateOnly> Dates<T>(IReadOnlyList<T> records, Func<T, bool> match, Func<T, DateOnly> date, DateOnly from)
        {
            var dates = new List<DateOnly>();
            foreach (var r in records)
            {
                var d = date(r);
                if (d >= from && d <= asAt && match(r))
                {
                    dates.Add(d);
                }
            }

            if (dates.Count > 1)
            {
                dates.Sort();
                int kept = 1;
                for (int i = 1; i < dates.Count; i++)
                {
                    if (dates[i] != dates[kept - 1])
                    {
                        dates[kept++] = dates[i];
                    }
                }

                dates.RemoveRange(kept, dates.Count - kept);
            }

            return dates;
        }

        private bool IsOpen(DateOnly start, DateOnly? end) => start <= asAt && Known(end) is null;

        private bool IsRecent(DateOnly done) => asAt.DayNumber - done.DayNumber <= RecentlyCompletedDays;

        /// <summary>A date that is known on the as-at date, i.e. not after it.</summary>
        private DateOnly? Known(DateOnly? d) => d <= asAt ? d : null;

        /// <summary>A start event the clock can count from: on or before as-at, and inside the
        /// working-day calendar (records from before 2000 are long closed and cannot be counted).</summary>
        private bool Counts(DateOnly d) => d <= asAt && d >= EnglandBankHolidays.FirstDate;

        private static DateOnly? Earliest(DateOnly? current, DateOnly candidate) =>
            current is { } c && c <= candidate ? c : candidate;

        private static bool IsSameCarers(ReasonNewEpisode reason) =>
            reason == ReasonNewEpisode.LegalStatusChange
            || reason == ReasonNewEpisode.SameCarerMove
            || reason == ReasonNewEpisode.LegalAndPlacementSameCarer;

        private static string WorkingDaysText(int n) =>
            n == 1 ? "1 working day" : string.Create(CultureInfo.InvariantCulture, $"{n} working days");
    }
}
