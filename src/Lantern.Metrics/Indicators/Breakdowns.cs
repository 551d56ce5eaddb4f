using System.Globalization;
using Lantern.Domain.Model;

namespace Lantern.Metrics.Indicators;

/// <summary>How each subject is placed in a group of a breakdown.</summary>
public static class Breakdowns
{
    public const string Unallocated = "Unallocated";
    public const string NotRecorded = "Not recorded";

    public static string Name(Dimension dimension) => dimension switch
    {
        Dimension.Team => "Team",
        Dimension.Worker => "Worker",
        Dimension.Ward => "Ward",
        Dimension.AgeBand => "Age band",
        Dimension.Sex => "Sex",
        Dimension.Ethnicity => "Ethnicity",
        Dimension.Disability => "Disability",
        _ => "Deprivation decile",
    };

    /// <summary>The ethnic group (the DfE's major groups) of a code.</summary>
    public static string EthnicGroup(string code) => code switch
    {
        "REFU" => "Refused",
        "NOBT" => "Not yet obtained",
        "CHNE" => "Other ethnic group",
        _ => code[0] switch
        {
            'W' => "White",
            'M' => "Mixed",
            'A' => "Asian",
            'B' => "Black",
            _ => "Other ethnic group",
        },
    };

    internal static Func<long, string>? KeyFor(IndicatorIndex index, SubjectKind subject, Dimension dimension, DateOnly asAt)
    {
        if (subject == SubjectKind.Worker)
        {
            return dimension switch
            {
                Dimension.Team => id => index.Workers.TryGetValue(id, out var w) ? TeamName(index, w.TeamId) : NotRecorded,
                Dimension.Worker => id => index.Workers.TryGetValue(id, out var w) ? w.DisplayName : NotRecorded,
                _ => null,
            };
        }

        if (subject == SubjectKind.Allegation)
        {
            return null;
        }

        string ForChild(long id, Func<Child, string> of) => index.Children.TryGetValue(id, out var c) ? of(c) : NotRecorded;
        return dimension switch
        {
            Dimension.Team => id => index.AllocationOn(id, asAt) is { } a && index.Workers.TryGetValue(a.WorkerId, out var w) ? TeamName(index, w.TeamId) : Unallocated,
            Dimension.Worker => id => index.AllocationOn(id, asAt) is { } a && index.Workers.TryGetValue(a.WorkerId, out var w) ? w.DisplayName : Unallocated,
            Dimension.Ward => id => ForChild(id, c => string.IsNullOrWhiteSpace(c.Ward) ? NotRecorded : c.Ward),
            Dimension.AgeBand => id => ForChild(id, c => AgeBands.Of(c, asAt)),
            Dimension.Sex => id => ForChild(id, c => c.Sex.Label),
            Dimension.Ethnicity => id => ForChild(id, c => EthnicGroup(c.Ethnicity.Code)),
            Dimension.Disability => id => ForChild(id, c => c.Disabilities.Any(d => d.Code != "NONE") ? "Disabled" : "No disability recorded"),
            _ => id => ForChild(id, c => c.Ward is { } ward && index.WardDeciles.TryGetValue(ward, out var decile)
                ? "Decile " + decile.ToString(CultureInfo.InvariantCulture)
                : NotRecorded),
        };
    }

    internal static IReadOnlyList<BreakdownRow> Order(List<BreakdownRow> rows, Dimension dimension)
    {
        if (dimension == Dimension.AgeBand)
        {
            return rows.OrderBy(r => AgeBands.All.ToList().IndexOf(r.Group)).ToList();
        }

        if (dimension == Dimension.DeprivationDecile)
        {
            return rows.OrderBy(r => r.Group == NotRecorded ? 99 : int.Parse(r.Group[7..], CultureInfo.InvariantCulture)).ToList();
        }

        return rows.OrderBy(r => r.Group is Unallocated or NotRecorded ? 1 : 0).ThenBy(r => r.Group, StringComparer.Ordinal).ToList();
    }

    private static string TeamName(IndicatorIndex index, long teamId) => index.Teams.TryGetValue(teamId, out var t) ? t.Name : NotRecorded;
}
