namespace Lantern.Domain.Codes;

/// <summary>Category of abuse on a child protection plan (N00113/N00114).</summary>
public readonly record struct AbuseCategory : IDfeCode<AbuseCategory>
{
    public AbuseCategory(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "AbuseCategory",
        new("NEG", "Neglect"),
        new("PHY", "Physical abuse"),
        new("SAB", "Sexual abuse"),
        new("EMO", "Emotional abuse"),
        new("MUL", "Multiple / not recommended"));

    public static readonly AbuseCategory Neglect = new("NEG");
    public static readonly AbuseCategory Physical = new("PHY");
    public static readonly AbuseCategory Sexual = new("SAB");
    public static readonly AbuseCategory Emotional = new("EMO");
    public static readonly AbuseCategory Multiple = new("MUL");

    public string Label => Set.Label(Code);

    public static AbuseCategory FromCode(string code) => new(code);

    public override string ToString() => Code;
}
