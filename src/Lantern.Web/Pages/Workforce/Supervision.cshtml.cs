using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Lantern.Web.Work;

namespace Lantern.Web.Pages.Workforce;

/// <summary>Supervision for a manager's scope: each worker's personal supervision and each allocated
/// child's case supervision against the council's cadence (working days, not counting bank holidays
/// or the worker's recorded absences), the share in time per team, and who and what is overdue.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class SupervisionModel(LanternDataOptions options, WorkLists lists, WorkforceLists workforce, ChildAccessService access, AuditWriter audit, Lantern.Data.LanternDbContext db)
    : WorkforcePageModel(options, lists, workforce, access, audit, db, "/workforce/supervision")
{
    protected override string Listed =>
        string.Create(CultureInfo.InvariantCulture, $"{Snapshot.PersonalOverdue.Count} workers and {Snapshot.CasesOverdue.Count} children overdue for supervision");
}
