using System.Net;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>Referral and assessment through the real pages: a referral recorded directly (and the
/// child allocated to the worker), its details, starting, completing and authorising an assessment
/// with both 45-working-day clocks shown; every form refuses bad input with the GOV.UK error summary
/// naming the field and saves nothing.</summary>
public sealed class AssessmentTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JourneyData data = new(server);

    [Fact]
    public async Task Referral_to_closure_happy_path_shows_the_clocks_across_Easter_and_saves_each_step()
    {
        var today = data.Today;
        Assert.Equal(new DateOnly(2026, 3, 31), today);
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var tm = await data.WorkerIdAsync(StaffRole.TeamManager);
        var child = await data.AddChildAsync();
        await data.SaveAsync(db => db.Contacts.Add(new Contact
        {
            ChildId = child,
            ReceivedAt = today.AddDays(-12).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            Source = ReferralSource.Schools,
            RecordedByWorkerId = sw,
        }));
        var worker = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);

        // 1. A referral recorded directly on Friday 20 March 2026; nobody allocated, so the worker is.
        var (response, html) = await worker.PostFormAsync($"/children/{child}/referrals/new", new()
        {
            ["ReferralDate-day"] = "20",
            ["ReferralDate-month"] = "3",
            ["ReferralDate-year"] = "2026",
            ["Source"] = "2A",
            ["PrimaryNeed"] = "N1",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        Assert.Equal($"/children/{child}", response.Headers.Location?.OriginalString);
        var referral = Assert.Single(await data.QueryAsync(db => db.Referrals.Where(r => r.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(new DateOnly(2026, 3, 20), referral.ReferralDate);
        Assert.Equal("2A", referral.Source.Code);
        Assert.Equal("N1", referral.PrimaryNeed?.Code);
        var allocation = Assert.Single(await data.QueryAsync(db => db.Allocations.Where(a => a.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(sw, allocation.WorkerId);
        Assert.Equal(today, allocation.StartDate);
        Assert.Null(allocation.EndDate);

        // 2. Its details: the primary need changed.
        var (details, detailsHtml) = await worker.GetAsync($"/children/{child}/referrals/{referral.Id}/details");
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.Contains("value=\"20\"", detailsHtml, StringComparison.Ordinal);
        (response, html) = await worker.PostFormAsync($"/children/{child}/referrals/{referral.Id}/details", new()
        {
            ["ReferralDate-day"] = "20",
            ["ReferralDate-month"] = "3",
            ["ReferralDate-year"] = "2026",
            ["Source"] = "2A",
            ["PrimaryNeed"] = "N4",
            [CaseworkPageModel.VersionName] = referral.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        referral = await data.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == referral.Id, Ct));
        Assert.Equal("N4", referral.PrimaryNeed?.Code);

        // 3. The assessment starts on Monday 23 March 2026.
        var (start, startHtml) = await worker.GetAsync($"/children/{child}/assessments/new");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);

        // 45 working days from the referral (Fri 20 March; day 0): 23-27 Mar (1-5), 30-31 Mar (6-7),
        // 1-2 Apr (8-9), [Good Friday 3 Apr, Easter Monday 6 Apr], 7-10 Apr (10-13), 13-17 Apr (14-18),
        // 20-24 Apr (19-23), 27 Apr-1 May (24-28), [early May bank holiday 4 May], 5-8 May (29-32),
        // 11-15 May (33-37), 18-22 May (38-42), [spring bank holiday 25 May], 26-28 May (43-45).
        const string FromReferral = "28 May 2026";

        // 45 working days from the start (Mon 23 March; day 0): 24-27 Mar (1-4), 30-31 Mar (5-6),
        // 1-2 Apr (7-8), [3 and 6 Apr], 7-10 Apr (9-12), 13-17 Apr (13-17), 20-24 Apr (18-22),
        // 27 Apr-1 May (23-27), [4 May], 5-8 May (28-31), 11-15 May (32-36), 18-22 May (37-41),
        // [25 May], 26-29 May (42-45).
        const string FromStart = "29 May 2026";
        AssertRow(startHtml, "Assessment due (45 working days from the referral)", FromReferral);

        (response, html) = await worker.PostFormAsync($"/children/{child}/assessments/new", new()
        {
            ["StartDate-day"] = "23",
            ["StartDate-month"] = "3",
            ["StartDate-year"] = "2026",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        var assessment = Assert.Single(await data.QueryAsync(db => db.Assessments.Where(a => a.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(new DateOnly(2026, 3, 23), assessment.StartDate);
        Assert.Equal(referral.Id, assessment.ReferralId);
        var (_, record) = await worker.GetAsync($"/children/{child}");
        Assert.Contains($"Assessment started. It is due by {FromStart}", Decode(record), StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child}/assessments/{assessment.Id}/complete\"", record, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/children/{child}/assessments/new\"", record, StringComparison.Ordinal);

        // 4. Completed and sent for authorisation.
        var (_, completeHtml) = await worker.GetAsync($"/children/{child}/assessments/{assessment.Id}/complete");
        AssertRow(completeHtml, "Assessment due (45 working days from the start)", FromStart);
        AssertRow(completeHtml, "Assessment due (45 working days from the referral)", FromReferral);
        (response, html) = await worker.PostFormAsync($"/children/{child}/assessments/{assessment.Id}/complete", new()
        {
            ["Factors"] = "3B,16A",
            ["ChildSeen"] = "yes",
            ["ChildSeenDate-day"] = "24",
            ["ChildSeenDate-month"] = "3",
            ["ChildSeenDate-year"] = "2026",
            ["Outcome"] = "ChildInNeedPlan",
            [CaseworkPageModel.VersionName] = Version(assessment),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        assessment = await data.QueryAsync(db => db.Assessments.SingleAsync(a => a.Id == assessment.Id, Ct));
        Assert.Equal(today, assessment.SubmittedOn);
        Assert.Equal(sw, assessment.SubmittedByWorkerId);
        Assert.Equal(["3B", "16A"], assessment.Factors.Select(f => f.Code));
        Assert.Equal(new DateOnly(2026, 3, 24), assessment.ChildSeenDate);
        Assert.Null(assessment.AuthorisationDate);

        // The worker may not authorise; the manager sees the answers and both clocks.
        var (_, managerRecord) = await manager.GetAsync($"/children/{child}");
        Assert.Contains($"href=\"/children/{child}/assessments/{assessment.Id}/authorise\"", managerRecord, StringComparison.Ordinal);
        var (refused, _) = await worker.GetAsync($"/children/{child}/assessments/{assessment.Id}/authorise");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var (authorise, authoriseHtml) = await manager.GetAsync($"/children/{child}/assessments/{assessment.Id}/authorise");
        Assert.Equal(HttpStatusCode.OK, authorise.StatusCode);
        var shown = Decode(authoriseHtml);
        AssertRow(shown, "Assessment due (45 working days from the start)", FromStart);
        AssertRow(shown, "Assessment due (45 working days from the referral)", FromReferral);
        Assert.Contains("Domestic abuse – parent subject (3B)", shown, StringComparison.Ordinal);
        Assert.Contains("Yes, on 24 March 2026", shown, StringComparison.Ordinal);
        Assert.Contains("Start the child in need plan on the date of authorisation", shown, StringComparison.Ordinal);
        Assert.Matches("id=\"f-start-plan\"[^>]*checked", authoriseHtml);

        // 5. Authorised today with the plan started on the same date.
        (response, html) = await manager.PostFormAsync($"/children/{child}/assessments/{assessment.Id}/authorise", new()
        {
            ["Decision"] = "authorise",
            ["AuthorisationDate-day"] = "31",
            ["AuthorisationDate-month"] = "3",
            ["AuthorisationDate-year"] = "2026",
            ["StartPlan"] = "yes",
            [CaseworkPageModel.VersionName] = Version(assessment),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        assessment = await data.QueryAsync(db => db.Assessments.SingleAsync(a => a.Id == assessment.Id, Ct));
        Assert.Equal(today, assessment.AuthorisationDate);
        Assert.Equal(tm, assessment.AuthorisedByWorkerId);
        var plan = Assert.Single(await data.QueryAsync(db => db.ChildInNeedPlans.Where(p => p.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(today, plan.StartDate);
        Assert.Equal(referral.Id, plan.ReferralId);

        // 6. The plan's review page shows what the clock says: the authority's standards are the
        // defaults (a review every 3 months, a visit every 20 working days).
        var standards = await data.QueryAsync(db => ChildFileLoader.StandardsAsync(db, Ct));
        Assert.Equal(3, standards.ChildInNeedReviewMonths);
        Assert.Equal(20, standards.ChildInNeedVisitWorkingDays);

        // Visit: 20 working days from Tue 31 March: 1-2 Apr (1-2), [3 and 6 Apr], 7-10 Apr (3-6),
        // 13-17 Apr (7-11), 20-24 Apr (12-16), 27-30 Apr (17-20). Review: 31 March + 3 months.
        var (review, reviewHtml) = await worker.GetAsync($"/children/{child}/child-in-need/{plan.Id}/reviews/new");
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        AssertRow(reviewHtml, "Next review", "Due by 30 June 2026");
        AssertRow(reviewHtml, "Next child in need visit", "Due by 30 April 2026");
        (response, html) = await worker.PostFormAsync($"/children/{child}/child-in-need/{plan.Id}/reviews/new", new()
        {
            ["ReviewDate-day"] = "31",
            ["ReviewDate-month"] = "3",
            ["ReviewDate-year"] = "2026",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        Assert.Equal(today, Assert.Single(await data.QueryAsync(db => db.ChildInNeedReviews.Where(r => r.PlanId == plan.Id).ToListAsync(Ct))).Date);

        // 7. The plan ends. Starting and ending on the same day is a census query (4012Q): the
        // worker is warned, nothing is saved, and it is saved once they confirm.
        var end = new Dictionary<string, string>
        {
            ["EndDate-day"] = "31",
            ["EndDate-month"] = "3",
            ["EndDate-year"] = "2026",
            ["Reason"] = "The family no longer needs support from children's social care.",
            [CaseworkPageModel.VersionName] = Version(plan),
        };
        (response, html) = await worker.PostFormAsync($"/children/{child}/child-in-need/{plan.Id}/end", end);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Query 4012Q", html, StringComparison.Ordinal);
        Assert.Null((await data.QueryAsync(db => db.ChildInNeedPlans.SingleAsync(p => p.Id == plan.Id, Ct))).EndDate);
        end[CaseworkPageModel.AcknowledgeName] = "yes";
        (response, html) = await worker.PostFormAsync($"/children/{child}/child-in-need/{plan.Id}/end", end);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        plan = await data.QueryAsync(db => db.ChildInNeedPlans.SingleAsync(p => p.Id == plan.Id, Ct));
        Assert.Equal(today, plan.EndDate);
        Assert.Contains(await data.QueryAsync(db => db.SignificantEvents.Where(e => e.ChildId == child).ToListAsync(Ct)), e => e.Title == "Child in need plan ended" && e.Date == today);

        // 8. The case closes; the allocation ends on the same date.
        referral = await data.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == referral.Id, Ct));
        (response, html) = await worker.PostFormAsync($"/children/{child}/referrals/{referral.Id}/close", new()
        {
            ["ClosureDate-day"] = "31",
            ["ClosureDate-month"] = "3",
            ["ClosureDate-year"] = "2026",
            ["ClosureReason"] = "RC7",
            [CaseworkPageModel.VersionName] = Version(referral),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        referral = await data.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == referral.Id, Ct));
        Assert.Equal(today, referral.ClosureDate);
        Assert.Equal("RC7", referral.ClosureReason?.Code);
        Assert.Equal(today, (await data.QueryAsync(db => db.Allocations.SingleAsync(a => a.Id == allocation.Id, Ct))).EndDate);
    }

    [Fact]
    public async Task Recording_a_referral_refuses_bad_answers_and_saves_nothing()
    {
        var child = await data.AddChildAsync(allocateTo: StaffRole.SocialWorker);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/referrals/new";
        Dictionary<string, string> Good() => new() { ["ReferralDate-day"] = "20", ["ReferralDate-month"] = "3", ["ReferralDate-year"] = "2026", ["Source"] = "2A", ["PrimaryNeed"] = "N1" };
        Func<Task<int>> count = () => data.QueryAsync(db => db.Referrals.CountAsync(r => r.ChildId == child, Ct));

        await data.AssertRefusedAsync(s, path, [], "f-referral-date-day", "Enter the date of the referral", count);
        await data.AssertRefusedAsync(s, path, [], "f-source", "Select who made the referral", count);
        await data.AssertRefusedAsync(s, path, [], "f-primary-need", "Select the primary need", count);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ReferralDate-day", "30"), ("ReferralDate-month", "2")), "f-referral-date-day", "The date of the referral must be a real date", count);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ReferralDate-day", "1"), ("ReferralDate-month", "4")), "f-referral-date-day", "The date of the referral must be today or in the past", count);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ReferralDate-year", "2017")), "f-referral-date-day", "The date of the referral must be the same as or after the child's date of birth, 1 June 2018", count);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Source", "ZZ")), "f-source", "Select who made the referral from the list", count);
        await data.AssertRefusedAsync(s, path, With(Good(), ("PrimaryNeed", "N99")), "f-primary-need", "Select the primary need from the list", count);

        // One open referral at a time.
        await data.SaveAsync(db => db.Referrals.Add(new Referral { ChildId = child, ReferralDate = new DateOnly(2026, 3, 2), Source = ReferralSource.Police }));
        await data.AssertRefusedAsync(s, path, Good(), "f-referral-date-day", "The child already has an open referral, made on 2 March 2026. Close it before recording a new referral", count);
    }

    [Fact]
    public async Task A_referral_that_would_break_census_rules_is_saved_only_once_the_warnings_are_acknowledged()
    {
        var child = await data.AddChildAsync(StaffRole.SocialWorker, censusReady: false);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/referrals/new";
        var fields = new Dictionary<string, string> { ["ReferralDate-day"] = "20", ["ReferralDate-month"] = "3", ["ReferralDate-year"] = "2026", ["Source"] = "2A", ["PrimaryNeed"] = "N1" };

        var (warned, html) = await s.PostFormAsync(path, fields);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("id=\"return-warnings\"", html, StringComparison.Ordinal);
        Assert.Contains("Error 8540", html, StringComparison.Ordinal);
        Assert.Equal(0, await data.QueryAsync(db => db.Referrals.CountAsync(r => r.ChildId == child, Ct)));

        var (saved, _) = await s.PostFormAsync(path, With(fields, (CaseworkPageModel.AcknowledgeName, "yes")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await data.QueryAsync(db => db.Referrals.CountAsync(r => r.ChildId == child, Ct)));
    }

    [Fact]
    public async Task Changing_referral_details_refuses_bad_answers_and_changes_nothing()
    {
        var child = await data.AddChildAsync(allocateTo: StaffRole.SocialWorker);
        var referral = new Referral { ChildId = child, ReferralDate = new DateOnly(2026, 3, 2), Source = ReferralSource.Police };
        await data.SaveAsync(db => db.Referrals.Add(referral));
        await data.SaveAsync(db => db.Assessments.Add(new Assessment { ChildId = child, ReferralId = referral.Id, StartDate = new DateOnly(2026, 3, 4) }));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/referrals/{referral.Id}/details";
        Dictionary<string, string> Good() => new() { ["ReferralDate-day"] = "2", ["ReferralDate-month"] = "3", ["ReferralDate-year"] = "2026", ["Source"] = "6", ["PrimaryNeed"] = "N1", [CaseworkPageModel.VersionName] = Version(referral) };
        Func<Task<string>> state = () => data.QueryAsync(async db => await db.Referrals.Where(r => r.Id == referral.Id).Select(r => $"{r.Version} {r.ReferralDate} {r.Source} {r.PrimaryNeed}").SingleAsync(Ct));

        await data.AssertRefusedAsync(s, path, With(Good(), ("PrimaryNeed", "")), "f-primary-need", "Select the primary need", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ReferralDate-month", "13")), "f-referral-date-day", "The date of the referral must be a real date", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ReferralDate-day", "5")), "f-referral-date-day", "The date of the referral must be the same as or before the start of the assessment, 4 March 2026", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Source", "99")), "f-source", "Select who made the referral from the list", state);

        // Another child's referral is not found through this child.
        var other = await data.AddChildAsync(allocateTo: StaffRole.SocialWorker);
        var (notFound, _) = await s.GetAsync($"/children/{other}/referrals/{referral.Id}/details");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task Starting_an_assessment_refuses_bad_dates_and_saves_nothing()
    {
        var child = await data.AddChildAsync(allocateTo: StaffRole.SocialWorker);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/assessments/new";
        Dictionary<string, string> On(string day, string month = "3", string year = "2026") => new() { ["StartDate-day"] = day, ["StartDate-month"] = month, ["StartDate-year"] = year };
        Func<Task<int>> count = () => data.QueryAsync(db => db.Assessments.CountAsync(a => a.ChildId == child, Ct));

        await data.AssertRefusedAsync(s, path, On("23"), "f-start-date-day", "The child has no open referral. Record a referral before starting an assessment", count);
        var referral = new Referral { ChildId = child, ReferralDate = new DateOnly(2026, 3, 20), Source = ReferralSource.Schools };
        await data.SaveAsync(db => db.Referrals.Add(referral));
        await data.AssertRefusedAsync(s, path, [], "f-start-date-day", "Enter the date the assessment started", count);
        await data.AssertRefusedAsync(s, path, On("x"), "f-start-date-day", "The date the assessment started must be a real date", count);
        await data.AssertRefusedAsync(s, path, On("23", ""), "f-start-date-day", "The date the assessment started must include a month", count);
        await data.AssertRefusedAsync(s, path, On("2", "4"), "f-start-date-day", "The date the assessment started must be today or in the past", count);
        await data.AssertRefusedAsync(s, path, On("19"), "f-start-date-day", "The date the assessment started must be the same as or after the date of the referral, 20 March 2026", count);

        await data.SaveAsync(db => db.Assessments.Add(new Assessment { ChildId = child, ReferralId = referral.Id, StartDate = new DateOnly(2026, 3, 21) }));
        await data.AssertRefusedAsync(s, path, On("23"), "f-start-date-day", "An assessment started on 21 March 2026 has not been authorised yet. Complete it before starting another", count);
    }

    [Fact]
    public async Task Completing_an_assessment_refuses_bad_answers_and_sends_nothing()
    {
        var (child, assessment) = await data.AssessmentAsync(new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 23));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/assessments/{assessment.Id}/complete";
        Dictionary<string, string> Good() => new()
        {
            ["Factors"] = "16A",
            ["ChildSeen"] = "yes",
            ["ChildSeenDate-day"] = "24",
            ["ChildSeenDate-month"] = "3",
            ["ChildSeenDate-year"] = "2026",
            ["Outcome"] = "ChildInNeedPlan",
            [CaseworkPageModel.VersionName] = Version(assessment),
        };
        Func<Task<string>> state = () => data.QueryAsync(async db => await db.Assessments.Where(a => a.Id == assessment.Id).Select(a => $"{a.Version} {a.SubmittedOn} {a.Outcome}").SingleAsync(Ct));

        await data.AssertRefusedAsync(s, path, [], "f-child-seen", "Select yes if the child was seen during the assessment", state);
        await data.AssertRefusedAsync(s, path, [], "f-outcome", "Select the outcome of the assessment", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Factors", "")), "f-factors", "Select the factors identified at the assessment, or 'No factors identified'", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Factors", "16A,99Z")), "f-factors", "Select the factors identified at the assessment from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Factors", "21,16A")), "f-factors", "Select 'No factors identified' on its own, or only the factors identified", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ChildSeenDate-day", "")), "f-child-seen-date-day", "The date the child was seen must include a day", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ChildSeenDate-day", ""), ("ChildSeenDate-month", ""), ("ChildSeenDate-year", "")), "f-child-seen-date-day", "Enter the date the child was seen", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ChildSeenDate-day", "22")), "f-child-seen-date-day", "The date the child was seen must be the same as or after the assessment started, 23 March 2026", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ChildSeenDate-day", "1"), ("ChildSeenDate-month", "4")), "f-child-seen-date-day", "The date the child was seen must be today or in the past", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ChildSeen", "no")), "f-child-seen-date-day", "Leave the date the child was seen blank if the child was not seen, or change the answer to yes", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Outcome", "Pending")), "f-outcome", "Select the outcome of the assessment from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Outcome", "NoFurtherAction")), "f-outcome-reason", "Enter why there is no further action", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Outcome", "NoFurtherAction"), ("OutcomeReason", new string('a', 1001))), "f-outcome-reason", "Why there is no further action must be 1000 characters or fewer", state);

        // No further action needs no factors; it can be changed again until authorised.
        var (response, _) = await s.PostFormAsync(path, With(Good(), ("Factors", ""), ("Outcome", "NoFurtherAction"), ("OutcomeReason", "Needs met by universal services.")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await data.QueryAsync(db => db.Assessments.SingleAsync(a => a.Id == assessment.Id, Ct));
        Assert.Equal(AssessmentOutcome.NoFurtherAction, saved.Outcome);
        Assert.Equal(data.Today, saved.SubmittedOn);
        var (again, againHtml) = await s.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Needs met by universal services.", againHtml, StringComparison.Ordinal);
        Assert.Contains($"name=\"{CaseworkPageModel.VersionName}\" value=\"{saved.Version}\"", againHtml, StringComparison.Ordinal);

        // A stale version is a conflict, not an overwrite.
        var (conflict, conflictHtml) = await s.PostFormAsync(path, Good());
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Someone else changed this record", conflictHtml, StringComparison.Ordinal);
        Assert.Equal(AssessmentOutcome.NoFurtherAction, (await data.QueryAsync(db => db.Assessments.SingleAsync(a => a.Id == assessment.Id, Ct))).Outcome);
    }

    [Fact]
    public async Task Authorising_refuses_bad_answers_and_the_managers_own_submission()
    {
        var today = data.Today;
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var tm = await data.WorkerIdAsync(StaffRole.TeamManager);
        var (child, assessment) = await data.AssessmentAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3), a =>
        {
            a.Factors = [AssessmentFactor.Neglect];
            a.ChildSeen = true;
            a.ChildSeenDate = new DateOnly(2026, 3, 4);
            a.Outcome = AssessmentOutcome.ChildInNeedPlan;
            a.SubmittedOn = today.AddDays(-2);
            a.SubmittedByWorkerId = sw;
        });
        var m = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var path = $"/children/{child}/assessments/{assessment.Id}/authorise";
        Dictionary<string, string> Good() => new()
        {
            ["Decision"] = "authorise",
            ["AuthorisationDate-day"] = "31",
            ["AuthorisationDate-month"] = "3",
            ["AuthorisationDate-year"] = "2026",
            [CaseworkPageModel.VersionName] = Version(assessment),
        };
        Func<Task<string>> state = () => data.QueryAsync(async db => await db.Assessments.Where(a => a.Id == assessment.Id).Select(a => $"{a.Version} {a.SubmittedOn} {a.AuthorisationDate}").SingleAsync(Ct)
            + await db.ChildInNeedPlans.CountAsync(p => p.ChildId == child, Ct) + " " + await db.ManagementDecisions.CountAsync(d => d.ChildId == child, Ct));

        await data.AssertRefusedAsync(m, path, [], "f-decision", "Select your decision", state);
        await data.AssertRefusedAsync(m, path, With(Good(), ("Decision", "maybe")), "f-decision", "Select your decision from the list", state);
        await data.AssertRefusedAsync(m, path, With(Good(), ("AuthorisationDate-day", ""), ("AuthorisationDate-month", ""), ("AuthorisationDate-year", "")), "f-authorisation-date-day", "Enter the date of authorisation", state);
        await data.AssertRefusedAsync(m, path, With(Good(), ("AuthorisationDate-day", "32")), "f-authorisation-date-day", "The date of authorisation must be a real date", state);
        await data.AssertRefusedAsync(m, path, With(Good(), ("AuthorisationDate-day", "1"), ("AuthorisationDate-month", "4")), "f-authorisation-date-day", "The date of authorisation must be today or in the past", state);
        await data.AssertRefusedAsync(m, path, With(Good(), ("AuthorisationDate-day", "28")), "f-authorisation-date-day", "The date of authorisation must be the same as or after the assessment was sent for authorisation, 29 March 2026", state);
        await data.AssertRefusedAsync(m, path, With(Good(), ("Decision", "return")), "f-return-reason", "Enter what more needs to be done", state);
        await data.AssertRefusedAsync(m, path, With(Good(), ("Decision", "return"), ("ReturnReason", new string('b', 1001))), "f-return-reason", "What more needs to be done must be 1000 characters or fewer", state);

        // Returned for more work: no longer submitted, and the reason kept as a management decision.
        var (response, _) = await m.PostFormAsync(path, With(Good(), ("Decision", "return"), ("ReturnReason", "Speak to the school before concluding.")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var returned = await data.QueryAsync(db => db.Assessments.SingleAsync(a => a.Id == assessment.Id, Ct));
        Assert.Null(returned.SubmittedOn);
        Assert.Null(returned.AuthorisationDate);
        var decision = Assert.Single(await data.QueryAsync(db => db.ManagementDecisions.Where(d => d.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(tm, decision.ManagerId);
        Assert.Equal("Speak to the school before concluding.", decision.Rationale);

        // The manager completes it themselves: they may not authorise their own submission.
        var (resent, _) = await m.PostFormAsync($"/children/{child}/assessments/{assessment.Id}/complete", new()
        {
            ["Factors"] = "16A",
            ["ChildSeen"] = "yes",
            ["ChildSeenDate-day"] = "4",
            ["ChildSeenDate-month"] = "3",
            ["ChildSeenDate-year"] = "2026",
            ["Outcome"] = "ChildInNeedPlan",
            [CaseworkPageModel.VersionName] = Version(returned),
        });
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        returned = await data.QueryAsync(db => db.Assessments.SingleAsync(a => a.Id == assessment.Id, Ct));
        Assert.Equal(tm, returned.SubmittedByWorkerId);
        assessment = returned;
        await data.AssertRefusedAsync(m, path, Good(), "f-decision", "You sent this assessment for authorisation yourself. Another manager must authorise or return it", state);
    }

    [Fact]
    public async Task Authorising_no_further_action_closes_the_case_with_RC8_on_the_same_date()
    {
        var today = data.Today;
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var (child, assessment) = await data.AssessmentAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3), a =>
        {
            a.Factors = [AssessmentFactor.NoFactors];
            a.ChildSeen = true;
            a.ChildSeenDate = new DateOnly(2026, 3, 4);
            a.Outcome = AssessmentOutcome.NoFurtherAction;
            a.OutcomeReason = "No concerns found.";
            a.SubmittedOn = today;
            a.SubmittedByWorkerId = sw;
        });
        var m = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var path = $"/children/{child}/assessments/{assessment.Id}/authorise";

        var (form, html) = await m.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Close the case on the date of authorisation", html, StringComparison.Ordinal);
        Assert.Matches("id=\"f-closure-reason-8\"[^>]*value=\"RC8\"[^>]*checked", html);
        Assert.Contains("No concerns found.", html, StringComparison.Ordinal);

        var (response, _) = await m.PostFormAsync(path, new()
        {
            ["Decision"] = "authorise",
            ["AuthorisationDate-day"] = "31",
            ["AuthorisationDate-month"] = "3",
            ["AuthorisationDate-year"] = "2026",
            ["CloseCase"] = "yes",
            ["ClosureReason"] = "RC8",
            [CaseworkPageModel.VersionName] = Version(assessment),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var referral = await data.QueryAsync(db => db.Referrals.SingleAsync(r => r.ChildId == child, Ct));
        Assert.Equal(today, referral.ClosureDate);
        Assert.Equal("RC8", referral.ClosureReason?.Code);
        Assert.Equal(today, (await data.QueryAsync(db => db.Assessments.SingleAsync(a => a.Id == assessment.Id, Ct))).AuthorisationDate);
        Assert.All(await data.QueryAsync(db => db.Allocations.Where(a => a.ChildId == child).ToListAsync(Ct)), a => Assert.Equal(today, a.EndDate));
    }

    /// <summary>Whether the page has a summary list row with this key whose value starts with <paramref name="value"/>.</summary>
    internal static void AssertRow(string html, string key, string value) =>
        Assert.Matches(
            "<dt class=\"govuk-summary-list__key\">\\s*" + System.Text.RegularExpressions.Regex.Escape(key) + "\\s*</dt>\\s*<dd class=\"govuk-summary-list__value\">\\s*" + System.Text.RegularExpressions.Regex.Escape(value),
            WebUtility.HtmlDecode(html));

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The errors and return warnings on a page that should have saved, for the failure message.</summary>
    private static string Problems(string html) =>
        string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(Decode(html), "<a href=\"#f-[^\"]+\">[^<]+</a>|<li><strong>[^<]+</strong>[^<]+</li>|<title>[^<]*</title>").Select(m => m.Value));

    private static string Version(Entity e) => e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> With(Dictionary<string, string> fields, params (string Key, string Value)[] changes)
    {
        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }

        return fields;
    }
}

/// <summary>Test data for the referral, assessment and child in need journeys: children allocated to
/// demo workers, records added straight to the database, and the check that a refused form shows
/// the error summary naming the field and changed nothing.</summary>
internal sealed class JourneyData(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public DateOnly Today => server.Services.GetRequiredService<LanternDataOptions>().Today;

    public async Task<long> WorkerIdAsync(StaffRole role)
    {
        var name = DemoAccess.UserName(role);
        return await QueryAsync(db => db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => u.WorkerId!.Value).SingleAsync(Ct));
    }

    /// <summary>A new worker of <paramref name="role"/> in the demo team manager's team, managed by
    /// them, started 6 January 2020: a worker only the calling test uses. The kept worker directory is
    /// dropped so the pages see the worker at once.</summary>
    public async Task<Worker> NewTeamWorkerAsync(string given, WorkerRole role = WorkerRole.SocialWorker, DateOnly? left = null)
    {
        var manager = await WorkerIdAsync(StaffRole.TeamManager);
        var team = await QueryAsync(db => db.Workers.Where(w => w.Id == manager).Select(w => w.TeamId).SingleAsync(Ct));
        var worker = new Worker
        {
            StaffId = "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            GivenName = given,
            FamilyName = "Worker-" + Guid.NewGuid().ToString("N")[..6],
            Role = role,
            TeamId = team,
            ManagerId = manager,
            Employment = EmploymentType.Employed,
            Registration = "SW" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            StartDate = new DateOnly(2020, 1, 6),
            LeftDate = left,
        };
        await SaveAsync(db => db.Workers.Add(worker));
        Lantern.Web.Access.ChildAccessService.ForgetDirectory(server.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>());
        return worker;
    }

    /// <summary>A new child born 1 June 2018, allocated from 1 January 2026 to the demo worker of
    /// <paramref name="allocateTo"/> when given. Unless <paramref name="censusReady"/> is false, the
    /// child has what the CIN census asks of every child (disability, UPN or a reason it is unknown).</summary>
    public async Task<long> AddChildAsync(StaffRole? allocateTo = null, bool censusReady = true)
    {
        var child = new Child
        {
            LaChildId = "AJ" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            GivenName = "Juniper",
            FamilyName = "Assessment-Journey",
            DateOfBirth = new DateOnly(2018, 6, 1),
            Sex = Sex.Female,
            UpnUnknown = censusReady ? UpnUnknownReason.NewlyReferred : null,
            Disabilities = censusReady ? [Disability.None] : [],
        };
        await SaveAsync(db => db.Children.Add(child));
        if (allocateTo is { } role)
        {
            var worker = await WorkerIdAsync(role);
            await SaveAsync(db => db.Allocations.Add(new Allocation { ChildId = child.Id, WorkerId = worker, StartDate = new DateOnly(2026, 1, 1) }));
        }

        return child.Id;
    }

    /// <summary>A child allocated to the demo social worker with an open referral and an assessment.</summary>
    public async Task<(long Child, Assessment Assessment)> AssessmentAsync(DateOnly referred, DateOnly started, Action<Assessment>? shape = null)
    {
        var child = await AddChildAsync(StaffRole.SocialWorker);
        var referral = new Referral { ChildId = child, ReferralDate = referred, Source = ReferralSource.Schools, PrimaryNeed = PrimaryNeed.AbuseOrNeglect };
        await SaveAsync(db => db.Referrals.Add(referral));
        var assessment = new Assessment { ChildId = child, ReferralId = referral.Id, StartDate = started };
        shape?.Invoke(assessment);
        await SaveAsync(db => db.Assessments.Add(assessment));
        return (child, assessment);
    }

    public async Task SaveAsync(Action<LanternDbContext> change)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        change(db);
        await db.SaveChangesAsync(Ct);
    }

    public async Task<T> QueryAsync<T>(Func<LanternDbContext, Task<T>> query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LanternDbContext>());
    }

    /// <summary>Posts <paramref name="fields"/> to the form at <paramref name="path"/> and checks the
    /// page comes back (200) with "Error:" in the title, the summary linking <paramref name="message"/>
    /// to <paramref name="fieldId"/>, and <paramref name="state"/> as it was.</summary>
    public async Task AssertRefusedAsync<T>(Session session, string path, Dictionary<string, string> fields, string fieldId, string message, Func<Task<T>> state)
    {
        var before = await state();
        var (response, html) = await session.PostFormAsync(path, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("<title>Error: ", text, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", text, StringComparison.Ordinal);
        Assert.True(
            text.Contains($"<a href=\"#{fieldId}\">{message}</a>", StringComparison.Ordinal),
            $"Expected the error summary to link '{message}' to #{fieldId}. Errors shown: {string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(text, "<a href=\"#f-[^\"]+\">[^<]+</a>").Select(m => m.Value))}");
        Assert.Equal(before, await state());
    }
}
