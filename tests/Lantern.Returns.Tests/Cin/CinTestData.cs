using System.Xml;
using System.Xml.Schema;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Returns.Cin;
using Lantern.Synthetic;

namespace Lantern.Returns.Tests.Cin;

/// <summary>The small synthetic authority the CIN tests share, hand-built children, and schema checking.</summary>
internal static class CinTestData
{
    private static readonly Lazy<AuthorityData> Shared = new(() => SyntheticAuthority.Generate(new GeneratorOptions
    {
        Population = 3000,
        From = new DateOnly(2018, 4, 1),
        To = new DateOnly(2026, 3, 31),
        Defects = false,
    }).Data);

    public static AuthorityData Authority => Shared.Value;

    public static IEnumerable<int> Years => Enumerable.Range(2020, 7);

    public static byte[] Export(AuthorityData data, int year)
    {
        using var stream = new MemoryStream();
        CinCensusExport.Write(data, new CollectionYear(year), stream);
        return stream.ToArray();
    }

    /// <summary>Every schema error in the file against the year's schema, with its line.</summary>
    public static List<string> SchemaErrors(byte[] xml, int year, bool raw = false)
    {
        var schemas = raw ? RawSchema(Math.Min(year, 2026)) : CinLayout.For(new CollectionYear(year)).Schemas;
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    /// <summary>The year's schema exactly as embedded (without Lantern's correction of NumberOfPreviousCPP).</summary>
    public static XmlSchemaSet RawSchema(int year)
    {
        using var stream = typeof(CinCensusExport).Assembly.GetManifestResourceStream($"Lantern.Returns.Schemas.Cin.CIN_schema_{year}.xsd")!;
        var set = new XmlSchemaSet();
        set.Add(null, XmlReader.Create(stream));
        set.Compile();
        return set;
    }

    /// <summary>An authority with only a local authority in it.</summary>
    public static AuthorityData Empty(string lea = "999")
    {
        var data = new AuthorityData();
        data.Authorities.Add(new LocalAuthority { Id = 1, Code = lea, Name = "Test council" });
        return data;
    }

    public static Child AddChild(AuthorityData data, string laChildId, Action<Child>? set = null)
    {
        var child = new Child
        {
            Id = data.Children.Count + 1,
            LaChildId = laChildId,
            DateOfBirth = new DateOnly(2015, 6, 1),
            Sex = Sex.Female,
            Ethnicity = new Ethnicity("WBRI"),
        };
        set?.Invoke(child);
        data.Children.Add(child);
        return child;
    }

    public static Referral AddReferral(AuthorityData data, Child child, DateOnly date, Action<Referral>? set = null)
    {
        var referral = new Referral
        {
            Id = data.Referrals.Count + 1,
            ChildId = child.Id,
            ReferralDate = date,
            Source = new ReferralSource("2A"),
            PrimaryNeed = new PrimaryNeed("N1"),
        };
        set?.Invoke(referral);
        data.Referrals.Add(referral);
        return referral;
    }

    public static Assessment AddAssessment(AuthorityData data, Referral referral, DateOnly start, DateOnly? authorised, params string[] factors)
    {
        var assessment = new Assessment
        {
            Id = data.Assessments.Count + 1,
            ChildId = referral.ChildId,
            ReferralId = referral.Id,
            StartDate = start,
            AuthorisationDate = authorised,
            Factors = [.. factors.Select(f => new AssessmentFactor(f))],
        };
        data.Assessments.Add(assessment);
        return assessment;
    }

    public static string Text(byte[] xml) => System.Text.Encoding.UTF8.GetString(xml);
}
