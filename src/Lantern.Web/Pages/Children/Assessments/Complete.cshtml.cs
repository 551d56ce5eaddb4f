using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Assessments;

/// <summary>Complete an assessment and send it to a manager to authorise: the factors identified
/// (DfE codes, required unless the outcome is no further action), whether and when the child was
/// seen, the outcome and, for no further action, why. It can be changed again until a manager
/// authorises it.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class CompleteModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private FieldSpec Factors => new("Factors", FieldKind.Checkboxes, "Factors identified at the assessment", "the factors identified at the assessment")
    {
        Options = FieldSpec.OptionsOf(AssessmentFactor.Set, AssessmentJourney.CollectionYear(Today)),
        Required = false,
        Hint = "Select all that apply. Select 'No factors identified' on its own if there were none",
    };

    private static readonly FieldSpec Seen = new("ChildSeen", FieldKind.YesNo, "Was the child seen during the assessment?", "the child was seen during the assessment");

    private static readonly FieldSpec SeenDate = new("ChildSeenDate", FieldKind.Date, "Date the child was seen", "the date the child was seen")
    {
        Required = false,
        Hint = "Leave blank if the child was not seen. For example, 27 3 2026",
    };

    private static readonly FieldSpec Outcome = new("Outcome", FieldKind.Radios, "Outcome of the assessment", "the outcome of the assessment")
    {
        Options = FieldSpec.OptionsOf<AssessmentOutcome>(Display.Words, include: o => o != AssessmentOutcome.Pending),
    };

    private static readonly FieldSpec Reason = new("OutcomeReason", FieldKind.TextArea, "Why no further action", "why there is no further action")
    {
        Required = false,
        MaxLength = 1000,
        Hint = "Only if the outcome is no further action",
    };

    public override string Heading => "Complete the assessment";

    public override IReadOnlyList<FieldSpec> Fields => [Factors, Seen, SeenDate, Outcome, Reason];

    public override string SaveText => "Send to a manager to authorise";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long assessmentId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var assessment = await Db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && a.ChildId == id, cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }

        if (assessment.SubmittedOn is not null || assessment.AuthorisationDate is not null)
        {
            Values[Factors.Name] = string.Join(',', assessment.Factors.Select(f => f.Code));
            Values[Seen.Name] = assessment.ChildSeen ? "yes" : "no";
            if (assessment.ChildSeenDate is { } seen)
            {
                AssessmentJourney.PutDate(Values, SeenDate, seen);
            }

            Values[Outcome.Name] = assessment.Outcome == AssessmentOutcome.Pending ? null : assessment.Outcome.ToString();
            Values[Reason.Name] = assessment.OutcomeReason;
        }

        CarryVersion(assessment);
        await DescribeAsync(assessment, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long assessmentId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var assessment = await Db.Assessments.SingleOrDefaultAsync(a => a.Id == assessmentId && a.ChildId == id, cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }

        var form = Reader();
        var factors = form.CodeList<AssessmentFactor>(Factors);
        var seen = form.YesNo(Seen);
        var seenDate = form.Date(SeenDate);
        var outcome = form.Choice<AssessmentOutcome>(Outcome);
        var reason = form.Text(Reason);
        if (assessment.AuthorisationDate is { } authorised)
        {
            form.Error(Factors, $"This assessment was authorised on {Display.Date(authorised)} and can no longer be changed");
        }

        if (factors.Count == 0 && outcome is not AssessmentOutcome.NoFurtherAction && !form.HasError(Factors))
        {
            form.Error(Factors, "Select the factors identified at the assessment, or 'No factors identified'");
        }
        else if (factors.Count > 1 && factors.Contains(AssessmentFactor.NoFactors))
        {
            form.Error(Factors, "Select 'No factors identified' on its own, or only the factors identified");
        }

        if (seen == true && seenDate is null && !form.HasError(SeenDate))
        {
            form.Error(SeenDate, "Enter the date the child was seen");
        }
        else if (seen == false && seenDate is not null)
        {
            form.Error(SeenDate, "Leave the date the child was seen blank if the child was not seen, or change the answer to yes");
        }
        else if (seenDate is { } d && d < assessment.StartDate)
        {
            form.Error(SeenDate, $"The date the child was seen must be the same as or after the assessment started, {Display.Date(assessment.StartDate)}");
        }

        if (outcome == AssessmentOutcome.NoFurtherAction && reason is null && !form.HasError(Reason))
        {
            form.Error(Reason, "Enter why there is no further action");
        }

        if (!form.IsValid)
        {
            CarryVersion(assessment);
            await DescribeAsync(assessment, cancellationToken);
            return Page();
        }

        var before = await FileAsync(cancellationToken);
        ExpectVersion(assessment, form);
        assessment.Factors = [.. factors];
        assessment.ChildSeen = seen!.Value;
        assessment.ChildSeenDate = seenDate;
        assessment.Outcome = outcome!.Value;
        assessment.OutcomeReason = outcome == AssessmentOutcome.NoFurtherAction ? reason : null;
        assessment.SubmittedOn = Today;
        assessment.SubmittedByWorkerId = MyWorkerId;

        // The census reports factors only for an authorised assessment; until the manager authorises
        // it they are the worker's proposal, so the check sees the assessment without them.
        var asChecked = new Assessment
        {
            Id = assessment.Id,
            ChildId = assessment.ChildId,
            ReferralId = assessment.ReferralId,
            StartDate = assessment.StartDate,
            ChildSeen = assessment.ChildSeen,
            ChildSeenDate = assessment.ChildSeenDate,
            Outcome = assessment.Outcome,
            OutcomeReason = assessment.OutcomeReason,
            SubmittedOn = assessment.SubmittedOn,
            SubmittedByWorkerId = assessment.SubmittedByWorkerId,
        };
        if (!ReturnChecksAllow(before, ChildFileLoader.With(before, assessments: ChildFileLoader.Replace(before.Assessments, asChecked))))
        {
            CarryVersion(assessment);
            await DescribeAsync(assessment, cancellationToken);
            return Page();
        }

        return await SaveAsync(
            $"assessment sent for authorisation: started {Display.Iso(assessment.StartDate)}, outcome {assessment.Outcome}, factors {string.Join(' ', assessment.Factors.Select(f => f.Code))}, child seen {(assessment.ChildSeenDate is { } s ? Display.Iso(s) : "no")}",
            cancellationToken,
            done: "Assessment sent to a manager to authorise");
    }

    private async Task DescribeAsync(Assessment assessment, CancellationToken cancellationToken)
    {
        var referral = await Db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == assessment.ReferralId, cancellationToken);
        if (referral is not null)
        {
            Facts.AddRange(AssessmentJourney.Clocks(referral, assessment, Today));
        }

        if (assessment.AuthorisationDate is { } authorised)
        {
            Facts.Add(new SummaryListRow("Authorised", $"On {Display.Date(authorised)}: it can no longer be changed"));
        }
        else if (assessment.SubmittedOn is { } submitted)
        {
            Facts.Add(new SummaryListRow("Sent for authorisation", $"On {Display.Date(submitted)}. You can change it until a manager authorises it"));
        }
    }
}
