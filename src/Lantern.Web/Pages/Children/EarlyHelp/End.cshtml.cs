using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.EarlyHelp;

/// <summary>End an open early help episode: why and when (not before it started, nor before its
/// assessment or meetings). Stepping up to social care is its own page, because it also records the
/// referral.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class EndModel(CaseworkServices services) : EpisodePageModel(services)
{
    private static readonly FieldSpec Reason = new("Reason", FieldKind.Radios, "Why did early help end?", "why early help ended")
    {
        Options = FieldSpec.OptionsOf<EarlyHelpEndReason>(Display.Words, include: r => r != EarlyHelpEndReason.SteppedUpToSocialCare),
        Hint = "To step up to social care, use \"Step up to social care\" instead: it records the referral too",
        RequiredMessage = "Select why early help ended",
    };

    private static readonly FieldSpec Date = new("Date", FieldKind.Date, "Date early help ended", "the date early help ended") { Hint = "For example, 27 3 2026" };

    public override string Heading => "End early help";

    public override IReadOnlyList<FieldSpec> Fields => [Reason, Date];

    public override string SaveText => "End early help";

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
        var reason = form.Choice<EarlyHelpEndReason>(Reason);
        var date = form.Date(Date);
        WithinEpisode(form, Date, date);
        if (date is { } d && Episode.AssessmentStartDate is { } started && d < started)
        {
            form.Error(Date, $"Date early help ended must be the same as or after the date the early help assessment started ({Display.Date(started)})");
        }

        var lastMeeting = await Db.EarlyHelpReviews.AsNoTracking().Where(r => r.EpisodeId == Episode.Id).MaxAsync(r => (DateOnly?)r.Date, cancellationToken);
        if (date is { } e && lastMeeting is { } last && e < last)
        {
            form.Error(Date, $"Date early help ended must be the same as or after the last meeting ({Display.Date(last)})");
        }

        if (!form.IsValid)
        {
            CarryVersion(Episode);
            return Page();
        }

        ExpectVersion(Episode, form);
        Episode.EndDate = date;
        Episode.EndReason = reason;
        return await SaveAsync($"early help {Episode.Id} ended on {Display.Iso(date!.Value)}: {reason}", cancellationToken, done: "Early help ended", next: EarlyHelpUrl);
    }
}
