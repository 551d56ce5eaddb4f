using Lantern.Domain.Access;
using Lantern.Web.Casework;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children;

/// <summary>The child's whole chronology, newest first, as the MOJ timeline: every recorded event
/// (<see cref="ChronologyBuilder"/>), filtered to significant events or a date range, printable.
/// Opening it is audited like the record page.</summary>
[RequirePermission(Permission.ViewChildRecords)]
public sealed class ChronologyModel(CaseworkServices services) : CaseworkPageModel(services)
{
    public const string SignificantValue = "yes";

    public static readonly FieldSpec From = new("From", FieldKind.Date, "From", "the from date") { Required = false, AllowFuture = true, Hint = "For example, 1 4 2025" };

    public static readonly FieldSpec To = new("To", FieldKind.Date, "To", "the to date") { Required = false, AllowFuture = true, Hint = "For example, 31 3 2026" };

    public static readonly FieldSpec Significant = new("Significant", FieldKind.Checkboxes, "Show", "what to show")
    {
        Required = false,
        Options = [new FieldOption(SignificantValue, "Significant events only")],
    };

    public override string Heading => "Chronology";

    public override IReadOnlyList<FieldSpec> Fields => [Significant, From, To];

    public IReadOnlyList<ChronologyEntry> Entries { get; private set; } = [];

    /// <summary>How many entries there are before filtering.</summary>
    public int Total { get; private set; }

    public bool Filtered { get; private set; }

    /// <summary>Shown ready to print (no filter form).</summary>
    public bool PrintView { get; private set; }

    /// <summary>This view's address with print=yes added (for the print link).</summary>
    public string PrintUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var query = Request.Query
            .Where(kv => kv.Key != "print")
            .ToDictionary(kv => kv.Key, kv => (string?)string.Join(',', kv.Value.Where(v => v is not null)), StringComparer.Ordinal);
        PrintView = Request.Query["print"] == "yes";
        var form = new FormReader(query, ModelState, Today, Values);
        var significant = form.Option(Significant) == SignificantValue;
        var from = form.Date(From);
        var to = form.Date(To);
        if (from is { } f && to is { } t && t < f)
        {
            form.Error(To, "The to date must be the same as or after the from date");
        }

        var file = await FileAsync(cancellationToken);
        var all = ChronologyBuilder.Build(await ChronologyBuilder.LoadAsync(Db, file, cancellationToken), Today);
        Total = all.Count;
        Filtered = form.IsValid && (significant || from is not null || to is not null);
        Entries = form.IsValid ? ChronologyBuilder.Filter(all, significant, from, to) : all;
        var parameters = query.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value!)).Append("print=yes");
        PrintUrl = $"/children/{Child.Id}/chronology?{string.Join('&', parameters)}";
        return Page();
    }
}
