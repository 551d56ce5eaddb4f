using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.ChildInNeed;

/// <summary>End a child in need plan: the end date (not before it started, nor before its last
/// review) and why. The reason goes into the child's chronology as a significant event.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class EndModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Date = new("EndDate", FieldKind.Date, "Date the plan ended", "the date the plan ended") { Hint = "For example, 27 3 2026" };

    private static readonly FieldSpec Reason = new("Reason", FieldKind.TextArea, "Why the plan ended", "why the plan ended") { MaxLength = 1000 };

    public override string Heading => "End the child in need plan";

    public override IReadOnlyList<FieldSpec> Fields => [Date, Reason];

    public override string SaveText => "End the plan";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long planId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var plan = await Db.ChildInNeedPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && p.ChildId == id, cancellationToken);
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

        var plan = await Db.ChildInNeedPlans.SingleOrDefaultAsync(p => p.Id == planId && p.ChildId == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        var form = Reader();
        var date = form.Date(Date);
        var reason = form.Text(Reason);
        var before = await FileAsync(cancellationToken);
        if (plan.EndDate is { } ended)
        {
            form.Error(Date, $"The plan already ended on {Display.Date(ended)}");
        }
        else if (date is { } d)
        {
            var lastReview = before.ChildInNeedReviews.Where(r => r.PlanId == plan.Id).MaxBy(r => r.Date);
            if (d < plan.StartDate)
            {
                form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or after the date it started, {Display.Date(plan.StartDate)}");
            }
            else if (lastReview is not null && d < lastReview.Date)
            {
                form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or after its last review, {Display.Date(lastReview.Date)}");
            }
        }

        if (!form.IsValid)
        {
            CarryVersion(plan);
            Describe(plan);
            return Page();
        }

        ExpectVersion(plan, form);
        plan.EndDate = date!.Value;
        if (!ReturnChecksAllow(before, ChildFileLoader.With(before, childInNeedPlans: ChildFileLoader.Replace(before.ChildInNeedPlans, plan))))
        {
            CarryVersion(plan);
            Describe(plan);
            return Page();
        }

        Db.SignificantEvents.Add(new SignificantEvent
        {
            ChildId = Child.Id,
            Date = plan.EndDate.Value,
            Title = "Child in need plan ended",
            Detail = reason!,
            RecordedByWorkerId = MyWorkerId,
            RecordedAt = DateTime.UtcNow,
        });
        return await SaveAsync($"child in need plan ended: started {Display.Iso(plan.StartDate)}, ended {Display.Iso(plan.EndDate.Value)}", cancellationToken, done: "Child in need plan ended");
    }

    private void Describe(ChildInNeedPlan plan)
    {
        Facts.Add(new SummaryListRow("Plan started", Display.Date(plan.StartDate)));
        if (plan.EndDate is { } ended)
        {
            Facts.Add(new SummaryListRow("Plan ended", Display.Date(ended)));
        }
    }
}
