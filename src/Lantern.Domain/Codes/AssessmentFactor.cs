namespace Lantern.Domain.Codes;

/// <summary>Factors identified at the end of assessment (N00181). 18A/19A retired from 2021.</summary>
public readonly record struct AssessmentFactor : IDfeCode<AssessmentFactor>
{
    public AssessmentFactor(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "AssessmentFactor",
        new("1A", "Alcohol misuse – child"),
        new("1B", "Alcohol misuse – parent or carer"),
        new("1C", "Alcohol misuse – other person"),
        new("2A", "Drug misuse – child"),
        new("2B", "Drug misuse – parent or carer"),
        new("2C", "Drug misuse – other person"),
        new("3A", "Domestic abuse – child subject"),
        new("3B", "Domestic abuse – parent subject"),
        new("3C", "Domestic abuse – other person subject"),
        new("4A", "Mental health – child"),
        new("4B", "Mental health – parent or carer"),
        new("4C", "Mental health – other person"),
        new("5A", "Learning disability – child"),
        new("5B", "Learning disability – parent or carer"),
        new("5C", "Learning disability – other person"),
        new("6A", "Physical disability or illness – child"),
        new("6B", "Physical disability or illness – parent or carer"),
        new("6C", "Physical disability or illness – other person"),
        new("7A", "Young carer"),
        new("8B", "Privately fostered – overseas child intending to return"),
        new("8C", "Privately fostered – overseas child intending to stay"),
        new("8D", "Privately fostered – UK child in educational placement"),
        new("8E", "Privately fostered – UK child, alternative family arrangement"),
        new("8F", "Privately fostered – other"),
        new("9A", "Unaccompanied asylum-seeking child"),
        new("10A", "Going or being missing"),
        new("11A", "Child sexual exploitation"),
        new("12A", "Trafficking"),
        new("13A", "Gangs"),
        new("14A", "Socially unacceptable behaviour"),
        new("15A", "Self-harm"),
        new("16A", "Neglect"),
        new("17A", "Emotional abuse"),
        new("18A", "Physical abuse (retired)", null, 2020),
        new("18B", "Physical abuse – child on child"),
        new("18C", "Physical abuse – adult on child"),
        new("19A", "Sexual abuse (retired)", null, 2020),
        new("19B", "Sexual abuse – child on child"),
        new("19C", "Sexual abuse – adult on child"),
        new("20", "Other"),
        new("21", "No factors identified"),
        new("22A", "Female genital mutilation"),
        new("23A", "Abuse linked to faith or belief"),
        new("24A", "Child criminal exploitation", 2022, null));

    public static readonly AssessmentFactor DomesticAbuseParent = new("3B");
    public static readonly AssessmentFactor MentalHealthParent = new("4B");
    public static readonly AssessmentFactor DrugMisuseParent = new("2B");
    public static readonly AssessmentFactor AlcoholMisuseParent = new("1B");
    public static readonly AssessmentFactor Neglect = new("16A");
    public static readonly AssessmentFactor EmotionalAbuse = new("17A");
    public static readonly AssessmentFactor NoFactors = new("21");

    public string Label => Set.Label(Code);

    public static AssessmentFactor FromCode(string code) => new(code);

    public override string ToString() => Code;
}
