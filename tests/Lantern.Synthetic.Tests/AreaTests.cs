using Lantern.Domain.Model;

namespace Lantern.Synthetic.Tests;

/// <summary>A large authority is generated in areas and merged; every reference must survive.</summary>
public sealed class AreaTests
{
    private static readonly GeneratorOptions InAreas = new()
    {
        Population = 9_000,
        From = new DateOnly(2024, 4, 1),
        To = new DateOnly(2025, 3, 31),
        MaxAreaScale = 0.1,
    };

    [Fact]
    public void Areas_merge_into_one_authority_with_unique_ids_and_intact_references()
    {
        var d = SyntheticAuthority.Generate(InAreas).Data;

        Assert.Single(d.Authorities);
        Assert.Contains(d.Teams, t => t.Name.StartsWith("Area 3 ", StringComparison.Ordinal));
        AssertUnique(d.Children);
        AssertUnique(d.Workers);
        AssertUnique(d.Referrals);
        AssertUnique(d.Visits);
        AssertUnique(d.CaseNotes);
        AssertUnique(d.Allocations);
        Assert.Equal(d.Children.Count, d.Children.Select(c => c.LaChildId).Distinct().Count());

        var children = d.Children.Select(c => c.Id).ToHashSet();
        var workers = d.Workers.Select(w => w.Id).ToHashSet();
        var referrals = d.Referrals.ToDictionary(r => r.Id);
        var plans = d.ProtectionPlans.Select(p => p.Id).ToHashSet();
        Assert.All(d.Referrals, r => Assert.Contains(r.ChildId, children));
        Assert.All(d.Assessments, a => Assert.Equal(a.ChildId, referrals[a.ReferralId].ChildId));
        Assert.All(d.ProtectionPlans, p => Assert.Equal(p.ChildId, referrals[p.ReferralId].ChildId));
        Assert.All(d.Conferences.Where(c => c.PlanId is not null), c => Assert.Contains(c.PlanId!.Value, plans));
        Assert.All(d.Allocations, a => Assert.Contains(a.WorkerId, workers));
        Assert.All(d.Workers.Where(w => w.ManagerId is not null), w => Assert.Contains(w.ManagerId!.Value, workers));
        Assert.All(d.Workers, w => Assert.Contains(w.TeamId, d.Teams.Select(t => t.Id)));
        Assert.All(d.CaseNotes, n => Assert.Contains(n.AuthorId, workers));

        // The population is the sum of the areas'.
        var total = d.Population.Where(p => p.Year == 2024).Sum(p => p.Count);
        Assert.InRange(total, 8_800, 9_200);
    }

    [Fact]
    public void Generating_in_areas_is_deterministic()
    {
        var a = SyntheticAuthority.Generate(InAreas).Data;
        var b = SyntheticAuthority.Generate(InAreas).Data;

        Assert.Equal(a.TotalRecords, b.TotalRecords);
        Assert.Equal(a.Children.Select(c => (c.Id, c.GivenName, c.DateOfBirth)), b.Children.Select(c => (c.Id, c.GivenName, c.DateOfBirth)));
        Assert.Equal(a.Allocations.Select(x => (x.ChildId, x.WorkerId, x.StartDate)), b.Allocations.Select(x => (x.ChildId, x.WorkerId, x.StartDate)));
    }

    private static void AssertUnique<T>(List<T> list)
        where T : Entity => Assert.Equal(list.Count, list.Select(e => e.Id).Distinct().Count());
}
