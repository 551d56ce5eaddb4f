using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Lantern.Web.Pages.Work;

/// <summary>One team's counts on the summary of a director's or service manager's team view.</summary>
public sealed record TeamSummary(long? TeamId, string Name, int Children, int Awaiting, int Overdue, int Unallocated, int StepDowns);

/// <summary>"Team work" for managers: what waits for authorisation, every overdue statutory-clock
/// item, children with nobody allocated and step-downs for review, across the person's team and
/// management line (team managers, advanced practitioners), service (service managers) or every team
/// (directors, who see a summary per team and choose a team for the detail).</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class TeamWorkModel(LanternDbContext db, LanternDataOptions options, IMemoryCache cache, IServiceScopeFactory scopes, ChildAccessService access, ChildRecordCache records, AuditWriter audit) : PageModel
{
    /// <summary>The most rows a section shows; choosing a team narrows a longer list.</summary>
    public const int MaxRows = 200;

    public DateOnly Today => options.Today;

    public WorkScope Scope { get; private set; } = null!;

    /// <summary>The team chosen with the filter, if any.</summary>
    public long? TeamId { get; private set; }

    public string ScopeName { get; private set; } = "";

    public IReadOnlyList<AwaitingRow> Awaiting { get; private set; } = [];

    public IReadOnlyList<DueRow> Overdue { get; private set; } = [];

    public IReadOnlyList<UnallocatedRow> Unallocated { get; private set; } = [];

    public IReadOnlyList<StepDownRow> StepDowns { get; private set; } = [];

    public IReadOnlyList<TeamSummary> Summary { get; private set; } = [];

    public int AllocatedChildren { get; private set; }

    public WorkerDirectory Directory { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? team, CancellationToken cancellationToken)
    {
        var lists = new WorkLists(db, options, cache, scopes, access, records);
        if (await lists.ChooseAsync(User, team, cancellationToken) is not { } choice)
        {
            return NotFound();
        }

        var (scope, teamId, scopeName) = choice;
        Scope = scope;
        TeamId = teamId;
        ScopeName = scopeName;
        Directory = await access.DirectoryAsync(cancellationToken);

        var teamsTask = lists.TeamsAsync(scope.Teams, Directory, cancellationToken);
        var authorityTask = lists.AuthorityAsync(cancellationToken);
        Awaiting = await lists.AwaitingAsync(scope, cancellationToken);
        var teams = await teamsTask;
        var authority = await authorityTask;

        // The scope's cut of the kept lists is itself kept while those lists are the same ones
        // (they are replaced, never changed, when refreshed): a director's view merges and sorts
        // every team's overdue items, which is worth doing once a minute rather than every request.
        var key = string.Create(CultureInfo.InvariantCulture, $"Lantern.Work.Cut.{Today.DayNumber}.{scope.Key}");
        if (!cache.TryGetValue(key, out ScopeCut? cut) || cut is null || !cut.IsOf(teams, authority))
        {
            cut = ScopeCut.Of(
                teams,
                authority,
                [.. WorkLists.Urgent(teams.SelectMany(t => t.Overdue).Where(r => scope.Includes(r.WorkerId)))],
                [.. authority.Unallocated.Where(u => scope.Includes(u.LastWorkerId))],
                [.. authority.StepDowns.Where(s => scope.Includes(s.WorkerId))],
                Directory);
            cache.Set(key, cut, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
        }

        Overdue = cut.Overdue;
        Unallocated = cut.Unallocated;
        StepDowns = cut.StepDowns;
        AllocatedChildren = teams.Sum(t => t.Children);

        var restricted = Awaiting.Where(r => r.Restricted).Select(r => r.ChildId)
            .Concat(cut.Restricted)
            .Distinct()
            .Select(id => KeyValuePair.Create(id, true))
            .ToList();
        var hidden = restricted.Count > 0 ? await access.HiddenAsync(User, restricted, cancellationToken) : new HashSet<long>();
        var hiddenFromCut = hidden.Count > 0 && cut.Restricted.Any(hidden.Contains);
        if (hidden.Count > 0)
        {
            Awaiting = [.. Awaiting.Where(r => !hidden.Contains(r.ChildId))];
        }

        if (hiddenFromCut)
        {
            Overdue = [.. Overdue.Where(r => !hidden.Contains(r.ChildId))];
            Unallocated = [.. Unallocated.Where(r => !hidden.Contains(r.ChildId))];
            StepDowns = [.. StepDowns.Where(r => !hidden.Contains(r.ChildId))];
        }

        if (scope.Summary)
        {
            // The cut's counts per team are kept with it; they are counted again only when this
            // person may not see a child in them.
            Summary = Summarise(teams, hiddenFromCut ? Counts.Of(Overdue, Unallocated, StepDowns, Directory) : cut.Counts);
        }

        await audit.WriteAsync(
            AuditAction.Search,
            true,
            detail: string.Create(CultureInfo.InvariantCulture, $"team work ({(teamId is { } t ? "team " + t.ToString(CultureInfo.InvariantCulture) : "all in scope")}): {Awaiting.Count} awaiting, {Overdue.Count} overdue, {Unallocated.Count} unallocated, {StepDowns.Count} step-downs"),
            cancellationToken: cancellationToken);
        return Page();
    }

    public string? WorkerName(long? workerId) => Directory.Worker(workerId)?.Name;

    /// <summary>The lists of one scope, cut from particular kept team and council lists, with the
    /// restricted children in them and their counts per team.</summary>
    private sealed record ScopeCut(IReadOnlyList<TeamSnapshot> Teams, AuthoritySnapshot Authority, IReadOnlyList<DueRow> Overdue, IReadOnlyList<UnallocatedRow> Unallocated, IReadOnlyList<StepDownRow> StepDowns, IReadOnlyList<long> Restricted, Counts Counts)
    {
        public static ScopeCut Of(IReadOnlyList<TeamSnapshot> teams, AuthoritySnapshot authority, IReadOnlyList<DueRow> overdue, IReadOnlyList<UnallocatedRow> unallocated, IReadOnlyList<StepDownRow> stepDowns, WorkerDirectory directory) =>
            new(
                teams,
                authority,
                overdue,
                unallocated,
                stepDowns,
                [.. overdue.Where(r => r.Restricted).Select(r => r.ChildId)
                    .Concat(unallocated.Where(r => r.Restricted).Select(r => r.ChildId))
                    .Concat(stepDowns.Where(r => r.Restricted).Select(r => r.ChildId))
                    .Distinct()],
                Counts.Of(overdue, unallocated, stepDowns, directory));

        public bool IsOf(IReadOnlyList<TeamSnapshot> teams, AuthoritySnapshot authority) =>
            ReferenceEquals(Authority, authority) && Teams.Count == teams.Count && Teams.Zip(teams).All(p => ReferenceEquals(p.First, p.Second));
    }

    /// <summary>Overdue items, unallocated children and step-downs per team (0 for no worker).</summary>
    private sealed record Counts(Dictionary<long, int> Overdue, Dictionary<long, int> Unallocated, Dictionary<long, int> StepDowns)
    {
        public static Counts Of(IReadOnlyList<DueRow> overdue, IReadOnlyList<UnallocatedRow> unallocated, IReadOnlyList<StepDownRow> stepDowns, WorkerDirectory directory) =>
            new(
                PerTeam(overdue.Select(r => r.WorkerId), directory),
                PerTeam(unallocated.Select(r => r.LastWorkerId), directory),
                PerTeam(stepDowns.Select(r => r.WorkerId), directory));

        public static Dictionary<long, int> PerTeam(IEnumerable<long?> workers, WorkerDirectory directory) =>
            workers.GroupBy(w => w is { } id ? directory.TeamOf(id)?.Id : null).ToDictionary(g => g.Key ?? 0, g => g.Count());
    }

    private List<TeamSummary> Summarise(IReadOnlyList<TeamSnapshot> teams, Counts counts)
    {
        var awaiting = Counts.PerTeam(Awaiting.Select(r => r.WorkerId), Directory);
        var (overdue, unallocated, stepDowns) = (counts.Overdue, counts.Unallocated, counts.StepDowns);
        var children = teams.ToDictionary(t => t.TeamId, t => t.Children);
        var rows = Scope.Teams
            .Select(t => new TeamSummary(t.Id, t.Name, children.GetValueOrDefault(t.Id), awaiting.GetValueOrDefault(t.Id), overdue.GetValueOrDefault(t.Id), unallocated.GetValueOrDefault(t.Id), stepDowns.GetValueOrDefault(t.Id)))
            .Where(s => s.Children + s.Awaiting + s.Overdue + s.Unallocated + s.StepDowns > 0)
            .ToList();
        var nobody = new TeamSummary(null, "No worker (never allocated, or not recorded)", 0, awaiting.GetValueOrDefault(0), overdue.GetValueOrDefault(0), unallocated.GetValueOrDefault(0), stepDowns.GetValueOrDefault(0));
        if (nobody.Awaiting + nobody.Overdue + nobody.Unallocated + nobody.StepDowns > 0)
        {
            rows.Add(nobody);
        }

        return rows;
    }
}
