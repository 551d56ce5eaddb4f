using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Schema;

namespace Lantern.Returns.Cin;

/// <summary>The header items an import needs before it can read the rest (which year's layout, which authority).</summary>
internal sealed record CinHeader(string? Collection, string? YearText, long? YearLine, DateOnly? ReferenceDate, long? ReferenceDateLine, string? Lea, long? LeaLine, bool IsCinMessage, string RootName);

/// <summary>
/// Reads a CIN census file one child at a time (memory does not grow with the file). Checked against the year's
/// schema while reading when asked; problems name the line, the child's LAchildID and the item, never a value of a
/// personal item. Unreadable files (not XML, malformed XML) raise <see cref="ReturnFileException"/>.
/// </summary>
internal sealed class CinCensusReader
{
    private const int MaxLaChildId = 20;

    private readonly string _path;
    private readonly string _fileName;

    // While checking: after a layout error the schema validator stops checking the rest of that element, so from
    // there to the end of the child each value is checked here instead (one problem per line and item).
    private CinLayout? _checkLayout;
    private List<ReturnProblem>? _problems;
    private string? _child;
    private bool _unchecked;
    private bool _uncheckedToEnd;

    public CinCensusReader(string path)
    {
        _path = path;
        _fileName = Path.GetFileName(path);
    }

    public string FileName => _fileName;

    public CinHeader ReadHeader()
    {
        using var reader = Open(null);
        string? collection = null, year = null, lea = null;
        long? yearLine = null, referenceLine = null, leaLine = null;
        DateOnly? reference = null;
        string root = "";
        try
        {
            reader.MoveToContent();
            root = reader.LocalName;
            if (root != "Message")
            {
                return new CinHeader(null, null, null, null, null, null, null, false, root);
            }

            // Reading a leaf leaves the reader on the next node already.
            bool read = true;
            while (read ? reader.Read() : !reader.EOF)
            {
                read = true;
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                long line = Line(reader);
                read = reader.LocalName is not ("Collection" or "Year" or "ReferenceDate" or "LEA");
                switch (reader.LocalName)
                {
                    case "Children":
                        return new CinHeader(collection, year, yearLine, reference, referenceLine, lea, leaLine, true, root);
                    case "Collection":
                        collection = Leaf(reader);
                        break;
                    case "Year":
                        year = Leaf(reader);
                        yearLine = line;
                        break;
                    case "ReferenceDate":
                        reference = ParseDate(Leaf(reader));
                        referenceLine = line;
                        break;
                    case "LEA":
                        lea = Leaf(reader);
                        leaLine = line;
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw Unreadable(ex);
        }

        return new CinHeader(collection, year, yearLine, reference, referenceLine, lea, leaLine, true, root);
    }

    /// <summary>The children in file order. With <paramref name="problems"/>, the file is checked against the
    /// layout's schema and every problem is added there.</summary>
    public IEnumerable<CinChildEntry> Children(CinLayout layout, List<ReturnProblem>? problems)
    {
        XmlReader? current = null;
        ValidationEventHandler? handler = null;
        _checkLayout = problems is null ? null : layout;
        _problems = problems;
        _child = null;
        _uncheckedToEnd = false;
        if (problems is not null)
        {
            handler = (_, e) =>
            {
                problems.Add(SchemaProblem(layout, current, _child, e, out bool layoutError));
                _unchecked |= layoutError;

                // An error among the children themselves leaves the rest of the file unchecked by the validator.
                _uncheckedToEnd |= layoutError && current is { Depth: <= 2 };
            };
        }

        using var reader = Open(problems is null ? null : layout, handler);
        current = reader;
        bool read = true;
        while (true)
        {
            try
            {
                if (read ? !reader.Read() : reader.EOF)
                {
                    break;
                }
            }
            catch (XmlException ex)
            {
                throw Unreadable(ex);
            }

            read = true;
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Child" || reader.Depth != 2)
            {
                continue;
            }

            // Reading the child leaves the reader on the node after it.
            read = false;

            var entry = new CinChildEntry { Line = Line(reader) };
            _child = null;
            _unchecked = false;
            try
            {
                Elements(reader, name =>
                {
                    switch (name)
                    {
                        case "ChildIdentifiers":
                            Identifiers(reader, entry, id => _child = id);
                            break;
                        case "ChildCharacteristics":
                            Characteristics(reader, entry);
                            break;
                        case "CINdetails":
                            entry.Details.Add(Details(reader));
                            break;
                        default:
                            reader.Skip();
                            break;
                    }
                });
            }
            catch (XmlException ex)
            {
                throw Unreadable(ex);
            }

            yield return entry;
        }
    }

    private void Identifiers(XmlReader r, CinChildEntry entry, Action<string> onId) =>
        Elements(r, name =>
        {
            switch (name)
            {
                case "LAchildID":
                    entry.LaChildId = Leaf(r);
                    onId(entry.LaChildId);
                    break;
                case "UPN":
                    entry.Upn = NullIfEmpty(Leaf(r));
                    break;
                case "FormerUPN":
                    entry.FormerUpn = NullIfEmpty(Leaf(r));
                    break;
                case "UPNunknown":
                    entry.UpnUnknown = NullIfEmpty(Leaf(r));
                    break;
                case "PersonBirthDate":
                    entry.BirthDate = ParseDate(Leaf(r));
                    break;
                case "ExpectedPersonBirthDate":
                    entry.ExpectedBirthDate = ParseDate(Leaf(r));
                    break;
                case "GenderCurrent" or "Sex":
                    entry.Sex = Leaf(r);
                    break;
                case "PersonDeathDate":
                    entry.DeathDate = ParseDate(Leaf(r));
                    break;
                default:
                    r.Skip();
                    break;
            }
        });

    private void Characteristics(XmlReader r, CinChildEntry entry) =>
        Elements(r, name =>
        {
            switch (name)
            {
                case "Ethnicity":
                    entry.Ethnicity = Leaf(r);
                    break;
                case "Disabilities":
                    Elements(r, _ =>
                    {
                        if (r.LocalName == "Disability" && NullIfEmpty(Leaf(r)) is { } code)
                        {
                            entry.Disabilities.Add(code);
                        }
                        else if (r.NodeType == XmlNodeType.Element)
                        {
                            r.Skip();
                        }
                    });
                    break;
                default:
                    r.Skip();
                    break;
            }
        });

    private CinDetailsEntry Details(XmlReader r)
    {
        var d = new CinDetailsEntry();
        Elements(r, name =>
        {
            switch (name)
            {
                case "CINreferralDate":
                    d.ReferralDate = ParseDate(Leaf(r)) ?? default;
                    break;
                case "ReferralSource":
                    d.Source = Leaf(r);
                    break;
                case "PrimaryNeedCode":
                    d.PrimaryNeed = NullIfEmpty(Leaf(r));
                    break;
                case "CINclosureDate":
                    d.ClosureDate = ParseDate(Leaf(r));
                    break;
                case "ReasonForClosure":
                    d.ClosureReason = NullIfEmpty(Leaf(r));
                    break;
                case "DateOfInitialCPC":
                    d.InitialCpc = ParseDate(Leaf(r));
                    break;
                case "Assessments":
                    d.Assessments.Add(Assessment(r));
                    break;
                case "CINPlanDates":
                    var plan = new CinPlanDatesEntry();
                    Elements(r, n =>
                    {
                        if (n == "CINPlanStartDate")
                        {
                            plan.Start = ParseDate(Leaf(r)) ?? default;
                        }
                        else if (n == "CINPlanEndDate")
                        {
                            plan.End = ParseDate(Leaf(r));
                        }
                        else
                        {
                            r.Skip();
                        }
                    });
                    d.CinPlans.Add(plan);
                    break;
                case "Section47":
                    d.Section47s.Add(Section47(r));
                    break;
                case "ReferralNFA":
                    d.Nfa = YesNo(Leaf(r));
                    break;
                case "ChildProtectionPlans":
                    d.ProtectionPlans.Add(ProtectionPlan(r));
                    break;
                default:
                    r.Skip();
                    break;
            }
        });
        return d;
    }

    private CinAssessmentEntry Assessment(XmlReader r)
    {
        var a = new CinAssessmentEntry();
        Elements(r, name =>
        {
            switch (name)
            {
                case "AssessmentActualStartDate":
                    a.Start = ParseDate(Leaf(r)) ?? default;
                    break;
                case "AssessmentAuthorisationDate":
                    a.Authorised = ParseDate(Leaf(r));
                    break;
                case "FactorsIdentifiedAtAssessment":
                    Elements(r, _ =>
                    {
                        if (r.LocalName == "AssessmentFactors" && NullIfEmpty(Leaf(r)) is { } code)
                        {
                            a.Factors.Add(code);
                        }
                        else if (r.NodeType == XmlNodeType.Element)
                        {
                            r.Skip();
                        }
                    });
                    break;
                default:
                    r.Skip();
                    break;
            }
        });
        return a;
    }

    private CinSection47Entry Section47(XmlReader r)
    {
        var s = new CinSection47Entry();
        Elements(r, name =>
        {
            switch (name)
            {
                case "S47ActualStartDate":
                    s.Start = ParseDate(Leaf(r)) ?? default;
                    break;
                case "InitialCPCtarget":
                    s.InitialCpcTarget = ParseDate(Leaf(r));
                    break;
                case "DateOfInitialCPC":
                    s.InitialCpc = ParseDate(Leaf(r));
                    break;
                case "ICPCnotRequired":
                    s.IcpcNotRequired = YesNo(Leaf(r));
                    break;
                default:
                    r.Skip();
                    break;
            }
        });
        return s;
    }

    private CinProtectionPlanEntry ProtectionPlan(XmlReader r)
    {
        var p = new CinProtectionPlanEntry();
        Elements(r, name =>
        {
            switch (name)
            {
                case "CPPstartDate":
                    p.Start = ParseDate(Leaf(r)) ?? default;
                    break;
                case "CPPendDate":
                    p.End = ParseDate(Leaf(r));
                    break;
                case "InitialCategoryOfAbuse":
                    p.InitialCategory = Leaf(r);
                    break;
                case "LatestCategoryOfAbuse":
                    p.LatestCategory = Leaf(r);
                    break;
                case "NumberOfPreviousCPP":
                    long line = Line(r);
                    var text = Leaf(r);
                    if (int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
                    {
                        p.PreviousPlans = n;
                    }
                    else if (_problems is not null && text.Length > 0 && text.All(char.IsAsciiDigit))
                    {
                        _problems.Add(new ReturnProblem(_fileName, line, _child, name, "NumberOfPreviousCPP is too large to be a number of plans."));
                    }

                    break;
                case "Reviews":
                    Elements(r, _ =>
                    {
                        if (r.LocalName == "CPPreviewDate" && ParseDate(Leaf(r)) is { } date)
                        {
                            p.Reviews.Add(date);
                        }
                        else if (r.NodeType == XmlNodeType.Element)
                        {
                            r.Skip();
                        }
                    });
                    break;
                default:
                    r.Skip();
                    break;
            }
        });
        return p;
    }

    /// <summary>Positioned on a start tag: calls <paramref name="child"/> on each child element's start tag (it must
    /// read the whole element) and leaves the reader after the end tag.</summary>
    private static void Elements(XmlReader r, Action<string> child)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return;
        }

        int depth = r.Depth;
        r.Read();
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType == XmlNodeType.Element)
            {
                child(r.LocalName);
            }
            else
            {
                r.Read();
            }
        }

        r.Read();
    }

    /// <summary>The text of a simple element (trimmed), leaving the reader after its end tag.</summary>
    private string Leaf(XmlReader r)
    {
        if ((_unchecked || _uncheckedToEnd) && _checkLayout is not null)
        {
            var name = r.LocalName;
            long line = Line(r);
            var value = Text(r);
            Check(_checkLayout, name, line, value);
            return value;
        }

        return Text(r);
    }

    private void Check(CinLayout layout, string name, long line, string value)
    {
        if (_problems is null || !layout.Leaves.TryGetValue(name, out var type) || type.Datatype is not { } datatype)
        {
            return;
        }

        try
        {
            datatype.ParseValue(value, null, null);
        }
        catch (XmlSchemaException)
        {
            if (!_problems.Any(p => p.Line == line && p.Field == name))
            {
                _problems.Add(new ReturnProblem(_fileName, line, _child, name, $"{name} is not valid in the {layout.Year.Label} census: {Expected(layout, name)}."));
            }
        }
    }

    private static string Text(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return "";
        }

        int depth = r.Depth;
        string? single = null;
        StringBuilder? many = null;
        r.Read();
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (single is null)
                    {
                        single = r.Value;
                    }
                    else
                    {
                        (many ??= new StringBuilder(single)).Append(r.Value);
                    }

                    r.Read();
                    break;
                case XmlNodeType.Element:
                    r.Skip();
                    break;
                default:
                    r.Read();
                    break;
            }
        }

        r.Read();
        return (many?.ToString() ?? single ?? "").Trim();
    }

    /// <summary>An xs:date: yyyy-mm-dd, with an optional time zone (which the census does not use).</summary>
    internal static DateOnly? ParseDate(string text)
    {
        var t = text.Trim();
        if (t.Length > 10 && (t[10..] == "Z" || (t.Length == 16 && (t[10] == '+' || t[10] == '-'))))
        {
            t = t[..10];
        }

        return DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static bool YesNo(string text) => text is "1" or "true" or "TRUE";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static long Line(XmlReader r) => r is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private XmlReader Open(CinLayout? validateWith, ValidationEventHandler? handler = null)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };
        if (validateWith is not null)
        {
            settings.ValidationType = ValidationType.Schema;
            settings.Schemas = validateWith.NewSchemaSet();
            settings.ValidationFlags = XmlSchemaValidationFlags.None;
            settings.ValidationEventHandler += handler;
        }

        Stream stream;
        try
        {
            stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ReturnFileException($"{_fileName} cannot be opened: {ex.Message}", ex);
        }

        try
        {
            return XmlReader.Create(stream, settings);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private ReturnFileException Unreadable(XmlException ex) =>
        new($"{_fileName} is not a readable XML file (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message} Nothing was imported.", ex);

    /// <summary>A schema error as a problem. The validator's own messages for a bad value quote the value, which may
    /// be a date of birth or a UPN, so those are replaced by one that says what the item must look like.</summary>
    private ReturnProblem SchemaProblem(CinLayout layout, XmlReader? reader, string? child, ValidationEventArgs e, out bool layoutError)
    {
        var field = reader is { NodeType: XmlNodeType.Element or XmlNodeType.EndElement } ? reader.LocalName : null;
        var message = e.Message;
        long line = e.Exception?.LineNumber ?? 0;
        bool valueError = message.Contains("The value '", StringComparison.Ordinal)
            || message.Contains("invalid according to its datatype", StringComparison.Ordinal)
            || message.Contains("has an invalid value", StringComparison.Ordinal);
        layoutError = !valueError;
        if (valueError)
        {
            return new ReturnProblem(_fileName, line, child, field, $"{field} is not valid in the {layout.Year.Label} census: {Expected(layout, field)}.");
        }

        return new ReturnProblem(_fileName, line, child, field, $"The file does not follow the {layout.Year.Label} CIN census layout: {message}");
    }

    private static string Expected(CinLayout layout, string? field)
    {
        if (field is null || !layout.Leaves.TryGetValue(field, out var type))
        {
            return "the value is not one the schema allows";
        }

        var codes = CinLayout.Enumerations(type);
        if (codes.Count > 0)
        {
            return $"it must be one of {string.Join(", ", codes)}";
        }

        return field switch
        {
            "UPN" or "FormerUPN" => "it must be a letter, 11 digits and a last digit or letter",
            "LEA" => "it must be the three-digit LA number",
            "SerialNo" => "it must be three or more digits",
            _ => type.Datatype?.TypeCode switch
            {
                XmlTypeCode.Date => "it must be a date written yyyy-mm-dd, for example 2026-03-31",
                XmlTypeCode.DateTime => "it must be a date and time written yyyy-mm-ddThh:mm:ss",
                XmlTypeCode.GYear => "it must be a year written with four digits, for example 2026",
                XmlTypeCode.Integer or XmlTypeCode.NonNegativeInteger or XmlTypeCode.PositiveInteger => "it must be a whole number, 0 or more",
                _ => "it must not be empty",
            },
        };
    }

    /// <summary>LAchildID problems Lantern cannot import past: none, or too long to store.</summary>
    public ReturnProblem? CheckId(CinChildEntry entry)
    {
        if (entry.LaChildId.Length == 0)
        {
            return new ReturnProblem(_fileName, entry.Line, null, "LAchildID", "The child has no LAchildID: Lantern matches children by it, so every child needs one.");
        }

        if (entry.LaChildId.Length > MaxLaChildId)
        {
            return new ReturnProblem(_fileName, entry.Line, null, "LAchildID", $"The LAchildID is longer than {MaxLaChildId} characters.");
        }

        return null;
    }
}
