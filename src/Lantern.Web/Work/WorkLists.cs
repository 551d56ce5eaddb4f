using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Calendar;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Lantern.Web.Work;

/// <summary>One statutory-clock item not yet done, on a child's work list.</summary>
/// <param name="WorkerId">The worker the child is allocated to (or who leads or recorded it).</param>
/// <param name="DaysOverdue">Working days since the due date (0 unless overdue).</param>
public sealed record DueRow(long ChildId, string ChildName, bool Restricted, long? WorkerId, string Rule, string Title, DateOnly DueOn, ClockStatus Status, int DaysOverdue);

/// <summary>What waits for a manager's authorisation.</summary>
public enum AwaitingKind
{
    Assessment = 1,
    ContactDecision = 2,
    StepDown = 3,
}

/// <summary>One thing waiting for a manager: since when, and for how many working days.</summary>
public sealed record AwaitingRow(AwaitingKind Kind, long ChildId, string ChildName, bool Restricted, long? WorkerId, DateOnly Since, int WorkingDaysWaiting);

/// <summary>A child with open social care involvement and nobody allocated today.</summary>
/// <param name="LastWorkerId">The worker of the last allocation; null when the child was never allocated.</param>
/// <param name="Since">When the wait began: the end of the last allocation, or the referral (or plan
/// or episode) that is open, whichever is later.</param>
/// <param name="AllocationEnded">Whether the wait began when an allocation ended.</param>
public sealed record UnallocatedRow(long ChildId, string ChildName, bool Restricted, long? LastWorkerId, DateOnly Since, bool AllocationEnded, int DaysWaiting, WaitingRisk Risk = WaitingRisk.Standard);

/// <summary>How urgently an unallocated child needs a worker, from what is open on their file today:
/// high for a child on a protection plan, in an open section 47 enquiry or looked after; medium on a
/// child in need plan; standard for a referral being assessed.</summary>
public enum WaitingRisk
{
    Standard = 1,
    Medium = 2,
    High = 3,
}

/// <summary>A child protection plan stepped down to child in need that should be looked at again.</summary>
public sealed record StepDownRow(long ChildId, string ChildName, bool Restricted, long? WorkerId, DateOnly PlanStarted, DateOnly PlanEnded, string Why);

/// <summary>The work of one team's allocated children: how many there are and every overdue
/// statutory-clock item (computed in the background and kept for a short time).</summary>
public sealed record TeamSnapshot(long TeamId, int Children, IReadOnlyList<DueRow> Overdue);

/// <summary>The council-wide lists the team views are cut from: unallocated children and step-downs
/// for review (computed in the background and kept for a short time).</summary>
public sealed record AuthoritySnapshot(IReadOnlyList<UnallocatedRow> Unallocated, IReadOnlyList<StepDownRow> StepDowns);

/// <summary>The scope a team page shows, the team chosen (if any) and how the page names it.</summary>
public sealed record ScopeChoice(WorkScope Scope, long? TeamId, string Name);

/// <summary>A child on someone's own list, and why it is theirs.</summary>
public sealed record MyChild(long ChildId, string Name, bool Restricted, string Why, int DraftNotes);

/// <summary>The signed-in person's own work: their children and what is due for them.</summary>
public sealed record MyWork(IReadOnlyList<MyChild> Children, IReadOnlyList<DueRow> Due);

/// <summary>Whose work a team view covers.</summary>
/// <param name="Everyone">Every team (a director without a team filter).</param>
/// <param name="Workers">The workers in scope (ignored when <paramref name="Everyone"/>).</param>
/// <param name="Teams">The teams whose lists make up the view.</param>
/// <param name="FrontDoor">Whether work with no worker (never allocated, no decider) belongs here.</param>
/// <param name="Choices">The teams the person may filter on.</param>
/// <param name="Summary">Whether to show a summary per team (several teams and no filter).</param>
public sealed record WorkScope(bool Everyone, IReadOnlySet<long> Workers, IReadOnlyList<TeamEntry> Teams, bool FrontDoor, IReadOnlyList<TeamEntry> Choices, bool Summary)
{
    public bool Includes(long? workerId) => workerId is { } w ? Everyone || Workers.Contains(w) : FrontDoor || Everyone;

    /// <summary>Whose work this is, as a cache key: the same for two people whose scopes hold the same work.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{FrontDoor}.{string.Join(',', Teams.Select(t => t.Id))}.{(Everyone ? "all" : string.Join(',', Workers.Order()))}");
}

/// <summary>The work lists: "my work" for a practitioner and the team view for managers. Whole child
/// files are read in batches (<see cref="ChildFiles"/>) and judged by <see cref="StatutoryClock"/>;
/// the expensive lists (each team's overdue items, the council's unallocated children and
/// step-downs) are kept in <see cref="IMemoryCache"/>, keyed by the app's "today", and refreshed in
/// the background while the old answer is served: when one is older than <see cref="Freshness"/> and
/// the council's record stamp has moved since it was read, or in any case once it is older than
/// <see cref="LongestKept"/>. What waits for
/// authorisation is kept while the council's record stamp has not moved, and a person's own list is
/// judged on every request from files kept in <see cref="ChildRecordCache"/> (never stale).</summary>
public sealed class WorkLists(LanternDbContext db, LanternDataOptions options, IMemoryCache cache, IServiceScopeFactory scopes, ChildAccessService access, ChildRecordCache records)
{
    /// <summary>How old a cached list may be before it is refreshed in the background.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(60);

    /// <summary>How old a cached list may be before it is refreshed even though no child's file has
    /// changed (it also depends on the council's settings and on who is in which team).</summary>
    public static readonly TimeSpan LongestKept = TimeSpan.FromMinutes(10);

    /// <summary>Step-downs are listed when the plan ended in this many months before today.</summary>
    public const int StepDownWindowMonths = 12;

    /// <summary>A new referral this many months after a step-down lists it for review.</summary>
    public const int ReReferralMonths = 6;

    /// <summary>Screening decisions awaiting sign-off are listed when made in this many days before today.</summary>
    public const int SignOffWindowDays = ChildAccessPolicy.FrontDoorDays;

    private const string ResetKey = "Lantern.Work.Reset";
    private static readonly Lock Gate = new();

    private Task<long?>? stampRead;

    public DateOnly Today => options.Today;

    /// <summary>Drops every cached work list (call after a change the lists should show at once).</summary>
    public static void Forget(IMemoryCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        CancellationTokenSource? reset;
        lock (Gate)
        {
            reset = cache.Get<CancellationTokenSource>(ResetKey);
            cache.Remove(ResetKey);
        }

        reset?.Cancel();
        reset?.Dispose();
    }

    /// <summary>The children of worker <paramref name="workerId"/> (open allocations today, early help
    /// episodes they lead, contacts they recorded still awaiting a decision) and every clock item not
    /// yet done, most urgent first.</summary>
    public async Task<MyWork> MineAsync(long workerId, CancellationToken cancellationToken)
    {
        var today = Today;
        var mine = await db.Allocations.AsNoTracking()
            .Where(a => a.WorkerId == workerId && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => new { a.ChildId, Kind = 1 })
            .Concat(db.EarlyHelp.AsNoTracking()
                .Where(e => e.LeadWorkerId == workerId && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today))
                .Select(e => new { e.ChildId, Kind = 2 }))
            .Concat(db.Contacts.AsNoTracking()
                .Where(c => c.RecordedByWorkerId == workerId && c.DecidedAt == null)
                .Select(c => new { c.ChildId, Kind = 3 }))
            .ToListAsync(cancellationToken);
        var why = mine.GroupBy(m => m.ChildId).ToDictionary(g => g.Key, g => g.Min(m => m.Kind));
        if (why.Count == 0)
        {
            return new MyWork([], []);
        }

        var ids = why.Keys.ToList();
        var drafts = await db.CaseNotes.AsNoTracking()
            .Where(n => ids.Contains(n.ChildId) && n.AuthorId == workerId && n.Status == NoteStatus.Draft)
            .GroupBy(n => n.ChildId)
            .Select(g => new { ChildId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ChildId, g => g.Count, cancellationToken);
        var (standards, _) = await ChildFiles.AuthorityAsync(db, cancellationToken);
        var files = await records.FilesAsync(db, ids, cancellationToken);
        var children = new List<MyChild>(files.Count);
        var due = new List<DueRow>();
        foreach (var (id, file) in files)
        {
            if (file.Child.DateOfDeath is { } died && died <= today)
            {
                continue;
            }

            var reason = why[id] switch
            {
                1 => "Allocated to you",
                2 => "You lead the early help",
                _ => "Contact you recorded",
            };
            children.Add(new MyChild(id, file.Child.DisplayName, file.Child.IsRestricted, reason, drafts.GetValueOrDefault(id)));
            due.AddRange(Open(file, today, standards, workerId, overdueOnly: false));
        }

        return new MyWork(
            [.. children.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.ChildId)],
            [.. Urgent(due)]);
    }

    /// <summary>The scope a team page shows for <paramref name="team"/>, the value of its "team"
    /// query (empty for everything the person may see); null when it is not a number or not a team
    /// they may choose (the page answers not found).</summary>
    public async Task<ScopeChoice?> ChooseAsync(ClaimsPrincipal user, string? team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        long? teamId = null;
        if (!string.IsNullOrEmpty(team))
        {
            if (!long.TryParse(team, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return null;
            }

            teamId = parsed;
        }

        if (await ScopeAsync(user, teamId, cancellationToken) is not { } scope)
        {
            return null;
        }

        var name = teamId is not null ? scope.Teams[0].Name
            : scope.Everyone ? "every team"
            : user.StaffRole() == StaffRole.ServiceManager ? "your service"
            : "your team and the people you manage";
        return new ScopeChoice(scope, teamId, name);
    }

    /// <summary>Worker <paramref name="workerId"/> and their team's name, when the worker is someone
    /// whose work <paramref name="user"/> sees (their team and management line, their service, or
    /// every team); null otherwise, or when there is no such worker (the page answers not found).</summary>
    public async Task<(Worker Worker, string TeamName)?> WorkerInScopeAsync(ClaimsPrincipal user, long workerId, CancellationToken cancellationToken)
    {
        if (await ScopeAsync(user, null, cancellationToken) is not { } scope || !scope.Includes(workerId))
        {
            return null;
        }

        var worker = await db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workerId, cancellationToken);
        if (worker is null)
        {
            return null;
        }

        var directory = await access.DirectoryAsync(cancellationToken);
        return (worker, directory.TeamOf(workerId)?.Name ?? "No team");
    }

    /// <summary>Whether child <paramref name="childId"/> waits in <paramref name="user"/>'s unallocated
    /// queue, as the team work page lists it: open to social care today (a referral, a plan or a care
    /// episode), no allocation open today, and last allocated to someone whose work the person sees
    /// (the front door's queue when never allocated).</summary>
    public async Task<bool> WaitsInQueueOfAsync(ClaimsPrincipal user, long childId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var today = options.Today;
        var allocations = await db.Allocations.AsNoTracking()
            .Where(a => a.ChildId == childId && a.StartDate <= today)
            .Select(a => new { a.WorkerId, a.StartDate, a.EndDate })
            .ToListAsync(cancellationToken);
        if (allocations.Any(a => a.EndDate == null || a.EndDate >= today))
        {
            return false;
        }

        var open = await db.Referrals.AsNoTracking().AnyAsync(r => r.ChildId == childId && r.ReferralDate <= today && (r.ClosureDate == null || r.ClosureDate > today), cancellationToken)
            || await db.ProtectionPlans.AsNoTracking().AnyAsync(p => p.ChildId == childId && p.StartDate <= today && (p.EndDate == null || p.EndDate > today), cancellationToken)
            || await db.ChildInNeedPlans.AsNoTracking().AnyAsync(p => p.ChildId == childId && p.StartDate <= today && (p.EndDate == null || p.EndDate > today), cancellationToken)
            || await db.CareEpisodes.AsNoTracking().AnyAsync(e => e.ChildId == childId && e.StartDate <= today && (e.EndDate == null || e.EndDate > today), cancellationToken);
        if (!open)
        {
            return false;
        }

        var last = allocations.OrderByDescending(a => a.EndDate).ThenByDescending(a => a.StartDate).FirstOrDefault();
        return await ScopeAsync(user, null, cancellationToken) is { } scope && scope.Includes(last?.WorkerId);
    }

    /// <summary>Whose work the team view of <paramref name="user"/> covers, narrowed to
    /// <paramref name="teamId"/> when given; null when that team is not one they may choose.</summary>
    public async Task<WorkScope?> ScopeAsync(ClaimsPrincipal user, long? teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return ScopeIn(await access.DirectoryAsync(cancellationToken), user, teamId);
    }

    /// <summary>Whose work the team view of <paramref name="user"/> would cover with the workers and
    /// teams of <paramref name="directory"/> (for example with a new worker added, to see whether the
    /// person would see them); null when <paramref name="teamId"/> is not a team they may choose.</summary>
    public static WorkScope? ScopeIn(WorkerDirectory directory, ClaimsPrincipal user, long? teamId)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(user);
        var role = user.StaffRole();
        var me = directory.Worker(user.Worker());
        var all = directory.Teams.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id).ToList();
        List<TeamEntry> teams;
        HashSet<long> workers;
        bool everyone = false;
        if (role == StaffRole.Director)
        {
            everyone = true;
            teams = all;
            workers = [];
        }
        else if (me is null)
        {
            teams = [];
            workers = [];
        }
        else if (role == StaffRole.ServiceManager)
        {
            var service = directory.ServiceOf(me.Id);
            teams = [.. all.Where(t => t.Service == service)];
            var ids = teams.Select(t => t.Id).ToHashSet();
            workers = [me.Id, .. directory.ManagedBy(me.Id), .. directory.Workers.Values.Where(w => ids.Contains(w.TeamId)).Select(w => w.Id)];
            ids.UnionWith(workers.Select(w => directory.Worker(w)!.TeamId));
            teams = [.. all.Where(t => ids.Contains(t.Id))];
        }
        else
        {
            // Team manager or advanced practitioner: their team and everyone below them.
            workers = [me.Id, .. directory.ManagedBy(me.Id), .. directory.MembersOf(me.TeamId)];
            var ids = workers.Select(w => directory.Worker(w)!.TeamId).ToHashSet();
            teams = [.. all.Where(t => ids.Contains(t.Id))];
        }

        var frontDoor = everyone || (me is not null && directory.TeamOf(me.Id)?.Service == TeamService.FrontDoor);
        if (teamId is { } chosen)
        {
            var team = teams.FirstOrDefault(t => t.Id == chosen);
            if (team is null)
            {
                return null;
            }

            var inTeam = directory.Workers.Values.Where(w => w.TeamId == chosen && (everyone || workers.Contains(w.Id))).Select(w => w.Id).ToHashSet();
            return new WorkScope(false, inTeam, [team], team.Service == TeamService.FrontDoor, teams, false);
        }

        return new WorkScope(everyone, workers, teams, frontDoor, teams, everyone || role == StaffRole.ServiceManager);
    }

    /// <summary>What waits for authorisation in <paramref name="scope"/>, longest waiting first: never
    /// stale, because a list is kept only while the council's record stamp
    /// (<see cref="LocalAuthority.RecordStamp"/>, moved by every write to any child's file) has not moved.</summary>
    public async Task<IReadOnlyList<AwaitingRow>> AwaitingAsync(WorkScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var stamp = await StampAsync(cancellationToken);
        if (stamp is null)
        {
            return await ReadAwaitingAsync(scope, cancellationToken);
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"Lantern.Work.Awaiting.{Today.DayNumber}.{stamp}.{scope.Key}");
        if (cache.TryGetValue(key, out IReadOnlyList<AwaitingRow>? kept) && kept is not null)
        {
            return kept;
        }

        // Read after the stamp: a list is never older than the stamp it is kept under.
        var rows = await ReadAwaitingAsync(scope, cancellationToken);
        cache.Set(key, rows, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
        return rows;
    }

    private async Task<IReadOnlyList<AwaitingRow>> ReadAwaitingAsync(WorkScope scope, CancellationToken cancellationToken)
    {
        var today = Today;
        var (_, authority) = await ChildFiles.AuthorityAsync(db, cancellationToken);
        var raw = new List<(AwaitingKind Kind, long ChildId, long? WorkerId, DateOnly Since)>();
        raw.AddRange((await db.Assessments.AsNoTracking()
            .Where(a => a.AuthorisationDate == null && a.SubmittedOn != null && a.SubmittedOn <= today)
            .Select(a => new { a.ChildId, a.SubmittedByWorkerId, Since = a.SubmittedOn!.Value })
            .ToListAsync(cancellationToken)).Select(a => (AwaitingKind.Assessment, a.ChildId, a.SubmittedByWorkerId, a.Since)));
        if (authority.ContactSignOffRequired)
        {
            var from = today.AddDays(-SignOffWindowDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var to = today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            raw.AddRange((await db.Contacts.AsNoTracking()
                .Where(c => c.DecidedAt != null && c.DecidedAt >= from && c.DecidedAt < to && c.SignedOffByWorkerId == null)
                .Select(c => new { c.ChildId, WorkerId = c.DecidedByWorkerId ?? c.RecordedByWorkerId, c.DecidedAt })
                .ToListAsync(cancellationToken)).Select(c => (AwaitingKind.ContactDecision, c.ChildId, c.WorkerId, DateOnly.FromDateTime(c.DecidedAt!.Value))));
        }

        raw.AddRange((await db.ProtectionPlans.AsNoTracking()
            .Where(p => p.StepDownProposedOn != null && p.EndDate == null && p.StepDownProposedOn <= today)
            .Select(p => new { p.ChildId, p.StepDownProposedByWorkerId, Since = p.StepDownProposedOn!.Value })
            .ToListAsync(cancellationToken)).Select(p => (AwaitingKind.StepDown, p.ChildId, p.StepDownProposedByWorkerId, p.Since)));
        if (raw.Count == 0)
        {
            return [];
        }

        // Who the work belongs to when the record does not say: the worker allocated today.
        var unowned = raw.Where(r => r.WorkerId is null).Select(r => r.ChildId).Distinct().ToList();
        var allocated = unowned.Count == 0 ? [] : await AllocatedTodayAsync(db, unowned, today, cancellationToken);
        var rows = raw
            .Select(r => (r.Kind, r.ChildId, WorkerId: r.WorkerId ?? allocated.GetValueOrDefault(r.ChildId), r.Since))
            .Where(r => scope.Includes(r.WorkerId))
            .ToList();
        var names = await NamesAsync(db, rows.Select(r => r.ChildId).Distinct().ToList(), cancellationToken);
        return
        [
            .. rows.Where(r => names.ContainsKey(r.ChildId))
                .Select(r => new AwaitingRow(r.Kind, r.ChildId, names[r.ChildId].Name, names[r.ChildId].Restricted, r.WorkerId, r.Since, WorkingDaysSince(r.Since, today)))
                .OrderBy(r => r.Since).ThenBy(r => r.Kind).ThenBy(r => r.ChildName, StringComparer.Ordinal).ThenBy(r => r.ChildId),
        ];
    }

    /// <summary>Each team's overdue items and allocated children (cached). Takes the directory the
    /// page already has: the page may ask for these lists and the council's at the same time, and the
    /// only read of this request's database context they make is the record stamp's, shared.</summary>
    public async Task<IReadOnlyList<TeamSnapshot>> TeamsAsync(IEnumerable<TeamEntry> teams, WorkerDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(directory);
        var stamp = await StampAsync(cancellationToken);
        var today = Today;
        var tasks = teams.Select(team =>
        {
            var members = directory.MembersOf(team.Id);

            // Who is in the team is part of the key: a move between teams is seen at once.
            return Cached(
                string.Create(CultureInfo.InvariantCulture, $"Lantern.Work.Team.{team.Id}.{today.DayNumber}.{directory.MembersKey(team.Id)}"),
                stamp,
                (d, ct) => ComputeTeamAsync(d, records, team.Id, members, today, ct));
        }).ToList();
        return await Task.WhenAll(tasks).WaitAsync(cancellationToken);
    }

    /// <summary>The council's unallocated children and step-downs for review (cached).</summary>
    public async Task<AuthoritySnapshot> AuthorityAsync(CancellationToken cancellationToken)
    {
        var stamp = await StampAsync(cancellationToken);
        var today = Today;
        return await Cached(
            string.Create(CultureInfo.InvariantCulture, $"Lantern.Work.Authority.{today.DayNumber}"),
            stamp,
            (d, ct) => ComputeAuthorityAsync(d, today, ct)).WaitAsync(cancellationToken);
    }

    /// <summary>Another list drawn from many children's files, kept the same way as the team lists:
    /// computed once in the background under <paramref name="name"/> (which must say whose list it
    /// is) for the app's "today", and rebuilt when the record stamp has moved and it is over
    /// <see cref="Freshness"/> old, or after <see cref="LongestKept"/>.</summary>
    public async Task<T> KeptAsync<T>(string name, Func<LanternDbContext, CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(compute);
        var stamp = await StampAsync(cancellationToken);
        return await Cached(string.Create(CultureInfo.InvariantCulture, $"Lantern.Work.{name}.{Today.DayNumber}"), stamp, compute).WaitAsync(cancellationToken);
    }

    /// <summary>The council's record stamp (<see cref="LocalAuthority.RecordStamp"/>), read once per
    /// request: null when there is no council.</summary>
    private Task<long?> StampAsync(CancellationToken cancellationToken) =>
        stampRead ??= db.Authorities.AsNoTracking().OrderBy(a => a.Id).Select(a => (long?)a.RecordStamp).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Most urgent first: the longest overdue, then due today, then the soonest.</summary>
    public static IEnumerable<DueRow> Urgent(IEnumerable<DueRow> rows) =>
        rows.OrderBy(r => r.DueOn).ThenBy(r => r.ChildName, StringComparer.Ordinal).ThenBy(r => r.ChildId).ThenBy(r => r.Rule, StringComparer.Ordinal);

    /// <summary>Working days from <paramref name="since"/> to <paramref name="today"/> (0 outside the calendar).</summary>
    public static int WorkingDaysSince(DateOnly since, DateOnly today)
    {
        if (since < EnglandBankHolidays.FirstDate || since > EnglandBankHolidays.LastDate || today < EnglandBankHolidays.FirstDate || today > EnglandBankHolidays.LastDate)
        {
            return 0;
        }

        return Math.Max(0, WorkingDays.WorkingDaysBetween(since, today));
    }

    private static IEnumerable<DueRow> Open(ChildFile file, DateOnly today, LocalStandards standards, long? workerId, bool overdueOnly)
    {
        foreach (var item in StatutoryClock.Evaluate(file, today, standards))
        {
            var keep = overdueOnly
                ? item.Status == ClockStatus.Overdue
                : item.Status is ClockStatus.Overdue or ClockStatus.DueToday or ClockStatus.Upcoming;
            if (keep)
            {
                yield return new DueRow(
                    file.Child.Id,
                    file.Child.DisplayName,
                    file.Child.IsRestricted,
                    workerId,
                    item.Rule,
                    item.Title,
                    item.DueOn,
                    item.Status,
                    item.Status == ClockStatus.Overdue ? WorkingDaysSince(item.DueOn, today) : 0);
            }
        }
    }

    /// <summary>A kept file's overdue items (without a worker), judged on a day with some standards.</summary>
    private sealed record Judged(DateOnly Today, LocalStandards Standards, DueRow[] Rows);

    /// <summary>Each kept file's overdue items, dropped with the file: files are read-only and a
    /// changed file is a new instance, so a judgement is never of an older file.</summary>
    private static readonly ConditionalWeakTable<ChildFile, Judged> OverdueJudged = [];

    private static async Task<TeamSnapshot> ComputeTeamAsync(LanternDbContext db, ChildRecordCache records, long teamId, IReadOnlyList<long> members, DateOnly today, CancellationToken cancellationToken)
    {
        if (members.Count == 0)
        {
            return new TeamSnapshot(teamId, 0, []);
        }

        var ids = members.ToArray();
        var allocations = await db.Allocations.AsNoTracking()
            .Where(a => ids.Contains(a.WorkerId) && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => new { a.ChildId, a.WorkerId, a.StartDate, a.Id })
            .ToListAsync(cancellationToken);
        var workerOf = allocations
            .GroupBy(a => a.ChildId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id).First().WorkerId);
        if (workerOf.Count == 0)
        {
            return new TeamSnapshot(teamId, 0, []);
        }

        var (standards, _) = await ChildFiles.AuthorityAsync(db, cancellationToken);
        // The kept files (checked against each file's version): a refresh reads again only the
        // files that changed since the last one.
        var files = await records.FilesAsync(db, workerOf.Keys, cancellationToken);
        var overdue = new List<DueRow>();
        foreach (var (id, file) in files)
        {
            // A kept file that has not changed is judged again only on a new day or new standards.
            if (!OverdueJudged.TryGetValue(file, out var judged) || judged.Today != today || !judged.Standards.Equals(standards))
            {
                judged = new Judged(today, standards, [.. Open(file, today, standards, null, overdueOnly: true)]);
                OverdueJudged.AddOrUpdate(file, judged);
            }

            var worker = workerOf[id];
            overdue.AddRange(judged.Rows.Select(r => r with { WorkerId = worker }));
        }

        return new TeamSnapshot(teamId, workerOf.Count, [.. Urgent(overdue)]);
    }

    private static async Task<AuthoritySnapshot> ComputeAuthorityAsync(LanternDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var (_, authority) = await ChildFiles.AuthorityAsync(db, cancellationToken);

        // Open social care involvement: a referral, a plan or a care episode open today.
        var openSince = new Dictionary<long, (DateOnly Since, bool Referral)>();
        void MarkOpen(long childId, DateOnly start, bool referral)
        {
            if (!openSince.TryGetValue(childId, out var known)
                || (referral && !known.Referral)
                || (referral == known.Referral && start < known.Since))
            {
                openSince[childId] = (start, referral);
            }
        }

        // Only children with no allocation open today are read: the database leaves out the many
        // that are allocated.
        var allocatedToday = db.Allocations.AsNoTracking().Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today));
        foreach (var r in await db.Referrals.AsNoTracking()
            .Where(r => r.ReferralDate <= today && (r.ClosureDate == null || r.ClosureDate > today))
            .Where(r => !allocatedToday.Any(a => a.ChildId == r.ChildId))
            .Select(r => new { r.ChildId, r.ReferralDate }).ToListAsync(cancellationToken))
        {
            MarkOpen(r.ChildId, r.ReferralDate, true);
        }

        var risk = new Dictionary<long, WaitingRisk>();
        void Raise(long childId, WaitingRisk level)
        {
            if (risk.GetValueOrDefault(childId, WaitingRisk.Standard) < level)
            {
                risk[childId] = level;
            }
        }

        foreach (var p in await db.ProtectionPlans.AsNoTracking()
            .Where(p => p.StartDate <= today && (p.EndDate == null || p.EndDate > today))
            .Select(p => new { p.ChildId, p.StartDate, Risk = (int)WaitingRisk.High })
            .Concat(db.ChildInNeedPlans.AsNoTracking()
                .Where(p => p.StartDate <= today && (p.EndDate == null || p.EndDate > today))
                .Select(p => new { p.ChildId, p.StartDate, Risk = (int)WaitingRisk.Medium }))
            .Concat(db.CareEpisodes.AsNoTracking()
                .Where(e => e.StartDate <= today && (e.EndDate == null || e.EndDate > today))
                .Select(e => new { e.ChildId, e.StartDate, Risk = (int)WaitingRisk.High }))
            .Where(p => !allocatedToday.Any(a => a.ChildId == p.ChildId))
            .ToListAsync(cancellationToken))
        {
            MarkOpen(p.ChildId, p.StartDate, false);
            Raise(p.ChildId, (WaitingRisk)p.Risk);
        }

        foreach (var childId in await db.Section47s.AsNoTracking()
            .Where(e => e.StartDate <= today && (e.EndDate == null || e.EndDate > today))
            .Where(e => !allocatedToday.Any(a => a.ChildId == e.ChildId))
            .Select(e => e.ChildId)
            .ToListAsync(cancellationToken))
        {
            Raise(childId, WaitingRisk.High);
        }

        var allocations = await AllocationsAsync(db, openSince.Keys.ToList(), today, cancellationToken);
        var waiting = new List<(long ChildId, long? LastWorkerId, DateOnly Since, bool Ended)>();
        foreach (var (childId, open) in openSince)
        {
            var theirs = allocations.GetValueOrDefault(childId);
            if (theirs is not null && theirs.Any(a => a.EndDate is null || a.EndDate >= today))
            {
                continue;
            }

            var last = theirs?.OrderByDescending(a => a.EndDate).ThenByDescending(a => a.StartDate).FirstOrDefault();
            var ended = last?.EndDate is { } end && end >= open.Since;
            waiting.Add((childId, last?.WorkerId, ended ? last!.EndDate!.Value : open.Since, ended));
        }

        // Step-downs: plans stepped down to child in need that ended soon after they began, or
        // were followed by a new referral within six months.
        var windowStart = today.AddMonths(-StepDownWindowMonths);
        var plans = await db.ProtectionPlans.AsNoTracking()
            .Where(p => p.EndReason == PlanEndReason.SteppedDownToChildInNeed && p.EndDate != null && p.EndDate <= today && p.EndDate > windowStart)
            .Select(p => new { p.ChildId, p.StartDate, EndDate = p.EndDate!.Value })
            .ToListAsync(cancellationToken);
        var planChildren = plans.Select(p => p.ChildId).Distinct().ToList();
        var referrals = new List<(long ChildId, DateOnly Date)>();
        foreach (var chunk in planChildren.Chunk(ChildFiles.ChunkSize))
        {
            var ids = chunk.ToList();
            referrals.AddRange((await db.Referrals.AsNoTracking()
                .Where(r => ids.Contains(r.ChildId) && r.ReferralDate > windowStart && r.ReferralDate <= today)
                .Select(r => new { r.ChildId, r.ReferralDate })
                .ToListAsync(cancellationToken)).Select(r => (r.ChildId, r.ReferralDate)));
        }

        var planAllocations = await AllocationsAsync(db, planChildren, today, cancellationToken);
        var stepDowns = new List<(long ChildId, long? WorkerId, DateOnly Start, DateOnly End, string Why)>();
        var months = authority.StepDownReviewMonths > 0 ? authority.StepDownReviewMonths : 3;
        foreach (var p in plans)
        {
            var reasons = new List<string>();
            if (p.EndDate <= p.StartDate.AddMonths(months))
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"Plan ended after {Display.Duration(p.StartDate, p.EndDate)}, within {months} months of starting"));
            }

            var again = referrals.Where(r => r.ChildId == p.ChildId && r.Date > p.EndDate && r.Date <= p.EndDate.AddMonths(ReReferralMonths)).OrderBy(r => r.Date).FirstOrDefault();
            if (again.ChildId != 0)
            {
                reasons.Add($"New referral on {Display.Date(again.Date)}, {Display.Duration(p.EndDate, again.Date)} after the plan ended");
            }

            if (reasons.Count > 0)
            {
                var theirs = planAllocations.GetValueOrDefault(p.ChildId);
                var worker = theirs?.Where(a => a.EndDate is null || a.EndDate >= today).OrderByDescending(a => a.StartDate).FirstOrDefault()
                    ?? theirs?.OrderByDescending(a => a.EndDate).ThenByDescending(a => a.StartDate).FirstOrDefault();
                stepDowns.Add((p.ChildId, worker?.WorkerId, p.StartDate, p.EndDate, string.Join(". ", reasons)));
            }
        }

        var names = await NamesAsync(db, [.. waiting.Select(w => w.ChildId).Concat(stepDowns.Select(s => s.ChildId)).Distinct()], cancellationToken);
        var alive = await LivingAsync(db, names.Keys.ToList(), today, cancellationToken);
        return new AuthoritySnapshot(
            [
                .. waiting.Where(w => alive.Contains(w.ChildId))
                    .Select(w => new UnallocatedRow(w.ChildId, names[w.ChildId].Name, names[w.ChildId].Restricted, w.LastWorkerId, w.Since, w.Ended, Math.Max(0, today.DayNumber - w.Since.DayNumber), risk.GetValueOrDefault(w.ChildId, WaitingRisk.Standard)))
                    .OrderByDescending(w => w.Risk).ThenBy(w => w.Since).ThenBy(w => w.ChildName, StringComparer.Ordinal).ThenBy(w => w.ChildId),
            ],
            [
                .. stepDowns.Where(s => names.ContainsKey(s.ChildId))
                    .Select(s => new StepDownRow(s.ChildId, names[s.ChildId].Name, names[s.ChildId].Restricted, s.WorkerId, s.Start, s.End, s.Why))
                    .OrderByDescending(s => s.PlanEnded).ThenBy(s => s.ChildName, StringComparer.Ordinal).ThenBy(s => s.ChildId),
            ]);
    }

    private sealed record AllocationFact(long WorkerId, DateOnly StartDate, DateOnly? EndDate);

    /// <summary>Every allocation (started by today) of the given children.</summary>
    private static async Task<Dictionary<long, List<AllocationFact>>> AllocationsAsync(LanternDbContext db, List<long> childIds, DateOnly today, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, List<AllocationFact>>();
        foreach (var chunk in childIds.Chunk(ChildFiles.ChunkSize))
        {
            var ids = chunk.ToList();
            foreach (var a in await db.Allocations.AsNoTracking()
                .Where(a => ids.Contains(a.ChildId) && a.StartDate <= today)
                .Select(a => new { a.ChildId, a.WorkerId, a.StartDate, a.EndDate })
                .ToListAsync(cancellationToken))
            {
                if (!result.TryGetValue(a.ChildId, out var list))
                {
                    result[a.ChildId] = list = [];
                }

                list.Add(new AllocationFact(a.WorkerId, a.StartDate, a.EndDate));
            }
        }

        return result;
    }

    private static async Task<Dictionary<long, long?>> AllocatedTodayAsync(LanternDbContext db, List<long> childIds, DateOnly today, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, long?>();
        foreach (var (childId, list) in await AllocationsAsync(db, childIds, today, cancellationToken))
        {
            var open = list.Where(a => a.EndDate is null || a.EndDate >= today).OrderByDescending(a => a.StartDate).FirstOrDefault();
            if (open is not null)
            {
                result[childId] = open.WorkerId;
            }
        }

        return result;
    }

    /// <summary>Each child's name and whether the record is restricted, read in chunks.</summary>
    internal static async Task<Dictionary<long, (string Name, bool Restricted)>> NamesAsync(LanternDbContext db, List<long> childIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, (string, bool)>(childIds.Count);
        foreach (var chunk in childIds.Chunk(ChildFiles.ChunkSize))
        {
            var ids = chunk.ToList();
            foreach (var c in await db.Children.AsNoTracking()
                .Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.GivenName, c.FamilyName, c.IsRestricted })
                .ToListAsync(cancellationToken))
            {
                result[c.Id] = (c.GivenName + " " + c.FamilyName, c.IsRestricted);
            }
        }

        return result;
    }

    private static async Task<HashSet<long>> LivingAsync(LanternDbContext db, List<long> childIds, DateOnly today, CancellationToken cancellationToken)
    {
        var result = new HashSet<long>();
        foreach (var chunk in childIds.Chunk(ChildFiles.ChunkSize))
        {
            var ids = chunk.ToList();
            result.UnionWith(await db.Children.AsNoTracking()
                .Where(c => ids.Contains(c.Id) && (c.DateOfDeath == null || c.DateOfDeath > today))
                .Select(c => c.Id)
                .ToListAsync(cancellationToken));
        }

        return result;
    }

    /// <summary>A cached answer: computed once in a scope of its own (so it can outlive the request
    /// that asked), then served until it is older than <see cref="Freshness"/> and
    /// <paramref name="stamp"/> (the record stamp read before computing) has moved, or older than
    /// <see cref="LongestKept"/>; an older answer is still served while one refresh runs in the
    /// background. A failed computation is not kept.</summary>
    private Task<T> Cached<T>(string key, long? stamp, Func<LanternDbContext, CancellationToken, Task<T>> compute)
    {
        Slot<T> slot;
        lock (Gate)
        {
            if (!cache.TryGetValue(key, out Slot<T>? found) || found is null || found.Task.IsFaulted || found.Task.IsCanceled)
            {
                found = new Slot<T>(Run(key, compute), stamp);
                var reset = cache.GetOrCreate(ResetKey, e =>
                {
                    e.Priority = CacheItemPriority.NeverRemove;
                    return new CancellationTokenSource();
                })!;
                var entry = new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) };
                entry.AddExpirationToken(new CancellationChangeToken(reset.Token));
                cache.Set(key, found, entry);
            }

            slot = found;
        }

        var due = slot.Age > LongestKept || (slot.Age > Freshness && (stamp is null || stamp != slot.Stamp));
        if (slot.Task.IsCompletedSuccessfully && due && Interlocked.Exchange(ref slot.Refreshing, 1) == 0)
        {
            var next = Run(key, compute);
            _ = next.ContinueWith(
                t =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        slot.Replace(t, stamp);
                    }
                    else
                    {
                        _ = t.Exception; // keep the old answer; the next request tries again
                    }

                    Volatile.Write(ref slot.Refreshing, 0);
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
        }

        return slot.Task;
    }

    /// <summary>Computes in a scope of its own and logs how long it took (the key names a team or
    /// the council, never a child).</summary>
    private Task<T> Run<T>(string key, Func<LanternDbContext, CancellationToken, Task<T>> compute) =>
        Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var started = Stopwatch.GetTimestamp();
            var result = await compute(context, CancellationToken.None);
            scope.ServiceProvider.GetRequiredService<ILogger<WorkLists>>()
                .LogInformation("Work list {List} computed in {Milliseconds} ms", string.Join(' ', key.Split('.')[2..4]), (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        });

    private sealed class Slot<T>(Task<T> task, long? recordStamp)
    {
        private sealed record State(Task<T> Task, long? RecordStamp, long Ticks);

        private State state = new(task, recordStamp, Environment.TickCount64);

        public int Refreshing;

        public Task<T> Task => Volatile.Read(ref state).Task;

        /// <summary>The record stamp read before the answer was computed.</summary>
        public long? Stamp => Volatile.Read(ref state).RecordStamp;

        public TimeSpan Age => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref state).Ticks);

        public void Replace(Task<T> completed, long? recordStamp) =>
            Volatile.Write(ref state, new State(completed, recordStamp, Environment.TickCount64));
    }
}
