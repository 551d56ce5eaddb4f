using Xunit;

namespace Lantern.Returns.Tests;

public sealed class CollectionYearTests
{
    [Theory]
    [InlineData("2026", 2026)]
    [InlineData(" 2020 ", 2020)]
    [InlineData("2025-26", 2026)]
    [InlineData("2026-27", 2027)]
    public void Reads_the_year_the_collection_ends(string text, int expected)
    {
        var year = CollectionYear.TryParse(text, out var error);
        Assert.Null(error);
        Assert.Equal(expected, year!.Value.EndYear);
    }

    [Theory]
    [InlineData("", "for example 2026")]
    [InlineData("twenty", "for example 2026")]
    [InlineData("2025-27", "for example 2026")]
    [InlineData("2019", "2019 is not one of them")]
    [InlineData("2028", "2028 is not one of them")]
    public void Refuses_what_is_not_a_known_year(string text, string message)
    {
        Assert.Null(CollectionYear.TryParse(text, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_runs_from_1_April_to_31_March()
    {
        var year = new CollectionYear(2026);
        Assert.Equal(new DateOnly(2025, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2026, 3, 31), year.End);
        Assert.Equal("2025-26", year.Label);
        Assert.Equal(2025, year.Previous.EndYear);
        Assert.True(year.Contains(new DateOnly(2026, 3, 31)));
        Assert.False(year.Contains(new DateOnly(2026, 4, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CollectionYear(2019));
    }
}
