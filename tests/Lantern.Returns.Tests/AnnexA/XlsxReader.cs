using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Lantern.Returns.Tests.AnnexA;

/// <summary>One cell read back from a workbook: its text as stored (a number's digits, a string's
/// characters) and the number format its style applies, if any.</summary>
internal sealed record XlsxCell(string Text, string? Format)
{
    public DateOnly AsDate() => DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(Text, CultureInfo.InvariantCulture)));
}

/// <summary>
/// A small reader of the xlsx files the exports write (SpreadCheetah has no reader): the workbook's sheet
/// names in order, and each sheet's rows as cells by column, read from the package's XML parts.
/// </summary>
internal sealed class XlsxReader
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    private XlsxReader(IReadOnlyList<string> sheetNames, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<XlsxCell?>>> sheets)
    {
        SheetNames = sheetNames;
        Sheets = sheets;
    }

    public IReadOnlyList<string> SheetNames { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<XlsxCell?>>> Sheets { get; }

    public IReadOnlyList<string?> Row(string sheet, int index) => [.. Sheets[sheet][index].Select(c => c?.Text)];

    public static XlsxReader Read(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var workbook = Load(zip, "xl/workbook.xml");
        var rels = Load(zip, "xl/_rels/workbook.xml.rels").Root!.Elements(PackageRel + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        var formats = Formats(zip);
        var names = new List<string>();
        var sheets = new Dictionary<string, IReadOnlyList<IReadOnlyList<XlsxCell?>>>();
        foreach (var sheet in workbook.Root!.Element(Main + "sheets")!.Elements(Main + "sheet"))
        {
            var name = (string)sheet.Attribute("name")!;
            var target = rels[(string)sheet.Attribute(Rel + "id")!].TrimStart('/');
            var path = target.StartsWith("xl/", StringComparison.Ordinal) ? target : "xl/" + target;
            names.Add(name);
            sheets[name] = Rows(Load(zip, path), formats);
        }

        return new XlsxReader(names, sheets);
    }

    private static List<IReadOnlyList<XlsxCell?>> Rows(XDocument sheet, List<string?> formats)
    {
        var rows = new List<IReadOnlyList<XlsxCell?>>();
        foreach (var row in sheet.Root!.Element(Main + "sheetData")!.Elements(Main + "row"))
        {
            var cells = new List<XlsxCell?>();
            foreach (var c in row.Elements(Main + "c"))
            {
                var column = c.Attribute("r") is { } r ? ColumnIndex((string)r) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(null);
                }

                var text = (string?)c.Attribute("t") == "inlineStr"
                    ? string.Concat(c.Element(Main + "is")!.Descendants(Main + "t").Select(t => t.Value))
                    : c.Element(Main + "v")?.Value;
                var style = c.Attribute("s") is { } s ? int.Parse((string)s, CultureInfo.InvariantCulture) : 0;
                cells.Add(text is null ? null : new XlsxCell(text, style < formats.Count ? formats[style] : null));
            }

            rows.Add(cells);
        }

        return rows;
    }

    /// <summary>The number format of each cell style (cellXfs), custom formats by their code.</summary>
    private static List<string?> Formats(ZipArchive zip)
    {
        var styles = Load(zip, "xl/styles.xml").Root!;
        var custom = styles.Element(Main + "numFmts")?.Elements(Main + "numFmt")
            .ToDictionary(f => (int)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!) ?? [];
        return [.. styles.Element(Main + "cellXfs")!.Elements(Main + "xf")
            .Select(xf => (int?)xf.Attribute("numFmtId") is { } id && id != 0 ? custom.GetValueOrDefault(id, id.ToString(CultureInfo.InvariantCulture)) : null)];
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return index - 1;
    }

    private static XDocument Load(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new InvalidDataException($"The workbook has no part {path}.");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
