using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Calendar;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lantern.Web.Pages.Workforce;

/// <summary>One request to a panel on the panels page, with how long it has waited today.</summary>
public sealed record PanelRequestRow(long RequestId, long ChildId, string ChildName, bool Restricted, PanelWait Wait);

/// <summary>Every panel request in one scope, as kept: the requests themselves (for the summary of
/// any period), those still waiting longest first, and those decided newest decision first.</summary>
public sealed record PanelBook(IReadOnlyList<PanelDecision> Requests, IReadOnlyList<PanelRequestRow> Pending, IReadOnlyList<PanelRequestRow> Decided)
{
    /// <summary>The summaries worked out from this book, by period and day: most requests ask for
    /// the default period, so each is worked out once while the book is kept.</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<(DateOnly From, DateOnly To, DateOnly Today), IReadOnlyList<PanelSummary>> Summaries { get; } = new();
}

/// <summary>Requests to the council's decision panels (legal gateway, resource and placement, edge of
/// care) about children allocated to workers in the person's scope (their worker on the day of the
/// request or today; every request for a director): per panel for the requests made in a period
/// (the last 12 months by default) the number decided and pending, the median and mean working days
/// from request to decision and the longest wait so far; then every request still waiting, longest
/// first; then the decisions made in the period. The requests are gathered once per scope in the
/// background and kept like the team lists (<see cref="WorkLists.KeptAsync"/>); the period is applied
/// to the kept list on each request.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class PanelsModel(LanternDbContext db, LanternDataOptions options, IMemoryCache cache, IServiceScopeFactory scopes, ChildAccessService access, ChildRecordCache records, AuditWriter audit) : PageModel
{
    /// <summary>The most rows each list shows.</summary>
    public const int MaxRows = 200;

    /// <summary>The longest period that may be chosen, in years.</summary>
    public const int LongestPeriodYears = 5;

    public const string FromName = "from";

    public const string ToName = "to";

    public DateOnly Today => options.Today;

    public WorkScope? Scope { get; private set; }

    public long? TeamId { get; private set; }

    public string ScopeName { get; private set; } = "";

    /// <summary>The period as asked for (shown again in the form).</summary>
    public string? FromText { get; private set; }

    public string? ToText { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary>Whether the figures are shown: false when the period asked for is refused.</summary>
    public bool Shown { get; private set; }

    public IReadOnlyList<PanelSummary> Summary { get; private set; } = [];

    /// <summary>Every request waiting for a decision today, longest waiting first.</summary>
    public IReadOnlyList<PanelRequestRow> Pending { get; private set; } = [];

    /// <summary>The decisions made in the period, newest first.</summary>
    public IReadOnlyList<PanelRequestRow> Decisions { get; private set; } = [];

    public ErrorSummary Errors => ErrorSummary.FromModelState(ModelState, new Dictionary<string, string> { [FromName] = FromName, [ToName] = ToName });

    public string? Error(string name) => ModelState[name]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? team, [FromQuery] string? from, [FromQuery] string? to, CancellationToken cancellationToken)
    {
        var lists = new WorkLists(db, options, cache, scopes, access, records);
        if (await lists.ChooseAsync(User, team, cancellationToken) is not { } choice)
        {
            return NotFound();
        }

        var (scope, teamId, scopeName) = choice;
        Scope = scope;
        TeamId = teamId;
        ScopeName = scopeName;
        FromText = string.IsNullOrWhiteSpace(from) ? null : from.Trim();
        ToText = string.IsNullOrWhiteSpace(to) ? null : to.Trim();
        if (Period(FromText, ToText, Today) is not { } period)
        {
            return Page();
        }

        (From, To) = period;
        var today = Today;
        var book = await lists.KeptAsync(
            "Panels." + scope.Key,
            (context, ct) => ComputeAsync(context, scope, today, ct),
            cancellationToken);

        var (start, end) = (From, To);
        Summary = book.Summaries.GetOrAdd((start, end, today), key => PanelWaits.Summarise(book.Requests, key.From, key.To, key.Today));
        IReadOnlyList<PanelRequestRow> decisions = [.. book.Decided.Where(r => r.Wait.DecisionDate >= start && r.Wait.DecisionDate <= end)];
        IReadOnlyList<PanelRequestRow> pending = book.Pending;
        var restricted = pending.Concat(decisions).Where(r => r.Restricted).Select(r => KeyValuePair.Create(r.ChildId, true)).DistinctBy(r => r.Key).ToList();
        if (restricted.Count > 0 && await access.HiddenAsync(User, restricted, cancellationToken) is { Count: > 0 } hidden)
        {
            pending = [.. pending.Where(r => !hidden.Contains(r.ChildId))];
            decisions = [.. decisions.Where(r => !hidden.Contains(r.ChildId))];
        }

        Pending = pending;
        Decisions = decisions;
        Shown = true;
        await audit.WriteAsync(
            AuditAction.Search,
            true,
            detail: string.Create(CultureInfo.InvariantCulture, $"panels ({(teamId is { } t ? "team " + t.ToString(CultureInfo.InvariantCulture) : "all in scope")}, {Display.Iso(From)} to {Display.Iso(To)}): {Summary.Sum(s => s.Requests)} requests, {Pending.Count} pending, {Decisions.Count} decisions"),
            cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>The period asked for (from the last 12 months to today when neither end is given;
    /// a missing start is 12 months before the end, a missing end is today), or null with the
    /// problems recorded against the field.</summary>
    private (DateOnly From, DateOnly To)? Period(string? from, string? to, DateOnly today)
    {
        var start = from is null ? null : Parse(from, FromName, "start");
        var end = to is null ? today : Parse(to, ToName, "end");
        if ((from is not null && start is null) || end is not { } e)
        {
            return null;
        }

        var s = start ?? e.AddMonths(-12).AddDays(1);

        if (s > e)
        {
            ModelState.AddModelError(FromName, $"The start of the period must be the same as or before its end, {Display.Date(e)}");
            return null;
        }

        if (e > s.AddYears(LongestPeriodYears))
        {
            ModelState.AddModelError(ToName, $"The period must be {LongestPeriodYears} years or shorter: choose an end on or before {Display.Date(s.AddYears(LongestPeriodYears))}");
            return null;
        }

        return (s, e);
    }

    private DateOnly? Parse(string text, string name, string which)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError(name, $"The {which} of the period must be a real date written like {Display.Iso(Today)}");
            return null;
        }

        if (date < EnglandBankHolidays.FirstDate || date > EnglandBankHolidays.LastDate)
        {
            ModelState.AddModelError(name, $"The {which} of the period must be between {Display.Date(EnglandBankHolidays.FirstDate)} and {Display.Date(EnglandBankHolidays.LastDate)}");
            return null;
        }

        return date;
    }

    /// <summary>Every request in <paramref name="scope"/> made by <paramref name="today"/>: about a
    /// child allocated, on the day of the request or today, to a worker in the scope (any child for a
    /// director). Dates outside the working-day calendar cannot be measured and are left out.</summary>
    private static async Task<PanelBook> ComputeAsync(LanternDbContext db, WorkScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        var first = EnglandBankHolidays.FirstDate;
        var last = EnglandBankHolidays.LastDate;
        var query = db.PanelDecisions.AsNoTracking()
            .Where(r => r.RequestDate <= today && r.RequestDate >= first && (r.DecisionDate == null || (r.DecisionDate >= first && r.DecisionDate <= last)));
        if (!scope.Everyone)
        {
            var workers = scope.Workers.ToList();
            query = query.Where(r => db.Allocations.Any(a => a.ChildId == r.ChildId && workers.Contains(a.WorkerId)
                && ((a.StartDate <= r.RequestDate && (a.EndDate == null || a.EndDate >= r.RequestDate))
                    || (a.StartDate <= today && (a.EndDate == null || a.EndDate >= today)))));
        }

        // Without the notes, which the page does not show: a director's list holds every request.
        var requests = await query.OrderBy(r => r.Id)
            .Select(r => new PanelDecision { Id = r.Id, ChildId = r.ChildId, Panel = r.Panel, RequestDate = r.RequestDate, DecisionDate = r.DecisionDate, Outcome = r.Outcome })
            .ToListAsync(cancellationToken);
        var names = new Dictionary<long, (string Name, bool Restricted)>();
        foreach (var chunk in requests.Select(r => r.ChildId).Distinct().Chunk(ChildFiles.ChunkSize))
        {
            var ids = chunk.ToList();
            foreach (var c in await db.Children.AsNoTracking()
                .Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.GivenName, c.FamilyName, c.IsRestricted })
                .ToListAsync(cancellationToken))
            {
                names[c.Id] = (c.GivenName + " " + c.FamilyName, c.IsRestricted);
            }
        }

        var rows = requests
            .Where(r => names.ContainsKey(r.ChildId))
            .Select(r => new PanelRequestRow(r.Id, r.ChildId, names[r.ChildId].Name, names[r.ChildId].Restricted, PanelWaits.Of(r, today)!))
            .ToList();
        return new PanelBook(
            requests,
            [
                .. rows.Where(r => !r.Wait.Decided)
                    .OrderByDescending(r => r.Wait.WorkingDaysWaiting).ThenBy(r => r.Wait.RequestDate).ThenBy(r => r.ChildName, StringComparer.Ordinal).ThenBy(r => r.RequestId),
            ],
            [
                .. rows.Where(r => r.Wait.Decided)
                    .OrderByDescending(r => r.Wait.DecisionDate).ThenByDescending(r => r.RequestId),
            ]);
    }
}
