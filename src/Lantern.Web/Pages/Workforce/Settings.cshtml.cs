using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Staffing;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Workforce;

/// <summary>The council's workforce standards: caseload weights and thresholds, how often supervision
/// is due, and how often each open child needs a management decision. Anyone who sees the workforce
/// pages may read them; a director or service manager may change them. Every answer is checked
/// (a number, in range, the protected caseload no higher than the threshold, newly qualified
/// supervision no less often than others) and nothing is saved unless all are right. The change is
/// audited and applies to every list at once.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class SettingsModel(LanternDbContext db, LanternDataOptions options, AuditWriter audit) : PageModel
{
    /// <summary>The questions, with the standards' field names, in order.</summary>
    public static IReadOnlyList<(FieldSpec Field, Func<WorkforceStandards, decimal> Value, bool Whole)> Questions { get; } =
    [
        (Number("InProceedings", "Weight of a child in care proceedings"), s => s.Weights.InProceedings, false),
        (Number("ChildProtection", "Weight of a child on a protection plan"), s => s.Weights.ChildProtection, false),
        (Number("LookedAfter", "Weight of a looked after child"), s => s.Weights.LookedAfter, false),
        (Number("OpenAssessment", "Weight of a child being assessed"), s => s.Weights.OpenAssessment, false),
        (Number("ChildInNeed", "Weight of a child on a child in need plan"), s => s.Weights.ChildInNeed, false),
        (Number("CareLeaver", "Weight of a care leaver"), s => s.Weights.CareLeaver, false),
        (Number("Other", "Weight of any other allocated child"), s => s.Weights.Other, false),
        (Number("Threshold", "Caseload threshold (weighted, for a full-time worker)"), s => s.Weights.Threshold, false),
        (Number("NewlyQualifiedThreshold", "Protected caseload of a newly qualified worker (weighted, full-time)"), s => s.Weights.NewlyQualifiedThreshold, false),
        (Number("PersonalWorkingDays", "Personal supervision due every (working days)"), s => s.Cadence.PersonalWorkingDays, true),
        (Number("NewlyQualifiedWorkingDays", "Personal supervision of a newly qualified worker due every (working days)"), s => s.Cadence.NewlyQualifiedWorkingDays, true),
        (Number("CaseWorkingDays", "Case supervision of each allocated child due every (working days)"), s => s.Cadence.CaseWorkingDays, true),
        (Number("OversightDays", "A management decision on each open child at least every (days)"), s => s.Oversight.Days, true),
    ];

    public DateOnly Today => options.Today;

    public WorkforceStandards Standards { get; private set; } = WorkforceStandards.Default;

    public bool MayChange => User.Has(Permission.SetWorkforceStandards);

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public ErrorSummary Errors => ErrorSummary.FromModelState(ModelState, Questions.ToDictionary(q => q.Field.Name, q => q.Field.FirstInputId));

    private static FieldSpec Number(string name, string label) => new(name, FieldKind.Text, label, label[..1].ToLowerInvariant() + label[1..]);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Standards = await WorkforceLists.StandardsAsync(db, cancellationToken);
        Show(Standards);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
        {
            await audit.WriteAsync(AuditAction.AccessDenied, false, detail: "workforce standards: may not change them", cancellationToken: cancellationToken);
            return Forbid();
        }

        var authority = await db.Authorities.OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (authority is null)
        {
            return NotFound();
        }

        Standards = WorkforceStandards.FromJson(authority.WorkforceStandards, out _);
        var read = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (field, _, whole) in Questions)
        {
            var text = Request.Form[field.Name].ToString().Trim();
            Values[field.Name] = text;
            if (text.Length == 0)
            {
                ModelState.AddModelError(field.Name, $"Enter the {field.Subject}");
            }
            else if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                ModelState.AddModelError(field.Name, whole ? $"Enter the {field.Subject} as a whole number, like 20" : $"Enter the {field.Subject} as a number, like 1.5");
            }
            else if (whole && value != Math.Truncate(value))
            {
                ModelState.AddModelError(field.Name, $"Enter the {field.Subject} as a whole number, like 20");
            }
            else
            {
                read[field.Name] = value;
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var next = new WorkforceStandards
        {
            Weights = new CaseloadWeights
            {
                InProceedings = read["InProceedings"],
                ChildProtection = read["ChildProtection"],
                LookedAfter = read["LookedAfter"],
                OpenAssessment = read["OpenAssessment"],
                ChildInNeed = read["ChildInNeed"],
                CareLeaver = read["CareLeaver"],
                Other = read["Other"],
                Threshold = read["Threshold"],
                NewlyQualifiedThreshold = read["NewlyQualifiedThreshold"],
            },
            Cadence = new SupervisionCadence
            {
                PersonalWorkingDays = Whole(read["PersonalWorkingDays"]),
                NewlyQualifiedWorkingDays = Whole(read["NewlyQualifiedWorkingDays"]),
                CaseWorkingDays = Whole(read["CaseWorkingDays"]),
            },
            Oversight = new OversightSettings { Days = Whole(read["OversightDays"]) },
        };
        foreach (var (field, message) in next.Problems())
        {
            if (ModelState[field]?.Errors.Count is null or 0)
            {
                ModelState.AddModelError(field, message);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = authority.WorkforceStandards;
        authority.WorkforceStandards = next.ToJson();
        await audit.WriteSettingsAsync($"workforce standards changed from {before ?? "the defaults"} to {authority.WorkforceStandards}", ct => db.SaveChangesAsync(ct), cancellationToken);
        ChildFiles.ForgetSettings();
        TempData["done"] = "The workforce standards are saved and apply to every list now";
        return Redirect("/workforce/settings");
    }

    private static int Whole(decimal value) => value is > int.MaxValue or < int.MinValue ? int.MaxValue : (int)value;

    private void Show(WorkforceStandards standards)
    {
        foreach (var (field, value, whole) in Questions)
        {
            Values[field.Name] = value(standards).ToString(whole ? "0" : "0.##", CultureInfo.InvariantCulture);
        }
    }
}
