namespace Lantern.Domain.Codes;

/// <summary>SSDA903 REC: reason episode ceased.</summary>
public readonly record struct ReasonEpisodeCeased : IDfeCode<ReasonEpisodeCeased>
{
    public ReasonEpisodeCeased(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "ReasonEpisodeCeased",
        new("X1", "Episode ceases, and new episode begins on same day"),
        new("E11", "Adopted – application unopposed"),
        new("E12", "Adopted – consent dispensed with"),
        new("E2", "Died"),
        new("E3", "Care taken over by another local authority"),
        new("E4A", "Returned home to parents or person with parental responsibility as part of care planning"),
        new("E4B", "Returned home, not as part of care planning"),
        new("E13", "Left care to live with parents or relatives without parental responsibility"),
        new("E41", "Child arrangements order"),
        new("E45", "Special guardianship order to former foster carers who are relatives or friends"),
        new("E46", "Special guardianship order to former foster carers, not relatives or friends"),
        new("E47", "Special guardianship order to carers who are relatives or friends (not former foster carers)"),
        new("E48", "Special guardianship order to carers, not relatives or friends (not former foster carers)"),
        new("E5", "Moved into independent living with supportive accommodation"),
        new("E6", "Moved into independent living without formalised support"),
        new("E7", "Transferred to residential care funded by adult social care"),
        new("E9", "Sentenced to custody"),
        new("E14", "Accommodation on remand ended"),
        new("E15", "Age assessment determined child aged 18 or over"),
        new("E16", "Child moved abroad"),
        new("E17", "Aged 18 or over and remained with current carers"),
        new("E8", "Period of being looked after ceased for any other reason"));

    public static readonly ReasonEpisodeCeased Continues = new("X1");
    public static readonly ReasonEpisodeCeased AdoptedUnopposed = new("E11");
    public static readonly ReasonEpisodeCeased AdoptedDispensed = new("E12");
    public static readonly ReasonEpisodeCeased Died = new("E2");
    public static readonly ReasonEpisodeCeased ReturnedHomePlanned = new("E4A");
    public static readonly ReasonEpisodeCeased ReturnedHomeUnplanned = new("E4B");
    public static readonly ReasonEpisodeCeased Cao = new("E41");
    public static readonly ReasonEpisodeCeased SgoRelativeFosterCarer = new("E45");
    public static readonly ReasonEpisodeCeased SgoRelative = new("E47");
    public static readonly ReasonEpisodeCeased IndependentSupported = new("E5");
    public static readonly ReasonEpisodeCeased IndependentUnsupported = new("E6");
    public static readonly ReasonEpisodeCeased StayingPut = new("E17");
    public static readonly ReasonEpisodeCeased Other = new("E8");

    public string Label => Set.Label(Code);

    public static ReasonEpisodeCeased FromCode(string code) => new(code);

    public override string ToString() => Code;
}
