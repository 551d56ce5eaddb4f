using System.Text;
using Lantern.Data;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Returns.Cin;
using Lantern.TestCommon;
using Xunit;
using static Lantern.Returns.Tests.Cin.CinTestData;

namespace Lantern.Returns.Tests.Cin;

public sealed class CinCensusImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lantern-cin-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int> AllYears => [.. Years];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(AllYears))]
    public async Task Export_import_into_an_empty_database_and_export_again_gives_the_same_bytes(int year)
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        await RoundTrip(db, year);
    }

    [Theory]
    [ClassData(typeof(ProvidersData))]
    public async Task The_round_trip_holds_on_each_database(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Ct);
        await RoundTrip(db, 2025);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Migrated(db);
        var path = Write("cin.xml", Export(Authority, 2023));

        var first = await CinCensusImport.ImportAsync(target, path, null, Ct);
        var rows = (await SnapshotLoader.LoadAsync(target, Ct)).TotalRecords;
        var second = await CinCensusImport.ImportAsync(target, path, null, Ct);

        Assert.True(first.Imported);
        Assert.True(second.Imported);
        Assert.Equal(first.ChildrenInFile, first.ChildrenAdded);
        Assert.Equal(second.ChildrenInFile, second.ChildrenUnchanged);
        Assert.Equal(0, second.ChildrenAdded + second.ChildrenChanged);
        Assert.Empty(second.RecordsAdded);
        Assert.Empty(second.RecordsChanged);
        Assert.Equal(rows, (await SnapshotLoader.LoadAsync(target, Ct)).TotalRecords);
    }

    [Theory]
    [MemberData(nameof(AllYears))]
    public async Task A_years_census_imported_into_the_database_it_came_from_changes_nothing(int year)
    {
        // A past year's file says nothing about what happened after its 31 March (later closures, plans, codes the
        // year lacked): that is not a difference to write over.
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Migrated(db);
        await AuthorityWriter.WriteAsync(target, Authority, cancellationToken: Ct);
        var before = (await SnapshotLoader.LoadAsync(target, Ct)).TotalRecords;

        var result = await CinCensusImport.ImportAsync(target, Write($"cin{year}.xml", Export(Authority, year)), null, Ct);

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        Assert.Equal(result.ChildrenInFile, result.ChildrenUnchanged);
        Assert.Empty(result.RecordsAdded);
        Assert.Empty(result.RecordsChanged);
        Assert.Equal(before, (await SnapshotLoader.LoadAsync(target, Ct)).TotalRecords);
    }

    [Fact]
    public async Task Another_systems_file_with_values_Lantern_would_not_send_imports_once_and_then_changes_nothing()
    {
        // GenderCurrent 9, a birth date and an expected one, a retired factor the 2024 file still allows and a
        // repeated one, factors on an assessment not yet authorised, a closure and a review after 31 March,
        // a repeated review date and a date with a time zone.
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <Message>
              <Header>
                <CollectionDetails><Collection>CIN</Collection><Year>2024</Year><ReferenceDate>2024-03-31</ReferenceDate></CollectionDetails>
                <Source><SourceLevel>L</SourceLevel><LEA>123</LEA><SoftwareCode>Other</SoftwareCode><Release>9</Release><SerialNo>042</SerialNo><DateTime>2024-05-02T10:11:12</DateTime></Source>
              </Header>
              <Children>
                <Child>
                  <ChildIdentifiers>
                    <LAchildID>OTHER1</LAchildID>
                    <PersonBirthDate>2016-02-03</PersonBirthDate>
                    <ExpectedPersonBirthDate>2016-02-10</ExpectedPersonBirthDate>
                    <GenderCurrent>9</GenderCurrent>
                  </ChildIdentifiers>
                  <ChildCharacteristics>
                    <Ethnicity>WOTH</Ethnicity>
                    <Disabilities><Disability>HAND</Disability></Disabilities>
                  </ChildCharacteristics>
                  <CINdetails>
                    <CINreferralDate>2023-06-01Z</CINreferralDate>
                    <ReferralSource>6</ReferralSource>
                    <PrimaryNeedCode>N1</PrimaryNeedCode>
                    <CINclosureDate>2024-05-01</CINclosureDate>
                    <ReasonForClosure>RC7</ReasonForClosure>
                    <Assessments>
                      <AssessmentActualStartDate>2023-06-02</AssessmentActualStartDate>
                      <AssessmentAuthorisationDate>2023-07-01</AssessmentAuthorisationDate>
                      <FactorsIdentifiedAtAssessment><AssessmentFactors>18A</AssessmentFactors><AssessmentFactors>3B</AssessmentFactors><AssessmentFactors>3B</AssessmentFactors></FactorsIdentifiedAtAssessment>
                    </Assessments>
                    <Assessments>
                      <AssessmentActualStartDate>2024-03-01</AssessmentActualStartDate>
                      <FactorsIdentifiedAtAssessment><AssessmentFactors>21</AssessmentFactors></FactorsIdentifiedAtAssessment>
                    </Assessments>
                    <Section47>
                      <S47ActualStartDate>2023-07-05</S47ActualStartDate>
                      <InitialCPCtarget>2023-07-26</InitialCPCtarget>
                      <DateOfInitialCPC>2023-07-20</DateOfInitialCPC>
                      <ICPCnotRequired>0</ICPCnotRequired>
                    </Section47>
                    <ReferralNFA>0</ReferralNFA>
                    <ChildProtectionPlans>
                      <CPPstartDate>2023-07-20</CPPstartDate>
                      <InitialCategoryOfAbuse>PHY</InitialCategoryOfAbuse>
                      <LatestCategoryOfAbuse>PHY</LatestCategoryOfAbuse>
                      <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
                      <Reviews><CPPreviewDate>2023-10-20</CPPreviewDate><CPPreviewDate>2023-10-20</CPPreviewDate><CPPreviewDate>2024-04-20</CPPreviewDate></Reviews>
                    </ChildProtectionPlans>
                  </CINdetails>
                </Child>
              </Children>
            </Message>
            """;
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Migrated(db);
        var path = Write("other.xml", xml);

        var first = await CinCensusImport.ImportAsync(target, path, null, Ct);
        var second = await CinCensusImport.ImportAsync(target, path, null, Ct);

        Assert.True(first.Imported, string.Join("\n", first.Problems));
        Assert.Equal(1, first.ChildrenAdded);
        Assert.True(second.Imported);
        Assert.Equal(1, second.ChildrenUnchanged);
        Assert.Empty(second.RecordsAdded);
        Assert.Empty(second.RecordsChanged);
        var stored = await SnapshotLoader.LoadAsync(target, Ct);
        Assert.Equal(Sex.Unknown, stored.Children.Single().Sex);
        Assert.Equal(new DateOnly(2023, 6, 1), stored.Referrals.Single().ReferralDate);
        Assert.Equal(new DateOnly(2024, 5, 1), stored.Referrals.Single().ClosureDate);
        Assert.Equal(3, stored.Conferences.Count(c => c.Type == ConferenceType.Review));
    }

    [Fact]
    public async Task An_import_adds_new_children_corrects_known_ones_and_leaves_the_rest()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Migrated(db);
        var data = Empty("123");
        var kept = AddChild(data, "KEPT");
        AddReferral(data, kept, new DateOnly(2024, 6, 1));
        var corrected = AddChild(data, "CORRECTED");
        var referral = AddReferral(data, corrected, new DateOnly(2024, 7, 1));
        AddAssessment(data, referral, new DateOnly(2024, 7, 2), null);
        Assert.True((await CinCensusImport.ImportAsync(target, Write("first.xml", Export(data, 2025)), null, Ct)).Imported);

        // The other system has since closed the referral, authorised the assessment and met a new child.
        referral.ClosureDate = new DateOnly(2024, 12, 1);
        referral.ClosureReason = ClosureReason.ServicesCeased;
        data.Assessments[0].AuthorisationDate = new DateOnly(2024, 8, 20);
        data.Assessments[0].Factors = [AssessmentFactor.Neglect];
        var added = AddChild(data, "ADDED", c => c.Sex = Sex.Male);
        var newReferral = AddReferral(data, added, new DateOnly(2025, 1, 10));
        data.Section47s.Add(new Section47Enquiry { Id = 1, ChildId = added.Id, ReferralId = newReferral.Id, StartDate = new DateOnly(2025, 1, 12) });
        data.Conferences.Add(new ChildProtectionConference { Id = 1, ChildId = added.Id, ReferralId = newReferral.Id, Section47Id = 1, Type = ConferenceType.Initial, Date = new DateOnly(2025, 2, 1) });
        data.ProtectionPlans.Add(new ChildProtectionPlan
        {
            Id = 1, ChildId = added.Id, ReferralId = newReferral.Id, StartDate = new DateOnly(2025, 2, 1),
            InitialCategory = AbuseCategory.Neglect, LatestCategory = AbuseCategory.Neglect,
        });
        var second = Export(data, 2025);

        var result = await CinCensusImport.ImportAsync(target, Write("second.xml", second), null, Ct);

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        Assert.Equal((3, 1, 1, 1), (result.ChildrenInFile, result.ChildrenAdded, result.ChildrenChanged, result.ChildrenUnchanged));
        Assert.Contains(result.RecordsChanged, p => p.Key == "referrals" && p.Value == 1);
        Assert.Contains(result.RecordsChanged, p => p.Key == "assessments" && p.Value == 1);
        Assert.Contains(result.RecordsAdded, p => p.Key == "child_protection_plans" && p.Value == 1);
        var stored = await SnapshotLoader.LoadAsync(target, Ct);
        Assert.Equal(3, stored.Children.Count);
        Assert.Equal(second, Export(stored, 2025));
    }

    [Fact]
    public async Task Into_an_empty_database_the_local_authority_comes_from_the_header()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Migrated(db);
        var data = Empty("812");
        AddReferral(data, AddChild(data, "ONE"), new DateOnly(2025, 5, 1));

        await CinCensusImport.ImportAsync(target, Write("cin.xml", Export(data, 2026)), null, Ct);

        var stored = await SnapshotLoader.LoadAsync(target, Ct);
        Assert.Equal("812", Assert.Single(stored.Authorities).Code);
        Assert.Equal("", stored.Children.Single().GivenName);
    }

    [Fact]
    public async Task A_file_for_another_authority_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Seeded(db);
        var data = Empty("555");
        AddReferral(data, AddChild(data, "OTHERLA"), new DateOnly(2025, 5, 1));

        var result = await Refused(target, Write("other.xml", Export(data, 2026)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("LEA", problem.Field);
        Assert.Contains("555", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-8-bom")]
    public async Task A_file_with_a_byte_order_mark_is_read(string encoding)
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Migrated(db);
        var xml = Text(Small(2026));
        var bytes = encoding == "utf-16"
            ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml.Replace("encoding=\"utf-8\"", "encoding=\"utf-16\"", StringComparison.Ordinal))]
            : (byte[])[.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(xml)];

        var result = await CinCensusImport.ImportAsync(target, Write("bom.xml", bytes), null, Ct);

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        Assert.Equal(2, result.ChildrenAdded);
    }

    [Fact]
    public async Task Malformed_XML_is_refused_as_unreadable_and_nothing_is_written()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Seeded(db);
        var before = (await SnapshotLoader.LoadAsync(target, Ct)).TotalRecords;
        var xml = Text(Small(2026));
        var broken = xml[..(xml.Length / 2)] + "<Oops></Child>";

        var ex = await Assert.ThrowsAsync<ReturnFileException>(() => CinCensusImport.ImportAsync(target, Write("broken.xml", broken), null, Ct));

        Assert.Contains("broken.xml", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await SnapshotLoader.LoadAsync(target, Ct)).TotalRecords);
    }

    [Fact]
    public async Task A_binary_file_is_refused_as_unreadable()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Seeded(db);

        var ex = await Assert.ThrowsAsync<ReturnFileException>(() =>
            CinCensusImport.ImportAsync(target, Write("photo.xml", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]), null, Ct));

        Assert.Contains("photo.xml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_XML_file_that_is_not_a_CIN_census_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Seeded(db);

        var result = await Refused(target, Write("903.xml", "<?xml version=\"1.0\"?><Episodes><Episode/></Episodes>"));

        Assert.Contains("not a CIN census", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_is_reported_to_the_last_child()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Migrated(db);
        var progress = new Recorder();

        var result = await CinCensusImport.ImportAsync(target, Write("cin.xml", Export(Authority, 2026)), progress, Ct);

        var last = progress.Reports[^1];
        Assert.Equal((result.ChildrenInFile, (long)result.ChildrenInFile), (checked((int)last.Done), last.Total));
        Assert.Contains(progress.Reports, p => p.Stage.Contains("Checking", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_there_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);

        await Assert.ThrowsAsync<ReturnFileException>(() => CinCensusImport.ImportAsync(DbTarget.Parse(db.Target), Path.Combine(_folder, "none.xml"), null, Ct));
    }

    [Fact]
    public async Task Elements_out_of_order_are_reported_with_the_line_and_child()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Seeded(db);
        var xml = Text(Small(2026));
        // Sex before PersonBirthDate.
        var swapped = System.Text.RegularExpressions.Regex.Replace(xml, @"(<PersonBirthDate>[^<]*</PersonBirthDate>)(\s*)(<Sex>F</Sex>)", "$3$2$1");
        Assert.NotEqual(xml, swapped);

        var result = await Refused(target, Write("order.xml", swapped));

        Assert.Contains(result.Problems, p => p.Line > 0 && p.Child == "CHILDA" && p.Message.Contains("layout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_date_in_the_wrong_format_is_reported_without_its_value()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Seeded(db);
        var xml = Text(Small(2026)).Replace("<PersonBirthDate>2015-06-01</PersonBirthDate>", "<PersonBirthDate>01/06/2015</PersonBirthDate>", StringComparison.Ordinal);

        var result = await Refused(target, Write("date.xml", xml));

        Assert.Equal(["CHILDA", "CHILDB"], result.Problems.Select(p => p.Child));
        Assert.All(result.Problems, problem =>
        {
            Assert.Equal("PersonBirthDate", problem.Field);
            Assert.True(problem.Line > 1);
            Assert.Contains("yyyy-mm-dd", problem.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("2015", problem.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_code_not_in_the_years_list_is_reported_with_the_codes_that_year_allows()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Seeded(db);

        // RC9 only exists from 2022-23.
        var xml = Text(Small(2022)).Replace("<ReasonForClosure>RC8</ReasonForClosure>", "<ReasonForClosure>RC9</ReasonForClosure>", StringComparison.Ordinal);
        var result = await Refused(target, Write("code.xml", xml));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("ReasonForClosure", problem.Field);
        Assert.Equal("CHILDB", problem.Child);
        Assert.Contains("RC1, RC2, RC3, RC4, RC5, RC6, RC7, RC8", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RC9", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sex_in_a_file_for_a_GenderCurrent_year_is_a_layout_problem()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Seeded(db);
        var xml = Text(Small(2026)).Replace("<Year>2026</Year>", "<Year>2024</Year>", StringComparison.Ordinal)
            .Replace("2026-03-31", "2024-03-31", StringComparison.Ordinal);

        var result = await Refused(target, Write("sex.xml", xml));

        Assert.Contains(result.Problems, p => p.Field == "Sex" && p.Message.Contains("GenderCurrent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_child_twice_in_the_file_is_reported_at_the_second()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Seeded(db);
        var xml = Text(Small(2026)).Replace("<LAchildID>CHILDB</LAchildID>", "<LAchildID>CHILDA</LAchildID>", StringComparison.Ordinal);

        var result = await Refused(target, Write("twice.xml", xml));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("CHILDA", "LAchildID"), (problem.Child, problem.Field));
        Assert.Contains("more than once", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2031")]
    [InlineData("")]
    public async Task A_file_for_a_year_Lantern_does_not_know_is_refused(string year)
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Seeded(db);
        var xml = Text(Small(2026)).Replace("<Year>2026</Year>", year.Length == 0 ? "" : $"<Year>{year}</Year>", StringComparison.Ordinal);

        var result = await Refused(target, Write("year.xml", xml));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("Year", problem.Field);
        Assert.Contains("2020", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_in_the_file_is_reported_not_just_the_first()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Seeded(db);
        var xml = Text(Small(2026))
            .Replace("<Ethnicity>WBRI</Ethnicity>", "<Ethnicity>XXXX</Ethnicity>", StringComparison.Ordinal)
            .Replace("<CINreferralDate>2025-06-01</CINreferralDate>", "<CINreferralDate>2025-13-01</CINreferralDate>", StringComparison.Ordinal);
        int first = xml.IndexOf("</ChildCharacteristics>", StringComparison.Ordinal);
        xml = xml.Insert(first, "<Unexpected/>");

        var result = await Refused(target, Write("many.xml", xml));

        Assert.Contains(result.Problems, p => p.Field == "Ethnicity" && p.Child == "CHILDA");
        Assert.Contains(result.Problems, p => p.Field == "Unexpected" && p.Child == "CHILDA");

        // After a layout error the validator skips the rest of the child: its values are still checked.
        Assert.Contains(result.Problems, p => p.Field == "CINreferralDate" && p.Child == "CHILDA");
        Assert.Contains(result.Problems, p => p.Field == "Ethnicity" && p.Child == "CHILDB");
        Assert.Equal(result.Problems.OrderBy(p => p.Line), result.Problems);
    }

    [Fact]
    public async Task Values_after_a_stray_element_between_children_are_still_checked()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = await Seeded(db);
        var xml = Text(Small(2026));
        xml = xml.Insert(xml.IndexOf("<Child>", StringComparison.Ordinal), "<Note>moved</Note>")
            .Replace("<Ethnicity>WBRI</Ethnicity>", "<Ethnicity>XXXX</Ethnicity>", StringComparison.Ordinal);

        var result = await Refused(target, Write("stray.xml", xml));

        Assert.Contains(result.Problems, p => p.Field == "Note");
        Assert.Contains(result.Problems, p => p.Field == "Ethnicity" && p.Child == "CHILDA");
        Assert.Contains(result.Problems, p => p.Field == "Ethnicity" && p.Child == "CHILDB");
    }

    private async Task RoundTrip(TestDatabase db, int year)
    {
        var target = await Migrated(db);
        var first = Export(Authority, year);

        var result = await CinCensusImport.ImportAsync(target, Write($"cin{year}.xml", first), null, Ct);

        Assert.True(result.Imported, string.Join("\n", result.Problems.Take(20)));
        Assert.Equal(result.ChildrenInFile, result.ChildrenAdded);
        var again = Export(await SnapshotLoader.LoadAsync(target, Ct), year);
        Assert.Equal(Text(first), Text(again));
        Assert.Equal(first, again);
    }

    /// <summary>Two children: CHILDA (open referral) and CHILDB (closed after assessment).</summary>
    private static byte[] Small(int year)
    {
        var data = Empty("123");
        AddReferral(data, AddChild(data, "CHILDA"), new DateOnly(year - 1, 6, 1));
        var b = AddChild(data, "CHILDB", c => c.Sex = Sex.Male);
        var referral = AddReferral(data, b, new DateOnly(year - 1, 7, 1), r =>
        {
            r.ClosureDate = new DateOnly(year - 1, 8, 1);
            r.ClosureReason = ClosureReason.NfaAfterAssessment;
        });
        AddAssessment(data, referral, new DateOnly(year - 1, 7, 2), new DateOnly(year - 1, 7, 30), "21");
        return Export(data, year);
    }

    private sealed class Recorder : IProgress<ReturnProgress>
    {
        public List<ReturnProgress> Reports { get; } = [];

        public void Report(ReturnProgress value) => Reports.Add(value);
    }

    private static async Task<DbTarget> Migrated(TestDatabase db)
    {
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, Ct);
        return target;
    }

    /// <summary>A database holding authority 123 with one child, so "nothing written" is visible.</summary>
    private async Task<DbTarget> Seeded(TestDatabase db)
    {
        var target = await Migrated(db);
        var data = Empty("123");
        AddReferral(data, AddChild(data, "SEEDED"), new DateOnly(2023, 5, 1));
        Assert.True((await CinCensusImport.ImportAsync(target, Write("seed.xml", Export(data, 2024)), null, Ct)).Imported);
        return target;
    }

    private static async Task<ImportResult> Refused(DbTarget target, string path)
    {
        var before = await SnapshotLoader.LoadAsync(target, Ct);
        var result = await CinCensusImport.ImportAsync(target, path, null, Ct);
        var after = await SnapshotLoader.LoadAsync(target, Ct);

        Assert.False(result.Imported);
        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p => Assert.Equal(Path.GetFileName(path), p.File));
        Assert.Equal(before.TotalRecords, after.TotalRecords);
        Assert.Equal(before.Children.Select(c => c.FileVersion), after.Children.Select(c => c.FileVersion));
        return result;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));
}
