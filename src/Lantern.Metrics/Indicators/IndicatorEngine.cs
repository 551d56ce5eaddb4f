using System.Globalization;
using Lantern.Domain.Model;

namespace Lantern.Metrics.Indicators;

/// <summary>One indicator's figure on one date.</summary>
public sealed record IndicatorValue(IndicatorDefinition Definition, DateOnly AsAt, double? Value, double Numerator, double Denominator)
{
    public string Id => Definition.Id;
}

/// <summary>One point of a monthly series: the figure as at the last day of the month (or the as-at date in its own month).</summary>
public sealed record SeriesPoint(string Month, DateOnly AsAt, double? Value, double Numerator, double Denominator);

/// <summary>A child (or worker, or allegation) behind an indicator, with what it adds to each side.</summary>
public sealed record IndicatorUnitRow(long SubjectId, double Numerator, double Denominator);

/// <summary>One group of a breakdown.</summary>
public sealed record BreakdownRow(string Group, double? Value, double Numerator, double Denominator);

/// <summary>What an indicator can be broken down by.</summary>
public enum Dimension
{
    Team = 1,
    Worker = 2,
    Ward = 3,
    AgeBand = 4,
    Sex = 5,
    Ethnicity = 6,
    Disability = 7,
    DeprivationDecile = 8,
}

/// <summary>Computes indicators over one in-memory snapshot, for any date: all at once, as monthly
/// series, as the list of children behind one, or broken down by a dimension. Lookups are built once
/// and shared, so one engine serves many dates; it is safe to use from several threads.</summary>
public sealed class IndicatorEngine
{
    public IndicatorEngine(AuthorityData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Index = new IndicatorIndex(data);
    }

    public IndicatorIndex Index { get; }

    /// <summary>The first and last dates of the data (the council's recorded data span, or the
    /// span of its referrals when none is recorded).</summary>
    public (DateOnly From, DateOnly To) DataSpan
    {
        get
        {
            var la = Index.Data.Authorities.FirstOrDefault();
            if (la is not null && la.DataTo != default)
            {
                return (la.DataFrom, la.DataTo);
            }

            var dates = Index.Data.Referrals.Select(r => r.ReferralDate).ToList();
            return dates.Count == 0 ? (DateOnly.MinValue, DateOnly.MinValue) : (dates.Min(), dates.Max());
        }
    }

    public MeasureContext ContextOn(DateOnly asAt) => new(Index, asAt);

    /// <summary>Every indicator (or those given) as at <paramref name="asAt"/>, in catalogue order.</summary>
    public IReadOnlyList<IndicatorValue> Compute(DateOnly asAt, IReadOnlyList<Indicator>? indicators = null)
    {
        indicators ??= IndicatorCatalogue.All;
        var context = ContextOn(asAt);
        var results = new IndicatorValue[indicators.Count];
        Parallel.For(0, indicators.Count, i => results[i] = Measure(indicators[i], context));
        return results;
    }

    /// <summary>One indicator as at the context's date.</summary>
    public static IndicatorValue Measure(Indicator indicator, MeasureContext context)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(context);
        var totals = new TotalSink();
        indicator.Measure(context, totals);
        var denominator = indicator.Definition.Unit == IndicatorUnit.Per10k ? context.Population : totals.Denominator;
        return new IndicatorValue(indicator.Definition, context.AsAt, ValueOf(indicator.Definition.Unit, totals.Numerator, denominator), totals.Numerator, denominator);
    }

    /// <summary>The dates of a monthly series of <paramref name="months"/> points ending with the month of
    /// <paramref name="asAt"/>: each month's last day, and the as-at date itself for its own month.</summary>
    public static IReadOnlyList<(string Month, DateOnly AsAt)> SeriesDates(DateOnly asAt, int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var points = new List<(string, DateOnly)>(months);
        var first = new DateOnly(asAt.Year, asAt.Month, 1).AddMonths(-(months - 1));
        for (var i = 0; i < months; i++)
        {
            var monthStart = first.AddMonths(i);
            var end = monthStart.AddMonths(1).AddDays(-1);
            var date = end > asAt ? asAt : end;
            points.Add((monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture), date));
        }

        return points;
    }

    /// <summary>Every indicator (or those given) at each point of a monthly series.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>> Series(DateOnly asAt, int months, IReadOnlyList<Indicator>? indicators = null)
    {
        indicators ??= IndicatorCatalogue.All;
        var dates = SeriesDates(asAt, months);
        var grid = new IndicatorValue[dates.Count][];
        Parallel.For(0, dates.Count, i => grid[i] = ComputeSequential(dates[i].AsAt, indicators));
        var series = new Dictionary<string, IReadOnlyList<SeriesPoint>>(StringComparer.Ordinal);
        for (var k = 0; k < indicators.Count; k++)
        {
            var points = new SeriesPoint[dates.Count];
            for (var i = 0; i < dates.Count; i++)
            {
                var v = grid[i][k];
                points[i] = new SeriesPoint(dates[i].Month, dates[i].AsAt, v.Value, v.Numerator, v.Denominator);
            }

            series[indicators[k].Id] = points;
        }

        return series;
    }

    /// <summary>The children (or workers, or allegations) behind one indicator, each with its share of
    /// the numerator and denominator, in subject order.</summary>
    public IReadOnlyList<IndicatorUnitRow> Units(Indicator indicator, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var sink = new UnitListSink();
        indicator.Measure(ContextOn(asAt), sink);
        return sink.Rows();
    }

    /// <summary>One indicator broken down by <paramref name="dimension"/> as at <paramref name="asAt"/>.
    /// Children are grouped by their own details on the date (age, ward, and so on) and by their
    /// worker and team on the date ("Unallocated" when none); workers by their team. Rates per 10,000
    /// have a value only where the population is known for the group (ward and age band); other
    /// groups show the count. Empty when the dimension does not apply to the indicator's subjects.</summary>
    public IReadOnlyList<BreakdownRow> Breakdown(Indicator indicator, DateOnly asAt, Dimension dimension)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var context = ContextOn(asAt);
        var key = Breakdowns.KeyFor(Index, indicator.Definition.Subject, dimension, asAt);
        if (key is null)
        {
            return [];
        }

        var sink = new GroupSink(key);
        indicator.Measure(context, sink);
        var population = Index.PopulationOn(asAt);
        IReadOnlyDictionary<string, int>? groupPopulation = dimension switch
        {
            Dimension.Ward => population.ByWard,
            Dimension.AgeBand => population.ByAgeBand,
            _ => null,
        };
        var rows = new List<BreakdownRow>();
        foreach (var (group, (n, d)) in sink.Groups)
        {
            if (indicator.Definition.Unit == IndicatorUnit.Per10k)
            {
                var pop = groupPopulation is not null && groupPopulation.TryGetValue(group, out var p) ? p : 0;
                rows.Add(new BreakdownRow(group, pop > 0 ? ValueOf(IndicatorUnit.Per10k, n, pop) : null, n, pop));
            }
            else
            {
                rows.Add(new BreakdownRow(group, ValueOf(indicator.Definition.Unit, n, d), n, d));
            }
        }

        return Breakdowns.Order(rows, dimension);
    }

    /// <summary>The value from a numerator and denominator, rounded to one decimal place; null when
    /// the denominator is zero (nothing to measure).</summary>
    public static double? ValueOf(IndicatorUnit unit, double numerator, double denominator) => unit switch
    {
        IndicatorUnit.Count => Round(numerator),
        IndicatorUnit.Percent => denominator > 0 ? Round(numerator * 100 / denominator) : null,
        IndicatorUnit.Per10k => denominator > 0 ? Round(numerator * 10_000 / denominator) : null,
        _ => denominator > 0 ? Round(numerator / denominator) : null,
    };

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private IndicatorValue[] ComputeSequential(DateOnly asAt, IReadOnlyList<Indicator> indicators)
    {
        var context = ContextOn(asAt);
        var results = new IndicatorValue[indicators.Count];
        for (var i = 0; i < indicators.Count; i++)
        {
            results[i] = Measure(indicators[i], context);
        }

        return results;
    }

    private sealed class TotalSink : IUnitSink
    {
        public double Numerator { get; private set; }

        public double Denominator { get; private set; }

        public void Add(long subjectId, double numerator, double denominator)
        {
            Numerator += numerator;
            Denominator += denominator;
        }
    }

    private sealed class UnitListSink : IUnitSink
    {
        private readonly Dictionary<long, (double N, double D)> units = [];

        public void Add(long subjectId, double numerator, double denominator)
        {
            units.TryGetValue(subjectId, out var u);
            units[subjectId] = (u.N + numerator, u.D + denominator);
        }

        public List<IndicatorUnitRow> Rows() =>
            units.OrderBy(u => u.Key).Select(u => new IndicatorUnitRow(u.Key, u.Value.N, u.Value.D)).ToList();
    }

    private sealed class GroupSink(Func<long, string> key) : IUnitSink
    {
        public Dictionary<string, (double N, double D)> Groups { get; } = new(StringComparer.Ordinal);

        public void Add(long subjectId, double numerator, double denominator)
        {
            var group = key(subjectId);
            Groups.TryGetValue(group, out var g);
            Groups[group] = (g.N + numerator, g.D + denominator);
        }
    }
}
