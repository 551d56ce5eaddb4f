using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.EarlyHelp;

/// <summary>Step down from social care to early help: starts an episode marked as a step-down. The
/// child's social care involvement must have ended on the start date or in the
/// <see cref="EarlyHelpJourney.StepDownWindowDays"/> days before, with nothing still open.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class StepDownModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private FieldSpec lead = NewModel.LeadField([]);

    private bool iLead;

    public override string Heading => "Step down to early help";

    public override IReadOnlyList<FieldSpec> Fields => iLead ? [NewModel.StartDate, NewModel.Organisation] : [NewModel.StartDate, NewModel.Organisation, lead];

    public override string SaveText => "Start early help";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        await PrepareAsync(await FileAsync(cancellationToken), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var file = await FileAsync(cancellationToken);
        await PrepareAsync(file, cancellationToken);
        var form = Reader();
        var start = form.Date(NewModel.StartDate);
        var organisation = form.Text(NewModel.Organisation);
        long? leadId = MyWorkerId;
        if (!iLead)
        {
            var chosen = form.Option(lead);
            leadId = chosen is null ? null : long.Parse(chosen, CultureInfo.InvariantCulture);
        }

        if (start is { } s)
        {
            if (EarlyHelpJourney.SocialCareOpenOn(file, s))
            {
                form.Error(NewModel.StartDate, "Social care is still involved with the child. Close the case or end the plan first: the step-down starts on or after that date");
            }
            else if (EarlyHelpJourney.SocialCareEndedOn(file, s) is not { } ended)
            {
                form.Error(NewModel.StartDate, "The child has had no social care involvement that has ended. Use \"Start early help\" instead");
            }
            else if (s.DayNumber - ended.DayNumber > EarlyHelpJourney.StepDownWindowDays)
            {
                form.Error(NewModel.StartDate, $"Date early help started must be within {EarlyHelpJourney.StepDownWindowDays.ToString(CultureInfo.InvariantCulture)} days of social care involvement ending ({Display.Date(ended)}). Use \"Start early help\" instead");
            }
        }

        var open = await Db.EarlyHelp.AsNoTracking().Where(e => e.ChildId == Child.Id && e.EndDate == null).OrderBy(e => e.StartDate).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            form.Error(NewModel.StartDate, $"Early help with {open.Organisation} has been open since {Display.Date(open.StartDate)}. End it before starting another");
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
            IsStepDown = true,
        };
        Db.EarlyHelp.Add(episode);
        return await SaveAsync($"step-down to early help on {Display.Iso(episode.StartDate)}, lead worker {leadId?.ToString(CultureInfo.InvariantCulture) ?? "none"}", cancellationToken, done: "Stepped down to early help", next: $"/children/{Child.Id}/early-help");
    }

    private async Task PrepareAsync(Lantern.Domain.Clock.ChildFile file, CancellationToken cancellationToken)
    {
        iLead = await EarlyHelpJourney.IsEarlyHelpPractitionerAsync(Db, MyWorkerId, Today, cancellationToken);
        if (!iLead)
        {
            lead = NewModel.LeadField(await EarlyHelpJourney.LeadWorkerOptionsAsync(Db, Today, cancellationToken));
        }

        Facts.Add(new SummaryListRow("Social care involvement", EarlyHelpJourney.SocialCareOpenOn(file, Today)
            ? "Still open"
            : EarlyHelpJourney.SocialCareEndedOn(file, Today) is { } ended
                ? $"Ended {Display.Date(ended)}; a step-down may start up to {Display.Date(ended.AddDays(EarlyHelpJourney.StepDownWindowDays))}"
                : "None has ended"));
    }
}
