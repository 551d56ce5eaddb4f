using Lantern.Returns.Ssda903;
using Xunit;

namespace Lantern.Returns.Tests.Ssda903;

public sealed class SmokeTests
{
    [Fact]
    public void Smoke()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var data = Ssda903Data.Synthetic;
        var gen = sw.Elapsed;
        var dir = "/tmp/903smoke";
        var r = Ssda903Export.Write(data, new CollectionYear(2026), dir);
        File.WriteAllText("/tmp/903smoke.txt", $"gen {gen} export {sw.Elapsed - gen} children {r.Children}\n" + string.Join("\n", r.Counts));
    }
}
