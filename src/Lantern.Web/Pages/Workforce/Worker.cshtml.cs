using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Workforce;

/// <summary>One child held by the worker today.</summary>
public sealed record HeldChild(long ChildId, string Name, bool Restricted, DateOnly Since, CaseKind Kind);

/// <summary>One worker, for their managers: who they are (role, team, employment, FTE, registration,
/// newly qualified year, start and leaving dates), the children they hold today and their weighted
/// caseload, their personal supervision and the history of their absences; with the actions a
/// manager may take (record supervision, record that they are leaving). Only for someone who sees the
/// worker's work (their team and management line, their service, or a director); anyone else is told
/// there is no such page.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class WorkerModel(LanternDbContext db, LanternDataOptions options, WorkLists lists, ChildAccessService access, ChildRecordCache records, AuditWriter audit) : PageModel
{
    public DateOnly Today => options.Today;

    public Worker Worker { get; private set; } = null!;

    public string TeamName { get; private set; } = "";

    public string? ManagerName { get; private set; }

    public Caseload? Load { get; private set; }

    public IReadOnlyList<HeldChild> Children { get; private set; } = [];

    public IReadOnlyList<WorkerAbsence> Absences { get; private set; } = [];

    public IReadOnlyList<Supervision> Supervisions { get; private set; } = [];

    public PersonalSupervisionStatus? Supervision { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await lists.WorkerInScopeAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Worker, TeamName) = found;
        var directory = await access.DirectoryAsync(cancellationToken);
        ManagerName = directory.ManagerOf(id)?.Name;
        var today = Today;
        var standards = await WorkforceLists.StandardsAsync(db, cancellationToken);
        var held = await db.Allocations.AsNoTracking()
            .Where(a => a.WorkerId == id && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => new { a.ChildId, a.StartDate })
            .ToListAsync(cancellationToken);
        var files = await records.FilesAsync(db, held.Select(h => h.ChildId).Distinct().ToList(), cancellationToken);
        var living = held.Where(h => files.TryGetValue(h.ChildId, out var f) && (f.Child.DateOfDeath is null || f.Child.DateOfDeath > today)).ToList();
        Children =
        [
            .. living
                .GroupBy(h => h.ChildId)
                .Select(g => (File: files[g.Key], Since: g.Min(h => h.StartDate)))
                .Select(x => new HeldChild(x.File.Child.Id, x.File.Child.IsRestricted ? "Restricted record" : x.File.Child.DisplayName, x.File.Child.IsRestricted, x.Since, standards.Weights.KindOf(x.File, today)))
                .OrderBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.ChildId),
        ];
        if (Worker.HoldsCases)
        {
            Load = Caseload.Of(Worker, [.. living.Select(h => files[h.ChildId]).Distinct()], today, standards.Weights);
        }

        Absences = await db.WorkerAbsences.AsNoTracking().Where(a => a.WorkerId == id).OrderByDescending(a => a.StartDate).ToListAsync(cancellationToken);
        Supervisions = await db.Supervisions.AsNoTracking()
            .Where(s => s.WorkerId == id && s.Kind == SupervisionKind.Personal && s.Date <= today)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Take(12)
            .ToListAsync(cancellationToken);
        if (Worker.IsInPost(today))
        {
            Supervision = SupervisionCompliance.Personal(Worker, Supervisions, Absences, today, standards.Cadence);
        }

        await audit.WriteAsync(AuditAction.Search, true, detail: string.Create(CultureInfo.InvariantCulture, $"worker {id}: {Children.Count} children"), cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>Plain-English name of a worker's role.</summary>
    public static string RoleName(WorkerRole role) => role switch
    {
        WorkerRole.SocialWorker => "Social worker",
        WorkerRole.AdvancedPractitioner => "Advanced practitioner",
        WorkerRole.TeamManager => "Team manager",
        WorkerRole.ServiceManager => "Service manager",
        WorkerRole.HeadOfService => "Head of service",
        WorkerRole.Director => "Director",
        WorkerRole.IndependentReviewingOfficer => "Independent reviewing officer",
        WorkerRole.Lado => "Allegations officer (LADO)",
        WorkerRole.EarlyHelpPractitioner => "Early help practitioner",
        WorkerRole.PersonalAdviser => "Personal adviser",
        WorkerRole.BusinessSupport => "Business support",
        WorkerRole.PerformanceAnalyst => "Performance analyst",
        _ => "Other",
    };

    /// <summary>Plain-English name of a kind of case.</summary>
    public static string KindName(CaseKind kind) => kind switch
    {
        CaseKind.InProceedings => "In care proceedings",
        CaseKind.ChildProtection => "Child protection plan",
        CaseKind.LookedAfter => "Looked after",
        CaseKind.OpenAssessment => "Open assessment",
        CaseKind.ChildInNeed => "Child in need plan",
        CaseKind.CareLeaver => "Care leaver",
        _ => "Other open work",
    };
}
