using System.Globalization;

namespace Lantern.Web.Security;

/// <summary>Times as people in England read them, in UK time: "31 March 2026 at 2:05pm".</summary>
public static class TimeDisplay
{
    /// <summary>UK time (Europe/London), or UTC where the machine has no time zone data.</summary>
    public static TimeZoneInfo UkTime { get; } = FindUkTime();

    /// <summary>A UTC time as the clock in England shows it.</summary>
    public static DateTime ToUk(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);

    public static string Format(DateTime utc)
    {
        var local = ToUk(utc);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var suffix = local.Hour < 12 ? "am" : "pm";
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day} {local.ToString("MMMM yyyy", CultureInfo.InvariantCulture)} at {hour}:{local.Minute:00}{suffix}");
    }

    private static TimeZoneInfo FindUkTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
        catch (InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
