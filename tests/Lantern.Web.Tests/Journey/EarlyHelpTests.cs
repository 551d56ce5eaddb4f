using System.Net;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Data;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>Early help through the real pages: starting an episode (lead worker chosen from the
/// early help practitioners), its assessment, meetings, ending it, stepping up to social care (a
/// referral from source 5D) and stepping down from social care within 30 days. Bad answers are
/// refused with the GOV.UK error summary and nothing is saved.</summary>
public sealed class EarlyHelpTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Starting_early_help_refuses_bad_answers_and_saves_nothing()
    {
        var (child, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Starting");
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/early-help/new";
        var today = Today();
        var lead = await EarlyHelpPractitionerAsync();
        var good = new Dictionary<string, string>(RecordTestData.Date("StartDate", today.AddDays(-3))) { ["Organisation"] = "Riverside family hub", ["LeadWorker"] = lead.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var cases = new (Dictionary<string, string> Form, string Message)[]
        {
            ([], "Enter the date early help started"),
            ([], "Enter the organisation leading the early help"),
            ([], "Select the lead worker"),
            (RecordTestData.With(good, ("StartDate-day", "31"), ("StartDate-month", "2")), "The date early help started must be a real date"),
            (RecordTestData.With(good, RecordTestData.Date("StartDate", today.AddDays(1))), "The date early help started must be today or in the past"),
            (RecordTestData.With(good, ("Organisation", new string('x', 201))), "The organisation leading the early help must be 200 characters or fewer"),
            (RecordTestData.With(good, ("LeadWorker", "987654321")), "Select the lead worker from the list"),
        };
        foreach (var (form, message) in cases)
        {
            var (response, html) = await RecordTestData.SubmitAsync(s, path, form);
            RecordTestData.AssertRefused(response, html, message);
        }

        Assert.Equal(0, await RecordTestData.CountAsync(server, db => db.EarlyHelp.Where(e => e.ChildId == child)));

        var (saved, _) = await RecordTestData.SubmitAsync(s, path, good);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var episode = await SingleEpisodeAsync(child);
        Assert.Equal(lead, episode.LeadWorkerId);
        Assert.Equal(today.AddDays(-3), episode.StartDate);
        Assert.False(episode.IsStepDown);

        // A second episode cannot start while one is open.
        var (again, againHtml) = await RecordTestData.SubmitAsync(s, path, good);
        RecordTestData.AssertRefused(again, againHtml, "has been open since");
        Assert.Equal(1, await RecordTestData.CountAsync(server, db => db.EarlyHelp.Where(e => e.ChildId == child)));
    }

    [Fact]
    public async Task Assessment_meetings_and_end_refuse_contradictory_dates_and_unknown_options()
    {
        var (child, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Assessing");
        var today = Today();
        var episode = await AddEpisodeAsync(child, today.AddDays(-20));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var root = $"/children/{child}/early-help/{episode}";

        // Assessment: started before the episode; completed before started.
        var (r1, h1) = await RecordTestData.SubmitAsync(s, $"{root}/assessment", RecordTestData.Date("Started", today.AddDays(-25)));
        RecordTestData.AssertRefused(r1, h1, "The date the early help assessment started must be the same as or after the date early help started");
        var (r2, h2) = await RecordTestData.SubmitAsync(s, $"{root}/assessment", RecordTestData.With(RecordTestData.Date("Started", today.AddDays(-10)), RecordTestData.Date("Completed", today.AddDays(-12))));
        RecordTestData.AssertRefused(r2, h2, "Date the early help assessment was completed must be the same as or after the date it started");
        var (r3, h3) = await RecordTestData.SubmitAsync(s, $"{root}/assessment", []);
        RecordTestData.AssertRefused(r3, h3, "Enter the date the early help assessment started");
        var stored = await EpisodeAsync(episode);
        Assert.Null(stored.AssessmentStartDate);
        Assert.Null(stored.AssessmentCompletedDate);

        var (ok, _) = await RecordTestData.SubmitAsync(s, $"{root}/assessment", RecordTestData.With(RecordTestData.Date("Started", today.AddDays(-10)), RecordTestData.Date("Completed", today.AddDays(-5))));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        stored = await EpisodeAsync(episode);
        Assert.Equal(today.AddDays(-10), stored.AssessmentStartDate);
        Assert.Equal(today.AddDays(-5), stored.AssessmentCompletedDate);

        // Meetings: unknown kind, a date before the episode, over-long notes.
        var meeting = RecordTestData.With(RecordTestData.Date("Date", today.AddDays(-4)), ("Kind", "TeamAroundFamily"));
        foreach (var (form, message) in new (Dictionary<string, string>, string)[]
        {
            ([], "Select the kind of meeting"),
            (RecordTestData.With(meeting, ("Kind", "Conference")), "Select the kind of meeting from the list"),
            (RecordTestData.With(meeting, ("Kind", "1")), "Select the kind of meeting from the list"),
            (RecordTestData.With(meeting, RecordTestData.Date("Date", today.AddDays(-30))), "The date of the meeting must be the same as or after the date early help started"),
            (RecordTestData.With(meeting, ("Notes", new string('n', 5001))), "The notes must be 5000 characters or fewer"),
        })
        {
            var (response, html) = await RecordTestData.SubmitAsync(s, $"{root}/reviews/new", form);
            RecordTestData.AssertRefused(response, html, message);
        }

        Assert.Equal(0, await RecordTestData.CountAsync(server, db => db.EarlyHelpReviews.Where(r => r.EpisodeId == episode)));
        var (met, _) = await RecordTestData.SubmitAsync(s, $"{root}/reviews/new", meeting);
        Assert.Equal(HttpStatusCode.Redirect, met.StatusCode);
        Assert.Equal(1, await RecordTestData.CountAsync(server, db => db.EarlyHelpReviews.Where(r => r.EpisodeId == episode && r.Kind == EarlyHelpReviewKind.TeamAroundFamily)));

        // End: stepping up is not an end reason here; not before the last meeting.
        var end = RecordTestData.With(RecordTestData.Date("Date", today.AddDays(-1)), ("Reason", "Completed"));
        var (e1, eh1) = await RecordTestData.SubmitAsync(s, $"{root}/end", RecordTestData.With(end, ("Reason", "SteppedUpToSocialCare")));
        RecordTestData.AssertRefused(e1, eh1, "Select why early help ended from the list");
        var (e2, eh2) = await RecordTestData.SubmitAsync(s, $"{root}/end", RecordTestData.With(end, RecordTestData.Date("Date", today.AddDays(-4 - 1))));
        RecordTestData.AssertRefused(e2, eh2, "Date early help ended must be the same as or after the last meeting");
        Assert.Null((await EpisodeAsync(episode)).EndDate);

        var (ended, _) = await RecordTestData.SubmitAsync(s, $"{root}/end", end);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        stored = await EpisodeAsync(episode);
        Assert.Equal(today.AddDays(-1), stored.EndDate);
        Assert.Equal(EarlyHelpEndReason.Completed, stored.EndReason);

        // An ended episode cannot be ended or stepped up again: a clear page.
        var (again, againHtml) = await s.GetAsync($"{root}/end");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("This early help episode has ended", againHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stepping_up_records_a_referral_from_early_help_5D_and_ends_the_episode_then_shows_the_banner_on_the_record()
    {
        var (child, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Stepping-Up");
        var today = Today();
        var episode = await AddEpisodeAsync(child, today.AddDays(-40));

        // Its own session: the success banner is read once, and pooled sessions are shared by tests running at the same time.
        using var s = await Session.SignInAsync(server.RootUri, StaffRole.SocialWorker);
        var path = $"/children/{child}/early-help/{episode}/step-up";

        var (bad, badHtml) = await RecordTestData.SubmitAsync(s, path, RecordTestData.Date("Date", today.AddDays(-41)));
        RecordTestData.AssertRefused(bad, badHtml, "The date of the step-up must be the same as or after the date early help started");
        var (future, futureHtml) = await RecordTestData.SubmitAsync(s, path, RecordTestData.Date("Date", today.AddDays(2)));
        RecordTestData.AssertRefused(future, futureHtml, "The date of the step-up must be today or in the past");
        Assert.Equal(0, await RecordTestData.CountAsync(server, db => db.Referrals.Where(r => r.ChildId == child)));

        var (saved, _) = await RecordTestData.SubmitAsync(s, path, RecordTestData.With(RecordTestData.Date("Date", today.AddDays(-2)), ("acknowledge-warnings", "yes")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.ChildId == child, Ct);
            Assert.Equal(ReferralSource.EarlyHelp, referral.Source);
            Assert.Equal("5D", referral.Source.Code);
            Assert.Equal(today.AddDays(-2), referral.ReferralDate);
        }

        var stored = await EpisodeAsync(episode);
        Assert.Equal(today.AddDays(-2), stored.EndDate);
        Assert.Equal(EarlyHelpEndReason.SteppedUpToSocialCare, stored.EndReason);

        var (record, html) = await s.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Contains("govuk-notification-banner--success", html, StringComparison.Ordinal);
        Assert.Contains("Referral to social care recorded and early help ended", html, StringComparison.Ordinal);
        var (again, againHtml) = await s.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.DoesNotContain("govuk-notification-banner--success", againHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Stepping_up_can_keep_early_help_open_alongside_social_care()
    {
        var (child, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Both-Open");
        var today = Today();
        var episode = await AddEpisodeAsync(child, today.AddDays(-40));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (saved, _) = await RecordTestData.SubmitAsync(s, $"/children/{child}/early-help/{episode}/step-up", RecordTestData.With(RecordTestData.Date("Date", today), ("KeepOpen", "keep-open"), ("acknowledge-warnings", "yes")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Null((await EpisodeAsync(episode)).EndDate);
        Assert.Equal(1, await RecordTestData.CountAsync(server, db => db.Referrals.Where(r => r.ChildId == child && r.ReferralDate == today)));
    }

    [Fact]
    public async Task Stepping_down_needs_social_care_to_have_ended_within_30_days()
    {
        var today = Today();
        var lead = (await EarlyHelpPractitionerAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        // Closed 31 days ago: too long ago. Still open: not yet.
        var (late, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Closed-Long-Ago");
        await AddReferralAsync(late, today.AddDays(-90), today.AddDays(-31));
        var (open, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Still-Open");
        await AddReferralAsync(open, today.AddDays(-90), null);
        var form = RecordTestData.With(RecordTestData.Date("StartDate", today), ("Organisation", "Riverside family hub"), ("LeadWorker", lead));

        var (r1, h1) = await RecordTestData.SubmitAsync(s, $"/children/{late}/early-help/step-down", form);
        RecordTestData.AssertRefused(r1, h1, "must be within 30 days of social care involvement ending");
        var (r2, h2) = await RecordTestData.SubmitAsync(s, $"/children/{open}/early-help/step-down", form);
        RecordTestData.AssertRefused(r2, h2, "Social care is still involved with the child");
        Assert.Equal(0, await RecordTestData.CountAsync(server, db => db.EarlyHelp.Where(e => e.ChildId == late || e.ChildId == open)));

        // Closed today ("ending today") and 30 days ago: allowed.
        foreach (var closed in new[] { today, today.AddDays(-30) })
        {
            var (child, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Stepping-Down");
            await AddReferralAsync(child, today.AddDays(-90), closed);
            var (saved, _) = await RecordTestData.SubmitAsync(s, $"/children/{child}/early-help/step-down", form);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var episode = await SingleEpisodeAsync(child);
            Assert.True(episode.IsStepDown);
            Assert.Equal(today, episode.StartDate);
        }
    }

    [Fact]
    public async Task The_record_lists_the_early_help_and_note_actions_for_a_practitioner_only()
    {
        var (child, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Actions");
        var today = Today();
        await AddReferralAsync(child, today.AddDays(-60), today.AddDays(-5));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (_, html) = await s.GetAsync($"/children/{child}");

        var actions = html[html.IndexOf("id=\"actions\"", StringComparison.Ordinal)..html.IndexOf("What is due", StringComparison.Ordinal)];
        Assert.Contains(">What you can do</h2>", html, StringComparison.Ordinal);
        Assert.Contains(">Early help</h3>", actions, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child}/early-help/new\"", actions, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child}/early-help/step-down\"", actions, StringComparison.Ordinal); // closed 5 days ago
        Assert.Contains(">Case notes and chronology</h3>", actions, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child}/notes/new\"", actions, StringComparison.Ordinal);

        // The director sees the record but records no casework: no actions.
        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        var (response, directorHtml) = await director.GetAsync($"/children/{child}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("What you can do", directorHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"/children/{child}/early-help/new", directorHtml, StringComparison.Ordinal);
    }

    private DateOnly Today() => server.Services.GetRequiredService<LanternDataOptions>().Today;

    private async Task<long> EarlyHelpPractitionerAsync()
    {
        var today = Today();
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.Workers.AsNoTracking()
            .Where(w => w.Role == WorkerRole.EarlyHelpPractitioner && w.StartDate <= today && (w.LeftDate == null || w.LeftDate >= today))
            .OrderBy(w => w.Id).Select(w => w.Id).FirstAsync(Ct);
    }

    private async Task<long> AddEpisodeAsync(long child, DateOnly start)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var episode = new EarlyHelpEpisode { ChildId = child, StartDate = start, Organisation = "Riverside family hub" };
        db.EarlyHelp.Add(episode);
        await db.SaveChangesAsync(Ct);
        return episode.Id;
    }

    private async Task AddReferralAsync(long child, DateOnly received, DateOnly? closed)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        db.Referrals.Add(new Referral { ChildId = child, ReferralDate = received, Source = ReferralSource.Schools, ClosureDate = closed, ClosureReason = closed is null ? null : ClosureReason.EarlyHelpAfterAssessment });
        await db.SaveChangesAsync(Ct);
    }

    private async Task<EarlyHelpEpisode> EpisodeAsync(long id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.EarlyHelp.AsNoTracking().SingleAsync(e => e.Id == id, Ct);
    }

    private async Task<EarlyHelpEpisode> SingleEpisodeAsync(long child)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.EarlyHelp.AsNoTracking().SingleAsync(e => e.ChildId == child, Ct);
    }
}
