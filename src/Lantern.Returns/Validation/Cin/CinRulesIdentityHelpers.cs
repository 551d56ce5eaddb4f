using System.Collections.Frozen;
using Lantern.Domain.Calendar;

namespace Lantern.Returns.Validation.Cin;

/// <summary>Shared reading for the CIN rules on children and their CIN episodes (<see cref="CinRulesIdentity"/>).</summary>
internal static class CinRulesIdentityHelpers
{
    /// <summary>Characters that may end a UPN (digits aside): A-Z without I, O and S.</summary>
    public const string UpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>
    /// The DfE's list of post-April-1998 LA codes and pseudo-LA codes allowed as UPN characters 2-4 (rule 1530 as
    /// published, with 942 Cumberland and 943 Westmorland and Furness added from 2023-24, when those councils began).
    /// </summary>
    private static readonly FrozenSet<string> LaCodesBefore2024 = BuildLaCodes(false);

    private static readonly FrozenSet<string> LaCodesFrom2024 = BuildLaCodes(true);

    public static FrozenSet<string> LaCodes(int endYear) => endYear >= 2024 ? LaCodesFrom2024 : LaCodesBefore2024;

    /// <summary>ReferralNFA (and other CIN flags) true: 1 or true.</summary>
    public static bool IsTrue(string? flag) => flag == "1" || string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>ReferralNFA false: 0 or false (a blank or another value is neither).</summary>
    public static bool IsFalse(string? flag) => flag == "0" || string.Equals(flag, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The CIN episode (child and CINdetailsID) of each row of a module table, or null when either is blank.</summary>
    public static (string Child, string Id)? Episode(RuleTable table, string?[] ids, int row) =>
        table.Child[row] is { } child && ids[row] is { } id ? (child, id) : null;

    /// <summary>The rows of a module table (Assessments, Section47, ...) for each CIN episode; empty when the table is absent.</summary>
    public static Dictionary<(string Child, string Id), List<int>> RowsByEpisode(RuleTable? table)
    {
        var rows = new Dictionary<(string Child, string Id), List<int>>();
        if (table is null)
        {
            return rows;
        }

        var ids = table.Text("CINdetailsID");
        for (var i = 0; i < table.Count; i++)
        {
            if (Episode(table, ids, i) is { } key)
            {
                if (!rows.TryGetValue(key, out var list))
                {
                    rows[key] = list = [];
                }

                list.Add(i);
            }
        }

        return rows;
    }

    /// <summary>The last working day (England) before <paramref name="date"/>; null outside the calendar.</summary>
    public static DateOnly? WorkingDayBefore(DateOnly date)
    {
        var day = date;
        for (var i = 0; i < 14; i++)
        {
            day = day.AddDays(-1);
            if (day < EnglandBankHolidays.FirstDate || day > EnglandBankHolidays.LastDate)
            {
                return null;
            }

            if (WorkingDays.IsWorkingDay(day))
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>The UPN check letter of the 12 characters after it.</summary>
    public static char UpnCheckLetter(string upn) => Domain.Identifiers.Upn.ComputeCheckLetter(upn.AsSpan(1, 12));

    /// <summary>Characters 2-12 are digits and character 13 a digit or UPN letter (a 13-character value).</summary>
    public static bool WellFormedUpnBody(string upn)
    {
        if (upn.Length != 13)
        {
            return false;
        }

        for (var k = 1; k < 12; k++)
        {
            if (!char.IsAsciiDigit(upn[k]))
            {
                return false;
            }
        }

        return IsUpnLastCharacter(upn[12]);
    }

    public static bool IsUpnLastCharacter(char c) => char.IsAsciiDigit(c) || UpnLetters.Contains(c, StringComparison.Ordinal);

    private static FrozenSet<string> BuildLaCodes(bool from2024)
    {
        (int From, int To)[] ranges =
        [
            (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373), (380, 384), (390, 394),
            (420, 420), (660, 681), (701, 708), (800, 803), (805, 808), (810, 813), (815, 816), (820, 823), (825, 826),
            (830, 831), (835, 841), (845, 846), (850, 852), (855, 857), (860, 861), (865, 896), (908, 909), (916, 916),
            (919, 919), (921, 921), (925, 926), (928, 929), (931, 931), (933, 933), (935, 938), (940, 941),
        ];
        var codes = new List<string>();
        foreach (var (from, to) in ranges)
        {
            for (var n = from; n <= to; n++)
            {
                codes.Add(n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (from2024)
        {
            codes.Add("942");
            codes.Add("943");
        }

        return codes.ToFrozenSet(StringComparer.Ordinal);
    }
}
