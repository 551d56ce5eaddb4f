using Lantern.Returns.Validation;
using Xunit;

namespace Lantern.Returns.Tests.Validation.Ssda903;

/// <summary>Rules 181 … 352 of the SSDA903 return (collection 2025-26 unless a test says otherwise).</summary>
public class Ssda903RulesBTests
{
    // Child 1 looked after all year (continuously for 12 months); child 2 started in the year; child 3 left in the year.
    private const string Episodes = """
        CHILD,DECOM,RNE,LS,PLACE,DEC,REC
        1,01/01/2020,S,C2,U1,,
        2,01/06/2025,S,C2,U1,,
        3,01/01/2020,S,C2,U1,01/10/2025,E4A
        """;

    private static ReturnData Data(params (string Table, string Csv)[] tables) => RuleTest.Ssda903(2026, tables);

    private static ReturnData WithProviders(string providers, params (string Table, string Csv)[] tables) =>
        new(ReturnKind.Ssda903, new CollectionYear(2026), tables.Select(t => RuleTest.Table(t.Table, "CHILD", t.Csv)))
        {
            Providers = RuleTest.Table("Providers", "URN", providers),
        };

    [Fact]
    public void Rule181_oc2_items_are_0_or_1()
    {
        const string oc2 = """
            CHILD,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
            1,0,1,1,1,1,0,,
            2,,,,,,,,
            3,2,1,1,1,1,0,,
            4,0,1,1,1,1,1,Y,
            """;
        RuleTest.Fails("181", Data(("OC2", oc2)), "OC2", 4, 5);
    }

    [Fact]
    public void Rule182_core_items_complete_or_all_blank()
    {
        const string oc2 = """
            CHILD,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
            1,0,1,1,1,1,0,,
            2,,,,,,,,
            3,0,,1,,1,0,,
            4,,,1,1,1,,,
            """;
        RuleTest.Fails("182", Data(("OC2", oc2)), "OC2", 4);
    }

    [Fact]
    public void Rule184_decision_to_place_before_birth()
    {
        const string header = "CHILD,DOB\n1,01/01/2020\n2,01/01/2020\n3,01/01/2020";
        const string placed = "CHILD,DATE_PLACED\n1,01/01/2020\n2,31/12/2019\n3,\n4,01/01/2000";
        RuleTest.Fails("184", Data(("Header", header), ("PlacedAdoption", placed)), "PlacedAdoption", 3);
        Assert.Equal([2L], RuleTest.Unreadable("184", Data(("Header", header), ("PlacedAdoption", "CHILD,DATE_PLACED\n1,2020-13-45")), "PlacedAdoption"));
    }

    [Fact]
    public void Rule185_sdq_score_only_when_looked_after_12_months()
    {
        const string oc2 = "CHILD,SDQ_SCORE\n1,10\n2,10\n3,\n9,5";
        RuleTest.Fails("185", Data(("Episodes", Episodes), ("OC2", oc2)), "OC2", 3, 5);
        RuleTest.Skipped("185", Data(("OC2", oc2)));
        const string unreadable = "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n1,01/13/2020,S,C2,U1,,";
        Assert.Equal([2L], RuleTest.Unreadable("185", Data(("Episodes", unreadable), ("OC2", oc2)), "Episodes"));
    }

    [Fact]
    public void Rule186_sdq_expected_for_4_to_16_looked_after_12_months()
    {
        const string oc2 = """
            CHILD,DOB,SDQ_SCORE,SDQ_REASON
            1,01/01/2015,,
            1,01/01/2015,12,
            1,01/01/2015,,SDQ2
            1,01/01/2023,,
            2,01/01/2015,,
            1,01/01/2008,,
            """;
        RuleTest.Fails("186", Data(("Episodes", Episodes), ("OC2", oc2)), "OC2", 2);
    }

    [Fact]
    public void Rule187_no_adoption_or_leaver_items_when_looked_after_12_months()
    {
        const string oc3 = "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,F2,B\n1,,,\n3,YES,F2,B";
        const string ad1 = "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n1,01/01/2025,,,,,\n2,01/01/2025,,,,,";
        var data = Data(("Episodes", Episodes), ("OC3", oc3), ("AD1", ad1));
        RuleTest.Fails("187", data, "OC3", 2);
        RuleTest.Fails("187", data, "AD1", 2);
    }

    [Fact]
    public void Rule188_no_sdq_under_4()
    {
        const string oc2 = "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n1,01/04/2022,,SDQ1\n2,31/03/2022,10,\n3,01/05/2023,,";
        RuleTest.Fails("188", Data(("OC2", oc2)), "OC2", 2);
        Assert.Equal([2L], RuleTest.Unreadable("188", Data(("OC2", "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n1,xx,5,")), "OC2"));
    }

    [Fact]
    public void Rule189_no_sdq_17_or_over_at_start()
    {
        const string oc2 = "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n1,01/04/2008,,SDQ1\n2,02/04/2008,10,\n3,01/01/2005,,";
        RuleTest.Fails("189", Data(("OC2", oc2)), "OC2", 2);
    }

    [Fact]
    public void Rule190_no_oc2_items_when_not_looked_after_12_months()
    {
        const string oc2 = "CHILD,CONVICTED,IMMUNISATIONS\n1,0,1\n2,0,\n3,,\n9,,1";
        RuleTest.Fails("190", Data(("Episodes", Episodes), ("OC2", oc2)), "OC2", 3, 5);
    }

    [Fact]
    public void Rule191_oc2_items_complete_when_looked_after_12_months()
    {
        const string oc2 = """
            CHILD,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE
            1,1,1,1,
            2,,,,
            """;
        const string episodes = Episodes + "\n4,01/02/2019,S,C2,U1,01/01/2020,X1\n4,01/01/2020,P,C2,U1,,";
        var data = Data(("Episodes", episodes), ("OC2", oc2));
        RuleTest.Fails("191", data, "OC2", 2);
        RuleTest.Fails("191", data, "Episodes", 5);
    }

    [Fact]
    public void Rule192_intervention_received_when_substance_misuse()
    {
        const string oc2 = "CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED\n1,1,0\n2,1,\n3,0,";
        RuleTest.Fails("192", Data(("OC2", oc2)), "OC2", 3);
    }

    [Fact]
    public void Rule193_no_intervention_without_substance_misuse()
    {
        const string oc2 = "CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n1,1,0,1\n2,0,,1\n3,,1,\n4,0,,";
        RuleTest.Fails("193", Data(("OC2", oc2)), "OC2", 3, 4);
    }

    [Fact]
    public void Rule196_sdq_reason_code()
    {
        const string oc2 = "CHILD,SDQ_REASON\n1,SDQ1\n2,sdq2\n3,\n4,SDQ6";
        RuleTest.Fails("196", Data(("OC2", oc2)), "OC2", 3, 5);
    }

    [Fact]
    public void Rule197B_sdq_or_reason_for_children_turning_4_or_17()
    {
        const string oc2 = """
            CHILD,DOB,SDQ_SCORE,SDQ_REASON
            1,01/06/2021,,
            1,01/06/2008,,
            1,01/06/2021,,SDQ1
            1,01/06/2015,,
            2,01/06/2021,,
            """;
        RuleTest.Fails("197B", Data(("Episodes", Episodes), ("OC2", oc2)), "OC2", 2, 3);
    }

    [Fact]
    public void Rule197a_no_reason_with_a_score()
    {
        const string oc2 = "CHILD,SDQ_SCORE,SDQ_REASON\n1,10,SDQ1\n2,10,\n3,,SDQ2";
        RuleTest.Fails("197a", Data(("OC2", oc2)), "OC2", 2);
    }

    [Fact]
    public void Rule198_no_sdq_reason_when_not_looked_after_12_months()
    {
        const string oc2 = "CHILD,SDQ_REASON\n1,SDQ1\n2,SDQ1\n3,";
        RuleTest.Fails("198", Data(("Episodes", Episodes), ("OC2", oc2)), "OC2", 3);
    }

    [Fact]
    public void Rule199_no_episode_after_an_adoption_this_year_or_last()
    {
        const string episodes = """
            CHILD,DECOM,REC
            1,01/05/2025,E11
            1,01/09/2025,X1
            2,01/05/2025,X1
            2,01/06/2025,E12
            3,01/05/2025,
            """;
        const string last = "CHILD,DECOM,REC\n3,01/05/2024,E12\n2,01/06/2025,E12";
        RuleTest.Fails("199", Data(("Episodes", episodes)), "Episodes", 3);
        RuleTest.Fails("199", Data(("Episodes", episodes), ("Episodes_last", last)), "Episodes", 3, 6);
    }

    [Fact]
    public void Rule202_sex_as_last_year()
    {
        const string header = "CHILD,SEX\n1,M\n2,F\n3,M\n4,M";
        const string last = "CHILD,SEX\n1,1\n2,M\n4,M";
        RuleTest.Fails("202", Data(("Header", header), ("Header_last", last)), "Header", 3);
        RuleTest.Skipped("202", Data(("Header", header)));
    }

    [Fact]
    public void Rule203_dob_as_last_year()
    {
        const string header = "CHILD,DOB\n1,01/01/2015\n2,02/01/2015\n3,01/01/2015";
        const string last = "CHILD,DOB\n1,01/01/2015\n2,01/01/2015";
        RuleTest.Fails("203", Data(("Header", header), ("Header_last", last)), "Header", 3);
        RuleTest.Skipped("203", Data(("Header", header)));
    }

    [Fact]
    public void Rule204_ethnicity_as_last_year()
    {
        const string header = "CHILD,ETHNIC\n1,WBRI\n2,WIRI\n3,\n4,MWBC";
        const string last = "CHILD,ETHNIC\n1,WBRI\n2,WBRI\n3,WBRI";
        RuleTest.Fails("204", Data(("Header", header), ("Header_last", last)), "Header", 3, 4);
        RuleTest.Skipped("204", Data(("Header", header)));
    }

    // UASC status from the header's UASC column (XML return): 205A, B and C.
    private static ReturnData Uasc205()
    {
        const string header = "CHILD,UASC\n1,0\n2,0\n3,1\n4,1\n5,0\n6,0";
        const string headerLast = "CHILD,UASC\n1,1\n2,1\n3,1\n4,1\n5,0\n6,0";
        const string uasc = "CHILD,DOB,DUC\n1,01/06/2007,\n2,01/06/2007,\n3,01/06/2007,01/06/2025\n4,01/06/2006,\n5,01/06/2007,\n6,01/06/2007,01/06/2025";
        const string uascLast = "CHILD,DOB,DUC\n1,01/06/2006,01/06/2024\n2,01/06/2006,01/06/2022\n3,01/06/2007,01/06/2025\n4,01/06/2006,\n5,01/06/2007,\n6,01/06/2007,";
        return Data(("Header", header), ("Header_last", headerLast), ("UASC", uasc), ("UASC_last", uascLast));
    }

    [Fact]
    public void Rule205A_uasc_ended_last_year_per_dates()
    {
        RuleTest.Fails("205A", Uasc205(), "UASC", 3);
        RuleTest.Fails("205A", Uasc205(), "Header", 3);
        RuleTest.Skipped("205A", Data(("UASC", "CHILD,DOB,DUC\n1,01/01/2008,")));
    }

    [Fact]
    public void Rule205B_uasc_both_years_dates_agree()
    {
        RuleTest.Fails("205B", Uasc205(), "UASC", 5);
        RuleTest.Skipped("205B", Data(("UASC", "CHILD,DOB,DUC\n1,01/01/2008,")));
    }

    [Fact]
    public void Rule205C_no_duc_when_never_uasc()
    {
        RuleTest.Fails("205C", Uasc205(), "UASC", 7);
        RuleTest.Skipped("205C", Data(("UASC", "CHILD,DOB,DUC\n1,01/01/2008,")));
    }

    [Fact]
    public void Rule205D_uasc_this_year_was_uasc_last_year()
    {
        // CSV return: status from the UASC tables; child 2 was in last year's header but not UASC.
        const string header = "CHILD,DOB\n1,01/01/2009\n2,01/01/2009\n3,01/01/2009\n4,01/01/2009";
        const string headerLast = "CHILD,DOB\n1,01/01/2009\n2,01/01/2009\n4,01/01/2009";
        const string uasc = "CHILD,SEX,DOB,DUC\n1,M,01/01/2009,\n2,M,01/01/2009,\n3,M,01/01/2009,";
        const string uascLast = "CHILD,SEX,DOB,DUC\n1,M,01/01/2009,";
        RuleTest.Fails("205D", Data(("Header", header), ("Header_last", headerLast), ("UASC", uasc), ("UASC_last", uascLast)), "Header", 3);
        RuleTest.Skipped("205D", Data(("Header", header), ("UASC", uasc)));
    }

    [Fact]
    public void Rule207_mother_status_as_last_year()
    {
        const string header = "CHILD,MOTHER\n1,0\n2,1\n3,\n4,0";
        const string last = "CHILD,MOTHER\n1,1\n2,1\n3,1\n4,1";
        const string episodes = "CHILD,DECOM\n1,01/05/2025\n2,01/05/2025\n3,01/05/2025";
        RuleTest.Fails("207", Data(("Header", header), ("Header_last", last), ("Episodes", episodes)), "Header", 2, 4);
        RuleTest.Skipped("207", Data(("Header", header), ("Episodes", episodes)));
    }

    [Fact]
    public void Rule208_upn_as_last_year()
    {
        const string header = """
            CHILD,UPN
            1,A123456789012
            2,UN2
            3,A123456789012
            4,B123456789012
            5,UN1
            6,UN1
            """;
        const string last = "CHILD,UPN\n1,a123456789012\n2,UN1\n3,UN4\n4,A123456789012\n5,\n6,UN2";
        RuleTest.Fails("208", Data(("Header", header), ("Header_last", last)), "Header", 5, 6, 7);
        RuleTest.Skipped("208", Data(("Header", header)));
    }

    [Fact]
    public void Rule209_no_UN1_for_school_age()
    {
        const string header = "CHILD,DOB,UPN\n1,31/08/2020,UN1\n2,01/09/2020,UN1\n3,01/01/2015,UN2";
        RuleTest.Fails("209", Data(("Header", header)), "Header", 2);
    }

    [Fact]
    public void Rule210_UN4_only_for_episodes_from_24_March()
    {
        const string header = "CHILD,UPN\n1,UN4\n2,UN4\n3,UN1";
        const string episodes = "CHILD,DECOM\n1,01/01/2026\n1,25/03/2026\n2,23/03/2026\n3,30/03/2026";
        var data = Data(("Header", header), ("Episodes", episodes));
        RuleTest.Fails("210", data, "Episodes", 3);
        RuleTest.Fails("210", data, "Header", 2);
    }

    [Fact]
    public void Rule213_no_provider_for_temporary_placements_and_short_breaks_from_2026()
    {
        const string episodes = "CHILD,PLACE,PLACE_PROVIDER\n1,T1,PR1\n2,Z11,PR1\n3,U1,PR1\n4,T2,";
        RuleTest.Fails("213", Data(("Episodes", episodes)), "Episodes", 2, 3);
        RuleTest.Fails("213", RuleTest.Ssda903(2025, ("Episodes", episodes)), "Episodes", 2);
    }

    [Fact]
    public void Rule214_no_location_for_short_breaks()
    {
        const string episodes = "CHILD,LS,PL_POST,URN\n1,V3,AB1 2CD,\n2,V4,,SC123456\n3,C2,AB1 2CD,SC123456\n4,V3,,";
        RuleTest.Fails("214", Data(("Episodes", episodes)), "Episodes", 2, 3);
    }

    [Fact]
    public void Rule215_no_oc2_items_for_care_leavers()
    {
        const string oc3 = "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,F2,B\n2,YES,F2,B\n3,,,";
        const string oc2 = "CHILD,CONVICTED,IMMUNISATIONS\n1,0,1\n2,,\n3,0,1";
        var data = Data(("OC2", oc2), ("OC3", oc3));
        RuleTest.Fails("215", data, "OC3", 2);
        RuleTest.Fails("215", data, "OC2", 2);
    }

    [Fact]
    public void Rule217_A3_A5_from_2015_need_RNE_S_T_U()
    {
        const string episodes = "CHILD,DECOM,PLACE,RNE\n1,01/05/2025,A3,P\n2,01/05/2025,A5,T\n3,01/05/2014,A3,P\n4,01/05/2025,A4,P\n5,01/05/2025,A5,";
        RuleTest.Fails("217", Data(("Episodes", episodes)), "Episodes", 2, 6);
    }

    [Fact]
    public void Rule218_urn_required_in_year()
    {
        const string episodes = """
            CHILD,PLACE,DEC,URN,PL_LA
            1,U1,,,
            2,U1,01/06/2025,SC123456,
            3,U1,01/03/2025,,
            4,R1,,,
            5,Z11,,,
            6,Z1,,,
            7,U1,,,WAL
            """;
        RuleTest.Fails("218", Data(("Episodes", episodes)), "Episodes", 2, 7);
        RuleTest.Fails("218", RuleTest.Ssda903(2025, ("Episodes", episodes)), "Episodes", 2, 4, 6);
        const string h5 = "CHILD,PLACE,DEC,URN\n1,H5,,\n2,P2,,\n3,U1,,";
        RuleTest.Fails("218", RuleTest.Ssda903(2023, ("Episodes", h5)), "Episodes", 4);
        RuleTest.Fails("218", RuleTest.Ssda903(2024, ("Episodes", h5)), "Episodes", 2, 3, 4);
    }

    [Fact]
    public void Rule219_urn_takes_the_placement_type()
    {
        const string providers = "URN,PLACE_CODES\nSC1,U1\nSC2,K1\nSC3,";
        const string episodes = "CHILD,PLACE,URN\n1,U1,SC1\n2,U2,SC1\n3,K2,SC9\n4,U1,XXXXXXX\n5,U1,";
        RuleTest.Fails("219", WithProviders(providers, ("Episodes", episodes)), "Episodes", 3, 4);
        RuleTest.Skipped("219", Data(("Episodes", episodes)));
    }

    [Fact]
    public void Rule221_placement_postcode_is_the_urn_postcode()
    {
        const string providers = "URN,PROVIDER_POSTCODE\nSC1,AB1 2CD\nSC2,EF3 4GH";
        const string episodes = "CHILD,LS,PLACE,PL_POST,URN\n1,C2,K2,AB12CD,SC1\n2,C2,K2,AB1 2CD,SC2\n3,V3,K2,AB1 2CD,SC2\n4,C2,U1,AB1 2CD,SC2\n5,C2,S1,ZZ1 1ZZ,SC9";
        RuleTest.Fails("221", WithProviders(providers, ("Episodes", episodes)), "Episodes", 3, 6);
        RuleTest.Skipped("221", Data(("Episodes", episodes)));
    }

    [Fact]
    public void Rule222_no_urn_for_placements_without_one()
    {
        const string episodes = "CHILD,PLACE,URN\n1,R1,SC1\n2,T1,XXXXXXX\n3,Z11,SC1\n4,U1,SC1\n5,Z1,SC1";
        RuleTest.Fails("222", Data(("Episodes", episodes)), "Episodes", 2, 4);
        RuleTest.Fails("222", RuleTest.Ssda903(2025, ("Episodes", episodes)), "Episodes", 2, 6);
        const string h5 = "CHILD,PLACE,URN\n1,H5,SC1\n2,P2,SC1\n3,P3,SC1";
        RuleTest.Fails("222", RuleTest.Ssda903(2023, ("Episodes", h5)), "Episodes", 2, 3, 4);
        RuleTest.Fails("222", RuleTest.Ssda903(2024, ("Episodes", h5)), "Episodes", 3, 4);
        RuleTest.Fails("222", RuleTest.Ssda903(2025, ("Episodes", h5)), "Episodes", 4);
    }

    [Fact]
    public void Rule224_provider_is_the_urn_provider()
    {
        const string providers = "URN,PROVIDER_CODES\nSC1,PR1\nSC2,PR4";
        const string episodes = "CHILD,PLACE_PROVIDER,URN\n1,PR1,SC1\n2,PR1,SC2\n3,PR1,\n4,PR1,SC9";
        RuleTest.Fails("224", WithProviders(providers, ("Episodes", episodes)), "Episodes", 3, 5);
        RuleTest.Skipped("224", Data(("Episodes", episodes)));
    }

    [Fact]
    public void Rule225_reason_for_placement_change_recorded()
    {
        const string episodes = """
            CHILD,DECOM,RNE,PLACE,REC,REASON_PLACE_CHANGE
            1,01/05/2025,S,U1,X1,
            1,01/06/2025,P,U2,,
            2,01/05/2025,S,U1,X1,CARPL
            2,01/06/2025,P,U2,,
            3,01/05/2025,S,U1,X1,
            3,01/06/2025,L,U1,,
            4,01/05/2025,S,U1,X1,
            4,01/06/2025,P,T1,,
            """;
        RuleTest.Fails("225", Data(("Episodes", episodes)), "Episodes", 2);
    }

    [Fact]
    public void Rule226_no_reason_for_change_around_temporary_placements()
    {
        const string episodes = """
            CHILD,DECOM,PLACE,REASON_PLACE_CHANGE
            1,01/06/2025,T1,
            1,01/05/2025,U1,CARPL
            2,01/05/2025,T1,CARPL
            3,01/05/2025,T1,
            3,01/06/2025,U1,CARPL
            """;
        RuleTest.Fails("226", Data(("Episodes", episodes)), "Episodes", 2, 4);
    }

    [Fact]
    public void Rule227_urn_registered_at_start()
    {
        const string providers = "URN,REG_END\nSC1,01/06/2025\nSC2,";
        const string episodes = "CHILD,DECOM,URN\n1,01/05/2025,SC1\n2,01/06/2025,SC1\n3,01/07/2025,SC2\n4,01/07/2025,SC9";
        RuleTest.Fails("227", WithProviders(providers, ("Episodes", episodes)), "Episodes", 3);
        RuleTest.Skipped("227", Data(("Episodes", episodes)));
    }

    [Fact]
    public void Rule228_urn_registered_at_end()
    {
        const string providers = "URN,REG_END\nSC1,01/06/2025\nSC2,";
        const string episodes = "CHILD,DEC,URN\n1,01/06/2025,SC1\n2,02/06/2025,SC1\n3,,SC1\n4,,SC2";
        RuleTest.Fails("228", WithProviders(providers, ("Episodes", episodes)), "Episodes", 3, 4);
        RuleTest.Skipped("228", Data(("Episodes", episodes)));
    }

    [Fact]
    public void Rule231_uasc_under_11()
    {
        const string header = "CHILD,DOB\n1,01/04/2015\n2,31/03/2015\n3,01/01/2020";
        const string uasc = "CHILD,SEX,DOB,DUC\n1,M,01/04/2015,\n2,M,31/03/2015,";
        RuleTest.Fails("231", Data(("Header", header), ("UASC", uasc)), "Header", 2);
        RuleTest.Fails("231", Data(("Header", "CHILD,DOB,UASC\n1,01/04/2015,1\n2,01/04/2015,0")), "Header", 2);
        RuleTest.Skipped("231", RuleTest.Ssda903(2024, ("Header", header), ("UASC", uasc)));
    }

    [Fact]
    public void Rule232_sex_unknown()
    {
        RuleTest.Fails("232", Data(("Header", "CHILD,SEX\n1,U\n2,M\n3,u")), "Header", 2, 4);
        RuleTest.Skipped("232", RuleTest.Ssda903(2024, ("Header", "CHILD,SEX\n1,1")));
    }

    [Fact]
    public void Rule233_no_reason_for_change_while_open()
    {
        const string episodes = "CHILD,DEC,REASON_PLACE_CHANGE\n1,,CARPL\n2,01/06/2025,CARPL\n3,,";
        RuleTest.Fails("233", Data(("Episodes", episodes)), "Episodes", 2);
        RuleTest.Skipped("233", RuleTest.Ssda903(2025, ("Episodes", episodes)));
    }

    [Fact]
    public void Rule234_no_custody_change_under_10()
    {
        const string header = "CHILD,DOB\n1,01/06/2016\n2,01/05/2015";
        const string episodes = "CHILD,DECOM,REASON_PLACE_CHANGE\n1,01/05/2025,CUSTOD\n2,01/05/2025,CUSTOD\n1,01/05/2025,CARPL";
        RuleTest.Fails("234", Data(("Header", header), ("Episodes", episodes)), "Episodes", 2);
        RuleTest.Skipped("234", RuleTest.Ssda903(2025, ("Header", header), ("Episodes", episodes)));
    }

    [Fact]
    public void Rule3001_no_former_foster_carer_accommodation_around_17th_birthday()
    {
        const string header = "CHILD,DOB\n1,01/06/2008\n2,01/06/2007\n3,01/06/2008";
        const string oc3 = "CHILD,ACCOM\n1,Z1\n2,Z2\n3,B";
        RuleTest.Fails("3001", Data(("Header", header), ("OC3", oc3)), "OC3", 2);
    }

    [Fact]
    public void Rule301_dob_after_year_end()
    {
        RuleTest.Fails("301", Data(("Header", "CHILD,DOB\n1,31/03/2026\n2,01/04/2026")), "Header", 3);
        Assert.Equal([2L], RuleTest.Unreadable("301", Data(("Header", "CHILD,DOB\n1,32/01/2020")), "Header"));
    }

    [Fact]
    public void Rule302_first_episode_after_birth()
    {
        const string header = "CHILD,DOB\n1,01/06/2025\n2,01/01/2020";
        const string episodes = "CHILD,DECOM\n1,01/07/2025\n1,01/05/2025\n2,01/05/2025";
        var data = Data(("Header", header), ("Episodes", episodes));
        RuleTest.Fails("302", data, "Episodes", 3);
        RuleTest.Fails("302", data, "Header", 2);
    }

    [Fact]
    public void Rule303_duc_only_for_uasc()
    {
        const string header = "CHILD,UASC\n1,1\n2,0\n3,0";
        const string uasc = "CHILD,DOB,DUC\n1,01/01/2008,01/01/2026\n2,01/01/2008,01/01/2026\n3,01/01/2008,";
        var data = Data(("Header", header), ("UASC", uasc));
        RuleTest.Fails("303", data, "UASC", 3);
        RuleTest.Fails("303", data, "Header", 3);
        RuleTest.Passes("303", Data(("Header", "CHILD,DOB\n1,01/01/2008"), ("UASC", uasc)));
    }

    [Fact]
    public void Rule304_duc_by_18th_birthday()
    {
        const string uasc = "CHILD,DOB,DUC\n1,01/01/2008,01/01/2026\n2,01/01/2008,02/01/2026\n3,01/01/2008,";
        RuleTest.Fails("304", Data(("UASC", uasc)), "UASC", 3);
        Assert.Equal([2L], RuleTest.Unreadable("304", Data(("UASC", "CHILD,DOB,DUC\n1,01/01/2008,2026-31-01")), "UASC"));
    }

    [Fact]
    public void Rule331_matched_before_adoption_placement()
    {
        const string ad1 = "CHILD,DATE_MATCH\n1,01/05/2025\n2,01/07/2025\n3,01/07/2025";
        const string episodes = "CHILD,DECOM,REC\n1,01/06/2025,E11\n2,01/06/2025,E12\n3,01/06/2025,X1";
        var data = Data(("AD1", ad1), ("Episodes", episodes));
        RuleTest.Fails("331", data, "AD1", 3);
        RuleTest.Fails("331", data, "Episodes", 3);
    }

    [Fact]
    public void Rule333_decision_on_or_before_matching()
    {
        const string ad1 = "CHILD,DATE_INT,DATE_MATCH\n1,01/05/2025,01/06/2025\n2,01/07/2025,01/06/2025\n3,,01/06/2025\n4,01/05/2025,";
        RuleTest.Fails("333", Data(("AD1", ad1)), "AD1", 3, 4);
    }

    [Fact]
    public void Rule334_decision_after_latest_period_of_care_starts()
    {
        const string ad1 = "CHILD,DATE_INT\n1,01/05/2025\n2,01/05/2025";
        const string episodes = "CHILD,DECOM,RNE\n1,01/01/2020,S\n1,01/06/2025,S\n2,01/01/2020,S\n2,01/06/2025,P";
        var data = Data(("AD1", ad1), ("Episodes", episodes));
        RuleTest.Fails("334", data, "Episodes", 3);
        RuleTest.Fails("334", data, "AD1", 2);
    }

    [Fact]
    public void Rule335_foster_care_flag_matches_last_placement()
    {
        const string ad1 = "CHILD,FOSTER_CARE\n1,0\n2,1\n3,1\n4,0";
        const string episodes = "CHILD,PLACE,REC\n1,A3,E11\n2,A4,E12\n3,A5,E1\n4,A3,X1";
        var data = Data(("AD1", ad1), ("Episodes", episodes));
        RuleTest.Fails("335", data, "Episodes", 2, 3);
        RuleTest.Fails("335", data, "AD1", 2, 3);
    }

    [Fact]
    public void Rule336_foster_placement_before_adoption_with_foster_carers()
    {
        const string episodes = """
            CHILD,DECOM,PLACE
            1,01/06/2025,A3
            1,01/05/2025,T1
            2,01/05/2025,U1
            2,01/06/2025,A5
            3,01/05/2025,A3
            """;
        RuleTest.Fails("336", Data(("Episodes", episodes)), "Episodes", 2);
    }

    [Fact]
    public void Rule344_no_activity_or_accommodation_when_died_or_home()
    {
        const string oc3 = "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,DIED,0,0\n2,RHOM,F2,0\n3,DIED,,0\n4,YES,F2,B";
        RuleTest.Fails("344", Data(("OC3", oc3)), "OC3", 3, 4);
    }

    [Fact]
    public void Rule345_activity_and_accommodation_when_in_touch()
    {
        const string oc3 = "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,F2,B\n2,YES,0,B\n3,NO,0,0";
        RuleTest.Fails("345", Data(("OC3", oc3)), "OC3", 3);
    }

    [Fact]
    public void Rule347_no_foyer_under_18()
    {
        const string oc3 = "CHILD,DOB,ACCOM\n1,01/04/2007,T\n2,02/04/2007,T\n3,02/04/2007,B";
        RuleTest.Fails("347", Data(("OC3", oc3)), "OC3", 3);
    }

    [Fact]
    public void Rule348_died_last_year()
    {
        const string oc3 = "CHILD,IN_TOUCH\n1,DIED\n2,YES\n3,YES";
        const string last = "CHILD,IN_TOUCH\n1,DIED\n2,DIED\n3,YES";
        RuleTest.Fails("348", Data(("OC3", oc3), ("OC3_last", last)), "OC3", 3);
        RuleTest.Skipped("348", Data(("OC3", oc3)));
        RuleTest.Skipped("348", RuleTest.Ssda903(2025, ("OC3", oc3), ("OC3_last", last)));
    }

    [Fact]
    public void Rule351_not_over_25_at_start()
    {
        RuleTest.Fails("351", Data(("Header", "CHILD,DOB\n1,01/04/2000\n2,31/03/2000")), "Header", 3);
    }

    [Fact]
    public void Rule352_not_18_when_care_started()
    {
        const string header = "CHILD,DOB\n1,01/06/2007\n2,02/06/2007";
        const string episodes = "CHILD,DECOM,RNE\n1,01/06/2025,S\n2,01/06/2025,S\n1,01/07/2025,P";
        RuleTest.Fails("352", Data(("Header", header), ("Episodes", episodes)), "Episodes", 2);
    }
}
