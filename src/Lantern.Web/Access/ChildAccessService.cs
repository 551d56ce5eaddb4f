using System.Collections.Frozen;
using System.Security.Claims;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lantern.Web.Access;

/// <summary>Who to contact about a child, for the "known only" page.</summary>
/// <param name="WorkerName">The allocated worker (or early help lead worker), when there is one.</param>
/// <param name="TeamName">Their team.</param>
/// <param name="ManagerName">Their team manager.</param>
/// <param name="ContactTeam">When nobody is allocated: the team to contact (the last allocated
/// worker's team, or the front door).</param>
public sealed record ChildContact(string? WorkerName, string? TeamName, string? ManagerName, string? ContactTeam);

/// <summary>Relationship-based access to children's records for the signed-in person: builds the
/// facts <see cref="ChildAccessPolicy"/> needs from the database and asks it. The facts about the
/// person (their team, service and everyone below them in the management line) come from a worker
/// directory kept for a minute; the facts about a child (open allocations on the app's "today",
/// early help lead workers, reviewing officers, allegations, and the person's active grants) are read
/// per request with a few narrow, indexed queries.</summary>
public sealed class ChildAccessService(LanternDbContext db, LanternDataOptions data, IMemoryCache cache, IHttpContextAccessor http)
{
    /// <summary>How long the worker directory is kept before it is read again.</summary>
    public static readonly TimeSpan DirectoryLifetime = TimeSpan.FromMinutes(1);

    private const string DirectoryKey = "Lantern.Access.WorkerDirectory";
    private static readonly IReadOnlySet<long> NoIds = FrozenSet<long>.Empty;
    private static readonly IReadOnlySet<AccessGrantKind> NoGrants = FrozenSet<AccessGrantKind>.Empty;
    private static readonly IReadOnlySet<TeamService> NoServices = FrozenSet<TeamService>.Empty;

    private (ClaimsPrincipal User, StaffContext? Staff)? staffOfRequest;

    /// <summary>The app's "today": allocations and episodes open on this date count.</summary>
    public DateOnly Today => data.Today;

    private ClaimsPrincipal CurrentUser => http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    /// <summary>Drops the kept worker directory (after a change to the workforce that access and the
    /// team lists must see at once, such as a new worker).</summary>
    public static void ForgetDirectory(IMemoryCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        cache.Remove(DirectoryKey);
    }

    /// <summary>The workers and teams (read at most once a minute).</summary>
    public async Task<WorkerDirectory> DirectoryAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(DirectoryKey, out WorkerDirectory? directory) && directory is not null)
        {
            return directory;
        }

        var workers = await db.Workers.AsNoTracking()
            .Select(w => new WorkerEntry(w.Id, w.GivenName + " " + w.FamilyName, w.Role, w.TeamId, w.ManagerId))
            .ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking()
            .Select(t => new TeamEntry(t.Id, t.Name, t.Service))
            .ToListAsync(cancellationToken);
        directory = new WorkerDirectory(workers, teams);
        cache.Set(DirectoryKey, directory, DirectoryLifetime);
        return directory;
    }

    /// <summary>The facts about the signed-in person (null when nobody with a Lantern role is signed in).</summary>
    public Task<StaffContext?> StaffAsync(CancellationToken cancellationToken = default) => StaffAsync(CurrentUser, cancellationToken);

    /// <summary>The facts about <paramref name="user"/> (null without a Lantern role).</summary>
    public async Task<StaffContext?> StaffAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (staffOfRequest is { } known && ReferenceEquals(known.User, user))
        {
            return known.Staff;
        }

        StaffContext? staff = null;
        if (user.Identity?.IsAuthenticated == true && user.StaffRole() is { } role)
        {
            var directory = await DirectoryAsync(cancellationToken);
            var worker = directory.Worker(user.Worker());
            staff = worker is null
                ? new StaffContext(role, null, null, null, NoIds, user.HasNamedData())
                : new StaffContext(role, worker.Id, worker.TeamId, directory.ServiceOf(worker.Id), directory.ManagedBy(worker.Id), user.HasNamedData());
        }

        staffOfRequest = (user, staff);
        return staff;
    }

    /// <summary>What the signed-in person may see of child <paramref name="childId"/>; null when
    /// there is no such child.</summary>
    public Task<ChildAccessDecision?> DecideAsync(long childId, CancellationToken cancellationToken = default) =>
        DecideAsync(CurrentUser, childId, cancellationToken);

    /// <summary>What <paramref name="user"/> may see of child <paramref name="childId"/>; null when
    /// there is no such child.</summary>
    public async Task<ChildAccessDecision?> DecideAsync(ClaimsPrincipal user, long childId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var staff = await StaffAsync(user, cancellationToken);

        // The record page runs a score of queries after this one and then writes the audit entry:
        // one connection for them all (EF Core closes it with the context) saves opening one each time.
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        // The common case in one round trip: whether the child exists and is restricted, the
        // workers allocated to them today (and early help leads), and the person's active grants.
        var userId = user.UserId() ?? "";
        var today = data.Today;
        var now = DateTime.UtcNow;
        var facts = new List<Fact>(4);
        var frontDoorSince = FrontDoorSince(today);
        await foreach (var fact in FactsQuery(db, childId, today, userId, now, frontDoorSince).WithCancellation(cancellationToken))
        {
            facts.Add(fact);
        }

        var child = facts.FirstOrDefault(f => f.Kind is Fact.Child or Fact.Restricted);
        if (child is null)
        {
            return null;
        }

        if (staff is null)
        {
            return new ChildAccessDecision(ChildAccessLevel.Hidden, AccessBasis.None);
        }

        var isRestricted = child.Kind == Fact.Restricted;
        var grants = facts.Where(f => f.Kind == Fact.Grant).Select(f => (AccessGrantKind)f.Value).ToHashSet();
        var workerIds = isRestricted ? [] : facts.Where(f => f.Kind == Fact.Worker).Select(f => f.Value).ToHashSet();
        var canOpen = AccessMatrix.Allows(staff.Role, Permission.ViewChildRecords, staff.NamedDataAccess);
        var reviewed = false;
        var allegation = false;
        if (!isRestricted && canOpen && staff.Role == StaffRole.ReviewingOfficer && staff.WorkerId is { } me)
        {
            var since = today.AddMonths(-12);
            reviewed = await db.CareReviews.AsNoTracking().AnyAsync(r => r.ChildId == childId && r.IroWorkerId == me && r.Date > since && r.Date <= today, cancellationToken)
                || await db.Conferences.AsNoTracking().AnyAsync(c => c.ChildId == childId && c.ChairWorkerId == me && c.Date > since && c.Date <= today, cancellationToken);
        }

        if (!isRestricted && canOpen && staff.Role == StaffRole.Lado)
        {
            allegation = await db.Allegations.AsNoTracking().AnyAsync(a => a.ChildId == childId, cancellationToken);
        }

        var directory = workerIds.Count > 0 ? await DirectoryAsync(cancellationToken) : null;
        var frontDoor = isRestricted ? null : facts.Where(f => f.Kind == Fact.FrontDoor).Select(f => f.Value).ToHashSet();
        return ChildAccessPolicy.Decide(staff, Context(staff, directory, isRestricted, workerIds, reviewed, allegation, grants, frontDoor));
    }

    /// <summary>What <paramref name="user"/> may see of each child (each given with whether its
    /// record is restricted), in a handful of queries whatever the number of children.</summary>
    public async Task<IReadOnlyDictionary<long, ChildAccessDecision>> DecideAsync(ClaimsPrincipal user, IReadOnlyCollection<KeyValuePair<long, bool>> children, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(children);
        var result = new Dictionary<long, ChildAccessDecision>(children.Count);
        var staff = await StaffAsync(user, cancellationToken);
        if (staff is null || children.Count == 0)
        {
            foreach (var (id, _) in children)
            {
                result[id] = new ChildAccessDecision(ChildAccessLevel.Hidden, AccessBasis.None);
            }

            return result;
        }

        var contexts = await ContextsAsync(user.UserId(), staff, children, cancellationToken);
        foreach (var (id, context) in contexts)
        {
            result[id] = ChildAccessPolicy.Decide(staff, context);
        }

        return result;
    }

    /// <summary>The children among <paramref name="children"/> that <paramref name="user"/> must
    /// not even know exist (restricted records they are not named on).</summary>
    public async Task<IReadOnlySet<long>> HiddenAsync(ClaimsPrincipal user, IReadOnlyCollection<KeyValuePair<long, bool>> children, CancellationToken cancellationToken = default)
    {
        var decisions = await DecideAsync(user, children, cancellationToken);
        return decisions.Where(d => d.Value.Level == ChildAccessLevel.Hidden).Select(d => d.Key).ToHashSet();
    }

    /// <summary>The restricted children the signed-in person is named on (an active NamedPerson grant):
    /// the only restricted records a search may show them.</summary>
    public async Task<IReadOnlyList<long>> NamedChildIdsAsync(CancellationToken cancellationToken = default)
    {
        if (CurrentUser.UserId() is not { } userId)
        {
            return [];
        }

        var now = DateTime.UtcNow;
        return await ActiveGrants(userId, now)
            .Where(g => g.Kind == AccessGrantKind.NamedPerson)
            .Select(g => g.ChildId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    /// <summary>Who to contact about a child: the allocated worker (or early help lead), their team
    /// and team manager; or, when nobody is allocated, the last allocated worker's team or the front door.</summary>
    public async Task<ChildContact> ContactAsync(long childId, CancellationToken cancellationToken = default)
    {
        var today = data.Today;
        var directory = await DirectoryAsync(cancellationToken);
        var allocated = await db.Allocations.AsNoTracking()
            .Where(a => a.ChildId == childId && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id)
            .Select(a => (long?)a.WorkerId)
            .FirstOrDefaultAsync(cancellationToken);
        allocated ??= await db.EarlyHelp.AsNoTracking()
            .Where(e => e.ChildId == childId && e.LeadWorkerId != null && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today))
            .OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Id)
            .Select(e => e.LeadWorkerId)
            .FirstOrDefaultAsync(cancellationToken);
        if (directory.Worker(allocated) is { } worker)
        {
            return new ChildContact(worker.Name, directory.TeamOf(worker.Id)?.Name, directory.ManagerOf(worker.Id)?.Name, null);
        }

        var last = await db.Allocations.AsNoTracking()
            .Where(a => a.ChildId == childId && a.StartDate <= today)
            .OrderByDescending(a => a.EndDate).ThenByDescending(a => a.StartDate)
            .Select(a => (long?)a.WorkerId)
            .FirstOrDefaultAsync(cancellationToken);
        var team = last is { } l ? directory.TeamOf(l) : null;
        team ??= directory.Teams.Values.Where(t => t.Service == TeamService.FrontDoor).OrderBy(t => t.Id).FirstOrDefault();
        return new ChildContact(null, null, null, team?.Name ?? "front door");
    }

    /// <summary>The facts about one child that every decision needs, in one query (compiled once:
    /// it runs on every record page).</summary>
    private static readonly Func<LanternDbContext, long, DateOnly, string, DateTime, DateTime, IAsyncEnumerable<Fact>> FactsQuery =
        EF.CompileAsyncQuery((LanternDbContext db, long childId, DateOnly today, string userId, DateTime now, DateTime frontDoorSince) =>
            db.Children.AsNoTracking()
                .Where(c => c.Id == childId)
                .Select(c => new Fact { Kind = c.IsRestricted ? Fact.Restricted : Fact.Child, Value = 0 })
                .Concat(db.Allocations.AsNoTracking()
                    .Where(a => a.ChildId == childId && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
                    .Select(a => new Fact { Kind = Fact.Worker, Value = a.WorkerId }))
                .Concat(db.EarlyHelp.AsNoTracking()
                    .Where(e => e.ChildId == childId && e.LeadWorkerId != null && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today))
                    .Select(e => new Fact { Kind = Fact.Worker, Value = e.LeadWorkerId!.Value }))
                .Concat(db.Contacts.AsNoTracking()
                    .Where(c => c.ChildId == childId && (c.DecidedAt == null || c.ReceivedAt >= frontDoorSince))
                    .Select(c => new Fact { Kind = Fact.FrontDoor, Value = c.RecordedByWorkerId ?? 0 }))
                .Concat(db.AccessGrants.AsNoTracking()
                    .Where(g => g.ChildId == childId && g.UserId == userId && g.GrantedAt <= now && (g.ExpiresAt == null || g.ExpiresAt > now))
                    .Select(g => new Fact
                    {
                        Kind = Fact.Grant,
                        Value = g.Kind == AccessGrantKind.NamedPerson ? (long)AccessGrantKind.NamedPerson
                            : g.Kind == AccessGrantKind.CaseAudit ? (long)AccessGrantKind.CaseAudit
                            : (long)AccessGrantKind.BreakGlass,
                    })));

    /// <summary>One fact about a child, as a row of the single query that gathers them.</summary>
    private sealed class Fact
    {
        public const int Child = 0;
        public const int Restricted = 1;
        public const int Worker = 2;
        public const int Grant = 3;
        public const int FrontDoor = 4;

        public int Kind { get; init; }

        public long Value { get; init; }
    }

    private async Task<Dictionary<long, ChildContext>> ContextsAsync(string? userId, StaffContext staff, IReadOnlyCollection<KeyValuePair<long, bool>> children, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var today = data.Today;
        var ids = children.Select(c => c.Key).ToList();

        var grants = new List<(long ChildId, AccessGrantKind Kind)>();
        if (userId is not null)
        {
            grants.AddRange((await ActiveGrants(userId, now)
                .Where(g => ids.Contains(g.ChildId))
                .Select(g => new { g.ChildId, g.Kind })
                .ToListAsync(cancellationToken)).Select(g => (g.ChildId, g.Kind)));
        }

        // The policy looks no further than the grants for a restricted record, or for someone who
        // may not open records; so the relationships are read only when they can matter.
        var open = AccessMatrix.Allows(staff.Role, Permission.ViewChildRecords, staff.NamedDataAccess)
            ? children.Where(c => !c.Value).Select(c => c.Key).ToList()
            : [];
        var allocated = new List<(long ChildId, long WorkerId)>();
        var frontDoor = new List<(long ChildId, long WorkerId)>();
        var reviewed = new HashSet<long>();
        var allegations = new HashSet<long>();
        if (open.Count > 0)
        {
            allocated.AddRange((await db.Allocations.AsNoTracking()
                .Where(a => open.Contains(a.ChildId) && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
                .Select(a => new { a.ChildId, a.WorkerId })
                .Concat(db.EarlyHelp.AsNoTracking()
                    .Where(e => open.Contains(e.ChildId) && e.LeadWorkerId != null && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today))
                    .Select(e => new { e.ChildId, WorkerId = e.LeadWorkerId!.Value }))
                .ToListAsync(cancellationToken)).Select(a => (a.ChildId, a.WorkerId)));

            if (AccessMatrix.Allows(staff.Role, Permission.RecordContacts))
            {
                var since = FrontDoorSince(today);
                frontDoor.AddRange((await db.Contacts.AsNoTracking()
                    .Where(c => open.Contains(c.ChildId) && (c.DecidedAt == null || c.ReceivedAt >= since))
                    .Select(c => new { c.ChildId, WorkerId = c.RecordedByWorkerId ?? 0 })
                    .ToListAsync(cancellationToken)).Select(c => (c.ChildId, c.WorkerId)));
            }

            // Only a reviewing officer can gain access as the child's reviewing officer, so only
            // reviews and conferences they chaired are looked for.
            if (staff.Role == StaffRole.ReviewingOfficer && staff.WorkerId is { } me)
            {
                var since = today.AddMonths(-12);
                reviewed.UnionWith(await db.CareReviews.AsNoTracking()
                    .Where(r => open.Contains(r.ChildId) && r.IroWorkerId == me && r.Date > since && r.Date <= today)
                    .Select(r => r.ChildId)
                    .Concat(db.Conferences.AsNoTracking()
                        .Where(c => open.Contains(c.ChildId) && c.ChairWorkerId == me && c.Date > since && c.Date <= today)
                        .Select(c => c.ChildId))
                    .ToListAsync(cancellationToken));
            }

            if (staff.Role == StaffRole.Lado)
            {
                allegations.UnionWith(await db.Allegations.AsNoTracking()
                    .Where(a => a.ChildId != null && open.Contains(a.ChildId.Value))
                    .Select(a => a.ChildId!.Value)
                    .ToListAsync(cancellationToken));
            }
        }

        var directory = allocated.Count > 0 ? await DirectoryAsync(cancellationToken) : null;
        var contexts = new Dictionary<long, ChildContext>(children.Count);
        foreach (var (id, isRestricted) in children)
        {
            contexts[id] = Context(
                staff,
                directory,
                isRestricted,
                allocated.Where(a => a.ChildId == id).Select(a => a.WorkerId).ToHashSet(),
                reviewed.Contains(id),
                allegations.Contains(id),
                grants.Where(g => g.ChildId == id).Select(g => g.Kind).ToHashSet(),
                frontDoor.Count == 0 ? null : frontDoor.Where(f => f.ChildId == id).Select(f => f.WorkerId).ToHashSet());
        }

        return contexts;
    }

    /// <summary>The policy's view of one child, from what the queries found: the allocated workers'
    /// teams and services come from the worker directory.</summary>
    private static ChildContext Context(StaffContext staff, WorkerDirectory? directory, bool isRestricted, HashSet<long> workerIds, bool reviewed, bool allegation, HashSet<AccessGrantKind> grants, HashSet<long>? frontDoor)
    {
        var teams = directory is null || workerIds.Count == 0
            ? []
            : workerIds.Select(directory.TeamOf).OfType<TeamEntry>().ToList();
        return new ChildContext(
            isRestricted,
            workerIds.Count == 0 ? NoIds : workerIds,
            teams.Count == 0 ? NoIds : teams.Select(t => t.Id).ToHashSet(),
            teams.Count == 0 ? NoServices : teams.Select(t => t.Service).ToHashSet(),
            reviewed ? new HashSet<long> { staff.WorkerId!.Value } : NoIds,
            allegation,
            grants.Count == 0 ? NoGrants : grants,
            frontDoor is { Count: > 0 },
            frontDoor is { Count: > 0 } ? frontDoor : NoIds);
    }

    /// <summary>Contacts received from this moment on (or still undecided) keep the front door's access.</summary>
    private static DateTime FrontDoorSince(DateOnly today) =>
        today.AddDays(-ChildAccessPolicy.FrontDoorDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The grants to <paramref name="userId"/> in force at <paramref name="now"/>
    /// (<see cref="AccessGrant.IsActiveAt"/>, as a query).</summary>
    private IQueryable<AccessGrant> ActiveGrants(string userId, DateTime now) =>
        db.AccessGrants.AsNoTracking().Where(g => g.UserId == userId && g.GrantedAt <= now && (g.ExpiresAt == null || g.ExpiresAt > now));
}
