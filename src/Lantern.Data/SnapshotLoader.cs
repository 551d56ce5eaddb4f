using System.Data;
using System.Data.Common;
using Lantern.Domain.Model;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantern.Data;

/// <summary>Loads every record of a database into an <see cref="AuthorityData"/> for metrics and
/// returns to compute from memory. Reads each table with one plain <c>SELECT ... ORDER BY id</c>
/// inside one read transaction, so all tables come from the same moment.</summary>
public static class SnapshotLoader
{
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached or opened.</exception>
    /// <exception cref="DatabaseNotMigratedException">The database is not migrated to this version.</exception>
    public static async Task<AuthorityData> LoadAsync(DbTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var tables = TableMaps.For(target.Provider);
        await using var connection = await LanternDatabase.OpenConnectionAsync(target, cancellationToken);
        await LanternDatabase.EnsureMigratedAsync(target, connection, cancellationToken);

        await using var transaction = connection switch
        {
            // A deferred transaction: the snapshot starts with the first read, and writers are not blocked (WAL).
            SqliteConnection sqlite => (DbTransaction)sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: true),
            NpgsqlConnection npgsql => await npgsql.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };

        var data = new AuthorityData();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT {table.QuotedColumns} FROM {table.QuotedTable} ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            await table.ReadAllAsync(reader, data, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return data;
    }
}
