using Lantern.Returns.Validation;
using Xunit;

namespace Lantern.Returns.Tests.Validation.Ssda903;

public class Ssda903RulesCouncilTests
{
    [Fact]
    public void Rule229_the_providers_authority_is_the_councils_own_for_PR1_and_another_for_PR2()
    {
        const string episodes = """
            CHILD,DECOM,PLACE,PLACE_PROVIDER,URN
            1,01/04/2025,U1,PR1,SC1
            2,01/04/2025,U1,PR1,SC2
            3,01/04/2025,U1,PR2,SC1
            4,01/04/2025,U1,PR2,SC2
            5,01/04/2025,K3,PR1,SC2
            6,01/04/2025,U1,PR1,XXXXXXX
            7,01/04/2025,U1,PR1,SC9
            """;
        var providers = RuleTest.Table("Providers", "URN", "URN,LA_CODE\nSC1,812\nSC2,813");
        var data = new ReturnData(ReturnKind.Ssda903, new CollectionYear(2026), [RuleTest.Table("Episodes", "CHILD", episodes)])
        {
            Providers = providers,
            LocalAuthority = "812",
        };
        RuleTest.Fails("229", data, "Episodes", 3, 4);

        var withoutCouncil = new ReturnData(ReturnKind.Ssda903, new CollectionYear(2026), [RuleTest.Table("Episodes", "CHILD", episodes)]) { Providers = providers };
        RuleTest.Skipped("229", withoutCouncil);
        RuleTest.Skipped("229", RuleTest.Ssda903(2026, ("Episodes", episodes)));
    }
}
