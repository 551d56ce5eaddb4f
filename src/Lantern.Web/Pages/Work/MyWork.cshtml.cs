using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Lantern.Web.Pages.Work;

/// <summary>"My work": the signed-in practitioner's children (allocated today, early help they lead,
/// contacts they recorded still awaiting a decision) with every statutory-clock item not yet done,
/// most urgent first; and, for a manager, what waits for them to authorise.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class MyWorkModel(LanternDbContext db, LanternDataOptions options, IMemoryCache cache, IServiceScopeFactory scopes, ChildAccessService access, ChildRecordCache records, AuditWriter audit) : PageModel
{
    public DateOnly Today => options.Today;

    /// <summary>False when the account is not linked to a worker (nothing can be theirs).</summary>
    public bool HasWorker { get; private set; }

    public IReadOnlyList<MyChild> Children { get; private set; } = [];

    public IReadOnlyList<DueRow> Due { get; private set; } = [];

    /// <summary>Null unless the person authorises casework.</summary>
    public IReadOnlyList<AwaitingRow>? Waiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var lists = new WorkLists(db, options, cache, scopes, access, records);
        if (User.Worker() is { } me)
        {
            HasWorker = true;
            var work = await lists.MineAsync(me, cancellationToken);
            Children = work.Children;
            Due = work.Due;
            if (User.Has(Permission.AuthoriseCasework) && await lists.ScopeAsync(User, null, cancellationToken) is { } scope)
            {
                Waiting = await lists.AwaitingAsync(scope, cancellationToken);
            }

            // A restricted record is listed only for someone named on it.
            var restricted = Children.Where(c => c.Restricted).Select(c => c.ChildId)
                .Concat(Waiting?.Where(w => w.Restricted).Select(w => w.ChildId) ?? [])
                .Distinct()
                .Select(id => KeyValuePair.Create(id, true))
                .ToList();
            if (restricted.Count > 0)
            {
                var hidden = await access.HiddenAsync(User, restricted, cancellationToken);
                Children = [.. Children.Where(c => !hidden.Contains(c.ChildId))];
                Due = [.. Due.Where(d => !hidden.Contains(d.ChildId))];
                Waiting = Waiting?.Where(w => !hidden.Contains(w.ChildId)).ToList();
            }
        }

        await audit.WriteAsync(AuditAction.Search, true, detail: $"my work: {Children.Count} children, {Due.Count} items due", cancellationToken: cancellationToken);
        return Page();
    }

    public static Tag StatusTag(DueRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Status switch
        {
            ClockStatus.Overdue => new Tag(row.DaysOverdue switch
            {
                0 => "Overdue",
                1 => "1 working day overdue",
                var n => $"{n} working days overdue",
            })
            { Colour = TagColour.Red },
            ClockStatus.DueToday => new Tag("Due today") { Colour = TagColour.Orange },
            _ => new Tag("Upcoming") { Colour = TagColour.Grey },
        };
    }

    public static string Waited(int workingDays) => workingDays switch
    {
        0 => "Today",
        1 => "1 working day",
        var n => $"{n} working days",
    };

    public static string What(AwaitingKind kind) => kind switch
    {
        AwaitingKind.Assessment => "Assessment to authorise",
        AwaitingKind.ContactDecision => "Screening decision to sign off",
        _ => "Step-down to child in need to authorise",
    };
}
