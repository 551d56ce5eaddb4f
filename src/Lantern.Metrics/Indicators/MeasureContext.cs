using System.Collections.Frozen;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;

namespace Lantern.Metrics.Indicators;

/// <summary>What an indicator measures against: the snapshot, the as-at date and its reporting year
/// (the 12 months ending on the as-at date), with lookups shared by every indicator and every date.</summary>
public sealed class MeasureContext
{
    internal MeasureContext(IndicatorIndex index, DateOnly asAt)
    {
        Index = index;
        AsAt = asAt;
        YearStart = asAt.AddYears(-1).AddDays(1);
    }

    public AuthorityData Data => Index.Data;

    public IndicatorIndex Index { get; }

    /// <summary>The date the figures are as at (inclusive).</summary>
    public DateOnly AsAt { get; }

    /// <summary>The first day of the 12 months ending on <see cref="AsAt"/>.</summary>
    public DateOnly YearStart { get; }

    /// <summary>Whether <paramref name="date"/> falls in the 12 months ending on the as-at date.</summary>
    public bool InYear(DateOnly date) => date >= YearStart && date <= AsAt;

    /// <summary>Whether a period from <paramref name="start"/> to <paramref name="end"/> (null: still open)
    /// is open on the as-at date: started on or before it and not ended before or on it.</summary>
    public bool OpenOnDate(DateOnly start, DateOnly? end) => start <= AsAt && (end is null || end > AsAt);

    /// <summary>Children aged 0 to 17 in the mid-year estimate in force on the as-at date (the rate denominator).</summary>
    public int Population => Index.PopulationOn(AsAt).Total;
}

/// <summary>Lookups over one snapshot, built once on first use and shared by every indicator and
/// date (safe to use from several threads).</summary>
public sealed class IndicatorIndex
{
    private readonly Lazy<Dictionary<long, Child>> children;
    private readonly Lazy<Dictionary<long, Worker>> workers;
    private readonly Lazy<Dictionary<long, Team>> teams;
    private readonly Lazy<FrozenDictionary<string, int>> wardDeciles;
    private readonly Lazy<Dictionary<long, Allocation[]>> allocationsByChild;
    private readonly Lazy<Dictionary<long, CareEpisode[]>> episodesByChild;
    private readonly Lazy<Dictionary<long, ChildProtectionPlan[]>> plansByChild;
    private readonly Lazy<Dictionary<long, Referral[]>> referralsByChild;
    private readonly Lazy<WorkforceStandards> standards;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, PopulationTable> populations = new();

    public IndicatorIndex(AuthorityData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        children = new(() => data.Children.ToDictionary(c => c.Id));
        workers = new(() => data.Workers.ToDictionary(w => w.Id));
        teams = new(() => data.Teams.ToDictionary(t => t.Id));
        wardDeciles = new(() => data.Wards.GroupBy(w => w.Name, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First().DeprivationDecile, StringComparer.Ordinal));
        allocationsByChild = new(() => ByChild(data.Allocations, a => a.ChildId, a => a.StartDate));
        episodesByChild = new(() => ByChild(data.CareEpisodes, e => e.ChildId, e => e.StartDate));
        plansByChild = new(() => ByChild(data.ProtectionPlans, p => p.ChildId, p => p.StartDate));
        referralsByChild = new(() => ByChild(data.Referrals, r => r.ChildId, r => r.ReferralDate));
        standards = new(() => WorkforceStandards.FromJson(data.Authorities.FirstOrDefault()?.WorkforceStandards, out _));
    }

    public AuthorityData Data { get; }

    public IReadOnlyDictionary<long, Child> Children => children.Value;

    public IReadOnlyDictionary<long, Worker> Workers => workers.Value;

    public IReadOnlyDictionary<long, Team> Teams => teams.Value;

    /// <summary>The deprivation decile of each ward (1 = most deprived 10% in England).</summary>
    public IReadOnlyDictionary<string, int> WardDeciles => wardDeciles.Value;

    /// <summary>Each child's allocations, earliest first.</summary>
    public IReadOnlyDictionary<long, Allocation[]> AllocationsByChild => allocationsByChild.Value;

    /// <summary>Each child's care episodes, earliest first.</summary>
    public IReadOnlyDictionary<long, CareEpisode[]> EpisodesByChild => episodesByChild.Value;

    /// <summary>Each child's protection plans, earliest first.</summary>
    public IReadOnlyDictionary<long, ChildProtectionPlan[]> PlansByChild => plansByChild.Value;

    /// <summary>Each child's referrals, earliest first.</summary>
    public IReadOnlyDictionary<long, Referral[]> ReferralsByChild => referralsByChild.Value;

    /// <summary>The council's workforce standards (caseload weights and thresholds, supervision, oversight).</summary>
    public WorkforceStandards Standards => standards.Value;

    /// <summary>The council's local settings (visit timescales and the like); defaults when there is none.</summary>
    public LocalAuthority Authority => Data.Authorities.FirstOrDefault() ?? new LocalAuthority();

    /// <summary>The children's worker on <paramref name="date"/>: the allocation open that day (on a
    /// handover day, the new worker), or null when unallocated.</summary>
    public Allocation? AllocationOn(long childId, DateOnly date)
    {
        if (!AllocationsByChild.TryGetValue(childId, out var list))
        {
            return null;
        }

        Allocation? found = null;
        foreach (var a in list)
        {
            if (a.StartDate > date)
            {
                break;
            }

            if (a.EndDate is null || a.EndDate > date)
            {
                found = a;
            }
        }

        return found;
    }

    /// <summary>The mid-year population estimate in force on <paramref name="date"/>: the latest year
    /// whose 30 June is on or before it (31 March 2020 uses mid-2019), or the earliest year held.</summary>
    public PopulationTable PopulationOn(DateOnly date)
    {
        var year = date >= new DateOnly(date.Year, 6, 30) ? date.Year : date.Year - 1;
        return populations.GetOrAdd(year, y => PopulationTable.For(Data, y));
    }

    // Plain dictionaries (read-only once built, so safe to share between threads): building a frozen
    // dictionary over millions of children costs far more than it saves here.
    private static Dictionary<long, T[]> ByChild<T>(List<T> items, Func<T, long> child, Func<T, DateOnly> start)
    {
        var groups = new Dictionary<long, List<T>>();
        foreach (var item in items)
        {
            var id = child(item);
            if (!groups.TryGetValue(id, out var list))
            {
                groups[id] = list = new List<T>(2);
            }

            list.Add(item);
        }

        var result = new Dictionary<long, T[]>(groups.Count);
        foreach (var (id, list) in groups)
        {
            var sorted = true;
            for (var i = 1; i < list.Count && sorted; i++)
            {
                sorted = start(list[i - 1]) <= start(list[i]);
            }

            // OrderBy is stable: records starting on the same day stay in id order.
            result[id] = sorted ? list.ToArray() : list.OrderBy(start).ToArray();
        }

        return result;
    }
}

/// <summary>Children aged 0 to 17 in one mid-year estimate, in total and by ward and age band.</summary>
public sealed class PopulationTable
{
    public int Year { get; private init; }

    public int Total { get; private init; }

    public IReadOnlyDictionary<string, int> ByWard { get; private init; } = FrozenDictionary<string, int>.Empty;

    public IReadOnlyDictionary<string, int> ByAgeBand { get; private init; } = FrozenDictionary<string, int>.Empty;

    public static PopulationTable For(AuthorityData data, int year)
    {
        ArgumentNullException.ThrowIfNull(data);
        var years = data.Population.Select(p => p.Year).Distinct().ToList();
        if (years.Count == 0)
        {
            return new PopulationTable { Year = year };
        }

        var best = years.Where(y => y <= year).DefaultIfEmpty(years.Min()).Max();
        var rows = data.Population.Where(p => p.Year == best && p.Age is >= 0 and <= 17).ToList();
        return new PopulationTable
        {
            Year = best,
            Total = rows.Sum(p => p.Count),
            ByWard = rows.GroupBy(p => p.Ward, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Sum(p => p.Count), StringComparer.Ordinal),
            ByAgeBand = rows.GroupBy(p => AgeBands.Of(p.Age)).ToFrozenDictionary(g => g.Key, g => g.Sum(p => p.Count), StringComparer.Ordinal),
        };
    }
}

/// <summary>The DfE age bands of the CIN and CLA statistics.</summary>
public static class AgeBands
{
    public const string Unborn = "Unborn";
    public const string NotRecorded = "Not recorded";

    public static IReadOnlyList<string> All { get; } = [Unborn, "Under 1", "1 to 4", "5 to 9", "10 to 15", "16 to 17", "18 and over", NotRecorded];

    public static string Of(int age) => age switch
    {
        < 1 => "Under 1",
        <= 4 => "1 to 4",
        <= 9 => "5 to 9",
        <= 15 => "10 to 15",
        <= 17 => "16 to 17",
        _ => "18 and over",
    };

    public static string Of(Child child, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.AgeOn(date) is { } age)
        {
            return Of(age);
        }

        return child.DateOfBirth is null && child.ExpectedDateOfBirth is not null ? Unborn
            : child.DateOfBirth is { } dob && dob > date ? Unborn
            : NotRecorded;
    }
}
