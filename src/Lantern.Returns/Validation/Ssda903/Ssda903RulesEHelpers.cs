using System.Collections.Frozen;
using System.Globalization;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>Checks shared by several of <see cref="Ssda903RulesE"/>'s rules (integrity checks between tables, partial dates).</summary>
internal static class Ssda903RulesEHelpers
{
    /// <summary>Every row of <paramref name="tableName"/> whose child is not in Header (INT01-INT09).</summary>
    public static Action<RuleContext> NotInHeader(string tableName) => c =>
    {
        var header = c.Table("Header");
        var t = c.Table(tableName);
        var children = header.ByChild;
        for (var i = 0; i < t.Count; i++)
        {
            if (!children.Contains(t.Child[i]))
            {
                c.Fail(t, i);
            }
        }
    };

    /// <summary>Every row of <paramref name="tableName"/> whose DOB differs from a Header row of its child, both readable (INT11-INT18).</summary>
    public static Action<RuleContext> DobDiffers(string tableName) => c =>
    {
        var header = c.Table("Header");
        var t = c.Table(tableName);
        var headerDob = c.Dates(header, "DOB");
        var dob = c.Dates(t, "DOB");
        for (var i = 0; i < t.Count; i++)
        {
            if (dob[i] is not { } d)
            {
                continue;
            }

            foreach (var h in header.ByChild.Rows(t.Child[i]))
            {
                if (headerDob[h] is { } hd && hd != d)
                {
                    c.Fail(t, i);
                    break;
                }
            }
        }
    };

    /// <summary>Every row of a child that appears more than once in <paramref name="tableName"/> (INT31-INT36).</summary>
    public static Action<RuleContext> Duplicated(string tableName) => c =>
    {
        var t = c.Table(tableName);
        foreach (var rows in t.ByChild.Groups)
        {
            if (rows.Length > 1)
            {
                foreach (var r in rows)
                {
                    c.Fail(t, r);
                }
            }
        }
    };

    /// <summary>
    /// Reads a date whose day, month or year may be replaced by ZZ, ZZ or ZZZZ when not known (DATE_PERM). Returns
    /// false when the text is not such a date; otherwise <paramref name="earliest"/> is the earliest day it can be,
    /// or null when the year is not known.
    /// </summary>
    public static bool TryPartialDate(string text, out DateOnly? earliest)
    {
        earliest = null;
        if (RuleTable.TryDate(text, out var full))
        {
            earliest = full;
            return true;
        }

        var parts = text.Split('/');
        if (parts.Length != 3 || parts[0].Length != 2 || parts[1].Length != 2 || parts[2].Length != 4)
        {
            return false;
        }

        var day = parts[0] == "ZZ" ? 1 : Number(parts[0]);
        var month = parts[1] == "ZZ" ? 1 : Number(parts[1]);
        var year = parts[2] == "ZZZZ" ? 2000 : Number(parts[2]);
        if (day is < 1 or > 31 || month is < 1 or > 12 || year < 1)
        {
            return false;
        }

        if (day > DateTime.DaysInMonth(year, month) && parts[1] != "ZZ")
        {
            return false;
        }

        if (parts[2] != "ZZZZ")
        {
            earliest = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
        }

        return true;
    }

    private static int Number(string text) =>
        text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    /// <summary>
    /// Local authority codes valid in LA_PERM, with the codes for places outside England. The reference's list is
    /// completed with the authorities created since 2019 (Dorset 838, Bournemouth, Christchurch and Poole 839,
    /// North and West Northamptonshire 940 and 941, Cumberland 942, Westmorland and Furness 943).
    /// </summary>
    public static readonly FrozenSet<string> LaCodes = (
        "800,889,822,301,304,303,330,825,837,302,846,370,350,890,867,380,305,801,351,873,823,895,896,"
        + "381,909,202,908,331,306,841,830,831,878,371,835,332,840,307,308,811,881,845,390,916,203,876,"
        + "850,311,204,884,312,205,313,805,919,310,309,420,921,206,207,886,810,382,314,340,888,208,856,"
        + "383,855,209,925,341,201,821,352,806,887,826,315,929,812,391,926,892,813,802,928,891,392,316,"
        + "815,353,931,879,836,851,874,807,354,317,870,318,372,857,333,935,343,803,373,342,893,356,355,"
        + "871,394,334,933,882,936,861,852,319,860,808,393,866,210,357,894,883,880,358,211,937,869,320,"
        + "359,865,384,335,336,212,868,872,885,344,877,213,938,816,999,838,839,940,941,942,943,WAL,SCO,NUK,NIR").Split(',').ToFrozenSet(StringComparer.Ordinal);
}
