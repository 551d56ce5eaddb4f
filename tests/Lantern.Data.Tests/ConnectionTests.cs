using Lantern.TestCommon;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace Lantern.Data.Tests;

public class ConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Database=lantern;Username=app;Password=pw", DbProvider.Postgres)]
    [InlineData("host=db.internal;Database=lantern", DbProvider.Postgres)]
    [InlineData("  HOST=db;Username=x  ", DbProvider.Postgres)]
    [InlineData("lantern.db", DbProvider.Sqlite)]
    [InlineData("/var/lib/lantern/authority.db", DbProvider.Sqlite)]
    [InlineData("Data Source=/tmp/x/lantern.db", DbProvider.Sqlite)]
    [InlineData("Hostname.db", DbProvider.Sqlite)]
    public void Parse_picks_the_provider(string text, DbProvider provider)
    {
        Assert.Equal(provider, DbTarget.Parse(text).Provider);
    }

    [Fact]
    public void Parse_makes_a_SQLite_path_absolute_with_foreign_keys_on()
    {
        var target = DbTarget.Parse("data/lantern.db");

        Assert.Equal(Path.GetFullPath("data/lantern.db"), target.FilePath);
        var builder = new SqliteConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(target.FilePath, builder.DataSource);
        Assert.True(builder.ForeignKeys);
        Assert.Equal(target.FilePath, DbTarget.Parse("Data Source=data/lantern.db").FilePath);
    }

    [Fact]
    public void Parse_keeps_the_PostgreSQL_connection_string_and_hides_the_password()
    {
        var target = DbTarget.Parse("Host=10.0.0.5;Port=6543;Database=lbc;Username=lantern;Password=s3cret");

        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(("10.0.0.5", 6543, "lbc", "lantern", "s3cret"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Null(target.FilePath);
        Assert.Equal("PostgreSQL database 'lbc' on 10.0.0.5:6543", target.ToString());
        Assert.DoesNotContain("s3cret", target.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_defaults_the_PostgreSQL_database_name()
    {
        Assert.Equal("lantern", new NpgsqlConnectionStringBuilder(DbTarget.Parse("Host=db").ConnectionString).Database);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Host=db;NoSuchKeyword=1")]
    public void Parse_rejects_what_is_not_a_database(string text)
    {
        var ex = Assert.Throws<FormatException>(() => DbTarget.Parse(text));
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_is_reported_in_one_line()
    {
        var target = DbTarget.Parse("Host=127.0.0.1;Port=1;Username=postgres;Password=pw;Timeout=5");

        var migrate = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => LanternDatabase.MigrateAsync(target, Ct));
        var load = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => SnapshotLoader.LoadAsync(target, Ct));
        await using var context = LanternDatabase.CreateContext(target);
        var query = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => context.Children.CountAsync(Ct));

        foreach (var ex in new[] { migrate, load, query })
        {
            Assert.Equal("Cannot connect to PostgreSQL on 127.0.0.1:1: the connection was refused (is PostgreSQL running and listening on that port?).", ex.Message);
        }

        Assert.DoesNotContain("pw", migrate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_PostgreSQL_password_is_reported_in_one_line()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Password = "not-the-password", Database = "lantern_nowhere" };
        var target = DbTarget.Postgres(builder.ConnectionString);

        var ex = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => LanternDatabase.MigrateAsync(target, Ct));

        Assert.Equal($"PostgreSQL on {builder.Host}:{builder.Port} refused the password for user '{builder.Username}'.", ex.Message);
    }

    [Fact]
    public async Task MigrateAsync_creates_a_missing_PostgreSQL_database()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString)
        {
            Database = PostgresServer.DatabasePrefix + Guid.NewGuid().ToString("N"),
        };
        var target = DbTarget.Postgres(builder.ConnectionString);
        try
        {
            Assert.False(await PostgresServer.DatabaseExistsAsync(builder.Database, Ct));

            await LanternDatabase.MigrateAsync(target, Ct);

            Assert.True(await PostgresServer.DatabaseExistsAsync(builder.Database, Ct));
            Assert.Empty(await LanternDatabase.GetPendingMigrationsAsync(target, Ct));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(target.ConnectionString, Ct);
        }
    }

    [Fact]
    public async Task MigrateAsync_creates_the_SQLite_folder_and_uses_WAL_and_foreign_keys()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-tests", Guid.NewGuid().ToString("N"));
        var target = DbTarget.Parse(Path.Combine(folder, "nested", "lantern.db"));
        try
        {
            await LanternDatabase.MigrateAsync(target, Ct);

            Assert.True(File.Exists(target.FilePath));
            await using var context = LanternDatabase.CreateContext(target);
            Assert.Equal(["wal"], await context.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(Ct));
            Assert.Equal([1L], await context.Database.SqlQueryRaw<long>("PRAGMA foreign_keys").ToListAsync(Ct));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_SQLite_path_that_cannot_be_created_is_reported_in_one_line()
    {
        await using var temp = new TempSqlite();
        await File.WriteAllTextAsync(temp.Path, "not a folder", Ct);
        var target = DbTarget.Parse(Path.Combine(temp.Path, "sub", "lantern.db"));

        var ex = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => LanternDatabase.MigrateAsync(target, Ct));

        Assert.StartsWith($"Cannot create the folder '{Path.GetDirectoryName(target.FilePath)}' for the SQLite database", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_SQLite_is_reported_in_one_line()
    {
        await using var temp = new TempSqlite();
        await File.WriteAllTextAsync(temp.Path, new string('x', 4096), Ct);
        var target = DbTarget.Parse(temp.Path);

        var ex = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => SnapshotLoader.LoadAsync(target, Ct));

        Assert.Equal($"{temp.Path} is not a SQLite database.", ex.Message);
    }
}
