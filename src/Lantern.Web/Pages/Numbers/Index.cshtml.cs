using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Numbers;

/// <summary>Numbers about the service as at the app's "today", by ward and by age band, with small
/// counts suppressed (<see cref="Suppression"/>); never names or identifiers. Counted in the database
/// with group-by queries.</summary>
[RequirePermission(Permission.ViewAggregates)]
public sealed class IndexModel(LanternDbContext db, LanternDataOptions data) : PageModel
{
    public const string NotRecorded = "Not recorded";

    public static IReadOnlyList<string> Measures { get; } =
    [
        "Children looked after",
        "Children on child protection plans",
        "Children in need",
        "Referrals in the last 12 months",
    ];

    public static IReadOnlyList<string> AgeBands { get; } = ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 to 17", "Other ages or not recorded"];

    public DateOnly Today => data.Today;

    public NumbersTable ByWard { get; private set; } = null!;

    public NumbersTable ByAge { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var lookedAfter = db.CareEpisodes.Where(e => e.StartDate <= today && (e.EndDate == null || e.EndDate > today)).Select(e => e.ChildId);
        var onPlan = db.ProtectionPlans.Where(p => p.StartDate <= today && (p.EndDate == null || p.EndDate > today)).Select(p => p.ChildId);
        var inNeed = db.Referrals.Where(r => !r.NoFurtherAction && r.ReferralDate <= today && (r.ClosureDate == null || r.ClosureDate > today)).Select(r => r.ChildId);
        var yearAgo = today.AddYears(-1);
        var referred = db.Referrals.Where(r => r.ReferralDate > yearAgo && r.ReferralDate <= today)
            .Join(db.Children, r => r.ChildId, c => c.Id, (r, c) => c);

        var cells = new[]
        {
            await CountAsync(db.Children.Where(c => lookedAfter.Contains(c.Id)), today, cancellationToken),
            await CountAsync(db.Children.Where(c => onPlan.Contains(c.Id)), today, cancellationToken),
            await CountAsync(db.Children.Where(c => inNeed.Contains(c.Id)), today, cancellationToken),
            await CountAsync(referred, today, cancellationToken),
        };

        var wards = await db.Wards.AsNoTracking().Select(w => w.Name).ToListAsync(cancellationToken);
        var wardNames = wards
            .Concat(cells.SelectMany(m => m).Select(c => c.Ward ?? NotRecorded))
            .Where(w => w != NotRecorded)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Append(NotRecorded)
            .ToList();
        ByWard = NumbersTable.Build(
            wardNames,
            cells.Select(m => (Func<string, int>)(ward => m.Where(c => (c.Ward ?? NotRecorded) == ward).Sum(c => c.Count))).ToList());
        ByAge = NumbersTable.Build(
            AgeBands,
            cells.Select(m => (Func<string, int>)(band => m.Where(c => AgeBands[c.Band] == band).Sum(c => c.Count))).ToList());
    }

    /// <summary>Counts of <paramref name="children"/> by ward and age band (as at <paramref name="today"/>), in one query.</summary>
    private static async Task<List<Cell>> CountAsync(IQueryable<Child> children, DateOnly today, CancellationToken cancellationToken)
    {
        var one = today.AddYears(-1);
        var five = today.AddYears(-5);
        var ten = today.AddYears(-10);
        var sixteen = today.AddYears(-16);
        var eighteen = today.AddYears(-18);
        var rows = await children
            .Select(c => new
            {
                c.Ward,
                Band = c.DateOfBirth == null || c.DateOfBirth > today ? 5
                    : c.DateOfBirth > one ? 0
                    : c.DateOfBirth > five ? 1
                    : c.DateOfBirth > ten ? 2
                    : c.DateOfBirth > sixteen ? 3
                    : c.DateOfBirth > eighteen ? 4
                    : 5,
            })
            .GroupBy(c => new { c.Ward, c.Band })
            .Select(g => new { g.Key.Ward, g.Key.Band, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Cell(r.Ward, r.Band, r.Count))];
    }

    private sealed record Cell(string? Ward, int Band, int Count);
}

/// <summary>A table of counts: one row per group (ward or age band), one column per measure, with
/// a total row. Each measure's counts add up to its shown total, so each column is suppressed as a
/// group (primary and secondary suppression).</summary>
public sealed record NumbersTable(IReadOnlyList<string> Groups, IReadOnlyList<IReadOnlyList<NumberCell>> Rows, IReadOnlyList<NumberCell> Totals)
{
    public static NumbersTable Build(IReadOnlyList<string> groups, IReadOnlyList<Func<string, int>> measures)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(measures);
        var columns = measures.Select(measure =>
        {
            var counts = groups.Select(measure).ToList();
            var hide = Suppression.Suppress(counts);
            return counts.Select((count, i) => new NumberCell(count, hide[i])).ToList();
        }).ToList();
        var rows = groups.Select((_, r) => (IReadOnlyList<NumberCell>)[.. columns.Select(column => column[r])]).ToList();
        var totals = columns.Select(column =>
        {
            var counts = column.Select(c => c.Count).ToList();
            return new NumberCell(counts.Sum(), Suppression.TotalMustBeHidden(counts));
        }).ToList();
        return new NumbersTable(groups, rows, totals);
    }
}

/// <summary>One count and whether it is hidden.</summary>
public sealed record NumberCell(int Count, bool Hidden)
{
    public string Text => Hidden ? Suppression.SuppressedText : Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
