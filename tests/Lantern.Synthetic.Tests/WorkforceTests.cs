using Lantern.Domain.Model;
using Lantern.Domain.Staffing;

namespace Lantern.Synthetic.Tests;

public sealed class WorkforceTests
{
    private static readonly GeneratorOptions Small = new()
    {
        Population = 6_000,
        From = new DateOnly(2019, 4, 1),
        To = new DateOnly(2021, 3, 31),
    };

    [Fact]
    public void Employed_workers_take_leave_and_are_sometimes_sick_never_twice_on_one_day()
    {
        var data = SyntheticAuthority.Generate(Small).Data;
        var employed = data.Workers.Where(w => w.Employment == EmploymentType.Employed && w.StartDate <= new DateOnly(2019, 4, 1) && w.LeftDate is null).ToList();

        Assert.NotEmpty(employed);
        Assert.All(employed, w => Assert.Contains(data.WorkerAbsences, a => a.WorkerId == w.Id && a.Kind == AbsenceKind.AnnualLeave));
        Assert.Contains(data.WorkerAbsences, a => a.Kind == AbsenceKind.Sickness);
        Assert.DoesNotContain(data.WorkerAbsences, a => data.Workers.Single(w => w.Id == a.WorkerId).Employment == EmploymentType.Agency);
        Assert.All(data.WorkerAbsences, a => Assert.True(a.EndDate >= a.StartDate));
        foreach (var group in data.WorkerAbsences.GroupBy(a => a.WorkerId))
        {
            var ordered = group.OrderBy(a => a.StartDate).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), p => Assert.True(p.Second.StartDate > p.First.EndDate, $"worker {group.Key}: absences overlap"));
        }
    }

    [Fact]
    public void The_synthetic_census_has_an_absence_rate_near_englands_and_a_high_agency_share()
    {
        var data = SyntheticAuthority.Generate(Small).Data;

        var census = WorkforceCensus.On(new DateOnly(2020, 9, 30), data.Teams, data.Workers, data.Allocations, data.WorkerAbsences);

        // England 2023: 3.2% (domain reference 5.1); the profile's agency share is among England's highest.
        Assert.InRange(census.AbsenceRate!.Value, 1.5m, 6m);
        Assert.True(census.AgencyRate > 20m, $"agency rate {census.AgencyRate}");
        Assert.True(census.Caseload > 10m, $"caseload {census.Caseload}");
        Assert.True(census.EmployedFte > 0);
    }

    [Fact]
    public void Each_team_has_an_establishment_and_its_vacancies_are_about_its_agency_cover()
    {
        var data = SyntheticAuthority.Generate(Small).Data;
        var end = data.Authorities[0].DataTo;

        foreach (var team in data.Teams)
        {
            var staffing = TeamStaffing.Of(team, data.Workers, end);
            // Posts are the social workers in post at the end of the data, rounded up to a half post.
            Assert.Equal(Math.Ceiling((staffing.EmployedFte + staffing.AgencyFte) * 2) / 2, team.EstablishmentFte);
            Assert.True(staffing.VacancyFte >= staffing.AgencyFte, $"team {team.Name}: vacancies {staffing.VacancyFte} below agency FTE {staffing.AgencyFte}");
        }

        // At the end of the data, as a council relying on agency workers: vacancies about the agency share.
        var census = WorkforceCensus.On(new DateOnly(end.Year - (end.Month < 10 ? 1 : 0), 9, 30), data.Teams, data.Workers, data.Allocations, data.WorkerAbsences);
        Assert.InRange(census.VacancyRate!.Value, 10m, 60m);
    }
}
