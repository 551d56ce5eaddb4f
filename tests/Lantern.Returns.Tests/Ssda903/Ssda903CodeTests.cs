using System.Text.RegularExpressions;
using Lantern.Domain.Codes;
using Lantern.Returns.Ssda903;
using Xunit;
using static Lantern.Returns.Tests.Ssda903.Build;

namespace Lantern.Returns.Tests.Ssda903;

/// <summary>Each year's codes: what the export writes is in that year's list (the yml files in
/// src/Lantern.Returns/Schemas/Ssda903), and the codes that changed are written as the year has them.</summary>
public sealed partial class Ssda903CodeTests
{
    [Theory]
    [InlineData(2020)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Every_code_an_export_can_write_is_in_that_years_list(int endYear)
    {
        var year = new CollectionYear(endYear);
        var lists = YearLists(endYear);
        var checkedColumns = 0;
        foreach (var table in Ssda903Tables.ForYear(year).Where(t => t != Ssda903Tables.DoLo))
        {
            foreach (var column in table.Columns.Where(c => c.Kind == ColumnKind.Code))
            {
                var key = $"{YmlName(table)}.{column.Name}";
                Assert.True(lists.TryGetValue(key, out var allowed), $"{key} has no code list in the {endYear} yml");
                foreach (var code in Writable(table, column, year))
                {
                    // CIN N0 and N9 (not stated, not in need) are CIN census codes a looked-after child should not carry:
                    // written as recorded for the DfE validator to flag, as no 903 code means the same.
                    if (column.Name == "CIN" && code is "N0" or "N9")
                    {
                        continue;
                    }

                    Assert.True(allowed.Contains(code), $"{endYear} {key}: Lantern can write {code}, which is not in the year's list ({string.Join(" ", allowed)})");
                }

                checkedColumns++;
            }
        }

        Assert.True(checkedColumns >= 20, $"only {checkedColumns} coded columns checked");
    }

    [Theory]
    [InlineData(2024, "M", "1")]
    [InlineData(2024, "F", "2")]
    [InlineData(2024, "U", "")]
    [InlineData(2025, "M", "M")]
    [InlineData(2025, "F", "F")]
    [InlineData(2026, "U", "U")]
    public void SEX_is_1_or_2_before_2024_25_and_M_F_U_from_then(int endYear, string sex, string written)
    {
        var b = new Build();
        var c = b.Child("C1", D(2010, 1, 1), sex);
        c.IsUnaccompaniedAsylumSeeking = true;
        b.Episode(c, D(endYear - 1, 6, 1));
        using var folder = new TempFolder();

        Ssda903Export.Write(b.Data, new CollectionYear(endYear), folder.Path);

        Assert.Equal(written, Assert.Single(Csv.Rows(Path.Combine(folder.Path, "header.csv")))["SEX"]);
        Assert.Equal(written, Assert.Single(Csv.Rows(Path.Combine(folder.Path, "uasc.csv")))["SEX"]);
    }

    [Theory]
    [InlineData(2024, "K3", "H5")]
    [InlineData(2024, "H5", "H5")]
    [InlineData(2024, "P2", "P2")]
    [InlineData(2025, "H5", "K3")]
    [InlineData(2025, "P2", "K3")]
    [InlineData(2025, "K3", "K3")]
    [InlineData(2025, "Z12", "Z1")]
    [InlineData(2026, "Z12", "Z12")]
    [InlineData(2026, "Z1", "Z1")]
    [InlineData(2020, "U4", "U4")]
    public void PLACE_is_written_in_the_years_codes(int endYear, string place, string written)
    {
        var b = new Build();
        b.Episode(b.Child("C1", D(2008, 1, 1)), D(endYear - 1, 6, 1), place: place);
        using var folder = new TempFolder();

        Ssda903Export.Write(b.Data, new CollectionYear(endYear), folder.Path);

        Assert.Equal(written, Assert.Single(Csv.Rows(Path.Combine(folder.Path, "episodes.csv")))["PLACE"]);
    }

    [Theory]
    [InlineData(2021, "F4", "F3")]
    [InlineData(2021, "P5", "P3")]
    [InlineData(2022, "F4", "F4")]
    [InlineData(2022, "F5", "F5")]
    public void ACTIV_is_F3_or_P3_for_training_and_apprenticeships_before_2021_22(int endYear, string activity, string written)
    {
        var b = new Build();
        var c = b.Child("C1", new DateOnly(endYear - 20, 9, 1));
        b.Contact(c, new DateOnly(endYear - 1, 9, 1), activity);
        using var folder = new TempFolder();

        Ssda903Export.Write(b.Data, new CollectionYear(endYear), folder.Path);

        Assert.Equal(written, Assert.Single(Csv.Rows(Path.Combine(folder.Path, "oc3.csv")))["ACTIV"]);
    }

    private static IEnumerable<string> Writable(Ssda903Table table, Ssda903Column column, CollectionYear year) => column.Name switch
    {
        "SEX" => Codes.All<Sex>().Select(s => Ssda903Codes.Sex(s, year)).Where(s => s.Length > 0),
        "PLACE" => Codes.All<PlacementType>().Select(p => Ssda903Codes.Placement(p, year)),
        "ACTIV" => Codes.All<CareLeaverActivity>().Select(a => Ssda903Codes.Activity(a, year)),
        "MOTHER" or "FOSTER_CARE" or "CONVICTED" or "HEALTH_CHECK" or "IMMUNISATIONS" or "TEETH_CHECK" or "HEALTH_ASSESSMENT"
            or "SUBSTANCE_MISUSE" or "INTERVENTION_RECEIVED" or "INTERVENTION_OFFERED" => ["0", "1"],
        _ => column.Codes!,
    };

    private static string YmlName(Ssda903Table table) => table == Ssda903Tables.SwEpisodes ? "SocialWorker" : table.Name;

    /// <summary>The code lists of a year: the full yml to 2024, then each later year's diff over the one before.</summary>
    private static Dictionary<string, HashSet<string>> YearLists(int endYear)
    {
        var dir = Path.Combine(RepoRoot(), "src", "Lantern.Returns", "Schemas", "Ssda903");
        var lists = ReadFull(Path.Combine(dir, $"SSDA903_schema_{Math.Min(endYear, 2024)}.yml"));
        for (var y = 2025; y <= endYear; y++)
        {
            var diff = Path.Combine(dir, $"SSDA903_schema_{y}.diff.yml");
            if (!File.Exists(diff))
            {
                continue;
            }

            string? key = null;
            foreach (var line in File.ReadLines(diff))
            {
                if (DiffKey().Match(line) is { Success: true } m)
                {
                    key = $"{Canonical(m.Groups[1].Value)}.{m.Groups[2].Value}";
                    lists[key] = [];
                }
                else if (key is not null && Code().Match(line) is { Success: true } c)
                {
                    lists[key].Add(c.Groups[1].Value.Trim());
                }
            }
        }

        return lists;
    }

    private static Dictionary<string, HashSet<string>> ReadFull(string path)
    {
        var lists = new Dictionary<string, HashSet<string>>();
        string? table = null;
        string? column = null;
        foreach (var line in File.ReadLines(path))
        {
            if (TableLine().Match(line) is { Success: true } t)
            {
                table = t.Groups[1].Value;
            }
            else if (ColumnLine().Match(line) is { Success: true } c)
            {
                column = $"{table}.{c.Groups[1].Value}";
            }
            else if (column is not null && Code().Match(line) is { Success: true } code)
            {
                if (!lists.TryGetValue(column, out var set))
                {
                    lists[column] = set = [];
                }

                set.Add(code.Groups[1].Value.Trim());
            }
        }

        return lists;
    }

    private static string Canonical(string diffTable) => diffTable switch
    {
        "header" => "Header",
        "uasc" => "UASC",
        "episodes" => "Episodes",
        "oc3" => "OC3",
        "social_worker" => "SocialWorker",
        _ => diffTable,
    };

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lantern.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Lantern.slnx not found above the test folder.");
    }

    [GeneratedRegex(@"^column_map\.([a-z_0-9]+)\.([A-Z_]+)\.category:")]
    private static partial Regex DiffKey();

    [GeneratedRegex(@"^\s*- code: ""([^""]*)""")]
    private static partial Regex Code();

    [GeneratedRegex(@"^    ([A-Za-z0-9]+):\s*$")]
    private static partial Regex TableLine();

    [GeneratedRegex(@"^      ([A-Z_]+):\s*$")]
    private static partial Regex ColumnLine();
}
