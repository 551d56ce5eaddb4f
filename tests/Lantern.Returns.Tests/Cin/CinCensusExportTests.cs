using System.Xml.Linq;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Returns.Cin;
using Xunit;
using static Lantern.Returns.Tests.Cin.CinTestData;

namespace Lantern.Returns.Tests.Cin;

public sealed class CinCensusExportTests
{
    public static TheoryData<int> AllYears => [.. Years];

    [Theory]
    [MemberData(nameof(AllYears))]
    public void Each_years_export_of_the_synthetic_authority_is_valid_against_that_years_schema(int year)
    {
        var xml = Export(Authority, year);

        Assert.Empty(SchemaErrors(xml, year));
        var doc = XDocument.Parse(Text(xml));
        Assert.True(doc.Descendants("Child").Count() > 100, "the census should hold the children in need of a 3,000-child authority");
        Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.Descendants("Year").Single().Value);
        Assert.Equal($"{year}-03-31", doc.Descendants("ReferenceDate").Single().Value);
    }

    [Theory]
    [MemberData(nameof(AllYears))]
    public void Against_the_schema_files_as_published_only_a_first_plan_differs(int year)
    {
        // The 2020-2023 files type NumberOfPreviousCPP as positiveInteger; every other item must already pass them.
        var errors = SchemaErrors(Export(Authority, year), year, raw: true);

        Assert.All(errors, e => Assert.Contains("NumberOfPreviousCPP", e, StringComparison.Ordinal));
        if (year >= 2024)
        {
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void The_header_names_the_collection_the_authority_and_a_fixed_moment()
    {
        var doc = XDocument.Parse(Text(Export(Authority, 2024)));
        var source = doc.Descendants("Source").Single();

        Assert.Equal("CIN", doc.Descendants("Collection").Single().Value);
        Assert.Equal("L", source.Element("SourceLevel")!.Value);
        Assert.Equal(Authority.Authorities[0].Code, source.Element("LEA")!.Value);
        Assert.Equal("Lantern", source.Element("SoftwareCode")!.Value);
        Assert.Equal("2024-03-31T00:00:00", source.Element("DateTime")!.Value);
        Assert.Equal(Export(Authority, 2024), Export(Authority, 2024));
    }

    [Fact]
    public void Children_are_in_LAchildID_order_and_each_appears_once()
    {
        var ids = XDocument.Parse(Text(Export(Authority, 2026))).Descendants("LAchildID").Select(e => e.Value).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Only_referrals_open_at_some_time_in_the_year_are_sent_as_they_stood_on_31_March()
    {
        var data = Empty();
        var before = AddChild(data, "CLOSEDBEFORE");
        AddReferral(data, before, new DateOnly(2023, 1, 5), r => r.ClosureDate = new DateOnly(2023, 3, 31));
        var after = AddChild(data, "STARTSAFTER");
        AddReferral(data, after, new DateOnly(2024, 4, 1));
        var open = AddChild(data, "OPENINYEAR");
        var referral = AddReferral(data, open, new DateOnly(2023, 2, 1), r =>
        {
            r.ClosureDate = new DateOnly(2024, 6, 1);
            r.ClosureReason = ClosureReason.ServicesCeased;
        });
        AddAssessment(data, referral, new DateOnly(2023, 2, 2), new DateOnly(2024, 4, 10), "16A");

        var xml = Export(data, 2024);
        var doc = XDocument.Parse(Text(xml));

        Assert.Empty(SchemaErrors(xml, 2024));
        Assert.Equal(["OPENINYEAR"], doc.Descendants("LAchildID").Select(e => e.Value));

        // Closed and authorised after the ReferenceDate: on 31 March 2024 the referral was open and the assessment not finished.
        Assert.Empty(doc.Descendants("CINclosureDate"));
        Assert.Empty(doc.Descendants("ReasonForClosure"));
        Assert.Empty(doc.Descendants("AssessmentAuthorisationDate"));
        Assert.Empty(doc.Descendants("AssessmentFactors"));
        Assert.Single(doc.Descendants("AssessmentActualStartDate"));
    }

    [Theory]
    [InlineData(2024, "GenderCurrent", "0")]
    [InlineData(2025, "Sex", "U")]
    public void An_unborn_child_is_sent_with_an_expected_birth_date_and_no_recorded_sex(int year, string element, string code)
    {
        var data = Empty();
        var unborn = AddChild(data, "UNBORN1", c =>
        {
            c.DateOfBirth = null;
            c.ExpectedDateOfBirth = new DateOnly(year, 5, 20);
            c.Sex = Sex.Female;
        });
        AddReferral(data, unborn, new DateOnly(year - 1, 11, 3));

        var xml = Export(data, year);
        var ids = XDocument.Parse(Text(xml)).Descendants("ChildIdentifiers").Single();

        Assert.Empty(SchemaErrors(xml, year));
        Assert.Null(ids.Element("PersonBirthDate"));
        Assert.Equal($"{year}-05-20", ids.Element("ExpectedPersonBirthDate")!.Value);
        Assert.Equal(code, ids.Element(element)!.Value);
    }

    [Fact]
    public void A_child_born_after_the_reference_date_was_unborn_in_that_years_census()
    {
        var data = Empty();
        var child = AddChild(data, "BORNLATER", c => c.DateOfBirth = new DateOnly(2024, 4, 20));
        AddReferral(data, child, new DateOnly(2024, 1, 10));

        var ids = XDocument.Parse(Text(Export(data, 2024))).Descendants("ChildIdentifiers").Single();

        Assert.Null(ids.Element("PersonBirthDate"));
        Assert.Equal("2024-04-20", ids.Element("ExpectedPersonBirthDate")!.Value);
        Assert.Equal("0", ids.Element("GenderCurrent")!.Value);
    }

    [Theory]
    [InlineData(2024, "GenderCurrent", "1", "2")]
    [InlineData(2025, "Sex", "M", "F")]
    public void Sex_is_GenderCurrent_1_2_before_2024_25_and_Sex_M_F_from_then(int year, string element, string male, string female)
    {
        var data = Empty();
        AddReferral(data, AddChild(data, "BOY", c => c.Sex = Sex.Male), new DateOnly(year - 1, 6, 1));
        AddReferral(data, AddChild(data, "GIRL", c => c.Sex = Sex.Female), new DateOnly(year - 1, 6, 1));

        var xml = Export(data, year);
        var doc = XDocument.Parse(Text(xml));

        Assert.Empty(SchemaErrors(xml, year));
        Assert.Equal([male, female], doc.Descendants(element).Select(e => e.Value));
        Assert.Empty(doc.Descendants(element == "Sex" ? "GenderCurrent" : "Sex"));
    }

    [Theory]
    [InlineData(2022, "RC8", "5B", "24A")]
    [InlineData(2023, "RC9", "5D", "24A")]
    [InlineData(2021, "RC8", "5B", "20")]
    public void Codes_a_year_lacks_are_sent_as_that_years_nearest_code(int year, string closure, string source, string factor)
    {
        var data = Empty();
        var child = AddChild(data, "EARLYHELP");
        var referral = AddReferral(data, child, new DateOnly(year - 1, 5, 1), r =>
        {
            r.Source = ReferralSource.EarlyHelp;
            r.ClosureDate = new DateOnly(year - 1, 7, 1);
            r.ClosureReason = ClosureReason.EarlyHelpAfterAssessment;
            r.NoFurtherAction = false;
        });
        AddAssessment(data, referral, new DateOnly(year - 1, 5, 2), new DateOnly(year - 1, 6, 20), "24A", "3B");

        var xml = Export(data, year);
        var doc = XDocument.Parse(Text(xml));

        Assert.Empty(SchemaErrors(xml, year));
        Assert.Equal(closure, doc.Descendants("ReasonForClosure").Single().Value);
        Assert.Equal(source, doc.Descendants("ReferralSource").Single().Value);
        Assert.Equal([factor, "3B"], doc.Descendants("AssessmentFactors").Select(e => e.Value));
    }

    [Theory]
    [InlineData(2020, "18A", "19A")]
    [InlineData(2021, "18C", "19C")]
    [InlineData(2026, "18C", "19C")]
    public void Physical_and_sexual_abuse_factors_follow_each_years_split(int year, string physical, string sexual)
    {
        var data = Empty();
        var referral = AddReferral(data, AddChild(data, "ABUSE"), new DateOnly(year - 1, 5, 1));
        AddAssessment(data, referral, new DateOnly(year - 1, 5, 2), new DateOnly(year - 1, 6, 20), year == 2020 ? "18C" : "18A", year == 2020 ? "19B" : "19A");

        var xml = Export(data, year);

        Assert.Empty(SchemaErrors(xml, year));
        Assert.Equal([physical, sexual], XDocument.Parse(Text(xml)).Descendants("AssessmentFactors").Select(e => e.Value));
    }

    [Fact]
    public void CINPlanDates_are_sent_only_from_2021_22()
    {
        var data = Empty();
        var referral = AddReferral(data, AddChild(data, "CINPLAN"), new DateOnly(2020, 5, 1));
        data.ChildInNeedPlans.Add(new ChildInNeedPlan { Id = 1, ChildId = referral.ChildId, ReferralId = referral.Id, StartDate = new DateOnly(2020, 7, 1) });

        var old = Export(data, 2021);
        var current = Export(data, 2022);

        Assert.Empty(SchemaErrors(old, 2021));
        Assert.Empty(SchemaErrors(current, 2022));
        Assert.Empty(XDocument.Parse(Text(old)).Descendants("CINPlanDates"));
        Assert.Equal("2020-07-01", XDocument.Parse(Text(current)).Descendants("CINPlanStartDate").Single().Value);
    }

    [Fact]
    public void Every_code_Lantern_records_is_a_code_of_each_years_list_once_mapped()
    {
        foreach (int year in Years.Append(2027))
        {
            var layout = CinLayout.For(new CollectionYear(year));
            Assert.All(ClosureReason.Set.Entries, e => Assert.Contains(layout.ClosureReason(e.Code), layout.Codes("ReasonForClosure")));
            Assert.All(ReferralSource.Set.Entries, e => Assert.Contains(layout.ReferralSource(e.Code), layout.Codes("ReferralSource")));
            Assert.All(AssessmentFactor.Set.Entries, e => Assert.Contains(layout.AssessmentFactor(e.Code), layout.Codes("AssessmentFactors")));
            Assert.All(Ethnicity.Set.Entries, e => Assert.Contains(e.Code, layout.Codes("Ethnicity")));
            Assert.All(Disability.Set.Entries, e => Assert.Contains(e.Code, layout.Codes("Disability")));
            Assert.All(PrimaryNeed.Set.Entries, e => Assert.Contains(e.Code, layout.Codes("PrimaryNeedCode")));
            Assert.All(AbuseCategory.Set.Entries, e => Assert.Contains(e.Code, layout.Codes("InitialCategoryOfAbuse")));
            Assert.All(UpnUnknownReason.Set.Entries, e => Assert.Contains(e.Code, layout.Codes("UPNunknown")));
            Assert.All(Sex.Set.Entries, e => Assert.Contains(layout.SexCode(e.Code, unborn: false), layout.Codes(layout.SexElement)));
        }
    }

    [Fact]
    public void The_2026_27_census_uses_the_2025_26_layout()
    {
        var data = Empty();
        AddReferral(data, AddChild(data, "NOW"), new DateOnly(2026, 5, 1));

        var xml = Export(data, 2027);

        Assert.Empty(SchemaErrors(xml, 2026));
        Assert.Equal("2027", XDocument.Parse(Text(xml)).Descendants("Year").Single().Value);
    }

    [Fact]
    public void A_UPN_not_in_the_DfE_form_is_left_out_rather_than_making_the_file_unreadable()
    {
        var data = Empty();
        AddReferral(data, AddChild(data, "BADUPN", c => c.Upn = "12345"), new DateOnly(2025, 5, 1));

        var xml = Export(data, 2026);

        Assert.Empty(SchemaErrors(xml, 2026));
        Assert.Empty(XDocument.Parse(Text(xml)).Descendants("UPN"));
    }

    [Fact]
    public void Without_a_local_authority_the_export_says_why()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => CinCensusExport.Write(new AuthorityData(), new CollectionYear(2026), new MemoryStream()));

        Assert.Contains("LEA", ex.Message, StringComparison.Ordinal);
    }
}
