namespace Lantern.Domain.Access;

/// <summary>Small-number suppression for aggregate views: counts of 1 to 5 are never shown, and
/// when a group of counts that add up to a shown total has exactly one suppressed count, the next
/// smallest is suppressed too so the hidden one cannot be worked out by subtraction.</summary>
public static class Suppression
{
    public const int Threshold = 5;

    public static bool IsSmall(int count) => count is >= 1 and <= Threshold;

    /// <summary>What to show for one count on its own.</summary>
    public static string Show(int count) => IsSmall(count) ? SuppressedText : count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Shown instead of a suppressed count.</summary>
    public const string SuppressedText = "[c]";

    /// <summary>Which counts of a group (whose total is shown) must be hidden: the small ones
    /// (primary) and, when only one is small, the next smallest non-zero one, or a zero when there is
    /// none (secondary).</summary>
    public static bool[] Suppress(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var hide = counts.Select(IsSmall).ToArray();
        if (hide.Count(h => h) == 1)
        {
            // The next smallest non-zero count; failing that a zero (hiding it says only that the
            // two hidden counts add up to the difference). A group of one count cannot protect it:
            // the caller hides the total (see TotalMustBeHidden).
            var next = Enumerable.Range(0, counts.Count)
                .Where(i => !hide[i])
                .OrderBy(i => counts[i] == 0 ? 1 : 0)
                .ThenBy(i => counts[i])
                .ThenBy(i => i)
                .Cast<int?>()
                .FirstOrDefault();
            if (next is { } n)
            {
                hide[n] = true;
            }
        }

        return hide;
    }

    /// <summary>Whether the total of a group must be hidden too: it is small itself, or exactly one
    /// count is hidden (so the total would give it away).</summary>
    public static bool TotalMustBeHidden(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return IsSmall(counts.Sum()) || Suppress(counts).Count(h => h) == 1;
    }
}
