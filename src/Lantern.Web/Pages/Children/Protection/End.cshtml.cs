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

/// <summary>A manager ends a child protection plan for a reason other than a step-down to child in
/// need (that needs a proposal and its authorisation, or a review conference): the end date (not
/// before the plan started, not in the future) and the reason. Any step-down proposal is cleared.</summary>
[RequirePermission(Permission.AuthoriseCasework)]
public sealed class EndModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec EndDate = new("EndDate", FieldKind.Date, "Date the plan ended", "the date the plan ended") { Hint = "For example, 27 3 2026" };

    private static readonly FieldSpec Reason = new("EndReason", FieldKind.Radios, "Why the plan ended", "why the plan ended")
    {
        Options = FieldSpec.OptionsOf<PlanEndReason>(Display.Words, include: r => r != PlanEndReason.SteppedDownToChildInNeed),
        Hint = "To step down to a child in need plan, the worker proposes it and a manager authorises it",
    };

    public override string Heading => "End the child protection plan";

    public override IReadOnlyList<FieldSpec> Fields => [EndDate, Reason];

    public override string SaveText => "End the plan";

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

        CarryVersion(plan);
        Describe(plan);
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
        var end = form.Date(EndDate);
        var reason = form.Choice<PlanEndReason>(Reason);
        var before = await FileAsync(cancellationToken);
        if (plan.EndDate is { } ended)
        {
            form.Error(EndDate, $"The plan already ended on {Display.Date(ended)}");
        }
        else if (end is { } d)
        {
            var lastMeeting = before.Conferences.Where(c => c.PlanId == plan.Id).Select(c => c.Date)
                .Concat(before.CoreGroups.Where(g => g.PlanId == plan.Id).Select(g => g.Date))
                .DefaultIfEmpty(plan.StartDate).Max();
            if (d < plan.StartDate)
            {
                form.Error(EndDate, $"{FormReader.Capital(EndDate.Subject)} must be the same as or after the date it started, {Display.Date(plan.StartDate)}");
            }
            else if (d < lastMeeting)
            {
                form.Error(EndDate, $"{FormReader.Capital(EndDate.Subject)} must be the same as or after its last conference or core group, {Display.Date(lastMeeting)}");
            }
        }

        if (reason == PlanEndReason.SteppedDownToChildInNeed)
        {
            form.Error(Reason, "Select why the plan ended from the list");
        }

        if (!form.IsValid)
        {
            CarryVersion(plan);
            Describe(plan);
            return Page();
        }

        ExpectVersion(plan, form);
        plan.EndDate = end!.Value;
        plan.EndReason = reason!.Value;
        plan.StepDownProposedOn = null;
        plan.StepDownProposedByWorkerId = null;
        if (!ReturnChecksAllow(before, ChildFileLoader.With(before, protectionPlans: ChildFileLoader.Replace(before.ProtectionPlans, plan))))
        {
            CarryVersion(plan);
            Describe(plan);
            return Page();
        }

        return await SaveAsync(
            $"child protection plan ended: started {Display.Iso(plan.StartDate)}, ended {Display.Iso(plan.EndDate.Value)}, reason {plan.EndReason}",
            cancellationToken,
            done: "Child protection plan ended");
    }

    private void Describe(ChildProtectionPlan plan)
    {
        Facts.Add(new SummaryListRow("Plan started", Display.Date(plan.StartDate)));
        Facts.Add(new SummaryListRow("Latest category", ProtectionJourney.Category(plan.LatestCategory)));
        if (plan.EndDate is { } ended)
        {
            Facts.Add(new SummaryListRow("Plan ended", $"{Display.Date(ended)}{(plan.EndReason is { } r ? ": " + Display.Words(r).ToLowerInvariant() : "")}"));
        }
    }
}
