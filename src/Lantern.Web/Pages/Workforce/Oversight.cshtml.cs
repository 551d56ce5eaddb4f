using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Security;
using Lantern.Web.Work;

namespace Lantern.Web.Pages.Workforce;

/// <summary>Management oversight for a manager's scope: the children allocated to its workers and
/// open to social care who have gone longer than the council's period without a recorded management
/// decision (the clock runs from the later of the last decision and the day the child's current
/// involvement began), longest first, and the share within the period.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class OversightModel(LanternDataOptions options, WorkLists lists, WorkforceLists workforce, ChildAccessService access, AuditWriter audit, Lantern.Data.LanternDbContext db)
    : WorkforcePageModel(options, lists, workforce, access, audit, db, "/workforce/oversight")
{
    protected override string Listed =>
        string.Create(CultureInfo.InvariantCulture, $"{Snapshot.Gaps.Count} of {Snapshot.OpenChildren} open children without oversight in {Standards.Oversight.Days} days");
}
