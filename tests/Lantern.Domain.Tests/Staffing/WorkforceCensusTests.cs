using System.Globalization;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Xunit;

namespace Lantern.Domain.Tests.Staffing;

/// <summary>The census measures on a small authority built by hand, each expected figure worked out
/// from the definitions in the domain reference (section 4.14) in the comments, not by the code.</summary>
public class WorkforceCensusTests
{
    private static readonly DateOnly AsAt = D("2025-09-30");

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Worker W(long id, WorkerRole role, long team, EmploymentType employment, decimal fte, string start, string? left = null, bool registered = true) => new()
    {
        Id = id,
        StaffId = "SW" + id.ToString(CultureInfo.InvariantCulture),
        GivenName = "Worker",
        FamilyName = id.ToString(CultureInfo.InvariantCulture),
        Role = role,
        TeamId = team,
        Employment = employment,
        Fte = fte,
        StartDate = D(start),
        LeftDate = left is null ? null : D(left),
        Registration = registered ? "SW" + (100000 + id).ToString(CultureInfo.InvariantCulture) : null,
    };

    private static IEnumerable<Allocation> Cases(long worker, int count, string start = "2025-01-01", string? end = null) =>
        Enumerable.Range(0, count).Select(i => new Allocation { Id = worker * 100 + i, ChildId = worker * 100 + i, WorkerId = worker, StartDate = D(start), EndDate = end is null ? null : D(end) });

    private static WorkforceCensus Built()
    {
        Team[] teams = [new() { Id = 1, Name = "One", EstablishmentFte = 5.0m }, new() { Id = 2, Name = "Two", EstablishmentFte = 3.0m }];
        Worker[] workers =
        [
            W(1, WorkerRole.SocialWorker, 1, EmploymentType.Employed, 1.0m, "2020-01-01"), // A
            W(2, WorkerRole.SocialWorker, 1, EmploymentType.Employed, 0.5m, "2024-01-01"), // B
            W(3, WorkerRole.AdvancedPractitioner, 1, EmploymentType.Agency, 1.0m, "2025-02-01"), // C
            W(4, WorkerRole.TeamManager, 1, EmploymentType.Employed, 1.0m, "2018-06-01"), // D
            W(5, WorkerRole.SocialWorker, 2, EmploymentType.Employed, 1.0m, "2021-01-01", left: "2025-03-31"), // E: leaver in the year
            W(6, WorkerRole.SocialWorker, 2, EmploymentType.Agency, 1.0m, "2025-05-01"), // F
            W(7, WorkerRole.SocialWorker, 2, EmploymentType.Employed, 0.8m, "2022-01-01"), // G
            W(8, WorkerRole.BusinessSupport, 1, EmploymentType.Employed, 1.0m, "2019-01-01", registered: false), // out of scope
            W(9, WorkerRole.SocialWorker, 2, EmploymentType.Employed, 1.0m, "2019-01-01", registered: false), // unregistered: out of scope
            W(10, WorkerRole.SocialWorker, 1, EmploymentType.Employed, 1.0m, "2019-01-01", left: "2024-09-15"), // left before the year
            W(11, WorkerRole.SocialWorker, 2, EmploymentType.Employed, 1.0m, "2019-01-01", left: "2025-10-15"), // K: leaves after the date
        ];
        Allocation[] allocations =
        [
            .. Cases(1, 10), .. Cases(2, 5), .. Cases(3, 8), .. Cases(4, 2), .. Cases(6, 6), .. Cases(7, 4),
            .. Cases(5, 3, end: "2025-03-31"), // the leaver's, ended
            .. Cases(11, 1, end: "2025-09-30"), // handed over on the census date: the new worker's that day
        ];
        WorkerAbsence[] absences =
        [
            new() { WorkerId = 1, Kind = AbsenceKind.Sickness, StartDate = D("2025-01-06"), EndDate = D("2025-01-10") }, // 5 working days x 1.0
            new() { WorkerId = 2, Kind = AbsenceKind.Sickness, StartDate = D("2024-12-23"), EndDate = D("2024-12-27") }, // 23, 24, 27 (25, 26 bank holidays) x 0.5
            new() { WorkerId = 1, Kind = AbsenceKind.Sickness, StartDate = D("2024-09-26"), EndDate = D("2024-10-02") }, // only 1 and 2 October are in the year
            new() { WorkerId = 7, Kind = AbsenceKind.AnnualLeave, StartDate = D("2025-07-07"), EndDate = D("2025-07-18") }, // leave: not absence
            new() { WorkerId = 5, Kind = AbsenceKind.Sickness, StartDate = D("2025-02-03"), EndDate = D("2025-02-07") }, // a leaver: not in post on the date
            new() { WorkerId = 6, Kind = AbsenceKind.Sickness, StartDate = D("2025-06-02"), EndDate = D("2025-06-06") }, // agency: not counted
        ];
        return WorkforceCensus.On(AsAt, teams, workers, allocations, absences);
    }

    [Fact]
    public void Head_count_and_fte_count_registered_social_workers_in_post_on_the_date()
    {
        var census = Built();

        // Employed in post: A 1.0 + B 0.5 + D 1.0 + G 0.8 + K 1.0 = 4.3 (five people); agency C 1.0 + F 1.0.
        Assert.Equal(4.3m, census.EmployedFte);
        Assert.Equal(5, census.Headcount);
        Assert.Equal(2.0m, census.AgencyFte);
    }

    [Fact]
    public void Turnover_agency_and_vacancy_rates_follow_the_published_definitions()
    {
        var census = Built();

        // Turnover: leavers in the year (E, 1.0) / employed FTE on the date (4.3) = 23.26%.
        Assert.Equal(1.0m, census.LeaverFte);
        Assert.Equal(23.3m, census.TurnoverRate);

        // Agency: 2.0 / (2.0 + 4.3) = 31.75%.
        Assert.Equal(31.7m, census.AgencyRate);

        // Vacancies: team one 5.0 - 2.5 employed = 2.5, team two 3.0 - 1.8 = 1.2; 3.7 / (3.7 + 4.3) = 46.25%.
        Assert.Equal(3.7m, census.VacancyFte);
        Assert.Equal(46.3m, census.VacancyRate);

        // Agency covering vacancies: min(2.5, 1.0) + min(1.2, 1.0) = 2.0; of vacancies 54.05%, of agency 100%.
        Assert.Equal(2.0m, census.AgencyCoveringVacanciesFte);
        Assert.Equal(54.1m, census.AgencyCoverOfVacancies);
        Assert.Equal(100.0m, census.AgencyCoveringVacanciesShare);
    }

    [Fact]
    public void Caseload_is_cases_held_by_case_holding_social_workers_over_their_fte()
    {
        var census = Built();

        // Cases: A 10 + B 5 + C 8 + F 6 + G 4 = 33 (the manager's 2, the leaver's and the case handed
        // over on the date are not counted). FTE: A 1.0 + B 0.5 + C 1.0 + F 1.0 + G 0.8 + K 1.0 = 5.3.
        Assert.Equal(33, census.CasesHeld);
        Assert.Equal(5.3m, census.CaseHoldingFte);
        Assert.Equal(6.2m, census.Caseload);
    }

    [Fact]
    public void Absence_rate_is_sickness_days_lost_over_available_working_days_of_employed_workers()
    {
        var census = Built();

        // 1 October 2024 to 30 September 2025 has 253 working days (8 bank holidays). Lost:
        // A 5 + 2, B 3 x 0.5 = 8.5; available 253 x 4.3 = 1,087.9; 0.78%.
        Assert.Equal(8.5m, census.WorkingDaysLost);
        Assert.Equal(1087.9m, census.AvailableWorkingDays);
        Assert.Equal(0.8m, census.AbsenceRate);
    }

    [Fact]
    public void Rates_with_nothing_to_divide_by_are_null_not_zero()
    {
        var census = WorkforceCensus.On(AsAt, [], [], [], []);

        Assert.Null(census.TurnoverRate);
        Assert.Null(census.AgencyRate);
        Assert.Null(census.VacancyRate);
        Assert.Null(census.Caseload);
        Assert.Null(census.AbsenceRate);
    }
}
