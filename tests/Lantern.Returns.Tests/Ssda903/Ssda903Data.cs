using Lantern.Domain.Model;
using Lantern.Synthetic;

namespace Lantern.Returns.Tests.Ssda903;

/// <summary>One small clean synthetic authority shared by the 903 tests (generated once: it is deterministic).</summary>
internal static class Ssda903Data
{
    private static readonly Lazy<AuthorityData> Authority = new(() => SyntheticAuthority.Generate(new GeneratorOptions
    {
        Population = 2500,
        From = new DateOnly(2017, 4, 1),
        To = new DateOnly(2026, 3, 31),
        Defects = false,
    }).Data);

    public static AuthorityData Synthetic => Authority.Value;
}
