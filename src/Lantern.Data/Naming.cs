using System.Text;

namespace Lantern.Data;

/// <summary>Database naming: snake_case tables, columns, keys and indexes, so analysts can query
/// the database with plain SQL and no quoting.</summary>
public static class Naming
{
    /// <summary><c>LaChildId</c> to <c>la_child_id</c>, <c>Section47Id</c> to <c>section47_id</c>,
    /// <c>UPNUnknown</c> to <c>upn_unknown</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var startsWord = i > 0
                    && previous != '_'
                    && (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string PrimaryKey(string table) => $"pk_{table}";

    public static string Index(string table, IEnumerable<string> columns) => $"ix_{table}_{string.Join('_', columns)}";

    public static string ForeignKey(string table, string principalTable, IEnumerable<string> columns) =>
        $"fk_{table}_{principalTable}_{string.Join('_', columns)}";
}
