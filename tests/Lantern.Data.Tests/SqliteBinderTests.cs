using Lantern.TestCommon;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Lantern.Data.Tests;

public class SqliteBinderTests
{
    public static TheoryData<object?> Values => new()
    {
        (object?)null,
        "LC0000001",
        "",
        "Zoë ✓",
        42L,
        -7,
        true,
        false,
        1.5d,
        new DateOnly(2012, 2, 29),
        new DateOnly(1, 1, 1),
        new DateTime(2024, 5, 3, 17, 45, 12, 987, DateTimeKind.Utc).AddTicks(6540),
        new DateTime(2024, 5, 4, 8, 0, 0, DateTimeKind.Utc),
        12.5m,
        0m,
        0.6m,
        1m,
        999.99m,
    };

    [Theory, MemberData(nameof(Values))]
    public void The_bulk_binder_stores_values_as_Microsoft_Data_Sqlite_does(object? value)
    {
        using var temp = new TempSqlite();
        using var connection = new SqliteConnection(temp.ConnectionString + ";Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (k INTEGER, x)";
            create.ExecuteNonQuery();
        }

        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO t VALUES (1, $x)";
            insert.Parameters.AddWithValue("$x", value ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }

        using (var binder = new SqliteBinder(connection, "INSERT INTO t VALUES (?, ?)"))
        {
            binder.Bind(0, 2L);
            binder.Bind(1, value);
            binder.Step();
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT typeof(x) || ':' || quote(x) FROM t ORDER BY k";
        using var reader = read.ExecuteReader();
        Assert.True(reader.Read());
        var viaMicrosoftDataSqlite = reader.GetString(0);
        Assert.True(reader.Read());
        Assert.Equal(viaMicrosoftDataSqlite, reader.GetString(0));
    }
}
