using Lantern.Domain.Access;
using Lantern.Web.Casework;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Children.Notes;

/// <summary>The child's case notes, newest first: completed notes, with their corrections, and the
/// person's own drafts (nobody else sees a draft).</summary>
[RequirePermission(Permission.ViewChildRecords)]
public sealed class IndexModel(CaseworkServices services) : CaseworkPageModel(services)
{
    public override string Heading => "Case notes";

    public override IReadOnlyList<FieldSpec> Fields => [];

    public IReadOnlyList<NoteHistory> Notes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        Notes = await NoteHistory.LoadAsync(Db, Child.Id, MyWorkerId, cancellationToken);
        return Page();
    }
}
