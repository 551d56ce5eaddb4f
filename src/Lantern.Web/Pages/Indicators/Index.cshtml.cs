using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Metrics.Indicators;
using Lantern.Web.Indicators;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Indicators;

/// <summary>The director's overview: the headline indicators of every area with England, the
/// statistical neighbours, the target and red, amber or green, and each one's trend. Each figure
/// links to its indicator's page; each area to its dashboard. ?format=csv or xlsx downloads the table.</summary>
[RequirePermission(Permission.ViewAggregates)]
public sealed class IndexModel(IndicatorResults results, IndicatorSettingsStore settings, AuditWriter audit) : IndicatorsPageModel(results, settings)
{
    public IReadOnlyList<(IndicatorDashboard Dashboard, IReadOnlyList<Indicator> Indicators)> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] string? format, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Sections = [.. IndicatorDashboards.All
            .Select(d => (d, IndicatorDashboards.Headlines(d, i => Compare(Figures.ById[i.Id]).Rating is Rag.Red or Rag.Amber)))
            .Where(s => s.Item2.Count > 0)];
        if (TableDownload.Format(format) is { } f)
        {
            await audit.WriteAsync(AuditAction.Export, true, detail: $"performance overview ({f})", cancellationToken: cancellationToken);
            return await TableDownload.FileAsync(f, "performance-overview", [Sheet()], cancellationToken);
        }

        return Page();
    }

    private DownloadSheet Sheet()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (dashboard, indicators) in Sections)
        {
            foreach (var indicator in indicators)
            {
                var value = Figures.ById[indicator.Id];
                var shown = Headline(value);
                rows.Add([dashboard.Title, indicator.Id, indicator.Definition.Title, indicator.Definition.UnitName, Figures.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), shown.PlainValue, shown.PlainNumerator, shown.PlainDenominator, .. ComparisonCells(Compare(value))]);
            }
        }

        return new DownloadSheet("Overview", ["dashboard", "indicator_id", "indicator", "unit", "as_at", "value", "numerator", "denominator", .. ComparisonHead], rows);
    }
}
