using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Metrics.Indicators;
using Lantern.Web.Casework;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Indicators;

/// <summary>The council's indicator targets. Everyone who sees the numbers reads them; a service
/// manager, director or performance analyst may set, change or remove the target of an indicator.
/// Every answer is checked by <see cref="Targets"/> (the same rules as <c>lantern targets set</c>)
/// and nothing is saved unless all are right; each change is audited with what it was before.</summary>
[RequirePermission(Permission.ViewAggregates)]
public sealed class TargetsModel(LanternDbContext db, AuditWriter audit) : PageModel
{
    public static FieldSpec IndicatorField { get; } = new("Indicator", FieldKind.Select, "Indicator", "the indicator")
    {
        Hint = "Indicators of demand, such as referrals per 10,000 children, have no target: neither higher nor lower is better.",
        Options = [.. IndicatorCatalogue.All.Where(i => i.Definition.Polarity != Polarity.Neither).Select(i => new FieldOption(i.Id, i.Definition.Title))],
    };

    public static FieldSpec TargetField { get; } = new("Target", FieldKind.Text, "Target", "the target")
    {
        Hint = "In the indicator's unit: a percentage as a number from 0 to 100, like 22.5.",
    };

    public static FieldSpec AmberField { get; } = new("Amber", FieldKind.Text, "Amber margin", "the amber margin")
    {
        Hint = "How far a value may miss the target and still be amber, in the same unit. Further is red. 0 means any miss is red.",
    };

    public static FieldSpec RemoveField { get; } = new("Remove", FieldKind.Select, "Target to remove", "the target to remove");

    public IReadOnlyList<IndicatorTargetRow> Rows { get; private set; } = [];

    public bool MayChange => User.Has(Permission.SetIndicatorTargets);

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public ErrorSummary Errors => ErrorSummary.FromModelState(ModelState, new Dictionary<string, string>
    {
        [IndicatorField.Name] = IndicatorField.Id,
        [TargetField.Name] = TargetField.Id,
        [AmberField.Name] = AmberField.Id,
        [RemoveField.Name] = RemoveField.Id,
    });

    public static string Title(string indicatorId) => IndicatorCatalogue.Find(indicatorId)?.Definition.Title ?? indicatorId;

    /// <summary>A figure with its unit, as the table shows it ("22.5%", "540 per 10,000").</summary>
    public static string Figure(string indicatorId, double value)
    {
        var unit = IndicatorCatalogue.Find(indicatorId)?.Definition.Unit;
        var text = Targets.Format(value);
        return unit switch
        {
            IndicatorUnit.Percent => text + "%",
            IndicatorUnit.Per10k => text + " per 10,000",
            IndicatorUnit.Days => text + " days",
            _ => text,
        };
    }

    public static string Better(string indicatorId) => IndicatorCatalogue.Find(indicatorId)?.Definition.Polarity switch
    {
        Polarity.HigherIsBetter => "Higher is better",
        Polarity.LowerIsBetter => "Lower is better",
        _ => "Neither",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await IndicatorSettings.TargetRowsAsync(db, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
        {
            await audit.WriteAsync(AuditAction.AccessDenied, false, detail: "indicator targets: may not change them", cancellationToken: cancellationToken);
            return Forbid();
        }

        foreach (var field in new[] { IndicatorField, TargetField, AmberField })
        {
            Values[field.Name] = Request.Form[field.Name].ToString().Trim();
        }

        var target = Targets.Read(Values[IndicatorField.Name], Values[TargetField.Name], Values[AmberField.Name], out var problems);
        foreach (var problem in problems)
        {
            var key = problem.Field switch
            {
                Targets.IndicatorField => IndicatorField.Name,
                Targets.TargetField => TargetField.Name,
                _ => AmberField.Name,
            };
            ModelState.AddModelError(key, problem.Message);
        }

        if (target is null)
        {
            Rows = await IndicatorSettings.TargetRowsAsync(db, cancellationToken);
            return Page();
        }

        var by = User.Identity?.Name ?? "";
        await audit.WriteIndicatorSettingsAsync("indicator_target", ct => IndicatorSettings.SetTargetAsync(db, target, by, DateTime.UtcNow, ct), cancellationToken);
        TempData["done"] = string.Create(CultureInfo.InvariantCulture, $"The target for {Title(target.IndicatorId)} is {Figure(target.IndicatorId, target.Value)}, amber within {Targets.Format(target.AmberMargin)}");
        return Redirect("/indicators/targets");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!MayChange)
        {
            await audit.WriteAsync(AuditAction.AccessDenied, false, detail: "indicator targets: may not remove them", cancellationToken: cancellationToken);
            return Forbid();
        }

        var id = Request.Form[RemoveField.Name].ToString().Trim();
        Rows = await IndicatorSettings.TargetRowsAsync(db, cancellationToken);
        if (!Rows.Any(r => r.IndicatorId == id))
        {
            ModelState.AddModelError(RemoveField.Name, id.Length == 0 ? "Select the target to remove" : "That indicator has no target to remove");
            return Page();
        }

        await audit.WriteIndicatorSettingsAsync("indicator_target", async ct => await IndicatorSettings.RemoveTargetAsync(db, id, ct) ?? $"target for {id} already removed", cancellationToken);
        TempData["done"] = $"The target for {Title(id)} is removed";
        return Redirect("/indicators/targets");
    }
}
