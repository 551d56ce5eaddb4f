using System.Diagnostics;
using Lantern.TestCommon;
using Xunit;

namespace Lantern.Data.Tests;

/// <summary>Times the bulk write and the snapshot load on a large authority. Explicit: run with
/// <c>dotnet run --project tests/Lantern.Data.Tests -- --explicit only</c>. Nothing is asserted about time.</summary>
public class BulkTimings
{
    [Theory(Explicit = true), ProviderData]
    public async Task Write_and_load_a_large_authority(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper!;
        var size = int.TryParse(Environment.GetEnvironmentVariable("LANTERN_BENCH_CHILDREN"), out var n) ? n : 34_000;
        var build = Stopwatch.StartNew();
        var data = LargeAuthority.Create(size);
        output.WriteLine($"{provider}: built {data.TotalRecords:N0} rows for {size:N0} children in {build.Elapsed.TotalSeconds:F1} s");

        await using var db = await TestDatabase.CreateAsync(provider, ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, ct);

        var write = Stopwatch.StartNew();
        var written = await AuthorityWriter.WriteAsync(target, data, cancellationToken: ct);
        write.Stop();
        output.WriteLine($"{provider}: wrote {written:N0} rows in {write.Elapsed.TotalSeconds:F1} s ({written / write.Elapsed.TotalSeconds:N0} rows/s)");

        for (var run = 1; run <= 2; run++)
        {
            var load = Stopwatch.StartNew();
            var loaded = await SnapshotLoader.LoadAsync(target, ct);
            load.Stop();
            output.WriteLine($"{provider}: loaded {loaded.TotalRecords:N0} rows in {load.Elapsed.TotalSeconds:F1} s (run {run})");
            Assert.Equal(data.TotalRecords, loaded.TotalRecords);
        }

        if (provider == Provider.Sqlite)
        {
            output.WriteLine($"{provider}: file {new FileInfo(target.FilePath!).Length / 1024 / 1024:N0} MB");
        }
    }
}
