using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Xunit;

namespace Lantern.Data.Tests;

/// <summary>Checks of the mapping itself, needing no database.</summary>
public class ModelTests
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    private static LanternDbContext Context(DbProvider provider) =>
        LanternDatabase.CreateContext(provider == DbProvider.Sqlite ? DbTarget.Sqlite("model-only.db") : DbTarget.Postgres("Host=localhost"));

    [Theory]
    [InlineData("LaChildId", "la_child_id")]
    [InlineData("Section47Id", "section47_id")]
    [InlineData("NhsNumber", "nhs_number")]
    [InlineData("EstablishmentFte", "establishment_fte")]
    [InlineData("UPNUnknown", "upn_unknown")]
    [InlineData("IsUnaccompaniedAsylumSeeking", "is_unaccompanied_asylum_seeking")]
    [InlineData("Id", "id")]
    public void Names_are_snake_case(string name, string expected)
    {
        Assert.Equal(expected, Naming.ToSnakeCase(name));
    }

    [Theory, MemberData(nameof(Providers))]
    public void Every_AuthorityData_list_is_a_table_with_a_DbSet(DbProvider provider)
    {
        using var context = Context(provider);
        var lists = AuthorityAssert.Lists.Select(l => l.PropertyType.GetGenericArguments()[0]).ToHashSet();
        var entities = context.Model.GetEntityTypes().Select(e => e.ClrType).Where(IsRecord).ToHashSet();
        var dbSets = typeof(LanternDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0]).Where(IsRecord).ToHashSet();
        var domain = typeof(Entity).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Entity)) && !t.IsAbstract).ToHashSet();

        Assert.Equal(domain.OrderBy(t => t.Name), lists.OrderBy(t => t.Name));
        Assert.Equal(domain.OrderBy(t => t.Name), entities.OrderBy(t => t.Name));
        Assert.Equal(domain.OrderBy(t => t.Name), dbSets.OrderBy(t => t.Name));
    }

    [Theory, MemberData(nameof(Providers))]
    public void Besides_the_records_the_model_holds_only_the_accounts_the_audit_the_indicator_settings_and_the_return_jobs(DbProvider provider)
    {
        using var context = Context(provider);
        var others = context.Model.GetEntityTypes()
            .Where(e => !IsRecord(e.ClrType))
            .ToDictionary(e => e.ClrType, e => e.GetTableName());

        Assert.Equal(
            new Dictionary<Type, string?>
            {
                [typeof(LanternUser)] = "users",
                [typeof(IdentityUserClaim<string>)] = "user_claims",
                [typeof(IdentityUserLogin<string>)] = "user_logins",
                [typeof(IdentityUserToken<string>)] = "user_tokens",
                [typeof(AuditEntry)] = "audit_entries",
                [typeof(AccessGrant)] = "access_grants",
                [typeof(IndicatorTargetRow)] = "indicator_targets",
                [typeof(IndicatorBenchmarkRow)] = "indicator_benchmarks",
                [typeof(ReturnJobRow)] = "return_jobs",
                [typeof(ReturnJobProblemRow)] = "return_job_problems",
                [typeof(ReturnJobFileRow)] = "return_job_files",
            }.OrderBy(kv => kv.Value),
            others.OrderBy(kv => kv.Value));
        Assert.Equal(nameof(IdentityUser.ConcurrencyStamp), Assert.Single(context.Model.FindEntityType(typeof(LanternUser))!.GetProperties(), p => p.IsConcurrencyToken).Name);
        Assert.Equal(ValueGenerated.Never, context.Model.FindEntityType(typeof(AuditEntry))!.FindPrimaryKey()!.Properties.Single().ValueGenerated);
    }

    [Theory, MemberData(nameof(Providers))]
    public void Every_name_is_snake_case_and_every_index_is_named(DbProvider provider)
    {
        using var context = Context(provider);
        foreach (var entity in context.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            Assert.Matches("^[a-z][a-z0-9_]*$", table);
            Assert.DoesNotContain("asp_net", table, StringComparison.Ordinal);
            foreach (var property in entity.GetProperties())
            {
                Assert.Equal(Naming.ToSnakeCase(property.Name), property.GetColumnName());
                Assert.Matches("^[a-z][a-z0-9_]*$", property.GetColumnName());
            }

            Assert.Equal($"pk_{table}", entity.FindPrimaryKey()!.GetName());
            foreach (var index in entity.GetIndexes())
            {
                if (index.GetFilter() is null)
                {
                    Assert.Equal($"ix_{table}_{string.Join('_', index.Properties.Select(p => p.GetColumnName()))}", index.GetDatabaseName());
                }
                else
                {
                    // A partial index is named for the rows it holds (ix_contacts_awaiting_sign_off).
                    Assert.Matches($"^ix_{table}_[a-z][a-z0-9_]*$", index.GetDatabaseName());
                }
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                Assert.StartsWith($"fk_{table}_{fk.PrincipalEntityType.GetTableName()}_", fk.GetConstraintName(), StringComparison.Ordinal);
            }
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public void Every_child_record_references_children_with_restricted_delete_and_an_index(DbProvider provider)
    {
        using var context = Context(provider);
        foreach (var entity in context.Model.GetEntityTypes().Where(e => e.ClrType.IsSubclassOf(typeof(ChildRecord))))
        {
            var fk = Assert.Single(entity.GetForeignKeys(), f => f.Properties.Single().Name == nameof(ChildRecord.ChildId));
            Assert.Equal(typeof(Child), fk.PrincipalEntityType.ClrType);
            Assert.Equal(DeleteBehavior.Restrict, fk.DeleteBehavior);
            Assert.Contains(entity.GetIndexes(), i => i.Properties.Count == 1 && i.Properties[0].Name == nameof(ChildRecord.ChildId));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public void Every_record_has_Version_as_its_concurrency_token(DbProvider provider)
    {
        using var context = Context(provider);
        foreach (var entity in context.Model.GetEntityTypes().Where(e => IsRecord(e.ClrType)))
        {
            Assert.True(entity.FindProperty(nameof(Entity.Version))!.IsConcurrencyToken, entity.ClrType.Name);
            Assert.Equal([nameof(Entity.Version)], entity.GetProperties().Where(p => p.IsConcurrencyToken).Select(p => p.Name));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public void Codes_enums_and_lists_are_stored_as_bounded_strings(DbProvider provider)
    {
        using var context = Context(provider);
        foreach (var property in context.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            var isCode = type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDfeCode<>));
            var label = $"{property.DeclaringType.ClrType.Name}.{property.Name}";
            if (isCode)
            {
                Assert.Equal(typeof(string), property.GetTypeMapping().Converter?.ProviderClrType);
                Assert.True(property.GetMaxLength() == 8, label);
            }
            else if (type.IsEnum)
            {
                Assert.Equal(typeof(string), property.GetTypeMapping().Converter?.ProviderClrType);
                Assert.True(property.GetMaxLength() == LanternDbContext.EnumMaxLength, label);
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                Assert.Equal(typeof(string), property.GetTypeMapping().Converter?.ProviderClrType);
                Assert.NotNull(property.GetValueComparer());
            }
            else if (type == typeof(string) && property.GetMaxLength() is null && property.PropertyInfo?.DeclaringType?.Assembly == typeof(IdentityUser).Assembly)
            {
                // Identity's own columns (ids, stamps, password hash, tokens), as Identity defines them.
            }
            else if (type == typeof(string) && property.GetMaxLength() is null)
            {
                // Unbounded only for free text.
                Assert.Contains(property.Name, (string[])["Summary", "Participants", "Discussion", "Decisions", "Actions", "Decision", "Rationale", "Notes", "Text", "DecisionReason", "OutcomeReason", "Detail"]);
            }
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public void Every_audit_and_grant_text_is_bounded(DbProvider provider)
    {
        using var context = Context(provider);
        foreach (var type in new[] { typeof(AuditEntry), typeof(AccessGrant), typeof(LanternUser), typeof(IndicatorTargetRow), typeof(IndicatorBenchmarkRow) })
        {
            foreach (var property in context.Model.FindEntityType(type)!.GetProperties()
                .Where(p => p.ClrType == typeof(string) && p.PropertyInfo?.DeclaringType == type))
            {
                Assert.True(property.GetMaxLength() is > 0, $"{type.Name}.{property.Name} has no maximum length");
            }
        }
    }

    [Fact]
    public void Every_code_and_enum_name_fits_its_column()
    {
        foreach (var codeType in typeof(IDfeCode<>).Assembly.GetTypes().Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDfeCode<>))))
        {
            var set = (CodeSet)codeType.GetProperty("Set")!.GetValue(null)!;
            Assert.All(set.Entries, e => Assert.True(e.Code.Length <= 8, $"{codeType.Name} {e.Code}"));
        }

        foreach (var enumType in typeof(Entity).Assembly.GetTypes().Where(t => t.IsEnum))
        {
            Assert.All(Enum.GetNames(enumType), n => Assert.True(n.Length <= LanternDbContext.EnumMaxLength, $"{enumType.Name}.{n}"));
        }
    }

    [Fact]
    public void Dates_and_times_map_to_date_and_timestamptz_on_PostgreSQL()
    {
        using var context = Context(DbProvider.Postgres);
        foreach (var property in context.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type == typeof(DateOnly))
            {
                Assert.Equal("date", property.GetColumnType());
            }
            else if (type == typeof(DateTime))
            {
                Assert.Equal("timestamp with time zone", property.GetColumnType());
            }
            else if (type == typeof(decimal))
            {
                Assert.Equal("numeric(5,2)", property.GetColumnType());
            }
        }
    }

    [Fact]
    public void The_writer_knows_every_column_type_and_writes_principals_first()
    {
        foreach (var table in TableMaps.For(DbProvider.Postgres))
        {
            Assert.All(table.Columns, c => _ = c.NpgsqlDbType);
        }

        var order = TableMaps.For(DbProvider.Sqlite).Select(t => t.Table).ToList();
        Assert.Equal(order, TableMaps.For(DbProvider.Postgres).Select(t => t.Table));
        foreach (var table in TableMaps.For(DbProvider.Sqlite))
        {
            foreach (var fk in table.EntityType.GetForeignKeys())
            {
                Assert.True(order.IndexOf(fk.PrincipalEntityType.GetTableName()!) < order.IndexOf(table.Table), $"{table.Table} is written before its principal");
            }
        }
    }

    [Fact]
    public void UTC_conversion_keeps_the_instant_to_the_microsecond()
    {
        var local = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Local);
        var unspecified = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Unspecified).AddTicks(17);

        Assert.Equal(local.ToUniversalTime(), Conversions.UtcDateTimeConverter.ToStored(local));
        Assert.Equal(DateTimeKind.Utc, Conversions.UtcDateTimeConverter.ToStored(unspecified).Kind);
        Assert.Equal(new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(10), Conversions.UtcDateTimeConverter.ToStored(unspecified));
    }

    /// <summary>A record of the authority (<see cref="Entity"/>), as opposed to accounts and the audit.</summary>
    private static bool IsRecord(Type type) => type.IsSubclassOf(typeof(Entity));
}
