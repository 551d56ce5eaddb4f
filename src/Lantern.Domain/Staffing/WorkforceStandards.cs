using System.Text.Json;

namespace Lantern.Domain.Staffing;

/// <summary>The council's own workforce standards, in one place: caseload weights and thresholds,
/// how often supervision is due, and how often a manager must record a decision on each open child.
/// Stored with the council (<see cref="Model.LocalAuthority.WorkforceStandards"/>) as JSON; a council
/// that has set nothing uses the defaults.</summary>
public sealed record WorkforceStandards
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static WorkforceStandards Default { get; } = new();

    public CaseloadWeights Weights { get; init; } = CaseloadWeights.Default;

    public SupervisionCadence Cadence { get; init; } = SupervisionCadence.Default;

    public OversightSettings Oversight { get; init; } = OversightSettings.Default;

    /// <summary>Every problem with the standards, each naming its field; empty when they can be used.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems() =>
        [.. Weights.Problems(), .. Cadence.Problems(), .. Oversight.Problems().Select(p => ("Oversight" + p.Field, p.Message))];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The standards stored as <paramref name="json"/>; the defaults when nothing is stored.
    /// Stored standards that cannot be read or are not usable (only possible if the database was
    /// edited by hand) also give the defaults, and <paramref name="readable"/> says so.</summary>
    public static WorkforceStandards FromJson(string? json, out bool readable)
    {
        readable = true;
        if (string.IsNullOrWhiteSpace(json))
        {
            return Default;
        }

        try
        {
            var standards = JsonSerializer.Deserialize<WorkforceStandards>(json, Json);
            if (standards is { Weights: not null, Cadence: not null, Oversight: not null } && standards.Problems().Count == 0)
            {
                return standards;
            }
        }
        catch (JsonException)
        {
        }

        readable = false;
        return Default;
    }
}
