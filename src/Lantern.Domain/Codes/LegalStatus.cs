namespace Lantern.Domain.Codes;

/// <summary>SSDA903 LS: legal status.</summary>
public readonly record struct LegalStatus : IDfeCode<LegalStatus>
{
    public LegalStatus(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "LegalStatus",
        new("C1", "Interim care order"),
        new("C2", "Full care order"),
        new("D1", "Freeing order granted"),
        new("E1", "Placement order granted"),
        new("V2", "Single period of accommodation under section 20"),
        new("V3", "Agreed series of short-term breaks, individual episodes recorded"),
        new("V4", "Agreed series of short-term breaks, agreements recorded"),
        new("L1", "Under police protection and in local authority accommodation"),
        new("L2", "Emergency protection order"),
        new("L3", "Under child assessment order and in local authority accommodation"),
        new("J1", "Remanded to local authority accommodation or youth detention accommodation"),
        new("J2", "Placed in local authority accommodation under PACE"),
        new("J3", "Sentenced to a youth rehabilitation order with residence or intensive fostering requirement"));

    public static readonly LegalStatus InterimCareOrder = new("C1");
    public static readonly LegalStatus FullCareOrder = new("C2");
    public static readonly LegalStatus PlacementOrder = new("E1");
    public static readonly LegalStatus Section20 = new("V2");
    public static readonly LegalStatus ShortBreaksEpisodes = new("V3");
    public static readonly LegalStatus ShortBreaksAgreements = new("V4");
    public static readonly LegalStatus PoliceProtection = new("L1");
    public static readonly LegalStatus Epo = new("L2");
    public static readonly LegalStatus Remand = new("J1");

    public string Label => Set.Label(Code);

    public static LegalStatus FromCode(string code) => new(code);

    public override string ToString() => Code;
}
