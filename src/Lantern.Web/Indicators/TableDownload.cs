using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using SpreadCheetah;

namespace Lantern.Web.Indicators;

/// <summary>One table of a download: a sheet of a workbook, or the whole of a CSV file.</summary>
public sealed record DownloadSheet(string Name, IReadOnlyList<string> Head, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Tables as CSV (RFC 4180, UTF-8) or as an Excel workbook (one sheet each). The cells are
/// the same text as the page's tables' figures; in a workbook a cell that is a number is written as
/// a number. Text that a spreadsheet would take for a formula (starting =, +, -, @, a tab or a
/// carriage return) is written with a leading apostrophe, so opening a download never runs anything.</summary>
public static class TableDownload
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>"csv" or "xlsx" from the query's format, or null for the page itself.</summary>
    public static string? Format(string? format) => format?.ToLowerInvariant() switch
    {
        "csv" => "csv",
        "xlsx" => "xlsx",
        _ => null,
    };

    public static async Task<FileContentResult> FileAsync(string format, string fileName, IReadOnlyList<DownloadSheet> sheets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        return format == "xlsx"
            ? new FileContentResult(await XlsxAsync(sheets, cancellationToken), XlsxType) { FileDownloadName = fileName + ".xlsx" }
            : new FileContentResult(Encoding.UTF8.GetBytes(Csv(sheets[0])), CsvType) { FileDownloadName = fileName + ".csv" };
    }

    public static string Csv(DownloadSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var text = new StringBuilder();
        foreach (var row in sheet.Rows.Prepend(sheet.Head))
        {
            text.AppendJoin(',', row.Select(CsvCell)).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>One CSV field: guarded against formulas, quoted when it holds a comma, quote or line break.</summary>
    public static string CsvCell(string? value)
    {
        var cell = Guard(value ?? "");
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    /// <summary>Text a spreadsheet would read as a formula gets a leading apostrophe; numbers are left alone.</summary>
    public static string Guard(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || IsNumber(value))
        {
            return value;
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    public static async Task<byte[]> XlsxAsync(IReadOnlyList<DownloadSheet> sheets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var stream = new MemoryStream();
        await using (var workbook = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken))
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var sheet in sheets)
            {
                await workbook.StartWorksheetAsync(SheetName(sheet.Name, names), token: cancellationToken);
                await workbook.AddRowAsync([.. sheet.Head.Select(h => new Cell(Guard(h)))], cancellationToken);
                foreach (var row in sheet.Rows)
                {
                    await workbook.AddRowAsync([.. row.Select(XlsxCell)], cancellationToken);
                }
            }

            await workbook.FinishAsync(cancellationToken);
        }

        return stream.ToArray();
    }

    private static Cell XlsxCell(string value) =>
        IsNumber(value) ? new Cell(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)) : new Cell(Guard(value));

    private static bool IsNumber(string value) =>
        value.Length > 0 && (char.IsAsciiDigit(value[0]) || (value[0] == '-' && value.Length > 1 && char.IsAsciiDigit(value[1])))
        && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>A worksheet name Excel accepts: at most 31 characters, none of []:*?/\, and unique.</summary>
    private static string SheetName(string name, HashSet<string> used)
    {
        var clean = new string([.. name.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0)]).Trim('\'', ' ');
        clean = clean.Length == 0 ? "Sheet" : clean;
        clean = clean.Length > 31 ? clean[..31] : clean;
        var unique = clean;
        for (var i = 2; !used.Add(unique); i++)
        {
            var suffix = " " + i.ToString(CultureInfo.InvariantCulture);
            unique = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return unique;
    }
}
