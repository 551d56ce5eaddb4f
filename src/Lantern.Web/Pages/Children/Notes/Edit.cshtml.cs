using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.Notes;

/// <summary>Change a draft case note: only its author, only while it is a draft. The form carries
/// the note's version, so a change saved elsewhere in the meantime is shown, not overwritten.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class EditModel(CaseworkServices services) : NotePageModel(services)
{
    public override string Heading => "Change a draft case note";

    public override IReadOnlyList<FieldSpec> Fields => NoteForm.Fields;

    public override string SaveText => "Save draft";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long noteId, CancellationToken cancellationToken)
    {
        if (await OpenNoteAsync(id, noteId, cancellationToken) is { } result)
        {
            return result;
        }

        if (Note.Status != NoteStatus.Draft)
        {
            return RefuseCompleted();
        }

        NoteForm.Put(Values, Note);
        CarryVersion(Note);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long noteId, CancellationToken cancellationToken)
    {
        if (await OpenNoteAsync(id, noteId, cancellationToken) is { } result)
        {
            return result;
        }

        if (Note.Status != NoteStatus.Draft)
        {
            return RefuseCompleted();
        }

        var form = Reader();
        if (NoteForm.Read(form) is not { } answers)
        {
            CarryVersion(Note);
            return Page();
        }

        ExpectVersion(Note, form);
        Note.EventDate = answers.EventDate;
        Note.Kind = answers.Kind;
        Note.Text = answers.Text;
        Note.ChildSeen = answers.ChildSeen;
        Note.ChildSeenAlone = answers.ChildSeenAlone;
        return await SaveAsync($"case note {Note.Id} draft changed: {Note.Kind} on {Display.Iso(Note.EventDate)}", cancellationToken, done: "Draft case note saved", next: NotesUrl);
    }
}
