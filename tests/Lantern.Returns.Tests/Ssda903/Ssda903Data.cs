using Lantern.Domain.Model;
using Lantern.Synthetic;

namespace Lantern.Returns.Tests.Ssda903;

/// <summary>One small clean synthetic authority shared by the 903 tests (generated once: it is deterministic).</summary>
internal static class Ssda903Data
{
    private static readonly Lazy<AuthorityData> Authority = new(() => SyntheticAuthority.Generate(new GeneratorOptions
    {
        Population = 6000,
        From = new DateOnly(2017, 4, 1),
        To = new DateOnly(2026, 3, 31),
        Defects = false,
    }).Data);

    public static AuthorityData Synthetic => Authority.Value;
}

/// <summary>A folder under the temporary folder for one test, removed on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lantern-903-" + Guid.NewGuid().ToString("N"));

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, true);
        }
        catch (IOException)
        {
        }
    }
}
