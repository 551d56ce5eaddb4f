using Lantern.Data;
using Lantern.Returns.Ssda903;
using Lantern.TestCommon;
using Xunit;

namespace Lantern.Returns.Tests.Ssda903;

public sealed class Ssda903RoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(2020)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public async Task A_year_exported_imported_into_an_empty_database_and_exported_again_is_byte_identical(int endYear)
    {
        await RoundTripAsync(Provider.Sqlite, new CollectionYear(endYear));
    }

    [Theory]
    [ClassData(typeof(ProvidersData))]
    public async Task The_round_trip_holds_on_each_database(Provider provider)
    {
        await RoundTripAsync(provider, new CollectionYear(2025));
    }

    private static async Task RoundTripAsync(Provider provider, CollectionYear year)
    {
        using var folder = new TempFolder();
        var first = folder.Sub("first");
        var again = folder.Sub("again");
        var exported = Ssda903Export.Write(Ssda903Data.Synthetic, year, first);
        Assert.True(exported.Children > 50, $"only {exported.Children} children in the {year} return");

        await using var db = await TestDatabase.CreateAsync(provider, Ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, Ct);

        var imported = await Ssda903Import.ImportAsync(target, first, null, Ct);
        Assert.True(imported.Imported, string.Join("\n", imported.Problems));
        Assert.Equal(exported.Children, imported.ChildrenInFile);
        Assert.Equal(exported.Children, imported.ChildrenAdded);

        Ssda903Export.Write(await SnapshotLoader.LoadAsync(target, Ct), year, again);
        foreach (var file in exported.Files.Where(f => !f.StartsWith(Ssda903Export.PreviousFolder + "/", StringComparison.Ordinal)))
        {
            var a = await File.ReadAllTextAsync(Path.Combine(first, file), Ct);
            var b = await File.ReadAllTextAsync(Path.Combine(again, file), Ct);
            Assert.True(a == b, $"{file} differs after the round trip:\n{FirstDifference(a, b)}");
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first, file), Ct), await File.ReadAllBytesAsync(Path.Combine(again, file), Ct));
        }

        // The same files again: nothing to add or change.
        var second = await Ssda903Import.ImportAsync(target, first, null, Ct);
        Assert.True(second.Imported);
        Assert.Equal(0, second.ChildrenAdded);
        Assert.Equal(0, second.ChildrenChanged);
        Assert.Equal(second.ChildrenInFile, second.ChildrenUnchanged);
        Assert.Empty(second.RecordsAdded);
        Assert.Empty(second.RecordsChanged);
    }

    internal static string FirstDifference(string a, string b)
    {
        var la = a.Split("\r\n");
        var lb = b.Split("\r\n");
        for (var i = 0; i < Math.Max(la.Length, lb.Length); i++)
        {
            var x = i < la.Length ? la[i] : "<none>";
            var y = i < lb.Length ? lb[i] : "<none>";
            if (x != y)
            {
                return $"line {i + 1}:\n  first: {x}\n  again: {y}";
            }
        }

        return "";
    }
}
