namespace Lantern.Domain.Codes;

/// <summary>SSDA903 PREV_PERM.</summary>
public readonly record struct PreviousPermanence : IDfeCode<PreviousPermanence>
{
    public PreviousPermanence(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "PreviousPermanence",
        new("P1", "Adoption"),
        new("P2", "Special guardianship order"),
        new("P3", "Residence order or child arrangements order"),
        new("P4", "Unknown"),
        new("Z1", "No previous permanence option"));

    public static readonly PreviousPermanence Adoption = new("P1");
    public static readonly PreviousPermanence Sgo = new("P2");
    public static readonly PreviousPermanence Cao = new("P3");
    public static readonly PreviousPermanence Unknown = new("P4");
    public static readonly PreviousPermanence None = new("Z1");

    public string Label => Set.Label(Code);

    public static PreviousPermanence FromCode(string code) => new(code);

    public override string ToString() => Code;
}
