using Sylvan.Data.Csv;

namespace Lantern.Returns.Tests.Ssda903;

/// <summary>Reads an exported CSV back for assertions.</summary>
internal static class Csv
{
    public static string[] Header(string path)
    {
        using var csv = CsvDataReader.Create(path);
        return [.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetName)];
    }

    public static List<Dictionary<string, string>> Rows(string path)
    {
        using var csv = CsvDataReader.Create(path);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).ToDictionary(csv.GetName, csv.GetString));
        }

        return rows;
    }

    public static List<string> Children(string path) => [.. Rows(path).Select(r => r["CHILD"])];
}
