using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Protection;

/// <summary>Record a review child protection conference (an independent reviewing officer may record
/// it): the date (after the plan started and any earlier review), the chair and the outcome. The plan
/// continues (optionally with a new latest category) or ends with a reason; a step-down to child in
/// need decided by the conference is authorised by its chair and starts the child in need plan the
/// same day. The facts show when the review is due: 3 months after the plan start, then every 6 months.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class ReviewModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Date = new("Date", FieldKind.Date, "Date of the review conference", "the date of the review conference") { Hint = "For example, 27 3 2026" };

    private static readonly FieldSpec Outcome = new("Outcome", FieldKind.Radios, "Outcome", "the outcome of the review conference")
    {
        Options =
        [
            new(nameof(ConferenceOutcome.PlanContinues), "The child protection plan continues"),
            new(nameof(ConferenceOutcome.PlanEnded), "The child protection plan ends"),
        ],
    };

    private static readonly FieldSpec EndReason = new("EndReason", FieldKind.Radios, "Why the plan ends", "why the plan ends")
    {
        Required = false,
        Options = FieldSpec.OptionsOf<PlanEndReason>(Display.Words),
        Hint = "If the plan ends",
    };

    private IReadOnlyList<FieldOption> chairs = [];

    private FieldSpec Chair => new("Chair", FieldKind.Select, "Conference chair", "the conference chair")
    {
        Options = chairs,
        Hint = "An independent reviewing officer or conference chair",
    };

    private FieldSpec Category => new("LatestCategory", FieldKind.Radios, "New category of abuse", "the new category of abuse")
    {
        Required = false,
        Options = FieldSpec.OptionsOf(AbuseCategory.Set, AssessmentJourney.CollectionYear(Today)),
        Hint = "Only if the plan continues and the conference changed the category",
    };

    public override string Heading => "Record a review child protection conference";

    public override IReadOnlyList<FieldSpec> Fields => [Date, Chair, Outcome, Category, EndReason];

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long planId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var plan = await Db.ProtectionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && p.ChildId == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        chairs = await ProtectionJourney.ChairOptionsAsync(Db, Today, cancellationToken);
        if (MyWorkerId is { } me && chairs.Any(c => c.Value == me.ToString(CultureInfo.InvariantCulture)))
        {
            Values[Chair.Name] = me.ToString(CultureInfo.InvariantCulture);
        }

        CarryVersion(plan);
        await DescribeAsync(plan, await FileAsync(cancellationToken), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long planId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var plan = await Db.ProtectionPlans.SingleOrDefaultAsync(p => p.Id == planId && p.ChildId == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        chairs = await ProtectionJourney.ChairOptionsAsync(Db, Today, cancellationToken);
        var form = Reader();
        var date = form.Date(Date);
        var chair = form.Option(Chair);
        var outcome = form.Choice<ConferenceOutcome>(Outcome);
        var category = form.Code<AbuseCategory>(Category);
        var reason = form.Choice<PlanEndReason>(EndReason);
        var before = await FileAsync(cancellationToken);
        var previous = before.Conferences.Where(c => c.PlanId == plan.Id || (c.Type == ConferenceType.Review && c.PlanId is null && c.ReferralId == plan.ReferralId))
            .Where(c => c.Type == ConferenceType.Review).MaxBy(c => c.Date);
        if (plan.EndDate is { } ended)
        {
            form.Error(Date, $"The plan already ended on {Display.Date(ended)}");
        }
        else if (date is { } d)
        {
            if (d <= plan.StartDate)
            {
                form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be after the plan started, {Display.Date(plan.StartDate)}");
            }
            else if (previous is not null && d <= previous.Date)
            {
                form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be after the previous review conference, {Display.Date(previous.Date)}");
            }
        }

        if (outcome == ConferenceOutcome.PlanEnded && reason is null && !form.HasError(EndReason))
        {
            form.Error(EndReason, "Select why the plan ends");
        }

        var stepDown = outcome == ConferenceOutcome.PlanEnded && reason == PlanEndReason.SteppedDownToChildInNeed;
        var openCin = AssessmentJourney.OpenChildInNeedPlan(before);
        if (!form.IsValid)
        {
            CarryVersion(plan);
            await DescribeAsync(plan, before, cancellationToken);
            return Page();
        }

        ExpectVersion(plan, form);
        var chairId = long.Parse(chair!, CultureInfo.InvariantCulture);
        var conference = new ChildProtectionConference
        {
            ChildId = Child.Id,
            ReferralId = plan.ReferralId,
            PlanId = plan.Id,
            Type = ConferenceType.Review,
            Date = date!.Value,
            Outcome = outcome!.Value,
            ChairWorkerId = chairId,
        };
        var detail = $"review child protection conference recorded: {Display.Iso(conference.Date)}, outcome {conference.Outcome}";
        ChildInNeedPlan? cin = null;
        if (conference.Outcome == ConferenceOutcome.PlanContinues)
        {
            if (category is { } c && c != plan.LatestCategory)
            {
                plan.LatestCategory = c;
                detail += $", latest category {c.Code}";
            }
        }
        else
        {
            plan.EndDate = conference.Date;
            plan.EndReason = reason!.Value;
            plan.StepDownProposedOn = null;
            plan.StepDownProposedByWorkerId = null;
            detail += $"; plan ended, reason {plan.EndReason}";
            if (stepDown)
            {
                plan.StepDownAuthorisedByWorkerId = chairId;
                if (openCin is null)
                {
                    cin = new ChildInNeedPlan { ChildId = Child.Id, ReferralId = plan.ReferralId, StartDate = conference.Date };
                    detail += $"; child in need plan started {Display.Iso(cin.StartDate)}";
                }
            }
        }

        var after = ChildFileLoader.With(
            before,
            conferences: [.. before.Conferences, conference],
            protectionPlans: ChildFileLoader.Replace(before.ProtectionPlans, plan),
            childInNeedPlans: cin is null ? null : [.. before.ChildInNeedPlans, cin]);
        if (!ReturnChecksAllow(before, after))
        {
            CarryVersion(plan);
            await DescribeAsync(plan, before, cancellationToken);
            return Page();
        }

        Db.Conferences.Add(conference);
        if (cin is not null)
        {
            Db.ChildInNeedPlans.Add(cin);
        }

        string done;
        if (conference.Outcome == ConferenceOutcome.PlanContinues)
        {
            done = $"Review conference recorded. Next review conference due by {Display.Date(StatutoryClock.DueDates.NextRcpcDue(conference.Date))}";
        }
        else if (stepDown)
        {
            done = cin is not null
                ? "Review conference recorded. The child protection plan ended and the child in need plan started"
                : "Review conference recorded. The child protection plan ended; the child already has a child in need plan";
            var months = await ProtectionJourney.StepDownReviewMonthsAsync(Db, cancellationToken);
            if (ProtectionJourney.StepDownListedForReview(plan, conference.Date, months))
            {
                done += ". " + ProtectionJourney.StepDownReviewText(months);
            }
        }
        else
        {
            done = "Review conference recorded. The child protection plan ended";
        }

        return await SaveAsync(detail, cancellationToken, done: done);
    }

    private async Task DescribeAsync(ChildProtectionPlan plan, ChildFile file, CancellationToken cancellationToken)
    {
        Facts.Add(new SummaryListRow("Plan started", Display.Date(plan.StartDate)));
        Facts.Add(new SummaryListRow("Latest category", ProtectionJourney.Category(plan.LatestCategory)));
        if (plan.EndDate is { } ended)
        {
            Facts.Add(new SummaryListRow("Plan ended", Display.Date(ended)));
            return;
        }

        var standards = await StandardsAsync(cancellationToken);
        Facts.AddRange(ProtectionJourney.PlanFacts(file, Today, standards, ClockRules.FirstRcpc, ClockRules.Rcpc));
        if (chairs.Count == 0)
        {
            Facts.Add(new SummaryListRow("Conference chairs", "No independent reviewing officer is in post to chair the conference"));
        }
    }
}
