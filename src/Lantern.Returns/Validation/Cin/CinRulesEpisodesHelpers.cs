using Lantern.Domain.Calendar;

namespace Lantern.Returns.Validation.Cin;

/// <summary>
/// Joins and small sums shared by the rules on a CIN episode's modules: a CINdetails group is named by LAchildID and
/// CINdetailsID (a blank CINdetailsID counts as the empty name), an assessment adds AssessmentID and a child
/// protection plan CPPID.
/// </summary>
internal static class CinRulesEpisodesHelpers
{
    /// <summary>The first row of each CINdetails group in <paramref name="table"/> (LAchildID + CINdetailsID).</summary>
    public static Dictionary<(string Child, string Id), int> FirstByEpisode(RuleTable table)
    {
        var child = table.Child;
        var id = table.Text("CINdetailsID");
        var rows = new Dictionary<(string, string), int>(table.Count);
        for (var i = 0; i < table.Count; i++)
        {
            if (child[i] is { } ch)
            {
                rows.TryAdd((ch, id[i] ?? ""), i);
            }
        }

        return rows;
    }

    /// <summary>The rows of each CINdetails group of <paramref name="table"/>, in file order.</summary>
    public static Dictionary<(string Child, string Id), List<int>> RowsByEpisode(RuleTable table)
    {
        var child = table.Child;
        var id = table.Text("CINdetailsID");
        var rows = new Dictionary<(string, string), List<int>>();
        for (var i = 0; i < table.Count; i++)
        {
            if (child[i] is not { } ch)
            {
                continue;
            }

            var key = (ch, id[i] ?? "");
            if (!rows.TryGetValue(key, out var list))
            {
                rows[key] = list = [];
            }

            list.Add(i);
        }

        return rows;
    }

    /// <summary>The rows of each item of <paramref name="table"/> named by LAchildID, CINdetailsID and <paramref name="idColumn"/>.</summary>
    public static Dictionary<(string Child, string Id, string Item), List<int>> RowsByItem(RuleTable table, string idColumn)
    {
        var child = table.Child;
        var id = table.Text("CINdetailsID");
        var item = table.Text(idColumn);
        var rows = new Dictionary<(string, string, string), List<int>>();
        for (var i = 0; i < table.Count; i++)
        {
            if (child[i] is not { } ch)
            {
                continue;
            }

            var key = (ch, id[i] ?? "", item[i] ?? "");
            if (!rows.TryGetValue(key, out var list))
            {
                rows[key] = list = [];
            }

            list.Add(i);
        }

        return rows;
    }

    /// <summary>The key of row <paramref name="row"/> of <paramref name="table"/> as a CINdetails group.</summary>
    public static (string Child, string Id) EpisodeKey(RuleTable table, string?[] id, int row) => (table.Child[row] ?? "", id[row] ?? "");

    /// <summary>A yes/no flag as the CIN census writes it ("1"/"true"); anything else, blank included, is no.</summary>
    public static bool IsTrue(string? flag) => flag is "1" or "true" or "True" or "TRUE";

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public static bool InYear(RuleContext c, DateOnly date) => date >= c.CollectionStart && date <= c.ReferenceDate;

    /// <summary>
    /// The working day <paramref name="n"/> working days before <paramref name="date"/> (England's bank holidays off;
    /// the date itself is not counted), as the DfE's "ReferenceDate minus n working days"; null outside the calendar.
    /// </summary>
    public static DateOnly? WorkingDaysBefore(DateOnly date, int n)
    {
        var day = date;
        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(-1);
            if (day < EnglandBankHolidays.FirstDate || day > EnglandBankHolidays.LastDate)
            {
                return null;
            }

            if (WorkingDays.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary><paramref name="date"/> falls on or after <paramref name="start"/> and before <paramref name="end"/>, or on or before the ReferenceDate while open.</summary>
    public static bool During(RuleContext c, DateOnly date, DateOnly start, DateOnly? end) =>
        date >= start && (end is { } e ? date < e : date <= c.ReferenceDate);
}
