namespace Lantern.Domain.Codes;

/// <summary>SSDA903 PLACE: placement type (validity by collection year).</summary>
public readonly record struct PlacementType : IDfeCode<PlacementType>
{
    public PlacementType(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "PlacementType",
        new("A3", "Placed for adoption with consent, with current foster carer"),
        new("A4", "Placed for adoption with consent, not with current foster carer"),
        new("A5", "Placed for adoption under placement order, with current foster carer"),
        new("A6", "Placed for adoption under placement order, not with current foster carer"),
        new("H5", "Semi-independent living not subject to children's homes regulations", null, 2024),
        new("K1", "Secure children's home"),
        new("K2", "Children's home subject to Children's Homes Regulations"),
        new("K3", "Registered supported accommodation", 2025, null),
        new("P1", "Placed with own parent(s) or person with parental responsibility"),
        new("P2", "Independent living", null, 2024),
        new("P3", "Residential employment"),
        new("R1", "Residential care home"),
        new("R2", "NHS or health trust or other medical or nursing establishment"),
        new("R3", "Family centre or mother and baby unit"),
        new("R5", "Young offender institution"),
        new("S1", "Residential school"),
        new("T0", "All types of temporary move"),
        new("T1", "Temporary – hospital"),
        new("T2", "Temporary – child on holiday"),
        new("T3", "Temporary – while normal foster carer on holiday"),
        new("T4", "Temporary accommodation of seven days or less"),
        new("U1", "Foster placement with relative or friend – long-term"),
        new("U2", "Foster placement with relative or friend who is also an approved adopter"),
        new("U3", "Foster placement with relative or friend – not long-term or FFA"),
        new("U4", "Foster placement with other carer – long-term"),
        new("U5", "Foster placement with other carer who is also an approved adopter"),
        new("U6", "Foster placement with other carer – not long-term or FFA"),
        new("Z1", "Other placements", null, 2025),
        new("Z11", "Other placement (sub-code 11)", 2026, null),
        new("Z12", "Other placement (sub-code 12)", 2026, null),
        new("Z13", "Other placement (sub-code 13)", 2026, null),
        new("Z14", "Other placement (sub-code 14)", 2026, null));

    public static readonly PlacementType AdoptionWithFosterCarer = new("A5");
    public static readonly PlacementType Adoption = new("A6");
    public static readonly PlacementType SemiIndependent = new("H5");
    public static readonly PlacementType SecureHome = new("K1");
    public static readonly PlacementType ChildrensHome = new("K2");
    public static readonly PlacementType SupportedAccommodation = new("K3");
    public static readonly PlacementType WithParents = new("P1");
    public static readonly PlacementType IndependentLiving = new("P2");
    public static readonly PlacementType Residential = new("R1");
    public static readonly PlacementType MotherAndBaby = new("R3");
    public static readonly PlacementType Yoi = new("R5");
    public static readonly PlacementType ResidentialSchool = new("S1");
    public static readonly PlacementType KinshipLongTerm = new("U1");
    public static readonly PlacementType KinshipFfa = new("U2");
    public static readonly PlacementType KinshipShortTerm = new("U3");
    public static readonly PlacementType FosterLongTerm = new("U4");
    public static readonly PlacementType FosterFfa = new("U5");
    public static readonly PlacementType FosterShortTerm = new("U6");

    public string Label => Set.Label(Code);

    public static PlacementType FromCode(string code) => new(code);

    public override string ToString() => Code;
}
