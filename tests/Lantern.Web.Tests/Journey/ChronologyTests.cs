using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Data;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>The chronology through the real pages: every recorded event of the child, newest
/// first, as the MOJ timeline, with completed case notes (not drafts) and significant events marked
/// "Significant"; filters for significant events and a date range; a print view; an audited read.
/// The record page shows the most recent events and links to it.</summary>
public sealed partial class ChronologyTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_chronology_lists_every_recorded_event_newest_first_with_significant_events_marked_and_no_drafts()
    {
        var (child, me) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Chronology");
        var today = server.Services.GetRequiredService<LanternDataOptions>().Today;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            db.Contacts.Add(new Contact { ChildId = child, ReceivedAt = today.AddDays(-50).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), Source = ReferralSource.Police, Outcome = ContactOutcome.EarlyHelp, DecidedAt = today.AddDays(-50).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc) });
            var episode = new EarlyHelpEpisode { ChildId = child, StartDate = today.AddDays(-45), Organisation = "Northside family hub", AssessmentStartDate = today.AddDays(-40) };
            db.EarlyHelp.Add(episode);
            await db.SaveChangesAsync(Ct);
            db.EarlyHelpReviews.Add(new EarlyHelpReview { ChildId = child, EpisodeId = episode.Id, Kind = EarlyHelpReviewKind.TeamAroundFamily, Date = today.AddDays(-30) });
            db.Referrals.Add(new Referral { ChildId = child, ReferralDate = today.AddDays(-20), Source = ReferralSource.EarlyHelp });
            db.Visits.Add(new Visit { ChildId = child, WorkerId = me, Date = today.AddDays(-10), Kind = VisitKind.Assessment, ChildSeen = true, ChildSeenAlone = true });
            db.CaseNotes.Add(new CaseNote { ChildId = child, AuthorId = me, RecordedAt = DateTime.UtcNow, EventDate = today.AddDays(-5), Kind = CaseNoteKind.PhoneCall, Status = NoteStatus.Completed, Text = "Completed call note." });
            db.CaseNotes.Add(new CaseNote { ChildId = child, AuthorId = me, RecordedAt = DateTime.UtcNow, EventDate = today.AddDays(-4), Kind = CaseNoteKind.Meeting, Status = NoteStatus.Draft, Text = "Draft meeting note." });
            db.SignificantEvents.Add(new SignificantEvent { ChildId = child, Date = today.AddDays(-15), Title = "Moved to a new address", Detail = "Family moved across the borough.", RecordedByWorkerId = me, RecordedAt = DateTime.UtcNow });
            db.SignificantEvents.Add(new SignificantEvent { ChildId = child, Date = today.AddDays(3), Title = "Planned for the future", RecordedByWorkerId = me, RecordedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var auditBefore = await RecordTestData.CountAsync(server, db => db.AuditEntries.Where(e => e.ChildId == child && e.Action == AuditAction.ReadRecord));

        var (response, html) = await s.GetAsync($"/children/{child}/chronology");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(auditBefore + 1, await RecordTestData.CountAsync(server, db => db.AuditEntries.Where(e => e.ChildId == child && e.Action == AuditAction.ReadRecord)));
        var items = Items(html);
        Assert.Equal(
            [
                (today.AddDays(-5), "Phone call"),
                (today.AddDays(-10), "Assessment visit"),
                (today.AddDays(-15), "Moved to a new address"),
                (today.AddDays(-20), "Referral"),
                (today.AddDays(-30), "Team around the family meeting"),
                (today.AddDays(-40), "Early help assessment started"),
                (today.AddDays(-45), "Early help started"),
                (today.AddDays(-50), "Contact received"),
                (today.AddDays(-60), "Allocated"),
            ],
            items.Select(i => (i.Date, i.Title)));
        Assert.Contains("Significant", items.Single(i => i.Title == "Moved to a new address").Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Significant", items.Single(i => i.Title == "Referral").Html, StringComparison.Ordinal);
        Assert.Contains("Completed call note.", items[0].Html, StringComparison.Ordinal);
        Assert.Contains("LA services – early help", WebUtility.HtmlDecode(items.Single(i => i.Title == "Referral").Html), StringComparison.Ordinal);
        Assert.Contains("Northside family hub", items.Single(i => i.Title == "Early help started").Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft meeting note.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Planned for the future", html, StringComparison.Ordinal);
        Assert.Contains("class=\"moj-timeline\"", html, StringComparison.Ordinal);
        Assert.Contains("Print this chronology", html, StringComparison.Ordinal);
        Assert.Contains("/css/chronology.css", html, StringComparison.Ordinal);

        // Significant events only.
        var (_, significant) = await s.GetAsync($"/children/{child}/chronology?Significant=yes");
        Assert.Equal(["Moved to a new address"], Items(significant).Select(i => i.Title));

        // A date range, both ends included.
        var from = today.AddDays(-20);
        var to = today.AddDays(-10);
        var (_, range) = await s.GetAsync($"/children/{child}/chronology?From-day={from.Day}&From-month={from.Month}&From-year={from.Year}&To-day={to.Day}&To-month={to.Month}&To-year={to.Year}");
        Assert.Equal(["Assessment visit", "Moved to a new address", "Referral"], Items(range).Select(i => i.Title));

        // A range that ends before it starts, and a date that is not real, are errors (and everything is shown).
        var (bad, badHtml) = await s.GetAsync($"/children/{child}/chronology?From-day={to.Day}&From-month={to.Month}&From-year={to.Year}&To-day={from.Day}&To-month={from.Month}&To-year={from.Year}");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("govuk-error-summary", badHtml, StringComparison.Ordinal);
        Assert.Contains("The to date must be the same as or after the from date", badHtml, StringComparison.Ordinal);
        Assert.Equal(items.Count, Items(badHtml).Count);
        var (_, unreal) = await s.GetAsync($"/children/{child}/chronology?From-day=30&From-month=2&From-year=2026");
        Assert.Contains("The from date must be a real date", unreal, StringComparison.Ordinal);

        // The print view keeps the filters and drops the filter form.
        var (_, print) = await s.GetAsync($"/children/{child}/chronology?Significant=yes&print=yes");
        Assert.DoesNotContain("id=\"chronology-filter\"", print, StringComparison.Ordinal);
        Assert.Equal(["Moved to a new address"], Items(print).Select(i => i.Title));

        // The record page shows the newest events, the same way, and links to the whole chronology.
        var (_, record) = await s.GetAsync($"/children/{child}");
        Assert.Equal(items.Select(i => (i.Date, i.Title)).Take(10), Items(record).Select(i => (i.Date, i.Title)));
        Assert.Contains($"href=\"/children/{child}/chronology\"", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chronology_of_someone_elses_child_is_refused_like_the_record()
    {
        var (child, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Not-Theirs");
        var lado = await SessionPool.ForAsync(server, StaffRole.Lado);

        var (response, html) = await lado.GetAsync($"/children/{child}/chronology");

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"got {(int)response.StatusCode}");
        Assert.DoesNotContain("moj-timeline", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_significant_event_refuses_bad_answers_and_saves_nothing_then_appears_in_the_chronology()
    {
        var (child, me) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Significant");
        var today = server.Services.GetRequiredService<LanternDataOptions>().Today;
        // Its own session: the success banner is read once, and pooled sessions are shared by tests running at the same time.
        using var s = await Session.SignInAsync(server.RootUri, StaffRole.SocialWorker);
        var path = $"/children/{child}/chronology/events/new";
        var good = RecordTestData.With(RecordTestData.Date("Date", today.AddDays(-3)), ("Title", "Admitted to hospital"), ("Detail", "Overnight stay after a fall."));

        foreach (var (form, message) in new (Dictionary<string, string>, string)[]
        {
            ([], "Enter the date of the event"),
            ([], "Enter what happened"),
            (RecordTestData.With(good, ("Date-year", "26")), "The date of the event must be a real date"),
            (RecordTestData.With(good, RecordTestData.Date("Date", today.AddDays(1))), "The date of the event must be today or in the past"),
            (RecordTestData.With(good, ("Title", new string('t', 201))), "What happened must be 200 characters or fewer"),
            (RecordTestData.With(good, ("Detail", new string('d', 2001))), "The details must be 2000 characters or fewer"),
        })
        {
            var (response, html) = await RecordTestData.SubmitAsync(s, path, form);
            RecordTestData.AssertRefused(response, html, message);
        }

        Assert.Equal(0, await RecordTestData.CountAsync(server, db => db.SignificantEvents.Where(e => e.ChildId == child)));

        var (saved, _) = await RecordTestData.SubmitAsync(s, path, good);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var stored = await db.SignificantEvents.AsNoTracking().SingleAsync(e => e.ChildId == child, Ct);
            Assert.Equal("Admitted to hospital", stored.Title);
            Assert.Equal(today.AddDays(-3), stored.Date);
            Assert.Equal(me, stored.RecordedByWorkerId);
            var audit = await db.AuditEntries.AsNoTracking().Where(e => e.ChildId == child && e.Action == AuditAction.WriteRecord).OrderByDescending(e => e.Id).FirstAsync(Ct);
            Assert.DoesNotContain("hospital", audit.Detail ?? "", StringComparison.OrdinalIgnoreCase);
        }

        var (_, html2) = await s.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Significant event added to the chronology", html2, StringComparison.Ordinal);
        var item = Items(html2).Single(i => i.Title == "Admitted to hospital");
        Assert.Contains("Significant", item.Html, StringComparison.Ordinal);
    }

    private sealed record Item(DateOnly Date, string Title, string Html);

    private static List<Item> Items(string html)
    {
        var start = html.IndexOf("class=\"moj-timeline\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var parts = html[start..].Split("class=\"moj-timeline__item\"")[1..];
        return
        [
            .. parts.Select(p =>
            {
                var title = TitlePattern().Match(p);
                var date = DatePattern().Match(p);
                Assert.True(title.Success && date.Success, "each timeline item has a title and a date");
                return new Item(DateOnly.ParseExact(date.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), WebUtility.HtmlDecode(title.Groups[1].Value.Trim()), p);
            }),
        ];
    }

    [GeneratedRegex("class=\"moj-timeline__title\">([^<]*)<")]
    private static partial Regex TitlePattern();

    [GeneratedRegex("datetime=\"(\\d{4}-\\d{2}-\\d{2})\"")]
    private static partial Regex DatePattern();
}
