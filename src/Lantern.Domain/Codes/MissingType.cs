namespace Lantern.Domain.Codes;

/// <summary>SSDA903 MISSING: missing or away from placement without authorisation.</summary>
public readonly record struct MissingType : IDfeCode<MissingType>
{
    public MissingType(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "MissingType",
        new("M", "Missing"),
        new("A", "Away from placement without authorisation"));

    public static readonly MissingType Missing = new("M");
    public static readonly MissingType Away = new("A");

    public string Label => Set.Label(Code);

    public static MissingType FromCode(string code) => new(code);

    public override string ToString() => Code;
}
