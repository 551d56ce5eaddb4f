using System.Security.Claims;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Security;

namespace Lantern.Web.Journey;

/// <summary>The child in need plan actions that apply to a child now: start a plan when the open
/// referral's assessment or enquiry decided on one (or a child protection plan stepped down) and
/// none is open; review or end the open plan.</summary>
public sealed class ChildInNeedActions : ICaseworkActionSource
{
    public const string Group = "Child in need";

    public IEnumerable<CaseworkAction> For(ChildFile file, DateOnly today, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.Has(Permission.RecordCasework))
        {
            yield break;
        }

        var child = file.Child.Id;
        if (AssessmentJourney.OpenChildInNeedPlan(file) is { } plan)
        {
            yield return new CaseworkAction(Group, "Record a child in need plan review", $"/children/{child}/child-in-need/{plan.Id}/reviews/new");
            yield return new CaseworkAction(Group, "End the child in need plan", $"/children/{child}/child-in-need/{plan.Id}/end");
            yield break;
        }

        if (AssessmentJourney.OpenReferral(file) is not { } referral
            || file.ProtectionPlans.Any(p => p.EndDate is null)
            || file.CareEpisodes.Any(e => e.EndDate is null))
        {
            yield break;
        }

        var decided = file.Assessments.Any(a => a.ReferralId == referral.Id && a.AuthorisationDate is not null && a.Outcome == AssessmentOutcome.ChildInNeedPlan)
            || file.Section47s.Any(s => s.ReferralId == referral.Id && s.Outcome == Section47Outcome.ChildInNeedPlan)
            || file.ProtectionPlans.Any(p => p.ReferralId == referral.Id && p.EndReason == PlanEndReason.SteppedDownToChildInNeed);
        if (decided)
        {
            yield return new CaseworkAction(Group, "Start a child in need plan", $"/children/{child}/child-in-need/new");
        }
    }
}
