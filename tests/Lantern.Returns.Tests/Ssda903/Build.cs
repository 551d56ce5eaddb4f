using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Returns.Tests.Ssda903;

/// <summary>Hand-built children for the 903 tests: each record with just what the return reads.</summary>
internal sealed class Build
{
    private long _id;

    public Build()
    {
        Team = new Team { Id = Next(), Name = "Children in care", Service = TeamService.ChildrenInCare };
        Data.Teams.Add(Team);
        Worker = new Worker { Id = Next(), StaffId = "SW0001", GivenName = "Sam", FamilyName = "Worker", TeamId = Team.Id, StartDate = new(2015, 1, 1) };
        Data.Workers.Add(Worker);
    }

    public AuthorityData Data { get; } = new();

    public Team Team { get; }

    public Worker Worker { get; }

    public static DateOnly D(int y, int m, int d) => new(y, m, d);

    public Child Child(string id, DateOnly dob, string sex = "M")
    {
        var c = new Child { Id = Next(), LaChildId = id, GivenName = "A", FamilyName = id, DateOfBirth = dob, Sex = new Sex(sex), Ethnicity = Ethnicity.FromCode("WBRI"), Upn = "A123456789012" };
        Data.Children.Add(c);
        return c;
    }

    public CareEpisode Episode(Child c, DateOnly start, DateOnly? end = null, string place = "U4", string ls = "C2", string rne = "S", string? rec = null)
    {
        var e = new CareEpisode
        {
            Id = Next(),
            ChildId = c.Id,
            StartDate = start,
            EndDate = end,
            ReasonNew = ReasonNewEpisode.FromCode(rne),
            LegalStatus = LegalStatus.FromCode(ls),
            CategoryOfNeed = PrimaryNeed.FromCode("N1"),
            Placement = PlacementType.FromCode(place),
            Provider = PlacementProvider.FromCode("PR1"),
            ReasonEnded = end is null ? null : ReasonEpisodeCeased.FromCode(rec ?? "E4A"),
            HomePostcode = "DN31 1AA",
            PlacementPostcode = "DN32 2BB",
        };
        Data.CareEpisodes.Add(e);
        return e;
    }

    public CareReview Review(Child c, DateOnly date)
    {
        var r = new CareReview { Id = Next(), ChildId = c.Id, Date = date, Participation = ReviewParticipation.FromCode("PN1") };
        Data.CareReviews.Add(r);
        return r;
    }

    public MissingEpisode Missing(Child c, DateOnly start, DateOnly? end)
    {
        var m = new MissingEpisode { Id = Next(), ChildId = c.Id, StartDate = start, EndDate = end, Type = MissingType.FromCode("M") };
        Data.MissingEpisodes.Add(m);
        return m;
    }

    public AnnualOutcome Outcome(Child c, int yearEnding)
    {
        var o = new AnnualOutcome { Id = Next(), ChildId = c.Id, YearEnding = D(yearEnding, 3, 31), SdqScore = 12, ImmunisationsUpToDate = true };
        Data.AnnualOutcomes.Add(o);
        return o;
    }

    public HealthCheck Check(Child c, DateOnly date, HealthCheckKind kind)
    {
        var h = new HealthCheck { Id = Next(), ChildId = c.Id, Date = date, Kind = kind };
        Data.HealthChecks.Add(h);
        return h;
    }

    public CareLeaverContact Contact(Child c, DateOnly date, string activity = "F2")
    {
        var k = new CareLeaverContact
        {
            Id = Next(),
            ChildId = c.Id,
            ContactDate = date,
            InTouch = CareLeaverInTouch.FromCode("YES"),
            Activity = CareLeaverActivity.FromCode(activity),
            Accommodation = CareLeaverAccommodation.FromCode("U1"),
        };
        Data.CareLeaverContacts.Add(k);
        return k;
    }

    public AdoptionRecord Adoption(Child c, DateOnly decision, DateOnly? match = null)
    {
        var a = new AdoptionRecord
        {
            Id = Next(),
            ChildId = c.Id,
            DecisionDate = decision,
            InterestDate = match?.AddDays(-30),
            MatchDate = match,
            NumberOfAdopters = 2,
            AdopterSex = AdopterSex.FromCode("MF"),
            AdopterLegalStatus = AdopterLegalStatus.FromCode("L11"),
        };
        Data.Adoptions.Add(a);
        return a;
    }

    public PreviousPermanenceRecord Permanence(Child c, string type = "P2", string? date = "zz/06/2019")
    {
        var p = new PreviousPermanenceRecord { Id = Next(), ChildId = c.Id, Type = PreviousPermanence.FromCode(type), Date = date, LaCode = "812" };
        Data.PreviousPermanence.Add(p);
        return p;
    }

    public Allocation Allocation(Child c, DateOnly start, DateOnly? end = null, Worker? worker = null)
    {
        var a = new Allocation { Id = Next(), ChildId = c.Id, WorkerId = (worker ?? Worker).Id, StartDate = start, EndDate = end, Reason = SocialWorkerChangeReason.FromCode("MANAGE") };
        Data.Allocations.Add(a);
        return a;
    }

    private long Next() => ++_id;
}
