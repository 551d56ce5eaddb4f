namespace Lantern.Domain.Codes;

/// <summary>SSDA903 OC3 ACCOM: letter for the type, digit 1 suitable / 2 not suitable.</summary>
public readonly record struct CareLeaverAccommodation : IDfeCode<CareLeaverAccommodation>
{
    public CareLeaverAccommodation(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "CareLeaverAccommodation",
        new("B1", "With parents or relatives – suitable"),
        new("B2", "With parents or relatives – not suitable"),
        new("C1", "Community home or other residential care – suitable"),
        new("C2", "Community home or other residential care – not suitable"),
        new("D1", "Semi-independent transitional accommodation – suitable"),
        new("D2", "Semi-independent transitional accommodation – not suitable"),
        new("E1", "Supported lodgings – suitable"),
        new("E2", "Supported lodgings – not suitable"),
        new("G1", "Gone abroad – suitable"),
        new("G2", "Gone abroad – not suitable"),
        new("H1", "Deported – suitable"),
        new("H2", "Deported – not suitable"),
        new("K1", "Ordinary lodgings without support – suitable"),
        new("K2", "Ordinary lodgings without support – not suitable"),
        new("R1", "Residence not known – suitable"),
        new("R2", "Residence not known – not suitable"),
        new("S1", "No fixed abode or homeless – suitable"),
        new("S2", "No fixed abode or homeless – not suitable"),
        new("T1", "Foyers and similar – suitable"),
        new("T2", "Foyers and similar – not suitable"),
        new("U1", "Independent living – suitable"),
        new("U2", "Independent living – not suitable"),
        new("V1", "Emergency accommodation – suitable"),
        new("V2", "Emergency accommodation – not suitable"),
        new("W1", "Bed and breakfast – suitable"),
        new("W2", "Bed and breakfast – not suitable"),
        new("X1", "In custody – suitable"),
        new("X2", "In custody – not suitable"),
        new("Y1", "Other accommodation – suitable"),
        new("Y2", "Other accommodation – not suitable"),
        new("Z1", "With former foster carers – suitable"),
        new("Z2", "With former foster carers – not suitable"),
        new("0", "Not applicable"));

    public static readonly CareLeaverAccommodation IndependentSuitable = new("U1");
    public static readonly CareLeaverAccommodation SemiIndependentSuitable = new("D1");
    public static readonly CareLeaverAccommodation ParentsSuitable = new("B1");
    public static readonly CareLeaverAccommodation FormerFosterCarersSuitable = new("Z1");
    public static readonly CareLeaverAccommodation HomelessUnsuitable = new("S2");
    public static readonly CareLeaverAccommodation BedAndBreakfastUnsuitable = new("W2");
    public static readonly CareLeaverAccommodation NotApplicable = new("0");

    public string Label => Set.Label(Code);

    public static CareLeaverAccommodation FromCode(string code) => new(code);

    public override string ToString() => Code;
}
