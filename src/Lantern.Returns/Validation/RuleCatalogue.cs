using System.Collections.Frozen;
using Sylvan.Data.Csv;

namespace Lantern.Returns.Validation;

/// <summary>
/// The DfE's published validation rules (code, message, fields, tables), embedded as published: the CIN census rules
/// of 2025-26 (used for every year) and the SSDA903 rules of 2025-26 (up to that year) and 2026-27 (from it).
/// </summary>
public static class RuleCatalogue
{
    private static readonly Lazy<IReadOnlyList<RuleInfo>> Cin = new(() => Load("cin-2025-26.csv", cin: true));
    private static readonly Lazy<IReadOnlyList<RuleInfo>> Ssda903Current = new(() => Load("903-2025-26.csv", cin: false));
    private static readonly Lazy<IReadOnlyList<RuleInfo>> Ssda903Next = new(() => Load("903-2026-27.csv", cin: false));

    /// <summary>The rules of <paramref name="kind"/> in force in <paramref name="year"/>, in published order.</summary>
    public static IReadOnlyList<RuleInfo> For(ReturnKind kind, CollectionYear year) =>
        kind == ReturnKind.Cin ? Cin.Value : year.EndYear >= 2027 ? Ssda903Next.Value : Ssda903Current.Value;

    /// <summary>Every rule of <paramref name="kind"/> in any year, by code.</summary>
    public static FrozenDictionary<string, RuleInfo> AllCodes(ReturnKind kind) =>
        (kind == ReturnKind.Cin ? Cin.Value : Ssda903Next.Value.Concat(Ssda903Current.Value))
            .DistinctBy(r => r.Code).ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);

    private static List<RuleInfo> Load(string name, bool cin)
    {
        using var stream = typeof(RuleCatalogue).Assembly.GetManifestResourceStream("Lantern.Returns.Validation.Catalogue." + name)
            ?? throw new InvalidOperationException($"The rule list {name} is not embedded.");
        using var text = new StreamReader(stream);
        using var csv = CsvDataReader.Create(text);
        var rules = new List<RuleInfo>();
        int code = csv.GetOrdinal("code"), message = csv.GetOrdinal("message"), fields = csv.GetOrdinal("affected_fields");
        int tables = cin ? csv.GetOrdinal("table") : csv.GetOrdinal("tables");
        int type = cin ? csv.GetOrdinal("type") : -1;
        while (csv.Read())
        {
            var severity = type >= 0
                ? csv.GetString(type) == "QUERY" ? RuleSeverity.Query : RuleSeverity.Error
                : csv.GetString(code).EndsWith('Q') ? RuleSeverity.Query : RuleSeverity.Error;
            rules.Add(new RuleInfo(
                csv.GetString(code),
                severity,
                csv.GetString(message),
                Split(csv.GetString(fields)),
                Split(csv.GetString(tables))));
        }

        return rules;
    }

    private static string[] Split(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
