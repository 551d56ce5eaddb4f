using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Pages.Workforce;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Supervision;

/// <summary>Record case supervision about this child with their allocated worker: the date (not in
/// the future, not before the worker was allocated), what was discussed, decided and agreed. The
/// supervisor is the person recording. It restarts the child's case supervision clock.</summary>
[RequirePermission(Permission.RecordSupervision)]
public sealed class NewModel(CaseworkServices services) : CaseworkPageModel(services)
{
    public override string Heading => "Record case supervision";

    public override IReadOnlyList<FieldSpec> Fields => SupervisionFields.All;

    public override string SaveText => "Save supervision";

    private Allocation? current;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        return await PrepareAsync(cancellationToken) ? Page() : NotFound();
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
        var date = form.Date(SupervisionFields.Date);
        var discussion = form.Text(SupervisionFields.Discussion);
        var decisions = form.Text(SupervisionFields.Decisions);
        var actions = form.Text(SupervisionFields.Actions);
        if (date is { } d && d < current!.StartDate)
        {
            form.Error(SupervisionFields.Date, $"The date of the supervision must be on or after {Display.Date(current.StartDate)}, when the child was allocated to their worker");
        }

        if (MyWorkerId is not { } supervisor)
        {
            form.Error(SupervisionFields.Date, "Your account is not linked to a worker record, so supervision cannot be recorded as yours. Ask an administrator to link it");
        }
        else if (supervisor == current!.WorkerId)
        {
            form.Error(SupervisionFields.Date, "You cannot record supervision of your own work on this child: your supervisor records it");
        }

        if (!form.IsValid)
        {
            return Page();
        }

        Db.Supervisions.Add(new Lantern.Domain.Model.Supervision
        {
            Kind = SupervisionKind.Case,
            WorkerId = current!.WorkerId,
            SupervisorId = MyWorkerId!.Value,
            ChildId = Child.Id,
            Date = date!.Value,
            Discussion = discussion!,
            Decisions = decisions ?? "",
            Actions = actions ?? "",
        });
        return await SaveAsync($"case supervision with worker {current.WorkerId} on {Display.Iso(date.Value)}", cancellationToken, done: "Case supervision recorded");
    }

    /// <summary>The child's current worker, whose case supervision this is; false when nobody is allocated.</summary>
    private async Task<bool> PrepareAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        current = await Db.Allocations.AsNoTracking()
            .Where(a => a.ChildId == Child.Id && a.StartDate <= today && (a.EndDate == null || a.EndDate > today))
            .OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return false;
        }

        var name = await Db.Workers.AsNoTracking().Where(w => w.Id == current.WorkerId).Select(w => w.GivenName + " " + w.FamilyName).SingleOrDefaultAsync(cancellationToken);
        Facts.Add(new SummaryListRow("Worker", $"{name ?? "Unknown worker"}, allocated since {Display.Date(current.StartDate)}"));
        var last = await Db.Supervisions.AsNoTracking()
            .Where(s => s.ChildId == Child.Id && s.Kind == SupervisionKind.Case && s.Date <= today)
            .OrderByDescending(s => s.Date)
            .Select(s => (DateOnly?)s.Date)
            .FirstOrDefaultAsync(cancellationToken);
        Facts.Add(new SummaryListRow("Last case supervision", last is { } l ? Display.Date(l) : "None recorded"));
        return true;
    }
}
