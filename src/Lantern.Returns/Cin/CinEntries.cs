using Lantern.Domain.Model;

namespace Lantern.Returns.Cin;

// One child's census entry with every value as the year's file writes it. Export projects the live record into
// these and writes them; import reads them from a file and compares them with the projection of what is stored,
// so "equal" means "the export of that year would write the same".

internal sealed class CinChildEntry
{
    public string LaChildId { get; set; } = "";

    public string? Upn { get; set; }

    public string? FormerUpn { get; set; }

    public string? UpnUnknown { get; set; }

    public DateOnly? BirthDate { get; set; }

    public DateOnly? ExpectedBirthDate { get; set; }

    /// <summary>GenderCurrent or Sex, coded as the year's file codes it.</summary>
    public string Sex { get; set; } = "";

    public DateOnly? DeathDate { get; set; }

    public string Ethnicity { get; set; } = "";

    public List<string> Disabilities { get; } = [];

    public List<CinDetailsEntry> Details { get; } = [];

    /// <summary>Where the child starts in the file (import only).</summary>
    public long Line { get; set; }
}

internal sealed class CinDetailsEntry
{
    public DateOnly ReferralDate { get; set; }

    public string Source { get; set; } = "";

    public string? PrimaryNeed { get; set; }

    public DateOnly? ClosureDate { get; set; }

    public string? ClosureReason { get; set; }

    /// <summary>DateOfInitialCPC at CINdetails level: a conference not following any Section47 of the group.</summary>
    public DateOnly? InitialCpc { get; set; }

    public List<CinAssessmentEntry> Assessments { get; } = [];

    public List<CinPlanDatesEntry> CinPlans { get; } = [];

    public List<CinSection47Entry> Section47s { get; } = [];

    public bool Nfa { get; set; }

    public List<CinProtectionPlanEntry> ProtectionPlans { get; } = [];

    public Referral? Record { get; set; }
}

internal sealed class CinAssessmentEntry
{
    public DateOnly Start { get; set; }

    public DateOnly? Authorised { get; set; }

    public List<string> Factors { get; } = [];

    public Assessment? Record { get; set; }
}

internal sealed class CinPlanDatesEntry
{
    public DateOnly Start { get; set; }

    public DateOnly? End { get; set; }

    public ChildInNeedPlan? Record { get; set; }
}

internal sealed class CinSection47Entry
{
    public DateOnly Start { get; set; }

    public DateOnly? InitialCpcTarget { get; set; }

    public DateOnly? InitialCpc { get; set; }

    public bool IcpcNotRequired { get; set; }

    public Section47Enquiry? Record { get; set; }
}

internal sealed class CinProtectionPlanEntry
{
    public DateOnly Start { get; set; }

    public DateOnly? End { get; set; }

    public string InitialCategory { get; set; } = "";

    public string LatestCategory { get; set; } = "";

    public int PreviousPlans { get; set; }

    public List<DateOnly> Reviews { get; } = [];

    public ChildProtectionPlan? Record { get; set; }
}
