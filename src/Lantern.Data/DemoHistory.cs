using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Domain.Calendar;
using Lantern.Domain.Model;

namespace Lantern.Data;

/// <summary>The demo accounts' audit history over the <see cref="Days"/> days before today: each
/// working day from 08:30 to 18:00 (UTC) people sign in, search, open the records of children they
/// work with (the basis of each read decided by <see cref="ChildAccessPolicy"/>, as the app would),
/// record their work, sign out, and now and then mistype a password. On top of that: two broken
/// glasses by the social worker, a case audit, a restricted record seen by its named manager, and one
/// unusual-access pattern for the alert to find (<see cref="UnusualReads"/> records opened by the
/// newly qualified social worker outside their own work within 25 minutes, six days before today).</summary>
internal sealed class DemoHistory
{
    public const int Days = 90;

    /// <summary>Records opened in the unusual-access pattern.</summary>
    public const int UnusualReads = 40;

    private const string SignedIn = "password and one-time code";

    private static readonly IReadOnlySet<long> None = new HashSet<long>();

    private readonly DateOnly today;
    private readonly DateOnly windowStart;
    private readonly IReadOnlyList<DemoAccount> accounts;
    private readonly long? restricted;
    private readonly List<AccessGrant> grants;
    private readonly List<AccessGrant> brokenGlass = [];
    private readonly Random random = new(DemoAccess.Seed + 3);
    private readonly List<AuditEntry> entries = [];
    private readonly Dictionary<long, Worker> workers;
    private readonly Dictionary<long, Team> teams;
    private readonly Dictionary<long, Child> children;
    private readonly List<string> familyNames;
    private readonly Dictionary<string, int> familyNameCounts;
    private readonly List<Allocation> allocations;
    private readonly ILookup<long, Allocation> allocationsByWorker;
    private readonly ILookup<long, Allocation> allocationsByChild;
    private readonly ILookup<long, EarlyHelpEpisode> earlyHelpByLead;
    private readonly ILookup<long, EarlyHelpEpisode> earlyHelpByChild;
    private readonly ILookup<long, Worker> workersByTeam;
    private readonly Dictionary<long, HashSet<long>> reviewingOfficersByChild = [];
    private readonly ILookup<long, (long ChildId, DateOnly Date, string Type, long Id)> chairedBy;
    private readonly HashSet<long> allegationChildren;
    private readonly ILookup<long, CaseNote> notesByAuthor;
    private readonly ILookup<long, ManagementDecision> decisionsByManager;
    private readonly ILookup<long, Allegation> allegationsByLado;
    private readonly Dictionary<DemoAccount, StaffContext> staff = [];
    private readonly Dictionary<DateOnly, List<long>> openChildren = [];

    public DemoHistory(AuthorityData data, IReadOnlyList<Worker> workforce, DateOnly today, IReadOnlyList<DemoAccount> accounts, long? restricted, List<AccessGrant> grants)
    {
        this.today = today;
        windowStart = today.AddDays(-Days);
        this.accounts = accounts;
        this.restricted = restricted;
        this.grants = grants;
        workers = workforce.ToDictionary(w => w.Id);
        teams = data.Teams.ToDictionary(t => t.Id);
        children = data.Children.ToDictionary(c => c.Id);
        familyNames = [.. data.Children.Select(c => c.FamilyName)];
        familyNameCounts = familyNames.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        allocations = [.. data.Allocations.Where(a => a.StartDate <= today && (a.EndDate is null || a.EndDate >= windowStart))];
        allocationsByWorker = allocations.ToLookup(a => a.WorkerId);
        allocationsByChild = allocations.ToLookup(a => a.ChildId);
        var earlyHelp = data.EarlyHelp.Where(e => e.LeadWorkerId is not null && e.StartDate <= today && (e.EndDate is null || e.EndDate >= windowStart)).ToList();
        earlyHelpByLead = earlyHelp.ToLookup(e => e.LeadWorkerId!.Value);
        earlyHelpByChild = earlyHelp.ToLookup(e => e.ChildId);
        workersByTeam = workforce.ToLookup(w => w.TeamId);
        var chaired = data.CareReviews.Where(r => r.IroWorkerId is not null && r.Date <= today)
            .Select(r => (Worker: r.IroWorkerId!.Value, r.ChildId, r.Date, Type: "care_review", r.Id))
            .Concat(data.Conferences.Where(c => c.ChairWorkerId is not null && c.Date <= today)
                .Select(c => (Worker: c.ChairWorkerId!.Value, c.ChildId, c.Date, Type: "child_protection_conference", c.Id)))
            .ToList();
        foreach (var c in chaired)
        {
            if (!reviewingOfficersByChild.TryGetValue(c.ChildId, out var set))
            {
                reviewingOfficersByChild[c.ChildId] = set = [];
            }

            set.Add(c.Worker);
        }

        chairedBy = chaired.Where(c => c.Date >= windowStart.AddDays(-120)).ToLookup(c => c.Worker, c => (c.ChildId, c.Date, c.Type, c.Id));
        allegationChildren = [.. data.Allegations.Where(a => a.ChildId is not null).Select(a => a.ChildId!.Value)];
        allegationsByLado = data.Allegations.Where(a => a.LadoWorkerId is not null).ToLookup(a => a.LadoWorkerId!.Value);
        var start = DemoAccess.At(windowStart, 0, 0);
        var end = DemoAccess.At(today, 0, 0);
        notesByAuthor = data.CaseNotes.Where(n => n.RecordedAt >= start && n.RecordedAt < end).ToLookup(n => n.AuthorId);
        decisionsByManager = data.ManagementDecisions.Where(d => d.Date >= windowStart && d.Date < today).ToLookup(d => d.ManagerId);
        var reports = workforce.Where(w => w.ManagerId is not null).ToLookup(w => w.ManagerId!.Value, w => w.Id);
        foreach (var account in accounts)
        {
            var worker = account.Worker;
            var managed = new HashSet<long>();
            var queue = new Queue<long>();
            if (worker is not null)
            {
                queue.Enqueue(worker.Id);
            }

            while (queue.TryDequeue(out var id))
            {
                foreach (var report in reports[id])
                {
                    if (managed.Add(report))
                    {
                        queue.Enqueue(report);
                    }
                }
            }

            var team = worker is null ? null : teams.GetValueOrDefault(worker.TeamId);
            staff[account] = new StaffContext(account.User.Role, worker?.Id, worker?.TeamId, team?.Service, managed, account.User.NamedDataAccess);
        }
    }

    public (List<AuditEntry> Entries, List<AccessGrant> Grants) Build()
    {
        var days = new List<DateOnly>();
        for (var day = windowStart; day < today; day = day.AddDays(1))
        {
            if (WorkingDays.IsWorkingDay(day))
            {
                days.Add(day);
            }
        }

        var unusualDay = DemoAccess.WorkingDayOnOrBefore(today.AddDays(-6));
        var socialWorker = Account(StaffRole.SocialWorker);
        // The unusual-access pattern belongs to the newly qualified social worker: a role that may
        // break the glass, so every entry is one the live app could have written.
        var browsing = Account(StaffRole.NewlyQualifiedSocialWorker);
        var admin = Account(StaffRole.SystemAdministrator);
        var grantDays = grants.Select(g => DateOnly.FromDateTime(g.GrantedAt)).ToHashSet();
        DateOnly[] glassDays = days.Count == 0 ? [] : [days[days.Count / 4], days[days.Count * 7 / 10]];
        foreach (var day in days)
        {
            foreach (var account in accounts)
            {
                // Present on the days of their set pieces (signed in before them).
                var force = (account == browsing && day == unusualDay)
                    || (account == socialWorker && glassDays.Contains(day))
                    || (account == admin && grantDays.Contains(day));
                WorkingDay(account, day, force);
            }
        }

        GrantEntries();
        for (var i = 0; i < glassDays.Length; i++)
        {
            BreakGlass(socialWorker, glassDays[i], i);
        }

        if (days.Contains(unusualDay))
        {
            UnusualAccess(browsing, unusualDay, days);
        }

        FailedSignInsOfStrangers(days);
        var ordered = entries.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.i).Select(x => x.e).ToList();
        return (ordered, brokenGlass);
    }

    private DemoAccount Account(StaffRole role) => accounts.First(a => a.User.Role == role);

    // ------------------------------------------------------------ a working day

    private void WorkingDay(DemoAccount account, DateOnly day, bool force)
    {
        var role = account.User.Role;
        var (present, minReads, maxReads) = role switch
        {
            StaffRole.SocialWorker or StaffRole.NewlyQualifiedSocialWorker => (0.9, 4, 10),
            StaffRole.AdvancedPractitioner => (0.9, 3, 8),
            StaffRole.TeamManager => (0.92, 4, 10),
            StaffRole.ServiceManager => (0.85, 2, 6),
            StaffRole.Director => (0.8, 0, 3),
            StaffRole.ReviewingOfficer => (0.88, 2, 6),
            StaffRole.Lado => (0.88, 0, 3),
            StaffRole.EarlyHelpPractitioner => (0.88, 2, 6),
            StaffRole.BusinessSupport => (0.92, 3, 8),
            StaffRole.PerformanceAnalyst => account.User.NamedDataAccess ? (0.7, 0, 3) : (0.9, 0, 0),
            StaffRole.Auditor => (0.8, 2, 5),
            StaffRole.ImprovementBoardMember => (0.1, 0, 0),
            StaffRole.PartnerReferrer => (0.15, 0, 0),
            StaffRole.SystemAdministrator => (0.9, 0, 0),
            StaffRole.DataProtectionOfficer => (0.6, 0, 0),
            _ => (0.0, 0, 0),
        };
        var writes = Writes(account, day);
        if (role == StaffRole.Auditor && Pool(account, day).Count == 0)
        {
            present = 0.2; // Not yet given the cases of this quarter's audit.
        }

        var roll = random.NextDouble();
        if (!force && writes.Count == 0 && roll >= present)
        {
            return;
        }

        // Mostly from their own desk; now and then from another one.
        var ip = random.NextDouble() < 0.06 ? $"10.20.{random.Next(1, 60)}.{random.Next(10, 250)}" : account.IpAddress;
        var signIn = DemoAccess.At(day, 8, 30).AddSeconds(random.Next(0, 75 * 60));
        var end = DemoAccess.At(day, 16, 30).AddSeconds(random.Next(0, 89 * 60));
        // The details are worded as the app words them.
        if (random.NextDouble() < 0.015)
        {
            Add(account, signIn, AuditAction.SignInFailed, ip, succeeded: false, detail: "wrong user name or password");
            signIn = signIn.AddSeconds(random.Next(15, 90));
        }

        if (random.NextDouble() < 0.01)
        {
            Add(account, signIn, AuditAction.TwoFactorFailed, ip, succeeded: false, detail: "wrong, expired or reused one-time code");
            signIn = signIn.AddSeconds(random.Next(20, 60));
        }

        Add(account, signIn, AuditAction.SignIn, ip, detail: SignedIn);
        if (random.NextDouble() < 0.3)
        {
            // Signed in again after the idle timeout over lunch.
            Add(account, DemoAccess.At(day, 13, 0).AddSeconds(random.Next(0, 75 * 60)), AuditAction.SignIn, ip, detail: SignedIn);
        }

        DateTime During() => signIn.AddSeconds(180 + random.Next(0, Math.Max(1, (int)(end - signIn).TotalSeconds - 480)));

        var pool = Pool(account, day);
        var teamPool = role is StaffRole.SocialWorker or StaffRole.NewlyQualifiedSocialWorker or StaffRole.AdvancedPractitioner or StaffRole.EarlyHelpPractitioner
            ? TeamChildren(account, day)
            : [];
        var reads = pool.Count == 0 ? 0 : random.Next(minReads, maxReads + 1);
        for (var i = 0; i < reads; i++)
        {
            var fromTeam = teamPool.Count > 0 && random.NextDouble() < 0.2;
            var child = fromTeam ? teamPool[random.Next(teamPool.Count)] : pool[random.Next(pool.Count)];
            Read(account, During(), child, ip, searchFirst: random.NextDouble() < 0.35);
        }

        if (role is StaffRole.TeamManager && restricted is { } hidden && random.NextDouble() < 0.05)
        {
            Read(account, During(), hidden, ip, searchFirst: false);
        }

        if (pool.Count > 0 && random.NextDouble() < 0.15)
        {
            // A search that finds nobody worth opening.
            var someone = children.GetValueOrDefault(pool[random.Next(pool.Count)]);
            if (someone is not null)
            {
                var start = someone.FamilyName[..Math.Min(3, someone.FamilyName.Length)];
                Add(account, During(), AuditAction.Search, ip, detail: NameSearch(start, familyNames.Count(n => n.StartsWith(start, StringComparison.OrdinalIgnoreCase))));
            }
        }

        foreach (var (at, childId, recordType, recordId) in writes)
        {
            if (childId is { } id)
            {
                var decision = Decide(account, id, at);
                if (!decision.CanOpen)
                {
                    continue;
                }

                Add(account, at.AddSeconds(-random.Next(120, 900)), AuditAction.ReadRecord, ip, child: id, recordType: "child", recordId: id, basis: decision.Basis);
                Add(account, at, AuditAction.WriteRecord, ip, child: id, recordType: recordType, recordId: recordId, basis: decision.Basis);
            }
            else
            {
                Add(account, at, AuditAction.WriteRecord, ip, recordType: recordType, recordId: recordId);
            }

            end = at.AddMinutes(5) > end ? at.AddMinutes(5) : end;
        }

        Extras(account, day, During, ip);
        if (random.NextDouble() < 0.7)
        {
            Add(account, end, AuditAction.SignOut, ip);
        }
    }

    /// <summary>What the account's worker recorded that day: case notes, management decisions, reviews chaired, allegation decisions.</summary>
    private List<(DateTime At, long? ChildId, string RecordType, long RecordId)> Writes(DemoAccount account, DateOnly day)
    {
        var list = new List<(DateTime, long?, string, long)>();
        if (account.Worker is not { } worker)
        {
            return list;
        }

        foreach (var note in notesByAuthor[worker.Id].Where(n => DateOnly.FromDateTime(n.RecordedAt) == day))
        {
            // At the time it was recorded (to the second), kept within the working day.
            var at = new DateTime(note.RecordedAt.Ticks - (note.RecordedAt.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            var earliest = DemoAccess.At(day, 10, 30);
            var latest = DemoAccess.At(day, 17, 45);
            list.Add((at < earliest ? earliest : at > latest ? latest : at, note.ChildId, "case_note", note.Id));
        }

        foreach (var decision in decisionsByManager[worker.Id].Where(d => d.Date == day))
        {
            list.Add((DemoAccess.At(day, 11, 0).AddSeconds(random.Next(0, 5 * 3600)), decision.ChildId, "management_decision", decision.Id));
        }

        if (account.User.Role == StaffRole.ReviewingOfficer)
        {
            foreach (var (childId, _, type, id) in chairedBy[worker.Id].Where(c => c.Date == day))
            {
                list.Add((DemoAccess.At(day, 14, 0).AddSeconds(random.Next(0, 2 * 3600)), childId, type, id));
            }
        }

        if (account.User.Role == StaffRole.Lado)
        {
            foreach (var allegation in allegationsByLado[worker.Id].Where(a => a.InitialDecisionDate == day))
            {
                list.Add((DemoAccess.At(day, 10, 30).AddSeconds(random.Next(0, 5 * 3600)), allegation.ChildId, "allegation", allegation.Id));
            }
        }

        return list;
    }

    /// <summary>The children whose records the account opens in a day's own work.</summary>
    private List<long> Pool(DemoAccount account, DateOnly day)
    {
        var context = staff[account];
        IEnumerable<long> pool = account.User.Role switch
        {
            StaffRole.SocialWorker or StaffRole.NewlyQualifiedSocialWorker or StaffRole.AdvancedPractitioner or StaffRole.EarlyHelpPractitioner =>
                context.WorkerId is { } me ? OwnChildren(me, day) : [],
            StaffRole.TeamManager or StaffRole.ServiceManager => context.ManagedWorkerIds.SelectMany(w => OwnChildren(w, day)),
            StaffRole.Director => OpenChildren(day),
            StaffRole.ReviewingOfficer => context.WorkerId is { } iro
                ? chairedBy[iro].Where(c => c.Date >= day.AddDays(-90) && c.Date <= day.AddDays(21)).Select(c => c.ChildId)
                : [],
            StaffRole.Lado => context.WorkerId is { } lado
                ? allegationsByLado[lado].Where(a => a.ChildId is not null && a.ReceivedDate <= day && (a.ResolvedDate is null || a.ResolvedDate >= day.AddDays(-60))).Select(a => a.ChildId!.Value)
                : [],
            StaffRole.BusinessSupport => TeamChildren(account, day),
            StaffRole.PerformanceAnalyst when account.User.NamedDataAccess => OpenChildren(day),
            StaffRole.Auditor => grants.Where(g => g.UserId == account.User.Id && g.Kind == AccessGrantKind.CaseAudit && g.GrantedAt.Date <= DemoAccess.At(day, 0, 0)).Select(g => g.ChildId),
            _ => [],
        };
        return [.. pool.Where(c => c != restricted && IsAlive(c, day)).Distinct().Order()];
    }

    private List<long> TeamChildren(DemoAccount account, DateOnly day) =>
        account.Worker is { } worker
            ? [.. workersByTeam[worker.TeamId].SelectMany(w => OwnChildren(w.Id, day)).Where(c => c != restricted && IsAlive(c, day)).Distinct().Order()]
            : [];

    private IEnumerable<long> OwnChildren(long workerId, DateOnly day) =>
        allocationsByWorker[workerId].Where(a => a.IsOpenOn(day)).Select(a => a.ChildId)
            .Concat(earlyHelpByLead[workerId].Where(e => IsOpen(e, day)).Select(e => e.ChildId));

    private List<long> OpenChildren(DateOnly day)
    {
        if (!openChildren.TryGetValue(day, out var list))
        {
            openChildren[day] = list = [.. allocations.Where(a => a.IsOpenOn(day)).Select(a => a.ChildId).Distinct().Order()];
        }

        return list;
    }

    private bool IsAlive(long childId, DateOnly day) =>
        children.TryGetValue(childId, out var child) && (child.DateOfDeath is null || child.DateOfDeath > day);

    private static bool IsOpen(EarlyHelpEpisode e, DateOnly day) => e.StartDate <= day && (e.EndDate is null || e.EndDate >= day);

    private void Extras(DemoAccount account, DateOnly day, Func<DateTime> during, string ip)
    {
        switch (account.User.Role)
        {
            case StaffRole.PerformanceAnalyst:
                for (var i = random.Next(0, 3); i > 0; i--)
                {
                    var what = account.User.NamedDataAccess
                        ? "export: data-quality list of children with missing ethnicity (named)"
                        : $"export: headline figures as at {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (numbers only)";
                    Add(account, during(), AuditAction.Export, ip, detail: what);
                }

                break;
            case StaffRole.SystemAdministrator when random.NextDouble() < 0.25:
                string[] changes =
                [
                    "unlocked an account after failed sign-ins",
                    "reset the authenticator of a worker with a new phone",
                    "disabled the account of a leaver",
                    "created an account for a new starter",
                ];
                Add(account, during(), AuditAction.AccountChanged, ip, detail: changes[random.Next(changes.Length)]);
                break;
            case StaffRole.DataProtectionOfficer:
                var open = OpenChildren(day);
                for (var i = open.Count == 0 ? 0 : random.Next(0, 3); i > 0; i--)
                {
                    var child = open[random.Next(open.Count)];
                    Add(account, during(), AuditAction.ViewRecordAudit, ip, child: child, recordType: "child", recordId: child, detail: "who has seen this record");
                }

                break;
            default:
                break;
        }
    }

    // ------------------------------------------------------------ the events

    private void Read(DemoAccount account, DateTime at, long childId, string ip, bool searchFirst)
    {
        var decision = Decide(account, childId, at);
        if (decision.Level == ChildAccessLevel.Hidden)
        {
            return;
        }

        if (searchFirst && children.TryGetValue(childId, out var child))
        {
            var detail = random.NextDouble() < 0.7
                ? NameSearch(child.FamilyName, familyNameCounts.GetValueOrDefault(child.FamilyName))
                : $"child ID=\"{child.LaChildId}\"; results=1";
            Add(account, at.AddSeconds(-random.Next(15, 90)), AuditAction.Search, ip, detail: detail);
        }

        if (decision.CanOpen)
        {
            Add(account, at, AuditAction.ReadRecord, ip, child: childId, recordType: "child", recordId: childId, basis: decision.Basis);
        }
        else
        {
            Add(account, at, AuditAction.KnownOnlyView, ip, child: childId, recordType: "child", recordId: childId, basis: decision.Basis);
        }
    }

    private ChildAccessDecision Decide(DemoAccount account, long childId, DateTime at)
    {
        var day = DateOnly.FromDateTime(at);
        var allocated = new HashSet<long>();
        foreach (var a in allocationsByChild[childId])
        {
            if (a.IsOpenOn(day))
            {
                allocated.Add(a.WorkerId);
            }
        }

        foreach (var e in earlyHelpByChild[childId])
        {
            if (IsOpen(e, day))
            {
                allocated.Add(e.LeadWorkerId!.Value);
            }
        }

        var teamIds = allocated.Select(w => workers.TryGetValue(w, out var worker) ? worker.TeamId : 0).Where(t => t != 0).ToHashSet();
        var services = teamIds.Where(teams.ContainsKey).Select(t => teams[t].Service).ToHashSet();
        var kinds = grants.Concat(brokenGlass)
            .Where(g => g.ChildId == childId && g.UserId == account.User.Id && g.IsActiveAt(at))
            .Select(g => g.Kind)
            .ToHashSet();
        var child = new ChildContext(
            childId == restricted,
            allocated,
            teamIds,
            services,
            reviewingOfficersByChild.TryGetValue(childId, out var officers) ? officers : None,
            allegationChildren.Contains(childId),
            kinds);
        return ChildAccessPolicy.Decide(staff[account], child);
    }

    /// <summary>The administrator's entries for the grants given (case audit, named person).</summary>
    private void GrantEntries()
    {
        var admin = Account(StaffRole.SystemAdministrator);
        foreach (var group in grants.GroupBy(g => (g.UserId, g.Kind, g.GrantedAt)))
        {
            var to = accounts.First(a => a.User.Id == group.Key.UserId).User.UserName;
            var (userId, kind, at) = group.Key;
            if (kind == AccessGrantKind.NamedPerson)
            {
                foreach (var grant in group)
                {
                    Add(admin, at, AuditAction.AccountChanged, admin.IpAddress, child: grant.ChildId, recordType: "child", recordId: grant.ChildId,
                        reason: grant.Reason, detail: $"named {to} on a restricted record");
                }
            }
            else
            {
                Add(admin, at, AuditAction.AccountChanged, admin.IpAddress, reason: group.First().Reason,
                    detail: $"gave {to} case audit access to {group.Count()} children");
            }
        }
    }

    /// <summary>The social worker breaks the glass for a child outside their work, with a written reason.</summary>
    private void BreakGlass(DemoAccount account, DateOnly day, int which)
    {
        string[] reasons =
        [
            "Police called the duty line about this child; the allocated worker is on leave and I need the safety plan and family contacts.",
            "Covering the duty desk: the child's school has raised a concern this afternoon and I need the current plan and who is involved.",
        ];
        var own = Pool(account, day).Concat(TeamChildren(account, day)).ToHashSet();
        var candidates = OpenChildren(day).Where(c => !own.Contains(c) && c != restricted && IsAlive(c, day)).ToList();
        var at = DemoAccess.At(day, which == 0 ? 10 : 14, which == 0 ? 5 : 20);
        foreach (var childId in candidates.OrderBy(_ => random.Next()))
        {
            if (Decide(account, childId, at).Level != ChildAccessLevel.KnownOnly)
            {
                continue;
            }

            var child = children[childId];
            Add(account, at, AuditAction.Search, account.IpAddress, detail: NameSearch(child.FamilyName, familyNameCounts.GetValueOrDefault(child.FamilyName)));
            Add(account, at.AddSeconds(20), AuditAction.KnownOnlyView, account.IpAddress, child: childId, recordType: "child", recordId: childId, basis: AccessBasis.None);
            Glass(account, at.AddSeconds(75), childId, reasons[which % reasons.Length]);
            var read = at.AddSeconds(80);
            Add(account, read, AuditAction.ReadRecord, account.IpAddress, child: childId, recordType: "child", recordId: childId, basis: Decide(account, childId, read).Basis);
            return;
        }
    }

    /// <summary>The newly qualified social worker opens <see cref="UnusualReads"/> children's records
    /// outside their team within 25 minutes, each behind a broken glass with a vague reason.</summary>
    private void UnusualAccess(DemoAccount account, DateOnly day, List<DateOnly> days)
    {
        string[] reasons = ["checking", "admin", "file check", "checking address"];
        var own = TeamChildren(account, day).ToHashSet();
        var outside = OpenChildren(day).Where(c => !own.Contains(c) && c != restricted && IsAlive(c, day)).ToList();
        if (outside.Count < UnusualReads)
        {
            outside = [.. outside.Concat(children.Keys.Order().Where(c => !own.Contains(c) && c != restricted && IsAlive(c, day) && !outside.Contains(c)))];
        }

        var chosen = outside.OrderBy(_ => random.Next()).Take(UnusualReads).ToList();
        var start = DemoAccess.At(day, 12, 31);
        for (var i = 0; i < chosen.Count; i++)
        {
            var at = start.AddSeconds((i * 36) + random.Next(0, 6));
            Glass(account, at, chosen[i], reasons[random.Next(reasons.Length)]);

            // Recorded as opened behind the broken glass: the pattern the alert looks for.
            Add(account, at.AddSeconds(random.Next(8, 15)), AuditAction.ReadRecord, account.IpAddress,
                child: chosen[i], recordType: "child", recordId: chosen[i], basis: AccessBasis.BreakGlass);
        }

        // The data protection officer looks into it the next working day.
        var next = days.FirstOrDefault(d => d > day);
        if (next != default && chosen.Count > 0)
        {
            var dpo = Account(StaffRole.DataProtectionOfficer);
            var at = DemoAccess.At(next, 10, 2);
            Add(dpo, at.AddSeconds(-90), AuditAction.SignIn, dpo.IpAddress, detail: SignedIn);
            foreach (var child in chosen.Take(3))
            {
                at = at.AddSeconds(random.Next(40, 200));
                Add(dpo, at, AuditAction.ViewRecordAudit, dpo.IpAddress, child: child, recordType: "child", recordId: child,
                    detail: $"who has seen this record: following up an alert about {account.User.UserName}");
            }
        }
    }

    private void Glass(DemoAccount account, DateTime at, long childId, string reason)
    {
        brokenGlass.Add(new AccessGrant
        {
            UserId = account.User.Id,
            ChildId = childId,
            Kind = AccessGrantKind.BreakGlass,
            Reason = reason,
            GrantedAt = at,
            ExpiresAt = DateTime.SpecifyKind(at.Date.AddDays(1), DateTimeKind.Utc), // until midnight, as in the app
            GrantedBy = account.User.Id,
        });
        Add(account, at, AuditAction.BreakGlass, account.IpAddress, child: childId, recordType: "child", recordId: childId, basis: AccessBasis.BreakGlass, reason: reason);
    }

    /// <summary>A few sign-in attempts with user names that do not exist.</summary>
    private void FailedSignInsOfStrangers(List<DateOnly> days)
    {
        string[] names = ["admin", "j.smith", "demo.socialworker", "m.jones@northshire.gov.uk", "test", "k.ahmed"];
        for (var i = 0; i < names.Length && days.Count > 0; i++)
        {
            var day = days[random.Next(days.Count)];
            var at = DemoAccess.At(day, 8, 30).AddSeconds(random.Next(0, 9 * 3600));
            var ip = $"10.20.{random.Next(1, 60)}.{random.Next(10, 250)}";
            entries.Add(new AuditEntry
            {
                At = at,
                UserName = names[i],
                Action = AuditAction.SignInFailed,
                Succeeded = false,
                Detail = "wrong user name or password",
                IpAddress = ip,
            });
        }
    }

    /// <summary>A search by name as the app records it.</summary>
    private static string NameSearch(string name, int results) =>
        $"name=\"{name}\"; results={Math.Min(results, 50).ToString(CultureInfo.InvariantCulture)}";

    private void Add(
        DemoAccount account,
        DateTime at,
        AuditAction action,
        string ip,
        bool succeeded = true,
        long? child = null,
        string? recordType = null,
        long? recordId = null,
        AccessBasis? basis = null,
        string? reason = null,
        string? detail = null)
    {
        entries.Add(new AuditEntry
        {
            At = at,
            UserId = account.User.Id,
            UserName = account.User.UserName ?? "",
            Role = account.User.Role,
            Action = action,
            Succeeded = succeeded,
            ChildId = child,
            RecordType = recordType,
            RecordId = recordId,
            Basis = basis,
            Reason = reason,
            Detail = detail,
            IpAddress = ip,
        });
    }
}
