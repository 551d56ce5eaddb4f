namespace Lantern.Domain.Codes;

/// <summary>CIN ReasonForClosure (N00103). RC9 from the 2022-23 collection.</summary>
public readonly record struct ClosureReason : IDfeCode<ClosureReason>
{
    public ClosureReason(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "ClosureReason",
        new("RC1", "Adopted"),
        new("RC2", "Died"),
        new("RC3", "Child arrangements order"),
        new("RC4", "Special guardianship order"),
        new("RC5", "Transferred to services of another local authority"),
        new("RC6", "Transferred to adult social care"),
        new("RC7", "Services ceased for any other reason, including child no longer in need"),
        new("RC8", "Case closed after assessment, no further action"),
        new("RC9", "Case closed after assessment, referred to early help", 2023, null));

    public static readonly ClosureReason Adopted = new("RC1");
    public static readonly ClosureReason Died = new("RC2");
    public static readonly ClosureReason Cao = new("RC3");
    public static readonly ClosureReason Sgo = new("RC4");
    public static readonly ClosureReason TransferredLa = new("RC5");
    public static readonly ClosureReason TransferredAdult = new("RC6");
    public static readonly ClosureReason ServicesCeased = new("RC7");
    public static readonly ClosureReason NfaAfterAssessment = new("RC8");
    public static readonly ClosureReason EarlyHelpAfterAssessment = new("RC9");

    public string Label => Set.Label(Code);

    public static ClosureReason FromCode(string code) => new(code);

    public override string ToString() => Code;
}
