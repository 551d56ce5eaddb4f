namespace Lantern.TestCommon;

/// <summary>
/// An empty database for one test, on either provider, removed on dispose:
/// <code>await using var db = await TestDatabase.CreateAsync(provider);</code>
/// <see cref="Target"/> is what the <c>lantern</c> command takes: a SQLite file path, or a
/// PostgreSQL connection string starting <c>Host=</c>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempSqlite? _sqlite;
    private bool _disposed;

    private TestDatabase(Provider provider, string target, string connectionString, TempSqlite? sqlite)
    {
        Provider = provider;
        Target = target;
        ConnectionString = connectionString;
        _sqlite = sqlite;
    }

    public Provider Provider { get; }

    /// <summary>SQLite: the database file's path. PostgreSQL: the connection string (<c>Host=...</c>).</summary>
    public string Target { get; }

    /// <summary>An ADO.NET connection string: <c>Data Source=path</c> for SQLite, the same as <see cref="Target"/> for PostgreSQL.</summary>
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(Provider provider, CancellationToken cancellationToken = default)
    {
        switch (provider)
        {
            case Provider.Sqlite:
                var sqlite = new TempSqlite();
                return new TestDatabase(provider, sqlite.Path, sqlite.ConnectionString, sqlite);
            case Provider.Postgres:
                var cs = await PostgresServer.CreateDatabaseAsync(cancellationToken);
                return new TestDatabase(provider, cs, cs, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }
        else
        {
            await PostgresServer.DropDatabaseAsync(ConnectionString);
        }
    }

    public override string ToString() => $"{Provider}: {Target}";
}
