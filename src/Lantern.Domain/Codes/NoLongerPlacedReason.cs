namespace Lantern.Domain.Codes;

/// <summary>SSDA903 REASON_PLACED_CEASED: why the decision to place for adoption was reversed.</summary>
public readonly record struct NoLongerPlacedReason : IDfeCode<NoLongerPlacedReason>
{
    public NoLongerPlacedReason(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "NoLongerPlacedReason",
        new("RD1", "Child's needs changed"),
        new("RD2", "Court did not make placement order"),
        new("RD3", "Prospective adopters could not be found"),
        new("RD4", "Any other reason"));

    public static readonly NoLongerPlacedReason NeedsChanged = new("RD1");
    public static readonly NoLongerPlacedReason NoPlacementOrder = new("RD2");
    public static readonly NoLongerPlacedReason NoAdopters = new("RD3");
    public static readonly NoLongerPlacedReason Other = new("RD4");

    public string Label => Set.Label(Code);

    public static NoLongerPlacedReason FromCode(string code) => new(code);

    public override string ToString() => Code;
}
