using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Metrics.Indicators;
using Lantern.Web.Indicators;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Indicators;

/// <summary>One indicator: its definition, its value with numerator and denominator (each linking
/// to the children behind it for those who may see names), England, the statistical neighbours, the
/// region and the target, the 24-month trend, and a breakdown by a chosen dimension (?by=team).
/// ?format=csv downloads the series (or, with ?by=, the breakdown); ?format=xlsx a workbook with the
/// series and every breakdown.</summary>
[RequirePermission(Permission.ViewAggregates)]
public sealed class IndicatorModel(IndicatorResults results, IndicatorSettingsStore settings, AuditWriter audit) : IndicatorsPageModel(results, settings)
{
    public Indicator Indicator { get; private set; } = null!;

    public IndicatorValue Value { get; private set; } = null!;

    public FigureRow Shown { get; private set; } = null!;

    public Comparison Comparison { get; private set; } = null!;

    public IndicatorChart Trend { get; private set; } = null!;

    public IReadOnlyList<Dimension> Dimensions { get; private set; } = [];

    public Dimension? By { get; private set; }

    public IReadOnlyList<FigureRow> Breakdown { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery] string? by, [FromQuery] string? format, CancellationToken cancellationToken)
    {
        if (IndicatorCatalogue.Find(id) is not { } indicator)
        {
            return NotFound();
        }

        Indicator = indicator;
        Dimensions = IndicatorSubjects.Dimensions(indicator.Definition.Subject);
        if (by is not null && (IndicatorSubjects.FromSlug(by) is not { } chosen || !Dimensions.Contains(chosen)))
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        Value = Figures.ById[indicator.Id];
        Shown = Headline(Value);
        Comparison = Compare(Value);
        Trend = IndicatorChart.For(indicator, Figures.Series[indicator.Id], Suppress);
        By = IndicatorSubjects.FromSlug(by) ?? (Dimensions.Count > 0 ? Dimensions[0] : null);
        Breakdown = By is { } dimension ? IndicatorFigures.Group(indicator.Definition, Figures.Breakdown(indicator, dimension), Suppress) : [];

        if (TableDownload.Format(format) is { } f)
        {
            await audit.WriteAsync(AuditAction.Export, true, detail: string.Create(CultureInfo.InvariantCulture, $"indicator {indicator.Id}{(by is null ? "" : " by " + by)} ({f})"), cancellationToken: cancellationToken);
            IReadOnlyList<DownloadSheet> sheets = f == "xlsx"
                ? [Trend.Sheet("Monthly series"), .. Dimensions.Select(d => BreakdownSheet(d, IndicatorFigures.Group(indicator.Definition, Figures.Breakdown(indicator, d), Suppress)))]
                : [by is null || By is not { } b ? Trend.Sheet("Monthly series") : BreakdownSheet(b, Breakdown)];
            var name = indicator.Id.Replace('_', '-') + (f == "csv" && by is not null ? "-by-" + by : "");
            return await TableDownload.FileAsync(f, name, sheets, cancellationToken);
        }

        return Page();
    }

    private DownloadSheet BreakdownSheet(Dimension dimension, IReadOnlyList<FigureRow> rows) => new(
        "By " + Breakdowns.Name(dimension).ToLowerInvariant(),
        ["indicator_id", "as_at", Breakdowns.Name(dimension).ToLowerInvariant().Replace(' ', '_'), "value", "numerator", "denominator"],
        [.. rows.Select(r => (IReadOnlyList<string>)[Indicator.Id, Figures.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Label, r.PlainValue, r.PlainNumerator, r.PlainDenominator])]);
}
