namespace Lantern.Returns.Validation;

/// <summary>
/// What a rule sees while it runs: the return's tables, its collection year, and where it reports. A rule reads
/// columns through <see cref="Dates"/> and <see cref="Ints"/>, whose views note every row where the value the rule
/// asked for is not readable, and calls <see cref="Fail"/> for each row that breaks it. A rule that asks for a table
/// the return does not have, or for outside data not supplied, stops there and is reported as skipped.
/// </summary>
public sealed class RuleContext
{
    private readonly List<(RuleTable Table, int Row, string[]? Fields)> _failures = [];
    private readonly Dictionary<(RuleTable Table, int Row), string> _unreadable = [];

    internal RuleContext(ReturnData data) => Data = data;

    public ReturnData Data { get; }

    public CollectionYear Year => Data.Year;

    /// <summary>The last day of the collection year (31 March), the DfE's ReferenceDate.</summary>
    public DateOnly ReferenceDate => Data.Year.End;

    /// <summary>The first day of the collection year (1 April).</summary>
    public DateOnly CollectionStart => Data.Year.Start;

    internal IReadOnlyList<(RuleTable Table, int Row, string[]? Fields)> Failures => _failures;

    internal IReadOnlyDictionary<(RuleTable Table, int Row), string> UnreadableRows => _unreadable;

    /// <summary>A table the rule needs; when the return lacks it the rule is skipped.</summary>
    public RuleTable Table(string name) =>
        Data.TryTable(name) ?? throw new RuleSkippedException(name.EndsWith("_last", StringComparison.OrdinalIgnoreCase)
            ? "needs the previous year's return"
            : $"the return has no {name} table");

    /// <summary>A table the rule uses when present (the previous year's, for example); null when absent.</summary>
    public RuleTable? TryTable(string name) => Data.TryTable(name);

    /// <summary>Ofsted's provider list; when not supplied the rule is skipped.</summary>
    public RuleTable Providers => Data.Providers ?? throw new RuleSkippedException("needs Ofsted's provider list (--providers)");

    /// <summary>Postcode locations; when not supplied the rule is skipped.</summary>
    public RuleTable Postcodes => Data.Postcodes ?? throw new RuleSkippedException("needs a postcode list (--postcodes)");

    /// <summary>The council's three-digit LA code; when not known the rule is skipped.</summary>
    public string LocalAuthority => Data.LocalAuthority ?? throw new RuleSkippedException("needs the council's own LA code (--la)");

    /// <summary>A column as dates; reading an unreadable value notes the row.</summary>
    public DateView Dates(RuleTable table, string column)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new DateView(this, table, table.Dates(column));
    }

    /// <summary>A column as whole numbers; reading an unreadable value notes the row.</summary>
    public IntView Ints(RuleTable table, string column)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new IntView(this, table, table.Ints(column));
    }

    /// <summary>Reports <paramref name="row"/> of <paramref name="table"/> as breaking the rule; the fields default to the rule's.</summary>
    public void Fail(RuleTable table, int row, params string[] fields) => _failures.Add((table, row, fields.Length == 0 ? null : fields));

    /// <summary>Reports a row the rule could not judge, and why.</summary>
    public void Unreadable(RuleTable table, int row, string reason) => _unreadable.TryAdd((table, row), reason);

    /// <summary>Reports every row of every child in <paramref name="children"/> from <paramref name="table"/>.</summary>
    public void FailChildren(RuleTable table, IEnumerable<string> children)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(children);
        foreach (var child in children)
        {
            foreach (var row in table.ByChild.Rows(child))
            {
                Fail(table, row);
            }
        }
    }
}

/// <summary>A date column seen by one rule.</summary>
public readonly struct DateView
{
    private readonly RuleContext _context;
    private readonly RuleTable _table;
    private readonly DateColumn _column;

    internal DateView(RuleContext context, RuleTable table, DateColumn column)
    {
        _context = context;
        _table = table;
        _column = column;
    }

    /// <summary>The date in <paramref name="row"/>, or null when blank or unreadable (an unreadable one is noted).</summary>
    public DateOnly? this[int row]
    {
        get
        {
            if (_column.Bad[row])
            {
                _context.Unreadable(_table, row, $"{_column.Name} is not a date (dd/mm/yyyy)");
            }

            return _column.Values[row];
        }
    }

    /// <summary>True when the row holds a value that is not a date (read without noting it).</summary>
    public bool IsBad(int row) => _column.Bad[row];
}

/// <summary>A whole-number column seen by one rule.</summary>
public readonly struct IntView
{
    private readonly RuleContext _context;
    private readonly RuleTable _table;
    private readonly IntColumn _column;

    internal IntView(RuleContext context, RuleTable table, IntColumn column)
    {
        _context = context;
        _table = table;
        _column = column;
    }

    /// <summary>The number in <paramref name="row"/>, or null when blank or unreadable (an unreadable one is noted).</summary>
    public int? this[int row]
    {
        get
        {
            if (_column.Bad[row])
            {
                _context.Unreadable(_table, row, $"{_column.Name} is not a whole number");
            }

            return _column.Values[row];
        }
    }

    public bool IsBad(int row) => _column.Bad[row];
}

/// <summary>Raised by a rule that cannot run on this return (a table or outside data missing); the rule is listed as skipped.</summary>
public sealed class RuleSkippedException : Exception
{
    public RuleSkippedException(string reason)
        : base(reason)
    {
    }

    public RuleSkippedException()
    {
    }

    public RuleSkippedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
