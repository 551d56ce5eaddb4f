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

/// <summary>Decision panels through the real pages: a worker requests a panel for a child open to
/// social care (one request waiting per panel), and a manager records the panel's decision (once, not
/// before the request, not in the future). Every refusal names the field and saves nothing.</summary>
public sealed class PanelTests(LanternWebServer server)
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
}
