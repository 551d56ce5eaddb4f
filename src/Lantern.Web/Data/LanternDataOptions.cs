using System.Globalization;
using Lantern.Data;

namespace Lantern.Web.Data;

/// <summary>Database and demo settings from the <c>Lantern</c> configuration section.</summary>
public sealed class LanternDataOptions
{
    /// <summary>The demo's "today": the last day of the synthetic data.</summary>
    public static readonly DateOnly DefaultToday = new(2026, 3, 31);

    public const string DefaultDatabasePath = "data/lantern.db";

    public required DbTarget Target { get; init; }

    public DateOnly Today { get; init; } = DefaultToday;

    public bool SeedOnStartup { get; init; } = true;

    public long? SeedPopulation { get; init; }

    public DateOnly? SeedFrom { get; init; }

    public DateOnly? SeedTo { get; init; }

    public static LanternDataOptions From(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection("Lantern");
        var database = section["Database"];
        var target = string.IsNullOrWhiteSpace(database)
            ? DbTarget.Sqlite(Path.Combine(contentRoot, DefaultDatabasePath))
            : DbTarget.Parse(RootRelative(database, contentRoot));
        return new LanternDataOptions
        {
            Target = target,
            Today = Date(section["Today"]) ?? DefaultToday,
            SeedOnStartup = section.GetValue("SeedOnStartup", true),
            SeedPopulation = section.GetValue<long?>("SeedPopulation"),
            SeedFrom = Date(section["SeedFrom"]),
            SeedTo = Date(section["SeedTo"]),
        };
    }

    // A bare relative SQLite path is taken from the content root, not the working directory.
    private static string RootRelative(string database, string contentRoot)
    {
        var trimmed = database.Trim();
        if (trimmed.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
            || Path.IsPathRooted(trimmed))
        {
            return trimmed;
        }

        return Path.Combine(contentRoot, trimmed);
    }

    private static DateOnly? Date(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : DateOnly.ParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
