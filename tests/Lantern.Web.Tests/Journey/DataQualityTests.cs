using System.Net;
using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Returns;
using Lantern.Returns.Validation;
using Lantern.Web.Data;
using Lantern.Web.Tests.Infrastructure;
using Lantern.Web.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>
/// The data-quality pages on the demo authority: a worker's list holds exactly the children allocated to them whose
/// records break a rule in the current year's returns made from the record (worked out here again from the database
/// and the rule engine), each linked to the record; a manager sees their team by worker and by rule and may open a
/// worker's list, but not one outside their team; a social worker may not see the team page.
/// </summary>
public sealed partial class DataQualityTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_worker_sees_the_children_allocated_to_them_whose_records_break_a_rule()
    {
        var me = await RecordTestData.WorkerIdAsync(server, StaffRole.SocialWorker);
        var session = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        WorkLists.Forget(server.Services.GetRequiredService<IMemoryCache>());
        var (response, html) = await session.GetAsync("/data-quality");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your records that would fail the return", html, StringComparison.Ordinal);
        Assert.Contains("id=\"history-table\"", html, StringComparison.Ordinal);

        // Worked out again: the record as the store has it now, the rules, and who holds each child today.
        var options = server.Services.GetRequiredService<LanternDataOptions>();
        var data = await SnapshotLoader.LoadAsync(options.Target, Ct);
        var today = options.Today;
        var year = new CollectionYear(today.Month >= 4 ? today.Year + 1 : today.Year);
        var mine = data.Allocations.Where(a => a.WorkerId == me && a.StartDate <= today && (a.EndDate is null || a.EndDate >= today)).Select(a => a.ChildId).ToHashSet();
        var expected = RecordValidation.Validate(data, year).Issues.Where(i => mine.Contains(i.ChildId)).Select(i => i.ChildId).ToHashSet();

        var listed = ChildLinks().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(expected.Order(), listed.Order());
        if (expected.Count == 0)
        {
            Assert.Contains("id=\"no-issues\"", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("id=\"records-table\"", html, StringComparison.Ordinal);
        }

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Detail != null && e.Detail.StartsWith("data quality, my records"), Ct));
    }

    [Fact]
    public async Task A_manager_sees_their_team_by_worker_and_rule_and_opens_a_workers_list_but_not_another_teams()
    {
        var session = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var (response, html) = await session.GetAsync("/data-quality/team");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"history-table\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"errors-count\"", html, StringComparison.Ordinal);

        var manager = await RecordTestData.WorkerIdAsync(server, StaffRole.TeamManager);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var team = await db.Workers.AsNoTracking().Where(w => w.Id == manager).Select(w => w.TeamId).SingleAsync(Ct);
        var teamWorkers = await db.Workers.AsNoTracking().Where(w => w.TeamId == team).Select(w => w.Id).ToListAsync(Ct);
        var linked = WorkerLinks().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(linked, id => Assert.Contains(id, teamWorkers));

        var someone = linked.Count > 0 ? linked[0] : manager;
        var (own, ownHtml) = await session.GetAsync($"/data-quality/workers/{someone}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Records that break a rule", ownHtml, StringComparison.Ordinal);

        var outsider = await db.Workers.AsNoTracking().Where(w => w.TeamId != team).Select(w => w.Id).FirstAsync(Ct);
        var (other, _) = await session.GetAsync($"/data-quality/workers/{outsider}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var (badTeam, _) = await session.GetAsync("/data-quality/team?team=nonsense");
        Assert.Equal(HttpStatusCode.NotFound, badTeam.StatusCode);
    }

    [Fact]
    public async Task A_social_worker_may_not_see_the_team_page()
    {
        var worker = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var (denied, _) = await worker.GetAsync("/data-quality/team");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [GeneratedRegex("href=\"/children/(\\d+)\"")]
    private static partial Regex ChildLinks();

    [GeneratedRegex("href=\"/data-quality/workers/(\\d+)\"")]
    private static partial Regex WorkerLinks();
}
