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
