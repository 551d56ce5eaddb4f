using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.Visits;

/// <summary>Record a visit to the child: the date, the kind of visit (which decides which timescale
/// it meets), whether the child was seen and seen alone. A child seen alone was seen. The clock's
/// next visit due date is shown before and after.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class NewModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Date = new("Date", FieldKind.Date, "Date of the visit", "the date of the visit") { Hint = "For example, 27 3 2026" };

    private static readonly FieldSpec Kind = new("Kind", FieldKind.Radios, "Kind of visit", "the kind of visit")
    {
        Options = FieldSpec.OptionsOf<VisitKind>(Display.Words),
        Hint = "A child protection visit counts towards the plan's visiting frequency; a child in need visit towards the child in need plan's",
    };

    private static readonly FieldSpec Seen = new("Seen", FieldKind.YesNo, "Was the child seen?", "the child was seen");

    private static readonly FieldSpec SeenAlone = new("SeenAlone", FieldKind.YesNo, "Was the child seen alone?", "the child was seen alone");

    public override string Heading => "Record a visit";

    public override IReadOnlyList<FieldSpec> Fields => [Date, Kind, Seen, SeenAlone];

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var file = await FileAsync(cancellationToken);
        await DescribeAsync(file, cancellationToken);
        Values[Kind.Name] = DefaultKind(file).ToString();
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
        var kind = form.Choice<VisitKind>(Kind);
        var seen = form.YesNo(Seen);
        var alone = form.YesNo(SeenAlone);
        if (seen == false && alone == true)
        {
            form.Error(SeenAlone, "The child cannot have been seen alone if they were not seen. Change one of the answers");
        }

        if (date is { } d && Child.DateOfBirth is { } dob && d < dob)
        {
            form.Error(Date, "Date of the visit must be on or after the child's date of birth");
        }

        var before = await FileAsync(cancellationToken);
        if (!form.IsValid)
        {
            await DescribeAsync(before, cancellationToken);
            return Page();
        }

        var visit = new Visit
        {
            ChildId = Child.Id,
            WorkerId = MyWorkerId,
            Date = date!.Value,
            Kind = kind!.Value,
            ChildSeen = seen!.Value,
            ChildSeenAlone = alone!.Value,
        };
        if (!ReturnChecksAllow(before, ChildFileLoader.With(before, visits: [.. before.Visits, visit])))
        {
            await DescribeAsync(before, cancellationToken);
            return Page();
        }

        Db.Visits.Add(visit);
        return await SaveAsync($"visit recorded: {Display.Words(visit.Kind).ToLowerInvariant()} on {Display.Iso(visit.Date)}", cancellationToken, done: "Visit recorded");
    }

    private static VisitKind DefaultKind(ChildFile file) =>
        file.ProtectionPlans.Any(p => p.EndDate is null) ? VisitKind.ChildProtection
        : file.CareEpisodes.Any(e => e.EndDate is null) ? VisitKind.LookedAfter
        : file.ChildInNeedPlans.Any(p => p.EndDate is null) ? VisitKind.ChildInNeed
        : VisitKind.Other;

    private async Task DescribeAsync(ChildFile file, CancellationToken cancellationToken)
    {
        var standards = await StandardsAsync(cancellationToken);
        foreach (var item in StatutoryClock.Evaluate(file, Today, standards).Where(i => i.Rule is ClockRules.ChildProtectionVisit or ClockRules.ChildInNeedVisit or ClockRules.ClaVisit or ClockRules.ClaVisitPlacedWithParent or ClockRules.PrivateFosteringVisit))
        {
            Facts.Add(new SummaryListRow(item.Title, $"Due by {Display.Date(item.DueOn)} ({ClockText.Status(item, Today)})"));
        }
    }
}
