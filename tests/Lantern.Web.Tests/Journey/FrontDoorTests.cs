using System.Net;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Tests.Journey;

/// <summary>The front door through the real pages: the queue with its one-working-day due dates
/// (across Easter), finding or creating the child (duplicates shown, restricted records never),
/// recording the contact, the screening decision (a referral and allocation, or early help) and the
/// manager's sign-off; every form refuses bad input and saves nothing.</summary>
public sealed class FrontDoorTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JourneyData data = new(server);

    [Theory]
    [InlineData(StaffRole.Director)]
    [InlineData(StaffRole.PerformanceAnalyst)]
    [InlineData(StaffRole.SystemAdministrator)]
    public async Task A_person_who_may_not_record_contacts_is_refused(StaffRole role)
    {
        var s = await SessionPool.ForAsync(server, role);

        var (list, _) = await s.GetAsync("/front-door");
        var (form, _) = await s.GetAsync("/front-door/contacts/new");

        AccessHttpTests.AssertDenied(list);
        AccessHttpTests.AssertDenied(form);
    }

    [Fact]
    public async Task The_decision_on_a_contact_received_before_Easter_is_due_on_the_Tuesday_after()
    {
        // Thursday 2 April 2026 at 16:00 UK time (15:00 UTC); Good Friday 3 April and Easter Monday
        // 6 April are bank holidays, so one working day later is Tuesday 7 April.
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var child = await data.AddChildAsync();
        var contact = new Contact { ChildId = child, ReceivedAt = new DateTime(2026, 4, 2, 15, 0, 0, DateTimeKind.Utc), Source = ReferralSource.Police, Summary = "Police attended a domestic incident.", RecordedByWorkerId = sw };
        await data.SaveAsync(db => db.Contacts.Add(contact));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (response, html) = await s.GetAsync($"/children/{child}/contacts/{contact.Id}/decision");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssessmentTests.AssertRow(html, "Received", "2 April 2026 at 4:00pm");
        AssessmentTests.AssertRow(html, "Decision due", "By 7 April 2026");

        var (_, list) = await s.GetAsync($"/front-door?page={await PageOfAsync(contact)}");
        var row = Row(list, $"/children/{child}/contacts/{contact.Id}/decision");
        Assert.Contains("Juniper Assessment-Journey", row, StringComparison.Ordinal);
        Assert.Contains("7 April 2026", row, StringComparison.Ordinal);
        Assert.Contains("Police (6)", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_tags_overdue_and_due_today_and_hides_names_of_children_the_person_may_not_open()
    {
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var mine = await data.AddChildAsync();
        var theirs = await data.AddChildAsync();
        // Friday 27 March: due Monday 30 March, overdue on Tuesday 31 March. Monday 30 March: due today.
        var overdue = new Contact { ChildId = mine, ReceivedAt = new DateTime(2026, 3, 27, 9, 0, 0, DateTimeKind.Utc), Source = ReferralSource.Schools, RecordedByWorkerId = sw };
        var dueToday = new Contact { ChildId = theirs, ReceivedAt = new DateTime(2026, 3, 30, 9, 0, 0, DateTimeKind.Utc), Source = ReferralSource.Gp };
        await data.SaveAsync(db => db.Contacts.AddRange(overdue, dueToday));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (_, first) = await s.GetAsync($"/front-door?page={await PageOfAsync(overdue)}");
        var (_, second) = await s.GetAsync($"/front-door?page={await PageOfAsync(dueToday)}");

        var overdueRow = Row(first, $"/children/{mine}\"");
        Assert.Contains("govuk-tag--red\">Overdue", overdueRow, StringComparison.Ordinal);
        Assert.Contains("30 March 2026", overdueRow, StringComparison.Ordinal);
        var rows = System.Text.RegularExpressions.Regex.Matches(WebUtility.HtmlDecode(second), "<tr class=\"govuk-table__row\">.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Value)
            .Where(r => r.Contains("27 March 2026", StringComparison.Ordinal) is false && r.Contains("Health services – GP (3A)", StringComparison.Ordinal) && r.Contains("Child known to the front door", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r.Contains("govuk-tag--orange\">Due today", StringComparison.Ordinal));
        Assert.DoesNotContain($"/children/{theirs}\"", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/front-door/contacts/new\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_about_a_new_child_creates_the_child_and_the_contact_together()
    {
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var family = UniqueName();
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var child = Child("Rowan", family, "14", "2", "2019", nhs: "", postcode: "dn31 1hu");

        var (step2, html) = await s.PostFormAsync("/front-door/contacts/new", child);

        Assert.Equal(HttpStatusCode.OK, step2.StatusCode);
        Assert.Contains("id=\"no-matches\"", html, StringComparison.Ordinal);
        Assert.Contains("Record the contact", html, StringComparison.Ordinal);
        var (saved, savedHtml) = await s.PostFormAsync("/front-door/contacts/new", Step2(child));

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Errors(savedHtml));
        var created = Assert.Single(await data.QueryAsync(db => db.Children.Where(c => c.FamilyName == family).ToListAsync(Ct)));
        Assert.Equal($"/children/{created.Id}", saved.Headers.Location?.OriginalString);
        Assert.Equal("Rowan", created.GivenName);
        Assert.Equal(new DateOnly(2019, 2, 14), created.DateOfBirth);
        Assert.Equal("DN31 1HU", created.Postcode);
        Assert.Equal(Sex.Female, created.Sex);
        Assert.True(Lantern.Domain.Identifiers.LaChildId.IsValid(created.LaChildId));
        Assert.Equal(1, await data.QueryAsync(db => db.Children.CountAsync(c => c.LaChildId == created.LaChildId, Ct)));
        var contact = Assert.Single(await data.QueryAsync(db => db.Contacts.Where(c => c.ChildId == created.Id).ToListAsync(Ct)));
        Assert.Equal(sw, contact.RecordedByWorkerId);
        Assert.Equal(new DateTime(2026, 3, 31, 8, 15, 0, DateTimeKind.Utc), contact.ReceivedAt); // 09:15 BST
        Assert.Equal("3A", contact.Source.Code);
        Assert.Null(contact.DecidedAt);
        var audit = await data.QueryAsync(db => db.AuditEntries.Where(e => e.ChildId == created.Id && e.Action == AuditAction.WriteRecord).ToListAsync(Ct));
        Assert.Equal(AccessBasis.FrontDoor, Assert.Single(audit).Basis);

        // The recorder may now open the child's record (front door access) and decide.
        var (record, recordHtml) = await s.GetAsync($"/children/{created.Id}");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Contains($"href=\"/children/{created.Id}/contacts/{contact.Id}/decision\"", recordHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{created.Id}/contacts/new\"", recordHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Possible_duplicates_are_shown_and_the_contact_is_recorded_against_the_one_chosen()
    {
        var family = UniqueName();
        var existing = await AddNamedChildAsync("Marigold", family, new DateOnly(2017, 5, 9), nhs: null);
        var swapped = await AddNamedChildAsync("Marigold", family, new DateOnly(2017, 9, 5), nhs: null);
        var other = await AddNamedChildAsync("Marigold", family, new DateOnly(2016, 5, 9), nhs: null);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var child = Child("Marigld", family, "9", "5", "2017");

        var (step2, html) = await s.PostFormAsync("/front-door/contacts/new", child);

        Assert.Equal(HttpStatusCode.OK, step2.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains($"value=\"{existing}\"", text, StringComparison.Ordinal);
        Assert.Contains($"value=\"{swapped}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{other}\"", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf($"value=\"{existing}\"", StringComparison.Ordinal) < text.IndexOf($"value=\"{swapped}\"", StringComparison.Ordinal), "the closer match comes first");
        Assert.Contains("Similar name (one letter different) and the same date of birth", text, StringComparison.Ordinal);
        Assert.Contains("None of these: create a new child", text, StringComparison.Ordinal);

        // No choice: refused, nothing saved.
        Func<Task<int>> contacts = () => data.QueryAsync(db => db.Contacts.CountAsync(c => c.ChildId == existing || c.ChildId == swapped, Ct));
        await data.AssertRefusedAsync(s, "/front-door/contacts/new", Step2(child), "f-child", "Select the child the contact is about, or that it is about a new child", contacts);

        var (saved, savedHtml) = await s.PostFormAsync("/front-door/contacts/new", With(Step2(child), ("Child", existing.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Errors(savedHtml));
        Assert.Equal($"/children/{existing}", saved.Headers.Location?.OriginalString);
        Assert.Single(await data.QueryAsync(db => db.Contacts.Where(c => c.ChildId == existing).ToListAsync(Ct)));
        Assert.Equal(3, await data.QueryAsync(db => db.Children.CountAsync(c => c.FamilyName == family, Ct)));
    }

    [Fact]
    public async Task The_same_NHS_number_is_a_match_whatever_the_name()
    {
        var nhs = await UnusedNhsNumberAsync();
        var existing = await AddNamedChildAsync("Tobias", UniqueName(), new DateOnly(2012, 1, 20), nhs);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (_, html) = await s.PostFormAsync("/front-door/contacts/new", Child("Someone", UniqueName(), "3", "3", "2013", nhs: nhs[..3] + " " + nhs[3..6] + " " + nhs[6..]));

        Assert.Contains($"value=\"{existing}\"", html, StringComparison.Ordinal);
        Assert.Contains("Same NHS number", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restricted_child_is_never_shown_and_posting_its_id_is_not_found()
    {
        var family = UniqueName();
        var restricted = await AddNamedChildAsync("Saffron", family, new DateOnly(2015, 7, 1), nhs: null, isRestricted: true);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var child = Child("Saffron", family, "1", "7", "2015");

        var (_, html) = await s.PostFormAsync("/front-door/contacts/new", child);

        Assert.Contains("id=\"no-matches\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{restricted}\"", html, StringComparison.Ordinal);
        var (response, _) = await s.PostFormAsync("/front-door/contacts/new", With(Step2(child), ("Child", restricted.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await data.QueryAsync(db => db.Contacts.CountAsync(c => c.ChildId == restricted, Ct)));
        Assert.Equal(1, await data.QueryAsync(db => db.Children.CountAsync(c => c.FamilyName == family, Ct)));
    }

    [Fact]
    public async Task The_child_questions_refuse_bad_answers_and_save_nothing()
    {
        var family = UniqueName();
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        const string Path = "/front-door/contacts/new";
        Dictionary<string, string> Good() => Child("Rowan", family, "14", "2", "2019");
        Func<Task<string>> state = () => data.QueryAsync(async db => $"{await db.Children.CountAsync(c => c.FamilyName == family, Ct)} {await db.Contacts.CountAsync(c => db.Children.Any(k => k.Id == c.ChildId && k.FamilyName == family), Ct)}");

        await data.AssertRefusedAsync(s, Path, [], "f-given-name", "Enter the child's given name", state);
        await data.AssertRefusedAsync(s, Path, [], "f-family-name", "Enter the child's family name", state);
        await data.AssertRefusedAsync(s, Path, [], "f-date-of-birth-day", "Enter the child's date of birth, or the expected date of birth if the child is not yet born", state);
        await data.AssertRefusedAsync(s, Path, [], "f-sex", "Select the child's sex", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("DateOfBirth-day", "30")), "f-date-of-birth-day", "The child's date of birth must be a real date", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("DateOfBirth-year", "2027")), "f-date-of-birth-day", "The child's date of birth must be today or in the past", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("ExpectedDateOfBirth-day", "1"), ("ExpectedDateOfBirth-month", "6"), ("ExpectedDateOfBirth-year", "2026")), "f-expected-date-of-birth-day", "Leave the expected date of birth blank if the child has been born", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("DateOfBirth-day", ""), ("DateOfBirth-month", ""), ("DateOfBirth-year", ""), ("ExpectedDateOfBirth-day", "1"), ("ExpectedDateOfBirth-month", "6"), ("ExpectedDateOfBirth-year", "2027")), "f-expected-date-of-birth-day", "The expected date of birth must be within 42 weeks of today, on or before 19 January 2027", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("NhsNumber", "943 476 5910")), "f-nhs-number", "Enter a valid NHS number. Check the digits: this is not a real NHS number", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("NhsNumber", "94347659")), "f-nhs-number", "NHS number must be 10 digits, like 485 777 3456", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("Postcode", "ZZ99 ABC")), "f-postcode", "Enter a real postcode, like DN31 1HU", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("Sex", "X")), "f-sex", "Select the child's sex from the list", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("GivenName", new string('a', 101))), "f-given-name", "The child's given name must be 100 characters or fewer", state);

        // Details tampered with on the way to step 2 are read again and refused.
        await data.AssertRefusedAsync(s, Path, With(Step2(Good()), ("NhsNumber", "9434765910")), "f-nhs-number", "Enter a valid NHS number. Check the digits: this is not a real NHS number", state);
    }

    [Fact]
    public async Task The_contact_questions_refuse_bad_answers_and_save_nothing()
    {
        var family = UniqueName();
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        const string Path = "/front-door/contacts/new";
        Dictionary<string, string> Good() => Step2(Child("Rowan", family, "14", "2", "2019"));
        Func<Task<string>> state = () => data.QueryAsync(async db => $"{await db.Children.CountAsync(c => c.FamilyName == family, Ct)} {await db.Contacts.CountAsync(c => db.Children.Any(k => k.Id == c.ChildId && k.FamilyName == family), Ct)}");

        await data.AssertRefusedAsync(s, Path, With(Good(), ("ReceivedDate-day", ""), ("ReceivedDate-month", ""), ("ReceivedDate-year", "")), "f-received-date-day", "Enter the date the contact was received", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("ReceivedDate-month", "")), "f-received-date-day", "The date the contact was received must include a month", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("ReceivedDate-day", "1"), ("ReceivedDate-month", "4")), "f-received-date-day", "The date the contact was received must be today or in the past", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("ReceivedDate-year", "2018")), "f-received-date-day", "The date the contact was received must be the same as or after the child's date of birth, 14 February 2019", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("ReceivedTime", "")), "f-received-time", "Enter the time the contact was received", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("ReceivedTime", "25:00")), "f-received-time", "The time the contact was received must be a real time in 24-hour format, like 14:30", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("Source", "")), "f-source", "Select who made the contact", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("Source", "ZZ")), "f-source", "Select who made the contact from the list", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("Summary", "")), "f-summary", "Enter the summary of the concerns", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("Summary", new string('a', 4001))), "f-summary", "The summary of the concerns must be 4000 characters or fewer", state);
        await data.AssertRefusedAsync(s, Path, With(Good(), ("Child", "abc")), "f-child", "Select the child the contact is about from the list", state);
    }

    [Fact]
    public async Task A_contact_recorded_on_the_childs_record_refuses_bad_answers_then_saves()
    {
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var child = await data.AddChildAsync(allocateTo: StaffRole.SocialWorker);
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/contacts/new";
        Dictionary<string, string> Good() => new() { ["ReceivedDate-day"] = "30", ["ReceivedDate-month"] = "3", ["ReceivedDate-year"] = "2026", ["ReceivedTime"] = "11:05", ["Source"] = "6", ["Summary"] = "Police report a missing episode." };
        Func<Task<int>> count = () => data.QueryAsync(db => db.Contacts.CountAsync(c => c.ChildId == child, Ct));

        await data.AssertRefusedAsync(s, path, [], "f-received-date-day", "Enter the date the contact was received", count);
        await data.AssertRefusedAsync(s, path, With(Good(), ("ReceivedDate-day", "31"), ("ReceivedDate-month", "2")), "f-received-date-day", "The date the contact was received must be a real date", count);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Source", "99")), "f-source", "Select who made the contact from the list", count);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Summary", new string('x', 4001))), "f-summary", "The summary of the concerns must be 4000 characters or fewer", count);

        var (saved, html) = await s.PostFormAsync(path, Good());

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Errors(html));
        var contact = Assert.Single(await data.QueryAsync(db => db.Contacts.Where(c => c.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(sw, contact.RecordedByWorkerId);
        Assert.Equal(new DateTime(2026, 3, 30, 10, 5, 0, DateTimeKind.Utc), contact.ReceivedAt);
    }

    [Fact]
    public async Task A_referral_decision_records_the_referral_and_allocates_the_child_to_the_deciding_worker()
    {
        var today = data.Today;
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var child = await data.AddChildAsync();
        var contact = new Contact { ChildId = child, ReceivedAt = new DateTime(2026, 3, 30, 10, 0, 0, DateTimeKind.Utc), Source = ReferralSource.Schools, Summary = "Bruising seen at school.", RecordedByWorkerId = sw };
        await data.SaveAsync(db => db.Contacts.Add(contact));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/contacts/{contact.Id}/decision";
        var (form, formHtml) = await s.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        AssessmentTests.AssertRow(formHtml, "Decision due", "By 31 March 2026 (due today)");
        var fields = Decision("Referral", "31", "09:30", contact.Version);

        var (response, html) = await s.PostFormAsync(path, fields);
        if (response.StatusCode == HttpStatusCode.OK && html.Contains("id=\"return-warnings\"", StringComparison.Ordinal))
        {
            // A referral without a primary need is a census query: saved once acknowledged.
            Assert.Null((await data.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct))).DecidedAt);
            (response, html) = await s.PostFormAsync(path, With(fields, (CaseworkPageModel.AcknowledgeName, "yes")));
        }

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Errors(html));
        var decided = await data.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct));
        Assert.Equal(ContactOutcome.Referral, decided.Outcome);
        Assert.Equal(new DateTime(2026, 3, 31, 8, 30, 0, DateTimeKind.Utc), decided.DecidedAt);
        Assert.Equal(sw, decided.DecidedByWorkerId);
        Assert.Equal("Needs a social work assessment.", decided.DecisionReason);
        var referral = Assert.Single(await data.QueryAsync(db => db.Referrals.Where(r => r.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(today, referral.ReferralDate);
        Assert.Equal("2A", referral.Source.Code);
        Assert.Equal(contact.Id, referral.ContactId);
        Assert.Null(referral.PrimaryNeed);
        var allocation = Assert.Single(await data.QueryAsync(db => db.Allocations.Where(a => a.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(sw, allocation.WorkerId);
        Assert.Equal(today, allocation.StartDate);

        // Decided once: a second decision is refused and changes nothing.
        Func<Task<string>> state = () => data.QueryAsync(async db => $"{(await db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct)).Version} {await db.Referrals.CountAsync(r => r.ChildId == child, Ct)}");
        await data.AssertRefusedAsync(s, path, Decision("NoFurtherAction", "31", "10:00", decided.Version), "f-outcome", "A screening decision was already recorded on this contact, at 31 March 2026 at 9:30am", state);
    }

    [Fact]
    public async Task A_decision_made_by_someone_else_meanwhile_is_a_conflict()
    {
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var child = await data.AddChildAsync(allocateTo: StaffRole.SocialWorker);
        var contact = new Contact { ChildId = child, ReceivedAt = new DateTime(2026, 3, 30, 10, 0, 0, DateTimeKind.Utc), Source = ReferralSource.Schools, RecordedByWorkerId = sw };
        await data.SaveAsync(db => db.Contacts.Add(contact));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/contacts/{contact.Id}/decision";

        var (response, html) = await s.PostFormAsync(path, Decision("AdviceAndSignposting", "31", "09:30", contact.Version - 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this record", html, StringComparison.Ordinal);
        Assert.Null((await data.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct))).DecidedAt);
    }

    [Fact]
    public async Task An_early_help_decision_starts_an_early_help_episode()
    {
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var child = await data.AddChildAsync(allocateTo: StaffRole.SocialWorker);
        var contact = new Contact { ChildId = child, ReceivedAt = new DateTime(2026, 3, 30, 10, 0, 0, DateTimeKind.Utc), Source = ReferralSource.HealthVisitor, RecordedByWorkerId = sw };
        await data.SaveAsync(db => db.Contacts.Add(contact));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);

        var (response, html) = await s.PostFormAsync($"/children/{child}/contacts/{contact.Id}/decision", Decision("EarlyHelp", "30", "15:00", contact.Version));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Errors(html));
        var episode = Assert.Single(await data.QueryAsync(db => db.EarlyHelp.Where(e => e.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(new DateOnly(2026, 3, 30), episode.StartDate);
        Assert.Equal("Early help", episode.Organisation);
        Assert.Null(episode.LeadWorkerId);
        Assert.Empty(await data.QueryAsync(db => db.Referrals.Where(r => r.ChildId == child).ToListAsync(Ct)));
    }

    [Fact]
    public async Task The_decision_refuses_bad_answers_and_changes_nothing()
    {
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var child = await data.AddChildAsync(allocateTo: StaffRole.SocialWorker);
        var contact = new Contact { ChildId = child, ReceivedAt = new DateTime(2026, 3, 30, 10, 0, 0, DateTimeKind.Utc), Source = ReferralSource.Schools, RecordedByWorkerId = sw };
        await data.SaveAsync(db => db.Contacts.Add(contact));
        var s = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var path = $"/children/{child}/contacts/{contact.Id}/decision";
        Dictionary<string, string> Good() => Decision("NoFurtherAction", "31", "09:30", contact.Version);
        Func<Task<string>> state = () => data.QueryAsync(async db => await db.Contacts.Where(c => c.Id == contact.Id).Select(c => $"{c.Version} {c.DecidedAt} {c.Outcome}").SingleAsync(Ct) + (await db.Referrals.CountAsync(r => r.ChildId == child, Ct)));

        await data.AssertRefusedAsync(s, path, [], "f-outcome", "Select the screening decision", state);
        await data.AssertRefusedAsync(s, path, [], "f-reason", "Enter the reason for the decision", state);
        await data.AssertRefusedAsync(s, path, [], "f-decision-date-day", "Enter the date of the decision", state);
        await data.AssertRefusedAsync(s, path, [], "f-decision-time", "Enter the time of the decision", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Outcome", "Pending")), "f-outcome", "Select the screening decision from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Outcome", "4")), "f-outcome", "Select the screening decision from the list", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("Reason", new string('r', 4001))), "f-reason", "The reason for the decision must be 4000 characters or fewer", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("DecisionDate-day", "32")), "f-decision-date-day", "The date of the decision must be a real date", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("DecisionDate-day", "1"), ("DecisionDate-month", "4")), "f-decision-date-day", "The date of the decision must be today or in the past", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("DecisionDate-day", "30"), ("DecisionTime", "10:59")), "f-decision-date-day", "The decision must be the same as or after the contact was received, 30 March 2026 at 11:00am", state);
        await data.AssertRefusedAsync(s, path, With(Good(), ("DecisionTime", "9.75")), "f-decision-time", "The time of the decision must be a real time in 24-hour format, like 14:30", state);

        // A referral needs the child to have no open referral.
        await data.SaveAsync(db => db.Referrals.Add(new Referral { ChildId = child, ReferralDate = new DateOnly(2026, 3, 2), Source = ReferralSource.Police }));
        await data.AssertRefusedAsync(s, path, With(Good(), ("Outcome", "Referral")), "f-outcome", "The child already has an open referral, made on 2 March 2026. Pass the contact to the allocated worker and choose another decision, or close that referral first", state);

        // Another child's contact is not found through this child.
        var other = await data.AddChildAsync(allocateTo: StaffRole.SocialWorker);
        var (notFound, _) = await s.GetAsync($"/children/{other}/contacts/{contact.Id}/decision");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task A_manager_signs_off_or_reopens_a_decision_but_never_their_own()
    {
        var sw = await data.WorkerIdAsync(StaffRole.SocialWorker);
        var tm = await data.WorkerIdAsync(StaffRole.TeamManager);
        var child = await data.AddChildAsync(allocateTo: StaffRole.SocialWorker);
        var contact = new Contact
        {
            ChildId = child,
            ReceivedAt = new DateTime(2026, 3, 30, 10, 0, 0, DateTimeKind.Utc),
            Source = ReferralSource.Schools,
            RecordedByWorkerId = sw,
            DecidedAt = new DateTime(2026, 3, 30, 14, 0, 0, DateTimeKind.Utc),
            DecidedByWorkerId = sw,
            Outcome = ContactOutcome.AdviceAndSignposting,
            DecisionReason = "Parents accept advice; school will monitor.",
        };
        await data.SaveAsync(db => db.Contacts.Add(contact));
        var worker = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var path = $"/children/{child}/contacts/{contact.Id}/sign-off";

        var (refused, _) = await worker.GetAsync(path);
        AccessHttpTests.AssertDenied(refused);
        var (_, record) = await manager.GetAsync($"/children/{child}");
        Assert.Contains($"href=\"{path}\"", record, StringComparison.Ordinal);
        var (_, queue) = await manager.GetAsync("/front-door");
        Assert.Contains("id=\"sign-off\"", queue, StringComparison.Ordinal);
        var (form, formHtml) = await manager.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        AssessmentTests.AssertRow(formHtml, "Reason for the decision", "Parents accept advice; school will monitor.");
        AssessmentTests.AssertRow(formHtml, "Screening decision", "Advice and signposting");

        Func<Task<string>> state = () => data.QueryAsync(async db => await db.Contacts.Where(c => c.Id == contact.Id).Select(c => $"{c.Version} {c.DecidedAt} {c.SignedOffAt}").SingleAsync(Ct) + (await db.ManagementDecisions.CountAsync(d => d.ChildId == child, Ct)));
        await data.AssertRefusedAsync(manager, path, Version(contact), "f-decision", "Select whether you agree with the screening decision", state);
        await data.AssertRefusedAsync(manager, path, With(Version(contact), ("Decision", "disagree")), "f-reason", "Enter why you disagree", state);
        await data.AssertRefusedAsync(manager, path, With(Version(contact), ("Decision", "maybe")), "f-decision", "Select whether you agree with the screening decision from the list", state);

        // Disagreeing reopens the contact and keeps the manager's reasons.
        var (reopened, reopenedHtml) = await manager.PostFormAsync(path, With(Version(contact), ("Decision", "disagree"), ("Reason", "Speak to the health visitor first.")));
        Assert.True(reopened.StatusCode == HttpStatusCode.Redirect, Errors(reopenedHtml));
        var open = await data.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct));
        Assert.Null(open.DecidedAt);
        Assert.Equal(ContactOutcome.Pending, open.Outcome);
        Assert.Null(open.DecisionReason);
        var md = Assert.Single(await data.QueryAsync(db => db.ManagementDecisions.Where(d => d.ChildId == child).ToListAsync(Ct)));
        Assert.Equal(tm, md.ManagerId);
        Assert.Equal("Speak to the health visitor first.", md.Rationale);

        // The manager decides it themselves: they may not sign off their own decision.
        var (decided, decidedHtml) = await manager.PostFormAsync($"/children/{child}/contacts/{contact.Id}/decision", Decision("EarlyHelp", "31", "09:00", open.Version));
        Assert.True(decided.StatusCode == HttpStatusCode.Redirect, Errors(decidedHtml));
        var mine = await data.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct));
        Assert.Equal(tm, mine.DecidedByWorkerId);
        Assert.DoesNotContain($"href=\"{path}\"", (await manager.GetAsync($"/children/{child}")).Html, StringComparison.Ordinal);
        await data.AssertRefusedAsync(manager, path, With(Version(mine), ("Decision", "agree")), "f-decision", "You made this screening decision yourself. Another manager must sign it off", state);

        // Made by someone else with early help started: it cannot be reopened, only signed off.
        await data.SaveAsync(db =>
        {
            db.Attach(mine);
            mine.DecidedByWorkerId = sw;
        });
        mine = await data.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct));
        await data.AssertRefusedAsync(manager, path, With(Version(mine), ("Decision", "disagree"), ("Reason", "Not needed.")), "f-decision", "Early help was started from this decision on 31 March 2026, so the contact cannot be reopened. End the early help episode first if it should not have started, then reopen the contact", state);
        var (signed, signedHtml) = await manager.PostFormAsync(path, With(Version(mine), ("Decision", "agree")));
        Assert.True(signed.StatusCode == HttpStatusCode.Redirect, Errors(signedHtml));
        var done = await data.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct));
        Assert.Equal(tm, done.SignedOffByWorkerId);
        Assert.NotNull(done.SignedOffAt);
        await data.AssertRefusedAsync(manager, path, With(Version(done), ("Decision", "agree")), "f-decision", $"This screening decision was already signed off, at {Lantern.Web.Security.TimeDisplay.Format(done.SignedOffAt!.Value)}", state);
    }

    private static Dictionary<string, string> Child(string given, string family, string day, string month, string year, string nhs = "", string postcode = "") => new()
    {
        ["GivenName"] = given,
        ["FamilyName"] = family,
        ["DateOfBirth-day"] = day,
        ["DateOfBirth-month"] = month,
        ["DateOfBirth-year"] = year,
        ["NhsNumber"] = nhs,
        ["Sex"] = "F",
        ["Postcode"] = postcode,
    };

    private static Dictionary<string, string> Step2(Dictionary<string, string> child) => With(
        new Dictionary<string, string>(child),
        ("step", "2"),
        ("ReceivedDate-day", "31"),
        ("ReceivedDate-month", "3"),
        ("ReceivedDate-year", "2026"),
        ("ReceivedTime", "09:15"),
        ("Source", "3A"),
        ("Summary", "The GP is worried about the child's weight loss."));

    private static Dictionary<string, string> Decision(string outcome, string day, string time, int version) => new()
    {
        ["Outcome"] = outcome,
        ["Reason"] = "Needs a social work assessment.",
        ["DecisionDate-day"] = day,
        ["DecisionDate-month"] = "3",
        ["DecisionDate-year"] = "2026",
        ["DecisionTime"] = time,
        [CaseworkPageModel.VersionName] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> Version(Entity e) => new() { [CaseworkPageModel.VersionName] = e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static Dictionary<string, string> With(Dictionary<string, string> fields, params (string Key, string Value)[] changes)
    {
        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }

        return fields;
    }

    /// <summary>A family name no other child has: letters only, so every test's children are its own.</summary>
    private static string UniqueName() => "Fd" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6)]).PadRight(6, 'q') + "x";

    private async Task<long> AddNamedChildAsync(string given, string family, DateOnly dob, string? nhs, bool isRestricted = false)
    {
        var child = new Child
        {
            LaChildId = "FD" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            GivenName = given,
            FamilyName = family,
            DateOfBirth = dob,
            NhsNumber = nhs,
            Sex = Sex.Female,
            IsRestricted = isRestricted,
        };
        await data.SaveAsync(db => db.Children.Add(child));
        return child.Id;
    }

    private async Task<string> UnusedNhsNumberAsync()
    {
        for (var n = Lantern.Domain.Identifiers.NhsNumber.MaxSerial - Random.Shared.Next(1000, 100_000); ; n--)
        {
            var digits = Lantern.Domain.Identifiers.NhsNumber.FromSerial(n).Digits;
            if (!await data.QueryAsync(db => db.Children.AnyAsync(c => c.NhsNumber == digits, Ct)))
            {
                return digits;
            }
        }
    }

    /// <summary>The page of the front door queue the contact is on (50 a page, oldest first).</summary>
    private async Task<int> PageOfAsync(Contact contact)
    {
        var before = await data.QueryAsync(db => db.Contacts.CountAsync(c => c.DecidedAt == null && (c.ReceivedAt < contact.ReceivedAt || (c.ReceivedAt == contact.ReceivedAt && c.Id < contact.Id)), Ct));
        return (before / Lantern.Web.Pages.FrontDoor.IndexModel.PageSize) + 1;
    }

    /// <summary>The table row containing <paramref name="marker"/>.</summary>
    private static string Row(string html, string marker)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no row with {marker}");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(html[start..end]);
    }

    private static string Errors(string html) =>
        string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(WebUtility.HtmlDecode(html), "<a href=\"#f-[^\"]+\">[^<]+</a>|<li><strong>[^<]+</strong>[^<]+</li>|<title>[^<]*</title>").Select(m => m.Value));
}
