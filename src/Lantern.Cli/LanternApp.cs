using Lantern.Cli.Commands;
using Lantern.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lantern.Cli;

/// <summary>The `lantern` command. Exit codes: 0 success, 1 a check failed, 2 bad input or an
/// unreachable database (one clear message, nothing written).</summary>
public static class LanternApp
{
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("lantern");
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.PropagateExceptions();
            config.AddCommand<SeedCommand>("seed")
                .WithDescription("Create (or migrate) a database and fill it with the synthetic local authority.")
                .WithExample("seed", "--db", "data/lantern.db")
                .WithExample("seed", "--db", "Host=127.0.0.1;Database=lantern;Username=postgres;Password=secret", "--profile", "nel");
            config.AddCommand<StatsCommand>("stats")
                .WithDescription("Headline figures of a database as at a date.")
                .WithExample("stats", "--db", "data/lantern.db", "--as-at", "2020-03-31");
            config.AddCommand<IndicatorsCommand>("indicators")
                .WithDescription("Every performance indicator as at a date (JSON or CSV), optionally with a monthly series.")
                .WithExample("indicators", "--db", "data/lantern.db", "--as-at", "2020-03-31")
                .WithExample("indicators", "--db", "data/lantern.db", "--as-at", "2026-03-31", "--months", "36", "--format", "csv")
                .WithExample("indicators", "--list", "--format", "csv");
            config.AddBranch("audit", audit =>
            {
                audit.SetDescription("The audit trail of reads, writes, searches and sign-ins.");
                audit.AddCommand<AuditVerifyCommand>("verify")
                    .WithDescription("Check that the audit trail is intact (exit 0), or name the first broken entry (exit 1).")
                    .WithExample("audit", "verify", "--db", "data/lantern.db");
            });
            config.AddBranch("benchmarks", benchmarks =>
            {
                benchmarks.SetDescription("Statistical-neighbour and regional benchmarks for the indicators.");
                benchmarks.AddCommand<BenchmarksLoadCommand>("load")
                    .WithDescription("Load an analyst's benchmark CSV, replacing the benchmarks of the comparators it has lines for (all lines or none).")
                    .WithExample("benchmarks", "load", "--db", "data/lantern.db", "--file", "benchmarks.csv");
            });
            config.AddBranch("targets", targets =>
            {
                targets.SetDescription("The council's indicator targets (red, amber, green).");
                targets.AddCommand<TargetsSetCommand>("set")
                    .WithDescription("Set the target of an indicator and the margin within which a miss is amber.")
                    .WithExample("targets", "set", "--db", "data/lantern.db", "--indicator", "rereferrals_12m_pct", "--target", "20", "--amber", "2");
            });
            config.AddCommand<CalibrateCommand>("calibrate")
                .WithDescription("Generate the synthetic authority in memory and compare it with the calibration targets.");
        });

        var err = console ?? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        try
        {
            return await app.RunAsync(args);
        }
        catch (CommandAppException ex)
        {
            err.MarkupLineInterpolated($"[red]Error:[/] {ex.Message}");
            return BadInput;
        }
        catch (UsageException ex)
        {
            err.MarkupLineInterpolated($"[red]Error:[/] {ex.Message}");
            return BadInput;
        }
        catch (DatabaseUnavailableException ex)
        {
            err.MarkupLineInterpolated($"[red]Error:[/] {ex.Message}");
            return BadInput;
        }
        catch (DatabaseNotEmptyException ex)
        {
            err.MarkupLineInterpolated($"[red]Error:[/] {ex.Message}");
            return BadInput;
        }
        catch (DatabaseNotMigratedException ex)
        {
            err.MarkupLineInterpolated($"[red]Error:[/] {ex.Message}");
            return BadInput;
        }
        catch (ArgumentException ex)
        {
            err.MarkupLineInterpolated($"[red]Error:[/] {ex.Message}");
            return BadInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // No stack trace for users; the type helps a developer find the cause.
            err.MarkupLineInterpolated($"[red]Unexpected error ({ex.GetType().Name}):[/] {ex.Message}");
            return 1;
        }
    }
}

/// <summary>Input a user must correct; the message names the option and the fix.</summary>
public sealed class UsageException(string message) : Exception(message);
