namespace Lantern.Domain.Codes;

/// <summary>SSDA903 OC3 ACTIV.</summary>
public readonly record struct CareLeaverActivity : IDfeCode<CareLeaverActivity>
{
    public CareLeaverActivity(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "CareLeaverActivity",
        new("F1", "Full-time higher education"),
        new("P1", "Part-time higher education"),
        new("F2", "Full-time other education"),
        new("P2", "Part-time other education"),
        new("F4", "Full-time apprenticeship"),
        new("P4", "Part-time apprenticeship"),
        new("F5", "Full-time training or employment"),
        new("P5", "Part-time training or employment"),
        new("G4", "Not in education, employment or training – illness or disability"),
        new("G5", "Not in education, employment or training – other"),
        new("G6", "Not in education, employment or training – pregnancy or parenting"),
        new("0", "Not applicable"));

    public static readonly CareLeaverActivity HigherEducation = new("F1");
    public static readonly CareLeaverActivity OtherEducation = new("F2");
    public static readonly CareLeaverActivity Apprenticeship = new("F4");
    public static readonly CareLeaverActivity Employment = new("F5");
    public static readonly CareLeaverActivity NeetIllness = new("G4");
    public static readonly CareLeaverActivity NeetOther = new("G5");
    public static readonly CareLeaverActivity NeetParenting = new("G6");
    public static readonly CareLeaverActivity NotApplicable = new("0");

    public string Label => Set.Label(Code);

    public static CareLeaverActivity FromCode(string code) => new(code);

    public override string ToString() => Code;
}
