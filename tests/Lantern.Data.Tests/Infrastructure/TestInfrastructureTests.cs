using Lantern.TestCommon;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace Lantern.Data.Tests.Infrastructure;

public class TestInfrastructureTests
{
    [Fact]
    public async Task Postgres_database_can_be_created_used_and_dropped()
    {
        var ct = TestContext.Current.CancellationToken;
        var cs = await PostgresServer.CreateDatabaseAsync(ct);
        var name = new NpgsqlConnectionStringBuilder(cs).Database!;

        Assert.StartsWith("Host=", cs, StringComparison.Ordinal);
        Assert.StartsWith(PostgresServer.DatabasePrefix, name, StringComparison.Ordinal);

        await using (var connection = new NpgsqlConnection(cs))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1); SELECT current_database();";
            Assert.Equal(name, await command.ExecuteScalarAsync(ct));
        }

        Assert.True(await PostgresServer.DatabaseExistsAsync(name, ct));
        await PostgresServer.DropDatabaseAsync(cs, ct);
        Assert.False(await PostgresServer.DatabaseExistsAsync(name, ct));
    }

    [Fact]
    public void Sqlite_temp_file_is_created_and_removed()
    {
        string path;
        using (var temp = new TempSqlite())
        {
            path = temp.Path;
            Assert.False(File.Exists(path));
            using (var connection = new SqliteConnection(temp.ConnectionString + ";Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1);";
                command.ExecuteNonQuery();
            }

            Assert.True(File.Exists(path));
        }

        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + "-wal"));
        Assert.False(File.Exists(path + "-shm"));
    }

    [Theory, ProviderData]
    public async Task TestDatabase_gives_a_target_for_each_provider(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        string target;
        await using (var db = await TestDatabase.CreateAsync(provider, ct))
        {
            target = db.Target;
            Assert.Equal(provider, db.Provider);
            if (provider == Provider.Postgres)
            {
                Assert.StartsWith("Host=", db.Target, StringComparison.Ordinal);
                await using var connection = new NpgsqlConnection(db.ConnectionString);
                await connection.OpenAsync(ct);
            }
            else
            {
                Assert.EndsWith(".db", db.Target, StringComparison.Ordinal);
                using var connection = new SqliteConnection(db.ConnectionString + ";Pooling=False");
                connection.Open();
                Assert.True(File.Exists(db.Target));
            }
        }

        if (provider == Provider.Postgres)
        {
            Assert.False(await PostgresServer.DatabaseExistsAsync(new NpgsqlConnectionStringBuilder(target).Database!, ct));
        }
        else
        {
            Assert.False(File.Exists(target));
        }
    }

    [Fact]
    public void ProvidersData_has_one_row_per_provider()
    {
        Assert.Equal(Enum.GetValues<Provider>().Length, new ProvidersData().Count);
    }
}
