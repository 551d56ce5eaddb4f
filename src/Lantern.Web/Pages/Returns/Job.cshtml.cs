using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Returns;
using Lantern.Returns.Jobs;
using Lantern.Web.Govuk;
using Lantern.Web.Indicators;
using Lantern.Web.Returns;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Returns;

/// <summary>One return job: what was asked, by whom, its progress while it runs (the page refreshes
/// itself), its counts and outcome, every problem an import found (the first <see cref="MaxProblemsShown"/>
/// on the page, all of them as a CSV), and the files an export produced. Each download is audited.</summary>
[RequirePermission(Permission.ExportReturns)]
public sealed class JobModel(LanternDbContext db, ReturnJobQueue queue, AuditWriter audit) : PageModel
{
    public const int MaxProblemsShown = 500;

    public ReturnJobRow Job { get; private set; } = null!;

    public ReturnProgress? Progress { get; private set; }

    public IReadOnlyList<ReturnJobProblemRow> Problems { get; private set; } = [];

    public IReadOnlyList<(long Id, string Name, long Bytes)> Files { get; private set; } = [];

    public bool IsActive => Job.Status is ReturnJobStatus.Queued or ReturnJobStatus.Running;

    public static string Title(ReturnJobRow job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var kind = ReturnJobs.KindName(job.Kind);
        if (job.InputName is { } input)
        {
            return $"{kind} of {input}";
        }

        return job.Year is { } year
            ? $"{kind}, {new CollectionYear(year).Label}"
            : $"{kind}, as at {job.AsAt?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
    }

    public static Tag StatusTag(ReturnJobStatus status) => status switch
    {
        ReturnJobStatus.Queued => new Tag("Waiting") { Colour = TagColour.Grey },
        ReturnJobStatus.Running => new Tag("Running") { Colour = TagColour.Default },
        ReturnJobStatus.Succeeded => new Tag("Done") { Colour = TagColour.Green },
        ReturnJobStatus.Refused => new Tag("Refused") { Colour = TagColour.Orange },
        _ => new Tag("Failed") { Colour = TagColour.Red },
    };

    /// <summary>How far a running job has got, 0-100, when it knows its total.</summary>
    public static int? Percent(ReturnJobRow job, ReturnProgress? live)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (done, total) = live is { } p ? (p.Done, p.Total) : (job.Done, job.Total);
        return total <= 0 ? null : (int)Math.Clamp(100 * done / total, 0, 100);
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Progress = queue.Progress(id);
        Problems = await db.ReturnJobProblems.AsNoTracking().Where(p => p.JobId == id).OrderBy(p => p.Position).Take(MaxProblemsShown).ToListAsync(cancellationToken);
        Files = [.. (await db.ReturnJobFiles.AsNoTracking().Where(f => f.JobId == id).OrderBy(f => f.Id)
            .Select(f => new { f.Id, f.Name, Bytes = (long)f.Content.Length }).ToListAsync(cancellationToken))
            .Select(f => (f.Id, f.Name, f.Bytes))];
        return Page();
    }

    /// <summary>The job's status and progress, for the page's script: {active, status, stage, percent}.</summary>
    public async Task<IActionResult> OnGetProgressAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var live = queue.Progress(id);
        return new JsonResult(new
        {
            active = IsActive,
            status = Job.Status.ToString(),
            stage = live?.Stage ?? Job.Stage,
            percent = Percent(Job, live),
        });
    }

    /// <summary>A file the export produced.</summary>
    public async Task<IActionResult> OnGetFileAsync(long id, long file, CancellationToken cancellationToken)
    {
        var row = await db.ReturnJobFiles.AsNoTracking().SingleOrDefaultAsync(f => f.JobId == id && f.Id == file, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        await audit.WriteAsync(Downloaded(id, $"downloaded {row.Name}"), cancellationToken);
        return File(row.Content, row.ContentType, row.Name);
    }

    /// <summary>Every problem the import found, as CSV (guarded against formula injection).</summary>
    public async Task<IActionResult> OnGetProblemsAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var problems = await db.ReturnJobProblems.AsNoTracking().Where(p => p.JobId == id).OrderBy(p => p.Position).ToListAsync(cancellationToken);
        var rows = problems.Select(p => (IReadOnlyList<string>)
            [p.Position.ToString(CultureInfo.InvariantCulture), p.File, p.Line?.ToString(CultureInfo.InvariantCulture) ?? "", p.Child ?? "", p.Field ?? "", p.Message]).ToList();
        await audit.WriteAsync(Downloaded(id, $"downloaded its {problems.Count.ToString(CultureInfo.InvariantCulture)} problems"), cancellationToken);
        var sheet = new DownloadSheet("Problems", ["position", "file", "line", "child", "field", "problem"], rows);
        return await TableDownload.FileAsync("csv", $"return-job-{id.ToString(CultureInfo.InvariantCulture)}-problems", [sheet], cancellationToken);
    }

    private static AuditEntry Downloaded(long id, string what) => new()
    {
        Action = AuditAction.Export,
        Succeeded = true,
        RecordType = "return_job",
        RecordId = id,
        Detail = $"return job {id.ToString(CultureInfo.InvariantCulture)}: {what}",
    };

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var job = await db.ReturnJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return false;
        }

        Job = job;
        return true;
    }
}
