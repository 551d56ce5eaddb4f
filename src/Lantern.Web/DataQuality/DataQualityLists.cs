using System.Diagnostics;
using Lantern.Data;
using Lantern.Domain.Model;
using Lantern.Returns;
using Lantern.Returns.Validation;
using Lantern.Web.Data;
using Lantern.Web.Work;

namespace Lantern.Web.DataQuality;

/// <summary>One rule a child's record breaks in a return made from the live record, and whose child it is today.</summary>
public sealed record QualityIssue(long ChildId, long? WorkerId, ReturnKind Return, string Rule, RuleSeverity Severity, string Message, string Table, IReadOnlyList<string> Fields);

/// <summary>Counts of broken rules for one worker (or nobody) in one collection year.</summary>
public sealed record QualityCount(long? WorkerId, int Errors, int Queries, int Children);

/// <summary>One collection year's counts, per worker.</summary>
public sealed record QualityYear(CollectionYear Year, IReadOnlyList<QualityCount> ByWorker)
{
    public QualityCount Total(Func<long?, bool> include) =>
        ByWorker.Where(c => include(c.WorkerId)).Aggregate(new QualityCount(null, 0, 0, 0), (a, c) => new QualityCount(null, a.Errors + c.Errors, a.Queries + c.Queries, a.Children + c.Children));
}

/// <summary>The council's data quality: every issue of the current collection year, and the counts of recent years.</summary>
public sealed record QualitySnapshot(CollectionYear Current, IReadOnlyList<QualityIssue> Issues, IReadOnlyList<QualityYear> Years, int RulesRun, TimeSpan Took);

/// <summary>
/// The live record against every DfE rule, as the returns of the collection year holding the app's today would be
/// made from it now, and as the returns of the three years before were. Each broken row is traced to its child and
/// the child to the worker allocated today (nobody when no one is). Worked out in the background and kept while the
/// record does not change (<see cref="WorkLists.KeptAsync{T}"/>): a page never waits for a computation it already has.
/// </summary>
public static class DataQualityLists
{
    /// <summary>How many collection years of counts the pages show (the current one and those before).</summary>
    public const int YearsShown = 4;

    private static readonly Type[] Lists = [.. RecordValidation.Tables.Append(typeof(Allocation)).Append(typeof(Worker)).Append(typeof(Team)).Distinct()];

    public static Task<QualitySnapshot> SnapshotAsync(WorkLists lists, LanternDataOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(options);
        return lists.KeptAsync("DataQuality", (_, ct) => ComputeAsync(options.Target, options.Today, ct), cancellationToken);
    }

    public static async Task<QualitySnapshot> ComputeAsync(DbTarget target, DateOnly today, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var data = await SnapshotLoader.LoadAsync(target, Lists, cancellationToken);
        return Compute(data, today, clock);
    }

    public static QualitySnapshot Compute(AuthorityData data, DateOnly today, Stopwatch? clock = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        clock ??= Stopwatch.StartNew();
        var current = new CollectionYear(Math.Clamp(today.Month >= 4 ? today.Year + 1 : today.Year, CollectionYear.Earliest + YearsShown - 1, CollectionYear.Latest));
        var workerOf = AllocatedOn(data, today);
        var years = new List<QualityYear>();
        IReadOnlyList<QualityIssue> issues = [];
        var rulesRun = 0;
        for (var y = current.EndYear; y > current.EndYear - YearsShown; y--)
        {
            var result = RecordValidation.Validate(data, new CollectionYear(y));
            var rows = result.Issues
                .Select(i => new QualityIssue(i.ChildId, workerOf.TryGetValue(i.ChildId, out var w) ? w : null, i.Return, i.Rule.Code, i.Rule.Severity, i.Rule.Message, i.Table, i.Fields))
                .ToList();
            if (y == current.EndYear)
            {
                issues = rows;
                rulesRun = result.Cin.RulesRun + result.Ssda903.RulesRun;
            }

            years.Add(new QualityYear(new CollectionYear(y), [.. rows.GroupBy(r => r.WorkerId).Select(g => new QualityCount(
                g.Key,
                g.Count(r => r.Severity == RuleSeverity.Error),
                g.Count(r => r.Severity == RuleSeverity.Query),
                g.Select(r => r.ChildId).Distinct().Count()))]));
        }

        return new QualitySnapshot(current, issues, years, rulesRun, clock.Elapsed);
    }

    /// <summary>The worker allocated to each child on <paramref name="today"/> (the latest allocation open then).</summary>
    private static Dictionary<long, long> AllocatedOn(AuthorityData data, DateOnly today)
    {
        var result = new Dictionary<long, (long Worker, DateOnly Start)>();
        foreach (var a in data.Allocations)
        {
            if (a.StartDate <= today && (a.EndDate is null || a.EndDate >= today)
                && (!result.TryGetValue(a.ChildId, out var held) || a.StartDate > held.Start))
            {
                result[a.ChildId] = (a.WorkerId, a.StartDate);
            }
        }

        return result.ToDictionary(p => p.Key, p => p.Value.Worker);
    }
}
