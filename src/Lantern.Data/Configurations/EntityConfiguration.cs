using System.Linq.Expressions;
using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Data.Configurations;

/// <summary>What every table shares: a snake_case name, a bigint identity key named
/// <c>pk_table</c> and <see cref="Entity.Version"/> as the optimistic concurrency token.</summary>
public abstract class EntityConfiguration<T> : IEntityTypeConfiguration<T>
    where T : Entity
{
    protected EntityConfiguration(string table)
    {
        Table = table;
    }

    /// <summary>Common column lengths, so the same kind of value has the same size everywhere.</summary>
    protected static class Lengths
    {
        public const int Name = 100;
        public const int Postcode = 8;
        public const int LaChildId = 20;
        public const int Upn = 13;
        public const int NhsNumber = 10;
        public const int StaffId = 20;
        public const int Telephone = 30;
        public const int Organisation = 200;
        public const int ShortCode = 10;
    }

    public string Table { get; }

    public void Configure(EntityTypeBuilder<T> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(e => e.Id).HasName(Naming.PrimaryKey(Table));
        builder.Property(e => e.Id).ValueGeneratedOnAdd().HasColumnOrder(0);
        builder.Property(e => e.Version).IsConcurrencyToken();
        ConfigureBase(builder);
        ConfigureEntity(builder);
    }

    private protected virtual void ConfigureBase(EntityTypeBuilder<T> builder)
    {
    }

    protected abstract void ConfigureEntity(EntityTypeBuilder<T> builder);

    /// <summary>An index named <c>ix_table_col1_col2</c>.</summary>
    protected IndexBuilder<T> Index(EntityTypeBuilder<T> builder, Expression<Func<T, object?>> columns)
    {
        var index = builder.HasIndex(columns);
        index.HasDatabaseName(Naming.Index(Table, index.Metadata.Properties.Select(p => Naming.ToSnakeCase(p.Name))));
        return index;
    }

    /// <summary>A nullable reference to a child (restrict delete), with its index.</summary>
    protected void OptionalChild(EntityTypeBuilder<T> builder, Expression<Func<T, object?>> childId)
    {
        builder.HasOne<Child>().WithMany().HasForeignKey(childId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        var index = Index(builder, childId);
        var column = Naming.ToSnakeCase(index.Metadata.Properties.Single().Name);
        builder.Metadata.FindForeignKeys(index.Metadata.Properties).Single()
            .SetConstraintName(Naming.ForeignKey(Table, ChildConfiguration.TableName, [column]));
    }
}

/// <summary>A record in one child's file: <c>child_id</c> references <c>children</c> (a child with
/// records cannot be deleted) and is indexed.</summary>
public abstract class ChildRecordConfiguration<T> : EntityConfiguration<T>
    where T : ChildRecord
{
    protected ChildRecordConfiguration(string table)
        : base(table)
    {
    }

    private protected override void ConfigureBase(EntityTypeBuilder<T> builder)
    {
        builder.Property(e => e.ChildId).HasColumnOrder(1);
        builder.HasOne<Child>().WithMany().HasForeignKey(e => e.ChildId)
            .OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName(Naming.ForeignKey(Table, ChildConfiguration.TableName, ["child_id"]));
        Index(builder, e => e.ChildId);
    }
}
