namespace Lantern.Returns;

/// <summary>One problem found in a file being imported: where it is (file, line, child, field) and
/// what is wrong, in words a performance officer can act on. Never holds the value of a personal field.</summary>
public sealed record ReturnProblem(string File, long? Line, string? Child, string? Field, string Message)
{
    public override string ToString()
    {
        var where = new List<string> { File };
        if (Line is { } line)
        {
            where.Add($"line {line}");
        }

        if (Child is { Length: > 0 } child)
        {
            where.Add($"child {child}");
        }

        if (Field is { Length: > 0 } field)
        {
            where.Add(field);
        }

        return $"{string.Join(", ", where)}: {Message}";
    }
}

/// <summary>How far a long export or import has gone, for progress bars: a stage name and rows done of a total
/// (total 0 when not known).</summary>
public readonly record struct ReturnProgress(string Stage, long Done, long Total);

/// <summary>What an export wrote: children in the return, rows per table or item, and the files (names relative to the output).</summary>
public sealed record ExportResult(int Children, IReadOnlyList<KeyValuePair<string, long>> Counts, IReadOnlyList<string> Files);

/// <summary>
/// What an import did. <see cref="Imported"/> is false when anything in the file was wrong: then nothing was written
/// and <see cref="Problems"/> lists every problem found (not just the first). Importing the same file again adds and
/// changes nothing (children unchanged).
/// </summary>
public sealed record ImportResult(
    bool Imported,
    int ChildrenInFile,
    int ChildrenAdded,
    int ChildrenChanged,
    int ChildrenUnchanged,
    IReadOnlyList<KeyValuePair<string, long>> RecordsAdded,
    IReadOnlyList<KeyValuePair<string, long>> RecordsChanged,
    IReadOnlyList<ReturnProblem> Problems);

/// <summary>The input cannot be read at all (no such file or folder, not XML, not CSV, unknown encoding):
/// nothing was written. The message says which file and why.</summary>
public sealed class ReturnFileException(string message, Exception? inner = null) : Exception(message, inner);
