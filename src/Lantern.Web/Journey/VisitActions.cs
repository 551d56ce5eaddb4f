using System.Security.Claims;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Web.Casework;
using Lantern.Web.Security;

namespace Lantern.Web.Journey;

/// <summary>"Record a visit" on the record of a child who is open to social care (a referral, a
/// plan or a care episode open today) or to early help.</summary>
public sealed class VisitActions : ICaseworkActionSource
{
    public IEnumerable<CaseworkAction> For(ChildFile file, DateOnly today, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(user);
        bool Open(DateOnly start, DateOnly? end) => start <= today && (end is null || end >= today);
        var open = file.Referrals.Any(r => Open(r.ReferralDate, r.ClosureDate))
            || file.ProtectionPlans.Any(p => Open(p.StartDate, p.EndDate))
            || file.ChildInNeedPlans.Any(p => Open(p.StartDate, p.EndDate))
            || file.CareEpisodes.Any(e => Open(e.StartDate, e.EndDate))
            || file.EarlyHelp.Any(e => Open(e.StartDate, e.EndDate));
        if (open && user.Has(Permission.RecordCasework))
        {
            yield return new CaseworkAction("Visits", "Record a visit", $"/children/{file.Child.Id}/visits/new");
        }
    }
}
