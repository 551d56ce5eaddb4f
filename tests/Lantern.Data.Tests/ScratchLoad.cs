using System.Diagnostics;
using Lantern.Domain.Model;
using Lantern.TestCommon;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Lantern.Data.Tests;

public class ScratchLoad
{
    [Theory(Explicit = true), ProviderData]
    public async Task Profile_load(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper!;
        var data = LargeAuthority.Create(34_000);
        await using var db = await TestDatabase.CreateAsync(provider, ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, ct);
        await AuthorityWriter.WriteAsync(target, data, cancellationToken: ct);

        for (var run = 0; run < 2; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            await SnapshotLoader.LoadAsync(target, ct);
            output.WriteLine($"loader: {sw.Elapsed.TotalSeconds:F1} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s");

            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            await using (var connection = await LanternDatabase.OpenConnectionAsync(target, ct))
            {
                foreach (var table in TableMaps.For(target.Provider))
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT {table.QuotedColumns} FROM {table.QuotedTable} ORDER BY id";
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                    }
                }
            }

            output.WriteLine($"scan only: {sw.Elapsed.TotalSeconds:F1} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s");

            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            await using (var context = LanternDatabase.CreateContext(target))
            {
                _ = await context.Visits.AsNoTracking().ToListAsync(ct);
                _ = await context.CaseNotes.AsNoTracking().ToListAsync(ct);
            }

            output.WriteLine($"EF visits+notes: {sw.Elapsed.TotalSeconds:F1} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s");
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            await using (var connection = await LanternDatabase.OpenConnectionAsync(target, ct))
            {
                var d = new AuthorityData();
                foreach (var table in TableMaps.For(target.Provider).Where(t => t.Table is "visits" or "case_notes"))
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT {table.QuotedColumns} FROM {table.QuotedTable} ORDER BY id";
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    await table.ReadAllAsync(reader, d, ct);
                }
            }

            output.WriteLine($"raw visits+notes: {sw.Elapsed.TotalSeconds:F1} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s");
        }
    }
}
