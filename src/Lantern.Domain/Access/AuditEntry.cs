using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lantern.Domain.Access;

/// <summary>What was done, as recorded in the audit trail.</summary>
public enum AuditAction
{
    SignIn = 1,
    SignInFailed = 2,
    SignOut = 3,
    SignOutEverywhere = 4,
    LockedOut = 5,
    TwoFactorEnrolled = 6,
    TwoFactorFailed = 7,
    ReadRecord = 10,
    KnownOnlyView = 11,
    WriteRecord = 12,
    Search = 13,
    Export = 14,
    BreakGlass = 15,
    AccessDenied = 16,
    ViewRecordAudit = 17,
    AccountChanged = 18,
    RequestRejected = 19,

    /// <summary>A change to the workforce record: a worker leaving, supervision recorded.</summary>
    WorkforceChanged = 20,

    /// <summary>A change to the council's indicator targets or the benchmarks loaded.</summary>
    IndicatorSettingsChanged = 21,

    /// <summary>A statutory return imported into the record (CIN census, SSDA903): one entry per import job.</summary>
    ReturnImported = 22,
}

/// <summary>One entry of the append-only audit trail. Entries are numbered 1, 2, 3, ... without
/// gaps, and each carries the hash of the one before it, so a changed, removed or inserted entry
/// breaks the chain (<see cref="AuditChain.Verify"/>).</summary>
public sealed class AuditEntry
{
    /// <summary>Position in the trail, from 1, without gaps.</summary>
    public long Id { get; set; }

    /// <summary>When, in UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>The account, or null when nobody was signed in (for example a failed sign-in).</summary>
    public string? UserId { get; set; }

    /// <summary>The user name given or signed in with.</summary>
    public string UserName { get; set; } = "";

    public StaffRole? Role { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>Whether it was allowed or succeeded.</summary>
    public bool Succeeded { get; set; }

    public long? ChildId { get; set; }

    /// <summary>The kind of record read or written, for example "child" or "allocation".</summary>
    public string? RecordType { get; set; }

    public long? RecordId { get; set; }

    /// <summary>Why the person could see the record.</summary>
    public AccessBasis? Basis { get; set; }

    /// <summary>The reason given (for example for breaking the glass).</summary>
    public string? Reason { get; set; }

    /// <summary>What else happened: search criteria, export parameters, a refusal's cause.</summary>
    public string? Detail { get; set; }

    /// <summary>The client address the request came from.</summary>
    public string? IpAddress { get; set; }

    /// <summary>Hash of the previous entry (64 zeros for the first).</summary>
    public string PreviousHash { get; set; } = AuditChain.Genesis;

    /// <summary>SHA-256 of this entry's fields and <see cref="PreviousHash"/>, lower-case hex.</summary>
    public string Hash { get; set; } = "";
}

/// <summary>The hash chain over the audit trail.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The hash of <paramref name="entry"/> given the hash before it: SHA-256 over every
    /// field, each written as its length and value so that no two entries share a text.</summary>
    public static string ComputeHash(AuditEntry entry, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(256);
        void Field(string? value)
        {
            if (value is null)
            {
                text.Append("-;");
                return;
            }

            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
        }

        Field(previousHash);
        Field(entry.Id.ToString(CultureInfo.InvariantCulture));
        Field(DateTime.SpecifyKind(entry.At, DateTimeKind.Utc).Ticks.ToString(CultureInfo.InvariantCulture));
        Field(entry.UserId);
        Field(entry.UserName);
        Field(entry.Role?.ToString());
        Field(entry.Action.ToString());
        Field(entry.Succeeded ? "1" : "0");
        Field(entry.ChildId?.ToString(CultureInfo.InvariantCulture));
        Field(entry.RecordType);
        Field(entry.RecordId?.ToString(CultureInfo.InvariantCulture));
        Field(entry.Basis?.ToString());
        Field(entry.Reason);
        Field(entry.Detail);
        Field(entry.IpAddress);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Numbers <paramref name="entry"/> after the entry <paramref name="previousId"/> (0 for the first)
    /// and seals it.</summary>
    public static void Seal(AuditEntry entry, long previousId, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Id = previousId + 1;
        entry.PreviousHash = previousHash;
        entry.Hash = ComputeHash(entry, previousHash);
    }

    /// <summary>Checks entries given in order of <see cref="AuditEntry.Id"/>. Returns null when the
    /// chain is intact, or the first broken entry and what is wrong with it.</summary>
    public static AuditBreak? Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        ArgumentNullException.ThrowIfNull(entriesInOrder);
        var verifier = new AuditChainVerifier();
        foreach (var e in entriesInOrder)
        {
            if (verifier.Check(e) is { } broken)
            {
                return broken;
            }
        }

        return null;
    }
}

/// <summary>Checks an audit trail one entry at a time, in order, so a long trail can be streamed.</summary>
public sealed class AuditChainVerifier
{
    private long expectedId = 1;
    private string previousHash = AuditChain.Genesis;

    /// <summary>Entries checked and found intact so far.</summary>
    public long Checked => expectedId - 1;

    /// <summary>Null when <paramref name="entry"/> follows on correctly, else what is wrong.</summary>
    public AuditBreak? Check(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Id != expectedId)
        {
            return new AuditBreak(expectedId, entry.Id < expectedId ? $"entry {entry.Id} is out of order" : expectedId == entry.Id - 1 ? $"entry {expectedId} is missing" : $"entries {expectedId} to {entry.Id - 1} are missing");
        }

        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return new AuditBreak(entry.Id, "it does not follow on from the entry before it");
        }

        if (!string.Equals(entry.Hash, AuditChain.ComputeHash(entry, previousHash), StringComparison.Ordinal))
        {
            return new AuditBreak(entry.Id, "its contents have changed since it was written");
        }

        previousHash = entry.Hash;
        expectedId++;
        return null;
    }
}

/// <summary>The first entry at which the audit chain is broken.</summary>
public sealed record AuditBreak(long EntryId, string Problem);
