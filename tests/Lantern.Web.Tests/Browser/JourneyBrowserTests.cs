using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Tests.Infrastructure;
using Lantern.Web.Tests.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lantern.Web.Tests.Browser;

/// <summary>The safeguarding journey in the browser (issue 4): one new child from a contact at the
/// front door to the closure of the case, recorded by the demo social worker and authorised by the
/// demo team manager in a second browser, on the demo "today" of 31 March 2026. Every due date met
/// is checked against a hand count (across Christmas, New Year and Easter), and every page visited
/// is checked with axe. Also: every journey form submitted empty shows the GOV.UK error summary, and
/// two people saving the same section 47 outcome get the conflict page.</summary>
public sealed class JourneyBrowserTests(LanternWebServer server, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JourneyData data = new(server);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task One_child_from_a_contact_at_the_front_door_to_closure_with_the_due_dates_hand_counted_and_no_accessibility_issues()
    {
        Assert.Equal(D(2026, 3, 31), data.Today);

        // The hand counts below assume the council's standards are the defaults.
        var standards = await data.QueryAsync(db => ChildFileLoader.StandardsAsync(db, Ct));
        Assert.Equal(
            (1, 15, 10, 6, 10, 3, 20),
            (standards.ContactDecisionWorkingDays, standards.IcpcWorkingDays, standards.FirstCoreGroupWorkingDays, standards.CoreGroupIntervalWeeks,
             standards.ChildProtectionVisitWorkingDays, standards.ChildInNeedReviewMonths, standards.ChildInNeedVisitWorkingDays));
        var swId = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var tmId = await data.WorkerIdAsync(StaffRole.TeamManager);

        var findings = new JourneyFindings();
        await using var workerPage = await browser.NewPageAsync(server.RootUri);
        await using var managerPage = await browser.NewPageAsync(server.RootUri);
        var worker = new JourneyTab(workerPage, "social worker", findings);
        var manager = new JourneyTab(managerPage, "team manager", findings);
        await BrowserSignIn.SignInAsync(workerPage, DemoAccess.UserName(StaffRole.SocialWorker));
        await BrowserSignIn.SignInAsync(managerPage, DemoAccess.UserName(StaffRole.TeamManager));

        // A child nobody knows: a family name made for this run.
        var family = "Wrenfield" + new string([.. Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);
        const string Given = "Marigold";
        var born = D(2019, 5, 14);
        try
        {
            // 1. The front door: a contact for a new child. Find first: nobody matches, so create.
            await worker.OpenAsync("/front-door");
            await worker.ClickAsync(worker.P.GetByRole(AriaRole.Button, new() { Name = "Record a contact" }));
            Assert.Equal("/front-door/contacts/new", worker.Path);
            await FillChildAsync(worker, Given, family, born);
            await worker.PressAsync("Continue");
            Assert.Equal("Record the contact", (await worker.P.Locator("h1").InnerTextAsync()).Trim());
            await Assertions.Expect(worker.P.Locator("#no-matches")).ToBeVisibleAsync();
            Assert.Equal(0, await worker.P.Locator("#possible-matches").CountAsync());

            // Received on Tuesday 16 December 2025 at 10:15 from the police.
            await worker.DateAsync("ReceivedDate", D(2025, 12, 16));
            await worker.TextAsync("ReceivedTime", "10:15");
            await worker.SelectAsync("Source", "6");
            await worker.TextAsync("Summary", "The police attended a domestic incident overnight; the child was present and the home was in a poor state.");
            await worker.PressAsync("Save contact");
            Assert.Matches("^/children/\\d+$", worker.Path);
            await worker.AssertBannerAsync(await worker.BannerAsync(), "Child and contact recorded");
            var child = worker.IdAfter("children");
            var record = $"/children/{child}";
            Assert.Equal($"{Given} {family}", (await worker.P.Locator("h1").InnerTextAsync()).Trim());
            Assert.Equal(1, await data.QueryAsync(db => db.Children.CountAsync(c => c.FamilyName == family, Ct)));

            // Decision on the contact: 1 working day from Tuesday 16 December 2025 (day 0) is
            // Wednesday 17 December 2025. Undecided, it is overdue today.
            await worker.AssertDueAsync("Decision on contact", "17 December 2025", "Overdue");

            // The same details again: now the child is found, and no second record is made.
            await worker.OpenAsync("/front-door/contacts/new");
            await FillChildAsync(worker, Given, family, born);
            await worker.PressAsync("Continue");
            await Assertions.Expect(worker.P.Locator("#possible-matches")).ToBeVisibleAsync();
            Assert.Equal(1, await worker.P.Locator($"input[name='Child'][value='{child}']").CountAsync());
            await worker.ClickAsync(worker.P.Locator("main form").GetByRole(AriaRole.Link, new() { Name = "Cancel" }));
            Assert.Equal("/front-door", worker.Path);
            Assert.Equal(1, await data.QueryAsync(db => db.Children.CountAsync(c => c.FamilyName == family, Ct)));

            // 2. The screening decision: a strategy discussion, the same afternoon. The referral is
            // made on the decision date and the child allocated to the worker.
            await worker.OpenAsync(record);
            await worker.FollowActionAsync("Record the screening decision");
            var contact = worker.IdAfter("contacts");
            await worker.AssertFactAsync("Decision due", "By 17 December 2025");
            await worker.ChooseAsync("Outcome", nameof(ContactOutcome.StrategyDiscussion));
            await worker.TextAsync("Reason", "Significant harm is suspected: a strategy discussion with the police is needed.");
            await worker.DateAsync("DecisionDate", D(2025, 12, 16));
            await worker.TextAsync("DecisionTime", "15:30");
            await worker.AssertBannerAsync(
                await worker.SaveAsync("Save decision", record),
                "Screening decision recorded and a referral to children's social care made. The child is allocated to you");

            // Assessment from the referral: 45 working days from Tuesday 16 December 2025 (day 0):
            // 17-19 Dec (1-3), 22-24 Dec (4-6), [Christmas Day 25, Boxing Day 26 Dec], 29-31 Dec (7-9),
            // [New Year's Day 1 Jan], 2 Jan (10), 5-9 Jan (11-15), 12-16 Jan (16-20), 19-23 Jan (21-25),
            // 26-30 Jan (26-30), 2-6 Feb (31-35), 9-13 Feb (36-40), 16-20 Feb (41-45): Friday 20 February 2026.
            const string FromReferral = "20 February 2026";
            await worker.AssertDueAsync("Assessment (45 working days from referral)", FromReferral, "Overdue");

            // 3. The manager signs the decision off. The record offers sign-off only for decisions of the
            // last 30 days (this one is older), so the manager opens the sign-off page directly.
            await manager.OpenAsync(record);
            await manager.OpenAsync($"{record}/contacts/{contact}/sign-off");
            await manager.AssertFactAsync("Decision due", "By 17 December 2025");
            await manager.AssertFactAsync("Screening decision", "Strategy discussion");
            await manager.ChooseAsync("Decision", "agree");
            await manager.AssertBannerAsync(await manager.SaveAsync("Save", record), "Screening decision signed off");

            // 4. The referral's primary need.
            await worker.OpenAsync(record);
            await worker.FollowActionAsync("Add the referral's primary need");
            await worker.AssertFactAsync("Came through", "The front door (a contact)");
            Assert.Equal("16/12/2025", await worker.DateShownAsync("ReferralDate"));
            await worker.ChooseAsync("PrimaryNeed", "N1");
            await worker.AssertBannerAsync(await worker.SaveAsync("Save", record), "Referral details saved");

            // 5. The assessment starts on Wednesday 17 December 2025. 45 working days from the start
            // (day 0): 18-19 Dec (1-2), 22-24 Dec (3-5), [25, 26 Dec], 29-31 Dec (6-8), [1 Jan], 2 Jan (9),
            // 5-9 Jan (10-14), 12-16 Jan (15-19), 19-23 Jan (20-24), 26-30 Jan (25-29), 2-6 Feb (30-34),
            // 9-13 Feb (35-39), 16-20 Feb (40-44), 23 Feb (45): Monday 23 February 2026.
            const string FromStart = "23 February 2026";
            await worker.FollowActionAsync("Start an assessment");
            await worker.AssertFactAsync("Assessment due (45 working days from the referral)", FromReferral);
            await worker.DateAsync("StartDate", D(2025, 12, 17));
            await worker.AssertBannerAsync(
                await worker.SaveAsync("Start the assessment", record),
                $"Assessment started. It is due by {FromStart} (45 working days from the start)");
            await worker.AssertDueAsync("Assessment (45 working days from start)", FromStart, "Overdue");

            // 6. The strategy discussion on Wednesday 17 December 2025 starts a section 47 enquiry.
            // Initial conference within 15 working days (day 0 the discussion): 18 Dec (1), 19 Dec (2),
            // 22 Dec (3), 23 Dec (4), 24 Dec (5), [Christmas Day 25, Boxing Day 26, weekend 27-28],
            // 29 Dec (6), 30 Dec (7), 31 Dec (8), [New Year's Day 1 Jan], 2 Jan (9), [weekend],
            // 5-9 Jan (10-14), [weekend], 12 Jan (15): Monday 12 January 2026.
            const string IcpcDue = "12 January 2026";
            await worker.FollowActionAsync("Record a strategy discussion");
            await worker.AssertFactAsync("Referral date", "16 December 2025");

            // Were one to start today (Tuesday 31 March 2026): 1-2 Apr (1-2), [Good Friday 3 Apr, weekend,
            // Easter Monday 6 Apr], 7-10 Apr (3-6), 13-17 Apr (7-11), 20-23 Apr (12-15): 23 April 2026.
            await worker.AssertFactAsync("If an enquiry starts today", "Initial conference due by 23 April 2026 (15 working days from the strategy discussion)");
            await worker.DateAsync("Date", D(2025, 12, 17));
            await worker.TextAsync("Participants", "Police child abuse investigation team, school designated safeguarding lead, health visitor, children's social care");
            await worker.ChooseAsync("Decision", nameof(StrategyDecision.Section47));
            await worker.AssertBannerAsync(
                await worker.SaveAsync("Save", record),
                $"Strategy discussion recorded and section 47 enquiry started. Initial conference due by {IcpcDue} (15 working days from the strategy discussion)");
            await worker.AssertDueAsync("Initial child protection conference", IcpcDue, "Overdue");

            // 7. The enquiry ends on Monday 5 January 2026: a conference is needed.
            await worker.FollowActionAsync("Record the outcome of the section 47 enquiry");
            var enquiry = worker.IdAfter("section-47");
            await worker.AssertFactAsync("Initial conference due", $"Initial conference due by {IcpcDue} (15 working days from the strategy discussion)");
            await worker.DateAsync("EndDate", D(2026, 1, 5));
            await worker.ChooseAsync("Outcome", nameof(Section47Outcome.ConferenceRequired));
            await worker.AssertBannerAsync(await worker.SaveAsync("Save", record), "Section 47 enquiry outcome recorded: an initial conference is needed");

            // 8. The initial conference on Thursday 8 January 2026, on time; a plan under neglect.
            // First core group within 10 working days (day 0 the conference): 9 Jan (1), 12-16 Jan (2-6),
            // 19-22 Jan (7-10): Thursday 22 January 2026. First review within 3 months: 8 April 2026.
            await worker.FollowActionAsync("Record the initial child protection conference");
            Assert.Equal(enquiry, worker.IdAfter("section-47"));
            await worker.AssertFactAsync("Initial conference due", $"Initial conference due by {IcpcDue}");
            await worker.DateAsync("Date", D(2026, 1, 8));
            await worker.SelectIndexAsync("Chair", 1);
            await worker.ChooseAsync("Outcome", nameof(ConferenceOutcome.PlanStarted));
            await worker.ChooseAsync("Category", "NEG");
            await worker.AssertBannerAsync(
                await worker.SaveAsync("Save", record),
                $"Initial conference recorded, held on time (due by {IcpcDue}). Child protection plan started. First core group due by 22 January 2026; first review conference due by 8 April 2026");

            // 9. The first core group on Tuesday 20 January 2026; the next within 6 weeks: 3 March 2026.
            await worker.FollowActionAsync("Record a core group meeting");
            var plan = worker.IdAfter("protection");
            await worker.AssertFactAsync("First core group meeting", "Due by 22 January 2026");
            await worker.DateAsync("Date", D(2026, 1, 20));
            await worker.AssertBannerAsync(await worker.SaveAsync("Save", record), "Core group meeting recorded. Next core group due by 3 March 2026");
            await worker.AssertDueAsync("Core group meeting", "3 March 2026", "Overdue");

            // 10. A child protection visit (the record has no link for visits: the page is opened
            // directly). Visits every 10 working days (the local standard): the first is due 10 working
            // days from the plan start, 22 January 2026 (as the core group). Visited on Wednesday
            // 14 January, the next is due 15-16 Jan (1-2), 19-23 Jan (3-7), 26-28 Jan (8-10): 28 January 2026.
            await worker.OpenAsync($"{record}/visits/new");
            await worker.AssertFactAsync("Child protection visit", "Due by 22 January 2026");
            Assert.True(await worker.IsChosenAsync("Kind", nameof(VisitKind.ChildProtection)), "The visit page should suggest a child protection visit while a plan is open");
            await worker.DateAsync("Date", D(2026, 1, 14));
            await worker.ChooseAsync("Seen", "yes");
            await worker.ChooseAsync("SeenAlone", "yes");
            await worker.AssertBannerAsync(await worker.SaveAsync("Save", record), "Visit recorded");
            await worker.AssertDueAsync("Child protection visit", "28 January 2026", "Overdue");
            await worker.AssertDueAsync("First review child protection conference", "8 April 2026", "Upcoming");

            // 11. The review conference on Thursday 5 March 2026: the plan continues. The next is due
            // within 6 months: 5 September 2026.
            await worker.FollowActionAsync("Record a review child protection conference");
            await worker.AssertFactAsync("First review child protection conference", "Due by 8 April 2026");
            await worker.DateAsync("Date", D(2026, 3, 5));
            await worker.SelectIndexAsync("Chair", 1);
            await worker.ChooseAsync("Outcome", nameof(ConferenceOutcome.PlanContinues));
            await worker.AssertBannerAsync(await worker.SaveAsync("Save", record), "Review conference recorded. Next review conference due by 5 September 2026");
            await worker.AssertDueAsync("First review child protection conference", "8 April 2026", "Done on time");
            await worker.AssertDueAsync("Review child protection conference", "5 September 2026", "Upcoming");

            // 12. The worker proposes a step-down on Monday 9 March 2026: within 3 months of the plan
            // starting (8 January), so it will be listed for review.
            const string ListedForReview = "This step-down is within 3 months of the plan starting, so it will be listed for review";
            await worker.FollowActionAsync("Propose a step-down to child in need");
            Assert.Equal(plan, worker.IdAfter("protection"));
            await worker.DateAsync("ProposedOn", D(2026, 3, 9));
            await worker.TextAsync("Reason", "Home conditions have improved and the parents are working with the family support service.");
            await worker.AssertBannerAsync(
                await worker.SaveAsync("Send to a manager", record),
                $"Step-down proposed. A manager must authorise it before the plan ends. {ListedForReview}");

            // 13. The manager agrees on Tuesday 10 March 2026: the plan ends and the child in need plan starts.
            await manager.OpenAsync(record);
            await manager.FollowActionAsync("Authorise or decline the step-down to child in need");
            await manager.AssertFactAsync("Step-down proposed", "On 9 March 2026");
            await manager.ChooseAsync("Decision", "agree");
            await manager.DateAsync("EndDate", D(2026, 3, 10));
            await manager.AssertBannerAsync(
                await manager.SaveAsync("Save decision", record),
                $"Step-down authorised. The child protection plan ended and the child in need plan started. {ListedForReview}");

            // 14. The child in need plan from Tuesday 10 March 2026. Review every 3 months: 10 June 2026.
            // Visit every 20 working days: 11-13 Mar (1-3), 16-20 Mar (4-8), 23-27 Mar (9-13),
            // 30 Mar-2 Apr (14-17), [Good Friday 3 Apr, weekend, Easter Monday 6 Apr], 7-9 Apr (18-20): 9 April 2026.
            await worker.OpenAsync(record);
            await worker.AssertDueAsync("Child in need visit", "9 April 2026", "Upcoming");
            await worker.AssertDueAsync("Child in need plan review", "10 June 2026", "Upcoming");
            await worker.FollowActionAsync("Record a child in need plan review");
            await worker.AssertFactAsync("Next review", "Due by 10 June 2026");
            await worker.AssertFactAsync("Next child in need visit", "Due by 9 April 2026");
            await worker.DateAsync("ReviewDate", D(2026, 3, 24));
            await worker.AssertBannerAsync(await worker.SaveAsync("Save review", record), "Review recorded. The next review is due by 24 June 2026");
            await worker.AssertDueAsync("Child in need plan review", "24 June 2026", "Upcoming");

            // 15. The assessment, still open: completed (sent today) and authorised by the manager today.
            await worker.FollowActionAsync("Complete the assessment");
            var assessment = worker.IdAfter("assessments");
            await worker.AssertFactAsync("Assessment due (45 working days from the referral)", FromReferral);
            await worker.AssertFactAsync("Assessment due (45 working days from the start)", FromStart);
            await worker.ChooseAsync("Factors", "3B");
            await worker.ChooseAsync("Factors", "2B");
            await worker.ChooseAsync("ChildSeen", "yes");
            await worker.DateAsync("ChildSeenDate", D(2025, 12, 18));
            await worker.ChooseAsync("Outcome", nameof(AssessmentOutcome.ChildInNeedPlan));
            await worker.AssertBannerAsync(await worker.SaveAsync("Send to a manager to authorise", record), "Assessment sent to a manager to authorise");

            await manager.OpenAsync(record);
            await manager.FollowActionAsync("Authorise the assessment");
            Assert.Equal(assessment, manager.IdAfter("assessments"));
            await manager.AssertFactAsync("Assessment due (45 working days from the start)", FromStart);
            await manager.ChooseAsync("Decision", "authorise");
            Assert.Equal("31/3/2026", await manager.DateShownAsync("AuthorisationDate"));

            // The child already has a child in need plan: authorise without starting another.
            await manager.UntickAsync("StartPlan", "yes");
            await manager.AssertBannerAsync(await manager.SaveAsync("Save decision", record), "Assessment authorised");
            await manager.AssertDueAsync("Assessment (45 working days from start)", FromStart, "Done late");
            await manager.AssertDueAsync("Assessment (45 working days from referral)", FromReferral, "Done late");

            // 16. The child in need plan ends today, and the case is closed.
            await worker.OpenAsync(record);
            await worker.FollowActionAsync("End the child in need plan");
            await worker.DateAsync("EndDate", D(2026, 3, 31));
            await worker.TextAsync("Reason", "The plan's outcomes have been met and the family no longer needs support.");
            await worker.AssertBannerAsync(await worker.SaveAsync("End the plan", record), "Child in need plan ended");

            await worker.FollowActionAsync("Close the case");
            await worker.DateAsync("ClosureDate", D(2026, 3, 31));
            await worker.ChooseAsync("ClosureReason", "RC7");
            await worker.AssertBannerAsync(await worker.SaveAsync("Close the case", record), "Case closed");
            var outstanding = (await worker.DueAsync()).Where(r => r[3] is "Overdue" or "Due today" or "Upcoming").ToList();
            Assert.True(outstanding.Count == 0, "Nothing should be due once the case is closed: " + string.Join(" | ", outstanding.Select(r => string.Join(", ", r))));
            await worker.ScreenshotAsync("journey-closed-record.png");

            // The chronology and the work lists.
            await worker.OpenAsync($"{record}/chronology");
            Assert.True(await worker.P.Locator(".moj-timeline__item").CountAsync() >= 10, "The chronology should list the journey's events");
            await worker.OpenAsync("/my-work");
            await manager.OpenAsync("/team-work");
            await manager.OpenAsync("/workforce/caseloads");
            await manager.OpenAsync("/front-door");

            // What was saved.
            var saved = await data.QueryAsync(async db => new
            {
                Contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.ChildId == child, Ct),
                Referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.ChildId == child, Ct),
                Plan = await db.ProtectionPlans.AsNoTracking().SingleAsync(p => p.ChildId == child, Ct),
                Cin = await db.ChildInNeedPlans.AsNoTracking().SingleAsync(p => p.ChildId == child, Ct),
                Assessment = await db.Assessments.AsNoTracking().SingleAsync(a => a.ChildId == child, Ct),
            });
            Assert.Equal(contact, saved.Contact.Id);
            Assert.Equal((ContactOutcome.StrategyDiscussion, swId, tmId), (saved.Contact.Outcome, saved.Contact.DecidedByWorkerId, saved.Contact.SignedOffByWorkerId));
            Assert.Equal((D(2025, 12, 16), "6", "N1", D(2026, 3, 31), "RC7"), (saved.Referral.ReferralDate, saved.Referral.Source.Code, saved.Referral.PrimaryNeed?.Code, saved.Referral.ClosureDate, saved.Referral.ClosureReason?.Code));
            Assert.Equal((D(2026, 1, 8), D(2026, 3, 10), PlanEndReason.SteppedDownToChildInNeed, tmId), (saved.Plan.StartDate, saved.Plan.EndDate, saved.Plan.EndReason, saved.Plan.StepDownAuthorisedByWorkerId));
            Assert.Equal((D(2026, 3, 10), D(2026, 3, 31)), (saved.Cin.StartDate, saved.Cin.EndDate));
            Assert.Equal((D(2025, 12, 17), D(2026, 3, 31), tmId), (saved.Assessment.StartDate, saved.Assessment.AuthorisationDate, saved.Assessment.AuthorisedByWorkerId));
        }
        finally
        {
            await CollectHealthAsync(findings, worker, manager);
        }

        findings.AssertNone("journey-findings.txt");
    }

    [Fact]
    public async Task Every_journey_form_submitted_empty_shows_the_GOVUK_error_summary_linking_to_its_fields()
    {
        var f = await EmptyFormFixture.CreateAsync(data);
        var findings = new JourneyFindings();
        await using var workerPage = await browser.NewPageAsync(server.RootUri);
        await using var managerPage = await browser.NewPageAsync(server.RootUri);
        var worker = new JourneyTab(workerPage, "social worker", findings);
        var manager = new JourneyTab(managerPage, "team manager", findings);
        await BrowserSignIn.SignInAsync(workerPage, DemoAccess.UserName(StaffRole.SocialWorker));
        await BrowserSignIn.SignInAsync(managerPage, DemoAccess.UserName(StaffRole.TeamManager));
        var failures = new List<string>();
        try
        {
            // The front door's two steps: who the child is, then (with valid details) the contact.
            await AssertEmptyRefusedAsync(worker, "/front-door/contacts/new", "Continue", failures);
            await worker.OpenAsync("/front-door/contacts/new");
            await FillChildAsync(worker, "Tamsin", "Emptyform" + new string([.. Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]), D(2020, 2, 2));
            await worker.PressAsync("Continue");
            Assert.Equal("Record the contact", (await worker.P.Locator("h1").InnerTextAsync()).Trim());
            await AssertRefusedAsync(worker, "Save contact", "front door, step 2", failures);

            var a = $"/children/{f.Protection}";
            var b = $"/children/{f.ChildInNeed}";
            var c = $"/children/{f.Assessing}";
            (JourneyTab Tab, string Path, string Button)[] forms =
            [
                (worker, $"{a}/contacts/new", "Save contact"),
                (worker, $"{a}/contacts/{f.UndecidedContact}/decision", "Save decision"),
                (manager, $"{a}/contacts/{f.DecidedContact}/sign-off", "Save"),
                (worker, $"/children/{f.NoReferral}/referrals/new", "Save referral"),
                (worker, $"{b}/referrals/{f.ChildInNeedReferral}/details", "Save"),
                (worker, $"{b}/assessments/new", "Start the assessment"),
                (worker, $"{c}/assessments/{f.OpenAssessment}/complete", "Send to a manager to authorise"),
                (manager, $"{a}/assessments/{f.SubmittedAssessment}/authorise", "Save decision"),
                (worker, $"{a}/protection/strategy/new", "Save"),
                (worker, $"{a}/protection/section-47/{f.OpenEnquiry}/outcome", "Save"),
                (worker, $"{a}/protection/section-47/{f.EndedEnquiry}/initial-conference", "Save"),
                (worker, $"{a}/protection/{f.Plan}/core-groups/new", "Save"),
                (worker, $"{a}/visits/new", "Save"),
                (worker, $"{a}/protection/{f.Plan}/reviews/new", "Save"),
                (worker, $"{a}/protection/{f.Plan}/step-down", "Send to a manager"),
                (manager, $"/children/{f.SteppingDown}/protection/{f.ProposedPlan}/step-down/authorise", "Save decision"),
                (worker, $"{c}/child-in-need/new", "Start the plan"),
                (worker, $"{b}/child-in-need/{f.ChildInNeedPlan}/reviews/new", "Save review"),
                (worker, $"{b}/child-in-need/{f.ChildInNeedPlan}/end", "End the plan"),
                (worker, $"{b}/referrals/{f.ChildInNeedReferral}/close", "Close the case"),
            ];
            foreach (var (tab, path, button) in forms)
            {
                await AssertEmptyRefusedAsync(tab, path, button, failures);
            }

            await worker.OpenAsync($"{a}/protection/{f.Plan}/core-groups/new");
            await worker.PressAsync("Save");
            await worker.ScreenshotAsync("journey-empty-form.png");

            // Nothing was saved by any of them.
            Assert.Equal(f.Counts, await EmptyFormFixture.CountsAsync(data, f));
        }
        finally
        {
            await CollectHealthAsync(findings, worker, manager);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        findings.AssertNone("journey-empty-forms-findings.txt");
    }

    [Fact]
    public async Task Two_people_saving_the_same_section_47_outcome_the_second_sees_the_conflict_and_the_first_answer_is_kept()
    {
        var child = await data.AddChildAsync(StaffRole.SocialWorker);
        var referral = new Referral { ChildId = child, ReferralDate = D(2026, 3, 2), Source = ReferralSource.Police, PrimaryNeed = PrimaryNeed.AbuseOrNeglect };
        await data.SaveAsync(db => db.Referrals.Add(referral));
        var discussion = new StrategyDiscussion { ChildId = child, ReferralId = referral.Id, Date = D(2026, 3, 4), Participants = "Police, school, health", Decision = StrategyDecision.Section47 };
        await data.SaveAsync(db => db.StrategyDiscussions.Add(discussion));
        var enquiry = new Section47Enquiry { ChildId = child, ReferralId = referral.Id, StrategyDiscussionId = discussion.Id, StartDate = discussion.Date };
        await data.SaveAsync(db => db.Section47s.Add(enquiry));
        var path = $"/children/{child}/protection/section-47/{enquiry.Id}/outcome";

        var findings = new JourneyFindings();
        await using var firstPage = await browser.NewPageAsync(server.RootUri);
        await using var secondPage = await browser.NewPageAsync(server.RootUri);
        var first = new JourneyTab(firstPage, "social worker", findings);
        var second = new JourneyTab(secondPage, "team manager", findings);
        await BrowserSignIn.SignInAsync(firstPage, DemoAccess.UserName(StaffRole.SocialWorker));
        await BrowserSignIn.SignInAsync(secondPage, DemoAccess.UserName(StaffRole.TeamManager));
        try
        {
            // Both open the form before either saves.
            await first.OpenAsync(path);
            await second.OpenAsync(path);

            await first.DateAsync("EndDate", D(2026, 3, 20));
            await first.ChooseAsync("Outcome", nameof(Section47Outcome.ConferenceRequired));
            await first.AssertBannerAsync(await first.SaveAsync("Save", $"/children/{child}"), "Section 47 enquiry outcome recorded: an initial conference is needed");

            await second.DateAsync("EndDate", D(2026, 3, 23));
            await second.ChooseAsync("Outcome", nameof(Section47Outcome.ConcernsNotSubstantiated));
            await second.PressAsync("Save");
            Assert.Equal(path, second.Path);
            var conflict = second.P.Locator("#conflict");
            await Assertions.Expect(conflict).ToBeVisibleAsync();
            await Assertions.Expect(conflict.Locator("h2")).ToHaveTextAsync("Someone else changed this record while you were editing it");
            await Assertions.Expect(conflict).ToContainTextAsync("Your changes have not been saved.");
            var table = second.P.Locator("#conflict-table");
            await Assertions.Expect(table).ToBeVisibleAsync();
            var rows = await table.Locator("tbody tr").AllInnerTextsAsync();
            Assert.True(rows.Count > 0, "The conflict page should list what is different");
            var differences = string.Join(" | ", rows);
            Assert.Contains("20", differences, StringComparison.Ordinal);
            Assert.Contains("23", differences, StringComparison.Ordinal);
            Assert.Equal(0, await second.P.Locator("main form").CountAsync());
            await second.ScreenshotAsync("journey-conflict.png");

            // The first answer is the one kept.
            var saved = await data.QueryAsync(db => db.Section47s.AsNoTracking().SingleAsync(s => s.Id == enquiry.Id, Ct));
            Assert.Equal((D(2026, 3, 20), Section47Outcome.ConferenceRequired, false), (saved.EndDate, saved.Outcome, saved.IcpcNotRequired));

            // Starting again from the saved record shows the first person's answer.
            await second.ClickAsync(conflict.GetByRole(AriaRole.Link, new() { Name = "start again from the saved record" }));
            Assert.Equal(path, second.Path);
            Assert.Equal("20/3/2026", await second.DateShownAsync("EndDate"));
            Assert.True(await second.IsChosenAsync("Outcome", nameof(Section47Outcome.ConferenceRequired)));
        }
        finally
        {
            await CollectHealthAsync(findings, first, second);
        }

        findings.AssertNone("journey-conflict-findings.txt");
    }

    private static async Task FillChildAsync(JourneyTab tab, string given, string family, DateOnly born)
    {
        await tab.TextAsync("GivenName", given);
        await tab.TextAsync("FamilyName", family);
        await tab.DateAsync("DateOfBirth", born);
        await tab.ChooseAsync("Sex", "F");
        await tab.TextAsync("Postcode", "DN31 1HU");
    }

    /// <summary>Opens the form at <paramref name="path"/>, presses <paramref name="button"/> with
    /// nothing entered, and checks the refusal.</summary>
    private static async Task AssertEmptyRefusedAsync(JourneyTab tab, string path, string button, List<string> failures)
    {
        await tab.OpenAsync(path);
        await AssertRefusedAsync(tab, button, path, failures);
    }

    /// <summary>Presses <paramref name="button"/> and checks the page came back at the same address
    /// with "Error:" starting its title and a GOV.UK error summary whose every link goes to a field on
    /// the page; at least one message asks for a missing answer. Failures are collected.</summary>
    private static async Task AssertRefusedAsync(JourneyTab tab, string button, string what, List<string> failures)
    {
        var form = tab.Path;
        if (await tab.P.Locator("main form").GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).CountAsync() != 1)
        {
            failures.Add($"{tab.Who}: {what}: no button \"{button}\" on the page \"{await tab.P.TitleAsync()}\"");
            return;
        }

        await tab.PressAsync(button);
        var problems = new List<string>();
        if (tab.Path != form)
        {
            problems.Add($"went to {tab.Path}");
        }

        var title = await tab.P.TitleAsync();
        if (!title.StartsWith("Error:", StringComparison.Ordinal))
        {
            problems.Add($"title \"{title}\"");
        }

        var summary = tab.P.Locator(".govuk-error-summary");
        if (await summary.CountAsync() != 1)
        {
            problems.Add($"{await summary.CountAsync()} error summaries");
        }
        else
        {
            if (!await summary.EvaluateAsync<bool>("e => document.activeElement === e"))
            {
                problems.Add("the error summary is not focused");
            }

            var links = await tab.P.EvaluateAsync<string[][]>(
                "() => [...document.querySelectorAll('.govuk-error-summary__list a')].map(a => [a.getAttribute('href') || '', a.textContent.trim(), " +
                "String(!!document.getElementById((a.getAttribute('href') || '#').slice(1)))])");
            if (links.Length == 0)
            {
                problems.Add("no links in the error summary");
            }

            foreach (var link in links.Where(l => l[2] != "true"))
            {
                problems.Add($"the link \"{link[1]}\" goes to {link[0]}, which is not on the page");
            }

            if (!links.Any(l => l[1].StartsWith("Enter ", StringComparison.Ordinal) || l[1].StartsWith("Select ", StringComparison.Ordinal)))
            {
                problems.Add("no message asks for a missing answer: " + string.Join(" | ", links.Select(l => l[1])));
            }

            foreach (var link in links.Where(l => l[2] == "true"))
            {
                var id = link[0][1..];
                var message = await tab.P.EvaluateAsync<string>(
                    "id => { const e = document.getElementById(id); const g = e && e.closest('.govuk-form-group--error'); const m = g && g.querySelector('.govuk-error-message'); return m ? m.textContent : ''; }",
                    id);
                if (!message.Contains(link[1], StringComparison.Ordinal))
                {
                    problems.Add($"the field #{id} does not show its message \"{link[1]}\"");
                }
            }
        }

        if (problems.Count > 0)
        {
            failures.Add($"{tab.Who}: {what}: {string.Join("; ", problems)}");
        }
    }

    /// <summary>Adds what each browser saw go wrong (console errors, failed requests, CSP, and axe on
    /// the page it ended on) to the findings.</summary>
    private static async Task CollectHealthAsync(JourneyFindings findings, params JourneyTab[] tabs)
    {
        foreach (var tab in tabs)
        {
            try
            {
                await tab.Browser.AssertHealthyAsync();
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or PlaywrightException)
            {
                findings.Problem($"{tab.Who}: {e.Message}");
            }
        }
    }
}

/// <summary>Children whose records give every journey form something to open, all allocated to
/// the demo social worker: <see cref="Protection"/> with an open referral, an assessment sent for
/// authorisation, an open and an ended section 47 enquiry, an open protection plan and two contacts
/// (one undecided, one decided awaiting sign-off); <see cref="ChildInNeed"/> with an open referral
/// (no primary need) and an open child in need plan; <see cref="Assessing"/> with an open referral
/// and an assessment not yet completed; <see cref="SteppingDown"/> with a step-down proposed; and
/// <see cref="NoReferral"/> with nothing.</summary>
internal sealed record EmptyFormFixture(
    long Protection,
    long ChildInNeed,
    long Assessing,
    long SteppingDown,
    long NoReferral,
    long UndecidedContact,
    long DecidedContact,
    long SubmittedAssessment,
    long OpenAssessment,
    long OpenEnquiry,
    long EndedEnquiry,
    long Plan,
    long ProposedPlan,
    long ChildInNeedReferral,
    long ChildInNeedPlan,
    string Counts)
{
    public static async Task<EmptyFormFixture> CreateAsync(JourneyData data)
    {
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        DateOnly D(int m, int d) => new(2026, m, d);
        DateTime At(int m, int d, int h) => D(m, d).ToDateTime(new TimeOnly(h, 0), DateTimeKind.Utc);

        var a = await data.AddChildAsync(StaffRole.SocialWorker);
        var ra = new Referral { ChildId = a, ReferralDate = D(2, 2), Source = ReferralSource.Police, PrimaryNeed = PrimaryNeed.AbuseOrNeglect };
        await data.SaveAsync(db => db.Referrals.Add(ra));
        var undecided = new Contact { ChildId = a, ReceivedAt = At(3, 30, 9), Source = ReferralSource.Schools, Summary = "Concerns from school", RecordedByWorkerId = sw };
        var decided = new Contact
        {
            ChildId = a,
            ReceivedAt = At(3, 27, 9),
            Source = ReferralSource.Schools,
            Summary = "Concerns from school",
            RecordedByWorkerId = sw,
            DecidedAt = At(3, 27, 14),
            DecidedByWorkerId = sw,
            Outcome = ContactOutcome.AdviceAndSignposting,
            DecisionReason = "Advice given to the school",
        };
        var submitted = new Assessment { ChildId = a, ReferralId = ra.Id, StartDate = D(2, 3), Factors = [AssessmentFactor.NoFactors], ChildSeen = false, Outcome = AssessmentOutcome.ChildInNeedPlan, SubmittedOn = D(3, 31), SubmittedByWorkerId = sw };
        var sd1 = new StrategyDiscussion { ChildId = a, ReferralId = ra.Id, Date = D(2, 4), Participants = "Police, school", Decision = StrategyDecision.Section47 };
        var sd2 = new StrategyDiscussion { ChildId = a, ReferralId = ra.Id, Date = D(3, 16), Participants = "Police, school", Decision = StrategyDecision.Section47 };
        await data.SaveAsync(db =>
        {
            db.Contacts.AddRange(undecided, decided);
            db.Assessments.Add(submitted);
            db.StrategyDiscussions.AddRange(sd1, sd2);
        });
        var ended = new Section47Enquiry { ChildId = a, ReferralId = ra.Id, StrategyDiscussionId = sd1.Id, StartDate = sd1.Date, EndDate = D(2, 20), Outcome = Section47Outcome.ConferenceRequired };
        var open = new Section47Enquiry { ChildId = a, ReferralId = ra.Id, StrategyDiscussionId = sd2.Id, StartDate = sd2.Date };
        var plan = new ChildProtectionPlan { ChildId = a, ReferralId = ra.Id, StartDate = D(2, 25), InitialCategory = AbuseCategory.Neglect, LatestCategory = AbuseCategory.Neglect };
        await data.SaveAsync(db =>
        {
            db.Section47s.AddRange(ended, open);
            db.ProtectionPlans.Add(plan);
        });

        var b = await data.AddChildAsync(StaffRole.SocialWorker);
        var rb = new Referral { ChildId = b, ReferralDate = D(2, 2), Source = ReferralSource.Schools };
        await data.SaveAsync(db => db.Referrals.Add(rb));
        var cin = new Lantern.Domain.Model.ChildInNeedPlan { ChildId = b, ReferralId = rb.Id, StartDate = D(2, 16) };
        await data.SaveAsync(db => db.ChildInNeedPlans.Add(cin));

        var c = await data.AddChildAsync(StaffRole.SocialWorker);
        var rc = new Referral { ChildId = c, ReferralDate = D(3, 2), Source = ReferralSource.Schools, PrimaryNeed = PrimaryNeed.AcuteStress };
        await data.SaveAsync(db => db.Referrals.Add(rc));
        var openAssessment = new Assessment { ChildId = c, ReferralId = rc.Id, StartDate = D(3, 3) };
        await data.SaveAsync(db => db.Assessments.Add(openAssessment));

        var d = await data.AddChildAsync(StaffRole.SocialWorker);
        var rd = new Referral { ChildId = d, ReferralDate = D(1, 5), Source = ReferralSource.Police, PrimaryNeed = PrimaryNeed.AbuseOrNeglect };
        await data.SaveAsync(db => db.Referrals.Add(rd));
        var proposed = new ChildProtectionPlan
        {
            ChildId = d,
            ReferralId = rd.Id,
            StartDate = D(1, 20),
            InitialCategory = AbuseCategory.Emotional,
            LatestCategory = AbuseCategory.Emotional,
            StepDownProposedOn = D(3, 25),
            StepDownProposedByWorkerId = sw,
        };
        await data.SaveAsync(db => db.ProtectionPlans.Add(proposed));

        var none = await data.AddChildAsync(StaffRole.SocialWorker);
        var fixture = new EmptyFormFixture(a, b, c, d, none, undecided.Id, decided.Id, submitted.Id, openAssessment.Id, open.Id, ended.Id, plan.Id, proposed.Id, rb.Id, cin.Id, "");
        return fixture with { Counts = await CountsAsync(data, fixture) };
    }

    /// <summary>A fingerprint of everything the forms could change on the fixture's children.</summary>
    public static Task<string> CountsAsync(JourneyData data, EmptyFormFixture f)
    {
        long[] ids = [f.Protection, f.ChildInNeed, f.Assessing, f.SteppingDown, f.NoReferral];
        var ct = TestContext.Current.CancellationToken;
        return data.QueryAsync(async db => string.Join(
            ",",
            await db.Contacts.CountAsync(x => ids.Contains(x.ChildId) && x.DecidedAt != null && x.SignedOffAt == null, ct),
            await db.Contacts.CountAsync(x => ids.Contains(x.ChildId), ct),
            await db.Referrals.CountAsync(x => ids.Contains(x.ChildId) && x.ClosureDate == null && x.PrimaryNeed != null, ct),
            await db.Referrals.CountAsync(x => ids.Contains(x.ChildId), ct),
            await db.Assessments.CountAsync(x => ids.Contains(x.ChildId) && x.AuthorisationDate == null && x.SubmittedOn == null, ct),
            await db.Assessments.CountAsync(x => ids.Contains(x.ChildId), ct),
            await db.StrategyDiscussions.CountAsync(x => ids.Contains(x.ChildId), ct),
            await db.Section47s.CountAsync(x => ids.Contains(x.ChildId) && x.EndDate == null, ct),
            await db.Conferences.CountAsync(x => ids.Contains(x.ChildId), ct),
            await db.CoreGroups.CountAsync(x => ids.Contains(x.ChildId), ct),
            await db.Visits.CountAsync(x => ids.Contains(x.ChildId), ct),
            await db.ProtectionPlans.CountAsync(x => ids.Contains(x.ChildId) && x.EndDate == null && x.StepDownProposedOn == null, ct),
            await db.ChildInNeedPlans.CountAsync(x => ids.Contains(x.ChildId) && x.EndDate == null, ct),
            await db.ChildInNeedReviews.CountAsync(x => ids.Contains(x.ChildId), ct),
            await db.Allocations.CountAsync(x => ids.Contains(x.ChildId) && x.EndDate == null, ct)));
    }
}
