using Lantern.Metrics.Indicators;

namespace Lantern.Web.Indicators;

/// <summary>The council's indicator targets and the benchmarks an analyst has loaded, read from the
/// database. (Stub until the targets and benchmarks tables exist: returns none.)</summary>
public sealed class IndicatorSettingsStore
{
    public Task<IReadOnlyList<Benchmark>> BenchmarksAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Benchmark>>([]);

    public Task<IReadOnlyList<Target>> TargetsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Target>>([]);
}
