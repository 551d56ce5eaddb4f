using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.Contacts;

/// <summary>Record a new contact about a child whose record the person has open: when it was
/// received (UK time), who made it and the concerns. It then awaits a screening decision within the
/// council's timescale.</summary>
[RequirePermission(Permission.RecordContacts)]
public sealed class NewModel(CaseworkServices services) : CaseworkPageModel(services)
{
    public override string Heading => "Record a new contact";

    public override IReadOnlyList<FieldSpec> Fields => FrontDoorJourney.ContactFields(Today);

    public override string SaveText => "Save contact";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        FrontDoorJourney.PrefillContact(Values, Today);
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
        var contact = FrontDoorJourney.ReadContact(form, Today, Child.DateOfBirth);
        if (!form.IsValid || contact is null)
        {
            await DescribeAsync(cancellationToken);
            return Page();
        }

        contact.ChildId = Child.Id;
        contact.RecordedByWorkerId = MyWorkerId;
        Db.Contacts.Add(contact);
        return await SaveAsync(
            $"contact recorded: received {contact.ReceivedAt.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)}, source {contact.Source.Code}",
            cancellationToken,
            done: "Contact recorded");
    }

    private async Task DescribeAsync(CancellationToken cancellationToken)
    {
        var standards = await StandardsAsync(cancellationToken);
        var days = standards.ContactDecisionWorkingDays;
        Facts.Add(new SummaryListRow("Screening decision", $"Due within {(days == 1 ? "1 working day" : days.ToString(CultureInfo.InvariantCulture) + " working days")} of the day the contact was received"));
        var file = await FileAsync(cancellationToken);
        var waiting = file.Contacts.Where(c => c.DecidedAt is null).OrderBy(c => c.ReceivedAt).ToList();
        if (waiting.Count > 0)
        {
            Facts.Add(new SummaryListRow("Contacts awaiting a decision", string.Join("; ", waiting.Select(c => $"received {TimeDisplay.Format(c.ReceivedAt)}"))));
        }
    }
}
