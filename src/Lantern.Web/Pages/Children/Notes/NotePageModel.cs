using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Notes;

/// <summary>The base of the pages that act on one case note: opens the child and the note (404
/// unless it is this child's, and for a draft unless the person wrote it), and refuses with a clear
/// page what the note's state does not allow.</summary>
public abstract class NotePageModel(CaseworkServices services) : CaseworkPageModel(services)
{
    public CaseNote Note { get; private set; } = null!;

    /// <summary>Set instead of the form when the note may not be changed this way.</summary>
    public Refusal? Refused { get; protected set; }

    public string NotesUrl => $"/children/{Child.Id}/notes";

    /// <summary>Opens the child and note <paramref name="noteId"/> (tracked); null to go on, else the result to return.</summary>
    protected async Task<IActionResult?> OpenNoteAsync(long childId, long noteId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(childId, cancellationToken) is { } denied)
        {
            return denied;
        }

        var note = await Db.CaseNotes.SingleOrDefaultAsync(n => n.Id == noteId && n.ChildId == Child.Id, cancellationToken);
        if (note is null || (note.Status == NoteStatus.Draft && note.AuthorId != MyWorkerId))
        {
            return NotFound();
        }

        Note = note;
        var author = await Db.Workers.AsNoTracking().Where(w => w.Id == note.AuthorId).Select(w => w.GivenName + " " + w.FamilyName).SingleOrDefaultAsync(cancellationToken);
        Facts.Add(new SummaryListRow("Note", $"{Display.Words(note.Kind)}, {Display.Date(note.EventDate)}"));
        Facts.Add(new SummaryListRow("Written by", $"{author ?? "Unknown"}, {note.RecordedAt.ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)} (UTC)"));
        Facts.Add(new SummaryListRow("Status", note.Status == NoteStatus.Draft ? "Draft" : "Completed"));
        return null;
    }

    /// <summary>The clear page for a change to a completed note (409).</summary>
    protected IActionResult RefuseCompleted()
    {
        Refused = new Refusal(
            "This note has been completed",
            $"A completed case note cannot be changed. It stays on the record as it was written. To put something right, add a correction: the original stays and the correction is shown with it.",
            $"/children/{Child.Id}/notes/{Note.Id}",
            "Back to the note");
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }
}
