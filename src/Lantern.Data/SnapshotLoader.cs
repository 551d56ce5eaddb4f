using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Lantern.Domain.Model;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantern.Data;

/// <summary>
/// Loads every record of a database into an <see cref="AuthorityData"/>, for metrics and returns
/// to compute from memory. Each table is read with one plain <c>SELECT ... ORDER BY id</c> into
/// its list (so lists are in id order), with the EF Core model's column names and converters.
/// Tables are read on up to one connection per core, all seeing the same moment of the database:
/// PostgreSQL connections share one exported snapshot; SQLite read transactions all start while
/// writers are briefly held off (or, when that is not possible, one connection reads everything).
/// </summary>
public static class SnapshotLoader
{
    private const int MaxConnections = 4;

    /// <exception cref="DatabaseUnavailableException">The database cannot be reached or opened.</exception>
    /// <exception cref="DatabaseNotMigratedException">The database is not migrated to this version.</exception>
    public static Task<AuthorityData> LoadAsync(DbTarget target, CancellationToken cancellationToken = default) =>
        LoadAsync(target, new LoadOptions(), cancellationToken);

    /// <summary>Reads only the lists of the given record types (for example a return that needs the
    /// children and their care episodes); the other lists of the result stay empty.</summary>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached or opened.</exception>
    /// <exception cref="DatabaseNotMigratedException">The database is not migrated to this version.</exception>
    public static Task<AuthorityData> LoadAsync(DbTarget target, IEnumerable<Type> only, CancellationToken cancellationToken = default) =>
        LoadAsync(target, new LoadOptions { Only = only.ToHashSet() }, cancellationToken);

    /// <summary>How a load is done and watched, for tests and the timing harness.</summary>
    internal sealed record LoadOptions
    {
        /// <summary>Told (from the reading thread) each table's name, row count and read time, and
        /// each step before the reads with a row count of -1.</summary>
        public Action<string, int, TimeSpan>? Timed { get; init; }

        /// <summary>Read SQLite through the data reader and EF Core's converters only (the general
        /// way, which the fast readers must match).</summary>
        public bool DataReaderOnly { get; init; }

        /// <summary>The record types to read (null: all).</summary>
        public IReadOnlySet<Type>? Only { get; init; }
    }

    internal static async Task<AuthorityData> LoadAsync(DbTarget target, LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var started = Stopwatch.GetTimestamp();
        void Step(string name)
        {
            options.Timed?.Invoke(name, -1, Stopwatch.GetElapsedTime(started));
            started = Stopwatch.GetTimestamp();
        }

        var tables = TableMaps.For(target.Provider);
        if (options.Only is { } only)
        {
            tables = [.. tables.Where(t => only.Contains(t.EntityType.ClrType))];
        }

        Step("(table maps)");
        var connections = Math.Clamp(Environment.ProcessorCount, 1, MaxConnections);
        var sessions = new List<Session>();
        try
        {
            var first = await LanternDatabase.OpenConnectionAsync(target, cancellationToken);
            sessions.Add(new Session(first));
            Step("(open)");
            await LanternDatabase.EnsureMigratedAsync(target, first, cancellationToken);
            Step("(migration check)");
            if (first is NpgsqlConnection)
            {
                await BeginPostgresAsync(target, sessions, connections, cancellationToken);
            }
            else
            {
                await BeginSqliteAsync(target, sessions, connections, cancellationToken);
            }

            Step("(begin)");

            // Largest tables first, so the connections finish at about the same time.
            var counts = await CountAsync(sessions[0], tables, cancellationToken);
            var queue = new ConcurrentQueue<TableMap>(tables.OrderByDescending(t => counts[t.Table]));
            var data = new AuthorityData();
            foreach (var table in tables)
            {
                table.Reserve(data, counts[table.Table]);
            }

            Step("(count)");

            await Task.WhenAll(sessions.Select(session => Task.Run(() => ReadTablesAsync(session, queue, data, options, cancellationToken), cancellationToken)));
            foreach (var session in sessions)
            {
                await session.Transaction!.CommitAsync(cancellationToken);
            }

            Step("(read)");
            return data;
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
        }
    }

    private static async Task ReadTablesAsync(Session session, ConcurrentQueue<TableMap> queue, AuthorityData data, LoadOptions options, CancellationToken cancellationToken)
    {
        while (queue.TryDequeue(out var table))
        {
            var started = Stopwatch.GetTimestamp();
            if (session.Connection is SqliteConnection sqlite && !options.DataReaderOnly)
            {
                table.ReadAllSqlite(sqlite, (SqliteTransaction)session.Transaction!, data, cancellationToken);
                options.Timed?.Invoke(table.Table, table.Rows(data).Count, Stopwatch.GetElapsedTime(started));
                continue;
            }

            await using var command = session.Connection.CreateCommand();
            command.Transaction = session.Transaction;
            command.CommandTimeout = 0;
            command.CommandText = $"SELECT {table.QuotedColumns} FROM {table.QuotedTable} ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            await table.ReadAllAsync(reader, data, cancellationToken);
            options.Timed?.Invoke(table.Table, table.Rows(data).Count, Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task<Dictionary<string, long>> CountAsync(Session session, IReadOnlyList<TableMap> tables, CancellationToken cancellationToken)
    {
        await using var command = session.Connection.CreateCommand();
        command.Transaction = session.Transaction;
        command.CommandText = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT COUNT(*) FROM {t.QuotedTable})"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < tables.Count; i++)
        {
            counts[tables[i].Table] = Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static async Task BeginPostgresAsync(DbTarget target, List<Session> sessions, int connections, CancellationToken cancellationToken)
    {
        var first = sessions[0];
        first.Transaction = await first.Connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await ExecuteAsync(first, "SET TRANSACTION READ ONLY", cancellationToken);
        string snapshot;
        await using (var export = first.Connection.CreateCommand())
        {
            export.Transaction = first.Transaction;
            export.CommandText = "SELECT pg_export_snapshot()";
            snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        }

        for (var i = 1; i < connections; i++)
        {
            var session = new Session(await LanternDatabase.OpenConnectionAsync(target, cancellationToken));
            sessions.Add(session);
            session.Transaction = await session.Connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await ExecuteAsync(session, $"SET TRANSACTION SNAPSHOT '{snapshot}'; SET TRANSACTION READ ONLY", cancellationToken);
        }
    }

    private static async Task BeginSqliteAsync(DbTarget target, List<Session> sessions, int connections, CancellationToken cancellationToken)
    {
        // Holding the write lock while the read transactions start gives them all the same snapshot.
        // If it cannot be had at once (a writer is busy, or the file is read-only), read on one connection.
        SqliteConnection? gate = null;
        SqliteTransaction? hold = null;
        if (connections > 1)
        {
            try
            {
                gate = (SqliteConnection)await LanternDatabase.OpenConnectionAsync(target, cancellationToken);
                gate.DefaultTimeout = 1;
                hold = gate.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            }
            catch (SqliteException)
            {
                connections = 1;
            }
        }

        try
        {
            for (var i = 0; i < connections; i++)
            {
                var session = i == 0 ? sessions[0] : new Session(await LanternDatabase.OpenConnectionAsync(target, cancellationToken));
                if (i > 0)
                {
                    sessions.Add(session);
                }

                session.Transaction = ((SqliteConnection)session.Connection).BeginTransaction(IsolationLevel.Serializable, deferred: true);

                // A deferred transaction takes its snapshot at its first read.
                await ExecuteAsync(session, "SELECT COUNT(*) FROM sqlite_master", cancellationToken);
            }
        }
        finally
        {
            if (hold is not null)
            {
                hold.Rollback();
                hold.Dispose();
            }

            if (gate is not null)
            {
                gate.DefaultTimeout = 30;
                await gate.DisposeAsync();
            }
        }
    }

    private static async Task ExecuteAsync(Session session, string sql, CancellationToken cancellationToken)
    {
        await using var command = session.Connection.CreateCommand();
        command.Transaction = session.Transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Session(DbConnection connection) : IAsyncDisposable
    {
        public DbConnection Connection { get; } = connection;

        public DbTransaction? Transaction { get; set; }

        public async ValueTask DisposeAsync()
        {
            if (Transaction is not null)
            {
                await Transaction.DisposeAsync();
            }

            await Connection.DisposeAsync();
        }
    }
}
