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

/// <summary>Record a referral made directly to children's social care (not through the front door):
/// the date, who referred and the primary need. When the recording worker holds cases and nobody is
/// allocated to the child, the child is allocated to them from today. A child has one open referral
/// at a time (CIN rules 8815 and 8820).</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class NewModel(CaseworkServices services) : CaseworkPageModel(services)
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

    public override string Heading => "Record a referral";

    public override IReadOnlyList<FieldSpec> Fields => [Date, Source, Need];

    public override string SaveText => "Save referral";

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
        var date = form.Date(Date);
        var source = form.Code<ReferralSource>(Source);
        var need = form.Code<PrimaryNeed>(Need);
        AssessmentJourney.CheckReferralDate(form, Date, date, Child);
        var before = await FileAsync(cancellationToken);
        if (AssessmentJourney.OpenReferral(before) is { } open)
        {
            form.Error(Date, $"The child already has an open referral, made on {Display.Date(open.ReferralDate)}. Close it before recording a new referral");
        }
        else if (date is { } d && before.Referrals.Where(r => r.ClosureDate is not null).MaxBy(r => r.ClosureDate) is { } last && d <= last.ClosureDate)
        {
            form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be after the previous referral closed, on {Display.Date(last.ClosureDate!.Value)}");
        }

        if (!form.IsValid)
        {
            Describe(before);
            return Page();
        }

        var referral = new Referral { ChildId = Child.Id, ReferralDate = date!.Value, Source = source!.Value, PrimaryNeed = need };
        if (!ReturnChecksAllow(before, ChildFileLoader.With(before, referrals: [.. before.Referrals, referral])))
        {
            Describe(before);
            return Page();
        }

        Db.Referrals.Add(referral);
        var allocated = await AllocateToMeAsync(cancellationToken);
        return await SaveAsync(
            $"referral recorded: {Display.Iso(referral.ReferralDate)}, source {referral.Source.Code}, primary need {need!.Value.Code}{(allocated ? "; allocated to the recording worker" : "")}",
            cancellationToken,
            done: allocated ? "Referral recorded and the child allocated to you" : "Referral recorded");
    }

    /// <summary>Allocates the child to the signed-in worker from today when they hold cases and
    /// nobody is allocated.</summary>
    private async Task<bool> AllocateToMeAsync(CancellationToken cancellationToken)
    {
        if (MyWorkerId is not { } me)
        {
            return false;
        }

        var worker = await Db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Id == me, cancellationToken);
        if (worker is null || !worker.HoldsCases || !worker.IsInPost(Today))
        {
            return false;
        }

        var today = Today;
        var anyOpen = await Db.Allocations.AsNoTracking()
            .AnyAsync(a => a.ChildId == Child.Id && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today), cancellationToken);
        if (anyOpen)
        {
            return false;
        }

        Db.Allocations.Add(new Allocation { ChildId = Child.Id, WorkerId = me, StartDate = today });
        return true;
    }

    private void Describe(ChildFile file)
    {
        if (AssessmentJourney.OpenReferral(file) is { } open)
        {
            Facts.Add(new SummaryListRow("Open referral", $"Made on {Display.Date(open.ReferralDate)}: close it before recording a new referral"));
        }
        else if (file.Referrals.Count > 0)
        {
            var last = file.Referrals.MaxBy(r => r.ReferralDate)!;
            Facts.Add(new SummaryListRow("Previous referral", $"Made on {Display.Date(last.ReferralDate)}, closed on {Display.Date(last.ClosureDate)}"));
        }
    }
}
