using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Contacts;

/// <summary>A manager signs off a screening decision, or disagrees with a reason. Disagreeing
/// reopens the contact for a new decision (kept as a management decision on the record), but only
/// while nothing has been made from the decision: once a referral or early help has been started
/// from it, the page says what to do instead. Nobody signs off their own decision.</summary>
[RequirePermission(Permission.AuthoriseCasework)]
public sealed class SignOffModel(CaseworkServices services) : CaseworkPageModel(services)
{
    public const string AgreeValue = "agree";
    public const string DisagreeValue = "disagree";

    private static readonly FieldSpec Decision = new("Decision", FieldKind.Radios, "Do you agree with the screening decision?", "whether you agree with the screening decision")
    {
        Options = [new(AgreeValue, "Yes, sign it off"), new(DisagreeValue, "No, reopen the contact for a new decision")],
        RequiredMessage = "Select whether you agree with the screening decision",
    };

    private static readonly FieldSpec Reason = new("Reason", FieldKind.TextArea, "Why you disagree", "why you disagree")
    {
        Required = false,
        MaxLength = FrontDoorJourney.ReasonMaxLength,
        Hint = "If you disagree: what the worker should consider in the new decision",
    };

    private Contact contact = null!;

    public override string Heading => "Sign off the screening decision";

    public override IReadOnlyList<FieldSpec> Fields => [Decision, Reason];

    public override string SaveText => "Save";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long contactId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var found = await Db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId && c.ChildId == id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        contact = found;
        CarryVersion(contact);
        await DescribeAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long contactId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var found = await Db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId && c.ChildId == id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        contact = found;
        var form = Reader();
        var decision = form.Option(Decision);
        var reason = form.Text(Reason);
        if (MyWorkerId is not { } me)
        {
            form.Error(Decision, "Your account is not linked to a worker record, so you cannot sign off screening decisions");
        }
        else if (contact.DecidedAt is not { } decidedAt)
        {
            form.Error(Decision, "No screening decision has been recorded on this contact yet");
        }
        else if (contact.SignedOffAt is { } signed)
        {
            form.Error(Decision, $"This screening decision was already signed off, at {TimeDisplay.Format(signed)}");
        }
        else if (contact.DecidedByWorkerId == me)
        {
            form.Error(Decision, "You made this screening decision yourself. Another manager must sign it off");
        }
        else if (decision == DisagreeValue)
        {
            if (reason is null && !form.HasError(Reason))
            {
                form.Error(Reason, "Enter why you disagree");
            }

            if (await MadeFromAsync(DateOnly.FromDateTime(decidedAt), cancellationToken) is { } made)
            {
                form.Error(Decision, made);
            }
        }

        if (!form.IsValid)
        {
            CarryVersion(contact);
            await DescribeAsync(cancellationToken);
            return Page();
        }

        ExpectVersion(contact, form);
        if (decision == AgreeValue)
        {
            contact.SignedOffByWorkerId = MyWorkerId;
            contact.SignedOffAt = DateTime.UtcNow;
            return await SaveAsync($"screening decision on contact {contact.Id} signed off: {contact.Outcome}", cancellationToken, done: "Screening decision signed off");
        }

        var outcome = contact.Outcome;
        contact.DecidedAt = null;
        contact.DecidedByWorkerId = null;
        contact.Outcome = ContactOutcome.Pending;
        contact.DecisionReason = null;
        Db.ManagementDecisions.Add(new ManagementDecision
        {
            ChildId = Child.Id,
            ManagerId = MyWorkerId!.Value,
            Date = Today,
            Decision = $"Screening decision not agreed ({FrontDoorJourney.OutcomeText(outcome).ToLowerInvariant()}): contact reopened",
            Rationale = reason!,
        });
        return await SaveAsync($"screening decision on contact {contact.Id} not agreed ({outcome}): contact reopened", cancellationToken, done: "The contact is reopened for a new screening decision");
    }

    /// <summary>What was made from the decision, as the message saying what to do instead; null when nothing was.</summary>
    private async Task<string?> MadeFromAsync(DateOnly decided, CancellationToken cancellationToken)
    {
        var referral = await Db.Referrals.AsNoTracking().Where(r => r.ContactId == contact.Id).OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (referral is not null)
        {
            return $"A referral to children's social care was made from this decision on {Display.Date(referral.ReferralDate)}, so the contact cannot be reopened. Sign the decision off and record your direction on the referral, or ask the allocated worker to close the referral";
        }

        if (contact.Outcome == ContactOutcome.EarlyHelp
            && await Db.EarlyHelp.AsNoTracking().AnyAsync(e => e.ChildId == contact.ChildId && e.StartDate == decided && e.Organisation == FrontDoorJourney.EarlyHelpOrganisation, cancellationToken))
        {
            return $"Early help was started from this decision on {Display.Date(decided)}, so the contact cannot be reopened. End the early help episode first if it should not have started, then reopen the contact";
        }

        return null;
    }

    private async Task DescribeAsync(CancellationToken cancellationToken)
    {
        var standards = await StandardsAsync(cancellationToken);
        var clock = FrontDoorJourney.DecisionClock(contact, standards, Today);
        var ids = new[] { contact.RecordedByWorkerId, contact.DecidedByWorkerId, contact.SignedOffByWorkerId }.OfType<long>().ToList();
        var names = await Db.Workers.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.GivenName + " " + w.FamilyName, cancellationToken);
        string? Name(long? worker) => worker is { } w && names.TryGetValue(w, out var n) ? n : null;
        Facts.AddRange(FrontDoorJourney.ContactRows(contact, Name(contact.RecordedByWorkerId), clock, Today));
        if (contact.DecidedAt is { } decided)
        {
            Facts.Add(new SummaryListRow("Screening decision", FrontDoorJourney.OutcomeText(contact.Outcome)));
            Facts.Add(new SummaryListRow("Reason for the decision", contact.DecisionReason ?? "Not recorded"));
            Facts.Add(new SummaryListRow("Decided", $"{TimeDisplay.Format(decided)} by {Name(contact.DecidedByWorkerId) ?? "Not recorded"} ({ClockText.Status(clock, Today)})"));
        }
        else
        {
            Facts.Add(new SummaryListRow("Screening decision", "Not yet made"));
        }

        if (contact.SignedOffAt is { } signed)
        {
            Facts.Add(new SummaryListRow("Signed off", $"{TimeDisplay.Format(signed)} by {Name(contact.SignedOffByWorkerId) ?? "Not recorded"}"));
        }
    }
}
