namespace Lantern.Domain.Codes;

/// <summary>SSDA903 SEX_ADOPTR.</summary>
public readonly record struct AdopterSex : IDfeCode<AdopterSex>
{
    public AdopterSex(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "AdopterSex",
        new("M1", "Male adopter"),
        new("F1", "Female adopter"),
        new("MM", "Male couple"),
        new("FF", "Female couple"),
        new("MF", "Male and female couple"));

    public static readonly AdopterSex Man = new("M1");
    public static readonly AdopterSex Woman = new("F1");
    public static readonly AdopterSex TwoMen = new("MM");
    public static readonly AdopterSex TwoWomen = new("FF");
    public static readonly AdopterSex ManAndWoman = new("MF");

    public string Label => Set.Label(Code);

    public static AdopterSex FromCode(string code) => new(code);

    public override string ToString() => Code;
}
