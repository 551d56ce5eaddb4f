using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Access;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Children;

/// <summary>A child's record at a glance: identity, status, open episodes, worker, what is due, the
/// most recent events (the chronology page has them all) and what the person can record now; or,
/// for someone with no relationship with the child, only that the child is known and who to contact (<see cref="ChildAccessPolicy"/>). A restricted record is the same 404 as a child
/// that does not exist. Every look writes exactly one audit entry.</summary>
[RequirePermission(Permission.FindChildren)]
public sealed class RecordModel(LanternDbContext db, LanternDataOptions options, ChildAccessService access, ChildRecordCache records, AuditWriter audit) : PageModel
{
    /// <summary>How many of the newest events the record page shows.</summary>
    public const int RecentEvents = 10;

    public Child Child { get; private set; } = null!;

    /// <summary>Set instead of the record when the person may only see that the child is known.</summary>
    public KnownOnlyView? KnownOnly { get; private set; }

    /// <summary>Why the person may see the record.</summary>
    public AccessBasis Basis { get; private set; }

    public DateOnly Today => options.Today;

    public IReadOnlyList<Tag> Status { get; private set; } = [];

    public IReadOnlyList<SummaryListRow> OpenEpisodes { get; private set; } = [];

    public SummaryListRow Worker { get; private set; } = null!;

    public IReadOnlyList<ClockItem> Due { get; private set; } = [];

    /// <summary>The newest <see cref="RecentEvents"/> events of the chronology.</summary>
    public IReadOnlyList<ChronologyEntry> Chronology { get; private set; } = [];

    /// <summary>How many events the whole chronology has.</summary>
    public int ChronologyTotal { get; private set; }

    /// <summary>What the person can record now, by group (empty for someone who does not record casework).</summary>
    public IReadOnlyList<IGrouping<string, CaseworkAction>> Actions { get; private set; } = [];

    // The id comes from the route only: form and query values cannot stand in for it.
    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        var decision = await access.DecideAsync(id, cancellationToken);
        if (decision is not { } d || d.Level == ChildAccessLevel.Hidden)
        {
            await audit.WriteAsync(AuditAction.AccessDenied, false, id, detail: decision is null ? "no such child" : "restricted record", cancellationToken: cancellationToken);
            return NotFound();
        }

        if (d.Level == ChildAccessLevel.KnownOnly)
        {
            KnownOnly = await KnownOnlyView.LoadAsync(db, access, id, User.Has(Permission.BreakGlass), User.StaffRole() == StaffRole.DataProtectionOfficer, cancellationToken);
            await audit.WriteAsync(AuditAction.KnownOnlyView, true, id, d.Basis, cancellationToken: cancellationToken);
            return KnownOnly is null ? NotFound() : Page();
        }

        Basis = d.Basis;
        await audit.WriteAsync(AuditAction.ReadRecord, true, id, d.Basis, cancellationToken: cancellationToken);
        var file = await records.FileAsync(db, id, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Child = file.Child;
        var today = Today;
        var sources = await records.ChronologyAsync(db, file, cancellationToken);
        var allocations = sources.Allocations;
        Status = ChildStatus.Tags(today, file.CareEpisodes, file.ProtectionPlans, file.ChildInNeedPlans, file.Assessments, file.Referrals);

        // Open episodes.
        var open = new List<SummaryListRow>();
        foreach (var r in file.Referrals.Where(r => ChildStatus.IsOpen(r.ReferralDate, r.ClosureDate, today)))
        {
            open.Add(new SummaryListRow("Referral", $"Received {Display.Date(r.ReferralDate)} from {r.Source.Label()}"));
        }

        if (open.Count == 0 && file.Referrals.Where(r => r.ReferralDate <= today).OrderByDescending(r => r.ReferralDate).FirstOrDefault() is { } last)
        {
            open.Add(new SummaryListRow("Referral", $"None open. Last received {Display.Date(last.ReferralDate)} from {last.Source.Label()}{(last.ClosureDate is { } closed ? $", closed {Display.Date(closed)}" : "")}"));
        }

        foreach (var p in file.ProtectionPlans.Where(p => ChildStatus.IsOpen(p.StartDate, p.EndDate, today)))
        {
            open.Add(new SummaryListRow("Child protection plan", $"Started {Display.Date(p.StartDate)}, category {p.LatestCategory.Label()}"));
        }

        foreach (var p in file.ChildInNeedPlans.Where(p => ChildStatus.IsOpen(p.StartDate, p.EndDate, today)))
        {
            open.Add(new SummaryListRow("Child in need plan", $"Started {Display.Date(p.StartDate)}"));
        }

        foreach (var a in file.Assessments.Where(a => ChildStatus.IsOpen(a.StartDate, a.AuthorisationDate, today)))
        {
            open.Add(new SummaryListRow("Assessment", $"Started {Display.Date(a.StartDate)}"));
        }

        foreach (var e in file.CareEpisodes.Where(e => ChildStatus.IsOpen(e.StartDate, e.EndDate, today)))
        {
            open.Add(new SummaryListRow("Care episode", $"Since {Display.Date(e.StartDate)}: {e.LegalStatus.Label()}; placement {e.Placement.Label()}"));
        }

        foreach (var e in sources.EarlyHelp.Where(e => ChildStatus.IsOpen(e.StartDate, e.EndDate, today)))
        {
            open.Add(new SummaryListRow("Early help", $"{e.Organisation}, since {Display.Date(e.StartDate)}"));
        }

        OpenEpisodes = open;

        // Allocated worker.
        var directory = await access.DirectoryAsync(cancellationToken);
        var current = allocations.Where(a => a.IsOpenOn(today)).OrderByDescending(a => a.StartDate).FirstOrDefault();
        if (current is not null && directory.Worker(current.WorkerId) is { } worker)
        {
            var team = directory.Teams.TryGetValue(worker.TeamId, out var t) ? t.Name : "No team";
            Worker = new SummaryListRow("Allocated worker", $"{worker.Name}, {team}, since {Display.Date(current.StartDate)}");
        }
        else
        {
            var lastEnd = allocations.Where(a => a.EndDate is not null && a.EndDate <= today).Max(a => a.EndDate);
            Worker = new SummaryListRow("Allocated worker", lastEnd is { } end
                ? $"Not allocated for {Display.Duration(end, today)} (since {Display.Date(end)})"
                : "Not allocated");
        }

        // What is due, from the statutory clock.
        var standards = await ChildFileLoader.StandardsAsync(db, cancellationToken);
        Due = [.. StatutoryClock.Evaluate(file, today, standards).OrderBy(i => i.DueOn)];

        // The most recent events; the chronology page has them all.
        var chronology = ChronologyBuilder.Build(sources, today);
        ChronologyTotal = chronology.Count;
        Chronology = [.. chronology.Take(RecentEvents)];

        // What the person can record now (only someone who records casework).
        if (User.Has(Permission.RecordCasework))
        {
            var actions = CaseworkActions.For(file, today, User).ToList();
            if (User.Has(Permission.AllocateWork))
            {
                // Allocation is the manager's: a child open to social care, or with a worker still allocated.
                var allocated = allocations.Any(a => a.EndDate is null && a.StartDate <= today);
                if (allocated)
                {
                    actions.Add(new CaseworkAction("Allocation and oversight", "Change the child's worker", $"/children/{file.Child.Id}/allocation"));
                    actions.Add(new CaseworkAction("Allocation and oversight", "Move the child to the unallocated queue", $"/children/{file.Child.Id}/allocation/end"));
                }
                else if (Status.Any(t => t.Text != "Closed"))
                {
                    actions.Add(new CaseworkAction("Allocation and oversight", "Allocate a worker", $"/children/{file.Child.Id}/allocation"));
                }
            }

            if (User.Has(Permission.RecordSupervision) && allocations.Any(a => a.StartDate <= today && (a.EndDate is null || a.EndDate > today)))
            {
                actions.Add(new CaseworkAction("Allocation and oversight", "Record case supervision", $"/children/{file.Child.Id}/supervision/new"));
            }

            if (User.Has(Permission.AuthoriseCasework) && Status.Any(t => t.Text != "Closed"))
            {
                actions.Add(new CaseworkAction("Allocation and oversight", "Record a management decision", $"/children/{file.Child.Id}/decisions/new"));
            }

            Actions = [.. actions.GroupBy(a => a.Group, StringComparer.Ordinal)];
        }

        return Page();
    }
}
