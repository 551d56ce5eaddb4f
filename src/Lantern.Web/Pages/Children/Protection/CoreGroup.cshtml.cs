using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Protection;

/// <summary>Record a core group meeting of a child protection plan: the date, within the plan (not
/// before it started, not after it ended, not in the future). The facts show when the first or next
/// core group is due (10 working days after the initial conference, then the local interval).</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class CoreGroupModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Date = new("Date", FieldKind.Date, "Date of the core group meeting", "the date of the core group meeting") { Hint = "For example, 27 3 2026" };

    public override string Heading => "Record a core group meeting";

    public override IReadOnlyList<FieldSpec> Fields => [Date];

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

        await DescribeAsync(plan, await FileAsync(cancellationToken), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long planId, CancellationToken cancellationToken)
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

        var form = Reader();
        var date = form.Date(Date);
        var before = await FileAsync(cancellationToken);
        if (date is { } d)
        {
            if (d < plan.StartDate)
            {
                form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or after the plan started, {Display.Date(plan.StartDate)}");
            }
            else if (plan.EndDate is { } ended && d > ended)
            {
                form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or before the plan ended, {Display.Date(ended)}");
            }
        }

        if (!form.IsValid)
        {
            await DescribeAsync(plan, before, cancellationToken);
            return Page();
        }

        var meeting = new CoreGroupMeeting { ChildId = Child.Id, PlanId = plan.Id, Date = date!.Value };
        if (!ReturnChecksAllow(before, ChildFileLoader.With(before, coreGroups: [.. before.CoreGroups, meeting])))
        {
            await DescribeAsync(plan, before, cancellationToken);
            return Page();
        }

        Db.CoreGroups.Add(meeting);
        var standards = await StandardsAsync(cancellationToken);
        var latest = before.CoreGroups.Where(g => g.PlanId == plan.Id).Select(g => g.Date).Append(meeting.Date).Max();
        var next = plan.EndDate is null ? $". Next core group due by {Display.Date(StatutoryClock.DueDates.NextCoreGroupDue(latest, standards.CoreGroupIntervalWeeks))}" : "";
        return await SaveAsync($"core group meeting recorded: {Display.Iso(meeting.Date)}", cancellationToken, done: "Core group meeting recorded" + next);
    }

    private async Task DescribeAsync(ChildProtectionPlan plan, ChildFile file, CancellationToken cancellationToken)
    {
        Facts.Add(new SummaryListRow("Plan started", Display.Date(plan.StartDate)));
        if (plan.EndDate is { } ended)
        {
            Facts.Add(new SummaryListRow("Plan ended", Display.Date(ended)));
            return;
        }

        if (file.CoreGroups.Where(g => g.PlanId == plan.Id).MaxBy(g => g.Date) is { } last)
        {
            Facts.Add(new SummaryListRow("Last core group", Display.Date(last.Date)));
        }

        var standards = await StandardsAsync(cancellationToken);
        Facts.AddRange(ProtectionJourney.PlanFacts(file, Today, standards, ClockRules.FirstCoreGroup, ClockRules.CoreGroup));
    }
}
