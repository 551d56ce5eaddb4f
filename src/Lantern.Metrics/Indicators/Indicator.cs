namespace Lantern.Metrics.Indicators;

/// <summary>Receives the units behind an indicator: for each child (or worker, or allegation) its
/// contribution to the numerator and the denominator. The same measuring code feeds a total, a list of
/// children or a breakdown, depending on the sink.</summary>
public interface IUnitSink
{
    void Add(long subjectId, double numerator, double denominator);
}

/// <summary>One indicator: its definition and the code that measures it, in one place.</summary>
public sealed class Indicator(IndicatorDefinition definition, Action<MeasureContext, IUnitSink> measure)
{
    public IndicatorDefinition Definition { get; } = definition;

    public string Id => Definition.Id;

    /// <summary>Feeds every unit behind the indicator on the context's date to <paramref name="sink"/>.</summary>
    public void Measure(MeasureContext context, IUnitSink sink) => measure(context, sink);

    public override string ToString() => Id;
}
