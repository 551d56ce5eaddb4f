using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Tests.Infrastructure;
using Lantern.Web.Tests.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lantern.Web.Tests.Browser;

/// <summary>The workforce pages in the browser (issue 5): the demo team manager reallocates a leaving
/// worker's caseload: one child to a colleague, one to the unallocated queue, after the form has
/// refused to let the worker leave with a child unchosen; then allocates the queued child from the
/// team's unallocated list. Every page visited is checked with axe (serious and critical issues) and
/// for content security policy violations, the workforce dashboard and lists included.</summary>
public sealed class WorkforceBrowserTests(LanternWebServer server, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JourneyData data = new(server);

    [Fact]
    public async Task A_team_manager_reallocates_a_leavers_caseload_and_allocates_from_the_queue_with_no_accessibility_issues()
    {
        var today = data.Today;
        var manager = await data.WorkerIdAsync(StaffRole.TeamManager);
        var team = await data.QueryAsync(db => db.Workers.Where(w => w.Id == manager).Select(w => w.TeamId).SingleAsync(Ct));
        var suffix = new string([.. Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);
        Worker NewWorker(string given) => new()
        {
            StaffId = "B" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            GivenName = given,
            FamilyName = "Leaverton" + suffix,
            Role = WorkerRole.SocialWorker,
            TeamId = team,
            ManagerId = manager,
            Employment = EmploymentType.Employed,
            StartDate = new DateOnly(2021, 9, 1),
            Registration = "SW123456",
        };
        var leaver = NewWorker("Lorcan");
        var colleague = NewWorker("Clementine");
        await data.SaveAsync(db => db.Workers.AddRange(leaver, colleague));
        ChildAccessService().Invoke();

        var first = await data.AddChildAsync();
        var second = await data.AddChildAsync();
        await data.SaveAsync(db =>
        {
            foreach (var child in new[] { first, second })
            {
                db.Referrals.Add(new Referral { ChildId = child, ReferralDate = today.AddDays(-70), Source = ReferralSource.Schools, PrimaryNeed = PrimaryNeed.AbuseOrNeglect });
                db.Allocations.Add(new Allocation { ChildId = child, WorkerId = leaver.Id, StartDate = today.AddDays(-70) });
            }
        });

        var findings = new JourneyFindings();
        await using var page = await browser.NewPageAsync(server.RootUri);
        var tm = new JourneyTab(page, "team manager", findings);
        await BrowserSignIn.SignInAsync(page, DemoAccess.UserName(StaffRole.TeamManager));

        // The dashboard and the lists behind it.
        await tm.OpenAsync("/workforce");
        await tm.OpenAsync("/workforce/caseloads");
        await tm.OpenAsync("/workforce/supervision");
        await tm.OpenAsync("/workforce/oversight");
        await tm.OpenAsync("/workforce/changes");
        await tm.OpenAsync("/workforce/settings");
        await tm.OpenAsync("/workforce/teams");
        await tm.OpenAsync("/workforce/workers");
        await tm.OpenAsync("/workforce/workers/new");
        await tm.OpenAsync("/workforce/census");
        await tm.OpenAsync("/workforce/panels");

        // The leaver's page, from the caseloads list.
        await tm.OpenAsync($"/workforce/workers/{leaver.Id}");
        Assert.Equal(2, await page.Page.Locator("#children-table tbody tr").CountAsync());
        await tm.ClickAsync(page.Page.GetByRole(AriaRole.Link, new() { Name = $"Record that {leaver.DisplayName} is leaving" }));
        Assert.Equal($"/workforce/workers/{leaver.Id}/leaving", tm.Path);

        // Leaving with a child unchosen is refused, and nothing is saved.
        await tm.DateAsync("LeftDate", today.AddDays(10));
        await tm.SelectAsync($"Child{first}", colleague.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await tm.PressAsync("Record leaving");
        Assert.Contains("Choose a new worker for Juniper Assessment-Journey or move them to the unallocated queue", await tm.ErrorsAsync(), StringComparison.Ordinal);
        Assert.Null(await data.QueryAsync(db => db.Workers.Where(w => w.Id == leaver.Id).Select(w => w.LeftDate).SingleAsync(Ct)));

        // The answers given are kept; choose the queue for the second child and save.
        Assert.Equal(colleague.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Page.Locator("#" + JourneyTab.Id($"Child{first}")).InputValueAsync());
        await tm.SelectAsync($"Child{second}", "queue");
        var banner = await tm.SaveAsync("Record leaving", $"/workforce/workers/{leaver.Id}");
        Assert.Equal($"{leaver.DisplayName}'s leaving is recorded: 1 child reallocated, 1 moved to the unallocated queue", banner);

        var firstNow = await data.QueryAsync(db => db.Allocations.AsNoTracking().Where(a => a.ChildId == first).OrderBy(a => a.StartDate).ThenBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal((colleague.Id, today, (SocialWorkerChangeReason?)SocialWorkerChangeReason.WorkerLeft), (firstNow[^1].WorkerId, firstNow[^1].StartDate, firstNow[^1].Reason));
        Assert.Equal(today, (await data.QueryAsync(db => db.Allocations.AsNoTracking().SingleAsync(a => a.ChildId == second, Ct))).EndDate);

        // Tomorrow the second child waits in the team's queue; today the leaver's allocation still runs
        // to the end of the day, so allocate it at once from the child's allocation page.
        Lantern.Web.Work.WorkLists.Forget(server.Services.GetRequiredService<IMemoryCache>());
        await tm.OpenAsync($"/children/{second}/allocation");
        await tm.SelectAsync("WorkerId", colleague.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await tm.SelectAsync("Reason", "LEFTRL");
        await tm.SaveAsync("Allocate", $"/children/{second}");
        var secondNow = await data.QueryAsync(db => db.Allocations.AsNoTracking().Where(a => a.ChildId == second).OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal((colleague.Id, (SocialWorkerChangeReason?)SocialWorkerChangeReason.WorkerLeft), (secondNow[^1].WorkerId, secondNow[^1].Reason));

        // The colleague's page now lists both children.
        await tm.OpenAsync($"/workforce/workers/{colleague.Id}");
        Assert.Equal(2, await page.Page.Locator("#children-table tbody tr").CountAsync());
        await tm.OpenAsync("/team-work");

        findings.AssertNone("workforce-findings.txt");
    }

    private Action ChildAccessService() =>
        () => Lantern.Web.Access.ChildAccessService.ForgetDirectory(server.Services.GetRequiredService<IMemoryCache>());
}
