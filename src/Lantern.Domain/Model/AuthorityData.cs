namespace Lantern.Domain.Model;

/// <summary>Every record of one authority, in memory: what the synthetic generator produces,
/// what the bulk writer stores and what the snapshot loader reads back for metrics and returns.
/// Lists are in insertion order; ids are assigned by the producer and unique per list.</summary>
public sealed class AuthorityData
{
    public List<LocalAuthority> Authorities { get; } = [];

    public List<WardInfo> Wards { get; } = [];

    public List<PopulationEstimate> Population { get; } = [];

    public List<Team> Teams { get; } = [];

    public List<Worker> Workers { get; } = [];

    public List<Child> Children { get; } = [];

    public List<Person> People { get; } = [];

    public List<ChildRelationship> Relationships { get; } = [];

    public List<ProfessionalInvolvement> Professionals { get; } = [];

    public List<Contact> Contacts { get; } = [];

    public List<EarlyHelpEpisode> EarlyHelp { get; } = [];

    public List<Referral> Referrals { get; } = [];

    public List<Assessment> Assessments { get; } = [];

    public List<StrategyDiscussion> StrategyDiscussions { get; } = [];

    public List<Section47Enquiry> Section47s { get; } = [];

    public List<ChildProtectionConference> Conferences { get; } = [];

    public List<ChildProtectionPlan> ProtectionPlans { get; } = [];

    public List<CoreGroupMeeting> CoreGroups { get; } = [];

    public List<ChildInNeedPlan> ChildInNeedPlans { get; } = [];

    public List<ChildInNeedPlanReview> ChildInNeedReviews { get; } = [];

    public List<CareEpisode> CareEpisodes { get; } = [];

    public List<CareReview> CareReviews { get; } = [];

    public List<HealthCheck> HealthChecks { get; } = [];

    public List<AnnualOutcome> AnnualOutcomes { get; } = [];

    public List<MissingEpisode> MissingEpisodes { get; } = [];

    public List<CareLeaverContact> CareLeaverContacts { get; } = [];

    public List<AdoptionRecord> Adoptions { get; } = [];

    public List<PreviousPermanenceRecord> PreviousPermanence { get; } = [];

    public List<PreProceedings> PreProceedings { get; } = [];

    public List<CareProceedings> CareProceedings { get; } = [];

    public List<PrivateFosteringArrangement> PrivateFostering { get; } = [];

    public List<Allegation> Allegations { get; } = [];

    public List<Allocation> Allocations { get; } = [];

    public List<Supervision> Supervisions { get; } = [];

    public List<WorkerAbsence> WorkerAbsences { get; } = [];

    public List<ManagementDecision> ManagementDecisions { get; } = [];

    public List<PanelDecision> PanelDecisions { get; } = [];

    public List<Visit> Visits { get; } = [];

    public List<CaseNote> CaseNotes { get; } = [];

    public List<EarlyHelpReview> EarlyHelpReviews { get; } = [];

    public List<SignificantEvent> SignificantEvents { get; } = [];

    public long TotalRecords =>
        Authorities.Count + Wards.Count + Population.Count + Teams.Count + Workers.Count + Children.Count + People.Count
        + Relationships.Count + Professionals.Count + Contacts.Count + EarlyHelp.Count + Referrals.Count + Assessments.Count
        + StrategyDiscussions.Count + Section47s.Count + Conferences.Count + ProtectionPlans.Count + CoreGroups.Count
        + ChildInNeedPlans.Count + ChildInNeedReviews.Count + CareEpisodes.Count + CareReviews.Count + HealthChecks.Count
        + AnnualOutcomes.Count + MissingEpisodes.Count + CareLeaverContacts.Count + Adoptions.Count + PreviousPermanence.Count
        + PreProceedings.Count + CareProceedings.Count + PrivateFostering.Count + Allegations.Count + Allocations.Count
        + Supervisions.Count + WorkerAbsences.Count + ManagementDecisions.Count + PanelDecisions.Count + Visits.Count + CaseNotes.Count
        + EarlyHelpReviews.Count + SignificantEvents.Count;
}
