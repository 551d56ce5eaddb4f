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

/// <summary>Change a referral's details: its date, who made it and the primary need (which the
/// CIN census needs for every referral that leads to further action). The date may not be after
/// anything done under the referral (an assessment, a plan, the closure).</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class DetailsModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Date = new("ReferralDate", FieldKind.Date, "Date of the referral", "the date of the referral") { Hint = "For example, 27 3 2026" };

    private FieldSpec Source => new("Source", FieldKind.Select, "Who made the referral", "who made the referral")
    {
        Options = FieldSpec.OptionsOf(ReferralSource.Set, AssessmentJourney.CollectionYear(Today)),
    };

    private FieldSpec Need => new("PrimaryNeed", FieldKind.Radios, "Primary need", "the primary need")
    {
        Options = FieldSpec.OptionsOf(PrimaryNeed.Set, AssessmentJourney.CollectionYear(Today)),
        Hint = "The main reason the child needs children's social care, for the children in need census",
    };

    public override string Heading => "Referral details";

    public override IReadOnlyList<FieldSpec> Fields => [Date, Source, Need];

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

        AssessmentJourney.PutDate(Values, Date, referral.ReferralDate);
        Values[Source.Name] = referral.Source.Code;
        Values[Need.Name] = referral.PrimaryNeed?.Code;
        CarryVersion(referral);
        Describe(referral);
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
        var source = form.Code<ReferralSource>(Source);
        var need = form.Code<PrimaryNeed>(Need);
        AssessmentJourney.CheckReferralDate(form, Date, date, Child);
        var before = await FileAsync(cancellationToken);
        if (date is { } d)
        {
            if (referral.ClosureDate is { } closed && d > closed)
            {
                form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or before the date the case closed, {Display.Date(closed)}");
            }
            else if (Activity(before, referralId).Where(a => a.Date < d).OrderBy(a => a.Date).FirstOrDefault() is { What: not null } first)
            {
                form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or before the {first.What}, {Display.Date(first.Date)}");
            }
        }

        if (!form.IsValid)
        {
            CarryVersion(referral);
            Describe(referral);
            return Page();
        }

        var changed = $"referral details changed: date {Display.Iso(referral.ReferralDate)} to {Display.Iso(date!.Value)}, source {referral.Source.Code} to {source!.Value.Code}, primary need {referral.PrimaryNeed?.Code ?? "none"} to {need!.Value.Code}";
        ExpectVersion(referral, form);
        referral.ReferralDate = date.Value;
        referral.Source = source.Value;
        referral.PrimaryNeed = need;
        if (!ReturnChecksAllow(before, ChildFileLoader.With(before, referrals: ChildFileLoader.Replace(before.Referrals, referral))))
        {
            CarryVersion(referral);
            Describe(referral);
            return Page();
        }

        return await SaveAsync(changed, cancellationToken, done: "Referral details saved");
    }

    /// <summary>What has been done under the referral, with dates: the referral date may not come after any of it.</summary>
    private static IEnumerable<(DateOnly Date, string What)> Activity(ChildFile file, long referralId) =>
        file.Assessments.Where(a => a.ReferralId == referralId).Select(a => (a.StartDate, "start of the assessment"))
            .Concat(file.StrategyDiscussions.Where(s => s.ReferralId == referralId).Select(s => (s.Date, "strategy discussion")))
            .Concat(file.Section47s.Where(s => s.ReferralId == referralId).Select(s => (s.StartDate, "start of the section 47 enquiry")))
            .Concat(file.ProtectionPlans.Where(p => p.ReferralId == referralId).Select(p => (p.StartDate, "start of the child protection plan")))
            .Concat(file.ChildInNeedPlans.Where(p => p.ReferralId == referralId).Select(p => (p.StartDate, "start of the child in need plan")));

    private void Describe(Referral referral)
    {
        Facts.Add(new SummaryListRow("Status", referral.ClosureDate is { } closed ? $"Closed on {Display.Date(closed)}" : "Open"));
        if (referral.ContactId is not null)
        {
            Facts.Add(new SummaryListRow("Came through", "The front door (a contact)"));
        }
    }
}
