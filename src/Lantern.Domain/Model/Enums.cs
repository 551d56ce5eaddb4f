namespace Lantern.Domain.Model;

// Lantern's own (non-DfE) lists. DfE code lists live in Lantern.Domain.Codes.
public enum ContactOutcome
{
    Pending = 0,
    NoFurtherAction = 1,
    AdviceAndSignposting = 2,
    EarlyHelp = 3,
    Referral = 4,
    StrategyDiscussion = 5,
}

public enum EarlyHelpEndReason
{
    Completed = 1,
    SteppedUpToSocialCare = 2,
    DisengagedOrDeclined = 3,
    MovedAway = 4,
    Other = 5,
}

public enum AssessmentOutcome
{
    Pending = 0,
    NoFurtherAction = 1,
    ChildInNeedPlan = 2,
    StrategyDiscussion = 3,
    EarlyHelp = 4,
    LookedAfter = 5,
}

public enum StrategyDecision
{
    Section47 = 1,
    NoSection47 = 2,
}

public enum Section47Outcome
{
    Pending = 0,
    ConferenceRequired = 1,
    ConcernsNotSubstantiated = 2,
    ChildInNeedPlan = 3,
}

public enum ConferenceType
{
    Initial = 1,
    Review = 2,
}

public enum ConferenceOutcome
{
    PlanStarted = 1,
    NoPlan = 2,
    PlanContinues = 3,
    PlanEnded = 4,
}

public enum PlanEndReason
{
    SteppedDownToChildInNeed = 1,
    BecameLookedAfter = 2,
    NoLongerRequired = 3,
    MovedAway = 4,
    Other = 5,
}

public enum VisitKind
{
    ChildProtection = 1,
    LookedAfter = 2,
    ChildInNeed = 3,
    PrivateFostering = 4,
    CareLeaver = 5,
    Assessment = 6,
    Other = 7,
}

public enum HealthCheckKind
{
    InitialHealthAssessment = 1,
    ReviewHealthAssessment = 2,
    DentalCheck = 3,
}

public enum RelationshipType
{
    Mother = 1,
    Father = 2,
    StepParent = 3,
    Grandparent = 4,
    Sibling = 5,
    HalfSibling = 6,
    OtherRelative = 7,
    ParentsPartner = 8,
    Carer = 9,
    Other = 10,
}

public enum ProfessionalRole
{
    Gp = 1,
    HealthVisitor = 2,
    SchoolDesignatedLead = 3,
    SchoolNurse = 4,
    Police = 5,
    Paediatrician = 6,
    Camhs = 7,
    YouthJustice = 8,
    Housing = 9,
    Probation = 10,
    Other = 11,
}

public enum WorkerRole
{
    SocialWorker = 1,
    AdvancedPractitioner = 2,
    TeamManager = 3,
    ServiceManager = 4,
    HeadOfService = 5,
    Director = 6,
    IndependentReviewingOfficer = 7,
    Lado = 8,
    EarlyHelpPractitioner = 9,
    PersonalAdviser = 10,
    BusinessSupport = 11,
    PerformanceAnalyst = 12,
}

public enum EmploymentType
{
    Employed = 1,
    Agency = 2,
}

public enum TeamService
{
    FrontDoor = 1,
    Assessment = 2,
    ChildInNeedAndProtection = 3,
    ChildrenInCare = 4,
    CareLeavers = 5,
    EarlyHelp = 6,
    Disability = 7,
    Adoption = 8,
    Reviewing = 9,
    Leadership = 10,
}

public enum SupervisionKind
{
    Case = 1,
    Personal = 2,
}

public enum AbsenceKind
{
    Sickness = 1,
    AnnualLeave = 2,
    Other = 3,
}

public enum PanelType
{
    LegalGateway = 1,
    ResourceAndPlacement = 2,
    EdgeOfCare = 3,
}

public enum PanelOutcome
{
    Pending = 0,
    Approved = 1,
    Declined = 2,
    Deferred = 3,
}

public enum PreProceedingsOutcome
{
    Ongoing = 0,
    Diverted = 1,
    ProceedingsIssued = 2,
    Ended = 3,
}

public enum FinalOrder
{
    None = 0,
    CareOrder = 1,
    SupervisionOrder = 2,
    SpecialGuardianshipOrder = 3,
    ChildArrangementsOrder = 4,
    PlacementOrder = 5,
    NoOrder = 6,
    Withdrawn = 7,
}

public enum AllegationOutcome
{
    Open = 0,
    Substantiated = 1,
    Unsubstantiated = 2,
    Unfounded = 3,
    False = 4,
    Malicious = 5,
}

public enum NoteStatus
{
    Draft = 1,
    Completed = 2,
}

public enum CaseNoteKind
{
    Visit = 1,
    PhoneCall = 2,
    Meeting = 3,
    ManagementOversight = 4,
    Supervision = 5,
    Correspondence = 6,
    Other = 7,
}

public enum EarlyHelpReviewKind
{
    TeamAroundFamily = 1,
    PlanReview = 2,
}
