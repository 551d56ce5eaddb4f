using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Panels;

/// <summary>Record a panel's decision on a request about the child (managers): the date of the
/// decision (not in the future, not before the request), the outcome (approved, declined or deferred)
/// and the decision with its rationale, which is added to the request's notes. A request is decided
/// once: a deferred request goes back to the panel as a new request.</summary>
[RequirePermission(Permission.AuthoriseCasework)]
public sealed class DecisionModel(CaseworkServices services) : CaseworkPageModel(services)
{
    internal static readonly FieldSpec Date = new("DecisionDate", FieldKind.Date, "Date of the panel's decision", "the date of the decision") { Hint = "For example, 27 3 2026" };

    internal static readonly FieldSpec Outcome = new("Outcome", FieldKind.Radios, "What did the panel decide?", "what the panel decided")
    {
        RequiredMessage = "Select what the panel decided",
        Options = FieldSpec.OptionsOf<PanelOutcome>(Display.Words, Hint, o => o != PanelOutcome.Pending),
    };

    internal static readonly FieldSpec Rationale = new("Rationale", FieldKind.TextArea, "The decision and its rationale", "the decision and its rationale")
    {
        Hint = "What the panel agreed or refused, any conditions, and why. This is added to the request's notes",
        MaxLength = 2000,
    };

    public override string Heading => "Record the panel decision";

    public override IReadOnlyList<FieldSpec> Fields => [Date, Outcome, Rationale];

    public override string SaveText => "Record the decision";

    private static string? Hint(PanelOutcome outcome) => outcome switch
    {
        PanelOutcome.Deferred => "The panel will decide later: when it is ready, request the panel again",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long panelId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var request = await Db.PanelDecisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == panelId && r.ChildId == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        CarryVersion(request);
        Describe(request);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long panelId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var request = await Db.PanelDecisions.SingleOrDefaultAsync(r => r.Id == panelId && r.ChildId == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        var form = Reader();
        var date = form.Date(Date);
        var outcome = form.Choice<PanelOutcome>(Outcome);
        var rationale = form.Text(Rationale);
        if (!PanelActions.IsPending(request))
        {
            form.Error(Date, request.DecisionDate is { } decided
                ? $"The panel already decided this request on {Display.Date(decided)} ({Display.Words(request.Outcome).ToLowerInvariant()}). A decision cannot be recorded twice: request the panel again if it is to look at it again"
                : $"The panel already decided this request ({Display.Words(request.Outcome).ToLowerInvariant()}). A decision cannot be recorded twice: request the panel again if it is to look at it again");
        }
        else if (date is { } d && d < request.RequestDate)
        {
            form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or after the date of the request, {Display.Date(request.RequestDate)}");
        }

        if (!form.IsValid)
        {
            CarryVersion(request);
            Describe(request);
            return Page();
        }

        ExpectVersion(request, form);
        request.DecisionDate = date!.Value;
        request.Outcome = outcome!.Value;
        var decision = $"Panel decision on {Display.Date(request.DecisionDate.Value)}: {Display.Words(request.Outcome).ToLowerInvariant()}. {rationale}";
        request.Notes = string.IsNullOrWhiteSpace(request.Notes) ? decision : $"{request.Notes}\n\n{decision}";
        return await SaveAsync(
            $"panel decision recorded: request {request.Id} ({request.Panel}, requested {Display.Iso(request.RequestDate)}) {request.Outcome} on {Display.Iso(request.DecisionDate.Value)}",
            cancellationToken,
            done: $"Decision of the {PanelActions.InSentence(request.Panel)} recorded");
    }

    private void Describe(PanelDecision request)
    {
        Facts.Add(new SummaryListRow("Panel", PanelWaits.Name(request.Panel)));
        Facts.Add(new SummaryListRow("Requested", Display.Date(request.RequestDate)));
        if (!PanelActions.IsPending(request))
        {
            Facts.Add(new SummaryListRow("Decided", request.DecisionDate is { } decided
                ? $"{Display.Words(request.Outcome)} on {Display.Date(decided)}"
                : Display.Words(request.Outcome)));
        }
        else if (PanelWaits.Of(request, Today) is { } wait)
        {
            Facts.Add(new SummaryListRow("Waiting", NewModel.Working(wait.WorkingDaysWaiting)));
        }

        Facts.Add(new SummaryListRow("Notes", request.Notes));
    }
}
