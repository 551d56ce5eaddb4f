using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Data.Configurations;

public sealed class ContactConfiguration() : ChildRecordConfiguration<Contact>("contacts")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Contact> builder)
    {
        Index(builder, e => e.ReceivedAt);
        Index(builder, e => e.DecidedAt);
        Index(builder, e => e.RecordedByWorkerId);

        // Screening decisions still waiting for a manager's sign-off (read on every team view).
        builder.HasIndex(e => e.DecidedAt, "ix_contacts_awaiting_sign_off")
            .HasFilter("decided_at IS NOT NULL AND signed_off_by_worker_id IS NULL");
    }
}

public sealed class EarlyHelpEpisodeConfiguration() : ChildRecordConfiguration<EarlyHelpEpisode>("early_help_episodes")
{
    protected override void ConfigureEntity(EntityTypeBuilder<EarlyHelpEpisode> builder)
    {
        builder.Property(e => e.Organisation).HasMaxLength(Lengths.Organisation);
        Index(builder, e => e.StartDate);
        Index(builder, e => e.EndDate);
        Index(builder, e => new { e.LeadWorkerId, e.EndDate });
    }
}

public sealed class EarlyHelpReviewConfiguration() : ChildRecordConfiguration<EarlyHelpReview>("early_help_reviews")
{
    protected override void ConfigureEntity(EntityTypeBuilder<EarlyHelpReview> builder)
    {
        Index(builder, e => e.EpisodeId);
    }
}

public sealed class SignificantEventConfiguration() : ChildRecordConfiguration<SignificantEvent>("significant_events")
{
    protected override void ConfigureEntity(EntityTypeBuilder<SignificantEvent> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(Lengths.Organisation);
        Index(builder, e => e.Date);
    }
}
