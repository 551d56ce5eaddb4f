using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Data.Tests;

/// <summary>A deterministic, roughly realistic authority of a given size for timing the bulk paths
/// (34,000 children gives about 1.3 million rows). Not statistically calibrated: that is Lantern.Synthetic's job.</summary>
public static class LargeAuthority
{
    private static readonly DateOnly From = new(2014, 4, 1);
    private const int Days = 11 * 365;

    public static AuthorityData Create(int children = 34_000, int seed = 7)
    {
        var random = new Random(seed);
        var d = new AuthorityData();
        DateOnly Day(int offset) => From.AddDays(Math.Clamp(offset, 0, Days));
        DateOnly? Maybe(DateOnly value, double p = 0.7) => random.NextDouble() < p ? value : null;
        var wards = Enumerable.Range(1, 20).Select(i => $"Ward {i}").ToArray();
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        var sources = Codes.All<ReferralSource>().ToArray();
        var needs = Codes.All<PrimaryNeed>().ToArray();
        var factors = Codes.All<AssessmentFactor>().ToArray();
        var placements = Codes.All<PlacementType>().ToArray();
        var legal = Codes.All<LegalStatus>().ToArray();
        var ethnicities = Codes.All<Ethnicity>().ToArray();
        d.Authorities.Add(new LocalAuthority { Id = 1, Code = "999", Name = "Large Borough", Profile = "benchmark", Seed = seed, DataFrom = From, DataTo = Day(Days) });
        for (var w = 0; w < wards.Length; w++)
        {
            d.Wards.Add(new WardInfo { Id = w + 1, Name = wards[w], DeprivationDecile = (w % 10) + 1, PostcodeDistrict = $"LB{w + 1}" });
        }

        var p = 0;
        for (var year = 2014; year <= 2024; year++)
        {
            foreach (var ward in wards)
            {
                for (var age = 0; age < 19; age++)
                {
                    d.Population.Add(new PopulationEstimate { Id = ++p, Year = year, Ward = ward, Age = age, Count = 200 + random.Next(100) });
                }
            }
        }

        for (var t = 1; t <= 30; t++)
        {
            d.Teams.Add(new Team { Id = t, Name = $"Team {t}", Service = (TeamService)((t % 10) + 1), EstablishmentFte = 8.5m + (t % 5) });
        }

        for (var w = 1; w <= 600; w++)
        {
            d.Workers.Add(new Worker
            {
                Id = w,
                StaffId = $"SW{w:D5}",
                GivenName = "Worker",
                FamilyName = $"Number {w}",
                Role = w % 8 == 1 ? WorkerRole.TeamManager : WorkerRole.SocialWorker,
                TeamId = (w % 30) + 1,
                ManagerId = w % 8 == 1 ? null : w - (w % 8) + 1,
                Employment = w % 6 == 0 ? EmploymentType.Agency : EmploymentType.Employed,
                Fte = w % 4 == 0 ? 0.8m : 1m,
                StartDate = Day(random.Next(Days / 2)),
                LeftDate = w % 5 == 0 ? Day(Days / 2 + random.Next(Days / 2)) : null,
                Registration = $"SW{100000 + w}",
            });
        }

        long person = 0, rel = 0, prof = 0, contact = 0, eh = 0, referral = 0, assessment = 0, sd = 0, s47 = 0, conf = 0, plan = 0, core = 0, cin = 0, cinr = 0;
        long episode = 0, review = 0, health = 0, outcome = 0, missing = 0, leaver = 0, adoption = 0, perm = 0, pre = 0, proc = 0, pf = 0, alleg = 0;
        long alloc = 0, sup = 0, decision = 0, panel = 0, visit = 0, note = 0;
        for (var c = 1; c <= children; c++)
        {
            var start = random.Next(Days - 30);
            d.Children.Add(new Child
            {
                Id = c,
                LaChildId = $"LB{c:D8}",
                GivenName = $"Child{c}",
                FamilyName = $"Family{c / 3}",
                Upn = c % 3 == 0 ? null : $"A{c:D12}",
                NhsNumber = c % 4 == 0 ? null : $"9{c:D9}",
                DateOfBirth = From.AddDays(-random.Next(6500)),
                Sex = c % 2 == 0 ? Sex.Male : Sex.Female,
                Ethnicity = Pick(ethnicities),
                Disabilities = c % 10 == 0 ? [Disability.Learning, Disability.Autism] : [Disability.None],
                Postcode = $"LB{c % 20} {c % 9}AA",
                Ward = Pick(wards),
            });
            for (var i = 0; i < 2; i++)
            {
                d.People.Add(new Person { Id = ++person, GivenName = "Parent", FamilyName = $"Family{c / 3}", DateOfBirth = From.AddDays(-9000 - random.Next(4000)) });
                d.Relationships.Add(new ChildRelationship { Id = ++rel, ChildId = c, PersonId = person, Type = i == 0 ? RelationshipType.Mother : RelationshipType.Father, LivesInHousehold = i == 0 });
            }

            d.Professionals.Add(new ProfessionalInvolvement { Id = ++prof, ChildId = c, Role = ProfessionalRole.Gp, Name = "Dr Who", Organisation = "Surgery", From = Day(start - 400) });
            var contacts = 1 + random.Next(5);
            for (var i = 0; i < contacts; i++)
            {
                var at = From.AddDays(start + (i * 30)).ToDateTime(new TimeOnly(9 + (i % 8), 15), DateTimeKind.Utc);
                d.Contacts.Add(new Contact
                {
                    Id = ++contact,
                    ChildId = c,
                    ReceivedAt = at,
                    Source = Pick(sources),
                    Summary = "Concern reported by school about attendance and presentation.",
                    DecidedAt = at.AddHours(20),
                    DecidedByWorkerId = random.Next(1, 601),
                    Outcome = ContactOutcome.Referral,
                });
            }

            if (c % 2 == 0)
            {
                d.EarlyHelp.Add(new EarlyHelpEpisode { Id = ++eh, ChildId = c, StartDate = Day(start - 100), Organisation = "Family Hub", EndDate = Maybe(Day(start - 10)), EndReason = EarlyHelpEndReason.Completed });
            }

            var referrals = 1 + (random.NextDouble() < 0.4 ? 1 : 0);
            for (var r = 0; r < referrals; r++)
            {
                var rs = start + (r * 200);
                var refId = ++referral;
                d.Referrals.Add(new Referral { Id = refId, ChildId = c, ReferralDate = Day(rs), Source = Pick(sources), PrimaryNeed = Pick(needs), ClosureDate = Maybe(Day(rs + 180)), ClosureReason = new ClosureReason("RC8") });
                d.Assessments.Add(new Assessment
                {
                    Id = ++assessment,
                    ChildId = c,
                    ReferralId = refId,
                    StartDate = Day(rs),
                    AuthorisationDate = Maybe(Day(rs + 30), 0.9),
                    AuthorisedByWorkerId = 1,
                    Factors = [Pick(factors), Pick(factors)],
                    ChildSeen = true,
                    ChildSeenDate = Day(rs + 3),
                    Outcome = AssessmentOutcome.ChildInNeedPlan,
                });
                if (random.NextDouble() < 0.3)
                {
                    d.StrategyDiscussions.Add(new StrategyDiscussion { Id = ++sd, ChildId = c, ReferralId = refId, Date = Day(rs + 2), Participants = "Police, health", Decision = StrategyDecision.Section47 });
                    d.Section47s.Add(new Section47Enquiry { Id = ++s47, ChildId = c, ReferralId = refId, StrategyDiscussionId = sd, StartDate = Day(rs + 2), EndDate = Day(rs + 12), Outcome = Section47Outcome.ConferenceRequired });
                    if (random.NextDouble() < 0.6)
                    {
                        d.ProtectionPlans.Add(new ChildProtectionPlan { Id = ++plan, ChildId = c, ReferralId = refId, StartDate = Day(rs + 15), EndDate = Maybe(Day(rs + 300)), InitialCategory = AbuseCategory.Neglect, LatestCategory = AbuseCategory.Neglect });
                        d.Conferences.Add(new ChildProtectionConference { Id = ++conf, ChildId = c, ReferralId = refId, Section47Id = s47, PlanId = plan, Type = ConferenceType.Initial, Date = Day(rs + 15), Outcome = ConferenceOutcome.PlanStarted });
                        for (var k = 0; k < 6; k++)
                        {
                            d.CoreGroups.Add(new CoreGroupMeeting { Id = ++core, ChildId = c, PlanId = plan, Date = Day(rs + 25 + (k * 42)) });
                        }
                    }
                }

                if (random.NextDouble() < 0.4)
                {
                    d.ChildInNeedPlans.Add(new ChildInNeedPlan { Id = ++cin, ChildId = c, ReferralId = refId, StartDate = Day(rs + 35), EndDate = Maybe(Day(rs + 200)) });
                    for (var k = 0; k < 3; k++)
                    {
                        d.ChildInNeedReviews.Add(new ChildInNeedPlanReview { Id = ++cinr, ChildId = c, PlanId = cin, Date = Day(rs + 35 + (k * 90)) });
                    }
                }
            }

            if (c % 12 == 0)
            {
                for (var e = 0; e < 5; e++)
                {
                    d.CareEpisodes.Add(new CareEpisode
                    {
                        Id = ++episode,
                        ChildId = c,
                        StartDate = Day(start + (e * 90)),
                        ReasonNew = new ReasonNewEpisode(e == 0 ? "S" : "P"),
                        LegalStatus = Pick(legal),
                        CategoryOfNeed = Pick(needs),
                        Placement = Pick(placements),
                        Provider = new PlacementProvider("PR1"),
                        HomePostcode = "LB1 1AA",
                        EndDate = e < 4 ? Day(start + ((e + 1) * 90)) : null,
                        ReasonEnded = e < 4 ? new ReasonEpisodeCeased("X1") : null,
                    });
                    d.CareReviews.Add(new CareReview { Id = ++review, ChildId = c, Date = Day(start + 20 + (e * 90)), Participation = new ReviewParticipation("PN1"), IroWorkerId = 7 });
                }

                d.HealthChecks.Add(new HealthCheck { Id = ++health, ChildId = c, Kind = HealthCheckKind.ReviewHealthAssessment, Date = Day(start + 200) });
                d.HealthChecks.Add(new HealthCheck { Id = ++health, ChildId = c, Kind = HealthCheckKind.DentalCheck, Date = Day(start + 210) });
                d.AnnualOutcomes.Add(new AnnualOutcome { Id = ++outcome, ChildId = c, YearEnding = Day(start + 365), SdqScore = random.Next(40) });
                d.MissingEpisodes.Add(new MissingEpisode { Id = ++missing, ChildId = c, Type = MissingType.Missing, StartDate = Day(start + 50), EndDate = Day(start + 51), ReturnInterviewOffered = true });
                d.CareLeaverContacts.Add(new CareLeaverContact { Id = ++leaver, ChildId = c, ContactDate = Day(start + 400), InTouch = new CareLeaverInTouch("YES"), Activity = new CareLeaverActivity("F1"), Accommodation = new CareLeaverAccommodation("B1") });
                d.Allocations.Add(new Allocation { Id = ++alloc, ChildId = c, WorkerId = 600, StartDate = Day(start), EndDate = Day(start + 450) });
                if (c % 48 == 0)
                {
                    d.Adoptions.Add(new AdoptionRecord { Id = ++adoption, ChildId = c, DecisionDate = Day(start + 100), MatchDate = Day(start + 200) });
                    d.PreviousPermanence.Add(new PreviousPermanenceRecord { Id = ++perm, ChildId = c, Type = new PreviousPermanence("P4") });
                    d.PreProceedings.Add(new PreProceedings { Id = ++pre, ChildId = c, StartDate = Day(start - 60), Outcome = PreProceedingsOutcome.ProceedingsIssued });
                    d.CareProceedings.Add(new CareProceedings { Id = ++proc, ChildId = c, IssueDate = Day(start), FinalHearingDate = Day(start + 180), FinalOrder = FinalOrder.CareOrder });
                    d.PanelDecisions.Add(new PanelDecision { Id = ++panel, ChildId = c, Panel = PanelType.LegalGateway, RequestDate = Day(start - 70), Outcome = PanelOutcome.Approved, Notes = "Agreed" });
                }
            }

            if (c % 100 == 0)
            {
                d.PrivateFostering.Add(new PrivateFosteringArrangement { Id = ++pf, ChildId = c, NotificationDate = Day(start), StartDate = Day(start), CarerName = "Aunt" });
                d.Allegations.Add(new Allegation { Id = ++alleg, ChildId = c, ReceivedDate = Day(start), Sector = "Education", PersonRole = "Teacher", Category = "Physical" });
            }

            d.Allocations.Add(new Allocation { Id = ++alloc, ChildId = c, WorkerId = random.Next(1, 601), StartDate = Day(start), EndDate = Maybe(Day(start + 120)) });
            for (var k = 0; k < 2; k++)
            {
                d.Supervisions.Add(new Supervision { Id = ++sup, Kind = SupervisionKind.Case, WorkerId = random.Next(1, 601), SupervisorId = 1, ChildId = c, Date = Day(start + (k * 30)), Discussion = "Plan progress", Actions = "Visit" });
                d.ManagementDecisions.Add(new ManagementDecision { Id = ++decision, ChildId = c, ManagerId = 1, Date = Day(start + (k * 45)), Decision = "Proceed", Rationale = "Risk remains" });
            }

            var visits = 2 + random.Next(15);
            for (var k = 0; k < visits; k++)
            {
                var day = Day(start + (k * 14));
                d.Visits.Add(new Visit { Id = ++visit, ChildId = c, WorkerId = random.Next(1, 601), Date = day, Kind = VisitKind.ChildInNeed, ChildSeen = true, ChildSeenAlone = k % 2 == 0 });
                d.CaseNotes.Add(new CaseNote
                {
                    Id = ++note,
                    ChildId = c,
                    AuthorId = random.Next(1, 601),
                    RecordedAt = day.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc),
                    EventDate = day,
                    Kind = CaseNoteKind.Visit,
                    Status = NoteStatus.Completed,
                    ChildSeen = true,
                    ChildSeenAlone = k % 2 == 0,
                    Text = "Visited the family home. Child seen and spoken to alone in their bedroom; presented as happy and well cared for. Discussed school attendance with parent, who agreed to the plan.",
                });
            }
        }

        return d;
    }
}
