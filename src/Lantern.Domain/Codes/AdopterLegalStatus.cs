namespace Lantern.Domain.Codes;

/// <summary>SSDA903 LS_ADOPTR.</summary>
public readonly record struct AdopterLegalStatus : IDfeCode<AdopterLegalStatus>
{
    public AdopterLegalStatus(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "AdopterLegalStatus",
        new("L0", "Single person"),
        new("L11", "Married couple of different sex"),
        new("L12", "Married couple of same sex"),
        new("L2", "Civil partners"),
        new("L3", "Unmarried couple of different sex"),
        new("L4", "Unmarried couple of same sex"));

    public static readonly AdopterLegalStatus Single = new("L0");
    public static readonly AdopterLegalStatus MarriedDifferentSex = new("L11");
    public static readonly AdopterLegalStatus MarriedSameSex = new("L12");
    public static readonly AdopterLegalStatus CivilPartners = new("L2");
    public static readonly AdopterLegalStatus UnmarriedDifferentSex = new("L3");

    public string Label => Set.Label(Code);

    public static AdopterLegalStatus FromCode(string code) => new(code);

    public override string ToString() => Code;
}
