using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>Shared workings of the SSDA903 rules 454 … 579 (first episodes, continuous care, periods of care, postcodes).</summary>
internal static class Ssda903RulesDHelpers
{
    private const double MetresPerMile = 1609.344;

    private static readonly ConditionalWeakTable<RuleTable, PostcodeLookup> Lookups = new();
    private static readonly ConditionalWeakTable<RuleTable, Dictionary<string, int>> GroupPositions = new();

    /// <summary>Placement codes of a placement for adoption.</summary>
    public static readonly FrozenSet<string> AdoptionPlacements = FrozenSet.Create(StringComparer.Ordinal, "A3", "A4", "A5", "A6");

    /// <summary>
    /// The row of <paramref name="ordered"/> (one child's rows ordered by a date, blanks last) with the earliest date,
    /// or -1 when none has one.
    /// </summary>
    public static int Earliest(int[] ordered, DateOnly?[] dates) => ordered.Length > 0 && dates[ordered[0]] is not null ? ordered[0] : -1;

    /// <summary>The first row (in file order) holding the latest date of one child's ordered rows, or -1.</summary>
    public static int Latest(int[] ordered, DateOnly?[] dates)
    {
        var last = -1;
        for (var k = ordered.Length - 1; k >= 0; k--)
        {
            if (dates[ordered[k]] is { } d)
            {
                last = k;
                while (last > 0 && dates[ordered[last - 1]] == d)
                {
                    last--;
                }

                break;
            }
        }

        return last < 0 ? -1 : ordered[last];
    }

    /// <summary>
    /// Rules 503A-J: where last year's latest episode of a child is still open (no DEC), the child's first episode this
    /// year must carry the same value. <paramref name="values"/> and <paramref name="lastValues"/> give the value of each
    /// row of this year's and last year's episodes; blank equals blank.
    /// </summary>
    public static void FirstEpisodeMatchesOpenLast(
        RuleContext c,
        RuleTable episodes,
        RuleTable last,
        Func<int, string?> values,
        Func<int, string?> lastValues,
        Func<string?, string?, bool>? exempt = null)
    {
        var decom = c.Dates(episodes, "DECOM");
        var lastDecom = c.Dates(last, "DECOM");
        var lastDec = c.Dates(last, "DEC");
        var ordered = episodes.ByChildOrderedBy("DECOM");
        var lastDecomValues = last.Dates("DECOM").Values;
        var decomValues = episodes.Dates("DECOM").Values;
        foreach (var rows in ordered)
        {
            foreach (var r in rows)
            {
                _ = decom[r];
            }

            var first = Earliest(rows, decomValues);
            if (first < 0)
            {
                continue;
            }

            var index = OrderedRows(last, episodes.Child[first]);
            if (index is null)
            {
                continue;
            }

            foreach (var r in index)
            {
                _ = lastDecom[r];
            }

            var previous = Latest(index, lastDecomValues);
            if (previous < 0 || lastDec[previous] is not null || lastDec.IsBad(previous))
            {
                continue;
            }

            var now = values(first);
            var before = lastValues(previous);
            if (!string.Equals(now, before, StringComparison.Ordinal) && exempt?.Invoke(now, before) != true)
            {
                c.Fail(episodes, first);
            }
        }
    }

    /// <summary>One child's group among a table's ordered groups (groups follow the order of <see cref="ChildGroups.Children"/>).</summary>
    private static int[]? LastGroup(RuleTable table, IReadOnlyList<int[]> ordered, string child)
    {
        var rows = table.ByChild.Rows(child);
        if (rows.Length == 0)
        {
            return null;
        }

        var position = GroupPositions.GetValue(table, t =>
        {
            var map = new Dictionary<string, int>(t.ByChild.Children.Count, StringComparer.Ordinal);
            for (var g = 0; g < t.ByChild.Children.Count; g++)
            {
                map[t.ByChild.Children[g]] = g;
            }

            return map;
        });
        return ordered[position[child]];
    }

    /// <summary>The position of each child among <paramref name="table"/>'s groups, for <see cref="RuleTable.ByChildOrderedBy"/>.</summary>
    public static int[]? OrderedRows(RuleTable table, string? child)
    {
        if (child is null || !table.ByChild.Contains(child))
        {
            return null;
        }

        return LastGroup(table, table.ByChildOrderedBy("DECOM"), child);
    }

    /// <summary>
    /// The children looked after continuously through the collection year: some episode in the year, and none that
    /// starts a period of care (RNE S) after 1 April, ends one (REC other than X1) before 31 March, or is under a
    /// short-break legal status (V3, V4) during the year.
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
        foreach (var rows in episodes.ByChild.Groups)
        {
            var inYear = false;
            var broken = false;
            foreach (var r in rows)
            {
                var from = decom[r];
                var to = dec[r];
                var during = from <= end && (to >= start || to is null);
                inYear |= during;
                broken |= (rne[r] == "S" && from > start && from <= end)
                    || (rec[r] != "X1" && to >= start && to < end)
                    || (ls[r] is "V3" or "V4" && during);
            }

            if (inYear && !broken)
            {
                result.Add(episodes.Child[rows[0]]!);
            }
        }

        return result;
    }

    /// <summary>
    /// Each child's periods of care: episodes with a start date, ordered by it, a new period starting when an episode
    /// starts after the previous one ended. Each period is its start (the first DECOM) and end (the last episode's DEC).
    /// </summary>
    public static Dictionary<string, List<(DateOnly Start, DateOnly? End)>> PeriodsOfCare(RuleContext c, RuleTable episodes)
    {
        var decom = c.Dates(episodes, "DECOM");
        var dec = c.Dates(episodes, "DEC");
        var result = new Dictionary<string, List<(DateOnly Start, DateOnly? End)>>(StringComparer.Ordinal);
        foreach (var rows in episodes.ByChildOrderedBy("DECOM"))
        {
            List<(DateOnly Start, DateOnly? End)>? periods = null;
            DateOnly? previousEnd = null;
            foreach (var r in rows)
            {
                if (decom[r] is not { } from)
                {
                    _ = dec[r];
                    continue;
                }

                var to = dec[r];
                if (periods is null)
                {
                    periods = [(from, to)];
                }
                else if (from > previousEnd)
                {
                    periods.Add((from, to));
                }
                else
                {
                    periods[^1] = (periods[^1].Start, to);
                }

                previousEnd = to;
            }

            if (periods is not null)
            {
                result[episodes.Child[rows[0]]!] = periods;
            }
        }

        return result;
    }

    /// <summary>A postcode as a key: upper case without spaces.</summary>
    public static string PostcodeKey(string postcode)
    {
        var clean = true;
        foreach (var ch in postcode)
        {
            if (char.IsWhiteSpace(ch) || char.IsLower(ch))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return postcode;
        }

        Span<char> buffer = stackalloc char[postcode.Length];
        var n = 0;
        foreach (var ch in postcode)
        {
            if (!char.IsWhiteSpace(ch))
            {
                buffer[n++] = char.ToUpperInvariant(ch);
            }
        }

        return new string(buffer[..n]);
    }

    /// <summary>The postcode list (columns POSTCODE, EASTING, NORTHING, LA) indexed by postcode, built once per list.</summary>
    public static PostcodeLookup Lookup(RuleTable postcodes) => Lookups.GetValue(postcodes, t => new PostcodeLookup(t));

    private static bool TryNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Postcode locations and local authorities, for the derived placement fields PL_DISTANCE, PL_LA and PL_LOCATION.</summary>
    internal sealed class PostcodeLookup
    {
        private readonly Dictionary<string, int> _rows;
        private readonly double?[] _easting;
        private readonly double?[] _northing;
        private readonly string?[] _authority;

        public PostcodeLookup(RuleTable postcodes)
        {
            var codes = postcodes.Text("POSTCODE");
            var easting = postcodes.Text("EASTING");
            var northing = postcodes.Text("NORTHING");
            _authority = postcodes.Text("LA");
            _rows = new Dictionary<string, int>(postcodes.Count, StringComparer.Ordinal);
            _easting = new double?[postcodes.Count];
            _northing = new double?[postcodes.Count];
            for (var i = 0; i < postcodes.Count; i++)
            {
                if (codes[i] is { } p)
                {
                    _rows.TryAdd(PostcodeKey(p), i);
                }

                _easting[i] = TryNumber(easting[i], out var e) ? e : null;
                _northing[i] = TryNumber(northing[i], out var n) ? n : null;
            }
        }

        /// <summary>
        /// PL_DISTANCE: miles between two postcodes to one decimal place, as the DfE works it out; null where either is
        /// blank or not in the list.
        /// </summary>
        public double? Distance(string? home, string? placed)
        {
            if (home is null || placed is null
                || !_rows.TryGetValue(PostcodeKey(home), out var a) || !_rows.TryGetValue(PostcodeKey(placed), out var b)
                || _easting[a] is not { } ea || _northing[a] is not { } na || _easting[b] is not { } eb || _northing[b] is not { } nb)
            {
                return null;
            }

            var metres = Math.Sqrt(((ea - eb) * (ea - eb)) + ((na - nb) * (na - nb)));
            return Math.Round(metres / MetresPerMile, 1, MidpointRounding.AwayFromZero);
        }

        /// <summary>PL_LA: the local authority of a postcode, or null.</summary>
        public string? Authority(string? postcode) =>
            postcode is not null && _rows.TryGetValue(PostcodeKey(postcode), out var row) ? _authority[row] : null;

        /// <summary>
        /// PL_LOCATION: IN when the placement is in the local authority of the child's home postcode, OUT when in
        /// another, null when either is unknown (the return carries no code for the council itself).
        /// </summary>
        public string? Location(string? home, string? placed) =>
            (Authority(placed), Authority(home)) is ({ } p, { } h) ? (string.Equals(p, h, StringComparison.OrdinalIgnoreCase) ? "IN" : "OUT") : null;
    }
}
