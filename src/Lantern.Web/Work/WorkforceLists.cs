using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Work;

/// <summary>One worker's personal supervision.</summary>
public sealed record PersonalSupervisionRow(long WorkerId, string Name, long TeamId, bool NewlyQualified, PersonalSupervisionStatus Status);

/// <summary>One allocated child's case supervision with their worker.</summary>
public sealed record CaseSupervisionRow(long ChildId, string ChildName, bool Restricted, long TeamId, CaseSupervisionStatus Status);

/// <summary>One open child without a management decision for longer than the council allows.</summary>
public sealed record OversightRow(long ChildId, string ChildName, bool Restricted, long WorkerId, long TeamId, OversightGap Gap);

/// <summary>One child's changes of worker in the last 12 months.</summary>
public sealed record WorkerChangeRow(long ChildId, string ChildName, bool Restricted, long WorkerId, long TeamId, WorkerChangeCount Count);

/// <summary>Supervision, oversight and changes of worker for the workers and children of one scope, as
/// at one day, under one set of standards.</summary>
/// <param name="OpenChildren">Children allocated in scope and open to social care (the denominator of
/// management oversight).</param>
/// <param name="AllocatedChildren">Children allocated in scope (the denominator of changes of worker).</param>
/// <param name="ChangeDistribution">Children with 0, 1, 2, 3, 4 and 5 or more changes of worker.</param>
public sealed record WorkforceSnapshot(
    IReadOnlyList<PersonalSupervisionRow> Personal,
    IReadOnlyList<CaseSupervisionRow> Cases,
    int OpenChildren,
    IReadOnlyList<OversightRow> Gaps,
    int AllocatedChildren,
    IReadOnlyList<WorkerChangeRow> Changes,
    IReadOnlyList<int> ChangeDistribution)
{
    /// <summary>The workers whose personal supervision is overdue, most overdue first.</summary>
    public IReadOnlyList<PersonalSupervisionRow> PersonalOverdue { get; } = [.. Personal.Where(p => p.Status.Overdue)];

    /// <summary>The allocated children whose case supervision is overdue, most overdue first.</summary>
    public IReadOnlyList<CaseSupervisionRow> CasesOverdue { get; } = [.. Cases.Where(c => c.Status.Overdue)];

    public decimal? PersonalInTime { get; } = SupervisionCompliance.CompliancePercent(Personal.Select(p => p.Status));

    public decimal? CasesInTime { get; } = SupervisionCompliance.CompliancePercent(Cases.Select(c => c.Status));

    /// <summary>Supervision in time per team (worked out once, with the snapshot).</summary>
    public IReadOnlyList<TeamSupervision> ByTeam { get; } =
    [
        .. Personal.Select(p => p.TeamId).Concat(Cases.Select(c => c.TeamId)).Distinct().Select(team =>
        {
            var personal = Personal.Where(p => p.TeamId == team).Select(p => p.Status).ToList();
            var cases = Cases.Where(c => c.TeamId == team).Select(c => c.Status).ToList();
            return new TeamSupervision(
                team,
                personal.Count,
                personal.Count(p => p.Overdue),
                SupervisionCompliance.CompliancePercent(personal),
                cases.Count,
                cases.Count(c => c.Overdue),
                SupervisionCompliance.CompliancePercent(cases));
        }),
    ];
}

/// <summary>One team's supervision in time.</summary>
public sealed record TeamSupervision(long TeamId, int Workers, int PersonalOverdue, decimal? PersonalInTime, int Children, int CasesOverdue, decimal? CasesInTime);

/// <summary>The council's workforce over time, for the dashboard.</summary>
/// <param name="Census">The census measures at each 30 September with a full year of data before it.</param>
/// <param name="Months">The last day of each of the last 12 months (the last is today).</param>
/// <param name="PersonalInTime">Personal supervision in time on each of those days (per cent).</param>
/// <param name="Unallocated">Children open to social care and not allocated on each of those days.</param>
/// <param name="Quarters">The last eight quarters (their first days), oldest first.</param>
/// <param name="PanelMedians">Per panel, the median working days from request to decision of the
/// requests made in each quarter and decided.</param>
public sealed record WorkforceHistory(
    IReadOnlyList<WorkforceCensus> Census,
    IReadOnlyList<DateOnly> Months,
    IReadOnlyList<decimal?> PersonalInTime,
    IReadOnlyList<int> Unallocated,
    IReadOnlyList<DateOnly> Quarters,
    IReadOnlyDictionary<PanelType, IReadOnlyList<decimal?>> PanelMedians);

/// <summary>
/// Supervision, management oversight and changes of worker for a manager's scope (their team and the
/// people they manage, their service, or every team), worked out from the record by the domain's
/// rules (<see cref="SupervisionCompliance"/>, <see cref="ManagementOversight"/>,
/// <see cref="WorkerChanges"/>) and kept like the team lists (<see cref="WorkLists.KeptAsync"/>):
/// rebuilt in the background about a minute after the record or the workforce changes.
/// <list type="bullet">
/// <item>Personal supervision: every worker in post in scope whose role is supervised (all but
/// directors, heads of service, business support and analysts).</item>
/// <item>Case supervision: each child allocated today to a case-holding worker in scope, with that
/// worker (the handover day belongs to the new worker).</item>
/// <item>Oversight: those children who are open to social care (a referral, plan or care episode
/// open today); the clock runs from the later of the child's last management decision and the day
/// their current involvement began.</item>
/// <item>Changes of worker: those children's allocations over the 12 months to today.</item>
/// </list>
/// </summary>
public sealed class WorkforceLists(WorkLists lists, ChildRecordCache records, ChildAccessService access, LanternDataOptions options)
{
    public DateOnly Today => options.Today;

    /// <summary>The council's standards (the defaults when none are set).</summary>
    public static async Task<WorkforceStandards> StandardsAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (_, authority) = await ChildFiles.AuthorityAsync(db, cancellationToken);
        return WorkforceStandards.FromJson(authority.WorkforceStandards, out _);
    }

    /// <summary>The snapshot for <paramref name="scope"/> under <paramref name="standards"/>.</summary>
    public async Task<WorkforceSnapshot> ForAsync(WorkScope scope, WorkforceStandards standards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(standards);
        var directory = await access.DirectoryAsync(cancellationToken);
        var today = Today;
        var key = string.Create(CultureInfo.InvariantCulture, $"Workforce.{scope.Key}.{standards.ToJson().GetHashCode(StringComparison.Ordinal)}");
        return await lists.KeptAsync(key, (db, ct) => ComputeAsync(db, records, scope, directory, today, standards, ct), cancellationToken);
    }

    /// <summary>The council's workforce over time (kept, rebuilt in the background like the lists).</summary>
    public async Task<WorkforceHistory> HistoryAsync(WorkforceStandards standards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standards);
        var today = Today;
        var key = string.Create(CultureInfo.InvariantCulture, $"WorkforceHistory.{standards.ToJson().GetHashCode(StringComparison.Ordinal)}");
        return await lists.KeptAsync(key, (db, ct) => ComputeHistoryAsync(db, today, standards, ct), cancellationToken);
    }

    private static async Task<WorkforceHistory> ComputeHistoryAsync(LanternDbContext db, DateOnly today, WorkforceStandards standards, CancellationToken cancellationToken)
    {
        var (_, authority) = await ChildFiles.AuthorityAsync(db, cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToListAsync(cancellationToken);
        var workers = await db.Workers.AsNoTracking().ToListAsync(cancellationToken);

        // Census dates: each 30 September with a year of data before it.
        var censusDates = new List<DateOnly>();
        for (var year = authority.DataFrom.Year; year <= today.Year; year++)
        {
            var date = new DateOnly(year, 9, 30);
            if (date.AddYears(-1) >= authority.DataFrom.AddDays(-1) && date <= today)
            {
                censusDates.Add(date);
            }
        }

        var allocations = new List<Allocation>();
        foreach (var d in censusDates)
        {
            allocations.AddRange(await db.Allocations.AsNoTracking().Where(a => a.StartDate <= d && (a.EndDate == null || a.EndDate > d)).ToListAsync(cancellationToken));
        }

        var sickness = await db.WorkerAbsences.AsNoTracking().Where(a => a.Kind == AbsenceKind.Sickness).ToListAsync(cancellationToken);
        var census = censusDates
            .Select(d => WorkforceCensus.On(d, teams, workers, allocations.Where(a => a.StartDate <= d && (a.EndDate is null || a.EndDate > d)).DistinctBy(a => a.Id), sickness))
            .ToList();

        // Month ends: the last day of each of the 11 months before this one, and today.
        var months = Enumerable.Range(1, 11).Reverse()
            .Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(-back + 1).AddDays(-1))
            .Append(today)
            .ToList();
        var first = months[0].AddYears(-1);
        var absences = (await db.WorkerAbsences.AsNoTracking().Where(a => a.EndDate >= first).ToListAsync(cancellationToken)).ToLookup(a => a.WorkerId);
        var personal = (await db.Supervisions.AsNoTracking()
            .Where(s => s.Kind == SupervisionKind.Personal && s.Date >= first && s.Date <= today)
            .Select(s => new { s.WorkerId, s.Date })
            .ToListAsync(cancellationToken)).ToLookup(s => s.WorkerId, s => s.Date);
        var inTime = new List<decimal?>();
        var unallocated = new List<int>();
        foreach (var d in months)
        {
            var statuses = workers.Where(w => w.IsInPost(d) && Supervised(w.Role)).Select(w =>
            {
                var last = personal[w.Id].Where(x => x <= d).DefaultIfEmpty().Max();
                IEnumerable<Supervision> seen = last == default ? [] : [new Supervision { Kind = SupervisionKind.Personal, WorkerId = w.Id, Date = last }];
                return SupervisionCompliance.Personal(w, seen, absences[w.Id], d, standards.Cadence);
            });
            inTime.Add(SupervisionCompliance.CompliancePercent(statuses));
            unallocated.Add(await UnallocatedOnAsync(db, d, cancellationToken));
        }

        // Quarters: the last eight, oldest first.
        var thisQuarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var quarters = Enumerable.Range(0, 8).Reverse().Select(back => thisQuarter.AddMonths(-3 * back)).ToList();
        var requests = await db.PanelDecisions.AsNoTracking().Where(p => p.RequestDate >= quarters[0]).ToListAsync(cancellationToken);
        var medians = Enum.GetValues<PanelType>().ToDictionary(
            panel => panel,
            panel => (IReadOnlyList<decimal?>)[.. quarters.Select(q => PanelWaits.Summarise(requests, q, q.AddMonths(3).AddDays(-1) < today ? q.AddMonths(3).AddDays(-1) : today, today).Single(s => s.Panel == panel).MedianWorkingDays)]);
        return new WorkforceHistory(census, months, inTime, unallocated, quarters, medians);
    }

    /// <summary>Children open to social care on <paramref name="day"/> (a referral, a plan or a care
    /// episode open that day), alive, with no allocation open that day: as the unallocated list counts
    /// today, for any day, by the database.</summary>
    public static Task<int> UnallocatedOnAsync(LanternDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var allocated = db.Allocations.Where(a => a.StartDate <= day && (a.EndDate == null || a.EndDate >= day)).Select(a => a.ChildId);
        var open = db.Referrals.Where(r => r.ReferralDate <= day && (r.ClosureDate == null || r.ClosureDate > day)).Select(r => r.ChildId)
            .Union(db.ProtectionPlans.Where(p => p.StartDate <= day && (p.EndDate == null || p.EndDate > day)).Select(p => p.ChildId))
            .Union(db.ChildInNeedPlans.Where(p => p.StartDate <= day && (p.EndDate == null || p.EndDate > day)).Select(p => p.ChildId))
            .Union(db.CareEpisodes.Where(e => e.StartDate <= day && (e.EndDate == null || e.EndDate > day)).Select(e => e.ChildId));
        return db.Children.AsNoTracking()
            .Where(c => open.Contains(c.Id) && !allocated.Contains(c.Id) && (c.DateOfDeath == null || c.DateOfDeath > day))
            .CountAsync(cancellationToken);
    }

    private static bool Supervised(WorkerRole role) =>
        role is not (WorkerRole.Director or WorkerRole.HeadOfService or WorkerRole.BusinessSupport or WorkerRole.PerformanceAnalyst);

    private static async Task<WorkforceSnapshot> ComputeAsync(LanternDbContext db, ChildRecordCache records, WorkScope scope, WorkerDirectory directory, DateOnly today, WorkforceStandards standards, CancellationToken cancellationToken)
    {
        var teamIds = scope.Teams.Select(t => t.Id).ToList();
        var scopeWorkers = scope.Workers.ToList();
        var candidates = scope.Everyone
            ? await db.Workers.AsNoTracking().Where(w => teamIds.Contains(w.TeamId)).ToListAsync(cancellationToken)
            : await db.Workers.AsNoTracking().Where(w => scopeWorkers.Contains(w.Id)).ToListAsync(cancellationToken);
        var workers = candidates.Where(w => w.IsInPost(today)).ToDictionary(w => w.Id);
        var ids = workers.Keys.ToList();
        long TeamOf(long workerId) => directory.Worker(workerId)?.TeamId ?? 0;

        // Absences that can still move a due date: those ending within the last year.
        var since = today.AddYears(-1);
        var absences = (await db.WorkerAbsences.AsNoTracking()
            .Where(a => ids.Contains(a.WorkerId) && a.EndDate >= since)
            .ToListAsync(cancellationToken)).ToLookup(a => a.WorkerId);

        // Personal supervision: only the latest of each worker matters.
        var lastPersonal = await db.Supervisions.AsNoTracking()
            .Where(s => ids.Contains(s.WorkerId) && s.Kind == SupervisionKind.Personal && s.Date <= today)
            .GroupBy(s => s.WorkerId)
            .Select(g => new { WorkerId = g.Key, Date = g.Max(s => s.Date) })
            .ToDictionaryAsync(g => g.WorkerId, g => g.Date, cancellationToken);
        var personal = workers.Values
            .Where(w => Supervised(w.Role))
            .Select(w =>
            {
                IEnumerable<Supervision> last = lastPersonal.TryGetValue(w.Id, out var date)
                    ? [new Supervision { Kind = SupervisionKind.Personal, WorkerId = w.Id, Date = date }]
                    : [];
                return new PersonalSupervisionRow(w.Id, w.DisplayName, TeamOf(w.Id), w.IsAsyeOn(today), SupervisionCompliance.Personal(w, last, absences[w.Id], today, standards.Cadence));
            })
            .OrderByDescending(r => r.Status.WorkingDaysOverdue).ThenBy(r => r.Status.Due).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.WorkerId)
            .ToList();

        // Children allocated today to case-holding workers in scope.
        var holders = workers.Values.Where(w => w.HoldsCases).Select(w => w.Id).ToList();
        var allocated = await db.Allocations.AsNoTracking()
            .Where(a => holders.Contains(a.WorkerId) && a.StartDate <= today && (a.EndDate == null || a.EndDate > today))
            .ToListAsync(cancellationToken);
        var files = await records.FilesAsync(db, allocated.Select(a => a.ChildId).Distinct().ToList(), cancellationToken);
        allocated = [.. allocated.Where(a => files.TryGetValue(a.ChildId, out var f) && (f.Child.DateOfDeath is null || f.Child.DateOfDeath > today))];
        var childIds = allocated.Select(a => a.ChildId).Distinct().ToList();
        var workerOfChild = allocated.GroupBy(a => a.ChildId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id).First().WorkerId);
        string NameOf(long childId) => files[childId].Child.IsRestricted ? "Restricted record" : files[childId].Child.DisplayName;
        bool Restricted(long childId) => files[childId].Child.IsRestricted;

        // Case supervision: the latest about each child with each worker.
        var caseRows = new List<(long ChildId, long WorkerId, DateOnly Date)>();
        var decisions = new List<(long ChildId, DateOnly Date)>();
        var history = new List<Allocation>();
        foreach (var chunk in childIds.Chunk(ChildFiles.ChunkSize))
        {
            var part = chunk.ToList();
            caseRows.AddRange((await db.Supervisions.AsNoTracking()
                .Where(s => s.ChildId != null && part.Contains(s.ChildId.Value) && s.Kind == SupervisionKind.Case && s.Date <= today)
                .GroupBy(s => new { ChildId = s.ChildId!.Value, s.WorkerId })
                .Select(g => new { g.Key.ChildId, g.Key.WorkerId, Date = g.Max(s => s.Date) })
                .ToListAsync(cancellationToken)).Select(r => (r.ChildId, r.WorkerId, r.Date)));
            decisions.AddRange((await db.ManagementDecisions.AsNoTracking()
                .Where(d => part.Contains(d.ChildId) && d.Date <= today)
                .GroupBy(d => d.ChildId)
                .Select(g => new { ChildId = g.Key, Date = g.Max(d => d.Date) })
                .ToListAsync(cancellationToken)).Select(r => (r.ChildId, r.Date)));
            history.AddRange(await db.Allocations.AsNoTracking()
                .Where(a => part.Contains(a.ChildId) && a.StartDate <= today)
                .ToListAsync(cancellationToken));
        }

        var caseSupervisions = caseRows
            .Select(r => new Supervision { Kind = SupervisionKind.Case, ChildId = r.ChildId, WorkerId = r.WorkerId, Date = r.Date })
            .ToLookup(s => s.WorkerId);
        var cases = allocated
            .GroupBy(a => a.WorkerId)
            .SelectMany(g => SupervisionCompliance.Cases(workers[g.Key], g, caseSupervisions[g.Key], absences[g.Key], today, standards.Cadence))
            .Select(s => new CaseSupervisionRow(s.ChildId, NameOf(s.ChildId), Restricted(s.ChildId), TeamOf(s.WorkerId), s))
            .OrderByDescending(r => r.Status.WorkingDaysOverdue).ThenBy(r => r.Status.Due).ThenBy(r => r.ChildName, StringComparer.Ordinal).ThenBy(r => r.ChildId)
            .ToList();

        // Oversight: the allocated children who are open, from when their involvement began.
        var open = new List<(long ChildId, DateOnly OpenSince)>();
        foreach (var childId in childIds)
        {
            if (OpenSince(files[childId], today) is { } openSince)
            {
                open.Add((childId, openSince));
            }
        }

        var lastDecisions = decisions.Select(d => new ManagementDecision { ChildId = d.ChildId, Date = d.Date });
        var gaps = ManagementOversight.Gaps(open, lastDecisions, today, standards.Oversight)
            .Select(g => new OversightRow(g.ChildId, NameOf(g.ChildId), Restricted(g.ChildId), workerOfChild[g.ChildId], TeamOf(workerOfChild[g.ChildId]), g))
            .ToList();

        // Changes of worker over the 12 months to today.
        var counts = WorkerChanges.Count(history, today).Where(c => workerOfChild.ContainsKey(c.ChildId)).ToList();
        var distribution = new int[6];
        var changesOf = counts.ToDictionary(c => c.ChildId, c => c.Changes);
        foreach (var childId in childIds)
        {
            var changes = changesOf.GetValueOrDefault(childId);
            distribution[Math.Min(changes, 5)]++;
        }

        var changesRows = counts
            .Where(c => c.Changes >= 3)
            .Select(c => new WorkerChangeRow(c.ChildId, NameOf(c.ChildId), Restricted(c.ChildId), workerOfChild[c.ChildId], TeamOf(workerOfChild[c.ChildId]), c))
            .OrderByDescending(r => r.Count.Changes).ThenBy(r => r.ChildName, StringComparer.Ordinal).ThenBy(r => r.ChildId)
            .ToList();

        return new WorkforceSnapshot(personal, cases, open.Count, gaps, childIds.Count, changesRows, distribution);
    }

    /// <summary>When the child's current involvement with social care began: the earliest start of
    /// what is open today (a referral, a protection or child in need plan, a care episode); null when
    /// nothing is open.</summary>
    public static DateOnly? OpenSince(Lantern.Domain.Clock.ChildFile file, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(file);
        static bool Open(DateOnly start, DateOnly? end, DateOnly day) => start <= day && (end is null || end > day);
        IEnumerable<DateOnly> starts =
        [
            .. file.Referrals.Where(r => Open(r.ReferralDate, r.ClosureDate, today)).Select(r => r.ReferralDate),
            .. file.ProtectionPlans.Where(p => Open(p.StartDate, p.EndDate, today)).Select(p => p.StartDate),
            .. file.ChildInNeedPlans.Where(p => Open(p.StartDate, p.EndDate, today)).Select(p => p.StartDate),
            .. file.CareEpisodes.Where(e => Open(e.StartDate, e.EndDate, today)).Select(e => e.StartDate),
        ];
        return starts.Any() ? starts.Min() : null;
    }
}
