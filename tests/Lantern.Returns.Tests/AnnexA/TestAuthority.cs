using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Returns.Tests.AnnexA;

/// <summary>Hand-built authority data for the returns' tests: children and their records, with ids
/// assigned in the order they are added.</summary>
internal sealed class TestAuthority
{
    private long nextId = 100;

    public TestAuthority()
    {
        Data.Authorities.Add(new LocalAuthority { Id = 1, Code = "812", Name = "North East Lincolnshire", Profile = "test" });
        Data.Wards.Add(new WardInfo { Id = 1, Name = "Heneage", DeprivationDecile = 1, PostcodeDistrict = "DN32" });
        Data.Wards.Add(new WardInfo { Id = 2, Name = "Park", DeprivationDecile = 5, PostcodeDistrict = "DN31" });
        SocialWorkTeam = Team("Safeguarding 1", 5m);
        SocialWorker = Worker("SW001", "Asha", "Patel", SocialWorkTeam);
    }

    public AuthorityData Data { get; } = new();

    public Team SocialWorkTeam { get; }

    public Worker SocialWorker { get; }

    public Team Team(string name, decimal establishment = 0m)
    {
        var team = new Team { Id = Next(), Name = name, Service = TeamService.ChildInNeedAndProtection, EstablishmentFte = establishment };
        Data.Teams.Add(team);
        return team;
    }

    public Worker Worker(
        string staffId,
        string given,
        string family,
        Team team,
        WorkerRole role = WorkerRole.SocialWorker,
        EmploymentType employment = EmploymentType.Employed,
        decimal fte = 1m,
        DateOnly? start = null,
        DateOnly? left = null,
        string? registration = "SW",
        DateOnly? asyeEnd = null)
    {
        var worker = new Worker
        {
            Id = Next(),
            StaffId = staffId,
            GivenName = given,
            FamilyName = family,
            Role = role,
            TeamId = team.Id,
            Registration = registration == "SW" ? "SW" + staffId[^3..] + "123" : registration,
            Employment = employment,
            Fte = fte,
            StartDate = start ?? new DateOnly(2015, 1, 5),
            LeftDate = left,
            AsyeEndDate = asyeEnd,
        };
        Data.Workers.Add(worker);
        return worker;
    }

    public Child Child(string laChildId, DateOnly? born, string sex = "F", string ethnicity = "WBRI", params string[] disabilities)
    {
        var child = new Child
        {
            Id = Next(),
            LaChildId = laChildId,
            GivenName = "Test",
            FamilyName = laChildId,
            DateOfBirth = born,
            ExpectedDateOfBirth = born is null ? new DateOnly(2026, 1, 1) : null,
            Sex = new Sex(sex),
            Ethnicity = new Ethnicity(ethnicity),
            Disabilities = [.. disabilities.Select(d => new Disability(d))],
        };
        Data.Children.Add(child);
        return child;
    }

    public Contact Contact(Child child, DateOnly received, string source = "6") =>
        Add(Data.Contacts, new Contact { ChildId = child.Id, ReceivedAt = received.ToDateTime(new TimeOnly(10, 30)), Source = new ReferralSource(source) });

    public EarlyHelpEpisode EarlyHelp(Child child, DateOnly start, DateOnly? assessed = null, DateOnly? completed = null, DateOnly? end = null, string organisation = "Family Hub") =>
        Add(Data.EarlyHelp, new EarlyHelpEpisode { ChildId = child.Id, StartDate = start, AssessmentStartDate = assessed, AssessmentCompletedDate = completed, EndDate = end, Organisation = organisation });

    public Referral Referral(Child child, DateOnly date, string source = "2A", bool nfa = false, DateOnly? closed = null, string? reason = null, string? need = "N1") =>
        Add(Data.Referrals, new Referral
        {
            ChildId = child.Id,
            ReferralDate = date,
            Source = new ReferralSource(source),
            NoFurtherAction = nfa,
            ClosureDate = closed,
            ClosureReason = reason is null ? null : new ClosureReason(reason),
            PrimaryNeed = need is null ? null : new PrimaryNeed(need),
        });

    public Assessment Assessment(Referral referral, DateOnly start, DateOnly? authorised = null, AssessmentOutcome outcome = AssessmentOutcome.Pending, bool seen = true) =>
        Add(Data.Assessments, new Assessment
        {
            ChildId = referral.ChildId,
            ReferralId = referral.Id,
            StartDate = start,
            AuthorisationDate = authorised,
            Outcome = outcome,
            ChildSeen = seen,
            ChildSeenDate = seen ? start.AddDays(3) : null,
        });

    public Section47Enquiry Section47(Referral referral, DateOnly start, bool icpcNotRequired = false, DateOnly? end = null) =>
        Add(Data.Section47s, new Section47Enquiry { ChildId = referral.ChildId, ReferralId = referral.Id, StartDate = start, IcpcNotRequired = icpcNotRequired, EndDate = end });

    public ChildProtectionConference Conference(Referral referral, DateOnly date, ConferenceType type, ConferenceOutcome outcome, Section47Enquiry? s47 = null, ChildProtectionPlan? plan = null) =>
        Add(Data.Conferences, new ChildProtectionConference { ChildId = referral.ChildId, ReferralId = referral.Id, Date = date, Type = type, Outcome = outcome, Section47Id = s47?.Id, PlanId = plan?.Id });

    public ChildProtectionPlan ProtectionPlan(Referral referral, DateOnly start, DateOnly? end = null, string initial = "NEG", string latest = "EMO", int previous = 0) =>
        Add(Data.ProtectionPlans, new ChildProtectionPlan
        {
            ChildId = referral.ChildId,
            ReferralId = referral.Id,
            StartDate = start,
            EndDate = end,
            InitialCategory = new AbuseCategory(initial),
            LatestCategory = new AbuseCategory(latest),
            PreviousPlans = previous,
        });

    public ChildInNeedPlan ChildInNeedPlan(Referral referral, DateOnly start, DateOnly? end = null) =>
        Add(Data.ChildInNeedPlans, new ChildInNeedPlan { ChildId = referral.ChildId, ReferralId = referral.Id, StartDate = start, EndDate = end });

    public CareEpisode Episode(
        Child child,
        DateOnly start,
        DateOnly? end = null,
        string rne = "S",
        string legal = "C2",
        string place = "U6",
        string? ceased = null,
        string? postcode = "DN32 7AB",
        string provider = "PR1",
        string need = "N1") =>
        Add(Data.CareEpisodes, new CareEpisode
        {
            ChildId = child.Id,
            StartDate = start,
            EndDate = end,
            ReasonNew = new ReasonNewEpisode(rne),
            LegalStatus = new LegalStatus(legal),
            Placement = new PlacementType(place),
            Provider = new PlacementProvider(provider),
            PlacementPostcode = postcode,
            ReasonEnded = ceased is null ? null : new ReasonEpisodeCeased(ceased),
            CategoryOfNeed = new PrimaryNeed(need),
        });

    public CareReview Review(Child child, DateOnly date) => Add(Data.CareReviews, new CareReview { ChildId = child.Id, Date = date, Participation = new ReviewParticipation("PN1") });

    public Visit Visit(Child child, DateOnly date, VisitKind kind, bool seen = true, bool alone = false) =>
        Add(Data.Visits, new Visit { ChildId = child.Id, Date = date, Kind = kind, ChildSeen = seen, ChildSeenAlone = alone });

    public HealthCheck Health(Child child, DateOnly date, HealthCheckKind kind) => Add(Data.HealthChecks, new HealthCheck { ChildId = child.Id, Date = date, Kind = kind });

    public MissingEpisode Missing(Child child, DateOnly start, string type = "M", bool? offered = null, bool? accepted = null) =>
        Add(Data.MissingEpisodes, new MissingEpisode { ChildId = child.Id, StartDate = start, EndDate = start.AddDays(1), Type = new MissingType(type), ReturnInterviewOffered = offered, ReturnInterviewAccepted = accepted });

    public CareLeaverContact LeaverContact(Child child, DateOnly date, string inTouch = "YES", string activity = "F2", string accommodation = "U1", DateOnly? pathwayReview = null) =>
        Add(Data.CareLeaverContacts, new CareLeaverContact
        {
            ChildId = child.Id,
            ContactDate = date,
            InTouch = new CareLeaverInTouch(inTouch),
            Activity = new CareLeaverActivity(activity),
            Accommodation = new CareLeaverAccommodation(accommodation),
            PathwayPlanReviewDate = pathwayReview,
        });

    public AdoptionRecord Adoption(Child child, DateOnly decision, DateOnly? placementOrder = null, DateOnly? matched = null, DateOnly? placed = null, DateOnly? order = null, DateOnly? noLonger = null, string? reason = null, string? sexes = null, int? adopters = null) =>
        Add(Data.Adoptions, new AdoptionRecord
        {
            ChildId = child.Id,
            DecisionDate = decision,
            PlacementOrderDate = placementOrder,
            MatchDate = matched,
            PlacedDate = placed,
            AdoptionOrderDate = order,
            NoLongerPlacedDate = noLonger,
            NoLongerPlacedReason = reason is null ? null : new NoLongerPlacedReason(reason),
            AdopterSex = sexes is null ? null : new AdopterSex(sexes),
            NumberOfAdopters = adopters,
        });

    public Allocation Allocate(Child child, Worker worker, DateOnly start, DateOnly? end = null) =>
        Add(Data.Allocations, new Allocation { ChildId = child.Id, WorkerId = worker.Id, StartDate = start, EndDate = end });

    public WorkerAbsence Absence(Worker worker, DateOnly start, DateOnly end, AbsenceKind kind = AbsenceKind.Sickness)
    {
        var absence = new WorkerAbsence { Id = Next(), WorkerId = worker.Id, StartDate = start, EndDate = end, Kind = kind };
        Data.WorkerAbsences.Add(absence);
        return absence;
    }

    private T Add<T>(List<T> list, T record)
        where T : Entity
    {
        record.Id = Next();
        list.Add(record);
        return record;
    }

    private long Next() => nextId++;
}
