using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Lantern.Domain.Model;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantern.Data;

/// <summary>
/// Stores a whole <see cref="AuthorityData"/> (ids as given) in an empty, migrated database in one
/// transaction: either everything is written or nothing is. The data is checked against the model
/// first (ids, references, unique values, column lengths) so both providers refuse the same rows
/// with the same message. Table and column names and value conversions come from the EF Core
/// model, so this path stays in step with the mappings. Secondary indexes (and on PostgreSQL the
/// foreign keys) are dropped and rebuilt inside the transaction, so this is for seeding and
/// loading a database, not for writing into one that is in use.
/// SQLite: prepared multi-row INSERTs bound by position, foreign keys checked at commit.
/// PostgreSQL: binary COPY, then each identity sequence moved past the largest id.
/// </summary>
public static class AuthorityWriter
{
    private const int ProgressEvery = 10_000;

    private const int SqliteBatchRows = 64;

    /// <summary>SQLite's limit on parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32).</summary>
    private const int SqliteMaxParameters = 32_766;

    /// <summary>SQLite page cache for the bulk write, in KiB.</summary>
    private const int BulkCacheKib = 256 * 1024;

    /// <summary>Writes <paramref name="data"/> and returns the number of rows written.</summary>
    /// <param name="progress">Told (table, rows done, rows in table) as each table goes.</param>
    /// <param name="replace">Delete every Lantern record first (in the same transaction) instead of refusing a database that has data.</param>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached or opened.</exception>
    /// <exception cref="DatabaseNotMigratedException">The database is not migrated to this version.</exception>
    /// <exception cref="DatabaseNotEmptyException">The database already has records and <paramref name="replace"/> is false.</exception>
    /// <exception cref="AuthorityWriteException">A row could not be stored (a missing or repeated id, a
    /// reference to a record that is not there, a repeated unique value, a value too long for its
    /// column, ...); nothing was written. The message names the table, the row's id and the column, never the value.</exception>
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
        AuthorityChecks.Check(tables, data);

        await using var connection = await LanternDatabase.OpenConnectionAsync(target, cancellationToken);
        await LanternDatabase.EnsureMigratedAsync(target, connection, cancellationToken);
        return connection switch
        {
            SqliteConnection sqlite => await WriteSqliteAsync(target, sqlite, tables, data, progress, replace, cancellationToken),
            NpgsqlConnection npgsql => await WritePostgresAsync(target, npgsql, tables, data, progress, replace, cancellationToken),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
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
            catch (SqliteException ex) when (IsForeignKeyFailure(ex))
            {
                // A failed COMMIT leaves the transaction open, so the check sees the rows.
                var problem = await DescribeForeignKeyViolationAsync(connection, transaction, cancellationToken);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static long WriteSqliteTable(
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

        // Many rows per INSERT: SQLite's per-statement work (cursors, the AUTOINCREMENT
        // sequence) is then paid once per batch rather than once per row.
        var columns = table.Columns;
        var batch = Math.Max(1, Math.Min(SqliteBatchRows, SqliteMaxParameters / columns.Count));
        using var single = new SqliteBinder(connection, InsertSql(table, 1));
        using var many = batch > 1 && total >= batch ? new SqliteBinder(connection, InsertSql(table, batch)) : null;
        var done = 0;
        var nextReport = ProgressEvery;
        while (done < total)
        {
            if (many is not null && total - done >= batch)
            {
                try
                {
                    for (var r = 0; r < batch; r++)
                    {
                        Bind(many, r * columns.Count, columns, rows[done + r]);
                    }

                    many.Step();
                    done += batch;
                }
                catch (Exception ex) when (ex is SqliteException or InvalidOperationException or FormatException or NotSupportedException)
                {
                    // The failed statement wrote nothing: find and name the row, one at a time.
                    for (var r = 0; r < batch; r++)
                    {
                        WriteOne(single, table, rows[done + r]);
                    }

                    throw new AuthorityWriteException($"Nothing was written: {table.Table}: {DatabaseErrors.OneLine(ex.Message)}", ex);
                }
            }
            else
            {
                WriteOne(single, table, rows[done]);
                done++;
            }

            if (done >= nextReport)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report((table.Table, done, total));
                nextReport = done + ProgressEvery;
            }
        }

        progress?.Report((table.Table, total, total));
        return total;
    }

    private static void WriteOne(SqliteBinder statement, TableMap table, Entity row)
    {
        try
        {
            Bind(statement, 0, table.Columns, row);
            statement.Step();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or FormatException or NotSupportedException)
        {
            throw new AuthorityWriteException($"Nothing was written: {table.Table} id {row.Id}: {DatabaseErrors.OneLine(ex.Message)}", ex);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Bind(SqliteBinder statement, int offset, IReadOnlyList<ColumnMap> columns, Entity row)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            statement.Bind(offset + c, columns[c].ProviderValue(row));
        }
    }

    private static string InsertSql(TableMap table, int rows)
    {
        var values = "(" + string.Join(", ", Enumerable.Repeat("?", table.Columns.Count)) + ")";
        return $"INSERT INTO {table.QuotedTable} ({table.QuotedColumns}) VALUES {string.Join(", ", Enumerable.Repeat(values, rows))}";
    }

    private static async Task<string> DescribeForeignKeyViolationAsync(
        SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            string table, parent;
            long? rowId;
            long foreignKey;
            await using (var check = connection.CreateCommand())
            {
                check.Transaction = transaction;
                check.CommandText = "PRAGMA foreign_key_check";
                await using var reader = await check.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return "a record refers to another record that is not in the data.";
                }

                table = reader.GetString(0);
                rowId = reader.IsDBNull(1) ? null : reader.GetInt64(1);
                parent = reader.GetString(2);
                foreignKey = reader.GetInt64(3);
            }

            var column = "a reference";
            await using (var list = connection.CreateCommand())
            {
                list.Transaction = transaction;
                list.CommandText = "SELECT \"from\" FROM pragma_foreign_key_list($table) WHERE id = $id";
                list.Parameters.AddWithValue("$table", table);
                list.Parameters.AddWithValue("$id", foreignKey);
                if (await list.ExecuteScalarAsync(cancellationToken) is string from)
                {
                    column = from;
                }
            }

            return $"{table} id {rowId} has a {column} that is not in {parent}.";
        }
        catch (SqliteException)
        {
            return "a record refers to another record that is not in the data.";
        }
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
        catch (PostgresException ex) when (IsRowRefused(ex))
        {
            throw RowRefused(ex);
        }
        finally
        {
            if (!committed)
            {
                await RollbackQuietlyAsync(transaction);
            }
        }
    }

    internal static async Task<long> CopyTableAsync(
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

        var copyRow = table.CopyRow;
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table.QuotedTable} ({table.QuotedColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var done = 0;
        while (done < total)
        {
            done = CopyRows(importer, table, copyRow, rows, done, Math.Min(total, done + ProgressEvery));
            cancellationToken.ThrowIfCancellationRequested();
            if (done < total)
            {
                progress?.Report((table.Table, done, total));
            }
        }

        await importer.CompleteAsync(cancellationToken);
        progress?.Report((table.Table, total, total));
        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CopyRows(NpgsqlBinaryImporter importer, TableMap table, Action<NpgsqlBinaryImporter, Entity> copyRow, IReadOnlyList<Entity> rows, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            try
            {
                copyRow(importer, rows[i]);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidCastException or ArgumentException)
            {
                throw new AuthorityWriteException($"Nothing was written: {table.Table} id {rows[i].Id}: {DatabaseErrors.OneLine(ex.Message)}", ex);
            }
        }

        return to;
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
                $"{target} already holds records ({children:N0} children; {nonEmpty.Count} of {tables.Count} tables have rows). "
                + "Nothing was written: write into an empty database, or replace what is there.");
        }

        var sql = connection is NpgsqlConnection
            ? $"TRUNCATE TABLE {string.Join(", ", tables.Select(t => t.QuotedTable))} RESTART IDENTITY"
            : string.Concat(tables.Reverse().Select(t => $"DELETE FROM {t.QuotedTable};"))
                + $"DELETE FROM sqlite_sequence WHERE name IN ({string.Join(", ", tables.Select(t => $"'{t.Table}'"))});";
        await ExecuteAsync(connection, transaction, sql, cancellationToken);
    }

    internal static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
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

    /// <summary>PostgreSQL refused a row (a reference, a repeated unique value, a missing or too long value).</summary>
    internal static bool IsRowRefused(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.UniqueViolation
            or PostgresErrorCodes.NotNullViolation or PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.CheckViolation
            or PostgresErrorCodes.NumericValueOutOfRange;

    /// <summary>The message for a refused row: the table, PostgreSQL's one-line reason and the constraint, never the value.</summary>
    internal static AuthorityWriteException RowRefused(PostgresException ex)
    {
        var where = ex.TableName is { } t ? $"{t}: " : string.Empty;
        var detail = ex.ConstraintName is { } c ? $" ({c})" : string.Empty;
        return new AuthorityWriteException($"Nothing was written: {where}{DatabaseErrors.OneLine(ex.MessageText)}{detail}.", ex);
    }

    /// <summary>SQLite's COMMIT failed on a deferred foreign key (extended code 787).</summary>
    internal static bool IsForeignKeyFailure(SqliteException ex) =>
        ex.SqliteExtendedErrorCode == 787 || ex.Message.Contains("FOREIGN KEY", StringComparison.Ordinal);

    internal static async Task RollbackQuietlyAsync(DbTransaction transaction)
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
