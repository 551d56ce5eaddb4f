namespace Lantern.Returns.Ssda903;

/// <summary>What a 903 column holds, for reading and checking a file from any system.</summary>
internal enum ColumnKind
{
    Child,
    Date,
    Code,
    Integer,
    Text,

    /// <summary>DATE_PERM: dd/mm/yyyy, or zz/mm/yyyy and zz/zz/yyyy when the day or month is not known.</summary>
    PartialDate,
}

internal sealed record Ssda903Column(string Name, ColumnKind Kind, bool Required, IReadOnlySet<string>? Codes = null, string? CodeHint = null, int MaxLength = 10)
{
    /// <summary>Values of these columns are personal (special category for ethnicity): messages do not repeat them.</summary>
    public bool Personal => Name is "SEX" or "ETHNIC" or "UPN" or "HOME_POST" or "PL_POST";
}

/// <summary>One table of the SSDA903 return: its DfE name, the CSV file Lantern writes it to, its columns in the DfE
/// order and the collection years it is part of.</summary>
internal sealed class Ssda903Table
{
    private readonly Dictionary<string, int> _index;

    public Ssda903Table(string name, string fileName, int firstYear, int lastYear, params Ssda903Column[] columns)
    {
        Name = name;
        FileName = fileName;
        FirstYear = firstYear;
        LastYear = lastYear;
        Columns = columns;
        ColumnNames = [.. columns.Select(c => c.Name)];
        _index = ColumnNames.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public string FileName { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    public IReadOnlyList<Ssda903Column> Columns { get; }

    public IReadOnlyList<string> ColumnNames { get; }

    public bool InYear(CollectionYear year) => year.EndYear >= FirstYear && year.EndYear <= LastYear;

    public int IndexOf(string column) => _index.TryGetValue(column, out var i) ? i : -1;

    public override string ToString() => Name;
}

/// <summary>The SSDA903 CSV layouts (column names and orders as the DfE publishes them) and the code lists a file from
/// any year may hold. Exports write each year's own codes (see <see cref="Ssda903Codes"/>); imports accept the codes of
/// every year, so returns from other systems and older files load.</summary>
internal static class Ssda903Tables
{
    private const int Always = 9999;

    public static readonly Ssda903Table Header = new(
        "Header", "header.csv", CollectionYear.Earliest, Always,
        Child(),
        new("SEX", ColumnKind.Code, false, Ssda903Codes.AnySex, "1, 2, M, F or U"),
        Date("DOB", true),
        Code("ETHNIC", true, Domain.Codes.Ethnicity.Set),
        new("UPN", ColumnKind.Text, false, MaxLength: 13),
        new("MOTHER", ColumnKind.Code, false, Ssda903Codes.ZeroOne, "0 or 1"),
        Date("MC_DOB", false));

    public static readonly Ssda903Table Episodes = new(
        "Episodes", "episodes.csv", CollectionYear.Earliest, Always,
        Child(),
        Date("DECOM", true),
        Code("RNE", true, Domain.Codes.ReasonNewEpisode.Set),
        Code("LS", true, Domain.Codes.LegalStatus.Set),
        Code("CIN", true, Domain.Codes.PrimaryNeed.Set),
        Code("PLACE", true, Domain.Codes.PlacementType.Set),
        Code("PLACE_PROVIDER", false, Domain.Codes.PlacementProvider.Set),
        Date("DEC", false),
        Code("REC", false, Domain.Codes.ReasonEpisodeCeased.Set),
        Code("REASON_PLACE_CHANGE", false, Domain.Codes.PlacementChangeReason.Set),
        new("HOME_POST", ColumnKind.Text, false, MaxLength: 8),
        new("PL_POST", ColumnKind.Text, false, MaxLength: 8),
        new("URN", ColumnKind.Text, false));

    public static readonly Ssda903Table Uasc = new(
        "UASC", "uasc.csv", CollectionYear.Earliest, Always,
        Child(),
        new("SEX", ColumnKind.Code, false, Ssda903Codes.AnySex, "1, 2, M, F or U"),
        Date("DOB", true),
        Date("DUC", false));

    public static readonly Ssda903Table Reviews = new(
        "Reviews", "reviews.csv", CollectionYear.Earliest, Always,
        Child(),
        Date("DOB", true),
        Date("REVIEW", true),
        Code("REVIEW_CODE", true, Domain.Codes.ReviewParticipation.Set));

    public static readonly Ssda903Table Missing = new(
        "Missing", "missing.csv", CollectionYear.Earliest, Always,
        Child(),
        Date("DOB", true),
        Code("MISSING", true, Domain.Codes.MissingType.Set),
        Date("MIS_START", true),
        Date("MIS_END", false));

    public static readonly Ssda903Table Oc2 = new(
        "OC2", "oc2.csv", CollectionYear.Earliest, Always,
        Child(),
        Date("DOB", true),
        new("SDQ_SCORE", ColumnKind.Integer, false),
        Code("SDQ_REASON", false, Domain.Codes.SdqReason.Set),
        Flag("CONVICTED"),
        Flag("HEALTH_CHECK"),
        Flag("IMMUNISATIONS"),
        Flag("TEETH_CHECK"),
        Flag("HEALTH_ASSESSMENT"),
        Flag("SUBSTANCE_MISUSE"),
        Flag("INTERVENTION_RECEIVED"),
        Flag("INTERVENTION_OFFERED"));

    public static readonly Ssda903Table Oc3 = new(
        "OC3", "oc3.csv", CollectionYear.Earliest, Always,
        Child(),
        Date("DOB", true),
        Code("IN_TOUCH", true, Domain.Codes.CareLeaverInTouch.Set),
        new("ACTIV", ColumnKind.Code, true, Ssda903Codes.AnyActivity, "a care leaver activity code (F1 to P5, G4 to G6 or 0)"),
        Code("ACCOM", true, Domain.Codes.CareLeaverAccommodation.Set));

    public static readonly Ssda903Table Ad1 = new(
        "AD1", "ad1.csv", CollectionYear.Earliest, Always,
        Child(),
        Date("DOB", true),
        Date("DATE_INT", false),
        Date("DATE_MATCH", false),
        Flag("FOSTER_CARE"),
        new("NB_ADOPTR", ColumnKind.Integer, false),
        Code("SEX_ADOPTR", false, Domain.Codes.AdopterSex.Set),
        Code("LS_ADOPTR", false, Domain.Codes.AdopterLegalStatus.Set));

    public static readonly Ssda903Table PlacedAdoption = new(
        "PlacedAdoption", "placed_for_adoption.csv", CollectionYear.Earliest, Always,
        Child(),
        Date("DOB", true),
        Date("DATE_PLACED", true),
        Date("DATE_PLACED_CEASED", false),
        Code("REASON_PLACED_CEASED", false, Domain.Codes.NoLongerPlacedReason.Set));

    public static readonly Ssda903Table PrevPerm = new(
        "PrevPerm", "prev_perm.csv", CollectionYear.Earliest, Always,
        Child(),
        Date("DOB", true),
        Code("PREV_PERM", true, Domain.Codes.PreviousPermanence.Set),
        new("LA_PERM", ColumnKind.Text, false),
        new("DATE_PERM", ColumnKind.PartialDate, false));

    /// <summary>Social worker episodes, collected from 2023-24.</summary>
    public static readonly Ssda903Table SwEpisodes = new(
        "SWEpisodes", "sw_episodes.csv", 2024, Always,
        Child(),
        Date("DOB", true),
        new("SW_ID", ColumnKind.Text, true, MaxLength: 20),
        Date("SW_DECOM", true),
        Date("SW_DEC", false),
        Code("SW_REASON", false, Domain.Codes.SocialWorkerChangeReason.Set));

    /// <summary>Deprivation of liberty orders, collected from 2026-27.</summary>
    public static readonly Ssda903Table DoLo = new(
        "DoLo", "dolo.csv", 2027, Always,
        Child(),
        Date("DOB", true),
        Date("DOLO_START", true),
        Date("DOLO_END", false));

    /// <summary>Every table, in the order Lantern writes and reads them (children before their records, a
    /// placement for adoption before the adoption it leads to).</summary>
    public static readonly IReadOnlyList<Ssda903Table> All =
        [Header, Episodes, Uasc, Reviews, Missing, Oc2, Oc3, PlacedAdoption, Ad1, PrevPerm, SwEpisodes, DoLo];

    public static IEnumerable<Ssda903Table> ForYear(CollectionYear year) => All.Where(t => t.InYear(year));

    private static Ssda903Column Child() => new("CHILD", ColumnKind.Child, true, MaxLength: 20);

    private static Ssda903Column Date(string name, bool required) => new(name, ColumnKind.Date, required);

    private static Ssda903Column Flag(string name) => new(name, ColumnKind.Code, false, Ssda903Codes.ZeroOne, "0 or 1");

    private static Ssda903Column Code(string name, bool required, Domain.Codes.CodeSet set) =>
        new(name, ColumnKind.Code, required, set.Entries.Select(e => e.Code).ToHashSet(StringComparer.Ordinal),
            set.Entries.Count <= 12 ? string.Join(", ", set.Entries.Select(e => e.Code)) : $"a {set.Name} code");
}
