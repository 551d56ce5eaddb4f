using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.Protection;

/// <summary>Record a strategy discussion on the child's open referral: the date (on or after the
/// referral, not in the future), who took part and whether to start a section 47 enquiry. Starting
/// one creates the enquiry, started on the date of the discussion (S47ActualStartDate), and the
/// initial conference clock (15 working days by default) runs from that date.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class StrategyModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private const string NoReferral = "The child has no open referral. Record a referral before recording a strategy discussion";

    private static readonly FieldSpec Date = new("Date", FieldKind.Date, "Date of the strategy discussion", "the date of the strategy discussion") { Hint = "For example, 23 3 2026" };

    private static readonly FieldSpec Participants = new("Participants", FieldKind.TextArea, "Who took part", "who took part")
    {
        Hint = "The agencies and roles, for example police, health, school and children's social care",
        MaxLength = 1000,
        Rows = 3,
    };

    private static readonly FieldSpec Decision = new("Decision", FieldKind.Radios, "Decision", "the decision")
    {
        Options =
        [
            new(nameof(StrategyDecision.Section47), "Start a section 47 enquiry"),
            new(nameof(StrategyDecision.NoSection47), "Do not start a section 47 enquiry"),
        ],
    };

    public override string Heading => "Record a strategy discussion";

    public override IReadOnlyList<FieldSpec> Fields => [Date, Participants, Decision];

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
        var date = form.Date(Date);
        var participants = form.Text(Participants);
        var decision = form.Choice<StrategyDecision>(Decision);
        var before = await FileAsync(cancellationToken);
        var referral = AssessmentJourney.OpenReferral(before);
        if (referral is null)
        {
            form.Error(Date, NoReferral);
        }
        else if (date is { } d && d < referral.ReferralDate)
        {
            form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or after the date of the referral, {Display.Date(referral.ReferralDate)}");
        }

        if (decision == StrategyDecision.Section47 && ProtectionJourney.OpenEnquiry(before) is { } open)
        {
            form.Error(Decision, $"A section 47 enquiry started on {Display.Date(open.StartDate)} is still open. Record its outcome before starting another");
        }

        if (!form.IsValid)
        {
            await DescribeAsync(before, cancellationToken);
            return Page();
        }

        var discussion = new StrategyDiscussion
        {
            ChildId = Child.Id,
            ReferralId = referral!.Id,
            Date = date!.Value,
            Participants = participants!,
            Decision = decision!.Value,
        };
        Section47Enquiry? enquiry = null;
        if (discussion.Decision == StrategyDecision.Section47)
        {
            enquiry = new Section47Enquiry { ChildId = Child.Id, ReferralId = referral.Id, StartDate = discussion.Date };
        }

        var after = ChildFileLoader.With(
            before,
            strategyDiscussions: [.. before.StrategyDiscussions, discussion],
            section47s: enquiry is null ? null : [.. before.Section47s, enquiry]);
        if (!ReturnChecksAllow(before, after))
        {
            await DescribeAsync(before, cancellationToken);
            return Page();
        }

        Db.StrategyDiscussions.Add(discussion);
        if (enquiry is null)
        {
            return await SaveAsync($"strategy discussion recorded: {Display.Iso(discussion.Date)}, no section 47 enquiry", cancellationToken, done: "Strategy discussion recorded");
        }

        // The enquiry points at the discussion, whose id the database gives: both rows and the
        // audit entry are written in the one transaction.
        var standards = await StandardsAsync(cancellationToken);
        var due = StatutoryClock.DueDates.IcpcDue(discussion.Date, standards.IcpcWorkingDays);
        await Audit.WriteRecordAsync(
            Child.Id,
            Basis,
            $"strategy discussion recorded: {Display.Iso(discussion.Date)}, section 47 enquiry started",
            async ct =>
            {
                await Db.SaveChangesAsync(ct);
                enquiry.StrategyDiscussionId = discussion.Id;
                Db.Section47s.Add(enquiry);
                await Db.SaveChangesAsync(ct);
            },
            cancellationToken);
        TempData["done"] = $"Strategy discussion recorded and section 47 enquiry started. Initial conference due by {Display.Date(due)} ({ProtectionJourney.WorkingDays(standards.IcpcWorkingDays)} from the strategy discussion)";
        return Redirect(RecordUrl);
    }

    private async Task DescribeAsync(ChildFile file, CancellationToken cancellationToken)
    {
        if (AssessmentJourney.OpenReferral(file) is not { } referral)
        {
            Facts.Add(new SummaryListRow("Referral", NoReferral)
            {
                Actions = [new SummaryListAction("Record a referral", $"/children/{Child.Id}/referrals/new")],
            });
            return;
        }

        Facts.Add(new SummaryListRow("Referral date", Display.Date(referral.ReferralDate)));
        if (ProtectionJourney.OpenEnquiry(file) is { } open)
        {
            Facts.Add(new SummaryListRow("Open section 47 enquiry", $"Started on {Display.Date(open.StartDate)}"));
        }

        if (ProtectionJourney.OpenPlan(file) is { } plan)
        {
            Facts.Add(new SummaryListRow("Child protection plan", $"Open since {Display.Date(plan.StartDate)}"));
        }

        var standards = await StandardsAsync(cancellationToken);
        Facts.Add(new SummaryListRow(
            "If an enquiry starts today",
            $"Initial conference due by {Display.Date(StatutoryClock.DueDates.IcpcDue(Today, standards.IcpcWorkingDays))} ({ProtectionJourney.WorkingDays(standards.IcpcWorkingDays)} from the strategy discussion)"));
    }
}
