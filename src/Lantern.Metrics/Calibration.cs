using Lantern.Domain.Model;

namespace Lantern.Metrics;

public sealed record CalibrationCheck(string Measure, DateOnly AsAt, double Target, double Measured, double Tolerance)
{
    public bool Within => Math.Abs(Measured - Target) <= Math.Abs(Target) * Tolerance;
}

/// <summary>The published figures of spec/calibration.md that the default profile must reproduce,
/// measured with the indicators of `lantern indicators` (through the headline figures).</summary>
public static class Calibration
{
    public static IReadOnlyList<CalibrationCheck> Check(AuthorityData data, double scale = 1.0)
    {
        var engine = new Indicators.IndicatorEngine(data);
        var m2016 = HeadlineStats.Compute(engine, new DateOnly(2016, 3, 31));
        var m2019 = HeadlineStats.Compute(engine, new DateOnly(2019, 3, 31));
        var m2020 = HeadlineStats.Compute(engine, new DateOnly(2020, 3, 31));
        var m2021 = HeadlineStats.Compute(engine, new DateOnly(2021, 3, 31));
        var m2022 = HeadlineStats.Compute(engine, new DateOnly(2022, 1, 31));
        var m2024 = HeadlineStats.Compute(engine, new DateOnly(2024, 3, 31));
        return
        [
            new("Children looked after", m2016.AsAt, 297 * scale, m2016.ChildrenLookedAfter, 0.10),
            new("Children looked after", m2020.AsAt, 600 * scale, m2020.ChildrenLookedAfter, 0.10),
            new("Net growth of children looked after in the year", m2020.AsAt, 128 * scale, m2020.ChildrenLookedAfter - m2019.ChildrenLookedAfter, 0.25),
            new("Section 47 enquiries per 10,000", m2019.AsAt, 236, m2019.S47Per10k, 0.10),
            new("Section 47 enquiries per 10,000", m2020.AsAt, 424, m2020.S47Per10k, 0.10),
            new("Initial child protection conferences", m2019.AsAt, 98 * scale, m2019.IcpcYear, 0.10),
            new("Initial child protection conferences", m2020.AsAt, 164 * scale, m2020.IcpcYear, 0.10),
            new("Referrals per 10,000", m2020.AsAt, 1070, m2020.ReferralsPer10k, 0.10),
            new("Re-referrals within 12 months (%)", m2021.AsAt, 31, m2021.RereferralsPct, 0.10),
            new("Average social worker caseload", m2022.AsAt, 25, m2022.AverageCaseload, 0.10),
            new("Children looked after", m2024.AsAt, 470 * scale, m2024.ChildrenLookedAfter, 0.10),
            new("Open social care allocations", m2020.AsAt, 2300 * scale, m2020.OpenAllocations, 0.20),
            new("Protection plans on the date, up about 38% on the year", m2020.AsAt, 1.38, m2019.CpPlansAtDate == 0 ? 0 : m2020.CpPlansAtDate / (double)m2019.CpPlansAtDate, 0.20),
            new("Agency share of social workers above 30% (%)", m2020.AsAt, 36, m2020.AgencyPct, 0.20),
        ];
    }
}
