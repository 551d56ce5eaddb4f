using Lantern.Domain.Access;
using Lantern.Web.Casework;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.Notes;

/// <summary>One case note with its history: the original as written and every correction, who
/// made it and when.</summary>
[RequirePermission(Permission.ViewChildRecords)]
public sealed class NoteModel(CaseworkServices services) : CaseworkPageModel(services)
{
    public override string Heading => "Case note";

    public override IReadOnlyList<FieldSpec> Fields => [];

    public NoteHistory History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long noteId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var notes = await NoteHistory.LoadAsync(Db, Child.Id, MyWorkerId, cancellationToken);
        var history = notes.FirstOrDefault(h => h.Original.Note.Id == noteId || h.Corrections.Any(c => c.Note.Id == noteId));
        if (history is null)
        {
            return NotFound();
        }

        History = history;
        return Page();
    }
}
