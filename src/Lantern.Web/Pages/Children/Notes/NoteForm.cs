using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Journey;

namespace Lantern.Web.Pages.Children.Notes;

/// <summary>The answers of a case note form.</summary>
public sealed record NoteAnswers(DateOnly EventDate, CaseNoteKind Kind, string Text, bool? ChildSeen, bool? ChildSeenAlone);

/// <summary>The questions of a case note (new, edit and correct ask the same) and how they are read
/// back: the child seen and seen alone are asked for visit notes only.</summary>
public static class NoteForm
{
    public static readonly FieldSpec EventDate = new("EventDate", FieldKind.Date, "Date of what the note is about", "the date of what the note is about")
    {
        Hint = "For example, 27 3 2026",
    };

    public static readonly FieldSpec Kind = new("Kind", FieldKind.Radios, "Kind of note", "the kind of note")
    {
        Options = FieldSpec.OptionsOf<CaseNoteKind>(Display.Words),
    };

    public static readonly FieldSpec Text = new("Text", FieldKind.TextArea, "Note", "the note")
    {
        MaxLength = NotesJourney.MaxTextLength,
        Rows = 12,
        Hint = "Up to 20,000 characters",
    };

    public static readonly FieldSpec Seen = new("Seen", FieldKind.YesNo, "For a visit: was the child seen?", "the child was seen")
    {
        Required = false,
        Hint = "Answer for visit notes only",
    };

    public static readonly FieldSpec SeenAlone = new("SeenAlone", FieldKind.YesNo, "For a visit: was the child seen alone?", "the child was seen alone")
    {
        Required = false,
        Hint = "Answer for visit notes only",
    };

    public static IReadOnlyList<FieldSpec> Fields { get; } = [EventDate, Kind, Text, Seen, SeenAlone];

    /// <summary>Reads the answers, adding the errors; null when any answer is wrong.</summary>
    public static NoteAnswers? Read(FormReader form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var date = form.Date(EventDate);
        var kind = form.Choice<CaseNoteKind>(Kind);
        var text = form.Text(Text);
        var seen = form.YesNo(Seen);
        var alone = form.YesNo(SeenAlone);
        if (kind == CaseNoteKind.Visit)
        {
            if (seen is null && !form.HasError(Seen))
            {
                form.Error(Seen, "Select yes if the child was seen");
            }

            if (alone is null && !form.HasError(SeenAlone))
            {
                form.Error(SeenAlone, "Select yes if the child was seen alone");
            }

            if (seen == false && alone == true)
            {
                form.Error(SeenAlone, "The child cannot have been seen alone if they were not seen. Change one of the answers");
            }
        }

        if (!form.IsValid)
        {
            return null;
        }

        var visit = kind == CaseNoteKind.Visit;
        return new NoteAnswers(date!.Value, kind!.Value, text!, visit ? seen : null, visit ? alone : null);
    }

    /// <summary>Puts a note's answers into the form.</summary>
    public static void Put(Dictionary<string, string?> values, CaseNote note)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(note);
        EarlyHelpJourney.PutDate(values, EventDate, note.EventDate);
        values[Kind.Name] = note.Kind.ToString();
        values[Text.Name] = note.Text;
        values[Seen.Name] = note.ChildSeen is { } s ? (s ? "yes" : "no") : null;
        values[SeenAlone.Name] = note.ChildSeenAlone is { } a ? (a ? "yes" : "no") : null;
    }
}
