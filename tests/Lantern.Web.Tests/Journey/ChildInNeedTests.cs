using System.Net;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Tests.Journey;

/// <summary>Child in need plans and closing the case through the real pages: starting a plan (one
/// open at a time, not before the referral), reviewing it within its dates, ending it (not before
/// it started) and closing the case (not before the referral or an open plan, never while a child
/// protection plan is open); bad input shows the error summary naming the field and saves nothing.</summary>
public sealed class ChildInNeedTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JourneyData data = new(server);

    [Fact]
    public async Task Starting_a_plan_refuses_bad_dates_and_a_second_open_plan()
    {
        var child = await data.AddChildAsync(StaffRole.SocialWorker);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/child-in-need/new";
        Func<Task<int>> count = () => data.QueryAsync(db => db.ChildInNeedPlans.CountAsync(p => p.ChildId == child, Ct));

        await data.AssertRefusedAsync(s, path, On("StartDate", 25, 3), "f-start-date-day", "The child has no open referral. Record a referral before starting a child in need plan", count);
        var referral = new Referral { ChildId = child, ReferralDate = new DateOnly(2026, 3, 20), Source = ReferralSource.Schools, PrimaryNeed = PrimaryNeed.AcuteStress };
        await data.SaveAsync(db => db.Referrals.Add(referral));
        await data.AssertRefusedAsync(s, path, [], "f-start-date-day", "Enter the date the plan started", count);
        await data.AssertRefusedAsync(s, path, On("StartDate", 25, 3, "20266"), "f-start-date-day", "The date the plan started must be a real date", count);
        await data.AssertRefusedAsync(s, path, On("StartDate", 1, 4), "f-start-date-day", "The date the plan started must be today or in the past", count);
        await data.AssertRefusedAsync(s, path, On("StartDate", 19, 3), "f-start-date-day", "The date the plan started must be the same as or after the date of the referral, 20 March 2026", count);

        var (response, _) = await s.PostFormAsync(path, On("StartDate", 25, 3));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = Assert.Single(await data.QueryAsync(db => db.ChildInNeedPlans.Where(p => p.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(new DateOnly(2026, 3, 25), plan.StartDate);
        Assert.Equal(referral.Id, plan.ReferralId);

        await data.AssertRefusedAsync(s, path, On("StartDate", 26, 3), "f-start-date-day", "The child already has a child in need plan, started on 25 March 2026. End it before starting another", count);
    }

    [Fact]
    public async Task A_review_must_fall_within_the_plan()
    {
        var (child, plan) = await PlanAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9), end: new DateOnly(2026, 3, 20));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/child-in-need/{plan.Id}/reviews/new";
        Func<Task<int>> count = () => data.QueryAsync(db => db.ChildInNeedReviews.CountAsync(r => r.ChildId == child, Ct));

        await data.AssertRefusedAsync(s, path, [], "f-review-date-day", "Enter the date of the review", count);
        await data.AssertRefusedAsync(s, path, On("ReviewDate", 31, 2), "f-review-date-day", "The date of the review must be a real date", count);
        await data.AssertRefusedAsync(s, path, On("ReviewDate", 1, 4), "f-review-date-day", "The date of the review must be today or in the past", count);
        await data.AssertRefusedAsync(s, path, On("ReviewDate", 8, 3), "f-review-date-day", "The date of the review must be the same as or after the plan started, 9 March 2026", count);
        await data.AssertRefusedAsync(s, path, On("ReviewDate", 21, 3), "f-review-date-day", "The date of the review must be the same as or before the plan ended, 20 March 2026", count);

        var (response, _) = await s.PostFormAsync(path, On("ReviewDate", 20, 3));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2026, 3, 20), Assert.Single(await data.QueryAsync(db => db.ChildInNeedReviews.Where(r => r.ChildId == child).ToListAsync(Ct))).Date);

        // The plan of another child is not found through this one.
        var other = await data.AddChildAsync(StaffRole.SocialWorker);
        var (notFound, _) = await s.GetAsync($"/children/{other}/child-in-need/{plan.Id}/reviews/new");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task Ending_a_plan_refuses_an_end_before_it_started_or_before_its_last_review_and_needs_a_reason()
    {
        var (child, plan) = await PlanAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9));
        await data.SaveAsync(db => db.ChildInNeedReviews.Add(new ChildInNeedPlanReview { ChildId = child, PlanId = plan.Id, Date = new DateOnly(2026, 3, 16) }));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/child-in-need/{plan.Id}/end";
        Dictionary<string, string> Good() => new(On("EndDate", 20, 3)) { ["Reason"] = "Support is no longer needed.", [CaseworkPageModel.VersionName] = plan.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Func<Task<string>> state = () => data.QueryAsync(async db => await db.ChildInNeedPlans.Where(p => p.Id == plan.Id).Select(p => $"{p.Version} {p.EndDate}").SingleAsync(Ct)
            + await db.SignificantEvents.CountAsync(e => e.ChildId == child, Ct));

        await data.AssertRefusedAsync(s, path, [], "f-end-date-day", "Enter the date the plan ended", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Reason", "")), "f-reason", "Enter why the plan ended", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Reason", new string('c', 1001))), "f-reason", "Why the plan ended must be 1000 characters or fewer", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("EndDate-year", "26")), "f-end-date-day", "The date the plan ended must be a real date", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("EndDate-month", "4")), "f-end-date-day", "The date the plan ended must be today or in the past", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("EndDate-day", "8")), "f-end-date-day", "The date the plan ended must be the same as or after the date it started, 9 March 2026", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("EndDate-day", "13")), "f-end-date-day", "The date the plan ended must be the same as or after its last review, 16 March 2026", state);

        var (response, _) = await s.PostFormAsync(path, Good());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2026, 3, 20), (await data.QueryAsync(db => db.ChildInNeedPlans.SingleAsync(p => p.Id == plan.Id, Ct))).EndDate);
        var ended = Assert.Single(await data.QueryAsync(db => db.SignificantEvents.Where(e => e.ChildId == child).ToListAsync(Ct)));
        Assert.Equal("Support is no longer needed.", ended.Detail);
    }

    [Fact]
    public async Task Closing_the_case_is_blocked_by_an_open_protection_plan_and_refuses_contradictory_dates()
    {
        var (child, plan) = await PlanAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9));
        var referral = await data.QueryAsync(db => db.Referrals.SingleAsync(r => r.ChildId == child, Ct));
        var cp = new ChildProtectionPlan { ChildId = child, ReferralId = referral.Id, StartDate = new DateOnly(2026, 3, 10), InitialCategory = AbuseCategory.FromCode(AbuseCategory.Set.Entries[0].Code), LatestCategory = AbuseCategory.FromCode(AbuseCategory.Set.Entries[0].Code) };
        await data.SaveAsync(db => db.ProtectionPlans.Add(cp));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/referrals/{referral.Id}/close";
        Dictionary<string, string> Good() => new(On("ClosureDate", 20, 3)) { ["ClosureReason"] = "RC7", [CaseworkPageModel.VersionName] = referral.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Func<Task<string>> state = () => data.QueryAsync(async db => await db.Referrals.Where(r => r.Id == referral.Id).Select(r => $"{r.Version} {r.ClosureDate} {r.ClosureReason}").SingleAsync(Ct)
            + await db.ChildInNeedPlans.Where(p => p.Id == plan.Id).Select(p => $" {p.EndDate}").SingleAsync(Ct)
            + await db.Allocations.CountAsync(a => a.ChildId == child && a.EndDate == null, Ct));

        var (form, html) = await s.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Cannot close yet", html, StringComparison.Ordinal);
        await data.AssertRefusedAsync(s, path, Good(), "f-closure-date-day", "The child has been on a child protection plan since 10 March 2026. End the plan before closing the case", state);

        await data.SaveAsync(db =>
        {
            db.Attach(cp);
            cp.EndDate = new DateOnly(2026, 3, 12);
        });
        await data.AssertRefusedAsync(s, path, [], "f-closure-date-day", "Enter the date the case closed", state);
        await data.AssertRefusedAsync(s, path, [], "f-closure-reason", "Select the reason for closure", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ClosureReason", "RC99")), "f-closure-reason", "Select the reason for closure from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ClosureDate-day", "0")), "f-closure-date-day", "The date the case closed must be a real date", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ClosureDate-month", "5")), "f-closure-date-day", "The date the case closed must be today or in the past", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ClosureDate-day", "1")), "f-closure-date-day", "The date the case closed must be the same as or after the date of the referral, 2 March 2026", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ClosureDate-day", "5")), "f-closure-date-day", "The date the case closed must be the same as or after the child in need plan started, 9 March 2026", state);
    }

    [Fact]
    public async Task Closing_the_case_ends_the_open_plan_and_allocations_on_the_closure_date()
    {
        var (child, plan) = await PlanAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9));
        var referral = await data.QueryAsync(db => db.Referrals.SingleAsync(r => r.ChildId == child, Ct));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (response, html) = await s.PostFormAsync($"/children/{child}/referrals/{referral.Id}/close", new(On("ClosureDate", 30, 3))
        {
            ["ClosureReason"] = "RC7",
            [CaseworkPageModel.VersionName] = referral.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, html);
        var closed = await data.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == referral.Id, Ct));
        Assert.Equal(new DateOnly(2026, 3, 30), closed.ClosureDate);
        Assert.Equal(ClosureReason.ServicesCeased, closed.ClosureReason);
        Assert.Equal(new DateOnly(2026, 3, 30), (await data.QueryAsync(db => db.ChildInNeedPlans.SingleAsync(p => p.Id == plan.Id, Ct))).EndDate);
        Assert.All(await data.QueryAsync(db => db.Allocations.Where(a => a.ChildId == child).ToListAsync(Ct)), a => Assert.Equal(new DateOnly(2026, 3, 30), a.EndDate));
    }

    /// <summary>A child allocated to the demo social worker with a referral, an authorised assessment
    /// (outcome child in need plan) and a plan.</summary>
    private async Task<(long Child, ChildInNeedPlan Plan)> PlanAsync(DateOnly referred, DateOnly start, DateOnly? end = null)
    {
        var (child, assessment) = await data.AssessmentAsync(referred, referred.AddDays(1), a =>
        {
            a.Factors = [AssessmentFactor.Neglect];
            a.ChildSeen = true;
            a.ChildSeenDate = referred.AddDays(2);
            a.Outcome = AssessmentOutcome.ChildInNeedPlan;
            a.AuthorisationDate = start;
        });
        var plan = new ChildInNeedPlan { ChildId = child, ReferralId = assessment.ReferralId, StartDate = start, EndDate = end };
        await data.SaveAsync(db => db.ChildInNeedPlans.Add(plan));
        return (child, plan);
    }

    private static Dictionary<string, string> On(string name, int day, int month, string year = "2026") => new()
    {
        [name + "-day"] = day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [name + "-month"] = month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [name + "-year"] = year,
    };

    private static Dictionary<string, string> With(Dictionary<string, string> fields, params (string Key, string Value)[] changes)
    {
        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }

        return fields;
    }
}
