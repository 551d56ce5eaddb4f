using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Staffing;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Tests.Infrastructure;
using Lantern.Web.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>The caseloads page: a team manager sees each case-holding worker of their team with the
/// children allocated today and the weighted caseload, each figure worked out again here from the
/// database one worker at a time; a social worker may not see it.</summary>
public sealed partial class CaseloadTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_team_manager_sees_each_workers_children_and_weighted_caseload_as_the_record_has_them()
    {
        var manager = await RecordTestData.WorkerIdAsync(server, StaffRole.TeamManager);
        var session = await SessionPool.ForAsync(server, StaffRole.TeamManager);

        // Lists drawn from many files are kept for up to a minute: start from a fresh one.
        WorkLists.Forget(server.Services.GetRequiredService<IMemoryCache>());
        var (response, html) = await session.GetAsync("/workforce/caseloads");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = WorkViewTests.Table(html, "caseload-table");

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var today = server.Services.GetRequiredService<LanternDataOptions>().Today;
        var team = await db.Workers.AsNoTracking().Where(w => w.Id == manager).Select(w => w.TeamId).SingleAsync(Ct);
        var members = await db.Workers.AsNoTracking().Where(w => w.TeamId == team).ToListAsync(Ct);
        var holding = members.Where(w => w.HoldsCases && w.IsInPost(today)).ToList();
        Assert.NotEmpty(holding);
        var checkedWithChildren = 0;
        // The demo accounts' workers are left out: other tests give them children while this one runs.
        var demo = await db.Users.AsNoTracking().Where(u => u.WorkerId != null).Select(u => u.WorkerId!.Value).ToListAsync(Ct);
        foreach (var worker in holding.Where(w => !demo.Contains(w.Id) && members.Count(m => m.DisplayName == w.DisplayName) == 1))
        {
            var childIds = await db.Allocations.AsNoTracking()
                .Where(a => a.WorkerId == worker.Id && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
                .Select(a => a.ChildId).Distinct().ToListAsync(Ct);
            var files = new List<Lantern.Domain.Clock.ChildFile>();
            foreach (var id in childIds)
            {
                var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
                if (child.DateOfDeath is null || child.DateOfDeath > today)
                {
                    files.Add(await ChildFileLoader.LoadAsync(db, child, Ct));
                }
            }

            var expected = Caseload.Of(worker, files, today, CaseloadWeights.Default);
            var row = Row(table, worker.DisplayName);
            var cells = Regex.Matches(row, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim()).ToList();
            Assert.Equal(expected.Children.ToString("N0", CultureInfo.InvariantCulture), cells[3]);
            Assert.Equal(expected.Weighted.ToString("0.##", CultureInfo.InvariantCulture), cells[4]);
            Assert.Equal(expected.Threshold.ToString("0.##", CultureInfo.InvariantCulture), cells[5]);
            Assert.Equal(expected.OverThreshold ? "Over" : "Within", cells[6]);
            checkedWithChildren += expected.Children > 0 ? 1 : 0;
        }

        Assert.True(checkedWithChildren > 0, "no worker of the team holds children: nothing was checked");
        Assert.DoesNotContain(members.Where(w => !w.HoldsCases), w => table.Contains($">{w.DisplayName}<", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_social_worker_may_not_see_caseloads_and_a_bad_team_is_not_found()
    {
        var worker = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var (denied, _) = await worker.GetAsync("/workforce/caseloads");
        var location = denied.Headers.Location is { } l ? new Uri(server.RootUri, l).AbsolutePath : null;
        Assert.True(
            denied.StatusCode == HttpStatusCode.Forbidden || (denied.StatusCode == HttpStatusCode.Redirect && location == "/account/access-denied"),
            $"a social worker got {(int)denied.StatusCode} {location}");

        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        var (all, html) = await director.GetAsync("/workforce/caseloads");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Contains("id=\"distribution-table\"", html, StringComparison.Ordinal);
        var (bad, _) = await director.GetAsync("/workforce/caseloads?team=abc");
        var (missing, _) = await director.GetAsync("/workforce/caseloads?team=987654321");
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static string Row(string table, string name)
    {
        var encoded = WebUtility.HtmlEncode(name);
        var row = Regex.Matches(table, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .SingleOrDefault(r => r.Contains($">{encoded}<", StringComparison.Ordinal));
        Assert.True(row is not null, $"no row for {name}");
        return row!;
    }
}
