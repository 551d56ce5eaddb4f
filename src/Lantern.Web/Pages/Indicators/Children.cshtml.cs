using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Metrics.Indicators;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Indicators;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Indicators;

/// <summary>One row of the list behind a figure.</summary>
/// <param name="Id">The child's, worker's or allegation's id.</param>
public sealed record UnitRow(long Id, string Name, string Reference, string Age, string Team, string Worker, double Numerator, double Denominator);

/// <summary>The children behind an indicator (or the workers, or the allegations): those counted in
/// the numerator (?in=numerator, the default) or in the denominator (?in=denominator), from the
/// kept figures, each with what it adds to each side. Only for people who may open records and see
/// numbers; only the children whose records the person may open are listed (the access rules of
/// <see cref="ChildAccessService"/>), with a count of the others. Listing is audited as a search.</summary>
[RequirePermission(Permission.ViewChildRecords)]
public sealed class ChildrenModel(IndicatorResults results, ChildAccessService access, AuditWriter audit) : PageModel
{
    public const int PageSize = 200;

    /// <summary>Children are decided in batches this size (the access queries take the ids as a list).</summary>
    private const int DecideBatch = 500;

    public Indicator Indicator { get; private set; } = null!;

    public IndicatorGeneration Figures { get; private set; } = null!;

    /// <summary>"numerator" or "denominator".</summary>
    public string Side { get; private set; } = "numerator";

    public IReadOnlyList<UnitRow> Rows { get; private set; } = [];

    /// <summary>Units on this side, whether listed or not.</summary>
    public int Total { get; private set; }

    /// <summary>Children on this side whose records the person may not open (not listed).</summary>
    public int NotListed { get; private set; }

    /// <summary>Rows the person may see, over all pages.</summary>
    public int Listed { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Pages => Math.Max(1, (Listed + PageSize - 1) / PageSize);

    public bool CanSeeWorkers => User.Has(Permission.ViewTeamWork);

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery(Name = "in")] string? side, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        if (!User.Has(Permission.ViewAggregates))
        {
            return Forbid();
        }

        if (IndicatorCatalogue.Find(id) is not { } indicator || side is not (null or "numerator" or "denominator") || page is < 1)
        {
            return NotFound();
        }

        Indicator = indicator;
        Side = side ?? "numerator";
        PageNumber = page ?? 1;
        Figures = await results.CurrentAsync(cancellationToken);
        var units = Figures.Units(indicator).Where(u => Side == "numerator" ? u.Numerator != 0 : u.Denominator != 0).ToList();
        Total = units.Count;
        var index = Figures.Engine.Index;
        var asAt = Figures.AsAt;
        List<IndicatorUnitRow> visible;
        if (indicator.Definition.Subject == SubjectKind.Child)
        {
            var allowed = new HashSet<long>();
            foreach (var batch in units.Chunk(DecideBatch))
            {
                var pairs = batch.Select(u => KeyValuePair.Create(u.SubjectId, index.Children.TryGetValue(u.SubjectId, out var c) && c.IsRestricted)).ToList();
                var decisions = await access.DecideAsync(User, pairs, cancellationToken);
                allowed.UnionWith(decisions.Where(d => d.Value.CanOpen).Select(d => d.Key));
            }

            visible = [.. units.Where(u => allowed.Contains(u.SubjectId))];
        }
        else
        {
            visible = units;
        }

        Listed = visible.Count;
        NotListed = Total - Listed;
        if (PageNumber > Pages)
        {
            return NotFound();
        }

        Rows = [.. visible.Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(u => Row(u, index, asAt))];
        await audit.WriteAsync(
            AuditAction.Search,
            true,
            detail: string.Create(CultureInfo.InvariantCulture, $"/indicators/{indicator.Id}/children ({Side}, page {PageNumber}): {Rows.Count} of {Total} listed, {NotListed} not open to the person"),
            cancellationToken: cancellationToken);
        return Page();
    }

    private UnitRow Row(IndicatorUnitRow unit, IndicatorIndex index, DateOnly asAt)
    {
        switch (Indicator.Definition.Subject)
        {
            case SubjectKind.Worker:
                var worker = index.Workers.GetValueOrDefault(unit.SubjectId);
                var workerTeam = worker is not null && index.Teams.TryGetValue(worker.TeamId, out var wt) ? wt.Name : "No team";
                return new UnitRow(unit.SubjectId, worker?.DisplayName ?? "Unknown worker", worker?.StaffId ?? "", "", workerTeam, "", unit.Numerator, unit.Denominator);
            case SubjectKind.Allegation:
                var allegation = index.Data.Allegations.FirstOrDefault(a => a.Id == unit.SubjectId);
                return new UnitRow(unit.SubjectId, "Allegation " + unit.SubjectId.ToString(CultureInfo.InvariantCulture), allegation is null ? "" : Display.Date(allegation.ReceivedDate), "", "", "", unit.Numerator, unit.Denominator);
            default:
                var child = index.Children.GetValueOrDefault(unit.SubjectId);
                var allocated = index.AllocationOn(unit.SubjectId, asAt) is { } a ? index.Workers.GetValueOrDefault(a.WorkerId) : null;
                var team = allocated is not null && index.Teams.TryGetValue(allocated.TeamId, out var t) ? t.Name : "Unallocated";
                return new UnitRow(
                    unit.SubjectId,
                    child is null ? "Child " + unit.SubjectId.ToString(CultureInfo.InvariantCulture) : child.GivenName + " " + child.FamilyName,
                    child?.LaChildId ?? "",
                    child is null ? "" : Display.Age(child, asAt),
                    team,
                    allocated?.DisplayName ?? "None",
                    unit.Numerator,
                    unit.Denominator);
        }
    }
}
