namespace Lantern.Returns;

/// <summary>
/// A DfE collection year, named as the DfE names it by the year it ends: 2026 is 1 April 2025 to
/// 31 March 2026 (the 2025-26 CIN census and SSDA903 return). Each year's file uses that year's
/// layout and code lists.
/// </summary>
public readonly record struct CollectionYear
{
    /// <summary>The earliest year Lantern writes and reads (the 2019-20 collection).</summary>
    public const int Earliest = 2020;

    /// <summary>The latest year whose layout Lantern knows (the 2026-27 collection).</summary>
    public const int Latest = 2027;

    public CollectionYear(int endYear)
    {
        if (endYear is < Earliest or > Latest)
        {
            throw new ArgumentOutOfRangeException(nameof(endYear), endYear,
                $"Collection years run from {Earliest} ({Earliest - 1}-{Earliest % 100:00}) to {Latest} ({Latest - 1}-{Latest % 100:00}).");
        }

        EndYear = endYear;
    }

    /// <summary>The calendar year the collection ends in (31 March).</summary>
    public int EndYear { get; }

    /// <summary>1 April of the year before <see cref="EndYear"/>.</summary>
    public DateOnly Start => new(EndYear - 1, 4, 1);

    /// <summary>31 March of <see cref="EndYear"/>: the CIN ReferenceDate and the 903 year end.</summary>
    public DateOnly End => new(EndYear, 3, 31);

    public CollectionYear Previous => new(EndYear - 1);

    /// <summary>"2025-26" for 2026.</summary>
    public string Label => $"{EndYear - 1}-{EndYear % 100:00}";

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Reads "2026" (or "2025-26"); null with a message otherwise.</summary>
    public static CollectionYear? TryParse(string? text, out string? error)
    {
        error = null;
        var value = text?.Trim() ?? "";
        int end;
        if (value.Length == 7 && value[4] == '-' && int.TryParse(value.AsSpan(0, 4), out var first) && int.TryParse(value.AsSpan(5, 2), out var second)
            && (first + 1) % 100 == second)
        {
            end = first + 1;
        }
        else if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out end))
        {
            error = $"The year must be the year the collection ends, for example 2026 for 2025-26 (got \"{value}\").";
            return null;
        }

        if (end is < Earliest or > Latest)
        {
            error = $"Lantern has the layouts for collection years {Earliest} ({Earliest - 1}-{Earliest % 100:00}) to {Latest} ({Latest - 1}-{Latest % 100:00}); {end} is not one of them.";
            return null;
        }

        return new CollectionYear(end);
    }

    public override string ToString() => Label;
}
