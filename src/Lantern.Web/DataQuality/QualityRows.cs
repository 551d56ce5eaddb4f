using System.Security.Claims;
using Lantern.Data;
using Lantern.Returns.Validation;
using Lantern.Web.Access;
using Lantern.Web.Work;

namespace Lantern.Web.DataQuality;

/// <summary>One rule one child's record breaks: the child, the return, the DfE rule and the items it names, and how
/// many of the child's records break it.</summary>
public sealed record QualityRow(long ChildId, string ChildName, ReturnKind Return, string Rule, RuleSeverity Severity, string Message, string Items, int Records);

/// <summary>The rows of a list of issues, one per child, return and rule: errors first, then by child.</summary>
public static class QualityRows
{
    /// <summary>The rows for <paramref name="issues"/>, children's names read for them, restricted records hidden
    /// unless <paramref name="user"/> is named on them.</summary>
    public static async Task<IReadOnlyList<QualityRow>> BuildAsync(
        IEnumerable<QualityIssue> issues, LanternDbContext db, ChildAccessService access, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var groups = issues.GroupBy(i => (i.ChildId, i.Return, i.Rule)).ToList();
        var ids = groups.Select(g => g.Key.ChildId).Distinct().ToList();
        var names = await WorkLists.NamesAsync(db, ids, cancellationToken);
        var restricted = names.Where(n => n.Value.Restricted).Select(n => KeyValuePair.Create(n.Key, true)).ToList();
        IReadOnlySet<long> hidden = restricted.Count == 0 ? new HashSet<long>() : await access.HiddenAsync(user, restricted, cancellationToken);
        return
        [
            .. groups.Where(g => names.ContainsKey(g.Key.ChildId) && !hidden.Contains(g.Key.ChildId))
                .Select(g =>
                {
                    var first = g.First();
                    var items = string.Join(", ", g.SelectMany(i => i.Fields).Distinct(StringComparer.Ordinal));
                    return new QualityRow(g.Key.ChildId, names[g.Key.ChildId].Name, g.Key.Return, g.Key.Rule, first.Severity, first.Message,
                        items.Length == 0 ? first.Table : items, g.Count());
                })
                .OrderBy(r => r.Severity).ThenBy(r => r.ChildName, StringComparer.Ordinal).ThenBy(r => r.ChildId).ThenBy(r => r.Rule, StringComparer.Ordinal),
        ];
    }

    public static string ReturnName(ReturnKind kind) => kind == ReturnKind.Cin ? "CIN census" : "SSDA903";
}
