using System.Collections.Concurrent;
using System.Collections.Frozen;
using Lantern.Domain.Model;

namespace Lantern.Web.Access;

/// <summary>A worker as the access decisions need them.</summary>
public sealed record WorkerEntry(long Id, string Name, WorkerRole Role, long TeamId, long? ManagerId);

/// <summary>A team as the access decisions need it.</summary>
public sealed record TeamEntry(long Id, string Name, TeamService Service);

/// <summary>The workers and teams, with the management line (who is below whom, following
/// <see cref="Worker.ManagerId"/>), read from the database once and kept for a minute
/// (<see cref="ChildAccessService"/>). Immutable apart from a cache of computed management lines.</summary>
public sealed class WorkerDirectory
{
    private readonly FrozenDictionary<long, long[]> reports;
    private readonly FrozenDictionary<long, (long[] Ids, string Key)> members;
    private readonly ConcurrentDictionary<long, IReadOnlySet<long>> managed = new();
    private readonly ConcurrentDictionary<long, TeamService?> services = new();

    public WorkerDirectory(IEnumerable<WorkerEntry> workers, IEnumerable<TeamEntry> teams)
    {
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(teams);
        Workers = workers.ToFrozenDictionary(w => w.Id);
        Teams = teams.ToFrozenDictionary(t => t.Id);
        reports = Workers.Values
            .Where(w => w.ManagerId is not null)
            .GroupBy(w => w.ManagerId!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.Select(w => w.Id).ToArray());
        members = Workers.Values
            .GroupBy(w => w.TeamId)
            .ToFrozenDictionary(g => g.Key, g =>
            {
                var ids = g.Select(w => w.Id).Order().ToArray();
                return (ids, string.Join(',', ids));
            });
    }

    /// <summary>The workers in team <paramref name="teamId"/>, in id order.</summary>
    public IReadOnlyList<long> MembersOf(long teamId) => members.TryGetValue(teamId, out var m) ? m.Ids : [];

    /// <summary>Who is in team <paramref name="teamId"/>, as a key (the member ids joined).</summary>
    public string MembersKey(long teamId) => members.TryGetValue(teamId, out var m) ? m.Key : "";

    public FrozenDictionary<long, WorkerEntry> Workers { get; }

    public FrozenDictionary<long, TeamEntry> Teams { get; }

    public WorkerEntry? Worker(long? id) => id is { } i && Workers.TryGetValue(i, out var w) ? w : null;

    public TeamEntry? TeamOf(long workerId) => Worker(workerId) is { } w && Teams.TryGetValue(w.TeamId, out var t) ? t : null;

    /// <summary>Everyone below <paramref name="workerId"/> in the management line, at any depth
    /// (not the worker themselves). Safe against a loop in the data.</summary>
    public IReadOnlySet<long> ManagedBy(long workerId) => managed.GetOrAdd(workerId, id =>
    {
        var below = new HashSet<long>();
        var queue = new Queue<long>();
        queue.Enqueue(id);
        while (queue.TryDequeue(out var next))
        {
            if (!reports.TryGetValue(next, out var direct))
            {
                continue;
            }

            foreach (var report in direct)
            {
                if (report != id && below.Add(report))
                {
                    queue.Enqueue(report);
                }
            }
        }

        return below.ToFrozenSet();
    });

    /// <summary>The service a worker works in: their team's service or, for someone in the
    /// leadership team (service managers sit there), the service of most of the people they manage.</summary>
    public TeamService? ServiceOf(long workerId) => services.GetOrAdd(workerId, id =>
    {
        if (TeamOf(id) is not { } team)
        {
            return null;
        }

        if (team.Service != TeamService.Leadership)
        {
            return team.Service;
        }

        var managedService = ManagedBy(id)
            .Select(TeamOf)
            .Where(t => t is not null && t.Service != TeamService.Leadership)
            .GroupBy(t => t!.Service)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => (TeamService?)g.Key)
            .FirstOrDefault();
        return managedService ?? team.Service;
    });

    /// <summary>The nearest team manager above <paramref name="workerId"/> (or their direct manager
    /// when there is no team manager above them).</summary>
    public WorkerEntry? ManagerOf(long workerId)
    {
        var direct = Worker(Worker(workerId)?.ManagerId);
        var seen = new HashSet<long> { workerId };
        for (var m = direct; m is not null && seen.Add(m.Id); m = Worker(m.ManagerId))
        {
            if (m.Role == WorkerRole.TeamManager)
            {
                return m;
            }
        }

        return direct;
    }
}
