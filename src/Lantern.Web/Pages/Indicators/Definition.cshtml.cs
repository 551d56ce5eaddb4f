using Lantern.Domain.Access;
using Lantern.Metrics.Indicators;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Indicators;

/// <summary>An indicator's published definition on a page of its own: what it counts, the formula,
/// numerator and denominator, which way is better and where the definition comes from.</summary>
[RequirePermission(Permission.ViewAggregates)]
public sealed class DefinitionModel : PageModel
{
    public Indicator Indicator { get; private set; } = null!;

    public IActionResult OnGet(string id)
    {
        if (IndicatorCatalogue.Find(id) is not { } indicator)
        {
            return NotFound();
        }

        Indicator = indicator;
        return Page();
    }
}
