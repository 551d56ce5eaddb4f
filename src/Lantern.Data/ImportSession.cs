using System.Data;
using System.Data.Common;
using System.Globalization;
using Lantern.Domain.Model;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantern.Data;

/// <summary>
/// One import into a database that may be in use: holds the write lock and one transaction from
/// <see cref="BeginAsync"/> to <see cref="CommitAsync"/>, so an import is written whole or not at all
/// and nobody else writes in between. <see cref="Existing"/> is every record at the start, read inside
/// the lock, for matching. New records get ids above any in use and are written in batches (so memory
/// does not grow with the file); changed records are updated in place. Records must be added parents
/// first (a child before its referral, a referral before its assessment): PostgreSQL checks references
/// as each batch is written. Disposing without committing rolls everything back.
/// </summary>
public sealed class ImportSession : IAsyncDisposable
{
    private const int FlushEvery = 20_000;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly IReadOnlyList<TableMap> _tables;
    private readonly Dictionary<Type, TableMap> _tableByType;
    private readonly Dictionary<Type, long> _nextId = [];
    private readonly HashSet<Type> _insertedInto = [];
    private readonly HashSet<long> _touchedChildren = [];
    private readonly Dictionary<TableMap, List<Entity>> _changed = [];
    private readonly HashSet<Entity> _changedSet = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, long> _added = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _changedCounts = new(StringComparer.Ordinal);
    private AuthorityData _pending = new();
    private long _firstNewChildId = long.MaxValue;
    private int _pendingCount;
    private bool _committed;

    private ImportSession(DbConnection connection, DbTransaction transaction, IReadOnlyList<TableMap> tables, AuthorityData existing)
    {
        _connection = connection;
        _transaction = transaction;
        _tables = tables;
        _tableByType = tables.ToDictionary(t => t.EntityType.ClrType);
        Existing = existing;
    }

    /// <summary>Every record in the database when the session began.</summary>
    public AuthorityData Existing { get; }

    /// <summary>Records added so far, by table.</summary>
    public IReadOnlyDictionary<string, long> AddedByTable => _added;

    /// <summary>Records changed so far, by table.</summary>
    public IReadOnlyDictionary<string, long> ChangedByTable => _changedCounts;

    /// <exception cref="DatabaseUnavailableException">The database cannot be reached or opened.</exception>
    /// <exception cref="DatabaseNotMigratedException">The database is not migrated to this version.</exception>
    public static async Task<ImportSession> BeginAsync(DbTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var tables = TableMaps.For(target.Provider);
        var connection = await LanternDatabase.OpenConnectionAsync(target, cancellationToken);
        DbTransaction? transaction = null;
        try
        {
            await LanternDatabase.EnsureMigratedAsync(target, connection, cancellationToken);
            if (connection is SqliteConnection sqlite)
            {
                // IMMEDIATE: the write lock now, so what is read for matching is what is written over.
                transaction = sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: false);
                await AuthorityWriter.ExecuteAsync(connection, transaction, "PRAGMA defer_foreign_keys = ON", cancellationToken);
            }
            else
            {
                transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

                // One import at a time, and no other writes to children while one runs.
                await AuthorityWriter.ExecuteAsync(connection, transaction, "LOCK TABLE children IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
            }

            var existing = new AuthorityData();
            foreach (var table in tables)
            {
                if (connection is SqliteConnection sqliteConnection)
                {
                    table.ReadAllSqlite(sqliteConnection, (SqliteTransaction)transaction, existing, cancellationToken);
                    continue;
                }

                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandTimeout = 0;
                command.CommandText = table.SelectAll;
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
                await table.ReadAllAsync(reader, existing, cancellationToken);
            }

            var session = new ImportSession(connection, transaction, tables, existing);
            await session.ReadNextIdsAsync(cancellationToken);
            return session;
        }
        catch
        {
            if (transaction is not null)
            {
                await AuthorityWriter.RollbackQuietlyAsync(transaction);
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds a new record: gives it an id above any in use in its table and returns the id.
    /// Written at the next batch or at <see cref="CommitAsync"/>.</summary>
    public long Add<T>(T record)
        where T : Entity
    {
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(_committed, this);
        var type = record.GetType();
        var table = _tableByType[type];
        record.Id = _nextId[type]++;
        ((List<T>)table.Rows(_pending)).Add(record);
        _insertedInto.Add(type);
        _added[table.Table] = _added.GetValueOrDefault(table.Table) + 1;
        Touch(record);
        _pendingCount++;
        return record.Id;
    }

    /// <summary>A record from <see cref="Existing"/> was changed in place: written as an update (its
    /// <see cref="Entity.Version"/> goes up by one, as every other write does).</summary>
    public void Changed(Entity record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(_committed, this);
        if (record.Id <= 0)
        {
            throw new ArgumentException("Only a stored record can be changed; add a new one with Add.", nameof(record));
        }

        if (!_changedSet.Add(record))
        {
            return;
        }

        var table = _tableByType[record.GetType()];
        if (!_changed.TryGetValue(table, out var list))
        {
            _changed[table] = list = [];
        }

        list.Add(record);
        _changedCounts[table.Table] = _changedCounts.GetValueOrDefault(table.Table) + 1;
        Touch(record);
        _pendingCount++;
    }

    /// <summary>Writes what is pending now (still inside the transaction). Called by
    /// <see cref="Add{T}"/> users that want to bound memory; <see cref="CommitAsync"/> flushes anyway.</summary>
    public async Task FlushIfLargeAsync(CancellationToken cancellationToken = default)
    {
        if (_pendingCount >= FlushEvery)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes what is pending, moves on the file version of every child touched, and commits.</summary>
    /// <exception cref="AuthorityWriteException">A row could not be stored; nothing was written.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        await FlushAsync(cancellationToken);
        var existingChildren = _touchedChildren.Where(id => id < _firstNewChildId).Order().ToList();
        for (var i = 0; i < existingChildren.Count; i += 500)
        {
            var ids = string.Join(",", existingChildren.Skip(i).Take(500).Select(id => id.ToString(CultureInfo.InvariantCulture)));
            await AuthorityWriter.ExecuteAsync(_connection, _transaction, $"UPDATE children SET file_version = file_version + 1 WHERE id IN ({ids})", cancellationToken);
        }

        if (_insertedInto.Count > 0 || _touchedChildren.Count > 0)
        {
            // Lists kept in memory by the web (work views, caseloads) are refreshed when the stamp moves.
            await AuthorityWriter.ExecuteAsync(_connection, _transaction, "UPDATE local_authorities SET record_stamp = record_stamp + 1", cancellationToken);
        }

        if (_connection is NpgsqlConnection && _insertedInto.Count > 0)
        {
            // Explicit ids leave the identity sequences behind: move them past the new rows.
            var reset = string.Concat(_insertedInto.Select(t => _tableByType[t]).Select(t =>
                $"SELECT setval(pg_get_serial_sequence('{t.QuotedTable}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM {t.QuotedTable};"));
            await AuthorityWriter.ExecuteAsync(_connection, _transaction, reset, cancellationToken);
        }

        try
        {
            await _transaction.CommitAsync(cancellationToken);
        }
        catch (SqliteException ex) when (AuthorityWriter.IsForeignKeyFailure(ex))
        {
            throw new AuthorityWriteException("Nothing was written: a record refers to another record that is not in the database.", ex);
        }

        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await AuthorityWriter.RollbackQuietlyAsync(_transaction);
        }

        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private void Touch(Entity record)
    {
        switch (record)
        {
            case ChildRecord childRecord:
                _touchedChildren.Add(childRecord.ChildId);
                break;
            case Child child:
                _touchedChildren.Add(child.Id);
                break;
        }
    }

    private async Task ReadNextIdsAsync(CancellationToken cancellationToken)
    {
        foreach (var table in _tables)
        {
            var rows = table.Rows(Existing);
            long max = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                max = Math.Max(max, rows[i].Id);
            }

            // Ids handed out before and since deleted are not handed out again.
            await using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = _connection is NpgsqlConnection
                ? $"SELECT COALESCE(pg_sequence_last_value(pg_get_serial_sequence('{table.QuotedTable}', 'id')), 0)"
                : $"SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table.Table}'), 0)";
            var used = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            _nextId[table.EntityType.ClrType] = Math.Max(max, used) + 1;
        }

        _firstNewChildId = _nextId[typeof(Child)];
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pendingCount == 0)
        {
            return;
        }

        try
        {
            foreach (var table in _tables)
            {
                var rows = table.Rows(_pending);
                if (rows.Count > 0)
                {
                    if (_connection is SqliteConnection sqlite)
                    {
                        AuthorityWriter.WriteSqliteTable(sqlite, table, rows, null, cancellationToken);
                    }
                    else
                    {
                        await AuthorityWriter.CopyTableAsync((NpgsqlConnection)_connection, table, rows, null, cancellationToken);
                    }
                }

                if (_changed.TryGetValue(table, out var changed))
                {
                    await UpdateAsync(table, changed, cancellationToken);
                }
            }
        }
        catch (PostgresException ex) when (AuthorityWriter.IsRowRefused(ex))
        {
            throw AuthorityWriter.RowRefused(ex);
        }

        _pending = new AuthorityData();
        _changed.Clear();
        _changedSet.Clear();
        _pendingCount = 0;
    }

    private async Task UpdateAsync(TableMap table, List<Entity> rows, CancellationToken cancellationToken)
    {
        var columns = table.Columns;
        var set = string.Join(", ", columns.Skip(1).Select((c, i) => $"{TableMap.Quote(c.Name)} = {Placeholder(i + 1)}"));
        var sql = $"UPDATE {table.QuotedTable} SET {set} WHERE {TableMap.Quote(columns[0].Name)} = {Placeholder(0)}";
        foreach (var row in rows)
        {
            row.Version++;
        }

        if (_connection is SqliteConnection sqlite)
        {
            using var statement = new SqliteBinder(sqlite, sql);
            foreach (var row in rows)
            {
                try
                {
                    // Positional: the SET values in column order, then the id.
                    for (var c = 1; c < columns.Count; c++)
                    {
                        statement.Bind(c - 1, columns[c].ProviderValue(row));
                    }

                    statement.Bind(columns.Count - 1, columns[0].ProviderValue(row));
                    statement.Step();
                }
                catch (SqliteException ex)
                {
                    throw new AuthorityWriteException($"Nothing was written: {table.Table} id {row.Id}: {DatabaseErrors.OneLine(ex.Message)}", ex);
                }
            }

            return;
        }

        await using var command = (NpgsqlCommand)_connection.CreateCommand();
        command.Transaction = (NpgsqlTransaction)_transaction;
        command.CommandText = sql;
        foreach (var column in columns)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = column.NpgsqlDbType });
        }

        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                command.Parameters[c].Value = columns[c].ProviderValue(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private string Placeholder(int index) => _connection is NpgsqlConnection ? $"${index + 1}" : "?";
}
