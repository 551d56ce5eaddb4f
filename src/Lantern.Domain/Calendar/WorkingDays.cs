using System.Globalization;

namespace Lantern.Domain.Calendar;

/// <summary>
/// Working-day arithmetic for statutory timescales (e.g. ICPC within 15 working days, assessment within
/// 45 working days). A working day is Monday–Friday excluding England and Wales bank holidays; see
/// <see cref="EnglandBankHolidays"/> for the covered range (2000-01-01..2050-12-31).
/// </summary>
/// <remarks>
/// Timescale clocks count the start day as day 0, so "1 working day after Friday" is Monday. All
/// operations are O(1) array look-ups on tables built once at type initialization, because indicator
/// calculations call them in tight loops over millions of records.
/// </remarks>
public static class WorkingDays
{
    // CumulativeThrough[i] = number of working days in [FirstDate, FirstDate + i] (inclusive).
    // The whole range has ~12,900 working days, so ushort is enough and halves the cache footprint.
    private static readonly ushort[] CumulativeThrough = BuildCumulative();

    // DayIndexOfOrdinal[k] = day index of the k-th working day in the range (k is 1-based; slot 0 unused).
    // This inverse table makes AddWorkingDays a look-up instead of a day-by-day walk.
    private static readonly ushort[] DayIndexOfOrdinal = BuildOrdinals(CumulativeThrough);

    /// <summary>True unless <paramref name="d"/> is a Saturday, Sunday or bank holiday.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Date outside the calendar range.</exception>
    public static bool IsWorkingDay(DateOnly d) =>
        // Bank-holiday check first so that an out-of-range weekend date still throws rather than
        // quietly answering false.
        !EnglandBankHolidays.IsBankHoliday(d) && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The date that is <paramref name="n"/> working days after <paramref name="start"/>, where
    /// <paramref name="start"/> itself is day 0 (it need not be a working day). For n &gt;= 1 the result
    /// is always a working day; for n = 0 it is <paramref name="start"/> unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="n"/> is negative, or <paramref name="start"/> or the result is outside the calendar range.
    /// </exception>
    public static DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        int startIndex = EnglandBankHolidays.ToIndex(start, nameof(start));
        if (n == 0)
        {
            return start;
        }

        // long: start ordinal + a huge n must not wrap around into a valid-looking ordinal.
        long ordinal = (long)CumulativeThrough[startIndex] + n;
        if (ordinal >= DayIndexOfOrdinal.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(n),
                n,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Adding {n} working days to {start:yyyy-MM-dd} goes beyond {EnglandBankHolidays.LastDate:yyyy-MM-dd}, the end of the bank-holiday calendar."));
        }

        return EnglandBankHolidays.FirstDate.AddDays(DayIndexOfOrdinal[ordinal]);
    }

    /// <summary>
    /// Number of working days after <paramref name="from"/> up to and including <paramref name="to"/>:
    /// 0 for the same day, negative (and symmetric) when <paramref name="to"/> is before <paramref name="from"/>.
    /// Hence <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Either date outside the calendar range.</exception>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        int fromIndex = EnglandBankHolidays.ToIndex(from, nameof(from));
        int toIndex = EnglandBankHolidays.ToIndex(to, nameof(to));
        // Difference of inclusive prefix counts = working days in (from, to]; swapping the arguments
        // negates it, which gives the required symmetry for free.
        return CumulativeThrough[toIndex] - CumulativeThrough[fromIndex];
    }

    private static ushort[] BuildCumulative()
    {
        var cumulative = new ushort[EnglandBankHolidays.DayCount];
        int count = 0;
        var date = EnglandBankHolidays.FirstDate;
        for (int i = 0; i < cumulative.Length; i++, date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }

            cumulative[i] = checked((ushort)count);
        }

        return cumulative;
    }

    private static ushort[] BuildOrdinals(ushort[] cumulative)
    {
        int total = cumulative[^1];
        var ordinals = new ushort[total + 1];
        int previous = 0;
        for (int i = 0; i < cumulative.Length; i++)
        {
            // The prefix count steps up by one exactly on working days.
            if (cumulative[i] != previous)
            {
                previous = cumulative[i];
                ordinals[previous] = checked((ushort)i);
            }
        }

        return ordinals;
    }
}
