using System.Collections.Concurrent;
using System.Threading.Channels;
using Lantern.Data;
using Lantern.Returns;
using Lantern.Returns.Jobs;
using Lantern.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Returns;

/// <summary>
/// Runs the return jobs asked for in the browser, one at a time, in the background (an export reads the
/// whole record; an import holds the write lock), and keeps each running job's latest progress in memory
/// for its page. Jobs left queued or running by an app that stopped are marked failed when it starts again
/// (an import is all or nothing, so nothing of theirs was written). Uploaded files are deleted when their job ends.
/// </summary>
public sealed class ReturnJobQueue(LanternDataOptions options, ILogger<ReturnJobQueue> logger) : BackgroundService
{
    private readonly Channel<QueuedJob> _channel = Channel.CreateUnbounded<QueuedJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, ReturnProgress> _progress = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _finished = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where uploaded imports wait for their job (deleted when it ends).</summary>
    public string WorkFolder { get; } = Path.Combine(Path.GetTempPath(), "lantern-imports");

    /// <summary>Records the job and queues it; returns its id.</summary>
    public async Task<long> QueueAsync(ReturnJobRequest request, string? cleanup, CancellationToken cancellationToken)
    {
        await _ready.Task.WaitAsync(cancellationToken);
        var id = await ReturnJobs.QueueAsync(options.Target, request, cancellationToken);
        _finished[id] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _channel.Writer.WriteAsync(new QueuedJob(id, request, cleanup), cancellationToken);
        return id;
    }

    /// <summary>The latest progress of a job running now, if it is.</summary>
    public ReturnProgress? Progress(long jobId) => _progress.TryGetValue(jobId, out var progress) ? progress : null;

    /// <summary>Waits until a job queued by this app has ended (for tests and the command line).</summary>
    public Task WaitAsync(long jobId, CancellationToken cancellationToken) =>
        _finished.TryGetValue(jobId, out var done) ? done.Task.WaitAsync(cancellationToken) : Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await MarkAbandonedAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or DatabaseUnavailableException or DatabaseNotMigratedException
            or System.Data.Common.DbException)
        {
            logger.LogWarning("Could not mark the return jobs left by a stopped app: {Error}", ex.GetType().Name);
        }

        _ready.TrySetResult();
        await foreach (var job in _channel.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ReturnJobs.RunAsync(options.Target, job.Id, job.Request, null, new Observer(job.Id, _progress), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // ReturnJobs records every expected failure itself; this is the unexpected, kept out of the page.
                logger.LogError("Return job {JobId} stopped: {Error}", job.Id, ex.GetType().Name);
                await FailAsync(job.Id, "The job stopped because of an unexpected error; nothing was written.", CancellationToken.None);
            }
            finally
            {
                _progress.TryRemove(job.Id, out _);
                Delete(job.Cleanup);
                if (_finished.TryRemove(job.Id, out var done))
                {
                    done.TrySetResult();
                }
            }
        }
    }

    private async Task MarkAbandonedAsync(CancellationToken cancellationToken)
    {
        await using var db = LanternDatabase.CreateContext(options.Target);
        var abandoned = await db.ReturnJobs.Where(j => j.Status == ReturnJobStatus.Queued || j.Status == ReturnJobStatus.Running).ToListAsync(cancellationToken);
        foreach (var job in abandoned)
        {
            job.Status = ReturnJobStatus.Failed;
            job.FinishedAt = DateTime.UtcNow;
            job.Stage = "Failed: nothing was written";
            job.Outcome = "Lantern stopped before the job finished; nothing was written. Run it again.";
        }

        await db.SaveChangesAsync(cancellationToken);
        if (Directory.Exists(WorkFolder))
        {
            // Uploads of jobs that will never run.
            Delete(WorkFolder);
        }
    }

    private async Task FailAsync(long jobId, string message, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = LanternDatabase.CreateContext(options.Target);
            var job = await db.ReturnJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
            job.Status = ReturnJobStatus.Failed;
            job.FinishedAt = DateTime.UtcNow;
            job.Stage = "Failed: nothing was written";
            job.Outcome = message;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogError("Could not record that return job {JobId} failed: {Error}", jobId, ex.GetType().Name);
        }
    }

    private void Delete(string? path)
    {
        try
        {
            if (path is null)
            {
                return;
            }

            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not delete an uploaded return: {Error}", ex.GetType().Name);
        }
    }

    private sealed record QueuedJob(long Id, ReturnJobRequest Request, string? Cleanup);

    /// <summary>Reports straight into the map (not through a synchronisation context).</summary>
    private sealed class Observer(long id, ConcurrentDictionary<long, ReturnProgress> map) : IProgress<ReturnProgress>
    {
        public void Report(ReturnProgress value) => map[id] = value;
    }
}
