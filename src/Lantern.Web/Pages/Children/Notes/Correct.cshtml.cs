using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Notes;

/// <summary>Correct a completed case note: the correction is a new completed note that names the
/// original (a correction of a correction names the original too). The original stays as it was
/// and both are shown, with who corrected it and when.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class CorrectModel(CaseworkServices services) : NotePageModel(services)
{
    public override string Heading => "Correct a case note";

    public override IReadOnlyList<FieldSpec> Fields => NoteForm.Fields;

    public override string SaveText => "Save correction";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long noteId, CancellationToken cancellationToken)
    {
        if (await OpenNoteAsync(id, noteId, cancellationToken) is { } result)
        {
            return result;
        }

        if (RefuseDraft() is { } refused)
        {
            return refused;
        }

        NoteForm.Put(Values, await LatestAsync(cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long noteId, CancellationToken cancellationToken)
    {
        if (await OpenNoteAsync(id, noteId, cancellationToken) is { } result)
        {
            return result;
        }

        if (RefuseDraft() is { } refused)
        {
            return refused;
        }

        if (MyWorkerId is not { } me)
        {
            return Forbid();
        }

        if (NoteForm.Read(Reader()) is not { } answers)
        {
            return Page();
        }

        var correction = new CaseNote
        {
            ChildId = Child.Id,
            AuthorId = me,
            RecordedAt = DateTime.UtcNow,
            EventDate = answers.EventDate,
            Kind = answers.Kind,
            Status = NoteStatus.Completed,
            Text = answers.Text,
            ChildSeen = answers.ChildSeen,
            ChildSeenAlone = answers.ChildSeenAlone,
            CorrectsNoteId = NotesJourney.RootId(Note),
        };
        Db.CaseNotes.Add(correction);
        return await SaveAsync($"case note {correction.CorrectsNoteId} corrected: {correction.Kind} on {Display.Iso(correction.EventDate)}", cancellationToken, done: "Correction saved. The original note is kept", next: $"/children/{Child.Id}/notes/{correction.CorrectsNoteId}");
    }

    private PageResult? RefuseDraft()
    {
        if (Note.Status == NoteStatus.Completed)
        {
            return null;
        }

        Refused = new Refusal(
            "This note is a draft",
            "Only completed notes are corrected. Change the draft instead.",
            $"/children/{Child.Id}/notes/{Note.Id}/edit",
            "Change the draft");
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    /// <summary>The latest version of the note: its latest correction, or the note itself.</summary>
    private async Task<CaseNote> LatestAsync(CancellationToken cancellationToken)
    {
        var root = NotesJourney.RootId(Note);
        return await Db.CaseNotes.AsNoTracking()
            .Where(n => n.ChildId == Child.Id && n.Status == NoteStatus.Completed && (n.Id == root || n.CorrectsNoteId == root))
            .OrderByDescending(n => n.RecordedAt).ThenByDescending(n => n.Id)
            .FirstAsync(cancellationToken);
    }
}
