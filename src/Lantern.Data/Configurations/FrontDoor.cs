using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Data.Configurations;

public sealed class ContactConfiguration() : ChildRecordConfiguration<Contact>("contacts")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Contact> builder)
    {
        Index(builder, e => e.ReceivedAt);
    }
}

public sealed class EarlyHelpEpisodeConfiguration() : ChildRecordConfiguration<EarlyHelpEpisode>("early_help_episodes")
{
    protected override void ConfigureEntity(EntityTypeBuilder<EarlyHelpEpisode> builder)
    {
        builder.Property(e => e.Organisation).HasMaxLength(Lengths.Organisation);
        Index(builder, e => e.StartDate);
        Index(builder, e => e.EndDate);
    }
}
