using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Data.Configurations;

public sealed class CareEpisodeConfiguration() : ChildRecordConfiguration<CareEpisode>("care_episodes")
{
    protected override void ConfigureEntity(EntityTypeBuilder<CareEpisode> builder)
    {
        builder.Property(e => e.HomePostcode).HasMaxLength(Lengths.Postcode);
        builder.Property(e => e.PlacementPostcode).HasMaxLength(Lengths.Postcode);
        builder.Property(e => e.Urn).HasMaxLength(Lengths.ShortCode);
        Index(builder, e => e.StartDate);
        Index(builder, e => e.EndDate);
    }
}

public sealed class CareReviewConfiguration() : ChildRecordConfiguration<CareReview>("care_reviews")
{
    protected override void ConfigureEntity(EntityTypeBuilder<CareReview> builder)
    {
        Index(builder, e => e.Date);
    }
}

public sealed class HealthCheckConfiguration() : ChildRecordConfiguration<HealthCheck>("health_checks")
{
    protected override void ConfigureEntity(EntityTypeBuilder<HealthCheck> builder)
    {
        Index(builder, e => e.Date);
    }
}

public sealed class AnnualOutcomeConfiguration() : ChildRecordConfiguration<AnnualOutcome>("annual_outcomes")
{
    protected override void ConfigureEntity(EntityTypeBuilder<AnnualOutcome> builder)
    {
        Index(builder, e => e.YearEnding);
    }
}

public sealed class MissingEpisodeConfiguration() : ChildRecordConfiguration<MissingEpisode>("missing_episodes")
{
    protected override void ConfigureEntity(EntityTypeBuilder<MissingEpisode> builder)
    {
        Index(builder, e => e.StartDate);
    }
}

public sealed class CareLeaverContactConfiguration() : ChildRecordConfiguration<CareLeaverContact>("care_leaver_contacts")
{
    protected override void ConfigureEntity(EntityTypeBuilder<CareLeaverContact> builder)
    {
        Index(builder, e => e.ContactDate);
    }
}

public sealed class AdoptionRecordConfiguration() : ChildRecordConfiguration<AdoptionRecord>("adoption_records")
{
    protected override void ConfigureEntity(EntityTypeBuilder<AdoptionRecord> builder)
    {
        Index(builder, e => e.DecisionDate);
    }
}

public sealed class PreviousPermanenceRecordConfiguration() : ChildRecordConfiguration<PreviousPermanenceRecord>("previous_permanence_records")
{
    protected override void ConfigureEntity(EntityTypeBuilder<PreviousPermanenceRecord> builder)
    {
        // 903 partial date, e.g. zz/05/2019.
        builder.Property(e => e.Date).HasMaxLength(Lengths.ShortCode);
        builder.Property(e => e.LaCode).HasMaxLength(Lengths.ShortCode);
    }
}
