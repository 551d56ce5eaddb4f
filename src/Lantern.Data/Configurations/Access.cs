using Lantern.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Data.Configurations;

/// <summary>Identity's tables under Lantern's names (<c>users</c>, <c>user_claims</c>, ...).</summary>
public sealed class UserConfiguration : IEntityTypeConfiguration<LanternUser>
{
    public void Configure(EntityTypeBuilder<LanternUser> builder)
    {
        builder.ToTable("users");
        builder.Property(e => e.DisplayName).HasMaxLength(100);
        builder.Property(e => e.Organisation).HasMaxLength(200);
        builder.HasIndex(e => e.WorkerId);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Id).HasName(Naming.PrimaryKey("audit_entries"));
        // Numbered by the audit trail itself (no gaps), never by the database.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.RecordType).HasMaxLength(40);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(e => new { e.ChildId, e.At });
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasIndex(e => new { e.Action, e.At });
    }
}

public sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(EntityTypeBuilder<AccessGrant> builder)
    {
        builder.ToTable("access_grants");
        builder.HasKey(e => e.Id).HasName(Naming.PrimaryKey("access_grants"));
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.GrantedBy).HasMaxLength(450);
        builder.HasIndex(e => new { e.UserId, e.ChildId });
        builder.HasIndex(e => e.ChildId);
    }
}
