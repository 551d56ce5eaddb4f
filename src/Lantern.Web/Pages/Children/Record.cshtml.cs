using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children;

/// <summary>A child's record at a glance: identity, status, open episodes, worker, what is due and a
/// chronology; or, for someone with no relationship with the child, only that the child is known and
/// who to contact (<see cref="ChildAccessPolicy"/>). A restricted record is the same 404 as a child
/// that does not exist. Every look writes exactly one audit entry.</summary>
[RequirePermission(Permission.FindChildren)]
public sealed class RecordModel(LanternDbContext db, LanternDataOptions options, ChildAccessService access, AuditWriter audit) : PageModel
{
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

    public IReadOnlyList<ChronologyEntry> Chronology { get; private set; } = [];

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
        var child = await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (child is null)
        {
            return NotFound();
        }

        Child = child;
        var contacts = await Of(db.Contacts, id, cancellationToken);
        var referrals = await Of(db.Referrals, id, cancellationToken);
        var assessments = await Of(db.Assessments, id, cancellationToken);
        var strategy = await Of(db.StrategyDiscussions, id, cancellationToken);
        var section47s = await Of(db.Section47s, id, cancellationToken);
        var conferences = await Of(db.Conferences, id, cancellationToken);
        var plans = await Of(db.ProtectionPlans, id, cancellationToken);
        var coreGroups = await Of(db.CoreGroups, id, cancellationToken);
        var cinPlans = await Of(db.ChildInNeedPlans, id, cancellationToken);
        var cinReviews = await Of(db.ChildInNeedReviews, id, cancellationToken);
        var episodes = await Of(db.CareEpisodes, id, cancellationToken);
        var reviews = await Of(db.CareReviews, id, cancellationToken);
        var health = await Of(db.HealthChecks, id, cancellationToken);
        var visits = await Of(db.Visits, id, cancellationToken);
        var leavers = await Of(db.CareLeaverContacts, id, cancellationToken);
        var fostering = await Of(db.PrivateFostering, id, cancellationToken);
        var proceedings = await Of(db.CareProceedings, id, cancellationToken);
        var allocations = await Of(db.Allocations, id, cancellationToken);
        var allegations = await db.Allegations.AsNoTracking().Where(a => a.ChildId == id).ToListAsync(cancellationToken);

        var today = Today;
        Status = ChildStatus.Tags(today, episodes, plans, cinPlans, assessments, referrals);

        // Open episodes.
        var open = new List<SummaryListRow>();
        foreach (var r in referrals.Where(r => ChildStatus.IsOpen(r.ReferralDate, r.ClosureDate, today)))
        {
            open.Add(new SummaryListRow("Referral", $"Received {Display.Date(r.ReferralDate)} from {r.Source.Label()}"));
        }

        foreach (var p in plans.Where(p => ChildStatus.IsOpen(p.StartDate, p.EndDate, today)))
        {
            open.Add(new SummaryListRow("Child protection plan", $"Started {Display.Date(p.StartDate)}, category {p.LatestCategory.Label()}"));
        }

        foreach (var p in cinPlans.Where(p => ChildStatus.IsOpen(p.StartDate, p.EndDate, today)))
        {
            open.Add(new SummaryListRow("Child in need plan", $"Started {Display.Date(p.StartDate)}"));
        }

        foreach (var a in assessments.Where(a => ChildStatus.IsOpen(a.StartDate, a.AuthorisationDate, today)))
        {
            open.Add(new SummaryListRow("Assessment", $"Started {Display.Date(a.StartDate)}"));
        }

        foreach (var e in episodes.Where(e => ChildStatus.IsOpen(e.StartDate, e.EndDate, today)))
        {
            open.Add(new SummaryListRow("Care episode", $"Since {Display.Date(e.StartDate)}: {e.LegalStatus.Label()}; placement {e.Placement.Label()}"));
        }

        OpenEpisodes = open;

        // Allocated worker.
        var workerIds = allocations.Select(a => a.WorkerId).Distinct().ToList();
        var workers = await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var teamIds = workers.Values.Select(w => w.TeamId).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var current = allocations.Where(a => a.IsOpenOn(today)).OrderByDescending(a => a.StartDate).FirstOrDefault();
        if (current is not null && workers.TryGetValue(current.WorkerId, out var worker))
        {
            var team = teams.TryGetValue(worker.TeamId, out var t) ? t.Name : "No team";
            Worker = new SummaryListRow("Allocated worker", $"{worker.DisplayName}, {team}, since {Display.Date(current.StartDate)}");
        }
        else
        {
            var lastEnd = allocations.Where(a => a.EndDate is not null && a.EndDate <= today).Max(a => a.EndDate);
            Worker = new SummaryListRow("Allocated worker", lastEnd is { } end
                ? $"Not allocated for {Display.Duration(end, today)} (since {Display.Date(end)})"
                : "Not allocated");
        }

        // What is due, from the statutory clock.
        var authority = await db.Authorities.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var file = new ChildFile(child)
        {
            Contacts = contacts,
            Referrals = referrals,
            Assessments = assessments,
            StrategyDiscussions = strategy,
            Section47s = section47s,
            Conferences = conferences,
            ProtectionPlans = plans,
            CoreGroups = coreGroups,
            ChildInNeedPlans = cinPlans,
            ChildInNeedReviews = cinReviews,
            CareEpisodes = episodes,
            CareReviews = reviews,
            HealthChecks = health,
            Visits = visits,
            CareLeaverContacts = leavers,
            PrivateFostering = fostering,
            CareProceedings = proceedings,
            Allegations = allegations,
        };
        Due = [.. StatutoryClock.Evaluate(file, today, authority is null ? LocalStandards.Default : LocalStandards.From(authority)).OrderBy(i => i.DueOn)];

        // Chronology, newest first; nothing after today.
        var events = new List<ChronologyEntry>();
        void Add(DateOnly date, string title, string detail)
        {
            if (date <= today)
            {
                events.Add(new ChronologyEntry(date, title, detail));
            }
        }

        foreach (var c in contacts)
        {
            Add(c.ReceivedDate, "Contact received", $"From {c.Source.Label()}. Outcome: {Display.Words(c.Outcome).ToLowerInvariant()}");
        }

        foreach (var r in referrals)
        {
            Add(r.ReferralDate, "Referral", $"From {r.Source.Label()}{(r.PrimaryNeed is { } n ? $". Primary need: {n.Label()}" : null)}");
            if (r.ClosureDate is { } closed)
            {
                Add(closed, "Case closed", r.ClosureReason is { } reason ? reason.Label() : "Closure reason not recorded");
            }
        }

        foreach (var a in assessments)
        {
            Add(a.StartDate, "Assessment started", a.ChildSeen ? "Child seen" : "Child not seen");
            if (a.AuthorisationDate is { } done)
            {
                Add(done, "Assessment completed", $"Outcome: {Display.Words(a.Outcome).ToLowerInvariant()}");
            }
        }

        foreach (var s in strategy)
        {
            Add(s.Date, "Strategy discussion", s.Decision == StrategyDecision.Section47 ? "Section 47 enquiry to start" : "No section 47 enquiry");
        }

        foreach (var s in section47s)
        {
            Add(s.StartDate, "Section 47 enquiry started", "");
            if (s.EndDate is { } end)
            {
                Add(end, "Section 47 enquiry ended", $"Outcome: {Display.Words(s.Outcome).ToLowerInvariant()}");
            }
        }

        foreach (var c in conferences)
        {
            Add(c.Date, c.Type == ConferenceType.Initial ? "Initial child protection conference" : "Review child protection conference", $"Outcome: {Display.Words(c.Outcome).ToLowerInvariant()}");
        }

        foreach (var p in plans)
        {
            Add(p.StartDate, "Child protection plan started", $"Category: {p.InitialCategory.Label()}");
            if (p.EndDate is { } end)
            {
                Add(end, "Child protection plan ended", p.EndReason is { } reason ? Display.Words(reason) : "");
            }
        }

        foreach (var p in cinPlans)
        {
            Add(p.StartDate, "Child in need plan started", "");
            if (p.EndDate is { } end)
            {
                Add(end, "Child in need plan ended", "");
            }
        }

        foreach (var r in cinReviews)
        {
            Add(r.Date, "Child in need plan review", "");
        }

        foreach (var g in coreGroups)
        {
            Add(g.Date, "Core group meeting", "");
        }

        foreach (var e in episodes)
        {
            Add(e.StartDate, "Care episode started", $"{e.LegalStatus.Label()}; placement {e.Placement.Label()}");
            if (e.EndDate is { } end)
            {
                Add(end, "Care episode ended", e.ReasonEnded is { } reason ? reason.Label() : "");
            }
        }

        foreach (var r in reviews)
        {
            Add(r.Date, "Looked after review", r.Participation.Label());
        }

        foreach (var v in visits)
        {
            Add(v.Date, $"{Display.Words(v.Kind)} visit", v.ChildSeen ? (v.ChildSeenAlone ? "Child seen alone" : "Child seen, not alone") : "Child not seen");
        }

        foreach (var a in allocations)
        {
            var name = workers.TryGetValue(a.WorkerId, out var w) ? w.DisplayName : "a worker";
            Add(a.StartDate, "Allocated", $"Allocated to {name}");
        }

        Chronology = [.. events.OrderByDescending(e => e.Date).ThenBy(e => e.Title, StringComparer.Ordinal)];
        return Page();
    }

    private static async Task<List<T>> Of<T>(DbSet<T> set, long childId, CancellationToken cancellationToken)
        where T : ChildRecord =>
        await set.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.Id).ToListAsync(cancellationToken);

    public static Tag ClockTag(ClockStatus status) => status switch
    {
        ClockStatus.Overdue => new Tag("Overdue") { Colour = TagColour.Red },
        ClockStatus.DueToday => new Tag("Due today") { Colour = TagColour.Orange },
        ClockStatus.Upcoming => new Tag("Upcoming"),
        ClockStatus.CompletedOnTime => new Tag("Done on time") { Colour = TagColour.Green },
        ClockStatus.CompletedLate => new Tag("Done late") { Colour = TagColour.Yellow },
        _ => new Tag(status.ToString()),
    };
}

public sealed record ChronologyEntry(DateOnly Date, string Title, string Detail);
