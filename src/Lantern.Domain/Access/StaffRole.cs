namespace Lantern.Domain.Access;

/// <summary>What a person does in (or for) children's services. Each account has exactly one role;
/// what the role may do is in <see cref="AccessMatrix"/> and, for a child's record, also depends on
/// the person's relationship to the child (<see cref="ChildAccessPolicy"/>).</summary>
public enum StaffRole
{
    SocialWorker = 1,

    /// <summary>Newly qualified social worker in the Assessed and Supported Year in Employment.</summary>
    NewlyQualifiedSocialWorker = 2,

    /// <summary>Advanced practitioner or assistant team manager.</summary>
    AdvancedPractitioner = 3,
    TeamManager = 4,
    ServiceManager = 5,

    /// <summary>Head of service or director of children's services.</summary>
    Director = 6,

    /// <summary>Independent reviewing officer or child protection conference chair.</summary>
    ReviewingOfficer = 7,

    /// <summary>Local authority designated officer for allegations against people who work with children.</summary>
    Lado = 8,
    EarlyHelpPractitioner = 9,
    BusinessSupport = 10,
    PerformanceAnalyst = 11,

    /// <summary>Case auditor (quality assurance): sees the children in the audits assigned to them.</summary>
    Auditor = 12,
    ImprovementBoardMember = 13,

    /// <summary>Police, school or health professional who makes referrals.</summary>
    PartnerReferrer = 14,

    /// <summary>Manages accounts; no access to children's records by default.</summary>
    SystemAdministrator = 15,

    /// <summary>The council's data protection officer: reads the audit, never the records themselves.</summary>
    DataProtectionOfficer = 16,
}

/// <summary>Something a role may be allowed to do. Pages and endpoints each require one.</summary>
public enum Permission
{
    /// <summary>Search for children and see that a child is known and who to contact.</summary>
    FindChildren = 1,

    /// <summary>Open a child's record, subject to a relationship with the child (or broken glass).</summary>
    ViewChildRecords = 2,

    /// <summary>Open a record outside one's own work with a written reason, audited and reported.</summary>
    BreakGlass = 3,

    /// <summary>Numbers about the service with small counts suppressed; never names.</summary>
    ViewAggregates = 4,

    /// <summary>"Who has seen this record" for a child whose record one may open, or any child for the DPO.</summary>
    ViewRecordAudit = 5,

    /// <summary>The unusual-access alerts across the council.</summary>
    ViewAccessAlerts = 6,

    /// <summary>Break-glass access by the people one manages.</summary>
    ViewTeamBreakGlass = 7,

    /// <summary>Create, lock and unlock accounts, reset sign-in devices.</summary>
    ManageAccounts = 8,

    /// <summary>Read the whole audit trail and check its integrity.</summary>
    ViewAuditTrail = 9,

    /// <summary>Record a contact at the front door, finding or creating the child.</summary>
    RecordContacts = 10,

    /// <summary>Record casework (decisions, assessments, meetings, plans, visits, notes) on the
    /// records of children they may open.</summary>
    RecordCasework = 11,

    /// <summary>Authorise assessments, sign off screening decisions and step-downs.</summary>
    AuthoriseCasework = 12,

    /// <summary>See the team's work: awaiting authorisation, overdue and unallocated.</summary>
    ViewTeamWork = 13,

    /// <summary>Allocate, reallocate and unallocate children, and record a worker leaving (their
    /// children reallocated or moved to the unallocated queue first).</summary>
    AllocateWork = 14,

    /// <summary>Record personal supervision of the workers they supervise.</summary>
    RecordSupervision = 15,

    /// <summary>Set the council's workforce standards: caseload weights and thresholds, supervision
    /// cadence, the management oversight period.</summary>
    SetWorkforceStandards = 16,

    /// <summary>Set, change and remove the council's indicator targets (and their amber margins).</summary>
    SetIndicatorTargets = 17,

    /// <summary>Load the statistical-neighbour and regional benchmarks from an analyst's CSV file.</summary>
    LoadBenchmarks = 18,

    /// <summary>Export the statutory returns (CIN census, SSDA903, Annex A, workforce census) and see
    /// the recorded return jobs: child-level data about every child in the return, so it is audited.</summary>
    ExportReturns = 19,

    /// <summary>Import a CIN census or SSDA903 return made by another system into the record.</summary>
    ImportReturns = 20,
}
