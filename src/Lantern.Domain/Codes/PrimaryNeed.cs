namespace Lantern.Domain.Codes;

/// <summary>Category of need (CIN PrimaryNeedCode N00101; SSDA903 CIN accepts N1–N8 only).</summary>
public readonly record struct PrimaryNeed : IDfeCode<PrimaryNeed>
{
    public PrimaryNeed(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "PrimaryNeed",
        new("N1", "Abuse or neglect"),
        new("N2", "Child's disability"),
        new("N3", "Parental disability or illness"),
        new("N4", "Family in acute stress"),
        new("N5", "Family dysfunction"),
        new("N6", "Socially unacceptable behaviour"),
        new("N7", "Low income"),
        new("N8", "Absent parenting"),
        new("N9", "Cases other than children in need"),
        new("N0", "Not stated"));

    public static readonly PrimaryNeed AbuseOrNeglect = new("N1");
    public static readonly PrimaryNeed ChildsDisability = new("N2");
    public static readonly PrimaryNeed ParentalIllness = new("N3");
    public static readonly PrimaryNeed AcuteStress = new("N4");
    public static readonly PrimaryNeed FamilyDysfunction = new("N5");
    public static readonly PrimaryNeed SociallyUnacceptable = new("N6");
    public static readonly PrimaryNeed LowIncome = new("N7");
    public static readonly PrimaryNeed AbsentParenting = new("N8");
    public static readonly PrimaryNeed NotChildInNeed = new("N9");
    public static readonly PrimaryNeed NotStated = new("N0");

    public string Label => Set.Label(Code);

    public static PrimaryNeed FromCode(string code) => new(code);

    public override string ToString() => Code;
}
