using Lantern.Domain.Model;

namespace Lantern.Domain.Access;

/// <summary>How much of a child's record someone may see.</summary>
public enum ChildAccessLevel
{
    /// <summary>Not even that the child exists (restricted records, or no permission to find children).</summary>
    Hidden = 0,

    /// <summary>That the child is known, and who to contact; nothing of the record.</summary>
    KnownOnly = 1,

    /// <summary>The record.</summary>
    Full = 2,
}

/// <summary>Why someone may see a child's record: written into every audit entry of a read.</summary>
public enum AccessBasis
{
    None = 0,
    AllocatedWorker = 1,
    ManagementLine = 2,
    Team = 3,
    Service = 4,
    WholeService = 5,
    ReviewingOfficer = 6,
    Allegation = 7,
    CaseAudit = 8,
    NamedPerson = 9,
    BreakGlass = 10,
    PerformanceData = 11,
    FrontDoor = 12,

    /// <summary>A manager allocating a child who waits in their unallocated queue (the child's last
    /// worker is someone whose work they see): the allocation pages only.</summary>
    UnallocatedQueue = 13,
}

/// <summary>Kinds of explicit, time-limited access to one child's record.</summary>
public enum AccessGrantKind
{
    /// <summary>An auditor's case in an audit assigned to them.</summary>
    CaseAudit = 1,

    /// <summary>A person named on a restricted record (children of staff, sealed adoption).</summary>
    NamedPerson = 2,

    /// <summary>Broken glass: a written reason, audited and reported to the person's manager.</summary>
    BreakGlass = 3,
}

/// <summary>The facts about the person asking that the decision needs.</summary>
/// <param name="Role">Their role.</param>
/// <param name="WorkerId">Their worker record, when they are on the council's workforce.</param>
/// <param name="TeamId">Their team.</param>
/// <param name="Service">Their team's service (for service managers).</param>
/// <param name="ManagedWorkerIds">Everyone below them in the management line, at any depth.</param>
/// <param name="NamedDataAccess">A performance analyst given named-data access.</param>
public sealed record StaffContext(
    StaffRole Role,
    long? WorkerId,
    long? TeamId,
    TeamService? Service,
    IReadOnlySet<long> ManagedWorkerIds,
    bool NamedDataAccess = false);

/// <summary>The facts about the child that the decision needs, as at today.</summary>
/// <param name="IsRestricted">A restricted record (hidden from everyone but named people).</param>
/// <param name="AllocatedWorkerIds">Workers with an open allocation (and early help lead workers).</param>
/// <param name="TeamIds">The teams of those workers.</param>
/// <param name="Services">The services of those teams.</param>
/// <param name="ReviewingOfficerIds">The child's reviewing officers and conference chairs.</param>
/// <param name="HasAllegation">The child is the subject of an allegation against someone who works with children.</param>
/// <param name="Grants">Active grants to the person asking, for this child.</param>
/// <param name="AtFrontDoor">The child has a contact awaiting a screening decision, or one received
/// within <see cref="ChildAccessPolicy.FrontDoorDays"/> days.</param>
/// <param name="ContactRecorderIds">The workers who recorded those contacts.</param>
public sealed record ChildContext(
    bool IsRestricted,
    IReadOnlySet<long> AllocatedWorkerIds,
    IReadOnlySet<long> TeamIds,
    IReadOnlySet<TeamService> Services,
    IReadOnlySet<long> ReviewingOfficerIds,
    bool HasAllegation,
    IReadOnlySet<AccessGrantKind> Grants,
    bool AtFrontDoor = false,
    IReadOnlySet<long>? ContactRecorderIds = null);

/// <summary>The decision and the reason for it.</summary>
public readonly record struct ChildAccessDecision(ChildAccessLevel Level, AccessBasis Basis)
{
    public bool CanOpen => Level == ChildAccessLevel.Full;
}

/// <summary>Relationship-based access to a child's record, in one place. The rules, in order:
/// a restricted record is hidden from everyone except people named on it (who still need a role
/// that opens records); without permission to
/// open records a person sees at most that the child is known; then the record opens for the
/// allocated worker, anyone above them in the management line, their team, a service manager of
/// their service, the head of service or director, the child's reviewing officer, the front door
/// (anyone in a front door team, and whoever recorded the contact) while a contact about the child
/// awaits a decision or was received in the last <see cref="FrontDoorDays"/> days, the LADO when the
/// child is the subject of an allegation, an auditor with the case in their audit, an analyst with
/// named-data access, or someone who has broken the glass. Everyone else sees that the child is
/// known and who to contact.</summary>
public static class ChildAccessPolicy
{
    /// <summary>How long after a contact the front door keeps access to the child's record.</summary>
    public const int FrontDoorDays = 30;

    public static ChildAccessDecision Decide(StaffContext staff, ChildContext child)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(child);
        var canFind = AccessMatrix.Allows(staff.Role, Permission.FindChildren, staff.NamedDataAccess);
        var canOpen = AccessMatrix.Allows(staff.Role, Permission.ViewChildRecords, staff.NamedDataAccess);

        if (child.IsRestricted)
        {
            // Hidden from everyone not named on it; a named person still needs a role that opens
            // records (a data protection officer named on one sees only that the child is known).
            if (!child.Grants.Contains(AccessGrantKind.NamedPerson))
            {
                return new(ChildAccessLevel.Hidden, AccessBasis.None);
            }

            return canOpen
                ? new(ChildAccessLevel.Full, AccessBasis.NamedPerson)
                : new(canFind ? ChildAccessLevel.KnownOnly : ChildAccessLevel.Hidden, AccessBasis.None);
        }

        if (!canOpen)
        {
            return new(canFind ? ChildAccessLevel.KnownOnly : ChildAccessLevel.Hidden, AccessBasis.None);
        }

        if (staff.WorkerId is { } me)
        {
            if (child.AllocatedWorkerIds.Contains(me))
            {
                return Full(AccessBasis.AllocatedWorker);
            }

            if (child.AllocatedWorkerIds.Overlaps(staff.ManagedWorkerIds))
            {
                return Full(AccessBasis.ManagementLine);
            }

            if (child.ReviewingOfficerIds.Contains(me) && staff.Role == StaffRole.ReviewingOfficer)
            {
                return Full(AccessBasis.ReviewingOfficer);
            }
        }

        if (staff.TeamId is { } team && child.TeamIds.Contains(team) && IsTeamRole(staff.Role))
        {
            return Full(AccessBasis.Team);
        }

        if (staff.Role == StaffRole.ServiceManager && staff.Service is { } service && child.Services.Contains(service))
        {
            return Full(AccessBasis.Service);
        }

        if (staff.Role == StaffRole.Director)
        {
            return Full(AccessBasis.WholeService);
        }

        if (child.AtFrontDoor && AccessMatrix.Allows(staff.Role, Permission.RecordContacts)
            && (staff.Service == TeamService.FrontDoor || (staff.WorkerId is { } recorder && child.ContactRecorderIds?.Contains(recorder) == true)))
        {
            return Full(AccessBasis.FrontDoor);
        }

        if (staff.Role == StaffRole.Lado && child.HasAllegation)
        {
            return Full(AccessBasis.Allegation);
        }

        if (staff.Role == StaffRole.Auditor && child.Grants.Contains(AccessGrantKind.CaseAudit))
        {
            return Full(AccessBasis.CaseAudit);
        }

        if (staff.Role == StaffRole.PerformanceAnalyst && staff.NamedDataAccess)
        {
            return Full(AccessBasis.PerformanceData);
        }

        if (child.Grants.Contains(AccessGrantKind.BreakGlass) && AccessMatrix.Allows(staff.Role, Permission.BreakGlass))
        {
            return Full(AccessBasis.BreakGlass);
        }

        return new(ChildAccessLevel.KnownOnly, AccessBasis.None);
    }

    /// <summary>Whether the basis is the person's own work (as opposed to a role-wide view or broken
    /// glass). Opening many records outside one's own work in a short time raises an alert.</summary>
    public static bool IsOwnWork(AccessBasis basis) => basis is AccessBasis.AllocatedWorker or AccessBasis.ManagementLine
        or AccessBasis.Team or AccessBasis.ReviewingOfficer or AccessBasis.FrontDoor or AccessBasis.Allegation or AccessBasis.CaseAudit or AccessBasis.NamedPerson or AccessBasis.UnallocatedQueue;

    private static bool IsTeamRole(StaffRole role) => role is StaffRole.SocialWorker or StaffRole.NewlyQualifiedSocialWorker
        or StaffRole.AdvancedPractitioner or StaffRole.TeamManager or StaffRole.BusinessSupport or StaffRole.EarlyHelpPractitioner;

    private static ChildAccessDecision Full(AccessBasis basis) => new(ChildAccessLevel.Full, basis);
}
