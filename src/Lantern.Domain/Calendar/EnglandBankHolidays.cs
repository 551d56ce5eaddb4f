using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Globalization;

namespace Lantern.Domain.Calendar;

/// <summary>
/// Bank holidays in England and Wales for 2000–2050, computed from the statutory/proclamation rules
/// rather than a downloaded list, so the calendar works offline and far enough ahead for long-running
/// timescales (e.g. care leavers up to 25).
/// </summary>
/// <remarks>
/// Everything is built once in the type initializer: the whole range is only ~414 dates, and building it
/// eagerly makes every later call lock-free and allocation-free (the CLR guarantees the type initializer
/// runs exactly once, which gives us thread safety without our own locking).
/// </remarks>
public static class EnglandBankHolidays
{
    /// <summary>First calendar year covered.</summary>
    public const int FirstYear = 2000;

    /// <summary>Last calendar year covered.</summary>
    public const int LastYear = 2050;

    /// <summary>First date covered (inclusive).</summary>
    public static readonly DateOnly FirstDate = new(FirstYear, 1, 1);

    /// <summary>Last date covered (inclusive).</summary>
    public static readonly DateOnly LastDate = new(LastYear, 12, 31);

    // Day numbers are cached as ints so the hot path is integer arithmetic only.
    internal static readonly int FirstDayNumber = FirstDate.DayNumber;
    internal static readonly int DayCount = LastDate.DayNumber - FirstDayNumber + 1;

    private static readonly YearData[] Years = BuildYears();

    // One bit per day over the whole range: 18,628 days fit in ~2.3 KB, i.e. in L1 cache, which keeps
    // IsBankHoliday cheap when called millions of times by the indicator engine.
    private static readonly ulong[] HolidayBits = BuildBits(Years);

    /// <summary>The bank holidays of <paramref name="year"/> as an immutable set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Year outside 2000–2050.</exception>
    public static IReadOnlySet<DateOnly> ForYear(int year) => GetYear(year).Dates;

    /// <summary>The bank holidays of <paramref name="year"/>, in date order, with their names.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Year outside 2000–2050.</exception>
    public static IReadOnlyList<(DateOnly Date, string Name)> ListForYear(int year) => GetYear(year).List;

    /// <summary>True if <paramref name="d"/> is an England and Wales bank holiday.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Date outside 2000-01-01..2050-12-31.</exception>
    public static bool IsBankHoliday(DateOnly d)
    {
        int index = ToIndex(d, nameof(d));
        return (HolidayBits[index >> 6] & (1UL << (index & 63))) != 0;
    }

    /// <summary>Easter Sunday (Gregorian) by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Year outside 2000–2050.</exception>
    public static DateOnly EasterSunday(int year)
    {
        ValidateYear(year);
        return ComputeEasterSunday(year);
    }

    /// <summary>Zero-based day offset from <see cref="FirstDate"/>; throws if outside the covered range.</summary>
    internal static int ToIndex(DateOnly d, string paramName)
    {
        int index = d.DayNumber - FirstDayNumber;
        // A single unsigned comparison covers both ends of the range.
        if ((uint)index >= (uint)DayCount)
        {
            ThrowDateOutOfRange(d, paramName);
        }

        return index;
    }

    internal static void ThrowDateOutOfRange(DateOnly d, string paramName) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            d,
            string.Create(
                CultureInfo.InvariantCulture,
                $"The England bank-holiday calendar covers {FirstDate:yyyy-MM-dd} to {LastDate:yyyy-MM-dd} only."));

    private static YearData GetYear(int year)
    {
        ValidateYear(year);
        return Years[year - FirstYear];
    }

    private static void ValidateYear(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(year),
                year,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The England bank-holiday calendar covers {FirstYear} to {LastYear} only."));
        }
    }

    private static YearData[] BuildYears()
    {
        var years = new YearData[LastYear - FirstYear + 1];
        for (int year = FirstYear; year <= LastYear; year++)
        {
            var list = ComputeYear(year);
            list.Sort(static (a, b) => a.Date.CompareTo(b.Date));
            var dates = list.Select(static h => h.Date).ToFrozenSet();
            // Guards against a future rule edit producing two holidays on one day, which would silently
            // lose a holiday from the set while the named list still showed both.
            if (dates.Count != list.Count)
            {
                throw new InvalidOperationException(
                    string.Create(CultureInfo.InvariantCulture, $"Duplicate bank holiday computed for {year}."));
            }

            years[year - FirstYear] = new YearData(dates, new ReadOnlyCollection<(DateOnly Date, string Name)>(list.ToArray()));
        }

        return years;
    }

    private static ulong[] BuildBits(YearData[] years)
    {
        var bits = new ulong[(DayCount + 63) / 64];
        foreach (var year in years)
        {
            foreach (var (date, _) in year.List)
            {
                int index = date.DayNumber - FirstDayNumber;
                bits[index >> 6] |= 1UL << (index & 63);
            }
        }

        return bits;
    }

    private static List<(DateOnly Date, string Name)> ComputeYear(int year)
    {
        var list = new List<(DateOnly Date, string Name)>(10);

        // New Year's Day: if it falls at a weekend the following Monday is the substitute day.
        var newYear = new DateOnly(year, 1, 1);
        list.Add(newYear.DayOfWeek switch
        {
            DayOfWeek.Saturday => (newYear.AddDays(2), "New Year's Day (substitute day)"),
            DayOfWeek.Sunday => (newYear.AddDays(1), "New Year's Day (substitute day)"),
            _ => (newYear, "New Year's Day"),
        });

        var easter = ComputeEasterSunday(year);
        list.Add((easter.AddDays(-2), "Good Friday"));
        list.Add((easter.AddDays(1), "Easter Monday"));

        // Early May: first Monday in May, except 2020 when it was moved to Friday 8 May for the
        // 75th anniversary of VE Day.
        list.Add(year == 2020
            ? (new DateOnly(2020, 5, 8), "Early May bank holiday (VE Day)")
            : (FirstMonday(year, 5), "Early May bank holiday"));

        // Spring: last Monday in May, moved in jubilee years so that it sat next to the extra jubilee day.
        list.Add(year switch
        {
            2002 => (new DateOnly(2002, 6, 4), "Spring bank holiday"),
            2012 => (new DateOnly(2012, 6, 4), "Spring bank holiday"),
            2022 => (new DateOnly(2022, 6, 2), "Spring bank holiday"),
            _ => (LastMonday(year, 5), "Spring bank holiday"),
        });

        list.Add((LastMonday(year, 8), "Summer bank holiday"));

        AddChristmas(year, list);
        AddOneOffs(year, list);
        return list;
    }

    private static void AddChristmas(int year, List<(DateOnly Date, string Name)> list)
    {
        var christmas = new DateOnly(year, 12, 25);
        var boxing = new DateOnly(year, 12, 26);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday:
                // Boxing Day on Saturday: substitute Monday 28th.
                list.Add((christmas, "Christmas Day"));
                list.Add((new DateOnly(year, 12, 28), "Boxing Day (substitute day)"));
                break;
            case DayOfWeek.Saturday:
                // Both days at the weekend: Monday 27th and Tuesday 28th.
                list.Add((new DateOnly(year, 12, 27), "Christmas Day (substitute day)"));
                list.Add((new DateOnly(year, 12, 28), "Boxing Day (substitute day)"));
                break;
            case DayOfWeek.Sunday:
                // Boxing Day keeps Monday 26th, so Christmas' substitute is Tuesday 27th.
                list.Add((boxing, "Boxing Day"));
                list.Add((new DateOnly(year, 12, 27), "Christmas Day (substitute day)"));
                break;
            default:
                list.Add((christmas, "Christmas Day"));
                list.Add((boxing, "Boxing Day"));
                break;
        }
    }

    private static void AddOneOffs(int year, List<(DateOnly Date, string Name)> list)
    {
        // Additional days proclaimed for royal occasions; they cannot be derived from any rule.
        switch (year)
        {
            case 2002:
                list.Add((new DateOnly(2002, 6, 3), "Golden Jubilee bank holiday"));
                break;
            case 2011:
                list.Add((new DateOnly(2011, 4, 29), "Royal wedding bank holiday"));
                break;
            case 2012:
                list.Add((new DateOnly(2012, 6, 5), "Diamond Jubilee bank holiday"));
                break;
            case 2022:
                list.Add((new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday"));
                list.Add((new DateOnly(2022, 9, 19), "Bank holiday for the State Funeral of Queen Elizabeth II"));
                break;
            case 2023:
                list.Add((new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III"));
                break;
            default:
                break;
        }
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        int offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        int offset = ((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7;
        return last.AddDays(-offset);
    }

    private static DateOnly ComputeEasterSunday(int year)
    {
        // Anonymous Gregorian algorithm (Meeus/Jones/Butcher); valid for every Gregorian year.
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private sealed record YearData(FrozenSet<DateOnly> Dates, ReadOnlyCollection<(DateOnly Date, string Name)> List);
}
