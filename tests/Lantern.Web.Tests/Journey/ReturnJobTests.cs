using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Returns;
using Lantern.Returns.Cin;
using Lantern.Web.Data;
using Lantern.Web.Returns;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Journey;

/// <summary>The returns pages through the real pipeline: a director exports the CIN census and downloads
/// exactly what the exporter makes from the record; the job is recorded and audited; a bad form is refused
/// naming the field and queues nothing; an analyst with named-data access imports a file with defects and
/// sees every problem with nothing written, then imports a good file that changes nothing; roles without
/// the permission are refused.</summary>
public sealed partial class ReturnJobTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JourneyData data = new(server);

    [Fact]
    public async Task A_director_exports_the_CIN_census_and_downloads_what_the_record_gives()
    {
        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        var (list, listHtml) = await director.GetAsync("/returns");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("href=\"/returns/export\"", listHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/returns/import\"", listHtml, StringComparison.Ordinal);

        var (queued, _) = await director.PostFormAsync("/returns/export", new() { ["Return"] = "cin", ["Year"] = "2025" });
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var jobPath = queued.Headers.Location!.OriginalString;
        var id = long.Parse(JobId().Match(jobPath).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await server.Services.GetRequiredService<ReturnJobQueue>().WaitAsync(id, Ct);

        var (page, html) = await director.GetAsync(jobPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("CIN census export, 2024-25", text, StringComparison.Ordinal);
        Assert.Contains("Done", text, StringComparison.Ordinal);
        var (progress, json) = await director.GetAsync(jobPath + "?handler=Progress");
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        Assert.Contains("\"active\":false", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Succeeded\"", json, StringComparison.Ordinal);
        var file = FileLink().Match(html);
        Assert.True(file.Success, "the job page links to its file");

        var (download, _) = await director.GetAsync(WebUtility.HtmlDecode(file.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("cin-census-2025.xml", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await download.Content.ReadAsByteArrayAsync(Ct);

        var snapshot = await SnapshotLoader.LoadAsync(server.Services.GetRequiredService<LanternDataOptions>().Target, Ct);
        using var expected = new MemoryStream();
        var result = CinCensusExport.Write(snapshot, new CollectionYear(2025), expected);
        Assert.True(result.Children > 0);
        Assert.Equal(expected.ToArray(), bytes);

        var job = await data.QueryAsync(db => db.ReturnJobs.AsNoTracking().SingleAsync(j => j.Id == id, Ct));
        Assert.Equal((ReturnJobStatus.Succeeded, ReturnJobKind.CinExport, 2025, result.Children, DemoAccess.UserName(StaffRole.Director)),
            (job.Status, job.Kind, job.Year, job.Children, job.RequestedBy));
        var audits = await data.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordType == "return_job" && e.RecordId == id).OrderBy(e => e.Id).ToListAsync(Ct));
        Assert.Equal([AuditAction.Export, AuditAction.Export], audits.Select(a => a.Action));
        Assert.Contains("CIN census export, 2024-25", audits[0].Detail, StringComparison.Ordinal);
        Assert.Contains("downloaded cin-census-2025.xml", audits[1].Detail, StringComparison.Ordinal);
        Assert.All(audits, a => Assert.Equal(DemoAccess.UserName(StaffRole.Director), a.UserName));
    }

    [Fact]
    public async Task A_bad_export_form_names_the_field_and_queues_nothing()
    {
        var director = await SessionPool.ForAsync(server, StaffRole.Director);
        var jobs = () => data.QueryAsync(db => db.ReturnJobs.CountAsync(Ct));
        await data.AssertRefusedAsync(director, "/returns/export", new() { ["Year"] = "2025" }, "f-return", "Select the return to export", jobs);
        await data.AssertRefusedAsync(director, "/returns/export", new() { ["Return"] = "903" }, "f-year", "Select the collection year", jobs);
        await data.AssertRefusedAsync(director, "/returns/export", new() { ["Return"] = "annex-a" }, "f-as-at-day", "Enter the as-at date of the lists", jobs);
        await data.AssertRefusedAsync(director, "/returns/export", new() { ["Return"] = "workforce", ["AsAt-day"] = "31", ["AsAt-month"] = "3", ["AsAt-year"] = "2025" }, "f-as-at-day",
            "The workforce census is taken on 30 September: 31 March 2025 is not a 30 September. Enter 30 September of the census year, for example 2024-09-30", jobs);
    }

    [Fact]
    public async Task An_import_with_defects_lists_every_problem_and_writes_nothing_and_a_good_one_changes_nothing()
    {
        var analyst = await SessionPool.ForAsync(server, DemoAccess.NamedAnalystUserName);
        var target = server.Services.GetRequiredService<LanternDataOptions>().Target;
        var snapshot = await SnapshotLoader.LoadAsync(target, Ct);
        using var census = new MemoryStream();
        CinCensusExport.Write(snapshot, new CollectionYear(2025), census);
        var good = census.ToArray();
        var records = () => data.QueryAsync(db => db.Referrals.CountAsync(Ct));
        var before = await records();

        // The same file with a date that is not a date.
        var xml = Encoding.UTF8.GetString(good);
        var date = Regex.Match(xml, "<CINreferralDate>([0-9-]+)</CINreferralDate>");
        var bad = Encoding.UTF8.GetBytes(xml.Replace(date.Value, "<CINreferralDate>31/02/2025</CINreferralDate>", StringComparison.Ordinal));
        var refusedId = await ImportAsync(analyst, "cin", ("census.xml", bad));
        var (refusedPage, refusedHtml) = await analyst.GetAsync($"/returns/jobs/{refusedId}");
        Assert.Equal(HttpStatusCode.OK, refusedPage.StatusCode);
        var refused = WebUtility.HtmlDecode(refusedHtml);
        Assert.Contains("Refused", refused, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", refused, StringComparison.Ordinal);
        Assert.Contains("CINreferralDate", refused, StringComparison.Ordinal);
        Assert.Equal(before, await records());
        var (problems, csv) = await analyst.GetAsync($"/returns/jobs/{refusedId}?handler=Problems");
        Assert.Equal(HttpStatusCode.OK, problems.StatusCode);
        Assert.StartsWith("position,file,line,child,field,problem", csv, StringComparison.Ordinal);

        var goodId = await ImportAsync(analyst, "cin", ("census.xml", good));
        var job = await data.QueryAsync(db => db.ReturnJobs.AsNoTracking().SingleAsync(j => j.Id == goodId, Ct));
        Assert.Equal(ReturnJobStatus.Succeeded, job.Status);
        Assert.Equal(0, job.ProblemCount);
        Assert.Contains("0 added, 0 changed", job.Outcome, StringComparison.Ordinal);
        Assert.Equal(before, await records());
        var audit = await data.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.RecordType == "return_job" && e.RecordId == goodId, Ct));
        Assert.Equal(AuditAction.ReturnImported, audit.Action);
        Assert.Equal(DemoAccess.NamedAnalystUserName, audit.UserName);

        // Uploads are deleted when their job ends.
        var folder = server.Services.GetRequiredService<ReturnJobQueue>().WorkFolder;
        Assert.True(!Directory.Exists(folder) || Directory.GetFileSystemEntries(folder).Length == 0, "uploads left behind");
    }

    [Fact]
    public async Task Files_larger_than_the_usual_request_limit_are_taken_and_checked()
    {
        var analyst = await SessionPool.ForAsync(server, DemoAccess.NamedAnalystUserName);
        var children = await data.QueryAsync(db => db.Children.CountAsync(Ct));
        var header = new StringBuilder("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n");
        var episodes = new StringBuilder("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n");
        for (var i = 0; i < 40_000; i++)
        {
            // Every episode is for a child the header does not have: each row is a problem.
            episodes.Append(System.Globalization.CultureInfo.InvariantCulture, $"BIG{i:000000},01/05/2025,S,C2,N1,U4,PR1,,,,DN31,DN32,SC000001\r\n");
        }

        var big = Encoding.UTF8.GetBytes(episodes.ToString());
        Assert.True(big.Length > 2 * 1024 * 1024);
        var id = await ImportAsync(analyst, "903", ("header.csv", Encoding.UTF8.GetBytes(header.ToString())), ("episodes.csv", big));
        var job = await data.QueryAsync(db => db.ReturnJobs.AsNoTracking().SingleAsync(j => j.Id == id, Ct));
        Assert.Equal(ReturnJobStatus.Refused, job.Status);
        Assert.True(job.ProblemCount >= 40_000, job.Outcome);
        Assert.Equal(children, await data.QueryAsync(db => db.Children.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_zip_of_a_folder_is_refused_at_upload_naming_the_fix()
    {
        var analyst = await SessionPool.ForAsync(server, DemoAccess.NamedAnalystUserName);
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("903/header.csv").Open());
            entry.Write("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n");
        }

        var jobs = await data.QueryAsync(db => db.ReturnJobs.CountAsync(Ct));
        var (response, html) = await UploadAsync(analyst, "903", ("903.zip", zipped.ToArray()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The zip has its files in a folder: zip the CSV files themselves, not the folder", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(jobs, await data.QueryAsync(db => db.ReturnJobs.CountAsync(Ct)));
    }

    [Theory]
    [InlineData(StaffRole.PerformanceAnalyst)]
    [InlineData(StaffRole.SocialWorker)]
    [InlineData(StaffRole.TeamManager)]
    public async Task Roles_without_the_permission_are_refused(StaffRole role)
    {
        var session = await SessionPool.ForAsync(server, role);
        foreach (var path in new[] { "/returns", "/returns/export", "/returns/import" })
        {
            var (response, _) = await session.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) == true, $"{role} {path}: {response.StatusCode}");
        }
    }

    private async Task<long> ImportAsync(Session session, string kind, params (string Name, byte[] Content)[] files)
    {
        var (response, html) = await UploadAsync(session, kind, files);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, html);
        var id = long.Parse(JobId().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await server.Services.GetRequiredService<ReturnJobQueue>().WaitAsync(id, Ct);
        return id;
    }

    private static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(Session session, string kind, params (string Name, byte[] Content)[] files)
    {
        var (_, form) = await session.GetAsync("/returns/import");
        var token = TokenPattern().Match(form);
        Assert.True(token.Success, "no anti-forgery token on /returns/import");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(kind), "Return" },
        };
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            body.Add(file, "files", name);
        }

        var response = await session.Client.PostAsync(new Uri("/returns/import", UriKind.Relative), body, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    [GeneratedRegex("/returns/jobs/([0-9]+)")]
    private static partial Regex JobId();

    [GeneratedRegex("href=\"(/returns/jobs/[0-9]+\\?handler=File&amp;file=[0-9]+)\"")]
    private static partial Regex FileLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
