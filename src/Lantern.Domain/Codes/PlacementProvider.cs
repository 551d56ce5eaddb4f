namespace Lantern.Domain.Codes;

/// <summary>SSDA903 PLACE_PROVIDER.</summary>
public readonly record struct PlacementProvider : IDfeCode<PlacementProvider>
{
    public PlacementProvider(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "PlacementProvider",
        new("PR0", "Parent(s) or other person with parental responsibility"),
        new("PR1", "Own provision (by the local authority)"),
        new("PR2", "Other local authority provision"),
        new("PR3", "Other public provision"),
        new("PR4", "Private provision"),
        new("PR5", "Voluntary or third sector provision"));

    public static readonly PlacementProvider Parents = new("PR0");
    public static readonly PlacementProvider OwnLa = new("PR1");
    public static readonly PlacementProvider OtherLa = new("PR2");
    public static readonly PlacementProvider OtherPublic = new("PR3");
    public static readonly PlacementProvider Private = new("PR4");
    public static readonly PlacementProvider Voluntary = new("PR5");

    public string Label => Set.Label(Code);

    public static PlacementProvider FromCode(string code) => new(code);

    public override string ToString() => Code;
}
