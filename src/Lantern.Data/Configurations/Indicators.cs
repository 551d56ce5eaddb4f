using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Data.Configurations;

public sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTargetRow>
{
    /// <summary>Longest indicator id stored.</summary>
    public const int IndicatorIdLength = 80;

    public void Configure(EntityTypeBuilder<IndicatorTargetRow> builder)
    {
        builder.ToTable("indicator_targets");
        builder.HasKey(e => e.Id).HasName(Naming.PrimaryKey("indicator_targets"));
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.IndicatorId).HasMaxLength(IndicatorIdLength);
        builder.Property(e => e.SetBy).HasMaxLength(256);
        builder.HasIndex(e => e.IndicatorId).IsUnique();
    }
}

public sealed class IndicatorBenchmarkConfiguration : IEntityTypeConfiguration<IndicatorBenchmarkRow>
{
    public const int SourceLength = 200;

    public void Configure(EntityTypeBuilder<IndicatorBenchmarkRow> builder)
    {
        builder.ToTable("indicator_benchmarks");
        builder.HasKey(e => e.Id).HasName(Naming.PrimaryKey("indicator_benchmarks"));
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.IndicatorId).HasMaxLength(IndicatorTargetConfiguration.IndicatorIdLength);
        builder.Property(e => e.Comparator).HasMaxLength(40);
        builder.Property(e => e.Source).HasMaxLength(SourceLength);
        builder.Property(e => e.LoadedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.IndicatorId, e.Comparator, e.PeriodEnd }).IsUnique();
    }
}
