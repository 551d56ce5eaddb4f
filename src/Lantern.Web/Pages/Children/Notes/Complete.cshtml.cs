using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.Notes;

/// <summary>Complete a draft case note (its author only). A completed note is part of the record
/// and can no longer be changed, only corrected.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class CompleteModel(CaseworkServices services) : NotePageModel(services)
{
    public override string Heading => "Complete this case note";

    public override IReadOnlyList<FieldSpec> Fields => [];

    public override string SaveText => "Complete note";

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

        Describe();
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
        ExpectVersion(Note, form);
        Note.Status = NoteStatus.Completed;
        return await SaveAsync($"case note {Note.Id} completed", cancellationToken, done: "Case note completed", next: NotesUrl);
    }

    private void Describe()
    {
        var text = Note.Text.Length > 600 ? Note.Text[..600] + "…" : Note.Text;
        Facts.Add(new SummaryListRow("Text", text));
        Facts.Add(new SummaryListRow("Once completed", "The note cannot be changed. Anything wrong in it is put right with a correction, shown alongside it."));
    }
}
