using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lantern.Web.Pages.Workforce;

/// <summary>One case-holding worker's caseload today, as the page shows it.</summary>
public sealed record CaseloadRow(long WorkerId, string Name, string Team, bool Agency, decimal Fte, Caseload Load);

/// <summary>The team filter of a workforce page: the scope's choices, the team chosen, the page.</summary>
public sealed record TeamFilter(WorkScope Scope, long? TeamId, string Action);

/// <summary>How many workers hold a number of children in a band.</summary>
public sealed record CaseloadBand(string Label, int Workers);

/// <summary>Caseloads of the case-holding workers in the person's scope (their team and the people
/// they manage, their service, or every team for a director): children allocated today, the
/// weighted caseload (each child counted as its heaviest kind of case), the worker's threshold (a
/// protected one during the assessed and supported year, scaled by FTE), and the distribution.
/// Children's files are the kept ones (<see cref="ChildRecordCache"/>), so the figures are never
/// older than the record when the list is worked out; the list is kept like the team lists
/// (<see cref="WorkLists.KeptAsync"/>), rebuilt about a minute after the record changes.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class CaseloadsModel(LanternDbContext db, LanternDataOptions options, IMemoryCache cache, IServiceScopeFactory scopes, ChildAccessService access, ChildRecordCache records, AuditWriter audit) : PageModel
{
    /// <summary>The bands of the distribution (children held), the last open-ended.</summary>
    public static IReadOnlyList<(int From, int To, string Label)> Bands { get; } =
    [
        (0, 10, "0 to 10 children"),
        (11, 15, "11 to 15 children"),
        (16, 20, "16 to 20 children"),
        (21, 25, "21 to 25 children"),
        (26, 30, "26 to 30 children"),
        (31, 39, "31 to 39 children"),
        (40, int.MaxValue, "40 or more children"),
    ];

    public DateOnly Today => options.Today;

    public CaseloadWeights Weights { get; private set; } = CaseloadWeights.Default;

    public WorkScope Scope { get; private set; } = null!;

    public long? TeamId { get; private set; }

    public string ScopeName { get; private set; } = "";

    public IReadOnlyList<CaseloadRow> Rows { get; private set; } = [];

    public IReadOnlyList<CaseloadBand> Distribution { get; private set; } = [];

    /// <summary>Children held per FTE of the workers listed (null when none).</summary>
    public decimal? AverageCaseload { get; private set; }

    public int OverThreshold => Rows.Count(r => r.Load.OverThreshold);

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
        var directory = await access.DirectoryAsync(cancellationToken);

        var today = Today;
        var weights = Weights = (await WorkforceLists.StandardsAsync(db, cancellationToken)).Weights;
        Rows = await RowsAsync(lists, records, scope, directory, today, weights, cancellationToken);
        Distribution = [.. Bands.Select(b => new CaseloadBand(b.Label, Rows.Count(r => r.Load.Children >= b.From && r.Load.Children <= b.To)))];
        var fte = Rows.Sum(r => r.Fte);
        AverageCaseload = fte == 0 ? null : Math.Round(Rows.Sum(r => r.Load.Children) / fte, 1, MidpointRounding.AwayFromZero);

        await audit.WriteAsync(
            AuditAction.Search,
            true,
            detail: string.Create(CultureInfo.InvariantCulture, $"caseloads ({(teamId is { } t ? "team " + t.ToString(CultureInfo.InvariantCulture) : "all in scope")}): {Rows.Count} workers, {OverThreshold} over threshold"),
            cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>Each case-holding worker's caseload in <paramref name="scope"/>, heaviest first, kept
    /// like the team lists (<see cref="WorkLists.KeptAsync"/>) per scope and weights.</summary>
    public static Task<IReadOnlyList<CaseloadRow>> RowsAsync(WorkLists lists, ChildRecordCache records, WorkScope scope, WorkerDirectory directory, DateOnly today, CaseloadWeights weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(weights);
        return lists.KeptAsync(
            "Caseloads." + scope.Key + "." + weights.GetHashCode().ToString(CultureInfo.InvariantCulture),
            (context, ct) => ComputeAsync(context, records, scope, directory, today, weights, ct),
            cancellationToken);
    }

    /// <summary>Each case-holding worker's caseload in <paramref name="scope"/>, heaviest first.</summary>
    private static async Task<IReadOnlyList<CaseloadRow>> ComputeAsync(LanternDbContext db, ChildRecordCache records, WorkScope scope, WorkerDirectory directory, DateOnly today, CaseloadWeights weights, CancellationToken cancellationToken)
    {
        var teamIds = scope.Teams.Select(t => t.Id).ToList();
        var workerIds = scope.Workers.ToList();
        var candidates = scope.Everyone
            ? await db.Workers.AsNoTracking().Where(w => teamIds.Contains(w.TeamId)).ToListAsync(cancellationToken)
            : await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id)).ToListAsync(cancellationToken);
        var workers = candidates.Where(w => w.HoldsCases && w.IsInPost(today)).ToList();
        var ids = workers.Select(w => w.Id).ToList();

        // Allocated today as the work views count it (see WorkLists).
        var allocations = await db.Allocations.AsNoTracking()
            .Where(a => ids.Contains(a.WorkerId) && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => new { a.ChildId, a.WorkerId })
            .ToListAsync(cancellationToken);
        var files = await records.FilesAsync(db, allocations.Select(a => a.ChildId).Distinct().ToList(), cancellationToken);
        var byWorker = allocations
            .Where(a => files.TryGetValue(a.ChildId, out var file) && (file.Child.DateOfDeath is null || file.Child.DateOfDeath > today))
            .GroupBy(a => a.WorkerId)
            .ToDictionary(g => g.Key, g => g.Select(a => files[a.ChildId]).Distinct().ToList());
        return
        [
            .. workers
                .Select(w => new CaseloadRow(
                    w.Id,
                    w.DisplayName,
                    directory.TeamOf(w.Id)?.Name ?? "No team",
                    w.Employment == EmploymentType.Agency,
                    w.Fte,
                    Caseload.Of(w, byWorker.GetValueOrDefault(w.Id) ?? [], today, weights)))
                .OrderByDescending(r => r.Load.Weighted).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.WorkerId),
        ];
    }
}
