using Lantern.Domain.Access;
using Lantern.Domain.Calendar;
using Lantern.Domain.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Data;

/// <summary>Demo accounts (one or more for every role) and a realistic audit history for the seeded
/// synthetic authority. Demo passwords exist only in databases seeded with the synthetic profile:
/// nothing here runs against a council's real database.</summary>
public static class DemoAccess
{
    /// <summary>The password of every demo account (demo databases only).</summary>
    public const string Password = "Lantern-demo-2026!";

    /// <summary>The authenticator (TOTP) key every demo account is enrolled with, base32. Add it to
    /// any authenticator app, or compute a code with <c>oathtool --totp -b KEY</c>.</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPLANTERNDEMOKEY22";

    /// <summary>The second performance analyst account, the one given named-data access.</summary>
    public const string NamedAnalystUserName = "demo.performance-analyst-named";

    /// <summary>The audit the demo auditor's cases belong to.</summary>
    public const string CaseAuditReason = "Quarterly case audit: child protection";

    /// <summary>Where ASP.NET Core Identity's user store keeps the authenticator key.</summary>
    internal const string IdentityStore = "[AspNetUserStore]";

    internal const string AuthenticatorKeyTokenName = "AuthenticatorKey";

    internal const string EmailDomain = "lantern.example";

    /// <summary>The seed of everything random here: the same authority and day give the same accounts and history.</summary>
    internal const int Seed = 20260331;

    /// <summary>The user name of the main demo account for <paramref name="role"/>, for example
    /// <c>demo.social-worker</c>.</summary>
    public static string UserName(StaffRole role) => "demo." + Naming.ToSnakeCase(role.ToString()).Replace('_', '-');

    /// <summary>Creates the demo accounts and the audit history for <paramref name="data"/> (already
    /// written to <paramref name="target"/>), as at <paramref name="today"/>. Does nothing when demo
    /// accounts already exist. Returns the number of accounts created.</summary>
    public static async Task<int> WriteAsync(DbTarget target, AuthorityData data, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(data);

        await using var db = LanternDatabase.CreateContext(target);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.IsDemo, cancellationToken))
        {
            return 0;
        }

        var cast = DemoCast.Choose(data, today);
        var workers = data.Workers.ToList();
        if (cast.BusinessSupport is null && cast.SocialWorker is { } colleague)
        {
            // The synthetic workforce has no business support staff, so the demo account gets a
            // worker record of its own in the social worker's team (and so sees that team's children).
            var officer = new Worker
            {
                StaffId = "BS-DEMO",
                GivenName = "Janet",
                FamilyName = "Okoro",
                Role = WorkerRole.BusinessSupport,
                TeamId = colleague.TeamId,
                ManagerId = cast.TeamManager?.Id,
                Employment = EmploymentType.Employed,
                Fte = 1m,
                StartDate = today.AddYears(-4),
            };
            db.Workers.Add(officer);
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(officer).State = EntityState.Detached;
            workers.Add(officer);
            cast = cast with { BusinessSupport = officer };
        }

        var accounts = CreateAccounts(cast, today);
        var byName = accounts.ToDictionary(a => a.User.UserName!, StringComparer.Ordinal);
        var windowStart = today.AddDays(-DemoHistory.Days);
        var restrictedId = await RestrictOneChildAsync(db, data, cast, today, cancellationToken);
        var grants = new List<AccessGrant>();
        var admin = byName[UserName(StaffRole.SystemAdministrator)].User.Id;
        if (restrictedId is { } restricted)
        {
            // Restricted records are hidden from everyone but the people named on them: this one is
            // a child of a member of staff, and the team manager is named to oversee the case.
            grants.Add(new AccessGrant
            {
                UserId = byName[UserName(StaffRole.TeamManager)].User.Id,
                ChildId = restricted,
                Kind = AccessGrantKind.NamedPerson,
                Reason = "Child of a member of staff: the team manager is named to oversee the case",
                GrantedAt = At(WorkingDayOnOrAfter(windowStart), 11, 40),
                GrantedBy = admin,
            });
        }

        var auditor = byName[UserName(StaffRole.Auditor)].User.Id;
        var auditGrantedAt = At(WorkingDayOnOrAfter(today.AddDays(-30)), 11, 15);
        foreach (var childId in CaseAuditChildren(data, today, restrictedId))
        {
            grants.Add(new AccessGrant
            {
                UserId = auditor,
                ChildId = childId,
                Kind = AccessGrantKind.CaseAudit,
                Reason = CaseAuditReason,
                GrantedAt = auditGrantedAt,
                GrantedBy = admin,
            });
        }

        var history = new DemoHistory(data, workers, today, accounts, restrictedId, grants).Build();
        foreach (var account in accounts)
        {
            account.User.LastSignInAt = history.Entries
                .Where(e => e.Action == AuditAction.SignIn && e.Succeeded && e.UserId == account.User.Id)
                .Select(e => (DateTime?)e.At)
                .Max();
            db.Users.Add(account.User);
            db.UserTokens.Add(new IdentityUserToken<string>
            {
                UserId = account.User.Id,
                LoginProvider = IdentityStore,
                Name = AuthenticatorKeyTokenName,
                Value = AuthenticatorKey,
            });
        }

        db.AccessGrants.AddRange(grants);
        db.AccessGrants.AddRange(history.Grants);
        await db.SaveChangesAsync(cancellationToken);
        await AuditTrail.AppendAsync(db, history.Entries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return accounts.Count;
    }

    private static List<DemoAccount> CreateAccounts(DemoCast cast, DateOnly today)
    {
        var random = new Random(Seed);
        var hasher = new PasswordHasher<LanternUser>();
        var accounts = new List<DemoAccount>();
        var created = At(today.AddYears(-1), 9, 0);
        void Add(StaffRole role, string userName, Worker? worker, string syntheticName, bool namedData = false, string? organisation = null)
        {
            var user = new LanternUser
            {
                Id = DeterministicId(random),
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                Email = $"{userName}@{EmailDomain}",
                NormalizedEmail = $"{userName}@{EmailDomain}".ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                TwoFactorEnabled = true,
                LockoutEnabled = true,
                DisplayName = worker?.DisplayName ?? syntheticName,
                Role = role,
                WorkerId = worker?.Id,
                NamedDataAccess = namedData,
                Organisation = organisation,
                IsDemo = true,
                CreatedAt = created,
            };
            user.PasswordHash = hasher.HashPassword(user, Password);

            // Each person has a desk of their own on the council's network.
            var ip = $"10.20.{random.Next(1, 60)}.{random.Next(10, 250)}";
            accounts.Add(new DemoAccount(user, worker, ip));
        }

        Add(StaffRole.SocialWorker, UserName(StaffRole.SocialWorker), cast.SocialWorker, "Sam Social Worker");
        Add(StaffRole.NewlyQualifiedSocialWorker, UserName(StaffRole.NewlyQualifiedSocialWorker), cast.NewlyQualified, "Nia Newly Qualified");
        Add(StaffRole.AdvancedPractitioner, UserName(StaffRole.AdvancedPractitioner), cast.AdvancedPractitioner, "Alex Advanced Practitioner");
        Add(StaffRole.TeamManager, UserName(StaffRole.TeamManager), cast.TeamManager, "Tara Team Manager");
        Add(StaffRole.ServiceManager, UserName(StaffRole.ServiceManager), cast.ServiceManager, "Steve Service Manager");
        Add(StaffRole.Director, UserName(StaffRole.Director), cast.Director, "Diane Director");
        Add(StaffRole.ReviewingOfficer, UserName(StaffRole.ReviewingOfficer), cast.ReviewingOfficer, "Ravi Reviewing Officer");
        Add(StaffRole.Lado, UserName(StaffRole.Lado), cast.Lado, "Lynn Allegations Officer");
        Add(StaffRole.EarlyHelpPractitioner, UserName(StaffRole.EarlyHelpPractitioner), cast.EarlyHelp, "Ellie Early Help");
        Add(StaffRole.BusinessSupport, UserName(StaffRole.BusinessSupport), cast.BusinessSupport, "Bea Business Support");
        Add(StaffRole.PerformanceAnalyst, UserName(StaffRole.PerformanceAnalyst), cast.Analyst, "Pat Performance Analyst");
        Add(StaffRole.PerformanceAnalyst, NamedAnalystUserName, cast.SecondAnalyst, "Chris Doyle", namedData: true);
        Add(StaffRole.Auditor, UserName(StaffRole.Auditor), null, "Margaret Ellison");
        Add(StaffRole.ImprovementBoardMember, UserName(StaffRole.ImprovementBoardMember), null, "Anthony Hale");
        Add(StaffRole.PartnerReferrer, UserName(StaffRole.PartnerReferrer), null, "DC Laura Finch", organisation: "Northshire Police");
        Add(StaffRole.SystemAdministrator, UserName(StaffRole.SystemAdministrator), null, "Owen Price");
        Add(StaffRole.DataProtectionOfficer, UserName(StaffRole.DataProtectionOfficer), null, "Nadia Rahman");
        return accounts;
    }

    /// <summary>Marks one ordinary child as restricted unless one already is; returns the restricted child.</summary>
    private static async Task<long?> RestrictOneChildAsync(LanternDbContext db, AuthorityData data, DemoCast cast, DateOnly today, CancellationToken cancellationToken)
    {
        var existing = await db.Children.Where(c => c.IsRestricted).OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        // An otherwise ordinary child in need: open to a worker who is not a demo account, with no
        // protection plan, care episode or allegation, so nothing else in the demo depends on them.
        var demoWorkers = cast.Workers.Select(w => w.Id).ToHashSet();
        var busy = data.ProtectionPlans.Where(p => p.EndDate is null || p.EndDate >= today).Select(p => p.ChildId)
            .Concat(data.CareEpisodes.Where(e => e.EndDate is null || e.EndDate >= today).Select(e => e.ChildId))
            .Concat(data.Allegations.Where(a => a.ChildId is not null).Select(a => a.ChildId!.Value))
            .Concat(data.Allocations.Where(a => demoWorkers.Contains(a.WorkerId)).Select(a => a.ChildId))
            .ToHashSet();
        var alive = data.Children.Where(c => c.DateOfDeath is null).Select(c => c.Id).ToHashSet();
        var candidates = data.Allocations
            .Where(a => a.IsOpenOn(today) && !busy.Contains(a.ChildId) && alive.Contains(a.ChildId))
            .Select(a => a.ChildId)
            .Distinct()
            .Order()
            .ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. alive.Order()];
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var id = candidates[new Random(Seed + 1).Next(candidates.Count)];
        var child = await db.Children.SingleAsync(c => c.Id == id, cancellationToken);
        child.IsRestricted = true;
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>Ten children with a child protection plan open on <paramref name="today"/> (topped up
    /// with other open cases when there are fewer).</summary>
    private static List<long> CaseAuditChildren(AuthorityData data, DateOnly today, long? restricted)
    {
        const int Cases = 10;
        var random = new Random(Seed + 2);
        var onPlans = data.ProtectionPlans
            .Where(p => p.StartDate <= today && (p.EndDate is null || p.EndDate > today) && p.ChildId != restricted)
            .Select(p => p.ChildId).Distinct().Order().ToList();
        var chosen = onPlans.OrderBy(_ => random.Next()).Take(Cases).ToList();
        if (chosen.Count < Cases)
        {
            var open = data.Allocations
                .Where(a => a.IsOpenOn(today) && a.ChildId != restricted && !chosen.Contains(a.ChildId))
                .Select(a => a.ChildId).Distinct().Order().ToList();
            chosen.AddRange(open.OrderBy(_ => random.Next()).Take(Cases - chosen.Count));
        }

        return chosen;
    }

    /// <summary>An account id that is the same on every run (so the audit history hashes the same), shaped like a version 4 GUID.</summary>
    private static string DeterministicId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    internal static DateTime At(DateOnly day, int hour, int minute) =>
        day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);

    internal static DateOnly WorkingDayOnOrAfter(DateOnly day)
    {
        while (!WorkingDays.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    internal static DateOnly WorkingDayOnOrBefore(DateOnly day)
    {
        while (!WorkingDays.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}

/// <summary>A demo account, the worker it is linked to (if any) and the address it signs in from.</summary>
internal sealed record DemoAccount(LanternUser User, Worker? Worker, string IpAddress);

/// <summary>The workers of the synthetic authority that the demo accounts are linked to.</summary>
internal sealed record DemoCast(
    Worker? SocialWorker,
    Worker? NewlyQualified,
    Worker? AdvancedPractitioner,
    Worker? TeamManager,
    Worker? ServiceManager,
    Worker? Director,
    Worker? ReviewingOfficer,
    Worker? Lado,
    Worker? EarlyHelp,
    Worker? BusinessSupport,
    Worker? Analyst,
    Worker? SecondAnalyst)
{
    public IEnumerable<Worker> Workers =>
        new[] { SocialWorker, NewlyQualified, AdvancedPractitioner, TeamManager, ServiceManager, Director, ReviewingOfficer, Lado, EarlyHelp, BusinessSupport, Analyst, SecondAnalyst }
            .OfType<Worker>();

    public static DemoCast Choose(AuthorityData data, DateOnly today)
    {
        var workers = data.Workers.ToDictionary(w => w.Id);
        var teams = data.Teams.ToDictionary(t => t.Id);
        var inPost = data.Workers.Where(w => w.IsInPost(today)).OrderBy(w => w.Id).ToList();
        var open = data.Allocations.Where(a => a.IsOpenOn(today)).GroupBy(a => a.WorkerId).ToDictionary(g => g.Key, g => g.Count());
        int Open(Worker w) => open.GetValueOrDefault(w.Id);
        bool ManagerInPost(Worker w) => w.ManagerId is { } m && workers.TryGetValue(m, out var manager) && manager.IsInPost(today);
        bool InService(Worker w, TeamService service) => teams.TryGetValue(w.TeamId, out var t) && t.Service == service;
        Worker? Manager(Worker? w) => w?.ManagerId is { } m ? workers.GetValueOrDefault(m) : null;

        // A qualified social worker in a safeguarding team with a caseload near a typical one.
        var socialWorker = inPost
            .Where(w => w.Role == WorkerRole.SocialWorker && !w.IsAsyeOn(today) && Open(w) >= 3)
            .OrderByDescending(w => InService(w, TeamService.ChildInNeedAndProtection))
            .ThenByDescending(ManagerInPost)
            .ThenBy(w => Math.Abs(Open(w) - 15))
            .ThenBy(w => w.Id)
            .FirstOrDefault()
            ?? inPost.Where(w => w.HoldsCases).OrderByDescending(Open).ThenBy(w => w.Id).FirstOrDefault();

        // A social worker in their ASYE holding cases; when nobody is in their ASYE on the day, any
        // other case-holding social worker stands in (the account is still the ASYE role).
        var newlyQualified = inPost
            .Where(w => w.Role == WorkerRole.SocialWorker && w.AsyeEndDate >= today && w != socialWorker)
            .OrderByDescending(w => Open(w) > 0)
            .ThenByDescending(w => w.TeamId == socialWorker?.TeamId)
            .ThenByDescending(Open)
            .ThenBy(w => w.Id)
            .FirstOrDefault()
            ?? inPost.Where(w => w.Role == WorkerRole.SocialWorker && w != socialWorker && Open(w) > 0)
                .OrderByDescending(Open).ThenBy(w => w.Id).FirstOrDefault();

        var advanced = inPost
            .Where(w => w.Role == WorkerRole.AdvancedPractitioner)
            .OrderByDescending(w => w.TeamId == socialWorker?.TeamId)
            .ThenByDescending(w => Open(w) > 0)
            .ThenBy(w => w.Id)
            .FirstOrDefault();

        var teamManager = Manager(socialWorker)
            ?? inPost.Where(w => w.Role == WorkerRole.TeamManager).OrderByDescending(w => w.TeamId == socialWorker?.TeamId).ThenBy(w => w.Id).FirstOrDefault();
        var serviceManager = Manager(teamManager) is { Role: WorkerRole.ServiceManager } sm
            ? sm
            : inPost.FirstOrDefault(w => w.Role == WorkerRole.ServiceManager);
        var director = inPost.FirstOrDefault(w => w.Role == WorkerRole.Director) ?? inPost.FirstOrDefault(w => w.Role == WorkerRole.HeadOfService);

        var yearAgo = today.AddYears(-1);
        var chaired = data.CareReviews.Where(r => r.Date > yearAgo && r.Date <= today).Select(r => r.IroWorkerId)
            .Concat(data.Conferences.Where(c => c.Date > yearAgo && c.Date <= today).Select(c => c.ChairWorkerId))
            .OfType<long>()
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count());
        var reviewingOfficer = inPost
            .Where(w => w.Role == WorkerRole.IndependentReviewingOfficer)
            .OrderByDescending(w => chaired.GetValueOrDefault(w.Id))
            .ThenBy(w => w.Id)
            .FirstOrDefault();
        var lado = inPost.FirstOrDefault(w => w.Role == WorkerRole.Lado);

        var leading = data.EarlyHelp.Where(e => e.LeadWorkerId is not null && e.StartDate <= today && (e.EndDate is null || e.EndDate >= today))
            .GroupBy(e => e.LeadWorkerId!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        var earlyHelp = inPost
            .Where(w => w.Role == WorkerRole.EarlyHelpPractitioner)
            .OrderByDescending(w => leading.GetValueOrDefault(w.Id))
            .ThenBy(w => w.Id)
            .FirstOrDefault();

        var businessSupport = inPost
            .Where(w => w.Role == WorkerRole.BusinessSupport)
            .OrderByDescending(w => w.TeamId == socialWorker?.TeamId)
            .ThenBy(w => w.Id)
            .FirstOrDefault();

        var analysts = inPost.Where(w => w.Role == WorkerRole.PerformanceAnalyst).ToList();
        return new DemoCast(
            socialWorker,
            newlyQualified,
            advanced,
            teamManager,
            serviceManager,
            director,
            reviewingOfficer,
            lado,
            earlyHelp,
            businessSupport,
            analysts.ElementAtOrDefault(0),
            analysts.ElementAtOrDefault(1));
    }
}
