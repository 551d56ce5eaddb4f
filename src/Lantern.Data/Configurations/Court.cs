using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Data.Configurations;

public sealed class PreProceedingsConfiguration() : ChildRecordConfiguration<PreProceedings>("pre_proceedings")
{
    protected override void ConfigureEntity(EntityTypeBuilder<PreProceedings> builder)
    {
        Index(builder, e => e.StartDate);
        Index(builder, e => e.EndDate);
    }
}

public sealed class CareProceedingsConfiguration() : ChildRecordConfiguration<CareProceedings>("care_proceedings")
{
    protected override void ConfigureEntity(EntityTypeBuilder<CareProceedings> builder)
    {
        Index(builder, e => e.IssueDate);
        Index(builder, e => e.FinalHearingDate);
    }
}

public sealed class PrivateFosteringArrangementConfiguration() : ChildRecordConfiguration<PrivateFosteringArrangement>("private_fostering_arrangements")
{
    protected override void ConfigureEntity(EntityTypeBuilder<PrivateFosteringArrangement> builder)
    {
        builder.Property(e => e.CarerName).HasMaxLength(Lengths.Name);
        Index(builder, e => e.StartDate);
        Index(builder, e => e.EndDate);
    }
}

public sealed class AllegationConfiguration() : EntityConfiguration<Allegation>("allegations")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Allegation> builder)
    {
        builder.Property(e => e.Sector).HasMaxLength(Lengths.Name);
        builder.Property(e => e.PersonRole).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Category).HasMaxLength(Lengths.Name);
        OptionalChild(builder, e => e.ChildId);
        Index(builder, e => e.ReceivedDate);
    }
}
