using Sylvan.Data.Csv;

namespace Lantern.Returns.Validation;

/// <summary>Outside data some rules need (Ofsted's provider list, postcode locations), read from a CSV file with a header row.</summary>
public static class OutsideTables
{
    /// <exception cref="ReturnFileException">The file cannot be read as CSV.</exception>
    public static RuleTable Read(string path, string name, string option)
    {
        if (!File.Exists(path))
        {
            throw new ReturnFileException($"There is no file at '{path}' ({option}).");
        }

        using var text = Lantern.Returns.Ssda903.Ssda903Files.OpenText(path, Path.GetFileName(path));
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        var columns = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().ToUpperInvariant()).ToArray();
        var builder = new TableBuilder(name, Path.GetFileName(path), "URN", columns);
        long line = 1;
        while (csv.Read())
        {
            line++;
            builder.NewRow(line);
            for (var c = 0; c < columns.Length && c < csv.RowFieldCount; c++)
            {
                builder.Set(c, csv.GetString(c));
            }
        }

        return builder.Build();
    }
}
