using System.Security.Claims;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Web.Casework;
using Lantern.Web.Security;

namespace Lantern.Web.Journey;

/// <summary>The referral and assessment actions that apply to a child now: record a referral when
/// none is open; add the primary need when it is missing; start, complete or authorise the
/// assessment as it stands; close the case when nothing stops it.</summary>
public sealed class AssessmentActions : ICaseworkActionSource
{
    public const string Group = "Referral and assessment";

    public IEnumerable<CaseworkAction> For(ChildFile file, DateOnly today, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(user);
        var child = file.Child.Id;
        var record = user.Has(Permission.RecordCasework);
        var referral = AssessmentJourney.OpenReferral(file);
        if (referral is null)
        {
            if (record)
            {
                yield return new CaseworkAction(Group, "Record a referral", $"/children/{child}/referrals/new");
            }

            yield break;
        }

        if (record && referral.PrimaryNeed is null)
        {
            yield return new CaseworkAction(Group, "Add the referral's primary need", $"/children/{child}/referrals/{referral.Id}/details");
        }

        var open = AssessmentJourney.OpenAssessment(file, referral.Id);
        if (open is null)
        {
            if (record && !referral.NoFurtherAction)
            {
                yield return new CaseworkAction(Group, "Start an assessment", $"/children/{child}/assessments/new");
            }
        }
        else if (open.SubmittedOn is null)
        {
            if (record)
            {
                yield return new CaseworkAction(Group, "Complete the assessment", $"/children/{child}/assessments/{open.Id}/complete");
            }
        }
        else
        {
            if (user.Has(Permission.AuthoriseCasework) && open.SubmittedByWorkerId != user.Worker())
            {
                yield return new CaseworkAction(Group, "Authorise the assessment", $"/children/{child}/assessments/{open.Id}/authorise");
            }

            if (record && open.SubmittedByWorkerId == user.Worker())
            {
                yield return new CaseworkAction(Group, "Change the assessment sent for authorisation", $"/children/{child}/assessments/{open.Id}/complete");
            }
        }

        if (record && AssessmentJourney.CannotCloseBecause(file) is null)
        {
            yield return new CaseworkAction(Group, "Close the case", $"/children/{child}/referrals/{referral.Id}/close");
        }
    }
}
