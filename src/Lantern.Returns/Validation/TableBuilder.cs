namespace Lantern.Returns.Validation;

/// <summary>Builds a <see cref="RuleTable"/> row by row: values are trimmed and blanks kept as null.</summary>
public sealed class TableBuilder
{
    private readonly string _name;
    private readonly string _file;
    private readonly string _childColumn;
    private readonly string[] _columns;
    private readonly Dictionary<string, int> _index;
    private readonly List<string?>[] _cells;
    private readonly List<long> _lines = [];

    public TableBuilder(string name, string file, string childColumn, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _name = name;
        _file = file;
        _childColumn = childColumn;
        _columns = [.. columns];
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < _columns.Length; c++)
        {
            _index[_columns[c]] = c;
        }

        _cells = [.. _columns.Select(_ => new List<string?>())];
    }

    public int Count => _lines.Count;

    /// <summary>Starts a row (every value blank) at <paramref name="line"/> of the file.</summary>
    public void NewRow(long line)
    {
        _lines.Add(line);
        foreach (var column in _cells)
        {
            column.Add(null);
        }
    }

    /// <summary>Sets a value of the current row; an unknown column is ignored.</summary>
    public void Set(string column, string? value)
    {
        if (_index.TryGetValue(column, out var c))
        {
            Set(c, value);
        }
    }

    /// <summary>Sets the value of column <paramref name="column"/> (by position) of the current row.</summary>
    public void Set(int column, string? value)
    {
        var text = value?.Trim();
        _cells[column][^1] = string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Adds a whole row, values in column order.</summary>
    public void Add(long line, params string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        NewRow(line);
        for (var c = 0; c < values.Length && c < _columns.Length; c++)
        {
            Set(c, values[c]);
        }
    }

    public RuleTable Build() =>
        new(_name, _file, _childColumn, _columns, [.. _cells.Select(c => c.ToArray())], [.. _lines]);
}
