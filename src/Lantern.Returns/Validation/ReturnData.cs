namespace Lantern.Returns.Validation;

/// <summary>Which return a set of tables is.</summary>
public enum ReturnKind
{
    /// <summary>The children in need census.</summary>
    Cin,

    /// <summary>The SSDA903 return on children looked after.</summary>
    Ssda903,
}

/// <summary>
/// A return ready to validate: its tables by DfE name (a previous year's tables end "_last"), the collection year
/// the rules judge it in, and any outside data supplied (Ofsted's provider list, postcode locations).
/// </summary>
public sealed class ReturnData
{
    private readonly Dictionary<string, RuleTable> _tables = new(StringComparer.OrdinalIgnoreCase);

    public ReturnData(ReturnKind kind, CollectionYear year, IEnumerable<RuleTable> tables)
    {
        Kind = kind;
        Year = year;
        foreach (var table in tables)
        {
            _tables[table.Name] = table;
        }
    }

    public ReturnKind Kind { get; }

    public CollectionYear Year { get; }

    /// <summary>The name of the child column: LAchildID in the CIN census, CHILD in the SSDA903.</summary>
    public string ChildColumn => Kind == ReturnKind.Cin ? "LAchildID" : "CHILD";

    public IReadOnlyCollection<RuleTable> Tables => _tables.Values;

    /// <summary>Ofsted's provider list (URN, provider postcode, type, places), when supplied.</summary>
    public RuleTable? Providers { get; init; }

    /// <summary>The three-digit DfE code of the council whose return this is, when known (the CIN census header's
    /// LEA; for an SSDA903 return, given with --la or by the live record).</summary>
    public string? LocalAuthority { get; init; }

    /// <summary>Postcode locations (postcode, easting, northing), when supplied.</summary>
    public RuleTable? Postcodes { get; init; }

    public RuleTable? TryTable(string name) => _tables.GetValueOrDefault(name);

    /// <summary>Adds the previous year's tables, each renamed with "_last".</summary>
    public void AddPrevious(ReturnData previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        foreach (var t in previous.Tables)
        {
            _tables[t.Name + "_last"] = t.Renamed(t.Name + "_last");
        }
    }
}
