using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.TestCommon;

namespace Lantern.Cli.Tests;

public sealed partial class AuditVerifyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Verify_passes_on_an_untouched_database_and_names_the_entry_that_was_changed(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Ct);
        var seeded = await CliRunner.RunAsync("seed", "--db", db.Target, "--population", "1000", "--from", "2025-04-01");
        Assert.True(seeded.ExitCode == 0, seeded.Output);
        Assert.Contains("Created 17 demo accounts (password and authenticator key in the README).", seeded.Output, StringComparison.Ordinal);
        var target = DbTarget.Parse(db.Target);
        var expected = await AuditTrail.VerifyAsync(target, cancellationToken: Ct);

        var intact = await CliRunner.RunAsync("audit", "verify", "--db", db.Target);

        Assert.True(intact.ExitCode == 0, intact.Output);
        var match = IntactLine().Match(intact.Output);
        Assert.True(match.Success, intact.Output);
        Assert.Equal(expected.Checked.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), match.Groups["count"].Value);
        Assert.Equal(expected.LastHash, match.Groups["hash"].Value);
        Assert.True(expected.Checked > 500, "the seeded demo history is in the trail");

        // A privileged attacker drops the append-only triggers. Cutting off the newest entries
        // leaves a chain that verifies: only the last hash recorded before shows it.
        await ExecuteAsync(target, AuditTampering.DropTriggers(provider));
        await ExecuteAsync(target, $"DELETE FROM audit_entries WHERE id > {expected.Checked - 5}");
        var cut = await CliRunner.RunAsync("audit", "verify", "--db", db.Target);

        Assert.True(cut.ExitCode == 0, cut.Output);
        Assert.NotEqual(expected.LastHash, IntactLine().Match(cut.Output).Groups["hash"].Value);

        // Changing an entry breaks the chain there.
        await ExecuteAsync(target, "UPDATE audit_entries SET ip_address = '10.99.0.1' WHERE id = 100");
        var tampered = await CliRunner.RunAsync("audit", "verify", "--db", db.Target);

        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("Audit trail broken at entry 100: its contents have changed since it was written. Entries 1 to 99 are intact.", tampered.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("intact:", tampered.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_SQLite_file_is_exit_2_and_is_not_created()
    {
        await using var db = new TempSqlite();

        var result = await CliRunner.RunAsync("audit", "verify", "--db", db.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"There is no database at '{db.Path}'", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(db.Path));
    }

    [Fact]
    public async Task A_missing_PostgreSQL_database_is_exit_2_and_is_not_created()
    {
        var target = await PostgresServer.CreateDatabaseAsync(Ct);
        await PostgresServer.DropDatabaseAsync(target, Ct);

        var result = await CliRunner.RunAsync("audit", "verify", "--db", target);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.False(await PostgresServer.DatabaseExistsAsync(new Npgsql.NpgsqlConnectionStringBuilder(target).Database!, Ct));
    }

    [Theory, ProviderData]
    public async Task A_database_that_is_not_migrated_is_exit_2_and_is_left_alone(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Ct);
        var target = DbTarget.Parse(db.Target);
        await ExecuteAsync(target, "CREATE TABLE unrelated (id INTEGER PRIMARY KEY)");

        var result = await CliRunner.RunAsync("audit", "verify", "--db", db.Target);

        Assert.Equal(2, result.ExitCode);
        // The console wraps long lines: compare the words, not the line breaks.
        Assert.Contains("Migrate it first", System.Text.RegularExpressions.Regex.Replace(result.Output, @"\s+", " "), StringComparison.Ordinal);
        Assert.NotEmpty(await LanternDatabase.GetPendingMigrationsAsync(target, Ct));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Username=postgres;Password=x;Database=nowhere;Timeout=5", "Cannot connect to PostgreSQL on 127.0.0.1:1")]
    [InlineData("Host=db;NoSuchKeyword=1", "The PostgreSQL connection string is not valid")]
    [InlineData(" ", "Enter a database with --db")]
    public async Task An_unreachable_or_malformed_target_is_one_message_and_exit_2(string db, string message)
    {
        var result = await CliRunner.RunAsync("audit", "verify", "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task ExecuteAsync(DbTarget target, string sql)
    {
        await using var connection = await LanternDatabase.OpenConnectionAsync(target, Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    [GeneratedRegex(@"Audit trail intact: (?<count>[0-9,.\s]+) entries, last hash (?<hash>[0-9a-f]{64})\.")]
    private static partial Regex IntactLine();
}
