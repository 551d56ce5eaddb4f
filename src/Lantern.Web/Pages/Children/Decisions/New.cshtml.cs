using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Decisions;

/// <summary>Record a management decision on the child's case (management oversight): the date (not
/// in the future), the decision and the rationale. The manager is the person recording. It restarts
/// the child's oversight clock (<see cref="ManagementOversight"/>).</summary>
[RequirePermission(Permission.AuthoriseCasework)]
public sealed class NewModel(CaseworkServices services) : CaseworkPageModel(services)
{
    internal static readonly FieldSpec Date = new("Date", FieldKind.Date, "Date of the decision", "the date of the decision") { Hint = "For example, 27 3 2026" };

    internal static readonly FieldSpec Decision = new("Decision", FieldKind.TextArea, "The decision", "the decision") { MaxLength = 2000, Rows = 3 };

    internal static readonly FieldSpec Rationale = new("Rationale", FieldKind.TextArea, "Why: the rationale", "the rationale for the decision") { MaxLength = 4000 };

    public override string Heading => "Record a management decision";

    public override IReadOnlyList<FieldSpec> Fields => [Date, Decision, Rationale];

    public override string SaveText => "Save the decision";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        await DescribeAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var form = Reader();
        var date = form.Date(Date);
        var decision = form.Text(Decision);
        var rationale = form.Text(Rationale);
        if (MyWorkerId is null)
        {
            form.Error(Date, "Your account is not linked to a worker record, so the decision cannot be recorded as yours. Ask an administrator to link it");
        }

        if (!form.IsValid)
        {
            await DescribeAsync(cancellationToken);
            return Page();
        }

        Db.ManagementDecisions.Add(new ManagementDecision { ChildId = Child.Id, ManagerId = MyWorkerId!.Value, Date = date!.Value, Decision = decision!, Rationale = rationale! });
        return await SaveAsync($"management decision on {Display.Iso(date.Value)}", cancellationToken, done: "Management decision recorded");
    }

    private async Task DescribeAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var last = await Db.ManagementDecisions.AsNoTracking()
            .Where(d => d.ChildId == Child.Id && d.Date <= today)
            .OrderByDescending(d => d.Date).ThenByDescending(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var standards = await WorkforceLists.StandardsAsync(Db, cancellationToken);
        Facts.Add(new SummaryListRow("Last management decision", last is null ? "None recorded" : $"{Display.Date(last.Date)}: {last.Decision}"));
        Facts.Add(new SummaryListRow("The council's standard", $"A decision on each open child at least every {standards.Oversight.Days} days"));
    }
}
