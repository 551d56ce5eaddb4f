using System.Security.Claims;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Security;

namespace Lantern.Web.Journey;

/// <summary>The decision panel actions on a child's record: "Request a panel" while the child is open
/// to social care (a referral, a plan or a care episode open today), and "Record the panel decision"
/// for each request still waiting, for a manager (<see cref="Permission.AuthoriseCasework"/>).</summary>
public sealed class PanelActions : ICaseworkActionSource
{
    public const string Group = "Panels";

    public IEnumerable<CaseworkAction> For(ChildFile file, DateOnly today, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(user);
        var child = file.Child.Id;
        if (user.Has(Permission.RecordCasework) && OpenToSocialCare(file, today))
        {
            yield return new CaseworkAction(Group, "Request a panel", $"/children/{child}/panels/new");
        }

        if (user.Has(Permission.AuthoriseCasework))
        {
            foreach (var request in file.PanelDecisions.Where(IsPending).OrderBy(r => r.RequestDate).ThenBy(r => r.Id))
            {
                yield return new CaseworkAction(Group, $"Record the panel decision: {PanelWaits.Name(request.Panel)}, requested {Display.Date(request.RequestDate)}", $"/children/{child}/panels/{request.Id}/decision");
            }
        }
    }

    /// <summary>Whether the child is open to social care on <paramref name="today"/>: a referral, a
    /// child protection or child in need plan, or a care episode open that day.</summary>
    public static bool OpenToSocialCare(ChildFile file, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Referrals.Any(r => ChildStatus.IsOpen(r.ReferralDate, r.ClosureDate, today))
            || file.ProtectionPlans.Any(p => ChildStatus.IsOpen(p.StartDate, p.EndDate, today))
            || file.ChildInNeedPlans.Any(p => ChildStatus.IsOpen(p.StartDate, p.EndDate, today))
            || file.CareEpisodes.Any(e => ChildStatus.IsOpen(e.StartDate, e.EndDate, today));
    }

    /// <summary>A request the panel has not decided: no decision date and no outcome.</summary>
    public static bool IsPending(PanelDecision request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.DecisionDate is null && request.Outcome == PanelOutcome.Pending;
    }

    /// <summary>The panel's name as it reads inside a sentence ("the resource and placement panel").</summary>
    public static string InSentence(PanelType panel)
    {
        var name = PanelWaits.Name(panel);
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
