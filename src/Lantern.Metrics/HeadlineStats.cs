using Lantern.Domain.Model;
using Lantern.Metrics.Indicators;

namespace Lantern.Metrics;

/// <summary>The headline figures of `lantern stats`, computed from an in-memory snapshot. "Year"
/// is the 12 months ending on the as-at date. Definitions follow spec/domain-reference.md section 4.</summary>
public sealed record HeadlineFigures
{
    public required DateOnly AsAt { get; init; }

    public required int Population0To17 { get; init; }

    public required int ChildrenLookedAfter { get; init; }

    public required int ClaStartsYear { get; init; }

    public required int ClaEndsYear { get; init; }

    public required int ReferralsYear { get; init; }

    public required double ReferralsPer10k { get; init; }

    public required double RereferralsPct { get; init; }

    public required int S47Year { get; init; }

    public required double S47Per10k { get; init; }

    public required int IcpcYear { get; init; }

    public required int CpPlansAtDate { get; init; }

    public required int CpPlanStartsYear { get; init; }

    public required int CinOpen { get; init; }

    public required int OpenAllocations { get; init; }

    public required int UnallocatedChildren { get; init; }

    public required double WorkersFte { get; init; }

    public required double AgencyPct { get; init; }

    public required double AverageCaseload { get; init; }

    /// <summary>Key/value pairs in the order and with the names of the `lantern stats` JSON.</summary>
    public IReadOnlyList<(string Key, object Value)> ToPairs() =>
    [
        ("as_at", AsAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("population_0_17", Population0To17),
        ("children_looked_after", ChildrenLookedAfter),
        ("cla_starts_year", ClaStartsYear),
        ("cla_ends_year", ClaEndsYear),
        ("referrals_year", ReferralsYear),
        ("referrals_per_10k", ReferralsPer10k),
        ("rereferrals_pct", RereferralsPct),
        ("s47_year", S47Year),
        ("s47_per_10k", S47Per10k),
        ("icpc_year", IcpcYear),
        ("cp_plans_at_date", CpPlansAtDate),
        ("cp_plan_starts_year", CpPlanStartsYear),
        ("cin_open", CinOpen),
        ("open_allocations", OpenAllocations),
        ("unallocated_children", UnallocatedChildren),
        ("workers_fte", WorkersFte),
        ("agency_pct", AgencyPct),
        ("average_caseload", AverageCaseload),
    ];
}

public static class HeadlineStats
{
    /// <summary>Legal statuses of agreed series of short breaks, excluded from looked-after counts.</summary>
    public static bool IsShortBreak(CareEpisode e) => e.LegalStatus.Code is "V3" or "V4";

    /// <summary>The headline figures as at <paramref name="asAt"/>, each taken from the indicator of
    /// the same meaning (<see cref="IndicatorCatalogue"/>), so `lantern stats`, `lantern indicators`
    /// and the dashboards can never disagree.</summary>
    public static HeadlineFigures Compute(AuthorityData data, DateOnly asAt) => Compute(new IndicatorEngine(data), asAt);

    public static HeadlineFigures Compute(IndicatorEngine engine, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var ids = new[]
        {
            "cla_count", "cla_starts", "cla_ends", "referrals_per_10k", "rereferrals_12m_pct", "s47_per_10k", "icpc_count",
            "cpp_count", "cpp_starts", "cin_count", "allocated_children", "unallocated_count", "sw_agency_pct", "sw_caseload",
        };
        var values = engine.Compute(asAt, ids.Select(IndicatorCatalogue.Get).ToList()).ToDictionary(v => v.Id, StringComparer.Ordinal);
        int Count(string id) => (int)Math.Round(values[id].Numerator);
        double Value(string id) => values[id].Value ?? 0;
        return new HeadlineFigures
        {
            AsAt = asAt,
            Population0To17 = engine.ContextOn(asAt).Population,
            ChildrenLookedAfter = Count("cla_count"),
            ClaStartsYear = Count("cla_starts"),
            ClaEndsYear = Count("cla_ends"),
            ReferralsYear = Count("referrals_per_10k"),
            ReferralsPer10k = Value("referrals_per_10k"),
            RereferralsPct = Value("rereferrals_12m_pct"),
            S47Year = Count("s47_per_10k"),
            S47Per10k = Value("s47_per_10k"),
            IcpcYear = Count("icpc_count"),
            CpPlansAtDate = Count("cpp_count"),
            CpPlanStartsYear = Count("cpp_starts"),
            CinOpen = Count("cin_count"),
            OpenAllocations = Count("allocated_children"),
            UnallocatedChildren = Count("unallocated_count"),
            WorkersFte = Math.Round(values["sw_agency_pct"].Denominator, 1),
            AgencyPct = Value("sw_agency_pct"),
            AverageCaseload = Value("sw_caseload"),
        };
    }
}
