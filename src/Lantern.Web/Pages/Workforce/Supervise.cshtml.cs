using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Workforce;

/// <summary>The questions of a supervision record, personal or about one child.</summary>
public static class SupervisionFields
{
    public static readonly FieldSpec Date = new("Date", FieldKind.Date, "Date of the supervision", "the date of the supervision") { Hint = "For example, 27 3 2026" };

    public static readonly FieldSpec Discussion = new("Discussion", FieldKind.TextArea, "What was discussed", "what was discussed") { MaxLength = 4000 };

    public static readonly FieldSpec Decisions = new("Decisions", FieldKind.TextArea, "What was decided", "what was decided") { MaxLength = 4000, Required = false, Rows = 3 };

    public static readonly FieldSpec Actions = new("Actions", FieldKind.TextArea, "Actions agreed, with who and by when", "the actions agreed") { MaxLength = 4000, Required = false, Rows = 3 };

    public static IReadOnlyList<FieldSpec> All { get; } = [Date, Discussion, Decisions, Actions];
}

/// <summary>Record a worker's personal supervision: the date (not in the future, not before they
/// started, not after they left), what was discussed, decided and agreed. The supervisor is the
/// person recording, who must see the worker's work. It restarts the worker's supervision clock.</summary>
[RequirePermission(Permission.RecordSupervision)]
public sealed class SuperviseModel(LanternDbContext db, LanternDataOptions options, WorkLists lists, AuditWriter audit) : PageModel
{
    public DateOnly Today => options.Today;

    public Worker Worker { get; private set; } = null!;

    public string TeamName { get; private set; } = "";

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public ErrorSummary Errors => ErrorSummary.FromModelState(ModelState, SupervisionFields.All.ToDictionary(f => f.Name, f => f.FirstInputId));

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken) =>
        await PrepareAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var form = Request.Form.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(), StringComparer.Ordinal);
        form.Remove("__RequestVerificationToken");
        var reader = new FormReader(form, ModelState, Today, Values);
        var date = reader.Date(SupervisionFields.Date);
        var discussion = reader.Text(SupervisionFields.Discussion);
        var decisions = reader.Text(SupervisionFields.Decisions);
        var actions = reader.Text(SupervisionFields.Actions);
        if (date is { } d)
        {
            if (d < Worker.StartDate)
            {
                reader.Error(SupervisionFields.Date, $"The date of the supervision must be on or after {Display.Date(Worker.StartDate)}, when {Worker.DisplayName} started");
            }
            else if (Worker.LeftDate is { } left && d > left)
            {
                reader.Error(SupervisionFields.Date, $"The date of the supervision must be on or before {Display.Date(left)}, when {Worker.DisplayName} left");
            }
        }

        if (User.Worker() is not { } supervisor)
        {
            reader.Error(SupervisionFields.Date, "Your account is not linked to a worker record, so supervision cannot be recorded as yours. Ask an administrator to link it");
        }
        else if (supervisor == Worker.Id)
        {
            reader.Error(SupervisionFields.Date, "You cannot record your own supervision: your supervisor records it");
        }

        if (!reader.IsValid)
        {
            return Page();
        }

        db.Supervisions.Add(new Supervision
        {
            Kind = SupervisionKind.Personal,
            WorkerId = Worker.Id,
            SupervisorId = User.Worker()!.Value,
            Date = date!.Value,
            Discussion = discussion!,
            Decisions = decisions ?? "",
            Actions = actions ?? "",
        });
        await audit.WriteWorkforceAsync(Worker.Id, $"personal supervision of worker {Worker.Id} on {Display.Iso(date.Value)}", [], ct => db.SaveChangesAsync(ct), cancellationToken);
        TempData["done"] = $"Personal supervision on {Display.Date(date.Value)} recorded";
        return Redirect($"/workforce/workers/{Worker.Id}#supervision");
    }

    private async Task<bool> PrepareAsync(long id, CancellationToken cancellationToken)
    {
        if (await lists.WorkerInScopeAsync(User, id, cancellationToken) is not { } found)
        {
            return false;
        }

        (Worker, TeamName) = found;
        return true;
    }

}
