using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Access;
using Lantern.Web.Pages.Children;
using Lantern.Web.Security;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests;

/// <summary>Relationship-based access to children's records through the real pages: full records,
/// "known only", restricted records, breaking the glass, forged identifiers, the audit of each, and
/// the audit and numbers pages.</summary>
public sealed partial class AccessHttpTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Social_worker_opens_an_allocated_child_and_the_read_is_audited_once_with_its_basis()
    {
        var child = (await AccessProbe.ChildrenAsync(server, StaffRole.SocialWorker, d => d.Basis == AccessBasis.AllocatedWorker))[0];
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var before = await AccessProbe.EntriesAsync(server, DemoAccess.UserName(StaffRole.SocialWorker), child);

        var (response, html) = await s.GetAsync($"/children/{child}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("What is due", html, StringComparison.Ordinal);
        Assert.DoesNotContain("This child is known to children", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Who has seen this record", html, StringComparison.Ordinal);
        var after = await AccessProbe.EntriesAsync(server, DemoAccess.UserName(StaffRole.SocialWorker), child);
        var entry = Assert.Single(after, e => before.All(b => b.Id != e.Id));
        Assert.Equal(AuditAction.ReadRecord, entry.Action);
        Assert.True(entry.Succeeded);
        Assert.Equal(AccessBasis.AllocatedWorker, entry.Basis);
        Assert.Equal(StaffRole.SocialWorker, entry.Role);
        Assert.False(string.IsNullOrEmpty(entry.IpAddress));
    }

    [Fact]
    public async Task Social_worker_sees_only_that_a_child_of_another_team_is_known_and_who_to_contact()
    {
        var child = (await AccessProbe.KnownOnlyAllocatedAsync(server, StaffRole.SocialWorker))[0];
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var contact = await AccessProbe.ContactAsync(server, child);
        var record = await AccessProbe.ChildAsync(server, child);

        var (response, html) = await s.GetAsync($"/children/{child}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This child is known to children's social care.", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(record.DisplayName), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(contact.WorkerName!), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(contact.TeamName!), html, StringComparison.Ordinal);
        if (contact.ManagerName is { } manager)
        {
            Assert.Contains(WebUtility.HtmlEncode(manager), html, StringComparison.Ordinal);
        }

        Assert.Contains("Break the glass", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/children/{child}/break-glass\"", html, StringComparison.Ordinal);

        // Nothing of the record itself.
        Assert.DoesNotContain("What is due", html, StringComparison.Ordinal);
        Assert.DoesNotContain("moj-timeline", html, StringComparison.Ordinal);
        if (record.Postcode is { } postcode)
        {
            Assert.DoesNotContain(postcode, html, StringComparison.Ordinal);
        }

        if (record.NhsNumber is { } nhs)
        {
            Assert.DoesNotContain(nhs[..3] + " " + nhs[3..6], html, StringComparison.Ordinal);
        }

        var entry = (await AccessProbe.EntriesAsync(server, DemoAccess.UserName(StaffRole.SocialWorker), child))[^1];
        Assert.Equal(AuditAction.KnownOnlyView, entry.Action);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control must be no-store");
    }

    [Fact]
    public async Task Changing_the_id_in_the_address_to_a_restricted_child_is_the_same_404_as_no_child_and_is_audited()
    {
        var restricted = await AccessProbe.RestrictedChildAsync(server);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (response, html) = await s.GetAsync($"/children/{restricted}");
        var (missing, missingHtml) = await s.GetAsync("/children/987654321");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(Title(missingHtml), Title(html));
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        var entry = (await AccessProbe.EntriesAsync(server, DemoAccess.UserName(StaffRole.SocialWorker), restricted))[^1];
        Assert.Equal(AuditAction.AccessDenied, entry.Action);
        Assert.False(entry.Succeeded);

        // Nor can the glass be broken into it, or its audit seen.
        var (glass, _) = await s.PostFormAsync("/children", new() { ["Reason"] = "The police have asked about this child out of hours tonight" }, $"/children/{restricted}/break-glass");
        Assert.Equal(HttpStatusCode.NotFound, glass.StatusCode);
        Assert.Empty(await AccessProbe.GrantsAsync(server, StaffRole.SocialWorker, restricted));
    }

    [Fact]
    public async Task Breaking_the_glass_with_a_short_reason_shows_an_error_and_grants_nothing()
    {
        var child = (await AccessProbe.KnownOnlyAllocatedAsync(server, StaffRole.SocialWorker))[2];
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (empty, emptyHtml) = await s.PostFormAsync($"/children/{child}", new() { ["Reason"] = "  " }, $"/children/{child}/break-glass");
        var (response, html) = await s.PostFormAsync($"/children/{child}", new() { ["Reason"] = "Need to check" }, $"/children/{child}/break-glass");
        var (tooLong, tooLongHtml) = await s.PostFormAsync($"/children/{child}", new() { ["Reason"] = new string('x', 1001) }, $"/children/{child}/break-glass");

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains($"<a href=\"#reason\">{KnownOnlyView.ReasonMissing}</a>", emptyHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#reason\">{KnownOnlyView.ReasonTooShort}</a>", html, StringComparison.Ordinal);
        Assert.Contains("govuk-textarea--error", html, StringComparison.Ordinal);
        Assert.Contains(">Need to check</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Contains(KnownOnlyView.ReasonTooLong, tooLongHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Empty(await AccessProbe.GrantsAsync(server, StaffRole.SocialWorker, child));

        var (record, recordHtml) = await s.GetAsync($"/children/{child}");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Contains("This child is known to children", recordHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Breaking_the_glass_with_a_reason_grants_today_audits_the_reason_and_opens_the_record()
    {
        var child = (await AccessProbe.KnownOnlyAllocatedAsync(server, StaffRole.SocialWorker))[1];
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        const string Reason = "Police called out of hours about this child; the allocated worker cannot be reached.";

        var (response, _) = await s.PostFormAsync($"/children/{child}", new() { ["Reason"] = Reason }, $"/children/{child}/break-glass");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/children/{child}", response.Headers.Location?.OriginalString);
        var grant = Assert.Single(await AccessProbe.GrantsAsync(server, StaffRole.SocialWorker, child));
        Assert.Equal(AccessGrantKind.BreakGlass, grant.Kind);
        Assert.Equal(Reason, grant.Reason);
        Assert.Equal(grant.UserId, grant.GrantedBy);
        Assert.Equal(DateTime.UtcNow.Date.AddDays(1), grant.ExpiresAt);
        var glass = (await AccessProbe.EntriesAsync(server, DemoAccess.UserName(StaffRole.SocialWorker), child))[^1];
        Assert.Equal(AuditAction.BreakGlass, glass.Action);
        Assert.True(glass.Succeeded);
        Assert.Equal(Reason, glass.Reason);

        var (record, html) = await s.GetAsync($"/children/{child}");

        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Contains("What is due", html, StringComparison.Ordinal);
        Assert.Contains("You broke the glass to see this record", html, StringComparison.Ordinal);
        var read = (await AccessProbe.EntriesAsync(server, DemoAccess.UserName(StaffRole.SocialWorker), child))[^1];
        Assert.Equal(AuditAction.ReadRecord, read.Action);
        Assert.Equal(AccessBasis.BreakGlass, read.Basis);

        // The director (everyone's manager at the top) sees it on the break-glass report.
        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        var (report, reportHtml) = await director.GetAsync("/audit/break-glass");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(Reason), reportHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child}\"", reportHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Business_support_cannot_break_the_glass_and_the_attempt_is_audited()
    {
        var child = (await AccessProbe.KnownOnlyAllocatedAsync(server, StaffRole.BusinessSupport))[0];
        var s = await SessionPool.ForAsync(server, StaffRole.BusinessSupport);

        var (page, pageHtml) = await s.GetAsync($"/children/{child}");
        // (The known-only page has no form for them: the anti-forgery token comes from the search page.)
        var (response, _) = await s.PostFormAsync("/children", new() { ["Reason"] = "I would like to see this record for my own reasons" }, $"/children/{child}/break-glass");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("This child is known to children", pageHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Break the glass", pageHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await AccessProbe.GrantsAsync(server, StaffRole.BusinessSupport, child));
        var entry = (await AccessProbe.EntriesAsync(server, DemoAccess.UserName(StaffRole.BusinessSupport), child))[^1];
        Assert.Equal(AuditAction.BreakGlass, entry.Action);
        Assert.False(entry.Succeeded);
    }

    [Fact]
    public async Task The_team_manager_named_on_a_restricted_record_finds_and_opens_it_and_nobody_else_finds_it()
    {
        var restricted = await AccessProbe.RestrictedChildAsync(server);
        var child = await AccessProbe.ChildAsync(server, restricted);
        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var director = await SessionPool.ForAsync(server, StaffRole.Director);

        var (response, html) = await manager.GetAsync($"/children/{restricted}");
        var (_, found) = await manager.PostFormAsync("/children", new() { ["ChildId"] = child.LaChildId });
        var (_, notFound) = await director.PostFormAsync("/children", new() { ["ChildId"] = child.LaChildId });
        var (directorRecord, _) = await director.GetAsync($"/children/{restricted}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1 class=\"govuk-heading-l\">{WebUtility.HtmlEncode(child.DisplayName)}</h1>", html, StringComparison.Ordinal);
        var read = (await AccessProbe.EntriesAsync(server, DemoAccess.UserName(StaffRole.TeamManager), restricted))[^1];
        Assert.Equal(AccessBasis.NamedPerson, read.Basis);
        Assert.Contains("1 child found", found, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{restricted}\"", found, StringComparison.Ordinal);
        Assert.Contains("No children found", notFound, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, directorRecord.StatusCode);
    }

    [Fact]
    public async Task The_data_protection_officer_sees_who_has_seen_a_record_including_the_social_workers_read()
    {
        var child = (await AccessProbe.ChildrenAsync(server, StaffRole.SocialWorker, d => d.Basis == AccessBasis.AllocatedWorker))[^1];
        var worker = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var dpo = await SessionPool.ForAsync(server, StaffRole.DataProtectionOfficer);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/children/{child}")).Response.StatusCode);

        var (record, recordHtml) = await dpo.GetAsync($"/children/{child}");
        var (response, html) = await dpo.GetAsync($"/children/{child}/audit");

        // The DPO cannot open the record itself, only see that the child is known.
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Contains("This child is known to children", recordHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child}/audit\"", recordHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Who has seen this record</h1>", html, StringComparison.Ordinal);
        Assert.Contains(DemoAccess.UserName(StaffRole.SocialWorker), html, StringComparison.Ordinal);
        Assert.Contains("Opened the record", html, StringComparison.Ordinal);
        Assert.Contains("Allocated worker", html, StringComparison.Ordinal);
        Assert.Contains(AccessMatrix.Title(StaffRole.SocialWorker), html, StringComparison.Ordinal);
        var viewed = (await AccessProbe.EntriesAsync(server, DemoAccess.UserName(StaffRole.DataProtectionOfficer), child))[^1];
        Assert.Equal(AuditAction.ViewRecordAudit, viewed.Action);

        // Restricted records are hidden from the DPO too (unless named).
        var (restricted, _) = await dpo.GetAsync($"/children/{await AccessProbe.RestrictedChildAsync(server)}/audit");
        Assert.Equal(HttpStatusCode.NotFound, restricted.StatusCode);
    }

    [Fact]
    public async Task A_manager_sees_who_has_seen_only_records_they_may_open()
    {
        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var own = (await AccessProbe.ChildrenAsync(server, StaffRole.TeamManager, d => d.CanOpen))[0];
        var other = (await AccessProbe.KnownOnlyAllocatedAsync(server, StaffRole.TeamManager))[0];

        var (ownAudit, ownHtml) = await manager.GetAsync($"/children/{own}/audit");
        var (otherAudit, _) = await manager.GetAsync($"/children/{other}/audit");
        var (ownRecord, ownRecordHtml) = await manager.GetAsync($"/children/{own}");

        Assert.Equal(HttpStatusCode.OK, ownAudit.StatusCode);
        Assert.Contains("Who has seen this record", ownHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, otherAudit.StatusCode);
        Assert.Contains($"href=\"/children/{own}/audit\"", ownRecordHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ownRecord.StatusCode);
    }

    [Theory]
    [InlineData(StaffRole.ImprovementBoardMember)]
    [InlineData(StaffRole.PerformanceAnalyst)]
    public async Task Board_members_and_analysts_see_numbers_but_not_children(StaffRole role)
    {
        var s = await SessionPool.ForAsync(server, role);

        var (numbers, _) = await s.GetAsync("/numbers");
        var (children, _) = await s.GetAsync("/children");
        var child = (await AccessProbe.ChildrenAsync(server, StaffRole.Director, d => d.CanOpen))[0];
        var (record, _) = await s.GetAsync($"/children/{child}");

        Assert.Equal(HttpStatusCode.OK, numbers.StatusCode);
        AssertDenied(children);
        AssertDenied(record);
    }

    [Fact]
    public async Task Numbers_show_no_names_or_ids_and_suppress_small_ward_counts()
    {
        var s = await SessionPool.ForAsync(server, StaffRole.ImprovementBoardMember);

        var (response, html) = await s.GetAsync("/numbers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control must be no-store");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var children = await db.Children.AsNoTracking().OrderBy(c => c.Id).Take(200).ToListAsync(Ct);
            foreach (var child in children)
            {
                Assert.DoesNotContain(WebUtility.HtmlEncode(child.DisplayName), html, StringComparison.Ordinal);
                Assert.DoesNotContain(child.LaChildId, html, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain("href=\"/children/", html, StringComparison.Ordinal);
        Assert.Contains("[c] 1 to 5 children, or a number hidden so the [c] cannot be worked out", html, StringComparison.Ordinal);

        // Every count of 1 to 5 in the ward table is shown as [c]; the looked-after column is checked
        // against the database.
        var wardTable = html[html.IndexOf("id=\"by-ward\"", StringComparison.Ordinal)..html.IndexOf("id=\"by-age\"", StringComparison.Ordinal)];
        var cells = Cell().Matches(wardTable).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.True(c == "[c]" || (int.TryParse(c, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && (n == 0 || n > 5)), $"cell {c} shows a small number"));
        var small = await AccessProbe.SmallWardCountAsync(server);
        Assert.NotNull(small);
        var row = WardRow(wardTable, small.Value.Ward);
        var lookedAfter = Cell().Matches(row).Select(m => m.Groups[1].Value).First();
        Assert.Equal("[c]", lookedAfter);
        Assert.Contains("[c]<span class=\"govuk-visually-hidden\"> (number hidden)</span>", wardTable, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRole.Director)]
    [InlineData(StaffRole.DataProtectionOfficer)]
    public async Task Access_alerts_list_the_demo_account_that_opened_forty_records_behind_broken_glass(StaffRole role)
    {
        var (userName, userRole) = await AccessProbe.UnusualAccessAccountAsync(server);
        var s = await SessionPool.ForAsync(server, role);

        var (response, html) = await s.GetAsync("/audit/alerts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var at = html.IndexOf($">{userName}<", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{userName} is not among the alerts");
        var row = html[at..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(AccessMatrix.Title(userRole), row, StringComparison.Ordinal);
        Assert.Matches(@">\s*(4\d|[5-9]\d)\s*<", row);
        if (role == StaffRole.DataProtectionOfficer)
        {
            Assert.Contains("href=\"/audit?user=", row, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("href=\"/audit", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_data_protection_officer_filters_the_audit_trail_by_user_name_and_child()
    {
        var s = await SessionPool.ForAsync(server, StaffRole.DataProtectionOfficer);
        var restricted = await AccessProbe.RestrictedChildAsync(server);

        var (all, allHtml) = await s.GetAsync("/audit");
        var (unusual, _) = await AccessProbe.UnusualAccessAccountAsync(server);
        var (byUser, byUserHtml) = await s.PostFormAsync("/audit", new() { ["UserName"] = unusual });
        var (byChild, byChildHtml) = await s.PostFormAsync("/audit", new() { ["Child"] = restricted.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Contains("lantern audit verify --db &lt;target&gt;", allHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byUser.StatusCode);
        Assert.Contains("Broke the glass", byUserHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccess.UserName(StaffRole.Director) + "<", byUserHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byChild.StatusCode);
        Assert.Contains($"href=\"/children/{restricted}/audit\"", byChildHtml, StringComparison.Ordinal);

        var denied = await SessionPool.ForAsync(server, StaffRole.Director);
        AssertDenied((await denied.GetAsync("/audit")).Response);
    }

    [Fact]
    public async Task Each_search_is_audited_with_its_criteria_and_result_count()
    {
        var child = await ChildrenHttpTests.KnownChildAsync(server);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (response, html) = await s.PostFormAsync("/children", new() { ["ChildId"] = child.LaChildId, ["dob-day"] = child.DateOfBirth!.Value.Day.ToString(CultureInfo.InvariantCulture), ["dob-month"] = child.DateOfBirth.Value.Month.ToString(CultureInfo.InvariantCulture), ["dob-year"] = child.DateOfBirth.Value.Year.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 child found", html, StringComparison.Ordinal);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var userName = DemoAccess.UserName(StaffRole.SocialWorker);
        var searches = await db.AuditEntries.AsNoTracking()
            .Where(e => e.UserName == userName && e.Action == AuditAction.Search)
            .OrderByDescending(e => e.Id)
            .Take(20)
            .ToListAsync(Ct);
        var entry = Assert.Single(searches, e => e.Detail!.Contains(child.LaChildId, StringComparison.Ordinal) && e.Detail.Contains("date of birth", StringComparison.Ordinal));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"child ID=\"{child.LaChildId}\"; date of birth={child.DateOfBirth.Value:yyyy-MM-dd}; results=1"), entry.Detail);
        Assert.True(entry.Succeeded);
        Assert.Null(entry.ChildId);
    }

    [Fact]
    public async Task Search_lists_children_known_only_by_name_date_of_birth_and_id_but_nothing_from_their_record()
    {
        var child = (await AccessProbe.KnownOnlyAllocatedAsync(server, StaffRole.SocialWorker))[5];
        var record = await AccessProbe.ChildAsync(server, child);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (_, html) = await s.PostFormAsync("/children", new() { ["ChildId"] = record.LaChildId });

        Assert.Contains("1 child found", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child}\"", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(record.DisplayName), html, StringComparison.Ordinal);
        Assert.Contains("Known: see who to contact", html, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-tag", html[html.IndexOf("<table", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forged_ids_in_forms_and_query_strings_cannot_reach_another_child()
    {
        var knownOnly = await AccessProbe.KnownOnlyAllocatedAsync(server, StaffRole.SocialWorker);
        var (a, b) = (knownOnly[3], knownOnly[4]);
        var restricted = await AccessProbe.RestrictedChildAsync(server);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var reason = "Checking a forged form cannot open another child's record today";

        // A break-glass post for A that names B (and the restricted child) in the form.
        var (response, _) = await s.PostFormAsync($"/children/{a}", new() { ["Reason"] = reason, ["id"] = b.ToString(CultureInfo.InvariantCulture), ["ChildId"] = restricted.ToString(CultureInfo.InvariantCulture) }, $"/children/{a}/break-glass");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/children/{a}", response.Headers.Location?.OriginalString);
        Assert.Single(await AccessProbe.GrantsAsync(server, StaffRole.SocialWorker, a));
        Assert.Empty(await AccessProbe.GrantsAsync(server, StaffRole.SocialWorker, b));
        Assert.Empty(await AccessProbe.GrantsAsync(server, StaffRole.SocialWorker, restricted));

        // B is still known only, whatever the query string says.
        var (record, html) = await s.GetAsync($"/children/{b}?id={a}");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Contains("This child is known to children", html, StringComparison.Ordinal);

        // A break-glass post to B's address carrying A's grant-worthy form is for B only and needs its own reason.
        var (empty, _) = await s.PostFormAsync($"/children/{b}", new() { ["id"] = a.ToString(CultureInfo.InvariantCulture) }, $"/children/{b}/break-glass");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Empty(await AccessProbe.GrantsAsync(server, StaffRole.SocialWorker, b));

        // And a post without the anti-forgery token is refused outright.
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["Reason"] = reason });
        using var noToken = await s.Client.PostAsync(new Uri($"/children/{b}/break-glass", UriKind.Relative), forged, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Empty(await AccessProbe.GrantsAsync(server, StaffRole.SocialWorker, b));
    }

    internal static void AssertDenied(HttpResponseMessage response)
    {
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0]) : null;
        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location == "/account/access-denied"),
            $"expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    private static string Title(string html) => TitlePattern().Match(html).Groups[1].Value;

    private static string WardRow(string table, string ward)
    {
        var start = table.IndexOf($">{WebUtility.HtmlEncode(ward)}</th>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for ward {ward}");
        var end = table.IndexOf("</tr>", start, StringComparison.Ordinal);
        return table[start..end];
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitlePattern();

    [GeneratedRegex("<td class=\"govuk-table__cell govuk-table__cell--numeric\">([^<]*)")]
    private static partial Regex Cell();
}

/// <summary>One signed-in session per demo role, shared by the tests of the assembly: sign-ins are
/// rate-limited and each needs a one-time code not used before, so they are kept few. A session that
/// has ended (for example after "sign out everywhere") is replaced.</summary>
internal static class SessionPool
{
    private static readonly ConcurrentDictionary<(Uri Root, string UserName), Lazy<Task<Session>>> Sessions = new();

    public static Task<Session> ForAsync(LanternWebServer server, StaffRole role) => ForAsync(server, DemoAccess.UserName(role));

    public static async Task<Session> ForAsync(LanternWebServer server, string userName)
    {
        (Uri Root, string UserName) key = (server.RootUri, userName);
        var lazy = Sessions.GetOrAdd(key, k => new Lazy<Task<Session>>(() => Session.SignInAsync(k.Root, k.UserName)));
        Session session;
        try
        {
            session = await lazy.Value;
        }
        catch
        {
            Sessions.TryRemove(new KeyValuePair<(Uri, string), Lazy<Task<Session>>>(key, lazy));
            throw;
        }

        var (_, home) = await session.GetAsync("/");
        if (home.Contains("href=\"/account/sign-out\"", StringComparison.Ordinal))
        {
            return session;
        }

        Sessions.TryUpdate(key, new Lazy<Task<Session>>(() => Session.SignInAsync(key.Root, key.UserName)), lazy);
        return await Sessions[key].Value;
    }
}

/// <summary>Looks things up in the test server's database and asks its access service, to choose
/// children for the tests and check what the pages wrote.</summary>
internal static class AccessProbe
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A principal with the demo account's claims, as the sign-in would give.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(LanternWebServer server, string userName)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, Ct);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName!),
            new(LanternClaims.Role, user.Role.ToString()),
        };
        if (user.WorkerId is { } worker)
        {
            claims.Add(new Claim(LanternClaims.WorkerId, worker.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.NamedDataAccess)
        {
            claims.Add(new Claim(LanternClaims.NamedData, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    /// <summary>Unrestricted children with an open allocation whose decision for the role's demo
    /// account satisfies <paramref name="predicate"/>, in id order (at least one, or the test fails).</summary>
    public static Task<IReadOnlyList<long>> ChildrenAsync(LanternWebServer server, StaffRole role, Func<ChildAccessDecision, bool> predicate) =>
        ChildrenAsync(server, DemoAccess.UserName(role), predicate);

    public static async Task<IReadOnlyList<long>> ChildrenAsync(LanternWebServer server, string userName, Func<ChildAccessDecision, bool> predicate)
    {
        var chosen = await FindChildrenAsync(server, userName, predicate);
        Assert.True(chosen.Count > 0, $"the demo has no child for {userName} that fits the test");
        return chosen;
    }

    /// <summary>As <see cref="ChildrenAsync(LanternWebServer, string, Func{ChildAccessDecision, bool})"/>, possibly none.</summary>
    public static async Task<IReadOnlyList<long>> FindChildrenAsync(LanternWebServer server, string userName, Func<ChildAccessDecision, bool> predicate)
    {
        var user = await PrincipalAsync(server, userName);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var access = scope.ServiceProvider.GetRequiredService<ChildAccessService>();
        var today = access.Today;
        var ids = await db.Allocations.AsNoTracking()
            .Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => a.ChildId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(Ct);
        var restricted = await db.Children.AsNoTracking().Where(c => c.IsRestricted).Select(c => c.Id).ToListAsync(Ct);
        var candidates = ids.Except(restricted).Select(id => KeyValuePair.Create(id, false)).ToList();
        var decisions = await access.DecideAsync(user, candidates, Ct);
        return [.. candidates.Select(c => c.Key).Where(id => predicate(decisions[id]))];
    }

    /// <summary>Children with an allocated worker that the role's demo account may only know of (at
    /// least eight: tests that break the glass each take a different one, by index).</summary>
    public static async Task<IReadOnlyList<long>> KnownOnlyAllocatedAsync(LanternWebServer server, StaffRole role)
    {
        var children = await ChildrenAsync(server, role, d => d.Level == ChildAccessLevel.KnownOnly);
        Assert.True(children.Count >= 8, $"the demo has only {children.Count} children known only to {role}");
        return children;
    }

    /// <summary>The demo's restricted child (the team manager is named on it).</summary>
    public static async Task<long> RestrictedChildAsync(LanternWebServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var manager = DemoAccess.UserName(StaffRole.TeamManager);
        var managerId = await db.Users.Where(u => u.UserName == manager).Select(u => u.Id).SingleAsync(Ct);
        var named = await db.AccessGrants.AsNoTracking()
            .Where(g => g.UserId == managerId && g.Kind == AccessGrantKind.NamedPerson)
            .Select(g => g.ChildId)
            .ToListAsync(Ct);
        return await db.Children.AsNoTracking().Where(c => c.IsRestricted && named.Contains(c.Id)).Select(c => c.Id).FirstAsync(Ct);
    }

    public static async Task<Lantern.Domain.Model.Child> ChildAsync(LanternWebServer server, long id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.Children.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
    }

    public static async Task<ChildContact> ContactAsync(LanternWebServer server, long id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChildAccessService>().ContactAsync(id, Ct);
    }

    /// <summary>The audit entries of one user about one child, oldest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(LanternWebServer server, string userName, long childId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.UserName == userName && e.ChildId == childId)
            .OrderBy(e => e.Id)
            .ToListAsync(Ct);
    }

    /// <summary>Active grants to the role's demo account for a child.</summary>
    public static async Task<IReadOnlyList<AccessGrant>> GrantsAsync(LanternWebServer server, StaffRole role, long childId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var userName = DemoAccess.UserName(role);
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
        var now = DateTime.UtcNow;
        var grants = await db.AccessGrants.AsNoTracking().Where(g => g.UserId == userId && g.ChildId == childId).ToListAsync(Ct);
        return [.. grants.Where(g => g.IsActiveAt(now))];
    }

    /// <summary>The demo account whose seeded history has the unusual-access pattern: the one that
    /// opened 40 or more records behind broken glass.</summary>
    public static async Task<(string UserName, StaffRole Role)> UnusualAccessAccountAsync(LanternWebServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var reads = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.ReadRecord && e.Basis == AccessBasis.BreakGlass && e.Role != null)
            .GroupBy(e => new { e.UserName, e.Role })
            .Select(g => new { g.Key.UserName, g.Key.Role, Count = g.Select(e => e.ChildId).Distinct().Count() })
            .ToListAsync(Ct);
        var account = reads.Where(r => r.Count >= 40).OrderByDescending(r => r.Count).FirstOrDefault();
        Assert.True(account is not null, "the demo history has no unusual-access pattern");
        return (account.UserName, account.Role!.Value);
    }

    /// <summary>A ward whose number of children looked after on "today" is 1 to 5.</summary>
    public static async Task<(string Ward, int Count)?> SmallWardCountAsync(LanternWebServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<ChildAccessService>().Today;
        var lookedAfter = db.CareEpisodes.Where(e => e.StartDate <= today && (e.EndDate == null || e.EndDate > today)).Select(e => e.ChildId);
        var counts = await db.Children.AsNoTracking()
            .Where(c => lookedAfter.Contains(c.Id) && c.Ward != null)
            .GroupBy(c => c.Ward!)
            .Select(g => new { Ward = g.Key, Count = g.Count() })
            .ToListAsync(Ct);
        return counts.Where(c => c.Count is >= 1 and <= 5).OrderBy(c => c.Ward, StringComparer.Ordinal).Select(c => ((string, int)?)(c.Ward, c.Count)).FirstOrDefault();
    }
}
