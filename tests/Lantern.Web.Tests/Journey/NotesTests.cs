using System.Globalization;
using System.Net;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Data;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>Case notes through the real pages: a note is a draft only its author sees and changes;
/// completing it makes it part of the record, after which it cannot be changed or completed again
/// (a clear page, nothing saved), only corrected: the correction is a new note and the original
/// stays.</summary>
public sealed class NotesTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_note_refuses_bad_answers_and_saves_nothing()
    {
        var (child, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Bad-Notes");
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/notes/new";
        var today = server.Services.GetRequiredService<LanternDataOptions>().Today;
        var good = RecordTestData.With(RecordTestData.Date("EventDate", today.AddDays(-1)), ("Kind", "PhoneCall"), ("Text", "Spoke to mother about school attendance."));

        foreach (var (form, message) in new (Dictionary<string, string>, string)[]
        {
            ([], "Enter the date of what the note is about"),
            ([], "Select the kind of note"),
            ([], "Enter the note"),
            (RecordTestData.With(good, ("EventDate-month", "13")), "The date of what the note is about must be a real date"),
            (RecordTestData.With(good, RecordTestData.Date("EventDate", today.AddDays(1))), "The date of what the note is about must be today or in the past"),
            (RecordTestData.With(good, ("Kind", "Gossip")), "Select the kind of note from the list"),
            (RecordTestData.With(good, ("Text", new string('a', 20_001))), "The note must be 20000 characters or fewer"),
            (RecordTestData.With(good, ("Kind", "Visit")), "Select yes if the child was seen"),
            (RecordTestData.With(good, ("Kind", "Visit"), ("Seen", "no"), ("SeenAlone", "yes")), "The child cannot have been seen alone if they were not seen"),
        })
        {
            var (response, html) = await RecordTestData.SubmitAsync(s, path, form);
            RecordTestData.AssertRefused(response, html, message);
        }

        Assert.Equal(0, await RecordTestData.CountAsync(server, db => db.CaseNotes.Where(n => n.ChildId == child)));

        // 20,000 characters is accepted; the note is a draft by the worker, recorded now.
        var me = await RecordTestData.WorkerIdAsync(server, StaffRole.SocialWorker);
        var before = DateTime.UtcNow.AddSeconds(-5);
        var (saved, _) = await RecordTestData.SubmitAsync(s, path, RecordTestData.With(good, ("Text", new string('a', 20_000))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var note = await NoteAsync(db => db.CaseNotes.SingleAsync(n => n.ChildId == child, Ct));
        Assert.Equal(NoteStatus.Draft, note.Status);
        Assert.Equal(me, note.AuthorId);
        Assert.Equal(CaseNoteKind.PhoneCall, note.Kind);
        Assert.Null(note.ChildSeen);
        Assert.InRange(note.RecordedAt, before, DateTime.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task A_draft_is_seen_and_changed_by_its_author_only_then_completed_it_cannot_change_and_a_correction_keeps_the_original()
    {
        var (child, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Note-Lifecycle");
        var other = await RecordTestData.WorkerIdAsync(server, StaffRole.AdvancedPractitioner);
        await RecordTestData.AllocateAsync(server, child, other);
        var author = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var colleague = await SessionPool.ForAsync(server, StaffRole.AdvancedPractitioner);
        var today = server.Services.GetRequiredService<LanternDataOptions>().Today;
        var visit = RecordTestData.With(RecordTestData.Date("EventDate", today.AddDays(-2)), ("Kind", "Visit"), ("Text", "Home visit: first version."), ("Seen", "yes"), ("SeenAlone", "no"));

        var (created, _) = await RecordTestData.SubmitAsync(author, $"/children/{child}/notes/new", visit);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var note = await NoteAsync(db => db.CaseNotes.SingleAsync(n => n.ChildId == child, Ct));
        var notePath = $"/children/{child}/notes/{note.Id}";

        // Only the author sees the draft.
        var (_, mine) = await author.GetAsync($"/children/{child}/notes");
        Assert.Contains($"id=\"note-{note.Id}\"", mine, StringComparison.Ordinal);
        Assert.Contains("Home visit: first version.", mine, StringComparison.Ordinal);
        var (_, theirs) = await colleague.GetAsync($"/children/{child}/notes");
        Assert.DoesNotContain($"id=\"note-{note.Id}\"", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("first version", theirs, StringComparison.Ordinal);
        var (edit404, _) = await colleague.GetAsync($"{notePath}/edit");
        Assert.Equal(HttpStatusCode.NotFound, edit404.StatusCode);
        var (post404, _) = await colleague.PostFormAsync($"/children/{child}/notes/new", RecordTestData.With(visit, ("Text", "Colleague's change.")), postPath: $"{notePath}/edit");
        Assert.Equal(HttpStatusCode.NotFound, post404.StatusCode);
        Assert.Equal("Home visit: first version.", (await NoteAsync(db => db.CaseNotes.SingleAsync(n => n.Id == note.Id, Ct))).Text);

        // The author changes it, carrying the version; a stale version is a conflict.
        var (edited, _) = await RecordTestData.SubmitAsync(author, $"{notePath}/edit", RecordTestData.With(visit, ("Text", "Home visit: second version.")));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var (stale, staleHtml) = await RecordTestData.SubmitAsync(author, $"{notePath}/edit", RecordTestData.With(visit, ("Text", "Home visit: stale."), ("record-version", note.Version.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record while you were editing it", staleHtml, StringComparison.Ordinal);
        Assert.Equal("Home visit: second version.", (await NoteAsync(db => db.CaseNotes.SingleAsync(n => n.Id == note.Id, Ct))).Text);

        // Complete it: now everyone with access sees it.
        var (completed, _) = await RecordTestData.SubmitAsync(author, $"{notePath}/complete", []);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Equal(NoteStatus.Completed, (await NoteAsync(db => db.CaseNotes.SingleAsync(n => n.Id == note.Id, Ct))).Status);
        (_, theirs) = await colleague.GetAsync($"/children/{child}/notes");
        Assert.Contains("Home visit: second version.", theirs, StringComparison.Ordinal);

        // A completed note cannot be changed or completed again: a clear page and nothing saved.
        var (editGet, editGetHtml) = await author.GetAsync($"{notePath}/edit");
        Assert.Equal(HttpStatusCode.Conflict, editGet.StatusCode);
        Assert.Contains("This note has been completed", editGetHtml, StringComparison.Ordinal);
        var token = await RecordTestData.TokenAsync(author, $"/children/{child}/notes/new");
        var (editPost, editPostHtml) = await RecordTestData.PostAsync(author, $"{notePath}/edit", RecordTestData.With(visit, ("Text", "Changed after completion."), ("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Conflict, editPost.StatusCode);
        Assert.Contains("A completed case note cannot be changed", editPostHtml, StringComparison.Ordinal);
        var (completeAgain, _) = await RecordTestData.PostAsync(author, $"{notePath}/complete", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Conflict, completeAgain.StatusCode);
        var stored = await NoteAsync(db => db.CaseNotes.SingleAsync(n => n.Id == note.Id, Ct));
        Assert.Equal("Home visit: second version.", stored.Text);
        Assert.Equal(NoteStatus.Completed, stored.Status);

        // The colleague corrects it: a new completed note naming the original, which stays.
        var (corrected, _) = await RecordTestData.SubmitAsync(colleague, $"{notePath}/correct", RecordTestData.With(visit, ("Text", "Home visit: corrected version."), ("SeenAlone", "yes")));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var notes = await NoteListAsync(child);
        Assert.Equal(2, notes.Count);
        var original = notes.Single(n => n.Id == note.Id);
        var correction = notes.Single(n => n.Id != note.Id);
        Assert.Equal("Home visit: second version.", original.Text);
        Assert.Null(original.CorrectsNoteId);
        Assert.Equal(note.Id, correction.CorrectsNoteId);
        Assert.Equal(NoteStatus.Completed, correction.Status);
        Assert.Equal(other, correction.AuthorId);
        Assert.True(correction.ChildSeenAlone);

        // The list and the note say who corrected it and when, and the note keeps both versions.
        var correctorName = await RecordTestData.WorkerNameAsync(server, other);
        var on = correction.RecordedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        (_, mine) = await author.GetAsync($"/children/{child}/notes");
        Assert.Contains($"Corrected on {on} by {System.Net.WebUtility.HtmlEncode(correctorName)}", mine, StringComparison.Ordinal);
        Assert.Contains("Home visit: corrected version.", mine, StringComparison.Ordinal);
        var (_, page) = await author.GetAsync(notePath);
        Assert.Contains($"Corrected on {on} by {System.Net.WebUtility.HtmlEncode(correctorName)}", page, StringComparison.Ordinal);
        Assert.Contains("Home visit: corrected version.", page, StringComparison.Ordinal);
        Assert.Contains("Home visit: second version.", page, StringComparison.Ordinal);
        Assert.Contains("Original note, as written", page, StringComparison.Ordinal);

        // A draft is not corrected: it is changed.
        var (draftCreated, _) = await RecordTestData.SubmitAsync(author, $"/children/{child}/notes/new", visit);
        Assert.Equal(HttpStatusCode.Redirect, draftCreated.StatusCode);
        var draft = (await NoteListAsync(child)).Single(n => n.Status == NoteStatus.Draft);
        var (correctDraft, _) = await author.GetAsync($"/children/{child}/notes/{draft.Id}/correct");
        Assert.Equal(HttpStatusCode.Conflict, correctDraft.StatusCode);
    }

    [Fact]
    public async Task A_note_of_another_child_is_not_found()
    {
        var (first, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "First");
        var (second, _) = await RecordTestData.OwnChildAsync(server, StaffRole.SocialWorker, "Second");
        var me = await RecordTestData.WorkerIdAsync(server, StaffRole.SocialWorker);
        long id;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var note = new CaseNote { ChildId = first, AuthorId = me, RecordedAt = DateTime.UtcNow, EventDate = new DateOnly(2026, 3, 1), Kind = CaseNoteKind.Other, Status = NoteStatus.Completed, Text = "About the first child." };
            db.CaseNotes.Add(note);
            await db.SaveChangesAsync(Ct);
            id = note.Id;
        }

        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        foreach (var path in new[] { $"/children/{second}/notes/{id}", $"/children/{second}/notes/{id}/correct", $"/children/{second}/notes/{id}/edit" })
        {
            var (response, _) = await s.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private async Task<CaseNote> NoteAsync(Func<LanternDbContext, Task<CaseNote>> query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    private async Task<List<CaseNote>> NoteListAsync(long child)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.CaseNotes.AsNoTracking().Where(n => n.ChildId == child).OrderBy(n => n.Id).ToListAsync(Ct);
    }
}

/// <summary>What the early help, notes and chronology tests share: a child of the demo worker's
/// own, form answers, and the check that a form was refused with the GOV.UK error summary.</summary>
internal static class RecordTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new child allocated (from 60 days ago) to the demo account of <paramref name="role"/>.</summary>
    public static async Task<(long ChildId, long WorkerId)> OwnChildAsync(LanternWebServer server, StaffRole role, string family)
    {
        var worker = await WorkerIdAsync(server, role);
        var today = server.Services.GetRequiredService<LanternDataOptions>().Today;
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var child = new Child
        {
            LaChildId = "EN" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            GivenName = "Test",
            FamilyName = family,
            DateOfBirth = new DateOnly(2017, 5, 4),
            Sex = Lantern.Domain.Codes.Sex.Male,
        };
        db.Children.Add(child);
        await db.SaveChangesAsync(Ct);
        db.Allocations.Add(new Allocation { ChildId = child.Id, WorkerId = worker, StartDate = today.AddDays(-60) });
        await db.SaveChangesAsync(Ct);
        return (child.Id, worker);
    }

    public static async Task AllocateAsync(LanternWebServer server, long child, long worker)
    {
        var today = server.Services.GetRequiredService<LanternDataOptions>().Today;
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        db.Allocations.Add(new Allocation { ChildId = child, WorkerId = worker, StartDate = today.AddDays(-60) });
        await db.SaveChangesAsync(Ct);
    }

    public static async Task<long> WorkerIdAsync(LanternWebServer server, StaffRole role)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var name = DemoAccess.UserName(role);
        return await db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => u.WorkerId!.Value).SingleAsync(Ct);
    }

    public static async Task<string> WorkerNameAsync(LanternWebServer server, long worker)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.Workers.AsNoTracking().Where(w => w.Id == worker).Select(w => w.GivenName + " " + w.FamilyName).SingleAsync(Ct);
    }

    public static async Task<int> CountAsync<T>(LanternWebServer server, Func<LanternDbContext, IQueryable<T>> query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await query(db).CountAsync(Ct);
    }

    /// <summary>A date's three boxes.</summary>
    public static Dictionary<string, string> Date(string name, DateOnly date) => new()
    {
        [name + "-day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [name + "-month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [name + "-year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    public static Dictionary<string, string> With(Dictionary<string, string> form, params (string Key, string Value)[] changes)
    {
        var result = new Dictionary<string, string>(form);
        foreach (var (key, value) in changes)
        {
            result[key] = value;
        }

        return result;
    }

    public static Dictionary<string, string> With(Dictionary<string, string> form, Dictionary<string, string> more)
    {
        var result = new Dictionary<string, string>(form);
        foreach (var (key, value) in more)
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>The form came back (200) with the GOV.UK error summary holding <paramref name="message"/>.</summary>
    public static void AssertRefused(HttpResponseMessage response, string html, string message)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the form again with \"{message}\", got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        var summary = html[html.IndexOf("govuk-error-summary__list", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.Contains(WebUtility.HtmlEncode(message), summary, StringComparison.Ordinal);
    }

    /// <summary>GETs the form at <paramref name="path"/> and posts <paramref name="fields"/> to it
    /// with the form's hidden inputs (the anti-forgery token and the record version), as a browser would.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(Session session, string path, Dictionary<string, string> fields)
    {
        var (_, html) = await session.GetAsync(path);
        var content = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match input in System.Text.RegularExpressions.Regex.Matches(html, "<input[^>]*type=\"hidden\"[^>]*>"))
        {
            var name = System.Text.RegularExpressions.Regex.Match(input.Value, "name=\"([^\"]+)\"");
            var value = System.Text.RegularExpressions.Regex.Match(input.Value, "value=\"([^\"]*)\"");
            if (name.Success && value.Success)
            {
                content[WebUtility.HtmlDecode(name.Groups[1].Value)] = WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        foreach (var (key, value) in fields)
        {
            content[key] = value;
        }

        return await PostAsync(session, path, content);
    }

    /// <summary>An anti-forgery token from a form page.</summary>
    public static async Task<string> TokenAsync(Session session, string formPath)
    {
        var (_, html) = await session.GetAsync(formPath);
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"{formPath} has no anti-forgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form as it is (the token included by the caller).</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> PostAsync(Session session, string path, Dictionary<string, string> fields)
    {
        using var body = new FormUrlEncodedContent(fields);
        var response = await session.Client.PostAsync(new Uri(path, UriKind.Relative), body, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }
}
