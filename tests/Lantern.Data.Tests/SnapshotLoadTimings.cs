using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit;

namespace Lantern.Data.Tests;

/// <summary>Times <see cref="SnapshotLoader.LoadAsync(DbTarget, CancellationToken)"/> on an existing
/// database, with each table's read time. Explicit, and nothing is asserted about time: run with
/// <c>LANTERN_BENCH_DB=/path/to/demo.db dotnet run --project tests/Lantern.Data.Tests -c Release -- --explicit only --filter-method "*Load_an_existing_database"</c>
/// (a PostgreSQL connection string starting <c>Host=</c> works too; LANTERN_BENCH_RUNS sets the number of runs, 5 by default).</summary>
public class SnapshotLoadTimings
{
    [Fact(Explicit = true)]
    public async Task Load_an_existing_database()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper!;
        var db = Environment.GetEnvironmentVariable("LANTERN_BENCH_DB");
        Assert.False(string.IsNullOrWhiteSpace(db), "Set LANTERN_BENCH_DB to a seeded database.");
        var runs = int.TryParse(Environment.GetEnvironmentVariable("LANTERN_BENCH_RUNS"), out var r) ? r : 5;
        var target = DbTarget.Parse(db);
        var general = Environment.GetEnvironmentVariable("LANTERN_BENCH_DATA_READER") == "1";
        output.WriteLine(general ? "through the data reader only" : "through the fast readers");
        await LanternDatabase.MigrateAsync(target, ct);

        for (var run = 1; run <= runs; run++)
        {
            var tables = new ConcurrentQueue<(string Table, int Rows, TimeSpan Time, int Thread)>();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var pause = GC.GetTotalPauseDuration();
            var allocated = GC.GetTotalAllocatedBytes();
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var load = Stopwatch.StartNew();
            var data = await SnapshotLoader.LoadAsync(
                target,
                new SnapshotLoader.LoadOptions { Timed = (t, n, time) => tables.Enqueue((t, n, time, Environment.CurrentManagedThreadId)), DataReaderOnly = general },
                ct);
            load.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            output.WriteLine($"run {run}: loaded {data.TotalRecords:N0} rows in {load.Elapsed.TotalSeconds:F2} s (process CPU {cpu.TotalSeconds:F2} s; GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} s, "
                + $"{(GC.GetTotalAllocatedBytes() - allocated) / 1024 / 1024:N0} MB allocated, GCs {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3})");
            output.WriteLine("    " + string.Join(", ", tables.Where(t => t.Rows < 0).Select(t => $"{t.Table} {t.Time.TotalMilliseconds:F0} ms")));
            foreach (var (table, rows, time, _) in tables.Where(t => t.Rows >= 0).OrderByDescending(t => t.Time).Take(6))
            {
                output.WriteLine($"    {table,-32} {rows,9:N0} rows {time.TotalMilliseconds,8:F0} ms");
            }
        }
    }
}

/// <summary>Where the load's time goes, table by table on one connection: stepping through the
/// rows alone, then reading them (explicit; LANTERN_BENCH_DB as above; process CPU time).</summary>
public class SnapshotLoadProfile
{
    [Fact(Explicit = true)]
    public async Task Profile_each_table()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper!;
        var target = DbTarget.Parse(Environment.GetEnvironmentVariable("LANTERN_BENCH_DB")!);
        await using var connection = (Microsoft.Data.Sqlite.SqliteConnection)await LanternDatabase.OpenConnectionAsync(target, ct);
        using var transaction = connection.BeginTransaction(deferred: true);
        static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;
        for (var pass = 0; pass < 3; pass++)
        {
            var data = new Domain.Model.AuthorityData();
            TimeSpan stepping = default, reading = default, pauses = GC.GetTotalPauseDuration();
            foreach (var table in TableMaps.For(target.Provider))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = table.SelectAll;
                var step = Cpu();
                await using (var reader = await command.ExecuteReaderAsync(ct))
                {
                    while (reader.Read())
                    {
                    }
                }

                step = Cpu() - step;
                var read = Cpu();
                table.ReadAllSqlite(connection, transaction, data, ct);
                read = Cpu() - read;
                stepping += step;
                reading += read;
                if (pass == 2 && read.TotalMilliseconds > 60)
                {
                    output.WriteLine($"{table.Table,-32} step {step.TotalMilliseconds,6:F0} ms, read {read.TotalMilliseconds,6:F0} ms");
                }
            }

            output.WriteLine($"pass {pass}: step {stepping.TotalMilliseconds:F0} ms, read {reading.TotalMilliseconds:F0} ms, GC pauses {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:F0} ms");
        }
    }
}
