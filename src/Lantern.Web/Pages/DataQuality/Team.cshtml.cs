using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Returns;
using Lantern.Returns.Validation;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.DataQuality;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Lantern.Web.Pages.DataQuality;

/// <summary>A worker's counts on the team page.</summary>
public sealed record WorkerQuality(long WorkerId, string Name, string Team, QualityCount Count);

/// <summary>A rule's count on the team page.</summary>
public sealed record RuleQuality(ReturnKind Return, string Rule, RuleSeverity Severity, string Message, int Records, int Children);

/// <summary>
/// Data quality for a manager's team and management line, a service manager's service or, for a director, the
/// council: how many records of the children allocated to each worker would fail the current year's returns, which
/// rules they break, and the counts of the years before. Children allocated to nobody count only in the council's
/// figures.
/// </summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class TeamModel(LanternDbContext db, LanternDataOptions options, IMemoryCache cache, IServiceScopeFactory scopes, ChildAccessService access, ChildRecordCache records, AuditWriter audit) : PageModel
{
    public WorkScope Scope { get; private set; } = null!;

    public long? TeamId { get; private set; }

    public string ScopeName { get; private set; } = "";

    public QualitySnapshot Snapshot { get; private set; } = null!;

    public IReadOnlyList<WorkerQuality> Workers { get; private set; } = [];

    public IReadOnlyList<RuleQuality> Rules { get; private set; } = [];

    public IReadOnlyList<(CollectionYear Year, QualityCount Count)> History { get; private set; } = [];

    public QualityCount Unallocated { get; private set; } = new(null, 0, 0, 0);

    public async Task<IActionResult> OnGetAsync([FromQuery] string? team, CancellationToken cancellationToken)
    {
        var lists = new WorkLists(db, options, cache, scopes, access, records);
        if (await lists.ChooseAsync(User, team, cancellationToken) is not { } choice)
        {
            return NotFound();
        }

        (Scope, TeamId, ScopeName) = choice;
        var directory = await access.DirectoryAsync(cancellationToken);
        Snapshot = await DataQualityLists.SnapshotAsync(lists, options, cancellationToken);
        bool Mine(long? worker) => worker is { } w && (Scope.Everyone ? TeamId is null || directory.Workers.GetValueOrDefault(w)?.TeamId == TeamId : Scope.Workers.Contains(w));
        bool Counted(long? worker) => Mine(worker) || (worker is null && Scope.Everyone && TeamId is null);

        var current = Snapshot.Years[0];
        Workers =
        [
            .. current.ByWorker.Where(c => Mine(c.WorkerId) && directory.Workers.ContainsKey(c.WorkerId!.Value))
                .Select(c =>
                {
                    var w = directory.Workers[c.WorkerId!.Value];
                    return new WorkerQuality(w.Id, w.Name, Scope.Teams.FirstOrDefault(t => t.Id == w.TeamId)?.Name ?? "", c);
                })
                .OrderByDescending(w => w.Count.Errors).ThenByDescending(w => w.Count.Queries).ThenBy(w => w.Name, StringComparer.Ordinal),
        ];
        Rules =
        [
            .. Snapshot.Issues.Where(i => Counted(i.WorkerId))
                .GroupBy(i => (i.Return, i.Rule))
                .Select(g => new RuleQuality(g.Key.Return, g.Key.Rule, g.First().Severity, g.First().Message, g.Count(), g.Select(i => i.ChildId).Distinct().Count()))
                .OrderBy(r => r.Severity).ThenByDescending(r => r.Records).ThenBy(r => r.Rule, StringComparer.Ordinal),
        ];
        History = [.. Snapshot.Years.Select(y => (y.Year, y.Total(Counted)))];
        if (Scope.Everyone && TeamId is null)
        {
            Unallocated = current.ByWorker.FirstOrDefault(c => c.WorkerId is null) ?? Unallocated;
        }

        await audit.WriteAsync(AuditAction.Search, true, detail: $"data quality, {ScopeName}: {Workers.Count} workers", cancellationToken: cancellationToken);
        return Page();
    }
}
