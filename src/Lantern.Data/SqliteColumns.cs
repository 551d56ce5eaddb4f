using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace Lantern.Data;

/// <summary>
/// Reads the columns of a stepped SQLite statement straight through SQLitePCL, for the snapshot
/// loader: going through <see cref="Microsoft.Data.Sqlite.SqliteDataReader"/> costs several times
/// what SQLite itself does. Each reader accepts only the storage class and text form that
/// Microsoft.Data.Sqlite writes for its type (integers as INTEGER, <c>yyyy-MM-dd</c> dates, and so
/// on), where the result is certainly what <see cref="Microsoft.Data.Sqlite.SqliteDataReader"/>
/// would return; for anything else it throws <see cref="NotCanonicalException"/>, and the loader
/// reads that row again through the data reader and EF Core's converters.
/// </summary>
internal static class SqliteColumns
{
    /// <summary>Whether the native library SQLitePCL uses can be called directly here (it can
    /// wherever the e_sqlite3 bundle that EF Core brings is in use); otherwise the loader reads
    /// through the data reader. Ask only once a connection has been opened (SQLitePCL is set up then).</summary>
    public static bool Available { get; } = Probe();

    private static bool Probe()
    {
        try
        {
            return Native.sqlite3_libversion_number() == raw.sqlite3_libversion_number();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNull(nint statement, int ordinal) => Native.sqlite3_column_type(statement, ordinal) == raw.SQLITE_NULL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Int64(nint statement, int ordinal) =>
        Native.sqlite3_column_type(statement, ordinal) == raw.SQLITE_INTEGER
            ? Native.sqlite3_column_int64(statement, ordinal)
            : throw NotCanonicalException.Instance;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Int32(nint statement, int ordinal)
    {
        var value = Int64(statement, ordinal);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw NotCanonicalException.Instance;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short Int16(nint statement, int ordinal)
    {
        var value = Int64(statement, ordinal);
        return value is >= short.MinValue and <= short.MaxValue ? (short)value : throw NotCanonicalException.Instance;
    }

    /// <summary>As Microsoft.Data.Sqlite: any integer other than 0 is true.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Boolean(nint statement, int ordinal) => Int64(statement, ordinal) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Double(nint statement, int ordinal) =>
        Native.sqlite3_column_type(statement, ordinal) == raw.SQLITE_FLOAT
            ? Native.sqlite3_column_double(statement, ordinal)
            : throw NotCanonicalException.Instance;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string String(nint statement, int ordinal) => Encoding.UTF8.GetString(Text(statement, ordinal));

    /// <summary>The UTF-8 bytes of a TEXT value (without a NUL inside, which the data reader would cut at).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Text(nint statement, int ordinal)
    {
        if (Native.sqlite3_column_type(statement, ordinal) != raw.SQLITE_TEXT)
        {
            throw NotCanonicalException.Instance;
        }

        ReadOnlySpan<byte> text;
        unsafe
        {
            // The pointer stays valid until the statement steps again, and the span is used before that.
            text = new ReadOnlySpan<byte>((void*)Native.sqlite3_column_blob(statement, ordinal), Native.sqlite3_column_bytes(statement, ordinal));
        }

        return text.Contains((byte)0) ? throw NotCanonicalException.Instance : text;
    }

    /// <summary>A <c>yyyy-MM-dd</c> text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateOnly DateOnly(nint statement, int ordinal)
    {
        var text = Text(statement, ordinal);
        return text.Length == 10 && TryDate(text, out var year, out var month, out var day)
            ? new DateOnly(year, month, day)
            : throw NotCanonicalException.Instance;
    }

    /// <summary>A <c>yyyy-MM-dd HH:mm:ss</c> text with up to seven digits of fractions of a second
    /// (kind unspecified, as the data reader returns it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateTime DateTime(nint statement, int ordinal)
    {
        var text = Text(statement, ordinal);
        if (text.Length < 19 || text.Length > 27 || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || !TryDate(text, out var year, out var month, out var day)
            || !TryTwo(text, 11, out var hour) || !TryTwo(text, 14, out var minute) || !TryTwo(text, 17, out var second)
            || hour >= 24 || minute >= 60 || second >= 60)
        {
            throw NotCanonicalException.Instance;
        }

        long fraction = 0;
        if (text.Length > 19)
        {
            if (text[19] != '.' || text.Length == 20)
            {
                throw NotCanonicalException.Instance;
            }

            var digits = 0;
            for (var i = 20; i < text.Length; i++, digits++)
            {
                var c = text[i] - '0';
                if ((uint)c > 9)
                {
                    throw NotCanonicalException.Instance;
                }

                fraction = (fraction * 10) + c;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        return new DateTime(year, month, day, hour, minute, second).AddTicks(fraction);
    }

    private static bool TryDate(ReadOnlySpan<byte> text, out int year, out int month, out int day)
    {
        month = day = 0;
        year = 0;
        if (text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            var c = text[i] - '0';
            if ((uint)c > 9)
            {
                return false;
            }

            year = (year * 10) + c;
        }

        return TryTwo(text, 5, out month) && TryTwo(text, 8, out day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= System.DateTime.DaysInMonth(year, month);
    }

    private static bool TryTwo(ReadOnlySpan<byte> text, int at, out int value)
    {
        var tens = text[at] - '0';
        var units = text[at + 1] - '0';
        value = (tens * 10) + units;
        return (uint)tens <= 9 && (uint)units <= 9;
    }
}

/// <summary>The column functions of the e_sqlite3 library that SQLitePCL's bundle loads, called
/// without SQLitePCL's safe handles and without a GC transition: each is a short read of the current
/// row that neither blocks nor calls back, on a connection only this thread uses.</summary>
internal static class Native
{
    private const string Library = "e_sqlite3";

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int sqlite3_libversion_number();

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern int sqlite3_column_type(nint statement, int ordinal);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern long sqlite3_column_int64(nint statement, int ordinal);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern double sqlite3_column_double(nint statement, int ordinal);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern nint sqlite3_column_blob(nint statement, int ordinal);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern int sqlite3_column_bytes(nint statement, int ordinal);
}

/// <summary>Remembers what a converter made of each text it has seen in one column (enum names,
/// DfE codes: a handful of values repeated on every row), so that each row costs a comparison of
/// bytes rather than a new string and a parse. For one read on one thread.</summary>
internal sealed class SqliteTextCache<TValue>(Func<string, TValue> convert)
{
    private const int MaxEntries = 64;
    private readonly List<(byte[] Text, TValue Value)> _entries = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TValue Read(nint statement, int ordinal)
    {
        var text = SqliteColumns.Text(statement, ordinal);
        foreach (var (known, value) in _entries)
        {
            if (text.SequenceEqual(known))
            {
                return value;
            }
        }

        var converted = convert(Encoding.UTF8.GetString(text));
        if (_entries.Count < MaxEntries)
        {
            _entries.Add((text.ToArray(), converted));
        }

        return converted;
    }
}

/// <summary>A value is not in the form the fast readers know; read the row the general way.</summary>
internal sealed class NotCanonicalException : Exception
{
    private NotCanonicalException()
        : base("The SQLite value is not in the form the snapshot loader reads directly.")
    {
    }

    public static NotCanonicalException Instance { get; } = new();
}
