using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Model;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children;

/// <summary>Find a child. Search terms are personal data, so the form posts (with anti-forgery)
/// and nothing is put in the URL.</summary>
public sealed class IndexModel(LanternDbContext db, LanternDataOptions options) : PageModel
{
    public const int MaxResults = 50;
    public const string EmptySearchMessage = "Enter a name, child ID, NHS number or date of birth";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? ChildId { get; set; }

    [BindProperty]
    public string? NhsNumber { get; set; }

    [BindProperty(Name = "dob-day")]
    public string? DobDay { get; set; }

    [BindProperty(Name = "dob-month")]
    public string? DobMonth { get; set; }

    [BindProperty(Name = "dob-year")]
    public string? DobYear { get; set; }

    public bool Searched { get; private set; }

    public bool MoreThanMax { get; private set; }

    public IReadOnlyList<ResultRow> Results { get; private set; } = [];

    public DateOnly Today => options.Today;

    public string? DobError { get; private set; }

    public string? NhsError { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim();
        var childId = ChildId?.Trim();
        var nhs = NhsNumber is null ? null : new string(NhsNumber.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var dobGiven = !string.IsNullOrWhiteSpace(DobDay) || !string.IsNullOrWhiteSpace(DobMonth) || !string.IsNullOrWhiteSpace(DobYear);

        if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(childId) && string.IsNullOrEmpty(nhs) && !dobGiven)
        {
            ModelState.AddModelError(nameof(Name), EmptySearchMessage);
            return Page();
        }

        DateOnly? dob = null;
        if (dobGiven)
        {
            if (DateOnly.TryParseExact($"{DobYear?.Trim()}-{DobMonth?.Trim()?.PadLeft(2, '0')}-{DobDay?.Trim()?.PadLeft(2, '0')}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                dob = parsed;
            }
            else
            {
                DobError = "Date of birth must be a real date";
                ModelState.AddModelError("dob-day", DobError);
            }
        }

        if (!string.IsNullOrEmpty(nhs) && !nhs.All(char.IsAsciiDigit))
        {
            NhsError = "NHS number must only include numbers and spaces";
            ModelState.AddModelError(nameof(NhsNumber), NhsError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // ToLower/ToUpper translate to SQL on both providers; the StringComparison overloads do not.
#pragma warning disable CA1862
        var query = db.Children.AsNoTracking().Where(c => !c.IsRestricted);
        if (!string.IsNullOrEmpty(name))
        {
            foreach (var term in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var lower = term.ToLowerInvariant();
                query = query.Where(c => c.GivenName.ToLower().Contains(lower) || c.FamilyName.ToLower().Contains(lower));
            }
        }

        if (!string.IsNullOrEmpty(childId))
        {
            var id = childId.ToUpperInvariant();
            query = query.Where(c => c.LaChildId.ToUpper() == id);
        }

#pragma warning restore CA1862
        if (!string.IsNullOrEmpty(nhs))
        {
            query = query.Where(c => c.NhsNumber == nhs);
        }

        if (dob is { } d)
        {
            query = query.Where(c => c.DateOfBirth == d);
        }

        var children = await query
            .OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ThenBy(c => c.Id)
            .Take(MaxResults + 1)
            .ToListAsync(cancellationToken);
        MoreThanMax = children.Count > MaxResults;
        if (MoreThanMax)
        {
            children.RemoveAt(MaxResults);
        }

        var ids = children.Select(c => c.Id).ToList();
        var episodes = await db.CareEpisodes.AsNoTracking().Where(r => ids.Contains(r.ChildId)).ToListAsync(cancellationToken);
        var plans = await db.ProtectionPlans.AsNoTracking().Where(r => ids.Contains(r.ChildId)).ToListAsync(cancellationToken);
        var cinPlans = await db.ChildInNeedPlans.AsNoTracking().Where(r => ids.Contains(r.ChildId)).ToListAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Where(r => ids.Contains(r.ChildId)).ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.ChildId)).ToListAsync(cancellationToken);

        Results = [.. children.Select(c => new ResultRow(c, ChildStatus.Tags(
            Today,
            episodes.Where(e => e.ChildId == c.Id),
            plans.Where(e => e.ChildId == c.Id),
            cinPlans.Where(e => e.ChildId == c.Id),
            assessments.Where(e => e.ChildId == c.Id),
            referrals.Where(e => e.ChildId == c.Id))))];
        Searched = true;
        return Page();
    }

    public sealed record ResultRow(Child Child, IReadOnlyList<Tag> Status);
}
