using Lantern.Data;
using Lantern.Domain.Access;

namespace Lantern.Web.Security;

/// <summary>Writes audit entries for the current request: who (the signed-in person, or the user
/// name given), when, what, why and from which address. Entries are hash-chained by
/// <see cref="AuditTrail"/>. Personal data may be in an entry (the audit is itself a protected
/// record), never in the application log.</summary>
public sealed class AuditWriter(LanternDbContext db, IHttpContextAccessor http)
{
    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default) =>
        WriteAsync(entry, write: null, cancellationToken);

    /// <summary>Saves a change to a child's record (<paramref name="write"/>) and its audit entry in one
    /// transaction (<see cref="AuditTrail.AppendAsync(LanternDbContext, IReadOnlyList{AuditEntry}, Func{CancellationToken, Task}?, CancellationToken)"/>).</summary>
    public Task WriteRecordAsync(long childId, AccessBasis basis, string detail, Func<CancellationToken, Task> write, CancellationToken cancellationToken = default) =>
        WriteAsync(
            new AuditEntry
            {
                Action = AuditAction.WriteRecord,
                Succeeded = true,
                ChildId = childId,
                RecordType = "child",
                RecordId = childId,
                Basis = basis,
                Detail = detail,
            },
            write,
            cancellationToken);

    /// <summary>Saves a change to the workforce record (<paramref name="write"/>: a worker leaving,
    /// supervision recorded) with its audit entry, and one entry per child whose record it also
    /// writes (a leaver's children reallocated or moved to the queue), all in one transaction: every
    /// entry is written with the change, or nothing is.</summary>
    public Task WriteWorkforceAsync(long workerId, string detail, IReadOnlyList<(long ChildId, AccessBasis Basis, string Detail)> children, Func<CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(children);
        return WriteAsync(
            [
                new AuditEntry { Action = AuditAction.WorkforceChanged, Succeeded = true, RecordType = "worker", RecordId = workerId, Detail = detail },
                .. children.Select(c => new AuditEntry
                {
                    Action = AuditAction.WriteRecord,
                    Succeeded = true,
                    ChildId = c.ChildId,
                    RecordType = "child",
                    RecordId = c.ChildId,
                    Basis = c.Basis,
                    Detail = c.Detail,
                }),
            ],
            write,
            cancellationToken);
    }

    /// <summary>Saves a change to the council's settings (<paramref name="write"/>) with its audit
    /// entry, in one transaction.</summary>
    public Task WriteSettingsAsync(string detail, Func<CancellationToken, Task> write, CancellationToken cancellationToken = default) =>
        WriteAsync(new AuditEntry { Action = AuditAction.WorkforceChanged, Succeeded = true, RecordType = "council", Detail = detail }, write, cancellationToken);

    /// <summary>Saves a change to the indicator targets or benchmarks (<paramref name="write"/>, which
    /// returns what changed: indicator ids, figures and counts, never personal data) with its
    /// <see cref="AuditAction.IndicatorSettingsChanged"/> entry, in one transaction.</summary>
    public async Task WriteIndicatorSettingsAsync(string recordType, Func<CancellationToken, Task<string>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var entry = new AuditEntry { Action = AuditAction.IndicatorSettingsChanged, Succeeded = true, RecordType = recordType };
        await WriteAsync(entry, async ct => entry.Detail = Truncate(await write(ct), 2000), cancellationToken);
    }

    /// <summary>Saves a new worker (<paramref name="write"/>, which returns the new worker's id and what
    /// was written) and its <see cref="AuditAction.WorkforceChanged"/> entry in one transaction: for a
    /// worker whose id is known only once they are saved.</summary>
    public async Task WriteNewWorkerAsync(Func<CancellationToken, Task<(long WorkerId, string Detail)>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var entry = new AuditEntry { Action = AuditAction.WorkforceChanged, Succeeded = true, RecordType = "worker" };
        await WriteAsync(
            entry,
            async ct =>
            {
                var (workerId, detail) = await write(ct);
                entry.RecordId = workerId;
                entry.Detail = Truncate(detail, 2000);
            },
            cancellationToken);
    }

    /// <summary>Saves a new child's record (<paramref name="write"/>, which returns the new child's id
    /// and what was written) and its audit entry in one transaction: for a record whose id is known only
    /// once it is saved.</summary>
    public async Task WriteNewRecordAsync(AccessBasis basis, Func<CancellationToken, Task<(long ChildId, string Detail)>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var entry = new AuditEntry { Action = AuditAction.WriteRecord, Succeeded = true, RecordType = "child", Basis = basis };
        await WriteAsync(
            entry,
            async ct =>
            {
                var (childId, detail) = await write(ct);
                entry.ChildId = childId;
                entry.RecordId = childId;
                entry.Detail = Truncate(detail, 2000);
            },
            cancellationToken);
    }

    private Task WriteAsync(AuditEntry entry, Func<CancellationToken, Task>? write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return WriteAsync([entry], write, cancellationToken);
    }

    private async Task WriteAsync(IReadOnlyList<AuditEntry> entries, Func<CancellationToken, Task>? write, CancellationToken cancellationToken)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var at = DateTime.UtcNow;
        foreach (var entry in entries)
        {
            if (user?.Identity?.IsAuthenticated == true)
            {
                entry.UserId ??= user.UserId();
                if (string.IsNullOrEmpty(entry.UserName))
                {
                    entry.UserName = user.Identity.Name ?? "";
                }

                entry.Role ??= user.StaffRole();
            }

            entry.IpAddress ??= context?.Connection.RemoteIpAddress?.ToString();
            entry.At = at;
            entry.UserName = Truncate(entry.UserName, 256) ?? "";
            entry.Reason = Truncate(entry.Reason, 2000);
            entry.Detail = Truncate(entry.Detail, 2000);
        }

        await AuditTrail.AppendAsync(db, entries, write, cancellationToken);
    }

    public Task WriteAsync(AuditAction action, bool succeeded, long? childId = null, AccessBasis? basis = null, string? reason = null, string? detail = null, CancellationToken cancellationToken = default) =>
        WriteAsync(new AuditEntry
        {
            Action = action,
            Succeeded = succeeded,
            ChildId = childId,
            RecordType = childId is null ? null : "child",
            RecordId = childId,
            Basis = basis,
            Reason = reason,
            Detail = detail,
        }, cancellationToken);

    /// <summary>An entry about an account (signing in, enrolling, account changes), whoever is signed
    /// in at the time.</summary>
    public Task WriteForAsync(LanternUser user, AuditAction action, bool succeeded, string? detail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return WriteAsync(new AuditEntry
        {
            Action = action,
            Succeeded = succeeded,
            UserId = user.Id,
            UserName = user.UserName ?? "",
            Role = user.Role,
            Detail = detail,
        }, cancellationToken);
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
