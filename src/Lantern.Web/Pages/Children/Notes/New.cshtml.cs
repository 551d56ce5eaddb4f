using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.Notes;

/// <summary>Write a case note. It is saved as a draft, seen only by its author, until they
/// complete it.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class NewModel(CaseworkServices services) : CaseworkPageModel(services)
{
    public override string Heading => "Add a case note";

    public override IReadOnlyList<FieldSpec> Fields => NoteForm.Fields;

    public override string SaveText => "Save as draft";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        return MyWorkerId is null ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (MyWorkerId is not { } me)
        {
            return Forbid();
        }

        if (NoteForm.Read(Reader()) is not { } answers)
        {
            return Page();
        }

        var note = new CaseNote
        {
            ChildId = Child.Id,
            AuthorId = me,
            RecordedAt = DateTime.UtcNow,
            EventDate = answers.EventDate,
            Kind = answers.Kind,
            Status = NoteStatus.Draft,
            Text = answers.Text,
            ChildSeen = answers.ChildSeen,
            ChildSeenAlone = answers.ChildSeenAlone,
        };
        Db.CaseNotes.Add(note);
        return await SaveAsync($"case note drafted: {note.Kind} on {Display.Iso(note.EventDate)}", cancellationToken, done: "Case note saved as a draft", next: $"/children/{Child.Id}/notes");
    }
}
