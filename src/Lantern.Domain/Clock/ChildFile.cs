using System.Collections.ObjectModel;
using Lantern.Domain.Model;

namespace Lantern.Domain.Clock;

/// <summary>
/// One child's records of every kind the statutory clock reads, gathered from an
/// <see cref="AuthorityData"/>. Lists keep the source's insertion order (the clock never relies on it)
/// and cannot be changed through this object: a list passed to an initializer is copied unless it is
/// already a <see cref="ReadOnlyCollection{T}"/>.
/// </summary>
public sealed class ChildFile
{
    public ChildFile(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        Child = child;
    }

    public Child Child { get; }

    public IReadOnlyList<Contact> Contacts { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<Referral> Referrals { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<Assessment> Assessments { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<StrategyDiscussion> StrategyDiscussions { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<Section47Enquiry> Section47s { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<ChildProtectionConference> Conferences { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<ChildProtectionPlan> ProtectionPlans { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<CoreGroupMeeting> CoreGroups { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<ChildInNeedPlan> ChildInNeedPlans { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<ChildInNeedPlanReview> ChildInNeedReviews { get; init => field = Freeze(value); } = [];

    /// <summary>SSDA903 episodes: a new one at every change of legal status or placement.</summary>
    public IReadOnlyList<CareEpisode> CareEpisodes { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<CareReview> CareReviews { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<HealthCheck> HealthChecks { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<Visit> Visits { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<CareLeaverContact> CareLeaverContacts { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<PrivateFosteringArrangement> PrivateFostering { get; init => field = Freeze(value); } = [];

    public IReadOnlyList<CareProceedings> CareProceedings { get; init => field = Freeze(value); } = [];

    /// <summary>Early help episodes (not timed by the statutory clock; used by the journey's pages).</summary>
    public IReadOnlyList<EarlyHelpEpisode> EarlyHelp { get; init => field = Freeze(value); } = [];

    /// <summary>LADO allegations that name this child.</summary>
    public IReadOnlyList<Allegation> Allegations { get; init => field = Freeze(value); } = [];

    /// <summary>Requests to the council's decision panels about this child and the panels' decisions
    /// (not timed by the statutory clock; used by the journey's pages).</summary>
    public IReadOnlyList<PanelDecision> PanelDecisions { get; init => field = Freeze(value); } = [];

    /// <summary>The file of one child. Scans every list once; to build files for many children use
    /// <see cref="IndexAll"/>, which is one pass for all of them.</summary>
    /// <exception cref="KeyNotFoundException">No child with <paramref name="childId"/> in <paramref name="data"/>.</exception>
    public static ChildFile From(AuthorityData data, long childId)
    {
        ArgumentNullException.ThrowIfNull(data);
        var child = data.Children.Find(c => c.Id == childId)
            ?? throw new KeyNotFoundException($"There is no child with id {childId} in this authority's data.");

        return new ChildFile(child)
        {
            Contacts = Of(data.Contacts, childId),
            Referrals = Of(data.Referrals, childId),
            Assessments = Of(data.Assessments, childId),
            StrategyDiscussions = Of(data.StrategyDiscussions, childId),
            Section47s = Of(data.Section47s, childId),
            Conferences = Of(data.Conferences, childId),
            ProtectionPlans = Of(data.ProtectionPlans, childId),
            CoreGroups = Of(data.CoreGroups, childId),
            ChildInNeedPlans = Of(data.ChildInNeedPlans, childId),
            ChildInNeedReviews = Of(data.ChildInNeedReviews, childId),
            CareEpisodes = Of(data.CareEpisodes, childId),
            CareReviews = Of(data.CareReviews, childId),
            HealthChecks = Of(data.HealthChecks, childId),
            Visits = Of(data.Visits, childId),
            CareLeaverContacts = Of(data.CareLeaverContacts, childId),
            PrivateFostering = Of(data.PrivateFostering, childId),
            CareProceedings = Of(data.CareProceedings, childId),
            EarlyHelp = Of(data.EarlyHelp, childId),
            Allegations = data.Allegations.FindAll(a => a.ChildId == childId).AsReadOnly(),
            PanelDecisions = Of(data.PanelDecisions, childId),
        };
    }

    /// <summary>
    /// The file of every child in <paramref name="data"/>, keyed by child id: one pass over each list,
    /// so linear in the number of records (built for ~90,000 children and millions of records).
    /// Records whose child id is not in <see cref="AuthorityData.Children"/> are left out; if two
    /// children share an id the first one wins.
    /// </summary>
    public static IReadOnlyDictionary<long, ChildFile> IndexAll(AuthorityData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var children = data.Children;

        // Child id -> position, so each record is placed with one hash look-up; the per-kind buckets
        // are arrays by position and a child's list is only allocated when it has a record of that kind.
        var slots = new Dictionary<long, int>(children.Count);
        for (int i = 0; i < children.Count; i++)
        {
            slots.TryAdd(children[i].Id, i);
        }

        var contacts = Bucket(data.Contacts, slots, children.Count);
        var referrals = Bucket(data.Referrals, slots, children.Count);
        var assessments = Bucket(data.Assessments, slots, children.Count);
        var strategy = Bucket(data.StrategyDiscussions, slots, children.Count);
        var section47s = Bucket(data.Section47s, slots, children.Count);
        var conferences = Bucket(data.Conferences, slots, children.Count);
        var plans = Bucket(data.ProtectionPlans, slots, children.Count);
        var coreGroups = Bucket(data.CoreGroups, slots, children.Count);
        var cinPlans = Bucket(data.ChildInNeedPlans, slots, children.Count);
        var cinReviews = Bucket(data.ChildInNeedReviews, slots, children.Count);
        var episodes = Bucket(data.CareEpisodes, slots, children.Count);
        var reviews = Bucket(data.CareReviews, slots, children.Count);
        var health = Bucket(data.HealthChecks, slots, children.Count);
        var visits = Bucket(data.Visits, slots, children.Count);
        var leavers = Bucket(data.CareLeaverContacts, slots, children.Count);
        var fostering = Bucket(data.PrivateFostering, slots, children.Count);
        var proceedings = Bucket(data.CareProceedings, slots, children.Count);
        var earlyHelp = Bucket(data.EarlyHelp, slots, children.Count);
        var panels = Bucket(data.PanelDecisions, slots, children.Count);

        var allegations = new List<Allegation>?[children.Count];
        foreach (var a in data.Allegations)
        {
            if (a.ChildId is { } id && slots.TryGetValue(id, out int slot))
            {
                (allegations[slot] ??= []).Add(a);
            }
        }

        var files = new Dictionary<long, ChildFile>(slots.Count);
        for (int i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (slots[child.Id] != i)
            {
                continue;
            }

            files.Add(child.Id, new ChildFile(child)
            {
                Contacts = Take(contacts, i),
                Referrals = Take(referrals, i),
                Assessments = Take(assessments, i),
                StrategyDiscussions = Take(strategy, i),
                Section47s = Take(section47s, i),
                Conferences = Take(conferences, i),
                ProtectionPlans = Take(plans, i),
                CoreGroups = Take(coreGroups, i),
                ChildInNeedPlans = Take(cinPlans, i),
                ChildInNeedReviews = Take(cinReviews, i),
                CareEpisodes = Take(episodes, i),
                CareReviews = Take(reviews, i),
                HealthChecks = Take(health, i),
                Visits = Take(visits, i),
                CareLeaverContacts = Take(leavers, i),
                PrivateFostering = Take(fostering, i),
                CareProceedings = Take(proceedings, i),
                EarlyHelp = Take(earlyHelp, i),
                Allegations = Take(allegations, i),
                PanelDecisions = Take(panels, i),
            });
        }

        return files;
    }

    private static ReadOnlyCollection<T> Of<T>(List<T> items, long childId)
        where T : ChildRecord =>
        items.FindAll(r => r.ChildId == childId).AsReadOnly();

    private static List<T>?[] Bucket<T>(List<T> items, Dictionary<long, int> slots, int count)
        where T : ChildRecord
    {
        var buckets = new List<T>?[count];
        foreach (var item in items)
        {
            if (slots.TryGetValue(item.ChildId, out int slot))
            {
                (buckets[slot] ??= []).Add(item);
            }
        }

        return buckets;
    }

    private static ReadOnlyCollection<T> Take<T>(List<T>?[] buckets, int slot) =>
        buckets[slot] is { } list ? list.AsReadOnly() : ReadOnlyCollection<T>.Empty;

    private static ReadOnlyCollection<T> Freeze<T>(IReadOnlyList<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            ReadOnlyCollection<T> frozen => frozen,
            { Count: 0 } => ReadOnlyCollection<T>.Empty,
            _ => new ReadOnlyCollection<T>([.. value]),
        };
    }
}
