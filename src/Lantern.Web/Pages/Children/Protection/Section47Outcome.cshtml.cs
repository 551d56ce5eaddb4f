using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Protection;

/// <summary>Record (or correct) the outcome of a section 47 enquiry: the date it ended (not before it
/// started, not in the future) and the outcome. "Initial conference not required" (ICPCnotRequired)
/// follows from the outcome. The form carries the enquiry's version, so a second person saving over
/// someone else's outcome sees the conflict instead.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class Section47OutcomeModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec EndDate = new("EndDate", FieldKind.Date, "Date the enquiry ended", "the date the enquiry ended") { Hint = "For example, 27 3 2026" };

    private static readonly FieldSpec Outcome = new("Outcome", FieldKind.Radios, "Outcome of the enquiry", "the outcome of the enquiry")
    {
        Options =
        [
            new(nameof(Section47Outcome.ConferenceRequired), "Initial child protection conference needed"),
            new(nameof(Section47Outcome.ConcernsNotSubstantiated), "Concerns not substantiated", "No initial conference is needed"),
            new(nameof(Section47Outcome.ChildInNeedPlan), "Child in need plan", "No initial conference is needed; support under a child in need plan"),
        ],
    };

    public override string Heading => "Record the outcome of the section 47 enquiry";

    public override IReadOnlyList<FieldSpec> Fields => [EndDate, Outcome];

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long s47Id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var enquiry = await Db.Section47s.AsNoTracking().SingleOrDefaultAsync(s => s.Id == s47Id && s.ChildId == id, cancellationToken);
        if (enquiry is null)
        {
            return NotFound();
        }

        if (enquiry.EndDate is { } ended)
        {
            AssessmentJourney.PutDate(Values, EndDate, ended);
        }

        if (enquiry.Outcome != Section47Outcome.Pending)
        {
            Values[Outcome.Name] = enquiry.Outcome.ToString();
        }

        CarryVersion(enquiry);
        await DescribeAsync(enquiry, await FileAsync(cancellationToken), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long s47Id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var enquiry = await Db.Section47s.SingleOrDefaultAsync(s => s.Id == s47Id && s.ChildId == id, cancellationToken);
        if (enquiry is null)
        {
            return NotFound();
        }

        var form = Reader();
        var end = form.Date(EndDate);
        var outcome = form.Choice<Section47Outcome>(Outcome);
        var before = await FileAsync(cancellationToken);
        if (end is { } e && e < enquiry.StartDate)
        {
            form.Error(EndDate, $"{FormReader.Capital(EndDate.Subject)} must be the same as or after the date it started, {Display.Date(enquiry.StartDate)}");
        }

        var icpc = before.Conferences.Where(c => c.Type == ConferenceType.Initial && c.Section47Id == enquiry.Id).MinBy(c => c.Date);
        if (icpc is not null && outcome is { } o && o != Section47Outcome.ConferenceRequired)
        {
            form.Error(Outcome, $"An initial conference was held on {Display.Date(icpc.Date)} after this enquiry, so the outcome must be that a conference was needed");
        }

        if (!form.IsValid)
        {
            CarryVersion(enquiry);
            await DescribeAsync(enquiry, before, cancellationToken);
            return Page();
        }

        ExpectVersion(enquiry, form);
        enquiry.EndDate = end!.Value;
        enquiry.Outcome = outcome!.Value;
        enquiry.IcpcNotRequired = enquiry.Outcome != Section47Outcome.ConferenceRequired;
        if (!ReturnChecksAllow(before, ChildFileLoader.With(before, section47s: ChildFileLoader.Replace(before.Section47s, enquiry))))
        {
            CarryVersion(enquiry);
            await DescribeAsync(enquiry, before, cancellationToken);
            return Page();
        }

        return await SaveAsync(
            $"section 47 enquiry outcome recorded: started {Display.Iso(enquiry.StartDate)}, ended {Display.Iso(enquiry.EndDate.Value)}, outcome {enquiry.Outcome}",
            cancellationToken,
            done: enquiry.Outcome == Section47Outcome.ConferenceRequired ? "Section 47 enquiry outcome recorded: an initial conference is needed" : "Section 47 enquiry outcome recorded");
    }

    private async Task DescribeAsync(Section47Enquiry enquiry, ChildFile file, CancellationToken cancellationToken)
    {
        var standards = await StandardsAsync(cancellationToken);
        Facts.Add(new SummaryListRow("Strategy discussion", Display.Date(ProtectionJourney.DiscussionDate(file, enquiry))));
        Facts.Add(new SummaryListRow("Enquiry started", Display.Date(enquiry.StartDate)));
        if (enquiry.EndDate is { } ended)
        {
            Facts.Add(new SummaryListRow("Outcome recorded", $"Ended on {Display.Date(ended)}: {Display.Words(enquiry.Outcome).ToLowerInvariant()}"));
        }

        if (enquiry.EndDate is null || !enquiry.IcpcNotRequired)
        {
            Facts.Add(ProtectionJourney.IcpcFact(ProtectionJourney.IcpcClock(file, enquiry, Today, standards), Today, standards));
        }
    }
}
