using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Lantern.Web.Govuk;

/// <summary>One line or set of bars of a chart; a missing value (null) leaves a gap.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// A chart with the same figures in an accessible table (<c>Govuk/_Chart</c>): the picture is drawn
/// as SVG on the server (no script, nothing to load), hidden from assistive technology, and the table
/// under it carries every figure with the chart's title as its caption. One series is drawn as bars,
/// several as lines. Colours are from the GOV.UK palette, each series also told apart by its name in
/// the key and a different dash, so colour is never the only difference.
/// </summary>
/// <param name="Id">The figure's id; the table's is the id with "-table".</param>
/// <param name="Title">What the chart shows (the table's caption).</param>
/// <param name="Categories">The labels along the bottom (the table's first column).</param>
/// <param name="Unit">Shown after each figure, for example "%" or " days"; empty for a count.</param>
/// <param name="CategoryName">The heading of the table's first column, for example "Month".</param>
public sealed record Chart(string Id, string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, string Unit = "", string CategoryName = "Period")
{
    private static readonly string[] Colours = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92"];
    private static readonly string[] Dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2"];

    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 48;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 48;

    /// <summary>How a figure is written in the table and on the axis.</summary>
    public string Format(decimal? value) => value is { } v ? v.ToString(v == Math.Round(v) ? "N0" : "0.0", CultureInfo.InvariantCulture) + Unit : "No figure";

    /// <summary>The table's rows: a category, then each series' figure.</summary>
    public IReadOnlyList<IReadOnlyList<TableCell>> Rows =>
    [
        .. Categories.Select((c, i) => (IReadOnlyList<TableCell>)
        [
            c,
            .. Series.Select(s => new TableCell(Format(i < s.Values.Count ? s.Values[i] : null)) { Format = TableCellFormat.Numeric }),
        ]),
    ];

    public IReadOnlyList<TableCell> Head => [new TableCell(CategoryName), .. Series.Select(s => new TableCell(s.Name) { Format = TableCellFormat.Numeric })];

    /// <summary>The SVG picture.</summary>
    public IHtmlContent Svg()
    {
        var values = Series.SelectMany(s => s.Values).OfType<decimal>().ToList();
        var max = Nice(values.Count == 0 ? 1m : Math.Max(values.Max(), 0.1m));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var n = Math.Max(1, Categories.Count);
        double X(int i) => Left + (plotWidth * (i + 0.5) / n);
        double Y(decimal v) => Top + (plotHeight * (1 - (double)(v / max)));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"lantern-chart__svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"presentation\" aria-hidden=\"true\" focusable=\"false\">");

        // Grid lines and the scale.
        for (var step = 0; step <= 4; step++)
        {
            var v = max * step / 4;
            var y = Y(v);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">{Encode(Format(Math.Round(v, 1)))}</text>");
        }

        // Labels along the bottom: every one, or every other when crowded.
        var every = Categories.Count > 12 ? (int)Math.Ceiling(Categories.Count / 12.0) : 1;
        for (var i = 0; i < Categories.Count; i += every)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\">{Encode(Categories[i])}</text>");
        }

        if (Series.Count == 1)
        {
            var band = plotWidth / (double)n;
            var barWidth = Math.Max(2, band * 0.7);
            for (var i = 0; i < Series[0].Values.Count && i < Categories.Count; i++)
            {
                if (Series[0].Values[i] is { } v)
                {
                    var y = Y(Math.Max(v, 0));
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(i) - (barWidth / 2):0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{Top + plotHeight - y:0.#}\" fill=\"{Colours[0]}\"/>");
                }
            }
        }
        else
        {
            for (var s = 0; s < Series.Count; s++)
            {
                var points = Series[s].Values.Select((v, i) => (v, i)).Where(p => p.v is not null && p.i < Categories.Count)
                    .Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.i):0.#},{Y(p.v!.Value):0.#}")).ToList();
                var dash = Dashes[s % Dashes.Length];
                svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"{Colours[s % Colours.Length]}\" stroke-width=\"3\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>");
                foreach (var point in points)
                {
                    var xy = point.Split(',');
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"3.5\" fill=\"{Colours[s % Colours.Length]}\"/>");
                }
            }

            // The key.
            var x = Left;
            for (var s = 0; s < Series.Count; s++)
            {
                var dash = Dashes[s % Dashes.Length];
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" x2=\"{x + 24}\" y1=\"{Height - 12}\" y2=\"{Height - 12}\" stroke=\"{Colours[s % Colours.Length]}\" stroke-width=\"3\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 30}\" y=\"{Height - 8}\" font-size=\"12\" fill=\"#0b0c0c\">{Encode(Series[s].Name)}</text>");
                x += 40 + (Series[s].Name.Length * 7);
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>A round top for the scale at or above <paramref name="value"/>.</summary>
    private static decimal Nice(decimal value)
    {
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (value <= step * magnitude)
            {
                return step * magnitude;
            }
        }

        return 10m * magnitude;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
