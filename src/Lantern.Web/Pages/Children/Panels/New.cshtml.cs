using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.Panels;

/// <summary>Ask one of the council's decision panels (legal gateway, resource and placement, edge of
/// care) to decide something about a child open to social care: the panel, the date of the request
/// (not in the future, not before the child was born) and what is asked for. A child has at most one
/// request waiting for each panel. The request is saved waiting for the panel's decision.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class NewModel(CaseworkServices services) : CaseworkPageModel(services)
{
    internal static readonly FieldSpec Panel = new("Panel", FieldKind.Radios, "Which panel is being asked?", "the panel")
    {
        RequiredMessage = "Select the panel",
        Options = FieldSpec.OptionsOf<PanelType>(PanelWaits.Name, Purpose),
    };

    internal static readonly FieldSpec Date = new("RequestDate", FieldKind.Date, "Date of the request", "the date of the request") { Hint = "For example, 27 3 2026" };

    internal static readonly FieldSpec Notes = new("Notes", FieldKind.TextArea, "What is the panel asked for?", "what the panel is asked for")
    {
        Hint = "The decision sought and why: the panel reads this with the child's record",
        MaxLength = 2000,
        RequiredMessage = "Enter what the panel is asked for",
    };

    public override string Heading => "Request a panel";

    public override IReadOnlyList<FieldSpec> Fields => [Panel, Date, Notes];

    public override string SaveText => "Send the request";

    /// <summary>What each panel is for, shown under its name.</summary>
    public static string Purpose(PanelType panel) => panel switch
    {
        PanelType.LegalGateway => "Decides whether the threshold for pre-proceedings or care proceedings is met",
        PanelType.ResourceAndPlacement => "Agrees placements for children in care and the resources to support them",
        PanelType.EdgeOfCare => "Agrees support to keep a child safely at home and out of care",
        _ => "",
    };

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        Describe(await FileAsync(cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var form = Reader();
        var panel = form.Choice<PanelType>(Panel);
        var date = form.Date(Date);
        var notes = form.Text(Notes);
        var before = await FileAsync(cancellationToken);
        if (!PanelActions.OpenToSocialCare(before, Today))
        {
            form.Error(Panel, "The child is not open to social care. A referral, a plan or a care episode must be open to request a panel");
        }
        else if (panel is { } p && before.PanelDecisions.Where(PanelActions.IsPending).FirstOrDefault(r => r.Panel == p) is { } waiting)
        {
            form.Error(Panel, $"The child already has a request to the {PanelActions.InSentence(p)} waiting for a decision, made on {Display.Date(waiting.RequestDate)}. Record that decision before asking again");
        }

        if (date is { } d && Child.DateOfBirth is { } born && d < born)
        {
            form.Error(Date, $"{FormReader.Capital(Date.Subject)} must be the same as or after the child's date of birth, {Display.Date(born)}");
        }

        if (!form.IsValid)
        {
            Describe(before);
            return Page();
        }

        var request = new PanelDecision
        {
            ChildId = Child.Id,
            Panel = panel!.Value,
            RequestDate = date!.Value,
            Outcome = PanelOutcome.Pending,
            Notes = notes!,
        };
        Db.PanelDecisions.Add(request);
        return await SaveAsync($"panel requested: {request.Panel} on {Display.Iso(request.RequestDate)}", cancellationToken, done: $"Request to the {PanelActions.InSentence(request.Panel)} recorded");
    }

    /// <summary>The requests waiting for a decision, or why a request cannot be made.</summary>
    private void Describe(ChildFile file)
    {
        if (!PanelActions.OpenToSocialCare(file, Today))
        {
            Facts.Add(new SummaryListRow("Open to social care", "No. A referral, a plan or a care episode must be open to request a panel"));
        }

        foreach (var waiting in file.PanelDecisions.Where(PanelActions.IsPending).OrderBy(r => r.RequestDate).ThenBy(r => r.Id))
        {
            var wait = PanelWaits.Of(waiting, Today);
            Facts.Add(new SummaryListRow(
                PanelWaits.Name(waiting.Panel),
                $"Waiting for a decision since {Display.Date(waiting.RequestDate)}" + (wait is null ? "" : $" ({Working(wait.WorkingDaysWaiting)})")));
        }
    }

    internal static string Working(int days) => days == 1 ? "1 working day" : $"{days.ToString(System.Globalization.CultureInfo.InvariantCulture)} working days";
}
