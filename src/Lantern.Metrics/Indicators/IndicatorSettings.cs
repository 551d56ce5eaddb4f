using System.Globalization;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Metrics.Indicators;

/// <summary>Reading and writing the council's targets and the analyst's benchmarks (tables
/// <c>indicator_targets</c> and <c>indicator_benchmarks</c>). The writes are meant to run as the
/// <c>write</c> of <see cref="AuditTrail.AppendAsync(LanternDbContext, IReadOnlyList{Domain.Access.AuditEntry}, Func{CancellationToken, Task}?, CancellationToken)"/>,
/// so the change and its audit entry are one transaction; each returns the audit detail (what
/// changed, no personal data).</summary>
public static class IndicatorSettings
{
    public static async Task<IReadOnlyList<Benchmark>> BenchmarksAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await BenchmarkRowsAsync(db, cancellationToken);
        return [.. rows.Select(ToBenchmark)];
    }

    public static async Task<IReadOnlyList<Target>> TargetsAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await TargetRowsAsync(db, cancellationToken);
        return [.. rows.Select(r => new Target(r.IndicatorId, r.Value, r.AmberMargin))];
    }

    /// <summary>Every benchmark row, by indicator, comparator and period.</summary>
    public static async Task<IReadOnlyList<IndicatorBenchmarkRow>> BenchmarkRowsAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.IndicatorBenchmarks.AsNoTracking()
            .OrderBy(b => b.IndicatorId).ThenBy(b => b.Comparator).ThenBy(b => b.PeriodEnd)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every target row, by indicator id.</summary>
    public static async Task<IReadOnlyList<IndicatorTargetRow>> TargetRowsAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.IndicatorTargets.AsNoTracking().OrderBy(t => t.IndicatorId).ToListAsync(cancellationToken);
    }

    public static Benchmark ToBenchmark(IndicatorBenchmarkRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Benchmark(row.IndicatorId, row.Comparator, row.PeriodEnd, row.Value);
    }

    /// <summary>The current benchmarks as a file in the format they are loaded in.</summary>
    public static async Task<string> BenchmarkCsvAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        var rows = await BenchmarkRowsAsync(db, cancellationToken);
        return BenchmarkCsv.Write(rows.Select(r => (ToBenchmark(r), r.Source)));
    }

    /// <summary>Replaces every benchmark of the comparators in <paramref name="file"/> with the file's
    /// rows (comparators the file does not mention are kept). Run it inside a transaction: the old
    /// rows are deleted and the new ones added by the same commit. A file with problems is refused.</summary>
    public static async Task<string> ReplaceBenchmarksAsync(LanternDbContext db, BenchmarkFile file, string loadedBy, DateTime loadedAtUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(file);
        if (!file.IsValid)
        {
            throw new ArgumentException("A benchmark file with problems is never loaded.", nameof(file));
        }

        var comparators = file.Comparators.ToList();
        var replaced = await db.IndicatorBenchmarks.Where(b => comparators.Contains(b.Comparator))
            .GroupBy(b => b.Comparator).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        await db.IndicatorBenchmarks.Where(b => comparators.Contains(b.Comparator)).ExecuteDeleteAsync(cancellationToken);
        db.IndicatorBenchmarks.AddRange(file.Rows.Select(r => new IndicatorBenchmarkRow
        {
            IndicatorId = r.Benchmark.IndicatorId,
            Comparator = r.Benchmark.Comparator,
            PeriodEnd = r.Benchmark.PeriodEnd,
            Value = r.Benchmark.Value,
            Source = r.Source,
            LoadedBy = loadedBy,
            LoadedAt = loadedAtUtc,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return "benchmarks loaded: " + string.Join("; ", comparators.Select(c => string.Create(
            CultureInfo.InvariantCulture,
            $"{c} {file.CountOf(c)} rows replacing {replaced.GetValueOrDefault(c)} ({string.Join(", ", file.Rows.Where(r => r.Benchmark.Comparator == c).Select(r => r.Benchmark.IndicatorId).Distinct().Order(StringComparer.Ordinal))})")));
    }

    /// <summary>Sets (adds or changes) the target of its indicator. Check it with
    /// <see cref="Targets.Read"/> or <see cref="Targets.Check"/> first.</summary>
    public static async Task<string> SetTargetAsync(LanternDbContext db, Target target, string setBy, DateTime setAtUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(target);
        var definition = IndicatorCatalogue.Get(target.IndicatorId).Definition;
        if (Targets.Check(definition, target.Value, target.AmberMargin) is [var problem, ..])
        {
            throw new ArgumentException(problem.Message, nameof(target));
        }

        var row = await db.IndicatorTargets.SingleOrDefaultAsync(t => t.IndicatorId == target.IndicatorId, cancellationToken);
        var before = row is null ? "none" : Describe(row.Value, row.AmberMargin);
        if (row is null)
        {
            row = new IndicatorTargetRow { IndicatorId = target.IndicatorId };
            db.IndicatorTargets.Add(row);
        }

        row.Value = target.Value;
        row.AmberMargin = target.AmberMargin;
        row.SetBy = setBy;
        row.SetAt = setAtUtc;
        await db.SaveChangesAsync(cancellationToken);
        return $"target for {target.IndicatorId} set to {Describe(target.Value, target.AmberMargin)} (was {before})";
    }

    /// <summary>Removes an indicator's target; null when it had none.</summary>
    public static async Task<string?> RemoveTargetAsync(LanternDbContext db, string indicatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.IndicatorTargets.SingleOrDefaultAsync(t => t.IndicatorId == indicatorId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        db.IndicatorTargets.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return $"target for {indicatorId} removed (was {Describe(row.Value, row.AmberMargin)})";
    }

    private static string Describe(double value, double margin) => $"{Targets.Format(value)} with amber margin {Targets.Format(margin)}";
}
