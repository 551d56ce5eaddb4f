namespace Lantern.Domain.Codes;

/// <summary>CIN census ReferralSource (N00152); also the source of a contact.</summary>
public readonly record struct ReferralSource : IDfeCode<ReferralSource>
{
    public ReferralSource(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "ReferralSource",
        new("1A", "Individual – family member, relative or carer"),
        new("1B", "Individual – acquaintance (including neighbours and child minders)"),
        new("1C", "Individual – self"),
        new("1D", "Individual – other (including strangers)"),
        new("2A", "Schools"),
        new("2B", "Education services"),
        new("3A", "Health services – GP"),
        new("3B", "Health services – health visitor"),
        new("3C", "Health services – school nurse"),
        new("3D", "Health services – other primary health services"),
        new("3E", "Health services – A&E"),
        new("3F", "Health services – other"),
        new("4", "Housing"),
        new("5A", "LA services – social care"),
        new("5B", "LA services – other internal"),
        new("5C", "LA services – external"),
        new("5D", "LA services – early help"),
        new("6", "Police"),
        new("7", "Other legal agency"),
        new("8", "Other"),
        new("9", "Anonymous"),
        new("10", "Unknown"));

    public static readonly ReferralSource Family = new("1A");
    public static readonly ReferralSource Self = new("1C");
    public static readonly ReferralSource Schools = new("2A");
    public static readonly ReferralSource HealthVisitor = new("3B");
    public static readonly ReferralSource Gp = new("3A");
    public static readonly ReferralSource AandE = new("3E");
    public static readonly ReferralSource Housing = new("4");
    public static readonly ReferralSource EarlyHelp = new("5D");
    public static readonly ReferralSource Police = new("6");
    public static readonly ReferralSource LegalAgency = new("7");
    public static readonly ReferralSource Other = new("8");
    public static readonly ReferralSource Anonymous = new("9");
    public static readonly ReferralSource Unknown = new("10");

    public string Label => Set.Label(Code);

    public static ReferralSource FromCode(string code) => new(code);

    public override string ToString() => Code;
}
