using System.Collections.Frozen;

namespace Lantern.Domain.Access;

/// <summary>The role matrix: which role may do what. Everything not listed is denied. A child's
/// record needs <see cref="Permission.ViewChildRecords"/> and a relationship with the child as well
/// (<see cref="ChildAccessPolicy"/>). docs/security.md prints this table; a test keeps them equal.</summary>
public static class AccessMatrix
{
    private static readonly FrozenDictionary<StaffRole, FrozenSet<Permission>> Matrix = new Dictionary<StaffRole, Permission[]>
    {
        [StaffRole.SocialWorker] = [Permission.FindChildren, Permission.ViewChildRecords, Permission.BreakGlass, Permission.RecordContacts, Permission.RecordCasework],
        [StaffRole.NewlyQualifiedSocialWorker] = [Permission.FindChildren, Permission.ViewChildRecords, Permission.BreakGlass, Permission.RecordContacts, Permission.RecordCasework],
        [StaffRole.AdvancedPractitioner] = [Permission.FindChildren, Permission.ViewChildRecords, Permission.BreakGlass, Permission.RecordContacts, Permission.RecordCasework, Permission.AuthoriseCasework, Permission.ViewTeamWork, Permission.AllocateWork, Permission.RecordSupervision],
        [StaffRole.TeamManager] = [Permission.FindChildren, Permission.ViewChildRecords, Permission.BreakGlass, Permission.ViewAggregates, Permission.ViewRecordAudit, Permission.ViewTeamBreakGlass, Permission.RecordContacts, Permission.RecordCasework, Permission.AuthoriseCasework, Permission.ViewTeamWork, Permission.AllocateWork, Permission.RecordSupervision],
        [StaffRole.ServiceManager] = [Permission.FindChildren, Permission.ViewChildRecords, Permission.BreakGlass, Permission.ViewAggregates, Permission.ViewRecordAudit, Permission.ViewTeamBreakGlass, Permission.RecordContacts, Permission.RecordCasework, Permission.AuthoriseCasework, Permission.ViewTeamWork, Permission.AllocateWork, Permission.RecordSupervision, Permission.SetWorkforceStandards, Permission.SetIndicatorTargets],
        [StaffRole.Director] = [Permission.FindChildren, Permission.ViewChildRecords, Permission.ViewAggregates, Permission.ViewRecordAudit, Permission.ViewTeamBreakGlass, Permission.ViewAccessAlerts, Permission.ViewTeamWork, Permission.SetWorkforceStandards, Permission.SetIndicatorTargets, Permission.LoadBenchmarks, Permission.ExportReturns],
        [StaffRole.ReviewingOfficer] = [Permission.FindChildren, Permission.ViewChildRecords, Permission.BreakGlass, Permission.RecordCasework],
        [StaffRole.Lado] = [Permission.FindChildren, Permission.ViewChildRecords, Permission.BreakGlass, Permission.RecordCasework],
        [StaffRole.EarlyHelpPractitioner] = [Permission.FindChildren, Permission.ViewChildRecords, Permission.BreakGlass, Permission.RecordContacts, Permission.RecordCasework],
        [StaffRole.BusinessSupport] = [Permission.FindChildren, Permission.ViewChildRecords, Permission.RecordContacts],
        [StaffRole.PerformanceAnalyst] = [Permission.ViewAggregates, Permission.SetIndicatorTargets, Permission.LoadBenchmarks],
        [StaffRole.Auditor] = [Permission.FindChildren, Permission.ViewChildRecords, Permission.ViewAggregates],
        [StaffRole.ImprovementBoardMember] = [Permission.ViewAggregates],
        [StaffRole.PartnerReferrer] = [],
        [StaffRole.SystemAdministrator] = [Permission.ManageAccounts],
        [StaffRole.DataProtectionOfficer] = [Permission.FindChildren, Permission.ViewRecordAudit, Permission.ViewAccessAlerts, Permission.ViewAuditTrail],
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet());

    /// <summary>Permissions a performance analyst gains when their account is given named-data
    /// access (for data-quality and returns work); by default analysts see numbers only. The returns
    /// carry every child's identifiers and dates of birth, so exporting and importing them needs it too.</summary>
    public static IReadOnlyList<Permission> AnalystNamedData { get; } =
        [Permission.FindChildren, Permission.ViewChildRecords, Permission.ExportReturns, Permission.ImportReturns];

    public static IReadOnlyList<StaffRole> Roles { get; } = [.. Enum.GetValues<StaffRole>()];

    public static IReadOnlySet<Permission> PermissionsOf(StaffRole role) =>
        Matrix.TryGetValue(role, out var permissions) ? permissions : FrozenSet<Permission>.Empty;

    /// <summary>Whether an account with <paramref name="role"/> (and, for analysts, named-data
    /// access) may do <paramref name="permission"/>.</summary>
    public static bool Allows(StaffRole role, Permission permission, bool namedDataAccess = false) =>
        PermissionsOf(role).Contains(permission)
        || (namedDataAccess && role == StaffRole.PerformanceAnalyst && AnalystNamedData.Contains(permission));

    /// <summary>Plain-English name of a role, as shown to users and in docs/security.md.</summary>
    public static string Title(StaffRole role) => role switch
    {
        StaffRole.SocialWorker => "Social worker",
        StaffRole.NewlyQualifiedSocialWorker => "Newly qualified social worker (ASYE)",
        StaffRole.AdvancedPractitioner => "Advanced practitioner or assistant team manager",
        StaffRole.TeamManager => "Team manager",
        StaffRole.ServiceManager => "Service manager",
        StaffRole.Director => "Head of service or director of children's services",
        StaffRole.ReviewingOfficer => "Independent reviewing officer or conference chair",
        StaffRole.Lado => "Allegations officer (LADO)",
        StaffRole.EarlyHelpPractitioner => "Early help practitioner",
        StaffRole.BusinessSupport => "Business support",
        StaffRole.PerformanceAnalyst => "Performance analyst",
        StaffRole.Auditor => "Auditor",
        StaffRole.ImprovementBoardMember => "Improvement board member",
        StaffRole.PartnerReferrer => "Partner referrer (police, school, health)",
        StaffRole.SystemAdministrator => "System administrator",
        StaffRole.DataProtectionOfficer => "Data protection officer",
        _ => role.ToString(),
    };

    /// <summary>Plain-English description of a permission.</summary>
    public static string Describe(Permission permission) => permission switch
    {
        Permission.FindChildren => "Find a child and see that they are known and who to contact",
        Permission.ViewChildRecords => "Open the records of children they work with (see relationships)",
        Permission.BreakGlass => "Open another child's record with a written reason (audited, reported to their manager)",
        Permission.ViewAggregates => "See numbers about the service, small counts suppressed, never names",
        Permission.ViewRecordAudit => "See who has looked at a child's record",
        Permission.ViewAccessAlerts => "See alerts about unusual access across the council",
        Permission.ViewTeamBreakGlass => "See break-glass access by the people they manage",
        Permission.ManageAccounts => "Create, lock and unlock accounts and reset sign-in devices",
        Permission.ViewAuditTrail => "Read the whole audit trail and check that it is intact",
        Permission.RecordContacts => "Record a contact at the front door, finding or creating the child",
        Permission.RecordCasework => "Record casework on the records of children they may open",
        Permission.AuthoriseCasework => "Authorise assessments, sign off screening decisions and step-downs",
        Permission.ViewTeamWork => "See their team's work: awaiting authorisation, overdue and unallocated",
        Permission.AllocateWork => "Allocate, reallocate and unallocate children and record a worker leaving",
        Permission.RecordSupervision => "Record personal supervision of the workers they supervise",
        Permission.SetWorkforceStandards => "Set the council's caseload weights, supervision cadence and oversight period",
        Permission.SetIndicatorTargets => "Set the council's indicator targets and the margins that make a value amber",
        Permission.LoadBenchmarks => "Load statistical-neighbour and regional benchmarks from a CSV file",
        Permission.ExportReturns => "Export the statutory returns (CIN census, SSDA903, Annex A, workforce census) and see the return jobs",
        Permission.ImportReturns => "Import a CIN census or SSDA903 return made by another system",
        _ => permission.ToString(),
    };
}
