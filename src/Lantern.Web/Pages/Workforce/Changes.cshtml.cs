using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Lantern.Web.Work;

namespace Lantern.Web.Pages.Workforce;

/// <summary>Changes of worker for a manager's scope: for each child allocated to its workers, the
/// changes of worker in the 12 months to today (an allocation to a different worker from the one
/// before), the distribution, and the children with three or more changes.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class ChangesModel(LanternDataOptions options, WorkLists lists, WorkforceLists workforce, ChildAccessService access, AuditWriter audit, Lantern.Data.LanternDbContext db)
    : WorkforcePageModel(options, lists, workforce, access, audit, db, "/workforce/changes")
{
    protected override string Listed =>
        string.Create(CultureInfo.InvariantCulture, $"{Snapshot.Changes.Count} of {Snapshot.AllocatedChildren} children with three or more changes of worker");
}
