using Lantern.Returns.Validation.Cin;
using Lantern.Returns.Validation.Ssda903;

namespace Lantern.Returns.Validation;

/// <summary>Every rule's check, by return.</summary>
public static class RuleChecks
{
    private static readonly Lazy<IReadOnlyList<RuleCheck>> CinChecks = new(() =>
        [.. CinRulesIdentity.All, .. CinRulesEpisodes.All]);

    private static readonly Lazy<IReadOnlyList<RuleCheck>> Ssda903Checks = new(() =>
        [.. Ssda903RulesA.All, .. Ssda903RulesB.All, .. Ssda903RulesC.All, .. Ssda903RulesD.All, .. Ssda903RulesE.All, .. Ssda903RulesCouncil.All]);

    public static IReadOnlyList<RuleCheck> For(ReturnKind kind) => kind == ReturnKind.Cin ? CinChecks.Value : Ssda903Checks.Value;
}
