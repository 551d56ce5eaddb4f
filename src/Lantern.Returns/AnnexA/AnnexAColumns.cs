namespace Lantern.Returns.AnnexA;

/// <summary>
/// The column headings of the eleven Annex A lists, in order: the common child columns first, then the
/// list's own (domain reference section 3). The wording is the standard template's as the LIIA Annex A
/// pipeline names its columns, where section 3 gives a shortened form (for example "CPP Start Date" is
/// "Child Protection Plan Start Date"). Until Ofsted renames them (the LIIA 2026 schema renames Gender
/// to Sex), the child's sex is under "Gender".
/// </summary>
public static class AnnexAColumns
{
    public const string ChildId = "Child Unique ID";
    public const string AllocatedTeam = "Allocated Team";
    public const string AllocatedWorker = "Allocated Worker";
    public const string Disability = "Does the Child have a Disability";

    public static IReadOnlyList<string> Common { get; } = [ChildId, "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"];

    public static IReadOnlyList<string> List1 { get; } = [.. Common, "Date of Contact", "Contact Source"];

    public static IReadOnlyList<string> List2 { get; } =
        [.. Common, "Assessment start date", "Assessment completion date", "Organisation completing assessment"];

    public static IReadOnlyList<string> List3 { get; } =
        [.. Common, "Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months", AllocatedTeam, AllocatedWorker];

    public static IReadOnlyList<string> List4 { get; } =
    [
        .. Common, Disability, "Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
        "Continuous Assessment Date of Authorisation", "Was the child assessed as requiring LA children's social care support?",
        AllocatedTeam, AllocatedWorker,
    ];

    public static IReadOnlyList<string> List5 { get; } =
    [
        .. Common, Disability, "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months",
        AllocatedTeam, AllocatedWorker,
    ];

    public static IReadOnlyList<string> List6 { get; } =
    [
        .. Common, Disability, "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen", "CIN Closure Date",
        "Reason for Closure", "Case Status", AllocatedTeam, AllocatedWorker,
    ];

    public static IReadOnlyList<string> List7 { get; } =
    [
        .. Common, Disability, "Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
        "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference",
        "Child Protection Plan End Date",
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
        "Number of Previous Child Protection Plans", AllocatedTeam, AllocatedWorker,
    ];

    public static IReadOnlyList<string> List8 { get; } =
    [
        .. Common, "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", Disability,
        "Date Started to be Looked After", "Child's Category of Need",
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
        "Start date of current legal status", "Child's Legal Status", "Date of Latest Statutory Review",
        "Date of Last Social Work Visit", "What is the permanence plan for this child?",
        "Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment", "Date of Last Dental Check",
        "Number of Placements in the Last 12 months", "Date Ceased to be Looked After", "Reason Ceased to be Looked After",
        "Start Date of Most Recent Placement", "Placement Type", "Placement Provider", "Placement postcode",
        "URN of Placement", "Placement Location", "LA of Placement",
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
        "Was the child offered a Return Interview after their last missing episode (Y/N)?",
        "Did the child accept a Return Interview after their last missing episode (Y/N)?",
        AllocatedTeam, AllocatedWorker,
    ];

    public static IReadOnlyList<string> List9 { get; } =
    [
        .. Common, "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", Disability,
        AllocatedTeam, AllocatedWorker, "Allocated Personal Advisor", "Eligibility Category",
        "Latest Pathway Plan Review Date", "LA in Touch", "Latest Date of Contact", "Type of Accommodation",
        "Suitability of Accommodation", "Activity Status",
    ];

    public static IReadOnlyList<string> List10 { get; } =
    [
        .. Common, "Family identifier", Disability, "Date the Child Entered Care",
        "Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order",
        "Date of Matching Child and Prospective Adopters", "Date Placed for Adoption", "Date of Adoption Order",
        "Date of Decision that Child Should No Longer be Placed for Adoption",
        "Reason Why Child No Longer Placed for Adoption",
        "Date the child was placed for fostering in FFA or concurrent planning placement",
    ];

    /// <summary>List 11 is of adopters, not children: it has no common child columns.</summary>
    public static IReadOnlyList<string> List11 { get; } =
    [
        "Individual adopter identifier", "Family identifier", "Gender", "Ethnicity", "Disability",
        "Is the (prospective) adopter fostering for adoption?", "Date enquiry received", "Date Stage 1 started",
        "Date Stage 1 ended", "Date Stage 2 started", "Date Stage 2 ended", "Date application submitted",
        "Date application approved", "Date adopter matched with child(ren)", "Date child/children placed with adopter(s)",
        "No. of children placed", "Date of Adoption Order", "Date of leaving adoption process",
        "Reason for leaving adoption process",
    ];

    public static IReadOnlyList<string> Notes { get; } = ["List", "Column", "What Lantern writes"];
}
