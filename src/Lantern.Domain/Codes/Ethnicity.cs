namespace Lantern.Domain.Codes;

/// <summary>Ethnicity (N00177), CIN and SSDA903.</summary>
public readonly record struct Ethnicity : IDfeCode<Ethnicity>
{
    public Ethnicity(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "Ethnicity",
        new("WBRI", "White British"),
        new("WIRI", "White Irish"),
        new("WIRT", "Traveller of Irish heritage"),
        new("WOTH", "Any other White background"),
        new("WROM", "Gypsy/Roma"),
        new("MWBC", "White and Black Caribbean"),
        new("MWBA", "White and Black African"),
        new("MWAS", "White and Asian"),
        new("MOTH", "Any other mixed background"),
        new("AIND", "Indian"),
        new("APKN", "Pakistani"),
        new("ABAN", "Bangladeshi"),
        new("AOTH", "Any other Asian background"),
        new("BCRB", "Caribbean"),
        new("BAFR", "African"),
        new("BOTH", "Any other Black background"),
        new("CHNE", "Chinese"),
        new("OOTH", "Any other ethnic group"),
        new("REFU", "Refused"),
        new("NOBT", "Information not yet obtained"));

    public static readonly Ethnicity WhiteBritish = new("WBRI");
    public static readonly Ethnicity NotObtained = new("NOBT");

    public string Label => Set.Label(Code);

    public static Ethnicity FromCode(string code) => new(code);

    public override string ToString() => Code;
}
