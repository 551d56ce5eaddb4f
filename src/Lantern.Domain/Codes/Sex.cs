namespace Lantern.Domain.Codes;

/// <summary>Sex (CIN N00783 from 2024-25; SSDA903 from 2024-25). Older returns code 1/2 (see LegacyGender).</summary>
public readonly record struct Sex : IDfeCode<Sex>
{
    public Sex(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "Sex",
        new("M", "Male"),
        new("F", "Female"),
        new("U", "Not known or not recorded (required for unborn children)"));

    public static readonly Sex Male = new("M");
    public static readonly Sex Female = new("F");
    public static readonly Sex Unknown = new("U");

    public string Label => Set.Label(Code);

    public static Sex FromCode(string code) => new(code);

    public override string ToString() => Code;
}
