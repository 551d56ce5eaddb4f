using Lantern.Data.Conversions;
using Lantern.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lantern.Data;

/// <summary>Appends to and verifies the audit trail. Appends are serialised (a lock in this
/// process, and on PostgreSQL a transaction-scoped advisory lock so several servers can share one
/// database; SQLite takes its write lock when the transaction begins), each entry is numbered after
/// the last and sealed with the hash chain, and nothing else ever updates or deletes an entry.</summary>
public static class AuditTrail
{
    /// <summary>Key of the PostgreSQL advisory lock that serialises appends ("LANTERN1").</summary>
    public const long AdvisoryLockKey = 0x4C414E5445524E31;

    private static readonly SemaphoreSlim AppendLock = new(1, 1);
    private static readonly Lock QueueGate = new();
    private static readonly List<PendingEntries> Queue = [];

    /// <summary>Appends <paramref name="entries"/> in order. When <paramref name="db"/> already has a
    /// transaction (for example a record being written), the entries join it and are written only if
    /// it commits; otherwise they are written in their own transaction.</summary>
    public static Task AppendAsync(LanternDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) =>
        AppendAsync(db, entries, write: null, cancellationToken);

    /// <summary>Writes a change to the record and its audit entries as one: <paramref name="write"/>
    /// (which saves the caller's changes) runs inside the same transaction and the same lock as the
    /// entries, so either both are stored or neither, and two writers never wait on each other's
    /// locks (SQLite allows one writer at a time). An exception from <paramref name="write"/> (such as
    /// a concurrency conflict) rolls everything back and is passed on.</summary>
    public static async Task AppendAsync(LanternDbContext db, IReadOnlyList<AuditEntry> entries, Func<CancellationToken, Task>? write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        if (write is null && db.Database.CurrentTransaction is null && !db.ChangeTracker.HasChanges())
        {
            await AppendGroupedAsync(db, entries, cancellationToken);
            return;
        }

        await AppendLock.WaitAsync(cancellationToken);
        try
        {
            await WriteLockedAsync(db, entries, write, cancellationToken);
        }
        finally
        {
            AppendLock.Release();
        }
    }

    /// <summary>Group commit for entries that stand alone (a page viewed, a search, a sign-in): each
    /// caller queues its entries and waits for the lock; whoever gets it writes everything queued so
    /// far in one transaction, and every caller returns only once its own entries are committed. Under
    /// load one commit (one flush to disk) then carries many entries instead of each request waiting
    /// its turn for a flush of its own, which capped the whole server at one page view per commit.</summary>
    private static async Task AppendGroupedAsync(LanternDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var mine = new PendingEntries(entries);
        lock (QueueGate)
        {
            Queue.Add(mine);
        }

        try
        {
            await AppendLock.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (QueueGate)
            {
                if (Queue.Remove(mine))
                {
                    throw;
                }
            }

            // Already taken by a writer: its outcome is this caller's outcome.
            await mine.Done.Task;
            return;
        }

        try
        {
            if (!mine.Done.Task.IsCompleted)
            {
                List<PendingEntries> batch;
                lock (QueueGate)
                {
                    batch = [.. Queue];
                    Queue.Clear();
                }

                try
                {
                    // Not the caller's token: the batch carries other requests' entries too.
                    await WriteLockedAsync(db, [.. batch.SelectMany(p => p.Entries)], write: null, CancellationToken.None);
                    foreach (var pending in batch)
                    {
                        pending.Done.TrySetResult();
                    }
                }
                catch (Exception ex)
                {
                    foreach (var pending in batch)
                    {
                        pending.Done.TrySetException(ex);
                    }
                }
            }
        }
        finally
        {
            AppendLock.Release();
        }

        await mine.Done.Task;
    }

    private static async Task WriteLockedAsync(LanternDbContext db, IReadOnlyList<AuditEntry> entries, Func<CancellationToken, Task>? write, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

        // In a transaction of its own nothing needs a savepoint (a failure rolls the whole
        // transaction back): two round trips fewer for every group of entries.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = savepoints && own is null;
        try
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
            }

            if (write is not null)
            {
                await write(cancellationToken);
            }

            var last = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Id)
                .Select(e => new { e.Id, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var previousId = last?.Id ?? 0;
            var previousHash = last?.Hash ?? AuditChain.Genesis;
            foreach (var entry in entries)
            {
                // Sealed as stored (UTC, to the microsecond), or the entry would not verify once read back.
                entry.At = UtcDateTimeConverter.ToStored(entry.At == default ? DateTime.UtcNow : entry.At);
                AuditChain.Seal(entry, previousId, previousHash);
                previousId = entry.Id;
                previousHash = entry.Hash;
                db.AuditEntries.Add(entry);
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var entry in entries)
            {
                db.Entry(entry).State = EntityState.Detached;
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private sealed class PendingEntries(IReadOnlyList<AuditEntry> entries)
    {
        public IReadOnlyList<AuditEntry> Entries { get; } = entries;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Appends one entry (see <see cref="AppendAsync(LanternDbContext, IReadOnlyList{AuditEntry}, CancellationToken)"/>).</summary>
    public static Task AppendAsync(LanternDbContext db, AuditEntry entry, CancellationToken cancellationToken = default) =>
        AppendAsync(db, [entry], cancellationToken);

    /// <summary>Reads the whole trail in order and checks the chain. Nothing is created or
    /// migrated: a missing SQLite file, an unreachable server or an unmigrated database is an error.</summary>
    /// <param name="progress">Told the number of entries checked so far, every 10,000.</param>
    /// <exception cref="DatabaseUnavailableException">The database does not exist or cannot be reached.</exception>
    /// <exception cref="DatabaseNotMigratedException">The database is not migrated to this version.</exception>
    public static async Task<AuditVerification> VerifyAsync(DbTarget target, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Provider == DbProvider.Sqlite && !File.Exists(target.FilePath))
        {
            throw new DatabaseUnavailableException($"There is no SQLite database at {target.FilePath}.");
        }

        await using var connection = await LanternDatabase.OpenConnectionAsync(target, cancellationToken);
        await LanternDatabase.EnsureMigratedAsync(target, connection, cancellationToken);
        await using var db = LanternDatabase.CreateContext(target, connection, configure: null);
        var verifier = new AuditChainVerifier();
        var lastHash = AuditChain.Genesis;
        var lastId = 0L;
        const int Batch = 10_000;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Id > lastId)
                .OrderBy(e => e.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                if (verifier.Check(entry) is { } broken)
                {
                    return new AuditVerification(verifier.Checked, broken, lastHash);
                }

                lastHash = entry.Hash;
            }

            if (batch.Count < Batch)
            {
                return new AuditVerification(verifier.Checked, null, lastHash);
            }

            lastId = batch[^1].Id;
            progress?.Report(verifier.Checked);
        }
    }
}

/// <summary>The outcome of checking the audit trail.</summary>
/// <param name="Checked">Entries found intact, from entry 1 (every entry when the trail is intact).</param>
/// <param name="Break">The first broken entry and what is wrong with it; null when the trail is intact.</param>
/// <param name="LastHash">The hash of the last intact entry (<see cref="AuditChain.Genesis"/> for an
/// empty trail). A chain cannot show that its newest entries were cut off, so operators record this
/// value and compare it with the next check.</param>
public sealed record AuditVerification(long Checked, AuditBreak? Break, string LastHash)
{
    public bool IsIntact => Break is null;
}
