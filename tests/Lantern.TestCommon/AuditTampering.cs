namespace Lantern.TestCommon;

/// <summary>What a privileged attacker (the database owner) could do to the audit trail, for tests
/// that the hash chain still shows it.</summary>
public static class AuditTampering
{
    /// <summary>SQL that drops the triggers that keep <c>audit_entries</c> append-only.</summary>
    public static string DropTriggers(Provider provider) => provider switch
    {
        Provider.Sqlite => "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;",
        Provider.Postgres => "DROP TRIGGER audit_entries_no_change ON audit_entries; DROP TRIGGER audit_entries_no_truncate ON audit_entries;",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
    };
}
