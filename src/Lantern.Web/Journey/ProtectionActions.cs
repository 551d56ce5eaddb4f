using System.Security.Claims;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Web.Casework;
using Lantern.Web.Security;

namespace Lantern.Web.Journey;

/// <summary>The child protection actions that apply to a child now: a strategy discussion on an open
/// referral; the outcome of an open section 47 enquiry; the initial conference once an enquiry has
/// said one is needed; for an open plan, core groups, review conferences and proposing a step-down;
/// and for managers, deciding a step-down someone else proposed and ending the plan.</summary>
public sealed class ProtectionActions : ICaseworkActionSource
{
    public const string Group = "Child protection";

    public IEnumerable<CaseworkAction> For(ChildFile file, DateOnly today, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(user);
        var child = file.Child.Id;
        var plan = ProtectionJourney.OpenPlan(file);
        if (user.Has(Permission.RecordCasework))
        {
            if (AssessmentJourney.OpenReferral(file) is not null)
            {
                yield return new CaseworkAction(Group, "Record a strategy discussion", $"/children/{child}/protection/strategy/new");
            }

            foreach (var enquiry in file.Section47s.OrderBy(s => s.StartDate).ThenBy(s => s.Id))
            {
                if (enquiry.EndDate is null)
                {
                    yield return new CaseworkAction(Group, "Record the outcome of the section 47 enquiry", $"/children/{child}/protection/section-47/{enquiry.Id}/outcome");
                }
                else if (ProtectionJourney.AwaitsInitialConference(file, enquiry))
                {
                    yield return new CaseworkAction(Group, "Record the initial child protection conference", $"/children/{child}/protection/section-47/{enquiry.Id}/initial-conference");
                }
            }

            if (plan is not null)
            {
                yield return new CaseworkAction(Group, "Record a core group meeting", $"/children/{child}/protection/{plan.Id}/core-groups/new");
                yield return new CaseworkAction(Group, "Record a review child protection conference", $"/children/{child}/protection/{plan.Id}/reviews/new");
                if (plan.StepDownProposedOn is null)
                {
                    yield return new CaseworkAction(Group, "Propose a step-down to child in need", $"/children/{child}/protection/{plan.Id}/step-down");
                }
            }
        }

        if (plan is not null && user.Has(Permission.AuthoriseCasework))
        {
            if (plan.StepDownProposedOn is not null && plan.StepDownProposedByWorkerId != user.Worker())
            {
                yield return new CaseworkAction(Group, "Authorise or decline the step-down to child in need", $"/children/{child}/protection/{plan.Id}/step-down/authorise");
            }

            yield return new CaseworkAction(Group, "End the child protection plan", $"/children/{child}/protection/{plan.Id}/end");
        }
    }
}
