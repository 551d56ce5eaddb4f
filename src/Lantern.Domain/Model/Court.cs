namespace Lantern.Domain.Model;

/// <summary>Pre-proceedings under the Public Law Outline.</summary>
public sealed class PreProceedings : ChildRecord
{
    /// <summary>Date of the letter before proceedings.</summary>
    public DateOnly StartDate { get; set; }

    public DateOnly? MeetingDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public PreProceedingsOutcome Outcome { get; set; }
}

/// <summary>Care or supervision proceedings, to be disposed of within 26 weeks of issue.</summary>
public sealed class CareProceedings : ChildRecord
{
    public DateOnly IssueDate { get; set; }

    /// <summary>Extensions granted by the court, in weeks (each at most 8).</summary>
    public int ExtensionWeeks { get; set; }

    public DateOnly? FinalHearingDate { get; set; }

    public FinalOrder FinalOrder { get; set; }
}

public sealed class PrivateFosteringArrangement : ChildRecord
{
    public DateOnly NotificationDate { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public string CarerName { get; set; } = "";
}

/// <summary>An allegation against a person who works with children, managed by the LADO.</summary>
public sealed class Allegation : Entity
{
    /// <summary>The child concerned, where the allegation relates to a known child.</summary>
    public long? ChildId { get; set; }

    public DateOnly ReceivedDate { get; set; }

    public string Sector { get; set; } = "";

    public string PersonRole { get; set; } = "";

    public string Category { get; set; } = "";

    public long? LadoWorkerId { get; set; }

    public DateOnly? InitialDecisionDate { get; set; }

    public DateOnly? ResolvedDate { get; set; }

    public AllegationOutcome Outcome { get; set; }
}
