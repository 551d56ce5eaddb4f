using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantern.Data;

/// <summary>The database providers Lantern supports.</summary>
public enum DbProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where a Lantern database lives: a SQLite file or a PostgreSQL database.
/// <see cref="ToString"/> never shows a password.</summary>
public sealed class DbTarget : IEquatable<DbTarget>
{
    private DbTarget(DbProvider provider, string connectionString, string? filePath, string display)
    {
        Provider = provider;
        ConnectionString = connectionString;
        FilePath = filePath;
        Display = display;
    }

    public DbProvider Provider { get; }

    /// <summary>The ADO.NET connection string (for SQLite it turns foreign keys on).</summary>
    public string ConnectionString { get; }

    /// <summary>The full path of the SQLite file; null for PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>A description safe to show users and logs: the file path, or host, port and database.</summary>
    public string Display { get; }

    /// <summary>
    /// A string starting <c>Host=</c> (any case) is a PostgreSQL connection string; one starting
    /// <c>Data Source=</c> is a SQLite connection string; anything else is the path of a SQLite file.
    /// </summary>
    /// <exception cref="FormatException">The target is empty, or a connection string that cannot be read.</exception>
    public static DbTarget Parse(string target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new FormatException("Give a database: a SQLite file path, or a PostgreSQL connection string starting Host=.");
        }

        var trimmed = target.Trim();
        if (trimmed.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(trimmed);
        }

        if (trimmed.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            SqliteConnectionStringBuilder builder;
            try
            {
                builder = new SqliteConnectionStringBuilder(trimmed);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"The SQLite connection string is not valid: {ex.Message}", ex);
            }

            return Sqlite(builder.DataSource);
        }

        return Sqlite(trimmed);
    }

    /// <summary>A SQLite database file (created with its folder when first migrated).</summary>
    public static DbTarget Sqlite(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new FormatException("Give the path of the SQLite database file.");
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new FormatException($"'{path}' is not a valid file path: {ex.Message}", ex);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new DbTarget(DbProvider.Sqlite, builder.ConnectionString, fullPath, fullPath);
    }

    /// <summary>A PostgreSQL database, from an Npgsql connection string.</summary>
    public static DbTarget Postgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new FormatException($"The PostgreSQL connection string is not valid: {ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new FormatException("The PostgreSQL connection string has no Host.");
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            builder.Database = "lantern";
        }

        // Pooled connections keep their prepared statements: Lantern sets no session state (its SETs
        // and advisory locks are all transaction-scoped), so the reset on every return to the pool
        // (DISCARD ALL, which also drops prepared statements) is pure cost, and the statements a page
        // runs on every request are parsed and planned once per connection instead of every time.
        // A connection string that names either setting keeps its own value.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!Names(given, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Names(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 200;
            builder.AutoPrepareMinUsages = 2;
        }

        var display = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        return new DbTarget(DbProvider.Postgres, builder.ConnectionString, null, display);
    }

    private static bool Names(System.Data.Common.DbConnectionStringBuilder given, params string[] keys) =>
        keys.Any(given.ContainsKey);

    public bool Equals(DbTarget? other) =>
        other is not null && Provider == other.Provider && string.Equals(ConnectionString, other.ConnectionString, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as DbTarget);

    public override int GetHashCode() => HashCode.Combine(Provider, StringComparer.Ordinal.GetHashCode(ConnectionString));

    public override string ToString() => Display;
}
