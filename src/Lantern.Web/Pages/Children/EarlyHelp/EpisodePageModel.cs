using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.EarlyHelp;

/// <summary>The base of the pages that record something on one early help episode: opens the
/// child, loads the episode (tracked; 404 unless it is this child's), describes it above the
/// questions and refuses, with a clear page, a change to an episode that has ended when the page
/// needs it open.</summary>
public abstract class EpisodePageModel(CaseworkServices services) : CaseworkPageModel(services)
{
    public EarlyHelpEpisode Episode { get; private set; } = null!;

    /// <summary>Set instead of the form when the episode may not be changed.</summary>
    public Refusal? Refused { get; protected set; }

    /// <summary>Whether the page may only be used while the episode is open.</summary>
    protected virtual bool NeedsOpenEpisode => true;

    /// <summary>The early help page of the child.</summary>
    public string EarlyHelpUrl => $"/children/{Child.Id}/early-help";

    /// <summary>Opens the child and the episode; null to go on, else the result to return.</summary>
    protected async Task<IActionResult?> OpenEpisodeAsync(long childId, long episodeId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(childId, cancellationToken) is { } denied)
        {
            return denied;
        }

        var episode = await Db.EarlyHelp.SingleOrDefaultAsync(e => e.Id == episodeId && e.ChildId == Child.Id, cancellationToken);
        if (episode is null)
        {
            return NotFound();
        }

        Episode = episode;
        Facts.Add(new SummaryListRow("Early help", EarlyHelpJourney.Describe(episode)));
        if (episode.AssessmentStartDate is { } started)
        {
            Facts.Add(new SummaryListRow("Early help assessment", episode.AssessmentCompletedDate is { } done
                ? $"Started {Display.Date(started)}, completed {Display.Date(done)}"
                : $"Started {Display.Date(started)}, not completed"));
        }

        if (episode.EndDate is { } ended)
        {
            Facts.Add(new SummaryListRow("Ended", $"{Display.Date(ended)}{(episode.EndReason is { } r ? ": " + Display.Words(r).ToLowerInvariant() : "")}"));
            if (NeedsOpenEpisode)
            {
                Refused = new Refusal(
                    "This early help episode has ended",
                    $"Early help with {Episode.Organisation} ended on {Display.Date(ended)}. You cannot change it. Start a new early help episode if the family needs early help again.",
                    EarlyHelpUrl,
                    "Back to early help");
                var page = Page();
                page.StatusCode = StatusCodes.Status409Conflict;
                return page;
            }
        }

        return null;
    }

    /// <summary>Adds the error when <paramref name="date"/> is before the episode started or after it ended.</summary>
    protected void WithinEpisode(FormReader form, FieldSpec field, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(field);
        if (date is not { } d)
        {
            return;
        }

        if (d < Episode.StartDate)
        {
            form.Error(field, $"{FormReader.Capital(field.Subject)} must be the same as or after the date early help started ({Display.Date(Episode.StartDate)})");
        }
        else if (Episode.EndDate is { } end && d > end)
        {
            form.Error(field, $"{FormReader.Capital(field.Subject)} must be the same as or before the date early help ended ({Display.Date(end)})");
        }
    }
}
