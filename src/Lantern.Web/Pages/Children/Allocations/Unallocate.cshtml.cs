using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Allocations;

/// <summary>End a child's allocation without a new worker: the child moves to the unallocated queue
/// of the worker's team, where managers see how long they have waited and at what risk. The reason
/// goes into the chronology.</summary>
[RequirePermission(Permission.AllocateWork)]
public sealed class UnallocateModel(CaseworkServices services) : CaseworkPageModel(services)
{
    internal static readonly FieldSpec End = new("EndDate", FieldKind.Date, "Last day with this worker", "the date the allocation ends")
    {
        Hint = "The child waits in the unallocated queue from the next day. For example, 27 3 2026",
    };

    internal static readonly FieldSpec Reason = new("Reason", FieldKind.Select, "Why the allocation is ending", "why the allocation is ending")
    {
        RequiredMessage = "Choose why the allocation is ending",
        Options = FieldSpec.OptionsOf(SocialWorkerChangeReason.Set),
    };

    public override string Heading => "Move the child to the unallocated queue";

    public override IReadOnlyList<FieldSpec> Fields => [End, Reason];

    public override string SaveText => "End the allocation";

    public Allocation? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!await PrepareAsync(cancellationToken))
        {
            return NotFound();
        }

        CarryVersion(Current!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!await PrepareAsync(cancellationToken))
        {
            return NotFound();
        }

        var form = Reader();
        var end = form.Date(End);
        var reason = form.Code<SocialWorkerChangeReason>(Reason);
        if (!form.HasError(End))
        {
            foreach (var problem in AllocationRules.CheckUnallocate(Current, end, reason, Today).Where(p => p.Field == "EndDate"))
            {
                form.Error(End, problem.Message);
            }
        }

        if (!form.IsValid)
        {
            CarryVersion(Current!);
            return Page();
        }

        var allocation = await Db.Allocations.SingleAsync(a => a.Id == Current!.Id, cancellationToken);
        ExpectVersion(allocation, form);
        allocation.EndDate = end!.Value;
        Db.SignificantEvents.Add(new SignificantEvent
        {
            ChildId = Child.Id,
            Date = end.Value,
            Title = "Moved to the unallocated queue",
            Detail = $"Allocation ended: {reason!.Value.Label}",
            RecordedByWorkerId = MyWorkerId,
            RecordedAt = DateTime.UtcNow,
        });
        return await SaveAsync($"allocation to worker {allocation.WorkerId} ended {Display.Iso(end.Value)} ({reason}): unallocated", cancellationToken, done: "The child has been moved to the unallocated queue");
    }

    private async Task<bool> PrepareAsync(CancellationToken cancellationToken)
    {
        var history = await Db.Allocations.AsNoTracking().Where(a => a.ChildId == Child.Id).ToListAsync(cancellationToken);
        Current = AllocationRules.Current(history);
        if (Current is null)
        {
            return false;
        }

        var name = await Db.Workers.AsNoTracking().Where(w => w.Id == Current.WorkerId).Select(w => w.GivenName + " " + w.FamilyName).SingleOrDefaultAsync(cancellationToken);
        Facts.Add(new SummaryListRow("Allocated to", $"{name ?? "Unknown worker"} since {Display.Date(Current.StartDate)}"));
        return true;
    }
}
