using Lantern.Domain.Calendar;

namespace Lantern.Domain.Clock;

public static partial class StatutoryClock
{
    /// <summary>
    /// Each timescale as one function from its start event to its due date: the single home of the
    /// numbers, called by <see cref="Evaluate"/>, the metrics and the return validators alike.
    /// </summary>
    /// <remarks>
    /// <para>Working days: the start event is day 0, so "within 15 working days" of a Thursday
    /// discussion counts from the Friday and skips weekends and England bank holidays
    /// (<see cref="WorkingDays.AddWorkingDays"/>). The result is the last day that is on time.</para>
    /// <para>Months: "within 3 months of d" (and "not more than 6 months after d") is due on
    /// <c>d.AddMonths(n)</c>, the same day-of-month n months later. Where that month is shorter,
    /// <see cref="DateOnly.AddMonths"/> clamps to its last day, so 31 August + 6 months is 28 February
    /// (29 in a leap year) and 30 November + 3 months is 28/29 February. We clamp rather than roll over
    /// into the next month because a review held on the last day of the shorter month is plainly
    /// within the period; rolling over would allow more than n months.</para>
    /// <para>Weeks are exact multiples of 7 days, so "within 1 week" of a Monday is the next Monday.</para>
    /// </remarks>
    public static class DueDates
    {
        /// <summary>Working days for a child and family assessment (T2).</summary>
        public const int AssessmentWorkingDays = 45;

        /// <summary>Working days from becoming looked after to the first review (T10, CPPCR reg 33(1)).</summary>
        public const int FirstClaReviewWorkingDays = 20;

        /// <summary>Working days from notification to the first private fostering visit (T25, PF Regs 2005 reg 4).</summary>
        public const int PrivateFosteringFirstVisitWorkingDays = 7;

        /// <summary>Weeks within which the court should dispose of care proceedings (T29, CA1989 s32(1)(a)(ii)).</summary>
        public const int ProceedingsWeeks = 26;

        /// <summary>T1: decision on a contact.</summary>
        public static DateOnly ContactDecisionDue(
            DateOnly received, int workingDays = LocalStandards.DefaultContactDecisionWorkingDays) =>
            WorkingDays.AddWorkingDays(received, workingDays);

        /// <summary>T2: assessment within 45 working days. Pass the referral date for the Working
        /// Together clock, or the assessment start date for the DfE CIN census measure.</summary>
        public static DateOnly AssessmentDue(DateOnly from) => WorkingDays.AddWorkingDays(from, AssessmentWorkingDays);

        /// <summary>T4: initial child protection conference within 15 working days of the strategy
        /// discussion at which the section 47 enquiry was started.</summary>
        public static DateOnly IcpcDue(DateOnly strategyDiscussion, int workingDays = LocalStandards.DefaultIcpcWorkingDays) =>
            WorkingDays.AddWorkingDays(strategyDiscussion, workingDays);

        /// <summary>T5: first core group within 10 working days of the initial conference.</summary>
        public static DateOnly FirstCoreGroupDue(DateOnly icpc, int workingDays = LocalStandards.DefaultFirstCoreGroupWorkingDays) =>
            WorkingDays.AddWorkingDays(icpc, workingDays);

        /// <summary>T5: later core groups, at the local interval after the previous one.</summary>
        public static DateOnly NextCoreGroupDue(DateOnly previous, int intervalWeeks = LocalStandards.DefaultCoreGroupIntervalWeeks) =>
            AddWeeks(previous, intervalWeeks);

        /// <summary>T6: first review child protection conference within 3 months of the initial conference.</summary>
        public static DateOnly FirstRcpcDue(DateOnly icpc) => icpc.AddMonths(3);

        /// <summary>T7: later review conferences not more than 6 months after the previous one.</summary>
        public static DateOnly NextRcpcDue(DateOnly previous) => previous.AddMonths(6);

        /// <summary>T8: next visit to a child on a child protection plan (local standard).</summary>
        public static DateOnly NextCpVisitDue(
            DateOnly previous, int workingDays = LocalStandards.DefaultChildProtectionVisitWorkingDays) =>
            WorkingDays.AddWorkingDays(previous, workingDays);

        /// <summary>T10: first looked-after review within 20 working days of becoming looked after.</summary>
        public static DateOnly FirstClaReviewDue(DateOnly becameLookedAfter) =>
            WorkingDays.AddWorkingDays(becameLookedAfter, FirstClaReviewWorkingDays);

        /// <summary>T11: second review not more than 3 months after the first.</summary>
        public static DateOnly SecondClaReviewDue(DateOnly firstReview) => firstReview.AddMonths(3);

        /// <summary>T12: later reviews not more than 6 months after the previous one.</summary>
        public static DateOnly NextClaReviewDue(DateOnly previousReview) => previousReview.AddMonths(6);

        /// <summary>T13 (reg 28(2)(a)) and T16 (reg 28(5)(a)): a visit within 1 week of the start of
        /// a placement, or of the care order for a child living at home.</summary>
        public static DateOnly FirstPlacementVisitDue(DateOnly placementStart) => AddWeeks(placementStart, 1);

        /// <summary>
        /// T13 (reg 28(2)(b)–(c)): after a visit in the first year of the placement, the next is due
        /// within 6 weeks; after a visit once the placement is a year old, within 3 months if the
        /// placement is intended to last until 18 (<paramref name="longTerm"/>, SSDA903 U1/U4),
        /// otherwise still 6 weeks. Also T16 (reg 28(5)(b)) with <paramref name="longTerm"/> false.
        /// </summary>
        /// <remarks>The interval is fixed by the date of the previous visit: a visit made 11 months
        /// into a long-term placement still needs the next within 6 weeks.</remarks>
        public static DateOnly NextClaVisitDue(DateOnly previousVisit, DateOnly placementStart, bool longTerm) =>
            longTerm && previousVisit >= placementStart.AddYears(1) ? previousVisit.AddMonths(3) : AddWeeks(previousVisit, 6);

        /// <summary>
        /// T14 (reg 28(3), placed with a parent before assessment) and T15 (reg 28(4), at home under an
        /// interim care order): weekly until the first looked-after review, then within 6 weeks (T14) or
        /// 4 weeks (T15, <paramref name="interimCareOrder"/>). Pass the placement start as
        /// <paramref name="previousVisit"/> for the first visit.
        /// </summary>
        /// <param name="firstReview">The first review held on or after the placement start, if held yet.</param>
        public static DateOnly NextClaVisitPlacedWithParentDue(DateOnly previousVisit, DateOnly? firstReview, bool interimCareOrder) =>
            firstReview is not { } review || previousVisit < review
                ? AddWeeks(previousVisit, 1)
                : AddWeeks(previousVisit, interimCareOrder ? 4 : 6);

        /// <summary>T18: initial health assessment within 20 working days of becoming looked after.</summary>
        public static DateOnly IhaDue(
            DateOnly becameLookedAfter, int workingDays = LocalStandards.DefaultInitialHealthAssessmentWorkingDays) =>
            WorkingDays.AddWorkingDays(becameLookedAfter, workingDays);

        /// <summary>T19: review health assessment 6 months after the previous one for a child under 5 on
        /// the day of that assessment, otherwise 12 months. An unknown date of birth gets the shorter
        /// interval, so that a missing date never makes a child's check look less urgent.</summary>
        public static DateOnly NextRhaDue(DateOnly previous, DateOnly? dateOfBirth) =>
            dateOfBirth is { } dob && previous >= dob.AddYears(5) ? previous.AddMonths(12) : previous.AddMonths(6);

        /// <summary>T23: pathway plan review not more than 6 months after the previous one.</summary>
        public static DateOnly NextPathwayPlanReviewDue(DateOnly previous) => previous.AddMonths(6);

        /// <summary>T25: first private fostering visit within 7 working days of the notification.</summary>
        public static DateOnly PrivateFosteringFirstVisitDue(DateOnly notification) =>
            WorkingDays.AddWorkingDays(notification, PrivateFosteringFirstVisitWorkingDays);

        /// <summary>T26 (PF Regs 2005 reg 8): within 6 weeks of a visit in the first year of the
        /// arrangement, 12 weeks after that.</summary>
        public static DateOnly NextPrivateFosteringVisitDue(DateOnly previousVisit, DateOnly arrangementStart) =>
            AddWeeks(previousVisit, previousVisit < arrangementStart.AddYears(1) ? 6 : 12);

        /// <summary>T29: care or supervision proceedings disposed of within 26 weeks (182 days) of issue,
        /// plus any extensions the court has granted.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="extensionWeeks"/> is negative.</exception>
        public static DateOnly ProceedingsDue(DateOnly issue, int extensionWeeks)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(extensionWeeks);
            return AddWeeks(issue, ProceedingsWeeks + extensionWeeks);
        }

        /// <summary>T30: LADO decision on initial action within 1 working day of the allegation.</summary>
        public static DateOnly LadoInitialDecisionDue(
            DateOnly received, int workingDays = LocalStandards.DefaultLadoInitialDecisionWorkingDays) =>
            WorkingDays.AddWorkingDays(received, workingDays);

        /// <summary>Next visit to a child on a child in need plan (local standard).</summary>
        public static DateOnly NextCinVisitDue(DateOnly previous, int workingDays = LocalStandards.DefaultChildInNeedVisitWorkingDays) =>
            WorkingDays.AddWorkingDays(previous, workingDays);

        /// <summary>Next review of a child in need plan, counted from the plan start or the previous review (local standard).</summary>
        public static DateOnly NextCinReviewDue(DateOnly previous, int months = LocalStandards.DefaultChildInNeedReviewMonths) =>
            previous.AddMonths(months);

        private static DateOnly AddWeeks(DateOnly d, int weeks) => d.AddDays(7 * weeks);
    }
}
