using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Metrics.Indicators;
using Lantern.Web.Govuk;

namespace Lantern.Web.Indicators;

/// <summary>One dashboard: the areas of the service whose indicators it shows.</summary>
/// <param name="Slug">Its path under /indicators, for example "front-door".</param>
public sealed record IndicatorDashboard(string Slug, string Title, IReadOnlyList<IndicatorArea> Areas)
{
    public string Path => "/indicators/" + Slug;

    /// <summary>The dashboard's indicators, in catalogue order.</summary>
    public IReadOnlyList<Indicator> Indicators => [.. IndicatorCatalogue.All.Where(i => Areas.Contains(i.Definition.Area))];
}

/// <summary>The dashboards (every area of the service is on exactly one), and how figures are written.</summary>
public static class IndicatorDashboards
{
    /// <summary>The indicators the director's overview always shows: the measures inspectors and
    /// improvement boards read first. Any other indicator joins them while it is red or amber.</summary>
    public static IReadOnlySet<string> HeadlineIds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "referrals_per_10k", "rereferrals_12m_pct", "contacts_decided_1wd_pct",
        "assessments_45wd_pct", "assessments_nfa_pct",
        "s47_per_10k", "icpc_15wd_pct", "cpp_per_10k", "cpp_second_time_pct", "cpp_visits_on_time_pct", "cin_per_10k",
        "cla_per_10k", "cla_3plus_placements_pct", "cla_long_term_stability_pct", "cla_reviews_on_time_pct",
        "care_leavers_in_touch_pct", "care_leavers_eet_pct", "care_leavers_suitable_accommodation_pct", "adoption_a10_days",
        "sw_caseload", "sw_agency_pct", "sw_turnover_pct", "unallocated_count", "worker_changes_3plus_pct", "supervision_personal_pct", "oversight_pct",
        "early_help_per_10k", "proceedings_26w_pct", "allegations_resolved_1m_pct",
    };

    public static IReadOnlyList<IndicatorDashboard> All { get; } =
    [
        new("front-door", "Front door", [IndicatorArea.FrontDoor]),
        new("assessment", "Assessment", [IndicatorArea.Assessment]),
        new("child-protection", "Child protection and children in need", [IndicatorArea.ChildProtection, IndicatorArea.ChildInNeed]),
        new("looked-after", "Children looked after", [IndicatorArea.LookedAfter]),
        new("care-leavers", "Care leavers and adoption", [IndicatorArea.CareLeavers, IndicatorArea.Adoption]),
        new("workforce", "Workforce", [IndicatorArea.Workforce]),
        new("other", "Early help, proceedings, allegations and private fostering", [IndicatorArea.EarlyHelp, IndicatorArea.Proceedings, IndicatorArea.Allegations, IndicatorArea.PrivateFostering]),
    ];

    public static IndicatorDashboard? Find(string? slug) => All.FirstOrDefault(d => d.Slug == slug);

    public static IndicatorDashboard For(IndicatorArea area) => All.First(d => d.Areas.Contains(area));

    /// <summary>The overview's indicators of a dashboard: its headline indicators and any other
    /// that <paramref name="isRedOrAmber"/> says is red or amber against its target, in catalogue order.</summary>
    public static IReadOnlyList<Indicator> Headlines(IndicatorDashboard dashboard, Func<Indicator, bool> isRedOrAmber)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(isRedOrAmber);
        return [.. dashboard.Indicators.Where(i => HeadlineIds.Contains(i.Id) || isRedOrAmber(i))];
    }

    public static string AreaName(IndicatorArea area) => area switch
    {
        IndicatorArea.FrontDoor => "Front door",
        IndicatorArea.EarlyHelp => "Early help",
        IndicatorArea.Assessment => "Assessment",
        IndicatorArea.ChildProtection => "Child protection",
        IndicatorArea.ChildInNeed => "Children in need",
        IndicatorArea.LookedAfter => "Children looked after",
        IndicatorArea.CareLeavers => "Care leavers",
        IndicatorArea.Adoption => "Adoption",
        IndicatorArea.Workforce => "Workforce",
        IndicatorArea.Proceedings => "Care proceedings",
        IndicatorArea.Allegations => "Allegations against people who work with children",
        _ => "Private fostering",
    };

    /// <summary>A value as people read it: "12.5%", "431.2 per 10,000", "14.0 days"; "No figure" without one.</summary>
    public static string Value(IndicatorDefinition definition, double? value)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (value is not { } v)
        {
            return "No figure";
        }

        return definition.Unit switch
        {
            IndicatorUnit.Percent => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
            IndicatorUnit.Per10k => v.ToString("N1", CultureInfo.InvariantCulture) + " per 10,000",
            IndicatorUnit.Count => v.ToString("N0", CultureInfo.InvariantCulture),
            IndicatorUnit.Days => v.ToString("N1", CultureInfo.InvariantCulture) + " days",
            _ => v.ToString("N1", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A numerator or denominator: whole numbers without decimals.</summary>
    public static string Number(double value) =>
        value.ToString(value == Math.Round(value) ? "N0" : "N1", CultureInfo.InvariantCulture);

    /// <summary>A figure for a download: plain digits, a point for decimals, empty when there is none.</summary>
    public static string Plain(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "";

    /// <summary>What to put after a figure on a chart's axis and in its table.</summary>
    public static string ChartUnit(IndicatorDefinition definition) => definition?.Unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.Days => " days",
        _ => "",
    };

    public static string Polarity(IndicatorDefinition definition) => definition?.Polarity switch
    {
        Metrics.Indicators.Polarity.HigherIsBetter => "Higher is better",
        Metrics.Indicators.Polarity.LowerIsBetter => "Lower is better",
        _ => "Neither higher nor lower is better: a measure of demand or activity",
    };

    public static string UnitName(IndicatorDefinition definition) => definition?.Unit switch
    {
        IndicatorUnit.Percent => "Percentage",
        IndicatorUnit.Per10k => "Rate per 10,000 children aged 0 to 17",
        IndicatorUnit.Count => "Count",
        IndicatorUnit.Days => "Average number of days",
        _ => "Ratio",
    };

    public static Tag? RagTag(Rag? rag) => rag switch
    {
        Rag.Red => new Tag("Red") { Colour = TagColour.Red },
        Rag.Amber => new Tag("Amber") { Colour = TagColour.Orange },
        Rag.Green => new Tag("Green") { Colour = TagColour.Green },
        _ => null,
    };

    /// <summary>The month of a series point as people read it: "Mar 2026".</summary>
    public static string Month(SeriesPoint point) => point?.AsAt.ToString("MMM yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The indicator's series as shown: each month's figures, small counts hidden when <paramref name="suppress"/>.</summary>
    public static IReadOnlyList<FigureRow> SeriesRows(IndicatorDefinition definition, IReadOnlyList<SeriesPoint> series, bool suppress)
    {
        ArgumentNullException.ThrowIfNull(series);
        return [.. series.Select(p => IndicatorFigures.One(definition, Month(p), p.Value, p.Numerator, p.Denominator, suppress))];
    }

    /// <summary>The indicator's 24-month series as a chart (a figure hidden in the table is left out of the picture too).</summary>
    public static Chart TrendChart(Indicator indicator, IReadOnlyList<SeriesPoint> series, IReadOnlyList<FigureRow> shown, string idPrefix = "chart-")
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(shown);
        var d = indicator.Definition;
        return new Chart(
            idPrefix + indicator.Id.Replace('_', '-'),
            $"{d.Title}, each month to {series[^1].AsAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
            [.. series.Select(Month)],
            [new ChartSeries(d.Title, [.. series.Select((p, i) => p.Value is { } v && shown[i].Value != Suppression.SuppressedText ? (decimal?)(decimal)v : null)])],
            ChartUnit(d),
            "Month");
    }

    /// <summary>A small picture of the series for the overview, hidden from assistive technology,
    /// with its first and last figures in words for those who cannot see it.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Sparkline(IReadOnlyList<SeriesPoint> series, IReadOnlyList<FigureRow> shown)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(shown);
        const int width = 120;
        const int height = 28;
        var values = series.Select((p, i) => shown[i].Value == Suppression.SuppressedText ? null : p.Value).ToList();
        var known = values.OfType<double>().ToList();
        var max = known.Count == 0 ? 1 : Math.Max(known.Max(), 0.1);
        var points = values.Select((v, i) => (v, i)).Where(p => p.v is not null)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{2 + ((width - 4) * p.i / (double)Math.Max(1, values.Count - 1)):0.#},{height - 2 - ((height - 4) * p.v!.Value / max):0.#}"));
        var words = $"{shown[0].Value} in {shown[0].Label}, {shown[^1].Value} in {shown[^1].Label}";
        return new Microsoft.AspNetCore.Html.HtmlString(
            $"<svg class=\"lantern-sparkline\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"presentation\" aria-hidden=\"true\" focusable=\"false\">"
            + $"<polyline points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\"/></svg>"
            + $"<span class=\"govuk-visually-hidden\">{System.Net.WebUtility.HtmlEncode(words)}</span>");
    }
}

/// <summary>One row of figures as shown: a label, the value, numerator and denominator as text
/// (small counts hidden for people who may not see names), and the figures themselves for downloads.</summary>
public sealed record FigureRow(string Label, string Value, string Numerator, string Denominator, string PlainValue, string PlainNumerator, string PlainDenominator);

/// <summary>Small-number suppression (<see cref="Suppression"/>) applied to indicator figures: for
/// people who may not see names, counts of children (or workers, or allegations) from 1 to 5 are
/// shown as [c], and so is the value made from them. Which sides are counts depends on the unit: a
/// percentage's both, a count's or rate's numerator (the rate's denominator is the population), an
/// average's denominator (its numerator is a number of days).</summary>
public static class IndicatorFigures
{
    public static bool NumeratorIsCount(IndicatorUnit unit) => unit is IndicatorUnit.Percent or IndicatorUnit.Count or IndicatorUnit.Per10k;

    public static bool DenominatorIsCount(IndicatorUnit unit) => unit is IndicatorUnit.Percent or IndicatorUnit.Days;

    /// <summary>One total (a headline figure or one month of a series), suppressed on its own.</summary>
    public static FigureRow One(IndicatorDefinition definition, string label, double? value, double numerator, double denominator, bool suppress)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var hideN = suppress && NumeratorIsCount(definition.Unit) && Suppression.IsSmall(Count(numerator));
        var hideD = suppress && DenominatorIsCount(definition.Unit) && Suppression.IsSmall(Count(denominator));
        return Row(definition, label, value, numerator, denominator, hideN, hideD);
    }

    /// <summary>The groups of a breakdown, suppressed as a group: their counts add up to the shown
    /// total, so one hidden count brings another with it.</summary>
    public static IReadOnlyList<FigureRow> Group(IndicatorDefinition definition, IReadOnlyList<BreakdownRow> rows, bool suppress)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(rows);
        var hideN = suppress && NumeratorIsCount(definition.Unit) ? Suppression.Suppress([.. rows.Select(r => Count(r.Numerator))]) : new bool[rows.Count];
        var hideD = suppress && DenominatorIsCount(definition.Unit) ? Suppression.Suppress([.. rows.Select(r => Count(r.Denominator))]) : new bool[rows.Count];
        return [.. rows.Select((r, i) => Row(definition, r.Group, r.Value, r.Numerator, r.Denominator, hideN[i], hideD[i]))];
    }

    private static FigureRow Row(IndicatorDefinition definition, string label, double? value, double numerator, double denominator, bool hideN, bool hideD)
    {
        var c = Suppression.SuppressedText;
        var hideValue = hideN || hideD;
        var showDenominator = definition.Unit != IndicatorUnit.Count;
        return new FigureRow(
            label,
            hideValue ? c : IndicatorDashboards.Value(definition, value),
            hideN ? c : IndicatorDashboards.Number(numerator),
            !showDenominator ? "" : hideD ? c : IndicatorDashboards.Number(denominator),
            hideValue ? c : IndicatorDashboards.Plain(value),
            hideN ? c : IndicatorDashboards.Plain(numerator),
            !showDenominator ? "" : hideD ? c : IndicatorDashboards.Plain(denominator));
    }

    private static int Count(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);
}

/// <summary>An indicator's trend: the chart, and its month-by-month figures for the table under it.</summary>
public sealed record IndicatorChart(Indicator Indicator, Chart Chart, IReadOnlyList<FigureRow> Rows)
{
    public static IndicatorChart For(Indicator indicator, IReadOnlyList<SeriesPoint> series, bool suppress)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var rows = IndicatorDashboards.SeriesRows(indicator.Definition, series, suppress);
        return new IndicatorChart(indicator, IndicatorDashboards.TrendChart(indicator, series, rows), rows) { Points = series };
    }

    public bool HasDenominator => Indicator.Definition.Unit != IndicatorUnit.Count;

    /// <summary>The series as a download sheet.</summary>
    public DownloadSheet Sheet(string name) => new(
        name,
        ["indicator_id", "month", "as_at", "value", "numerator", "denominator"],
        [.. Rows.Select((r, i) => (IReadOnlyList<string>)[Indicator.Id, SeriesMonth(i), i < Points.Count ? Points[i].AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "", r.PlainValue, r.PlainNumerator, r.PlainDenominator])]);

    /// <summary>Set by the page from the series (yyyy-MM); kept here so the download names the month as the engine does.</summary>
    public IReadOnlyList<SeriesPoint> Points { get; init; } = [];

    private string SeriesMonth(int i) => i < Points.Count ? Points[i].Month : "";
}

/// <summary>What the units behind an indicator are called, and what it can be broken down by.</summary>
public static class IndicatorSubjects
{
    public static string ListName(SubjectKind subject) => subject switch
    {
        SubjectKind.Worker => "The workers",
        SubjectKind.Allegation => "The allegations",
        _ => "The children",
    };

    /// <summary>The dimensions that apply to an indicator's units: children by all of them, workers
    /// by team and worker, allegations by none.</summary>
    public static IReadOnlyList<Dimension> Dimensions(SubjectKind subject) => subject switch
    {
        SubjectKind.Worker => [Dimension.Team, Dimension.Worker],
        SubjectKind.Allegation => [],
        _ => Enum.GetValues<Dimension>(),
    };

    /// <summary>The dimension's name in a query string: "team", "age-band".</summary>
    public static string Slug(Dimension dimension) => Breakdowns.Name(dimension).ToLowerInvariant().Replace(' ', '-');

    public static Dimension? FromSlug(string? slug) =>
        Enum.GetValues<Dimension>().Cast<Dimension?>().FirstOrDefault(d => Slug(d!.Value) == slug);
}
