using Lantern.Data;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lantern.Web.Work;

/// <summary>Children's files kept in memory for the pages read all day (the record page, the
/// chronology and "my work"), never served stale: every read first asks the database for each
/// child's <see cref="Child.FileVersion"/> (one small query), which goes up in the same transaction
/// as any write to the child's file, and a kept copy is used only while its number is still the
/// database's. So a change is seen at once by every server sharing the database, and what this
/// saves is the twenty or so queries that read a whole file. Copies are read-only by contract: the
/// pages that write load their own tracked records.</summary>
/// <remarks>Bounded by <see cref="RecordLimit"/> records in all (a file counts one per record), and
/// each copy is dropped after <see cref="Lifetime"/> (so worker names shown in a chronology are at
/// most that old). Writes that bypass the model (the bulk writer used by <c>lantern seed</c>) start
/// every file at version 0, so a server should be restarted after a database is replaced under it.</remarks>
public sealed class ChildRecordCache : IDisposable
{
    /// <summary>The most records held in memory in all.</summary>
    public const long RecordLimit = 2_000_000;

    /// <summary>How long a copy is kept at most.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = RecordLimit, CompactionPercentage = 0.25 });

    /// <summary>The file of each child in <paramref name="childIds"/> that exists, as it is now in the database.</summary>
    public async Task<IReadOnlyDictionary<long, ChildFile>> FilesAsync(LanternDbContext db, IReadOnlyCollection<long> childIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(childIds);
        var result = new Dictionary<long, ChildFile>(childIds.Count);
        var missing = new List<long>();
        foreach (var chunk in childIds.Distinct().Chunk(ChildFiles.ChunkSize))
        {
            var ids = chunk.ToList();
            var versions = await db.Children.AsNoTracking()
                .Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.FileVersion })
                .ToListAsync(cancellationToken);
            foreach (var v in versions)
            {
                if (cache.TryGetValue(new Key(Kind.File, v.Id), out ChildFile? file) && file!.Child.FileVersion == v.FileVersion)
                {
                    result[v.Id] = file;
                }
                else
                {
                    missing.Add(v.Id);
                }
            }
        }

        if (missing.Count > 0)
        {
            // Read after the version: a copy is never older than the number it is kept under.
            foreach (var (id, file) in await ChildFiles.LoadAsync(db, missing, cancellationToken))
            {
                result[id] = file;
                Keep(new Key(Kind.File, id), file, Size(file));
            }
        }

        return result;
    }

    /// <summary>The file of one child; null when there is no such child.</summary>
    public async Task<ChildFile?> FileAsync(LanternDbContext db, long childId, CancellationToken cancellationToken) =>
        (await FilesAsync(db, [childId], cancellationToken)).GetValueOrDefault(childId);

    /// <summary>What the chronology is built from, for <paramref name="file"/> (from <see cref="FilesAsync"/>).</summary>
    public async Task<ChronologySources> ChronologyAsync(LanternDbContext db, ChildFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(file);
        var key = new Key(Kind.Chronology, file.Child.Id);
        if (cache.TryGetValue(key, out ChronologySources? kept) && kept!.File.Child.FileVersion == file.Child.FileVersion)
        {
            return kept;
        }

        var sources = await ChronologyBuilder.LoadAsync(db, file, cancellationToken);
        Keep(key, sources, 1 + sources.Allocations.Count + sources.EarlyHelp.Count + sources.EarlyHelpReviews.Count + sources.Notes.Count + sources.SignificantEvents.Count);
        return sources;
    }

    public void Dispose() => cache.Dispose();

    private void Keep(Key key, object value, long size) =>
        cache.Set(key, value, new MemoryCacheEntryOptions { Size = size, AbsoluteExpirationRelativeToNow = Lifetime });

    private static long Size(ChildFile f) =>
        1 + f.Contacts.Count + f.Referrals.Count + f.Assessments.Count + f.StrategyDiscussions.Count + f.Section47s.Count
        + f.Conferences.Count + f.ProtectionPlans.Count + f.CoreGroups.Count + f.ChildInNeedPlans.Count + f.ChildInNeedReviews.Count
        + f.CareEpisodes.Count + f.CareReviews.Count + f.HealthChecks.Count + f.Visits.Count + f.CareLeaverContacts.Count
        + f.PrivateFostering.Count + f.CareProceedings.Count + f.Allegations.Count + f.EarlyHelp.Count + f.PanelDecisions.Count;

    private enum Kind
    {
        File = 1,
        Chronology = 2,
    }

    private readonly record struct Key(Kind Kind, long ChildId);
}
