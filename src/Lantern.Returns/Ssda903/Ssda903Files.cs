using System.Text;
using Sylvan.Data.Csv;

namespace Lantern.Returns.Ssda903;

/// <summary>One row of a 903 table as read, values trimmed and in the DfE column order (blank where the file lacks the column).</summary>
internal sealed record Ssda903Row(Ssda903Table Table, string File, long Line, string[] Values)
{
    public string this[int column] => Values[column];

    public string Child => Values[0];
}

/// <summary>One CSV file of a return, recognised as a table by its columns.</summary>
internal sealed record Ssda903CsvFile(string Path, string Name, Ssda903Table Table, int[] FileColumnOf, int FieldCount);

/// <summary>
/// Finds the 903 files in a folder and reads them as rows. Every .csv directly in the folder (not in subfolders, where
/// the previous year's return lives) is recognised as a table by its set of columns, in any order and any case, so
/// files from other systems load; the file name is used only when the columns match no table. An .xml file is read as
/// the DfE's 903 XML (one CHILD element at a time). Files are UTF-8, with or without a byte-order mark, or UTF-16 with one.
/// </summary>
internal sealed class Ssda903Files
{
    private const int SniffBytes = 8192;

    private const string EmptyFile = "The file is empty: a 903 table starts with a header row naming its columns (for example CHILD,SEX,DOB,...).";

    private Ssda903Files(string directory, IReadOnlyList<Ssda903CsvFile> csv, IReadOnlyList<string> xml)
    {
        Directory = directory;
        Csv = csv;
        Xml = xml;
    }

    public string Directory { get; }

    public IReadOnlyList<Ssda903CsvFile> Csv { get; }

    public IReadOnlyList<string> Xml { get; }

    public bool HasHeader => Xml.Count > 0 || Csv.Any(f => f.Table == Ssda903Tables.Header);

    /// <summary>Finds and recognises the files; what is wrong with their columns goes to <paramref name="problems"/>.</summary>
    /// <exception cref="ReturnFileException">No such folder, no 903 file in it, or a file that is not text.</exception>
    public static Ssda903Files Open(string directory, List<ReturnProblem> problems)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new ReturnFileException($"There is no folder {directory}: give the folder holding the 903 return's CSV files (header.csv, episodes.csv, ...).");
        }

        var paths = System.IO.Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal).ToList();
        var csvPaths = paths.Where(p => p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        var xml = paths.Where(p => p.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToList();
        if (csvPaths.Count == 0 && xml.Count == 0)
        {
            throw new ReturnFileException($"The folder {directory} has no .csv or .xml file: a 903 return is one CSV file per table (header.csv, episodes.csv, ...) or the DfE's 903 XML.");
        }

        var csv = new List<Ssda903CsvFile>();
        var byTable = new Dictionary<Ssda903Table, string>();
        foreach (var path in csvPaths)
        {
            var file = Recognise(path, problems);
            if (file is null)
            {
                continue;
            }

            if (byTable.TryGetValue(file.Table, out var first))
            {
                problems.Add(new(file.Name, 1, null, null, $"This is a second {file.Table.Name} table ({first} is the first): a return has one file per table. Remove or merge one of them."));
                continue;
            }

            byTable[file.Table] = file.Name;
            csv.Add(file);
        }

        // Children before their records: Header first, then the tables in the order they are stored.
        csv.Sort((a, b) => IndexOf(a.Table).CompareTo(IndexOf(b.Table)));
        if (!byTable.ContainsKey(Ssda903Tables.Header) && xml.Count == 0 && csv.Count > 0)
        {
            problems.Add(new(Path.GetFileName(directory.TrimEnd('/', '\\')), null, null, "Header",
                "There is no Header table (header.csv with CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB): every child in the return needs a Header row."));
        }

        return new Ssda903Files(directory, csv, xml);
    }

    /// <summary>The rows of one CSV file, in file order.</summary>
    public static IEnumerable<Ssda903Row> ReadRows(Ssda903CsvFile file, List<ReturnProblem>? problems, CancellationToken cancellationToken)
    {
        using var text = OpenText(file.Path, file.Name);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, BufferSize = 1 << 16 });
        var table = file.Table;
        long line = 1;
        while (Read(csv, file.Name))
        {
            line++;
            cancellationToken.ThrowIfCancellationRequested();
            var values = new string[table.Columns.Count];
            var blank = true;
            for (var c = 0; c < values.Length; c++)
            {
                var f = file.FileColumnOf[c];
                var v = f >= 0 && f < csv.RowFieldCount ? csv.GetString(f).Trim() : "";
                values[c] = v;
                blank &= v.Length == 0;
            }

            if (blank && csv.RowFieldCount <= 1)
            {
                continue;
            }

            if (csv.RowFieldCount != file.FieldCount && problems is not null)
            {
                problems.Add(new(file.Name, line, values[0], null,
                    $"This row has {csv.RowFieldCount} values but the header has {file.FieldCount} columns: check for a missing or extra comma, or an unquoted comma in a value."));
            }

            yield return new Ssda903Row(table, file.Name, line, values);
        }
    }

    /// <summary>A text reader for a CSV or XML file: UTF-8 (a byte-order mark is skipped) or UTF-16 with a byte-order mark.</summary>
    /// <exception cref="ReturnFileException">The file holds zero bytes without a UTF-16 byte-order mark: binary, or UTF-16 that cannot be told apart.</exception>
    public static StreamReader OpenText(string path, string name)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var head = new byte[SniffBytes];
            var n = stream.ReadAtLeast(head, SniffBytes, throwOnEndOfStream: false);
            Encoding encoding;
            var skip = 0;
            if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
            {
                encoding = new UTF8Encoding(false, true);
                skip = 3;
            }
            else if (n >= 2 && head[0] == 0xFF && head[1] == 0xFE)
            {
                encoding = new UnicodeEncoding(false, false, true);
                skip = 2;
            }
            else if (n >= 2 && head[0] == 0xFE && head[1] == 0xFF)
            {
                encoding = new UnicodeEncoding(true, false, true);
                skip = 2;
            }
            else if (Array.IndexOf(head, (byte)0, 0, n) >= 0)
            {
                throw new ReturnFileException($"{name} is not a text file: it holds zero bytes, so it is binary or UTF-16 without a byte-order mark. Save it as CSV (UTF-8).");
            }
            else
            {
                encoding = new UTF8Encoding(false, true);
            }

            stream.Position = skip;
            return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static bool Read(CsvDataReader csv, string name)
    {
        try
        {
            return csv.Read();
        }
        catch (DecoderFallbackException ex)
        {
            throw new ReturnFileException($"{name} is not UTF-8 text: it holds bytes that are not characters. Save it as CSV (UTF-8).", ex);
        }
        catch (CsvFormatException ex)
        {
            throw new ReturnFileException($"{name} cannot be read as CSV from row {ex.RowNumber}: a quote is not closed, or a row is far longer than a 903 row can be.", ex);
        }
    }

    private static int IndexOf(Ssda903Table table)
    {
        for (var i = 0; i < Ssda903Tables.All.Count; i++)
        {
            if (Ssda903Tables.All[i] == table)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static Ssda903CsvFile? Recognise(string path, List<ReturnProblem> problems)
    {
        var name = Path.GetFileName(path);
        string[] header;
        using (var text = OpenText(path, name))
        {
            if (text.Peek() < 0)
            {
                problems.Add(new(name, null, null, null, EmptyFile));
                return null;
            }

            CsvDataReader csv;
            try
            {
                csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
            }
            catch (DecoderFallbackException ex)
            {
                throw new ReturnFileException($"{name} is not UTF-8 text: it holds bytes that are not characters. Save it as CSV (UTF-8).", ex);
            }
            catch (CsvFormatException ex)
            {
                problems.Add(new(name, ex.RowNumber, null, null, "The header row cannot be read as CSV (a quote is not closed)."));
                return null;
            }

            using (csv)
            {
                header = [.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().ToUpperInvariant())];
            }
        }

        if (header.Length == 0 || header.All(h => h.Length == 0))
        {
            problems.Add(new(name, null, null, null, EmptyFile));
            return null;
        }

        var set = header.Where(h => h.Length > 0).ToHashSet(StringComparer.Ordinal);
        var table = Ssda903Tables.All.FirstOrDefault(t => t.ColumnNames.Count == set.Count && t.ColumnNames.All(set.Contains))
            ?? Ssda903Tables.All.FirstOrDefault(t => string.Equals(t.FileName, name, StringComparison.OrdinalIgnoreCase))
            ?? Ssda903Tables.All
                .Select(t => (Table: t, Common: t.ColumnNames.Count(c => c is not ("CHILD" or "DOB" or "SEX") && set.Contains(c))))
                .Where(x => x.Common > 0)
                .OrderByDescending(x => x.Common).ThenBy(x => x.Table.ColumnNames.Count - x.Common)
                .Select(x => x.Table).FirstOrDefault();
        if (table is null)
        {
            problems.Add(new(name, 1, null, null,
                $"The columns ({string.Join(", ", header.Take(8))}{(header.Length > 8 ? ", ..." : "")}) are not those of any 903 table (Header, Episodes, UASC, Reviews, Missing, OC2, OC3, AD1, PlacedAdoption, PrevPerm, SWEpisodes, DoLo)."));
            return null;
        }

        var map = new int[table.Columns.Count];
        var ok = true;
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = Array.IndexOf(header, table.ColumnNames[c]);
            if (map[c] < 0)
            {
                ok = false;
                problems.Add(new(name, 1, null, table.ColumnNames[c], $"The {table.Name} table has no {table.ColumnNames[c]} column: add it (it may be blank where the DfE allows)."));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in header)
        {
            if (h.Length == 0)
            {
                problems.Add(new(name, 1, null, null, $"A column of the {table.Name} table has no name in the header row."));
            }
            else if (!seen.Add(h))
            {
                ok = false;
                problems.Add(new(name, 1, null, h, $"The column {h} appears twice in the header row."));
            }
            else if (table.IndexOf(h) < 0)
            {
                problems.Add(new(name, 1, null, h, $"{h} is not a column of the {table.Name} table ({string.Join(", ", table.ColumnNames)}): remove it or check its spelling."));
            }
        }

        return ok || map.Any(m => m >= 0) ? new Ssda903CsvFile(path, name, table, map, header.Length) : null;
    }
}
