using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Data.Tests;

/// <summary>A small hand-built authority with at least one row of every entity and every
/// property set, with both filled and empty optional values.</summary>
public static class SampleAuthority
{
    public static readonly DateTime ReceivedAt = new(2024, 3, 28, 9, 15, 30, 123, DateTimeKind.Utc);

    public static AuthorityData Create()
    {
        var d = new AuthorityData();
        d.Authorities.Add(new LocalAuthority
        {
            Id = 1,
            Code = "999",
            Name = "Lantern Borough Council",
            Profile = "urban",
            Seed = 42,
            DataFrom = new DateOnly(2014, 4, 1),
            DataTo = new DateOnly(2025, 3, 31),
            ChildProtectionVisitWorkingDays = 10,
            ChildInNeedVisitWorkingDays = 20,
            ChildInNeedReviewMonths = 3,
            Version = 2,
        });
        d.Wards.Add(new WardInfo { Id = 1, Name = "Riverside", DeprivationDecile = 1, PostcodeDistrict = "LN1" });
        d.Wards.Add(new WardInfo { Id = 2, Name = "O'Brien Hill", DeprivationDecile = 10, PostcodeDistrict = "LN12" });
        d.Population.Add(new PopulationEstimate { Id = 1, Year = 2024, Ward = "Riverside", Age = 0, Count = 312 });
        d.Teams.Add(new Team { Id = 1, Name = "Assessment Team 1", Service = TeamService.Assessment, EstablishmentFte = 12.5m });
        d.Teams.Add(new Team { Id = 2, Name = "Leadership", Service = TeamService.Leadership, EstablishmentFte = 0m });
        d.Workers.Add(new Worker
        {
            Id = 1,
            StaffId = "SW001",
            GivenName = "Amira",
            FamilyName = "Khan",
            Role = WorkerRole.TeamManager,
            TeamId = 1,
            ManagerId = null,
            Registration = "SW123456",
            Employment = EmploymentType.Employed,
            AsyeEndDate = null,
            Fte = 1m,
            StartDate = new DateOnly(2015, 9, 1),
            LeftDate = null,
        });
        d.Workers.Add(new Worker
        {
            Id = 2,
            StaffId = "AG777",
            GivenName = "Tom",
            FamilyName = "Ng",
            Role = WorkerRole.SocialWorker,
            TeamId = 1,
            ManagerId = 1,
            Registration = null,
            Employment = EmploymentType.Agency,
            AsyeEndDate = new DateOnly(2024, 8, 31),
            Fte = 0.6m,
            StartDate = new DateOnly(2023, 9, 1),
            LeftDate = new DateOnly(2025, 1, 31),
            Version = 5,
        });

        d.Children.Add(new Child
        {
            Id = 1,
            LaChildId = "LC0000001",
            GivenName = "Zoë",
            FamilyName = "Smith-Jones",
            Upn = "A123456789012",
            FormerUpn = "B123456789012",
            UpnUnknown = null,
            NhsNumber = "9434765919",
            DateOfBirth = new DateOnly(2012, 2, 29),
            ExpectedDateOfBirth = null,
            Sex = Sex.Female,
            Ethnicity = new Ethnicity("WBRI"),
            Disabilities = [Disability.Learning, Disability.Autism],
            IsUnaccompaniedAsylumSeeking = true,
            UascCeasedDate = new DateOnly(2024, 1, 5),
            Postcode = "LN1 2AB",
            Ward = "Riverside",
            DateOfDeath = null,
            ChildsDateOfBirth = new DateOnly(2024, 12, 1),
            IsRestricted = true,
            Version = 3,
        });
        d.Children.Add(new Child
        {
            Id = 2,
            LaChildId = "LC0000002",
            GivenName = "Unborn",
            FamilyName = "Baby",
            Upn = null,
            FormerUpn = null,
            UpnUnknown = new UpnUnknownReason("UN1"),
            NhsNumber = null,
            DateOfBirth = null,
            ExpectedDateOfBirth = new DateOnly(2025, 6, 1),
            Sex = Sex.Unknown,
            Ethnicity = Ethnicity.NotObtained,
            Disabilities = [],
            IsUnaccompaniedAsylumSeeking = false,
            UascCeasedDate = null,
            Postcode = null,
            Ward = null,
            DateOfDeath = new DateOnly(2025, 6, 2),
            ChildsDateOfBirth = null,
            IsRestricted = false,
        });
        d.Children.Add(new Child
        {
            Id = 5,
            LaChildId = "LC0000005",
            GivenName = "Sam",
            FamilyName = "Smith-Jones",
            DateOfBirth = new DateOnly(2015, 7, 14),
            Sex = Sex.Male,
            Ethnicity = new Ethnicity("WBRI"),
            Disabilities = [Disability.None],
        });

        d.People.Add(new Person { Id = 1, GivenName = "Jo", FamilyName = "Smith", DateOfBirth = new DateOnly(1990, 1, 1), Postcode = "LN1 2AB" });
        d.People.Add(new Person { Id = 2, GivenName = "Unknown", FamilyName = "Father" });
        d.Relationships.Add(new ChildRelationship { Id = 1, ChildId = 1, PersonId = 1, Type = RelationshipType.Mother, LivesInHousehold = true, HasParentalResponsibility = true });
        d.Relationships.Add(new ChildRelationship { Id = 2, ChildId = 1, RelatedChildId = 5, Type = RelationshipType.Sibling });
        d.Professionals.Add(new ProfessionalInvolvement
        {
            Id = 1,
            ChildId = 1,
            Role = ProfessionalRole.Gp,
            Name = "Dr Lee",
            Organisation = "Riverside Surgery",
            Telephone = "01234 567890",
            From = new DateOnly(2012, 3, 1),
            To = null,
        });
        d.Professionals.Add(new ProfessionalInvolvement
        {
            Id = 2,
            ChildId = 5,
            Role = ProfessionalRole.SchoolDesignatedLead,
            Name = "Ms Patel",
            Organisation = "Hill Primary",
            Telephone = null,
            From = new DateOnly(2019, 9, 1),
            To = new DateOnly(2022, 7, 22),
        });

        d.Contacts.Add(new Contact
        {
            Id = 1,
            ChildId = 1,
            ReceivedAt = ReceivedAt,
            Source = new ReferralSource("1A"),
            Summary = "Neighbour worried: \"shouting\", 2am.\nSecond line.",
            DecidedAt = new DateTime(2024, 3, 29, 16, 0, 0, DateTimeKind.Utc),
            DecidedByWorkerId = 1,
            Outcome = ContactOutcome.Referral,
        });
        d.Contacts.Add(new Contact
        {
            Id = 2,
            ChildId = 5,
            ReceivedAt = new DateTime(2024, 10, 27, 1, 30, 0, DateTimeKind.Utc),
            Source = new ReferralSource("1B"),
            Summary = null,
            DecidedAt = null,
            DecidedByWorkerId = null,
            Outcome = ContactOutcome.Pending,
        });
        d.EarlyHelp.Add(new EarlyHelpEpisode
        {
            Id = 1,
            ChildId = 5,
            StartDate = new DateOnly(2023, 1, 9),
            AssessmentStartDate = new DateOnly(2023, 1, 10),
            AssessmentCompletedDate = new DateOnly(2023, 2, 1),
            Organisation = "Family Hub North",
            LeadWorkerId = 2,
            EndDate = new DateOnly(2023, 7, 1),
            EndReason = EarlyHelpEndReason.Completed,
            IsStepDown = true,
        });
        d.EarlyHelp.Add(new EarlyHelpEpisode { Id = 2, ChildId = 1, StartDate = new DateOnly(2024, 1, 9), Organisation = "Family Hub South" });

        d.Referrals.Add(new Referral
        {
            Id = 1,
            ChildId = 1,
            ReferralDate = new DateOnly(2024, 3, 29),
            Source = new ReferralSource("1A"),
            PrimaryNeed = new PrimaryNeed("N1"),
            NoFurtherAction = false,
            ContactId = 1,
            ClosureDate = new DateOnly(2025, 3, 1),
            ClosureReason = new ClosureReason("RC1"),
        });
        d.Referrals.Add(new Referral { Id = 2, ChildId = 5, ReferralDate = new DateOnly(2024, 11, 1), Source = new ReferralSource("1B"), NoFurtherAction = true });
        d.Assessments.Add(new Assessment
        {
            Id = 1,
            ChildId = 1,
            ReferralId = 1,
            StartDate = new DateOnly(2024, 3, 29),
            AuthorisationDate = new DateOnly(2024, 5, 1),
            AuthorisedByWorkerId = 1,
            Factors = [AssessmentFactor.DrugMisuseParent, new AssessmentFactor("3A"), new AssessmentFactor("24A")],
            ChildSeen = true,
            ChildSeenDate = new DateOnly(2024, 4, 2),
            Outcome = AssessmentOutcome.ChildInNeedPlan,
        });
        d.Assessments.Add(new Assessment { Id = 2, ChildId = 5, ReferralId = 2, StartDate = new DateOnly(2024, 11, 1), Factors = [], Outcome = AssessmentOutcome.Pending });
        d.StrategyDiscussions.Add(new StrategyDiscussion
        {
            Id = 1,
            ChildId = 1,
            ReferralId = 1,
            Date = new DateOnly(2024, 4, 3),
            Participants = "Police; health; school",
            Decision = StrategyDecision.Section47,
        });
        d.Section47s.Add(new Section47Enquiry
        {
            Id = 1,
            ChildId = 1,
            ReferralId = 1,
            StrategyDiscussionId = 1,
            StartDate = new DateOnly(2024, 4, 3),
            EndDate = new DateOnly(2024, 4, 17),
            IcpcNotRequired = false,
            Outcome = Section47Outcome.ConferenceRequired,
        });
        d.Section47s.Add(new Section47Enquiry { Id = 2, ChildId = 5, ReferralId = 2, StartDate = new DateOnly(2024, 11, 2), IcpcNotRequired = true });
        d.Conferences.Add(new ChildProtectionConference
        {
            Id = 1,
            ChildId = 1,
            ReferralId = 1,
            Section47Id = 1,
            PlanId = 1,
            Type = ConferenceType.Initial,
            Date = new DateOnly(2024, 4, 24),
            Outcome = ConferenceOutcome.PlanStarted,
            ChairWorkerId = 1,
        });
        d.Conferences.Add(new ChildProtectionConference
        {
            Id = 2,
            ChildId = 1,
            ReferralId = 1,
            Type = ConferenceType.Review,
            Date = new DateOnly(2024, 7, 24),
            Outcome = ConferenceOutcome.PlanContinues,
        });
        d.ProtectionPlans.Add(new ChildProtectionPlan
        {
            Id = 1,
            ChildId = 1,
            ReferralId = 1,
            StartDate = new DateOnly(2024, 4, 24),
            EndDate = new DateOnly(2025, 1, 20),
            InitialCategory = AbuseCategory.Neglect,
            LatestCategory = new AbuseCategory("EMO"),
            PreviousPlans = 2,
            EndReason = PlanEndReason.SteppedDownToChildInNeed,
            StepDownAuthorisedByWorkerId = 1,
        });
        d.ProtectionPlans.Add(new ChildProtectionPlan
        {
            Id = 2,
            ChildId = 5,
            ReferralId = 2,
            StartDate = new DateOnly(2025, 1, 2),
            InitialCategory = AbuseCategory.Physical,
            LatestCategory = AbuseCategory.Physical,
        });
        d.CoreGroups.Add(new CoreGroupMeeting { Id = 1, ChildId = 1, PlanId = 1, Date = new DateOnly(2024, 5, 3) });
        d.ChildInNeedPlans.Add(new ChildInNeedPlan { Id = 1, ChildId = 1, ReferralId = 1, StartDate = new DateOnly(2025, 1, 20), EndDate = new DateOnly(2025, 3, 1) });
        d.ChildInNeedPlans.Add(new ChildInNeedPlan { Id = 2, ChildId = 5, ReferralId = 2, StartDate = new DateOnly(2024, 12, 1) });
        d.ChildInNeedReviews.Add(new ChildInNeedPlanReview { Id = 1, ChildId = 1, PlanId = 1, Date = new DateOnly(2025, 2, 20) });

        d.CareEpisodes.Add(new CareEpisode
        {
            Id = 1,
            ChildId = 5,
            StartDate = new DateOnly(2025, 1, 10),
            ReasonNew = new ReasonNewEpisode("S"),
            LegalStatus = new LegalStatus("C1"),
            CategoryOfNeed = new PrimaryNeed("N1"),
            Placement = new PlacementType("A3"),
            Provider = new PlacementProvider("PR1"),
            HomePostcode = "LN12 9ZZ",
            PlacementPostcode = "LN1 1AA",
            Urn = "SC123456",
            EndDate = new DateOnly(2025, 2, 10),
            ReasonEnded = new ReasonEpisodeCeased("E11"),
            ReasonPlacementChanged = new PlacementChangeReason("CARPL"),
        });
        d.CareEpisodes.Add(new CareEpisode
        {
            Id = 2,
            ChildId = 5,
            StartDate = new DateOnly(2025, 2, 10),
            ReasonNew = new ReasonNewEpisode("P"),
            LegalStatus = new LegalStatus("C2"),
            CategoryOfNeed = new PrimaryNeed("N2"),
            Placement = new PlacementType("K2"),
        });
        d.CareReviews.Add(new CareReview { Id = 1, ChildId = 5, Date = new DateOnly(2025, 2, 7), Participation = new ReviewParticipation("PN1"), IroWorkerId = 1 });
        d.CareReviews.Add(new CareReview { Id = 2, ChildId = 5, Date = new DateOnly(2025, 3, 7), Participation = new ReviewParticipation("PN0") });
        d.HealthChecks.Add(new HealthCheck { Id = 1, ChildId = 5, Kind = HealthCheckKind.DentalCheck, Date = new DateOnly(2025, 3, 1) });
        d.AnnualOutcomes.Add(new AnnualOutcome
        {
            Id = 1,
            ChildId = 5,
            YearEnding = new DateOnly(2025, 3, 31),
            SdqScore = 17,
            SdqReason = null,
            Convicted = true,
            ImmunisationsUpToDate = true,
            SubstanceMisuse = true,
            InterventionReceived = true,
            InterventionOffered = true,
        });
        d.AnnualOutcomes.Add(new AnnualOutcome { Id = 2, ChildId = 1, YearEnding = new DateOnly(2024, 3, 31), SdqScore = null, SdqReason = new SdqReason("SDQ1") });
        d.MissingEpisodes.Add(new MissingEpisode
        {
            Id = 1,
            ChildId = 5,
            Type = MissingType.Missing,
            StartDate = new DateOnly(2025, 2, 14),
            EndDate = new DateOnly(2025, 2, 15),
            ReturnInterviewOffered = true,
            ReturnInterviewAccepted = false,
        });
        d.MissingEpisodes.Add(new MissingEpisode { Id = 2, ChildId = 5, Type = MissingType.Away, StartDate = new DateOnly(2025, 3, 14) });
        d.CareLeaverContacts.Add(new CareLeaverContact
        {
            Id = 1,
            ChildId = 1,
            ContactDate = new DateOnly(2025, 2, 28),
            InTouch = new CareLeaverInTouch("YES"),
            Activity = new CareLeaverActivity("F1"),
            Accommodation = new CareLeaverAccommodation("B1"),
            PathwayPlanReviewDate = new DateOnly(2025, 1, 31),
        });
        d.CareLeaverContacts.Add(new CareLeaverContact
        {
            Id = 2,
            ChildId = 1,
            ContactDate = new DateOnly(2026, 2, 28),
            InTouch = new CareLeaverInTouch("NO"),
            Activity = new CareLeaverActivity("P1"),
            Accommodation = new CareLeaverAccommodation("C1"),
        });
        d.Adoptions.Add(new AdoptionRecord
        {
            Id = 1,
            ChildId = 5,
            DecisionDate = new DateOnly(2025, 1, 20),
            PlacementOrderDate = new DateOnly(2025, 2, 1),
            MatchDate = new DateOnly(2025, 2, 2),
            PlacedDate = new DateOnly(2025, 2, 10),
            AdoptionOrderDate = new DateOnly(2025, 9, 1),
            InterestDate = new DateOnly(2025, 1, 25),
            FosterCarerAdoption = true,
            NumberOfAdopters = 2,
            AdopterSex = new AdopterSex("MM"),
            AdopterLegalStatus = new AdopterLegalStatus("L11"),
            NoLongerPlacedDate = new DateOnly(2025, 10, 1),
            NoLongerPlacedReason = new NoLongerPlacedReason("RD1"),
        });
        d.Adoptions.Add(new AdoptionRecord { Id = 2, ChildId = 1, DecisionDate = new DateOnly(2024, 6, 1) });
        d.PreviousPermanence.Add(new PreviousPermanenceRecord { Id = 1, ChildId = 5, Type = new PreviousPermanence("P1"), Date = "zz/05/2019", LaCode = "999" });
        d.PreviousPermanence.Add(new PreviousPermanenceRecord { Id = 2, ChildId = 1, Type = new PreviousPermanence("P4") });

        d.PreProceedings.Add(new PreProceedings
        {
            Id = 1,
            ChildId = 5,
            StartDate = new DateOnly(2024, 12, 1),
            MeetingDate = new DateOnly(2024, 12, 8),
            EndDate = new DateOnly(2025, 1, 9),
            Outcome = PreProceedingsOutcome.ProceedingsIssued,
        });
        d.PreProceedings.Add(new PreProceedings { Id = 2, ChildId = 1, StartDate = new DateOnly(2025, 3, 1) });
        d.CareProceedings.Add(new CareProceedings
        {
            Id = 1,
            ChildId = 5,
            IssueDate = new DateOnly(2025, 1, 9),
            ExtensionWeeks = 8,
            FinalHearingDate = new DateOnly(2025, 8, 1),
            FinalOrder = FinalOrder.PlacementOrder,
        });
        d.CareProceedings.Add(new CareProceedings { Id = 2, ChildId = 1, IssueDate = new DateOnly(2025, 3, 20) });
        d.PrivateFostering.Add(new PrivateFosteringArrangement
        {
            Id = 1,
            ChildId = 1,
            NotificationDate = new DateOnly(2023, 5, 1),
            StartDate = new DateOnly(2023, 4, 20),
            EndDate = new DateOnly(2023, 8, 31),
            CarerName = "Mrs O'Neill",
        });
        d.PrivateFostering.Add(new PrivateFosteringArrangement { Id = 2, ChildId = 5, NotificationDate = new DateOnly(2024, 5, 1), StartDate = new DateOnly(2024, 5, 1), CarerName = "Mr Ali" });
        d.Allegations.Add(new Allegation
        {
            Id = 1,
            ChildId = 1,
            ReceivedDate = new DateOnly(2024, 6, 3),
            Sector = "Education",
            PersonRole = "Teacher",
            Category = "Physical",
            LadoWorkerId = 1,
            InitialDecisionDate = new DateOnly(2024, 6, 4),
            ResolvedDate = new DateOnly(2024, 9, 1),
            Outcome = AllegationOutcome.Unsubstantiated,
        });
        d.Allegations.Add(new Allegation { Id = 2, ChildId = null, ReceivedDate = new DateOnly(2025, 1, 3), Sector = "Faith", PersonRole = "Volunteer", Category = "Sexual" });

        d.Allocations.Add(new Allocation
        {
            Id = 1,
            ChildId = 1,
            WorkerId = 2,
            StartDate = new DateOnly(2024, 3, 29),
            EndDate = new DateOnly(2025, 1, 31),
            Reason = new SocialWorkerChangeReason("LEFTRL"),
        });
        d.Allocations.Add(new Allocation { Id = 2, ChildId = 1, WorkerId = 1, StartDate = new DateOnly(2025, 2, 1) });
        d.Supervisions.Add(new Supervision
        {
            Id = 1,
            Kind = SupervisionKind.Case,
            WorkerId = 2,
            SupervisorId = 1,
            ChildId = 1,
            Date = new DateOnly(2024, 5, 1),
            Discussion = "Progress of plan",
            Actions = "Visit weekly",
        });
        d.Supervisions.Add(new Supervision { Id = 2, Kind = SupervisionKind.Personal, WorkerId = 2, SupervisorId = 1, ChildId = null, Date = new DateOnly(2024, 5, 2) });
        d.WorkerAbsences.Add(new WorkerAbsence { Id = 1, WorkerId = 2, Kind = AbsenceKind.Sickness, StartDate = new DateOnly(2024, 6, 3), EndDate = new DateOnly(2024, 6, 5) });
        d.WorkerAbsences.Add(new WorkerAbsence { Id = 2, WorkerId = 2, Kind = AbsenceKind.AnnualLeave, StartDate = new DateOnly(2024, 8, 12), EndDate = new DateOnly(2024, 8, 23) });
        d.ManagementDecisions.Add(new ManagementDecision { Id = 1, ChildId = 1, ManagerId = 1, Date = new DateOnly(2024, 3, 30), Decision = "Proceed to assessment", Rationale = "Risk" });
        d.PanelDecisions.Add(new PanelDecision
        {
            Id = 1,
            ChildId = 5,
            Panel = PanelType.LegalGateway,
            RequestDate = new DateOnly(2024, 11, 20),
            DecisionDate = new DateOnly(2024, 11, 27),
            Outcome = PanelOutcome.Approved,
            Notes = "PLO",
        });
        d.PanelDecisions.Add(new PanelDecision { Id = 2, ChildId = 1, Panel = PanelType.EdgeOfCare, RequestDate = new DateOnly(2025, 3, 1) });
        d.Visits.Add(new Visit { Id = 1, ChildId = 1, WorkerId = 2, Date = new DateOnly(2024, 5, 3), Kind = VisitKind.ChildProtection, ChildSeen = true, ChildSeenAlone = true });
        d.Visits.Add(new Visit { Id = 7, ChildId = 5, WorkerId = null, Date = new DateOnly(2025, 2, 12), Kind = VisitKind.LookedAfter });
        d.CaseNotes.Add(new CaseNote
        {
            Id = 1,
            ChildId = 1,
            AuthorId = 2,
            RecordedAt = new DateTime(2024, 5, 3, 17, 45, 12, 987, DateTimeKind.Utc).AddTicks(6540),
            EventDate = new DateOnly(2024, 5, 3),
            Kind = CaseNoteKind.Visit,
            Status = NoteStatus.Completed,
            Text = "Seen alone in bedroom; ✓ safe.",
            ChildSeen = true,
            ChildSeenAlone = false,
            CorrectsNoteId = null,
        });
        d.CaseNotes.Add(new CaseNote
        {
            Id = 2,
            ChildId = 1,
            AuthorId = 2,
            RecordedAt = new DateTime(2024, 5, 4, 8, 0, 0, DateTimeKind.Utc),
            EventDate = new DateOnly(2024, 5, 3),
            Kind = CaseNoteKind.Other,
            Status = NoteStatus.Draft,
            Text = "",
            ChildSeen = null,
            ChildSeenAlone = null,
            CorrectsNoteId = 1,
        });
        d.EarlyHelpReviews.Add(new EarlyHelpReview { Id = 1, ChildId = 1, EpisodeId = 2, Kind = EarlyHelpReviewKind.TeamAroundFamily, Date = new DateOnly(2024, 2, 1), Notes = "School, health visitor and mother; plan agreed." });
        d.EarlyHelpReviews.Add(new EarlyHelpReview { Id = 2, ChildId = 1, EpisodeId = 2, Kind = EarlyHelpReviewKind.PlanReview, Date = new DateOnly(2024, 3, 14) });
        d.SignificantEvents.Add(new SignificantEvent { Id = 1, ChildId = 1, Date = new DateOnly(2024, 4, 2), Title = "Moved to a refuge with mother", Detail = "Émigré ✓ long text", RecordedByWorkerId = 2, RecordedAt = new DateTime(2024, 4, 2, 16, 5, 0, DateTimeKind.Utc) });
        return d;
    }
}
