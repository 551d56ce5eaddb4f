using System.Globalization;

namespace Lantern.Returns.Validation;

/// <summary>
/// One table of a return as read from its file (or built from the live record): the text of every cell, trimmed,
/// blank cells as null, one column per name, the file line of each row and the child it belongs to. Typed views of a
/// column (dates, whole numbers) are parsed once, on first use, and shared by every rule; a value that does not
/// parse is remembered so a rule reading it can report the row as unreadable instead of guessing.
/// </summary>
public sealed class RuleTable
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "yyyy-MM-dd", "d/M/yyyy"];

    private readonly Dictionary<string, int> _index;
    private readonly string?[][] _cells;
    private readonly Lazy<DateColumn>[] _dates;
    private readonly Lazy<IntColumn>[] _ints;
    private readonly Lazy<ChildGroups> _groups;
    private readonly string _childColumn;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<int[]>> _ordered = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A table whose <paramref name="cells"/> are column-major (cells[column][row]), one line per row in <paramref name="lines"/>.</summary>
    public RuleTable(string name, string file, string childColumn, IReadOnlyList<string> columns, string?[][] cells, long[] lines)
    {
        Name = name;
        File = file;
        _childColumn = childColumn;
        Columns = columns;
        _cells = cells;
        Lines = lines;
        Count = lines.Length;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < columns.Count; c++)
        {
            _index[columns[c]] = c;
        }

        var childIndex = _index.GetValueOrDefault(childColumn, -1);
        Child = childIndex >= 0 ? cells[childIndex] : new string?[Count];
        _dates = [.. Enumerable.Range(0, columns.Count).Select(c => new Lazy<DateColumn>(() => DateColumn.Parse(columns[c], cells[c])))];
        _ints = [.. Enumerable.Range(0, columns.Count).Select(c => new Lazy<IntColumn>(() => IntColumn.Parse(columns[c], cells[c])))];
        _groups = new Lazy<ChildGroups>(() => new ChildGroups(Child));
    }

    /// <summary>The DfE's name of the table (Header, Episodes, CINdetails, ...; a previous year's table ends "_last").</summary>
    public string Name { get; }

    /// <summary>The file the table came from (for messages).</summary>
    public string File { get; }

    public IReadOnlyList<string> Columns { get; }

    public int Count { get; }

    /// <summary>The line in the file where each row starts.</summary>
    public long[] Lines { get; }

    /// <summary>The child of each row (CHILD or LAchildID), null when blank.</summary>
    public string?[] Child { get; }

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The text of a column, trimmed, null where blank; a column the file lacks is all blank.</summary>
    public string?[] Text(string column) => _index.TryGetValue(column, out var c) ? _cells[c] : new string?[Count];

    /// <summary>A column read as dates (dd/mm/yyyy, or yyyy-mm-dd as in XML).</summary>
    public DateColumn Dates(string column) => _index.TryGetValue(column, out var c) ? _dates[c].Value : DateColumn.Parse(column, new string?[Count]);

    /// <summary>A column read as whole numbers.</summary>
    public IntColumn Ints(string column) => _index.TryGetValue(column, out var c) ? _ints[c].Value : IntColumn.Parse(column, new string?[Count]);

    /// <summary>The rows of each child, in file order.</summary>
    public ChildGroups ByChild => _groups.Value;

    /// <summary>
    /// Each child's rows ordered by the date in <paramref name="column"/> (blank or unreadable dates last, ties in
    /// file order), children in order of first appearance; worked out once per column and shared by every rule.
    /// </summary>
    public IReadOnlyList<int[]> ByChildOrderedBy(string column) => _ordered.GetOrAdd(column, c =>
    {
        var dates = Dates(c).Values;
        return [.. ByChild.Groups.Select(g => g.OrderBy(r => dates[r] ?? DateOnly.MaxValue).ThenBy(r => r).ToArray())];
    });

    /// <summary>The same rows under another name (the previous year's tables are named with "_last").</summary>
    public RuleTable Renamed(string name) => new(name, File, _childColumn, Columns, _cells, Lines);

    /// <summary>Reads dd/mm/yyyy (the 903 CSV form), yyyy-mm-dd (XML) or d/m/yyyy; the usual form is read without the
    /// general parser, which a return of a quarter of a million dates notices.</summary>
    public static bool TryDate(string text, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 10 && text[2] == '/' && text[5] == '/'
            && Digits(text, 0, 2, out var day) && Digits(text, 3, 2, out var month) && Digits(text, 6, 4, out var year))
        {
            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                date = new DateOnly(year, month, day);
                return true;
            }

            date = default;
            return false;
        }

        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static bool Digits(string text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var d = text[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    public override string ToString() => Name;
}

/// <summary>A column read as dates; a value that is not a date is null in <see cref="Values"/> and true in <see cref="Bad"/>.</summary>
public sealed class DateColumn
{
    private DateColumn(string name, DateOnly?[] values, bool[] bad)
    {
        Name = name;
        Values = values;
        Bad = bad;
    }

    public string Name { get; }

    public DateOnly?[] Values { get; }

    public bool[] Bad { get; }

    internal static DateColumn Parse(string name, string?[] cells)
    {
        var values = new DateOnly?[cells.Length];
        var bad = new bool[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is { } text)
            {
                if (RuleTable.TryDate(text, out var d))
                {
                    values[i] = d;
                }
                else
                {
                    bad[i] = true;
                }
            }
        }

        return new DateColumn(name, values, bad);
    }
}

/// <summary>A column read as whole numbers; a value that is not one is null in <see cref="Values"/> and true in <see cref="Bad"/>.</summary>
public sealed class IntColumn
{
    private IntColumn(string name, int?[] values, bool[] bad)
    {
        Name = name;
        Values = values;
        Bad = bad;
    }

    public string Name { get; }

    public int?[] Values { get; }

    public bool[] Bad { get; }

    internal static IntColumn Parse(string name, string?[] cells)
    {
        var values = new int?[cells.Length];
        var bad = new bool[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is { } text)
            {
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    values[i] = n;
                }
                else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f == Math.Floor(f) && Math.Abs(f) < int.MaxValue)
                {
                    values[i] = (int)f;
                }
                else
                {
                    bad[i] = true;
                }
            }
        }

        return new IntColumn(name, values, bad);
    }
}

/// <summary>The rows of each child of a table, in file order; rows without a child are left out.</summary>
public sealed class ChildGroups
{
    private readonly Dictionary<string, int[]> _byChild;

    internal ChildGroups(string?[] child)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < child.Length; i++)
        {
            if (child[i] is not { } c)
            {
                continue;
            }

            if (!lists.TryGetValue(c, out var list))
            {
                lists[c] = list = [];
                order.Add(c);
            }

            list.Add(i);
        }

        _byChild = new Dictionary<string, int[]>(lists.Count, StringComparer.Ordinal);
        var groups = new List<int[]>(order.Count);
        foreach (var c in order)
        {
            var rows = lists[c].ToArray();
            _byChild[c] = rows;
            groups.Add(rows);
        }

        Groups = groups;
        Children = order;
    }

    /// <summary>Each child's rows, children in order of first appearance.</summary>
    public IReadOnlyList<int[]> Groups { get; }

    /// <summary>The children, in order of first appearance.</summary>
    public IReadOnlyList<string> Children { get; }

    /// <summary>The rows of <paramref name="child"/>; empty when the child has none or is null.</summary>
    public int[] Rows(string? child) => child is not null && _byChild.TryGetValue(child, out var rows) ? rows : [];

    /// <summary>The first row of <paramref name="child"/>, or -1.</summary>
    public int First(string? child) => Rows(child) is { Length: > 0 } rows ? rows[0] : -1;

    public bool Contains(string? child) => child is not null && _byChild.ContainsKey(child);
}
