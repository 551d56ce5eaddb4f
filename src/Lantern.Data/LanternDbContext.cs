using Lantern.Data.Conversions;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Data;

/// <summary>The one EF Core model of Lantern. It is abstract because each provider has its own
/// migrations: use <see cref="SqliteLanternDbContext"/> or <see cref="PostgresLanternDbContext"/>,
/// normally through <see cref="LanternDatabase.CreateContext(DbTarget, Action{DbContextOptionsBuilder})"/>.</summary>
public abstract class LanternDbContext : IdentityUserContext<LanternUser>
{
    /// <summary>Longest enum name stored; enum columns are this long.</summary>
    public const int EnumMaxLength = 40;

    protected LanternDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<LocalAuthority> Authorities => Set<LocalAuthority>();

    public DbSet<WardInfo> Wards => Set<WardInfo>();

    public DbSet<PopulationEstimate> Population => Set<PopulationEstimate>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Worker> Workers => Set<Worker>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<ChildRelationship> Relationships => Set<ChildRelationship>();

    public DbSet<ProfessionalInvolvement> Professionals => Set<ProfessionalInvolvement>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<EarlyHelpEpisode> EarlyHelp => Set<EarlyHelpEpisode>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<StrategyDiscussion> StrategyDiscussions => Set<StrategyDiscussion>();

    public DbSet<Section47Enquiry> Section47s => Set<Section47Enquiry>();

    public DbSet<ChildProtectionConference> Conferences => Set<ChildProtectionConference>();

    public DbSet<ChildProtectionPlan> ProtectionPlans => Set<ChildProtectionPlan>();

    public DbSet<CoreGroupMeeting> CoreGroups => Set<CoreGroupMeeting>();

    public DbSet<ChildInNeedPlan> ChildInNeedPlans => Set<ChildInNeedPlan>();

    public DbSet<ChildInNeedPlanReview> ChildInNeedReviews => Set<ChildInNeedPlanReview>();

    public DbSet<CareEpisode> CareEpisodes => Set<CareEpisode>();

    public DbSet<CareReview> CareReviews => Set<CareReview>();

    public DbSet<HealthCheck> HealthChecks => Set<HealthCheck>();

    public DbSet<AnnualOutcome> AnnualOutcomes => Set<AnnualOutcome>();

    public DbSet<MissingEpisode> MissingEpisodes => Set<MissingEpisode>();

    public DbSet<CareLeaverContact> CareLeaverContacts => Set<CareLeaverContact>();

    public DbSet<AdoptionRecord> Adoptions => Set<AdoptionRecord>();

    public DbSet<PreviousPermanenceRecord> PreviousPermanence => Set<PreviousPermanenceRecord>();

    public DbSet<PreProceedings> PreProceedings => Set<PreProceedings>();

    public DbSet<CareProceedings> CareProceedings => Set<CareProceedings>();

    public DbSet<PrivateFosteringArrangement> PrivateFostering => Set<PrivateFosteringArrangement>();

    public DbSet<Allegation> Allegations => Set<Allegation>();

    public DbSet<Allocation> Allocations => Set<Allocation>();

    public DbSet<Supervision> Supervisions => Set<Supervision>();

    public DbSet<WorkerAbsence> WorkerAbsences => Set<WorkerAbsence>();

    public DbSet<ManagementDecision> ManagementDecisions => Set<ManagementDecision>();

    public DbSet<PanelDecision> PanelDecisions => Set<PanelDecision>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    public DbSet<EarlyHelpReview> EarlyHelpReviews => Set<EarlyHelpReview>();

    public DbSet<SignificantEvent> SignificantEvents => Set<SignificantEvent>();

    /// <summary>The append-only, hash-chained audit trail (write through <see cref="AuditTrail"/>).</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();

    /// <summary>The council's indicator targets (one per indicator).</summary>
    public DbSet<IndicatorTargetRow> IndicatorTargets => Set<IndicatorTargetRow>();

    /// <summary>The statistical-neighbour and regional benchmarks an analyst loaded.</summary>
    public DbSet<IndicatorBenchmarkRow> IndicatorBenchmarks => Set<IndicatorBenchmarkRow>();

    /// <summary>Recorded exports and imports of the statutory returns, with their problems and files.</summary>
    public DbSet<ReturnJobRow> ReturnJobs => Set<ReturnJobRow>();

    public DbSet<ReturnJobProblemRow> ReturnJobProblems => Set<ReturnJobProblemRow>();

    public DbSet<ReturnJobFileRow> ReturnJobFiles => Set<ReturnJobFileRow>();

    /// <summary>Every DfE code type in the domain (each is stored as its code).</summary>
    internal static IReadOnlyList<Type> DfeCodeTypes { get; } =
    [
        .. typeof(IDfeCode<>).Assembly.GetTypes()
            .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDfeCode<>)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        IncrementVersions();
        var touched = TouchedFiles();
        var added = AddedChildren();
        var workforce = TouchedWorkforce();
        if (touched.Count == 0 && !workforce)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        var ids = FileIds(touched, added);
        if (ids.Count > 0)
        {
            Children.Where(c => ids.Contains(c.Id)).ExecuteUpdate(s => s.SetProperty(c => c.FileVersion, c => c.FileVersion + 1));
        }

        if (ids.Count > 0 || workforce)
        {
            Authorities.ExecuteUpdate(s => s.SetProperty(a => a.RecordStamp, a => a.RecordStamp + 1));
        }

        own?.Commit();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        IncrementVersions();
        var touched = TouchedFiles();
        var added = AddedChildren();
        var workforce = TouchedWorkforce();
        if (touched.Count == 0 && !workforce)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var ids = FileIds(touched, added);
        if (ids.Count > 0)
        {
            await Children.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.FileVersion, c => c.FileVersion + 1), cancellationToken);
        }

        if (ids.Count > 0 || workforce)
        {
            await Authorities.ExecuteUpdateAsync(s => s.SetProperty(a => a.RecordStamp, a => a.RecordStamp + 1), cancellationToken);
        }

        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>The children about to be added (their files start at 0).</summary>
    private List<Child> AddedChildren() =>
        [.. ChangeTracker.Entries<Child>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    /// <summary>The children and child records about to be added, changed or removed (read before
    /// saving, while their states say so; their child ids are read after, once new rows have keys).</summary>
    private List<Entity> TouchedFiles() =>
    [
        .. ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is ChildRecord or Child)
            .Select(e => (Entity)e.Entity),
    ];

    /// <summary>Whether a worker, team, supervision or absence is about to be added, changed or
    /// removed: lists drawn from the workforce (supervision due, caseloads) are kept while the record
    /// stamp has not moved, so such a change moves it too (not when the council itself is being
    /// added: a new council starts at 0, whatever is added with it).</summary>
    private bool TouchedWorkforce() =>
        ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Worker or Team or Supervision or WorkerAbsence)
        && !ChangeTracker.Entries<LocalAuthority>().Any(e => e.State == EntityState.Added);

    /// <summary>The files to renumber, read after saving (new rows have their keys then): not those
    /// of children added in the same save, whose files start at 0 whatever is added with them.</summary>
    private static List<long> FileIds(List<Entity> touched, List<Child> added)
    {
        var fresh = added.Select(c => c.Id).ToHashSet();
        return [.. touched.Select(e => e is ChildRecord r ? r.ChildId : e.Id).Where(id => id > 0 && !fresh.Contains(id)).Distinct()];
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        foreach (var codeType in DfeCodeTypes)
        {
            configurationBuilder.Properties(codeType)
                .HaveConversion(typeof(DfeCodeConverter<>).MakeGenericType(codeType))
                .HaveMaxLength(DfeCodeConversion.MaxLength);
            configurationBuilder.Properties(typeof(List<>).MakeGenericType(codeType))
                .HaveConversion(typeof(CodeListConverter<>).MakeGenericType(codeType), typeof(CodeListComparer<>).MakeGenericType(codeType));
        }

        // Enums are stored by name so the database reads without a code book.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(EnumMaxLength);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LanternDbContext).Assembly);
        ApplySnakeCaseNames(builder);
    }

    /// <summary>Names every column, key and index not named explicitly in a configuration.</summary>
    private static void ApplySnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName() ?? Naming.ToSnakeCase(entity.ClrType.Name);
            if (table.StartsWith("AspNet", StringComparison.Ordinal))
            {
                // Identity's own tables: AspNetUserClaims becomes user_claims.
                table = Naming.ToSnakeCase(table["AspNet".Length..]);
            }

            entity.SetTableName(table);
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Naming.ToSnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys().Where(k => k.GetName() is null || !k.GetName()!.StartsWith("pk_", StringComparison.Ordinal)))
            {
                key.SetName(key.IsPrimaryKey() ? Naming.PrimaryKey(table) : Naming.Index(table, key.Properties.Select(p => p.GetColumnName())));
            }

            foreach (var foreignKey in entity.GetForeignKeys().Where(fk => fk.GetConstraintName() is not { } n || !n.StartsWith("fk_", StringComparison.Ordinal)))
            {
                foreignKey.SetConstraintName(Naming.ForeignKey(table, foreignKey.PrincipalEntityType.GetTableName()!, foreignKey.Properties.Select(p => p.GetColumnName())));
            }

            foreach (var index in entity.GetIndexes().Where(i => i.GetDatabaseName() is not { } n || !n.StartsWith("ix_", StringComparison.Ordinal)))
            {
                index.SetDatabaseName(Naming.Index(table, index.Properties.Select(p => p.GetColumnName())));
            }
        }
    }

    private void IncrementVersions()
    {
        // A completed case note is part of the record as it was written: corrections are new notes.
        foreach (var note in ChangeTracker.Entries<CaseNote>())
        {
            if (note.State is EntityState.Modified or EntityState.Deleted
                && note.Property(n => n.Status).OriginalValue == NoteStatus.Completed)
            {
                throw new CompletedNoteException(note.Entity.Id);
            }
        }

        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(e => e.Version);
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }
}

/// <summary>The Lantern model on SQLite (migrations in <c>Migrations/Sqlite</c>).</summary>
public sealed class SqliteLanternDbContext(DbContextOptions<SqliteLanternDbContext> options) : LanternDbContext(options)
{
}

/// <summary>The Lantern model on PostgreSQL (migrations in <c>Migrations/Postgres</c>).</summary>
public sealed class PostgresLanternDbContext(DbContextOptions<PostgresLanternDbContext> options) : LanternDbContext(options)
{
}
