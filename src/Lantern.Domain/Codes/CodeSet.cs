using System.Collections.Frozen;

namespace Lantern.Domain.Codes;

/// <summary>One entry of a DfE code list. Collection years are the year ending 31 March
/// (2025 = the 2024-25 collection); null means no limit on that side.</summary>
public sealed record CodeEntry(string Code, string Label, int? FirstYear = null, int? LastYear = null)
{
    public bool ValidIn(int collectionYear) =>
        (FirstYear is null || collectionYear >= FirstYear) && (LastYear is null || collectionYear <= LastYear);
}

/// <summary>A DfE code list: the one home of its codes and labels.</summary>
public sealed class CodeSet
{
    private readonly FrozenDictionary<string, CodeEntry> byCode;

    public CodeSet(string name, params CodeEntry[] entries)
    {
        Name = name;
        Entries = entries;
        byCode = entries.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<CodeEntry> Entries { get; }

    public bool Contains(string? code) => code is not null && byCode.ContainsKey(code);

    public bool ValidIn(string code, int collectionYear) =>
        byCode.TryGetValue(code, out var e) && e.ValidIn(collectionYear);

    public string Label(string code) => byCode.TryGetValue(code, out var e) ? e.Label : code;

    public string Require(string? code)
    {
        if (code is null || !byCode.ContainsKey(code))
        {
            throw new FormatException($"'{code}' is not a valid {Name} code. Valid codes: {string.Join(", ", Entries.Select(e => e.Code))}.");
        }

        return code;
    }
}

/// <summary>A value from a DfE code list, stored and exchanged as its code.</summary>
public interface IDfeCode<TSelf>
    where TSelf : struct, IDfeCode<TSelf>
{
    string Code { get; }

    static abstract CodeSet Set { get; }

    static abstract TSelf FromCode(string code);
}

public static class Codes
{
    public static T Parse<T>(string code)
        where T : struct, IDfeCode<T> => T.FromCode(T.Set.Require(code.Trim()));

    public static bool TryParse<T>(string? code, out T value)
        where T : struct, IDfeCode<T>
    {
        var c = code?.Trim();
        if (T.Set.Contains(c))
        {
            value = T.FromCode(c!);
            return true;
        }

        value = default;
        return false;
    }

    public static string Label<T>(this T value)
        where T : struct, IDfeCode<T> => T.Set.Label(value.Code);

    public static IEnumerable<T> All<T>()
        where T : struct, IDfeCode<T> => T.Set.Entries.Select(e => T.FromCode(e.Code));
}
