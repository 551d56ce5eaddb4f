using System.Globalization;

namespace Lantern.Metrics.Indicators;

/// <summary>A problem with a target: the field it is about (<see cref="Targets.IndicatorField"/>,
/// <see cref="Targets.TargetField"/> or <see cref="Targets.AmberField"/>) and what to do.</summary>
public sealed record TargetProblem(string Field, string Message);

/// <summary>The rules for a council's target (one home for them: the targets page and
/// <c>lantern targets set</c> both use these). A target needs an indicator that has a better
/// direction (an indicator of demand, such as referrals per 10,000, has no red, amber or green), a
/// value the indicator can take that some value could miss, and an amber margin of 0 or more that
/// still leaves room for red.</summary>
public static class Targets
{
    public const string IndicatorField = "indicator";
    public const string TargetField = "target";
    public const string AmberField = "amber";

    /// <summary>Reads a target from text as a person typed it; null with the problems when it is not right.</summary>
    public static Target? Read(string? indicatorId, string? target, string? amber, out IReadOnlyList<TargetProblem> problems)
    {
        var found = new List<TargetProblem>();
        problems = found;
        var id = indicatorId?.Trim() ?? "";
        Indicator? indicator = null;
        if (id.Length == 0)
        {
            found.Add(new TargetProblem(IndicatorField, "Select the indicator"));
        }
        else if ((indicator = IndicatorCatalogue.Find(id)) is null)
        {
            found.Add(new TargetProblem(IndicatorField, BenchmarkCsv.UnknownIndicator(id)));
        }
        else if (indicator.Definition.Polarity == Polarity.Neither)
        {
            found.Add(new TargetProblem(IndicatorField, $"{indicator.Definition.Title} has no target: it measures demand, so neither higher nor lower is better and it is not rated red, amber or green"));
        }

        var value = Number(target, TargetField, "the target", found);
        var margin = Number(amber, AmberField, "the amber margin", found);
        if (found.Count > 0)
        {
            return null;
        }

        found.AddRange(Check(indicator!.Definition, value!.Value, margin!.Value));
        return found.Count == 0 ? new Target(indicator.Id, value.Value, margin.Value) : null;
    }

    /// <summary>The problems with a target of <paramref name="value"/> and <paramref name="margin"/>
    /// for <paramref name="definition"/>; none when it is right.</summary>
    public static IReadOnlyList<TargetProblem> Check(IndicatorDefinition definition, double value, double margin)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<TargetProblem>();
        if (definition.Polarity == Polarity.Neither)
        {
            problems.Add(new TargetProblem(IndicatorField, $"{definition.Title} has no target: it measures demand, so neither higher nor lower is better and it is not rated red, amber or green"));
            return problems;
        }

        if (OutOfRange(definition, value) is { } range)
        {
            problems.Add(new TargetProblem(TargetField, $"The target {Format(value)} is out of range: {definition.Title} {range}"));
        }
        else if (definition.Polarity == Polarity.HigherIsBetter && value <= definition.Minimum)
        {
            problems.Add(new TargetProblem(TargetField, $"The target must be more than {Format(definition.Minimum)}: higher is better, so every value would meet a target of {Format(value)}"));
        }
        else if (definition.Polarity == Polarity.LowerIsBetter && definition.Maximum is { } max && value >= max)
        {
            problems.Add(new TargetProblem(TargetField, $"The target must be less than {Format(max)}: lower is better, so every value would meet a target of {Format(value)}"));
        }

        if (margin < 0)
        {
            problems.Add(new TargetProblem(AmberField, "The amber margin must be 0 or more (0 means anything that misses the target is red)"));
        }
        else if (problems.Count == 0)
        {
            // Red must stay possible: a value more than the margin on the wrong side of the target.
            if (definition.Polarity == Polarity.HigherIsBetter && value - margin <= definition.Minimum)
            {
                problems.Add(new TargetProblem(AmberField, $"The amber margin must be less than {Format(value - definition.Minimum)}: with a target of {Format(value)}, a larger margin leaves no value red"));
            }
            else if (definition.Polarity == Polarity.LowerIsBetter && definition.Maximum is { } top && value + margin >= top)
            {
                problems.Add(new TargetProblem(AmberField, $"The amber margin must be less than {Format(top - value)}: with a target of {Format(value)}, a larger margin leaves no value red"));
            }
        }

        return problems;
    }

    /// <summary>Null when <paramref name="value"/> is one the indicator can take, else the range in
    /// words ("is from 0 to 100", "is 0 or more").</summary>
    public static string? OutOfRange(IndicatorDefinition definition, double value)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (value >= definition.Minimum && (definition.Maximum is not { } max || value <= max))
        {
            return null;
        }

        return Range(definition);
    }

    /// <summary>The indicator's range in words: "is from 0 to 100" or "is 0 or more".</summary>
    public static string Range(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Maximum is { } max
            ? $"is from {Format(definition.Minimum)} to {Format(max)}"
            : $"is {Format(definition.Minimum)} or more";
    }

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static double? Number(string? text, string field, string subject, List<TargetProblem> problems)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            problems.Add(new TargetProblem(field, $"Enter {subject}"));
            return null;
        }

        if (!double.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problems.Add(new TargetProblem(field, $"Enter {subject} as a number, like 22.5"));
            return null;
        }

        return value;
    }
}
