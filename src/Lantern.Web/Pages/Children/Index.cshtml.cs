using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children;

/// <summary>Find a child. Search terms are personal data, so the form posts (with anti-forgery)
/// and nothing is put in the URL. Restricted records are left out unless the person is named on
/// them; children the person may only know of are still listed (name, date of birth, ID) so that
/// they can see the child is known and who to contact, but without anything from the record. Every
/// search is audited with its criteria and the number of results.</summary>
[RequirePermission(Permission.FindChildren)]
public sealed class IndexModel(LanternDbContext db, LanternDataOptions options, ChildAccessService access, AuditWriter audit) : PageModel
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
        var named = await access.NamedChildIdsAsync(cancellationToken);
#pragma warning disable CA1862
        var query = db.Children.AsNoTracking().Where(c => !c.IsRestricted || named.Contains(c.Id));
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

        // The query already leaves out restricted records the person is not named on; the decision
        // is asked again so that the policy, not the query, has the last word.
        var decisions = await access.DecideAsync(User, [.. children.Select(c => KeyValuePair.Create(c.Id, c.IsRestricted))], cancellationToken);
        children.RemoveAll(c => decisions[c.Id].Level == ChildAccessLevel.Hidden);
        await audit.WriteAsync(AuditAction.Search, true, detail: Criteria(name, childId, nhs, dob, children.Count, MoreThanMax), cancellationToken: cancellationToken);

        var ids = children.Where(c => decisions[c.Id].CanOpen).Select(c => c.Id).ToList();
        var episodes = await db.CareEpisodes.AsNoTracking().Where(r => ids.Contains(r.ChildId)).ToListAsync(cancellationToken);
        var plans = await db.ProtectionPlans.AsNoTracking().Where(r => ids.Contains(r.ChildId)).ToListAsync(cancellationToken);
        var cinPlans = await db.ChildInNeedPlans.AsNoTracking().Where(r => ids.Contains(r.ChildId)).ToListAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Where(r => ids.Contains(r.ChildId)).ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.ChildId)).ToListAsync(cancellationToken);

        Results = [.. children.Select(c => new ResultRow(
            c,
            decisions[c.Id].CanOpen,
            decisions[c.Id].CanOpen
                ? ChildStatus.Tags(
                    Today,
                    episodes.Where(e => e.ChildId == c.Id),
                    plans.Where(e => e.ChildId == c.Id),
                    cinPlans.Where(e => e.ChildId == c.Id),
                    assessments.Where(e => e.ChildId == c.Id),
                    referrals.Where(e => e.ChildId == c.Id))
                : []))];
        Searched = true;
        return Page();
    }

    /// <summary>The search as recorded in the audit: the fields used with their values (the audit
    /// is itself a protected record), and the number of results.</summary>
    internal static string Criteria(string? name, string? childId, string? nhs, DateOnly? dob, int results, bool more = false)
    {
        var fields = new List<string>();
        if (!string.IsNullOrEmpty(name))
        {
            fields.Add($"name=\"{name}\"");
        }

        if (!string.IsNullOrEmpty(childId))
        {
            fields.Add($"child ID=\"{childId}\"");
        }

        if (!string.IsNullOrEmpty(nhs))
        {
            fields.Add($"NHS number=\"{nhs}\"");
        }

        if (dob is { } d)
        {
            fields.Add($"date of birth={d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        return $"{string.Join("; ", fields)}; results={results.ToString(CultureInfo.InvariantCulture)}{(more ? " (more matched)" : "")}";
    }

    /// <summary>One child found. <see cref="CanOpen"/> false: the person may only see that the
    /// child is known, so nothing from the record (ward, status) is shown.</summary>
    public sealed record ResultRow(Child Child, bool CanOpen, IReadOnlyList<Tag> Status);
}
