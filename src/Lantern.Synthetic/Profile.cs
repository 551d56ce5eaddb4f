namespace Lantern.Synthetic;

/// <summary>One ward of a synthetic authority.</summary>
public sealed record WardProfile(string Name, int DeprivationDecile, string PostcodeDistrict, double PopulationShare);

/// <summary>Targets for one reporting year (1 April to 31 March, named by the year it ends).</summary>
public sealed record YearTargets(
    int Year,
    double Referrals,
    double Section47s,
    double InitialConferences,
    double LookedAfterAt31March,
    double RereferralRate,
    double PlanConversion,
    double AgencyShare,
    double TargetCaseload,
    double AssessmentsWithin45,
    double UnallocatedShare);

/// <summary>A synthetic authority profile: its place and the yearly figures it must reproduce.</summary>
public sealed class Profile
{
    public required string Name { get; init; }

    public required string LaCode { get; init; }

    public required string CouncilName { get; init; }

    /// <summary>Children aged 0-17 in the reference year (the rate denominator).</summary>
    public required int Population0To17 { get; init; }

    public required int PopulationReferenceYear { get; init; }

    public required double PopulationGrowthPerYear { get; init; }

    public required IReadOnlyList<WardProfile> Wards { get; init; }

    public required IReadOnlyList<YearTargets> Years { get; init; }

    public static IReadOnlyList<string> Names { get; } = ["nel"];

    public static Profile? Find(string name) =>
        string.Equals(name, "nel", StringComparison.OrdinalIgnoreCase) ? Nel : null;

    /// <summary>Targets for a reporting year; years outside the table take the nearest year.</summary>
    public YearTargets For(int year)
    {
        var first = Years[0];
        var last = Years[^1];
        if (year <= first.Year)
        {
            return first;
        }

        if (year >= last.Year)
        {
            return last;
        }

        return Years[year - first.Year];
    }

    /// <summary>The North East Lincolnshire-like profile of spec/calibration.md: demand falling
    /// before 2016, the crisis of 2019-2022, recovery to 2026.</summary>
    public static Profile Nel { get; } = new()
    {
        Name = "nel",
        LaCode = "812",
        CouncilName = "North East Lincolnshire Council (synthetic)",
        Population0To17 = 34_000,
        PopulationReferenceYear = 2019,
        PopulationGrowthPerYear = 0.002,
        Wards =
        [
            new("Croft Baker", 4, "DN35", 0.062),
            new("East Marsh", 1, "DN31", 0.085),
            new("Freshney", 3, "DN37", 0.070),
            new("Haverstoe", 8, "DN35", 0.052),
            new("Heneage", 1, "DN32", 0.072),
            new("Humberston and New Waltham", 9, "DN36", 0.060),
            new("Immingham", 3, "DN40", 0.070),
            new("Park", 4, "DN32", 0.062),
            new("Scartho", 7, "DN33", 0.058),
            new("Sidney Sussex", 1, "DN35", 0.070),
            new("South", 1, "DN31", 0.090),
            new("Waltham", 9, "DN37", 0.040),
            new("West Marsh", 1, "DN31", 0.060),
            new("Wolds", 10, "DN41", 0.040),
            new("Yarborough", 2, "DN34", 0.089),
        ],
        Years =
        [
            // year refs s47 icpc cla-at-31-March rereferral plan-conversion agency-hiring-share caseload assessments-in-45 unallocated
            // (the hiring share runs above the measured agency share, as agency workers leave sooner)
            new(2012, 2650, 520, 80, 300, 0.20, 0.80, 0.10, 17, 0.86, 0.01),
            new(2013, 2600, 510, 79, 300, 0.20, 0.80, 0.10, 17, 0.86, 0.01),
            new(2014, 2560, 500, 78, 298, 0.20, 0.80, 0.11, 17, 0.86, 0.01),
            new(2015, 2500, 480, 75, 295, 0.21, 0.80, 0.13, 17, 0.86, 0.01),
            new(2016, 2450, 470, 72, 297, 0.21, 0.80, 0.15, 18, 0.85, 0.02),
            new(2017, 2550, 520, 80, 335, 0.22, 0.80, 0.20, 19, 0.84, 0.02),
            new(2018, 2750, 610, 88, 400, 0.24, 0.80, 0.26, 21, 0.80, 0.03),
            new(2019, 3000, 802, 98, 472, 0.27, 0.78, 0.45, 23, 0.76, 0.05),
            new(2020, 3500, 1442, 164, 600, 0.30, 0.90, 0.55, 27, 0.70, 0.07),
            new(2021, 3450, 1300, 152, 582, 0.31, 0.88, 0.55, 27, 0.70, 0.08),
            new(2022, 3700, 1250, 150, 580, 0.30, 0.88, 0.50, 25, 0.72, 0.08),
            new(2023, 3350, 1000, 130, 530, 0.28, 0.86, 0.36, 22, 0.78, 0.05),
            new(2024, 3100, 850, 115, 470, 0.26, 0.85, 0.27, 20, 0.83, 0.03),
            new(2025, 2950, 760, 105, 450, 0.24, 0.85, 0.20, 18, 0.86, 0.02),
            new(2026, 2850, 720, 100, 430, 0.23, 0.85, 0.18, 17, 0.87, 0.02),
        ],
    };
}
