using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Journey;

/// <summary>What the child protection pages share: which enquiry and plan are open, the conference
/// chairs on offer, and the clocks (initial conference, core groups, review conferences) worked out
/// by <see cref="StatutoryClock"/> and shown as page facts.</summary>
public static class ProtectionJourney
{
    /// <summary>Title of the significant event that holds the reason for a proposed step-down.</summary>
    public const string StepDownEventTitle = "Step-down to child in need proposed";

    /// <summary>The child's open child protection plan, if any.</summary>
    public static ChildProtectionPlan? OpenPlan(ChildFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.ProtectionPlans.Where(p => p.EndDate is null).OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).FirstOrDefault();
    }

    /// <summary>A section 47 enquiry whose outcome has not been recorded, if any.</summary>
    public static Section47Enquiry? OpenEnquiry(ChildFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Section47s.Where(s => s.EndDate is null).OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id).FirstOrDefault();
    }

    /// <summary>Whether the enquiry ended saying an initial conference is needed and none has been recorded for it.</summary>
    public static bool AwaitsInitialConference(ChildFile file, Section47Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(enquiry);
        return enquiry.EndDate is not null && enquiry.Outcome == Section47Outcome.ConferenceRequired && !enquiry.IcpcNotRequired
            && !file.Conferences.Any(c => c.Type == ConferenceType.Initial && c.Section47Id == enquiry.Id);
    }

    /// <summary>The date of the strategy discussion that started the enquiry (its start date when not linked).</summary>
    public static DateOnly DiscussionDate(ChildFile file, Section47Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(enquiry);
        return file.StrategyDiscussions.FirstOrDefault(d => d.Id == enquiry.StrategyDiscussionId)?.Date ?? enquiry.StartDate;
    }

    /// <summary>The initial conference clock of the enquiry: due 15 working days (the local standard)
    /// from the strategy discussion, and when it was held, if it was.</summary>
    public static ClockItem IcpcClock(ChildFile file, Section47Enquiry enquiry, DateOnly today, LocalStandards standards)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(enquiry);
        ArgumentNullException.ThrowIfNull(standards);
        var discussion = DiscussionDate(file, enquiry);
        var due = StatutoryClock.DueDates.IcpcDue(discussion, standards.IcpcWorkingDays);
        var held = file.Conferences.Where(c => c.Type == ConferenceType.Initial && c.Section47Id == enquiry.Id).Select(c => (DateOnly?)c.Date).Min();
        return new ClockItem(
            ClockRules.Icpc,
            "Initial child protection conference",
            $"Working Together 2023, {WorkingDays(standards.IcpcWorkingDays)} from the strategy discussion",
            discussion,
            due,
            held,
            StatutoryClock.StatusOn(due, held, today));
    }

    /// <summary>The initial conference due date as a fact row.</summary>
    public static SummaryListRow IcpcFact(ClockItem icpc, DateOnly today, LocalStandards standards)
    {
        ArgumentNullException.ThrowIfNull(icpc);
        ArgumentNullException.ThrowIfNull(standards);
        return new SummaryListRow(
            "Initial conference due",
            $"Initial conference due by {Display.Date(icpc.DueOn)} ({WorkingDays(standards.IcpcWorkingDays)} from the strategy discussion): {ClockText.Status(icpc, today)}");
    }

    /// <summary>The plan's clocks now (first or next core group, first or next review conference,
    /// the next child protection visit), as fact rows.</summary>
    public static IEnumerable<SummaryListRow> PlanFacts(ChildFile file, DateOnly today, LocalStandards standards, params string[] rules)
    {
        ArgumentNullException.ThrowIfNull(file);
        foreach (var item in StatutoryClock.Evaluate(file, today, standards).Where(i => rules.Contains(i.Rule, StringComparer.Ordinal)))
        {
            yield return new SummaryListRow(item.Title, $"Due by {Display.Date(item.DueOn)} ({ClockText.Status(item, today)})");
        }
    }

    /// <summary>When the plan's first review conference is due: 3 months from the initial conference (the plan start).</summary>
    public static DateOnly FirstReviewDue(DateOnly planStart) => StatutoryClock.DueDates.FirstRcpcDue(planStart);

    /// <summary>Independent reviewing officers (conference chairs) in post on <paramref name="on"/>, as select options.</summary>
    public static async Task<IReadOnlyList<FieldOption>> ChairOptionsAsync(LanternDbContext db, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var chairs = await db.Workers.AsNoTracking()
            .Where(w => w.Role == WorkerRole.IndependentReviewingOfficer && w.StartDate <= on && (w.LeftDate == null || w.LeftDate >= on))
            .OrderBy(w => w.FamilyName).ThenBy(w => w.GivenName).ThenBy(w => w.Id)
            .Select(w => new { w.Id, w.GivenName, w.FamilyName })
            .ToListAsync(cancellationToken);
        return [.. chairs.Select(w => new FieldOption(w.Id.ToString(CultureInfo.InvariantCulture), $"{w.GivenName} {w.FamilyName}"))];
    }

    /// <summary>The council's "step-down within this many months of the plan start is listed for review" setting.</summary>
    public static async Task<int> StepDownReviewMonthsAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await Work.ChildFiles.AuthorityAsync(db, cancellationToken)).Authority.StepDownReviewMonths;
    }

    /// <summary>Whether a step-down on <paramref name="on"/> is early enough after the plan started to be listed for review.</summary>
    public static bool StepDownListedForReview(ChildProtectionPlan plan, DateOnly on, int months)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return on < plan.StartDate.AddMonths(months);
    }

    /// <summary>The sentence saying a step-down will be listed for review.</summary>
    public static string StepDownReviewText(int months) =>
        string.Create(CultureInfo.InvariantCulture, $"This step-down is within {months} months of the plan starting, so it will be listed for review");

    /// <summary>A worker's name, or "Not recorded".</summary>
    public static async Task<string> WorkerNameAsync(LanternDbContext db, long? workerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (workerId is not { } id)
        {
            return "Not recorded";
        }

        var worker = await db.Workers.AsNoTracking().Where(w => w.Id == id).Select(w => new { w.GivenName, w.FamilyName }).FirstOrDefaultAsync(cancellationToken);
        return worker is null ? "Not recorded" : $"{worker.GivenName} {worker.FamilyName}";
    }

    /// <summary>"15 working days", "1 working day".</summary>
    public static string WorkingDays(int n) => n == 1 ? "1 working day" : n.ToString(CultureInfo.InvariantCulture) + " working days";

    /// <summary>A category of abuse in words with its code: "Neglect (NEG)".</summary>
    public static string Category(Lantern.Domain.Codes.AbuseCategory category) => $"{category.Label} ({category.Code})";
}
