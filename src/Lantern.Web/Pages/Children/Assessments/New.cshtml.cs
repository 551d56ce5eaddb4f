using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.Assessments;

/// <summary>Start a child and family assessment on the child's open referral: the start date (on or
/// after the referral, not in the future). Shows both 45-working-day clocks: from the referral
/// (Working Together) and from the start (the DfE measure). One open assessment per referral.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class NewModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Start = new("StartDate", FieldKind.Date, "Date the assessment started", "the date the assessment started") { Hint = "For example, 27 3 2026" };

    public override string Heading => "Start an assessment";

    public override IReadOnlyList<FieldSpec> Fields => [Start];

    public override string SaveText => "Start the assessment";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        Describe(await FileAsync(cancellationToken));
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
            form.Error(Start, "The child has no open referral. Record a referral before starting an assessment");
        }
        else if (AssessmentJourney.OpenAssessment(before, referral.Id) is { } open)
        {
            form.Error(Start, $"An assessment started on {Display.Date(open.StartDate)} has not been authorised yet. Complete it before starting another");
        }
        else if (start is { } s && s < referral.ReferralDate)
        {
            form.Error(Start, $"{FormReader.Capital(Start.Subject)} must be the same as or after the date of the referral, {Display.Date(referral.ReferralDate)}");
        }

        if (!form.IsValid)
        {
            Describe(before);
            return Page();
        }

        var assessment = new Assessment { ChildId = Child.Id, ReferralId = referral!.Id, StartDate = start!.Value };
        if (!ReturnChecksAllow(before, ChildFileLoader.With(before, assessments: [.. before.Assessments, assessment])))
        {
            Describe(before);
            return Page();
        }

        Db.Assessments.Add(assessment);
        var due = StatutoryClock.DueDates.AssessmentDue(assessment.StartDate);
        return await SaveAsync(
            $"assessment started: {Display.Iso(assessment.StartDate)} on the referral of {Display.Iso(referral.ReferralDate)}",
            cancellationToken,
            done: $"Assessment started. It is due by {Display.Date(due)} (45 working days from the start)");
    }

    private void Describe(ChildFile file)
    {
        if (AssessmentJourney.OpenReferral(file) is not { } referral)
        {
            Facts.Add(new SummaryListRow("Referral", "The child has no open referral. Record a referral before starting an assessment"));
            return;
        }

        Facts.AddRange(AssessmentJourney.Clocks(referral, null, Today));
        Facts.Add(new SummaryListRow("If started today", $"Due by {Display.Date(StatutoryClock.DueDates.AssessmentDue(Today))} (45 working days from the start)"));
    }
}
