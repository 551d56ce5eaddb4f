using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>Shared pieces of the SSDA903 rules 353 … 453: ages, runs of one legal status, former UASC children, and
/// the fields the DfE derives from postcodes (distance, LA of placement).</summary>
internal static class Ssda903RulesCHelpers
{
    public static readonly FrozenSet<string> Temporary = FrozenSet.Create(StringComparer.Ordinal, "T0", "T1", "T2", "T3", "T4");
    public static readonly FrozenSet<string> Respite = FrozenSet.Create(StringComparer.Ordinal, "V3", "V4");

    private static readonly ConditionalWeakTable<RuleTable, PostcodeIndex> Indexes = [];

    /// <summary>The Header's date of birth of <paramref name="child"/>, looked up only for the rows a rule needs it for.</summary>
    public static DateOnly? DobOf(RuleTable header, DateView dob, string? child)
    {
        var h = header.ByChild.First(child);
        return h >= 0 ? dob[h] : null;
    }

    /// <summary>
    /// 361-364: a legal status held without a break (each episode with it starting when the previous one with it
    /// ended, the open one running to the end of the year) for more than <paramref name="maxDays"/> days; every
    /// episode of such a run is reported.
    /// </summary>
    public static void LegalStatusRun(RuleContext c, string status, int maxDays)
    {
        var t = c.Table("Episodes");
        var ls = t.Text("LS");
        var decom = c.Dates(t, "DECOM");
        var dec = c.Dates(t, "DEC");
        var run = new List<int>();
        foreach (var rows in t.ByChildOrderedBy("DECOM"))
        {
            DateOnly? runStart = null;
            DateOnly runEnd = default;
            foreach (var i in rows)
            {
                if (ls[i] != status || decom[i] is not { } start)
                {
                    continue;
                }

                var end = dec[i] ?? c.ReferenceDate;
                if (runStart is not null && start > runEnd)
                {
                    Close(c, t, run, runStart.Value, runEnd, maxDays);
                    runStart = null;
                }

                if (runStart is null)
                {
                    runStart = start;
                    runEnd = end;
                }
                else if (end > runEnd)
                {
                    runEnd = end;
                }

                run.Add(i);
            }

            if (runStart is not null)
            {
                Close(c, t, run, runStart.Value, runEnd, maxDays);
            }
        }

        static void Close(RuleContext c, RuleTable t, List<int> run, DateOnly start, DateOnly end, int maxDays)
        {
            if (end.DayNumber - start.DayNumber > maxDays)
            {
                foreach (var r in run)
                {
                    c.Fail(t, r);
                }
            }

            run.Clear();
        }
    }

    /// <summary>371-374: an episode in <paramref name="place"/> starting before the child's birthday <paramref name="years"/>.</summary>
    public static void TooYoungForPlacement(RuleContext c, string place, int years)
    {
        var t = c.Table("Episodes");
        var header = c.Table("Header");
        var placeCol = t.Text("PLACE");
        var decom = c.Dates(t, "DECOM");
        var dob = c.Dates(header, "DOB");
        for (var i = 0; i < t.Count; i++)
        {
            if (placeCol[i] == place && decom[i] is { } start && DobOf(header, dob, t.Child[i]) is { } born && start < born.AddYears(years))
            {
                c.Fail(t, i);
            }
        }
    }

    /// <summary>375, 376, 379: an ended episode in <paramref name="place"/> lasting more than <paramref name="maxDays"/> days.</summary>
    public static void PlacementTooLong(RuleContext c, string place, int maxDays)
    {
        var t = c.Table("Episodes");
        c.Table("Header");
        var placeCol = t.Text("PLACE");
        var decom = c.Dates(t, "DECOM");
        var dec = c.Dates(t, "DEC");
        for (var i = 0; i < t.Count; i++)
        {
            if (placeCol[i] == place && decom[i] is { } start && dec[i] is { } end && end > start.AddDays(maxDays))
            {
                c.Fail(t, i);
            }
        }
    }

    /// <summary>
    /// Children who are or were UASC as far as the loaded data shows: listed in this or last year's UASC table, or
    /// with UASC = 1 in a Header that carries that column (as the 903 XML does).
    /// </summary>
    public static HashSet<string> FormerUasc(RuleContext c)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { "UASC", "UASC_last" })
        {
            if (c.TryTable(name) is { } u)
            {
                foreach (var child in u.ByChild.Children)
                {
                    result.Add(child);
                }
            }
        }

        foreach (var name in new[] { "Header", "Header_last" })
        {
            if (c.TryTable(name) is { } h && h.Has("UASC"))
            {
                var flag = h.Text("UASC");
                for (var i = 0; i < h.Count; i++)
                {
                    if (flag[i] == "1" && h.Child[i] is { } child)
                    {
                        result.Add(child);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Placement distance in miles of each row: the PL_DISTANCE column when the table has it (as read, null when not
    /// a number), otherwise worked out from HOME_POST and PL_POST with the postcode list (POSTCODE, EASTING,
    /// NORTHING in metres), to one decimal place as the DfE does; a rule needing it is skipped without the list.
    /// </summary>
    public static double?[] Distance(RuleContext c, RuleTable t)
    {
        var result = new double?[t.Count];
        if (t.Has("PL_DISTANCE"))
        {
            var text = t.Text("PL_DISTANCE");
            for (var i = 0; i < t.Count; i++)
            {
                if (text[i] is { } s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    result[i] = d;
                }
            }

            return result;
        }

        var index = Index(c.Postcodes);
        var home = t.Text("HOME_POST");
        var place = t.Text("PL_POST");
        for (var i = 0; i < t.Count; i++)
        {
            if (index.Find(home[i]) is { } h && index.Find(place[i]) is { } p)
            {
                var metres = Math.Sqrt(Math.Pow(h.Easting - p.Easting, 2) + Math.Pow(h.Northing - p.Northing, 2));
                result[i] = Math.Round(metres / 1609.344, 1);
            }
        }

        return result;
    }

    /// <summary>
    /// The LA of placement of each row: the PL_LA column when the table has it, otherwise the LA column of the
    /// postcode list for PL_POST; a rule needing it is skipped without the list.
    /// </summary>
    public static string?[] PlacementLa(RuleContext c, RuleTable t)
    {
        if (t.Has("PL_LA"))
        {
            return t.Text("PL_LA");
        }

        var index = Index(c.Postcodes);
        var place = t.Text("PL_POST");
        var result = new string?[t.Count];
        for (var i = 0; i < t.Count; i++)
        {
            result[i] = index.Find(place[i])?.La;
        }

        return result;
    }

    /// <summary>True when <paramref name="postcode"/> is in the postcode list (spaces and case ignored).</summary>
    public static bool IsKnownPostcode(RuleTable postcodes, string postcode) => Index(postcodes).Find(postcode) is not null;

    /// <summary>
    /// 452, 453: for each child in both years whose last episode of last year is open and whose first episode this
    /// year has the same reason for new episode, calls <paramref name="differ"/> with (current row, last year's row).
    /// </summary>
    public static void FirstAgainstLastYear(RuleContext c, Func<RuleTable, RuleTable, Func<int, int, bool>> differ)
    {
        var t = c.Table("Episodes");
        var last = c.Table("Episodes_last");
        var check = differ(t, last);
        var rne = t.Text("RNE");
        var rneLast = last.Text("RNE");
        var decLast = last.Text("DEC");
        var decomLast = c.Dates(last, "DECOM");
        var decom = c.Dates(t, "DECOM");
        var lastByChild = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rows in last.ByChildOrderedBy("DECOM"))
        {
            for (var k = rows.Length - 1; k >= 0; k--)
            {
                if (decomLast[rows[k]] is not null)
                {
                    lastByChild[last.Child[rows[k]]!] = rows[k];
                    break;
                }
            }
        }

        foreach (var rows in t.ByChildOrderedBy("DECOM"))
        {
            var first = rows[0];
            if (decom[first] is null || !lastByChild.TryGetValue(t.Child[first]!, out var prev))
            {
                continue;
            }

            if (decLast[prev] is null && rne[first] == rneLast[prev] && check(first, prev))
            {
                c.Fail(t, first);
            }
        }
    }

    private static PostcodeIndex Index(RuleTable postcodes) => Indexes.GetValue(postcodes, p => new PostcodeIndex(p));

    /// <summary>Normalises a postcode for lookup: upper case, no spaces.</summary>
    public static string Normalise(string postcode) => postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private sealed record Location(double Easting, double Northing, string? La);

    private sealed class PostcodeIndex
    {
        private readonly Dictionary<string, Location> _byPostcode = new(StringComparer.Ordinal);

        public PostcodeIndex(RuleTable postcodes)
        {
            var code = postcodes.Text("POSTCODE");
            var east = postcodes.Text("EASTING");
            var north = postcodes.Text("NORTHING");
            var la = postcodes.Text("LA");
            for (var i = 0; i < postcodes.Count; i++)
            {
                if (code[i] is not { } p)
                {
                    continue;
                }

                _ = double.TryParse(east[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var e);
                _ = double.TryParse(north[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var n);
                _byPostcode.TryAdd(Normalise(p), new Location(e, n, la[i]));
            }
        }

        public Location? Find(string? postcode) => postcode is null ? null : _byPostcode.GetValueOrDefault(Normalise(postcode));
    }
}
