using Microsoft.EntityFrameworkCore.Design;

namespace Lantern.Data;

/// <summary>For <c>dotnet ef ... --context SqliteLanternDbContext</c>. Adding a migration needs no
/// database; for <c>database update</c> pass the target after <c>--</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLanternDbContext>
{
    public SqliteLanternDbContext CreateDbContext(string[] args) =>
        (SqliteLanternDbContext)LanternDatabase.CreateContext(DbTarget.Sqlite(args is [{ } path, ..] ? path : "lantern.db"));
}

/// <summary>For <c>dotnet ef ... --context PostgresLanternDbContext</c>. Adding a migration needs no
/// database; for <c>database update</c> pass a connection string (<c>Host=...</c>) after <c>--</c>.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLanternDbContext>
{
    public PostgresLanternDbContext CreateDbContext(string[] args) =>
        (PostgresLanternDbContext)LanternDatabase.CreateContext(
            DbTarget.Postgres(args is [{ } connectionString, ..] ? connectionString : "Host=localhost;Database=lantern;Username=postgres"));
}
