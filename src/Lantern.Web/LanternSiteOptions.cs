namespace Lantern.Web;

/// <summary>Site-wide settings bound from the <c>Lantern</c> configuration section.</summary>
public sealed class LanternSiteOptions
{
    public const string SectionName = "Lantern";

    public const string DefaultCouncilName = "North East Lincolnshire Council (synthetic demo)";

    /// <summary>Shown in the header; the organisation that runs this instance.</summary>
    public string CouncilName { get; set; } = DefaultCouncilName;
}
