using System.Xml;
using System.Xml.Linq;
using Lantern.Returns.Ssda903;

namespace Lantern.Returns.Validation.Cin;

/// <summary>
/// Reads a CIN census XML file, from any system and any year's layout, as the tables the DfE rules are written
/// against: Header, ChildIdentifiers, ChildCharacteristics, Disabilities, CINdetails, Assessments (one row per
/// assessment), AssessmentFactors (one row per factor), CINplanDates, Section47, ChildProtectionPlans and Reviews
/// (one row per review date). CINdetailsID, AssessmentID and CPPID number the modules within a child from 1, as the
/// DfE's own tool does. Element order is not checked here (the schema does that at import); values are kept as text
/// for the rules to judge. The file is read one child at a time.
/// </summary>
public static class CinReturnReader
{
    public static readonly string[] HeaderColumns = ["Collection", "Year", "ReferenceDate", "SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"];
    public static readonly string[] IdentifierColumns = ["LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate", "GenderCurrent", "Sex", "PersonDeathDate"];
    public static readonly string[] CharacteristicColumns = ["LAchildID", "Ethnicity"];
    public static readonly string[] DisabilityColumns = ["LAchildID", "Disability"];
    public static readonly string[] DetailsColumns = ["LAchildID", "CINdetailsID", "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA"];
    public static readonly string[] AssessmentColumns = ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate"];
    public static readonly string[] FactorColumns = ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"];
    public static readonly string[] PlanDateColumns = ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"];
    public static readonly string[] Section47Columns = ["LAchildID", "CINdetailsID", "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"];
    public static readonly string[] ProtectionPlanColumns = ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP"];
    public static readonly string[] ReviewColumns = ["LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"];

    /// <summary>Reads the file at <paramref name="path"/>; the year is <paramref name="year"/>, else the header's Year, else its ReferenceDate's.</summary>
    /// <exception cref="ReturnFileException">The file cannot be read as a CIN census XML file.</exception>
    public static ReturnData Read(string path, CollectionYear? year, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ReturnFileException($"There is no file {path}: give the CIN census XML file.");
        }

        using var text = Ssda903Files.OpenText(path, name);
        return Read(text, name, year, cancellationToken);
    }

    /// <summary>Reads a CIN census from <paramref name="text"/> (named <paramref name="name"/> in messages).</summary>
    /// <exception cref="ReturnFileException">The text cannot be read as a CIN census XML file.</exception>
    public static ReturnData Read(TextReader text, string name, CollectionYear? year, CancellationToken cancellationToken = default)
    {
        var tables = new CinTables(name);
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
            using var reader = XmlReader.Create(text, settings);
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Message")
            {
                throw new ReturnFileException($"{name} is not a CIN census file: it starts with <{reader.LocalName}>, not <Message>.");
            }

            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "Header")
                {
                    tables.AddHeader(Load(reader));
                }
                else if (reader.LocalName == "Child")
                {
                    tables.AddChild(Load(reader));
                }
            }
        }
        catch (XmlException ex)
        {
            throw new ReturnFileException($"{name} is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}", ex);
        }

        var built = tables.Build();
        return new ReturnData(ReturnKind.Cin, year ?? tables.Year ?? new CollectionYear(2026), built) { LocalAuthority = tables.Lea };
    }

    /// <summary>The element the reader is on, with line numbers; the reader moves past it.</summary>
    private static XElement Load(XmlReader reader)
    {
        using var subtree = reader.ReadSubtree();
        return XElement.Load(subtree, LoadOptions.SetLineInfo);
    }

    private sealed class CinTables(string file)
    {
        private readonly TableBuilder _header = new("Header", file, "LAchildID", HeaderColumns);
        private readonly TableBuilder _identifiers = new("ChildIdentifiers", file, "LAchildID", IdentifierColumns);
        private readonly TableBuilder _characteristics = new("ChildCharacteristics", file, "LAchildID", CharacteristicColumns);
        private readonly TableBuilder _disabilities = new("Disabilities", file, "LAchildID", DisabilityColumns);
        private readonly TableBuilder _details = new("CINdetails", file, "LAchildID", DetailsColumns);
        private readonly TableBuilder _assessments = new("Assessments", file, "LAchildID", AssessmentColumns);
        private readonly TableBuilder _factors = new("AssessmentFactors", file, "LAchildID", FactorColumns);
        private readonly TableBuilder _planDates = new("CINplanDates", file, "LAchildID", PlanDateColumns);
        private readonly TableBuilder _section47 = new("Section47", file, "LAchildID", Section47Columns);
        private readonly TableBuilder _plans = new("ChildProtectionPlans", file, "LAchildID", ProtectionPlanColumns);
        private readonly TableBuilder _reviews = new("Reviews", file, "LAchildID", ReviewColumns);

        public CollectionYear? Year { get; private set; }

        public string? Lea { get; private set; }

        public void AddHeader(XElement header)
        {
            _header.NewRow(Line(header));
            var details = header.Element("CollectionDetails");
            var source = header.Element("Source");
            foreach (var column in HeaderColumns)
            {
                _header.Set(column, (details?.Element(column) ?? source?.Element(column))?.Value);
            }

            Lea = source?.Element("LEA")?.Value.Trim() is { Length: 3 } lea && lea.All(char.IsAsciiDigit) ? lea : null;
            if (int.TryParse(details?.Element("Year")?.Value.Trim(), out var y) && y >= CollectionYear.Earliest && y <= CollectionYear.Latest)
            {
                Year = new CollectionYear(y);
            }
            else if (RuleTable.TryDate(details?.Element("ReferenceDate")?.Value.Trim() ?? "", out var reference))
            {
                var end = reference.Month >= 4 ? reference.Year + 1 : reference.Year;
                Year = end >= CollectionYear.Earliest && end <= CollectionYear.Latest ? new CollectionYear(end) : null;
            }
        }

        public void AddChild(XElement child)
        {
            var identifiers = child.Element("ChildIdentifiers");
            var id = identifiers?.Element("LAchildID")?.Value.Trim();
            _identifiers.NewRow(Line(identifiers ?? child));
            foreach (var column in IdentifierColumns)
            {
                _identifiers.Set(column, identifiers?.Element(column)?.Value);
            }

            var characteristics = child.Element("ChildCharacteristics");
            _characteristics.NewRow(Line(characteristics ?? child));
            _characteristics.Set("LAchildID", id);
            _characteristics.Set("Ethnicity", characteristics?.Element("Ethnicity")?.Value);
            foreach (var disability in characteristics?.Element("Disabilities")?.Elements("Disability") ?? [])
            {
                _disabilities.NewRow(Line(disability));
                _disabilities.Set("LAchildID", id);
                _disabilities.Set("Disability", disability.Value);
            }

            var detailsId = 0;
            foreach (var details in child.Elements("CINdetails"))
            {
                var did = (++detailsId).ToString(System.Globalization.CultureInfo.InvariantCulture);
                _details.NewRow(Line(details));
                _details.Set("LAchildID", id);
                _details.Set("CINdetailsID", did);
                foreach (var column in DetailsColumns.AsSpan(2))
                {
                    _details.Set(column, details.Element(column)?.Value);
                }

                var assessmentId = 0;
                foreach (var assessment in details.Elements("Assessments"))
                {
                    var aid = (++assessmentId).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    _assessments.NewRow(Line(assessment));
                    _assessments.Set("LAchildID", id);
                    _assessments.Set("CINdetailsID", did);
                    _assessments.Set("AssessmentID", aid);
                    foreach (var column in AssessmentColumns.AsSpan(3))
                    {
                        _assessments.Set(column, assessment.Element(column)?.Value);
                    }

                    foreach (var factor in assessment.Element("FactorsIdentifiedAtAssessment")?.Elements("AssessmentFactors") ?? [])
                    {
                        _factors.NewRow(Line(factor));
                        _factors.Set("LAchildID", id);
                        _factors.Set("CINdetailsID", did);
                        _factors.Set("AssessmentID", aid);
                        _factors.Set("AssessmentFactors", factor.Value);
                    }
                }

                foreach (var plan in details.Elements("CINPlanDates"))
                {
                    _planDates.NewRow(Line(plan));
                    _planDates.Set("LAchildID", id);
                    _planDates.Set("CINdetailsID", did);
                    _planDates.Set("CINPlanStartDate", plan.Element("CINPlanStartDate")?.Value);
                    _planDates.Set("CINPlanEndDate", plan.Element("CINPlanEndDate")?.Value);
                }

                foreach (var s47 in details.Elements("Section47"))
                {
                    _section47.NewRow(Line(s47));
                    _section47.Set("LAchildID", id);
                    _section47.Set("CINdetailsID", did);
                    foreach (var column in Section47Columns.AsSpan(2))
                    {
                        _section47.Set(column, s47.Element(column)?.Value);
                    }
                }

                var planId = 0;
                foreach (var plan in details.Elements("ChildProtectionPlans"))
                {
                    var pid = (++planId).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    _plans.NewRow(Line(plan));
                    _plans.Set("LAchildID", id);
                    _plans.Set("CINdetailsID", did);
                    _plans.Set("CPPID", pid);
                    foreach (var column in ProtectionPlanColumns.AsSpan(3))
                    {
                        _plans.Set(column, plan.Element(column)?.Value);
                    }

                    foreach (var review in plan.Element("Reviews")?.Elements("CPPreviewDate") ?? [])
                    {
                        _reviews.NewRow(Line(review));
                        _reviews.Set("LAchildID", id);
                        _reviews.Set("CINdetailsID", did);
                        _reviews.Set("CPPID", pid);
                        _reviews.Set("CPPreviewDate", review.Value);
                    }
                }
            }
        }

        public List<RuleTable> Build() =>
            [_header.Build(), _identifiers.Build(), _characteristics.Build(), _disabilities.Build(), _details.Build(), _assessments.Build(),
             _factors.Build(), _planDates.Build(), _section47.Build(), _plans.Build(), _reviews.Build()];

        private static long Line(XElement element) => ((IXmlLineInfo)element).LineNumber;
    }
}
