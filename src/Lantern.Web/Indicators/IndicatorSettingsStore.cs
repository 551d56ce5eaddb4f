using Lantern.Data;
using Lantern.Metrics.Indicators;

namespace Lantern.Web.Indicators;

/// <summary>The council's indicator targets and the benchmarks an analyst has loaded, read from the
/// database (tables <c>indicator_targets</c> and <c>indicator_benchmarks</c>, through
/// <see cref="IndicatorSettings"/>). Scoped: one per request, on the request's context.</summary>
public sealed class IndicatorSettingsStore(LanternDbContext db)
{
    public Task<IReadOnlyList<Benchmark>> BenchmarksAsync(CancellationToken cancellationToken) => IndicatorSettings.BenchmarksAsync(db, cancellationToken);

    public Task<IReadOnlyList<Target>> TargetsAsync(CancellationToken cancellationToken) => IndicatorSettings.TargetsAsync(db, cancellationToken);
}
