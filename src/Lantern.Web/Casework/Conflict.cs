using System.Globalization;
using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Casework;

/// <summary>One value that differs between what someone else saved and what this person entered.</summary>
public sealed record ConflictRow(string Field, string Saved, string Yours);

/// <summary>Shown instead of saving when someone else changed the same record after this person
/// opened the form: what they changed, who and when (from the audit trail), and nothing overwritten.</summary>
public sealed record ConflictView(string What, IReadOnlyList<ConflictRow> Rows, string? ChangedBy, DateTime? ChangedAt)
{
    /// <summary>Builds the view from EF Core's concurrency failure: for each entry, the values now in
    /// the database against the values this person tried to save.</summary>
    public static async Task<ConflictView> FromAsync(DbUpdateConcurrencyException exception, string what, string? changedBy, DateTime? changedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var rows = new List<ConflictRow>();
        foreach (var entry in exception.Entries)
        {
            var saved = await entry.GetDatabaseValuesAsync(cancellationToken);
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (name is nameof(Entity.Id) or nameof(Entity.Version) or nameof(ChildRecord.ChildId))
                {
                    continue;
                }

                var mine = Text(property.CurrentValue);
                var theirs = saved is null ? "(deleted)" : Text(saved[property.Metadata]);
                if (mine != theirs)
                {
                    rows.Add(new ConflictRow(Words(name), theirs, mine));
                }
            }
        }

        return new ConflictView(what, rows, changedBy, changedAt);
    }

    private static string Text(object? value) => value switch
    {
        null => "Not recorded",
        DateOnly d => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "Yes" : "No",
        System.Collections.IEnumerable list and not string => string.Join(", ", list.Cast<object>().Select(Text)),
        Enum e => FormReader.Capital(Words(e.ToString()).ToLowerInvariant()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Words(string pascal)
    {
        var chars = new List<char>();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                chars.Add(' ');
                chars.Add(char.ToLowerInvariant(pascal[i]));
            }
            else
            {
                chars.Add(pascal[i]);
            }
        }

        return new string([.. chars]);
    }
}
