using Lantern.Domain.Codes;

namespace Lantern.Domain.Model;

/// <summary>A contact to the front door (MASH) about a child.</summary>
public sealed class Contact : ChildRecord
{
    /// <summary>When the contact was received (UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    public ReferralSource Source { get; set; }

    public string? Summary { get; set; }

    /// <summary>When the screening decision was made (UTC); null while awaiting a decision.</summary>
    public DateTime? DecidedAt { get; set; }

    public long? DecidedByWorkerId { get; set; }

    public ContactOutcome Outcome { get; set; }

    /// <summary>The worker who recorded the contact (front door access follows from it).</summary>
    public long? RecordedByWorkerId { get; set; }

    /// <summary>Why the screening decision was made (the rationale a manager signs off).</summary>
    public string? DecisionReason { get; set; }

    /// <summary>The manager who signed off the screening decision, where the council requires it.</summary>
    public long? SignedOffByWorkerId { get; set; }

    /// <summary>When the decision was signed off (UTC).</summary>
    public DateTime? SignedOffAt { get; set; }

    public DateOnly ReceivedDate => DateOnly.FromDateTime(ReceivedAt);
}

/// <summary>An early help episode; may run alongside social care involvement.</summary>
public sealed class EarlyHelpEpisode : ChildRecord
{
    public DateOnly StartDate { get; set; }

    public DateOnly? AssessmentStartDate { get; set; }

    public DateOnly? AssessmentCompletedDate { get; set; }

    public string Organisation { get; set; } = "";

    public long? LeadWorkerId { get; set; }

    public DateOnly? EndDate { get; set; }

    public EarlyHelpEndReason? EndReason { get; set; }

    /// <summary>Set when this episode began as a step-down from social care.</summary>
    public bool IsStepDown { get; set; }
}

/// <summary>A meeting of an early help episode: the team around the family, or a review of the
/// family's plan.</summary>
public sealed class EarlyHelpReview : ChildRecord
{
    public long EpisodeId { get; set; }

    public EarlyHelpReviewKind Kind { get; set; }

    public DateOnly Date { get; set; }

    public string Notes { get; set; } = "";
}

/// <summary>A significant event a practitioner adds to the child's chronology by hand (a house
/// move, a new partner in the household, a hospital admission).</summary>
public sealed class SignificantEvent : ChildRecord
{
    public DateOnly Date { get; set; }

    public string Title { get; set; } = "";

    public string Detail { get; set; } = "";

    public long? RecordedByWorkerId { get; set; }

    public DateTime RecordedAt { get; set; }
}
