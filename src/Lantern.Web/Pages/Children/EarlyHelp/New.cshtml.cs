using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.EarlyHelp;

/// <summary>Start an early help episode: the start date, the organisation and the lead worker (the
/// person recording, when they are an early help practitioner; otherwise chosen from the early help
/// practitioners in post). One episode at a time: an open episode must end first.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class NewModel(CaseworkServices services) : CaseworkPageModel(services)
{
    internal static readonly FieldSpec StartDate = new("StartDate", FieldKind.Date, "Date early help started", "the date early help started") { Hint = "For example, 27 3 2026" };

    internal static readonly FieldSpec Organisation = new("Organisation", FieldKind.Text, "Organisation leading the early help", "the organisation leading the early help")
    {
        Hint = "For example, a family hub, a school or a voluntary organisation",
        MaxLength = 200,
    };

    private FieldSpec lead = LeadField([]);

    private bool iLead;

    public override string Heading => "Start early help";

    public override IReadOnlyList<FieldSpec> Fields => iLead ? [StartDate, Organisation] : [StartDate, Organisation, lead];

    public override string SaveText => "Start early help";

    internal static FieldSpec LeadField(IReadOnlyList<FieldOption> options) => new("LeadWorker", FieldKind.Select, "Lead worker", "the lead worker")
    {
        Hint = "An early help practitioner in post",
        Options = options,
    };

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        await PrepareAsync(cancellationToken);
        var form = Reader();
        var start = form.Date(StartDate);
        var organisation = form.Text(Organisation);
        long? leadId = MyWorkerId;
        if (!iLead)
        {
            var chosen = form.Option(lead);
            leadId = chosen is null ? null : long.Parse(chosen, CultureInfo.InvariantCulture);
        }

        if (start is { } s && Child.DateOfBirth is { } dob && s < dob)
        {
            form.Error(StartDate, "Date early help started must be on or after the child's date of birth");
        }

        var open = await Db.EarlyHelp.AsNoTracking().Where(e => e.ChildId == Child.Id && e.EndDate == null).OrderBy(e => e.StartDate).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            form.Error(StartDate, $"Early help with {open.Organisation} has been open since {Display.Date(open.StartDate)}. End it before starting another");
        }

        if (!form.IsValid)
        {
            return Page();
        }

        var episode = new EarlyHelpEpisode
        {
            ChildId = Child.Id,
            StartDate = start!.Value,
            Organisation = organisation!,
            LeadWorkerId = leadId,
        };
        Db.EarlyHelp.Add(episode);
        return await SaveAsync($"early help started on {Display.Iso(episode.StartDate)}, lead worker {leadId?.ToString(CultureInfo.InvariantCulture) ?? "none"}", cancellationToken, done: "Early help started", next: $"/children/{Child.Id}/early-help");
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        iLead = await EarlyHelpJourney.IsEarlyHelpPractitionerAsync(Db, MyWorkerId, Today, cancellationToken);
        if (!iLead)
        {
            lead = LeadField(await EarlyHelpJourney.LeadWorkerOptionsAsync(Db, Today, cancellationToken));
        }
        else
        {
            Facts.Add(new Lantern.Web.Govuk.SummaryListRow("Lead worker", "You"));
        }
    }
}
