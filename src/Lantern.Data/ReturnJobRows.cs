namespace Lantern.Data;

/// <summary>What a recorded return job does.</summary>
public enum ReturnJobKind
{
    CinExport = 1,
    Ssda903Export = 2,
    AnnexAExport = 3,
    WorkforceExport = 4,
    CinImport = 5,
    Ssda903Import = 6,
}

public enum ReturnJobStatus
{
    /// <summary>Waiting for its turn.</summary>
    Queued = 0,

    Running = 1,

    /// <summary>Done: the export was written, or the import was written whole.</summary>
    Succeeded = 2,

    /// <summary>An import found problems in its file and wrote nothing; the problems are listed.</summary>
    Refused = 3,

    /// <summary>It could not run (unreadable file, database error); nothing was written.</summary>
    Failed = 4,
}

/// <summary>A recorded export or import of a statutory return (table <c>return_jobs</c>): who asked,
/// when, with what, how far it has gone, and what came of it. Not part of a child's record.</summary>
public sealed class ReturnJobRow
{
    public long Id { get; set; }

    public ReturnJobKind Kind { get; set; }

    public ReturnJobStatus Status { get; set; }

    /// <summary>The collection year (the year it ends), for CIN and SSDA903.</summary>
    public int? Year { get; set; }

    /// <summary>The as-at date, for Annex A and the workforce census.</summary>
    public DateOnly? AsAt { get; set; }

    /// <summary>The name of the file imported, as the user gave it (no path).</summary>
    public string? InputName { get; set; }

    /// <summary>The account that asked, or null for the command line.</summary>
    public string? RequestedByUserId { get; set; }

    /// <summary>The user name (or "lantern command (account)").</summary>
    public string RequestedBy { get; set; } = "";

    public DateTime RequestedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>What it is doing now ("reading the file", "writing episodes"...).</summary>
    public string Stage { get; set; } = "";

    public long Done { get; set; }

    public long Total { get; set; }

    /// <summary>Children in the return (exported, or in the file imported).</summary>
    public int? Children { get; set; }

    /// <summary>Longest <see cref="Counts"/> kept.</summary>
    public const int CountsLength = 4000;

    /// <summary>One line per count, "name: number" (rows per table, records added and changed).</summary>
    public string Counts { get; set; } = "";

    /// <summary>Problems found (all of them are counted; the first 10,000 are kept).</summary>
    public int ProblemCount { get; set; }

    /// <summary>The outcome in one sentence.</summary>
    public string Outcome { get; set; } = "";
}

/// <summary>One problem an import found (table <c>return_job_problems</c>).</summary>
public sealed class ReturnJobProblemRow
{
    public long Id { get; set; }

    public long JobId { get; set; }

    /// <summary>Order in which it was found, from 1.</summary>
    public int Position { get; set; }

    public string File { get; set; } = "";

    public long? Line { get; set; }

    /// <summary>The child's LAchildID / CHILD as in the file.</summary>
    public string? Child { get; set; }

    public string? Field { get; set; }

    public string Message { get; set; } = "";
}

/// <summary>A file an export produced, kept for download (table <c>return_job_files</c>).</summary>
public sealed class ReturnJobFileRow
{
    public long Id { get; set; }

    public long JobId { get; set; }

    public string Name { get; set; } = "";

    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];
}
