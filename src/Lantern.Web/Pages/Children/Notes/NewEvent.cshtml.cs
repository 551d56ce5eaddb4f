using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.Notes;

/// <summary>Add a significant event to the child's chronology by hand (a house move, a new partner
/// in the household, a hospital admission). It is marked "Significant" in the chronology.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class NewEventModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Date = new("Date", FieldKind.Date, "Date of the event", "the date of the event") { Hint = "For example, 27 3 2026" };

    private static readonly FieldSpec Title = new("Title", FieldKind.Text, "What happened", "what happened")
    {
        Hint = "A short title, for example \"Moved to a new address\"",
        MaxLength = 200,
    };

    private static readonly FieldSpec Detail = new("Detail", FieldKind.TextArea, "Details (optional)", "the details")
    {
        Required = false,
        MaxLength = 2000,
    };

    public override string Heading => "Add a significant event";

    public override IReadOnlyList<FieldSpec> Fields => [Date, Title, Detail];

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken) =>
        await OpenAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var form = Reader();
        var date = form.Date(Date);
        var title = form.Text(Title);
        var detail = form.Text(Detail);
        if (!form.IsValid)
        {
            return Page();
        }

        var added = new SignificantEvent
        {
            ChildId = Child.Id,
            Date = date!.Value,
            Title = title!,
            Detail = detail ?? "",
            RecordedByWorkerId = MyWorkerId,
            RecordedAt = DateTime.UtcNow,
        };
        Db.SignificantEvents.Add(added);
        return await SaveAsync($"significant event added on {Display.Iso(added.Date)}", cancellationToken, done: "Significant event added to the chronology", next: $"/children/{Child.Id}/chronology");
    }
}
