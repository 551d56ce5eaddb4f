using Xunit;

namespace Lantern.Returns.Tests.Validation.Cin;

public class CinRulesIdentityTests
{
    [Fact]
    public void Rule8500_every_child_needs_an_LA_child_id()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,UPN
            A1,
            ,
            A3,
            """));
        RuleTest.Fails("8500", data, "ChildIdentifiers", 3);
    }
}
