using System.Xml.Linq;
using Lantern.Data;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Returns.Cin;
using Lantern.TestCommon;
using Xunit;
using static Lantern.Returns.Tests.Cin.CinTestData;

namespace Lantern.Returns.Tests.Cin;

/// <summary>Hand-built children with every kind of group and the mappings that differ by year, through the round trip.</summary>
public sealed class CinTrickyRecordsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lantern-cin-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int> AllYears => [.. Years];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(AllYears))]
    public async Task Every_kind_of_group_survives_the_round_trip(int year)
    {
        var data = Tricky(year);
        var first = Export(data, year);
        Assert.Empty(SchemaErrors(first, year));

        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, Ct);
        var path = Path.Combine(_folder, "tricky.xml");
        await File.WriteAllBytesAsync(path, first, Ct);
        var result = await CinCensusImport.ImportAsync(target, path, null, Ct);

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        var stored = await SnapshotLoader.LoadAsync(target, Ct);
        Assert.Equal(Text(first), Text(Export(stored, year)));

        var unborn = stored.Children.Single(c => c.LaChildId == "UNBORN");
        Assert.Null(unborn.DateOfBirth);
        Assert.Equal(new DateOnly(year, 5, 1), unborn.ExpectedDateOfBirth);
        Assert.Equal(Sex.Unknown, unborn.Sex);
        Assert.Equal(Sex.Male, stored.Children.Single(c => c.LaChildId == "FULL").Sex);
        Assert.Equal(year >= 2023 ? "RC9" : "RC8", stored.Referrals.Single(r => r.ClosureReason is not null).ClosureReason!.Value.Code);
        Assert.Equal(2, stored.Conferences.Count(c => c.Type == ConferenceType.Review)); // the third was after 31 March
        Assert.Equal("", stored.Children[0].FamilyName);
    }

    [Fact]
    public void The_full_child_carries_every_group_the_year_has()
    {
        var doc = XDocument.Parse(Text(Export(Tricky(2026), 2026)));
        var full = doc.Descendants("Child").Single(c => c.Descendants("LAchildID").Single().Value == "FULL");

        Assert.Equal("A123456789012", full.Descendants("UPN").Single().Value);
        Assert.Equal(["AUT", "LD"], full.Descendants("Disability").Select(d => d.Value));
        Assert.Equal(2, full.Elements("CINdetails").Count());
        Assert.Equal("2025-04-20", full.Descendants("CINdetails").First().Element("DateOfInitialCPC")!.Value);
        var s47 = full.Descendants("Section47").Single();
        Assert.Equal("2025-06-01", s47.Element("DateOfInitialCPC")!.Value);
        Assert.Equal("0", s47.Element("ICPCnotRequired")!.Value);
        Assert.NotNull(s47.Element("InitialCPCtarget"));
        Assert.Equal(["2025-09-01", "2026-03-01"], full.Descendants("CPPreviewDate").Select(d => d.Value));
        Assert.Equal("2025-07-01", full.Descendants("CINPlanStartDate").Single().Value);
    }

    [Fact]
    public void Every_code_a_years_schema_allows_is_one_Lantern_can_store()
    {
        foreach (int year in Years)
        {
            var layout = CinLayout.For(new CollectionYear(year));
            Assert.All(layout.Codes("ReasonForClosure"), c => Assert.True(ClosureReason.Set.Contains(c), $"{year} {c}"));
            Assert.All(layout.Codes("ReferralSource"), c => Assert.True(ReferralSource.Set.Contains(c), $"{year} {c}"));
            Assert.All(layout.Codes("AssessmentFactors"), c => Assert.True(AssessmentFactor.Set.Contains(c), $"{year} {c}"));
            Assert.All(layout.Codes("Ethnicity"), c => Assert.True(Ethnicity.Set.Contains(c), $"{year} {c}"));
            Assert.All(layout.Codes("Disability"), c => Assert.True(Disability.Set.Contains(c), $"{year} {c}"));
            Assert.All(layout.Codes("PrimaryNeedCode"), c => Assert.True(PrimaryNeed.Set.Contains(c), $"{year} {c}"));
            Assert.All(layout.Codes("LatestCategoryOfAbuse"), c => Assert.True(AbuseCategory.Set.Contains(c), $"{year} {c}"));
            Assert.All(layout.Codes("UPNunknown"), c => Assert.True(UpnUnknownReason.Set.Contains(c), $"{year} {c}"));
            Assert.All(layout.Codes(layout.SexElement), c => Assert.True(Sex.Set.Contains(CinLayout.ModelSex(c)), $"{year} {c}"));
        }
    }

    /// <summary>
    /// FULL: two referrals in the year (one closed after assessment and referred to early help, from an early help
    /// source), an assessment with 24A and 18A, a CIN plan, a section 47 with its conference, a conference at
    /// CINdetails level, a protection plan with reviews (one after 31 March), a later referral the year leaves out.
    /// UNBORN: expected in May after the year ends. DIED: died in the year, no disabilities.
    /// </summary>
    private static AuthorityData Tricky(int year)
    {
        DateOnly D(int monthsFromApril, int day) => new DateOnly(year - 1, 4, 1).AddMonths(monthsFromApril).AddDays(day - 1);
        var data = Empty("204");
        var full = AddChild(data, "FULL", c =>
        {
            c.Sex = Sex.Male;
            c.Upn = "A123456789012";
            c.Disabilities = [Disability.Autism, Disability.Learning];
            c.Ethnicity = new Ethnicity("MWBA");
        });
        var open = AddReferral(data, full, D(0, 10), r => r.Source = ReferralSource.Police);
        data.Conferences.Add(new ChildProtectionConference { Id = 1, ChildId = full.Id, ReferralId = open.Id, Type = ConferenceType.Initial, Date = D(0, 20) });
        AddAssessment(data, open, D(0, 11), D(1, 15), "24A", "18A", "3B");
        data.ChildInNeedPlans.Add(new ChildInNeedPlan { Id = 1, ChildId = full.Id, ReferralId = open.Id, StartDate = D(3, 1), EndDate = D(4, 1) });
        data.Section47s.Add(new Section47Enquiry { Id = 1, ChildId = full.Id, ReferralId = open.Id, StartDate = D(1, 20) });
        data.Conferences.Add(new ChildProtectionConference { Id = 2, ChildId = full.Id, ReferralId = open.Id, Section47Id = 1, Type = ConferenceType.Initial, Date = D(2, 1) });
        data.ProtectionPlans.Add(new ChildProtectionPlan
        {
            Id = 1, ChildId = full.Id, ReferralId = open.Id, StartDate = D(2, 1), EndDate = D(12, 10),
            InitialCategory = AbuseCategory.Neglect, LatestCategory = AbuseCategory.Physical, PreviousPlans = 1,
        });
        foreach (var (id, date) in new[] { (3L, D(5, 1)), (4L, D(11, 1)), (5L, D(12, 10)) })
        {
            data.Conferences.Add(new ChildProtectionConference { Id = id, ChildId = full.Id, ReferralId = open.Id, PlanId = 1, Type = ConferenceType.Review, Date = date });
        }

        var closed = AddReferral(data, full, D(8, 1), r =>
        {
            r.Source = ReferralSource.EarlyHelp;
            r.ClosureDate = D(9, 1);
            r.ClosureReason = ClosureReason.EarlyHelpAfterAssessment;
            r.PrimaryNeed = null;
        });
        AddAssessment(data, closed, D(8, 2), D(8, 25), "21");
        AddReferral(data, full, D(13, 1));

        AddReferral(data, AddChild(data, "UNBORN", c =>
        {
            c.DateOfBirth = null;
            c.ExpectedDateOfBirth = new DateOnly(year, 5, 1);
            c.Sex = Sex.Female;
        }), D(10, 1), r => r.NoFurtherAction = true);

        AddReferral(data, AddChild(data, "DIED", c =>
        {
            c.DateOfDeath = D(6, 3);
            c.UpnUnknown = UpnUnknownReason.NotSchoolAge;
            c.DateOfBirth = new DateOnly(year - 2, 1, 1);
        }), D(5, 1));
        return data;
    }
}
