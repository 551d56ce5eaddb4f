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

/// <summary>Propose stepping a child protection plan down to a child in need plan: the date of the
/// proposal (within the plan, not in the future) and why. The plan does not end until a manager
/// authorises it (<see cref="StepDownAuthoriseModel"/>); the reason goes into the chronology as a
/// significant event. A step-down soon after the plan started (the council's setting, 3 months by
/// default) is listed for review, and the page says so.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class StepDownModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Date = new("ProposedOn", FieldKind.Date, "Date of the proposal", "the date of the proposal") { Hint = "For example, 27 3 2026" };

    private static readonly FieldSpec Reason = new("Reason", FieldKind.TextArea, "Why the plan should step down", "why the plan should step down")
    {
        MaxLength = 1000,
        Hint = "What has changed, and what support the child in need plan will give",
    };

    public override string Heading => "Propose a step-down to child in need";

    public override IReadOnlyList<FieldSpec> Fields => [Date, Reason];

    public override string SaveText => "Send to a manager";

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

        AssessmentJourney.PutDate(Values, Date, Today);
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
        var date = form.Date(Date);
        var reason = form.Text(Reason);
        if (MyWorkerId is null)
        {
            form.Error(Date, "Your account is not linked to a worker record, so you cannot propose a step-down");
        }
        else if (plan.EndDate is { } ended)
        {
            form.Error(Date, $"The plan already ended on {Display.Date(ended)}");
        }
        else if (plan.StepDownProposedOn is { } proposed)
        {
            form.Error(Date, $"A step-down was already proposed on {Display.Date(proposed)}. A manager must authorise or decline it first");
        }
        else if (date is { } d && d < plan.StartDate)
        {
            form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or after the plan started, {Display.Date(plan.StartDate)}");
        }

        if (!form.IsValid)
        {
            CarryVersion(plan);
            await DescribeAsync(plan, cancellationToken);
            return Page();
        }

        ExpectVersion(plan, form);
        plan.StepDownProposedOn = date!.Value;
        plan.StepDownProposedByWorkerId = MyWorkerId;
        var before = await FileAsync(cancellationToken);
        if (!ReturnChecksAllow(before, ChildFileLoader.With(before, protectionPlans: ChildFileLoader.Replace(before.ProtectionPlans, plan))))
        {
            CarryVersion(plan);
            await DescribeAsync(plan, cancellationToken);
            return Page();
        }

        Db.SignificantEvents.Add(new SignificantEvent
        {
            ChildId = Child.Id,
            Date = plan.StepDownProposedOn.Value,
            Title = ProtectionJourney.StepDownEventTitle,
            Detail = reason!,
            RecordedByWorkerId = MyWorkerId,
            RecordedAt = DateTime.UtcNow,
        });
        var months = await ProtectionJourney.StepDownReviewMonthsAsync(Db, cancellationToken);
        var done = "Step-down proposed. A manager must authorise it before the plan ends";
        if (ProtectionJourney.StepDownListedForReview(plan, plan.StepDownProposedOn.Value, months))
        {
            done += ". " + ProtectionJourney.StepDownReviewText(months);
        }

        return await SaveAsync($"step-down to child in need proposed: {Display.Iso(plan.StepDownProposedOn.Value)}, plan started {Display.Iso(plan.StartDate)}", cancellationToken, done: done);
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

        if (plan.StepDownProposedOn is { } proposed)
        {
            Facts.Add(new SummaryListRow("Step-down proposed", $"On {Display.Date(proposed)} by {await ProtectionJourney.WorkerNameAsync(Db, plan.StepDownProposedByWorkerId, cancellationToken)}, awaiting a manager"));
        }

        var months = await ProtectionJourney.StepDownReviewMonthsAsync(Db, cancellationToken);
        if (ProtectionJourney.StepDownListedForReview(plan, Today, months))
        {
            Facts.Add(new SummaryListRow("Review", ProtectionJourney.StepDownReviewText(months)));
        }

        Facts.Add(new SummaryListRow("Authorisation", "A manager must authorise the step-down. The plan stays open until then"));
    }
}
