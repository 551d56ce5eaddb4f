using System.Collections.Concurrent;
using Lantern.Data;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Work;

/// <summary>The whole file of many children at once, for the work lists: one query per table with
/// <c>ids.Contains(x.ChildId)</c> (in chunks, so a service's thousands of children stay within what
/// the database accepts as one parameter), never a query per child.</summary>
public static class ChildFiles
{
    /// <summary>How many children one query asks for.</summary>
    public const int ChunkSize = 4000;

    /// <summary>The file of each child in <paramref name="childIds"/> that exists, keyed by child id.</summary>
    public static async Task<IReadOnlyDictionary<long, ChildFile>> LoadAsync(LanternDbContext db, IReadOnlyCollection<long> childIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(childIds);
        var data = new AuthorityData();
        foreach (var chunk in childIds.Distinct().Chunk(ChunkSize))
        {
            var ids = chunk.ToList();
            data.Children.AddRange(await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken));
            data.Contacts.AddRange(await Of(db.Contacts, ids, cancellationToken));
            data.Referrals.AddRange(await Of(db.Referrals, ids, cancellationToken));
            data.Assessments.AddRange(await Of(db.Assessments, ids, cancellationToken));
            data.StrategyDiscussions.AddRange(await Of(db.StrategyDiscussions, ids, cancellationToken));
            data.Section47s.AddRange(await Of(db.Section47s, ids, cancellationToken));
            data.Conferences.AddRange(await Of(db.Conferences, ids, cancellationToken));
            data.ProtectionPlans.AddRange(await Of(db.ProtectionPlans, ids, cancellationToken));
            data.CoreGroups.AddRange(await Of(db.CoreGroups, ids, cancellationToken));
            data.ChildInNeedPlans.AddRange(await Of(db.ChildInNeedPlans, ids, cancellationToken));
            data.ChildInNeedReviews.AddRange(await Of(db.ChildInNeedReviews, ids, cancellationToken));
            data.CareEpisodes.AddRange(await Of(db.CareEpisodes, ids, cancellationToken));
            data.CareReviews.AddRange(await Of(db.CareReviews, ids, cancellationToken));
            data.HealthChecks.AddRange(await Of(db.HealthChecks, ids, cancellationToken));
            data.Visits.AddRange(await Of(db.Visits, ids, cancellationToken));
            data.CareLeaverContacts.AddRange(await Of(db.CareLeaverContacts, ids, cancellationToken));
            data.PrivateFostering.AddRange(await Of(db.PrivateFostering, ids, cancellationToken));
            data.CareProceedings.AddRange(await Of(db.CareProceedings, ids, cancellationToken));
            data.EarlyHelp.AddRange(await Of(db.EarlyHelp, ids, cancellationToken));
            data.PanelDecisions.AddRange(await Of(db.PanelDecisions, ids, cancellationToken));
            data.Allegations.AddRange(await db.Allegations.AsNoTracking()
                .Where(a => a.ChildId != null && ids.Contains(a.ChildId.Value))
                .OrderBy(a => a.Id)
                .ToListAsync(cancellationToken));
        }

        return ChildFile.IndexAll(data);
    }

    /// <summary>How long the council's settings are kept before they are read again: a change to
    /// the authority row applies within this time.</summary>
    public static readonly TimeSpan SettingsFreshness = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, (DateTime ReadAt, LocalStandards Standards, LocalAuthority Authority)> Settings = new(StringComparer.Ordinal);

    /// <summary>Drops the kept council settings of every database (after they are changed).</summary>
    public static void ForgetSettings() => Settings.Clear();

    /// <summary>The council's local standards and settings (the defaults when there is no authority
    /// row), read at most every <see cref="SettingsFreshness"/> per database: every page that judges
    /// a clock asks for them, and they change a few times a year. Read-only by contract.</summary>
    public static async Task<(LocalStandards Standards, LocalAuthority Authority)> AuthorityAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = db.Database.GetConnectionString() ?? "";
        var now = DateTime.UtcNow;
        if (Settings.TryGetValue(key, out var kept) && now - kept.ReadAt < SettingsFreshness)
        {
            return (kept.Standards, kept.Authority);
        }

        var authority = await db.Authorities.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        var read = authority is null ? (LocalStandards.Default, new LocalAuthority()) : (LocalStandards.From(authority), authority);
        Settings[key] = (now, read.Item1, read.Item2);
        return read;
    }

    private static Task<List<T>> Of<T>(DbSet<T> set, List<long> ids, CancellationToken cancellationToken)
        where T : ChildRecord =>
        set.AsNoTracking().Where(r => ids.Contains(r.ChildId)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
}
