using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lantern.Domain.Access;
using Xunit;

namespace Lantern.Domain.Tests.Access;

/// <summary>
/// <see cref="AuditChain"/> and <see cref="AuditChainVerifier"/>: a sealed trail verifies; any change,
/// removal, insertion or reordering is found at the first entry affected.
/// </summary>
public class AuditChainTests
{
    private const string ContentsChanged = "its contents have changed since it was written";
    private const string DoesNotFollowOn = "it does not follow on from the entry before it";

    private static readonly DateTime Start = new(2026, 3, 31, 8, 55, 0, DateTimeKind.Utc);

    /// <summary>Every field that the hash covers (all but Id, PreviousHash and Hash, which the
    /// verifier checks separately).</summary>
    public static readonly string[] HashedFields =
        ["At", "UserId", "UserName", "Role", "Action", "Succeeded", "ChildId", "RecordType", "RecordId", "Basis", "Reason", "Detail", "IpAddress"];

    /// <summary>A morning's trail: a failed sign-in, a sign-in, a search, a read and a broken glass.
    /// Some fields are empty in some entries, so changes both fill and clear them.</summary>
    private static List<AuditEntry> Trail() => Seal(
    [
        new() { At = Start, UserName = "j.smith", Action = AuditAction.SignInFailed, Succeeded = false, Detail = "wrong password", IpAddress = "192.0.2.10" },
        new() { At = Start.AddSeconds(20), UserId = "u-1", UserName = "j.smith", Role = StaffRole.SocialWorker, Action = AuditAction.SignIn, Succeeded = true, IpAddress = "192.0.2.10" },
        new() { At = Start.AddMinutes(2), UserId = "u-1", UserName = "j.smith", Role = StaffRole.SocialWorker, Action = AuditAction.Search, Succeeded = true, Detail = "surname=Smith; born=2015", IpAddress = "192.0.2.10" },
        new() { At = Start.AddMinutes(3), UserId = "u-1", UserName = "j.smith", Role = StaffRole.SocialWorker, Action = AuditAction.ReadRecord, Succeeded = true, ChildId = 42, RecordType = "child", RecordId = 42, Basis = AccessBasis.AllocatedWorker, IpAddress = "192.0.2.10" },
        new() { At = Start.AddMinutes(9), UserId = "u-1", UserName = "j.smith", Role = StaffRole.SocialWorker, Action = AuditAction.BreakGlass, Succeeded = true, ChildId = 77, RecordType = "child", RecordId = 77, Basis = AccessBasis.BreakGlass, Reason = "Police called out of hours about this child", IpAddress = "2001:db8::1" },
    ]);

    private static List<AuditEntry> Seal(IEnumerable<AuditEntry> entries)
    {
        var list = entries.ToList();
        long previousId = 0;
        var previousHash = AuditChain.Genesis;
        foreach (var entry in list)
        {
            AuditChain.Seal(entry, previousId, previousHash);
            previousId = entry.Id;
            previousHash = entry.Hash;
        }

        return list;
    }

    /// <summary>Re-seals entries from <paramref name="from"/> (an Id) to <paramref name="to"/> (an Id),
    /// as a forger able to write the table but not the externally recorded last hash would.</summary>
    private static void Reseal(List<AuditEntry> trail, long from, long to)
    {
        for (long id = from; id <= to; id++)
        {
            var entry = trail.Single(e => e.Id == id);
            var before = trail.SingleOrDefault(e => e.Id == id - 1);
            AuditChain.Seal(entry, id - 1, before?.Hash ?? AuditChain.Genesis);
        }
    }

    private static AuditEntry Copy(AuditEntry e) => new()
    {
        Id = e.Id,
        At = e.At,
        UserId = e.UserId,
        UserName = e.UserName,
        Role = e.Role,
        Action = e.Action,
        Succeeded = e.Succeeded,
        ChildId = e.ChildId,
        RecordType = e.RecordType,
        RecordId = e.RecordId,
        Basis = e.Basis,
        Reason = e.Reason,
        Detail = e.Detail,
        IpAddress = e.IpAddress,
        PreviousHash = e.PreviousHash,
        Hash = e.Hash,
    };

    /// <summary>Changes one field. <paramref name="fillOrClear"/>: a nullable field is cleared when
    /// set and filled when empty; otherwise it is given a different value.</summary>
    private static void Change(AuditEntry e, string field, bool fillOrClear)
    {
        static string? Other(string? value, bool fillOrClear) =>
            fillOrClear ? (value is null ? "x" : null) : (value ?? "") + "x";

        switch (field)
        {
            case "At": e.At = fillOrClear ? e.At.AddTicks(10) : e.At.AddSeconds(1); break; // 10 ticks: one microsecond
            case "UserId": e.UserId = Other(e.UserId, fillOrClear); break;
            case "UserName": e.UserName = fillOrClear ? (e.UserName.Length == 0 ? "x" : "") : e.UserName + "x"; break;
            case "Role": e.Role = fillOrClear ? (e.Role is null ? StaffRole.Director : null) : e.Role == StaffRole.Director ? StaffRole.Lado : StaffRole.Director; break;
            case "Action": e.Action = e.Action == AuditAction.Export ? AuditAction.ReadRecord : AuditAction.Export; break;
            case "Succeeded": e.Succeeded = !e.Succeeded; break;
            case "ChildId": e.ChildId = fillOrClear ? (e.ChildId is null ? 1 : null) : (e.ChildId ?? 0) + 1; break;
            case "RecordType": e.RecordType = Other(e.RecordType, fillOrClear); break;
            case "RecordId": e.RecordId = fillOrClear ? (e.RecordId is null ? 1 : null) : (e.RecordId ?? 0) + 1; break;
            case "Basis": e.Basis = fillOrClear ? (e.Basis is null ? AccessBasis.None : null) : e.Basis == AccessBasis.WholeService ? AccessBasis.Team : AccessBasis.WholeService; break;
            case "Reason": e.Reason = Other(e.Reason, fillOrClear); break;
            case "Detail": e.Detail = Other(e.Detail, fillOrClear); break;
            case "IpAddress": e.IpAddress = Other(e.IpAddress, fillOrClear); break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "not a hashed field");
        }
    }

    public static TheoryData<string, int, bool> EveryFieldOfEveryEntry
    {
        get
        {
            var data = new TheoryData<string, int, bool>();
            var count = Trail().Count;
            foreach (var name in HashedFields)
            {
                for (int id = 1; id <= count; id++)
                {
                    data.Add(name, id, false);
                    data.Add(name, id, true);
                }
            }

            return data;
        }
    }

    // ---------------------------------------------------------------- an intact chain

    [Fact]
    public void A_sealed_trail_is_intact()
    {
        var trail = Trail();
        Assert.Null(AuditChain.Verify(trail));
        Assert.Equal([1L, 2, 3, 4, 5], trail.Select(e => e.Id));
        Assert.Equal(AuditChain.Genesis, trail[0].PreviousHash);
        for (int i = 1; i < trail.Count; i++)
        {
            Assert.Equal(trail[i - 1].Hash, trail[i].PreviousHash);
        }

        Assert.All(trail, e =>
        {
            Assert.Matches("^[0-9a-f]{64}$", e.Hash);
            Assert.Equal(AuditChain.ComputeHash(e, e.PreviousHash), e.Hash);
        });
        Assert.Equal(trail.Count, trail.Select(e => e.Hash).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Genesis_is_64_zeros()
    {
        Assert.Equal(new string('0', 64), AuditChain.Genesis);
        Assert.Equal(AuditChain.Genesis, new AuditEntry().PreviousHash);
    }

    [Fact]
    public void An_empty_trail_is_intact()
    {
        Assert.Null(AuditChain.Verify([]));
        Assert.Equal(0, new AuditChainVerifier().Checked);
    }

    [Fact]
    public void Seal_numbers_after_the_previous_entry()
    {
        var trail = Trail();
        var next = new AuditEntry { At = Start.AddHours(1), UserName = "j.smith", Action = AuditAction.SignOut, Succeeded = true };
        AuditChain.Seal(next, trail[^1].Id, trail[^1].Hash);
        Assert.Equal(6, next.Id);
        Assert.Equal(trail[^1].Hash, next.PreviousHash);
        Assert.Null(AuditChain.Verify([.. trail, next]));
    }

    [Fact]
    public void The_streaming_verifier_counts_what_it_has_checked()
    {
        var verifier = new AuditChainVerifier();
        var trail = Trail();
        for (int i = 0; i < trail.Count; i++)
        {
            Assert.Null(verifier.Check(trail[i]));
            Assert.Equal(i + 1, verifier.Checked);
        }
    }

    [Fact]
    public void The_same_entries_sealed_twice_give_the_same_hashes()
    {
        Assert.Equal(Trail().Select(e => e.Hash), Trail().Select(e => e.Hash));
    }

    [Fact]
    public void The_hash_is_sha256_of_each_field_as_length_colon_value_semicolon_with_dash_for_null()
    {
        // The format, stated here so that an independent checker can be written from it, and so that
        // a change to it (which would break every existing trail) is noticed.
        var at = new DateTime(2026, 3, 31, 10, 0, 0, DateTimeKind.Utc);
        var entry = new AuditEntry
        {
            Id = 7,
            At = at,
            UserId = null,
            UserName = "demo.social-worker",
            Role = StaffRole.SocialWorker,
            Action = AuditAction.ReadRecord,
            Succeeded = true,
            ChildId = 42,
            RecordType = "child",
            RecordId = 43,
            Basis = AccessBasis.AllocatedWorker,
            Reason = null,
            Detail = "",
            IpAddress = "127.0.0.1",
        };
        var previous = new string('a', 64);
        var ticks = at.Ticks.ToString(CultureInfo.InvariantCulture);
        var text = "64:" + previous + ";" + "1:7;" + "18:" + ticks + ";" + "-;" + "18:demo.social-worker;" + "12:SocialWorker;"
            + "10:ReadRecord;" + "1:1;" + "2:42;" + "5:child;" + "2:43;" + "15:AllocatedWorker;" + "-;" + "0:;" + "9:127.0.0.1;";
        Assert.Equal(18, ticks.Length);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, AuditChain.ComputeHash(entry, previous));
    }

    [Fact]
    public void The_hash_covers_the_previous_hash_and_the_id()
    {
        var entry = Trail()[2];
        var hash = AuditChain.ComputeHash(entry, entry.PreviousHash);
        Assert.NotEqual(hash, AuditChain.ComputeHash(entry, AuditChain.Genesis));
        entry.Id++;
        Assert.NotEqual(hash, AuditChain.ComputeHash(entry, entry.PreviousHash));
    }

    [Fact]
    public void The_hash_does_not_cover_the_stored_hash_fields()
    {
        // ComputeHash takes the previous hash as an argument: the stored PreviousHash and Hash are
        // checked by the verifier, not hashed again.
        var entry = Trail()[2];
        var hash = AuditChain.ComputeHash(entry, entry.PreviousHash);
        var previous = entry.PreviousHash;
        entry.PreviousHash = AuditChain.Genesis;
        entry.Hash = "";
        Assert.Equal(hash, AuditChain.ComputeHash(entry, previous));
    }

    [Fact]
    public void The_kind_of_a_time_does_not_change_the_hash()
    {
        // Times are UTC; a database driver that reads them back as Unspecified must not break the chain.
        var entry = Trail()[1];
        var hash = AuditChain.ComputeHash(entry, entry.PreviousHash);
        entry.At = DateTime.SpecifyKind(entry.At, DateTimeKind.Unspecified);
        Assert.Equal(hash, AuditChain.ComputeHash(entry, entry.PreviousHash));
        Assert.Null(AuditChain.Verify(Trail().Select((e, i) => i == 1 ? entry : e)));
    }

    // ---------------------------------------------------------------- changed entries

    [Fact]
    public void The_change_table_covers_every_field_that_is_hashed()
    {
        var notHashed = new[] { nameof(AuditEntry.Id), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash) };
        var properties = typeof(AuditEntry).GetProperties().Select(p => p.Name).Except(notHashed).Order(StringComparer.Ordinal);
        Assert.Equal(properties, HashedFields.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryFieldOfEveryEntry))]
    public void Changing_any_field_of_any_entry_breaks_the_chain_at_that_entry(string field, int id, bool fillOrClear)
    {
        var trail = Trail();
        var entry = trail[id - 1];
        var before = AuditChain.ComputeHash(entry, entry.PreviousHash);
        Change(entry, field, fillOrClear);
        Assert.NotEqual(before, AuditChain.ComputeHash(entry, entry.PreviousHash));

        Assert.Equal(new AuditBreak(id, ContentsChanged), AuditChain.Verify(trail));

        var verifier = new AuditChainVerifier();
        var broken = trail.Select(verifier.Check).FirstOrDefault(b => b is not null);
        Assert.Equal(new AuditBreak(id, ContentsChanged), broken);
        Assert.Equal(id - 1, verifier.Checked);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Changing_the_stored_hash_breaks_the_chain_at_that_entry(int id)
    {
        var trail = Trail();
        var e = trail[id - 1];
        e.Hash = e.Hash[..^1] + (e.Hash[^1] == '0' ? '1' : '0');
        Assert.Equal(new AuditBreak(id, ContentsChanged), AuditChain.Verify(trail));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Changing_the_stored_previous_hash_breaks_the_chain_at_that_entry(int id)
    {
        var trail = Trail();
        trail[id - 1].PreviousHash = new string('f', 64);
        Assert.Equal(new AuditBreak(id, DoesNotFollowOn), AuditChain.Verify(trail));
    }

    [Fact]
    public void Swapping_the_contents_of_two_rows_but_not_their_numbers_breaks_at_the_first()
    {
        var trail = Trail();
        var (two, three) = (Copy(trail[1]), Copy(trail[2]));
        (two.Id, three.Id) = (3, 2);
        trail[1] = three;
        trail[2] = two;
        Assert.Equal(2, AuditChain.Verify(trail)?.EntryId);
    }

    // ---------------------------------------------------------------- removed, inserted, reordered

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Removing_an_entry_reports_it_missing(int id)
    {
        var trail = Trail();
        trail.RemoveAt(id - 1);
        Assert.Equal(new AuditBreak(id, $"entry {id} is missing"), AuditChain.Verify(trail));
    }

    [Fact]
    public void Removing_several_entries_reports_the_range_missing()
    {
        var trail = Trail();
        trail.RemoveRange(1, 2);
        Assert.Equal(new AuditBreak(2, "entries 2 to 3 are missing"), AuditChain.Verify(trail));
    }

    [Fact]
    public void Renumbering_after_a_removal_breaks_at_the_first_renumbered_entry()
    {
        var trail = Trail();
        trail.RemoveAt(1);
        foreach (var e in trail.Skip(1))
        {
            e.Id--;
        }

        Assert.Equal(new AuditBreak(2, DoesNotFollowOn), AuditChain.Verify(trail));
    }

    [Fact]
    public void Inserting_a_forged_entry_breaks_the_chain_at_the_entry_after_it()
    {
        // The forger seals a new entry 3 after the real entry 2 and renumbers the rest.
        var trail = Trail();
        var forged = new AuditEntry { At = Start.AddMinutes(2), UserName = "someone", Action = AuditAction.SignIn, Succeeded = true };
        AuditChain.Seal(forged, 2, trail[1].Hash);
        foreach (var e in trail.Skip(2))
        {
            e.Id++;
        }

        trail.Insert(2, forged);
        Assert.Equal(new AuditBreak(4, DoesNotFollowOn), AuditChain.Verify(trail));
    }

    [Fact]
    public void Entries_out_of_order_break_the_chain_where_the_order_first_goes_wrong()
    {
        var trail = Trail();
        (trail[1], trail[2]) = (trail[2], trail[1]); // 1, 3, 2, 4, 5
        var broken = AuditChain.Verify(trail);
        Assert.NotNull(broken);
        Assert.Equal(2, broken.EntryId);
        Assert.Contains("entry 2", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_repeated_is_reported_out_of_order()
    {
        var trail = Trail();
        trail.Insert(2, Copy(trail[1])); // 1, 2, 2, 3, 4, 5
        Assert.Equal(new AuditBreak(3, "entry 2 is out of order"), AuditChain.Verify(trail));
    }

    [Fact]
    public void Reversed_entries_break_the_chain_at_the_first()
    {
        var trail = Trail();
        trail.Reverse();
        Assert.Equal(1, AuditChain.Verify(trail)?.EntryId);
    }

    // ---------------------------------------------------------------- forged tails and truncation

    [Fact]
    public void A_changed_entry_resealed_on_its_own_breaks_the_chain_at_the_next_entry()
    {
        var trail = Trail();
        trail[2].Detail = "surname=Jones";
        Reseal(trail, 3, 3);
        Assert.Equal(new AuditBreak(4, DoesNotFollowOn), AuditChain.Verify(trail));
    }

    [Fact]
    public void A_changed_entry_resealed_part_way_breaks_the_chain_after_the_last_resealed_entry()
    {
        var trail = Trail();
        trail[1].IpAddress = "198.51.100.7";
        Reseal(trail, 2, 4);
        Assert.Equal(new AuditBreak(5, DoesNotFollowOn), AuditChain.Verify(trail));
    }

    [Fact]
    public void A_forger_who_reseals_everything_after_the_change_passes_the_chain_but_not_the_recorded_last_hash()
    {
        // The chain on its own proves only that the entries agree with each other. Someone who can
        // write the table (with the triggers dropped) and recompute every hash after their change
        // produces a chain that verifies. What gives them away is the last hash printed by
        // `lantern audit verify` and recorded somewhere they cannot change.
        var trail = Trail();
        var recordedLastHash = trail[^1].Hash;
        trail[1].IpAddress = "198.51.100.7";
        Reseal(trail, 2, 5);
        Assert.Null(AuditChain.Verify(trail));
        Assert.NotEqual(recordedLastHash, trail[^1].Hash);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Removing_the_newest_entries_is_not_visible_in_the_chain_but_is_against_the_recorded_last_hash(int removed)
    {
        // Truncation leaves a shorter chain that is still intact: that is why the last hash (and
        // the number of entries) must be recorded outside the database.
        var trail = Trail();
        var recordedLastHash = trail[^1].Hash;
        trail.RemoveRange(trail.Count - removed, removed);
        Assert.Null(AuditChain.Verify(trail));
        Assert.NotEqual(recordedLastHash, trail[^1].Hash);
        Assert.DoesNotContain(trail, e => e.Hash == recordedLastHash);
    }

    // ---------------------------------------------------------------- no two entries share a text

    private static AuditEntry Blank() => new() { Id = 1, At = Start, UserName = "u", Action = AuditAction.Search, Succeeded = true };

    [Fact]
    public void Moving_a_separator_between_reason_and_detail_changes_the_hash()
    {
        var a = Blank();
        a.Reason = "a";
        a.Detail = "b;c";
        var b = Blank();
        b.Reason = "a;b";
        b.Detail = "c";
        Assert.NotEqual(AuditChain.ComputeHash(a, AuditChain.Genesis), AuditChain.ComputeHash(b, AuditChain.Genesis));
    }

    [Theory]
    [InlineData("a", "b;c", "a;b", "c")]
    [InlineData("ab", "c", "a", "bc")]
    [InlineData("1:a;", "", "", "1:a;")]
    [InlineData("-;", null, null, "-;")]
    [InlineData("a;1:b", null, "a", "b")]
    public void Text_cannot_move_between_neighbouring_fields(string? reason1, string? detail1, string? reason2, string? detail2)
    {
        var a = Blank();
        a.Reason = reason1;
        a.Detail = detail1;
        var b = Blank();
        b.Reason = reason2;
        b.Detail = detail2;
        Assert.NotEqual(AuditChain.ComputeHash(a, AuditChain.Genesis), AuditChain.ComputeHash(b, AuditChain.Genesis));
    }

    [Fact]
    public void Text_cannot_move_between_user_id_and_user_name()
    {
        var a = Blank();
        a.UserId = "ab";
        a.UserName = "c";
        var b = Blank();
        b.UserId = "a";
        b.UserName = "bc";
        Assert.NotEqual(AuditChain.ComputeHash(a, AuditChain.Genesis), AuditChain.ComputeHash(b, AuditChain.Genesis));
    }

    [Theory]
    [InlineData("UserId")]
    [InlineData("RecordType")]
    [InlineData("Reason")]
    [InlineData("Detail")]
    [InlineData("IpAddress")]
    public void Null_and_empty_text_give_different_hashes(string field)
    {
        static void Set(AuditEntry e, string field, string? value)
        {
            switch (field)
            {
                case "UserId": e.UserId = value; break;
                case "RecordType": e.RecordType = value; break;
                case "Reason": e.Reason = value; break;
                case "Detail": e.Detail = value; break;
                case "IpAddress": e.IpAddress = value; break;
                default: throw new ArgumentOutOfRangeException(nameof(field));
            }
        }

        var hashes = new[] { null, "", "-", "-;", "0:;" }.Select(value =>
        {
            var e = Blank();
            Set(e, field, value);
            return AuditChain.ComputeHash(e, AuditChain.Genesis);
        }).ToArray();
        Assert.Equal(hashes.Length, hashes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Missing_numbers_and_choices_differ_from_zero_and_none()
    {
        var hashes = new List<string>();
        void Add(Action<AuditEntry> set)
        {
            var e = Blank();
            set(e);
            hashes.Add(AuditChain.ComputeHash(e, AuditChain.Genesis));
        }

        Add(_ => { });
        Add(e => e.ChildId = 0);
        Add(e => e.RecordId = 0);
        Add(e => e.Basis = AccessBasis.None);
        Add(e => e.Role = StaffRole.SocialWorker);
        Add(e => e.UserName = "");
        Assert.Equal(hashes.Count, hashes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_same_number_in_different_fields_gives_different_hashes()
    {
        var a = Blank();
        a.ChildId = 5;
        var b = Blank();
        b.RecordId = 5;
        Assert.NotEqual(AuditChain.ComputeHash(a, AuditChain.Genesis), AuditChain.ComputeHash(b, AuditChain.Genesis));
    }

    // ---------------------------------------------------------------- arguments

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => AuditChain.ComputeHash(null!, AuditChain.Genesis));
        Assert.Throws<ArgumentNullException>(() => AuditChain.Seal(null!, 0, AuditChain.Genesis));
        Assert.Throws<ArgumentNullException>(() => AuditChain.Verify(null!));
        Assert.Throws<ArgumentNullException>(() => new AuditChainVerifier().Check(null!));
    }
}
