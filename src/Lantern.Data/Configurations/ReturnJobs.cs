using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Data.Configurations;

public sealed class ReturnJobConfiguration : IEntityTypeConfiguration<ReturnJobRow>
{
    public void Configure(EntityTypeBuilder<ReturnJobRow> builder)
    {
        builder.ToTable("return_jobs");
        builder.HasKey(e => e.Id).HasName(Naming.PrimaryKey("return_jobs"));
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.InputName).HasMaxLength(260);
        builder.Property(e => e.RequestedByUserId).HasMaxLength(450);
        builder.Property(e => e.RequestedBy).HasMaxLength(256);
        builder.Property(e => e.Stage).HasMaxLength(200);
        builder.Property(e => e.Outcome).HasMaxLength(2000);
        builder.Property(e => e.Counts).HasMaxLength(ReturnJobRow.CountsLength);
        builder.HasIndex(e => e.RequestedAt);
    }
}

public sealed class ReturnJobProblemConfiguration : IEntityTypeConfiguration<ReturnJobProblemRow>
{
    public void Configure(EntityTypeBuilder<ReturnJobProblemRow> builder)
    {
        builder.ToTable("return_job_problems");
        builder.HasKey(e => e.Id).HasName(Naming.PrimaryKey("return_job_problems"));
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.File).HasMaxLength(260);
        builder.Property(e => e.Child).HasMaxLength(100);
        builder.Property(e => e.Field).HasMaxLength(100);
        builder.Property(e => e.Message).HasMaxLength(1000);
        builder.HasOne<ReturnJobRow>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.JobId, e.Position }).IsUnique();
    }
}

public sealed class ReturnJobFileConfiguration : IEntityTypeConfiguration<ReturnJobFileRow>
{
    public void Configure(EntityTypeBuilder<ReturnJobFileRow> builder)
    {
        builder.ToTable("return_job_files");
        builder.HasKey(e => e.Id).HasName(Naming.PrimaryKey("return_job_files"));
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Name).HasMaxLength(260);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.HasOne<ReturnJobRow>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.JobId);
    }
}
