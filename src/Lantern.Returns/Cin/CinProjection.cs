using System.Text.RegularExpressions;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Domain.Returns;

namespace Lantern.Returns.Cin;

/// <summary>
/// The live record as one year's CIN census carries it. Which referrals and modules a year holds is
/// <see cref="CinCensusView"/>'s rule; on top of it the census is as things stood on the ReferenceDate
/// (31 March), so a past year's file is what that year's return would have said: referrals and modules starting
/// after it are left out and dates after it (a later closure, authorisation, conference, plan end, death or
/// birth) are not sent. Values a schema cannot take are left out rather than making the whole file unreadable:
/// a UPN not in the DfE's form, a module with no start date, a child with no LAchildID.
/// </summary>
internal static partial class CinProjection
{
    public static CinChildEntry? Project(ChildFile file, CinLayout layout)
    {
        var end = layout.Year.End;
        var view = new CinCensusView(file, end);
        var entry = new CinChildEntry();
        foreach (var episode in view.Episodes
                     .Where(e => e.ReferralDate is { } d && d <= end)
                     .OrderBy(e => e.ReferralDate)
                     .ThenBy(e => e.Referral.Id))
        {
            entry.Details.Add(Details(episode, layout));
        }

        if (entry.Details.Count == 0)
        {
            return null;
        }

        Child(file.Child, layout, entry);
        return entry;
    }

    public static void Child(Child child, CinLayout layout, CinChildEntry entry)
    {
        var end = layout.Year.End;
        var born = CinCensusView.Known(child.DateOfBirth);
        bool unborn = born is not { } b || b > end;
        entry.LaChildId = child.LaChildId;
        entry.Upn = Upn(child.Upn);
        entry.FormerUpn = Upn(child.FormerUpn);
        entry.UpnUnknown = Code(child.UpnUnknown?.Code);
        entry.BirthDate = unborn ? null : born;

        // Born after the ReferenceDate: on that day the child was unborn, expected on the expected date (or, if none
        // was recorded, the day the child was born).
        entry.ExpectedBirthDate = unborn ? CinCensusView.Known(child.ExpectedDateOfBirth) ?? born : null;
        entry.Sex = layout.SexCode(Code(child.Sex.Code) ?? "U", unborn);
        entry.DeathDate = Cut(child.DateOfDeath, end);
        entry.Ethnicity = Code(child.Ethnicity.Code) ?? "NOBT";
        entry.Disabilities.Clear();
        foreach (var disability in child.Disabilities ?? [])
        {
            if (Code(disability.Code) is { } code)
            {
                entry.Disabilities.Add(code);
            }
        }
    }

    public static CinDetailsEntry Details(CinEpisode episode, CinLayout layout)
    {
        var end = layout.Year.End;
        var referral = episode.Referral;
        var details = Referral(referral, layout);
        details.InitialCpc = episode.DetailsInitialConferences
            .OfType<DateOnly>()
            .Where(d => d <= end)
            .Order()
            .Cast<DateOnly?>()
            .FirstOrDefault();

        foreach (var a in episode.Assessments.Where(a => a.Start is { } s && s <= end).OrderBy(a => a.Start).ThenBy(a => a.Assessment.Id))
        {
            details.Assessments.Add(Assessment(a.Assessment, layout));
        }

        if (layout.HasCinPlanDates)
        {
            foreach (var p in episode.ChildInNeedPlans.Where(p => p.Start is { } s && s <= end).OrderBy(p => p.Start).ThenBy(p => p.Record.Id))
            {
                details.CinPlans.Add(CinPlan((ChildInNeedPlan)p.Record, end));
            }
        }

        foreach (var s in episode.Section47s.Where(s => s.Start is { } d && d <= end).OrderBy(s => s.Start).ThenBy(s => s.Enquiry.Id))
        {
            details.Section47s.Add(Section47(s.Enquiry, s.InitialConference, end));
        }

        foreach (var p in episode.ProtectionPlans.Where(p => p.Start is { } s && s <= end).OrderBy(p => p.Start).ThenBy(p => p.Record.Id))
        {
            details.ProtectionPlans.Add(ProtectionPlan(p, end));
        }

        return details;
    }

    /// <summary>The referral's own items (not its modules).</summary>
    public static CinDetailsEntry Referral(Referral referral, CinLayout layout)
    {
        var end = layout.Year.End;
        var details = new CinDetailsEntry
        {
            Record = referral,
            ReferralDate = referral.ReferralDate,
            Source = layout.ReferralSource(Code(referral.Source.Code) ?? "10"),
            PrimaryNeed = Code(referral.PrimaryNeed?.Code),
            Nfa = referral.NoFurtherAction,
            ClosureDate = Cut(referral.ClosureDate, end),
        };

        // A reason is only sent with the closure it explains.
        if (details.ClosureDate is not null && Code(referral.ClosureReason?.Code) is { } reason)
        {
            details.ClosureReason = layout.ClosureReason(reason);
        }

        return details;
    }

    /// <summary>Factors are returned once the assessment is authorised (on or before the ReferenceDate).</summary>
    public static CinAssessmentEntry Assessment(Assessment assessment, CinLayout layout)
    {
        var entry = new CinAssessmentEntry
        {
            Record = assessment,
            Start = assessment.StartDate,
            Authorised = Cut(assessment.AuthorisationDate, layout.Year.End),
        };
        if (entry.Authorised is not null)
        {
            entry.Factors.AddRange(layout.AssessmentFactors((assessment.Factors ?? []).Select(f => f.Code ?? "")));
        }

        return entry;
    }

    public static CinPlanDatesEntry CinPlan(ChildInNeedPlan plan, DateOnly end) =>
        new() { Record = plan, Start = plan.StartDate, End = Cut(plan.EndDate, end) };

    /// <summary>InitialCPCtarget is the statutory clock's 15 working days from S47ActualStartDate (the strategy
    /// discussion); ICPCnotRequired is the flag, or an enquiry that ended by the ReferenceDate without needing a
    /// conference (as <see cref="CinCensusView"/> reads it).</summary>
    public static CinSection47Entry Section47(Section47Enquiry enquiry, DateOnly? initialConference, DateOnly end)
    {
        bool endedWithout = Cut(enquiry.EndDate, end) is not null && enquiry.Outcome != Section47Outcome.ConferenceRequired;
        return new CinSection47Entry
        {
            Record = enquiry,
            Start = enquiry.StartDate,
            InitialCpcTarget = StatutoryClock.DueDates.IcpcDue(enquiry.StartDate),
            InitialCpc = Cut(initialConference, end),
            IcpcNotRequired = enquiry.IcpcNotRequired || endedWithout,
        };
    }

    public static CinProtectionPlanEntry ProtectionPlan(PlanView view, DateOnly end)
    {
        var plan = view.Protection!;
        var entry = new CinProtectionPlanEntry
        {
            Record = plan,
            Start = plan.StartDate,
            End = Cut(plan.EndDate, end),
            InitialCategory = Code(plan.InitialCategory.Code) ?? Code(plan.LatestCategory.Code) ?? "MUL",
            LatestCategory = Code(plan.LatestCategory.Code) ?? Code(plan.InitialCategory.Code) ?? "MUL",
            PreviousPlans = Math.Max(0, plan.PreviousPlans),
        };
        entry.Reviews.AddRange(view.Reviews.OfType<DateOnly>().Where(d => d <= end).Distinct().Order());
        return entry;
    }

    public static DateOnly? Cut(DateOnly? date, DateOnly end) => CinCensusView.Known(date) is { } d && d <= end ? d : null;

    public static string? Code(string? code) => string.IsNullOrWhiteSpace(code) ? null : code;

    public static string? Upn(string? upn) => upn is not null && UpnPattern().IsMatch(upn) ? upn : null;

    [GeneratedRegex("^[A-Za-z][0-9]{11}[0-9A-Za-z]$")]
    private static partial Regex UpnPattern();
}
