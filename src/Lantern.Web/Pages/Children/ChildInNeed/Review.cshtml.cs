using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.ChildInNeed;

/// <summary>Record a review of a child in need plan: its date, within the plan. The clock's next
/// review and next visit due dates are shown.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class ReviewModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Date = new("ReviewDate", FieldKind.Date, "Date of the review", "the date of the review") { Hint = "For example, 27 3 2026" };

    public override string Heading => "Record a child in need plan review";

    public override IReadOnlyList<FieldSpec> Fields => [Date];

    public override string SaveText => "Save review";

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

        await DescribeAsync(plan, await FileAsync(cancellationToken), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long planId, CancellationToken cancellationToken)
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

        var form = Reader();
        var date = form.Date(Date);
        if (date is { } d && d < plan.StartDate)
        {
            form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or after the plan started, {Display.Date(plan.StartDate)}");
        }
        else if (date is { } e && plan.EndDate is { } ended && e > ended)
        {
            form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or before the plan ended, {Display.Date(ended)}");
        }

        var before = await FileAsync(cancellationToken);
        if (!form.IsValid)
        {
            await DescribeAsync(plan, before, cancellationToken);
            return Page();
        }

        var review = new ChildInNeedPlanReview { ChildId = Child.Id, PlanId = plan.Id, Date = date!.Value };
        var after = ChildFileLoader.With(before, childInNeedReviews: [.. before.ChildInNeedReviews, review]);
        if (!ReturnChecksAllow(before, after))
        {
            await DescribeAsync(plan, before, cancellationToken);
            return Page();
        }

        Db.ChildInNeedReviews.Add(review);
        var standards = await StandardsAsync(cancellationToken);
        var next = StatutoryClock.Evaluate(after, Today, standards).FirstOrDefault(i => i.Rule == ClockRules.ChildInNeedReview);
        return await SaveAsync(
            $"child in need plan review recorded: {Display.Iso(review.Date)} (plan started {Display.Iso(plan.StartDate)})",
            cancellationToken,
            done: next is null ? "Review recorded" : $"Review recorded. The next review is due by {Display.Date(next.DueOn)}");
    }

    private async Task DescribeAsync(ChildInNeedPlan plan, ChildFile file, CancellationToken cancellationToken)
    {
        Facts.Add(new SummaryListRow("Plan started", Display.Date(plan.StartDate)));
        if (plan.EndDate is { } ended)
        {
            Facts.Add(new SummaryListRow("Plan ended", Display.Date(ended)));
        }

        var last = file.ChildInNeedReviews.Where(r => r.PlanId == plan.Id).MaxBy(r => r.Date);
        Facts.Add(new SummaryListRow("Last review", last is null ? "None yet" : Display.Date(last.Date)));
        var standards = await StandardsAsync(cancellationToken);
        foreach (var item in StatutoryClock.Evaluate(file, Today, standards).Where(i => i.Rule is ClockRules.ChildInNeedReview or ClockRules.ChildInNeedVisit))
        {
            var title = item.Rule == ClockRules.ChildInNeedReview ? "Next review" : "Next child in need visit";
            Facts.Add(new SummaryListRow(title, $"Due by {Display.Date(item.DueOn)} ({ClockText.Status(item, Today)})"));
        }
    }
}
