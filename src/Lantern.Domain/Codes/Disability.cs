namespace Lantern.Domain.Codes;

/// <summary>Disability (N00099), repeatable.</summary>
public readonly record struct Disability : IDfeCode<Disability>
{
    public Disability(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "Disability",
        new("NONE", "No disability"),
        new("MOB", "Mobility"),
        new("HAND", "Hand function"),
        new("PC", "Personal care"),
        new("INC", "Incontinence"),
        new("COMM", "Communication"),
        new("LD", "Learning"),
        new("HEAR", "Hearing"),
        new("VIS", "Vision"),
        new("BEH", "Behaviour"),
        new("CON", "Consciousness"),
        new("AUT", "Autism or Asperger syndrome"),
        new("DDA", "Other DDA"));

    public static readonly Disability None = new("NONE");
    public static readonly Disability Learning = new("LD");
    public static readonly Disability Autism = new("AUT");
    public static readonly Disability Behaviour = new("BEH");
    public static readonly Disability Communication = new("COMM");
    public static readonly Disability Mobility = new("MOB");

    public string Label => Set.Label(Code);

    public static Disability FromCode(string code) => new(code);

    public override string ToString() => Code;
}
