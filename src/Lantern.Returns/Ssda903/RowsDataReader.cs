using System.Collections;
using System.Collections.ObjectModel;
using System.Data.Common;

namespace Lantern.Returns.Ssda903;

/// <summary>Rows of text as a forward-only data reader, so Sylvan's CsvDataWriter does the quoting and escaping.</summary>
internal sealed class RowsDataReader(IReadOnlyList<string> columns, IEnumerable<string[]> rows) : DbDataReader, IDbColumnSchemaGenerator
{
    public ReadOnlyCollection<DbColumn> GetColumnSchema() =>
        new([.. columns.Select((name, i) => (DbColumn)new TextColumn(name, i))]);

    private readonly IEnumerator<string[]> _rows = rows.GetEnumerator();
    private string[] _current = [];
    private bool _closed;

    public override int FieldCount => columns.Count;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override int RecordsAffected => -1;

    public override bool HasRows => true;

    public override bool IsClosed => _closed;

    public override int Depth => 0;

    public override bool Read()
    {
        if (!_rows.MoveNext())
        {
            return false;
        }

        _current = _rows.Current;
        return true;
    }

    public override bool NextResult() => false;

    public override void Close()
    {
        _closed = true;
        _rows.Dispose();
    }

    public override string GetName(int ordinal) => columns[ordinal];

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, "No such column.");
    }

    public override Type GetFieldType(int ordinal) => typeof(string);

    public override string GetDataTypeName(int ordinal) => "string";

    public override string GetString(int ordinal) => _current[ordinal];

    public override object GetValue(int ordinal) => _current[ordinal];

    public override int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < n; i++)
        {
            values[i] = _current[i];
        }

        return n;
    }

    // Blank is an empty field, not a missing value: the 903 has no NULL.
    public override bool IsDBNull(int ordinal) => false;

    public override bool GetBoolean(int ordinal) => throw new NotSupportedException();

    public override byte GetByte(int ordinal) => throw new NotSupportedException();

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override char GetChar(int ordinal) => throw new NotSupportedException();

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var s = _current[ordinal];
        if (buffer is null)
        {
            return s.Length;
        }

        var n = (int)Math.Min(length, s.Length - dataOffset);
        if (n <= 0)
        {
            return 0;
        }

        s.CopyTo((int)dataOffset, buffer, bufferOffset, n);
        return n;
    }

    public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();

    public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();

    public override double GetDouble(int ordinal) => throw new NotSupportedException();

    public override float GetFloat(int ordinal) => throw new NotSupportedException();

    public override Guid GetGuid(int ordinal) => throw new NotSupportedException();

    public override short GetInt16(int ordinal) => throw new NotSupportedException();

    public override int GetInt32(int ordinal) => throw new NotSupportedException();

    public override long GetInt64(int ordinal) => throw new NotSupportedException();

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();
}

internal sealed class TextColumn : DbColumn
{
    public TextColumn(string name, int ordinal)
    {
        ColumnName = name;
        ColumnOrdinal = ordinal;
        DataType = typeof(string);
        DataTypeName = "string";
        AllowDBNull = false;
    }
}
