using Lantern.Domain.Codes;

namespace Lantern.Domain.Model;

public sealed class Team : Entity
{
    public string Name { get; set; } = "";

    public TeamService Service { get; set; }

    /// <summary>Established full-time-equivalent social work posts.</summary>
    public decimal EstablishmentFte { get; set; }
}

public sealed class Worker : Entity
{
    /// <summary>Staff identifier (SW_ID in the SSDA903 social worker table).</summary>
    public string StaffId { get; set; } = "";

    public string GivenName { get; set; } = "";

    public string FamilyName { get; set; } = "";

    public WorkerRole Role { get; set; }

    public long TeamId { get; set; }

    public long? ManagerId { get; set; }

    /// <summary>Social Work England registration number, e.g. SW123456.</summary>
    public string? Registration { get; set; }

    public EmploymentType Employment { get; set; }

    /// <summary>Newly qualified: in the Assessed and Supported Year in Employment until this date.</summary>
    public DateOnly? AsyeEndDate { get; set; }

    public decimal Fte { get; set; } = 1m;

    public DateOnly StartDate { get; set; }

    public DateOnly? LeftDate { get; set; }

    public string DisplayName => $"{GivenName} {FamilyName}";

    public bool IsInPost(DateOnly date) => StartDate <= date && (LeftDate is null || LeftDate >= date);

    public bool IsAsyeOn(DateOnly date) => AsyeEndDate is { } end && date <= end && date >= StartDate;

    public bool HoldsCases => Role is WorkerRole.SocialWorker or WorkerRole.AdvancedPractitioner or WorkerRole.PersonalAdviser;
}

/// <summary>A period in which a child is allocated to a worker; the 903 social worker episodes
/// are this history.</summary>
public sealed class Allocation : ChildRecord
{
    public long WorkerId { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public SocialWorkerChangeReason? Reason { get; set; }

    public bool IsOpenOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);
}

/// <summary>Case supervision (about one child) or personal supervision (of one worker).</summary>
public sealed class Supervision : Entity
{
    public SupervisionKind Kind { get; set; }

    public long WorkerId { get; set; }

    public long SupervisorId { get; set; }

    public long? ChildId { get; set; }

    public DateOnly Date { get; set; }

    public string Discussion { get; set; } = "";

    /// <summary>What was decided (case supervision: about the child's plan).</summary>
    public string Decisions { get; set; } = "";

    public string Actions { get; set; } = "";
}

/// <summary>A period a worker was away: sickness (counted in the census absence rate) or leave.
/// Both pause the worker's supervision clock.</summary>
public sealed class WorkerAbsence : Entity
{
    public long WorkerId { get; set; }

    public AbsenceKind Kind { get; set; }

    /// <summary>The first day away.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>The last day away (inclusive).</summary>
    public DateOnly EndDate { get; set; }
}

/// <summary>A recorded management oversight decision on a child's case.</summary>
public sealed class ManagementDecision : ChildRecord
{
    public long ManagerId { get; set; }

    public DateOnly Date { get; set; }

    public string Decision { get; set; } = "";

    public string Rationale { get; set; } = "";
}

public sealed class PanelDecision : ChildRecord
{
    public PanelType Panel { get; set; }

    public DateOnly RequestDate { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public PanelOutcome Outcome { get; set; }

    public string Notes { get; set; } = "";
}

public sealed class Visit : ChildRecord
{
    public long? WorkerId { get; set; }

    public DateOnly Date { get; set; }

    public VisitKind Kind { get; set; }

    public bool ChildSeen { get; set; }

    public bool ChildSeenAlone { get; set; }
}

/// <summary>A case note. Completed notes are immutable; a correction is a new note that
/// names the note it corrects.</summary>
public sealed class CaseNote : ChildRecord
{
    public long AuthorId { get; set; }

    public DateTime RecordedAt { get; set; }

    public DateOnly EventDate { get; set; }

    public CaseNoteKind Kind { get; set; }

    public NoteStatus Status { get; set; }

    public string Text { get; set; } = "";

    public bool? ChildSeen { get; set; }

    public bool? ChildSeenAlone { get; set; }

    public long? CorrectsNoteId { get; set; }
}

/// <summary>ONS mid-year population estimate for one ward, single year of age.</summary>
public sealed class PopulationEstimate : Entity
{
    public int Year { get; set; }

    public string Ward { get; set; } = "";

    public int Age { get; set; }

    public int Count { get; set; }
}

/// <summary>A ward of the authority with its deprivation decile (1 = most deprived 10%).</summary>
public sealed class WardInfo : Entity
{
    public string Name { get; set; } = "";

    public int DeprivationDecile { get; set; }

    public string PostcodeDistrict { get; set; } = "";
}

/// <summary>The council this database belongs to and its local standards.</summary>
public sealed class LocalAuthority : Entity
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Profile { get; set; } = "";

    public int Seed { get; set; }

    public DateOnly DataFrom { get; set; }

    public DateOnly DataTo { get; set; }

    public int ChildProtectionVisitWorkingDays { get; set; } = 10;

    public int ChildInNeedVisitWorkingDays { get; set; } = 20;

    public int ChildInNeedReviewMonths { get; set; } = 3;

    /// <summary>Whether a manager must sign off every front door screening decision.</summary>
    public bool ContactSignOffRequired { get; set; } = true;

    /// <summary>A step-down from protection to child in need within this many months of the plan
    /// starting is listed for review.</summary>
    public int StepDownReviewMonths { get; set; } = 3;

    /// <summary>Goes up by one with every write to any child's file, in the same transaction (see
    /// <see cref="Child.FileVersion"/>), and with every change to a worker, team, supervision or
    /// absence: lists drawn from every file or the workforce (what waits for authorisation, supervision
    /// due) are kept while it has not moved.</summary>
    public long RecordStamp { get; set; }

    /// <summary>The council's workforce standards (caseload weights and thresholds, supervision
    /// cadence, management oversight period) as JSON; null for the defaults. See
    /// <see cref="Staffing.WorkforceStandards"/>.</summary>
    public string? WorkforceStandards { get; set; }
}
