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
            config.AddBranch("export", export =>
            {
                export.SetDescription("The statutory returns from the live record, each a recorded job.");
                export.AddCommand<ExportCinCommand>("cin")
                    .WithDescription("The CIN census XML of a collection year, in that year's layout.")
                    .WithExample("export", "cin", "--db", "data/lantern.db", "--year", "2026", "--out", "cin-2026.xml");
                export.AddCommand<Export903Command>("903")
                    .WithDescription("The SSDA903 CSV files of a collection year, with the previous year's in previous/.")
                    .WithExample("export", "903", "--db", "data/lantern.db", "--year", "2026", "--out", "903-2026");
                export.AddCommand<ExportAnnexACommand>("annex-a")
                    .WithDescription("Ofsted's Annex A workbook (11 lists) as at a date.")
                    .WithExample("export", "annex-a", "--db", "data/lantern.db", "--as-at", "2026-03-31", "--out", "annex-a.xlsx");
                export.AddCommand<ExportWorkforceCommand>("workforce")
                    .WithDescription("The children's social work workforce census (CSV) as at 30 September.")
                    .WithExample("export", "workforce", "--db", "data/lantern.db", "--as-at", "2025-09-30", "--out", "workforce-2025.csv");
            });
            config.AddBranch("import", import =>
            {
                import.SetDescription("Bring returns made by another system into the record: all of a file or none of it.");
                import.AddCommand<ImportCinCommand>("cin")
                    .WithDescription("Import a CIN census XML file (any year's layout).")
                    .WithExample("import", "cin", "--db", "data/lantern.db", "cin-2026.xml");
                import.AddCommand<Import903Command>("903")
                    .WithDescription("Import a folder of SSDA903 CSV files (or the XML), any year's codes.")
                    .WithExample("import", "903", "--db", "data/lantern.db", "903-2026");
            });
            config.AddBranch("validate", validate =>
            {
                validate.SetDescription("Run every DfE validation rule on a return file, from Lantern or any other system; prints JSON.");
                validate.AddCommand<ValidateCinCommand>("cin")
                    .WithDescription("Validate a CIN census XML file (any year's layout) against the CIN census rules.")
                    .WithExample("validate", "cin", "cin-2026.xml", "--detail");
                validate.AddCommand<Validate903Command>("903")
                    .WithDescription("Validate a folder of SSDA903 files against the SSDA903 rules of its year.")
                    .WithExample("validate", "903", "903-2026", "--previous", "903-2026/previous");
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
