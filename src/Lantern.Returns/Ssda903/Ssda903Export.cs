using System.Text;
using Lantern.Domain.Model;
using Sylvan.Data.Csv;

namespace Lantern.Returns.Ssda903;

/// <summary>Writes the SSDA903 return of a collection year as the DfE's CSV files, one per table, from the live record.</summary>
public static class Ssda903Export
{
    /// <summary>The folder, under the output, holding the previous year's return (the DfE validator compares the two).</summary>
    public const string PreviousFolder = "previous";

    private static readonly CsvDataWriterOptions CsvOptions = new() { NewLine = "\r\n", Culture = System.Globalization.CultureInfo.InvariantCulture };

    /// <summary>
    /// Writes one CSV per table of <paramref name="year"/>'s layout (header.csv, episodes.csv, ...; dolo.csv from 2026-27)
    /// into <paramref name="directory"/>, and the previous year's return into <c>previous/</c> beside them. The previous
    /// year is not written for 2019-20 (Lantern has no layout before it): the counts then hold a line saying so.
    /// Files are UTF-8 without a byte-order mark, dates dd/mm/yyyy, rows by CHILD and then date, so the same record gives
    /// the same bytes.
    /// </summary>
    public static ExportResult Write(AuthorityData data, CollectionYear year, string directory, IProgress<ReturnProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);

        var counts = new List<KeyValuePair<string, long>>();
        var files = new List<string>();
        var children = WriteYear(data, year, directory, "", counts, files, progress);
        if (year.EndYear > CollectionYear.Earliest)
        {
            WriteYear(data, year.Previous, Path.Combine(directory, PreviousFolder), PreviousFolder + "/", counts, files, progress);
        }
        else
        {
            counts.Add(new($"{PreviousFolder}: not written ({year.EndYear - 2}-{(year.EndYear - 1) % 100:00} is before the earliest layout Lantern has)", 0));
        }

        return new ExportResult(children, counts, files);
    }

    private static int WriteYear(
        AuthorityData data,
        CollectionYear year,
        string directory,
        string prefix,
        List<KeyValuePair<string, long>> counts,
        List<string> files,
        IProgress<ReturnProgress>? progress)
    {
        var stage = $"SSDA903 {year.Label}";
        progress?.Report(new(stage, 0, 0));
        var projection = new Ssda903Projection(data, year);
        Directory.CreateDirectory(directory);
        var tables = projection.Tables.ToList();
        var done = 0;
        foreach (var table in tables)
        {
            var rows = projection.Rows(table);
            var path = Path.Combine(directory, table.FileName);
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            using (var csv = CsvDataWriter.Create(writer, CsvOptions))
            {
                csv.Write(new RowsDataReader(table.ColumnNames, rows));
            }

            counts.Add(new(prefix + table.Name, rows.Count));
            files.Add(prefix + table.FileName);
            progress?.Report(new(stage, ++done, tables.Count));
        }

        return projection.Children;
    }
}
