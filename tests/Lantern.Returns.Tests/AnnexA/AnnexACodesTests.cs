using System.Text.RegularExpressions;
using Lantern.Domain.Codes;
using Lantern.Returns.AnnexA;
using Xunit;

namespace Lantern.Returns.Tests.AnnexA;

/// <summary>Ofsted's groupings of the DfE codes: every code of each DfE list lands in one of the
/// template's letters, and the codes the template groups together share a letter.</summary>
public sealed partial class AnnexACodesTests
{
    [Theory]
    [InlineData("WBRI", "a) White")]
    [InlineData("WROM", "a) White")]
    [InlineData("MOTH", "b) Mixed")]
    [InlineData("ABAN", "c) Asian or Asian British")]
    [InlineData("BCRB", "d) Black or black British")]
    [InlineData("CHNE", "e) Other ethnic group")]
    [InlineData("OOTH", "e) Other ethnic group")]
    [InlineData("REFU", "f) Not stated")]
    [InlineData("NOBT", "f) Not stated")]
    public void Ethnicity_is_grouped_a_to_f(string code, string group) => Assert.Equal(group, AnnexACodes.Ethnicity(new Ethnicity(code)));

    [Theory]
    [InlineData("1D", "a) Individual")]
    [InlineData("2A", "b) Schools")]
    [InlineData("2B", "c) Education services")]
    [InlineData("3C", "d) Health services")]
    [InlineData("4", "e) Housing")]
    [InlineData("5D", "f) LA services")]
    [InlineData("6", "g) Police")]
    [InlineData("7", "h) Other legal agency")]
    [InlineData("8", "i) Other")]
    [InlineData("9", "j) Anonymous")]
    [InlineData("10", "k) Unknown")]
    public void Contact_source_is_grouped_a_to_k(string code, string group) => Assert.Equal(group, AnnexACodes.Source(new ReferralSource(code)));

    [Theory]
    [InlineData("U2", "a) Foster placement")]
    [InlineData("A4", "b) Placed for adoption")]
    [InlineData("P1", "c) Placed with parents")]
    [InlineData("H5", "f) Residential accommodation")]
    [InlineData("K3", "f) Residential accommodation")]
    [InlineData("K1", "g) Secure Children’s Homes")]
    [InlineData("Z1", "n) Other placements")]
    [InlineData("Z13", "n) Other placements")]
    [InlineData("T3", "o) Temporary placement")]
    public void Placement_type_is_grouped_a_to_o(string code, string group) => Assert.Equal(group, AnnexACodes.PlacementType(new PlacementType(code)));

    [Theory]
    [InlineData("E11", "a) Adopted")]
    [InlineData("E12", "a) Adopted")]
    [InlineData("E4B", "d) Returned home to live with parents or relatives")]
    [InlineData("E17", "e) Left care to live with parents, relatives or other person with no parental responsibility")]
    [InlineData("E48", "g) Special Guardianship Orders")]
    [InlineData("E6", "h) Moved into independent living")]
    [InlineData("E8", "n) Care ceased for any other reason")]
    public void Reason_ceased_is_grouped_a_to_n(string code, string group) => Assert.Equal(group, AnnexACodes.ReasonCeased(new ReasonEpisodeCeased(code)));

    [Theory]
    [InlineData("C1", "a) Interim care orders")]
    [InlineData("L3", "f) Detained on child protection grounds in LA accommodation")]
    [InlineData("J1", "J1: Remanded to LA or youth detention")]
    [InlineData("J2", "J2: LA accommodation under PACE")]
    [InlineData("J3", "g) Youth justice legal Statuses")]
    [InlineData("V3", null)]
    [InlineData("V4", null)]
    public void Legal_status_is_grouped_a_to_g_with_remand_and_pace_apart(string code, string? group) =>
        Assert.Equal(group, AnnexACodes.LegalStatus(new LegalStatus(code)));

    [Theory]
    [InlineData("PR1", "a) Own LA")]
    [InlineData("PR4", "b) Private")]
    [InlineData("PR0", "c) Other")]
    [InlineData("PR2", "c) Other")]
    [InlineData("PR5", "c) Other")]
    public void Placement_provider_is_grouped_a_to_c(string code, string group) =>
        Assert.Equal(group, AnnexACodes.PlacementProvider(new PlacementProvider(code)));

    [Theory]
    [InlineData("N1", "a) Abuse or neglect")]
    [InlineData("N8", "h) Absent parenting")]
    [InlineData("N9", "i) Cases other than children in need")]
    [InlineData("N0", "j) Not stated")]
    [InlineData(null, "j) Not stated")]
    public void Primary_need_is_a_to_j(string? code, string group) =>
        Assert.Equal(group, AnnexACodes.PrimaryNeed(code is null ? null : new PrimaryNeed(code)));

    [Theory]
    [InlineData("RC3", "c) Residence Order")]
    [InlineData("RC8", "h) Child not in need after assessment")]
    [InlineData("RC9", "h) Child not in need after assessment")]
    [InlineData(null, "i) Not Stated")]
    public void Reason_for_closure_is_a_to_i(string? code, string group) =>
        Assert.Equal(group, AnnexACodes.ReasonForClosure(code is null ? null : new ClosureReason(code)));

    [Theory]
    [InlineData("B1", "a) With parents or relatives", "a) Suitable")]
    [InlineData("S2", "i) No fixed abode / homeless", "b) Not suitable")]
    [InlineData("Z1", "o) With Former Foster Carer", "a) Suitable")]
    [InlineData("Y2", "p) Other accommodation", "b) Not suitable")]
    [InlineData("0", null, "c) Not in touch or not recorded")]
    public void Care_leaver_accommodation_is_grouped_by_letter_and_suitability_by_digit(string code, string? type, string suitability)
    {
        var contact = new Lantern.Domain.Model.CareLeaverContact { InTouch = CareLeaverInTouch.Yes, Accommodation = new CareLeaverAccommodation(code) };
        Assert.Equal(type, AnnexACodes.Accommodation(contact.Accommodation));
        Assert.Equal(suitability, AnnexACodes.Suitability(contact));
    }

    [Theory]
    [InlineData("YES", "a) In touch")]
    [InlineData("NO", "b) Not in touch")]
    [InlineData("REFU", "b) Not in touch")]
    [InlineData("NREQ", "b) Not in touch")]
    [InlineData("DIED", "d) Exclude")]
    [InlineData("RHOM", "d) Exclude")]
    public void In_touch_is_a_to_d(string code, string group) => Assert.Equal(group, AnnexACodes.InTouch(new CareLeaverInTouch(code)));

    [Fact]
    public void Every_code_of_each_dfe_list_lands_in_a_letter_of_its_grouping()
    {
        AllIn<Ethnicity>(c => AnnexACodes.Ethnicity(c), 'a', 'f');
        AllIn<ReferralSource>(c => AnnexACodes.Source(c), 'a', 'k');
        AllIn<PrimaryNeed>(c => AnnexACodes.PrimaryNeed(c), 'a', 'j');
        AllIn<ClosureReason>(c => AnnexACodes.ReasonForClosure(c), 'a', 'i');
        AllIn<AbuseCategory>(c => AnnexACodes.CategoryOfAbuse(c), 'a', 'e');
        AllIn<PlacementType>(c => AnnexACodes.PlacementType(c), 'a', 'o');
        AllIn<ReasonEpisodeCeased>(c => c.Code == "X1" ? "a) not listed" : AnnexACodes.ReasonCeased(c), 'a', 'n');
        AllIn<CareLeaverAccommodation>(c => c.Code == "0" ? "a) not listed" : AnnexACodes.Accommodation(c), 'a', 'p');
        AllIn<LegalStatus>(c => c.Code is "V3" or "V4" or "J1" or "J2" ? "a) not listed" : AnnexACodes.LegalStatus(c), 'a', 'g');
        Assert.All(Codes.All<CareLeaverActivity>().Where(c => c.Code != "0"), c => Assert.StartsWith(c.Code + ": ", AnnexACodes.Activity(c), StringComparison.Ordinal));
    }

    private static void AllIn<T>(Func<T, string?> group, char first, char last)
        where T : struct, IDfeCode<T>
    {
        foreach (var code in Codes.All<T>())
        {
            var value = group(code);
            Assert.True(value is not null && Letter().IsMatch(value) && value[0] >= first && value[0] <= last, $"{T.Set.Name} {code.Code} is grouped as '{value}', not {first}) to {last}).");
        }
    }

    [GeneratedRegex("^[a-z]\\) ")]
    private static partial Regex Letter();
}
