using Lantern.Domain.Codes;

namespace Lantern.Domain.Model;

/// <summary>An episode of being looked after, as the SSDA903 Episodes table models it: a new
/// episode starts at every change of legal status or placement.</summary>
public sealed class CareEpisode : ChildRecord
{
    public DateOnly StartDate { get; set; }

    public ReasonNewEpisode ReasonNew { get; set; }

    public LegalStatus LegalStatus { get; set; }

    public PrimaryNeed CategoryOfNeed { get; set; }

    public PlacementType Placement { get; set; }

    public PlacementProvider? Provider { get; set; }

    public string? HomePostcode { get; set; }

    public string? PlacementPostcode { get; set; }

    public string? Urn { get; set; }

    public DateOnly? EndDate { get; set; }

    public ReasonEpisodeCeased? ReasonEnded { get; set; }

    public PlacementChangeReason? ReasonPlacementChanged { get; set; }
}

/// <summary>A looked-after (statutory) review.</summary>
public sealed class CareReview : ChildRecord
{
    public DateOnly Date { get; set; }

    public ReviewParticipation Participation { get; set; }

    public long? IroWorkerId { get; set; }
}

public sealed class HealthCheck : ChildRecord
{
    public HealthCheckKind Kind { get; set; }

    public DateOnly Date { get; set; }
}

/// <summary>The yearly outcomes of a child looked after for 12 months (SSDA903 OC2), as at 31 March.</summary>
public sealed class AnnualOutcome : ChildRecord
{
    public DateOnly YearEnding { get; set; }

    public int? SdqScore { get; set; }

    public SdqReason? SdqReason { get; set; }

    public bool Convicted { get; set; }

    public bool ImmunisationsUpToDate { get; set; }

    public bool SubstanceMisuse { get; set; }

    public bool InterventionReceived { get; set; }

    public bool InterventionOffered { get; set; }
}

public sealed class MissingEpisode : ChildRecord
{
    public MissingType Type { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool? ReturnInterviewOffered { get; set; }

    public bool? ReturnInterviewAccepted { get; set; }
}

/// <summary>Contact with a care leaver around their birthday (SSDA903 OC3).</summary>
public sealed class CareLeaverContact : ChildRecord
{
    public DateOnly ContactDate { get; set; }

    public CareLeaverInTouch InTouch { get; set; }

    public CareLeaverActivity Activity { get; set; }

    public CareLeaverAccommodation Accommodation { get; set; }

    public DateOnly? PathwayPlanReviewDate { get; set; }
}

/// <summary>Adoption milestones (SSDA903 AD1 and PlacedAdoption, Annex A list 10).</summary>
public sealed class AdoptionRecord : ChildRecord
{
    /// <summary>Decision that the child should be placed for adoption (DATE_PLACED).</summary>
    public DateOnly DecisionDate { get; set; }

    public DateOnly? PlacementOrderDate { get; set; }

    /// <summary>Date of the match (DATE_MATCH).</summary>
    public DateOnly? MatchDate { get; set; }

    /// <summary>Date the child moved in with the adoptive family.</summary>
    public DateOnly? PlacedDate { get; set; }

    public DateOnly? AdoptionOrderDate { get; set; }

    /// <summary>Date the LA was notified of the adopters' interest (DATE_INT).</summary>
    public DateOnly? InterestDate { get; set; }

    public bool FosterCarerAdoption { get; set; }

    public int? NumberOfAdopters { get; set; }

    public AdopterSex? AdopterSex { get; set; }

    public AdopterLegalStatus? AdopterLegalStatus { get; set; }

    public DateOnly? NoLongerPlacedDate { get; set; }

    public NoLongerPlacedReason? NoLongerPlacedReason { get; set; }
}

public sealed class PreviousPermanenceRecord : ChildRecord
{
    public PreviousPermanence Type { get; set; }

    /// <summary>Date in 903 partial-date form (dd/MM/yyyy, zz/MM/yyyy or zz/zz/yyyy), if known.</summary>
    public string? Date { get; set; }

    public string? LaCode { get; set; }
}
