using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Returns;
using Lantern.Returns.Jobs;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Returns;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Returns;

/// <summary>Asks for an export: which return, and its collection year or as-at date. The job is
/// recorded and queued at once; its page shows the progress and then the file to download.</summary>
[RequirePermission(Permission.ExportReturns)]
public sealed class ExportModel(LanternDataOptions options, ReturnJobQueue queue) : PageModel
{
    internal static readonly FieldSpec Return = new("Return", FieldKind.Radios, "Which return?", "the return to export")
    {
        Options =
        [
            new("cin", "CIN census", "XML for the DfE, for a collection year"),
            new("903", "SSDA903 (children looked after)", "CSV files for the DfE, for a collection year, with the year before's alongside, in a zip"),
            new("annex-a", "Ofsted Annex A", "The 11 child-level lists as at a date, in one workbook"),
            new("workforce", "Children's social work workforce census", "CSV as at 30 September"),
        ],
        RequiredMessage = "Select the return to export",
    };

    internal static readonly FieldSpec Year = new("Year", FieldKind.Select, "Collection year", "the collection year")
    {
        Hint = "For the CIN census and SSDA903. The DfE names a year by the March it ends in.",
        Options = [.. Enumerable.Range(CollectionYear.Earliest, CollectionYear.Latest - CollectionYear.Earliest + 1).Reverse()
            .Select(y => new FieldOption(y.ToString(CultureInfo.InvariantCulture), $"{new CollectionYear(y).Label} (ending 31 March {y.ToString(CultureInfo.InvariantCulture)})"))],
        Required = false,
    };

    internal static readonly FieldSpec AsAt = new("AsAt", FieldKind.Date, "As at", "the as-at date")
    {
        Hint = "For Annex A (usually the day before the inspection) and the workforce census (30 September). For example, 30 9 2025",
        Required = false,
    };

    public static IReadOnlyList<FieldSpec> Fields { get; } = [Return, Year, AsAt];

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public ErrorSummary Errors => ErrorSummary.FromModelState(ModelState, Fields.ToDictionary(f => f.Name, f => f.FirstInputId));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var form = Request.Form.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(), StringComparer.Ordinal);
        form.Remove("__RequestVerificationToken");
        var reader = new FormReader(form, ModelState, options.Today, Values);
        var kind = reader.Option(Return) switch
        {
            "cin" => ReturnJobKind.CinExport,
            "903" => ReturnJobKind.Ssda903Export,
            "annex-a" => ReturnJobKind.AnnexAExport,
            "workforce" => ReturnJobKind.WorkforceExport,
            _ => (ReturnJobKind?)null,
        };
        var year = reader.Option(Year);
        var asAt = reader.Date(AsAt);
        CollectionYear? collection = null;
        if (kind is ReturnJobKind.CinExport or ReturnJobKind.Ssda903Export)
        {
            if (year is null)
            {
                reader.Error(Year, "Select the collection year");
            }
            else
            {
                collection = CollectionYear.TryParse(year, out _);
            }
        }
        else if (kind is not null && asAt is null && !reader.HasError(AsAt))
        {
            reader.Error(AsAt, kind == ReturnJobKind.WorkforceExport ? "Enter the census date, 30 September of a year" : "Enter the as-at date of the lists");
        }

        var request = kind is { } k
            ? new ReturnJobRequest
            {
                Kind = k,
                Year = collection,
                AsAt = k is ReturnJobKind.AnnexAExport or ReturnJobKind.WorkforceExport ? asAt : null,
                RequestedBy = User.Identity?.Name ?? "",
                RequestedByUserId = User.UserId(),
                RequestedByRole = User.StaffRole(),
            }
            : null;
        if (request is not null && reader.IsValid && ReturnJobs.Check(request) is { } problem)
        {
            reader.Error(kind is ReturnJobKind.CinExport or ReturnJobKind.Ssda903Export ? Year : AsAt, problem.TrimEnd('.'));
        }

        if (!reader.IsValid || request is null)
        {
            return Page();
        }

        var id = await queue.QueueAsync(request, null, cancellationToken);
        return Redirect($"/returns/jobs/{id.ToString(CultureInfo.InvariantCulture)}");
    }
}
