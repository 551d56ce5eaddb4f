using System.Globalization;
using System.Net;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Tests.Infrastructure;
using Lantern.Web.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>Allocation through the real pages: a manager allocates a child waiting in their
/// unallocated queue (a page they may open though the record is not theirs, audited as such),
/// reallocates with an SSDA903 reason (the old allocation ends on the handover day), and moves a child
/// to the queue; a leaver's children must each be reallocated or queued before the leaving saves;
/// supervision cannot be dated in the future. Every refusal names the field and saves nothing.</summary>
public sealed class AllocationTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JourneyData data = new(server);

    private static Dictionary<string, string> On(string field, DateOnly date) => RecordTestData.Date(field, date);

    /// <summary>A new child with an open referral, allocated to <paramref name="worker"/> from
    /// <paramref name="from"/> (to <paramref name="to"/> when given).</summary>
    private async Task<long> ChildAsync(long worker, DateOnly from, DateOnly? to = null)
    {
        var child = await data.AddChildAsync();
        await data.SaveAsync(db =>
        {
            db.Referrals.Add(new Referral { ChildId = child, ReferralDate = from, Source = ReferralSource.Schools, PrimaryNeed = PrimaryNeed.AbuseOrNeglect });
            db.Allocations.Add(new Allocation { ChildId = child, WorkerId = worker, StartDate = from, EndDate = to });
        });
        return child;
    }

    private Task<List<Allocation>> AllocationsAsync(long child) =>
        data.QueryAsync(db => db.Allocations.AsNoTracking().Where(a => a.ChildId == child).OrderBy(a => a.StartDate).ThenBy(a => a.Id).ToListAsync(Ct));

    private async Task<string> AllocationsTextAsync(long child) =>
        string.Join(";", (await AllocationsAsync(child)).Select(a => $"{a.WorkerId}:{a.StartDate}:{a.EndDate}:{a.Reason}"));

    [Fact]
    public async Task A_manager_allocates_a_child_from_their_queue_and_bad_choices_are_refused()
    {
        var last = await data.NewTeamWorkerAsync("Tamsin");
        var next = await data.NewTeamWorkerAsync("Tamsin");
        var leaver = await data.NewTeamWorkerAsync("Tamsin", left: data.Today.AddDays(-30));
        var nonHolder = await data.NewTeamWorkerAsync("Tamsin", WorkerRole.TeamManager);
        var child = await ChildAsync(last.Id, data.Today.AddDays(-100), data.Today.AddDays(-10));
        var s = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var path = $"/children/{child}/allocation";
        Func<Task<string>> state = () => AllocationsTextAsync(child);

        // The record is not the manager's to open (nobody is allocated: they see only that the child
        // is known), but the allocation page is.
        var (record, recordHtml) = await s.GetAsync($"/children/{child}");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Contains("Not allocated: contact the", recordHtml, StringComparison.Ordinal);
        var (page, html) = await s.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Allocate a worker", html, StringComparison.Ordinal);
        Assert.Contains($"Nobody since {Lantern.Web.Data.Display.Date(data.Today.AddDays(-10))}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{leaver.Id}\"", html, StringComparison.Ordinal);
        var read = await data.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.ChildId == child && e.Action == AuditAction.ReadRecord).ToListAsync(Ct));
        Assert.Contains(read, e => e.Basis == AccessBasis.UnallocatedQueue);

        var today = RecordTestData.With(On("StartDate", data.Today), ("record-version", await VersionAsync(s, path)));
        await data.AssertRefusedAsync(s, path, today, "f-worker-id", "Choose the worker to allocate the child to", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(today, ("WorkerId", "987654321")), "f-worker-id", "Select the worker to allocate the child to from the list", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(RecordTestData.With(today, On("StartDate", data.Today.AddDays(1))), ("WorkerId", next.Id.ToString(CultureInfo.InvariantCulture))), "f-start-date-day", "The date the allocation starts must be today or in the past", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(RecordTestData.With(today, On("StartDate", data.Today.AddDays(-20))), ("WorkerId", next.Id.ToString(CultureInfo.InvariantCulture))), "f-start-date-day", $"The child was allocated from {Show(data.Today.AddDays(-100))} to {Show(data.Today.AddDays(-10))}: the new allocation would overlap it", state);

        // A worker who left, or who does not hold cases, is not offered, and is refused if posted by hand
        // (the rules behind it, with their messages, are the domain's AllocationRules tests).
        Assert.DoesNotContain($"value=\"{nonHolder.Id}\"", html, StringComparison.Ordinal);
        foreach (var refused in new[] { leaver, nonHolder })
        {
            await data.AssertRefusedAsync(s, path, RecordTestData.With(today, ("WorkerId", refused.Id.ToString(CultureInfo.InvariantCulture))), "f-worker-id", "Select the worker to allocate the child to from the list", state);
        }

        // A form opened before someone else changed the child's allocations is refused.
        await data.AssertRefusedAsync(s, path, RecordTestData.With(today, ("WorkerId", next.Id.ToString(CultureInfo.InvariantCulture)), ("Reason", "MANAGE"), ("record-version", "1")), "f-worker-id", "Someone else changed this child's allocation while you were choosing. Check the history below and choose again", state);

        // The child had a worker before, so this is a change of worker and needs its reason.
        await data.AssertRefusedAsync(s, path, RecordTestData.With(today, ("WorkerId", next.Id.ToString(CultureInfo.InvariantCulture))), "f-reason", "Choose why the child's worker is changing", state);

        var (saved, _) = await s.PostFormAsync(path, RecordTestData.With(today, ("WorkerId", next.Id.ToString(CultureInfo.InvariantCulture)), ("Reason", "MANAGE")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/team-work#unallocated", saved.Headers.Location?.OriginalString);
        var now = await AllocationsAsync(child);
        Assert.Equal(2, now.Count);
        Assert.Equal((next.Id, data.Today, (DateOnly?)null, (SocialWorkerChangeReason?)SocialWorkerChangeReason.CaseloadManagement), (now[1].WorkerId, now[1].StartDate, now[1].EndDate, now[1].Reason));
        var written = await data.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.ChildId == child && e.Action == AuditAction.WriteRecord).ToListAsync(Ct));
        Assert.Contains(written, e => e.Basis == AccessBasis.UnallocatedQueue && e.Detail!.Contains($"allocated to worker {next.Id}", StringComparison.Ordinal));

        // Now the child is the team's, the record opens.
        var (opened, openedHtml) = await s.GetAsync($"/children/{child}");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.DoesNotContain("Not allocated: contact the", openedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reallocating_needs_a_reason_and_the_old_allocation_ends_on_the_handover_day()
    {
        var first = await data.NewTeamWorkerAsync("Tamsin");
        var second = await data.NewTeamWorkerAsync("Tamsin");
        var child = await ChildAsync(first.Id, data.Today.AddDays(-50));
        var s = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var path = $"/children/{child}/allocation";
        Func<Task<string>> state = () => AllocationsTextAsync(child);
        var (page, html) = await s.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Change the child&#x27;s worker", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{first.Id}\"", html, StringComparison.Ordinal);

        var version = await VersionAsync(s, path);
        var form = RecordTestData.With(On("StartDate", data.Today.AddDays(-5)), ("WorkerId", second.Id.ToString(CultureInfo.InvariantCulture)), ("record-version", version));
        await data.AssertRefusedAsync(s, path, form, "f-reason", "Choose why the child's worker is changing", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(form, ("Reason", "NOTACODE")), "f-reason", "Select why the child's worker is changing from the list", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(On("StartDate", data.Today.AddDays(-60)), ("WorkerId", second.Id.ToString(CultureInfo.InvariantCulture)), ("Reason", "MANAGE"), ("record-version", version)), "f-start-date-day", $"The date must be on or after {Show(data.Today.AddDays(-50))}, when the current allocation began", state);

        var (saved, _) = await s.PostFormAsync(path, RecordTestData.With(form, ("Reason", "MANAGE")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var now = await AllocationsAsync(child);
        Assert.Equal(2, now.Count);
        Assert.Equal((first.Id, data.Today.AddDays(-5)), (now[0].WorkerId, now[0].EndDate));
        Assert.Equal((second.Id, data.Today.AddDays(-5), (DateOnly?)null, (SocialWorkerChangeReason?)SocialWorkerChangeReason.CaseloadManagement), (now[1].WorkerId, now[1].StartDate, now[1].EndDate, now[1].Reason));
    }

    [Fact]
    public async Task Moving_a_child_to_the_queue_refuses_a_future_date_and_then_lists_them_unallocated_with_their_risk()
    {
        var worker = await data.NewTeamWorkerAsync("Tamsin");
        var child = await ChildAsync(worker.Id, data.Today.AddDays(-40));
        await data.SaveAsync(db => db.ChildInNeedPlans.Add(new ChildInNeedPlan { ChildId = child, StartDate = data.Today.AddDays(-30) }));
        var s = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var path = $"/children/{child}/allocation/end";
        Func<Task<string>> state = () => AllocationsTextAsync(child);
        var version = ("record-version", await VersionAsync(s, path));

        await data.AssertRefusedAsync(s, path, RecordTestData.With(On("EndDate", data.Today), version), "f-reason", "Choose why the allocation is ending", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(On("EndDate", data.Today.AddDays(2)), ("Reason", "ABSENC"), version), "f-end-date-day", "The date the allocation ends must be today or in the past", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(On("EndDate", data.Today.AddDays(-41)), ("Reason", "ABSENC"), version), "f-end-date-day", $"The date the allocation ends must be on or after {Show(data.Today.AddDays(-40))}, when it began", state);

        var (saved, _) = await s.PostFormAsync(path, RecordTestData.With(On("EndDate", data.Today.AddDays(-1)), ("Reason", "ABSENC"), version));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(data.Today.AddDays(-1), Assert.Single(await AllocationsAsync(child)).EndDate);
        var events = await data.QueryAsync(db => db.SignificantEvents.AsNoTracking().Where(e => e.ChildId == child).ToListAsync(Ct));
        Assert.Contains(events, e => e.Title == "Moved to the unallocated queue" && e.Detail.Contains("Absence cover or return", StringComparison.Ordinal));

        WorkLists.Forget(server.Services.GetRequiredService<IMemoryCache>());
        var (_, html) = await s.GetAsync("/team-work");
        var row = WorkViewTests.Row(WorkViewTests.Table(html, "unallocated-table"), child);
        Assert.Contains(">Medium<", row, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child}/allocation\"", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_social_worker_may_not_allocate_and_a_child_outside_the_queue_is_refused()
    {
        var sw = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var (own, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Allocation-Refused");
        var (denied, _) = await sw.GetAsync($"/children/{own}/allocation");
        AssertDenied(denied);

        // A closed child (nothing open) last allocated in the team is not in any queue.
        var worker = await data.NewTeamWorkerAsync("Tamsin");
        var closed = await data.AddChildAsync();
        await data.SaveAsync(db => db.Allocations.Add(new Allocation { ChildId = closed, WorkerId = worker.Id, StartDate = data.Today.AddDays(-90), EndDate = data.Today.AddDays(-60) }));
        var tm = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var (refused, _) = await tm.GetAsync($"/children/{closed}/allocation");
        AssertDenied(refused);
    }

    [Fact]
    public async Task A_leaver_cannot_leave_children_without_a_worker_and_the_leaving_saves_every_change_at_once()
    {
        var leaver = await data.NewTeamWorkerAsync("Tamsin");
        var receiver = await data.NewTeamWorkerAsync("Tamsin");
        var first = await ChildAsync(leaver.Id, data.Today.AddDays(-200));
        var second = await ChildAsync(leaver.Id, data.Today.AddDays(-20));
        var s = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var path = $"/workforce/workers/{leaver.Id}/leaving";
        Func<Task<string>> state = async () =>
            await AllocationsTextAsync(first) + "|" + await AllocationsTextAsync(second) + "|" + await data.QueryAsync(db => db.Workers.AsNoTracking().Where(w => w.Id == leaver.Id).Select(w => w.LeftDate).SingleAsync(Ct));

        var (page, html) = await s.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Their children (2)", html, StringComparison.Ordinal);
        var last = On("LeftDate", data.Today.AddDays(14));
        await data.AssertRefusedAsync(s, path, [], "f-left-date-day", "Enter the worker's last day", state);
        await data.AssertRefusedAsync(s, path, last, $"f-child{first}", "Choose a new worker for Juniper Assessment-Journey or move them to the unallocated queue", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(last, ($"Child{first}", receiver.Id.ToString(CultureInfo.InvariantCulture))), $"f-child{second}", "Choose a new worker for Juniper Assessment-Journey or move them to the unallocated queue", state);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(On("LeftDate", new DateOnly(2019, 12, 31)), ($"Child{first}", receiver.Id.ToString(CultureInfo.InvariantCulture)), ($"Child{second}", "queue")), "f-left-date-day", $"The last day must be on or after {Show(leaver.StartDate)}, when {leaver.DisplayName} started", state);

        var (saved, _) = await s.PostFormAsync(path, RecordTestData.With(last, ($"Child{first}", receiver.Id.ToString(CultureInfo.InvariantCulture)), ($"Child{second}", "queue")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/workforce/workers/{leaver.Id}", saved.Headers.Location?.OriginalString);

        // The last day is still to come, so the children change worker today.
        var firstNow = await AllocationsAsync(first);
        Assert.Equal((leaver.Id, (DateOnly?)data.Today), (firstNow[0].WorkerId, firstNow[0].EndDate));
        Assert.Equal((receiver.Id, data.Today, (SocialWorkerChangeReason?)SocialWorkerChangeReason.WorkerLeft), (firstNow[1].WorkerId, firstNow[1].StartDate, firstNow[1].Reason));
        Assert.Equal(data.Today, Assert.Single(await AllocationsAsync(second)).EndDate);
        Assert.Equal(data.Today.AddDays(14), await data.QueryAsync(db => db.Workers.AsNoTracking().Where(w => w.Id == leaver.Id).Select(w => w.LeftDate).SingleAsync(Ct)));
        var audit = await data.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => (e.RecordType == "worker" && e.RecordId == leaver.Id) || e.ChildId == first || e.ChildId == second).Where(e => e.Action != AuditAction.ReadRecord).ToListAsync(Ct));
        Assert.Contains(audit, e => e.Action == AuditAction.WorkforceChanged && e.Detail!.Contains("1 children reallocated, 1 moved", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == AuditAction.WriteRecord && e.ChildId == first && e.Detail!.Contains($"to worker {receiver.Id}", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == AuditAction.WriteRecord && e.ChildId == second && e.Detail!.Contains("unallocated", StringComparison.Ordinal));

        // Leaving again is refused.
        var (again, againHtml) = await s.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains($"{leaver.DisplayName} left on", againHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervision_cannot_be_dated_in_the_future_and_restarts_the_workers_clock()
    {
        var worker = await data.NewTeamWorkerAsync("Tamsin");
        var s = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var path = $"/workforce/workers/{worker.Id}/supervision";
        Func<Task<int>> count = () => data.QueryAsync(db => db.Supervisions.CountAsync(x => x.WorkerId == worker.Id, Ct));
        var form = RecordTestData.With(On("Date", data.Today.AddDays(1)), ("Discussion", "Caseload and wellbeing"));
        await data.AssertRefusedAsync(s, path, form, "f-date-day", "The date of the supervision must be today or in the past", count);
        await data.AssertRefusedAsync(s, path, On("Date", data.Today), "f-discussion", "Enter what was discussed", count);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(On("Date", new DateOnly(2019, 1, 2)), ("Discussion", "x")), "f-date-day", $"The date of the supervision must be on or after {Show(worker.StartDate)}, when {worker.DisplayName} started", count);

        var (saved, _) = await s.PostFormAsync(path, RecordTestData.With(On("Date", data.Today.AddDays(-1)), ("Discussion", "Caseload and wellbeing"), ("Decisions", "Reduce to 18 children"), ("Actions", "Reallocate two")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var sup = await data.QueryAsync(db => db.Supervisions.AsNoTracking().SingleAsync(x => x.WorkerId == worker.Id, Ct));
        var manager = await data.WorkerIdAsync(StaffRole.TeamManager);
        Assert.Equal((SupervisionKind.Personal, manager, data.Today.AddDays(-1), "Reduce to 18 children"), (sup.Kind, sup.SupervisorId, sup.Date, sup.Decisions));
        var (_, html) = await s.GetAsync($"/workforce/workers/{worker.Id}");
        Assert.Contains($"Last supervised on {Show(data.Today.AddDays(-1))}", html, StringComparison.Ordinal);

        // A social worker may not record supervision; a worker outside the manager's scope is not found.
        var sw = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var (denied, _) = await sw.GetAsync(path);
        AssertDenied(denied);
        var (missing, _) = await s.GetAsync("/workforce/workers/987654321/supervision");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_management_decision_needs_its_date_decision_and_rationale_and_then_counts_for_oversight()
    {
        var worker = await data.NewTeamWorkerAsync("Tamsin");
        var child = await ChildAsync(worker.Id, data.Today.AddDays(-60));
        var s = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var path = $"/children/{child}/decisions/new";
        Func<Task<int>> count = () => data.QueryAsync(db => db.ManagementDecisions.CountAsync(d => d.ChildId == child, Ct));
        var good = RecordTestData.With(On("Date", data.Today), ("Decision", "Convene a strategy discussion"), ("Rationale", "New concerns from school"));
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, On("Date", data.Today.AddDays(1))), "f-date-day", "The date of the decision must be today or in the past", count);
        await data.AssertRefusedAsync(s, path, RecordTestData.With(good, ("Rationale", "")), "f-rationale", "Enter the rationale for the decision", count);

        var (saved, _) = await s.PostFormAsync(path, good);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var decision = await data.QueryAsync(db => db.ManagementDecisions.AsNoTracking().SingleAsync(d => d.ChildId == child, Ct));
        Assert.Equal((await data.WorkerIdAsync(StaffRole.TeamManager), data.Today, "Convene a strategy discussion"), (decision.ManagerId, decision.Date, decision.Decision));

        // The child has had a decision today, so is not among those without oversight.
        WorkLists.Forget(server.Services.GetRequiredService<IMemoryCache>());
        var (_, html) = await s.GetAsync("/workforce/oversight");
        Assert.DoesNotContain($"href=\"/children/{child}\"", html, StringComparison.Ordinal);

        // A social worker may not record one.
        var sw = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var (denied, _) = await sw.GetAsync(path);
        AssertDenied(denied);
    }

    /// <summary>Refused: 403, or the redirect to the access denied page.</summary>
    private void AssertDenied(HttpResponseMessage response)
    {
        var location = response.Headers.Location is { } l ? new Uri(server.RootUri, l).AbsolutePath : null;
        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location == "/account/access-denied"),
            $"got {(int)response.StatusCode} {location}");
    }

    /// <summary>The page's allocation fingerprint, which the form carries back.</summary>
    private static async Task<string> VersionAsync(Session s, string path)
    {
        var (_, html) = await s.GetAsync(path);
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"record-version\" value=\"([0-9]+)\"");
        Assert.True(match.Success, "the form carries the allocation fingerprint");
        return match.Groups[1].Value;
    }

    private static string Show(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
