namespace Lantern.Domain.Codes;

/// <summary>SSDA903 SDQ_REASON: why no SDQ score.</summary>
public readonly record struct SdqReason : IDfeCode<SdqReason>
{
    public SdqReason(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "SdqReason",
        new("SDQ1", "No form returned as child was aged under 4 or over 16"),
        new("SDQ2", "Carer refused"),
        new("SDQ3", "Child's disability too severe"),
        new("SDQ4", "Other"),
        new("SDQ5", "Young person refused"));

    public static readonly SdqReason Age = new("SDQ1");
    public static readonly SdqReason CarerRefused = new("SDQ2");
    public static readonly SdqReason Other = new("SDQ4");

    public string Label => Set.Label(Code);

    public static SdqReason FromCode(string code) => new(code);

    public override string ToString() => Code;
}
