using Lantern.Domain.Model;

namespace Lantern.Domain.Staffing;

/// <summary>One team's social work staffing on a date, counted as the workforce census counts it
/// (<see cref="WorkforceCensus.InScope"/>: registered social workers in a social work role, in post
/// on the date). The census adds these up over the council's teams for its vacancies.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="EstablishmentFte">Established social work posts (FTE).</param>
/// <param name="EmployedFte">FTE of social workers employed by the council in the team.</param>
/// <param name="AgencyFte">FTE of agency social workers in the team.</param>
/// <param name="VacancyFte">Established FTE not filled by an employed social worker (never below
/// nought: a team over its establishment has no vacancies).</param>
/// <param name="AgencyCoveringVacanciesFte">Agency FTE covering a vacancy: the smaller of the
/// team's agency FTE and its vacancies.</param>
/// <param name="EmployedHeadcount">Employed social workers in the team (people).</param>
/// <param name="AgencyHeadcount">Agency social workers in the team (people).</param>
/// <param name="NewlyQualified">Social workers in the team in their assessed and supported year on the date (people).</param>
public sealed record TeamStaffing(
    long TeamId,
    decimal EstablishmentFte,
    decimal EmployedFte,
    decimal AgencyFte,
    decimal VacancyFte,
    decimal AgencyCoveringVacanciesFte,
    int EmployedHeadcount,
    int AgencyHeadcount,
    int NewlyQualified)
{
    /// <summary>Social workers in the team (people, employed and agency).</summary>
    public int Headcount => EmployedHeadcount + AgencyHeadcount;

    /// <summary>The staffing of <paramref name="team"/> on <paramref name="on"/> from
    /// <paramref name="workers"/> (any workers: those of other teams, out of scope or not in post on
    /// the date are left out here).</summary>
    public static TeamStaffing Of(Team team, IEnumerable<Worker> workers, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(workers);
        var theirs = workers.Where(w => w.TeamId == team.Id && w.IsInPost(on) && WorkforceCensus.InScope(w)).ToList();
        var employed = theirs.Where(w => w.Employment == EmploymentType.Employed).ToList();
        var agency = theirs.Where(w => w.Employment == EmploymentType.Agency).ToList();
        var employedFte = employed.Sum(w => w.Fte);
        var agencyFte = agency.Sum(w => w.Fte);
        var vacant = Math.Max(0, team.EstablishmentFte - employedFte);
        return new TeamStaffing(
            team.Id,
            team.EstablishmentFte,
            employedFte,
            agencyFte,
            vacant,
            Math.Min(vacant, agencyFte),
            employed.Count,
            agency.Count,
            theirs.Count(w => w.IsAsyeOn(on)));
    }
}
