using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Data.Configurations;

public sealed class ChildConfiguration() : EntityConfiguration<Child>(TableName)
{
    public const string TableName = "children";

    protected override void ConfigureEntity(EntityTypeBuilder<Child> builder)
    {
        builder.Property(e => e.LaChildId).HasMaxLength(Lengths.LaChildId);
        builder.Property(e => e.GivenName).HasMaxLength(Lengths.Name);
        builder.Property(e => e.FamilyName).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Upn).HasMaxLength(Lengths.Upn);
        builder.Property(e => e.FormerUpn).HasMaxLength(Lengths.Upn);
        builder.Property(e => e.NhsNumber).HasMaxLength(Lengths.NhsNumber);
        builder.Property(e => e.Postcode).HasMaxLength(Lengths.Postcode);
        builder.Property(e => e.Ward).HasMaxLength(Lengths.Name);
        Index(builder, e => e.LaChildId).IsUnique();
        Index(builder, e => new { e.FamilyName, e.GivenName });
        Index(builder, e => e.DateOfBirth);
    }
}

public sealed class PersonConfiguration() : EntityConfiguration<Person>("people")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Person> builder)
    {
        builder.Property(e => e.GivenName).HasMaxLength(Lengths.Name);
        builder.Property(e => e.FamilyName).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Postcode).HasMaxLength(Lengths.Postcode);
        Index(builder, e => new { e.FamilyName, e.GivenName });
    }
}

public sealed class ChildRelationshipConfiguration() : ChildRecordConfiguration<ChildRelationship>("child_relationships")
{
    protected override void ConfigureEntity(EntityTypeBuilder<ChildRelationship> builder)
    {
        Index(builder, e => e.PersonId);
        Index(builder, e => e.RelatedChildId);
    }
}

public sealed class ProfessionalInvolvementConfiguration() : ChildRecordConfiguration<ProfessionalInvolvement>("professional_involvements")
{
    protected override void ConfigureEntity(EntityTypeBuilder<ProfessionalInvolvement> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Organisation).HasMaxLength(Lengths.Organisation);
        builder.Property(e => e.Telephone).HasMaxLength(Lengths.Telephone);
    }
}
