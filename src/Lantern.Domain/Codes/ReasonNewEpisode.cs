namespace Lantern.Domain.Codes;

/// <summary>SSDA903 RNE: reason for new episode of care.</summary>
public readonly record struct ReasonNewEpisode : IDfeCode<ReasonNewEpisode>
{
    public ReasonNewEpisode(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "ReasonNewEpisode",
        new("S", "Started to be looked after"),
        new("L", "Change of legal status only"),
        new("P", "Change of placement and carer(s) only"),
        new("T", "Change of placement but same carer(s) only"),
        new("B", "Change of legal status and of placement and carer(s) at the same time"),
        new("U", "Change of legal status and of placement, same carer(s), at the same time"));

    public static readonly ReasonNewEpisode Started = new("S");
    public static readonly ReasonNewEpisode LegalStatusChange = new("L");
    public static readonly ReasonNewEpisode PlacementChange = new("P");
    public static readonly ReasonNewEpisode SameCarerMove = new("T");
    public static readonly ReasonNewEpisode LegalAndPlacement = new("B");
    public static readonly ReasonNewEpisode LegalAndPlacementSameCarer = new("U");

    public string Label => Set.Label(Code);

    public static ReasonNewEpisode FromCode(string code) => new(code);

    public override string ToString() => Code;
}
