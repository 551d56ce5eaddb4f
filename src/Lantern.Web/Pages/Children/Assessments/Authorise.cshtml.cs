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

/// <summary>A manager authorises a completed assessment (the authorisation date is the assessment's
/// completion for the CIN census and both 45-working-day clocks) or returns it for more work with a
/// reason. Never their own submission. Authorising a child in need plan outcome can start the plan
/// on the same date; authorising no further action can close the case on the same date.</summary>
[RequirePermission(Permission.AuthoriseCasework)]
public sealed class AuthoriseModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private const string AuthoriseValue = "authorise";
    private const string ReturnValue = "return";
    private const string Yes = "yes";

    private static readonly FieldSpec Decision = new("Decision", FieldKind.Radios, "Your decision", "your decision")
    {
        Options = [new(AuthoriseValue, "Authorise the assessment"), new(ReturnValue, "Return it for more work")],
    };

    private static readonly FieldSpec Date = new("AuthorisationDate", FieldKind.Date, "Date of authorisation", "the date of authorisation")
    {
        Required = false,
        Hint = "If you are authorising it. For example, 27 3 2026",
    };

    private static readonly FieldSpec ReturnReason = new("ReturnReason", FieldKind.TextArea, "What more needs to be done", "what more needs to be done")
    {
        Required = false,
        MaxLength = 1000,
        Hint = "If you are returning it for more work",
    };

    private static readonly FieldSpec StartPlan = new("StartPlan", FieldKind.Checkboxes, "Child in need plan", "whether to start the child in need plan")
    {
        Required = false,
        Options = [new(Yes, "Start the child in need plan on the date of authorisation")],
    };

    private static readonly FieldSpec CloseCase = new("CloseCase", FieldKind.Checkboxes, "Close the case", "whether to close the case")
    {
        Required = false,
        Options = [new(Yes, "Close the case on the date of authorisation")],
    };

    private Assessment? record;

    private FieldSpec ClosureReasonField => new("ClosureReason", FieldKind.Radios, "Reason for closure", "the reason for closure")
    {
        Required = false,
        Options = FieldSpec.OptionsOf(ClosureReason.Set, AssessmentJourney.CollectionYear(Today)),
        Hint = "If you are closing the case",
    };

    public override string Heading => "Authorise the assessment";

    public override IReadOnlyList<FieldSpec> Fields => record?.Outcome switch
    {
        AssessmentOutcome.ChildInNeedPlan => [Decision, Date, StartPlan, ReturnReason],
        AssessmentOutcome.NoFurtherAction => [Decision, Date, CloseCase, ClosureReasonField, ReturnReason],
        _ => [Decision, Date, ReturnReason],
    };

    public override string SaveText => "Save decision";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long assessmentId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        record = await Db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && a.ChildId == id, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        AssessmentJourney.PutDate(Values, Date, Today);
        Values[StartPlan.Name] = Yes;
        Values[CloseCase.Name] = Yes;
        Values[ClosureReasonField.Name] = ClosureReason.NfaAfterAssessment.Code;
        CarryVersion(record);
        await DescribeAsync(record, cancellationToken);
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

        record = assessment;
        var form = Reader();
        var decision = form.Option(Decision);
        var date = form.Date(Date);
        var returnReason = form.Text(ReturnReason);
        var startPlan = assessment.Outcome == AssessmentOutcome.ChildInNeedPlan && form.Option(StartPlan) == Yes;
        var close = assessment.Outcome == AssessmentOutcome.NoFurtherAction && form.Option(CloseCase) == Yes;
        var closureReason = assessment.Outcome == AssessmentOutcome.NoFurtherAction ? form.Code<ClosureReason>(ClosureReasonField) : null;
        var before = await FileAsync(cancellationToken);
        var referral = await Db.Referrals.SingleOrDefaultAsync(r => r.Id == assessment.ReferralId && r.ChildId == id, cancellationToken);

        if (MyWorkerId is not { } me)
        {
            form.Error(Decision, "Your account is not linked to a worker record, so you cannot authorise assessments");
        }
        else if (assessment.AuthorisationDate is { } authorised)
        {
            form.Error(Decision, $"This assessment was already authorised on {Display.Date(authorised)}");
        }
        else if (assessment.SubmittedOn is null)
        {
            form.Error(Decision, "This assessment has not been sent for authorisation");
        }
        else if (assessment.SubmittedByWorkerId == me)
        {
            form.Error(Decision, "You sent this assessment for authorisation yourself. Another manager must authorise or return it");
        }

        if (decision == AuthoriseValue)
        {
            if (date is null && !form.HasError(Date))
            {
                form.Error(Date, "Enter the date of authorisation");
            }
            else if (date is { } d && assessment.SubmittedOn is { } submitted && d < submitted)
            {
                form.Error(Date, $"The date of authorisation must be the same as or after the assessment was sent for authorisation, {Display.Date(submitted)}");
            }

            if (startPlan && AssessmentJourney.OpenChildInNeedPlan(before) is { } open)
            {
                form.Error(StartPlan, $"The child already has a child in need plan, started on {Display.Date(open.StartDate)}. Untick this to authorise without starting another");
            }

            if (close)
            {
                if (referral?.ClosureDate is { } closed)
                {
                    form.Error(CloseCase, $"The case was already closed on {Display.Date(closed)}. Untick this to authorise without closing it");
                }
                else if (AssessmentJourney.CannotCloseBecause(before) is { } why)
                {
                    form.Error(CloseCase, why);
                }

                if (closureReason is null && !form.HasError(ClosureReasonField))
                {
                    form.Error(ClosureReasonField, "Select the reason for closure");
                }
            }
        }
        else if (decision == ReturnValue && returnReason is null && !form.HasError(ReturnReason))
        {
            form.Error(ReturnReason, "Enter what more needs to be done");
        }

        if (!form.IsValid || referral is null)
        {
            CarryVersion(assessment);
            await DescribeAsync(assessment, cancellationToken);
            return Page();
        }

        ExpectVersion(assessment, form);
        if (decision == ReturnValue)
        {
            assessment.SubmittedOn = null;
            assessment.SubmittedByWorkerId = null;
            Db.ManagementDecisions.Add(new ManagementDecision
            {
                ChildId = Child.Id,
                ManagerId = MyWorkerId!.Value,
                Date = Today,
                Decision = "Assessment returned for more work",
                Rationale = returnReason!,
            });
            return await SaveAsync($"assessment returned for more work: started {Display.Iso(assessment.StartDate)}", cancellationToken, done: "Assessment returned for more work");
        }

        var on = date!.Value;
        assessment.AuthorisationDate = on;
        assessment.AuthorisedByWorkerId = MyWorkerId;
        var plans = before.ChildInNeedPlans.AsEnumerable();
        var referrals = before.Referrals.AsEnumerable();
        var detail = $"assessment authorised on {Display.Iso(on)}: started {Display.Iso(assessment.StartDate)}, outcome {assessment.Outcome}";
        ChildInNeedPlan? plan = null;
        if (startPlan)
        {
            plan = new ChildInNeedPlan { ChildId = Child.Id, ReferralId = referral.Id, StartDate = on };
            plans = [.. plans, plan];
            detail += $"; child in need plan started {Display.Iso(on)}";
        }

        if (close)
        {
            referral.ClosureDate = on;
            referral.ClosureReason = closureReason;
            referrals = ChildFileLoader.Replace(referrals, referral);
            detail += $"; case closed {Display.Iso(on)}, reason {closureReason!.Value.Code}";
        }

        var after = ChildFileLoader.With(before, referrals: referrals, assessments: ChildFileLoader.Replace(before.Assessments, assessment), childInNeedPlans: plans);
        if (!ReturnChecksAllow(before, after))
        {
            CarryVersion(assessment);
            await DescribeAsync(assessment, cancellationToken);
            return Page();
        }

        if (plan is not null)
        {
            Db.ChildInNeedPlans.Add(plan);
        }

        if (close)
        {
            foreach (var a in await Db.Allocations.Where(a => a.ChildId == Child.Id && a.EndDate == null).ToListAsync(cancellationToken))
            {
                a.EndDate = a.StartDate > on ? a.StartDate : on;
            }
        }

        return await SaveAsync(
            detail,
            cancellationToken,
            done: plan is not null ? "Assessment authorised and the child in need plan started" : close ? "Assessment authorised and the case closed" : "Assessment authorised");
    }

    private async Task DescribeAsync(Assessment assessment, CancellationToken cancellationToken)
    {
        var referral = await Db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == assessment.ReferralId, cancellationToken);
        if (referral is not null)
        {
            Facts.AddRange(AssessmentJourney.Clocks(referral, assessment, Today));
        }

        var workers = new[] { assessment.SubmittedByWorkerId, assessment.AuthorisedByWorkerId }.OfType<long>().ToList();
        var names = await Db.Workers.AsNoTracking().Where(w => workers.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.GivenName + " " + w.FamilyName, cancellationToken);
        string Name(long? worker) => worker is { } w && names.TryGetValue(w, out var n) ? n : "Not recorded";

        if (assessment.AuthorisationDate is { } authorised)
        {
            Facts.Add(new SummaryListRow("Authorised", $"On {Display.Date(authorised)} by {Name(assessment.AuthorisedByWorkerId)}"));
        }
        else if (assessment.SubmittedOn is { } submitted)
        {
            Facts.Add(new SummaryListRow("Sent for authorisation", $"On {Display.Date(submitted)} by {Name(assessment.SubmittedByWorkerId)}"));
        }
        else
        {
            Facts.Add(new SummaryListRow("Sent for authorisation", "Not yet: the worker has not completed it"));
        }

        Facts.Add(new SummaryListRow("Factors identified", assessment.Factors.Count == 0 ? "None recorded" : string.Join("; ", assessment.Factors.Select(f => $"{f.Label} ({f.Code})"))));
        Facts.Add(new SummaryListRow("Child seen", assessment.ChildSeenDate is { } seen ? $"Yes, on {Display.Date(seen)}" : assessment.ChildSeen ? "Yes" : "No"));
        Facts.Add(new SummaryListRow("Outcome", assessment.Outcome == AssessmentOutcome.Pending ? "Not recorded" : Display.Words(assessment.Outcome)));
        if (assessment.OutcomeReason is { } why)
        {
            Facts.Add(new SummaryListRow("Why no further action", why));
        }
    }
}
