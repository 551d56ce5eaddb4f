using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.FrontDoor;

/// <summary>The front door's queue: contacts awaiting a screening decision, oldest first, each with
/// its decision due date from the statutory clock (one working day by default); and, for managers
/// where the council requires it, screening decisions awaiting sign-off. A child's name is shown only
/// to someone who may open the child's record.</summary>
[RequirePermission(Permission.RecordContacts)]
public sealed class IndexModel(LanternDbContext db, LanternDataOptions options, ChildAccessService access, AuditWriter audit) : PageModel
{
    public const int PageSize = 50;

    public const string KnownText = "Child known to the front door";

    public DateOnly Today => options.Today;

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int AwaitingCount { get; private set; }

    public IReadOnlyList<ContactRow> Awaiting { get; private set; } = [];

    /// <summary>Null when the person does not sign off decisions or the council does not require it.</summary>
    public IReadOnlyList<ContactRow>? SignOff { get; private set; }

    public int SignOffCount { get; private set; }

    public bool CanDecide => User.Has(Permission.RecordCasework);

    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken)
    {
        var (standards, authority) = await ChildFiles.AuthorityAsync(db, cancellationToken);
        var undecided = db.Contacts.AsNoTracking().Where(c => c.DecidedAt == null);
        AwaitingCount = await undecided.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (AwaitingCount + PageSize - 1) / PageSize);
        if (page is { } p && (p < 1 || p > PageCount))
        {
            return NotFound();
        }

        PageNumber = page ?? 1;
        var contacts = await undecided
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);

        List<Domain.Model.Contact> signOff = [];
        if (User.Has(Permission.AuthoriseCasework) && authority.ContactSignOffRequired)
        {
            var from = Today.AddDays(-WorkLists.SignOffWindowDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var waiting = db.Contacts.AsNoTracking().Where(c => c.DecidedAt != null && c.DecidedAt >= from && c.SignedOffAt == null);
            SignOffCount = await waiting.CountAsync(cancellationToken);
            signOff = await waiting.OrderBy(c => c.DecidedAt).ThenBy(c => c.Id).Take(PageSize).ToListAsync(cancellationToken);
        }

        var ids = contacts.Concat(signOff).Select(c => c.ChildId).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.IsRestricted, Name = c.GivenName + " " + c.FamilyName })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var decisions = await access.DecideAsync(User, [.. children.Values.Select(c => KeyValuePair.Create(c.Id, c.IsRestricted))], cancellationToken);
        var directory = await access.DirectoryAsync(cancellationToken);
        ContactRow Row(Domain.Model.Contact c)
        {
            var canOpen = decisions.TryGetValue(c.ChildId, out var d) && d.CanOpen;
            return new ContactRow(
                c.Id,
                c.ChildId,
                canOpen ? children[c.ChildId].Name : null,
                c.ReceivedAt,
                c.Source,
                FrontDoorJourney.DecisionClock(c, standards, Today),
                c.Outcome,
                c.DecidedAt,
                directory.Worker(c.DecidedByWorkerId)?.Name);
        }

        Awaiting = [.. contacts.Select(Row)];
        SignOff = User.Has(Permission.AuthoriseCasework) && authority.ContactSignOffRequired ? [.. signOff.Select(Row)] : null;
        await audit.WriteAsync(
            AuditAction.Search,
            true,
            detail: $"front door: page {PageNumber} of {PageCount}, {Awaiting.Count(r => r.ChildName is not null)} of {Awaiting.Count} contacts shown with names{(SignOff is null ? "" : $"; {SignOff.Count} decisions awaiting sign-off")}",
            cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>One contact in a list. <see cref="ChildName"/> is null when the person may not open the child's record.</summary>
    public sealed record ContactRow(long ContactId, long ChildId, string? ChildName, DateTime ReceivedAt, ReferralSource Source, ClockItem Clock, Domain.Model.ContactOutcome Outcome, DateTime? DecidedAt, string? DecidedBy);
}
