using Lantern.Returns.Ssda903;

namespace Lantern.Returns.Validation.Ssda903;

/// <summary>
/// Reads a folder of SSDA903 files (one CSV per table, recognised by its columns, or the 903 XML) as tables to
/// validate. Unlike an import, values are not checked here: that is what the rules do. A file that cannot be read at
/// all (binary, an unknown set of columns, two files of one table) stops the read with its problems.
/// </summary>
public static class Ssda903ReturnReader
{
    /// <summary>Reads the return in <paramref name="directory"/>; its collection year is <paramref name="year"/>, or the
    /// year of the latest date in its episodes and reviews when not given.</summary>
    /// <exception cref="ReturnFileException">The folder or a file in it cannot be read as a 903 return.</exception>
    public static ReturnData Read(string directory, CollectionYear? year, CancellationToken cancellationToken = default)
    {
        var problems = new List<ReturnProblem>();
        var files = Ssda903Files.Open(directory, problems);
        var unreadable = problems.Where(p => p.Field != "Header").ToList();
        if (unreadable.Count > 0)
        {
            throw new ReturnFileException(string.Join(Environment.NewLine, unreadable.Select(p => $"{p.File}: {p.Message}")));
        }

        var builders = new Dictionary<Ssda903Table, TableBuilder>();
        TableBuilder For(Ssda903Table table, string file)
        {
            if (!builders.TryGetValue(table, out var b))
            {
                builders[table] = b = new TableBuilder(table.Name, file, "CHILD", table.ColumnNames);
            }

            return b;
        }

        // Each table is its own file: read them side by side.
        foreach (var file in files.Csv)
        {
            For(file.Table, file.Name);
        }

        Parallel.ForEach(files.Csv, new ParallelOptions { CancellationToken = cancellationToken }, file =>
        {
            var builder = builders[file.Table];
            foreach (var row in Ssda903Files.ReadRows(file, null, cancellationToken))
            {
                builder.Add(row.Line, row.Values);
            }
        });

        foreach (var path in files.Xml)
        {
            foreach (var row in Ssda903Xml.ReadRows(path, null, cancellationToken))
            {
                For(row.Table, row.File).Add(row.Line, row.Values);
            }
        }

        var tables = builders.Values.Select(b => b.Build()).ToList();
        return new ReturnData(ReturnKind.Ssda903, year ?? InferYear(tables), tables);
    }

    /// <summary>The collection year holding the latest episode, review or missing date; 2025-26 when there is none.</summary>
    public static CollectionYear InferYear(IEnumerable<RuleTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        DateOnly? latest = null;
        foreach (var table in tables)
        {
            foreach (var column in table.Name switch
            {
                "Episodes" => new[] { "DECOM", "DEC" },
                "Reviews" => ["REVIEW"],
                "Missing" => ["MIS_START"],
                _ => [],
            })
            {
                foreach (var d in table.Dates(column).Values)
                {
                    if (d > latest || (latest is null && d is not null))
                    {
                        latest = d;
                    }
                }
            }
        }

        if (latest is not { } last)
        {
            return new CollectionYear(2026);
        }

        var end = last.Month >= 4 ? last.Year + 1 : last.Year;
        return new CollectionYear(Math.Clamp(end, CollectionYear.Earliest, CollectionYear.Latest));
    }
}
