using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.EarlyHelp;

/// <summary>Step up to social care: records a referral from early help (source 5D) on the date,
/// and ends the episode that day with reason "stepped up to social care", unless the family stays
/// open to early help alongside social care (both may be involved at once).</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class StepUpModel(CaseworkServices services) : EpisodePageModel(services)
{
    public const string KeepOpenValue = "keep-open";

    private static readonly FieldSpec Date = new("Date", FieldKind.Date, "Date of the step-up (the referral to social care)", "the date of the step-up") { Hint = "The referral is recorded on this date. For example, 27 3 2026" };

    private static readonly FieldSpec KeepOpen = new("KeepOpen", FieldKind.Checkboxes, "Early help alongside social care", "whether early help stays open")
    {
        Required = false,
        Options = [new FieldOption(KeepOpenValue, "Keep early help open alongside social care", "Leave this unticked to end early help on the date of the step-up")],
    };

    public override string Heading => "Step up to social care";

    public override IReadOnlyList<FieldSpec> Fields => [Date, KeepOpen];

    public override string SaveText => "Step up to social care";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long episodeId, CancellationToken cancellationToken)
    {
        if (await OpenEpisodeAsync(id, episodeId, cancellationToken) is { } result)
        {
            return result;
        }

        CarryVersion(Episode);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long episodeId, CancellationToken cancellationToken)
    {
        if (await OpenEpisodeAsync(id, episodeId, cancellationToken) is { } result)
        {
            return result;
        }

        var form = Reader();
        var date = form.Date(Date);
        var keepOpen = form.Option(KeepOpen) == KeepOpenValue;
        WithinEpisode(form, Date, date);
        var before = await FileAsync(cancellationToken);
        if (before.Referrals.FirstOrDefault(r => r.ClosureDate is null) is { } open)
        {
            form.Error(Date, $"The child already has an open referral to social care (received {Display.Date(open.ReferralDate)}). Close it before stepping up again");
        }

        if (!form.IsValid)
        {
            CarryVersion(Episode);
            return Page();
        }

        var referral = new Referral
        {
            ChildId = Child.Id,
            ReferralDate = date!.Value,
            Source = ReferralSource.EarlyHelp,
        };
        if (!ReturnChecksAllow(before, ChildFileLoader.With(before, referrals: [.. before.Referrals, referral])))
        {
            CarryVersion(Episode);
            return Page();
        }

        ExpectVersion(Episode, form);
        Db.Referrals.Add(referral);
        if (!keepOpen)
        {
            Episode.EndDate = referral.ReferralDate;
            Episode.EndReason = EarlyHelpEndReason.SteppedUpToSocialCare;
        }
        else
        {
            // Touch the episode so that a concurrent change to it is still detected.
            Db.Entry(Episode).Property(e => e.Version).IsModified = true;
        }

        var detail = $"early help {Episode.Id} stepped up to social care on {Display.Iso(referral.ReferralDate)}: referral source {referral.Source.Code}; early help {(keepOpen ? "kept open" : "ended")}";
        return await SaveAsync(detail, cancellationToken, done: keepOpen ? "Referral to social care recorded. Early help stays open" : "Referral to social care recorded and early help ended");
    }
}
