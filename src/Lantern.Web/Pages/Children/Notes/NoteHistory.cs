using Lantern.Data;
using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Notes;

/// <summary>One version of a case note with the name of who wrote it.</summary>
public sealed record NoteVersion(CaseNote Note, string Author);

/// <summary>A case note as the list and its page show it: the original and its corrections, oldest
/// first. The latest is what the note now says.</summary>
public sealed record NoteHistory(NoteVersion Original, IReadOnlyList<NoteVersion> Corrections)
{
    public NoteVersion Latest => Corrections.Count > 0 ? Corrections[^1] : Original;

    public bool IsDraft => Original.Note.Status == NoteStatus.Draft;

    /// <summary>The child's case notes that <paramref name="workerId"/> may see (completed ones and
    /// their own drafts), newest first by the date they are about.</summary>
    public static async Task<IReadOnlyList<NoteHistory>> LoadAsync(LanternDbContext db, long childId, long? workerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var notes = await db.CaseNotes.AsNoTracking()
            .Where(n => n.ChildId == childId && (n.Status == NoteStatus.Completed || n.AuthorId == workerId))
            .ToListAsync(cancellationToken);
        var authorIds = notes.Select(n => n.AuthorId).Distinct().ToList();
        var names = await db.Workers.AsNoTracking().Where(w => authorIds.Contains(w.Id))
            .Select(w => new { w.Id, w.GivenName, w.FamilyName })
            .ToDictionaryAsync(w => w.Id, w => $"{w.GivenName} {w.FamilyName}", cancellationToken);
        NoteVersion Version(CaseNote n) => new(n, names.TryGetValue(n.AuthorId, out var name) ? name : "Unknown");
        var corrections = notes.Where(n => n.CorrectsNoteId is not null).ToLookup(n => n.CorrectsNoteId!.Value);
        return
        [
            .. notes.Where(n => n.CorrectsNoteId is null)
                .OrderByDescending(n => n.EventDate).ThenByDescending(n => n.RecordedAt).ThenByDescending(n => n.Id)
                .Select(n => new NoteHistory(Version(n), [.. corrections[n.Id].OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).Select(Version)])),
        ];
    }
}
