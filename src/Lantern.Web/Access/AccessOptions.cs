namespace Lantern.Web.Access;

/// <summary>Settings from the <c>Lantern:Access</c> configuration section.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Lantern:Access";

    /// <summary>Distinct children opened outside one's own work within the window that raise an alert.</summary>
    public int AlertThreshold { get; set; } = 20;

    /// <summary>The length of the sliding window, in minutes.</summary>
    public int AlertWindowMinutes { get; set; } = 60;

    /// <summary>How far back the alerts page looks, in days.</summary>
    public int AlertLookbackDays { get; set; } = 30;

    /// <summary>How far back the break-glass report looks, in days.</summary>
    public int BreakGlassReportDays { get; set; } = 90;
}
