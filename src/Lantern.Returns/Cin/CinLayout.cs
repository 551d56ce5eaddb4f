using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Schema;

namespace Lantern.Returns.Cin;

/// <summary>
/// What differs between the CIN census years: the schema each file is checked against, the child's sex item
/// (GenderCurrent 1/2/0/9 to 2023-24, Sex M/F/U from 2024-25), whether CINPlanDates exist (from 2021-22) and the
/// codes a year's lists lack. Codes Lantern records that a year's schema does not have are sent as the code the
/// DfE guidance of that year used for the same case, so every export is valid against its own year's schema:
/// <list type="bullet">
/// <item>ReasonForClosure RC9 (closed after assessment, referred to early help; from 2022-23) is RC8 (closed after
/// assessment, no further action) before then: early help is not a children's social care service.</item>
/// <item>ReferralSource 5D (LA services: early help; from 2022-23) is 5B (LA services: other internal) before then.</item>
/// <item>AssessmentFactors 24A (child criminal exploitation; from 2021-22) is 20 (other) before then: the list had
/// no criminal exploitation factor and 13A (gangs) would say more than was recorded.</item>
/// <item>AssessmentFactors 18B/18C and 19B/19C (physical and sexual abuse by a child or an adult; from 2020-21) are
/// 18A and 19A in 2019-20; the retired 18A and 19A are 18C and 19C (by an adult) from 2020-21 on, although the
/// 2024 to 2026 schema files kept them, since the DfE retired them.</item>
/// <item>2026-27 (2027) has no schema of its own yet: it uses the 2025-26 layout and schema, so the current year
/// can be exported and checked while it runs.</item>
/// </list>
/// </summary>
internal sealed class CinLayout
{
    private static readonly ConcurrentDictionary<int, CinLayout> Layouts = new();

    private CinLayout(CollectionYear year)
    {
        Year = year;
        SchemaYear = Math.Min(year.EndYear, 2026);
        Schemas = LoadSchemas(SchemaYear);
        Leaves = LeafTypes(Schemas);
    }

    public CollectionYear Year { get; }

    /// <summary>The year whose schema file the census of <see cref="Year"/> uses.</summary>
    public int SchemaYear { get; }

    /// <summary>The year's schema, compiled once: for looking up items and codes, and for checking exports in tests.</summary>
    public XmlSchemaSet Schemas { get; }

    /// <summary>A schema set of the year's own for one reader: a schema set is not documented as safe to share
    /// between readers on different threads (two imports at once), and loading one takes milliseconds.</summary>
    public XmlSchemaSet NewSchemaSet() => LoadSchemas(SchemaYear);

    /// <summary>Each element with a simple value (LAchildID, CINreferralDate...) and its schema type, for messages.</summary>
    public IReadOnlyDictionary<string, XmlSchemaSimpleType> Leaves { get; }

    /// <summary>Sex (M/F/U) from 2024-25; GenderCurrent (1/2/0/9) before.</summary>
    public bool UsesSex => Year.EndYear >= 2025;

    public string SexElement => UsesSex ? "Sex" : "GenderCurrent";

    /// <summary>CINPlanDates groups from 2021-22.</summary>
    public bool HasCinPlanDates => Year.EndYear >= 2022;

    public static CinLayout For(CollectionYear year) => Layouts.GetOrAdd(year.EndYear, y => new CinLayout(new CollectionYear(y)));

    /// <summary>The child's sex as this year's file codes it. An unborn child is U (0 before 2024-25), as the DfE requires.</summary>
    public string SexCode(string modelSex, bool unborn)
    {
        if (UsesSex)
        {
            return unborn ? "U" : modelSex;
        }

        return unborn ? "0" : modelSex switch
        {
            "M" => "1",
            "F" => "2",
            _ => "0",
        };
    }

    /// <summary>Lantern's sex code for a file's value. GenderCurrent 9 (indeterminate) has no Lantern value and reads as U.</summary>
    public static string ModelSex(string fileCode) => fileCode switch
    {
        "1" or "M" => "M",
        "2" or "F" => "F",
        _ => "U",
    };

    public string ClosureReason(string code) => code == "RC9" && Year.EndYear < 2023 ? "RC8" : code;

    public string ReferralSource(string code) => code == "5D" && Year.EndYear < 2023 ? "5B" : code;

    public string AssessmentFactor(string code)
    {
        int y = Year.EndYear;
        return code switch
        {
            "24A" when y < 2022 => "20",
            "18B" or "18C" when y < 2021 => "18A",
            "19B" or "19C" when y < 2021 => "19A",
            "18A" when y >= 2021 => "18C",
            "19A" when y >= 2021 => "19C",
            _ => code,
        };
    }

    /// <summary>The factors as this year's list has them, each once, in the order recorded.</summary>
    public List<string> AssessmentFactors(IEnumerable<string> codes)
    {
        var result = new List<string>();
        foreach (var code in codes)
        {
            var mapped = AssessmentFactor(code);
            if (mapped.Length > 0 && !result.Contains(mapped))
            {
                result.Add(mapped);
            }
        }

        return result;
    }

    /// <summary>The codes this year's schema allows for an element with a code list (empty for other elements).</summary>
    public IReadOnlyList<string> Codes(string element) =>
        Leaves.TryGetValue(element, out var type) ? Enumerations(type) : [];

    public static IReadOnlyList<string> Enumerations(XmlSchemaSimpleType type)
    {
        var codes = new List<string>();
        for (var t = type; t is not null; t = t.BaseXmlSchemaType as XmlSchemaSimpleType)
        {
            if (t.Content is XmlSchemaSimpleTypeRestriction restriction)
            {
                codes.AddRange(restriction.Facets.OfType<XmlSchemaEnumerationFacet>().Select(f => f.Value ?? ""));
            }

            if (codes.Count > 0)
            {
                break;
            }
        }

        return codes;
    }

    private static XmlSchemaSet LoadSchemas(int schemaYear)
    {
        var name = $"Lantern.Returns.Schemas.Cin.CIN_schema_{schemaYear}.xsd";
        using var stream = typeof(CinLayout).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The CIN census schema {name} is not embedded in Lantern.Returns.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var schema = XmlSchema.Read(reader, null)!;
        if (schemaYear < 2024)
        {
            AllowNoPreviousPlans(schema);
        }

        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(schema);
        set.Compile();
        return set;
    }

    /// <summary>
    /// The 2020 to 2023 schema files type NumberOfPreviousCPP as xs:positiveInteger, which refuses the 0 the DfE
    /// guidance gives a child's first plan (most plans); the 2024 file corrected it to "0 or more". Those years are
    /// written and read with the correction, so a first plan is not a schema error.
    /// </summary>
    private static void AllowNoPreviousPlans(XmlSchema schema)
    {
        foreach (var type in schema.Items.OfType<XmlSchemaComplexType>())
        {
            if (type.Particle is XmlSchemaSequence sequence)
            {
                foreach (var element in sequence.Items.OfType<XmlSchemaElement>())
                {
                    if (element.Name == "NumberOfPreviousCPP")
                    {
                        element.SchemaTypeName = new XmlQualifiedName("nonNegativeInteger", XmlSchema.Namespace);
                    }
                }
            }
        }
    }

    private static Dictionary<string, XmlSchemaSimpleType> LeafTypes(XmlSchemaSet set)
    {
        var leaves = new Dictionary<string, XmlSchemaSimpleType>(StringComparer.Ordinal);
        var seen = new HashSet<XmlSchemaType>();
        foreach (XmlSchemaElement element in set.GlobalElements.Values)
        {
            Walk(element, leaves, seen);
        }

        return leaves;
    }

    private static void Walk(XmlSchemaElement element, Dictionary<string, XmlSchemaSimpleType> leaves, HashSet<XmlSchemaType> seen)
    {
        switch (element.ElementSchemaType)
        {
            case XmlSchemaSimpleType simple:
                leaves.TryAdd(element.Name!, simple);
                break;
            case XmlSchemaComplexType complex when seen.Add(complex):
                if (complex.ContentTypeParticle is XmlSchemaGroupBase group)
                {
                    foreach (var item in group.Items)
                    {
                        if (item is XmlSchemaElement child)
                        {
                            Walk(child, leaves, seen);
                        }
                    }
                }

                break;
        }
    }
}
