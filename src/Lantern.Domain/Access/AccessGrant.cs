namespace Lantern.Domain.Access;

/// <summary>Explicit, time-limited access for one account to one child's record: an auditor's
/// case, a person named on a restricted record, or broken glass.</summary>
public sealed class AccessGrant
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public long ChildId { get; set; }

    public AccessGrantKind Kind { get; set; }

    /// <summary>Why: the audit's name, or the written break-glass reason.</summary>
    public string Reason { get; set; } = "";

    public DateTime GrantedAt { get; set; }

    /// <summary>When it stops (null: until revoked).</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>Who granted it (the account itself for broken glass).</summary>
    public string GrantedBy { get; set; } = "";

    public bool IsActiveAt(DateTime utc) => GrantedAt <= utc && (ExpiresAt is null || ExpiresAt > utc);
}
