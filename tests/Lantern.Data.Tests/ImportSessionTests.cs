using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.TestCommon;
using Xunit;

namespace Lantern.Data.Tests;

/// <summary>An import writes whole or not at all, gives new records ids above any in use, updates
/// what it changed and moves on the file version of every child it touched.</summary>
public class ImportSessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Adds_and_changes_records_in_one_transaction(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, Ct);
        var sample = SampleAuthority.Create();
        await AuthorityWriter.WriteAsync(target, sample, cancellationToken: Ct);
        var existingChild = sample.Children[0];
        var maxReferral = sample.Referrals.Max(r => r.Id);

        long newChildId, newReferralId;
        await using (var session = await ImportSession.BeginAsync(target, Ct))
        {
            Assert.Equal(sample.Children.Count, session.Existing.Children.Count);
            var child = new Child { LaChildId = "IMP0001", Sex = Sex.Female, DateOfBirth = new DateOnly(2015, 6, 1) };
            newChildId = session.Add(child);
            newReferralId = session.Add(new Referral { ChildId = newChildId, ReferralDate = new DateOnly(2024, 5, 2), Source = ReferralSource.Police });
            var stored = session.Existing.Children.Single(c => c.Id == existingChild.Id);
            stored.Upn = "A123456789012";
            session.Changed(stored);
            session.Changed(stored);
            Assert.Equal(1, session.ChangedByTable["children"]);
            Assert.Equal(1, session.AddedByTable["referrals"]);
            await session.CommitAsync(Ct);
        }

        Assert.True(newChildId > sample.Children.Max(c => c.Id));
        Assert.True(newReferralId > maxReferral);
        var after = await SnapshotLoader.LoadAsync(target, Ct);
        var added = after.Children.Single(c => c.Id == newChildId);
        Assert.Equal("IMP0001", added.LaChildId);
        Assert.Equal(newChildId, after.Referrals.Single(r => r.Id == newReferralId).ChildId);
        var changed = after.Children.Single(c => c.Id == existingChild.Id);
        Assert.Equal("A123456789012", changed.Upn);
        Assert.Equal(existingChild.Version + 1, changed.Version);
        Assert.Equal(existingChild.FileVersion + 1, changed.FileVersion);

        // The identity sequences moved past the new ids: the application's own inserts still work.
        await using var context = LanternDatabase.CreateContext(target);
        context.Add(new Child { LaChildId = "APP0001" });
        await context.SaveChangesAsync(Ct);
        Assert.True(context.Set<Child>().Single(c => c.LaChildId == "APP0001").Id > newChildId);
    }

    [Theory, ProviderData]
    public async Task Nothing_is_written_without_commit(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, Ct);
        var sample = SampleAuthority.Create();
        await AuthorityWriter.WriteAsync(target, sample, cancellationToken: Ct);

        await using (var session = await ImportSession.BeginAsync(target, Ct))
        {
            // More than one batch, so some rows reach the database before the session is abandoned.
            for (var i = 0; i < 25_000; i++)
            {
                session.Add(new Child { LaChildId = $"IMP{i:00000}" });
                await session.FlushIfLargeAsync(Ct);
            }

            var stored = session.Existing.Children[0];
            stored.Upn = "A123456789012";
            session.Changed(stored);
        }

        var after = await SnapshotLoader.LoadAsync(target, Ct);
        AuthorityAssert.Equal(sample, after);
    }

    [Theory, ProviderData]
    public async Task A_record_referring_to_nothing_writes_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, Ct);

        await using (var session = await ImportSession.BeginAsync(target, Ct))
        {
            session.Add(new Child { LaChildId = "IMP0001" });
            session.Add(new Referral { ChildId = 999_999, ReferralDate = new DateOnly(2024, 5, 2), Source = ReferralSource.Police });
            await Assert.ThrowsAsync<AuthorityWriteException>(() => session.CommitAsync(Ct));
        }

        var after = await SnapshotLoader.LoadAsync(target, Ct);
        Assert.Empty(after.Children);
        Assert.Empty(after.Referrals);
    }
}
