using System.Globalization;

namespace Lantern.Cli.Commands;

internal static class Options
{
    public static DateOnly Date(string? value, string option)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException($"Enter a date for {option} in the form yyyy-mm-dd.");
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new UsageException($"{option} must be a real date in the form yyyy-mm-dd, for example 2020-03-31 (got '{value}').");
        }

        return date;
    }

    public static string Db(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException("Enter a database with --db: a SQLite file path, or a PostgreSQL connection string starting Host=.");
        }

        return value;
    }
}
