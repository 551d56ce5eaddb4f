using System.Globalization;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Xunit;

namespace Lantern.Domain.Tests.Staffing;

/// <summary>One team's staffing, each figure worked out by hand in the comments, and the census
/// vacancies being the teams' vacancies added up.</summary>
public class TeamStaffingTests
{
    private static readonly DateOnly On = D("2026-03-31");

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Worker W(long id, WorkerRole role, long team, EmploymentType employment, decimal fte, string start, string? left = null, bool registered = true, string? asyeEnd = null) => new()
    {
        Id = id,
        GivenName = "Worker",
        FamilyName = id.ToString(CultureInfo.InvariantCulture),
        Role = role,
        TeamId = team,
        Employment = employment,
        Fte = fte,
        StartDate = D(start),
        LeftDate = left is null ? null : D(left),
        AsyeEndDate = asyeEnd is null ? null : D(asyeEnd),
        Registration = registered ? "SW" + (100000 + id).ToString(CultureInfo.InvariantCulture) : null,
    };

    private static readonly Team One = new() { Id = 1, Name = "One", EstablishmentFte = 6.5m };

    private static readonly Team Two = new() { Id = 2, Name = "Two", EstablishmentFte = 1.0m };

    private static readonly Worker[] Workers =
    [
        W(1, WorkerRole.SocialWorker, 1, EmploymentType.Employed, 1.0m, "2020-01-01"),
        W(2, WorkerRole.SocialWorker, 1, EmploymentType.Employed, 0.6m, "2025-09-01", asyeEnd: "2026-08-31"), // newly qualified
        W(3, WorkerRole.TeamManager, 1, EmploymentType.Employed, 1.0m, "2018-01-01"),
        W(4, WorkerRole.SocialWorker, 1, EmploymentType.Agency, 1.0m, "2025-11-01"),
        W(5, WorkerRole.AdvancedPractitioner, 1, EmploymentType.Agency, 0.8m, "2025-12-01", asyeEnd: "2026-02-28"), // assessed year over
        W(6, WorkerRole.SocialWorker, 1, EmploymentType.Employed, 1.0m, "2019-01-01", left: "2026-03-30"), // left the day before
        W(7, WorkerRole.SocialWorker, 1, EmploymentType.Employed, 1.0m, "2026-04-01"), // not started yet
        W(8, WorkerRole.BusinessSupport, 1, EmploymentType.Employed, 1.0m, "2019-01-01", registered: false), // not a social worker
        W(9, WorkerRole.SocialWorker, 1, EmploymentType.Employed, 1.0m, "2019-01-01", registered: false), // not registered
        W(10, WorkerRole.SocialWorker, 1, EmploymentType.Employed, 0.5m, "2019-01-01", left: "2026-03-31"), // last day today: in post
        W(11, WorkerRole.SocialWorker, 2, EmploymentType.Employed, 1.0m, "2019-01-01"),
        W(12, WorkerRole.SocialWorker, 2, EmploymentType.Employed, 0.8m, "2019-01-01"),
        W(13, WorkerRole.SocialWorker, 2, EmploymentType.Agency, 1.0m, "2019-01-01"),
    ];

    [Fact]
    public void A_teams_figures_count_registered_social_workers_in_post_on_the_day()
    {
        var one = TeamStaffing.Of(One, Workers, On);

        // Employed: 1 (1.0) + 2 (0.6) + 3 (1.0) + 10 (0.5) = 3.1 FTE, four people; agency 4 (1.0) + 5 (0.8) = 1.8, two people.
        Assert.Equal((6.5m, 3.1m, 1.8m), (one.EstablishmentFte, one.EmployedFte, one.AgencyFte));
        Assert.Equal((4, 2, 6), (one.EmployedHeadcount, one.AgencyHeadcount, one.Headcount));

        // Vacancies 6.5 - 3.1 = 3.4, of which agency covers 1.8.
        Assert.Equal((3.4m, 1.8m), (one.VacancyFte, one.AgencyCoveringVacanciesFte));

        // Only worker 2 is in the assessed and supported year today.
        Assert.Equal(1, one.NewlyQualified);
    }

    [Fact]
    public void A_team_over_its_establishment_has_no_vacancies_and_no_agency_cover()
    {
        var two = TeamStaffing.Of(Two, Workers, On);

        // Employed 1.8 against 1.0 established: no vacancy, and the 1.0 agency FTE covers none.
        Assert.Equal((1.8m, 1.0m, 0m, 0m), (two.EmployedFte, two.AgencyFte, two.VacancyFte, two.AgencyCoveringVacanciesFte));
    }

    [Fact]
    public void The_census_vacancies_are_the_teams_vacancies_added_up()
    {
        var census = WorkforceCensus.On(On, [One, Two], Workers, [], []);

        Assert.Equal(3.4m + 0m, census.VacancyFte);
        Assert.Equal(1.8m + 0m, census.AgencyCoveringVacanciesFte);
        Assert.Equal(3.1m + 1.8m, census.EmployedFte);
    }

    [Theory]
    [InlineData(WorkerRole.SocialWorker, true)]
    [InlineData(WorkerRole.AdvancedPractitioner, true)]
    [InlineData(WorkerRole.TeamManager, true)]
    [InlineData(WorkerRole.ServiceManager, true)]
    [InlineData(WorkerRole.HeadOfService, true)]
    [InlineData(WorkerRole.IndependentReviewingOfficer, true)]
    [InlineData(WorkerRole.Lado, true)]
    [InlineData(WorkerRole.Director, false)]
    [InlineData(WorkerRole.PersonalAdviser, false)]
    [InlineData(WorkerRole.EarlyHelpPractitioner, false)]
    [InlineData(WorkerRole.BusinessSupport, false)]
    [InlineData(WorkerRole.PerformanceAnalyst, false)]
    public void A_social_worker_is_registered_and_in_a_social_work_role(WorkerRole role, bool socialWork)
    {
        Assert.Equal(socialWork, WorkforceCensus.IsSocialWorkRole(role));
        Assert.Equal(socialWork, WorkforceCensus.InScope(W(1, role, 1, EmploymentType.Employed, 1m, "2020-01-01")));
        Assert.False(WorkforceCensus.InScope(W(1, role, 1, EmploymentType.Employed, 1m, "2020-01-01", registered: false)));
    }
}
