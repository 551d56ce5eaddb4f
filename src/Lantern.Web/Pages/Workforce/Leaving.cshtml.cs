using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Access;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Pages.Children.Allocations;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Workforce;

/// <summary>One of the leaver's children on the leaving form.</summary>
public sealed record LeaverChild(long ChildId, string Name, bool Restricted, DateOnly AllocatedOn, FieldSpec Choice);

/// <summary>Record that a worker is leaving. Their children are never orphaned: each child allocated
/// to them is given a new worker or moved to the unallocated queue on the same form, and the leaving
/// is saved with every change, or nothing is saved. A child changes worker on the last day (today,
/// when the last day is still to come), with the SSDA903 reason "previous social worker left the
/// role". Only a manager who sees the worker's work may do this.</summary>
[RequirePermission(Permission.AllocateWork)]
public sealed class LeavingModel(LanternDbContext db, LanternDataOptions options, WorkLists lists, ChildAccessService access, AuditWriter audit) : PageModel
{
    /// <summary>The option that moves a child to the unallocated queue.</summary>
    public const string Queue = "queue";

    public static FieldSpec LastDayField => LastDay;

    internal static readonly FieldSpec LastDay = new("LeftDate", FieldKind.Date, "Last day in post", "the worker's last day")
    {
        Hint = "Children change worker on this day, or today if it is still to come. For example, 27 3 2026",
        AllowFuture = true,
    };

    public DateOnly Today => options.Today;

    public Worker Worker { get; private set; } = null!;

    public string TeamName { get; private set; } = "";

    public IReadOnlyList<LeaverChild> Children { get; private set; } = [];

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<FieldSpec> Fields => [LastDay, .. Children.Where(c => !c.Restricted).Select(c => c.Choice)];

    public ErrorSummary Errors => ErrorSummary.FromModelState(ModelState, Fields.ToDictionary(f => f.Name, f => f.FirstInputId));

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.WriteAsync(AuditAction.Search, true, detail: string.Create(CultureInfo.InvariantCulture, $"leaving form for worker {id}: {Children.Count} children"), cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var form = Request.Form.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(), StringComparer.Ordinal);
        form.Remove("__RequestVerificationToken");
        var reader = new FormReader(form, ModelState, Today, Values);
        var last = reader.Date(LastDay);
        var handover = last is { } l && l < Today ? l : Today;
        var allocations = await db.Allocations
            .Where(a => a.WorkerId == Worker.Id && a.StartDate <= Today && (a.EndDate == null || a.EndDate >= Today))
            .ToListAsync(cancellationToken);
        var ids = allocations.Select(a => a.ChildId).ToList();
        var histories = (await db.Allocations.AsNoTracking().Where(a => ids.Contains(a.ChildId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.ChildId);
        var chosenIds = new Dictionary<long, long>();
        var queued = new List<long>();
        foreach (var child in Children.Where(c => !c.Restricted))
        {
            var choice = reader.Option(child.Choice);
            if (choice == Queue)
            {
                queued.Add(child.ChildId);
            }
            else if (choice is not null && long.TryParse(choice, NumberStyles.None, CultureInfo.InvariantCulture, out var to))
            {
                chosenIds[child.ChildId] = to;
            }
        }

        var workers = await db.Workers.AsNoTracking().Where(w => chosenIds.Values.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        if (last is not null)
        {
            foreach (var (childId, to) in chosenIds)
            {
                var child = Children.First(c => c.ChildId == childId);
                var history = histories[childId].ToList();
                foreach (var problem in AllocationRules.CheckAllocate(workers.GetValueOrDefault(to), handover, SocialWorkerChangeReason.WorkerLeft, history, Today))
                {
                    reader.Error(child.Choice, $"{child.Name}: {problem.Message}");
                }
            }

            foreach (var childId in queued)
            {
                var child = Children.First(c => c.ChildId == childId);
                var current = allocations.First(a => a.ChildId == childId);
                foreach (var problem in AllocationRules.CheckUnallocate(current, handover, SocialWorkerChangeReason.WorkerLeft, Today))
                {
                    reader.Error(child.Choice, $"{child.Name}: {problem.Message}");
                }
            }

            // What would still be open after the changes: restricted children, and any allocated
            // since the form was opened, keep the worker from leaving.
            var handled = chosenIds.Keys.Concat(queued).ToHashSet();
            foreach (var problem in AllocationRules.CheckLeaving(Worker, last, [.. allocations.Where(a => !handled.Contains(a.ChildId))], Today))
            {
                if (problem.Field == "LeftDate")
                {
                    reader.Error(LastDay, problem.Message);
                }
                else if (reader.IsValid)
                {
                    ModelState.AddModelError(LastDay.Name, problem.Message);
                }
            }
        }

        if (!reader.IsValid)
        {
            return Page();
        }

        var decisions = await access.DecideAsync(User, [.. Children.Select(c => new KeyValuePair<long, bool>(c.ChildId, c.Restricted))], cancellationToken);
        var entries = new List<(long ChildId, AccessBasis Basis, string Detail)>();
        foreach (var allocation in allocations)
        {
            var basis = decisions.TryGetValue(allocation.ChildId, out var d) ? d.Basis : AccessBasis.None;
            allocation.EndDate = handover;
            if (chosenIds.TryGetValue(allocation.ChildId, out var to))
            {
                db.Allocations.Add(new Allocation { ChildId = allocation.ChildId, WorkerId = to, StartDate = handover, Reason = SocialWorkerChangeReason.WorkerLeft });
                entries.Add((allocation.ChildId, basis, $"reallocated from worker {Worker.Id} (leaving) to worker {to} from {Display.Iso(handover)} (LEFTRL)"));
            }
            else
            {
                db.SignificantEvents.Add(new SignificantEvent
                {
                    ChildId = allocation.ChildId,
                    Date = handover,
                    Title = "Moved to the unallocated queue",
                    Detail = $"Allocation ended: {SocialWorkerChangeReason.WorkerLeft.Label}",
                    RecordedByWorkerId = User.Worker(),
                    RecordedAt = DateTime.UtcNow,
                });
                entries.Add((allocation.ChildId, basis, $"allocation to worker {Worker.Id} (leaving) ended {Display.Iso(handover)} (LEFTRL): unallocated"));
            }
        }

        var leaver = await db.Workers.SingleAsync(w => w.Id == Worker.Id, cancellationToken);
        db.Entry(leaver).Property(w => w.Version).OriginalValue = Worker.Version;
        leaver.LeftDate = last!.Value;
        try
        {
            await audit.WriteWorkforceAsync(
                Worker.Id,
                string.Create(CultureInfo.InvariantCulture, $"worker {Worker.Id} leaving, last day {Display.Iso(last.Value)}: {chosenIds.Count} children reallocated, {queued.Count} moved to the unallocated queue"),
                entries,
                ct => db.SaveChangesAsync(ct),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(LastDay.Name, "Someone else changed this worker's record or children while you were filling in the form. Check the form again and save");
            await PrepareAsync(id, cancellationToken);
            return Page();
        }

        TempData["done"] = string.Create(CultureInfo.InvariantCulture, $"{Worker.DisplayName}'s leaving is recorded: {chosenIds.Count} {(chosenIds.Count == 1 ? "child" : "children")} reallocated, {queued.Count} moved to the unallocated queue");
        return Redirect($"/workforce/workers/{Worker.Id}");
    }

    /// <summary>Finds the worker (in the person's scope, else not found) and the children allocated
    /// to them today, each with a choice of new worker or the queue.</summary>
    private async Task<bool> PrepareAsync(long id, CancellationToken cancellationToken)
    {
        if (await lists.WorkerInScopeAsync(User, id, cancellationToken) is not { } found)
        {
            return false;
        }

        (Worker, TeamName) = found;
        var today = Today;
        var children = await db.Allocations.AsNoTracking()
            .Where(a => a.WorkerId == id && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Join(db.Children.AsNoTracking(), a => a.ChildId, c => c.Id, (a, c) => new { a.ChildId, a.StartDate, c.GivenName, c.FamilyName, c.IsRestricted })
            .ToListAsync(cancellationToken);
        var options = await AllocateModel.WorkerOptionsAsync(db, lists, User, today, id, cancellationToken);
        IReadOnlyList<FieldOption> choices = [new FieldOption(Queue, "Move to the unallocated queue"), .. options];
        Children =
        [
            .. children
                .OrderBy(c => c.IsRestricted).ThenBy(c => c.FamilyName, StringComparer.Ordinal).ThenBy(c => c.GivenName, StringComparer.Ordinal).ThenBy(c => c.ChildId)
                .Select(c =>
                {
                    var name = c.IsRestricted ? "Restricted record" : $"{c.GivenName} {c.FamilyName}";
                    var field = new FieldSpec(string.Create(CultureInfo.InvariantCulture, $"Child{c.ChildId}"), FieldKind.Select, name, $"a new worker for {name} or the unallocated queue")
                    {
                        Hint = $"Allocated since {Display.Date(c.StartDate)}",
                        RequiredMessage = $"Choose a new worker for {name} or move them to the unallocated queue",
                        Options = choices,
                    };
                    return new LeaverChild(c.ChildId, name, c.IsRestricted, c.StartDate, field);
                }),
        ];
        return true;
    }
}
