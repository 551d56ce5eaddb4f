using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Lantern.Domain.Model;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantern.Data;

/// <summary>
/// Stores a whole <see cref="AuthorityData"/> (ids as given) in an empty, migrated database in one
/// transaction: either everything is written or nothing is. Table and column names and value
/// conversions come from the EF Core model, so this path stays in step with the mappings.
/// SQLite uses prepared parameterised INSERTs; PostgreSQL uses binary COPY and then moves each
/// identity sequence past the largest id.
/// </summary>
public static class AuthorityWriter
{
    private const int ProgressEvery = 10_000;

    /// <summary>SQLite page cache for the bulk write, in KiB.</summary>
    private const int BulkCacheKib = 256 * 1024;

    /// <summary>Writes <paramref name="data"/> and returns the number of rows written.</summary>
    /// <param name="progress">Told (table, rows done, rows in table) as each table goes.</param>
    /// <param name="replace">Delete every Lantern record first (in the same transaction) instead of refusing a database that has data.</param>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached or opened.</exception>
    /// <exception cref="DatabaseNotMigratedException">The database is not migrated to this version.</exception>
    /// <exception cref="DatabaseNotEmptyException">The database already has records and <paramref name="replace"/> is false.</exception>
    /// <exception cref="AuthorityWriteException">A row could not be stored; nothing was written.</exception>
    public static async Task<long> WriteAsync(
        DbTarget target,
        AuthorityData data,
        IProgress<(string table, long done, long total)>? progress = null,
        bool replace = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(data);
        var tables = TableMaps.For(target.Provider);
        CheckIds(tables, data);

        await using var connection = await LanternDatabase.OpenConnectionAsync(target, cancellationToken);
        await LanternDatabase.EnsureMigratedAsync(target, connection, cancellationToken);
        return connection switch
        {
            SqliteConnection sqlite => await WriteSqliteAsync(target, sqlite, tables, data, progress, replace, cancellationToken),
            NpgsqlConnection npgsql => await WritePostgresAsync(target, npgsql, tables, data, progress, replace, cancellationToken),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
    }

    private static void CheckIds(IReadOnlyList<TableMap> tables, AuthorityData data)
    {
        foreach (var table in tables)
        {
            var rows = table.Rows(data);
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i] is null)
                {
                    throw new ArgumentException($"Nothing was written: {table.Table} has a null entry at position {i}.", nameof(data));
                }

                if (rows[i].Id <= 0)
                {
                    throw new ArgumentException(
                        $"Nothing was written: {table.Table} row {i} has id {rows[i].Id}; every record needs its id (1 or more) before it is stored.", nameof(data));
                }
            }
        }
    }

    private static async Task<long> WriteSqliteAsync(
        DbTarget target,
        SqliteConnection connection,
        IReadOnlyList<TableMap> tables,
        AuthorityData data,
        IProgress<(string table, long done, long total)>? progress,
        bool replace,
        CancellationToken cancellationToken)
    {
        // A large page cache keeps index pages in memory instead of spilling them to the WAL.
        await ExecuteAsync(connection, null, $"PRAGMA cache_size = -{BulkCacheKib}", cancellationToken);

        // BEGIN IMMEDIATE: take the write lock now rather than fail half way.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var committed = false;
        try
        {
            // Checked at COMMIT, so the order of rows within and across tables does not matter.
            await ExecuteAsync(connection, transaction, "PRAGMA defer_foreign_keys = ON", cancellationToken);
            await PrepareTargetAsync(target, connection, transaction, tables, replace, cancellationToken);

            // Building each index once from the loaded table beats updating it row by row.
            var indexes = await QueryPairsAsync(connection, transaction,
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ("
                + string.Join(", ", tables.Select(t => $"'{t.Table}'")) + ") ORDER BY name",
                cancellationToken);
            await ExecuteAsync(connection, transaction, string.Concat(indexes.Select(i => $"DROP INDEX {TableMap.Quote(i.Name)};")), cancellationToken);

            long written = 0;
            foreach (var table in tables)
            {
                written += WriteSqliteTable(connection, table, table.Rows(data), progress, cancellationToken);
            }

            foreach (var (name, sql) in indexes)
            {
                try
                {
                    await ExecuteAsync(connection, transaction, sql, cancellationToken);
                }
                catch (SqliteException ex)
                {
                    throw new AuthorityWriteException($"Nothing was written: index {name}: {DatabaseErrors.OneLine(ex.Message)}", ex);
                }
            }

            try
            {
                await transaction.CommitAsync(cancellationToken);
                committed = true;
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 787 || ex.Message.Contains("FOREIGN KEY", StringComparison.Ordinal))
            {
                // A failed COMMIT leaves the transaction open, so the check sees the rows.
                var problem = await DescribeForeignKeyViolationAsync(connection, transaction, tables, cancellationToken);
                throw new AuthorityWriteException($"Nothing was written: {problem}", ex);
            }

            // Statistics for the query planner, from a sample of each index.
            await ExecuteAsync(connection, null, "PRAGMA analysis_limit = 1000; ANALYZE;", cancellationToken);
            return written;
        }
        finally
        {
            if (!committed)
            {
                await RollbackQuietlyAsync(transaction);
            }

            try
            {
                await ExecuteAsync(connection, null, "PRAGMA cache_size = -2000", CancellationToken.None);
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                // The connection is closed next anyway; keep the original failure.
            }
        }
    }

    private static long WriteSqliteTable(
        SqliteConnection connection,
        TableMap table,
        IReadOnlyList<Entity> rows,
        IProgress<(string table, long done, long total)>? progress,
        CancellationToken cancellationToken)
    {
        var total = rows.Count;
        progress?.Report((table.Table, 0, total));
        if (total == 0)
        {
            return 0;
        }

        var columns = table.Columns;
        var placeholders = string.Join(", ", Enumerable.Repeat("?", columns.Count));
        using var statement = new SqliteBinder(connection, $"INSERT INTO {table.QuotedTable} ({table.QuotedColumns}) VALUES ({placeholders})");
        for (var i = 0; i < total; i++)
        {
            var row = rows[i];
            try
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    statement.Bind(c, columns[c].ProviderValue(row));
                }

                statement.Step();
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException or FormatException or NotSupportedException)
            {
                throw new AuthorityWriteException($"Nothing was written: {table.Table} id {row.Id}: {DatabaseErrors.OneLine(ex.Message)}", ex);
            }

            if ((i + 1) % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report((table.Table, i + 1, total));
            }
        }

        progress?.Report((table.Table, total, total));
        return total;
    }

    private static async Task<string> DescribeForeignKeyViolationAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<TableMap> tables, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "PRAGMA foreign_key_check";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var table = reader.GetString(0);
                var rowId = reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1);
                var parent = reader.GetString(2);
                var fkIndex = reader.GetInt32(3);
                var map = tables.FirstOrDefault(t => t.Table == table);
                var fk = map?.EntityType.GetForeignKeys().Reverse().ElementAtOrDefault(fkIndex);
                var column = fk?.Properties[0].Name is { } p ? Naming.ToSnakeCase(p) : "a reference";
                return $"{table} id {rowId} has a {column} that is not in {parent}.";
            }
        }
        catch (SqliteException)
        {
            // Fall through to the general message.
        }

        return "a record refers to another record that is not in the data (foreign key).";
    }

    private static async Task<long> WritePostgresAsync(
        DbTarget target,
        NpgsqlConnection connection,
        IReadOnlyList<TableMap> tables,
        AuthorityData data,
        IProgress<(string table, long done, long total)>? progress,
        bool replace,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var committed = false;
        try
        {
            await PrepareTargetAsync(target, connection, transaction, tables, replace, cancellationToken);

            // As pg_restore does: load without secondary indexes and foreign keys, then build
            // each index once and check each foreign key with one join. Definitions are read from
            // the database, so they come back exactly as the migrations made them.
            var names = string.Join(", ", tables.Select(t => $"'{t.Table}'"));
            var foreignKeys = await QueryTriplesAsync(connection, transaction,
                "SELECT cl.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
                + "JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace "
                + $"WHERE c.contype = 'f' AND n.nspname = current_schema() AND cl.relname IN ({names}) ORDER BY c.conname",
                cancellationToken);
            var indexes = await QueryPairsAsync(connection, transaction,
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
                + $"AND i.tablename IN ({names}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY i.indexname",
                cancellationToken);
            await ExecuteAsync(connection, transaction,
                string.Concat(foreignKeys.Select(f => $"ALTER TABLE {TableMap.Quote(f.Table)} DROP CONSTRAINT {TableMap.Quote(f.Name)};"))
                + string.Concat(indexes.Select(i => $"DROP INDEX {TableMap.Quote(i.Name)};")),
                cancellationToken);

            long written = 0;
            foreach (var table in tables)
            {
                written += await CopyTableAsync(connection, table, table.Rows(data), progress, cancellationToken);
            }

            await ExecuteAsync(connection, transaction,
                "SET LOCAL maintenance_work_mem = '256MB';"
                + string.Concat(indexes.Select(i => i.Sql + ";"))
                + string.Concat(foreignKeys.Select(f => $"ALTER TABLE {TableMap.Quote(f.Table)} ADD CONSTRAINT {TableMap.Quote(f.Name)} {f.Definition};")),
                cancellationToken);

            // COPY with explicit ids leaves the identity sequences at 1: move them past the data.
            var reset = new StringBuilder();
            foreach (var table in tables)
            {
                reset.Append(CultureInfo.InvariantCulture,
                    $"SELECT setval(pg_get_serial_sequence('{table.QuotedTable}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM {table.QuotedTable};");
            }

            await ExecuteAsync(connection, transaction, reset.ToString(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            committed = true;

            // Statistics for the query planner now, rather than whenever autovacuum gets to it.
            await ExecuteAsync(connection, null, $"ANALYZE {string.Join(", ", tables.Select(t => t.QuotedTable))}", cancellationToken);
            return written;
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.UniqueViolation
            or PostgresErrorCodes.NotNullViolation or PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.CheckViolation
            or PostgresErrorCodes.NumericValueOutOfRange)
        {
            var where = ex.TableName is { } t ? $"{t}: " : string.Empty;
            var detail = ex.ConstraintName is { } c ? $" ({c})" : string.Empty;
            throw new AuthorityWriteException($"Nothing was written: {where}{DatabaseErrors.OneLine(ex.MessageText)}{detail}.", ex);
        }
        finally
        {
            if (!committed)
            {
                await RollbackQuietlyAsync(transaction);
            }
        }
    }

    private static async Task<long> CopyTableAsync(
        NpgsqlConnection connection,
        TableMap table,
        IReadOnlyList<Entity> rows,
        IProgress<(string table, long done, long total)>? progress,
        CancellationToken cancellationToken)
    {
        var total = rows.Count;
        progress?.Report((table.Table, 0, total));
        if (total == 0)
        {
            return 0;
        }

        var columns = table.Columns;
        var writers = columns.Select(c => c.CopyWriter).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table.QuotedTable} ({table.QuotedColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < total; i++)
        {
            var row = rows[i];
            try
            {
                importer.StartRow();
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = columns[c].ProviderValue(row);
                    if (value is null)
                    {
                        importer.WriteNull();
                    }
                    else
                    {
                        writers[c](importer, value);
                    }
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidCastException or ArgumentException)
            {
                throw new AuthorityWriteException($"Nothing was written: {table.Table} id {row.Id}: {DatabaseErrors.OneLine(ex.Message)}", ex);
            }

            if ((i + 1) % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report((table.Table, i + 1, total));
            }
        }

        await importer.CompleteAsync(cancellationToken);
        progress?.Report((table.Table, total, total));
        return total;
    }

    /// <summary>Refuses a database with records, or (with <paramref name="replace"/>) deletes them.</summary>
    private static async Task PrepareTargetAsync(
        DbTarget target, DbConnection connection, DbTransaction transaction, IReadOnlyList<TableMap> tables, bool replace, CancellationToken cancellationToken)
    {
        var nonEmpty = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = string.Join(" UNION ALL ", tables.Select(t =>
                $"SELECT '{t.Table}' WHERE EXISTS (SELECT 1 FROM {t.QuotedTable})"));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                nonEmpty.Add(reader.GetString(0));
            }
        }

        if (nonEmpty.Count == 0)
        {
            return;
        }

        if (!replace)
        {
            var children = 0L;
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT COUNT(*) FROM children";
                children = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            throw new DatabaseNotEmptyException(
                $"{target} already holds records ({children:N0} children; tables {string.Join(", ", nonEmpty)}). "
                + "Nothing was written: use an empty database, or replace what is there.");
        }

        var sql = connection is NpgsqlConnection
            ? $"TRUNCATE TABLE {string.Join(", ", tables.Select(t => t.QuotedTable))} RESTART IDENTITY"
            : string.Concat(tables.Reverse().Select(t => $"DELETE FROM {t.QuotedTable};"))
                + $"DELETE FROM sqlite_sequence WHERE name IN ({string.Join(", ", tables.Select(t => $"'{t.Table}'"))});";
        await ExecuteAsync(connection, transaction, sql, cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        if (sql.Length == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<(string Name, string Sql)>> QueryPairsAsync(
        DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var rows = new List<(string, string)>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    private static async Task<List<(string Table, string Name, string Definition)>> QueryTriplesAsync(
        DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var rows = new List<(string, string, string)>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static async Task RollbackQuietlyAsync(DbTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // The connection is closed with the transaction, which rolls it back anyway.
        }
    }
}
