using System.Globalization;
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

/// <summary>The screening decision on a contact: the outcome, why, and when it was made (not before
/// the contact was received, not in the future). A referral or strategy discussion records a
/// referral to children's social care on the decision date (from the contact's source) and, when
/// nobody is allocated, allocates the child to the deciding worker; early help starts an early help
/// episode. A contact is decided once: a second decision is refused, and a decision made by
/// someone else meanwhile is a conflict.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class DecisionModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Outcome = new("Outcome", FieldKind.Radios, "Screening decision", "the screening decision")
    {
        Options = FieldSpec.OptionsOf<ContactOutcome>(FrontDoorJourney.OutcomeText, HintOf, o => o != ContactOutcome.Pending),
    };

    private static readonly FieldSpec Reason = new("Reason", FieldKind.TextArea, "Reason for the decision", "the reason for the decision")
    {
        MaxLength = FrontDoorJourney.ReasonMaxLength,
        Hint = "What you took into account, and why this is the right response for the child",
    };

    private static readonly FieldSpec DecisionDate = new("DecisionDate", FieldKind.Date, "Date of the decision", "the date of the decision") { Hint = "For example, 27 3 2026" };

    private static readonly FieldSpec DecisionTime = new("DecisionTime", FieldKind.Time, "Time of the decision", "the time of the decision") { Hint = "UK time, 24-hour clock, for example 14:30" };

    private Contact contact = null!;

    public override string Heading => "Record the screening decision";

    public override IReadOnlyList<FieldSpec> Fields => [Outcome, Reason, DecisionDate, DecisionTime];

    public override string SaveText => "Save decision";

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
        AssessmentJourney.PutDate(Values, DecisionDate, Today);
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
        var outcome = form.Choice<ContactOutcome>(Outcome);
        var reason = form.Text(Reason);
        var date = form.Date(DecisionDate);
        var time = form.Time(DecisionTime);
        DateTime? decidedAt = null;
        if (contact.DecidedAt is { } already)
        {
            form.Error(Outcome, $"A screening decision was already recorded on this contact, at {TimeDisplay.Format(already)}");
        }

        if (outcome == ContactOutcome.Pending)
        {
            form.Error(Outcome, "Select the screening decision from the list");
        }

        if (date is { } d && time is { } t)
        {
            decidedAt = FrontDoorJourney.ToUtc(d, t);
            if (decidedAt < contact.ReceivedAt)
            {
                form.Error(DecisionDate, $"The decision must be the same as or after the contact was received, {TimeDisplay.Format(contact.ReceivedAt)}");
            }
            else if (FrontDoorJourney.IsFuture(d, t, Today))
            {
                form.Error(DecisionTime, "The time of the decision must be now or in the past");
            }
        }

        var before = await FileAsync(cancellationToken);
        if (outcome is ContactOutcome.Referral or ContactOutcome.StrategyDiscussion && date is { } on)
        {
            if (AssessmentJourney.OpenReferral(before) is { } open)
            {
                form.Error(Outcome, $"The child already has an open referral, made on {Display.Date(open.ReferralDate)}. Pass the contact to the allocated worker and choose another decision, or close that referral first");
            }
            else if (before.Referrals.Where(r => r.ClosureDate is not null).MaxBy(r => r.ClosureDate) is { } last && on <= last.ClosureDate)
            {
                form.Error(DecisionDate, $"The date of the decision must be after the previous referral closed, on {Display.Date(last.ClosureDate!.Value)}, because it starts a new referral");
            }
        }

        if (!form.IsValid || decidedAt is null || outcome is null || reason is null)
        {
            CarryVersion(contact);
            await DescribeAsync(cancellationToken);
            return Page();
        }

        ExpectVersion(contact, form);
        contact.DecidedAt = decidedAt;
        contact.DecidedByWorkerId = MyWorkerId;
        contact.Outcome = outcome.Value;
        contact.DecisionReason = reason;
        var on2 = date!.Value;
        var detail = $"screening decision on contact {contact.Id}: {outcome.Value}, decided {decidedAt.Value.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)}";
        var done = "Screening decision recorded";
        Referral? referral = null;
        Allocation? allocation = null;
        EarlyHelpEpisode? earlyHelp = null;
        if (outcome is ContactOutcome.Referral or ContactOutcome.StrategyDiscussion)
        {
            referral = new Referral { ChildId = Child.Id, ReferralDate = on2, Source = contact.Source, ContactId = contact.Id };
            detail += $"; referral recorded {Display.Iso(on2)}, source {contact.Source.Code}";
            done = "Screening decision recorded and a referral to children's social care made";
            allocation = await AllocationAsync(on2, cancellationToken);
            if (allocation is not null)
            {
                detail += "; allocated to the deciding worker";
                done += ". The child is allocated to you";
            }
        }
        else if (outcome == ContactOutcome.EarlyHelp)
        {
            if (before.EarlyHelp.Any(e => e.StartDate <= on2 && (e.EndDate is null || e.EndDate >= on2)))
            {
                done = "Screening decision recorded. The child already has early help";
            }
            else
            {
                earlyHelp = new EarlyHelpEpisode { ChildId = Child.Id, StartDate = on2, Organisation = FrontDoorJourney.EarlyHelpOrganisation };
                detail += $"; early help started {Display.Iso(on2)}";
                done = "Screening decision recorded and early help started";
            }
        }

        var after = ChildFileLoader.With(
            before,
            contacts: ChildFileLoader.Replace(before.Contacts, contact),
            referrals: referral is null ? null : [.. before.Referrals, referral],
            earlyHelp: earlyHelp is null ? null : [.. before.EarlyHelp, earlyHelp]);
        if (!ReturnChecksAllow(before, after))
        {
            CarryVersion(contact);
            await DescribeAsync(cancellationToken);
            return Page();
        }

        if (referral is not null)
        {
            Db.Referrals.Add(referral);
        }

        if (allocation is not null)
        {
            Db.Allocations.Add(allocation);
        }

        if (earlyHelp is not null)
        {
            Db.EarlyHelp.Add(earlyHelp);
        }

        return await SaveAsync(detail, cancellationToken, done: done);
    }

    private static string? HintOf(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.EarlyHelp => "Starts an early help episode on the date of the decision",
        ContactOutcome.Referral => "Records a referral on the date of the decision; the child is allocated to you if nobody is",
        ContactOutcome.StrategyDiscussion => "Records a referral on the date of the decision, for a strategy discussion to follow",
        _ => null,
    };

    /// <summary>An allocation of the child to the deciding worker from <paramref name="on"/>, when they
    /// hold cases and nobody is allocated; otherwise null.</summary>
    private async Task<Allocation?> AllocationAsync(DateOnly on, CancellationToken cancellationToken)
    {
        if (MyWorkerId is not { } me)
        {
            return null;
        }

        var worker = await Db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Id == me, cancellationToken);
        if (worker is null || !worker.HoldsCases || !worker.IsInPost(on))
        {
            return null;
        }

        var today = Today;
        var open = await Db.Allocations.AsNoTracking()
            .AnyAsync(a => a.ChildId == Child.Id && a.StartDate <= today && (a.EndDate == null || a.EndDate >= on), cancellationToken);
        return open ? null : new Allocation { ChildId = Child.Id, WorkerId = me, StartDate = on };
    }

    private async Task DescribeAsync(CancellationToken cancellationToken)
    {
        var standards = await StandardsAsync(cancellationToken);
        var clock = FrontDoorJourney.DecisionClock(contact, standards, Today);
        var recordedBy = contact.RecordedByWorkerId is { } w
            ? await Db.Workers.AsNoTracking().Where(x => x.Id == w).Select(x => x.GivenName + " " + x.FamilyName).SingleOrDefaultAsync(cancellationToken)
            : null;
        Facts.AddRange(FrontDoorJourney.ContactRows(contact, recordedBy, clock, Today));
        if (contact.DecidedAt is { } decided)
        {
            Facts.Add(new SummaryListRow("Decision", $"{FrontDoorJourney.OutcomeText(contact.Outcome)}, at {TimeDisplay.Format(decided)} ({ClockText.Status(clock, Today)})"));
        }
    }
}
