using System.Diagnostics;
using Lantern.TestCommon;
using Xunit;

namespace Lantern.Data.Tests;

public class ScratchProfile
{
    [Theory(Explicit = true), ProviderData]
    public async Task Profile_write(Provider provider)
    {
        var output = TestContext.Current.TestOutputHelper!;
        var data = LargeAuthority.Create(int.TryParse(Environment.GetEnvironmentVariable("LANTERN_BENCH_CHILDREN"), out var n) ? n : 34_000);
        await using var db = await TestDatabase.CreateAsync(provider, TestContext.Current.CancellationToken);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, TestContext.Current.CancellationToken);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var progress = new P(v =>
        {
            if (v.done == v.total && v.total > 30000)
            {
                output.WriteLine($"{v.table}: {v.total} rows {(sw.Elapsed - last).TotalMilliseconds:F0} ms");
                last = sw.Elapsed;
            }
            else if (v.done == 0)
            {
                last = sw.Elapsed;
            }
        });
        await AuthorityWriter.WriteAsync(target, data, progress, cancellationToken: TestContext.Current.CancellationToken);
        output.WriteLine($"total {sw.Elapsed.TotalSeconds:F1} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:F1} s");
        cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        sw.Restart();
        await SnapshotLoader.LoadAsync(target, TestContext.Current.CancellationToken);
        output.WriteLine($"load {sw.Elapsed.TotalSeconds:F1} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:F1} s");
    }

    private sealed class P(Action<(string table, long done, long total)> a) : IProgress<(string table, long done, long total)>
    {
        public void Report((string table, long done, long total) value) => a(value);
    }
}
