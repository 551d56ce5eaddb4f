using System.Security.Claims;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Security;

namespace Lantern.Web.Journey;

/// <summary>A clear page instead of a form, for a change that is not allowed (a completed case
/// note, an ended early help episode).</summary>
/// <param name="Title">The heading, for example "This note has been completed".</param>
/// <param name="Message">Why, and what to do instead.</param>
/// <param name="LinkHref">Where to go next (id-only path).</param>
/// <param name="LinkText">The link text.</param>
public sealed record Refusal(string Title, string Message, string LinkHref, string LinkText);

/// <summary>What the case note pages share.</summary>
public static class NotesJourney
{
    /// <summary>Longest case note text accepted.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>How a note kind reads as a title ("Phone call").</summary>
    public static string KindText(CaseNoteKind kind) => Lantern.Web.Data.Display.Words(kind);

    /// <summary>The note a correction corrects, followed to the first (a correction of a correction
    /// names the original).</summary>
    public static long RootId(CaseNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return note.CorrectsNoteId ?? note.Id;
    }
}

/// <summary>The case note and chronology actions on a child's record.</summary>
public sealed class NotesActions : ICaseworkActionSource
{
    public const string Group = "Case notes and chronology";

    public IEnumerable<CaseworkAction> For(ChildFile file, DateOnly today, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.Has(Permission.RecordCasework))
        {
            yield break;
        }

        var id = file.Child.Id;
        yield return new CaseworkAction(Group, "Add a case note", $"/children/{id}/notes/new");
        yield return new CaseworkAction(Group, "Case notes", $"/children/{id}/notes");
        yield return new CaseworkAction(Group, "Add a significant event to the chronology", $"/children/{id}/chronology/events/new");
    }
}
