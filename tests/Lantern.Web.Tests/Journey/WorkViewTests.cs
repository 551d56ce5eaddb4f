using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Calendar;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Tests.Infrastructure;
using Lantern.Web.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>The work views through the real pages: "my work" lists what the statutory clock says
/// is due for the practitioner's own children, most urgent first; "team work" shows a manager what
/// waits for authorisation and who is unallocated; a social worker may not see the team view.</summary>
public sealed partial class WorkViewTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task My_work_lists_the_allocated_childrens_due_items_in_urgency_order_as_the_statutory_clock_has_them()
    {
        var today = server.Services.GetRequiredService<LanternDataOptions>().Today;
        var me = await WorkerIdAsync(StaffRole.SocialWorker);

        // A child of their own with a contact received five days ago and still undecided (overdue)
        // and a referral ten days ago (its assessment upcoming).
        var child = await AddChildAsync("Wren", "Overdue-Contact");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            db.Allocations.Add(new Allocation { ChildId = child, WorkerId = me, StartDate = today.AddDays(-30) });
            db.Contacts.Add(new Contact { ChildId = child, ReceivedAt = today.AddDays(-5).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), Source = ReferralSource.Schools });
            db.Referrals.Add(new Referral { ChildId = child, ReferralDate = today.AddDays(-10), Source = ReferralSource.Schools });
            await db.SaveChangesAsync(Ct);
        }

        var expected = await ExpectedDueAsync(me, today);
        var session = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (response, html) = await session.GetAsync("/my-work");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = DueRows(html);

        // Other tests record on this worker's children at the same time: compare the children whose
        // items did not change while the page was being made, and allow no child outside both reads.
        var after = await ExpectedDueAsync(me, today);
        string Key(long childId, string title, DateOnly due) => $"{childId}|{title}|{Display.Iso(due)}";
        var stable = expected.GroupBy(e => e.ChildId)
            .Where(g => g.Select(e => Key(e.ChildId, e.Title, e.DueOn)).Order(StringComparer.Ordinal)
                .SequenceEqual(after.Where(a => a.ChildId == g.Key).Select(a => Key(a.ChildId, a.Title, a.DueOn)).Order(StringComparer.Ordinal)))
            .Select(g => g.Key)
            .ToHashSet();
        Assert.Contains(child, stable);
        Assert.Equal(
            expected.Where(e => stable.Contains(e.ChildId)).Select(e => Key(e.ChildId, e.Title, e.DueOn)).Order(StringComparer.Ordinal),
            rows.Where(r => stable.Contains(r.ChildId)).Select(r => Key(r.ChildId, r.Title, r.DueOn)).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.True(expected.Any(e => e.ChildId == r.ChildId) || after.Any(a => a.ChildId == r.ChildId), $"child {r.ChildId} is not this worker's"));
        Assert.Contains(rows, r => r.ChildId == child && r.Title == "Decision on contact");
        Assert.Contains(rows, r => r.ChildId == child && r.Title.StartsWith("Assessment", StringComparison.Ordinal));

        // Most urgent first: the longest overdue, then due today, then the soonest.
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i - 1].DueOn <= rows[i].DueOn, $"row {i} ({rows[i].Title}, {rows[i].DueOn}) comes after a later one ({rows[i - 1].DueOn})");
        }

        var overdue = rows.First(r => r.ChildId == child && r.Title == "Decision on contact");
        var days = WorkingDays.WorkingDaysBetween(overdue.DueOn, today);
        Assert.Contains("govuk-tag--red", overdue.Html, StringComparison.Ordinal);
        Assert.Contains(days == 1 ? "1 working day overdue" : $"{days} working days overdue", overdue.Html, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Html.Contains("Upcoming", StringComparison.Ordinal));
        Assert.DoesNotContain("Overdue-Contact\"", html, StringComparison.Ordinal); // names never in an address
    }

    [Fact]
    public async Task Team_work_shows_an_assessment_sent_for_authorisation_and_a_child_whose_allocation_ended()
    {
        var today = server.Services.GetRequiredService<LanternDataOptions>().Today;
        var manager = await WorkerIdAsync(StaffRole.TeamManager);
        long worker;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var team = await db.Workers.AsNoTracking().Where(w => w.Id == manager).Select(w => w.TeamId).SingleAsync(Ct);
            worker = await db.Workers.AsNoTracking().Where(w => w.TeamId == team && w.Id != manager && w.Role == WorkerRole.SocialWorker).OrderBy(w => w.Id).Select(w => w.Id).FirstAsync(Ct);
        }

        var submitted = await AddChildAsync("Ash", "Awaiting-Authorisation");
        var unallocated = await AddChildAsync("Rowan", "Allocation-Ended");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var referral = new Referral { ChildId = submitted, ReferralDate = today.AddDays(-20), Source = ReferralSource.Schools };
            db.Referrals.Add(referral);
            db.Allocations.Add(new Allocation { ChildId = submitted, WorkerId = worker, StartDate = today.AddDays(-20) });
            await db.SaveChangesAsync(Ct);
            db.Assessments.Add(new Assessment { ChildId = submitted, ReferralId = referral.Id, StartDate = today.AddDays(-15), SubmittedOn = today.AddDays(-3), SubmittedByWorkerId = worker, ChildSeen = true, ChildSeenDate = today.AddDays(-14) });
            db.Referrals.Add(new Referral { ChildId = unallocated, ReferralDate = today.AddDays(-100), Source = ReferralSource.Schools });
            db.Allocations.Add(new Allocation { ChildId = unallocated, WorkerId = worker, StartDate = today.AddDays(-100), EndDate = today.AddDays(-10) });
            await db.SaveChangesAsync(Ct);
        }

        // The unallocated list is kept for a minute: start from a fresh one.
        WorkLists.Forget(server.Services.GetRequiredService<IMemoryCache>());
        var session = await SessionPool.ForAsync(server, StaffRole.TeamManager);

        var (response, html) = await session.GetAsync("/team-work");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var awaiting = Table(html, "awaiting-table");
        var row = Row(awaiting, submitted);
        Assert.Contains("Assessment to authorise", row, StringComparison.Ordinal);
        var waited = WorkingDays.WorkingDaysBetween(today.AddDays(-3), today);
        Assert.Contains(waited == 1 ? ">1 working day<" : $">{waited} working days<", row, StringComparison.Ordinal);
        Assert.Matches(@"Awaiting authorisation \([1-9][0-9,]*\)", html);

        var waiting = Row(Table(html, "unallocated-table"), unallocated);
        Assert.Contains("Allocation ended", waiting, StringComparison.Ordinal);
        Assert.Contains($"datetime=\"{Display.Iso(today.AddDays(-10))}\"", waiting, StringComparison.Ordinal);
        Assert.Contains(">10 days<", waiting, StringComparison.Ordinal);
        Assert.Matches(@"Unallocated \([1-9][0-9,]*\)", html);

        // The allocated child with the submitted assessment is not unallocated.
        Assert.DoesNotContain($"href=\"/children/{submitted}\"", Table(html, "unallocated-table"), StringComparison.Ordinal);

        // The child with only a referral open is of standard risk.
        Assert.Contains(">Standard<", waiting, StringComparison.Ordinal);

        // Unallocated is highest risk first, then longest-waiting first.
        var order = RowPattern().Matches(Table(html, "unallocated-table")).Select(m => m.Value)
            .Where(r => DatePattern().IsMatch(r))
            .Select(r => (Risk: r.Contains(">High<", StringComparison.Ordinal) ? 3 : r.Contains(">Medium<", StringComparison.Ordinal) ? 2 : 1,
                          Since: DateOnly.ParseExact(DatePattern().Match(r).Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
        Assert.NotEmpty(order);
        Assert.Equal(order.OrderByDescending(o => o.Risk).ThenBy(o => o.Since), order);
    }

    [Fact]
    public async Task A_social_worker_may_not_see_team_work_and_a_director_gets_a_summary_with_a_checked_team_filter()
    {
        var worker = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var (denied, _) = await worker.GetAsync("/team-work");
        var location = denied.Headers.Location is { } l ? new Uri(server.RootUri, l).AbsolutePath : null;
        Assert.True(
            denied.StatusCode == HttpStatusCode.Forbidden || (denied.StatusCode == HttpStatusCode.Redirect && location == "/account/access-denied"),
            $"a social worker got {(int)denied.StatusCode} {location}");

        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        var (summary, html) = await director.GetAsync("/team-work");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        var table = Table(html, "summary-table");
        var team = Regex.Match(table, "href=\"/team-work\\?team=(\\d+)\"");
        Assert.True(team.Success, "the summary links to each team");

        var (detail, detailHtml) = await director.GetAsync($"/team-work?team={team.Groups[1].Value}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("id=\"overdue\"", detailHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"unallocated\"", detailHtml, StringComparison.Ordinal);

        var (bad, _) = await director.GetAsync("/team-work?team=abc");
        var (missing, _) = await director.GetAsync("/team-work?team=987654321");
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private sealed record Due(long ChildId, string Title, DateOnly DueOn, string Html);

    /// <summary>What the statutory clock has not yet seen done for the worker's children (allocated
    /// today, early help they lead, contacts they recorded awaiting a decision), read one child at a time.</summary>
    private async Task<List<ClockItem>> ExpectedItemsAsync(LanternDbContext db, long childId, DateOnly today)
    {
        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId, Ct);
        var file = await ChildFileLoader.LoadAsync(db, child, Ct);
        var standards = await ChildFileLoader.StandardsAsync(db, Ct);
        return [.. StatutoryClock.Evaluate(file, today, standards).Where(i => i.Status is ClockStatus.Overdue or ClockStatus.DueToday or ClockStatus.Upcoming)];
    }

    private async Task<List<(long ChildId, string Title, DateOnly DueOn)>> ExpectedDueAsync(long worker, DateOnly today)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var ids = await db.Allocations.AsNoTracking().Where(a => a.WorkerId == worker && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today)).Select(a => a.ChildId)
            .Concat(db.EarlyHelp.AsNoTracking().Where(e => e.LeadWorkerId == worker && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today)).Select(e => e.ChildId))
            .Concat(db.Contacts.AsNoTracking().Where(c => c.RecordedByWorkerId == worker && c.DecidedAt == null).Select(c => c.ChildId))
            .Distinct()
            .ToListAsync(Ct);
        var restricted = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id) && c.IsRestricted).Select(c => c.Id).ToListAsync(Ct);
        var result = new List<(long, string, DateOnly)>();
        foreach (var id in ids.Except(restricted))
        {
            result.AddRange((await ExpectedItemsAsync(db, id, today)).Select(i => (id, i.Title, i.DueOn)));
        }

        Assert.NotEmpty(result);
        return result;
    }

    [Fact]
    public async Task Files_kept_in_memory_are_never_served_after_a_write_from_elsewhere()
    {
        var today = server.Services.GetRequiredService<LanternDataOptions>().Today;
        var me = await WorkerIdAsync(StaffRole.SocialWorker);
        var child = await AddChildAsync("Kestrel", "Kept-File");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            db.Allocations.Add(new Allocation { ChildId = child, WorkerId = me, StartDate = today.AddDays(-30) });
            db.Contacts.Add(new Contact { ChildId = child, ReceivedAt = today.AddDays(-3).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), Source = ReferralSource.Police });
            await db.SaveChangesAsync(Ct);
        }

        var session = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var (_, work) = await session.GetAsync("/my-work");
        var (_, record) = await session.GetAsync($"/children/{child}");
        Assert.Contains(DueRows(work), r => r.ChildId == child && r.Title == "Decision on contact");
        Assert.DoesNotContain("Done", ClockRow(record, "Decision on contact"), StringComparison.Ordinal);

        // Kept: the same copy while nothing is written.
        var cache = server.Services.GetRequiredService<ChildRecordCache>();
        var target = server.Services.GetRequiredService<LanternDataOptions>().Target;
        ChildFile kept;
        await using (var db = LanternDatabase.CreateContext(target))
        {
            kept = (await cache.FileAsync(db, child, Ct))!;
            Assert.Same(kept, await cache.FileAsync(db, child, Ct));
        }

        // The decision is written by another process on the same database (not through this
        // server, so nothing here is told): the next read sees it all the same.
        await using (var other = LanternDatabase.CreateContext(target))
        {
            var contact = await other.Contacts.SingleAsync(c => c.ChildId == child, Ct);
            contact.DecidedAt = today.AddDays(-2).ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);
            contact.DecidedByWorkerId = me;
            contact.Outcome = ContactOutcome.AdviceAndSignposting;
            await other.SaveChangesAsync(Ct);
        }

        (_, work) = await session.GetAsync("/my-work");
        (_, record) = await session.GetAsync($"/children/{child}");
        Assert.DoesNotContain(DueRows(work), r => r.ChildId == child && r.Title == "Decision on contact");
        Assert.Contains("Done on time", ClockRow(record, "Decision on contact"), StringComparison.Ordinal);
        await using (var db = LanternDatabase.CreateContext(target))
        {
            var fresh = (await cache.FileAsync(db, child, Ct))!;
            Assert.NotSame(kept, fresh);
            Assert.Equal(ContactOutcome.AdviceAndSignposting, Assert.Single(fresh.Contacts).Outcome);
            Assert.Equal(ContactOutcome.Pending, Assert.Single(kept.Contacts).Outcome);
        }
    }

    /// <summary>The table row of the record page's clock item <paramref name="title"/>.</summary>
    private static string ClockRow(string html, string title)
    {
        var at = html.IndexOf($">{title}</td>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no clock item \"{title}\" on the page");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    private async Task<long> WorkerIdAsync(StaffRole role)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var name = DemoAccess.UserName(role);
        return await db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => u.WorkerId!.Value).SingleAsync(Ct);
    }

    private async Task<long> AddChildAsync(string given, string family)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var child = new Child
        {
            LaChildId = "WV" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            GivenName = given,
            FamilyName = family,
            DateOfBirth = new DateOnly(2018, 6, 1),
            Sex = Sex.Female,
        };
        db.Children.Add(child);
        await db.SaveChangesAsync(Ct);
        return child.Id;
    }

    private static List<Due> DueRows(string html)
    {
        var table = Table(html, "due-table");
        var body = table[table.IndexOf("<tbody", StringComparison.Ordinal)..];
        return
        [
            .. RowPattern().Matches(body).Select(m =>
            {
                var cells = CellPattern().Matches(m.Value).Select(c => c.Groups[1].Value).ToList();
                var id = long.Parse(Regex.Match(cells[0], "href=\"/children/(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
                var due = DateOnly.ParseExact(DatePattern().Match(cells[2]).Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return new Due(id, WebUtility.HtmlDecode(cells[1].Trim()), due, m.Value);
            }),
        ];
    }

    /// <summary>The HTML of the table with <paramref name="id"/> on a page, up to its end.</summary>
    internal static string Table(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has no table {id}");
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    internal static string Row(string table, long childId)
    {
        var row = RowPattern().Matches(table).Select(m => m.Value).FirstOrDefault(r => r.Contains($"href=\"/children/{childId}\"", StringComparison.Ordinal));
        Assert.True(row is not null, $"child {childId} is not listed");
        return row;
    }

    [GeneratedRegex("<tr class=\"govuk-table__row\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("datetime=\"(\\d{4}-\\d{2}-\\d{2})\"")]
    private static partial Regex DatePattern();
}
