using Xunit;

namespace Lantern.Returns.Tests.Validation.Ssda903;

public class Ssda903RulesATests
{
    [Fact]
    public void Rule101_sex_is_1_or_2_until_2023_24_and_M_F_U_after()
    {
        const string header = """
            CHILD,SEX,DOB
            1,M,01/01/2015
            2,1,01/01/2015
            3,,01/01/2015
            4,U,01/01/2015
            """;
        RuleTest.Fails("101", RuleTest.Ssda903(2026, ("Header", header)), "Header", 3, 4);
        RuleTest.Fails("101", RuleTest.Ssda903(2023, ("Header", header)), "Header", 2, 4, 5);
        RuleTest.Skipped("101", RuleTest.Ssda903(2026, ("Episodes", "CHILD,DECOM\n1,01/04/2025")));
    }
}
