using System.Globalization;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Xunit;

namespace Lantern.Domain.Tests;

public class ClockChildFileTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Three children; child 2 has nothing; some records belong to a child id that does not exist.</summary>
    private static AuthorityData Data()
    {
        var data = new AuthorityData();
        data.Children.AddRange([new Child { Id = 1 }, new Child { Id = 2 }, new Child { Id = 3 }]);
        data.Contacts.AddRange([new Contact { Id = 1, ChildId = 3 }, new Contact { Id = 2, ChildId = 1 }, new Contact { Id = 3, ChildId = 3 }]);
        data.Referrals.Add(new Referral { Id = 1, ChildId = 1 });
        data.Assessments.Add(new Assessment { Id = 1, ChildId = 1 });
        data.StrategyDiscussions.Add(new StrategyDiscussion { Id = 1, ChildId = 3 });
        data.Section47s.Add(new Section47Enquiry { Id = 1, ChildId = 3 });
        data.Conferences.Add(new ChildProtectionConference { Id = 1, ChildId = 3 });
        data.ProtectionPlans.Add(new ChildProtectionPlan { Id = 1, ChildId = 3 });
        data.CoreGroups.Add(new CoreGroupMeeting { Id = 1, ChildId = 3 });
        data.ChildInNeedPlans.Add(new ChildInNeedPlan { Id = 1, ChildId = 1 });
        data.ChildInNeedReviews.Add(new ChildInNeedPlanReview { Id = 1, ChildId = 1 });
        data.CareEpisodes.AddRange([new CareEpisode { Id = 1, ChildId = 1 }, new CareEpisode { Id = 2, ChildId = 99 }]);
        data.CareReviews.Add(new CareReview { Id = 1, ChildId = 1 });
        data.HealthChecks.Add(new HealthCheck { Id = 1, ChildId = 1 });
        data.Visits.AddRange([new Visit { Id = 1, ChildId = 3 }, new Visit { Id = 2, ChildId = 1 }, new Visit { Id = 3, ChildId = 3 }, new Visit { Id = 4, ChildId = 99 }]);
        data.CareLeaverContacts.Add(new CareLeaverContact { Id = 1, ChildId = 1 });
        data.PrivateFostering.Add(new PrivateFosteringArrangement { Id = 1, ChildId = 3 });
        data.CareProceedings.Add(new CareProceedings { Id = 1, ChildId = 1 });
        data.Allegations.AddRange([new Allegation { Id = 1, ChildId = 3 }, new Allegation { Id = 2, ChildId = null }, new Allegation { Id = 3, ChildId = 1 }]);
        data.PanelDecisions.AddRange([new PanelDecision { Id = 1, ChildId = 3 }, new PanelDecision { Id = 2, ChildId = 1 }, new PanelDecision { Id = 3, ChildId = 3 }, new PanelDecision { Id = 4, ChildId = 99 }]);
        // Records the clock does not read are not gathered.
        data.CaseNotes.Add(new CaseNote { Id = 1, ChildId = 1 });
        return data;
    }

    private static long[] Ids<T>(IEnumerable<T> records)
        where T : Entity => [.. records.Select(r => r.Id)];

    [Fact]
    public void IndexAll_gathers_each_childs_records_in_source_order()
    {
        var files = ChildFile.IndexAll(Data());

        Assert.Equal([1L, 2L, 3L], files.Keys.Order());
        var three = files[3];
        Assert.Equal(3, three.Child.Id);
        Assert.Equal([1L, 3L], Ids(three.Contacts));
        Assert.Equal([1L, 3L], Ids(three.Visits));
        Assert.Equal([1L], Ids(three.StrategyDiscussions));
        Assert.Equal([1L], Ids(three.Section47s));
        Assert.Equal([1L], Ids(three.Conferences));
        Assert.Equal([1L], Ids(three.ProtectionPlans));
        Assert.Equal([1L], Ids(three.CoreGroups));
        Assert.Equal([1L], Ids(three.PrivateFostering));
        Assert.Equal([1L], Ids(three.Allegations));
        Assert.Equal([1L, 3L], Ids(three.PanelDecisions));
        Assert.Empty(three.CareEpisodes);

        var one = files[1];
        Assert.Equal([2L], Ids(one.Contacts));
        Assert.Equal([1L], Ids(one.Referrals));
        Assert.Equal([1L], Ids(one.Assessments));
        Assert.Equal([1L], Ids(one.ChildInNeedPlans));
        Assert.Equal([1L], Ids(one.ChildInNeedReviews));
        Assert.Equal([1L], Ids(one.CareEpisodes));
        Assert.Equal([1L], Ids(one.CareReviews));
        Assert.Equal([1L], Ids(one.HealthChecks));
        Assert.Equal([2L], Ids(one.Visits));
        Assert.Equal([1L], Ids(one.CareLeaverContacts));
        Assert.Equal([1L], Ids(one.CareProceedings));
        Assert.Equal([3L], Ids(one.Allegations));
        Assert.Equal([2L], Ids(one.PanelDecisions));

        var two = files[2];
        Assert.Empty(two.Contacts);
        Assert.Empty(two.PanelDecisions);
        Assert.Empty(two.Visits);
        Assert.Empty(two.Allegations);
    }

    [Fact]
    public void IndexAll_leaves_out_records_of_unknown_children_and_unlinked_allegations()
    {
        var files = ChildFile.IndexAll(Data());

        Assert.Equal(3, files.Values.Sum(f => f.Visits.Count));
        Assert.Equal(1, files.Values.Sum(f => f.CareEpisodes.Count));
        Assert.DoesNotContain(files.Values.SelectMany(f => f.Visits), v => v.ChildId == 99);
        Assert.DoesNotContain(files.Values.SelectMany(f => f.CareEpisodes), e => e.ChildId == 99);
        Assert.Equal(2, files.Values.Sum(f => f.Allegations.Count));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void From_gives_the_same_file_as_IndexAll(long childId)
    {
        var data = Data();
        var one = ChildFile.From(data, childId);
        var all = ChildFile.IndexAll(data)[childId];

        Assert.Same(all.Child, one.Child);
        Assert.Equal(Ids(all.Contacts), Ids(one.Contacts));
        Assert.Equal(Ids(all.Referrals), Ids(one.Referrals));
        Assert.Equal(Ids(all.Assessments), Ids(one.Assessments));
        Assert.Equal(Ids(all.StrategyDiscussions), Ids(one.StrategyDiscussions));
        Assert.Equal(Ids(all.Section47s), Ids(one.Section47s));
        Assert.Equal(Ids(all.Conferences), Ids(one.Conferences));
        Assert.Equal(Ids(all.ProtectionPlans), Ids(one.ProtectionPlans));
        Assert.Equal(Ids(all.CoreGroups), Ids(one.CoreGroups));
        Assert.Equal(Ids(all.ChildInNeedPlans), Ids(one.ChildInNeedPlans));
        Assert.Equal(Ids(all.ChildInNeedReviews), Ids(one.ChildInNeedReviews));
        Assert.Equal(Ids(all.CareEpisodes), Ids(one.CareEpisodes));
        Assert.Equal(Ids(all.CareReviews), Ids(one.CareReviews));
        Assert.Equal(Ids(all.HealthChecks), Ids(one.HealthChecks));
        Assert.Equal(Ids(all.Visits), Ids(one.Visits));
        Assert.Equal(Ids(all.CareLeaverContacts), Ids(one.CareLeaverContacts));
        Assert.Equal(Ids(all.PrivateFostering), Ids(one.PrivateFostering));
        Assert.Equal(Ids(all.CareProceedings), Ids(one.CareProceedings));
        Assert.Equal(Ids(all.Allegations), Ids(one.Allegations));
        Assert.Equal(Ids(all.PanelDecisions), Ids(one.PanelDecisions));
    }

    [Fact]
    public void From_an_unknown_child_says_so()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => ChildFile.From(Data(), 42));
        Assert.Contains("42", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexAll_keeps_the_first_of_two_children_with_the_same_id()
    {
        var data = Data();
        var duplicate = new Child { Id = 1, GivenName = "Duplicate" };
        data.Children.Add(duplicate);

        var files = ChildFile.IndexAll(data);

        Assert.Equal(3, files.Count);
        Assert.NotSame(duplicate, files[1].Child);
    }

    [Fact]
    public void Lists_cannot_be_changed_through_the_file_or_by_the_caller_afterwards()
    {
        var visits = new[] { new Visit { Id = 1, ChildId = 1, Date = D("2024-01-01") } };
        var file = new ChildFile(new Child { Id = 1 }) { Visits = visits };

        visits[0] = new Visit { Id = 2 };

        Assert.Equal(1, Assert.Single(file.Visits).Id);
        var asList = Assert.IsAssignableFrom<IList<Visit>>(file.Visits);
        Assert.True(asList.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => asList.Add(new Visit()));
        Assert.True(Assert.IsAssignableFrom<IList<Visit>>(ChildFile.IndexAll(Data())[3].Visits).IsReadOnly);
    }

    [Fact]
    public void IndexAll_of_many_children_evaluates_each_like_a_single_file()
    {
        // A realistic mix over 2,000 children, checked child by child against From: the index must not
        // mix records between children whose ids hash to the same buckets.
        var data = new AuthorityData();
        for (int i = 1; i <= 2000; i++)
        {
            data.Children.Add(new Child { Id = i * 7919L, DateOfBirth = D("2015-01-01") });
            data.Visits.Add(new Visit { Id = i, ChildId = i * 7919L, Date = D("2024-01-02").AddDays(i % 20), Kind = VisitKind.ChildProtection, ChildSeen = true });
            data.ProtectionPlans.Add(new ChildProtectionPlan { Id = i, ChildId = i * 7919L, StartDate = D("2024-01-02") });
        }

        var files = ChildFile.IndexAll(data);
        var asAt = D("2024-02-01");

        Assert.Equal(2000, files.Count);
        foreach (var child in data.Children)
        {
            Assert.Equal(
                StatutoryClock.Evaluate(ChildFile.From(data, child.Id), asAt, LocalStandards.Default),
                StatutoryClock.Evaluate(files[child.Id], asAt, LocalStandards.Default));
        }
    }
}
