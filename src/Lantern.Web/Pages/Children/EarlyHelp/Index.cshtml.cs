using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.EarlyHelp;

/// <summary>The child's early help episodes, newest first, each with its assessment, meetings and
/// what can be recorded on it.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class IndexModel(CaseworkServices services) : CaseworkPageModel(services)
{
    public override string Heading => "Early help";

    public override IReadOnlyList<FieldSpec> Fields => [];

    public IReadOnlyList<EarlyHelpEpisode> Episodes { get; private set; } = [];

    public ILookup<long, EarlyHelpReview> Reviews { get; private set; } = Array.Empty<EarlyHelpReview>().ToLookup(r => r.EpisodeId);

    public IReadOnlyDictionary<long, string> Leads { get; private set; } = new Dictionary<long, string>();

    public bool StepDownAllowed { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        Episodes = await Db.EarlyHelp.AsNoTracking().Where(e => e.ChildId == Child.Id).OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        var reviews = await Db.EarlyHelpReviews.AsNoTracking().Where(r => r.ChildId == Child.Id).OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        Reviews = reviews.ToLookup(r => r.EpisodeId);
        var leadIds = Episodes.Where(e => e.LeadWorkerId is not null).Select(e => e.LeadWorkerId!.Value).Distinct().ToList();
        Leads = await Db.Workers.AsNoTracking().Where(w => leadIds.Contains(w.Id))
            .Select(w => new { w.Id, w.GivenName, w.FamilyName })
            .ToDictionaryAsync(w => w.Id, w => $"{w.GivenName} {w.FamilyName}", cancellationToken);
        StepDownAllowed = EarlyHelpJourney.StepDownAllowed(await FileAsync(cancellationToken), Today);
        return Page();
    }
}
