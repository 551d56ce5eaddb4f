using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>The teams, workers, starter and census pages: a team manager's team figures worked out
/// again here from the database; starters and leavers of the last twelve months listed and linked;
/// the starter form refusing each bad answer with the field named and nothing saved, then saving
/// the worker with its audit entry; the census page giving the figures of
/// <see cref="WorkforceCensus.On"/> for the council's records; a social worker refused every page.</summary>
public sealed partial class TeamsTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JourneyData data = new(server);

    private static string Fte(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static string Rate(decimal? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "Not available";

    private static string Show(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private async Task<(long Manager, Team Team)> ManagersTeamAsync()
    {
        var manager = await data.WorkerIdAsync(StaffRole.TeamManager);
        var team = await data.QueryAsync(db => db.Workers.Where(w => w.Id == manager).Join(db.Teams, w => w.TeamId, t => t.Id, (w, t) => t).AsNoTracking().SingleAsync(Ct));
        return (manager, team);
    }

    /// <summary>A worker in the demo team manager's team, managed by them, only this test uses.</summary>
    private async Task<Worker> NewWorkerAsync(string given, DateOnly start, DateOnly? left = null, EmploymentType employment = EmploymentType.Employed, WorkerRole role = WorkerRole.SocialWorker, DateOnly? asyeEnd = null, decimal fte = 1.0m)
    {
        var (manager, team) = await ManagersTeamAsync();
        var worker = new Worker
        {
            StaffId = "TT" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            GivenName = given,
            FamilyName = "Teams-" + Guid.NewGuid().ToString("N")[..6],
            Role = role,
            TeamId = team.Id,
            ManagerId = manager,
            Employment = employment,
            Fte = fte,
            Registration = "SW" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture),
            StartDate = start,
            LeftDate = left,
            AsyeEndDate = asyeEnd,
        };
        await data.SaveAsync(db => db.Workers.Add(worker));
        Lantern.Web.Access.ChildAccessService.ForgetDirectory(server.Services.GetRequiredService<IMemoryCache>());
        return worker;
    }

    [Fact]
    public async Task A_team_managers_team_figures_are_the_establishment_and_social_workers_in_post_as_the_database_has_them()
    {
        var (_, team) = await ManagersTeamAsync();
        var today = data.Today;

        // The demo teams have no establishment recorded: give this one some, with posts to spare.
        await data.QueryAsync(db => db.Teams.Where(t => t.Id == team.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.EstablishmentFte, 40.5m), Ct));
        await NewWorkerAsync("Nadia", today.AddDays(-40), asyeEnd: today.AddDays(300), fte: 0.6m);
        await NewWorkerAsync("Agnes", today.AddDays(-40), employment: EmploymentType.Agency, fte: 0.8m);
        await NewWorkerAsync("Bert", new DateOnly(2020, 1, 6), role: WorkerRole.BusinessSupport);
        var s = await SessionPool.ForAsync(server, StaffRole.TeamManager);

        // Other tests add workers to this team while this one runs: read the database before and
        // after the page, and compare when nothing changed in between.
        for (var attempt = 1; ; attempt++)
        {
            var before = await ExpectedAsync();
            // The page is kept for up to a minute: ask for a fresh one.
            Lantern.Web.Work.WorkLists.Forget(server.Services.GetRequiredService<IMemoryCache>());
            Lantern.Web.Access.ChildAccessService.ForgetDirectory(server.Services.GetRequiredService<IMemoryCache>());
            var (response, html) = await s.GetAsync("/workforce/teams");
            var after = await ExpectedAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var row = Cells(RowWith(WorkViewTests.Table(html, "teams-table"), $"href=\"/workforce/workers?team={team.Id}\""));
            var shown = string.Join(" | ", row.Skip(1));

            // A list being rebuilt when the page was asked for may still hold what was read just
            // before: ask again (a wrong figure would stay wrong every time).
            if ((before != after || shown != after) && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);
                continue;
            }

            Assert.Equal(team.Name, WebUtility.HtmlDecode(row[0]));
            Assert.Equal(after, shown);
            break;
        }

        async Task<string> ExpectedAsync()
        {
            var members = await data.QueryAsync(db => db.Workers.AsNoTracking().Where(w => w.TeamId == team.Id).ToListAsync(Ct));
            var social = members.Where(w => w.IsInPost(today) && !string.IsNullOrWhiteSpace(w.Registration) && WorkforceCensus.IsSocialWorkRole(w.Role)).ToList();
            var employed = social.Where(w => w.Employment == EmploymentType.Employed).Sum(w => w.Fte);
            var agency = social.Where(w => w.Employment == EmploymentType.Agency).Sum(w => w.Fte);
            var newlyQualified = social.Count(w => w.AsyeEndDate is { } end && end >= today);
            Assert.True(newlyQualified > 0 && agency > 0, "the team has a newly qualified and an agency social worker");
            return string.Join(" | ", Fte(40.5m), Fte(employed), Fte(agency), Fte(Math.Max(0, 40.5m - employed)), newlyQualified.ToString(CultureInfo.InvariantCulture), social.Count.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Starters_and_leavers_of_the_last_twelve_months_are_listed_and_the_workers_list_shows_who_is_in_post()
    {
        var today = data.Today;
        var starter = await NewWorkerAsync("Stella", today.AddDays(-20), asyeEnd: today.AddDays(345));
        var due = await NewWorkerAsync("Dominic", today.AddDays(30));
        var longServing = await NewWorkerAsync("Lorna", today.AddYears(-1));
        var leaver = await NewWorkerAsync("Leon", new DateOnly(2020, 1, 6), left: today.AddDays(-15), employment: EmploymentType.Agency);
        var longGone = await NewWorkerAsync("Gwen", new DateOnly(2020, 1, 6), left: today.AddYears(-1).AddDays(-1));
        var s = await SessionPool.ForAsync(server, StaffRole.TeamManager);

        var (response, html) = await s.GetAsync("/workforce/teams");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var starters = WorkViewTests.Table(html, "starters-table");
        var leavers = WorkViewTests.Table(html, "leavers-table");
        Assert.Equal(new[] { starter.DisplayName, "Social worker", "Employed", Show(starter.StartDate) }, Pick(Cells(RowWith(starters, Link(starter))), 0, 1, 3, 4));
        Assert.Equal(Show(due.StartDate) + " Due", Cells(RowWith(starters, Link(due)))[4]);
        Assert.Equal(new[] { leaver.DisplayName, "Agency", Show(leaver.LeftDate!.Value) }, Pick(Cells(RowWith(leavers, Link(leaver))), 0, 3, 4));
        Assert.DoesNotContain(Link(longServing), starters, StringComparison.Ordinal);
        Assert.DoesNotContain(Link(longGone), leavers, StringComparison.Ordinal);
        Assert.DoesNotContain(Link(leaver), starters, StringComparison.Ordinal);

        var (listed, list) = await s.GetAsync("/workforce/workers");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var workers = WorkViewTests.Table(list, "workers-table");
        Assert.Equal(new[] { starter.DisplayName, "Social worker", "Employed", "1", "Yes", Show(starter.StartDate) }, Pick(Cells(RowWith(workers, Link(starter))), 0, 1, 3, 4, 5, 6));
        Assert.Equal("No", Cells(RowWith(workers, Link(longServing)))[5]);
        foreach (var absent in new[] { due, leaver, longGone })
        {
            Assert.DoesNotContain(Link(absent), workers, StringComparison.Ordinal);
        }

        // The link opens the worker's page.
        var (page, _) = await s.GetAsync($"/workforce/workers/{starter.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task The_starter_form_refuses_each_bad_answer_naming_the_field_and_saving_nothing_then_saves_the_worker()
    {
        var (manager, team) = await ManagersTeamAsync();
        var existing = await data.QueryAsync(db => db.Workers.AsNoTracking().Where(w => w.Id == manager).Select(w => w.StaffId).SingleAsync(Ct));
        var family = "Starter-" + Guid.NewGuid().ToString("N")[..6];
        var staffId = "NS" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var start = data.Today.AddDays(14);
        var good = RecordTestData.With(
            RecordTestData.With(RecordTestData.Date("StartDate", start), RecordTestData.Date("AsyeEndDate", start.AddYears(1).AddDays(-1))),
            ("GivenName", "Rowan"),
            ("FamilyName", family),
            ("StaffId", staffId.ToLowerInvariant()),
            ("Role", "SocialWorker"),
            ("TeamId", team.Id.ToString(CultureInfo.InvariantCulture)),
            ("ManagerId", manager.ToString(CultureInfo.InvariantCulture)),
            ("Employment", "Employed"),
            ("Fte", "0.8"),
            ("Registration", "SW204761"));
        var s = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        const string Path = "/workforce/workers/new";
        Func<Task<int>> saved = () => data.QueryAsync(db => db.Workers.CountAsync(w => w.FamilyName == family, Ct));

        var (form, html) = await s.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var teams = TeamOptions(html);
        Assert.Contains($"<option value=\"{team.Id}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains(team.Id, teams);

        await data.AssertRefusedAsync(s, Path, RecordTestData.With(good, ("Fte", "-0.5")), "f-fte", "FTE must be 0.1 or more", saved);
        await data.AssertRefusedAsync(s, Path, RecordTestData.With(good, ("Fte", "0")), "f-fte", "FTE must be 0.1 or more", saved);
        await data.AssertRefusedAsync(s, Path, RecordTestData.With(good, ("Fte", "1.5")), "f-fte", "FTE must be 1 or less (1 is full time)", saved);
        await data.AssertRefusedAsync(s, Path, RecordTestData.With(good, ("Fte", "most of the week")), "f-fte", "FTE must be a number, like 1 for full time or 0.5 for half time", saved);
        await data.AssertRefusedAsync(s, Path, RecordTestData.With(good, ("StaffId", existing.ToLowerInvariant())), "f-staff-id", $"Staff ID {existing.ToUpperInvariant()} is already another worker's: enter this worker's own staff ID", saved);
        await data.AssertRefusedAsync(
            s,
            Path,
            RecordTestData.With(good, ("Registration", "")),
            "f-registration",
            "Enter the worker's Social Work England registration number: social workers, advanced practitioners, team managers and reviewing officers must be registered",
            saved);
        await data.AssertRefusedAsync(s, Path, RecordTestData.With(good, ("Registration", "123456")), "f-registration", "Social Work England registration number must be SW followed by numbers, like SW123456", saved);
        await data.AssertRefusedAsync(
            s,
            Path,
            RecordTestData.With(good, RecordTestData.With(RecordTestData.Date("StartDate", data.Today.AddYears(1).AddDays(1)), ("AsyeEndDate-day", ""), ("AsyeEndDate-month", ""), ("AsyeEndDate-year", ""))),
            "f-start-date-day",
            $"The start date must be no more than a year from today (on or before {Show(data.Today.AddYears(1))})",
            saved);
        await data.AssertRefusedAsync(s, Path, RecordTestData.With(good, RecordTestData.Date("AsyeEndDate", start.AddMonths(16))), "f-asye-end-date-day", $"The end of the assessed and supported year must be within 15 months of the start date (on or before {Show(start.AddMonths(15))})", saved);
        await data.AssertRefusedAsync(s, Path, RecordTestData.With(good, ("GivenName", " ")), "f-given-name", "Enter the worker's given name", saved);

        // A team outside the manager's scope is not offered, and is refused if posted by hand.
        var other = await OutsideAsync(teams);
        await data.AssertRefusedAsync(s, Path, RecordTestData.With(good, ("TeamId", other.ToString(CultureInfo.InvariantCulture))), "f-team-id", "Select the worker's team from the list", saved);

        var (done, _) = await s.PostFormAsync(Path, good);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var worker = await data.QueryAsync(db => db.Workers.AsNoTracking().SingleAsync(w => w.FamilyName == family, Ct));
        Assert.Equal($"/workforce/workers/{worker.Id}", done.Headers.Location?.OriginalString);
        Assert.Equal(("Rowan", staffId, WorkerRole.SocialWorker, team.Id, (long?)manager), (worker.GivenName, worker.StaffId, worker.Role, worker.TeamId, worker.ManagerId));
        Assert.Equal((EmploymentType.Employed, 0.8m, "SW204761", start, (DateOnly?)start.AddYears(1).AddDays(-1), (DateOnly?)null), (worker.Employment, worker.Fte, worker.Registration, worker.StartDate, worker.AsyeEndDate, worker.LeftDate));
        var audit = await data.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordType == "worker" && e.RecordId == worker.Id).ToListAsync(Ct));
        var entry = Assert.Single(audit, e => e.Action == AuditAction.WorkforceChanged);
        Assert.Contains($"starter recorded: worker {worker.Id}", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(family, entry.Detail, StringComparison.Ordinal);

        // Seen at once: the worker's page opens with the banner, and they are due to start.
        var (page, pageHtml) = await s.GetAsync($"/workforce/workers/{worker.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"Rowan {family} is recorded as a starter from {Show(start)}", pageHtml, StringComparison.Ordinal);
        var (_, teamsPage) = await s.GetAsync("/workforce/teams");
        Assert.Contains(Link(worker), WorkViewTests.Table(teamsPage, "starters-table"), StringComparison.Ordinal);

        // The same staff ID again is refused.
        await data.AssertRefusedAsync(s, Path, RecordTestData.With(good, ("FamilyName", family + "-again")), "f-staff-id", $"Staff ID {staffId} is already another worker's: enter this worker's own staff ID", () => data.QueryAsync(db => db.Workers.CountAsync(w => w.StaffId == staffId, Ct)));
    }

    [Fact]
    public async Task The_census_page_gives_the_census_measures_of_the_councils_records_with_each_year_and_refuses_a_year_without_figures()
    {
        var today = data.Today;
        var latest = new DateOnly(today.Month >= 10 || (today.Month == 9 && today.Day == 30) ? today.Year : today.Year - 1, 9, 30);
        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        await AssertCensusAsync(director, "/workforce/census", latest);
        await AssertCensusAsync(director, $"/workforce/census?year={latest.Year - 1}", latest.AddYears(-1));

        // The census is the council's: a team manager sees the same page.
        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        await AssertCensusAsync(manager, "/workforce/census", latest);

        // A year that is not a number, or has no figures, is a GOV.UK error naming the year.
        var from = await data.QueryAsync(db => db.Authorities.AsNoTracking().OrderBy(a => a.Id).Select(a => a.DataFrom).FirstAsync(Ct));
        var first = new DateOnly(from.Year, 9, 30) >= from ? from.Year : from.Year + 1;
        foreach (var (year, message) in new[]
        {
            ("abc", $"Year must be a number, like {latest.Year}"),
            ("-1", $"Year must be a number, like {latest.Year}"),
            ((first - 1).ToString(CultureInfo.InvariantCulture), $"There are no census figures for 30 September {first - 1}: choose a year from {first} to {latest.Year}"),
            ((latest.Year + 1).ToString(CultureInfo.InvariantCulture), $"There are no census figures for 30 September {latest.Year + 1}: choose a year from {first} to {latest.Year}"),
        })
        {
            var (response, html) = await director.GetAsync("/workforce/census?year=" + Uri.EscapeDataString(year));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = WebUtility.HtmlDecode(html);
            Assert.Contains("<title>Error: ", text, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"#year\">{message}</a>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"census-table\"", html, StringComparison.Ordinal);
        }
    }

    /// <summary>The census table at <paramref name="path"/> holds the measures of
    /// <see cref="WorkforceCensus.On"/> on <paramref name="asAt"/>, worked out here from every team,
    /// worker, allocation and absence in the database.</summary>
    private async Task AssertCensusAsync(Session session, string path, DateOnly asAt)
    {
        for (var attempt = 1; ; attempt++)
        {
            var before = await CensusAsync(asAt);
            var (response, html) = await session.GetAsync(path);
            var after = await CensusAsync(asAt);
            if (before != after && attempt < 5)
            {
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"As at {Show(asAt)}", html, StringComparison.Ordinal);
            var table = WorkViewTests.Table(html, "census-table");
            var c = before;
            Assert.True(c.EmployedFte > 0 && c.CasesHeld > 0 && c.WorkingDaysLost > 0, "the demo council has social workers, cases and sickness to count");
            AssertMeasure(table, "Social workers in post", Fte(c.EmployedFte) + " FTE", $"{c.Headcount:N0} people", "33,119 FTE");
            AssertMeasure(table, "Turnover rate", Rate(c.TurnoverRate), $"{Fte(c.LeaverFte)} FTE leavers ÷ {Fte(c.EmployedFte)} FTE in post × 100", "15.9%");
            AssertMeasure(table, "Agency rate", Rate(c.AgencyRate), $"{Fte(c.AgencyFte)} agency FTE ÷ ({Fte(c.AgencyFte)} agency FTE + {Fte(c.EmployedFte)} employed FTE) × 100", "17.8%");
            AssertMeasure(table, "Vacancy rate", Rate(c.VacancyRate), $"{Fte(c.VacancyFte)} vacancy FTE ÷ ({Fte(c.VacancyFte)} vacancy FTE + {Fte(c.EmployedFte)} employed FTE) × 100", "18.9%");
            AssertMeasure(table, "Average caseload", c.Caseload?.ToString("0.0", CultureInfo.InvariantCulture) ?? "Not available", $"{c.CasesHeld:N0} cases ÷ {Fte(c.CaseHoldingFte)} case-holding FTE", "16.0");
            AssertMeasure(table, "Sickness absence rate", Rate(c.AbsenceRate), $"{Fte(c.WorkingDaysLost)} days lost ÷ {Fte(c.AvailableWorkingDays)} available working days × 100", "3.2%");
            return;
        }
    }

    private async Task<WorkforceCensus> CensusAsync(DateOnly asAt) =>
        await data.QueryAsync(async db => WorkforceCensus.On(
            asAt,
            await db.Teams.AsNoTracking().ToListAsync(Ct),
            await db.Workers.AsNoTracking().ToListAsync(Ct),
            await db.Allocations.AsNoTracking().ToListAsync(Ct),
            await db.WorkerAbsences.AsNoTracking().ToListAsync(Ct)));

    private static void AssertMeasure(string table, string name, string value, string workedOut, string england)
    {
        var row = Regex.Matches(table, "<tr class=\"govuk-table__row\">(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .SingleOrDefault(r => r.Contains($">{name}<span", StringComparison.Ordinal));
        Assert.True(row is not null, $"the census has no row for {name}");
        var cells = Cells(row);
        Assert.Equal((name, value, workedOut, england), (cells[0][..name.Length], cells[1], WebUtility.HtmlDecode(cells[2]), cells[3]));
    }

    [Fact]
    public async Task A_social_worker_is_refused_every_page_and_a_team_outside_the_scope_is_not_found()
    {
        var sw = await SessionPool.ForAsync(server, StaffRole.SocialWorker);
        foreach (var path in new[] { "/workforce/teams", "/workforce/workers", "/workforce/workers/new", "/workforce/census" })
        {
            var (response, _) = await sw.GetAsync(path);
            var location = response.Headers.Location is { } l ? new Uri(server.RootUri, l).AbsolutePath : null;
            Assert.True(
                response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location == "/account/access-denied"),
                $"a social worker got {(int)response.StatusCode} {location} from {path}");
        }

        var (denied, _) = await sw.PostFormAsync("/workforce/workers/new", new Dictionary<string, string> { ["GivenName"] = "Nobody" });
        var deniedAt = denied.Headers.Location is { } d ? new Uri(server.RootUri, d).AbsolutePath : null;
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest || (denied.StatusCode == HttpStatusCode.Redirect && deniedAt == "/account/access-denied"), $"a social worker's starter got {(int)denied.StatusCode} {deniedAt}");
        Assert.Equal(0, await data.QueryAsync(db => db.Workers.CountAsync(w => w.GivenName == "Nobody", Ct)));

        var manager = await SessionPool.ForAsync(server, StaffRole.TeamManager);
        var (_, form) = await manager.GetAsync("/workforce/workers/new");
        var other = await OutsideAsync(TeamOptions(form));
        foreach (var path in new[] { "/workforce/teams", "/workforce/workers" })
        {
            var (bad, _) = await manager.GetAsync(path + "?team=abc");
            var (outside, _) = await manager.GetAsync($"{path}?team={other}");
            Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        }
    }

    /// <summary>The teams offered by the starter form: those in the person's scope.</summary>
    private static List<long> TeamOptions(string html)
    {
        var start = html.IndexOf("id=\"f-team-id\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the form asks for the team");
        var select = html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
        return [.. Regex.Matches(select, "<option value=\"([0-9]+)\"").Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
    }

    /// <summary>A team that is not among <paramref name="inScope"/>.</summary>
    private Task<long> OutsideAsync(List<long> inScope) =>
        data.QueryAsync(db => db.Teams.AsNoTracking().Where(t => !inScope.Contains(t.Id)).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Ct));

    private static string Link(Worker worker) => $"href=\"/workforce/workers/{worker.Id}\"";

    private static string RowWith(string table, string marker)
    {
        var row = Regex.Matches(table, "<tr class=\"govuk-table__row\">(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .SingleOrDefault(r => r.Contains(marker, StringComparison.Ordinal));
        Assert.True(row is not null, $"no row with {marker}");
        return row!;
    }

    /// <summary>The text of each cell of a row, tags removed, spaces collapsed.</summary>
    private static List<string> Cells(string row) =>
        [.. Regex.Matches(row, "<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline).Select(m => Regex.Replace(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " "), @"\s+", " ").Trim())];

    private static List<string> Pick(List<string> cells, params int[] indexes) => [.. indexes.Select(i => WebUtility.HtmlDecode(cells[i]))];
}
