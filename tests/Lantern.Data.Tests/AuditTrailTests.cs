using System.Data.Common;
using Lantern.Domain.Access;
using Lantern.TestCommon;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Lantern.Data.Tests;

/// <summary>The append-only, hash-chained audit trail on each provider.</summary>
public class AuditTrailTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Appended_entries_are_numbered_from_1_and_the_trail_verifies(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        var appended = new List<AuditEntry>();
        await using (var context = LanternDatabase.CreateContext(target))
        {
            for (var n = 0; n < 3; n++)
            {
                var entry = Entry(n);
                await AuditTrail.AppendAsync(context, entry, Ct);
                appended.Add(entry);
            }

            // A time finer than a microsecond, and none at all (stamped now): both must verify once stored.
            var batch = Enumerable.Range(3, 5).Select(n => Entry(n)).ToList();
            batch[0].At = batch[0].At.AddTicks(7);
            batch[1].At = default;
            await AuditTrail.AppendAsync(context, batch, Ct);
            appended.AddRange(batch);
        }

        await using var check = LanternDatabase.CreateContext(target);
        var stored = await check.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
        var result = await AuditTrail.VerifyAsync(target, cancellationToken: Ct);

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), stored.Select(e => e.Id));
        Assert.Equal(appended.Select(e => e.Id), stored.Select(e => e.Id));
        Assert.Equal(AuditChain.Genesis, stored[0].PreviousHash);
        for (var i = 1; i < stored.Count; i++)
        {
            Assert.Equal(stored[i - 1].Hash, stored[i].PreviousHash);
        }

        Assert.Equal(appended.Select(e => (e.At, e.Detail, e.Hash)), stored.Select(e => (e.At, e.Detail, e.Hash)));
        Assert.True(result.IsIntact, result.Break?.Problem);
        Assert.Equal(8, result.Checked);
        Assert.Equal(stored[^1].Hash, result.LastHash);
    }

    [Theory, ProviderData]
    public async Task An_empty_trail_is_intact(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;

        var result = await AuditTrail.VerifyAsync(target, cancellationToken: Ct);

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.Checked);
        Assert.Equal(AuditChain.Genesis, result.LastHash);
    }

    [Theory, ProviderData]
    public async Task Concurrent_appends_from_many_contexts_make_one_gap_free_chain(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        const int Writers = 8;
        const int Each = 25;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(
            async () =>
            {
                await using var context = LanternDatabase.CreateContext(target);
                for (var n = 0; n < Each; n++)
                {
                    await AuditTrail.AppendAsync(context, Entry(n, $"writer{w}"), Ct);
                }
            },
            Ct)));

        await using var check = LanternDatabase.CreateContext(target);
        var stored = await check.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
        var result = await AuditTrail.VerifyAsync(target, cancellationToken: Ct);

        Assert.Equal(Enumerable.Range(1, Writers * Each).Select(i => (long)i), stored.Select(e => e.Id));
        Assert.All(stored.GroupBy(e => e.UserName), g => Assert.Equal(Each, g.Count()));
        Assert.Equal(Writers, stored.Select(e => e.UserName).Distinct().Count());
        Assert.True(result.IsIntact, result.Break?.Problem);
        Assert.Equal(Writers * Each, result.Checked);
    }

    [Theory, ProviderData]
    public async Task Stand_alone_entries_written_together_are_each_stored_before_their_caller_goes_on(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        const int Callers = 40;
        var missing = 0;

        // Many callers at once (as page views are): whoever holds the lock writes every entry queued
        // meanwhile in one transaction, and no caller returns before its own entry can be read.
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(c => Task.Run(
            async () =>
            {
                await using var context = LanternDatabase.CreateContext(target);
                await AuditTrail.AppendAsync(context, Entry(c, $"caller{c}"), Ct);
                await using var reader = LanternDatabase.CreateContext(target);
                if (!await reader.AuditEntries.AsNoTracking().AnyAsync(e => e.UserName == $"caller{c}", Ct))
                {
                    Interlocked.Increment(ref missing);
                }
            },
            Ct)));

        var result = await AuditTrail.VerifyAsync(target, cancellationToken: Ct);
        Assert.Equal(0, missing);
        Assert.True(result.IsIntact, result.Break?.Problem);
        Assert.Equal(Callers, result.Checked);
    }

    [Theory, ProviderData]
    public async Task Entries_join_the_callers_transaction_and_go_if_it_rolls_back(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        await using (var context = LanternDatabase.CreateContext(target))
        {
            await using var transaction = await context.Database.BeginTransactionAsync(Ct);
            await AuditTrail.AppendAsync(context, [Entry(0), Entry(1)], Ct);
            await transaction.RollbackAsync(Ct);
        }

        await using (var context = LanternDatabase.CreateContext(target))
        {
            Assert.Equal(0, await context.AuditEntries.CountAsync(Ct));
            await AuditTrail.AppendAsync(context, Entry(2), Ct);
            Assert.Equal([1L], await context.AuditEntries.Select(e => e.Id).ToListAsync(Ct));
        }

        Assert.True((await AuditTrail.VerifyAsync(target, cancellationToken: Ct)).IsIntact);
    }

    [Theory, ProviderData]
    public async Task A_record_write_and_its_entry_are_stored_together_or_not_at_all(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        await using (var context = LanternDatabase.CreateContext(target))
        {
            context.Teams.Add(new Domain.Model.Team { Name = "Stored with its entry" });
            await AuditTrail.AppendAsync(context, [Entry(0)], ct => context.SaveChangesAsync(ct), Ct);
        }

        await using (var context = LanternDatabase.CreateContext(target))
        {
            // The write fails after the team is added: neither the team nor the entry is stored.
            context.Teams.Add(new Domain.Model.Team { Name = "Rolled back" });
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => AuditTrail.AppendAsync(
                context,
                [Entry(1)],
                async ct =>
                {
                    await context.SaveChangesAsync(ct);
                    throw new InvalidOperationException("the write failed");
                },
                Ct));
            Assert.Equal("the write failed", failure.Message);
        }

        await using (var context = LanternDatabase.CreateContext(target))
        {
            Assert.Equal(["Stored with its entry"], await context.Teams.Select(t => t.Name).ToListAsync(Ct));
            Assert.Equal([1L], await context.AuditEntries.Select(e => e.Id).ToListAsync(Ct));
        }

        Assert.True((await AuditTrail.VerifyAsync(target, cancellationToken: Ct)).IsIntact);
    }

    [Theory, ProviderData]
    public async Task The_database_refuses_to_change_or_delete_an_entry(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        await AppendAsync(target, 5);

        var update = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(target, "UPDATE audit_entries SET detail = 'nothing to see' WHERE id = 3"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(target, "DELETE FROM audit_entries WHERE id = 5"));
        var deleteAll = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(target, "DELETE FROM audit_entries"));

        foreach (var ex in new[] { update, delete, deleteAll })
        {
            Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
        }

        if (provider == Provider.Postgres)
        {
            var truncate = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(target, "TRUNCATE audit_entries"));
            Assert.Contains("append-only", truncate.Message, StringComparison.Ordinal);
        }

        await using var context = LanternDatabase.CreateContext(target);
        Assert.Equal(5, await context.AuditEntries.CountAsync(Ct));
        Assert.Equal("entry 2", await context.AuditEntries.Where(e => e.Id == 3).Select(e => e.Detail).SingleAsync(Ct));
        Assert.True((await AuditTrail.VerifyAsync(target, cancellationToken: Ct)).IsIntact);
    }

    [Theory, ProviderData]
    public async Task A_changed_entry_is_found_even_when_the_triggers_are_dropped(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        await AppendAsync(target, 10);
        var before = await AuditTrail.VerifyAsync(target, cancellationToken: Ct);

        await ExecuteAsync(target, AuditTampering.DropTriggers(provider));
        await ExecuteAsync(target, "UPDATE audit_entries SET detail = 'nothing to see' WHERE id = 6");
        var after = await AuditTrail.VerifyAsync(target, cancellationToken: Ct);

        Assert.True(before.IsIntact);
        Assert.Equal(10, before.Checked);
        Assert.NotNull(after.Break);
        Assert.Equal(6, after.Break.EntryId);
        Assert.Contains("contents have changed", after.Break.Problem, StringComparison.Ordinal);
        Assert.Equal(5, after.Checked);
    }

    [Theory, ProviderData]
    public async Task A_changed_entry_given_a_fresh_hash_is_found_at_the_next_entry(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        await AppendAsync(target, 6);
        await ExecuteAsync(target, AuditTampering.DropTriggers(provider));

        // The attacker rewrites entry 4 and seals it again; entry 5 still names the old hash.
        await using (var context = LanternDatabase.CreateContext(target))
        {
            var entry = await context.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == 4, Ct);
            entry.Detail = "nothing to see";
            var hash = AuditChain.ComputeHash(entry, entry.PreviousHash);
            await ExecuteAsync(target, $"UPDATE audit_entries SET detail = 'nothing to see', hash = '{hash}' WHERE id = 4");
        }

        var result = await AuditTrail.VerifyAsync(target, cancellationToken: Ct);

        Assert.Equal(5, result.Break?.EntryId);
        Assert.Contains("does not follow on", result.Break?.Problem, StringComparison.Ordinal);
        Assert.Equal(4, result.Checked);
    }

    [Theory, ProviderData]
    public async Task A_deleted_entry_is_reported_as_missing(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        await AppendAsync(target, 7);

        await ExecuteAsync(target, AuditTampering.DropTriggers(provider));
        await ExecuteAsync(target, "DELETE FROM audit_entries WHERE id = 4");
        var result = await AuditTrail.VerifyAsync(target, cancellationToken: Ct);

        Assert.NotNull(result.Break);
        Assert.Equal(4, result.Break.EntryId);
        Assert.Equal("entry 4 is missing", result.Break.Problem);
        Assert.Equal(3, result.Checked);
    }

    [Theory, ProviderData]
    public async Task Verify_creates_and_migrates_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Ct);
        var target = DbTarget.Parse(db.Target);

        if (provider == Provider.Sqlite)
        {
            var missing = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => AuditTrail.VerifyAsync(target, cancellationToken: Ct));
            Assert.Contains("There is no SQLite database", missing.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(db.Target));
            await ExecuteAsync(target, "CREATE TABLE unrelated (id INTEGER PRIMARY KEY)");
        }

        var unmigrated = await Assert.ThrowsAsync<DatabaseNotMigratedException>(() => AuditTrail.VerifyAsync(target, cancellationToken: Ct));

        Assert.Contains("Migrate it first", unmigrated.Message, StringComparison.Ordinal);
        Assert.NotEmpty(await LanternDatabase.GetPendingMigrationsAsync(target, Ct));
    }

    internal static AuditEntry Entry(int n, string user = "demo.social-worker") => new()
    {
        At = Start.AddSeconds(n),
        UserId = "id-" + user,
        UserName = user,
        Role = StaffRole.SocialWorker,
        Action = n % 5 == 0 ? AuditAction.Search : AuditAction.ReadRecord,
        Succeeded = true,
        ChildId = n % 5 == 0 ? null : 1000 + n,
        RecordType = n % 5 == 0 ? null : "child",
        RecordId = n % 5 == 0 ? null : 1000 + n,
        Basis = n % 5 == 0 ? null : AccessBasis.AllocatedWorker,
        Detail = $"entry {n}",
        IpAddress = "10.20.0.1",
    };

    internal static async Task ExecuteAsync(DbTarget target, string sql)
    {
        await using var connection = await LanternDatabase.OpenConnectionAsync(target, Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task AppendAsync(DbTarget target, int count)
    {
        await using var context = LanternDatabase.CreateContext(target);
        await AuditTrail.AppendAsync(context, [.. Enumerable.Range(0, count).Select(n => Entry(n))], Ct);
    }

    private static async Task<(TestDatabase Db, DbTarget Target)> MigratedAsync(Provider provider)
    {
        var db = await TestDatabase.CreateAsync(provider, Ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, Ct);
        return (db, target);
    }
}
