using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Lantern.Data;

/// <summary>
/// Fast readers for the date and time texts that Microsoft.Data.Sqlite writes
/// (<c>yyyy-MM-dd</c> and <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>), for the snapshot loader: the
/// general .NET parsers dominate the cost of loading otherwise. Any other form falls back to
/// the reader's own conversion, so the result is always what EF Core would read.
/// </summary>
internal static class SqliteText
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateOnly ReadDateOnly(DbDataReader reader, int ordinal)
    {
        var text = reader.GetString(ordinal);
        return text.Length == 10 && TryDate(text, out var year, out var month, out var day)
            ? new DateOnly(year, month, day)
            : reader.GetFieldValue<DateOnly>(ordinal);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateTime ReadDateTime(DbDataReader reader, int ordinal)
    {
        var text = reader.GetString(ordinal);
        if (text.Length >= 19 && text.Length <= 27 && text[10] == ' ' && text[13] == ':' && text[16] == ':'
            && TryDate(text, out var year, out var month, out var day)
            && TryTwo(text, 11, out var hour) && TryTwo(text, 14, out var minute) && TryTwo(text, 17, out var second)
            && hour < 24 && minute < 60 && second < 60)
        {
            long fraction = 0;
            if (text.Length > 19)
            {
                if (text[19] != '.' || text.Length == 20)
                {
                    return reader.GetDateTime(ordinal);
                }

                var digits = 0;
                for (var i = 20; i < text.Length; i++, digits++)
                {
                    var c = text[i] - '0';
                    if ((uint)c > 9)
                    {
                        return reader.GetDateTime(ordinal);
                    }

                    fraction = (fraction * 10) + c;
                }

                for (; digits < 7; digits++)
                {
                    fraction *= 10;
                }
            }

            return new DateTime(year, month, day, hour, minute, second).AddTicks(fraction);
        }

        return reader.GetDateTime(ordinal);
    }

    private static bool TryDate(string text, out int year, out int month, out int day)
    {
        month = day = 0;
        year = 0;
        if (text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            var c = text[i] - '0';
            if ((uint)c > 9)
            {
                return false;
            }

            year = (year * 10) + c;
        }

        return TryTwo(text, 5, out month) && TryTwo(text, 8, out day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static bool TryTwo(string text, int at, out int value)
    {
        var tens = text[at] - '0';
        var units = text[at + 1] - '0';
        value = (tens * 10) + units;
        return (uint)tens <= 9 && (uint)units <= 9;
    }
}
