using Lantern.Domain.Journey;
using Xunit;

namespace Lantern.Domain.Tests.Journey;

/// <summary>The front door's duplicate check: each kind of match, and the near misses that must not match.</summary>
public class DuplicateMatcherTests
{
    private static readonly DateOnly Born = new(2018, 4, 3);

    private static DuplicateCandidate Known(long id, string given, string family, DateOnly? dob = null, string? nhs = null, DateOnly? expected = null) =>
        new(id, given, family, expected is null ? dob ?? Born : null, expected, nhs);

    private static DuplicateMatch? Match(string given, string family, DuplicateCandidate known, DateOnly? born = null, string? nhs = null) =>
        DuplicateMatcher.Match(new DuplicateQuery(given, family, born ?? Born, nhs), known);

    [Theory]
    [InlineData("Olivia", "Smith", "Olivia", "Smith", NameMatch.Same)]
    [InlineData("OLIVIA", "smith", "Olivia", "Smith", NameMatch.Same)]
    [InlineData("Zoë", "O'Neill-Smith", "Zoe", "ONeill Smith", NameMatch.Same)]
    [InlineData("José", "Núñez", "Jose", "Nunez", NameMatch.Same)]
    [InlineData("Bill", "Turner", "William", "Turner", NameMatch.Nickname)]
    [InlineData("Katie", "Jones", "Catherine", "Jones", NameMatch.Nickname)]
    [InlineData("Olvia", "Smith", "Olivia", "Smith", NameMatch.Typo)]
    [InlineData("Olivia", "Smtih", "Olivia", "Smith", NameMatch.Typo)]
    [InlineData("Olivia", "Smyth", "Olivia", "Smith", NameMatch.Typo)]
    [InlineData("Olivia", "Smiths", "Olivia", "Smith", NameMatch.Typo)]
    [InlineData("Smith", "Olivia", "Olivia", "Smith", NameMatch.Swapped)]
    public void Similar_names_with_the_same_date_of_birth_match(string given, string family, string knownGiven, string knownFamily, NameMatch expected)
    {
        var match = Match(given, family, Known(7, knownGiven, knownFamily));

        Assert.NotNull(match);
        Assert.Equal(expected, match.Name);
        Assert.Equal(DateMatch.Same, match.Date);
        Assert.False(match.SameNhsNumber);
    }

    [Theory]
    [InlineData("Olivia", "Brown")] // a different family name
    [InlineData("Amelia", "Smith")] // a different given name
    [InlineData("Ava", "Smith")] // short names must be the same: one letter changes them
    public void Different_names_do_not_match(string given, string family)
    {
        Assert.Null(Match(given, family, Known(7, "Olivia", "Smith")));
    }

    [Fact]
    public void One_slip_in_each_name_still_matches()
    {
        Assert.Equal(NameMatch.Typo, Match("Olivai", "Smiht", Known(7, "Olivia", "Smith"))?.Name);
    }

    [Fact]
    public void Two_letters_different_in_one_name_is_not_a_typo()
    {
        Assert.Null(Match("Olivia", "Smooth", Known(7, "Olivia", "Smith")));
        Assert.False(DuplicateMatcher.WithinOneEdit("smith", "smooth"));
        Assert.False(DuplicateMatcher.WithinOneEdit("amy", "ami"));
        Assert.True(DuplicateMatcher.WithinOneEdit("olivia", "olvia"));
        Assert.True(DuplicateMatcher.WithinOneEdit("olivia", "oilvia"));
    }

    [Fact]
    public void The_same_name_with_a_different_date_of_birth_does_not_match()
    {
        Assert.Null(Match("Olivia", "Smith", Known(7, "Olivia", "Smith", new DateOnly(2018, 4, 4))));
        Assert.Null(Match("Olivia", "Smith", Known(7, "Olivia", "Smith", new DateOnly(2019, 4, 3))));
    }

    [Fact]
    public void A_date_of_birth_with_day_and_month_swapped_matches()
    {
        var match = Match("Olivia", "Smith", Known(7, "Olivia", "Smith", new DateOnly(2018, 3, 4)));

        Assert.NotNull(match);
        Assert.Equal(DateMatch.DayMonthSwapped, match.Date);
        Assert.Equal("Same name and a date of birth with the day and month swapped", match.Why);
        Assert.Equal([Born, new DateOnly(2018, 3, 4)], DuplicateMatcher.DatesToSearch(Born));
    }

    [Fact]
    public void A_date_that_cannot_be_swapped_is_searched_as_it_is()
    {
        Assert.Equal([new DateOnly(2018, 4, 13)], DuplicateMatcher.DatesToSearch(new DateOnly(2018, 4, 13)));
        Assert.Equal([new DateOnly(2018, 5, 5)], DuplicateMatcher.DatesToSearch(new DateOnly(2018, 5, 5)));
    }

    [Fact]
    public void The_same_NHS_number_matches_whatever_the_name_and_date()
    {
        var match = Match("Someone", "Else", Known(7, "Olivia", "Smith", new DateOnly(2011, 1, 1), nhs: "9434765919"), nhs: "9434765919");

        Assert.NotNull(match);
        Assert.True(match.SameNhsNumber);
        Assert.Equal("Same NHS number", match.Why);
        Assert.Equal(0, match.Rank);
    }

    [Fact]
    public void A_different_NHS_number_alone_does_not_match()
    {
        Assert.Null(Match("Someone", "Else", Known(7, "Olivia", "Smith", new DateOnly(2011, 1, 1), nhs: "9434765919"), nhs: "4010232137"));
    }

    [Fact]
    public void An_unborn_child_matches_on_the_expected_date_of_birth()
    {
        var expected = new DateOnly(2026, 6, 20);
        var match = DuplicateMatcher.Match(new DuplicateQuery("Unborn", "Smith", expected, null), Known(7, "Unborn", "Smith", expected: expected));

        Assert.NotNull(match);
        Assert.Equal(NameMatch.Same, match.Name);
    }

    [Fact]
    public void Matches_come_best_first_with_the_NHS_number_before_names()
    {
        var query = new DuplicateQuery("Olivia", "Smith", Born, "9434765919");
        var found = DuplicateMatcher.Find(query,
        [
            Known(1, "Olvia", "Smith"),
            Known(2, "Olivia", "Smith", new DateOnly(2018, 3, 4)),
            Known(3, "Olivia", "Smith"),
            Known(4, "Jack", "Brown", new DateOnly(2010, 1, 1), nhs: "9434765919"),
            Known(5, "Amelia", "Brown"),
        ]);

        Assert.Equal([4L, 3, 1, 2], found.Select(m => m.ChildId));
    }

    [Fact]
    public void Nicknames_are_forms_of_the_same_name_only()
    {
        Assert.True(DuplicateMatcher.AreNicknames("Liz", "Elizabeth"));
        Assert.True(DuplicateMatcher.AreNicknames("Harry", "Henry"));
        Assert.False(DuplicateMatcher.AreNicknames("Harry", "Jack"));
        Assert.False(DuplicateMatcher.AreNicknames("Olivia", "Olivia"));
    }

    [Fact]
    public void Folding_ignores_case_accents_hyphens_apostrophes_and_spaces()
    {
        Assert.Equal("zoeoneillsmith", DuplicateMatcher.Fold("Zoë O'Neill-Smith"));
        Assert.Equal("aeloss", DuplicateMatcher.Fold("Æløß"));
    }
}
