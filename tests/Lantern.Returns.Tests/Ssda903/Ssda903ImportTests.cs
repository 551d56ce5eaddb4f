using Lantern.Data;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Returns.Ssda903;
using Lantern.TestCommon;
using Xunit;
using static Lantern.Returns.Tests.Ssda903.Build;

namespace Lantern.Returns.Tests.Ssda903;

/// <summary>Matching what is already recorded: children by CHILD, records by child and date; what changed is
/// changed, what is equal is left alone, codes of other years are read.</summary>
public sealed class Ssda903ImportTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private TestDatabase? _db;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DbTarget Target => DbTarget.Parse(_db!.Target);

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        await LanternDatabase.MigrateAsync(Target, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        _folder.Dispose();
    }

    /// <summary>A child in every table of the 2025-26 return.</summary>
    internal static Build Everything()
    {
        var b = new Build();
        var a = b.Child("ALLTABLES", D(2009, 2, 3), "F");
        a.IsUnaccompaniedAsylumSeeking = true;
        a.UascCeasedDate = D(2025, 12, 1);
        a.ChildsDateOfBirth = D(2025, 1, 5);
        b.Episode(a, D(2024, 2, 1), D(2025, 5, 1), place: "H5", rec: "X1");
        b.Episode(a, D(2025, 5, 1), place: "Z12", rne: "P");
        b.Review(a, D(2025, 6, 1));
        b.Missing(a, D(2025, 7, 1), D(2025, 7, 3));
        b.Missing(a, D(2025, 7, 1), D(2025, 7, 1));
        b.Outcome(a, 2026).SubstanceMisuse = true;
        b.Check(a, D(2025, 9, 9), HealthCheckKind.DentalCheck);
        b.Allocation(a, D(2024, 2, 1), D(2025, 8, 1));
        b.Allocation(a, D(2025, 8, 1));
        var s = b.Child("STARTED", D(2016, 1, 1));
        b.Episode(s, D(2025, 4, 20), D(2025, 11, 1), place: "A6", ls: "E1", rec: "E12");
        b.Permanence(s, "P3", "zz/zz/2018");
        var adoption = b.Adoption(s, D(2025, 5, 1), D(2025, 9, 1));
        adoption.FosterCarerAdoption = true;
        var leaver = b.Child("LEAVER", D(2005, 1, 10), "U");
        b.Contact(leaver, D(2026, 1, 5), "P4");
        return b;
    }

    [Theory]
    [InlineData(2020)]
    [InlineData(2024)]
    [InlineData(2026)]
    public async Task A_child_in_every_table_comes_back_the_same(int endYear)
    {
        var year = new CollectionYear(endYear);
        var b = Everything();
        foreach (var e in b.Data.CareEpisodes)
        {
            e.StartDate = e.StartDate.AddYears(endYear - 2026);
            e.EndDate = e.EndDate?.AddYears(endYear - 2026);
        }

        foreach (var r in b.Data.CareReviews) { r.Date = r.Date.AddYears(endYear - 2026); }
        foreach (var m in b.Data.MissingEpisodes) { m.StartDate = m.StartDate.AddYears(endYear - 2026); m.EndDate = m.EndDate?.AddYears(endYear - 2026); }
        foreach (var o in b.Data.AnnualOutcomes) { o.YearEnding = o.YearEnding.AddYears(endYear - 2026); }
        foreach (var h in b.Data.HealthChecks) { h.Date = h.Date.AddYears(endYear - 2026); }
        foreach (var a in b.Data.Allocations) { a.StartDate = a.StartDate.AddYears(endYear - 2026); a.EndDate = a.EndDate?.AddYears(endYear - 2026); }
        foreach (var a in b.Data.Adoptions) { a.DecisionDate = a.DecisionDate.AddYears(endYear - 2026); a.MatchDate = a.MatchDate?.AddYears(endYear - 2026); a.InterestDate = a.InterestDate?.AddYears(endYear - 2026); }
        foreach (var k in b.Data.CareLeaverContacts) { k.ContactDate = k.ContactDate.AddYears(endYear - 2026); }
        foreach (var c in b.Data.Children) { c.DateOfBirth = c.DateOfBirth?.AddYears(endYear - 2026); c.UascCeasedDate = c.UascCeasedDate?.AddYears(endYear - 2026); }

        var first = _folder.Sub("first");
        var exported = Ssda903Export.Write(b.Data, year, first);
        foreach (var table in new[] { "Header", "Episodes", "UASC", "Reviews", "Missing", "OC2", "OC3", "AD1", "PlacedAdoption", "PrevPerm" })
        {
            Assert.True(exported.Counts.Single(kv => kv.Key == table).Value > 0, $"{table} is empty");
        }

        var result = await Ssda903Import.ImportAsync(Target, first, null, Ct);
        Assert.True(result.Imported, string.Join("\n", result.Problems));

        var again = _folder.Sub("again");
        Ssda903Export.Write(await SnapshotLoader.LoadAsync(Target, Ct), year, again);
        foreach (var file in Directory.GetFiles(first).Select(Path.GetFileName))
        {
            var x = await File.ReadAllTextAsync(Path.Combine(first, file!), Ct);
            var y = await File.ReadAllTextAsync(Path.Combine(again, file!), Ct);
            Assert.True(x == y, $"{file}: {Ssda903RoundTripTests.FirstDifference(x, y)}");
        }
    }

    [Fact]
    public async Task Importing_a_years_export_into_the_database_it_came_from_changes_nothing_though_codes_were_mapped()
    {
        var b = Everything();
        await AuthorityWriter.WriteAsync(Target, b.Data, cancellationToken: Ct);
        var dir = _folder.Sub("2025");
        foreach (var endYear in new[] { 2025, 2026 })
        {
            Ssda903Export.Write(await SnapshotLoader.LoadAsync(Target, Ct), new CollectionYear(endYear), dir);

            var result = await Ssda903Import.ImportAsync(Target, dir, null, Ct);

            Assert.True(result.Imported, string.Join("\n", result.Problems));
            Assert.True(result.ChildrenChanged == 0, $"{endYear}: added {string.Join(", ", result.RecordsAdded)}; changed {string.Join(", ", result.RecordsChanged)}");
            Assert.Equal(0, result.ChildrenAdded);
            Assert.Empty(result.RecordsAdded);
            Assert.Empty(result.RecordsChanged);
        }

        var data = await SnapshotLoader.LoadAsync(Target, Ct);
        Assert.Equal(["H5", "Z12", "A6"], data.CareEpisodes.OrderBy(e => e.Id).Select(e => e.Placement.Code));
        Assert.Equal(Sex.Unknown, data.Children.Single(c => c.LaChildId == "LEAVER").Sex);
    }

    [Fact]
    public async Task A_changed_value_changes_that_record_only_and_a_blank_never_clears_what_is_recorded()
    {
        var b = Everything();
        await AuthorityWriter.WriteAsync(Target, b.Data, cancellationToken: Ct);
        var dir = _folder.Sub("2026");
        Ssda903Export.Write(b.Data, new CollectionYear(2026), dir);
        Rewrite(Path.Combine(dir, "episodes.csv"), l => l.Replace("01/05/2025,P,C2,N1,Z12", "01/05/2025,P,C2,N1,U6", StringComparison.Ordinal));
        Rewrite(Path.Combine(dir, "reviews.csv"), l => l.Replace(",PN1", ",PN3", StringComparison.Ordinal));
        Rewrite(Path.Combine(dir, "episodes.csv"), l => l.Replace("DN32 2BB", "", StringComparison.Ordinal));

        var result = await Ssda903Import.ImportAsync(Target, dir, null, Ct);

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        Assert.Equal(1, result.ChildrenChanged);
        Assert.Equal(2, result.ChildrenUnchanged);
        Assert.Equal([new("Episodes", 1), new KeyValuePair<string, long>("Reviews", 1)], result.RecordsChanged);
        var data = await SnapshotLoader.LoadAsync(Target, Ct);
        Assert.Equal("U6", data.CareEpisodes.Single(e => e.StartDate == D(2025, 5, 1)).Placement.Code);
        Assert.All(data.CareEpisodes, e => Assert.Equal("DN32 2BB", e.PlacementPostcode));
        Assert.Equal("PN3", Assert.Single(data.CareReviews).Participation.Code);
    }

    [Fact]
    public async Task An_unknown_social_worker_is_added_to_a_team_for_imported_workers_once()
    {
        var b = Everything();
        var dir = _folder.Sub("2026");
        Ssda903Export.Write(b.Data, new CollectionYear(2026), dir);
        Rewrite(Path.Combine(dir, "sw_episodes.csv"), l => l.Replace("SW0001", "EXT42", StringComparison.Ordinal));

        var first = await Ssda903Import.ImportAsync(Target, dir, null, Ct);
        var second = await Ssda903Import.ImportAsync(Target, dir, null, Ct);

        Assert.True(first.Imported, string.Join("\n", first.Problems));
        Assert.Contains(new KeyValuePair<string, long>("Workers", 1), first.RecordsAdded);
        Assert.Empty(second.RecordsAdded);
        var data = await SnapshotLoader.LoadAsync(Target, Ct);
        var worker = Assert.Single(data.Workers);
        Assert.Equal("EXT42", worker.StaffId);
        Assert.Equal("Imported social workers", Assert.Single(data.Teams).Name);
        Assert.All(data.Allocations, a => Assert.Equal(worker.Id, a.WorkerId));
    }

    [Fact]
    public async Task Codes_of_any_year_are_read_as_lantern_holds_them()
    {
        var b = Everything();
        var dir = _folder.Sub("2026");
        Ssda903Export.Write(b.Data, new CollectionYear(2026), dir);
        Rewrite(Path.Combine(dir, "header.csv"), l => l.Replace("ALLTABLES,F,", "ALLTABLES,2,", StringComparison.Ordinal).Replace("STARTED,M,", "STARTED,1,", StringComparison.Ordinal));
        Rewrite(Path.Combine(dir, "oc3.csv"), l => l.Replace(",P4,", ",P3,", StringComparison.Ordinal));
        Rewrite(Path.Combine(dir, "episodes.csv"), l => l.Replace(",Z12,", ",P2,", StringComparison.Ordinal));

        var result = await Ssda903Import.ImportAsync(Target, dir, null, Ct);

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        var data = await SnapshotLoader.LoadAsync(Target, Ct);
        Assert.Equal(Sex.Female, data.Children.Single(c => c.LaChildId == "ALLTABLES").Sex);
        Assert.Equal(Sex.Male, data.Children.Single(c => c.LaChildId == "STARTED").Sex);
        Assert.Equal("P5", Assert.Single(data.CareLeaverContacts).Activity.Code);
        Assert.Contains(data.CareEpisodes, e => e.Placement.Code == "P2");
    }

    [Fact]
    public async Task The_903_XML_is_read_child_by_child()
    {
        var dir = _folder.Sub("xml");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "903.xml"), """
            <?xml version="1.0" encoding="utf-8"?>
            <EXPSSDA903>
              <CHILD>
                <HEADER>
                  <CHILDID>X1</CHILDID><UPN>A123456789012</UPN><SEX>1</SEX><DOB>04/05/2012</DOB><ETHNIC>WBRI</ETHNIC><UASC>0</UASC>
                  <AREVIEW><REVIEW>01/09/2020</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
                  <OC2><SDQ_SCORE>10</SDQ_SCORE><CONVICTED>0</CONVICTED><IMMUNISATIONS>1</IMMUNISATIONS><TEETH_CHECK>1</TEETH_CHECK><HEALTH_ASSESSMENT>1</HEALTH_ASSESSMENT><SUBSTANCE_MISUSE>0</SUBSTANCE_MISUSE></OC2>
                </HEADER>
                <EPISODE><DECOM>01/02/2019</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><PL_POST>DN32 2BB</PL_POST><HOME_POST>DN31 1AA</HOME_POST><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC></DEC><REC></REC></EPISODE>
              </CHILD>
              <CHILD>
                <HEADER>
                  <CHILDID>X2</CHILDID><UPN>UN1</UPN><SEX>2</SEX><DOB>04/05/2019</DOB><ETHNIC>AIND</ETHNIC><UASC>0</UASC>
                </HEADER>
                <EPISODE><DECOM>01/06/2020</DECOM><RNE>S</RNE><LS>V2</LS><CIN>N4</CIN><PL>U6</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>01/03/2021</DEC><REC>E4A</REC></EPISODE>
              </CHILD>
            </EXPSSDA903>
            """, Ct);

        var result = await Ssda903Import.ImportAsync(Target, dir, null, Ct);

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        Assert.Equal(2, result.ChildrenAdded);
        var data = await SnapshotLoader.LoadAsync(Target, Ct);
        Assert.Equal(2, data.CareEpisodes.Count);
        Assert.Equal(D(2021, 3, 31), Assert.Single(data.AnnualOutcomes).YearEnding);
        Assert.Equal(2, data.HealthChecks.Count);
        Assert.Equal(UpnUnknownReason.FromCode("UN1"), data.Children.Single(c => c.LaChildId == "X2").UpnUnknown);
    }

    [Fact]
    public async Task XML_that_breaks_the_schema_is_reported_with_its_line_and_malformed_XML_is_unreadable()
    {
        var dir = _folder.Sub("xml");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "903.xml");
        await File.WriteAllTextAsync(path, "<EXPSSDA903>\n<CHILD>\n<HEADER><CHILDID>X1</CHILDID><SEX>M</SEX></HEADER>\n</CHILD>\n</EXPSSDA903>", Ct);

        var result = await Ssda903Import.ImportAsync(Target, dir, null, Ct);

        Assert.False(result.Imported);
        Assert.Contains(result.Problems, p => p.File == "903.xml" && p.Line == 3);

        await File.WriteAllTextAsync(path, "<EXPSSDA903><CHILD><HEADER>", Ct);
        await Assert.ThrowsAsync<ReturnFileException>(() => Ssda903Import.ImportAsync(Target, dir, null, Ct));
        Assert.Empty((await SnapshotLoader.LoadAsync(Target, Ct)).Children);
    }

    private static void Rewrite(string path, Func<string, string> edit) => File.WriteAllText(path, edit(File.ReadAllText(path)));

    [Fact]
    public async Task A_return_of_care_leavers_alone_needs_its_year_given_and_then_imports()
    {
        var b = new Build();
        var leaver = b.Child("LEAVER", D(2005, 1, 10));
        b.Contact(leaver, D(2026, 1, 5), "F5");
        var dir = _folder.Sub("2026");
        Ssda903Export.Write(b.Data, new CollectionYear(2026), dir);

        var unknownYear = await Ssda903Import.ImportAsync(Target, dir, null, Ct);
        var given = await Ssda903Import.ImportAsync(Target, dir, new CollectionYear(2026), null, Ct);

        Assert.False(unknownYear.Imported);
        Assert.Contains("give the year", Assert.Single(unknownYear.Problems).Message, StringComparison.Ordinal);
        Assert.True(given.Imported, string.Join("\n", given.Problems));
        Assert.Equal(D(2026, 1, 10), Assert.Single((await SnapshotLoader.LoadAsync(Target, Ct)).CareLeaverContacts).ContactDate);
    }

    [Fact]
    public async Task Deprivation_of_liberty_rows_of_2026_27_are_checked_and_counted_but_not_stored()
    {
        var b = new Build();
        b.Episode(b.Child("DOLO1", D(2011, 1, 1)), D(2026, 5, 1), place: "K2");
        var dir = _folder.Sub("2027");
        Ssda903Export.Write(b.Data, new CollectionYear(2027), dir);
        Assert.Equal("CHILD,DOB,DOLO_START,DOLO_END\r\n", await File.ReadAllTextAsync(Path.Combine(dir, "dolo.csv"), Ct));
        await File.AppendAllTextAsync(Path.Combine(dir, "dolo.csv"), "DOLO1,01/01/2011,01/06/2026,\r\n", Ct);

        var result = await Ssda903Import.ImportAsync(Target, dir, null, Ct);

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        Assert.Contains(new KeyValuePair<string, long>("DoLo (read, not stored)", 1), result.RecordsAdded);
    }
}
