using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Allocations;

/// <summary>Allocate a child to a worker, or reallocate them: the worker (a case-holding worker in
/// post, the manager's own teams first, each with the children they hold today), the date and, for a
/// change of worker, the SSDA903 reason. The current allocation ends on the day the new one starts
/// (the handover day), so the history has no gap and no overlap. A manager may open this page for a
/// child waiting in their unallocated queue even though the record itself is not theirs to open
/// (audited as access from the unallocated queue).</summary>
[RequirePermission(Permission.AllocateWork)]
public sealed class AllocateModel(CaseworkServices services, WorkLists lists) : CaseworkPageModel(services)
{
    internal static readonly FieldSpec Start = new("StartDate", FieldKind.Date, "Date the allocation starts", "the date the allocation starts")
    {
        Hint = "The new worker holds the child from this day. For example, 27 3 2026",
    };

    internal static readonly FieldSpec Reason = new("Reason", FieldKind.Select, "Why the child's worker is changing", "why the child's worker is changing")
    {
        Hint = "The child has had a worker before (SSDA903 reason for a change of social worker)",
        Required = false,
        Options = FieldSpec.OptionsOf(SocialWorkerChangeReason.Set),
    };

    private FieldSpec worker = WorkerField([]);

    public override string Heading => Current is null ? "Allocate a worker" : "Change the child's worker";

    public override IReadOnlyList<FieldSpec> Fields => Changing ? [worker, Start, Reason] : [worker, Start];

    /// <summary>Whether the child has had a worker before: a new one is then a change of worker, and
    /// SSDA903 needs its reason (the first allocation has none).</summary>
    public bool Changing { get; private set; }

    public override string SaveText => Current is null ? "Allocate" : "Change worker";

    public override string RecordUrl => Basis == AccessBasis.UnallocatedQueue ? "/team-work#unallocated" : $"/children/{Child.Id}";

    /// <summary>The open allocation this one would replace, if any.</summary>
    public Allocation? Current { get; private set; }

    internal static FieldSpec WorkerField(IReadOnlyList<FieldOption> options) => new("WorkerId", FieldKind.Select, "Worker", "the worker to allocate the child to")
    {
        Hint = "Social workers, advanced practitioners and personal advisers in post, with the number of children each holds today",
        RequiredMessage = "Choose the worker to allocate the child to",
        Options = options,
    };

    protected override async Task<AccessBasis?> OtherAccessAsync(long childId, CancellationToken cancellationToken) =>
        await lists.WaitsInQueueOfAsync(User, childId, cancellationToken) ? AccessBasis.UnallocatedQueue : null;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var history = await PrepareAsync(cancellationToken);
        Values[Start.Name + "-day"] = Today.Day.ToString(CultureInfo.InvariantCulture);
        Values[Start.Name + "-month"] = Today.Month.ToString(CultureInfo.InvariantCulture);
        Values[Start.Name + "-year"] = Today.Year.ToString(CultureInfo.InvariantCulture);
        Carry(history);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var history = await PrepareAsync(cancellationToken);
        var form = Reader();
        var chosen = form.Option(worker);
        var start = form.Date(Start);
        var reason = Changing ? form.Code<SocialWorkerChangeReason>(Reason) : null;
        if (Changing && Current is null && reason is null && !form.HasError(Reason))
        {
            form.Error(Reason, "Choose why the child's worker is changing");
        }
        Lantern.Domain.Model.Worker? to = null;
        if (chosen is not null && long.TryParse(chosen, NumberStyles.None, CultureInfo.InvariantCulture, out var workerId))
        {
            to = await Db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workerId, cancellationToken);
        }

        if (form.IsValid || to is not null || start is not null)
        {
            foreach (var problem in AllocationRules.CheckAllocate(to, start, reason, history, Today))
            {
                form.Error(FieldOf(problem.Field), problem.Message);
            }
        }

        if (start is { } s && Child.DateOfBirth is { } born && s < born)
        {
            form.Error(Start, "The date the allocation starts must be on or after the child's date of birth");
        }

        // Someone else allocated or reallocated the child since the form was opened.
        var version = form.Integer(VersionName);
        if (form.IsValid && version != Stamp(history))
        {
            ModelState.AddModelError(worker.Name, "Someone else changed this child's allocation while you were choosing. Check the history below and choose again");
        }

        if (!form.IsValid)
        {
            Carry(history);
            return Page();
        }

        var begin = start!.Value;
        string detail;
        if (Current is not null)
        {
            var ending = await Db.Allocations.SingleAsync(a => a.Id == Current.Id, cancellationToken);
            Db.Entry(ending).Property(a => a.Version).OriginalValue = Current.Version;
            ending.EndDate = begin;
            detail = $"reallocated from worker {Current.WorkerId} to worker {to!.Id} from {Display.Iso(begin)} ({reason})";
        }
        else
        {
            detail = $"allocated to worker {to!.Id} from {Display.Iso(begin)}";
        }

        Db.Allocations.Add(new Allocation { ChildId = Child.Id, WorkerId = to.Id, StartDate = begin, Reason = reason });
        var next = Basis == AccessBasis.UnallocatedQueue ? "/team-work#unallocated" : null;
        return await SaveAsync(detail, cancellationToken, done: $"{Child.DisplayName} allocated to {to.DisplayName}", next: next);
    }

    /// <summary>Reads the child's allocations and the workers to choose from; shows the history.</summary>
    private async Task<IReadOnlyList<Allocation>> PrepareAsync(CancellationToken cancellationToken)
    {
        var history = await Db.Allocations.AsNoTracking().Where(a => a.ChildId == Child.Id).OrderBy(a => a.StartDate).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        Current = AllocationRules.Current(history);
        Changing = history.Count > 0;
        worker = WorkerField(await WorkerOptionsAsync(Db, lists, User, Today, Current?.WorkerId, cancellationToken));

        var names = await Db.Workers.AsNoTracking()
            .Where(w => history.Select(a => a.WorkerId).Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.DisplayName, cancellationToken);
        if (Current is null)
        {
            var last = history.Where(a => a.EndDate is not null).MaxBy(a => a.EndDate);
            Facts.Add(new SummaryListRow("Allocated to", last is null ? "Never allocated" : $"Nobody since {Display.Date(last.EndDate!.Value)}"));
        }
        else
        {
            Facts.Add(new SummaryListRow("Allocated to", $"{names.GetValueOrDefault(Current.WorkerId, "Unknown worker")} since {Display.Date(Current.StartDate)}"));
        }

        foreach (var a in history.AsEnumerable().Reverse().Take(12))
        {
            var period = a.EndDate is { } end ? $"{Display.Date(a.StartDate)} to {Display.Date(end)}" : $"From {Display.Date(a.StartDate)}";
            Facts.Add(new SummaryListRow(period, names.GetValueOrDefault(a.WorkerId, "Unknown worker") + (a.Reason is { } r ? $" ({r.Label})" : "")));
        }

        return history;
    }

    /// <summary>Case-holding workers in post today: the person's own teams first, each labelled with
    /// their team and the children they hold today; the child's current worker is left out.</summary>
    internal static async Task<IReadOnlyList<FieldOption>> WorkerOptionsAsync(Lantern.Data.LanternDbContext db, WorkLists lists, System.Security.Claims.ClaimsPrincipal user, DateOnly today, long? leaveOut, CancellationToken cancellationToken)
    {
        var scope = await lists.ScopeAsync(user, null, cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var candidates = (await db.Workers.AsNoTracking()
            .Where(w => w.StartDate <= today && (w.LeftDate == null || w.LeftDate >= today))
            .ToListAsync(cancellationToken))
            .Where(w => w.HoldsCases && w.Id != leaveOut)
            .ToList();
        var ids = candidates.Select(w => w.Id).ToList();
        var held = await db.Allocations.AsNoTracking()
            .Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .GroupBy(a => a.WorkerId)
            .Select(g => new { WorkerId = g.Key, Children = g.Select(a => a.ChildId).Distinct().Count() })
            .ToDictionaryAsync(g => g.WorkerId, g => g.Children, cancellationToken);
        return
        [
            .. candidates
                .OrderBy(w => scope is not null && !scope.Everyone && scope.Workers.Contains(w.Id) ? 0 : 1)
                .ThenBy(w => teams.GetValueOrDefault(w.TeamId, ""), StringComparer.Ordinal)
                .ThenBy(w => w.DisplayName, StringComparer.Ordinal)
                .ThenBy(w => w.Id)
                .Select(w =>
                {
                    var n = held.GetValueOrDefault(w.Id);
                    return new FieldOption(
                        w.Id.ToString(CultureInfo.InvariantCulture),
                        string.Create(CultureInfo.InvariantCulture, $"{w.DisplayName}, {teams.GetValueOrDefault(w.TeamId, "no team")} ({n} {(n == 1 ? "child" : "children")}{(w.IsAsyeOn(today) ? ", newly qualified" : "")})"));
                }),
        ];
    }

    /// <summary>A fingerprint of the child's allocations, carried in the form: a change by someone
    /// else (a new allocation, or an end) is caught before saving.</summary>
    private static int Stamp(IReadOnlyList<Allocation> history) =>
        history.Aggregate(17, (h, a) => unchecked((((h * 31) + (int)a.Id) * 31) + (int)a.Version)) & int.MaxValue;

    private void Carry(IReadOnlyList<Allocation> history) =>
        Values[VersionName] = Stamp(history).ToString(CultureInfo.InvariantCulture);

    private FieldSpec FieldOf(string name) => name switch
    {
        "WorkerId" => worker,
        "Reason" => Reason,
        _ => Start,
    };
}
