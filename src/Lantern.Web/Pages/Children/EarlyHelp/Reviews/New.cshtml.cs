using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.EarlyHelp.Reviews;

/// <summary>Record a team around the family meeting or a review of the family's plan, on a date
/// within the early help episode.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class NewModel(CaseworkServices services) : EpisodePageModel(services)
{
    private static readonly FieldSpec Kind = new("Kind", FieldKind.Radios, "Kind of meeting", "the kind of meeting")
    {
        Options = FieldSpec.OptionsOf<EarlyHelpReviewKind>(ChronologyBuilder.EarlyHelpReviewTitle),
    };

    private static readonly FieldSpec Date = new("Date", FieldKind.Date, "Date of the meeting", "the date of the meeting") { Hint = "For example, 27 3 2026" };

    private static readonly FieldSpec Notes = new("Notes", FieldKind.TextArea, "Notes (optional)", "the notes")
    {
        Hint = "Who attended, what was agreed and the next steps",
        Required = false,
        MaxLength = 5000,
        Rows = 8,
    };

    public override string Heading => "Record an early help meeting";

    public override IReadOnlyList<FieldSpec> Fields => [Kind, Date, Notes];

    protected override bool NeedsOpenEpisode => false;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long episodeId, CancellationToken cancellationToken) =>
        await OpenEpisodeAsync(id, episodeId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long episodeId, CancellationToken cancellationToken)
    {
        if (await OpenEpisodeAsync(id, episodeId, cancellationToken) is { } result)
        {
            return result;
        }

        var form = Reader();
        var kind = form.Choice<EarlyHelpReviewKind>(Kind);
        var date = form.Date(Date);
        var notes = form.Text(Notes);
        WithinEpisode(form, Date, date);
        if (!form.IsValid)
        {
            return Page();
        }

        var review = new EarlyHelpReview
        {
            ChildId = Child.Id,
            EpisodeId = Episode.Id,
            Kind = kind!.Value,
            Date = date!.Value,
            Notes = notes ?? "",
        };
        Db.EarlyHelpReviews.Add(review);
        return await SaveAsync($"early help meeting recorded: {review.Kind} on {Display.Iso(review.Date)} (episode {Episode.Id})", cancellationToken, done: $"{ChronologyBuilder.EarlyHelpReviewTitle(review.Kind)} recorded", next: EarlyHelpUrl);
    }
}
