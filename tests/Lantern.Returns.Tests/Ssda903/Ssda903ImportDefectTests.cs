using System.Text;
using Lantern.Data;
using Lantern.Returns.Ssda903;
using Lantern.TestCommon;
using Xunit;
using static Lantern.Returns.Tests.Ssda903.Build;

namespace Lantern.Returns.Tests.Ssda903;

/// <summary>Files with defects: every problem is reported with its file, line, child and column, and nothing is written.</summary>
public sealed class Ssda903ImportDefectTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private TestDatabase? _db;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Dir => _folder.Sub("return");

    private DbTarget Target => DbTarget.Parse(_db!.Target);

    public async ValueTask InitializeAsync()
    {
        var b = new Build();
        var a = b.Child("CHILDA", D(2012, 4, 5));
        b.Episode(a, D(2024, 1, 1), D(2025, 6, 1), rec: "X1");
        b.Episode(a, D(2025, 6, 1), rne: "P");
        b.Review(a, D(2025, 7, 1));
        var c = b.Child("CHILDB", D(2010, 8, 9), "F");
        b.Episode(c, D(2025, 5, 1));
        b.Allocation(c, D(2025, 5, 1));
        Ssda903Export.Write(b.Data, new CollectionYear(2026), Dir);
        Directory.Delete(Path.Combine(Dir, Ssda903Export.PreviousFolder), true);
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

    [Fact]
    public async Task The_clean_files_import()
    {
        var result = await ImportAsync();

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        Assert.Equal(2, result.ChildrenAdded);
        Assert.Equal(3, (await SnapshotLoader.LoadAsync(Target, Ct)).CareEpisodes.Count);
    }

    [Fact]
    public async Task An_unknown_column_is_named()
    {
        Edit("episodes.csv", (line, i) => line + (i == 0 ? ",FOSTER_NAME" : ",x"));

        var problem = Assert.Single((await RefusedAsync()).Problems);

        Assert.Equal(("episodes.csv", 1L, "FOSTER_NAME"), (problem.File, problem.Line, problem.Field));
        Assert.Contains("not a column of the Episodes table", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        Edit("episodes.csv", (line, _) => string.Join(',', line.Split(',').Where((_, i) => i != 8)));

        var problem = Assert.Single((await RefusedAsync()).Problems);

        Assert.Equal(("episodes.csv", "REC"), (problem.File, problem.Field));
        Assert.Contains("has no REC column", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01-06-2025", "dd-mm-yyyy")]
    [InlineData("2025-06-01", "yyyy-mm-dd")]
    [InlineData("31/06/2025", "not a day of the calendar")]
    public async Task A_date_not_written_dd_mm_yyyy_is_reported_with_its_line_child_and_column(string date, string hint)
    {
        Edit("episodes.csv", (line, i) => i == 2 ? line.Replace("01/06/2025", date, StringComparison.Ordinal) : line);

        var problems = (await RefusedAsync()).Problems;

        var problem = Assert.Single(problems, p => p.Field == "DECOM");
        Assert.Equal(("episodes.csv", 3L, "CHILDA"), (problem.File, problem.Line, problem.Child));
        Assert.Contains(hint, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_of_no_years_list_is_reported_and_a_personal_value_is_never_repeated()
    {
        Edit("episodes.csv", (line, i) => i == 1 ? line.Replace(",U4,", ",Q9,", StringComparison.Ordinal) : line);
        Edit("header.csv", (line, i) => i == 1 ? line.Replace("05/04/2012", "2012-04-05", StringComparison.Ordinal).Replace(",M,", ",X,", StringComparison.Ordinal) : line);

        var problems = (await RefusedAsync()).Problems;

        Assert.Contains(problems, p => p.Field == "PLACE" && p.Child == "CHILDA" && p.Message.Contains("\"Q9\"", StringComparison.Ordinal));
        var sex = Assert.Single(problems, p => p.Field == "SEX");
        Assert.DoesNotContain("X", sex.Message.Replace("SEX", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var dob = Assert.Single(problems, p => p.Field == "DOB");
        Assert.DoesNotContain("2012", dob.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_missing_from_header_and_a_child_with_two_header_rows_are_reported()
    {
        Edit("reviews.csv", (line, i) => i == 1 ? line + "\r\nGHOST,01/01/2011,01/08/2025,PN1" : line);
        Edit("header.csv", (line, i) => i == 2 ? line + "\r\n" + line : line);

        var problems = (await RefusedAsync()).Problems;

        var ghost = Assert.Single(problems, p => p.Child == "GHOST");
        Assert.Equal(("reviews.csv", 3L, "CHILD"), (ghost.File, ghost.Line, ghost.Field));
        Assert.Contains("not in the Header table", ghost.Message, StringComparison.Ordinal);
        var twice = Assert.Single(problems, p => p.Child == "CHILDB");
        Assert.Equal(("header.csv", 4L), (twice.File, twice.Line));
        Assert.Contains("first is on line 3", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_row_for_a_child_in_a_table_of_one_row_per_child_is_reported()
    {
        await File.WriteAllTextAsync(Path.Combine(Dir, "prev_perm.csv"), "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\r\nCHILDB,09/08/2010,Z1,,\r\nCHILDB,09/08/2010,P4,,\r\n", Ct);

        var problem = Assert.Single((await RefusedAsync()).Problems);

        Assert.Equal(("prev_perm.csv", 3L, "CHILDB"), (problem.File, problem.Line, problem.Child));
        Assert.Contains("second row in the PrevPerm table", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_reported_not_just_the_first()
    {
        Edit("episodes.csv", (line, i) => i > 0 ? line.Replace(",N1,", ",N99,", StringComparison.Ordinal) : line);

        var problems = (await RefusedAsync()).Problems;

        Assert.Equal([2L, 3L, 4L], problems.Where(p => p.Field == "CIN").Select(p => p.Line!.Value));
    }

    [Fact]
    public async Task Columns_in_another_order_and_case_are_recognised()
    {
        Edit("reviews.csv", (line, i) =>
        {
            var v = line.Split(',');
            return i == 0 ? "review_code,REVIEW,child,DOB" : $"{v[3]},{v[2]},{v[0]},{v[1]}";
        });

        var result = await ImportAsync();

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        Assert.Single((await SnapshotLoader.LoadAsync(Target, Ct)).CareReviews);
    }

    [Fact]
    public async Task A_second_file_of_the_same_table_is_reported()
    {
        File.Copy(Path.Combine(Dir, "reviews.csv"), Path.Combine(Dir, "reviews_copy.csv"));

        var problem = Assert.Single((await RefusedAsync()).Problems);

        Assert.Equal("reviews_copy.csv", problem.File);
        Assert.Contains("second Reviews table", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_reported()
    {
        await File.WriteAllBytesAsync(Path.Combine(Dir, "missing.csv"), [], Ct);

        var problem = Assert.Single((await RefusedAsync()).Problems);

        Assert.Equal("missing.csv", problem.File);
        Assert.Contains("empty", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_UTF8_byte_order_mark_is_read()
    {
        var path = Path.Combine(Dir, "header.csv");
        await File.WriteAllTextAsync(path, await File.ReadAllTextAsync(path, Ct), new UTF8Encoding(true), Ct);
        Assert.Equal(0xEF, (await File.ReadAllBytesAsync(path, Ct))[0]);

        var result = await ImportAsync();

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        Assert.Equal(2, result.ChildrenAdded);
    }

    [Fact]
    public async Task UTF16_files_with_a_byte_order_mark_are_read()
    {
        foreach (var path in Directory.GetFiles(Dir))
        {
            await File.WriteAllTextAsync(path, await File.ReadAllTextAsync(path, Ct), new UnicodeEncoding(false, true), Ct);
        }

        var result = await ImportAsync();

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        Assert.Equal(3, (await SnapshotLoader.LoadAsync(Target, Ct)).CareEpisodes.Count);
    }

    [Fact]
    public async Task UTF16_without_a_byte_order_mark_is_refused_as_unreadable()
    {
        var path = Path.Combine(Dir, "header.csv");
        await File.WriteAllTextAsync(path, await File.ReadAllTextAsync(path, Ct), new UnicodeEncoding(false, false), Ct);

        var ex = await Assert.ThrowsAsync<ReturnFileException>(ImportAsync);

        Assert.Contains("header.csv", ex.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Binary_junk_is_refused_as_unreadable()
    {
        var junk = new byte[5000];
        new Random(7).NextBytes(junk);
        await File.WriteAllBytesAsync(Path.Combine(Dir, "oc2.csv"), junk, Ct);

        var ex = await Assert.ThrowsAsync<ReturnFileException>(ImportAsync);

        Assert.Contains("oc2.csv", ex.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_file_wrong_on_every_row_stops_being_checked_after_a_bounded_number_of_problems()
    {
        var bad = string.Concat(Enumerable.Range(0, 8000).Select(i => $"CHILDA,x{i},x,x,x,x,x,x,x,x,x,x,x\r\n"));
        await File.AppendAllTextAsync(Path.Combine(Dir, "episodes.csv"), bad, Ct);

        var problems = (await RefusedAsync()).Problems;

        Assert.InRange(problems.Count, Ssda903Import.MaxProblems + 1, Ssda903Import.MaxProblems + 20);
        Assert.StartsWith("Checking stopped here", problems[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_never_closed_is_refused_as_unreadable()
    {
        await File.AppendAllTextAsync(Path.Combine(Dir, "reviews.csv"), "CHILDA,05/04/2012,\"01/08/2025,PN1\r\n", Ct);

        var ex = await Assert.ThrowsAsync<ReturnFileException>(ImportAsync);

        Assert.Contains("reviews.csv", ex.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_folder_that_is_not_there_or_holds_no_return_is_refused()
    {
        await Assert.ThrowsAsync<ReturnFileException>(() => Ssda903Import.ImportAsync(Target, _folder.Sub("nowhere"), null, Ct));
        Directory.CreateDirectory(_folder.Sub("emptyfolder"));
        await Assert.ThrowsAsync<ReturnFileException>(() => Ssda903Import.ImportAsync(Target, _folder.Sub("emptyfolder"), null, Ct));
    }

    private async Task<ImportResult> ImportAsync() => await Ssda903Import.ImportAsync(Target, Dir, null, Ct);

    private async Task<ImportResult> RefusedAsync()
    {
        var result = await ImportAsync();
        Assert.False(result.Imported);
        Assert.NotEmpty(result.Problems);
        await AssertNothingWrittenAsync();
        return result;
    }

    private async Task AssertNothingWrittenAsync()
    {
        var data = await SnapshotLoader.LoadAsync(Target, Ct);
        Assert.Empty(data.Children);
        Assert.Empty(data.CareEpisodes);
    }

    private void Edit(string file, Func<string, int, string> edit)
    {
        var path = Path.Combine(Dir, file);
        var lines = File.ReadAllText(path).Split("\r\n").Where(l => l.Length > 0).ToList();
        File.WriteAllText(path, string.Concat(lines.Select((l, i) => edit(l, i) + "\r\n")));
    }
}
