using Lantern.Domain.Model;
using Lantern.Metrics.Indicators;

namespace Lantern.Metrics.Tests;

/// <summary>A small hand-built authority for indicator tests: a population of exactly
/// <see cref="Population"/> children aged 0 to 17 (so a count of 1 is 1 per 10,000 when it is
/// 10,000), two wards, a team and ids handed out in order. Add records to <see cref="Data"/>
/// directly; every expected figure is worked out by hand in the test from the definition.</summary>
public sealed class TestAuthority
{
    private long nextId = 1000;

    public TestAuthority(int population = 10_000, DateOnly? dataFrom = null, DateOnly? dataTo = null)
    {
        Population = population;
        Data.Authorities.Add(new LocalAuthority { Id = 1, Code = "999", Name = "Test council", DataFrom = dataFrom ?? new DateOnly(2015, 4, 1), DataTo = dataTo ?? new DateOnly(2026, 3, 31) });
        Data.Wards.Add(new WardInfo { Id = 1, Name = "East Marsh", DeprivationDecile = 1, PostcodeDistrict = "DN31" });
        Data.Wards.Add(new WardInfo { Id = 2, Name = "Waltham", DeprivationDecile = 9, PostcodeDistrict = "DN37" });
        // One estimate year early enough for every test date: half in each ward, spread over ages 0 to 17.
        for (var age = 0; age <= 17; age++)
        {
            var share = population / 18 + (age < population % 18 ? 1 : 0);
            Data.Population.Add(new PopulationEstimate { Id = NextId(), Year = 2010, Ward = "East Marsh", Age = age, Count = share / 2 });
            Data.Population.Add(new PopulationEstimate { Id = NextId(), Year = 2010, Ward = "Waltham", Age = age, Count = share - (share / 2) });
        }

        Team = new Team { Id = NextId(), Name = "Team A", Service = TeamService.ChildInNeedAndProtection, EstablishmentFte = 5 };
        Data.Teams.Add(Team);
    }

    public AuthorityData Data { get; } = new();

    public int Population { get; }

    public Team Team { get; }

    public long NextId() => nextId++;

    /// <summary>Adds a child born on <paramref name="dob"/> living in <paramref name="ward"/>.</summary>
    public Child Child(DateOnly dob, string ward = "East Marsh")
    {
        var child = new Child { Id = NextId(), LaChildId = $"T{nextId}", GivenName = "Test", FamilyName = $"Child{nextId}", DateOfBirth = dob, Ward = ward };
        Data.Children.Add(child);
        return child;
    }

    /// <summary>Adds a registered social worker in <see cref="Team"/>.</summary>
    public Worker Worker(DateOnly start, EmploymentType employment = EmploymentType.Employed, WorkerRole role = WorkerRole.SocialWorker, decimal fte = 1m, DateOnly? left = null)
    {
        var worker = new Worker { Id = NextId(), StaffId = $"S{nextId}", GivenName = "Worker", FamilyName = $"W{nextId}", Role = role, TeamId = Team.Id, Registration = $"SW{nextId}", Employment = employment, Fte = fte, StartDate = start, LeftDate = left };
        Data.Workers.Add(worker);
        return worker;
    }

    /// <summary>Adds <paramref name="record"/> with a fresh id and returns it.</summary>
    public T Add<T>(List<T> list, T record)
        where T : Entity
    {
        record.Id = NextId();
        list.Add(record);
        return record;
    }

    public IndicatorEngine Engine() => new(Data);

    /// <summary>One indicator's figure on <paramref name="asAt"/>.</summary>
    public IndicatorValue Measure(string id, DateOnly asAt) => IndicatorEngine.Measure(IndicatorCatalogue.Get(id), Engine().ContextOn(asAt));

    /// <summary>The subjects (children, workers or allegations) counted in the numerator of one indicator.</summary>
    public IReadOnlyList<long> NumeratorSubjects(string id, DateOnly asAt) =>
        Engine().Units(IndicatorCatalogue.Get(id), asAt).Where(u => u.Numerator > 0).Select(u => u.SubjectId).ToList();

    /// <summary>The subjects counted in the denominator of one indicator.</summary>
    public IReadOnlyList<long> DenominatorSubjects(string id, DateOnly asAt) =>
        Engine().Units(IndicatorCatalogue.Get(id), asAt).Where(u => u.Denominator > 0).Select(u => u.SubjectId).ToList();
}
