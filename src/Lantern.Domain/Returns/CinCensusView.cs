using Lantern.Domain.Clock;
using Lantern.Domain.Model;

namespace Lantern.Domain.Returns;

/// <summary>
/// One child's record as the CIN census for one collection year would carry it: a CINdetails group
/// (<see cref="CinEpisode"/>) for every referral not closed before the year started, and within each the
/// modules still open at the start of the year. Dates that were never entered (<c>default</c>) read as
/// missing (null).
/// </summary>
/// <remarks>
/// Mapping of the Lantern model to CIN items:
/// <list type="bullet">
/// <item>Referral = CINdetails: ReferralDate = CINreferralDate, Source = ReferralSource, PrimaryNeed =
/// PrimaryNeedCode, NoFurtherAction = ReferralNFA, ClosureDate = CINclosureDate, ClosureReason = ReasonForClosure.</item>
/// <item>Assessment (by ReferralId): StartDate = AssessmentActualStartDate, AuthorisationDate =
/// AssessmentAuthorisationDate, Factors = AssessmentFactors (recorded when the worker sends the assessment for
/// authorisation; returned once it is authorised).</item>
/// <item>Section47Enquiry (by ReferralId): StartDate = S47ActualStartDate; DateOfInitialCPC = the earliest initial
/// conference linked to it (Section47Id), else, as the statutory clock reads it, the earliest unlinked initial
/// conference of the same referral on or after its start; ICPCnotRequired = IcpcNotRequired, or the enquiry
/// ended with an outcome other than "conference required" (the clock's rule).</item>
/// <item>Initial conferences of the referral not read as any enquiry's conference = CINdetails DateOfInitialCPC.</item>
/// <item>ChildProtectionPlan (by ReferralId): StartDate = CPPstartDate, EndDate = CPPendDate, categories, PreviousPlans =
/// NumberOfPreviousCPP; review conferences linked by PlanId (or unlinked, same referral, within the plan) = CPPreviewDate.</item>
/// <item>ChildInNeedPlan (by ReferralId): StartDate = CINPlanStartDate, EndDate = CINPlanEndDate.</item>
/// <item>Child: DateOfBirth = PersonBirthDate; ExpectedDateOfBirth = ExpectedPersonBirthDate (sent only while there
/// is no date of birth); DateOfDeath = PersonDeathDate.</item>
/// </list>
/// Records whose referral is not in the file cannot be placed in a CINdetails group and are not read.
/// </remarks>
internal sealed class CinCensusView
{
    public CinCensusView(ChildFile file, DateOnly asAt)
    {
        File = file;
        Child = file.Child;
        YearStart = asAt.Month >= 4 ? new DateOnly(asAt.Year, 4, 1) : new DateOnly(asAt.Year - 1, 4, 1);
        ReferenceDate = YearStart.AddYears(1).AddDays(-1);
        AsAt = asAt < ReferenceDate ? asAt : ReferenceDate;
        CollectionYear = ReferenceDate.Year;

        var episodes = new List<CinEpisode>();
        foreach (var referral in file.Referrals)
        {
            if (referral is null || Known(referral.ClosureDate) is { } closed && closed < YearStart)
            {
                continue;
            }

            episodes.Add(new CinEpisode(this, referral));
        }

        Episodes = episodes;
    }

    public ChildFile File { get; }

    public Child Child { get; }

    /// <summary>1 April: the start of the collection year.</summary>
    public DateOnly YearStart { get; }

    /// <summary>31 March: the census ReferenceDate, end of the collection year.</summary>
    public DateOnly ReferenceDate { get; }

    /// <summary>The moment of entry (never after <see cref="ReferenceDate"/>): timescale rules are judged at this
    /// date, so nothing is reported for a timescale that has not yet run out.</summary>
    public DateOnly AsAt { get; }

    /// <summary>The year ending 31 March (2026 = the 2025-26 collection), as the code lists count years.</summary>
    public int CollectionYear { get; }

    public IReadOnlyList<CinEpisode> Episodes { get; }

    /// <summary>The child is in this year's return: at least one CINdetails group.</summary>
    public bool InReturn => Episodes.Count > 0;

    /// <summary>At least one CINdetails group with ReferralNFA false.</summary>
    public bool AnyFurtherAction => Episodes.Any(e => !e.Nfa);

    public DateOnly? BirthDate => Known(Child.DateOfBirth);

    /// <summary>ExpectedPersonBirthDate as returned: only while the child has no date of birth.</summary>
    public DateOnly? ExpectedBirthDate => BirthDate is null ? Known(Child.ExpectedDateOfBirth) : null;

    public DateOnly? DeathDate => Known(Child.DateOfDeath);

    public IEnumerable<AssessmentView> Assessments => Episodes.SelectMany(e => e.Assessments);

    public IEnumerable<Section47View> Section47s => Episodes.SelectMany(e => e.Section47s);

    public IEnumerable<PlanView> ProtectionPlans => Episodes.SelectMany(e => e.ProtectionPlans);

    public IEnumerable<PlanView> ChildInNeedPlans => Episodes.SelectMany(e => e.ChildInNeedPlans);

    /// <summary>Every DateOfInitialCPC of the return, at enquiry and CINdetails level.</summary>
    public IEnumerable<DateOnly> InitialConferenceDates => Episodes.SelectMany(e => e.InitialConferenceDates);

    public bool InYear(DateOnly date) => date >= YearStart && date <= ReferenceDate;

    public static DateOnly? Known(DateOnly date) => date == default ? null : date;

    public static DateOnly? Known(DateOnly? date) => date is { } d && d != default ? d : null;
}

/// <summary>One CINdetails group: a referral and the modules the census carries with it.</summary>
internal sealed class CinEpisode
{
    public CinEpisode(CinCensusView view, Referral referral)
    {
        Referral = referral;
        Key = "R" + referral.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var file = view.File;
        var start = view.YearStart;

        Assessments = [.. file.Assessments
            .Where(a => a is not null && a.ReferralId == referral.Id)
            .Select(a => new AssessmentView(a))
            .Where(a => a.Authorised is not { } done || done >= start)];

        var initials = file.Conferences
            .Where(c => c is not null && c.Type == ConferenceType.Initial && c.ReferralId == referral.Id)
            .ToList();
        var used = new HashSet<ChildProtectionConference>();
        var enquiries = new List<Section47View>();
        foreach (var s47 in file.Section47s.Where(s => s is not null && s.ReferralId == referral.Id))
        {
            var s47Start = CinCensusView.Known(s47.StartDate);
            var icpc = initials.Where(c => c.Section47Id == s47.Id).OrderBy(c => c.Date).FirstOrDefault()
                ?? initials.Where(c => c.Section47Id is null && !used.Contains(c) && s47Start is { } from && c.Date >= from)
                    .OrderBy(c => c.Date).FirstOrDefault();
            if (icpc is not null)
            {
                used.Add(icpc);
            }

            var ended = CinCensusView.Known(s47.EndDate);
            bool notRequired = s47.IcpcNotRequired || (ended is not null && s47.Outcome != Section47Outcome.ConferenceRequired);
            var view47 = new Section47View(s47, s47Start, icpc is null ? null : CinCensusView.Known(icpc.Date), notRequired, ended);
            if (view47.CompletedOn is { } completed && completed < start)
            {
                continue;
            }

            enquiries.Add(view47);
        }

        Section47s = enquiries;
        DetailsInitialConferences = [.. initials
            .Where(c => c.Section47Id is null && !used.Contains(c))
            .Select(c => CinCensusView.Known(c.Date))
            .Where(d => d is null || d >= start)];

        ProtectionPlans = [.. file.ProtectionPlans
            .Where(p => p is not null && p.ReferralId == referral.Id)
            .Select(p => PlanView.ForProtection(p, file.Conferences, start))
            .Where(p => p.End is not { } end || end >= start)];

        ChildInNeedPlans = [.. file.ChildInNeedPlans
            .Where(p => p is not null && p.ReferralId == referral.Id)
            .Select(p => PlanView.ForChildInNeed(p))
            .Where(p => p.End is not { } end || end >= start)];
    }

    public Referral Referral { get; }

    /// <summary>Identifies the group in a finding (stable across edits).</summary>
    public string Key { get; }

    public DateOnly? ReferralDate => CinCensusView.Known(Referral.ReferralDate);

    public DateOnly? ClosureDate => CinCensusView.Known(Referral.ClosureDate);

    public bool Nfa => Referral.NoFurtherAction;

    public bool Open => ClosureDate is null;

    /// <summary>The ReasonForClosure code, or null when none is recorded ("" for an unset code value).</summary>
    public string? ClosureReason => Referral.ClosureReason is { } r ? r.Code ?? "" : null;

    public bool ClosedAfterAssessment => ClosureReason is "RC8" or "RC9";

    public IReadOnlyList<AssessmentView> Assessments { get; }

    public IReadOnlyList<Section47View> Section47s { get; }

    /// <summary>DateOfInitialCPC recorded at CINdetails level (null = a conference with no date).</summary>
    public IReadOnlyList<DateOnly?> DetailsInitialConferences { get; }

    public IReadOnlyList<PlanView> ProtectionPlans { get; }

    public IReadOnlyList<PlanView> ChildInNeedPlans { get; }

    /// <summary>Every known DateOfInitialCPC in the group, at enquiry and CINdetails level.</summary>
    public IEnumerable<DateOnly> InitialConferenceDates =>
        Section47s.Select(s => s.InitialConference).Concat(DetailsInitialConferences).OfType<DateOnly>();
}

/// <summary>An Assessments group.</summary>
internal sealed class AssessmentView(Assessment assessment)
{
    public Assessment Assessment { get; } = assessment;

    public string Key { get; } = "A" + assessment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly? Start { get; } = CinCensusView.Known(assessment.StartDate);

    public DateOnly? Authorised { get; } = CinCensusView.Known(assessment.AuthorisationDate);

    /// <summary>Factor codes as recorded ("" for an unset code value).</summary>
    public IReadOnlyList<string> Factors { get; } = [.. (assessment.Factors ?? []).Select(f => f.Code ?? "")];
}

/// <summary>A Section47 group.</summary>
internal sealed class Section47View(Section47Enquiry enquiry, DateOnly? start, DateOnly? initialConference, bool icpcNotRequired, DateOnly? ended)
{
    public Section47Enquiry Enquiry { get; } = enquiry;

    public string Key { get; } = "S" + enquiry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly? Start { get; } = start;

    public DateOnly? InitialConference { get; } = initialConference;

    public bool IcpcNotRequired { get; } = icpcNotRequired;

    /// <summary>Not completed: no initial conference and not marked as not needing one.</summary>
    public bool Open => InitialConference is null && !IcpcNotRequired;

    /// <summary>The day the enquiry completed for the census (its conference, or its end when none was needed).</summary>
    public DateOnly? CompletedOn => InitialConference ?? (IcpcNotRequired ? ended : null);
}

/// <summary>A ChildProtectionPlans or CINPlanDates group.</summary>
internal sealed class PlanView
{
    private PlanView(string key, ChildRecord record, DateOnly? start, DateOnly? end, IReadOnlyList<DateOnly?> reviews)
    {
        Key = key;
        Record = record;
        Start = start;
        End = end;
        Reviews = reviews;
    }

    public string Key { get; }

    public ChildRecord Record { get; }

    public DateOnly? Start { get; }

    public DateOnly? End { get; }

    public bool Open => End is null;

    /// <summary>CPPreviewDate values in the year (null = a review with no date). Empty for CIN plans.</summary>
    public IReadOnlyList<DateOnly?> Reviews { get; }

    public ChildProtectionPlan? Protection => Record as ChildProtectionPlan;

    public static PlanView ForProtection(ChildProtectionPlan plan, IReadOnlyList<ChildProtectionConference> conferences, DateOnly yearStart)
    {
        var start = CinCensusView.Known(plan.StartDate);
        var end = CinCensusView.Known(plan.EndDate);
        var reviews = conferences
            .Where(c => c is not null && c.Type == ConferenceType.Review
                && (c.PlanId == plan.Id
                    || (c.PlanId is null && c.ReferralId == plan.ReferralId && start is { } s && c.Date > s && (end is not { } e || c.Date <= e))))
            .Select(c => CinCensusView.Known(c.Date))
            .Where(d => d is null || d >= yearStart)
            .ToList();
        return new PlanView("P" + plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), plan, start, end, reviews);
    }

    public static PlanView ForChildInNeed(ChildInNeedPlan plan) =>
        new("N" + plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), plan, CinCensusView.Known(plan.StartDate), CinCensusView.Known(plan.EndDate), []);
}
