using Lantern.Domain.Access;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.EarlyHelp;

/// <summary>The early help assessment's dates: when it started and (once done) when it was
/// completed, both within the episode, completed not before started. The CIN census counts early
/// help assessments by these dates.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class AssessmentModel(CaseworkServices services) : EpisodePageModel(services)
{
    private static readonly FieldSpec Started = new("Started", FieldKind.Date, "Date the early help assessment started", "the date the early help assessment started") { Hint = "For example, 27 3 2026" };

    private static readonly FieldSpec Completed = new("Completed", FieldKind.Date, "Date the early help assessment was completed (if it has been)", "the date the early help assessment was completed")
    {
        Hint = "Leave blank while the assessment is going on",
        Required = false,
    };

    public override string Heading => "Early help assessment";

    public override IReadOnlyList<FieldSpec> Fields => [Started, Completed];

    protected override bool NeedsOpenEpisode => false;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long episodeId, CancellationToken cancellationToken)
    {
        if (await OpenEpisodeAsync(id, episodeId, cancellationToken) is { } result)
        {
            return result;
        }

        if (Episode.AssessmentStartDate is { } s)
        {
            EarlyHelpJourney.PutDate(Values, Started, s);
        }

        if (Episode.AssessmentCompletedDate is { } c)
        {
            EarlyHelpJourney.PutDate(Values, Completed, c);
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
        var started = form.Date(Started);
        var completed = form.Date(Completed);
        WithinEpisode(form, Started, started);
        WithinEpisode(form, Completed, completed);
        if (started is { } s && completed is { } c && c < s)
        {
            form.Error(Completed, "Date the early help assessment was completed must be the same as or after the date it started");
        }

        if (!form.IsValid)
        {
            CarryVersion(Episode);
            return Page();
        }

        ExpectVersion(Episode, form);
        Episode.AssessmentStartDate = started;
        Episode.AssessmentCompletedDate = completed;
        var detail = $"early help assessment {Episode.Id}: started {Display.Iso(started!.Value)}" + (completed is { } done ? $", completed {Display.Iso(done)}" : ", not completed");
        return await SaveAsync(detail, cancellationToken, done: "Early help assessment recorded", next: EarlyHelpUrl);
    }
}
