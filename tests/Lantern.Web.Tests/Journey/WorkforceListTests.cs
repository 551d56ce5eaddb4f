using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Tests.Infrastructure;
using Lantern.Web.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>The supervision, management oversight and changes of worker pages, for a worker and
/// children made in the test in the demo team manager's team, with every figure counted by hand on
/// the calendar of February and March 2026 (no bank holidays; "today" is Tuesday 31 March 2026).</summary>
public sealed partial class WorkforceListTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JourneyData data = new(server);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task Overdue_supervision_oversight_gaps_and_three_changes_of_worker_are_listed_as_counted_by_hand()
    {
        Assert.Equal(D(2026, 3, 31), data.Today);
        var w = await data.NewTeamWorkerAsync("Wilhelmina");
        var a = await data.NewTeamWorkerAsync("Anselm", left: D(2025, 12, 1));
        var b = await data.NewTeamWorkerAsync("Bettany", left: D(2025, 8, 1));
        var manager = await data.WorkerIdAsync(StaffRole.TeamManager);

        // Child 1: allocated to W from Monday 5 January 2026 with an open referral; discussed in case
        // supervision on Monday 19 January; last management decision Sunday 1 February.
        var c1 = await data.AddChildAsync();
        // Child 2: A (from 1 January 2025), B (1 May), A again (1 August), W (1 December 2025).
        var c2 = await data.AddChildAsync();
        await data.SaveAsync(db =>
        {
            db.Referrals.Add(new Referral { ChildId = c1, ReferralDate = D(2026, 1, 5), Source = ReferralSource.Schools, PrimaryNeed = PrimaryNeed.AbuseOrNeglect });
            db.Allocations.Add(new Allocation { ChildId = c1, WorkerId = w.Id, StartDate = D(2026, 1, 5) });
            db.Supervisions.Add(new Supervision { Kind = SupervisionKind.Case, WorkerId = w.Id, SupervisorId = manager, ChildId = c1, Date = D(2026, 1, 19), Discussion = "Plan" });
            db.Supervisions.Add(new Supervision { Kind = SupervisionKind.Personal, WorkerId = w.Id, SupervisorId = manager, Date = D(2026, 2, 2), Discussion = "Caseload" });
            db.ManagementDecisions.Add(new ManagementDecision { ChildId = c1, ManagerId = manager, Date = D(2026, 2, 1), Decision = "Continue assessment", Rationale = "Risk unclear" });
            db.Referrals.Add(new Referral { ChildId = c2, ReferralDate = D(2025, 1, 1), Source = ReferralSource.Schools, PrimaryNeed = PrimaryNeed.AbuseOrNeglect });
            db.Allocations.Add(new Allocation { ChildId = c2, WorkerId = a.Id, StartDate = D(2025, 1, 1), EndDate = D(2025, 5, 1) });
            db.Allocations.Add(new Allocation { ChildId = c2, WorkerId = b.Id, StartDate = D(2025, 5, 1), EndDate = D(2025, 8, 1) });
            db.Allocations.Add(new Allocation { ChildId = c2, WorkerId = a.Id, StartDate = D(2025, 8, 1), EndDate = D(2025, 12, 1) });
            db.Allocations.Add(new Allocation { ChildId = c2, WorkerId = w.Id, StartDate = D(2025, 12, 1) });
            db.ManagementDecisions.Add(new ManagementDecision { ChildId = c2, ManagerId = manager, Date = D(2026, 3, 20), Decision = "Step down", Rationale = "Progress" });
        });
        WorkLists.Forget(server.Services.GetRequiredService<IMemoryCache>());
        var s = await SessionPool.ForAsync(server, StaffRole.TeamManager);

        // Personal supervision on Monday 2 February is due 20 working days later: 3-6 February (4),
        // 9-13 (9), 16-20 (14), 23-27 (19), Monday 2 March (20). Overdue by the working days after 2 March
        // to 31 March: 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19), 30 and 31 (21).
        var (page, html) = await s.GetAsync("/workforce/supervision");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var personal = WorkerRow(WorkViewTests.Table(html, "personal-table"), w.Id);
        Assert.Contains("datetime=\"2026-02-02\"", personal, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2026-03-02\"", personal, StringComparison.Ordinal);
        Assert.Contains(">21 working days<", personal, StringComparison.Ordinal);

        // Case supervision on Monday 19 January is due 30 working days later: 20-23 January (4),
        // 26-30 (9), 2-6 February (14), 9-13 (19), 16-20 (24), 23-27 (29), Monday 2 March (30); overdue by 21.
        var caseRow = WorkViewTests.Row(WorkViewTests.Table(html, "case-table"), c1);
        Assert.Contains("datetime=\"2026-01-19\"", caseRow, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2026-03-02\"", caseRow, StringComparison.Ordinal);
        Assert.Contains(">21 working days<", caseRow, StringComparison.Ordinal);

        // Child 2 was allocated to W on 1 December 2025 and never discussed: due 30 working days
        // later, not counting Christmas Day, Boxing Day and New Year's Day: 2-5 December (4), 8-12 (9),
        // 15-19 (14), 22-24 (17), 29-31 (20), 2 January (21), 5-9 (26), 12-15 (30): Thursday 15 January 2026.
        var caseRow2 = WorkViewTests.Row(WorkViewTests.Table(html, "case-table"), c2);
        Assert.Contains(">Never<", caseRow2, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2026-01-15\"", caseRow2, StringComparison.Ordinal);

        // Oversight: child 1's last decision was 1 February, 58 days before 31 March (28 in February
        // less the 1st = 27, plus 31 in March), more than 30. Child 2's, on 20 March, is 11 days old.
        var (oversight, oversightHtml) = await s.GetAsync("/workforce/oversight");
        Assert.Equal(HttpStatusCode.OK, oversight.StatusCode);
        var gaps = WorkViewTests.Table(oversightHtml, "gaps-table");
        var gap = WorkViewTests.Row(gaps, c1);
        Assert.Contains("datetime=\"2026-02-01\"", gap, StringComparison.Ordinal);
        Assert.Contains(">58 days<", gap, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/children/{c2}\"", gaps, StringComparison.Ordinal);

        // Changes of worker in the 12 months after 31 March 2025: to B on 1 May, back to A on
        // 1 August, to W on 1 December: 3 changes, 3 workers (A held the child on 1 April).
        // Child 1's first and only worker is no change.
        var (changes, changesHtml) = await s.GetAsync("/workforce/changes");
        Assert.Equal(HttpStatusCode.OK, changes.StatusCode);
        var table = WorkViewTests.Table(changesHtml, "changes-table");
        var cells = Cells(WorkViewTests.Row(table, c2));
        Assert.Equal(["3", "3"], cells[^2..]);
        Assert.DoesNotContain($"href=\"/children/{c1}\"", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_social_worker_may_not_see_the_workforce_lists_and_a_team_outside_the_scope_is_not_found()
    {
        var sw = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var tm = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        foreach (var path in new[] { "/workforce/supervision", "/workforce/oversight", "/workforce/changes" })
        {
            var (denied, _) = await sw.GetAsync(path);
            var location = denied.Headers.Location is { } l ? new Uri(server.RootUri, l).AbsolutePath : null;
            Assert.True(
                denied.StatusCode == HttpStatusCode.Forbidden || (denied.StatusCode == HttpStatusCode.Redirect && location == "/account/access-denied"),
                $"a social worker got {(int)denied.StatusCode} {location} for {path}");
            var (bad, _) = await tm.GetAsync(path + "?team=abc");
            var (missing, _) = await tm.GetAsync(path + "?team=987654321");
            Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    [Fact]
    public async Task The_dashboard_shows_each_chart_with_its_table_and_the_census_and_unallocated_figures_agree_with_the_record()
    {
        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        WorkLists.Forget(server.Services.GetRequiredService<IMemoryCache>());
        var (page, html) = await director.GetAsync("/workforce");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        foreach (var chart in new[] { "caseload-chart", "agency-turnover-chart", "supervision-chart", "unallocated-chart", "panel-chart" })
        {
            Assert.Contains($"id=\"{chart}\"", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{chart}-table\"", html, StringComparison.Ordinal);
        }

        // The census at 30 September 2025, worked again here from the whole record. Other tests add
        // workers while this runs: read the record before and after the page, and compare when
        // nothing changed in between.
        Task<Lantern.Domain.Staffing.WorkforceCensus> CensusAsync() => data.QueryAsync(async db => Lantern.Domain.Staffing.WorkforceCensus.On(
            D(2025, 9, 30),
            await db.Teams.AsNoTracking().ToListAsync(Ct),
            await db.Workers.AsNoTracking().ToListAsync(Ct),
            await db.Allocations.AsNoTracking().ToListAsync(Ct),
            await db.WorkerAbsences.AsNoTracking().ToListAsync(Ct)));
        for (var attempt = 1; ; attempt++)
        {
            var before = await CensusAsync();
            WorkLists.Forget(server.Services.GetRequiredService<IMemoryCache>());
            var (_, dashboard) = await director.GetAsync("/workforce");
            var after = await CensusAsync();
            if (before != after && attempt < 5)
            {
                continue;
            }

            var row = Cells(RowPattern().Matches(WorkViewTests.Table(dashboard, "agency-turnover-chart-table")).Select(m => m.Value).Single(r => r.Contains(">2025<", StringComparison.Ordinal)));
            Assert.Equal([Percent(after.AgencyRate), Percent(after.TurnoverRate), Percent(after.VacancyRate)], row[1..]);
            break;
        }

        // Unallocated today, as the team work page counts the council's. Other tests move children in
        // and out of the queue while this runs, so both are read again (fresh) until they are read in
        // the same quiet moment.
        string counted = "", shown = "";
        for (var attempt = 0; attempt < 5 && (counted.Length == 0 || counted != shown); attempt++)
        {
            WorkLists.Forget(server.Services.GetRequiredService<IMemoryCache>());
            var (_, dashboard) = await director.GetAsync("/workforce");
            var (_, teamWork) = await director.GetAsync("/team-work");
            counted = Regex.Match(teamWork, @"([0-9,]+) unallocated children").Groups[1].Value;
            shown = Cells(RowPattern().Matches(WorkViewTests.Table(dashboard, "unallocated-chart-table")).Select(m => m.Value).Last())[1];
        }

        Assert.Equal(counted, shown);
    }

    [Fact]
    public async Task The_standards_are_read_by_managers_changed_only_by_a_director_and_bad_answers_change_nothing()
    {
        var tm = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var (read, readHtml) = await tm.GetAsync("/workforce/settings");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain("<form method=\"post\"", readHtml, StringComparison.Ordinal);
        var stored = () => data.QueryAsync(db => db.Authorities.AsNoTracking().OrderBy(a => a.Id).Select(a => a.WorkforceStandards).FirstAsync(Ct));
        // The form is not shown to them: post with a token from a form they do have.
        var own = await data.WorkerIdAsync(StaffRole.TeamManager);
        var (refused, _) = await tm.PostFormAsync($"/workforce/workers/{own}/supervision", Good(), "/workforce/settings");
        var location = refused.Headers.Location is { } l ? new Uri(server.RootUri, l).AbsolutePath : null;
        Assert.True(
            refused.StatusCode == HttpStatusCode.Forbidden || (refused.StatusCode == HttpStatusCode.Redirect && location == "/account/access-denied"),
            $"a team manager changing the standards got {(int)refused.StatusCode} {location}");
        Assert.Null(await stored());

        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        var path = "/workforce/settings";
        await data.AssertRefusedAsync(director, path, RecordTestData.With(Good(), ("ChildProtection", "one and a half")), "f-child-protection", "Enter the weight of a child on a protection plan as a number, like 1.5", stored);
        await data.AssertRefusedAsync(director, path, RecordTestData.With(Good(), ("ChildProtection", "")), "f-child-protection", "Enter the weight of a child on a protection plan", stored);
        await data.AssertRefusedAsync(director, path, RecordTestData.With(Good(), ("Threshold", "-3")), "f-threshold", "The caseload threshold must be more than 0 and no more than 100", stored);
        await data.AssertRefusedAsync(director, path, RecordTestData.With(Good(), ("NewlyQualifiedWorkingDays", "25")), "f-newly-qualified-working-days", "Supervision of newly qualified workers must be due at least as often as for other workers", stored);
        await data.AssertRefusedAsync(director, path, RecordTestData.With(Good(), ("CaseWorkingDays", "20.5")), "f-case-working-days", "Enter the case supervision of each allocated child due every (working days) as a whole number, like 20", stored);
        await data.AssertRefusedAsync(director, path, RecordTestData.With(Good(), ("OversightDays", "0")), "f-oversight-days", "Management oversight must be due every 1 to 365 days", stored);

        // A longer oversight period (no other test depends on the 30-day default being exactly 30).
        try
        {
            var (saved, _) = await director.PostFormAsync(path, RecordTestData.With(Good(), ("OversightDays", "45")));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(45, Lantern.Domain.Staffing.WorkforceStandards.FromJson(await stored(), out _).Oversight.Days);
            var (_, oversight) = await director.GetAsync("/workforce/oversight");
            Assert.Contains("at least every 45 days", oversight, StringComparison.Ordinal);
            var audit = await data.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.WorkforceChanged && e.RecordType == "council").ToListAsync(Ct));
            Assert.Contains(audit, e => e.Detail!.Contains("\"Days\":45", StringComparison.Ordinal));
        }
        finally
        {
            await data.SaveAsync(db => db.Authorities.OrderBy(a => a.Id).First().WorkforceStandards = null);
            Lantern.Web.Work.ChildFiles.ForgetSettings();
        }
    }

    /// <summary>The default standards, as the form posts them.</summary>
    private static Dictionary<string, string> Good() => new()
    {
        ["InProceedings"] = "2",
        ["ChildProtection"] = "1.5",
        ["LookedAfter"] = "1.25",
        ["OpenAssessment"] = "1",
        ["ChildInNeed"] = "1",
        ["CareLeaver"] = "0.5",
        ["Other"] = "1",
        ["Threshold"] = "20",
        ["NewlyQualifiedThreshold"] = "17",
        ["PersonalWorkingDays"] = "20",
        ["NewlyQualifiedWorkingDays"] = "10",
        ["CaseWorkingDays"] = "30",
        ["OversightDays"] = "30",
    };

    private static string Percent(decimal? value) => value is { } v ? v.ToString(v == Math.Round(v) ? "N0" : "0.0", CultureInfo.InvariantCulture) + "%" : "No figure";

    private static string WorkerRow(string table, long workerId)
    {
        var row = RowPattern().Matches(table).Select(m => m.Value).FirstOrDefault(r => r.Contains($"href=\"/workforce/workers/{workerId}\"", StringComparison.Ordinal));
        Assert.True(row is not null, $"worker {workerId} is not listed");
        return row!;
    }

    private static string[] Cells(string row) =>
        [.. CellPattern().Matches(row).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim())];

    [GeneratedRegex("<tr class=\"govuk-table__row\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
