using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Protection;

/// <summary>A manager decides on a proposed step-down (never their own proposal). Agreeing ends the
/// child protection plan on the date given (not before it started nor before the proposal), reason
/// stepped down to child in need, records who authorised it and starts the child in need plan the
/// same day. Declining needs a reason (kept as a management decision) and clears the proposal.</summary>
[RequirePermission(Permission.AuthoriseCasework)]
public sealed class StepDownAuthoriseModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private const string AgreeValue = "agree";
    private const string DeclineValue = "decline";

    private static readonly FieldSpec Decision = new("Decision", FieldKind.Radios, "Your decision", "your decision")
    {
        Options = [new(AgreeValue, "Agree the step-down to child in need"), new(DeclineValue, "Decline it: the plan continues")],
    };

    private static readonly FieldSpec EndDate = new("EndDate", FieldKind.Date, "Date the plan ended", "the date the plan ended")
    {
        Required = false,
        Hint = "If you agree: the child protection plan ends and the child in need plan starts on this date. For example, 27 3 2026",
    };

    private static readonly FieldSpec DeclineReason = new("DeclineReason", FieldKind.TextArea, "Why you declined", "why you declined")
    {
        Required = false,
        MaxLength = 1000,
        Hint = "If you decline",
    };

    public override string Heading => "Authorise the step-down to child in need";

    public override IReadOnlyList<FieldSpec> Fields => [Decision, EndDate, DeclineReason];

    public override string SaveText => "Save decision";

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

        AssessmentJourney.PutDate(Values, EndDate, Today);
        CarryVersion(plan);
        await DescribeAsync(plan, cancellationToken);
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

        var form = Reader();
        var decision = form.Option(Decision);
        var end = form.Date(EndDate);
        var declineReason = form.Text(DeclineReason);
        var before = await FileAsync(cancellationToken);
        if (MyWorkerId is not { } me)
        {
            form.Error(Decision, "Your account is not linked to a worker record, so you cannot authorise a step-down");
        }
        else if (plan.EndDate is { } ended)
        {
            form.Error(Decision, $"The plan already ended on {Display.Date(ended)}");
        }
        else if (plan.StepDownProposedOn is null)
        {
            form.Error(Decision, "No step-down has been proposed for this plan");
        }
        else if (plan.StepDownProposedByWorkerId == me)
        {
            form.Error(Decision, "You proposed this step-down yourself. Another manager must authorise or decline it");
        }

        if (decision == AgreeValue)
        {
            if (end is null && !form.HasError(EndDate))
            {
                form.Error(EndDate, "Enter the date the plan ended");
            }
            else if (end is { } d && d < plan.StartDate)
            {
                form.Error(EndDate, $"{FormReader.Capital(EndDate.Subject)} must be the same as or after the date it started, {Display.Date(plan.StartDate)}");
            }
            else if (end is { } e && plan.StepDownProposedOn is { } proposed && e < proposed)
            {
                form.Error(EndDate, $"{FormReader.Capital(EndDate.Subject)} must be the same as or after the step-down was proposed, {Display.Date(proposed)}");
            }
        }
        else if (decision == DeclineValue && declineReason is null && !form.HasError(DeclineReason))
        {
            form.Error(DeclineReason, "Enter why you declined");
        }

        if (!form.IsValid)
        {
            CarryVersion(plan);
            await DescribeAsync(plan, cancellationToken);
            return Page();
        }

        ExpectVersion(plan, form);
        if (decision == DeclineValue)
        {
            var proposedOn = plan.StepDownProposedOn!.Value;
            plan.StepDownProposedOn = null;
            plan.StepDownProposedByWorkerId = null;
            Db.ManagementDecisions.Add(new ManagementDecision
            {
                ChildId = Child.Id,
                ManagerId = MyWorkerId!.Value,
                Date = Today,
                Decision = "Step-down to child in need declined; the child protection plan continues",
                Rationale = declineReason!,
            });
            return await SaveAsync($"step-down to child in need declined: proposed {Display.Iso(proposedOn)}", cancellationToken, done: "Step-down declined. The child protection plan continues");
        }

        var on = end!.Value;
        plan.EndDate = on;
        plan.EndReason = PlanEndReason.SteppedDownToChildInNeed;
        plan.StepDownAuthorisedByWorkerId = MyWorkerId;
        var detail = $"step-down to child in need authorised: plan started {Display.Iso(plan.StartDate)}, ended {Display.Iso(on)}";
        ChildInNeedPlan? cin = null;
        if (AssessmentJourney.OpenChildInNeedPlan(before) is null)
        {
            cin = new ChildInNeedPlan { ChildId = Child.Id, ReferralId = plan.ReferralId, StartDate = on };
            detail += $"; child in need plan started {Display.Iso(on)}";
        }

        var after = ChildFileLoader.With(
            before,
            protectionPlans: ChildFileLoader.Replace(before.ProtectionPlans, plan),
            childInNeedPlans: cin is null ? null : [.. before.ChildInNeedPlans, cin]);
        if (!ReturnChecksAllow(before, after))
        {
            CarryVersion(plan);
            await DescribeAsync(plan, cancellationToken);
            return Page();
        }

        if (cin is not null)
        {
            Db.ChildInNeedPlans.Add(cin);
        }

        var done = cin is not null
            ? "Step-down authorised. The child protection plan ended and the child in need plan started"
            : "Step-down authorised. The child protection plan ended; the child already has a child in need plan";
        var months = await ProtectionJourney.StepDownReviewMonthsAsync(Db, cancellationToken);
        if (ProtectionJourney.StepDownListedForReview(plan, on, months))
        {
            done += ". " + ProtectionJourney.StepDownReviewText(months);
        }

        return await SaveAsync(detail, cancellationToken, done: done);
    }

    private async Task DescribeAsync(ChildProtectionPlan plan, CancellationToken cancellationToken)
    {
        Facts.Add(new SummaryListRow("Plan started", Display.Date(plan.StartDate)));
        Facts.Add(new SummaryListRow("Latest category", ProtectionJourney.Category(plan.LatestCategory)));
        if (plan.EndDate is { } ended)
        {
            Facts.Add(new SummaryListRow("Plan ended", Display.Date(ended)));
            return;
        }

        if (plan.StepDownProposedOn is not { } proposed)
        {
            Facts.Add(new SummaryListRow("Step-down proposed", "No step-down has been proposed for this plan"));
            return;
        }

        Facts.Add(new SummaryListRow("Step-down proposed", $"On {Display.Date(proposed)} by {await ProtectionJourney.WorkerNameAsync(Db, plan.StepDownProposedByWorkerId, cancellationToken)}"));
        var reason = await Db.SignificantEvents.AsNoTracking()
            .Where(e => e.ChildId == plan.ChildId && e.Title == ProtectionJourney.StepDownEventTitle && e.Date == proposed)
            .OrderByDescending(e => e.Id).Select(e => e.Detail).FirstOrDefaultAsync(cancellationToken);
        if (reason is not null)
        {
            Facts.Add(new SummaryListRow("Why", reason));
        }

        var months = await ProtectionJourney.StepDownReviewMonthsAsync(Db, cancellationToken);
        if (ProtectionJourney.StepDownListedForReview(plan, Today, months))
        {
            Facts.Add(new SummaryListRow("Review", ProtectionJourney.StepDownReviewText(months)));
        }
    }
}
