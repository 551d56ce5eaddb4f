using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Data.Configurations;

public sealed class TeamConfiguration() : EntityConfiguration<Team>("teams")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Team> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(Lengths.Name);
        builder.Property(e => e.EstablishmentFte).HasPrecision(5, 2);
    }
}

public sealed class WorkerConfiguration() : EntityConfiguration<Worker>("workers")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Worker> builder)
    {
        builder.Property(e => e.StaffId).HasMaxLength(Lengths.StaffId);
        builder.Property(e => e.GivenName).HasMaxLength(Lengths.Name);
        builder.Property(e => e.FamilyName).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Registration).HasMaxLength(Lengths.StaffId);
        builder.Property(e => e.Fte).HasPrecision(5, 2);
        Index(builder, e => e.TeamId);
        Index(builder, e => e.StaffId);
    }
}

public sealed class AllocationConfiguration() : ChildRecordConfiguration<Allocation>("allocations")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Allocation> builder)
    {
        // A worker's allocations open on a day: by worker, then end (null while open).
        Index(builder, e => new { e.WorkerId, e.EndDate });
        Index(builder, e => e.StartDate);
        Index(builder, e => e.EndDate);
    }
}

public sealed class SupervisionConfiguration() : EntityConfiguration<Supervision>("supervisions")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Supervision> builder)
    {
        OptionalChild(builder, e => e.ChildId);
        Index(builder, e => e.WorkerId);
        Index(builder, e => e.Date);
    }
}

public sealed class WorkerAbsenceConfiguration() : EntityConfiguration<WorkerAbsence>("worker_absences")
{
    protected override void ConfigureEntity(EntityTypeBuilder<WorkerAbsence> builder)
    {
        Index(builder, e => new { e.WorkerId, e.StartDate });
    }
}

public sealed class ManagementDecisionConfiguration() : ChildRecordConfiguration<ManagementDecision>("management_decisions")
{
    protected override void ConfigureEntity(EntityTypeBuilder<ManagementDecision> builder)
    {
        Index(builder, e => e.Date);
    }
}

public sealed class PanelDecisionConfiguration() : ChildRecordConfiguration<PanelDecision>("panel_decisions")
{
    protected override void ConfigureEntity(EntityTypeBuilder<PanelDecision> builder)
    {
        Index(builder, e => e.RequestDate);
    }
}

public sealed class VisitConfiguration() : ChildRecordConfiguration<Visit>("visits")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Visit> builder)
    {
        Index(builder, e => e.Date);
    }
}

public sealed class CaseNoteConfiguration() : ChildRecordConfiguration<CaseNote>("case_notes")
{
    protected override void ConfigureEntity(EntityTypeBuilder<CaseNote> builder)
    {
        Index(builder, e => e.EventDate);
        Index(builder, e => new { e.AuthorId, e.Status });
    }
}

public sealed class PopulationEstimateConfiguration() : EntityConfiguration<PopulationEstimate>("population_estimates")
{
    protected override void ConfigureEntity(EntityTypeBuilder<PopulationEstimate> builder)
    {
        builder.Property(e => e.Ward).HasMaxLength(Lengths.Name);
        Index(builder, e => new { e.Year, e.Ward });
    }
}

public sealed class WardInfoConfiguration() : EntityConfiguration<WardInfo>("wards")
{
    protected override void ConfigureEntity(EntityTypeBuilder<WardInfo> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(Lengths.Name);
        builder.Property(e => e.PostcodeDistrict).HasMaxLength(Lengths.Postcode);
    }
}

public sealed class LocalAuthorityConfiguration() : EntityConfiguration<LocalAuthority>("local_authorities")
{
    protected override void ConfigureEntity(EntityTypeBuilder<LocalAuthority> builder)
    {
        builder.Property(e => e.WorkforceStandards).HasMaxLength(4000);
        builder.Property(e => e.Code).HasMaxLength(Lengths.ShortCode);
        builder.Property(e => e.Name).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Profile).HasMaxLength(Lengths.Name);
    }
}
