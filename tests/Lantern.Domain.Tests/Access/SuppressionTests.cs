using System.Globalization;
using Lantern.Domain.Access;
using Xunit;

namespace Lantern.Domain.Tests.Access;

/// <summary><see cref="Suppression"/>: counts of 1 to 5 are never shown, and one hidden count in a group
/// takes the next smallest with it.</summary>
public class SuppressionTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "[c]")]
    [InlineData(2, "[c]")]
    [InlineData(3, "[c]")]
    [InlineData(4, "[c]")]
    [InlineData(5, "[c]")]
    [InlineData(6, "6")]
    [InlineData(10, "10")]
    [InlineData(999, "999")]
    [InlineData(1_000, "1,000")]
    [InlineData(1_234_567, "1,234,567")]
    public void Show_hides_counts_of_one_to_five(int count, string shown)
    {
        Assert.Equal(shown, Suppression.Show(count));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(-1, false)]
    [InlineData(int.MaxValue, false)]
    public void IsSmall_is_one_to_five(int count, bool small)
    {
        Assert.Equal(small, Suppression.IsSmall(count));
    }

    [Fact]
    public void Threshold_and_marker()
    {
        Assert.Equal(5, Suppression.Threshold);
        Assert.Equal("[c]", Suppression.SuppressedText);
    }

    /// <summary>Counts of a group, and which of them are hidden ("x") or shown (".").</summary>
    [Theory]
    [InlineData("", "")]
    [InlineData("0", ".")]
    [InlineData("3", "x")]
    [InlineData("6", ".")]
    [InlineData("10 20 30", "...")]                // nothing small: nothing hidden
    [InlineData("0 0 0", "...")]                   // zeros are shown
    [InlineData("10 3 20", "xx.")]                 // one small: the next smallest goes too
    [InlineData("20 3 10", ".xx")]
    [InlineData("3 6 7", "xx.")]                   // the next smallest may be just over the threshold
    [InlineData("100 1 9 8", ".x.x")]
    [InlineData("3 4 20", "xx.")]                  // two small: they hide each other
    [InlineData("1 2 3 4 5 100", "xxxxx.")]
    [InlineData("3 0 20", "x.x")]                  // a zero is never the secondary
    [InlineData("0 3 0 7 0", ".x.x.")]
    [InlineData("3 0 0", "xx.")]                   // nothing non-zero to hide with it: a zero goes
    [InlineData("5 6", "xx")]
    [InlineData("5 0", "xx")]
    [InlineData("6 3 6", "xx.")]                   // ties: the first
    [InlineData("20 6 3 0 7", ".xx..")]
    [InlineData("3 0 4 0", "x.x.")]
    public void Suppress_hides_small_counts_and_one_more_when_only_one_is_small(string counts, string hidden)
    {
        var values = counts.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var hide = Suppression.Suppress(values);
        Assert.Equal(hidden, string.Concat(hide.Select(h => h ? 'x' : '.')));
    }

    [Theory]
    [InlineData("10 3 20")]
    [InlineData("3 4 20")]
    [InlineData("0 3 0 7 0")]
    [InlineData("1 2 3 4 5 100")]
    public void Every_small_count_is_hidden_and_no_zero_is(string counts)
    {
        var values = counts.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var hide = Suppression.Suppress(values);
        Assert.Equal(values.Length, hide.Length);
        for (int i = 0; i < values.Length; i++)
        {
            if (Suppression.IsSmall(values[i]))
            {
                Assert.True(hide[i]);
            }

            if (values[i] == 0)
            {
                Assert.False(hide[i]);
            }
        }

        Assert.NotEqual(1, hide.Count(h => h));
    }

    [Fact]
    public void A_lone_hidden_count_cannot_be_worked_out_from_the_total_when_there_is_something_to_hide_it_with()
    {
        int[] counts = [12, 4, 30];
        var hide = Suppression.Suppress(counts);
        var total = counts.Sum();
        var shown = counts.Where((_, i) => !hide[i]).Sum();
        // Two hidden counts share what is left; either could be anything that adds up.
        Assert.Equal(2, hide.Count(h => h));
        Assert.Equal(16, total - shown);
    }

    [Theory]
    [InlineData("3", true)]          // one count: the total is the count
    [InlineData("2 1", true)]        // the total itself is small
    [InlineData("0 0", false)]
    [InlineData("10 3 20", false)]   // two hidden: the total gives neither away
    [InlineData("40", false)]
    [InlineData("40 0", false)]
    public void The_total_is_hidden_when_it_is_small_or_would_give_a_lone_hidden_count_away(string counts, bool hideTotal)
    {
        var values = counts.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(hideTotal, Suppression.TotalMustBeHidden(values));
    }

    [Fact]
    public void Suppress_leaves_the_counts_alone()
    {
        int[] counts = [10, 3, 20];
        _ = Suppression.Suppress(counts);
        Assert.Equal([10, 3, 20], counts);
    }

    [Fact]
    public void Suppress_refuses_null()
    {
        Assert.Throws<ArgumentNullException>(() => Suppression.Suppress(null!));
    }
}
