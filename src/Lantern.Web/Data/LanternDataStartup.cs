using Lantern.Data;
using Lantern.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Data;

public static class LanternDataStartup
{
    /// <summary>Registers <see cref="LanternDataOptions"/> and a scoped <see cref="LanternDbContext"/>.
    /// Configuration is read when first resolved, so test hosts can override it.</summary>
    public static IServiceCollection AddLanternData(this IServiceCollection services)
    {
        services.AddSingleton(sp => LanternDataOptions.From(
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
        services.AddScoped(sp => LanternDatabase.CreateContext(sp.GetRequiredService<LanternDataOptions>().Target));
        return services;
    }

    /// <summary>Migrates the database and, when it has no children and seeding is on, writes the
    /// synthetic demo authority and its demo accounts. Logs counts and table names only, never
    /// personal data.</summary>
    public static async Task InitialiseLanternDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<LanternDataOptions>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Lantern.Web.Data");

        logger.LogInformation("Migrating {Database}", options.Target.Display);
        await LanternDatabase.MigrateAsync(options.Target, cancellationToken);

        if (!options.SeedOnStartup)
        {
            return;
        }

        await using (var context = LanternDatabase.CreateContext(options.Target))
        {
            if (await context.Children.AnyAsync(cancellationToken))
            {
                // A demo database seeded before sign-in existed: add the demo accounts (and their
                // audit history) so that it can still be used.
                if (!await context.Users.AnyAsync(cancellationToken))
                {
                    logger.LogInformation("The demo database has no accounts: creating the demo accounts");
                    var existing = await SnapshotLoader.LoadAsync(options.Target, cancellationToken);
                    var created = await DemoAccess.WriteAsync(options.Target, existing, options.Today, cancellationToken);
                    logger.LogInformation("Created {Accounts} demo accounts (see the README)", created);
                }

                return;
            }
        }

        var generatorOptions = new GeneratorOptions { Defects = true };
        if (options.SeedPopulation is { } population)
        {
            generatorOptions = generatorOptions with { Population = population };
        }

        if (options.SeedFrom is { } from)
        {
            generatorOptions = generatorOptions with { From = from };
        }

        if (options.SeedTo is { } to)
        {
            generatorOptions = generatorOptions with { To = to };
        }

        logger.LogInformation("The database has no children: generating the synthetic demo authority");
        var result = SyntheticAuthority.Generate(generatorOptions);
        logger.LogInformation("Generated {Children} synthetic children; writing them", result.Data.Children.Count);

        var progress = new Progress<(string table, long done, long total)>(p =>
        {
            if (p.done == p.total)
            {
                logger.LogInformation("Wrote {Table}: {Rows} rows", p.table, p.total);
            }
        });
        var rows = await AuthorityWriter.WriteAsync(options.Target, result.Data, progress, replace: false, cancellationToken);
        logger.LogInformation("Seeded the demo authority: {Rows} rows", rows);
        var accounts = await DemoAccess.WriteAsync(options.Target, result.Data, options.Today, cancellationToken);
        logger.LogInformation("Created {Accounts} demo accounts (see the README)", accounts);
    }
}
