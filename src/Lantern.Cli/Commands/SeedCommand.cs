using System.ComponentModel;
using System.Diagnostics;
using Lantern.Data;
using Lantern.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lantern.Cli.Commands;

public sealed class SeedCommand(IAnsiConsole console) : AsyncCommand<SeedCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <TARGET>")]
        [Description("SQLite file path, or a PostgreSQL connection string starting Host=")]
        public string? Db { get; init; }

        [CommandOption("--profile <NAME>")]
        [Description("Synthetic authority profile (default nel)")]
        [DefaultValue("nel")]
        public string Profile { get; init; } = "nel";

        [CommandOption("--population <N>")]
        [Description("Children aged 0-17 (default: the profile's own, 34,000 for nel)")]
        public string? Population { get; init; }

        [CommandOption("--from <DATE>")]
        [Description("First date of the generated history, yyyy-mm-dd (default 2015-04-01)")]
        [DefaultValue("2015-04-01")]
        public string From { get; init; } = "2015-04-01";

        [CommandOption("--to <DATE>")]
        [Description("Last date of the generated history, yyyy-mm-dd (default 2026-03-31)")]
        [DefaultValue("2026-03-31")]
        public string To { get; init; } = "2026-03-31";

        [CommandOption("--seed <N>")]
        [Description("Random seed: the same seed gives the same authority (default 42)")]
        [DefaultValue("42")]
        public string Seed { get; init; } = "42";

        [CommandOption("--defects <ON|OFF>")]
        [Description("Inject realistic recording defects (default on)")]
        [DefaultValue("on")]
        public string Defects { get; init; } = "on";

        [CommandOption("--replace")]
        [Description("Delete the records already in the database first")]
        public bool Replace { get; init; }
    }

    internal static GeneratorOptions ParseOptions(Settings settings)
    {
        if (Synthetic.Profile.Find(settings.Profile) is null)
        {
            throw new UsageException($"Unknown profile '{settings.Profile}' for --profile. Known profiles: {string.Join(", ", Synthetic.Profile.Names)}.");
        }

        var from = Options.Date(settings.From, "--from");
        var to = Options.Date(settings.To, "--to");
        if (to < from)
        {
            throw new UsageException($"--to ({to:yyyy-MM-dd}) is before --from ({from:yyyy-MM-dd}): the range must end on or after the day it starts.");
        }

        if (from.Year < 2002 || to.Year > 2049)
        {
            throw new UsageException("--from and --to must lie between 2002 and 2049, the years the working-day calendar covers with room for history.");
        }

        long? population = null;
        if (settings.Population is not null)
        {
            if (!long.TryParse(settings.Population, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture, out var p))
            {
                throw new UsageException($"--population must be a whole number of children, for example 34000 (got '{settings.Population}').");
            }

            if (p < 1)
            {
                throw new UsageException($"--population must be at least 1 (got {p}).");
            }

            if (p > 20_000_000)
            {
                throw new UsageException($"--population must be at most 20,000,000, about England's children (got {p}).");
            }

            population = p;
        }

        if (!int.TryParse(settings.Seed, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seed))
        {
            throw new UsageException($"--seed must be a whole number (got '{settings.Seed}').");
        }

        var defects = settings.Defects.Trim().ToUpperInvariant() switch
        {
            "ON" => true,
            "OFF" => false,
            _ => throw new UsageException($"--defects must be on or off (got '{settings.Defects}')."),
        };

        return new GeneratorOptions { Profile = settings.Profile.ToLowerInvariant(), Population = population, From = from, To = to, Seed = seed, Defects = defects };
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var db = Options.Db(settings.Db);
        var options = ParseOptions(settings);
        var target = ParseTarget(db);
        var clock = Stopwatch.StartNew();

        // Reach the database before generating anything, so a bad target fails fast.
        await LanternDatabase.MigrateAsync(target, cancellationToken);
        GenerationResult? result = null;
        long rows = 0;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var generate = ctx.AddTask("Generating the authority", maxValue: 1);
                result = SyntheticAuthority.Generate(options, new Progress<string>(m => generate.Description = m));
                generate.Description = "Generated the authority";
                generate.Value = 1;
                var write = ctx.AddTask("Writing to the database", maxValue: result.Data.TotalRecords);
                long before = 0;
                var progress = new SyncProgress<(string table, long done, long total)>(p =>
                {
                    write.Description = $"Writing {p.table}";
                    write.Value = Math.Min(result.Data.TotalRecords, before + p.done);
                    if (p.done >= p.total)
                    {
                        before += p.total;
                    }
                });
                rows = await AuthorityWriter.WriteAsync(target, result.Data, progress, settings.Replace, cancellationToken);
                write.Value = write.MaxValue;
                write.Description = "Written to the database";
            });

        console.MarkupLineInterpolated($"Seeded [bold]{result!.Data.Children.Count:N0}[/] children and {rows:N0} records ({result.Defects.Count:N0} injected defects) in {clock.Elapsed.TotalSeconds:N1} s.");

        // Demo accounts and their audit history exist only in databases seeded with synthetic data.
        var accounts = await DemoAccess.WriteAsync(target, result.Data, options.To, cancellationToken);
        if (accounts > 0)
        {
            console.MarkupLineInterpolated($"Created {accounts:N0} demo accounts (password and authenticator key in the README).");
        }
        else
        {
            console.MarkupLine("The demo accounts already exist: none created.");
        }

        return 0;
    }

    internal static DbTarget ParseTarget(string db)
    {
        try
        {
            return DbTarget.Parse(db);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
