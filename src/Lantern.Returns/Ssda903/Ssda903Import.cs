namespace Lantern.Returns.Ssda903;

/// <summary>
/// Reads an SSDA903 return made by any system (one CSV per table, or the DfE's 903 XML) into the live record. The files
/// are read twice: first to find every problem (columns, dates, codes, children missing from Header, children twice in
/// Header), and when there is none, again to match and write, streaming, in one transaction. Codes of any year are
/// accepted (SEX 1/2 or M/F/U, PLACE H5 or K3, ACTIV F3 or F5, ...). Importing the same files again changes nothing.
/// </summary>
public static partial class Ssda903Import
{
    /// <summary>Dates of things that start: a return holds none after its 31 March (an end date may be later in files
    /// from systems that do not blank them), so the latest of them tells the collection year.</summary>
    private static readonly HashSet<string> StartDates = new(StringComparer.Ordinal)
    {
        "DECOM", "REVIEW", "MIS_START", "SW_DECOM", "DATE_PLACED", "DATE_INT", "DATE_MATCH", "DOLO_START",
    };

    internal const int MaxProblems = 50_000;

    /// <summary>The result of the first read: every problem, the collection year the files are for, the rows by table.</summary>
    internal sealed record CheckResult(
        Ssda903Files Files, List<ReturnProblem> Problems, CollectionYear Year, DateOnly YearEnd, int Children, long Rows, IReadOnlyDictionary<string, string> Uasc);

    /// <summary>Tables with at most one row for a child.</summary>
    private static readonly Ssda903Table[] OnePerChild = [Ssda903Tables.Uasc, Ssda903Tables.Oc2, Ssda903Tables.Oc3, Ssda903Tables.Ad1, Ssda903Tables.PrevPerm];

    /// <summary>Reads every file once and finds every problem. The collection year is the one given, or else the one
    /// holding the latest start date in the files (of an episode, review, missing episode, ...): a return holds
    /// nothing that started after its 31 March.</summary>
    internal static CheckResult Check(string directory, CollectionYear? year, IProgress<ReturnProgress>? progress, CancellationToken cancellationToken)
    {
        var problems = new List<ReturnProblem>();
        var files = Ssda903Files.Open(directory, problems);
        var header = new Dictionary<string, long>(StringComparer.Ordinal);
        var latest = DateOnly.MinValue;
        var needsYear = false;
        var uasc = new Dictionary<string, string>(StringComparer.Ordinal);
        var once = OnePerChild.ToDictionary(t => t, _ => new Dictionary<string, long>(StringComparer.Ordinal));
        long rows = 0;
        foreach (var row in Rows(files, problems, cancellationToken))
        {
            if (problems.Count >= MaxProblems)
            {
                // A file wrong on every row would otherwise fill memory with the same message.
                problems.Add(new(row.File, row.Line, null, null, $"Checking stopped here after {MaxProblems:N0} problems: correct those and import again to see any others."));
                break;
            }

            rows++;
            if (rows % 10_000 == 0)
            {
                progress?.Report(new("Checking", rows, 0));
            }

            var columns = row.Table.Columns;
            var childProblem = Ssda903Values.Problem(columns[0], row.Child);
            var child = childProblem is null ? row.Child : null;
            for (var c = 0; c < columns.Count; c++)
            {
                var value = row.Values[c];
                var problem = c == 0 ? childProblem : Ssda903Values.Problem(columns[c], value);
                if (problem is not null)
                {
                    problems.Add(new(row.File, row.Line, child, columns[c].Name, problem));
                }
                else if (value.Length > 0 && columns[c].Kind == ColumnKind.Date && StartDates.Contains(columns[c].Name)
                    && Ssda903Values.TryDate(value, out var date) && date > latest)
                {
                    latest = date;
                }
            }

            if (child is null)
            {
                continue;
            }

            if (row.Table == Ssda903Tables.Header)
            {
                if (!header.TryAdd(child, row.Line))
                {
                    problems.Add(new(row.File, row.Line, child, "CHILD", $"This child has a second Header row (the first is on line {header[child]}): a child has one Header row."));
                }
            }
            else if (files.HasHeader && !header.ContainsKey(child))
            {
                problems.Add(new(row.File, row.Line, child, "CHILD", $"This child is in the {row.Table.Name} table but not in the Header table: every child in the return needs a Header row."));
            }

            if (once.TryGetValue(row.Table, out var seen) && !seen.TryAdd(child, row.Line))
            {
                problems.Add(new(row.File, row.Line, child, "CHILD", $"This child has a second row in the {row.Table.Name} table (the first is on line {seen[child]}): a child has one."));
            }

            if (row.Table == Ssda903Tables.Uasc)
            {
                uasc[child] = row[3];
            }

            needsYear |= row.Table == Ssda903Tables.Oc2 || row.Table == Ssda903Tables.Oc3;
        }

        int endYear;
        if (year is { } given)
        {
            endYear = given.EndYear;
        }
        else if (latest != DateOnly.MinValue)
        {
            endYear = latest.Month >= 4 ? latest.Year + 1 : latest.Year;
        }
        else
        {
            endYear = CollectionYear.Latest;
            if (needsYear)
            {
                problems.Add(new(Path.GetFileName(directory.TrimEnd('/', '\\')), null, null, null,
                    "The files hold no episode, review or other dated event, so the collection year of the OC2 and OC3 rows cannot be told: give the year."));
            }
        }

        var collection = new CollectionYear(Math.Clamp(endYear, CollectionYear.Earliest, CollectionYear.Latest));
        return new CheckResult(files, problems, collection, new DateOnly(endYear, 3, 31), header.Count, rows, uasc);
    }

    /// <summary>Matches and writes every row (the files already checked).</summary>
    internal static async Task<Ssda903Merge> ApplyAsync(
        CheckResult check, IImportSink sink, Func<CancellationToken, Task>? flush, IProgress<ReturnProgress>? progress, CancellationToken cancellationToken)
    {
        var merge = new Ssda903Merge(sink, check.Year, check.YearEnd, check.Uasc);
        long done = 0;
        foreach (var row in Rows(check.Files, null, cancellationToken))
        {
            merge.Apply(row);
            if (++done % 5_000 == 0)
            {
                progress?.Report(new("Importing", done, check.Rows));
                if (flush is not null)
                {
                    await flush(cancellationToken);
                }
            }
        }

        progress?.Report(new("Importing", done, check.Rows));
        return merge;
    }

    internal static ImportResult Refused(CheckResult check) =>
        new(false, check.Children, 0, 0, 0, [], [], check.Problems);

    internal static ImportResult Imported(CheckResult check, Ssda903Merge merge)
    {
        var changed = merge.ChildrenChanged;
        var recordsAdded = merge.RecordsAdded.ToList();
        if (merge.DoLoRowsNotStored > 0)
        {
            // Read and checked, but Lantern has nowhere to keep deprivation of liberty orders yet.
            recordsAdded.Add(new("DoLo (read, not stored)", merge.DoLoRowsNotStored));
        }

        return new(true, check.Children, merge.ChildrenAdded, changed, check.Children - merge.ChildrenAdded - changed,
            recordsAdded, merge.RecordsChanged, []);
    }

    /// <summary>Every row: the Header CSV first (so references can be checked as rows come), then XML, then the other tables.</summary>
    private static IEnumerable<Ssda903Row> Rows(Ssda903Files files, List<ReturnProblem>? problems, CancellationToken cancellationToken)
    {
        foreach (var file in files.Csv.Where(f => f.Table == Ssda903Tables.Header))
        {
            foreach (var row in Ssda903Files.ReadRows(file, problems, cancellationToken))
            {
                yield return row;
            }
        }

        foreach (var xml in files.Xml)
        {
            foreach (var row in Ssda903Xml.ReadRows(xml, problems, cancellationToken))
            {
                yield return row;
            }
        }

        foreach (var file in files.Csv.Where(f => f.Table != Ssda903Tables.Header))
        {
            foreach (var row in Ssda903Files.ReadRows(file, problems, cancellationToken))
            {
                yield return row;
            }
        }
    }
}
