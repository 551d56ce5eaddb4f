using Lantern.Domain.Codes;

namespace Lantern.Domain.Model;

/// <summary>A referral and the episode of children's social care that follows it until closure
/// (one CINdetails group of the CIN census).</summary>
public sealed class Referral : ChildRecord
{
    public DateOnly ReferralDate { get; set; }

    public ReferralSource Source { get; set; }

    public PrimaryNeed? PrimaryNeed { get; set; }

    /// <summary>Referral closed with no further action (ReferralNFA).</summary>
    public bool NoFurtherAction { get; set; }

    public long? ContactId { get; set; }

    public DateOnly? ClosureDate { get; set; }

    public ClosureReason? ClosureReason { get; set; }
}

/// <summary>A child and family assessment under section 17 or 47.</summary>
public sealed class Assessment : ChildRecord
{
    public long ReferralId { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>The date the manager authorised (completed) the assessment.</summary>
    public DateOnly? AuthorisationDate { get; set; }

    public long? AuthorisedByWorkerId { get; set; }

    public List<AssessmentFactor> Factors { get; set; } = [];

    public bool ChildSeen { get; set; }

    public DateOnly? ChildSeenDate { get; set; }

    public AssessmentOutcome Outcome { get; set; }

    /// <summary>Why no further action (required with that outcome).</summary>
    public string? OutcomeReason { get; set; }

    /// <summary>When the worker sent the completed assessment to their manager to authorise.</summary>
    public DateOnly? SubmittedOn { get; set; }

    public long? SubmittedByWorkerId { get; set; }
}

public sealed class StrategyDiscussion : ChildRecord
{
    public long ReferralId { get; set; }

    public DateOnly Date { get; set; }

    public string Participants { get; set; } = "";

    public StrategyDecision Decision { get; set; }
}

public sealed class Section47Enquiry : ChildRecord
{
    public long ReferralId { get; set; }

    public long? StrategyDiscussionId { get; set; }

    /// <summary>S47ActualStartDate: the date of the strategy discussion that initiated the enquiry.</summary>
    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool IcpcNotRequired { get; set; }

    public Section47Outcome Outcome { get; set; }
}

public sealed class ChildProtectionConference : ChildRecord
{
    public long ReferralId { get; set; }

    public long? Section47Id { get; set; }

    public long? PlanId { get; set; }

    public ConferenceType Type { get; set; }

    public DateOnly Date { get; set; }

    public ConferenceOutcome Outcome { get; set; }

    public long? ChairWorkerId { get; set; }
}

public sealed class ChildProtectionPlan : ChildRecord
{
    public long ReferralId { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public AbuseCategory InitialCategory { get; set; }

    public AbuseCategory LatestCategory { get; set; }

    /// <summary>Number of previous child protection plans (NumberOfPreviousCPP).</summary>
    public int PreviousPlans { get; set; }

    public PlanEndReason? EndReason { get; set; }

    public long? StepDownAuthorisedByWorkerId { get; set; }

    /// <summary>When a worker proposed stepping down to a child in need plan; awaiting a manager.</summary>
    public DateOnly? StepDownProposedOn { get; set; }

    public long? StepDownProposedByWorkerId { get; set; }
}

public sealed class CoreGroupMeeting : ChildRecord
{
    public long PlanId { get; set; }

    public DateOnly Date { get; set; }
}

public sealed class ChildInNeedPlan : ChildRecord
{
    public long ReferralId { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }
}

public sealed class ChildInNeedPlanReview : ChildRecord
{
    public long PlanId { get; set; }

    public DateOnly Date { get; set; }
}
