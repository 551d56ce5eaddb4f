using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Referrals;

/// <summary>Close the case (the referral's episode): the closure date and the DfE reason. Ends any
/// open child in need plan and the child's open allocations on the same date. Not possible while a
/// child protection plan or a care episode is open.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class CloseModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Date = new("ClosureDate", FieldKind.Date, "Date the case closed", "the date the case closed") { Hint = "For example, 27 3 2026" };

    private FieldSpec Reason => new("ClosureReason", FieldKind.Radios, "Reason for closure", "the reason for closure")
    {
        Options = FieldSpec.OptionsOf(ClosureReason.Set, AssessmentJourney.CollectionYear(Today)),
    };

    public override string Heading => "Close the case";

    public override IReadOnlyList<FieldSpec> Fields => [Date, Reason];

    public override string SaveText => "Close the case";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long referralId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var referral = await Db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == referralId && r.ChildId == id, cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }

        CarryVersion(referral);
        Describe(referral, await FileAsync(cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long referralId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var referral = await Db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.ChildId == id, cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }

        var form = Reader();
        var date = form.Date(Date);
        var reason = form.Code<ClosureReason>(Reason);
        var before = await FileAsync(cancellationToken);
        var plans = before.ChildInNeedPlans.Where(p => p.EndDate is null).ToList();
        if (referral.ClosureDate is { } closed)
        {
            form.Error(Date, $"The case was already closed on {Display.Date(closed)}");
        }
        else if (AssessmentJourney.CannotCloseBecause(before) is { } why)
        {
            form.Error(Date, why);
        }
        else if (date is { } d)
        {
            if (d < referral.ReferralDate)
            {
                form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or after the date of the referral, {Display.Date(referral.ReferralDate)}");
            }
            else if (plans.Where(p => p.StartDate > d).MinBy(p => p.StartDate) is { } plan)
            {
                form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or after the child in need plan started, {Display.Date(plan.StartDate)}");
            }
        }

        if (!form.IsValid)
        {
            CarryVersion(referral);
            Describe(referral, before);
            return Page();
        }

        ExpectVersion(referral, form);
        referral.ClosureDate = date!.Value;
        referral.ClosureReason = reason!.Value;
        var ended = new List<ChildInNeedPlan>();
        foreach (var p in plans)
        {
            var tracked = await Db.ChildInNeedPlans.SingleAsync(x => x.Id == p.Id, cancellationToken);
            tracked.EndDate = date.Value;
            ended.Add(tracked);
        }

        var after = ChildFileLoader.With(
            before,
            referrals: ChildFileLoader.Replace(before.Referrals, referral),
            childInNeedPlans: ended.Aggregate((IEnumerable<ChildInNeedPlan>)before.ChildInNeedPlans, (all, p) => ChildFileLoader.Replace(all, p)));
        if (!ReturnChecksAllow(before, after))
        {
            CarryVersion(referral);
            Describe(referral, before);
            return Page();
        }

        var closing = date.Value;
        var allocations = await Db.Allocations
            .Where(a => a.ChildId == Child.Id && a.EndDate == null)
            .ToListAsync(cancellationToken);
        foreach (var a in allocations)
        {
            a.EndDate = a.StartDate > closing ? a.StartDate : closing;
        }

        return await SaveAsync(
            $"case closed: referral {Display.Iso(referral.ReferralDate)} closed on {Display.Iso(closing)}, reason {referral.ClosureReason.Value.Code}; {ended.Count} child in need plan(s) and {allocations.Count} allocation(s) ended",
            cancellationToken,
            done: "Case closed");
    }

    private void Describe(Referral referral, ChildFile file)
    {
        Facts.Add(new SummaryListRow("Referral date", Display.Date(referral.ReferralDate)));
        if (AssessmentJourney.CannotCloseBecause(file) is { } why)
        {
            Facts.Add(new SummaryListRow("Cannot close yet", why));
        }

        foreach (var plan in file.ChildInNeedPlans.Where(p => p.EndDate is null))
        {
            Facts.Add(new SummaryListRow("Child in need plan", $"Started on {Display.Date(plan.StartDate)}; it will end on the closure date"));
        }

        foreach (var a in file.Assessments.Where(a => a.ReferralId == referral.Id && a.AuthorisationDate is null))
        {
            Facts.Add(new SummaryListRow("Assessment not authorised", $"Started on {Display.Date(a.StartDate)}"));
        }
    }
}
