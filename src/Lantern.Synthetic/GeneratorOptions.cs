using Lantern.Domain.Model;

namespace Lantern.Synthetic;

public sealed record GeneratorOptions
{
    public string Profile { get; init; } = "nel";

    /// <summary>Children aged 0-17; null uses the profile's own population. Rates per 10,000 are kept.</summary>
    public long? Population { get; init; }

    public DateOnly From { get; init; } = new(2015, 4, 1);

    public DateOnly To { get; init; } = new(2026, 3, 31);

    public int Seed { get; init; } = 42;

    public bool Defects { get; init; } = true;

    /// <summary>Share of recording opportunities that carry a defect when defects are on.</summary>
    public double DefectRate { get; init; } = 0.03;

    /// <summary>A large authority is generated in areas of at most this many times the
    /// profile's population (in parallel, then merged).</summary>
    public double MaxAreaScale { get; init; } = 40;
}

/// <summary>A recording defect the generator injected on purpose, so that data-quality checks can
/// be tested against what is known to be wrong.</summary>
public sealed record InjectedDefect(long ChildId, string Kind, string Description);

public sealed class GenerationResult
{
    public required AuthorityData Data { get; init; }

    public required IReadOnlyList<InjectedDefect> Defects { get; init; }
}
