namespace Lantern.Domain.Codes;

/// <summary>SSDA903 OC3 IN_TOUCH.</summary>
public readonly record struct CareLeaverInTouch : IDfeCode<CareLeaverInTouch>
{
    public CareLeaverInTouch(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "CareLeaverInTouch",
        new("YES", "In touch"),
        new("NO", "Not in touch"),
        new("DIED", "Died"),
        new("REFU", "Refuses contact"),
        new("NREQ", "No longer requires services"),
        new("RHOM", "Returned home to parents for six months or more"));

    public static readonly CareLeaverInTouch Yes = new("YES");
    public static readonly CareLeaverInTouch No = new("NO");
    public static readonly CareLeaverInTouch Refused = new("REFU");
    public static readonly CareLeaverInTouch NotRequired = new("NREQ");

    public string Label => Set.Label(Code);

    public static CareLeaverInTouch FromCode(string code) => new(code);

    public override string ToString() => Code;
}
