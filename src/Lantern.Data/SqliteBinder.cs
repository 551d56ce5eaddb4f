using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lantern.Data;

/// <summary>
/// A prepared SQLite statement bound by position through SQLitePCL, for the bulk writer: binding
/// through <see cref="SqliteCommand"/> costs more than the insert itself. Values are stored in
/// exactly the forms Microsoft.Data.Sqlite (and so EF Core) uses; a test compares the two.
/// </summary>
internal sealed class SqliteBinder : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteBinder(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        if (rc != raw.SQLITE_OK)
        {
            _statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <summary>Binds <paramref name="value"/> (a provider value: null, integer, bool, text,
    /// date, time, decimal or floating point) to the 0-based parameter <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Bind(int index, object? value)
    {
        var position = index + 1;
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, position),
            string s => raw.sqlite3_bind_text(_statement, position, s),
            long l => raw.sqlite3_bind_int64(_statement, position, l),
            int i => raw.sqlite3_bind_int64(_statement, position, i),
            short s => raw.sqlite3_bind_int64(_statement, position, s),
            byte b => raw.sqlite3_bind_int64(_statement, position, b),
            bool b => raw.sqlite3_bind_int64(_statement, position, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(_statement, position, d),
            float f => raw.sqlite3_bind_double(_statement, position, f),
            _ => raw.sqlite3_bind_text(_statement, position, ToText(value)),
        };
        Check(rc);
    }

    /// <summary>Runs the statement once with the values bound, then resets it for the next row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Step()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _statement.Dispose();

    /// <summary>The text Microsoft.Data.Sqlite stores for values SQLite has no type for.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string ToText(object value) => value switch
    {
        DateOnly d => d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.0###########################", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString(@"HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"The SQLite bulk writer cannot store a {value.GetType().Name}."),
    };

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
