using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Lantern.TestCommon;

/// <summary>
/// The throwaway PostgreSQL server that <c>scripts/test.sh</c> starts and names in
/// <c>LANTERN_TEST_PG</c> (an admin connection string, no database). Each test makes its own database.
/// </summary>
public static partial class PostgresServer
{
    public const string EnvironmentVariable = "LANTERN_TEST_PG";

    public const string DatabasePrefix = "lantern_test_";

    /// <summary>True when <c>LANTERN_TEST_PG</c> is set.</summary>
    public static bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>
    /// Connection string to the server's <c>postgres</c> database, for administration.
    /// Throws if <c>LANTERN_TEST_PG</c> is not set.
    /// </summary>
    public static string AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
                throw new InvalidOperationException(
                    (ci ? "CI: " : string.Empty)
                    + $"{EnvironmentVariable} is not set, so there is no PostgreSQL server for this test. "
                    + "Run the tests with scripts/test.sh (it starts a throwaway PostgreSQL cluster and sets "
                    + $"{EnvironmentVariable}), or set {EnvironmentVariable} to an admin connection string such as "
                    + "\"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres\". "
                    + "Limit scripts/test.sh to some projects with TEST_PROJECTS=\"Lantern.Data.Tests\".");
            }

            return WithDatabase(value, "postgres");
        }
    }

    /// <summary>Creates an empty, uniquely named database and returns its connection string (starting <c>Host=</c>).</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var admin = AdminConnectionString;
        var name = DatabasePrefix + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return WithDatabase(admin, name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing any connections still open to it.</summary>
    public static async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (name is null || !TestDatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"Refusing to drop '{name}': not a database made by {nameof(PostgresServer)}.", nameof(connectionString));
        }

        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True if a database of this name exists on the server.</summary>
    public static async Task<bool> DatabaseExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pg_database WHERE datname = $1";
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return count > 0;
    }

    /// <summary>The connection string with its database set, keeping <c>Host=</c> first.</summary>
    private static string WithDatabase(string connectionString, string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = database };
        var host = builder.Host;
        builder.Remove("Host");
        var rest = builder.ConnectionString;
        return string.IsNullOrEmpty(rest) ? $"Host={host}" : $"Host={host};{rest}";
    }

    [GeneratedRegex("^lantern_test_[0-9a-f]{32}$")]
    private static partial Regex TestDatabaseName();
}
