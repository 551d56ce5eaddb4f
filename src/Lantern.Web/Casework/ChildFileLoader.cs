using Lantern.Data;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Casework;

/// <summary>Reads one child's whole file (everything the statutory clock and the return checks look
/// at), untracked, and the council's local standards.</summary>
public static class ChildFileLoader
{
    public static async Task<ChildFile> LoadAsync(LanternDbContext db, Child child, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(child);
        var id = child.Id;
        return new ChildFile(child)
        {
            Contacts = await Of(db.Contacts, id, cancellationToken),
            Referrals = await Of(db.Referrals, id, cancellationToken),
            Assessments = await Of(db.Assessments, id, cancellationToken),
            StrategyDiscussions = await Of(db.StrategyDiscussions, id, cancellationToken),
            Section47s = await Of(db.Section47s, id, cancellationToken),
            Conferences = await Of(db.Conferences, id, cancellationToken),
            ProtectionPlans = await Of(db.ProtectionPlans, id, cancellationToken),
            CoreGroups = await Of(db.CoreGroups, id, cancellationToken),
            ChildInNeedPlans = await Of(db.ChildInNeedPlans, id, cancellationToken),
            ChildInNeedReviews = await Of(db.ChildInNeedReviews, id, cancellationToken),
            CareEpisodes = await Of(db.CareEpisodes, id, cancellationToken),
            CareReviews = await Of(db.CareReviews, id, cancellationToken),
            HealthChecks = await Of(db.HealthChecks, id, cancellationToken),
            Visits = await Of(db.Visits, id, cancellationToken),
            CareLeaverContacts = await Of(db.CareLeaverContacts, id, cancellationToken),
            PrivateFostering = await Of(db.PrivateFostering, id, cancellationToken),
            CareProceedings = await Of(db.CareProceedings, id, cancellationToken),
            EarlyHelp = await Of(db.EarlyHelp, id, cancellationToken),
            Allegations = await db.Allegations.AsNoTracking().Where(a => a.ChildId == id).ToListAsync(cancellationToken),
            PanelDecisions = await Of(db.PanelDecisions, id, cancellationToken),
        };
    }

    /// <summary>The council's local standards (the defaults when the database has no authority row).</summary>
    public static async Task<LocalStandards> StandardsAsync(LanternDbContext db, CancellationToken cancellationToken) =>
        (await Work.ChildFiles.AuthorityAsync(db, cancellationToken)).Standards;

    /// <summary>A copy of <paramref name="file"/> with some lists replaced: the file as it would be
    /// after an entry, for the return checks. Pass a changed record as a new object (or the tracked
    /// one, after changing it) in place of the stored one.</summary>
    public static ChildFile With(
        ChildFile file,
        IEnumerable<Contact>? contacts = null,
        IEnumerable<Referral>? referrals = null,
        IEnumerable<Assessment>? assessments = null,
        IEnumerable<StrategyDiscussion>? strategyDiscussions = null,
        IEnumerable<Section47Enquiry>? section47s = null,
        IEnumerable<ChildProtectionConference>? conferences = null,
        IEnumerable<ChildProtectionPlan>? protectionPlans = null,
        IEnumerable<CoreGroupMeeting>? coreGroups = null,
        IEnumerable<ChildInNeedPlan>? childInNeedPlans = null,
        IEnumerable<ChildInNeedPlanReview>? childInNeedReviews = null,
        IEnumerable<CareEpisode>? careEpisodes = null,
        IEnumerable<CareReview>? careReviews = null,
        IEnumerable<HealthCheck>? healthChecks = null,
        IEnumerable<Visit>? visits = null,
        IEnumerable<CareLeaverContact>? careLeaverContacts = null,
        IEnumerable<PrivateFosteringArrangement>? privateFostering = null,
        IEnumerable<CareProceedings>? careProceedings = null,
        IEnumerable<Allegation>? allegations = null,
        IEnumerable<EarlyHelpEpisode>? earlyHelp = null,
        IEnumerable<PanelDecision>? panelDecisions = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new ChildFile(file.Child)
        {
            Contacts = contacts?.ToList() ?? file.Contacts,
            Referrals = referrals?.ToList() ?? file.Referrals,
            Assessments = assessments?.ToList() ?? file.Assessments,
            StrategyDiscussions = strategyDiscussions?.ToList() ?? file.StrategyDiscussions,
            Section47s = section47s?.ToList() ?? file.Section47s,
            Conferences = conferences?.ToList() ?? file.Conferences,
            ProtectionPlans = protectionPlans?.ToList() ?? file.ProtectionPlans,
            CoreGroups = coreGroups?.ToList() ?? file.CoreGroups,
            ChildInNeedPlans = childInNeedPlans?.ToList() ?? file.ChildInNeedPlans,
            ChildInNeedReviews = childInNeedReviews?.ToList() ?? file.ChildInNeedReviews,
            CareEpisodes = careEpisodes?.ToList() ?? file.CareEpisodes,
            CareReviews = careReviews?.ToList() ?? file.CareReviews,
            HealthChecks = healthChecks?.ToList() ?? file.HealthChecks,
            Visits = visits?.ToList() ?? file.Visits,
            CareLeaverContacts = careLeaverContacts?.ToList() ?? file.CareLeaverContacts,
            PrivateFostering = privateFostering?.ToList() ?? file.PrivateFostering,
            CareProceedings = careProceedings?.ToList() ?? file.CareProceedings,
            Allegations = allegations?.ToList() ?? file.Allegations,
            EarlyHelp = earlyHelp?.ToList() ?? file.EarlyHelp,
            PanelDecisions = panelDecisions?.ToList() ?? file.PanelDecisions,
        };
    }

    /// <summary><paramref name="records"/> with the one whose id is <paramref name="changed"/>'s replaced by it (or it added).</summary>
    public static IEnumerable<T> Replace<T>(IEnumerable<T> records, T changed)
        where T : Entity
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(changed);
        var found = false;
        foreach (var r in records)
        {
            if (r.Id == changed.Id && changed.Id != 0)
            {
                found = true;
                yield return changed;
            }
            else
            {
                yield return r;
            }
        }

        if (!found)
        {
            yield return changed;
        }
    }

    private static Task<List<T>> Of<T>(DbSet<T> set, long childId, CancellationToken cancellationToken)
        where T : ChildRecord =>
        set.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
}
