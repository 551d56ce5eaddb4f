using System.Globalization;
using Lantern.Domain.Model;

namespace Lantern.Domain.Staffing;

/// <summary>How often a manager must record a decision on each child open to social care, set by the
/// council: at least every <see cref="Days"/> calendar days (a month by default). Calendar days, not
/// working days, because a child's circumstances do not pause for weekends or a manager's leave.</summary>
public sealed record OversightSettings
{
    public static OversightSettings Default { get; } = new();

    /// <summary>A child should have a recorded management decision at least every this many calendar days.</summary>
    public int Days { get; init; } = 30;

    /// <summary>The problems with these settings, each naming its field; empty when they can be used.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (Days is < 1 or > 365)
        {
            problems.Add((nameof(Days), "Management oversight must be due every 1 to 365 days"));
        }

        return problems;
    }
}

/// <summary>A child open to social care who has gone longer than the council allows without a recorded
/// management decision.</summary>
/// <param name="Since">The day the clock runs from: the later of the child's latest decision and the
/// day they became open.</param>
/// <param name="LastDecision">The child's latest management decision on or before the day, even one made
/// before the child's current involvement began; null when there has never been one.</param>
/// <param name="DaysWithout">Calendar days from <paramref name="Since"/> to the day.</param>
public sealed record OversightGap(long ChildId, DateOnly Since, DateOnly? LastDecision, int DaysWithout);

/// <summary>Management oversight: every child open to social care should have a recorded management
/// decision at least every <see cref="OversightSettings.Days"/> calendar days. The clock runs from the
/// later of the child's latest decision and the day they became open (so a decision from an earlier
/// involvement does not cover the current one, and a newly open child has the full period for a first
/// decision). A child is in a gap when more than that many days have passed: a decision exactly
/// <see cref="OversightSettings.Days"/> days ago is still in time.</summary>
public static class ManagementOversight
{
    /// <summary>The open children in a gap on <paramref name="today"/>, longest without first, then by
    /// child. Each child is listed once in <paramref name="openChildren"/> with the day their current
    /// involvement began; decisions dated after today are not counted.</summary>
    /// <exception cref="ArgumentException">A child is listed twice, or the settings have problems.</exception>
    public static IReadOnlyList<OversightGap> Gaps(IEnumerable<(long ChildId, DateOnly OpenSince)> openChildren, IEnumerable<ManagementDecision> decisions, DateOnly today, OversightSettings settings)
    {
        ArgumentNullException.ThrowIfNull(openChildren);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problems() is [var (_, message), ..])
        {
            throw new ArgumentException(message, nameof(settings));
        }

        var latest = new Dictionary<long, DateOnly>();
        foreach (var d in decisions.Where(d => d.Date <= today))
        {
            if (!latest.TryGetValue(d.ChildId, out var seen) || d.Date > seen)
            {
                latest[d.ChildId] = d.Date;
            }
        }

        var listed = new HashSet<long>();
        var gaps = new List<OversightGap>();
        foreach (var (childId, openSince) in openChildren)
        {
            if (!listed.Add(childId))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Child {childId} is listed as open more than once"), nameof(openChildren));
            }

            DateOnly? last = latest.TryGetValue(childId, out var l) ? l : null;
            var since = last is { } decided && decided > openSince ? decided : openSince;
            var days = today.DayNumber - since.DayNumber;
            if (days > settings.Days)
            {
                gaps.Add(new OversightGap(childId, since, last, days));
            }
        }

        return gaps.OrderByDescending(g => g.DaysWithout).ThenBy(g => g.ChildId).ToList();
    }

    /// <summary>The share of open children with a management decision within the period: (open children −
    /// those in a gap) ÷ open children × 100, to 1 decimal place; null when no child is open.</summary>
    public static decimal? WithinPeriodPercent(int openChildren, int gaps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gaps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gaps, openChildren);
        return openChildren == 0 ? null : Math.Round((decimal)(openChildren - gaps) / openChildren * 100, 1, MidpointRounding.AwayFromZero);
    }
}
