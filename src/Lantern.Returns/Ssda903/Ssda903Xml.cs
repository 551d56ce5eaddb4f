using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Lantern.Returns.Ssda903;

/// <summary>
/// Reads the DfE's 903 XML (EXPSSDA903, one CHILD element per child, SSDA903_schema_2021.xsd) as the same rows as the
/// CSV tables, one CHILD at a time so memory does not grow with the file. The schema is checked as the file is read;
/// what breaks it is reported with its line.
/// </summary>
internal static class Ssda903Xml
{
    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        using var stream = typeof(Ssda903Xml).Assembly.GetManifestResourceStream("Lantern.Returns.Schemas.Ssda903.SSDA903_schema_2021.xsd")
            ?? throw new InvalidOperationException("The 903 XML schema is not embedded.");
        var set = new XmlSchemaSet();
        set.Add(null, XmlReader.Create(stream));
        set.Compile();
        return set;
    });

    public static IEnumerable<Ssda903Row> ReadRows(string path, List<ReturnProblem>? problems, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        using var text = Ssda903Files.OpenText(path, name);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
        if (problems is not null)
        {
            settings.ValidationType = ValidationType.Schema;
            settings.Schemas = Schema.Value;
            settings.ValidationEventHandler += (_, e) => problems.Add(new(name, e.Exception?.LineNumber, null, null, $"Not as the 903 XML schema has it: {e.Message}"));
        }

        using var reader = XmlReader.Create(text, settings);
        var lines = (IXmlLineInfo)reader;
        if (!Move(reader, name))
        {
            throw new ReturnFileException($"{name} is empty: a 903 XML file starts with <EXPSSDA903>.");
        }

        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "EXPSSDA903")
        {
            throw new ReturnFileException($"{name} is not a 903 XML file: it starts with <{reader.LocalName}>, not <EXPSSDA903>.");
        }

        if (!Read(reader, name))
        {
            yield break;
        }

        while (!reader.EOF)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "CHILD")
            {
                if (!Read(reader, name))
                {
                    break;
                }

                continue;
            }

            var line = lines.LineNumber;
            XElement child;
            try
            {
                child = (XElement)XNode.ReadFrom(reader);
            }
            catch (XmlException ex)
            {
                throw new ReturnFileException($"{name} is not well-formed XML (line {ex.LineNumber}): {ex.Message}", ex);
            }

            foreach (var row in Rows(child, name, line))
            {
                yield return row;
            }
        }
    }

    private static IEnumerable<Ssda903Row> Rows(XElement child, string file, long childLine)
    {
        var header = child.Element("HEADER") ?? new XElement("HEADER");
        var id = V(header, "CHILDID");
        long Line(XElement? e) => e is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : childLine;
        Ssda903Row Row(Ssda903Table table, XElement? at, params string[] values) => new(table, file, Line(at), values);

        var dob = V(header, "DOB");
        var sex = V(header, "SEX");
        yield return Row(Ssda903Tables.Header, header, id, sex, dob, V(header, "ETHNIC"), V(header, "UPN"), V(header, "MOTHER"), V(header, "MC_DOB"));
        foreach (var e in child.Elements("EPISODE"))
        {
            yield return Row(Ssda903Tables.Episodes, e, id, V(e, "DECOM"), V(e, "RNE"), V(e, "LS"), V(e, "CIN"), V(e, "PL"), V(e, "PLACE_PROVIDER"),
                V(e, "DEC"), V(e, "REC"), V(e, "REASON_PLACE_CHANGE"), V(e, "HOME_POST"), V(e, "PL_POST"), V(e, "URN"));
        }

        if (V(header, "UASC") == "1")
        {
            yield return Row(Ssda903Tables.Uasc, header.Element("UASC"), id, sex, dob, V(header, "DUC"));
        }

        foreach (var r in header.Elements("AREVIEW"))
        {
            yield return Row(Ssda903Tables.Reviews, r, id, dob, V(r, "REVIEW"), V(r, "REVIEW_CODE"));
        }

        foreach (var m in header.Elements("AMISSING"))
        {
            yield return Row(Ssda903Tables.Missing, m, id, dob, V(m, "MISSING"), V(m, "MIS_START"), V(m, "MIS_END"));
        }

        if (header.Element("OC2") is { } oc2)
        {
            yield return Row(Ssda903Tables.Oc2, oc2, id, dob, V(oc2, "SDQ_SCORE"), V(oc2, "SDQ_REASON"), V(oc2, "CONVICTED"), V(oc2, "HEALTH_CHECK"),
                V(oc2, "IMMUNISATIONS"), V(oc2, "TEETH_CHECK"), V(oc2, "HEALTH_ASSESSMENT"), V(oc2, "SUBSTANCE_MISUSE"),
                V(oc2, "INTERVENTION_RECEIVED"), V(oc2, "INTERVENTION_OFFERED"));
        }

        if (V(header, "IN_TOUCH").Length > 0)
        {
            yield return Row(Ssda903Tables.Oc3, header.Element("IN_TOUCH"), id, dob, V(header, "IN_TOUCH"), V(header, "ACTIV"), V(header, "ACCOM"));
        }

        foreach (var p in header.Elements("AD_PLACED"))
        {
            yield return Row(Ssda903Tables.PlacedAdoption, p, id, dob, V(p, "DATE_PLACED"), V(p, "DATE_PLACED_CEASED"), V(p, "REASON_PLACED_CEASED"));
        }

        string[] ad1 = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];
        if (ad1.Any(n => V(header, n).Length > 0))
        {
            yield return Row(Ssda903Tables.Ad1, header.Element("DATE_INT") ?? header, [id, dob, .. ad1.Select(n => V(header, n))]);
        }

        if (header.Element("PERMANENCE") is { } perm)
        {
            yield return Row(Ssda903Tables.PrevPerm, perm, id, dob, V(perm, "PREV_PERM"), V(perm, "LA_PERM"), V(perm, "DATE_PERM"));
        }
    }

    private static string V(XElement parent, string name) => parent.Element(name)?.Value.Trim() ?? "";

    private static bool Move(XmlReader reader, string name)
    {
        try
        {
            return reader.MoveToContent() != XmlNodeType.None;
        }
        catch (XmlException ex)
        {
            throw new ReturnFileException($"{name} is not well-formed XML (line {ex.LineNumber}): {ex.Message}", ex);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new ReturnFileException($"{name} is not UTF-8 text: it holds bytes that are not characters.", ex);
        }
    }

    private static bool Read(XmlReader reader, string name)
    {
        try
        {
            return reader.Read();
        }
        catch (XmlException ex)
        {
            throw new ReturnFileException($"{name} is not well-formed XML (line {ex.LineNumber}): {ex.Message}", ex);
        }
    }
}
