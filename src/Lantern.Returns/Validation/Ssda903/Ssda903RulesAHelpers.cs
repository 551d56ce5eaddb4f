using System.Collections.Frozen;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>Shared pieces of the rules in <see cref="Ssda903RulesA"/>.</summary>
internal static class Ssda903RulesAHelpers
{
    public static FrozenSet<string> Set(params string[] codes) => codes.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Fails each row of <paramref name="table"/> whose <paramref name="column"/> is not in <paramref name="valid"/>
    /// (a blank passes when <paramref name="blankAllowed"/>).</summary>
    public static void Codes(RuleContext c, string table, string column, FrozenSet<string> valid, bool blankAllowed)
    {
        var t = c.Table(table);
        var x = t.Text(column);
        for (var i = 0; i < t.Count; i++)
        {
            if (x[i] is { } v ? !valid.Contains(v) : !blankAllowed)
            {
                c.Fail(t, i);
            }
        }
    }

    /// <summary>Fails each row whose <paramref name="column"/> is not a date (a blank passes when <paramref name="blankAllowed"/>).</summary>
    public static void ValidDate(RuleContext c, string table, string column, bool blankAllowed)
    {
        var t = c.Table(table);
        var x = t.Text(column);
        var bad = t.Dates(column).Bad;
        for (var i = 0; i < t.Count; i++)
        {
            if (x[i] is null ? !blankAllowed : bad[i])
            {
                c.Fail(t, i);
            }
        }
    }

    /// <summary>Fails the OC3 rows of <paramref name="children"/> that hold care leaver data.</summary>
    public static void FailLeaverData(RuleContext c, RuleTable oc3, IReadOnlySet<string> children)
    {
        var leaver = new LeaverItems(oc3);
        for (var i = 0; i < oc3.Count; i++)
        {
            if (oc3.Child[i] is { } child && children.Contains(child) && leaver.Any(i))
            {
                c.Fail(oc3, i);
            }
        }
    }

    /// <summary>The first valid date of birth of each child in <paramref name="table"/> (a DOB column).</summary>
    public static Dictionary<string, DateOnly> Births(RuleContext c, RuleTable table)
    {
        var dob = c.Dates(table, "DOB");
        var births = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        for (var i = 0; i < table.Count; i++)
        {
            if (table.Child[i] is { } child && dob[i] is { } d)
            {
                births.TryAdd(child, d);
            }
        }

        return births;
    }

    /// <summary>
    /// The children looked after continuously through the year (the DfE's CONTINUOUSLY_LOOKED_AFTER): in care at
    /// some time in the year, with no episode starting care (RNE S) after 1 April, none ending care (REC other than
    /// X1) in the year before 31 March, and none on short breaks (V3/V4) in the year.
    /// </summary>
    public static HashSet<string> ContinuouslyLookedAfter(RuleContext c, RuleTable episodes)
    {
        var decom = c.Dates(episodes, "DECOM");
        var dec = c.Dates(episodes, "DEC");
        var rne = episodes.Text("RNE");
        var rec = episodes.Text("REC");
        var ls = episodes.Text("LS");
        var start = c.CollectionStart;
        var end = c.ReferenceDate;
        var result = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < episodes.ByChild.Groups.Count; g++)
        {
            var rows = episodes.ByChild.Groups[g];
            bool during = false, broken = false;
            foreach (var i in rows)
            {
                var s = decom[i];
                var e = dec[i];
                var inYear = s <= end && (e is null || e >= start);
                during |= inYear;
                broken |= (rne[i] == "S" && s > start && s <= end)
                    || (rec[i] != "X1" && e >= start && e < end)
                    || (ls[i] is "V3" or "V4" && inYear);
            }

            if (during && !broken)
            {
                result.Add(episodes.ByChild.Children[g]);
            }
        }

        return result;
    }

    /// <summary>
    /// Postcode locations by normalised postcode (upper case, no spaces). The postcode table has the columns POSTCODE,
    /// EASTING, NORTHING (metres, Ordnance Survey grid) and LA (the code of the local authority the postcode lies in).
    /// </summary>
    public static Dictionary<string, (int Easting, int Northing, string? La)> PostcodeIndex(RuleContext c)
    {
        var p = c.Postcodes;
        var code = p.Text("POSTCODE");
        var east = p.Ints("EASTING").Values;
        var north = p.Ints("NORTHING").Values;
        var la = p.Text("LA");
        var index = new Dictionary<string, (int, int, string?)>(p.Count, StringComparer.Ordinal);
        for (var i = 0; i < p.Count; i++)
        {
            if (code[i] is { } pc && east[i] is { } e && north[i] is { } n)
            {
                index.TryAdd(Normalise(pc), (e, n, la[i]));
            }
        }

        return index;
    }

    public static string Normalise(string postcode) => postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The local authority of each episode's placement postcode (PL_LA), null when the postcode is blank or unknown.</summary>
    public static string?[] PlacementLa(RuleContext c, RuleTable episodes)
    {
        var index = PostcodeIndex(c);
        var post = episodes.Text("PL_POST");
        var result = new string?[episodes.Count];
        for (var i = 0; i < episodes.Count; i++)
        {
            if (post[i] is { } pc && index.TryGetValue(Normalise(pc), out var place))
            {
                result[i] = place.La;
            }
        }

        return result;
    }
}

/// <summary>The care leaver items of OC3 (IN_TOUCH, ACTIV, ACCOM), read once.</summary>
internal readonly struct LeaverItems(RuleTable oc3)
{
    private readonly string?[] _inTouch = oc3.Text("IN_TOUCH");
    private readonly string?[] _activity = oc3.Text("ACTIV");
    private readonly string?[] _accommodation = oc3.Text("ACCOM");

    /// <summary>Whether any of the items is given in row <paramref name="i"/>.</summary>
    public bool Any(int i) => _inTouch[i] is not null || _activity[i] is not null || _accommodation[i] is not null;
}
