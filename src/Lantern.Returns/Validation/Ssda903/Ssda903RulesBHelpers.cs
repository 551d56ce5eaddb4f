using System.Collections.Frozen;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>Shared pieces of the SSDA903 rules in <see cref="Ssda903RulesB"/>.</summary>
internal static class Ssda903RulesBHelpers
{
    public static readonly FrozenSet<string> Temporary = FrozenSet.Create(StringComparer.Ordinal, "T0", "T1", "T2", "T3", "T4");

    /// <summary>The OC2 items about children looked after for 12 months (other than the SDQ).</summary>
    public static readonly string[] Oc2Items =
        ["CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"];

    /// <summary>
    /// The children looked after continuously for the 12 months to 31 March, as the DfE defines it from the episodes:
    /// in care at some point of the year, and no episode in the year that starts a period of care (RNE S after 1 April),
    /// ends one (REC other than X1 before 31 March) or is a short-break one (LS V3 or V4).
    /// </summary>
    public static HashSet<string> ContinuouslyLookedAfter(RuleContext c, RuleTable episodes)
    {
        var start = c.CollectionStart;
        var end = c.ReferenceDate;
        var decom = c.Dates(episodes, "DECOM");
        var dec = c.Dates(episodes, "DEC");
        var rne = episodes.Text("RNE");
        var rec = episodes.Text("REC");
        var ls = episodes.Text("LS");
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rows in episodes.ByChild.Groups)
        {
            var inYear = false;
            var broken = false;
            foreach (var i in rows)
            {
                var from = decom[i];
                var to = dec[i];
                var during = from <= end && (to is null || to >= start);
                inYear |= during;
                broken |= rne[i] == "S" && from > start && from <= end;
                broken |= rec[i] != "X1" && to >= start && to < end;
                broken |= ls[i] is "V3" or "V4" && during;
            }

            if (inYear && !broken)
            {
                result.Add(episodes.Child[rows[0]]!);
            }
        }

        return result;
    }

    /// <summary>True when any of <paramref name="columns"/> is filled in row <paramref name="row"/>.</summary>
    public static bool AnyFilled(string?[][] columns, int row)
    {
        foreach (var column in columns)
        {
            if (column[row] is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when any of <paramref name="columns"/> is blank in row <paramref name="row"/>.</summary>
    public static bool AnyBlank(string?[][] columns, int row)
    {
        foreach (var column in columns)
        {
            if (column[row] is null)
            {
                return true;
            }
        }

        return false;
    }

    public static string?[][] Columns(RuleTable table, params string[] names)
    {
        var result = new string?[names.Length][];
        for (var k = 0; k < names.Length; k++)
        {
            result[k] = table.Text(names[k]);
        }

        return result;
    }

    /// <summary>
    /// Each child's UASC status ("1" or "0") for one year: the UASC column of the header when the return has one (the
    /// XML return); otherwise, as the DfE's tool does for CSV returns, "1" for a child with a filled row in the UASC
    /// table and "0" for any other child of the header. Null when neither table is there.
    /// </summary>
    public static Dictionary<string, string?>? UascStatus(RuleTable? header, RuleTable? uasc)
    {
        var status = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (header is not null && header.Has("UASC"))
        {
            var flag = header.Text("UASC");
            for (var i = 0; i < header.Count; i++)
            {
                if (header.Child[i] is { } child)
                {
                    status.TryAdd(child, flag[i]);
                }
            }

            return status;
        }

        if (header is null && uasc is null)
        {
            return null;
        }

        if (uasc is not null)
        {
            var filled = new List<string?[]>();
            foreach (var name in uasc.Columns)
            {
                if (!name.Equals("CHILD", StringComparison.OrdinalIgnoreCase) && !name.Equals("DOB", StringComparison.OrdinalIgnoreCase))
                {
                    filled.Add(uasc.Text(name));
                }
            }

            var columns = filled.ToArray();
            for (var i = 0; i < uasc.Count; i++)
            {
                if (uasc.Child[i] is { } child && AnyFilled(columns, i))
                {
                    status[child] = "1";
                }
            }
        }

        if (header is not null)
        {
            foreach (var child in header.ByChild.Children)
            {
                status.TryAdd(child, "0");
            }
        }

        return status;
    }

    /// <summary>The first date of birth given for each child in the header (null when blank or unreadable).</summary>
    public static DateOnly? Dob(RuleTable header, DateView dob, string? child) =>
        header.ByChild.First(child) is var r and >= 0 ? dob[r] : null;
}
