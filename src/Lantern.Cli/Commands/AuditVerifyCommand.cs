using System.ComponentModel;
using Lantern.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern audit verify</c>: reads the whole audit trail and checks its hash chain.
/// Exit 0 when intact, 1 at the first broken entry, 2 when there is no (migrated) database to check.</summary>
public sealed class AuditVerifyCommand(IAnsiConsole console) : AsyncCommand<AuditVerifyCommand.Settings>
{
    public const int Broken = 1;

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <TARGET>")]
        [Description("SQLite file path, or a PostgreSQL connection string starting Host=")]
        public string? Db { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var target = SeedCommand.ParseTarget(Options.Db(settings.Db));
        if (target.Provider == DbProvider.Sqlite && !File.Exists(target.FilePath))
        {
            throw new UsageException($"There is no database at '{target.FilePath}'. Check the path given with --db.");
        }

        // Nothing is migrated or created: an audit check must not change what it checks.
        var result = await AuditTrail.VerifyAsync(target, cancellationToken: cancellationToken);
        if (result.Break is { } broken)
        {
            var intact = broken.EntryId <= 1
                ? "No entry before it is intact."
                : broken.EntryId == 2 ? "Entry 1 is intact." : $"Entries 1 to {broken.EntryId - 1:N0} are intact.";
            console.MarkupLineInterpolated($"[red]Audit trail broken at entry {broken.EntryId:N0}:[/] {broken.Problem}. {intact}");
            return Broken;
        }

        // One line, never wrapped, so the hash can be copied whole.
        console.Profile.Width = int.MaxValue;
        console.MarkupLineInterpolated($"Audit trail intact: {result.Checked:N0} {(result.Checked == 1 ? "entry" : "entries")}, last hash {result.LastHash}.");
        console.MarkupLine("[grey]Record the last hash: the next check should find it again, which shows that no entries were cut off the end.[/]");
        return 0;
    }
}
