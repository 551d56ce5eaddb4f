using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Lantern.Data;
using Lantern.Metrics.Indicators;
using Lantern.Web.Data;

namespace Lantern.Web.Indicators;

/// <summary>
/// The indicators as at the app's "today", worked out once from a snapshot of the whole record and
/// kept: every indicator's value and its 24-month series. The first request waits for the first
/// calculation (one calculation, however many ask); after that a request never waits: when the kept
/// figures are older than <c>Lantern:Indicators:RefreshMinutes</c> (10 by default) a new calculation
/// starts in the background and the kept figures are served until it is done. Breakdowns and the
/// units behind an indicator are worked out on demand from the kept engine and kept with it.
/// </summary>
public sealed class IndicatorResults(LanternDataOptions options, IConfiguration configuration, ILogger<IndicatorResults> logger)
{
    /// <summary>Months in each indicator's series.</summary>
    public const int SeriesMonths = 24;

    private readonly Lock gate = new();
    private IndicatorGeneration? current;
    private Task<IndicatorGeneration>? loading;

    /// <summary>How old the kept figures may be before they are worked out again.</summary>
    public TimeSpan RefreshAfter { get; } = TimeSpan.FromMinutes(Math.Max(0.05, configuration.GetValue("Lantern:Indicators:RefreshMinutes", 10.0)));

    /// <summary>The kept figures: waits only when none have been worked out yet.</summary>
    public Task<IndicatorGeneration> CurrentAsync(CancellationToken cancellationToken = default)
    {
        Task<IndicatorGeneration>? first;
        lock (gate)
        {
            if (current is { } kept)
            {
                if (DateTime.UtcNow - kept.CalculatedAt > RefreshAfter && loading is null)
                {
                    loading = LoadAsync();
                }

                return Task.FromResult(kept);
            }

            first = loading ??= LoadAsync();
        }

        return first.WaitAsync(cancellationToken);
    }

    /// <summary>Works the figures out again now and waits for them (for tests and after an import).</summary>
    public Task<IndicatorGeneration> RefreshAsync(CancellationToken cancellationToken = default)
    {
        Task<IndicatorGeneration> task;
        lock (gate)
        {
            task = loading ??= LoadAsync();
        }

        return task.WaitAsync(cancellationToken);
    }

    private async Task<IndicatorGeneration> LoadAsync()
    {
        // Off the request's thread: the calculation is CPU-bound and long.
        await Task.Yield();
        try
        {
            var watch = Stopwatch.StartNew();
            var data = await SnapshotLoader.LoadAsync(options.Target, CancellationToken.None);
            var loaded = watch.ElapsedMilliseconds;
            var engine = new IndicatorEngine(data);
            var generation = new IndicatorGeneration(engine, options.Today, DateTime.UtcNow);
            logger.LogInformation("Indicators worked out in {Milliseconds} ms (snapshot read in {Loaded} ms)", watch.ElapsedMilliseconds, loaded);
            lock (gate)
            {
                current = generation;
                loading = null;
            }

            return generation;
        }
        catch (Exception e)
        {
            logger.LogError(e, "The indicators could not be worked out");
            lock (gate)
            {
                loading = null;
            }

            throw;
        }
    }
}

/// <summary>One calculation of every indicator as at one date, from one snapshot.</summary>
public sealed class IndicatorGeneration
{
    private readonly ConcurrentDictionary<(string Id, Dimension Dimension), Lazy<IReadOnlyList<BreakdownRow>>> breakdowns = new();
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<IndicatorUnitRow>>> units = new(StringComparer.Ordinal);

    public IndicatorGeneration(IndicatorEngine engine, DateOnly asAt, DateTime calculatedAt)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
        AsAt = asAt;
        Values = engine.Compute(asAt);
        ById = Values.ToDictionary(v => v.Id, StringComparer.Ordinal);
        Series = engine.Series(asAt, IndicatorResults.SeriesMonths);
        CalculatedAt = calculatedAt;
    }

    public IndicatorEngine Engine { get; }

    /// <summary>The date the figures are as at (the app's "today").</summary>
    public DateOnly AsAt { get; }

    /// <summary>When the calculation started, in UTC.</summary>
    public DateTime CalculatedAt { get; }

    /// <summary>The time of the calculation in UK time, "14:05".</summary>
    public string CalculatedAtText =>
        Security.TimeDisplay.ToUk(CalculatedAt).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Every indicator's value, in catalogue order.</summary>
    public IReadOnlyList<IndicatorValue> Values { get; }

    public IReadOnlyDictionary<string, IndicatorValue> ById { get; }

    /// <summary>Every indicator's monthly series, oldest first, ending with the as-at date.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>> Series { get; }

    /// <summary>The indicator broken down by <paramref name="dimension"/> (worked out once).</summary>
    public IReadOnlyList<BreakdownRow> Breakdown(Indicator indicator, Dimension dimension)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return breakdowns.GetOrAdd((indicator.Id, dimension), key => new Lazy<IReadOnlyList<BreakdownRow>>(() => Engine.Breakdown(indicator, AsAt, key.Dimension))).Value;
    }

    /// <summary>The children (workers, allegations) behind the indicator (worked out once).</summary>
    public IReadOnlyList<IndicatorUnitRow> Units(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return units.GetOrAdd(indicator.Id, _ => new Lazy<IReadOnlyList<IndicatorUnitRow>>(() => Engine.Units(indicator, AsAt))).Value;
    }
}
