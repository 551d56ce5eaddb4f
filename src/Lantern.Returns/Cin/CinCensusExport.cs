using System.Globalization;
using System.Text;
using System.Xml;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;

namespace Lantern.Returns.Cin;

/// <summary>
/// The CIN census XML for one collection year, written from the live record: every child with a referral open at
/// any time in the year (see <see cref="CinProjection"/> for what each group carries), in that year's layout and
/// codes (see <see cref="CinLayout"/>), valid against that year's DfE schema.
/// </summary>
/// <remarks>
/// The file is a function of the record and the year alone, so exporting, importing into an empty database and
/// exporting again gives the same bytes: children in LAchildID order, groups and modules by date, and a header
/// whose DateTime is the ReferenceDate at midnight and whose SerialNo and Release are fixed.
/// </remarks>
public static class CinCensusExport
{
    public const string SoftwareCode = "Lantern";

    /// <summary>The Release item: the version of Lantern's CIN layout, not of the build (which would change the file).</summary>
    public const string Release = "1.0";

    public const string SerialNo = "001";

    /// <summary>Writes the census of <paramref name="year"/> to <paramref name="output"/> (UTF-8, no byte-order mark).</summary>
    /// <exception cref="InvalidOperationException">The data has no local authority with a three-digit LEA code.</exception>
    public static ExportResult Write(AuthorityData data, CollectionYear year, Stream output, IProgress<ReturnProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        var layout = CinLayout.For(year);
        var authority = data.Authorities.OrderBy(a => a.Id).FirstOrDefault();
        var lea = authority?.Code?.Trim() ?? "";
        if (lea.Length != 3 || !lea.All(char.IsAsciiDigit))
        {
            throw new InvalidOperationException(authority is null
                ? "The database has no local authority, so the CIN census has no LEA code: seed or import one first."
                : $"The local authority's code must be its three-digit DfE LA number to write the CIN census LEA item (it is \"{lea}\").");
        }

        var census = new Census(data, layout);
        var counts = new Counts();

        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            CloseOutput = false,
        };
        int children = 0, done = 0;
        using (var w = XmlWriter.Create(output, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("Message");
            WriteHeader(w, layout, lea);
            w.WriteStartElement("Children");
            foreach (var entry in census.Entries())
            {
                if (entry is not null)
                {
                    WriteChild(w, layout, entry, counts);
                    children++;
                }

                if (++done % 2000 == 0)
                {
                    progress?.Report(new ReturnProgress("Writing the CIN census", done, census.Candidates));
                }
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        progress?.Report(new ReturnProgress("Writing the CIN census", census.Candidates, census.Candidates));
        var list = new List<KeyValuePair<string, long>>
        {
            new("Child", children),
            new("CINdetails", counts.Details),
            new("Assessments", counts.Assessments),
            new("CINPlanDates", counts.CinPlans),
            new("Section47", counts.Section47s),
            new("ChildProtectionPlans", counts.Plans),
            new("CPPreviewDate", counts.Reviews),
        };
        if (census.LeftOut > 0)
        {
            list.Add(new("Children left out: no LAchildID", census.LeftOut));
        }

        return new ExportResult(children, list, []);
    }

    /// <summary>The children who may be in the year's census (a referral open in the year), in LAchildID order;
    /// each projected only when it is written, so what is held is the index, not the file.</summary>
    private sealed class Census
    {
        private readonly CinLayout _layout;
        private readonly List<Child> _children = [];
        private readonly Dictionary<long, List<Referral>> _referrals = [];
        private readonly Dictionary<long, List<Assessment>> _assessments;
        private readonly Dictionary<long, List<Section47Enquiry>> _section47s;
        private readonly Dictionary<long, List<ChildProtectionConference>> _conferences;
        private readonly Dictionary<long, List<ChildProtectionPlan>> _plans;
        private readonly Dictionary<long, List<ChildInNeedPlan>> _cinPlans;

        public Census(AuthorityData data, CinLayout layout)
        {
            _layout = layout;
            var start = layout.Year.Start;
            var end = layout.Year.End;

            // Only children with a referral open in the year get a file built: the census is a small part of the record.
            foreach (var r in data.Referrals)
            {
                if (r.ReferralDate != default && r.ReferralDate <= end && (r.ClosureDate is not { } closed || closed == default || closed >= start))
                {
                    if (!_referrals.TryGetValue(r.ChildId, out var list))
                    {
                        _referrals[r.ChildId] = list = [];
                    }

                    list.Add(r);
                }
            }

            _assessments = Group(data.Assessments, _referrals);
            _section47s = Group(data.Section47s, _referrals);
            _conferences = Group(data.Conferences, _referrals);
            _plans = Group(data.ProtectionPlans, _referrals);
            _cinPlans = Group(data.ChildInNeedPlans, _referrals);
            var seen = new HashSet<long>();
            foreach (var child in data.Children)
            {
                if (_referrals.ContainsKey(child.Id) && seen.Add(child.Id))
                {
                    if (string.IsNullOrWhiteSpace(child.LaChildId))
                    {
                        LeftOut++;
                    }
                    else
                    {
                        _children.Add(child);
                    }
                }
            }

            _children.Sort((a, b) => string.CompareOrdinal(a.LaChildId, b.LaChildId));
        }

        public int Candidates => _children.Count;

        public int LeftOut { get; }

        /// <summary>Each candidate's entry, or null when nothing of theirs is in the year after all.</summary>
        public IEnumerable<CinChildEntry?> Entries()
        {
            foreach (var child in _children)
            {
                var file = new ChildFile(child)
                {
                    Referrals = _referrals[child.Id],
                    Assessments = _assessments.GetValueOrDefault(child.Id) ?? [],
                    Section47s = _section47s.GetValueOrDefault(child.Id) ?? [],
                    Conferences = _conferences.GetValueOrDefault(child.Id) ?? [],
                    ProtectionPlans = _plans.GetValueOrDefault(child.Id) ?? [],
                    ChildInNeedPlans = _cinPlans.GetValueOrDefault(child.Id) ?? [],
                };
                yield return CinProjection.Project(file, _layout);
            }
        }
    }

    private static Dictionary<long, List<T>> Group<T>(List<T> records, Dictionary<long, List<Referral>> children)
        where T : ChildRecord
    {
        var groups = new Dictionary<long, List<T>>();
        foreach (var record in records)
        {
            if (children.ContainsKey(record.ChildId))
            {
                if (!groups.TryGetValue(record.ChildId, out var list))
                {
                    groups[record.ChildId] = list = [];
                }

                list.Add(record);
            }
        }

        return groups;
    }

    private static void WriteHeader(XmlWriter w, CinLayout layout, string lea)
    {
        w.WriteStartElement("Header");
        w.WriteStartElement("CollectionDetails");
        w.WriteElementString("Collection", "CIN");
        w.WriteElementString("Year", layout.Year.EndYear.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("ReferenceDate", Date(layout.Year.End));
        w.WriteEndElement();
        w.WriteStartElement("Source");
        w.WriteElementString("SourceLevel", "L");
        w.WriteElementString("LEA", lea);
        w.WriteElementString("SoftwareCode", SoftwareCode);
        w.WriteElementString("Release", Release);
        w.WriteElementString("SerialNo", SerialNo);
        w.WriteElementString("DateTime", Date(layout.Year.End) + "T00:00:00");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteChild(XmlWriter w, CinLayout layout, CinChildEntry c, Counts counts)
    {
        w.WriteStartElement("Child");
        w.WriteStartElement("ChildIdentifiers");
        w.WriteElementString("LAchildID", c.LaChildId);
        Optional(w, "UPN", c.Upn);
        Optional(w, "FormerUPN", c.FormerUpn);
        Optional(w, "UPNunknown", c.UpnUnknown);
        Optional(w, "PersonBirthDate", c.BirthDate);
        Optional(w, "ExpectedPersonBirthDate", c.ExpectedBirthDate);
        w.WriteElementString(layout.SexElement, c.Sex);
        Optional(w, "PersonDeathDate", c.DeathDate);
        w.WriteEndElement();

        w.WriteStartElement("ChildCharacteristics");
        w.WriteElementString("Ethnicity", c.Ethnicity);
        if (c.Disabilities.Count > 0)
        {
            w.WriteStartElement("Disabilities");
            foreach (var d in c.Disabilities)
            {
                w.WriteElementString("Disability", d);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();

        foreach (var d in c.Details)
        {
            WriteDetails(w, layout, d, counts);
        }

        w.WriteEndElement();
    }

    private static void WriteDetails(XmlWriter w, CinLayout layout, CinDetailsEntry d, Counts counts)
    {
        counts.Details++;
        w.WriteStartElement("CINdetails");
        w.WriteElementString("CINreferralDate", Date(d.ReferralDate));
        w.WriteElementString("ReferralSource", d.Source);
        Optional(w, "PrimaryNeedCode", d.PrimaryNeed);
        Optional(w, "CINclosureDate", d.ClosureDate);
        Optional(w, "ReasonForClosure", d.ClosureReason);
        Optional(w, "DateOfInitialCPC", d.InitialCpc);
        foreach (var a in d.Assessments)
        {
            counts.Assessments++;
            w.WriteStartElement("Assessments");
            w.WriteElementString("AssessmentActualStartDate", Date(a.Start));
            Optional(w, "AssessmentAuthorisationDate", a.Authorised);
            if (a.Factors.Count > 0)
            {
                w.WriteStartElement("FactorsIdentifiedAtAssessment");
                foreach (var f in a.Factors)
                {
                    w.WriteElementString("AssessmentFactors", f);
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        if (layout.HasCinPlanDates)
        {
            foreach (var p in d.CinPlans)
            {
                counts.CinPlans++;
                w.WriteStartElement("CINPlanDates");
                w.WriteElementString("CINPlanStartDate", Date(p.Start));
                Optional(w, "CINPlanEndDate", p.End);
                w.WriteEndElement();
            }
        }

        foreach (var s in d.Section47s)
        {
            counts.Section47s++;
            w.WriteStartElement("Section47");
            w.WriteElementString("S47ActualStartDate", Date(s.Start));
            Optional(w, "InitialCPCtarget", s.InitialCpcTarget);
            Optional(w, "DateOfInitialCPC", s.InitialCpc);
            w.WriteElementString("ICPCnotRequired", s.IcpcNotRequired ? "1" : "0");
            w.WriteEndElement();
        }

        w.WriteElementString("ReferralNFA", d.Nfa ? "1" : "0");
        foreach (var p in d.ProtectionPlans)
        {
            counts.Plans++;
            w.WriteStartElement("ChildProtectionPlans");
            w.WriteElementString("CPPstartDate", Date(p.Start));
            Optional(w, "CPPendDate", p.End);
            w.WriteElementString("InitialCategoryOfAbuse", p.InitialCategory);
            w.WriteElementString("LatestCategoryOfAbuse", p.LatestCategory);
            w.WriteElementString("NumberOfPreviousCPP", p.PreviousPlans.ToString(CultureInfo.InvariantCulture));
            if (p.Reviews.Count > 0)
            {
                w.WriteStartElement("Reviews");
                foreach (var r in p.Reviews)
                {
                    counts.Reviews++;
                    w.WriteElementString("CPPreviewDate", Date(r));
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void Optional(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteElementString(name, value);
        }
    }

    private static void Optional(XmlWriter w, string name, DateOnly? value)
    {
        if (value is { } d)
        {
            w.WriteElementString(name, Date(d));
        }
    }

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Counts
    {
        public long Details;
        public long Assessments;
        public long CinPlans;
        public long Section47s;
        public long Plans;
        public long Reviews;
    }
}
