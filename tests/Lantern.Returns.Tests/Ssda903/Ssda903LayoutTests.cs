using Lantern.Returns.Ssda903;
using Xunit;

namespace Lantern.Returns.Tests.Ssda903;

/// <summary>The files of each year, checked column by column against the DfE layouts (shared/README.md).</summary>
public sealed class Ssda903LayoutTests
{
    private static readonly Dictionary<string, string> Layout = new()
    {
        ["header.csv"] = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB",
        ["episodes.csv"] = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
        ["uasc.csv"] = "CHILD,SEX,DOB,DUC",
        ["reviews.csv"] = "CHILD,DOB,REVIEW,REVIEW_CODE",
        ["missing.csv"] = "CHILD,DOB,MISSING,MIS_START,MIS_END",
        ["oc2.csv"] = "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
        ["oc3.csv"] = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM",
        ["ad1.csv"] = "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR",
        ["placed_for_adoption.csv"] = "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED",
        ["prev_perm.csv"] = "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM",
        ["sw_episodes.csv"] = "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON",
        ["dolo.csv"] = "CHILD,DOB,DOLO_START,DOLO_END",
    };

    [Theory]
    [InlineData(2020)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Each_file_has_the_columns_of_its_table_in_the_DfE_order(int endYear)
    {
        using var folder = new TempFolder();
        var result = Ssda903Export.Write(Ssda903Data.Synthetic, new CollectionYear(endYear), folder.Path);

        var expected = Layout.Keys.Where(f => (f != "sw_episodes.csv" || endYear >= 2024) && (f != "dolo.csv" || endYear >= 2027)).Order().ToList();
        Assert.Equal(expected, Directory.GetFiles(folder.Path).Select(f => Path.GetFileName(f)).Order().ToList());
        foreach (var file in expected)
        {
            var columns = Csv.Header(Path.Combine(folder.Path, file));
            var layout = Layout[file].Split(',');
            Assert.Equal(layout.Length, columns.Length);
            for (var i = 0; i < layout.Length; i++)
            {
                Assert.True(layout[i] == columns[i], $"{endYear} {file} column {i + 1}: expected {layout[i]}, found {columns[i]}");
            }
        }

        Assert.Contains("header.csv", result.Files);
        Assert.Equal(endYear > 2020, result.Files.Contains(Ssda903Export.PreviousFolder + "/header.csv"));
    }

    [Fact]
    public void The_previous_year_is_written_alongside_in_its_own_layout_and_not_for_2019_20()
    {
        using var folder = new TempFolder();
        var y2024 = Ssda903Export.Write(Ssda903Data.Synthetic, new CollectionYear(2024), folder.Sub("2024"));
        var y2020 = Ssda903Export.Write(Ssda903Data.Synthetic, new CollectionYear(2020), folder.Sub("2020"));

        Assert.True(File.Exists(Path.Combine(folder.Sub("2024"), "sw_episodes.csv")));
        Assert.False(File.Exists(Path.Combine(folder.Sub("2024"), "previous", "sw_episodes.csv")));
        Assert.True(File.Exists(Path.Combine(folder.Sub("2024"), "previous", "episodes.csv")));
        Assert.False(Directory.Exists(Path.Combine(folder.Sub("2020"), "previous")));
        Assert.Contains(y2020.Counts, kv => kv.Key.StartsWith("previous: not written", StringComparison.Ordinal));
        Assert.DoesNotContain(y2024.Counts, kv => kv.Key.StartsWith("previous: not written", StringComparison.Ordinal));
    }

    [Fact]
    public void Files_are_UTF8_without_a_byte_order_mark_with_dates_as_dd_mm_yyyy()
    {
        using var folder = new TempFolder();
        Ssda903Export.Write(Ssda903Data.Synthetic, new CollectionYear(2026), folder.Path);

        var bytes = File.ReadAllBytes(Path.Combine(folder.Path, "episodes.csv"));
        Assert.NotEqual(0xEF, bytes[0]);
        var rows = Csv.Rows(Path.Combine(folder.Path, "episodes.csv"));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Matches(@"^\d\d/\d\d/\d{4}$", r["DECOM"]));
    }
}
