namespace Lantern.Domain.Codes;

/// <summary>Reason a UPN is not known (N00135).</summary>
public readonly record struct UpnUnknownReason : IDfeCode<UpnUnknownReason>
{
    public UpnUnknownReason(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "UpnUnknownReason",
        new("UN1", "Child is not of school age and has not yet been assigned a UPN"),
        new("UN2", "Child has never attended a maintained school in England"),
        new("UN3", "Child is educated outside England"),
        new("UN4", "Child newly looked after or newly referred; UPN not yet known"),
        new("UN5", "Sources disagree and prevent matching"),
        new("UN6", "Other (label not verified)"),
        new("UN7", "Referral with no further action"));

    public static readonly UpnUnknownReason NotSchoolAge = new("UN1");
    public static readonly UpnUnknownReason NeverAttended = new("UN2");
    public static readonly UpnUnknownReason NewlyReferred = new("UN4");
    public static readonly UpnUnknownReason ReferralNfa = new("UN7");

    public string Label => Set.Label(Code);

    public static UpnUnknownReason FromCode(string code) => new(code);

    public override string ToString() => Code;
}
