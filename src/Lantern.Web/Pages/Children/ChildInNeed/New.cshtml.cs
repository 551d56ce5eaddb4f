using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.ChildInNeed;

/// <summary>Start a child in need plan on the child's open referral: the start date (on or after
/// the referral). A child has one open child in need plan at a time.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class NewModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Start = new("StartDate", FieldKind.Date, "Date the plan started", "the date the plan started") { Hint = "For example, 27 3 2026" };

    public override string Heading => "Start a child in need plan";

    public override IReadOnlyList<FieldSpec> Fields => [Start];

    public override string SaveText => "Start the plan";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        await DescribeAsync(await FileAsync(cancellationToken), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var form = Reader();
        var start = form.Date(Start);
        var before = await FileAsync(cancellationToken);
        var referral = AssessmentJourney.OpenReferral(before);
        if (referral is null)
        {
            form.Error(Start, "The child has no open referral. Record a referral before starting a child in need plan");
        }
        else if (AssessmentJourney.OpenChildInNeedPlan(before) is { } open)
        {
            form.Error(Start, $"The child already has a child in need plan, started on {Display.Date(open.StartDate)}. End it before starting another");
        }
        else if (start is { } s && s < referral.ReferralDate)
        {
            form.Error(Start, $"{FormReader.Capital(Start.Subject)} must be the same as or after the date of the referral, {Display.Date(referral.ReferralDate)}");
        }

        if (!form.IsValid)
        {
            await DescribeAsync(before, cancellationToken);
            return Page();
        }

        var plan = new ChildInNeedPlan { ChildId = Child.Id, ReferralId = referral!.Id, StartDate = start!.Value };
        if (!ReturnChecksAllow(before, ChildFileLoader.With(before, childInNeedPlans: [.. before.ChildInNeedPlans, plan])))
        {
            await DescribeAsync(before, cancellationToken);
            return Page();
        }

        Db.ChildInNeedPlans.Add(plan);
        return await SaveAsync($"child in need plan started: {Display.Iso(plan.StartDate)} on the referral of {Display.Iso(referral.ReferralDate)}", cancellationToken, done: "Child in need plan started");
    }

    private async Task DescribeAsync(ChildFile file, CancellationToken cancellationToken)
    {
        if (AssessmentJourney.OpenReferral(file) is not { } referral)
        {
            Facts.Add(new SummaryListRow("Referral", "The child has no open referral. Record a referral before starting a child in need plan"));
            return;
        }

        Facts.Add(new SummaryListRow("Referral date", Display.Date(referral.ReferralDate)));
        if (AssessmentJourney.OpenChildInNeedPlan(file) is { } open)
        {
            Facts.Add(new SummaryListRow("Open child in need plan", $"Started on {Display.Date(open.StartDate)}"));
        }

        if (file.ProtectionPlans.FirstOrDefault(p => p.EndDate is null) is { } cp)
        {
            Facts.Add(new SummaryListRow("Child protection plan", $"Open since {Display.Date(cp.StartDate)}: a child protection plan takes the place of a child in need plan while it is open"));
        }

        var standards = await StandardsAsync(cancellationToken);
        Facts.Add(new SummaryListRow("If started today", $"First review due by {Display.Date(StatutoryClock.DueDates.NextCinReviewDue(Today, standards.ChildInNeedReviewMonths))}; first visit due by {Display.Date(StatutoryClock.DueDates.NextCinVisitDue(Today, standards.ChildInNeedVisitWorkingDays))}"));
    }
}
