using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Tests.Infrastructure;
using Lantern.Web.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>Decision panels through the real pages: a worker requests a panel for a child open to
/// social care (one request waiting per panel), a manager records the panel's decision (once, not
/// before the request, not in the future), and the panels page summarises the requests of the
/// manager's team in a period with waits in working days worked out here by hand across the
/// Christmas 2023 bank holidays. Every refusal names the field and saves nothing.</summary>
public sealed partial class PanelTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JourneyData data = new(server);

    private static Dictionary<string, string> On(string field, DateOnly date) => RecordTestData.Date(field, date);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task Requesting_a_panel_refuses_each_bad_answer_and_a_second_waiting_request_then_saves_it_pending()
    {
        var child = await data.AddChildAsync(StaffRole.SocialWorker);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/panels/new";
        Func<Task<string>> state = () => data.QueryAsync(async db => string.Join(";", await db.PanelDecisions.AsNoTracking().Where(r => r.ChildId == child).OrderBy(r => r.Id).Select(r => $"{r.Panel} {r.RequestDate} {r.Outcome} {r.Version}").ToListAsync(Ct)));
        var good = RecordTestData.With(On("RequestDate", D(2026, 3, 2)), ("Panel", "EdgeOfCare"), ("Notes", "Intensive family support for eight weeks to keep Juniper at home."));

        // Nothing is open yet: the child is not open to social care.
        var (form, html) = await s.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Decides whether the threshold for pre-proceedings or care proceedings is met", html, StringComparison.Ordinal);
        Assert.Contains("Agrees placements for children in care and the resources to support them", html, StringComparison.Ordinal);
        Assert.Contains("Agrees support to keep a child safely at home and out of care", html, StringComparison.Ordinal);
        await data.AssertRefusedAsync(s, path, good, "f-panel", "The child is not open to social care. A referral, a plan or a care episode must be open to request a panel", state);
        var (record, recordHtml) = await s.GetAsync($"/children/{child}");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.DoesNotContain($"href=\"{path}\"", recordHtml, StringComparison.Ordinal);

        await data.SaveAsync(db => db.Referrals.Add(new Referral { ChildId = child, ReferralDate = D(2026, 2, 16), Source = ReferralSource.Schools, PrimaryNeed = PrimaryNeed.AbuseOrNeglect }));
        (_, recordHtml) = await s.GetAsync($"/children/{child}");
        Assert.Contains($"href=\"{path}\">Request a panel</a>", recordHtml, StringComparison.Ordinal);

        await data.AssertRefusedAsync(s, path, [], "f-panel", "Select the panel", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, ("Panel", "")), "f-panel", "Select the panel", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, ("Panel", "2")), "f-panel", "Select the panel from the list", state);
        await data.AssertRefusedAsync(s, path, [], "f-request-date-day", "Enter the date of the request", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, On("RequestDate", D(2026, 4, 1))), "f-request-date-day", "The date of the request must be today or in the past", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, On("RequestDate", D(2018, 5, 31))), "f-request-date-day", "The date of the request must be the same as or after the child's date of birth, 1 June 2018", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, ("Notes", "  ")), "f-notes", "Enter what the panel is asked for", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, ("Notes", new string('n', 2001))), "f-notes", "What the panel is asked for must be 2000 characters or fewer", state);

        var (saved, _) = await s.PostFormAsync(path, good);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/children/{child}", saved.Headers.Location?.OriginalString);
        var request = Assert.Single(await data.QueryAsync(db => db.PanelDecisions.AsNoTracking().Where(r => r.ChildId == child).ToListAsync(Ct)));
        Assert.Equal((PanelType.EdgeOfCare, D(2026, 3, 2), (DateOnly?)null, PanelOutcome.Pending), (request.Panel, request.RequestDate, request.DecisionDate, request.Outcome));
        Assert.Equal("Intensive family support for eight weeks to keep Juniper at home.", request.Notes);
        var written = await data.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.ChildId == child && e.Action == AuditAction.WriteRecord).Select(e => e.Detail).ToListAsync(Ct));
        Assert.Contains("panel requested: EdgeOfCare on 2026-03-02", written);
        Assert.DoesNotContain(written, d => d!.Contains("Juniper", StringComparison.Ordinal));

        // A second request to the same panel waits for the first one's decision; another panel may be asked.
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, On("RequestDate", D(2026, 3, 30))), "f-panel", "The child already has a request to the edge of care panel waiting for a decision, made on 2 March 2026. Record that decision before asking again", state);
        var (other, _) = await s.PostFormAsync(path, RecordTestData.With(good, ("Panel", "LegalGateway")));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal(2, await data.QueryAsync(db => db.PanelDecisions.CountAsync(r => r.ChildId == child && r.Outcome == PanelOutcome.Pending, Ct)));

        // The worker may not record the decision; the manager is offered it for each waiting request.
        (_, recordHtml) = await s.GetAsync($"/children/{child}");
        Assert.DoesNotContain("/decision\"", recordHtml, StringComparison.Ordinal);
        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var (_, managerHtml) = await manager.GetAsync($"/children/{child}");
        Assert.Contains($"href=\"/children/{child}/panels/{request.Id}/decision\">Record the panel decision: Edge of care panel, requested 2 March 2026</a>", managerHtml, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(managerHtml, $"href=\"/children/{child}/panels/[0-9]+/decision\""));
    }

    [Fact]
    public async Task Recording_a_decision_refuses_one_before_the_request_or_in_the_future_and_a_second_decision()
    {
        var child = await data.AddChildAsync(StaffRole.SocialWorker);
        await data.SaveAsync(db => db.Referrals.Add(new Referral { ChildId = child, ReferralDate = D(2026, 2, 2), Source = ReferralSource.Schools, PrimaryNeed = PrimaryNeed.AbuseOrNeglect }));
        var request = new PanelDecision { ChildId = child, Panel = PanelType.LegalGateway, RequestDate = D(2026, 3, 20), Outcome = PanelOutcome.Pending, Notes = "Is the threshold for pre-proceedings met?" };
        await data.SaveAsync(db => db.PanelDecisions.Add(request));
        var path = $"/children/{child}/panels/{request.Id}/decision";
        Func<Task<string>> state = () => data.QueryAsync(db => db.PanelDecisions.AsNoTracking().Where(r => r.Id == request.Id).Select(r => $"{r.Version} {r.DecisionDate} {r.Outcome} {r.Notes}").SingleAsync(Ct));
        var version = (await data.QueryAsync(db => db.PanelDecisions.AsNoTracking().SingleAsync(r => r.Id == request.Id, Ct))).Version.ToString(CultureInfo.InvariantCulture);
        var good = RecordTestData.With(On("DecisionDate", D(2026, 3, 27)), ("Outcome", "Approved"), ("Rationale", "Threshold met: letter before proceedings to be sent."), (CaseworkPageModel.VersionName, version));

        // A social worker may not record a panel's decision.
        var worker = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var (denied, _) = await worker.GetAsync(path);
        Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || denied.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true, $"a social worker got {(int)denied.StatusCode}");

        var s = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var (page, html) = await s.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Is the threshold for pre-proceedings met?", html, StringComparison.Ordinal);
        Assert.Contains("7 working days", html, StringComparison.Ordinal); // Friday 20 March to Tuesday 31 March 2026
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, ("DecisionDate-day", "")), "f-decision-date-day", "The date of the decision must include a day", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, On("DecisionDate", D(2026, 3, 19))), "f-decision-date-day", "The date of the decision must be the same as or after the date of the request, 20 March 2026", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, On("DecisionDate", D(2026, 4, 1))), "f-decision-date-day", "The date of the decision must be today or in the past", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, ("Outcome", "")), "f-outcome", "Select what the panel decided", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, ("Outcome", "Pending")), "f-outcome", "Select what the panel decided from the list", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, ("Rationale", "")), "f-rationale", "Enter the decision and its rationale", state);

        // A form opened before someone else changed the request is not saved.
        var before = await state();
        var (stale, staleHtml) = await s.PostFormAsync(path, RecordTestData.With(good, (CaseworkPageModel.VersionName, "987")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record while you were editing it", staleHtml, StringComparison.Ordinal);
        Assert.Equal(before, await state());

        var (saved, _) = await s.PostFormAsync(path, good);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/children/{child}", saved.Headers.Location?.OriginalString);
        var decided = await data.QueryAsync(db => db.PanelDecisions.AsNoTracking().SingleAsync(r => r.Id == request.Id, Ct));
        Assert.Equal(((DateOnly?)D(2026, 3, 27), PanelOutcome.Approved), (decided.DecisionDate, decided.Outcome));
        Assert.Equal("Is the threshold for pre-proceedings met?\n\nPanel decision on 27 March 2026: approved. Threshold met: letter before proceedings to be sent.", decided.Notes);
        var (_, recordHtml) = await s.GetAsync($"/children/{child}");
        Assert.DoesNotContain($"href=\"{path}\"", recordHtml, StringComparison.Ordinal);

        // Decided once: a second decision is refused, whatever it says.
        var again = RecordTestData.With(good, ("Outcome", "Declined"), (CaseworkPageModel.VersionName, decided.Version.ToString(CultureInfo.InvariantCulture)));
        await data.AssertRefusedAsync(s, path, again, "f-decision-date-day", "The panel already decided this request on 27 March 2026 (approved). A decision cannot be recorded twice: request the panel again if it is to look at it again", state);

        // The request of another child is not found through this one.
        var other = await data.AddChildAsync(StaffRole.SocialWorker);
        var (notFound, _) = await s.GetAsync($"/children/{other}/panels/{request.Id}/decision");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    /// <summary>The requests of two children allocated to a worker of the demo team manager's team,
    /// around Christmas 2023 (Monday 25 and Tuesday 26 December and Monday 1 January are bank
    /// holidays), before the seeded authority's first panel request (March 2024): in the period asked
    /// for, nothing else is counted.</summary>
    [Fact]
    public async Task The_panels_page_summarises_the_teams_requests_in_a_period_in_working_days()
    {
        var worker = await NewTeamWorkerAsync();
        var first = await data.AddChildAsync();
        var second = await data.AddChildAsync();
        await data.SaveAsync(db =>
        {
            db.Allocations.Add(new Allocation { ChildId = first, WorkerId = worker, StartDate = D(2023, 11, 1) });
            db.Allocations.Add(new Allocation { ChildId = second, WorkerId = worker, StartDate = D(2023, 11, 1) });
            // Legal gateway, decided (working days after the request up to the decision):
            // Fri 22 Dec -> Wed 27 Dec: 27 Dec = 1.
            db.PanelDecisions.Add(Decided(first, PanelType.LegalGateway, D(2023, 12, 22), D(2023, 12, 27), PanelOutcome.Approved));
            // Thu 21 Dec -> Tue 2 Jan: 22, 27, 28, 29 Dec, 2 Jan = 5.
            db.PanelDecisions.Add(Decided(second, PanelType.LegalGateway, D(2023, 12, 21), D(2024, 1, 2), PanelOutcome.Declined));
            // Mon 18 Dec -> Fri 5 Jan: 19-22 Dec (4), 27-29 Dec (3), 2-5 Jan (4) = 11.
            db.PanelDecisions.Add(Decided(first, PanelType.LegalGateway, D(2023, 12, 18), D(2024, 1, 5), PanelOutcome.Approved));
            // Fri 29 Dec -> Tue 9 Jan: 2-5 Jan (4), 8, 9 Jan = 6; deferred is a decision.
            db.PanelDecisions.Add(Decided(second, PanelType.LegalGateway, D(2023, 12, 29), D(2024, 1, 9), PanelOutcome.Deferred));
            // Resource and placement: decided the day it was asked (0), and two still waiting.
            db.PanelDecisions.Add(Decided(first, PanelType.ResourceAndPlacement, D(2023, 12, 20), D(2023, 12, 20), PanelOutcome.Approved));
            db.PanelDecisions.Add(Decided(first, PanelType.ResourceAndPlacement, D(2023, 12, 27), null, PanelOutcome.Pending));
            db.PanelDecisions.Add(Decided(second, PanelType.ResourceAndPlacement, D(2024, 1, 2), null, PanelOutcome.Pending));
            // Edge of care: asked before the period (decided in it), and one asked and decided after it.
            db.PanelDecisions.Add(Decided(second, PanelType.EdgeOfCare, D(2023, 11, 30), D(2023, 12, 4), PanelOutcome.Approved));
            db.PanelDecisions.Add(Decided(second, PanelType.EdgeOfCare, D(2024, 2, 1), D(2024, 2, 2), PanelOutcome.Approved));
        });

        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        WorkLists.Forget(server.Services.GetRequiredService<IMemoryCache>());
        var (response, html) = await manager.GetAsync("/workforce/panels?from=2023-12-01&to=2024-01-31");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        html = WebUtility.HtmlDecode(html);
        var summary = WorkViewTests.Table(html, "panel-summary-table");

        // Legal gateway: waits 1, 5, 6, 11: median (5 + 6) / 2 = 5.5, mean 23 / 4 = 5.75, shown 5.8.
        Assert.Equal(["Legal gateway (pre-proceedings) panel", "4", "4", "0", "5.5", "5.8", "None"], Cells(Row(summary, "Legal gateway (pre-proceedings) panel")));
        // Resource and placement: one decided the same day (0); the longest waiting, asked Wed 27 Dec
        // 2023, has waited 589 weekdays to Tue 31 March 2026, less the 17 bank holidays after it
        // (1 January, 29 March, 1 April, 6 and 27 May, 26 August, 25 and 26 December 2024; 1 January,
        // 18 and 21 April, 5 and 26 May, 25 August, 25 and 26 December 2025; 1 January 2026) = 572.
        Assert.Equal(["Resource and placement panel", "3", "1", "2", "0", "0", "572"], Cells(Row(summary, "Resource and placement panel")));
        // Edge of care: nothing asked in the period.
        Assert.Equal(["Edge of care panel", "0", "0", "0", "None", "None", "None"], Cells(Row(summary, "Edge of care panel")));

        // Waiting longest first: these two have waited longer than anything else in the team. The
        // second, asked Tue 2 Jan 2024: 585 weekdays less 16 bank holidays (1 January 2024 is not after it) = 569.
        var pending = Rows(WorkViewTests.Table(html, "pending-table"));
        Assert.True(pending.Count >= 2, "the two waiting requests are listed");
        Assert.Equal([ChildName, "Resource and placement panel", "27 December 2023", "572"], Cells(pending[0]));
        Assert.Equal([ChildName, "Resource and placement panel", "2 January 2024", "569"], Cells(pending[1]));
        Assert.Contains($"href=\"/children/{first}\"", pending[0], StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{second}\"", pending[1], StringComparison.Ordinal);

        // The decisions made in the period, newest first, whenever they were asked; not the one after it.
        var decisions = Rows(WorkViewTests.Table(html, "decisions-table"));
        Assert.Equal(
            [
                $"{ChildName}|Legal gateway (pre-proceedings) panel|29 December 2023|9 January 2024|Deferred|6",
                $"{ChildName}|Legal gateway (pre-proceedings) panel|18 December 2023|5 January 2024|Approved|11",
                $"{ChildName}|Legal gateway (pre-proceedings) panel|21 December 2023|2 January 2024|Declined|5",
                $"{ChildName}|Legal gateway (pre-proceedings) panel|22 December 2023|27 December 2023|Approved|1",
                $"{ChildName}|Resource and placement panel|20 December 2023|20 December 2023|Approved|0",
                $"{ChildName}|Edge of care panel|30 November 2023|4 December 2023|Approved|2",
            ],
            decisions.Select(r => string.Join('|', Cells(r))));

        // The director sees every team's requests, these among them.
        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        var (all, allHtml) = await director.GetAsync("/workforce/panels?from=2023-12-01&to=2024-01-31");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(["Legal gateway (pre-proceedings) panel", "4", "4", "0", "5.5", "5.8", "None"], Cells(Row(WorkViewTests.Table(WebUtility.HtmlDecode(allHtml), "panel-summary-table"), "Legal gateway (pre-proceedings) panel")));

        // By default the last 12 months to today: none of these requests was made in it.
        var (_, recent) = await manager.GetAsync("/workforce/panels");
        Assert.Contains("Requests made from 1 April 2025 to 31 March 2026", recent, StringComparison.Ordinal);
        Assert.DoesNotContain("9 January 2024", recent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_social_worker_may_not_see_the_panels_page_and_bad_periods_are_refused_showing_nothing_else()
    {
        var worker = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var (denied, _) = await worker.GetAsync("/workforce/panels");
        var location = denied.Headers.Location is { } l ? new Uri(server.RootUri, l).AbsolutePath : null;
        Assert.True(
            denied.StatusCode == HttpStatusCode.Forbidden || (denied.StatusCode == HttpStatusCode.Redirect && location == "/account/access-denied"),
            $"a social worker got {(int)denied.StatusCode} {location}");

        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        await AssertPeriodRefusedAsync(manager, "from=2025-02-30", "from", "The start of the period must be a real date written like 2026-03-31");
        await AssertPeriodRefusedAsync(manager, "from=1%2F4%2F2025", "from", "The start of the period must be a real date written like 2026-03-31");
        await AssertPeriodRefusedAsync(manager, "to=yesterday", "to", "The end of the period must be a real date written like 2026-03-31");
        await AssertPeriodRefusedAsync(manager, "from=1999-12-31&to=2000-06-30", "from", "The start of the period must be between 1 January 2000 and 31 December 2050");
        await AssertPeriodRefusedAsync(manager, "from=2026-03-01&to=2026-02-28", "from", "The start of the period must be the same as or before its end, 28 February 2026");
        await AssertPeriodRefusedAsync(manager, "from=2021-03-30&to=2026-03-31", "to", "The period must be 5 years or shorter: choose an end on or before 30 March 2026");

        // Exactly five years is allowed.
        var (ok, html) = await manager.GetAsync("/workforce/panels?from=2021-03-31&to=2026-03-31");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.DoesNotContain("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("id=\"panel-summary-table\"", html, StringComparison.Ordinal);
        var (badTeam, _) = await manager.GetAsync("/workforce/panels?team=987654321");
        Assert.Equal(HttpStatusCode.NotFound, badTeam.StatusCode);
    }

    private async Task AssertPeriodRefusedAsync(Session session, string query, string field, string message)
    {
        var (response, html) = await session.GetAsync("/workforce/panels?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("<title>Error: ", text, StringComparison.Ordinal);
        Assert.True(text.Contains($"<a href=\"#{field}\">{message}</a>", StringComparison.Ordinal), $"{query}: expected '{message}' linked to #{field}");
        Assert.Contains($"id=\"{field}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("panel-summary-table", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pending-table", text, StringComparison.Ordinal);
        Assert.DoesNotContain("decisions-table", text, StringComparison.Ordinal);
    }

    private static PanelDecision Decided(long child, PanelType panel, DateOnly requested, DateOnly? decided, PanelOutcome outcome) =>
        new() { ChildId = child, Panel = panel, RequestDate = requested, DecisionDate = decided, Outcome = outcome, Notes = "Asked in the panels test." };

    /// <summary>The name <see cref="JourneyData.AddChildAsync"/> gives every child.</summary>
    private const string ChildName = "Juniper Assessment-Journey";

    /// <summary>A new social worker in the demo team manager's team, managed by them.</summary>
    private async Task<long> NewTeamWorkerAsync()
    {
        var manager = await data.WorkerIdAsync(StaffRole.TeamManager);
        var team = await data.QueryAsync(db => db.Workers.Where(w => w.Id == manager).Select(w => w.TeamId).SingleAsync(Ct));
        var worker = new Worker
        {
            StaffId = "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            GivenName = "Pia",
            FamilyName = "Panel-" + Guid.NewGuid().ToString("N")[..6],
            Role = WorkerRole.SocialWorker,
            TeamId = team,
            ManagerId = manager,
            Employment = EmploymentType.Employed,
            Registration = "SW" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture),
            StartDate = new DateOnly(2020, 1, 6),
        };
        await data.SaveAsync(db => db.Workers.Add(worker));
        // The worker directory is kept for a minute: the new worker must be in it.
        Lantern.Web.Access.ChildAccessService.ForgetDirectory(server.Services.GetRequiredService<IMemoryCache>());
        return worker.Id;
    }

    private static string Row(string table, string header)
    {
        var row = Rows(table).SingleOrDefault(r => Cells(r).FirstOrDefault() == header);
        Assert.True(row is not null, $"no row for {header}");
        return row!;
    }

    private static List<string> Rows(string table) =>
        [.. RowPattern().Matches(table[table.IndexOf("<tbody", StringComparison.Ordinal)..]).Select(m => m.Value)];

    private static List<string> Cells(string row) =>
        [.. CellPattern().Matches(row).Select(m => WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[1].Value, "")).Trim())];

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
