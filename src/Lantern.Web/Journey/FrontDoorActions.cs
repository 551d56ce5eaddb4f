using System.Security.Claims;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Web.Casework;
using Lantern.Web.Security;
using Lantern.Web.Work;

namespace Lantern.Web.Journey;

/// <summary>The front door actions on a child's record: record the screening decision on each
/// contact awaiting one, sign off a recent decision (a manager, never their own), and record a new
/// contact.</summary>
public sealed class FrontDoorActions : ICaseworkActionSource
{
    public const string Group = "Front door";

    public IEnumerable<CaseworkAction> For(ChildFile file, DateOnly today, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(user);
        var child = file.Child.Id;
        var me = user.Worker();
        var signOffFrom = today.AddDays(-WorkLists.SignOffWindowDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var contact in file.Contacts.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id))
        {
            if (contact.DecidedAt is null)
            {
                if (user.Has(Permission.RecordCasework))
                {
                    yield return new CaseworkAction(Group, "Record the screening decision", $"/children/{child}/contacts/{contact.Id}/decision");
                }
            }
            else if (contact.SignedOffAt is null && contact.DecidedAt >= signOffFrom && user.Has(Permission.AuthoriseCasework) && (me is null || contact.DecidedByWorkerId != me))
            {
                yield return new CaseworkAction(Group, "Sign off the screening decision", $"/children/{child}/contacts/{contact.Id}/sign-off");
            }
        }

        if (user.Has(Permission.RecordContacts))
        {
            yield return new CaseworkAction(Group, "Record a new contact", $"/children/{child}/contacts/new");
        }
    }
}
