using System.Text;
using Lantern.Data;
using Lantern.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Cli.Tests;

/// <summary>`lantern export` and `lantern import` on a small seeded authority (3,000 children, April 2023
/// to March 2025): each writes what it says and is recorded as a job; a return imported into an empty
/// database exports again byte for byte; a file with a defect is refused with its problems listed and
/// nothing written; every bad option gets one clear message and exit code 2.</summary>
public sealed class ReturnCommandsTests(SmallAuthority authority) : IClassFixture<SmallAuthority>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestDatabase db = authority.Database;

    private readonly string folder = Directory.CreateTempSubdirectory("lantern-returns-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Each_export_writes_its_file_and_is_recorded_as_a_job()
    {
        var cin = Path.Combine(folder, "cin.xml");
        var result = await CliRunner.RunAsync("export", "cin", "--db", db.Target, "--year", "2025", "--out", cin);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("CIN census export, 2024-25", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("<?xml", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(cin, Ct)).TrimStart('\uFEFF'), StringComparison.Ordinal);

        var ssda903 = Path.Combine(folder, "903");
        result = await CliRunner.RunAsync("export", "903", "--db", db.Target, "--year", "2025", "--out", ssda903);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(File.Exists(Path.Combine(ssda903, "header.csv")));
        Assert.True(File.Exists(Path.Combine(ssda903, "episodes.csv")));
        Assert.True(Directory.Exists(Path.Combine(ssda903, "previous")));

        var annex = Path.Combine(folder, "annex-a.xlsx");
        result = await CliRunner.RunAsync("export", "annex-a", "--db", db.Target, "--as-at", "2025-03-31", "--out", annex);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("PK", Encoding.ASCII.GetString((await File.ReadAllBytesAsync(annex, Ct))[..2]));

        var workforce = Path.Combine(folder, "workforce.csv");
        result = await CliRunner.RunAsync("export", "workforce", "--db", db.Target, "--as-at", "2024-09-30", "--out", workforce);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(new FileInfo(workforce).Length > 0);
        Assert.True(new FileInfo(Path.Combine(folder, "workforce-authority.csv")).Length > 0, "the authority's figures beside the workers");
        Assert.Empty(Directory.GetFiles(folder, "*.part"));

        await using var context = LanternDatabase.CreateContext(DbTarget.Parse(db.Target));
        var jobs = await context.ReturnJobs.AsNoTracking().OrderByDescending(j => j.Id).Take(4).ToListAsync(Ct);
        Assert.Equal([ReturnJobKind.WorkforceExport, ReturnJobKind.AnnexAExport, ReturnJobKind.Ssda903Export, ReturnJobKind.CinExport], jobs.Select(j => j.Kind));
        Assert.All(jobs, j => Assert.Equal(ReturnJobStatus.Succeeded, j.Status));
        Assert.All(jobs, j => Assert.StartsWith("lantern command (", j.RequestedBy, StringComparison.Ordinal));
        Assert.Equal(4, await context.AuditEntries.CountAsync(e => e.RecordType == "return_job" && jobs.Select(j => (long?)j.Id).Contains(e.RecordId), Ct));
    }

    [Fact]
    public async Task Returns_imported_into_an_empty_database_export_again_byte_for_byte()
    {
        var cin = Path.Combine(folder, "cin.xml");
        var ssda903 = Path.Combine(folder, "903");
        Assert.Equal(0, (await CliRunner.RunAsync("export", "cin", "--db", db.Target, "--year", "2025", "--out", cin)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("export", "903", "--db", db.Target, "--year", "2025", "--out", ssda903)).ExitCode);

        await using var empty = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        await LanternDatabase.MigrateAsync(DbTarget.Parse(empty.Target), Ct);
        var imported = await CliRunner.RunAsync("import", "cin", "--db", empty.Target, cin);
        Assert.True(imported.ExitCode == 0, imported.Output);
        Assert.Contains("unchanged", imported.Output, StringComparison.Ordinal);
        imported = await CliRunner.RunAsync("import", "903", "--db", empty.Target, ssda903);
        Assert.True(imported.ExitCode == 0, imported.Output);

        var again = Path.Combine(folder, "cin-again.xml");
        var againFolder = Path.Combine(folder, "903-again");
        Assert.Equal(0, (await CliRunner.RunAsync("export", "cin", "--db", empty.Target, "--year", "2025", "--out", again)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("export", "903", "--db", empty.Target, "--year", "2025", "--out", againFolder)).ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(cin, Ct), await File.ReadAllBytesAsync(again, Ct));
        foreach (var file in Directory.GetFiles(ssda903))
        {
            var first = await File.ReadAllBytesAsync(file, Ct);
            var second = await File.ReadAllBytesAsync(Path.Combine(againFolder, Path.GetFileName(file)), Ct);
            Assert.True(first.SequenceEqual(second), $"{Path.GetFileName(file)} differs after the round trip");
        }

        // The same file again changes nothing.
        var repeat = await CliRunner.RunAsync("import", "cin", "--db", empty.Target, cin);
        Assert.True(repeat.ExitCode == 0, repeat.Output);
        Assert.Contains("0 added, 0 changed", repeat.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_defects_is_refused_with_every_problem_and_nothing_written()
    {
        var cin = Path.Combine(folder, "cin.xml");
        Assert.Equal(0, (await CliRunner.RunAsync("export", "cin", "--db", db.Target, "--year", "2025", "--out", cin)).ExitCode);
        var xml = await File.ReadAllTextAsync(cin, Ct);
        var broken = System.Text.RegularExpressions.Regex.Replace(xml, "<CINreferralDate>[0-9-]+</CINreferralDate>", "<CINreferralDate>2025-02-30</CINreferralDate>");
        var bad = Path.Combine(folder, "bad.xml");
        await File.WriteAllTextAsync(bad, broken, Ct);

        await using var empty = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        await LanternDatabase.MigrateAsync(DbTarget.Parse(empty.Target), Ct);
        var result = await CliRunner.RunAsync("import", "cin", "--db", empty.Target, bad);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Nothing was imported", result.Output, StringComparison.Ordinal);
        Assert.Contains("CINreferralDate", result.Output, StringComparison.Ordinal);
        await using var context = LanternDatabase.CreateContext(DbTarget.Parse(empty.Target));
        Assert.Equal(0, await context.Children.CountAsync(Ct));
        var job = await context.ReturnJobs.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(ReturnJobStatus.Refused, job.Status);
        Assert.True(job.ProblemCount > 1, "every referral date is reported, not just the first");
        Assert.Equal(job.ProblemCount, await context.ReturnJobProblems.CountAsync(Ct));

        // Not XML at all: unreadable, exit 2.
        var junk = Path.Combine(folder, "junk.xml");
        await File.WriteAllBytesAsync(junk, [0x00, 0x01, 0xFF, 0x42], Ct);
        var unreadable = await CliRunner.RunAsync("import", "cin", "--db", empty.Target, junk);
        Assert.Equal(2, unreadable.ExitCode);
        Assert.Equal(0, await context.Children.CountAsync(Ct));
    }

    [Theory]
    [InlineData(new[] { "export", "cin", "--out", "x.xml", "--year", "2025" }, "Enter a database with --db")]
    [InlineData(new[] { "export", "cin", "--db", "DB", "--out", "x.xml" }, "Enter the collection year with --year")]
    [InlineData(new[] { "export", "cin", "--db", "DB", "--out", "x.xml", "--year", "2019" }, "2019 is not one of them")]
    [InlineData(new[] { "export", "cin", "--db", "DB", "--out", "x.xml", "--year", "last" }, "for example 2026 for 2025-26")]
    [InlineData(new[] { "export", "cin", "--db", "DB", "--year", "2025" }, "Enter the file to write with --out")]
    [InlineData(new[] { "export", "903", "--db", "DB", "--year", "2025" }, "Enter the folder to write the SSDA903 files to with --out")]
    [InlineData(new[] { "export", "annex-a", "--db", "DB", "--out", "a.xlsx", "--as-at", "31/03/2025" }, "--as-at must be a real date in the form yyyy-mm-dd")]
    [InlineData(new[] { "export", "workforce", "--db", "DB", "--out", "w.csv", "--as-at", "2025-03-31" }, "The workforce census is taken on 30 September")]
    [InlineData(new[] { "import", "cin", "--db", "DB", "no-such-file.xml" }, "There is no file at 'no-such-file.xml'")]
    [InlineData(new[] { "import", "903", "--db", "DB", "no-such-folder" }, "There is no folder at 'no-such-folder'")]
    [InlineData(new[] { "import", "cin", "--db", "DB", "--year", "2025", "x.xml" }, "A CIN census names its own year in its header: leave out --year.")]
    public async Task Bad_options_get_one_clear_message_and_exit_code_2(string[] args, string message)
    {
        var result = await CliRunner.RunAsync([.. args.Select(a => a == "DB" ? db.Target : a)]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, string.Join(' ', result.Output.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
