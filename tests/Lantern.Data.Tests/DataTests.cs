using System.Collections;
using System.Reflection;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.TestCommon;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Lantern.Data.Tests;

/// <summary>Storage behaviour, run once per provider (a SQLite file and a real PostgreSQL database).</summary>
public class DataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Db, DbTarget Target)> MigratedAsync(Provider provider)
    {
        var db = await TestDatabase.CreateAsync(provider, Ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, Ct);
        return (db, target);
    }

    [Theory, ProviderData]
    public async Task Bulk_written_authority_loads_back_identically(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        var sample = SampleAuthority.Create();
        var reports = new List<(string table, long done, long total)>();

        var written = await AuthorityWriter.WriteAsync(target, sample, new SyncProgress(reports.Add), cancellationToken: Ct);
        var loaded = await SnapshotLoader.LoadAsync(target, Ct);

        Assert.Equal(sample.TotalRecords, written);
        AuthorityAssert.Equal(sample, loaded);
        Assert.Contains(("children", 3L, 3L), reports);
        Assert.True(AuthorityAssert.Lists.All(l => ((IList)l.GetValue(loaded)!).Count > 0), "every table has a row");
    }

    [Theory, ProviderData]
    public async Task Bulk_written_rows_read_the_same_through_EF_Core(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        var sample = SampleAuthority.Create();
        await AuthorityWriter.WriteAsync(target, sample, cancellationToken: Ct);

        await using var context = LanternDatabase.CreateContext(target);
        var viaEf = await LoadWithEfAsync(context);

        AuthorityAssert.Equal(sample, viaEf);

        // Queries on converted columns translate and match the stored forms.
        Assert.Equal([1L], await context.Children.Where(c => c.Sex == Sex.Female).Select(c => c.Id).ToListAsync(Ct));
        Assert.Equal([1L], await context.Contacts.Where(c => c.ReceivedAt < new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc)).Select(c => c.Id).ToListAsync(Ct));
        Assert.Equal([1L, 2L], await context.CareEpisodes.Where(e => e.StartDate >= new DateOnly(2025, 1, 1)).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(Ct));
        Assert.Equal(["Referral"], await context.Database.SqlQueryRaw<string>("SELECT outcome AS \"Value\" FROM contacts WHERE id = 1").ToListAsync(Ct));
        Assert.Equal(["LD,AUT"], await context.Database.SqlQueryRaw<string>("SELECT disabilities AS \"Value\" FROM children WHERE id = 1").ToListAsync(Ct));
    }

    [Theory, ProviderData]
    public async Task Rows_saved_through_EF_Core_load_through_the_snapshot_loader(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        var sample = SampleAuthority.Create();
        await using (var context = LanternDatabase.CreateContext(target))
        {
            foreach (var list in AuthorityAssert.Lists)
            {
                context.AddRange(((IList)list.GetValue(sample)!).Cast<object>());
            }

            await context.SaveChangesAsync(Ct);
        }

        var loaded = await SnapshotLoader.LoadAsync(target, Ct);

        AuthorityAssert.Equal(sample, loaded);
    }

    [Theory, ProviderData]
    public async Task Ids_after_a_bulk_write_continue_from_the_largest(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        await AuthorityWriter.WriteAsync(target, SampleAuthority.Create(), cancellationToken: Ct);

        await using var context = LanternDatabase.CreateContext(target);
        var child = new Child { LaChildId = "NEW1", GivenName = "New", FamilyName = "Child", Sex = Sex.Male, Ethnicity = Ethnicity.NotObtained };
        context.Children.Add(child);
        context.Visits.Add(new Visit { ChildId = 1, Date = new DateOnly(2025, 3, 1), Kind = VisitKind.Other });
        await context.SaveChangesAsync(Ct);

        Assert.Equal(6, child.Id);
        Assert.Equal(8, await context.Visits.MaxAsync(v => v.Id, Ct));
    }

    [Theory, ProviderData]
    public async Task Writer_refuses_a_database_that_has_records_and_leaves_it_unchanged(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        var first = SampleAuthority.Create();
        await AuthorityWriter.WriteAsync(target, first, cancellationToken: Ct);
        var second = SampleAuthority.Create();
        second.Children[0].GivenName = "Changed";
        second.Visits.Clear();

        var ex = await Assert.ThrowsAsync<DatabaseNotEmptyException>(() => AuthorityWriter.WriteAsync(target, second, cancellationToken: Ct));

        Assert.Contains("already holds records (3 children;", ex.Message, StringComparison.Ordinal);
        AuthorityAssert.Equal(first, await SnapshotLoader.LoadAsync(target, Ct));
    }

    [Theory, ProviderData]
    public async Task Writer_with_replace_deletes_what_was_there_first(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        await AuthorityWriter.WriteAsync(target, SampleAuthority.Create(), cancellationToken: Ct);
        var second = SampleAuthority.Create();
        second.Children[0].GivenName = "Changed";
        second.Visits.RemoveAt(1);

        await AuthorityWriter.WriteAsync(target, second, replace: true, cancellationToken: Ct);

        AuthorityAssert.Equal(second, await SnapshotLoader.LoadAsync(target, Ct));
    }

    [Theory, ProviderData]
    public async Task A_failed_bulk_write_leaves_the_database_empty(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        var bad = SampleAuthority.Create();
        bad.CaseNotes.Add(new CaseNote { Id = 99, ChildId = 4242, AuthorId = 1, RecordedAt = DateTime.UtcNow, EventDate = new DateOnly(2025, 1, 1), Text = "orphan" });

        var ex = await Assert.ThrowsAsync<AuthorityWriteException>(() => AuthorityWriter.WriteAsync(target, bad, cancellationToken: Ct));

        Assert.Equal("Nothing was written: case_notes id 99 has child_id 4242, which is not in children.", ex.Message);
        Assert.Equal(0, AuthorityAssert.RowCount(await SnapshotLoader.LoadAsync(target, Ct)));
    }

    [Theory, ProviderData]
    public async Task A_bulk_write_failing_on_a_duplicate_leaves_the_database_empty(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        var bad = SampleAuthority.Create();
        bad.Children[2].LaChildId = bad.Children[0].LaChildId;

        var ex = await Assert.ThrowsAsync<AuthorityWriteException>(() => AuthorityWriter.WriteAsync(target, bad, cancellationToken: Ct));

        Assert.Equal("Nothing was written: children ids 1 and 5 have the same la_child_id, which must be unique.", ex.Message);
        Assert.Equal(0, AuthorityAssert.RowCount(await SnapshotLoader.LoadAsync(target, Ct)));
    }

    [Theory, ProviderData]
    public async Task A_value_too_long_for_its_column_is_refused_on_both_providers(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        var bad = SampleAuthority.Create();
        bad.Children[0].Postcode = "LN1 2AB EXTRA";

        var ex = await Assert.ThrowsAsync<AuthorityWriteException>(() => AuthorityWriter.WriteAsync(target, bad, cancellationToken: Ct));

        Assert.Equal("Nothing was written: children id 1: postcode is 13 characters long; at most 8 are allowed.", ex.Message);
        Assert.Equal(0, AuthorityAssert.RowCount(await SnapshotLoader.LoadAsync(target, Ct)));
    }

    [Theory, ProviderData]
    public async Task A_repeated_or_missing_id_is_refused(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        var repeated = SampleAuthority.Create();
        repeated.Visits[1].Id = repeated.Visits[0].Id;
        var missing = SampleAuthority.Create();
        missing.CaseNotes[1].Id = 0;

        var a = await Assert.ThrowsAsync<AuthorityWriteException>(() => AuthorityWriter.WriteAsync(target, repeated, cancellationToken: Ct));
        var b = await Assert.ThrowsAsync<AuthorityWriteException>(() => AuthorityWriter.WriteAsync(target, missing, cancellationToken: Ct));

        Assert.Equal("Nothing was written: visits id 1 appears more than once.", a.Message);
        Assert.StartsWith("Nothing was written: case_notes row 1 has id 0", b.Message, StringComparison.Ordinal);
        Assert.Equal(0, AuthorityAssert.RowCount(await SnapshotLoader.LoadAsync(target, Ct)));
    }

    [Theory, ProviderData]
    public async Task A_failure_part_way_through_the_write_leaves_the_database_empty(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        var bad = SampleAuthority.Create();

        // Found only while writing referrals, after children and a dozen other tables are in.
        bad.Referrals[1].Source = default;

        var ex = await Assert.ThrowsAsync<AuthorityWriteException>(() => AuthorityWriter.WriteAsync(target, bad, cancellationToken: Ct));

        Assert.Contains("referrals id 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ReferralSource", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, AuthorityAssert.RowCount(await SnapshotLoader.LoadAsync(target, Ct)));
    }

    [Theory, ProviderData]
    public async Task A_second_stale_save_of_the_same_child_is_refused(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        await AuthorityWriter.WriteAsync(target, SampleAuthority.Create(), cancellationToken: Ct);

        await using var first = LanternDatabase.CreateContext(target);
        await using var second = LanternDatabase.CreateContext(target);
        var a = await first.Children.SingleAsync(c => c.Id == 1, Ct);
        var b = await second.Children.SingleAsync(c => c.Id == 1, Ct);
        a.FamilyName = "First";
        b.FamilyName = "Second";

        await first.SaveChangesAsync(Ct);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));

        await using var check = LanternDatabase.CreateContext(target);
        var stored = await check.Children.AsNoTracking().SingleAsync(c => c.Id == 1, Ct);
        Assert.Equal("First", stored.FamilyName);
        Assert.Equal(4, stored.Version);
    }

    [Theory, ProviderData]
    public async Task A_completed_case_note_cannot_be_changed_or_deleted_but_a_draft_can(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        await AuthorityWriter.WriteAsync(target, SampleAuthority.Create(), cancellationToken: Ct);

        long draftId;
        long completedId;
        await using (var context = LanternDatabase.CreateContext(target))
        {
            var child = await context.Children.OrderBy(c => c.Id).FirstAsync(Ct);
            var worker = await context.Workers.OrderBy(w => w.Id).FirstAsync(Ct);
            var draft = new CaseNote { ChildId = child.Id, AuthorId = worker.Id, EventDate = new DateOnly(2026, 3, 1), Status = NoteStatus.Draft, Text = "draft" };
            var completed = new CaseNote { ChildId = child.Id, AuthorId = worker.Id, EventDate = new DateOnly(2026, 3, 1), Status = NoteStatus.Completed, Text = "as written" };
            context.CaseNotes.AddRange(draft, completed);
            await context.SaveChangesAsync(Ct);
            (draftId, completedId) = (draft.Id, completed.Id);
        }

        await using (var context = LanternDatabase.CreateContext(target))
        {
            var draft = await context.CaseNotes.SingleAsync(n => n.Id == draftId, Ct);
            draft.Text = "edited";
            draft.Status = NoteStatus.Completed;
            await context.SaveChangesAsync(Ct);
        }

        await using (var context = LanternDatabase.CreateContext(target))
        {
            var completed = await context.CaseNotes.SingleAsync(n => n.Id == completedId, Ct);
            completed.Text = "rewritten";
            await Assert.ThrowsAsync<CompletedNoteException>(() => context.SaveChangesAsync(Ct));
        }

        await using (var context = LanternDatabase.CreateContext(target))
        {
            context.CaseNotes.Remove(await context.CaseNotes.SingleAsync(n => n.Id == completedId, Ct));
            await Assert.ThrowsAsync<CompletedNoteException>(() => context.SaveChangesAsync(Ct));
        }

        await using var check = LanternDatabase.CreateContext(target);
        Assert.Equal("as written", (await check.CaseNotes.AsNoTracking().SingleAsync(n => n.Id == completedId, Ct)).Text);
        Assert.Equal("edited", (await check.CaseNotes.AsNoTracking().SingleAsync(n => n.Id == draftId, Ct)).Text);
    }

    [Theory, ProviderData]
    public async Task Every_write_to_a_childs_file_moves_its_file_version_and_nothing_else_does(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        await AuthorityWriter.WriteAsync(target, SampleAuthority.Create(), cancellationToken: Ct);
        async Task<Dictionary<long, long>> VersionsAsync()
        {
            await using var read = LanternDatabase.CreateContext(target);
            return await read.Children.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.FileVersion, Ct);
        }

        var before = await VersionsAsync();
        Assert.All(before.Values, v => Assert.Equal(0, v));

        long visitId;
        await using (var context = LanternDatabase.CreateContext(target))
        {
            // A record added to child 2, another changed on child 5, one removed from child 1.
            var visit = new Visit { ChildId = 2, Date = new DateOnly(2026, 3, 2), Kind = VisitKind.Other };
            context.Visits.Add(visit);
            var changed = await context.Referrals.SingleAsync(r => r.Id == 2, Ct);
            changed.NoFurtherAction = !changed.NoFurtherAction;
            context.Visits.Remove(await context.Visits.SingleAsync(v => v.Id == 1, Ct));
            await context.SaveChangesAsync(Ct);
            visitId = visit.Id;
        }

        var after = await VersionsAsync();
        Assert.Equal(1, after[1]);
        Assert.Equal(1, after[2]);
        Assert.Equal(1, after[5]);
        Assert.All(after.Where(v => v.Key is not (1 or 2 or 5)), v => Assert.Equal(0, v.Value));

        // The child row itself and one of their records in one save: the number moves once.
        await using (var context = LanternDatabase.CreateContext(target))
        {
            (await context.Children.SingleAsync(c => c.Id == 2, Ct)).Ward = "Riverside";
            (await context.Visits.SingleAsync(v => v.Id == visitId, Ct)).ChildSeen = true;
            await context.SaveChangesAsync(Ct);
        }

        Assert.Equal(2, (await VersionsAsync())[2]);

        // A save that fails moves nothing: the number goes up with the write or not at all.
        await using (var context = LanternDatabase.CreateContext(target))
        {
            context.Visits.Add(new Visit { ChildId = 5, Date = new DateOnly(2026, 3, 3), Kind = VisitKind.Other });
            var stale = await context.Visits.SingleAsync(v => v.Id == visitId, Ct);
            context.Entry(stale).Property(v => v.Version).OriginalValue = -1;
            stale.ChildSeen = false;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync(Ct));
        }

        var final = await VersionsAsync();
        Assert.Equal(1, final[5]);
        Assert.Equal(2, final[2]);

        // The council's record stamp moved once for each save that wrote to a file.
        await using (var read = LanternDatabase.CreateContext(target))
        {
            Assert.Equal(2, (await read.Authorities.AsNoTracking().SingleAsync(Ct)).RecordStamp);
        }

        // A new child starts at 0.
        await using (var context = LanternDatabase.CreateContext(target))
        {
            var child = new Child { LaChildId = "NEWFILE", GivenName = "New", FamilyName = "File", Sex = Sex.Female, Ethnicity = Ethnicity.NotObtained };
            context.Children.Add(child);
            await context.SaveChangesAsync(Ct);
            Assert.Equal(0, (await VersionsAsync())[child.Id]);
        }
    }

    [Theory, ProviderData]
    public async Task Changing_a_code_list_item_is_saved(Provider provider)
    {
        var (db, target) = await MigratedAsync(provider);
        await using var _ = db;
        await AuthorityWriter.WriteAsync(target, SampleAuthority.Create(), cancellationToken: Ct);

        await using (var context = LanternDatabase.CreateContext(target))
        {
            var assessment = await context.Assessments.SingleAsync(a => a.Id == 1, Ct);
            assessment.Factors[0] = AssessmentFactor.Neglect;
            await context.SaveChangesAsync(Ct);
        }

        var loaded = await SnapshotLoader.LoadAsync(target, Ct);
        var stored = loaded.Assessments.Single(a => a.Id == 1);
        Assert.Equal(["16A", "3A", "24A"], stored.Factors.Select(f => f.Code));
        Assert.Equal(1, stored.Version);
    }

    [Theory, ProviderData]
    public async Task Migrations_apply_from_empty_and_match_the_model(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Ct);
        var target = DbTarget.Parse(db.Target);

        await LanternDatabase.MigrateAsync(target, Ct);
        await LanternDatabase.MigrateAsync(target, Ct);

        await using var context = LanternDatabase.CreateContext(target);
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Empty(await LanternDatabase.GetPendingMigrationsAsync(target, Ct));
        Assert.False(context.Database.HasPendingModelChanges(), "the model has changes without a migration: add one for both providers");
        var tables = provider == Provider.Sqlite
            ? await context.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync(Ct)
            : await context.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync(Ct);
        foreach (var entity in context.Model.GetEntityTypes())
        {
            Assert.Contains(entity.GetTableName()!, tables);
        }
    }

    [Theory, ProviderData]
    public async Task Loading_or_writing_an_unmigrated_database_says_to_migrate(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Ct);
        var target = DbTarget.Parse(db.Target);

        var load = await Assert.ThrowsAsync<DatabaseNotMigratedException>(() => SnapshotLoader.LoadAsync(target, Ct));
        var write = await Assert.ThrowsAsync<DatabaseNotMigratedException>(() => AuthorityWriter.WriteAsync(target, SampleAuthority.Create(), cancellationToken: Ct));

        Assert.Contains("Migrate it first", load.Message, StringComparison.Ordinal);
        Assert.Contains("Migrate it first", write.Message, StringComparison.Ordinal);
    }

    private static async Task<AuthorityData> LoadWithEfAsync(LanternDbContext context)
    {
        var data = new AuthorityData();
        var load = typeof(DataTests).GetMethod(nameof(LoadSetAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var list in AuthorityAssert.Lists)
        {
            var type = list.PropertyType.GetGenericArguments()[0];
            var rows = await (Task<IList>)load.MakeGenericMethod(type).Invoke(null, [context])!;
            var target = (IList)list.GetValue(data)!;
            foreach (var row in rows)
            {
                target.Add(row);
            }
        }

        return data;
    }

    private static async Task<IList> LoadSetAsync<T>(LanternDbContext context)
        where T : Entity => await context.Set<T>().AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);

    /// <summary>Reports on the writer's thread, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SyncProgress(Action<(string table, long done, long total)> report) : IProgress<(string table, long done, long total)>
    {
        public void Report((string table, long done, long total) value) => report(value);
    }
}
