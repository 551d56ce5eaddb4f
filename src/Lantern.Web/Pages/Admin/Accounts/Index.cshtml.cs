using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Admin.Accounts;

/// <summary>Every account: who, role, whether locked, whether their sign-in device is set up, when
/// they last signed in.</summary>
[RequirePermission(Permission.ManageAccounts)]
public sealed class IndexModel(LanternDbContext db) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var workerIds = users.Where(u => u.WorkerId is not null).Select(u => u.WorkerId!.Value).Distinct().ToList();
        var staffIds = await db.Workers.AsNoTracking()
            .Where(w => workerIds.Contains(w.Id))
            .Select(w => new { w.Id, w.StaffId })
            .ToDictionaryAsync(w => w.Id, w => w.StaffId, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        Accounts = users
            .Select(u => AccountSummary.From(u, u.WorkerId is { } w ? staffIds.GetValueOrDefault(w) : null, now))
            .OrderBy(a => a.UserName, StringComparer.Ordinal)
            .ToList();
    }
}
