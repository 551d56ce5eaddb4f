namespace Lantern.Domain.Clock;

/// <summary>Where a timescale stands on the as-at date.</summary>
public enum ClockStatus
{
    /// <summary>Not done, and the due date is still to come.</summary>
    Upcoming = 0,

    /// <summary>Not done, and due on the as-at date.</summary>
    DueToday = 1,

    /// <summary>Not done, and the due date has passed.</summary>
    Overdue = 2,

    /// <summary>Done on or before the due date.</summary>
    CompletedOnTime = 3,

    /// <summary>Done after the due date.</summary>
    CompletedLate = 4,
}

/// <summary>One timescale that applies to a child on the as-at date.</summary>
/// <param name="Rule">Stable identifier from <see cref="ClockRules"/>, e.g. "T4-icpc-15wd".</param>
/// <param name="Title">What is due, in plain English (GOV.UK sentence case).</param>
/// <param name="Basis">Where the timescale comes from and how it is counted.</param>
/// <param name="StartedOn">The event that started the clock (e.g. the strategy discussion or the last visit).</param>
/// <param name="DueOn">The last day on which the event is on time.</param>
/// <param name="CompletedOn">When the event happened, if it has by the as-at date.</param>
/// <param name="Status">Status on the as-at date.</param>
public sealed record ClockItem(
    string Rule,
    string Title,
    string Basis,
    DateOnly StartedOn,
    DateOnly DueOn,
    DateOnly? CompletedOn,
    ClockStatus Status);

/// <summary>The stable rule identifiers, numbered as in the domain reference section 1 (T1–T31).
/// Pages, alerts and metrics filter on these, so never rename one.</summary>
public static class ClockRules
{
    public const string ContactDecision = "T1-contact-decision";
    public const string AssessmentFromReferral = "T2-assessment-45wd-referral";
    public const string AssessmentFromStart = "T2-assessment-45wd-start";
    public const string Icpc = "T4-icpc-15wd";
    public const string FirstCoreGroup = "T5-first-core-group";
    public const string CoreGroup = "T5-core-group";
    public const string FirstRcpc = "T6-first-rcpc";
    public const string Rcpc = "T7-rcpc";
    public const string ChildProtectionVisit = "T8-cp-visit";
    public const string FirstClaReview = "T10-first-cla-review";
    public const string SecondClaReview = "T11-second-cla-review";
    public const string ClaReview = "T12-cla-review";
    public const string ClaVisit = "T13-cla-visit";
    public const string ClaVisitPlacedWithParent = "T14-cla-visit-placed-with-parent";
    public const string ClaVisitInterimCareOrderAtHome = "T15-cla-visit-interim-care-order-at-home";
    public const string ClaVisitCareOrderAtHome = "T16-cla-visit-care-order-at-home";
    public const string InitialHealthAssessment = "T18-iha";
    public const string ReviewHealthAssessment = "T19-rha";
    public const string PathwayPlanReview = "T23-pathway-plan-review";
    public const string PrivateFosteringFirstVisit = "T25-pf-first-visit";
    public const string PrivateFosteringVisit = "T26-pf-visit";
    public const string Proceedings = "T29-proceedings-26-weeks";
    public const string LadoInitialDecision = "T30-lado-initial";
    public const string ChildInNeedVisit = "CIN-visit";
    public const string ChildInNeedReview = "CIN-review";
}
