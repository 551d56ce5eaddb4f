using Lantern.Domain.Access;
using Lantern.Domain.Calendar;
using Lantern.Domain.Model;
using Lantern.Synthetic;
using Lantern.TestCommon;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Lantern.Data.Tests;

/// <summary>A small synthetic authority seeded with its demo accounts, once per provider for the
/// whole class (the tests only read it, apart from checking that seeding again changes nothing).</summary>
public sealed class DemoAuthorityFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 3, 31);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<Provider, (TestDatabase Db, DbTarget Target, int Created)> seeded = [];

    public AuthorityData Data { get; private set; } = new();

    public ValueTask InitializeAsync()
    {
        Data = SyntheticAuthority.Generate(new GeneratorOptions { Population = 3000, From = new DateOnly(2024, 4, 1), To = Today }).Data;
        return ValueTask.CompletedTask;
    }

    /// <summary>The database for <paramref name="provider"/>, with the authority and demo accounts
    /// written, and what the first <see cref="DemoAccess.WriteAsync"/> returned.</summary>
    public async Task<(DbTarget Target, int Created)> SeededAsync(Provider provider, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!seeded.TryGetValue(provider, out var entry))
            {
                var db = await TestDatabase.CreateAsync(provider, cancellationToken);
                var target = DbTarget.Parse(db.Target);
                await LanternDatabase.MigrateAsync(target, cancellationToken);
                await AuthorityWriter.WriteAsync(target, Data, cancellationToken: cancellationToken);
                var created = await DemoAccess.WriteAsync(target, Data, Today, cancellationToken);
                seeded[provider] = entry = (db, target, created);
            }

            return (entry.Target, entry.Created);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (db, _, _) in seeded.Values)
        {
            await db.DisposeAsync();
        }

        gate.Dispose();
    }
}

public class DemoAccessTests(DemoAuthorityFixture fixture) : IClassFixture<DemoAuthorityFixture>
{
    private static readonly DateOnly Today = DemoAuthorityFixture.Today;

    private static readonly StaffRole[] Unlinked =
        [StaffRole.Auditor, StaffRole.ImprovementBoardMember, StaffRole.PartnerReferrer, StaffRole.SystemAdministrator, StaffRole.DataProtectionOfficer];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Every_role_has_an_account_with_the_demo_password_and_authenticator(Provider provider)
    {
        var (target, created) = await fixture.SeededAsync(provider, Ct);
        await using var db = LanternDatabase.CreateContext(target);
        var users = await db.Users.AsNoTracking().ToListAsync(Ct);
        using var store = new UserOnlyStore<LanternUser, LanternDbContext>(db);
        var hasher = new PasswordHasher<LanternUser>();

        Assert.Equal(AccessMatrix.Roles.Count + 1, created);
        Assert.Equal(created, users.Count);
        foreach (var role in AccessMatrix.Roles)
        {
            Assert.Equal(role, Assert.Single(users, u => u.UserName == DemoAccess.UserName(role)).Role);
        }

        var named = Assert.Single(users, u => u.NamedDataAccess);
        Assert.Equal((DemoAccess.NamedAnalystUserName, StaffRole.PerformanceAnalyst), (named.UserName, named.Role));
        Assert.Equal(users.Count, users.Select(u => u.PasswordHash).Distinct().Count());
        Assert.Equal(users.Count, users.Select(u => u.Id).Distinct().Count());
        foreach (var user in users)
        {
            // Found the way Identity finds people: by normalised name, with the key where its store keeps it.
            var found = await store.FindByNameAsync(user.UserName!.ToUpperInvariant(), Ct);
            Assert.NotNull(found);
            Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(found, found.PasswordHash!, DemoAccess.Password));
            Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(found, found.PasswordHash!, "Lantern-demo-2025!"));
            Assert.Equal(DemoAccess.AuthenticatorKey, await store.GetAuthenticatorKeyAsync(found, Ct));
            Assert.True(await store.GetTwoFactorEnabledAsync(found, Ct), user.UserName);
            Assert.True(await store.GetLockoutEnabledAsync(found, Ct), user.UserName);
            Assert.True(found.EmailConfirmed && found.IsDemo, user.UserName);
            Assert.Equal($"{user.UserName}@lantern.example", found.Email);
            Assert.Same(found, await store.FindByEmailAsync(found.Email!.ToUpperInvariant(), Ct));
            Assert.True(Guid.TryParse(found.SecurityStamp, out _) && Guid.TryParse(found.ConcurrencyStamp, out _), user.UserName);
            Assert.False(string.IsNullOrWhiteSpace(found.DisplayName));
        }
    }

    [Theory, ProviderData]
    public async Task Staff_accounts_are_linked_to_fitting_workers(Provider provider)
    {
        var (target, _) = await fixture.SeededAsync(provider, Ct);
        await using var db = LanternDatabase.CreateContext(target);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, Ct);
        var workers = await db.Workers.AsNoTracking().ToDictionaryAsync(w => w.Id, Ct);
        var data = fixture.Data;
        var open = data.Allocations.Where(a => a.IsOpenOn(Today)).GroupBy(a => a.WorkerId).ToDictionary(g => g.Key, g => g.Count());
        Worker Of(StaffRole role) => workers[users[DemoAccess.UserName(role)].WorkerId ?? throw new Xunit.Sdk.XunitException($"{role} has no worker")];

        var social = Of(StaffRole.SocialWorker);
        Assert.Equal(WorkerRole.SocialWorker, social.Role);
        Assert.True(social.IsInPost(Today) && !social.IsAsyeOn(Today));
        Assert.True(open.GetValueOrDefault(social.Id) >= 3, "the social worker holds several open cases");

        var newlyQualified = Of(StaffRole.NewlyQualifiedSocialWorker);
        Assert.NotEqual(social.Id, newlyQualified.Id);
        Assert.Equal(WorkerRole.SocialWorker, newlyQualified.Role);
        Assert.True(newlyQualified.IsInPost(Today) && open.GetValueOrDefault(newlyQualified.Id) >= 1);
        if (data.Workers.Any(w => w.Role == WorkerRole.SocialWorker && w.IsInPost(Today) && w.AsyeEndDate >= Today))
        {
            Assert.True(newlyQualified.AsyeEndDate >= Today, "the newly qualified social worker is in their ASYE");
        }

        var manager = Of(StaffRole.TeamManager);
        Assert.Equal((WorkerRole.TeamManager, social.ManagerId), (manager.Role, (long?)manager.Id));
        var serviceManager = Of(StaffRole.ServiceManager);
        Assert.Equal((WorkerRole.ServiceManager, manager.ManagerId), (serviceManager.Role, (long?)serviceManager.Id));
        var advanced = Of(StaffRole.AdvancedPractitioner);
        Assert.Equal(WorkerRole.AdvancedPractitioner, advanced.Role);
        if (data.Workers.Any(w => w.Role == WorkerRole.AdvancedPractitioner && w.IsInPost(Today) && w.TeamId == social.TeamId))
        {
            Assert.Equal(social.TeamId, advanced.TeamId);
        }

        Assert.Contains(Of(StaffRole.Director).Role, new[] { WorkerRole.Director, WorkerRole.HeadOfService });
        var reviewing = Of(StaffRole.ReviewingOfficer);
        Assert.Equal(WorkerRole.IndependentReviewingOfficer, reviewing.Role);
        Assert.True(data.CareReviews.Any(r => r.IroWorkerId == reviewing.Id) || data.Conferences.Any(c => c.ChairWorkerId == reviewing.Id));
        Assert.Equal(WorkerRole.Lado, Of(StaffRole.Lado).Role);
        Assert.Equal(WorkerRole.EarlyHelpPractitioner, Of(StaffRole.EarlyHelpPractitioner).Role);
        var support = Of(StaffRole.BusinessSupport);
        Assert.Equal((WorkerRole.BusinessSupport, social.TeamId), (support.Role, support.TeamId));
        Assert.Equal(WorkerRole.PerformanceAnalyst, Of(StaffRole.PerformanceAnalyst).Role);
        Assert.False(users[DemoAccess.UserName(StaffRole.PerformanceAnalyst)].NamedDataAccess);

        foreach (var user in users.Values)
        {
            var worker = user.WorkerId is { } id ? workers[id] : null;
            Assert.Equal(Unlinked.Contains(user.Role), worker is null && user.UserName != DemoAccess.NamedAnalystUserName);
            if (worker is not null)
            {
                Assert.Equal(worker.DisplayName, user.DisplayName);
                Assert.True(worker.IsInPost(Today), user.UserName);
            }
        }

        Assert.Equal("Northshire Police", users[DemoAccess.UserName(StaffRole.PartnerReferrer)].Organisation);
        Assert.Single(users.Values, u => u.Organisation is not null);
    }

    [Theory, ProviderData]
    public async Task The_auditor_has_a_case_audit_and_one_restricted_child_is_named_to_the_team_manager(Provider provider)
    {
        var (target, _) = await fixture.SeededAsync(provider, Ct);
        await using var db = LanternDatabase.CreateContext(target);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, Ct);
        var grants = await db.AccessGrants.AsNoTracking().ToListAsync(Ct);
        var data = fixture.Data;
        var auditor = users[DemoAccess.UserName(StaffRole.Auditor)];
        var manager = users[DemoAccess.UserName(StaffRole.TeamManager)];

        var audit = grants.Where(g => g.UserId == auditor.Id).ToList();
        Assert.Equal(10, audit.Count);
        Assert.Equal(10, audit.Select(g => g.ChildId).Distinct().Count());
        Assert.All(audit, g => Assert.Equal((AccessGrantKind.CaseAudit, DemoAccess.CaseAuditReason, (DateTime?)null), (g.Kind, g.Reason, g.ExpiresAt)));
        var onPlans = data.ProtectionPlans.Where(p => p.StartDate <= Today && (p.EndDate is null || p.EndDate > Today)).Select(p => p.ChildId).ToHashSet();
        var openCases = data.Allocations.Where(a => a.IsOpenOn(Today)).Select(a => a.ChildId).ToHashSet();
        Assert.Equal(Math.Min(10, onPlans.Count), audit.Count(g => onPlans.Contains(g.ChildId)));
        Assert.All(audit, g => Assert.True(onPlans.Contains(g.ChildId) || openCases.Contains(g.ChildId)));

        Assert.DoesNotContain(data.Children, c => c.IsRestricted);
        var restricted = Assert.Single(await db.Children.AsNoTracking().Where(c => c.IsRestricted).ToListAsync(Ct));
        Assert.Equal(data.Children.Single(c => c.Id == restricted.Id).Version + 1, restricted.Version);
        Assert.DoesNotContain(restricted.Id, onPlans);
        Assert.DoesNotContain(audit, g => g.ChildId == restricted.Id);
        var named = Assert.Single(grants, g => g.Kind == AccessGrantKind.NamedPerson);
        Assert.Equal((manager.Id, restricted.Id), (named.UserId, named.ChildId));
        Assert.Contains("member of staff", named.Reason, StringComparison.Ordinal);

        // Every broken glass in the history has its grant, for a limited time.
        var glass = grants.Where(g => g.Kind == AccessGrantKind.BreakGlass).ToList();
        var glassEntries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.BreakGlass).ToListAsync(Ct);
        Assert.Equal(glassEntries.Select(e => (e.UserId, e.ChildId, e.At, e.Reason)).Order(), glass.Select(g => ((string?)g.UserId, (long?)g.ChildId, g.GrantedAt, (string?)g.Reason)).Order());
        Assert.All(glass, g => Assert.True(g.ExpiresAt > g.GrantedAt && g.ExpiresAt < g.GrantedAt.AddDays(1)));
    }

    [Theory, ProviderData]
    public async Task The_audit_history_is_chained_and_realistic(Provider provider)
    {
        var (target, _) = await fixture.SeededAsync(provider, Ct);
        await using var db = LanternDatabase.CreateContext(target);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, Ct);
        var grants = await db.AccessGrants.AsNoTracking().ToListAsync(Ct);
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
        var restricted = await db.Children.Where(c => c.IsRestricted).Select(c => c.Id).SingleAsync(Ct);
        var result = await AuditTrail.VerifyAsync(target, cancellationToken: Ct);

        Assert.True(result.IsIntact, result.Break?.Problem);
        Assert.Equal(entries.Count, result.Checked);
        Assert.InRange(entries.Count, 2_000, 100_000);
        Assert.Equal(entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Id), entries.Select(e => e.Id));
        var first = Today.AddDays(-90).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Assert.All(entries, e =>
        {
            Assert.InRange(e.At, first, end);
            Assert.True(WorkingDays.IsWorkingDay(DateOnly.FromDateTime(e.At)), $"entry {e.Id} is on a working day");
            Assert.InRange(e.At.TimeOfDay, new TimeSpan(8, 30, 0), new TimeSpan(18, 0, 0));
            Assert.StartsWith("10.20.", e.IpAddress, StringComparison.Ordinal);
        });

        // Each person's day starts with signing in (after any failed attempts).
        foreach (var day in entries.Where(e => e.UserId is not null).GroupBy(e => (e.UserId, DateOnly.FromDateTime(e.At))))
        {
            var start = day.First(e => e.Action is not (AuditAction.SignInFailed or AuditAction.TwoFactorFailed));
            Assert.True(start.Action == AuditAction.SignIn, $"{start.UserName} {start.Action} at {start.At:O} before signing in");
        }

        // Every account signs in, and LastSignInAt is its last sign-in.
        foreach (var user in users.Values)
        {
            var signIns = entries.Where(e => e.UserId == user.Id && e.Action == AuditAction.SignIn).ToList();
            Assert.NotEmpty(signIns);
            Assert.Equal(signIns.Max(e => e.At), user.LastSignInAt);
            Assert.All(entries.Where(e => e.UserId == user.Id), e => Assert.Equal((user.UserName, (StaffRole?)user.Role), (e.UserName, e.Role)));
        }

        Assert.Contains(entries, e => e.Action == AuditAction.Search && e.Detail!.StartsWith("name=\"", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == AuditAction.WriteRecord && e.ChildId is not null);
        Assert.Contains(entries, e => e.Action == AuditAction.Export);
        var failed = entries.Where(e => e.Action == AuditAction.SignInFailed).ToList();
        Assert.InRange(failed.Count, 3, 60);
        Assert.All(failed, e => Assert.Equal(users.GetValueOrDefault(e.UserName)?.Id, e.UserId));
        Assert.Contains(failed, e => e.UserId is null);
        Assert.Contains(failed, e => e.UserId is not null);

        // Reads by staff about their own work: the basis the access policy gives.
        var social = users[DemoAccess.UserName(StaffRole.SocialWorker)];
        Assert.Contains(entries, e => e.UserId == social.Id && e.Action == AuditAction.ReadRecord && e.Basis == AccessBasis.AllocatedWorker);
        Assert.Contains(entries, e => e.UserName == DemoAccess.UserName(StaffRole.TeamManager) && e.Basis == AccessBasis.ManagementLine);
        Assert.Contains(entries, e => e.UserName == DemoAccess.UserName(StaffRole.ReviewingOfficer) && e.Basis == AccessBasis.ReviewingOfficer);
        Assert.Contains(entries, e => e.UserName == DemoAccess.UserName(StaffRole.BusinessSupport) && e.Basis == AccessBasis.Team);
        Assert.DoesNotContain(entries, e => e.Action == AuditAction.ReadRecord && e.Basis is null or AccessBasis.None);

        // The restricted record is opened only by the person named on it.
        Assert.All(entries.Where(e => e.ChildId == restricted && e.Action == AuditAction.ReadRecord), e =>
            Assert.Equal((DemoAccess.UserName(StaffRole.TeamManager), (AccessBasis?)AccessBasis.NamedPerson), (e.UserName, e.Basis)));

        // The auditor opens only the cases in the audit, once given them.
        var auditor = users[DemoAccess.UserName(StaffRole.Auditor)];
        var audit = grants.Where(g => g.UserId == auditor.Id).ToDictionary(g => g.ChildId);
        var auditorReads = entries.Where(e => e.UserId == auditor.Id && e.Action == AuditAction.ReadRecord).ToList();
        Assert.NotEmpty(auditorReads);
        Assert.All(auditorReads, e => Assert.True(e.Basis == AccessBasis.CaseAudit && e.At >= audit[e.ChildId!.Value].GrantedAt));

        // The social worker broke the glass twice, with a reason, then opened the record.
        var glass = entries.Where(e => e.UserId == social.Id && e.Action == AuditAction.BreakGlass).ToList();
        Assert.Equal(2, glass.Count);
        Assert.All(glass, g =>
        {
            Assert.True(g.Reason?.Length > 40, "a written reason");
            Assert.Contains(entries, e => e.UserId == social.Id && e.Action == AuditAction.ReadRecord && e.ChildId == g.ChildId && e.Basis == AccessBasis.BreakGlass && e.Id > g.Id);
        });
    }

    [Theory, ProviderData]
    public async Task The_business_support_officer_opening_40_records_outside_their_work_is_the_one_unusual_pattern(Provider provider)
    {
        var (target, _) = await fixture.SeededAsync(provider, Ct);
        await using var db = LanternDatabase.CreateContext(target);
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
        // What the alert looks for: records opened outside one's own work (or broken glass), many in a short time.
        var outside = entries
            .Where(e => e.Succeeded && e.UserId is not null && e.ChildId is not null
                && ((e.Action == AuditAction.ReadRecord && e.Basis is { } basis && basis != AccessBasis.None && !ChildAccessPolicy.IsOwnWork(basis))
                    || e.Action == AuditAction.BreakGlass))
            .GroupBy(e => e.UserName)
            .ToDictionary(g => g.Key, g => g.ToList());
        var support = DemoAccess.UserName(StaffRole.NewlyQualifiedSocialWorker);
        var (count, burst) = MostChildrenWithin(outside.GetValueOrDefault(support) ?? [], TimeSpan.FromMinutes(30));

        Assert.True(count >= 40, $"{count} records");
        foreach (var (user, events) in outside.Where(kv => kv.Key != support))
        {
            var most = MostChildrenWithin(events, TimeSpan.FromHours(1)).Count;
            Assert.True(most < 10, $"{user} opened {most} records outside their work within an hour");
        }

        // Each of those records was opened, not only its glass broken.
        (count, burst) = MostChildrenWithin([.. outside[support].Where(e => e.Action == AuditAction.ReadRecord)], TimeSpan.FromMinutes(30));
        Assert.True(count >= 40, $"{count} records opened");
        Assert.True(burst[^1].At - burst[0].At <= TimeSpan.FromMinutes(25));
        var day = DateOnly.FromDateTime(burst[0].At);
        Assert.InRange(day, Today.AddDays(-10), Today.AddDays(-6));
        Assert.All(burst, read => Assert.Contains(entries, e =>
            e.Action == AuditAction.BreakGlass && e.UserName == support && e.ChildId == read.ChildId && e.Id < read.Id && read.At - e.At < TimeSpan.FromMinutes(1)));
    }

    [Theory, ProviderData]
    public async Task Seeding_the_demo_accounts_again_changes_nothing(Provider provider)
    {
        var (target, _) = await fixture.SeededAsync(provider, Ct);
        var before = await CountsAsync(target);
        var verified = await AuditTrail.VerifyAsync(target, cancellationToken: Ct);

        var created = await DemoAccess.WriteAsync(target, fixture.Data, Today, Ct);

        Assert.Equal(0, created);
        Assert.Equal(before, await CountsAsync(target));
        Assert.Equal(verified, await AuditTrail.VerifyAsync(target, cancellationToken: Ct));
    }

    [Fact]
    public async Task The_same_authority_and_day_give_the_same_history_on_both_providers()
    {
        var (sqlite, _) = await fixture.SeededAsync(Provider.Sqlite, Ct);
        var (postgres, _) = await fixture.SeededAsync(Provider.Postgres, Ct);

        var a = await AuditTrail.VerifyAsync(sqlite, cancellationToken: Ct);
        var b = await AuditTrail.VerifyAsync(postgres, cancellationToken: Ct);

        Assert.True(a.IsIntact && b.IsIntact);
        Assert.Equal(a, b);
    }

    [Theory, ProviderData]
    public async Task A_tiny_authority_still_gets_every_account_and_keeps_its_restricted_child(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Ct);
        var target = DbTarget.Parse(db.Target);
        await LanternDatabase.MigrateAsync(target, Ct);
        var sample = SampleAuthority.Create();
        await AuthorityWriter.WriteAsync(target, sample, cancellationToken: Ct);

        // Two workers, one of whom has left: most accounts have nobody to be linked to.
        var created = await DemoAccess.WriteAsync(target, sample, new DateOnly(2025, 3, 31), Ct);

        Assert.Equal(AccessMatrix.Roles.Count + 1, created);
        Assert.True((await AuditTrail.VerifyAsync(target, cancellationToken: Ct)).IsIntact);
        await using var context = LanternDatabase.CreateContext(target);
        Assert.Equal([1L], await context.Children.Where(c => c.IsRestricted).Select(c => c.Id).ToListAsync(Ct));
        var manager = await context.Users.SingleAsync(u => u.UserName == DemoAccess.UserName(StaffRole.TeamManager), Ct);
        Assert.Equal(1, manager.WorkerId);
        var named = await context.AccessGrants.SingleAsync(g => g.Kind == AccessGrantKind.NamedPerson, Ct);
        Assert.Equal((manager.Id, 1L), (named.UserId, named.ChildId));
        Assert.Equal(sample.Workers.Count, await context.Workers.CountAsync(Ct));
    }

    private static (int Count, List<AuditEntry> Entries) MostChildrenWithin(List<AuditEntry> reads, TimeSpan window)
    {
        var best = (Count: 0, Entries: new List<AuditEntry>());
        var start = 0;
        var counts = new Dictionary<long, int>();
        for (var i = 0; i < reads.Count; i++)
        {
            counts[reads[i].ChildId!.Value] = counts.GetValueOrDefault(reads[i].ChildId!.Value) + 1;
            while (reads[i].At - reads[start].At > window)
            {
                var child = reads[start].ChildId!.Value;
                if (--counts[child] == 0)
                {
                    counts.Remove(child);
                }

                start++;
            }

            if (counts.Count > best.Count)
            {
                best = (counts.Count, reads[start..(i + 1)]);
            }
        }

        return best;
    }

    private static async Task<(int Users, int Tokens, int Grants, int Entries, int Restricted, int Workers)> CountsAsync(DbTarget target)
    {
        await using var db = LanternDatabase.CreateContext(target);
        return (
            await db.Users.CountAsync(Ct),
            await db.UserTokens.CountAsync(Ct),
            await db.AccessGrants.CountAsync(Ct),
            await db.AuditEntries.CountAsync(Ct),
            await db.Children.CountAsync(c => c.IsRestricted, Ct),
            await db.Workers.CountAsync(Ct));
    }
}
