using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Web.Indicators;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Indicators;

/// <summary>A service dashboard (front door, assessment, child protection, children looked after,
/// care leavers, workforce, and the rest): every indicator of its areas with its value now,
/// England and the target, and its 24-month trend as a chart with the same figures in a table.
/// Each page under /indicators/{dashboard} is this model; ?format=csv or xlsx downloads the
/// dashboard's figures.</summary>
[RequirePermission(Permission.ViewAggregates)]
public sealed class DashboardModel(IndicatorResults results, IndicatorSettingsStore settings, AuditWriter audit) : IndicatorsPageModel(results, settings)
{
    public IndicatorDashboard Dashboard { get; private set; } = null!;

    public IReadOnlyList<IndicatorChart> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] string? format, CancellationToken cancellationToken)
    {
        var slug = Request.Path.Value?.TrimEnd('/').Split('/')[^1];
        if (IndicatorDashboards.Find(slug) is not { } dashboard)
        {
            return NotFound();
        }

        Dashboard = dashboard;
        await LoadAsync(cancellationToken);
        Charts = [.. dashboard.Indicators.Select(i => IndicatorChart.For(i, Figures.Series[i.Id], Suppress))];
        if (TableDownload.Format(format) is { } f)
        {
            await audit.WriteAsync(AuditAction.Export, true, detail: string.Create(CultureInfo.InvariantCulture, $"performance dashboard {dashboard.Slug} ({f})"), cancellationToken: cancellationToken);
            return await TableDownload.FileAsync(f, "performance-" + dashboard.Slug, [Sheet()], cancellationToken);
        }

        return Page();
    }

    private DownloadSheet Sheet()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var chart in Charts)
        {
            for (var i = 0; i < chart.Rows.Count; i++)
            {
                var r = chart.Rows[i];
                var p = chart.Points[i];
                rows.Add([chart.Indicator.Id, chart.Indicator.Definition.Title, chart.Indicator.Definition.UnitName, p.Month, p.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PlainValue, r.PlainNumerator, r.PlainDenominator]);
            }
        }

        return new DownloadSheet(Dashboard.Title, ["indicator_id", "indicator", "unit", "month", "as_at", "value", "numerator", "denominator"], rows);
    }
}
