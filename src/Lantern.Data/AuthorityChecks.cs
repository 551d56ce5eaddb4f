using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Data;

/// <summary>
/// Checks an authority against the model before the bulk writer touches the database, so that
/// both providers refuse the same data with the same message (SQLite does not enforce column
/// lengths, and neither database names the offending row). Messages name tables, ids and
/// columns but never values: they may reach logs, and the values are children's personal data.
/// </summary>
internal static class AuthorityChecks
{
    public static void Check(IReadOnlyList<TableMap> tables, AuthorityData data)
    {
        var ids = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            ids[table.Table] = CheckIdsAndValues(table, table.Rows(data));
        }

        foreach (var table in tables)
        {
            CheckReferences(table, table.Rows(data), ids);
            CheckUniqueIndexes(table, table.Rows(data));
        }
    }

    private static HashSet<long> CheckIdsAndValues(TableMap table, IReadOnlyList<Entity> rows)
    {
        var ids = new HashSet<long>(rows.Count);
        var bounded = table.Columns
            .Select(c => (Column: c, MaxLength: c.Property.GetMaxLength()))
            .Where(c => c.MaxLength is not null && c.Column.Property.ClrType == typeof(string))
            .ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw Fail($"{table.Table} has an empty entry at position {i}.");
            if (row.Id <= 0)
            {
                throw Fail($"{table.Table} row {i} has id {row.Id}: every record needs its id (1 or more) before it is stored.");
            }

            if (!ids.Add(row.Id))
            {
                throw Fail($"{table.Table} id {row.Id} appears more than once.");
            }

            foreach (var (column, maxLength) in bounded)
            {
                if (column.ProviderValue(row) is string text && text.Length > maxLength)
                {
                    throw Fail($"{table.Table} id {row.Id}: {column.Name} is {text.Length} characters long; at most {maxLength} are allowed.");
                }
            }
        }

        return ids;
    }

    private static void CheckReferences(TableMap table, IReadOnlyList<Entity> rows, Dictionary<string, HashSet<long>> ids)
    {
        foreach (var foreignKey in table.EntityType.GetForeignKeys())
        {
            var column = table.Columns.Single(c => c.Property == foreignKey.Properties.Single());
            var principal = foreignKey.PrincipalEntityType.GetTableName()!;
            var principalIds = ids[principal];
            foreach (var row in rows)
            {
                if (column.ProviderValue(row) is long id && !principalIds.Contains(id))
                {
                    throw Fail($"{table.Table} id {row.Id} has {column.Name} {id}, which is not in {principal}.");
                }
            }
        }
    }

    private static void CheckUniqueIndexes(TableMap table, IReadOnlyList<Entity> rows)
    {
        foreach (var index in table.EntityType.GetIndexes().Where(i => i.IsUnique))
        {
            var columns = index.Properties.Select(p => table.Columns.Single(c => c.Property == p)).ToArray();
            var seen = new Dictionary<string, long>(rows.Count, StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var values = columns.Select(c => c.ProviderValue(row)).ToArray();
                if (values.Any(v => v is null))
                {
                    continue;
                }

                var key = string.Join('\u001f', values);
                if (!seen.TryAdd(key, row.Id))
                {
                    throw Fail($"{table.Table} ids {seen[key]} and {row.Id} have the same {string.Join(" and ", columns.Select(c => c.Name))}, which must be unique.");
                }
            }
        }
    }

    private static AuthorityWriteException Fail(string problem) => new($"Nothing was written: {problem}");
}
