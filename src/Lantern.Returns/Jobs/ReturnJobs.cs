using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Returns.AnnexA;
using Lantern.Returns.Cin;
using Lantern.Returns.Ssda903;
using Lantern.Returns.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Returns.Jobs;

/// <summary>What someone asked a return job to do.</summary>
public sealed record ReturnJobRequest
{
    public required ReturnJobKind Kind { get; init; }

    /// <summary>The collection year, for the CIN census and the SSDA903 exports; for an SSDA903 import, the year
    /// of the files when it is given (otherwise it is told from the latest start date in them).</summary>
    public CollectionYear? Year { get; init; }

    /// <summary>The as-at date, for Annex A and the workforce census.</summary>
    public DateOnly? AsAt { get; init; }

    /// <summary>For imports: the file (CIN) or folder (SSDA903) to read, on this machine.</summary>
    public string? InputPath { get; init; }

    /// <summary>For imports: the name to record and show (no folders).</summary>
    public string? InputName { get; init; }

    public required string RequestedBy { get; init; }

    public string? RequestedByUserId { get; init; }

    public StaffRole? RequestedByRole { get; init; }

    public bool IsImport => Kind is ReturnJobKind.CinImport or ReturnJobKind.Ssda903Import;
}

/// <summary>
/// Exports and imports of the statutory returns as recorded jobs (ENGINEERING practice 14): each has a
/// row in <c>return_jobs</c> from the moment it is asked for, shows its progress while it runs, and
/// ends with its counts, its outcome, every problem an import found, an audit entry, and (for the
/// browser) the files it produced. The command line and the web run the same code.
/// </summary>
public static class ReturnJobs
{
    /// <summary>Problems kept per job (all are counted).</summary>
    public const int MaxProblemsKept = 10_000;

    /// <summary>How often a running job's progress is written down.</summary>
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);

    public static string KindName(ReturnJobKind kind) => kind switch
    {
        ReturnJobKind.CinExport => "CIN census export",
        ReturnJobKind.Ssda903Export => "SSDA903 export",
        ReturnJobKind.AnnexAExport => "Annex A export",
        ReturnJobKind.WorkforceExport => "Workforce census export",
        ReturnJobKind.CinImport => "CIN census import",
        ReturnJobKind.Ssda903Import => "SSDA903 import",
        _ => kind.ToString(),
    };

    /// <summary>What is wrong with a request before it is queued (null when it can run).</summary>
    public static string? Check(ReturnJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Kind)
        {
            case ReturnJobKind.CinExport or ReturnJobKind.Ssda903Export:
                if (request.Year is null)
                {
                    return "Enter the collection year, for example 2026 for 2025-26.";
                }

                return null;
            case ReturnJobKind.AnnexAExport:
                return request.AsAt is null ? "Enter the as-at date of the Annex A lists." : null;
            case ReturnJobKind.WorkforceExport:
                if (request.AsAt is not { } census)
                {
                    return "Enter the census date, 30 September of a year.";
                }

                return WorkforceCensusExport.CheckDate(census);
            case ReturnJobKind.CinImport or ReturnJobKind.Ssda903Import:
                return string.IsNullOrWhiteSpace(request.InputPath) ? "Choose the file to import." : null;
            default:
                return "Unknown job.";
        }
    }

    /// <summary>Records a job as queued and returns its id.</summary>
    public static async Task<long> QueueAsync(DbTarget target, ReturnJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Check(request) is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        await using var db = LanternDatabase.CreateContext(target);
        var row = new ReturnJobRow
        {
            Kind = request.Kind,
            Status = ReturnJobStatus.Queued,
            Year = request.Year?.EndYear,
            AsAt = request.AsAt,
            InputName = request.InputName is { } name ? Path.GetFileName(name) : null,
            RequestedBy = request.RequestedBy,
            RequestedByUserId = request.RequestedByUserId,
            RequestedAt = DateTime.UtcNow,
            Stage = "Waiting to start",
        };
        db.ReturnJobs.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>
    /// Runs a queued job to its end and returns its row. <paramref name="outputPath"/> is where an export
    /// is written (a file, or a folder for SSDA903); when null the files are kept with the job for download
    /// (SSDA903 as one zip). A job that cannot run ends as Failed with the reason; it never throws for bad
    /// input or a bad file. <paramref name="observer"/> hears every progress report as it happens (the web keeps
    /// them in memory for the progress bar: the job's row cannot be written while an import holds the write lock).
    /// </summary>
    public static async Task<ReturnJobRow> RunAsync(
        DbTarget target, long jobId, ReturnJobRequest request, string? outputPath, IProgress<ReturnProgress>? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tracker = new ProgressTracker { Observer = observer };
        await UpdateAsync(target, jobId, row =>
        {
            row.Status = ReturnJobStatus.Running;
            row.StartedAt = DateTime.UtcNow;
            row.Stage = "Starting";
        }, cancellationToken);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = ReportProgressAsync(target, jobId, tracker, stop.Token);
        Outcome outcome;
        try
        {
            outcome = request.IsImport
                ? await ImportAsync(target, request, tracker, cancellationToken)
                : await ExportAsync(target, request, outputPath, tracker, cancellationToken);
        }
        catch (Exception ex) when (ex is ReturnFileException or DatabaseUnavailableException or DatabaseNotMigratedException
            or AuthorityWriteException or ArgumentException or IOException or UnauthorizedAccessException or InvalidDataException
            or InvalidOperationException)
        {
            outcome = new Outcome(ReturnJobStatus.Failed, ex.Message, null, [], [], []);
        }
        finally
        {
            await stop.CancelAsync();
            await reporter;
        }

        await using var db = LanternDatabase.CreateContext(target);
        var job = await db.ReturnJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        job.Status = outcome.Status;
        job.FinishedAt = DateTime.UtcNow;
        job.Stage = outcome.Status switch
        {
            ReturnJobStatus.Succeeded => "Finished",
            ReturnJobStatus.Refused => "Refused: nothing was written",
            _ => "Failed: nothing was written",
        };
        job.Done = job.Total;
        job.Children = outcome.Children;
        job.Counts = Clip(string.Join('\n', outcome.Counts.Select(c => $"{c.Key}: {c.Value.ToString(CultureInfo.InvariantCulture)}")), ReturnJobRow.CountsLength);
        job.ProblemCount = outcome.Problems.Count;
        job.Outcome = Clip(outcome.Message, 2000);
        var position = 0;
        foreach (var problem in outcome.Problems.Take(MaxProblemsKept))
        {
            db.ReturnJobProblems.Add(new ReturnJobProblemRow
            {
                JobId = jobId,
                Position = ++position,
                File = Clip(problem.File, 260),
                Line = problem.Line,
                Child = problem.Child is null ? null : Clip(problem.Child, 100),
                Field = problem.Field is null ? null : Clip(problem.Field, 100),
                Message = Clip(problem.Message, 1000),
            });
        }

        foreach (var file in outcome.Files)
        {
            db.ReturnJobFiles.Add(new ReturnJobFileRow { JobId = jobId, Name = file.Name, ContentType = file.ContentType, Content = file.Content });
        }

        var audit = new AuditEntry
        {
            Action = request.IsImport ? AuditAction.ReturnImported : AuditAction.Export,
            Succeeded = outcome.Status == ReturnJobStatus.Succeeded,
            UserId = request.RequestedByUserId,
            UserName = request.RequestedBy,
            Role = request.RequestedByRole,
            RecordType = "return_job",
            RecordId = jobId,
            At = DateTime.UtcNow,
            Detail = Describe(request) + ": " + job.Outcome,
        };
        await AuditTrail.AppendAsync(db, [audit], async ct => await db.SaveChangesAsync(ct), cancellationToken);
        return job;
    }

    /// <summary>"CIN census export, 2025-26", "Annex A export, as at 31/03/2026", "SSDA903 import of returns.zip".</summary>
    public static string Describe(ReturnJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = KindName(request.Kind);
        if (request.IsImport)
        {
            return $"{kind} of {Path.GetFileName(request.InputName ?? request.InputPath ?? "")}";
        }

        return request.Year is { } year ? $"{kind}, {year.Label}" : $"{kind}, as at {request.AsAt?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";
    }

    private static async Task<Outcome> ExportAsync(DbTarget target, ReturnJobRequest request, string? outputPath, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        tracker.Report(new ReturnProgress("Reading the record", 0, 0));
        var data = TablesFor(request.Kind) is { } only
            ? await SnapshotLoader.LoadAsync(target, only, cancellationToken)
            : await SnapshotLoader.LoadAsync(target, cancellationToken);
        var files = new List<JobFile>();
        ExportResult result;
        switch (request.Kind)
        {
            case ReturnJobKind.Ssda903Export:
            {
                var year = request.Year!.Value;
                var folder = outputPath ?? Directory.CreateTempSubdirectory("lantern-903-").FullName;
                try
                {
                    result = Ssda903Export.Write(data, year, folder, tracker);
                    if (outputPath is null)
                    {
                        files.Add(new JobFile($"ssda903-{year.EndYear}.zip", "application/zip", Zip(folder)));
                    }
                }
                finally
                {
                    if (outputPath is null)
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                }

                break;
            }

            case ReturnJobKind.WorkforceExport:
            {
                // Two tables: one row per worker, and the authority's own figures (vacancies, agency cover).
                var asAt = request.AsAt!.Value;
                var workers = outputPath ?? $"workforce-census-{asAt:yyyy-MM-dd}.csv";
                var authority = AuthorityFileName(workers);
                result = await WriteFilesAsync(
                    [(workers, "text/csv"), (authority, "text/csv")],
                    outputPath is not null,
                    streams => WorkforceCensusExport.Write(data, asAt, streams[0], streams[1]),
                    files);
                break;
            }

            default:
            {
                var (name, contentType) = request.Kind switch
                {
                    ReturnJobKind.CinExport => ($"cin-census-{request.Year!.Value.EndYear}.xml", "application/xml"),
                    _ => ($"annex-a-{request.AsAt!.Value:yyyy-MM-dd}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                };
                result = await WriteFilesAsync(
                    [(outputPath ?? name, contentType)],
                    outputPath is not null,
                    streams => request.Kind == ReturnJobKind.CinExport
                        ? CinCensusExport.Write(data, request.Year!.Value, streams[0], tracker)
                        : AnnexAExport.Write(data, request.AsAt!.Value, streams[0], tracker),
                    files);
                break;
            }
        }

        var who = request.Kind == ReturnJobKind.WorkforceExport
            ? $"{result.Counts.FirstOrDefault(c => c.Key == "Workers").Value.ToString("N0", CultureInfo.InvariantCulture)} workers"
            : $"{result.Children.ToString("N0", CultureInfo.InvariantCulture)} children";
        var message = $"Exported {who}" + (outputPath is null ? "." : $" to {outputPath}.");
        return new Outcome(ReturnJobStatus.Succeeded, message, request.Kind == ReturnJobKind.WorkforceExport ? null : result.Children, result.Counts, [], files);
    }

    private static async Task<Outcome> ImportAsync(DbTarget target, ReturnJobRequest request, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        var path = request.InputPath!;
        var result = request.Kind == ReturnJobKind.CinImport
            ? await CinCensusImport.ImportAsync(target, path, tracker, cancellationToken)
            : await Ssda903Import.ImportAsync(target, path, request.Year, tracker, cancellationToken);
        var counts = new List<KeyValuePair<string, long>>
        {
            new("children in the file", result.ChildrenInFile),
            new("children added", result.ChildrenAdded),
            new("children changed", result.ChildrenChanged),
            new("children unchanged", result.ChildrenUnchanged),
        };
        counts.AddRange(result.RecordsAdded.Select(r => new KeyValuePair<string, long>($"{r.Key} added", r.Value)));
        counts.AddRange(result.RecordsChanged.Select(r => new KeyValuePair<string, long>($"{r.Key} changed", r.Value)));
        if (!result.Imported)
        {
            var problems = result.Problems.Count;
            return new Outcome(ReturnJobStatus.Refused,
                $"Nothing was imported: the file has {problems.ToString("N0", CultureInfo.InvariantCulture)} {(problems == 1 ? "problem" : "problems")} to correct first.",
                result.ChildrenInFile, counts, result.Problems, []);
        }

        var message = $"Imported {result.ChildrenInFile.ToString("N0", CultureInfo.InvariantCulture)} children: "
            + $"{result.ChildrenAdded.ToString("N0", CultureInfo.InvariantCulture)} added, {result.ChildrenChanged.ToString("N0", CultureInfo.InvariantCulture)} changed, "
            + $"{result.ChildrenUnchanged.ToString("N0", CultureInfo.InvariantCulture)} unchanged.";
        return new Outcome(ReturnJobStatus.Succeeded, message, result.ChildrenInFile, counts, [], []);
    }

    /// <summary>The lists of the record an export reads (null: all of them, as Annex A draws on every part of
    /// a child's file). Reading only these keeps an export of a large authority quick; a test holds each
    /// export from only these lists equal to the export from the whole record.</summary>
    public static IReadOnlyList<Type>? TablesFor(ReturnJobKind kind) => kind switch
    {
        ReturnJobKind.CinExport =>
        [
            typeof(LocalAuthority), typeof(Child), typeof(Referral), typeof(Assessment), typeof(StrategyDiscussion), typeof(Section47Enquiry),
            typeof(ChildProtectionConference), typeof(ChildProtectionPlan), typeof(ChildInNeedPlan),
        ],
        ReturnJobKind.Ssda903Export =>
        [
            typeof(LocalAuthority), typeof(Team), typeof(Worker), typeof(Child), typeof(CareEpisode), typeof(CareReview), typeof(HealthCheck),
            typeof(AnnualOutcome), typeof(MissingEpisode), typeof(CareLeaverContact), typeof(AdoptionRecord), typeof(PreviousPermanenceRecord),
            typeof(Allocation),
        ],
        ReturnJobKind.WorkforceExport =>
        [
            typeof(LocalAuthority), typeof(Team), typeof(Worker), typeof(Child), typeof(Allocation), typeof(WorkerAbsence),
        ],
        _ => null,
    };

    /// <summary>"workforce-census-2025-09-30-authority.csv" beside "workforce-census-2025-09-30.csv".</summary>
    public static string AuthorityFileName(string workersFile)
    {
        ArgumentNullException.ThrowIfNull(workersFile);
        var extension = Path.GetExtension(workersFile);
        return workersFile[..^extension.Length] + "-authority" + (extension.Length == 0 ? ".csv" : extension);
    }

    /// <summary>Writes an export's files: on disk (each to a temporary name first, so a half-written file
    /// never takes the name asked for), or in memory to keep with the job.</summary>
    private static async Task<ExportResult> WriteFilesAsync(
        IReadOnlyList<(string Path, string ContentType)> targets, bool onDisk, Func<Stream[], ExportResult> write, List<JobFile> files)
    {
        var streams = new Stream[targets.Count];
        ExportResult result;
        try
        {
            for (var i = 0; i < targets.Count; i++)
            {
                streams[i] = onDisk ? File.Create(targets[i].Path + ".part") : new MemoryStream();
            }

            result = write(streams);
        }
        catch
        {
            foreach (var stream in streams.OfType<Stream>())
            {
                await stream.DisposeAsync();
            }

            if (onDisk)
            {
                foreach (var (path, _) in targets)
                {
                    File.Delete(path + ".part");
                }
            }

            throw;
        }

        for (var i = 0; i < targets.Count; i++)
        {
            if (onDisk)
            {
                await streams[i].DisposeAsync();
                File.Move(targets[i].Path + ".part", targets[i].Path, overwrite: true);
            }
            else
            {
                files.Add(new JobFile(targets[i].Path, targets[i].ContentType, ((MemoryStream)streams[i]).ToArray()));
                await streams[i].DisposeAsync();
            }
        }

        return result;
    }

    private static byte[] Zip(string folder)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var to = entry.Open();
                using var from = File.OpenRead(file);
                from.CopyTo(to);
            }
        }

        return memory.ToArray();
    }

    private static async Task ReportProgressAsync(DbTarget target, long jobId, ProgressTracker tracker, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(ProgressEvery);
        var written = -1L;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = tracker.Latest;
                if (tracker.Changes == written)
                {
                    continue;
                }

                written = tracker.Changes;
                try
                {
                    await UpdateAsync(target, jobId, row =>
                    {
                        row.Stage = Clip(now.Stage, 200);
                        row.Done = now.Done;
                        row.Total = now.Total;
                    }, stop);
                }
                catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                {
                    // Only for show: while an import holds the write lock the row waits; the job goes on.
                    Debug.WriteLine(ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
    }

    private static async Task UpdateAsync(DbTarget target, long jobId, Action<ReturnJobRow> change, CancellationToken cancellationToken)
    {
        await using var db = LanternDatabase.CreateContext(target);
        var row = await db.ReturnJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        change(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed record JobFile(string Name, string ContentType, byte[] Content);

    private sealed record Outcome(
        ReturnJobStatus Status,
        string Message,
        int? Children,
        IReadOnlyList<KeyValuePair<string, long>> Counts,
        IReadOnlyList<ReturnProblem> Problems,
        IReadOnlyList<JobFile> Files);

    /// <summary>Keeps the latest progress for the writer; reported from whichever thread does the work.</summary>
    private sealed class ProgressTracker : IProgress<ReturnProgress>
    {
        private readonly Lock _lock = new();
        private ReturnProgress _latest = new("Starting", 0, 0);
        private long _changes;

        public IProgress<ReturnProgress>? Observer { get; init; }

        public ReturnProgress Latest
        {
            get
            {
                lock (_lock)
                {
                    return _latest;
                }
            }
        }

        public long Changes => Interlocked.Read(ref _changes);

        public void Report(ReturnProgress value)
        {
            lock (_lock)
            {
                _latest = value;
            }

            Interlocked.Increment(ref _changes);
            Observer?.Report(value);
        }
    }
}
