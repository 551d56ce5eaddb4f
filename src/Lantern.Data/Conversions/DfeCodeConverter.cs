using System.Runtime.CompilerServices;
using Lantern.Domain.Codes;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lantern.Data.Conversions;

/// <summary>Stores a DfE code value as its code string (at most <see cref="DfeCodeConversion.MaxLength"/> characters).</summary>
public sealed class DfeCodeConverter<T> : ValueConverter<T, string>
    where T : struct, IDfeCode<T>
{
    public DfeCodeConverter()
        : base(v => DfeCodeConversion.ToCode(v), s => DfeCodeConversion.FromCode<T>(s), new ConverterMappingHints(size: DfeCodeConversion.MaxLength))
    {
    }
}

/// <summary>Stores a list of DfE codes as one comma-separated string, e.g. <c>2B,3A</c>; an empty list is an empty string.</summary>
public sealed class CodeListConverter<T> : ValueConverter<List<T>, string>
    where T : struct, IDfeCode<T>
{
    public CodeListConverter()
        : base(v => DfeCodeConversion.ToCodeList(v), s => DfeCodeConversion.FromCodeList<T>(s))
    {
    }
}

/// <summary>Compares code lists by content, so that changing an item is saved.</summary>
public sealed class CodeListComparer<T> : ValueComparer<List<T>>
    where T : struct, IDfeCode<T>
{
    public CodeListComparer()
        : base(
            (a, b) => DfeCodeConversion.SequenceEqual(a, b),
            v => DfeCodeConversion.Hash(v),
            v => DfeCodeConversion.Copy(v))
    {
    }
}

/// <summary>Helpers the converters' expression trees call (expression trees cannot call static
/// abstract interface members directly).</summary>
public static class DfeCodeConversion
{
    /// <summary>Longest DfE code Lantern stores; code columns are this long.</summary>
    public const int MaxLength = 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string ToCode<T>(T value)
        where T : struct, IDfeCode<T> =>
        value.Code ?? throw new InvalidOperationException(
            $"A {typeof(T).Name} value has no code (it is the default value): set it to a {typeof(T).Name} code before saving.");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T FromCode<T>(string code)
        where T : struct, IDfeCode<T> => T.FromCode(code);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string ToCodeList<T>(List<T> values)
        where T : struct, IDfeCode<T>
    {
        if (values.Count == 0)
        {
            return string.Empty;
        }

        if (values.Count == 1)
        {
            return ToCode(values[0]);
        }

        return string.Join(',', values.Select(ToCode));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<T> FromCodeList<T>(string codes)
        where T : struct, IDfeCode<T>
    {
        if (string.IsNullOrEmpty(codes))
        {
            return [];
        }

        var parts = codes.Split(',');
        var list = new List<T>(parts.Length);
        foreach (var part in parts)
        {
            list.Add(T.FromCode(part));
        }

        return list;
    }

    public static bool SequenceEqual<T>(List<T>? a, List<T>? b)
        where T : struct, IDfeCode<T> =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);

    public static int Hash<T>(List<T> values)
        where T : struct, IDfeCode<T>
    {
        var hash = new HashCode();
        foreach (var value in values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public static List<T> Copy<T>(List<T> values)
        where T : struct, IDfeCode<T> => [.. values];
}
