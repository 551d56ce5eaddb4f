using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Lantern.Data;

/// <summary>Opening, creating and migrating Lantern databases on either provider.</summary>
public static class LanternDatabase
{
    /// <summary>The PostgreSQL database used to create a missing Lantern database.</summary>
    public const string PostgresMaintenanceDatabase = "postgres";

    /// <summary>A context for the target (not opened yet). SQLite connections run in WAL mode with
    /// foreign keys on; a failure to connect surfaces as <see cref="DatabaseUnavailableException"/>.
    /// <paramref name="configure"/> may add interceptors, logging and the like.</summary>
    public static LanternDbContext CreateContext(DbTarget target, Action<DbContextOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return CreateContext(target, connection: null, configure);
    }

    /// <summary>Creates the database if needed (for PostgreSQL, through the <c>postgres</c>
    /// maintenance database; for SQLite, the file and its folder) and applies every migration not yet applied.</summary>
    /// <exception cref="DatabaseUnavailableException">The server or file cannot be reached, opened or created.</exception>
    public static async Task MigrateAsync(DbTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Provider == DbProvider.Postgres)
        {
            await EnsurePostgresDatabaseAsync(target, cancellationToken);
        }
        else
        {
            // Creates the folder and the file and switches it to WAL before EF Core touches it.
            await using var connection = await OpenConnectionAsync(target, cancellationToken);
        }

        await using var context = CreateContext(target);
        try
        {
            await context.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.Translate(ex, target) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>An open ADO.NET connection to the target (SQLite: WAL, foreign keys on).</summary>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached or opened.</exception>
    public static async Task<DbConnection> OpenConnectionAsync(DbTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        DbConnection connection;
        if (target.Provider == DbProvider.Sqlite)
        {
            SqliteSetup.EnsureFolder(target);
            connection = new SqliteConnection(target.ConnectionString);
        }
        else
        {
            connection = new NpgsqlConnection(target.ConnectionString);
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection sqlite)
            {
                SqliteSetup.Apply(sqlite);
            }

            return connection;
        }
        catch (Exception ex) when (DatabaseErrors.Translate(ex, target) is { } unavailable)
        {
            await connection.DisposeAsync();
            throw unavailable;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Migrations this version of Lantern has that the database has not applied; empty
    /// when up to date. Throws when the database was migrated by a newer version.</summary>
    public static async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(DbTarget target, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(target, cancellationToken);
        return await GetPendingMigrationsAsync(target, connection, cancellationToken);
    }

    internal static async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(DbTarget target, DbConnection connection, CancellationToken cancellationToken)
    {
        await using var context = CreateContext(target, connection, configure: null);
        var known = context.Database.GetMigrations().ToList();
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseNotMigratedException(
                $"{target} was migrated by a newer version of Lantern (it has migration {unknown[^1]}, which this version does not know): upgrade Lantern.");
        }

        return [.. known.Except(applied, StringComparer.Ordinal)];
    }

    /// <summary>Throws <see cref="DatabaseNotMigratedException"/> unless every migration is applied.</summary>
    internal static async Task EnsureMigratedAsync(DbTarget target, DbConnection connection, CancellationToken cancellationToken)
    {
        var pending = await GetPendingMigrationsAsync(target, connection, cancellationToken);
        if (pending.Count > 0)
        {
            throw new DatabaseNotMigratedException(
                $"{target} is not up to date: {pending.Count} migration(s) not applied (latest {pending[^1]}). Migrate it first.");
        }
    }

    internal static LanternDbContext CreateContext(DbTarget target, DbConnection? connection, Action<DbContextOptionsBuilder>? configure)
    {
        switch (target.Provider)
        {
            case DbProvider.Sqlite:
                {
                    var builder = new DbContextOptionsBuilder<SqliteLanternDbContext>();
                    if (connection is null)
                    {
                        builder.UseSqlite(target.ConnectionString);
                    }
                    else
                    {
                        builder.UseSqlite(connection);
                    }

                    builder.AddInterceptors(new ConnectionInterceptor(target));
                    configure?.Invoke(builder);
                    return new SqliteLanternDbContext(builder.Options);
                }

            case DbProvider.Postgres:
                {
                    var builder = new DbContextOptionsBuilder<PostgresLanternDbContext>();
                    if (connection is null)
                    {
                        builder.UseNpgsql(target.ConnectionString);
                    }
                    else
                    {
                        builder.UseNpgsql(connection);
                    }

                    builder.AddInterceptors(new ConnectionInterceptor(target));
                    configure?.Invoke(builder);
                    return new PostgresLanternDbContext(builder.Options);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(target), target.Provider, "Unknown database provider.");
        }
    }

    private static async Task EnsurePostgresDatabaseAsync(DbTarget target, CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = await OpenConnectionAsync(target, cancellationToken);
            return;
        }
        catch (DatabaseUnavailableException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName })
        {
            // The database does not exist yet: create it below.
        }

        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        var name = builder.Database!;
        builder.Database = PostgresMaintenanceDatabase;
        var maintenance = DbTarget.Postgres(builder.ConnectionString);
        await using var connection = await OpenConnectionAsync(maintenance, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by someone else in the meantime.
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new DatabaseUnavailableException(
                $"{target} does not exist and user '{builder.Username}' may not create it: create the database or grant CREATEDB.", ex);
        }
    }

    /// <summary>Creates the SQLite folder before EF Core opens a connection, sets WAL after, and
    /// turns connection failures into <see cref="DatabaseUnavailableException"/>.</summary>
    private sealed class ConnectionInterceptor(DbTarget target) : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            if (target.Provider == DbProvider.Sqlite)
            {
                SqliteSetup.EnsureFolder(target);
            }

            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (target.Provider == DbProvider.Sqlite)
            {
                SqliteSetup.EnsureFolder(target);
            }

            return ValueTask.FromResult(result);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (connection is SqliteConnection sqlite)
            {
                Translated(() => SqliteSetup.Apply(sqlite));
            }
        }

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            ConnectionOpened(connection, eventData);
            return Task.CompletedTask;
        }

        public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData)
        {
            // EF Core's own "does the database exist?" check relies on PostgreSQL's error for a missing database.
            if (eventData.Exception is not PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName }
                && DatabaseErrors.Translate(eventData.Exception, target) is { } unavailable)
            {
                throw unavailable;
            }
        }

        public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            ConnectionFailed(connection, eventData);
            return Task.CompletedTask;
        }

        private void Translated(Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex) when (DatabaseErrors.Translate(ex, target) is { } unavailable)
            {
                throw unavailable;
            }
        }
    }
}

internal static class SqliteSetup
{
    public static void EnsureFolder(DbTarget target)
    {
        var folder = Path.GetDirectoryName(target.FilePath);
        if (string.IsNullOrEmpty(folder) || Directory.Exists(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new DatabaseUnavailableException(
                $"Cannot create the folder '{folder}' for the SQLite database {target.FilePath}: {DatabaseErrors.OneLine(ex.Message)}", ex);
        }
    }

    /// <summary>WAL lets readers (pages, metrics) run while a writer commits; NORMAL sync is safe in WAL mode.</summary>
    public static void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}
