using Lantern.Domain.Staffing;
using Xunit;

namespace Lantern.Domain.Tests.Staffing;

/// <summary><see cref="WorkforceStandards"/>: the council's weights, cadence and oversight period are
/// stored as JSON and read back exactly; nothing stored, unreadable or unusable JSON gives the defaults.</summary>
public class WorkforceStandardsTests
{
    [Fact]
    public void Standards_survive_the_round_trip_through_json()
    {
        var standards = new WorkforceStandards
        {
            Weights = CaseloadWeights.Default with { ChildProtection = 1.75m, Threshold = 18m },
            Cadence = SupervisionCadence.Default with { PersonalWorkingDays = 15, CaseWorkingDays = 20 },
            Oversight = new OversightSettings { Days = 21 },
        };

        var back = WorkforceStandards.FromJson(standards.ToJson(), out var readable);

        Assert.True(readable);
        Assert.Equal(standards, back);
        Assert.Equal(1.75m, back.Weights.ChildProtection);
        Assert.Equal(15, back.Cadence.PersonalWorkingDays);
        Assert.Equal(21, back.Oversight.Days);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("{not json", false)]
    [InlineData("{\"Oversight\":{\"Days\":0}}", false)]
    [InlineData("{\"Weights\":null}", false)]
    public void Nothing_stored_or_unusable_gives_the_defaults(string? json, bool readable)
    {
        var standards = WorkforceStandards.FromJson(json, out var ok);

        Assert.Equal(WorkforceStandards.Default, standards);
        Assert.Equal(readable, ok);
    }

    [Fact]
    public void Problems_name_each_field_and_the_oversight_period_is_told_apart()
    {
        var standards = new WorkforceStandards
        {
            Weights = CaseloadWeights.Default with { Threshold = -1m },
            Cadence = SupervisionCadence.Default with { PersonalWorkingDays = 0 },
            Oversight = new OversightSettings { Days = 400 },
        };

        var fields = standards.Problems().Select(p => p.Field).ToList();

        Assert.Contains("Threshold", fields);
        Assert.Contains("PersonalWorkingDays", fields);
        Assert.Contains("OversightDays", fields);
        Assert.Empty(WorkforceStandards.Default.Problems());
    }
}
