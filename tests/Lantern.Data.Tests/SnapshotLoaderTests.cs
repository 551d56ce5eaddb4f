using Lantern.TestCommon;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Lantern.Data.Tests;

/// <summary>The snapshot loader's fast SQLite readers read exactly what the data reader and EF Core's
/// converters read, including values stored in forms Lantern does not write itself.</summary>
public class SnapshotLoaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly SnapshotLoader.LoadOptions General = new() { DataReaderOnly = true };

    [Fact]
    public void The_fast_readers_are_in_use_here()
    {
        using (var connection = new SqliteConnection("Data Source=:memory:"))
        {
            connection.Open();
        }

        Assert.True(SqliteColumns.Available, "e_sqlite3 can be called directly");
    }

    [Fact]
    public async Task Fast_readers_load_what_the_data_reader_loads()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, Ct);
        var sample = SampleAuthority.Create();
        await AuthorityWriter.WriteAsync(target, sample, cancellationToken: Ct);

        var fast = await SnapshotLoader.LoadAsync(target, Ct);
        var general = await SnapshotLoader.LoadAsync(target, General, Ct);

        AuthorityAssert.Equal(general, fast);
        AuthorityAssert.Equal(sample, fast);
    }

    [Fact]
    public async Task Only_the_lists_asked_for_are_read()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, Ct);
        var sample = SampleAuthority.Create();
        await AuthorityWriter.WriteAsync(target, sample, cancellationToken: Ct);

        var some = await SnapshotLoader.LoadAsync(target, [typeof(Lantern.Domain.Model.Child), typeof(Lantern.Domain.Model.CareEpisode)], Ct);

        Assert.Equal(sample.Children.Select(c => (c.Id, c.LaChildId)), some.Children.Select(c => (c.Id, c.LaChildId)));
        Assert.Equal(sample.CareEpisodes.Select(e => (e.Id, e.StartDate)), some.CareEpisodes.Select(e => (e.Id, e.StartDate)));
        Assert.NotEmpty(sample.Referrals);
        Assert.Empty(some.Referrals);
        Assert.Empty(some.Workers);
        Assert.Equal(sample.Children.Count + sample.CareEpisodes.Count, some.TotalRecords);
    }

    [Fact]
    public async Task Values_in_other_forms_are_read_the_general_way()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite, Ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, Ct);
        var sample = SampleAuthority.Create();
        await AuthorityWriter.WriteAsync(target, sample, cancellationToken: Ct);
        var contactId = sample.Contacts.Single(c => c.ReceivedAt == SampleAuthority.ReceivedAt).Id;
        var allegationId = sample.Allegations[0].Id;
        await using (var connection = await LanternDatabase.OpenConnectionAsync(target, Ct))
        {
            await using var command = connection.CreateCommand();

            // 7.5 in an INTEGER column stays a REAL (it is not a whole number); the data reader's
            // GetInt32 asks SQLite for an integer, which truncates it to 7. The received time is
            // written with a 'T' and no fraction padding, which .NET's parser reads as the same
            // instant, 2024-03-28 09:15:30.123.
            command.CommandText = $"""
                UPDATE allegations SET version = 7.5 WHERE id = {allegationId};
                UPDATE contacts SET received_at = '2024-03-28T09:15:30.123' WHERE id = {contactId};
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        var fast = await SnapshotLoader.LoadAsync(target, Ct);
        var general = await SnapshotLoader.LoadAsync(target, General, Ct);

        AuthorityAssert.Equal(general, fast);
        Assert.Equal(7, fast.Allegations.Single(a => a.Id == allegationId).Version);
        var contact = fast.Contacts.Single(c => c.Id == contactId);
        Assert.Equal(SampleAuthority.ReceivedAt, contact.ReceivedAt);
        Assert.Equal(DateTimeKind.Utc, contact.ReceivedAt.Kind);
        Assert.Equal(sample.Contacts.Select(c => c.Id), fast.Contacts.Select(c => c.Id));
    }
}
