using Lantern.Domain.Model;
using Lantern.Domain.Staffing;

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

    public static HeadlineFigures Compute(AuthorityData data, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var yearStart = asAt.AddYears(-1).AddDays(1);
        bool InYear(DateOnly d) => d >= yearStart && d <= asAt;

        var population = Population.ChildrenAged0To17(data, asAt);

        // Looked after on the date: an episode that started on or before it and had not ceased by it.
        var lookedAfter = new HashSet<long>();
        var claStarts = 0;
        var claEnds = 0;
        foreach (var e in data.CareEpisodes)
        {
            if (IsShortBreak(e))
            {
                continue;
            }

            if (e.StartDate <= asAt && (e.EndDate is null || e.EndDate > asAt))
            {
                lookedAfter.Add(e.ChildId);
            }

            if (e.ReasonNew.Code == "S" && InYear(e.StartDate))
            {
                claStarts++;
            }

            if (e.EndDate is { } end && InYear(end) && e.ReasonEnded is { } rec && rec.Code != "X1")
            {
                claEnds++;
            }
        }

        // Referrals and re-referrals within 12 months of a previous referral (CIN table C1).
        var referralsByChild = new Dictionary<long, List<DateOnly>>();
        foreach (var r in data.Referrals)
        {
            if (r.ReferralDate > asAt)
            {
                continue;
            }

            if (!referralsByChild.TryGetValue(r.ChildId, out var list))
            {
                referralsByChild[r.ChildId] = list = [];
            }

            list.Add(r.ReferralDate);
        }

        var referrals = 0;
        var rereferrals = 0;
        foreach (var (_, dates) in referralsByChild)
        {
            dates.Sort();
            for (var i = 0; i < dates.Count; i++)
            {
                if (!InYear(dates[i]))
                {
                    continue;
                }

                referrals++;
                if (i > 0 && dates[i - 1] >= dates[i].AddMonths(-12))
                {
                    rereferrals++;
                }
            }
        }

        var s47 = data.Section47s.Count(s => InYear(s.StartDate));
        var icpc = data.Conferences.Count(c => c.Type == ConferenceType.Initial && InYear(c.Date));
        var cpAtDate = data.ProtectionPlans.Where(p => p.StartDate <= asAt && (p.EndDate is null || p.EndDate > asAt)).Select(p => p.ChildId).Distinct().Count();
        var cpStarts = data.ProtectionPlans.Count(p => InYear(p.StartDate));

        // Children in need on the date: an open referral episode (includes protection and care).
        var open = new HashSet<long>();
        foreach (var r in data.Referrals)
        {
            if (r.ReferralDate <= asAt && (r.ClosureDate is null || r.ClosureDate > asAt) && !r.NoFurtherAction)
            {
                open.Add(r.ChildId);
            }
        }

        var workforce = Workforce.On(data, asAt);
        var unallocated = open.Count(id => !workforce.AllocatedChildren.Contains(id));

        return new HeadlineFigures
        {
            AsAt = asAt,
            Population0To17 = population,
            ChildrenLookedAfter = lookedAfter.Count,
            ClaStartsYear = claStarts,
            ClaEndsYear = claEnds,
            ReferralsYear = referrals,
            ReferralsPer10k = Rates.Per10k(referrals, population),
            RereferralsPct = Rates.Percent(rereferrals, referrals),
            S47Year = s47,
            S47Per10k = Rates.Per10k(s47, population),
            IcpcYear = icpc,
            CpPlansAtDate = cpAtDate,
            CpPlanStartsYear = cpStarts,
            CinOpen = open.Count,
            OpenAllocations = workforce.SocialWorkAllocations,
            UnallocatedChildren = unallocated,
            WorkersFte = Math.Round(workforce.SocialWorkerFte, 1),
            AgencyPct = Rates.Percent(workforce.AgencyFte, workforce.SocialWorkerFte),
            AverageCaseload = workforce.CaseHoldingFte == 0 ? 0 : Math.Round(workforce.CasesHeld / workforce.CaseHoldingFte, 1),
        };
    }
}

public static class Rates
{
    public static double Per10k(double count, double population) => population <= 0 ? 0 : Math.Round(count * 10_000 / population, 1);

    public static double Percent(double part, double whole) => whole <= 0 ? 0 : Math.Round(part * 100 / whole, 1);
}

public static class Population
{
    /// <summary>The mid-year estimate in force on a date: the latest year whose 30 June is on or
    /// before it (so 31 March 2020 uses mid-2019).</summary>
    public static int ChildrenAged0To17(AuthorityData data, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var year = asAt >= new DateOnly(asAt.Year, 6, 30) ? asAt.Year : asAt.Year - 1;
        var years = data.Population.Select(p => p.Year).Distinct().ToList();
        if (years.Count == 0)
        {
            return 0;
        }

        var best = years.Where(y => y <= year).DefaultIfEmpty(years.Min()).Max();
        return data.Population.Where(p => p.Year == best && p.Age is >= 0 and <= 17).Sum(p => p.Count);
    }
}

/// <summary>Workforce figures on a date. Who counts as a social worker, and who holds cases, is the
/// workforce census's definition (<see cref="WorkforceCensus.InScope"/> and
/// <see cref="WorkforceCensus.CaseHolding"/>): registered workers in a social work role, and of them
/// social workers and advanced practitioners.</summary>
public sealed class Workforce
{
    public double SocialWorkerFte { get; private init; }

    public double AgencyFte { get; private init; }

    public double CaseHoldingFte { get; private init; }

    public int CasesHeld { get; private init; }

    public int SocialWorkAllocations { get; private init; }

    public HashSet<long> AllocatedChildren { get; private init; } = [];

    public static Workforce On(AuthorityData data, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var workers = data.Workers.ToDictionary(w => w.Id);
        double swFte = 0, agencyFte = 0, caseHoldingFte = 0;
        foreach (var w in data.Workers)
        {
            if (!InPost(w, asAt) || !WorkforceCensus.InScope(w))
            {
                continue;
            }

            swFte += (double)w.Fte;
            if (w.Employment == EmploymentType.Agency)
            {
                agencyFte += (double)w.Fte;
            }

            if (WorkforceCensus.CaseHolding(w))
            {
                caseHoldingFte += (double)w.Fte;
            }
        }

        var cases = 0;
        var allocated = new HashSet<long>();
        var socialWork = new HashSet<long>();
        foreach (var a in data.Allocations)
        {
            if (a.StartDate > asAt || (a.EndDate is { } end && end <= asAt))
            {
                continue;
            }

            allocated.Add(a.ChildId);
            if (workers.TryGetValue(a.WorkerId, out var w) && WorkforceCensus.CaseHolding(w))
            {
                cases++;
                socialWork.Add(a.ChildId);
            }
        }

        return new Workforce
        {
            SocialWorkerFte = swFte,
            AgencyFte = agencyFte,
            CaseHoldingFte = caseHoldingFte,
            CasesHeld = cases,
            SocialWorkAllocations = socialWork.Count,
            AllocatedChildren = allocated,
        };
    }

    private static bool InPost(Worker w, DateOnly d) => w.StartDate <= d && (w.LeftDate is null || w.LeftDate > d);
}
