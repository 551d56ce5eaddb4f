using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Tests.Journey;

/// <summary>Child protection through the real pages: strategy discussion, section 47 enquiry and its
/// outcome, the initial conference and the plan it starts, core groups, review conferences, a
/// step-down proposed by the worker and authorised by a manager, and ending a plan. The due dates
/// shown are checked across Easter 2026; every form refuses bad input with the GOV.UK error summary
/// naming the field and saves nothing; two people saving the same enquiry outcome get the conflict page.</summary>
public sealed class ProtectionTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JourneyData data = new(server);

    [Fact]
    public async Task Happy_path_from_strategy_discussion_to_step_down_shows_the_clocks_across_Easter()
    {
        Assert.Equal(new DateOnly(2026, 3, 31), data.Today);
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var tm = await data.WorkerIdAsync(StaffRole.TeamManager);
        var chair = await ChairAsync();
        var child = await data.AddChildAsync(StaffRole.SocialWorker);
        var referral = new Referral { ChildId = child, ReferralDate = new DateOnly(2026, 3, 20), Source = ReferralSource.Police, PrimaryNeed = PrimaryNeed.AbuseOrNeglect };
        await data.SaveAsync(db => db.Referrals.Add(referral));
        await data.SaveAsync(db => db.Assessments.Add(new Assessment { ChildId = child, ReferralId = referral.Id, StartDate = new DateOnly(2026, 3, 23) }));
        var worker = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);

        // The record offers a strategy discussion on the open referral.
        var (_, record) = await worker.GetAsync($"/children/{child}");
        Assert.Contains($"href=\"/children/{child}/protection/strategy/new\"", record, StringComparison.Ordinal);

        // 1. Strategy discussion on Monday 23 March 2026 starts a section 47 enquiry. Initial
        // conference within 15 working days, the discussion being day 0: 24-27 Mar (1-4),
        // 30-31 Mar (5-6), 1-2 Apr (7-8), [Good Friday 3 Apr, Easter Monday 6 Apr],
        // 7-10 Apr (9-12), 13-15 Apr (13-15): Wednesday 15 April 2026.
        const string IcpcDue = "15 April 2026";
        var (response, html) = await worker.PostFormAsync($"/children/{child}/protection/strategy/new", new(On("Date", 23, 3))
        {
            ["Participants"] = "Police child abuse investigation team, school designated safeguarding lead, health visitor",
            ["Decision"] = "Section47",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        var discussion = Assert.Single(await data.QueryAsync(db => db.StrategyDiscussions.Where(d => d.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(new DateOnly(2026, 3, 23), discussion.Date);
        Assert.Equal(StrategyDecision.Section47, discussion.Decision);
        Assert.Equal(referral.Id, discussion.ReferralId);
        var enquiry = Assert.Single(await data.QueryAsync(db => db.Section47s.Where(s => s.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(new DateOnly(2026, 3, 23), enquiry.StartDate);
        Assert.Equal(discussion.Id, enquiry.StrategyDiscussionId);
        Assert.Equal(referral.Id, enquiry.ReferralId);
        Assert.Equal(Section47Outcome.Pending, enquiry.Outcome);
        (_, record) = await worker.GetAsync($"/children/{child}");
        Assert.Contains($"Initial conference due by {IcpcDue} (15 working days from the strategy discussion)", Decode(record), StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child}/protection/section-47/{enquiry.Id}/outcome\"", record, StringComparison.Ordinal);

        // 2. The enquiry's outcome: a conference is needed. The form shows the due date.
        var outcomePath = $"/children/{child}/protection/section-47/{enquiry.Id}/outcome";
        var (outcomeForm, outcomeHtml) = await worker.GetAsync(outcomePath);
        Assert.Equal(HttpStatusCode.OK, outcomeForm.StatusCode);
        AssertRow(outcomeHtml, "Initial conference due", $"Initial conference due by {IcpcDue} (15 working days from the strategy discussion)");
        (response, html) = await worker.PostFormAsync(outcomePath, new(On("EndDate", 25, 3)) { ["Outcome"] = "ConferenceRequired", [CaseworkPageModel.VersionName] = FormVersion(outcomeHtml) });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        enquiry = await data.QueryAsync(db => db.Section47s.SingleAsync(s => s.Id == enquiry.Id, Ct));
        Assert.Equal(new DateOnly(2026, 3, 25), enquiry.EndDate);
        Assert.Equal(Section47Outcome.ConferenceRequired, enquiry.Outcome);
        Assert.False(enquiry.IcpcNotRequired);
        (_, record) = await worker.GetAsync($"/children/{child}");
        Assert.Contains($"href=\"/children/{child}/protection/section-47/{enquiry.Id}/initial-conference\"", record, StringComparison.Ordinal);

        // 3. Initial conference on Friday 27 March: on time; a plan starts under neglect. First core
        // group within 10 working days: 30-31 Mar (1-2), 1-2 Apr (3-4), [3 and 6 Apr], 7-10 Apr (5-8),
        // 13-14 Apr (9-10): 14 April 2026. First review within 3 months: 27 June 2026.
        var icpcPath = $"/children/{child}/protection/section-47/{enquiry.Id}/initial-conference";
        var (icpcForm, icpcHtml) = await worker.GetAsync(icpcPath);
        Assert.Equal(HttpStatusCode.OK, icpcForm.StatusCode);
        AssertRow(icpcHtml, "Initial conference due", $"Initial conference due by {IcpcDue}");
        Assert.Contains($"<option value=\"{chair}\"", icpcHtml, StringComparison.Ordinal);
        (response, html) = await worker.PostFormAsync(icpcPath, new(On("Date", 27, 3)) { ["Chair"] = Text(chair), ["Outcome"] = "PlanStarted", ["Category"] = "NEG" });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        var plan = Assert.Single(await data.QueryAsync(db => db.ProtectionPlans.Where(p => p.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(new DateOnly(2026, 3, 27), plan.StartDate);
        Assert.Equal(AbuseCategory.Neglect, plan.InitialCategory);
        Assert.Equal(AbuseCategory.Neglect, plan.LatestCategory);
        Assert.Equal(0, plan.PreviousPlans);
        Assert.Equal(referral.Id, plan.ReferralId);
        Assert.Null(plan.EndDate);
        var icpc = Assert.Single(await data.QueryAsync(db => db.Conferences.Where(c => c.ChildId == child).ToListAsync(Ct)));
        Assert.Equal((ConferenceType.Initial, ConferenceOutcome.PlanStarted, new DateOnly(2026, 3, 27)), (icpc.Type, icpc.Outcome, icpc.Date));
        Assert.Equal(plan.Id, icpc.PlanId);
        Assert.Equal(enquiry.Id, icpc.Section47Id);
        Assert.Equal(chair, icpc.ChairWorkerId);
        (_, record) = await worker.GetAsync($"/children/{child}");
        var shown = Decode(record);
        Assert.Contains($"Initial conference recorded, held on time (due by {IcpcDue})", shown, StringComparison.Ordinal);
        Assert.Contains("First core group due by 14 April 2026; first review conference due by 27 June 2026", shown, StringComparison.Ordinal);

        // 4. Core group on 30 March; the next is due 6 weeks later.
        var coreGroupPath = $"/children/{child}/protection/{plan.Id}/core-groups/new";
        var (_, coreGroupHtml) = await worker.GetAsync(coreGroupPath);
        AssertRow(coreGroupHtml, "First core group meeting", "Due by 14 April 2026");
        (response, html) = await worker.PostFormAsync(coreGroupPath, On("Date", 30, 3));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        Assert.Equal(new DateOnly(2026, 3, 30), Assert.Single(await data.QueryAsync(db => db.CoreGroups.Where(g => g.ChildId == child).ToListAsync(Ct))).Date);
        (_, record) = await worker.GetAsync($"/children/{child}");
        Assert.Contains("Core group meeting recorded. Next core group due by 11 May 2026", Decode(record), StringComparison.Ordinal);

        // 5. A child protection visit, through the visits page.
        (response, html) = await worker.PostFormAsync($"/children/{child}/visits/new", new(On("Date", 30, 3)) { ["Kind"] = "ChildProtection", ["Seen"] = "yes", ["SeenAlone"] = "yes" });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));

        // 6. Review conference on 31 March (early, but after the plan started), recorded by the
        // reviewing officer who chaired the initial conference: the plan continues, now emotional abuse.
        var reviewingOfficer = await SessionPool.ForAsync(server, StaffRole.ReviewingOfficer);
        var reviewPath = $"/children/{child}/protection/{plan.Id}/reviews/new";
        var (reviewForm, reviewHtml) = await reviewingOfficer.GetAsync(reviewPath);
        Assert.Equal(HttpStatusCode.OK, reviewForm.StatusCode);
        AssertRow(reviewHtml, "First review child protection conference", "Due by 27 June 2026");
        Assert.Contains($"<option value=\"{chair}\" selected=\"selected\">", reviewHtml, StringComparison.Ordinal);
        (response, html) = await reviewingOfficer.PostFormAsync(reviewPath, new(On("Date", 31, 3))
        {
            ["Chair"] = Text(chair),
            ["Outcome"] = "PlanContinues",
            ["LatestCategory"] = "EMO",
            [CaseworkPageModel.VersionName] = FormVersion(reviewHtml),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        plan = await data.QueryAsync(db => db.ProtectionPlans.SingleAsync(p => p.Id == plan.Id, Ct));
        Assert.Equal(AbuseCategory.Emotional, plan.LatestCategory);
        Assert.Equal(AbuseCategory.Neglect, plan.InitialCategory);
        Assert.Null(plan.EndDate);
        var review = Assert.Single(await data.QueryAsync(db => db.Conferences.Where(c => c.ChildId == child && c.Type == ConferenceType.Review).ToListAsync(Ct)));
        Assert.Equal((ConferenceOutcome.PlanContinues, plan.Id, chair), (review.Outcome, review.PlanId!.Value, review.ChairWorkerId!.Value));
        (_, record) = await reviewingOfficer.GetAsync($"/children/{child}");
        Assert.Contains("Next review conference due by 30 September 2026", Decode(record), StringComparison.Ordinal);

        // 7. The worker proposes a step-down; within 3 months of the plan start, so it will be listed for review.
        var stepDownPath = $"/children/{child}/protection/{plan.Id}/step-down";
        var (_, stepDownHtml) = await worker.GetAsync(stepDownPath);
        Assert.Contains("This step-down is within 3 months of the plan starting, so it will be listed for review", Decode(stepDownHtml), StringComparison.Ordinal);
        (response, html) = await worker.PostFormAsync(stepDownPath, new(On("ProposedOn", 31, 3))
        {
            ["Reason"] = "Parents engaging well; risks reduced.",
            [CaseworkPageModel.VersionName] = FormVersion(stepDownHtml),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        plan = await data.QueryAsync(db => db.ProtectionPlans.SingleAsync(p => p.Id == plan.Id, Ct));
        Assert.Equal(new DateOnly(2026, 3, 31), plan.StepDownProposedOn);
        Assert.Equal(sw, plan.StepDownProposedByWorkerId);
        Assert.Null(plan.EndDate);

        // The worker cannot authorise it, nor end the plan; the manager sees it on the record.
        var authorisePath = $"/children/{child}/protection/{plan.Id}/step-down/authorise";
        Assert.NotEqual(HttpStatusCode.OK, (await worker.GetAsync(authorisePath)).Response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await worker.GetAsync($"/children/{child}/protection/{plan.Id}/end")).Response.StatusCode);
        (_, record) = await worker.GetAsync($"/children/{child}");
        Assert.DoesNotContain(authorisePath, record, StringComparison.Ordinal);
        (_, record) = await manager.GetAsync($"/children/{child}");
        Assert.Contains($"href=\"{authorisePath}\"", record, StringComparison.Ordinal);

        // 8. The manager agrees: the plan ends today and the child in need plan starts the same day.
        var (authoriseForm, authoriseHtml) = await manager.GetAsync(authorisePath);
        Assert.Equal(HttpStatusCode.OK, authoriseForm.StatusCode);
        Assert.Contains("Parents engaging well; risks reduced.", Decode(authoriseHtml), StringComparison.Ordinal);
        (response, html) = await manager.PostFormAsync(authorisePath, new(On("EndDate", 31, 3)) { ["Decision"] = "agree", [CaseworkPageModel.VersionName] = FormVersion(authoriseHtml) });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        plan = await data.QueryAsync(db => db.ProtectionPlans.SingleAsync(p => p.Id == plan.Id, Ct));
        Assert.Equal(new DateOnly(2026, 3, 31), plan.EndDate);
        Assert.Equal(PlanEndReason.SteppedDownToChildInNeed, plan.EndReason);
        Assert.Equal(tm, plan.StepDownAuthorisedByWorkerId);
        var cin = Assert.Single(await data.QueryAsync(db => db.ChildInNeedPlans.Where(p => p.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(new DateOnly(2026, 3, 31), cin.StartDate);
        Assert.Equal(referral.Id, cin.ReferralId);
        Assert.Null(cin.EndDate);
        (_, record) = await manager.GetAsync($"/children/{child}");
        shown = Decode(record);
        Assert.Contains("Step-down authorised. The child protection plan ended and the child in need plan started. This step-down is within 3 months of the plan starting, so it will be listed for review", shown, StringComparison.Ordinal);
        Assert.DoesNotContain($"/children/{child}/protection/{plan.Id}/", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strategy_discussion_needs_an_open_referral_and_refuses_bad_input()
    {
        var child = await data.AddChildAsync(StaffRole.SocialWorker);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/protection/strategy/new";
        Func<Task<string>> state = () => data.QueryAsync(async db =>
            $"{await db.StrategyDiscussions.CountAsync(d => d.ChildId == child, Ct)} {await db.Section47s.CountAsync(e => e.ChildId == child, Ct)}");
        Dictionary<string, string> Good() => new(On("Date", 23, 3)) { ["Participants"] = "Police, health and school", ["Decision"] = "Section47" };

        var (form, formHtml) = await s.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("The child has no open referral. Record a referral before recording a strategy discussion", Decode(formHtml), StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child}/referrals/new\"", formHtml, StringComparison.Ordinal);
        await data.AssertRefusedAsync(s, path, Good(), "f-date-day", "The child has no open referral. Record a referral before recording a strategy discussion", state);

        await data.SaveAsync(db => db.Referrals.Add(new Referral { ChildId = child, ReferralDate = new DateOnly(2026, 3, 20), Source = ReferralSource.Police, PrimaryNeed = PrimaryNeed.AbuseOrNeglect }));
        await data.AssertRefusedAsync(s, path, [], "f-date-day", "Enter the date of the strategy discussion", state);
        await data.AssertRefusedAsync(s, path, [], "f-participants", "Enter who took part", state);
        await data.AssertRefusedAsync(s, path, [], "f-decision", "Select the decision", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Date-day", "32")), "f-date-day", "The date of the strategy discussion must be a real date", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Date-month", "")), "f-date-day", "The date of the strategy discussion must include a month", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Date-day", "1"), ("Date-month", "4")), "f-date-day", "The date of the strategy discussion must be today or in the past", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Date-day", "19")), "f-date-day", "The date of the strategy discussion must be the same as or after the date of the referral, 20 March 2026", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Participants", new string('p', 1001))), "f-participants", "Who took part must be 1000 characters or fewer", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Decision", "Maybe")), "f-decision", "Select the decision from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Decision", "1")), "f-decision", "Select the decision from the list", state);

        // A discussion that decides against an enquiry creates none.
        var (response, html) = await s.PostFormAsync(path, With(Good(), ("Decision", "NoSection47")));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        Assert.Equal("1 0", await state());

        // An enquiry with no assessment on the episode would be queried in the CIN census (2991Q):
        // the page says so and saves nothing until the worker confirms.
        (response, html) = await s.PostFormAsync(path, Good());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2991Q", html, StringComparison.Ordinal);
        Assert.Equal("1 0", await state());
        (response, html) = await s.PostFormAsync(path, With(Good(), (CaseworkPageModel.AcknowledgeName, "yes")));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));

        // One enquiry at a time.
        Assert.Equal("2 1", await state());
        await data.AssertRefusedAsync(s, path, With(Good(), ("Date-day", "24")), "f-decision", "A section 47 enquiry started on 23 March 2026 is still open. Record its outcome before starting another", state);
    }

    [Fact]
    public async Task Section_47_outcome_refuses_bad_input_and_another_childs_enquiry()
    {
        var (child, enquiry) = await EnquiryAsync(new DateOnly(2026, 3, 23));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/protection/section-47/{enquiry.Id}/outcome";
        Dictionary<string, string> Good() => new(On("EndDate", 26, 3)) { ["Outcome"] = "ConcernsNotSubstantiated", [CaseworkPageModel.VersionName] = Text(enquiry.Version) };
        Func<Task<string>> state = () => data.QueryAsync(db => db.Section47s.Where(e => e.Id == enquiry.Id).Select(e => $"{e.Version} {e.EndDate} {e.Outcome} {e.IcpcNotRequired}").SingleAsync(Ct));

        await data.AssertRefusedAsync(s, path, [], "f-end-date-day", "Enter the date the enquiry ended", state);
        await data.AssertRefusedAsync(s, path, [], "f-outcome", "Select the outcome of the enquiry", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("EndDate-year", "2O26")), "f-end-date-day", "The date the enquiry ended must be a real date", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("EndDate-month", "5")), "f-end-date-day", "The date the enquiry ended must be today or in the past", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("EndDate-day", "22")), "f-end-date-day", "The date the enquiry ended must be the same as or after the date it started, 23 March 2026", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Outcome", "Pending")), "f-outcome", "Select the outcome of the enquiry from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Outcome", "Unknown")), "f-outcome", "Select the outcome of the enquiry from the list", state);

        var other = await data.AddChildAsync(StaffRole.SocialWorker);
        Assert.Equal(HttpStatusCode.NotFound, (await s.GetAsync($"/children/{other}/protection/section-47/{enquiry.Id}/outcome")).Response.StatusCode);

        var (response, html) = await s.PostFormAsync(path, Good());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        var saved = await data.QueryAsync(db => db.Section47s.SingleAsync(e => e.Id == enquiry.Id, Ct));
        Assert.Equal((new DateOnly(2026, 3, 26), Section47Outcome.ConcernsNotSubstantiated, true), (saved.EndDate!.Value, saved.Outcome, saved.IcpcNotRequired));

        // No initial conference is offered after concerns not substantiated, and one cannot be recorded.
        var (_, record) = await s.GetAsync($"/children/{child}");
        Assert.DoesNotContain("initial-conference", record, StringComparison.Ordinal);
        var conferences = () => data.QueryAsync(db => db.Conferences.CountAsync(c => c.ChildId == child, Ct));
        await data.AssertRefusedAsync(s, $"/children/{child}/protection/section-47/{enquiry.Id}/initial-conference", new(On("Date", 27, 3)) { ["Chair"] = Text(await ChairAsync()), ["Outcome"] = "NoPlan" }, "f-date-day", "The section 47 enquiry ended with the outcome concerns not substantiated, so no initial conference is needed", conferences);
    }

    [Fact]
    public async Task Two_people_saving_the_same_enquiry_outcome_get_the_conflict_page_and_nothing_is_overwritten()
    {
        var (child, enquiry) = await EnquiryAsync(new DateOnly(2026, 3, 23));
        var worker = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var path = $"/children/{child}/protection/section-47/{enquiry.Id}/outcome";

        // Both open the form.
        var (_, first) = await worker.GetAsync(path);
        var (_, second) = await manager.GetAsync(path);
        Assert.Equal(FormVersion(first), FormVersion(second));

        // The first saves.
        var (response, html) = await worker.PostFormAsync(path, new(On("EndDate", 26, 3)) { ["Outcome"] = "ConferenceRequired", [CaseworkPageModel.VersionName] = FormVersion(first) });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        var saved = await data.QueryAsync(db => db.Section47s.SingleAsync(e => e.Id == enquiry.Id, Ct));
        var auditCount = await data.QueryAsync(db => db.AuditEntries.CountAsync(e => e.ChildId == child && e.Action == AuditAction.WriteRecord, Ct));

        // The second, from the form opened before, gets the conflict page showing the other change.
        (response, html) = await manager.PostFormAsync(path, new(On("EndDate", 27, 3)) { ["Outcome"] = "ChildInNeedPlan", [CaseworkPageModel.VersionName] = FormVersion(second) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = Decode(html);
        Assert.Contains("Someone else changed this record while you were editing it", shown, StringComparison.Ordinal);
        Assert.Contains("It was last changed by demo.social-worker", shown, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"End date</th>\s*<td class=""govuk-table__cell"">26 March 2026</td>\s*<td class=""govuk-table__cell"">27 March 2026</td>"), shown);
        Assert.Matches(new Regex(@"Outcome</th>\s*<td class=""govuk-table__cell"">Conference required</td>\s*<td class=""govuk-table__cell"">Child in need plan</td>"), shown);

        var after = await data.QueryAsync(db => db.Section47s.SingleAsync(e => e.Id == enquiry.Id, Ct));
        Assert.Equal((saved.Version, new DateOnly(2026, 3, 26), Section47Outcome.ConferenceRequired, false), (after.Version, after.EndDate!.Value, after.Outcome, after.IcpcNotRequired));
        Assert.Equal(auditCount, await data.QueryAsync(db => db.AuditEntries.CountAsync(e => e.ChildId == child && e.Action == AuditAction.WriteRecord, Ct)));
    }

    [Fact]
    public async Task Initial_conference_refuses_a_date_before_the_enquiry_and_bad_answers()
    {
        var (child, enquiry) = await EnquiryAsync(new DateOnly(2026, 3, 16));
        var chair = await ChairAsync();
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/protection/section-47/{enquiry.Id}/initial-conference";
        Dictionary<string, string> Good() => new(On("Date", 27, 3)) { ["Chair"] = Text(chair), ["Outcome"] = "PlanStarted", ["Category"] = "PHY" };
        Func<Task<string>> state = () => data.QueryAsync(async db =>
            $"{await db.Conferences.CountAsync(c => c.ChildId == child, Ct)} {await db.ProtectionPlans.CountAsync(p => p.ChildId == child, Ct)}");

        // The enquiry's outcome comes first.
        await data.AssertRefusedAsync(s, path, Good(), "f-date-day", "Record the outcome of the section 47 enquiry before recording the initial conference", state);
        await data.SaveAsync(db =>
        {
            db.Attach(enquiry);
            enquiry.EndDate = new DateOnly(2026, 3, 20);
            enquiry.Outcome = Section47Outcome.ConferenceRequired;
        });

        // 15 working days from Monday 16 March: 17-20 Mar (1-4), 23-27 Mar (5-9), 30 Mar-2 Apr (10-13),
        // [3 and 6 Apr], 7-8 Apr (14-15): 8 April 2026; a conference on 27 March is on time.
        var (_, formHtml) = await s.GetAsync(path);
        AssertRow(formHtml, "Initial conference due", "Initial conference due by 8 April 2026 (15 working days from the strategy discussion): due in 4 working days");

        await data.AssertRefusedAsync(s, path, [], "f-date-day", "Enter the date of the conference", state);
        await data.AssertRefusedAsync(s, path, [], "f-chair", "Select the conference chair", state);
        await data.AssertRefusedAsync(s, path, [], "f-outcome", "Select the outcome of the conference", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Date-day", "x")), "f-date-day", "The date of the conference must be a real date", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Date-day", "2"), ("Date-month", "4")), "f-date-day", "The date of the conference must be today or in the past", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Date-day", "13")), "f-date-day", "Date of the conference must be the same as or after the date the enquiry started", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Chair", Text(sw))), "f-chair", "Select the conference chair from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Chair", "not-a-worker")), "f-chair", "Select the conference chair from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Outcome", "PlanEnded")), "f-outcome", "Select the outcome of the conference from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Category", "")), "f-category", "Select the category of abuse", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Category", "XYZ")), "f-category", "Select the category of abuse from the list", state);

        // A child who had a plan before: the new plan counts it.
        var earlier = new ChildProtectionPlan { ChildId = child, ReferralId = enquiry.ReferralId, StartDate = new DateOnly(2025, 6, 1), EndDate = new DateOnly(2025, 12, 1), InitialCategory = AbuseCategory.Neglect, LatestCategory = AbuseCategory.Neglect, EndReason = PlanEndReason.NoLongerRequired };
        await data.SaveAsync(db => db.ProtectionPlans.Add(earlier));
        var (response, html) = await s.PostFormAsync(path, Good());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        var plan = await data.QueryAsync(db => db.ProtectionPlans.SingleAsync(p => p.ChildId == child && p.EndDate == null, Ct));
        Assert.Equal((new DateOnly(2026, 3, 27), AbuseCategory.Physical, 1), (plan.StartDate, plan.InitialCategory, plan.PreviousPlans));

        // Only one initial conference per enquiry.
        await data.AssertRefusedAsync(s, path, Good(), "f-date-day", "The initial conference after this enquiry was already recorded, held on 27 March 2026", state);
    }

    [Fact]
    public async Task A_core_group_must_fall_within_the_plan()
    {
        var (child, plan) = await PlanAsync(new DateOnly(2026, 3, 10), end: new DateOnly(2026, 3, 20));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/protection/{plan.Id}/core-groups/new";
        Func<Task<int>> count = () => data.QueryAsync(db => db.CoreGroups.CountAsync(g => g.ChildId == child, Ct));

        await data.AssertRefusedAsync(s, path, [], "f-date-day", "Enter the date of the core group meeting", count);
        await data.AssertRefusedAsync(s, path, On("Date", 29, 2), "f-date-day", "The date of the core group meeting must be a real date", count);
        await data.AssertRefusedAsync(s, path, On("Date", 1, 4), "f-date-day", "The date of the core group meeting must be today or in the past", count);
        await data.AssertRefusedAsync(s, path, On("Date", 9, 3), "f-date-day", "The date of the core group meeting must be the same as or after the plan started, 10 March 2026", count);
        await data.AssertRefusedAsync(s, path, On("Date", 21, 3), "f-date-day", "The date of the core group meeting must be the same as or before the plan ended, 20 March 2026", count);

        var other = await data.AddChildAsync(StaffRole.SocialWorker);
        Assert.Equal(HttpStatusCode.NotFound, (await s.GetAsync($"/children/{other}/protection/{plan.Id}/core-groups/new")).Response.StatusCode);

        var (response, html) = await s.PostFormAsync(path, On("Date", 20, 3));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        Assert.Equal(1, await count());
    }

    [Fact]
    public async Task A_review_conference_refuses_bad_answers_and_a_step_down_by_the_conference_is_authorised_by_its_chair()
    {
        var (child, plan) = await PlanAsync(new DateOnly(2026, 3, 10));
        var chair = await ChairAsync();
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/protection/{plan.Id}/reviews/new";
        Dictionary<string, string> Good() => new(On("Date", 30, 3)) { ["Chair"] = Text(chair), ["Outcome"] = "PlanEnded", ["EndReason"] = "SteppedDownToChildInNeed", [CaseworkPageModel.VersionName] = Text(plan.Version) };
        Func<Task<string>> state = () => data.QueryAsync(async db =>
            await db.ProtectionPlans.Where(p => p.Id == plan.Id).Select(p => $"{p.Version} {p.EndDate} {p.EndReason} {p.LatestCategory}").SingleAsync(Ct)
            + $" {await db.Conferences.CountAsync(c => c.ChildId == child && c.Type == ConferenceType.Review, Ct)} {await db.ChildInNeedPlans.CountAsync(p => p.ChildId == child, Ct)}");

        // First review within 3 months of the plan start (10 March): 10 June 2026.
        var (_, formHtml) = await s.GetAsync(path);
        AssertRow(formHtml, "First review child protection conference", "Due by 10 June 2026");

        await data.AssertRefusedAsync(s, path, [], "f-date-day", "Enter the date of the review conference", state);
        await data.AssertRefusedAsync(s, path, [], "f-chair", "Select the conference chair", state);
        await data.AssertRefusedAsync(s, path, [], "f-outcome", "Select the outcome of the review conference", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Date-month", "13")), "f-date-day", "The date of the review conference must be a real date", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Date-year", "2027")), "f-date-day", "The date of the review conference must be today or in the past", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Date-day", "10")), "f-date-day", "The date of the review conference must be after the plan started, 10 March 2026", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Chair", "0")), "f-chair", "Select the conference chair from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Outcome", "PlanStarted")), "f-outcome", "Select the outcome of the review conference from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("EndReason", "")), "f-end-reason", "Select why the plan ends", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("EndReason", "Forgotten")), "f-end-reason", "Select why the plan ends from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Outcome", "PlanContinues"), ("LatestCategory", "ABC")), "f-latest-category", "Select the new category of abuse from the list", state);

        var (response, html) = await s.PostFormAsync(path, Good());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        plan = await data.QueryAsync(db => db.ProtectionPlans.SingleAsync(p => p.Id == plan.Id, Ct));
        Assert.Equal((new DateOnly(2026, 3, 30), PlanEndReason.SteppedDownToChildInNeed, chair), (plan.EndDate!.Value, plan.EndReason!.Value, plan.StepDownAuthorisedByWorkerId!.Value));
        Assert.Equal(new DateOnly(2026, 3, 30), Assert.Single(await data.QueryAsync(db => db.ChildInNeedPlans.Where(p => p.ChildId == child).ToListAsync(Ct))).StartDate);

        // The plan has ended: no further review.
        await data.AssertRefusedAsync(s, path, With(Good(), ("Date-day", "31"), (CaseworkPageModel.VersionName, Text(plan.Version))), "f-date-day", "The plan already ended on 30 March 2026", state);
    }

    [Fact]
    public async Task A_step_down_is_proposed_by_the_worker_and_decided_by_another_manager()
    {
        var (child, plan) = await PlanAsync(new DateOnly(2026, 3, 10));
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var tm = await data.WorkerIdAsync(StaffRole.TeamManager);
        var worker = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var proposePath = $"/children/{child}/protection/{plan.Id}/step-down";
        Dictionary<string, string> Proposal() => new(On("ProposedOn", 30, 3)) { ["Reason"] = "Risks reduced.", [CaseworkPageModel.VersionName] = Text(plan.Version) };
        Func<Task<string>> state = () => data.QueryAsync(async db =>
            await db.ProtectionPlans.Where(p => p.Id == plan.Id).Select(p => $"{p.Version} {p.StepDownProposedOn} {p.StepDownProposedByWorkerId} {p.EndDate} {p.EndReason}").SingleAsync(Ct)
            + $" {await db.ChildInNeedPlans.CountAsync(p => p.ChildId == child, Ct)} {await db.ManagementDecisions.CountAsync(d => d.ChildId == child, Ct)} {await db.SignificantEvents.CountAsync(e => e.ChildId == child, Ct)}");

        // Practitioners cannot end a plan as a step-down by themselves.
        var (endForm, _) = await worker.GetAsync($"/children/{child}/protection/{plan.Id}/end");
        Assert.NotEqual(HttpStatusCode.OK, endForm.StatusCode);

        await data.AssertRefusedAsync(worker, proposePath, [], "f-proposed-on-day", "Enter the date of the proposal", state);
        await data.AssertRefusedAsync(worker, proposePath, [], "f-reason", "Enter why the plan should step down", state);
        await data.AssertRefusedAsync(worker, proposePath, With(Proposal(), ("ProposedOn-day", "31"), ("ProposedOn-month", "4")), "f-proposed-on-day", "The date of the proposal must be a real date", state);
        await data.AssertRefusedAsync(worker, proposePath, With(Proposal(), ("ProposedOn-day", "1"), ("ProposedOn-month", "4")), "f-proposed-on-day", "The date of the proposal must be today or in the past", state);
        await data.AssertRefusedAsync(worker, proposePath, With(Proposal(), ("ProposedOn-day", "9")), "f-proposed-on-day", "The date of the proposal must be the same as or after the plan started, 10 March 2026", state);
        await data.AssertRefusedAsync(worker, proposePath, With(Proposal(), ("Reason", new string('r', 1001))), "f-reason", "Why the plan should step down must be 1000 characters or fewer", state);

        var (response, html) = await worker.PostFormAsync(proposePath, Proposal());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        plan = await data.QueryAsync(db => db.ProtectionPlans.SingleAsync(p => p.Id == plan.Id, Ct));
        Assert.Equal(new DateOnly(2026, 3, 30), plan.StepDownProposedOn);
        await data.AssertRefusedAsync(worker, proposePath, With(Proposal(), (CaseworkPageModel.VersionName, Text(plan.Version))), "f-proposed-on-day", "A step-down was already proposed on 30 March 2026. A manager must authorise or decline it first", state);

        var path = $"/children/{child}/protection/{plan.Id}/step-down/authorise";
        Dictionary<string, string> Agree() => new(On("EndDate", 31, 3)) { ["Decision"] = "agree", [CaseworkPageModel.VersionName] = Text(plan.Version) };
        await data.AssertRefusedAsync(manager, path, [], "f-decision", "Select your decision", state);
        await data.AssertRefusedAsync(manager, path, With(Agree(), ("Decision", "perhaps")), "f-decision", "Select your decision from the list", state);
        await data.AssertRefusedAsync(manager, path, With(Agree(), ("EndDate-day", ""), ("EndDate-month", ""), ("EndDate-year", "")), "f-end-date-day", "Enter the date the plan ended", state);
        await data.AssertRefusedAsync(manager, path, With(Agree(), ("EndDate-year", "202")), "f-end-date-day", "The date the plan ended must be a real date", state);
        await data.AssertRefusedAsync(manager, path, With(Agree(), ("EndDate-day", "1"), ("EndDate-month", "4")), "f-end-date-day", "The date the plan ended must be today or in the past", state);
        await data.AssertRefusedAsync(manager, path, With(Agree(), ("EndDate-day", "9")), "f-end-date-day", "The date the plan ended must be the same as or after the date it started, 10 March 2026", state);
        await data.AssertRefusedAsync(manager, path, With(Agree(), ("EndDate-day", "29")), "f-end-date-day", "The date the plan ended must be the same as or after the step-down was proposed, 30 March 2026", state);
        await data.AssertRefusedAsync(manager, path, With(Agree(), ("Decision", "decline")), "f-decline-reason", "Enter why you declined", state);
        await data.AssertRefusedAsync(manager, path, With(Agree(), ("Decision", "decline"), ("DeclineReason", new string('d', 1001))), "f-decline-reason", "Why you declined must be 1000 characters or fewer", state);

        // Not the manager's own proposal.
        await data.SaveAsync(db =>
        {
            var p = db.ProtectionPlans.Single(x => x.Id == plan.Id);
            p.StepDownProposedByWorkerId = tm;
        });
        plan = await data.QueryAsync(db => db.ProtectionPlans.SingleAsync(p => p.Id == plan.Id, Ct));
        await data.AssertRefusedAsync(manager, path, Agree(), "f-decision", "You proposed this step-down yourself. Another manager must authorise or decline it", state);
        var (_, record) = await manager.GetAsync($"/children/{child}");
        Assert.DoesNotContain(path, record, StringComparison.Ordinal);
        await data.SaveAsync(db =>
        {
            var p = db.ProtectionPlans.Single(x => x.Id == plan.Id);
            p.StepDownProposedByWorkerId = sw;
        });
        plan = await data.QueryAsync(db => db.ProtectionPlans.SingleAsync(p => p.Id == plan.Id, Ct));

        // Declined, with a reason: the proposal is cleared and the plan continues.
        (response, html) = await manager.PostFormAsync(path, With(Agree(), ("Decision", "decline"), ("DeclineReason", "Core group not yet satisfied.")));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        plan = await data.QueryAsync(db => db.ProtectionPlans.SingleAsync(p => p.Id == plan.Id, Ct));
        Assert.Null(plan.StepDownProposedOn);
        Assert.Null(plan.StepDownProposedByWorkerId);
        Assert.Null(plan.EndDate);
        Assert.Empty(await data.QueryAsync(db => db.ChildInNeedPlans.Where(p => p.ChildId == child).ToListAsync(Ct)));
        Assert.Equal("Core group not yet satisfied.", Assert.Single(await data.QueryAsync(db => db.ManagementDecisions.Where(d => d.ChildId == child).ToListAsync(Ct))).Rationale);

        // With no proposal there is nothing to authorise.
        await data.AssertRefusedAsync(manager, path, With(Agree(), (CaseworkPageModel.VersionName, Text(plan.Version))), "f-decision", "No step-down has been proposed for this plan", state);
    }

    [Fact]
    public async Task Ending_a_plan_for_another_reason_refuses_bad_answers_and_a_step_down()
    {
        var (child, plan) = await PlanAsync(new DateOnly(2026, 3, 10));
        await data.SaveAsync(db => db.CoreGroups.Add(new CoreGroupMeeting { ChildId = child, PlanId = plan.Id, Date = new DateOnly(2026, 3, 20) }));
        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var path = $"/children/{child}/protection/{plan.Id}/end";
        Dictionary<string, string> Good() => new(On("EndDate", 30, 3)) { ["EndReason"] = "BecameLookedAfter", [CaseworkPageModel.VersionName] = Text(plan.Version) };
        Func<Task<string>> state = () => data.QueryAsync(db => db.ProtectionPlans.Where(p => p.Id == plan.Id).Select(p => $"{p.Version} {p.EndDate} {p.EndReason}").SingleAsync(Ct));

        await data.AssertRefusedAsync(manager, path, [], "f-end-date-day", "Enter the date the plan ended", state);
        await data.AssertRefusedAsync(manager, path, [], "f-end-reason", "Select why the plan ended", state);
        await data.AssertRefusedAsync(manager, path, With(Good(), ("EndDate-day", "31"), ("EndDate-month", "2")), "f-end-date-day", "The date the plan ended must be a real date", state);
        await data.AssertRefusedAsync(manager, path, With(Good(), ("EndDate-day", "1"), ("EndDate-month", "4")), "f-end-date-day", "The date the plan ended must be today or in the past", state);
        await data.AssertRefusedAsync(manager, path, With(Good(), ("EndDate-day", "9")), "f-end-date-day", "The date the plan ended must be the same as or after the date it started, 10 March 2026", state);
        await data.AssertRefusedAsync(manager, path, With(Good(), ("EndDate-day", "19")), "f-end-date-day", "The date the plan ended must be the same as or after its last conference or core group, 20 March 2026", state);
        await data.AssertRefusedAsync(manager, path, With(Good(), ("EndReason", "SteppedDownToChildInNeed")), "f-end-reason", "Select why the plan ended from the list", state);
        await data.AssertRefusedAsync(manager, path, With(Good(), ("EndReason", "9")), "f-end-reason", "Select why the plan ended from the list", state);

        var (response, html) = await manager.PostFormAsync(path, Good());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Problems(html));
        plan = await data.QueryAsync(db => db.ProtectionPlans.SingleAsync(p => p.Id == plan.Id, Ct));
        Assert.Equal((new DateOnly(2026, 3, 30), PlanEndReason.BecameLookedAfter), (plan.EndDate!.Value, plan.EndReason!.Value));
        Assert.Null(plan.StepDownAuthorisedByWorkerId);
    }

    /// <summary>An independent reviewing officer in post (the demo reviewing officer).</summary>
    private async Task<long> ChairAsync()
    {
        var chair = await data.WorkerIdAsync(StaffRole.ReviewingOfficer);
        var role = await data.QueryAsync(db => db.Workers.Where(w => w.Id == chair).Select(w => w.Role).SingleAsync(Ct));
        Assert.Equal(WorkerRole.IndependentReviewingOfficer, role);
        return chair;
    }

    /// <summary>A child allocated to the demo social worker with a referral a few days before
    /// <paramref name="start"/>, a strategy discussion on that date and the section 47 enquiry it started.</summary>
    private async Task<(long Child, Section47Enquiry Enquiry)> EnquiryAsync(DateOnly start)
    {
        var child = await data.AddChildAsync(StaffRole.SocialWorker);
        var referral = new Referral { ChildId = child, ReferralDate = start.AddDays(-3), Source = ReferralSource.Police, PrimaryNeed = PrimaryNeed.AbuseOrNeglect };
        await data.SaveAsync(db => db.Referrals.Add(referral));
        var discussion = new StrategyDiscussion { ChildId = child, ReferralId = referral.Id, Date = start, Participants = "Police, health, school", Decision = StrategyDecision.Section47 };
        await data.SaveAsync(db => db.StrategyDiscussions.Add(discussion));
        var enquiry = new Section47Enquiry { ChildId = child, ReferralId = referral.Id, StrategyDiscussionId = discussion.Id, StartDate = start };
        await data.SaveAsync(db => db.Section47s.Add(enquiry));
        return (child, enquiry);
    }

    /// <summary>A child with a child protection plan started at an initial conference on <paramref name="start"/>.</summary>
    private async Task<(long Child, ChildProtectionPlan Plan)> PlanAsync(DateOnly start, DateOnly? end = null)
    {
        var (child, enquiry) = await EnquiryAsync(start.AddDays(-7));
        await data.SaveAsync(db =>
        {
            db.Attach(enquiry);
            enquiry.EndDate = start.AddDays(-2);
            enquiry.Outcome = Section47Outcome.ConferenceRequired;
        });
        var plan = new ChildProtectionPlan
        {
            ChildId = child,
            ReferralId = enquiry.ReferralId,
            StartDate = start,
            EndDate = end,
            EndReason = end is null ? null : PlanEndReason.NoLongerRequired,
            InitialCategory = AbuseCategory.Neglect,
            LatestCategory = AbuseCategory.Neglect,
        };
        await data.SaveAsync(db => db.ProtectionPlans.Add(plan));
        await data.SaveAsync(db => db.Conferences.Add(new ChildProtectionConference
        {
            ChildId = child,
            ReferralId = enquiry.ReferralId,
            Section47Id = enquiry.Id,
            PlanId = plan.Id,
            Type = ConferenceType.Initial,
            Date = start,
            Outcome = ConferenceOutcome.PlanStarted,
        }));
        return (child, plan);
    }

    private static void AssertRow(string html, string key, string value) =>
        Assert.Matches(
            "<dt class=\"govuk-summary-list__key\">\\s*" + Regex.Escape(key) + "\\s*</dt>\\s*<dd class=\"govuk-summary-list__value\">\\s*" + Regex.Escape(value),
            Decode(html));

    /// <summary>The record version the form carries.</summary>
    private static string FormVersion(string html)
    {
        var match = Regex.Match(html, $"name=\"{CaseworkPageModel.VersionName}\" value=\"(\\d+)\"");
        Assert.True(match.Success, "The form carries no record version");
        return match.Groups[1].Value;
    }

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The errors and return warnings on a page that should have saved, for the failure message.</summary>
    private static string Problems(string html) =>
        string.Join(" | ", Regex.Matches(Decode(html), "<a href=\"#f-[^\"]+\">[^<]+</a>|<li><strong>[^<]+</strong>[^<]+</li>|<title>[^<]*</title>|<h2 class=\"govuk-error-summary__title\">[^<]+</h2>").Select(m => m.Value));

    private static Dictionary<string, string> On(string name, int day, int month, string year = "2026") => new()
    {
        [name + "-day"] = day.ToString(CultureInfo.InvariantCulture),
        [name + "-month"] = month.ToString(CultureInfo.InvariantCulture),
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
