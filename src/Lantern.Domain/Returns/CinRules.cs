using Lantern.Domain.Calendar;
using Lantern.Domain.Codes;
using Lantern.Domain.Identifiers;

namespace Lantern.Domain.Returns;

/// <summary>
/// One DfE CIN census validation rule that can be judged from one child's record: its code, severity and
/// message exactly as in the DfE rules for 2025-26, the item it names, and a test that yields one key per
/// failing occurrence (the records involved), or nothing when the rule passes or cannot be evaluated.
/// </summary>
internal sealed record CinRule(
    string Code,
    ReturnIssueSeverity Severity,
    string Field,
    string Message,
    Func<CinCensusView, IEnumerable<string>> Failures)
{
    public ReturnIssue Issue => new(Code, Message, Severity, Field);
}

/// <summary>
/// The CIN census rules (DfE validation rules 2025-26) that one child's record can fail. Add a rule by adding
/// a row. Rules left out need the whole return (1520, 8510, 2886Q, 2887Q, 2888Q), data Lantern does not
/// hold (100 header, 8870Q target date), or are met by how the return is built from the record: 8568 and 8730
/// (ReferralNFA and the number of previous plans are always recorded), 8590 (a child is returned only with a
/// referral) and 8614 (factors are recorded when the worker sends the assessment for authorisation and are
/// returned only with its authorisation date). 1530 reports only when characters 2–4 are not digits: the list
/// of LA codes is outside data. Factor rules (8869, 8898, 8945Q, 8950Q) read the recorded factors, so they warn
/// at submission, before the factors are returned. The DfE judges 8670Q, 8675Q and the early bound of 8530Q at
/// the ReferenceDate; here they are judged at the as-at date (which is the ReferenceDate on 31 March), so a page
/// does not warn about an assessment, enquiry or expected birth whose time has not yet run out.
/// </summary>
internal static class CinRules
{
    private const ReturnIssueSeverity E = ReturnIssueSeverity.Error;
    private const ReturnIssueSeverity Q = ReturnIssueSeverity.Query;

    private static readonly string[] UpnUnknownForSchoolAge = ["UN2", "UN3", "UN4", "UN5", "UN6", "UN7"];

    public static IReadOnlyList<CinRule> All { get; } =
    [
        // ChildIdentifiers and ChildCharacteristics.
        new("8500", E, "LAchildID", "LA Child ID missing",
            v => If(string.IsNullOrWhiteSpace(v.Child.LaChildId))),
        new("1570", E, "LAchildID", "LA Child ID must not be longer than 20 characters",
            v => If((v.Child.LaChildId ?? "").Trim().Length > LaChildId.MaxLength)),
        new("1580", E, "LAchildID", "LA Child ID must not contain any non-alphanumeric characters",
            v => If((v.Child.LaChildId ?? "").Trim().Any(c => !char.IsAsciiLetterOrDigit(c)))),
        new("1510", E, "UPN", "UPN invalid (wrong check letter at character 1)",
            v => If(Upn(v) is { } u && (u.Length != 13 || (WellFormedBody(u) && Identifiers.Upn.ComputeCheckLetter(u.AsSpan(1)) != u[0])))),
        new("1530", E, "UPN", "UPN invalid (characters 2-4 not a recognised LA code)",
            v => If(Upn(v) is { Length: >= 4 } u && !u[1..4].All(char.IsAsciiDigit))),
        new("1540", E, "UPN", "UPN invalid (characters 5-12 not all numeric)",
            v => If(Upn(v) is { Length: >= 12 } u && !u[4..12].All(char.IsAsciiDigit))),
        new("1550", E, "UPN", "UPN invalid (character 13 not a recognised value)",
            v => If(Upn(v) is { Length: 13 } u && !IsUpnLastCharacter(u[12]))),
        new("1560Q", Q, "FormerUPN", "Please check and either amend or provide a reason: Former UPN wrongly formatted",
            v => If(Trimmed(v.Child.FormerUpn) is { } u && !(u.Length == 13 && char.IsAsciiLetterUpper(u[0]) && WellFormedBody(u)))),
        new("8770Q", Q, "UPNunknown", "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.",
            v => If(v.AnyFurtherAction && v.BirthDate is { } dob && dob <= v.ReferenceDate.AddYears(-6)
                && Upn(v) is null && !UpnUnknownForSchoolAge.Contains(v.Child.UpnUnknown?.Code))),
        new("8772", E, "UPNunknown", "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action",
            v => If(v.Child.UpnUnknown?.Code == "UN7" && v.AnyFurtherAction)),
        new("4180", E, "Sex", "Sex must be provided and equal M, F, or U",
            v => If(!Sex.Set.Contains(v.Child.Sex.Code))),
        new("8750", E, "Sex", "Sex must equal U for an unborn child",
            v => If(v.BirthDate is null && v.ExpectedBirthDate is not null && v.Child.Sex.Code != "U")),
        new("4220", E, "Ethnicity", "Ethnicity is missing or invalid (see Ethnicity table)",
            v => If(!Ethnicity.Set.Contains(v.Child.Ethnicity.Code))),
        new("8520", E, "PersonBirthDate", "Date of Birth is after data collection period (must be on or before the end of the census period)",
            v => If(v.BirthDate > v.ReferenceDate)),
        new("8525Q", Q, "PersonBirthDate", "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
            v => If(v.BirthDate is null && v.ExpectedBirthDate is null)),
        new("8530Q", Q, "ExpectedPersonBirthDate", "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)",
            v => If(v.ExpectedBirthDate is { } due && (due <= v.AsAt.AddDays(-30) || due >= v.ReferenceDate.AddMonths(9)))),
        new("8535Q", Q, "PersonDeathDate", "Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth",
            v => If(v.DeathDate < v.BirthDate)),
        new("8545Q", Q, "PersonDeathDate", "Please check and either amend data or provide a reason: Child's date of death should be within the census year",
            v => If(v.DeathDate is { } died && !v.InYear(died))),
        new("8775Q", Q, "PersonBirthDate", "Please check and either amend data or provide a reason: Child is over 25 years old",
            v => Each(v.Episodes, e => v.BirthDate is { } dob && dob.AddYears(25) < (e.ClosureDate ?? v.ReferenceDate), e => e.Key)),
        new("8540", E, "Disability", "Child’s disability is missing or invalid (see Disability table)",
            v => If(v.BirthDate is not null && v.AnyFurtherAction && (Disabilities(v).Count == 0 || Disabilities(v).Any(d => !Disability.Set.Contains(d))))),
        new("8790", E, "Disability", "Disability information includes both None and other values",
            v => If(Disabilities(v).Contains("NONE") && Disabilities(v).Any(d => d != "NONE"))),
        new("8794", E, "Disability", "Child has two or more disabilities with the same code",
            v => If(Disabilities(v).Count != Disabilities(v).Distinct(StringComparer.Ordinal).Count())),

        // CINdetails.
        new("8600", E, "CINreferralDate", "Child referral date missing or after data collection period",
            v => Each(v.Episodes, e => e.ReferralDate is not { } referred || referred > v.ReferenceDate, e => e.Key)),
        new("8606", E, "CINreferralDate", "Child referral date is more than 40 weeks before DOB or expected DOB",
            v => Each(v.Episodes, e => (v.BirthDate ?? v.ExpectedBirthDate) is { } birth && e.ReferralDate < birth.AddDays(-280), e => e.Key)),
        new("8555Q", Q, "CINreferralDate", "Child cannot be referred after its recorded date of death",
            v => Each(v.Episodes, e => e.ReferralDate > v.DeathDate, e => e.Key)),
        new("8866", E, "ReferralSource", "Source of Referral is missing or an invalid code",
            v => Each(v.Episodes, e => !ReferralSource.Set.Contains(e.Referral.Source.Code), e => e.Key)),
        new("8610", E, "PrimaryNeedCode", "Primary Need code is missing for a referral which led to further action.",
            v => Each(v.Episodes, e => !e.Nfa && e.Referral.PrimaryNeed is null, e => e.Key)),
        new("8650", E, "PrimaryNeedCode", "Primary Need Code invalid (see Primary Need table in CIN census code set)",
            v => Each(v.Episodes, e => e.Referral.PrimaryNeed is { } need && !PrimaryNeed.Set.Contains(need.Code), e => e.Key)),
        new("8569Q", Q, "ReferralNFA", "A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case",
            v => Each(v.Episodes, e => e.Nfa && e.ReferralDate < WorkingDayBefore(v.YearStart), e => e.Key)),
        new("8620", E, "CINclosureDate", "CIN Closure Date present and does not fall within the Census year",
            v => Each(v.Episodes, e => e.ClosureDate is { } closed && !v.InYear(closed), e => e.Key)),
        new("8630", E, "CINclosureDate", "CIN Closure Date is before CIN Referral Date for the same CIN episode",
            v => Each(v.Episodes, e => e.ClosureDate < e.ReferralDate, e => e.Key)),
        new("8640", E, "ReasonForClosure", "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
            v => Each(v.Episodes, e => e.ClosureReason is { } reason && (reason.Length == 0 || !ClosureReason.Set.ValidIn(reason, v.CollectionYear)), e => e.Key)),
        new("8805", E, "ReasonForClosure", "A CIN case cannot have a CIN closure date without a Reason for Closure",
            v => Each(v.Episodes, e => e.ClosureDate is not null && e.ClosureReason is null, e => e.Key)),
        new("8810", E, "CINclosureDate", "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
            v => Each(v.Episodes, e => e.ClosureReason is not null && e.ClosureDate is null, e => e.Key)),
        new("8585Q", Q, "PersonDeathDate", "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death",
            v => Each(v.Episodes, e => e.ClosureReason == "RC2" && v.DeathDate is null, e => e.Key)),
        new("8815", E, "CINclosureDate", "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.",
            v => If(v.Episodes.Count(e => e.Open && !e.Nfa) > 1)),
        new("8816", E, "CINreferralDate", "An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.",
            v => Each(v.Episodes, e => e.Open && !e.Nfa && e.ReferralDate is { } referred && v.Episodes.Any(o => o != e && o.ReferralDate > referred), e => e.Key)),
        new("8820", E, "CINreferralDate", "The dates on the CIN episodes for this child overlap",
            v => Pairs(v.Episodes, (a, b) => a.ReferralDate is { } ar && b.ReferralDate is { } br && ar >= br
                && (b.ClosureDate is { } bc ? ar < bc : !b.Nfa && ar <= v.ReferenceDate), (a, b) => a.Key + "/" + b.Key)),
        new("8825Q", Q, "ReasonForClosure", "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.",
            v => Each(v.Episodes, e => e.ClosedAfterAssessment && e.Assessments.Count == 0, e => e.Key)),
        new("2990", E, "ReasonForClosure", "Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'.",
            v => Each(v.Episodes, e => e.ClosedAfterAssessment && (e.Section47s.Count > 0 || e.ProtectionPlans.Count > 0 || e.ChildInNeedPlans.Count > 0 || e.DetailsInitialConferences.Count > 0), e => e.Key)),
        new("2991Q", Q, "CINdetailsID", "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode",
            v => Each(v.Episodes, e => e.Section47s.Count > 0 && e.Assessments.Count == 0, e => e.Key)),
        new("8867", E, "AssessmentAuthorisationDate", "CIN episode is shown as closed, however Assessment is not shown as completed",
            v => Each(v.Episodes, e => e.ClosureDate is not null && e.Assessments.Any(a => a.Authorised is null), e => e.Key)),
        new("8868", E, "DateOfInitialCPC", "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag",
            v => Each(v.Episodes, e => e.ClosureDate is not null && e.Section47s.Any(s => s.Open), e => e.Key)),
        new("8831", E, "AssessmentActualStartDate", "Activity is recorded against a case marked as a referral with no further action",
            v => Each(v.Episodes, e => e.Nfa && (e.Assessments.Count > 0 || e.Section47s.Count > 0 || e.DetailsInitialConferences.Count > 0), e => e.Key)),
        new("8832", E, "ReferralNFA", "Child Protection details provided for a referral with no further action.",
            v => Each(v.Episodes, e => e.Nfa && e.ProtectionPlans.Count > 0, e => e.Key)),
        new("4000", E, "ReferralNFA", "CIN Plan details provided for a referral with no further action",
            v => Each(v.Episodes, e => e.Nfa && e.ChildInNeedPlans.Count > 0, e => e.Key)),
        new("8565", E, "CINclosureDate", "Activity shown after a case has been closed",
            v => Each(v.Episodes, e => e.ClosureDate is { } closed && ActivityDates(e).Any(d => d > closed), e => e.Key)),

        // Assessments.
        new("1103", E, "AssessmentActualStartDate", "The assessment start date cannot be before the referral date",
            v => EachIn(v, e => e.Assessments, (e, a) => a.Start < e.ReferralDate, a => a.Key)),
        new("8608", E, "AssessmentAuthorisationDate", "Assessment Start Date cannot be later than its End Date",
            v => Each(v.Assessments, a => a.Authorised < a.Start, a => a.Key)),
        new("8897Q", Q, "AssessmentFactors", "Parental or child factors at assessment information is missing from a completed assessment",
            v => Each(v.Assessments, a => a.Authorised is not null && a.Factors.Count == 0, a => a.Key)),
        new("8898", E, "AssessmentFactors", "The assessment has more than one parental or child factors with the same code",
            v => Each(v.Assessments, a => a.Factors.Count != a.Factors.Distinct(StringComparer.Ordinal).Count(), a => a.Key)),
        new("8869", E, "AssessmentFactors", "The assessment factors code “21” cannot be used in conjunction with any other assessment factors.",
            v => Each(v.Assessments, a => a.Factors.Contains("21") && a.Factors.Any(f => f != "21"), a => a.Key)),
        new("8945Q", Q, "AssessmentFactors", "Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)",
            v => Each(v.Assessments, a => a.Factors.Contains("18A"), a => a.Key)),
        new("8950Q", Q, "AssessmentFactors", "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)",
            v => Each(v.Assessments, a => a.Factors.Contains("19A"), a => a.Key)),
        new("8873Q", Q, "ReasonForClosure", "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.",
            v => Each(v.Episodes, e => e.Assessments.Count == 1 && e.Assessments[0].Authorised is not null && e.Assessments[0].Factors.Contains("21") && !e.ClosedAfterAssessment, e => e.Key)),
        new("8670Q", Q, "AssessmentActualStartDate", "Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.",
            v => Each(v.Assessments, a => a.Authorised is null && a.Start is { } s && WorkingDaysAfter(s, v.AsAt) > 45, a => a.Key)),
        new("8696", E, "AssessmentAuthorisationDate", "Assessment end date must fall within the census year",
            v => Each(v.Assessments, a => a.Authorised is { } done && !v.InYear(done), a => a.Key)),
        new("8736", E, "AssessmentActualStartDate", "For an Assessment that has not been completed, the start date must fall within the census year",
            v => Each(v.Assessments, a => a.Authorised is null && a.Start is { } s && !v.InYear(s), a => a.Key)),
        new("8863Q", Q, "AssessmentActualStartDate", "An Assessment is shown as starting when there is another Assessment ongoing.",
            v => v.Episodes.SelectMany(e => Pairs(e.Assessments, (a, b) => a.Start is { } s && b.Start is { } bs && s >= bs
                && (b.Authorised is not { } bd || s < bd), (a, b) => a.Key + "/" + b.Key))),
        new("8896", E, "AssessmentAuthorisationDate", "Within one CINDetails group there are 2 or more open Assessments groups",
            v => Each(v.Episodes, e => e.Assessments.Count(a => a.Authorised is null) > 1, e => e.Key)),

        // Section47.
        new("2889", E, "S47ActualStartDate", "The S47 start date cannot be before the referral date.",
            v => EachIn(v, e => e.Section47s, (e, s) => s.Start < e.ReferralDate, s => s.Key)),
        new("1104", E, "DateOfInitialCPC", "The date of the initial child protection conference cannot be before the referral date",
            v => Each(v.Episodes, e => e.InitialConferenceDates.Any(d => d < e.ReferralDate), e => e.Key)),
        new("8615", E, "S47ActualStartDate", "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference",
            v => Each(v.Section47s, s => s.Start is null || s.Start > s.InitialConference, s => s.Key)),
        new("8675Q", Q, "DateOfInitialCPC", "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.",
            v => Each(v.Section47s, s => s.Open && s.Start is { } started && WorkingDaysAfter(started, v.AsAt) > 15, s => s.Key)),
        new("8715", E, "DateOfInitialCPC", "Date of Initial Child Protection Conference must fall within the census year",
            v => Each(v.Episodes, e => e.InitialConferenceDates.Any(d => !v.InYear(d)), e => e.Key)),
        new("8740", E, "S47ActualStartDate", "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year",
            v => Each(v.Section47s, s => s.Open && s.Start is { } started && !v.InYear(started), s => s.Key)),
        new("8839", E, "DateOfInitialCPC", "Within one CINDetails group there are 2 or more open S47 Assessments",
            v => Each(v.Episodes, e => e.Section47s.Count(s => s.Open) > 1, e => e.Key)),
        new("8875", E, "DateOfInitialCPC", "The Date of Initial Child Protection Conference cannot be a weekend",
            v => Each(v.Episodes, e => e.InitialConferenceDates.Any(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday), e => e.Key)),
        new("8890", E, "S47ActualStartDate", "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing",
            v => Pairs([.. v.Section47s], (a, b) => a.Start is { } s && b.Start is { } bs && s >= bs
                && (b.Open ? s <= v.ReferenceDate : b.CompletedOn is { } bd && s < bd), (a, b) => a.Key + "/" + b.Key)),
        new("2884", E, "DateOfInitialCPC", "An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one",
            v => Each(v.Episodes, e => e.DetailsInitialConferences.Any(d => d is not null && v.Section47s.Any(s => s.InitialConference == d)), e => e.Key)),

        // ChildProtectionPlans and Reviews.
        new("1105", E, "CPPstartDate", "The child protection plan start date cannot be before the referral date",
            v => EachIn(v, e => e.ProtectionPlans, (e, p) => p.Start < e.ReferralDate, p => p.Key)),
        new("8720", E, "CPPstartDate", "Child Protection Plan Start Date missing or out of data collection period",
            v => Each(v.ProtectionPlans, p => p.Start is not { } s || s > v.ReferenceDate, p => p.Key)),
        new("2883", E, "CPPstartDate", "There are more child protection plans starting than initial conferences taking place",
            v => If(v.ProtectionPlans.Count(p => p.Start is { } s && v.InYear(s)) > v.InitialConferenceDates.Count(v.InYear))),
        new("2885", E, "CPPstartDate", "Child protection plan shown as starting a different day to the initial child protection conference.",
            v => EachIn(v, e => e.ProtectionPlans, (e, p) => p.Start is { } s && v.InYear(s) && !e.InitialConferenceDates.Contains(s), p => p.Key)),
        new("8840", E, "CPPendDate", "Child Protection Plan cannot start and end on the same day",
            v => Each(v.ProtectionPlans, p => p.Start is not null && p.End == p.Start, p => p.Key)),
        new("8925", E, "CPPendDate", "Child Protection Plan End Date earlier than Start Date",
            v => Each(v.ProtectionPlans, p => p.End < p.Start, p => p.Key)),
        new("8930", E, "CPPendDate", "Child Protection Plan End Date must fall within the census year",
            v => Each(v.ProtectionPlans, p => p.End is { } end && !v.InYear(end), p => p.Key)),
        new("8915", E, "CPPstartDate", "Child Protection Plan shown as starting after the child’s Date of Death",
            v => Each(v.ProtectionPlans, p => p.Start > v.DeathDate, p => p.Key)),
        new("8920", E, "CPPendDate", "Child Protection Plan cannot end after the child’s Date of Death",
            v => Each(v.ProtectionPlans, p => p.End > v.DeathDate, p => p.Key)),
        new("8905", E, "InitialCategoryOfAbuse", "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
            v => Each(v.ProtectionPlans, p => p.Protection is { } plan && !AbuseCategory.Set.Contains(plan.InitialCategory.Code), p => p.Key)),
        new("8910", E, "LatestCategoryOfAbuse", "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
            v => Each(v.ProtectionPlans, p => p.Protection is { } plan && !AbuseCategory.Set.Contains(plan.LatestCategory.Code), p => p.Key)),
        new("8935", E, "CPPendDate", "This child is showing more than one open Child Protection plan, i.e. with no End Date",
            v => If(v.ProtectionPlans.Count(p => p.Open) > 1)),
        new("8940", E, "CPPstartDate", "Child Protection Plan data contains overlapping dates",
            v => Pairs([.. v.ProtectionPlans], (a, b) => Overlaps(v, a, b), (a, b) => a.Key + "/" + b.Key)),
        new("8841", E, "CPPreviewDate", "The review date cannot be on the same day or before the Child protection Plan start date.",
            v => Each(v.ProtectionPlans, p => p.Start is { } s && p.Reviews.Any(r => r <= s), p => p.Key)),
        new("8842Q", Q, "CPPreviewDate", "Please check and either amend or provide a reason: Review Record has a missing date",
            v => Each(v.ProtectionPlans, p => p.Reviews.Any(r => r is null), p => p.Key)),
        new("4001", E, "CINPlanEndDate", "A CIN Plan cannot run concurrently with a Child Protection Plan",
            v => Each(v.Episodes, e => e.ProtectionPlans.Any(p => p.Open) && e.ChildInNeedPlans.Any(p => p.Open), e => e.Key)),
        new("4003", E, "CPPreviewDate", "A CPP review date is shown as being held at the same time as an open CIN Plan.",
            v => Each(v.Episodes, e => e.ProtectionPlans.Any(p => p.Reviews.Any(r => r is { } review && review != p.End
                && e.ChildInNeedPlans.Any(c => c.Start is { } cs && review >= cs && (c.End is { } ce ? review < ce : review <= v.ReferenceDate)))), e => e.Key)),
        new("4016", E, "CINPlanStartDate", "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
            v => Each(v.ChildInNeedPlans, c => c.Start is { } s && v.ProtectionPlans.Any(p => Within(v, s, p)), c => c.Key)),
        new("4017", E, "CPPstartDate", "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
            v => Each(v.ProtectionPlans, p => p.Start is { } s && v.ChildInNeedPlans.Any(c => Within(v, s, c)), p => p.Key)),

        // CINplanDates.
        new("4010", E, "CINPlanStartDate", "CIN Plan start date is missing or out of data collection period",
            v => Each(v.ChildInNeedPlans, p => p.Start is not { } s || s > v.ReferenceDate, p => p.Key)),
        new("4015", E, "CINPlanStartDate", "The CIN Plan start date cannot be before the referral date",
            v => EachIn(v, e => e.ChildInNeedPlans, (e, p) => p.Start < e.ReferralDate, p => p.Key)),
        new("4011", E, "CINPlanEndDate", "CIN Plan End Date earlier than Start Date",
            v => Each(v.ChildInNeedPlans, p => p.End < p.Start, p => p.Key)),
        new("4012Q", Q, "CINPlanEndDate", "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day",
            v => Each(v.ChildInNeedPlans, p => p.Start is not null && p.End == p.Start, p => p.Key)),
        new("4013", E, "CINPlanEndDate", "CIN Plan end date must fall within the census year",
            v => Each(v.ChildInNeedPlans, p => p.End is { } end && !v.InYear(end), p => p.Key)),
        new("4004", E, "CINPlanEndDate", "This child is showing more than one open CIN Plan, i.e. with no End Date",
            v => If(v.ChildInNeedPlans.Count(p => p.Open) > 1)),
        new("4014", E, "CINPlanStartDate", "CIN Plan data contains overlapping dates",
            v => Pairs([.. v.ChildInNeedPlans], (a, b) => Overlaps(v, a, b), (a, b) => a.Key + "/" + b.Key)),
        new("4008", E, "CINPlanStartDate", "CIN Plan shown as starting after the child’s Date of Death.",
            v => Each(v.ChildInNeedPlans, p => p.Start > v.DeathDate, p => p.Key)),
        new("4009Q", Q, "CINPlanEndDate", "CIN Plan cannot end after the child’s Date of Death",
            v => Each(v.ChildInNeedPlans, p => p.End > v.DeathDate, p => p.Key)),
    ];

    private static IEnumerable<string> If(bool failed) => failed ? ["C"] : [];

    private static IEnumerable<string> Each<T>(IEnumerable<T> items, Func<T, bool> failed, Func<T, string> key) =>
        items.Where(failed).Select(key);

    private static IEnumerable<string> EachIn<T>(CinCensusView v, Func<CinEpisode, IEnumerable<T>> modules, Func<CinEpisode, T, bool> failed, Func<T, string> key) =>
        v.Episodes.SelectMany(e => modules(e).Where(m => failed(e, m)).Select(key));

    /// <summary>Every ordered pair of different items for which <paramref name="failed"/> holds.</summary>
    private static IEnumerable<string> Pairs<T>(IReadOnlyList<T> items, Func<T, T, bool> failed, Func<T, T, string> key)
    {
        for (int i = 0; i < items.Count; i++)
        {
            for (int j = 0; j < items.Count; j++)
            {
                if (i != j && failed(items[i], items[j]))
                {
                    yield return key(items[i], items[j]);
                }
            }
        }
    }

    /// <summary>Plan <paramref name="a"/> starts while <paramref name="b"/> is open (an end may equal the next start).</summary>
    private static bool Overlaps(CinCensusView v, PlanView a, PlanView b) => a.Start is { } s && Within(v, s, b);

    /// <summary><paramref name="date"/> is on or after the plan's start and before its end (or on or before the ReferenceDate while open).</summary>
    private static bool Within(CinCensusView v, DateOnly date, PlanView plan) =>
        plan.Start is { } s && date >= s && (plan.End is { } end ? date < end : date <= v.ReferenceDate);

    private static IEnumerable<DateOnly?> ActivityDates(CinEpisode e) =>
        e.Assessments.SelectMany(a => new[] { a.Start, a.Authorised })
            .Concat(e.Section47s.SelectMany(s => new[] { s.Start, s.InitialConference }))
            .Concat(e.DetailsInitialConferences)
            .Concat(e.ProtectionPlans.Select(p => p.End))
            .Concat(e.ChildInNeedPlans.SelectMany(p => new[] { p.Start, p.End }));

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ToUpperInvariant();

    private static string? Upn(CinCensusView v) => Trimmed(v.Child.Upn);

    private static List<string> Disabilities(CinCensusView v) => [.. (v.Child.Disabilities ?? []).Select(d => d.Code ?? "")];

    private static bool IsUpnLastCharacter(char c) => char.IsAsciiDigit(c) || Identifiers.Upn.LetterTable.Contains(c, StringComparison.Ordinal);

    /// <summary>Characters 2–12 are digits and character 13 a digit or UPN letter (a 13-character value).</summary>
    private static bool WellFormedBody(string upn) =>
        upn.Length == 13 && upn[1..12].All(char.IsAsciiDigit) && IsUpnLastCharacter(upn[12]);

    /// <summary>Working days after <paramref name="from"/> up to <paramref name="to"/>; null outside the calendar.</summary>
    private static int? WorkingDaysAfter(DateOnly from, DateOnly to)
    {
        if (from < EnglandBankHolidays.FirstDate || from > EnglandBankHolidays.LastDate
            || to < EnglandBankHolidays.FirstDate || to > EnglandBankHolidays.LastDate)
        {
            return null;
        }

        return WorkingDays.WorkingDaysBetween(from, to);
    }

    /// <summary>The last working day before <paramref name="date"/>; null outside the calendar.</summary>
    private static DateOnly? WorkingDayBefore(DateOnly date)
    {
        var day = date;
        for (int i = 0; i < 14; i++)
        {
            if (day <= EnglandBankHolidays.FirstDate || day > EnglandBankHolidays.LastDate.AddDays(1))
            {
                return null;
            }

            day = day.AddDays(-1);
            if (WorkingDays.IsWorkingDay(day))
            {
                return day;
            }
        }

        return null;
    }
}
