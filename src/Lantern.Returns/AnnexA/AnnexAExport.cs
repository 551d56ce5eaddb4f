using Lantern.Domain.Model;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Lantern.Returns.AnnexA;

/// <summary>
/// The Ofsted ILACS Annex A workbook as at a date: one worksheet per list ("List 1 Contacts" to "List 11
/// Adopters") and a "Notes" sheet naming every column Lantern leaves blank or fills by a rule. Dates are
/// Excel dates shown dd/mm/yyyy; counts and ages are numbers. The workbook carries no document properties
/// (they would hold the time it was written) and its parts are dated the as-at date, so the same data and
/// date give the same bytes.
/// </summary>
public static class AnnexAExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static ExportResult Write(AuthorityData data, DateOnly asAt, Stream output, IProgress<ReturnProgress>? progress = null) =>
        WriteAsync(data, asAt, output, progress, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public static async ValueTask<ExportResult> WriteAsync(
        AuthorityData data,
        DateOnly asAt,
        Stream output,
        IProgress<ReturnProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        var workbook = AnnexALists.Build(data, asAt, progress);
        var options = new SpreadCheetahOptions
        {
            DefaultDateTimeFormat = NumberFormat.Custom("dd/mm/yyyy"),
            DocumentProperties = null,
        };

        // Written to memory first: the parts' timestamps are fixed before anything reaches the output.
        using var buffer = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(buffer, options, cancellationToken))
        {
            var header = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
            foreach (var list in workbook.Lists)
            {
                await spreadsheet.StartWorksheetAsync(list.Name, new WorksheetOptions { FrozenRows = 1 }, cancellationToken);
                await spreadsheet.AddHeaderRowAsync([.. list.Headers], header, cancellationToken);
                var cells = new Cell[list.Headers.Count];
                foreach (var row in list.Rows)
                {
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = ToCell(row[i]);
                    }

                    await spreadsheet.AddRowAsync(cells, cancellationToken);
                }
            }

            await spreadsheet.StartWorksheetAsync("Notes", token: cancellationToken);
            await spreadsheet.AddHeaderRowAsync([.. AnnexAColumns.Notes], header, cancellationToken);
            foreach (var note in workbook.Notes)
            {
                await spreadsheet.AddRowAsync([new Cell(note.List), new Cell(note.Column), new Cell(note.Note)], cancellationToken);
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        ZipTimestamps.Fix(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), asAt);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);

        var children = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in workbook.Lists.Take(10))
        {
            foreach (var row in list.Rows)
            {
                children.Add((string)row[0]!);
            }
        }

        return new ExportResult(children.Count, [.. workbook.Lists.Select(l => new KeyValuePair<string, long>(l.Name, l.Rows.Count))], []);
    }

    private static Cell ToCell(object? value) => value switch
    {
        null => default,
        DateOnly date => new Cell(date.ToDateTime(TimeOnly.MinValue)),
        int number => new Cell(number),
        string text => new Cell(Guard(text)),
        _ => throw new InvalidOperationException($"An Annex A cell holds a {value.GetType().Name}, which the workbook cannot write."),
    };

    /// <summary>Free text (names, organisations, postcodes) that a spreadsheet would take for a formula
    /// gets a leading apostrophe, so opening the workbook never runs anything.</summary>
    private static string Guard(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
