using Lantern.Returns.Validation;
using Xunit;

namespace Lantern.Returns.Tests.Validation.Ssda903;

public class Ssda903RulesATests
{
    private const string Postcodes = """
        POSTCODE,EASTING,NORTHING,LA
        DN31 1AA,520000,410000,E06000012
        DN32 1AA,521000,409000,E06000012
        NG5 1AA,457000,342000,E06000018
        FA1 1AA,2200000,410000,E99999999
        """;

    private static ReturnData With903(int year, string? postcodes, string? providers, params (string Table, string Csv)[] tables) =>
        new(ReturnKind.Ssda903, new CollectionYear(year), tables.Select(t => RuleTest.Table(t.Table, "CHILD", t.Csv)))
        {
            Postcodes = postcodes is null ? null : RuleTest.Table("Postcodes", "POSTCODE", postcodes),
            Providers = providers is null ? null : RuleTest.Table("Providers", "URN", providers),
        };

    private static void DateWhenGiven(string code, string table, string column)
    {
        var csv = $"CHILD,{column}\n1,01/01/2021\n2,\n3,31/02/2020\n4,01/13/2020";
        RuleTest.Fails(code, RuleTest.Ssda903(2026, (table, csv)), table, 4, 5);
    }

    private static void CodeWhenGiven(string code, string table, string column, string valid, string invalid)
    {
        var csv = $"CHILD,{column}\n1,{valid}\n2,{invalid}\n3,";
        RuleTest.Fails(code, RuleTest.Ssda903(2026, (table, csv)), table, 3);
    }

    [Fact]
    public void Rule1000_care_leaver_data_for_a_child_who_died_in_care_this_year_or_last()
    {
        const string episodes = "CHILD,REC\nA,E2\nB,X1";
        const string last = "CHILD,REC\nB,e2\nC,E5";
        const string oc3 = "CHILD,IN_TOUCH\nA,YES\nB,YES\nC,YES";
        RuleTest.Fails("1000", RuleTest.Ssda903(2026, ("Episodes", episodes), ("Episodes_last", last), ("OC3", oc3)), "OC3", 2, 3);
        RuleTest.Fails("1000", RuleTest.Ssda903(2026, ("Episodes", episodes), ("OC3", oc3)), "OC3", 2);
    }

    [Fact]
    public void Rule1001_care_leaver_without_enough_care_after_14_and_16_or_adopted()
    {
        // Child 6 is like child 2, but its earliest episode loaded does not start a period of care: its care began
        // before last year, so its days cannot be counted and it passes.
        const string episodes = """
            CHILD,DECOM,DEC,LS,REC,RNE
            2,01/01/2025,15/01/2025,C2,E8,S
            6,01/01/2025,15/01/2025,C2,E8,P
            """;
        const string last = """
            CHILD,DECOM,DEC,LS,REC,RNE
            1,01/01/2023,01/06/2024,C2,E5,S
            3,01/01/2023,01/06/2024,E1,E11,S
            4,01/01/2023,01/06/2024,V3,E5,S
            """;
        const string header = "CHILD,SEX,DOB\n1,M,01/06/2007\n2,M,01/06/2007\n3,M,01/06/2007\n4,M,01/06/2007\n5,M,01/01/2005\n6,M,01/06/2007";
        const string oc3 = "CHILD,DOB,IN_TOUCH\n1,01/06/2007,YES\n2,01/06/2007,YES\n3,01/06/2007,YES\n4,01/06/2007,YES\n5,01/01/2005,YES\n6,01/06/2007,YES";
        RuleTest.Fails("1001", RuleTest.Ssda903(2026, ("Episodes", episodes), ("Episodes_last", last), ("Header", header), ("OC3", oc3)), "OC3", 3, 4, 5);
        RuleTest.Skipped("1001", RuleTest.Ssda903(2026, ("Episodes", episodes), ("Header", header), ("OC3", oc3)));
    }

    [Fact]
    public void Rule1002_care_leaver_under_20_with_no_episode_this_year_or_last()
    {
        const string oc3 = "CHILD,DOB,IN_TOUCH\nA,01/06/2007,YES\nB,01/06/2007,YES\nC,01/06/2007,YES\nD,01/01/2005,YES";
        RuleTest.Fails("1002", RuleTest.Ssda903(2026, ("Episodes", "CHILD,DECOM\nA,01/01/2025"), ("Episodes_last", "CHILD,DECOM\nB,01/01/2024"), ("OC3", oc3)), "OC3", 4);
        RuleTest.Skipped("1002", RuleTest.Ssda903(2026, ("Episodes", "CHILD,DECOM\nA,01/01/2025"), ("OC3", oc3)));
    }

    [Fact]
    public void Rule1003_placed_for_adoption_before_the_first_episode_starting_care()
    {
        const string episodes = """
            CHILD,DECOM,RNE
            1,01/03/2020,P
            1,01/05/2020,S
            1,01/02/2021,S
            2,01/01/2020,S
            """;
        const string placed = "CHILD,DATE_PLACED\n1,01/04/2020\n2,01/02/2020";
        var data = RuleTest.Ssda903(2026, ("Episodes", episodes), ("PlacedAdoption", placed));
        RuleTest.Fails("1003", data, "Episodes", 3);
        RuleTest.Fails("1003", data, "PlacedAdoption", 2);
        var unreadable = RuleTest.Ssda903(2026, ("Episodes", "CHILD,DECOM,RNE\n1,31/02/2020,S"), ("PlacedAdoption", placed));
        Assert.Equal([2L], RuleTest.Unreadable("1003", unreadable, "Episodes"));
    }

    [Fact]
    public void Rule1004_missing_start_blank_or_not_a_date()
    {
        RuleTest.Fails("1004", RuleTest.Ssda903(2026, ("Missing", "CHILD,MIS_START\n1,01/01/2021\n2,\n3,31/02/2020")), "Missing", 3, 4);
    }

    [Fact]
    public void Rule1005_missing_end_given_and_not_a_date() => DateWhenGiven("1005", "Missing", "MIS_END");

    [Fact]
    public void Rule1006_missing_type_given_and_not_M_or_A()
    {
        RuleTest.Fails("1006", RuleTest.Ssda903(2026, ("Missing", "CHILD,MISSING\n1,M\n2,A\n3,m\n4,\n5,X")), "Missing", 4, 6);
    }

    [Fact]
    public void Rule1007_care_leaver_data_for_17_or_18_year_old_looked_after_on_birthday()
    {
        const string episodes = """
            CHILD,DECOM,DEC
            1,01/01/2020,
            2,01/01/2020,01/06/2025
            3,01/01/2020,02/06/2025
            4,01/01/2020,
            5,01/01/2020,
            """;
        const string oc3 = """
            CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
            1,01/06/2008,YES,F1,B1
            2,01/06/2008,YES,F1,B1
            3,01/06/2008,YES,F1,B1
            4,01/06/2008,,,
            5,01/06/2005,YES,F1,B1
            """;
        RuleTest.Fails("1007", RuleTest.Ssda903(2026, ("Episodes", episodes), ("OC3", oc3)), "OC3", 2, 4);
    }

    [Fact]
    public void Rule1008_urn_not_in_the_provider_list()
    {
        const string episodes = "CHILD,URN\n1,SC999999\n2,\n3,XXXXXXX\n4,2345";
        RuleTest.Fails("1008", With903(2026, null, "URN\n1234567\nSC999999", ("Episodes", episodes)), "Episodes", 5);
        RuleTest.Skipped("1008", RuleTest.Ssda903(2026, ("Episodes", episodes)));
    }

    [Fact]
    public void Rule1009_reason_for_placement_change_given_and_not_valid() => CodeWhenGiven("1009", "Episodes", "REASON_PLACE_CHANGE", "CARPL", "other");

    [Fact]
    public void Rule1010_care_leaver_with_open_episode_last_year_and_none_this_year()
    {
        const string last = """
            CHILD,DECOM,DEC
            1,01/01/2023,01/02/2023
            1,01/01/2024,
            2,01/01/2024,
            3,01/01/2024,
            3,01/02/2024,01/03/2024
            """;
        const string oc3 = "CHILD,IN_TOUCH\n1,YES\n2,YES\n3,YES";
        RuleTest.Fails("1010", RuleTest.Ssda903(2026, ("Episodes", "CHILD,DECOM\n2,01/01/2024"), ("Episodes_last", last), ("OC3", oc3)), "OC3", 2);
        RuleTest.Skipped("1010", RuleTest.Ssda903(2026, ("Episodes", "CHILD,DECOM\n2,01/01/2024"), ("OC3", oc3)));
    }

    [Fact]
    public void Rule1011_care_leaver_data_after_final_episode_transferred_to_another_authority()
    {
        const string episodes = """
            CHILD,DECOM,REC
            1,06/06/2020,E3
            1,01/06/2020,X1
            2,01/06/2020,E3
            2,07/06/2020,X1
            3,01/06/2020,E3
            """;
        const string oc3 = "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,,\n2,YES,,\n3,,,";
        RuleTest.Fails("1011", RuleTest.Ssda903(2026, ("Episodes", episodes), ("OC3", oc3)), "OC3", 2);
    }

    [Fact]
    public void Rule1012_other_data_for_a_child_without_episodes()
    {
        var data = RuleTest.Ssda903(2026, ("Episodes", "CHILD,DECOM\n1,01/01/2025"), ("OC2", "CHILD,DOB\n1,01/01/2015\n2,01/01/2015"), ("Missing", "CHILD,MISSING\n2,M\n1,M"));
        RuleTest.Fails("1012", data, "OC2", 3);
        RuleTest.Fails("1012", data, "Missing", 2);
    }

    [Fact]
    public void Rule1014_uasc_child_with_no_episode_in_the_year_has_care_leaver_data()
    {
        const string episodes = """
            CHILD,DECOM,DEC
            1,01/01/2025,01/02/2025
            2,01/01/2025,
            3,01/01/2025,01/02/2025
            4,01/01/2025,01/02/2025
            """;
        const string uasc = "CHILD,DUC\n1,01/05/2025\n2,01/05/2025\n3,01/05/2025";
        const string oc3 = "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,F1,B1\n2,YES,F1,B1\n3,,,\n4,YES,F1,B1";
        var data = RuleTest.Ssda903(2026, ("Episodes", episodes), ("UASC", uasc), ("OC3", oc3));
        RuleTest.Fails("1014", data, "OC3", 2);
        RuleTest.Fails("1014", data, "UASC", 2);
    }

    [Fact]
    public void Rule1015_own_provision_placed_outside_the_council_area_K3_excluded_from_2025_26()
    {
        const string episodes = """
            CHILD,LS,PLACE,PLACE_PROVIDER,HOME_POST,PL_POST
            1,C2,K2,PR1,DN31 1AA,NG5 1AA
            2,C2,K2,PR1,DN31 1AA,DN32 1AA
            3,C2,U1,PR1,DN32 1AA,NG5 1AA
            4,C2,K3,PR1,DN31 1AA,NG5 1AA
            5,V3,K2,PR1,DN31 1AA,NG5 1AA
            6,C2,K2,PR2,DN31 1AA,NG5 1AA
            """;
        RuleTest.Fails("1015", With903(2026, Postcodes, null, ("Episodes", episodes)), "Episodes", 2);
        RuleTest.Fails("1015", With903(2025, Postcodes, null, ("Episodes", episodes)), "Episodes", 2, 5);
        RuleTest.Skipped("1015", RuleTest.Ssda903(2026, ("Episodes", episodes)));
    }

    [Fact]
    public void Rule1016_care_leaver_data_for_17_or_18_year_old_who_left_care_after_the_birthday()
    {
        const string episodes = """
            CHILD,DECOM,DEC
            1,01/01/2020,02/06/2025
            2,01/01/2020,01/06/2025
            3,01/01/2020,01/01/2025
            4,01/01/2020,02/06/2025
            """;
        const string oc3 = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,01/06/2008,YES,F1,B1\n2,01/06/2008,YES,F1,B1\n3,01/06/2007,YES,F1,B1\n4,01/06/2005,YES,F1,B1";
        RuleTest.Fails("1016", RuleTest.Ssda903(2026, ("Episodes", episodes), ("OC3", oc3)), "OC3", 2);
        var unreadable = RuleTest.Ssda903(2026, ("Episodes", episodes), ("OC3", "CHILD,DOB,IN_TOUCH\n1,32/01/2008,YES"));
        Assert.Equal([2L], RuleTest.Unreadable("1016", unreadable, "OC3"));
    }

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
        RuleTest.Fails("101", RuleTest.Ssda903(2025, ("Header", header)), "Header", 3, 4);
        RuleTest.Fails("101", RuleTest.Ssda903(2024, ("Header", header)), "Header", 2, 4, 5);
        RuleTest.Fails("101", RuleTest.Ssda903(2023, ("Header", header)), "Header", 2, 4, 5);
        RuleTest.Skipped("101", RuleTest.Ssda903(2026, ("Episodes", "CHILD,DECOM\n1,01/04/2025")));
    }

    [Fact]
    public void Rule102_dob_blank_or_not_a_date()
    {
        RuleTest.Fails("102", RuleTest.Ssda903(2026, ("Header", "CHILD,DOB\n1,01/01/2015\n2,\n3,31/02/2015\n4,x")), "Header", 3, 4, 5);
    }

    [Fact]
    public void Rule103_ethnicity_blank_or_not_valid()
    {
        RuleTest.Fails("103", RuleTest.Ssda903(2026, ("Header", "CHILD,ETHNIC\n1,WBRI\n2,wbri\n3,")), "Header", 3, 4);
    }

    [Fact]
    public void Rule104_uasc_ceased_not_a_date_or_before_the_year()
    {
        RuleTest.Fails("104", RuleTest.Ssda903(2026, ("UASC", "CHILD,DUC\n1,01/05/2025\n2,01/01/2025\n3,\n4,x")), "UASC", 3, 5);
    }

    [Fact]
    public void Rule105_header_uasc_not_0_or_1_in_the_xml_return()
    {
        RuleTest.Fails("105", RuleTest.Ssda903(2026, ("Header", "CHILD,UASC\n1,0\n2,1\n3,2\n4,")), "Header", 4, 5);
        RuleTest.Skipped("105", RuleTest.Ssda903(2026, ("Header", "CHILD,SEX\n1,M")));
    }

    [Fact]
    public void Rule112_date_should_be_placed_given_and_not_a_date() => DateWhenGiven("112", "AD1", "DATE_INT");

    [Fact]
    public void Rule113_date_matched_given_and_not_a_date() => DateWhenGiven("113", "AD1", "DATE_MATCH");

    [Fact]
    public void Rule114_foster_care_given_and_not_0_or_1() => CodeWhenGiven("114", "AD1", "FOSTER_CARE", "1", "2");

    [Fact]
    public void Rule115_date_placed_given_and_not_a_date() => DateWhenGiven("115", "PlacedAdoption", "DATE_PLACED");

    [Fact]
    public void Rule116_date_placed_ceased_given_and_not_a_date() => DateWhenGiven("116", "PlacedAdoption", "DATE_PLACED_CEASED");

    [Fact]
    public void Rule117_adoption_decision_after_the_year_or_after_the_latest_episode_ended()
    {
        const string episodes = """
            CHILD,DECOM,DEC,REC
            1,01/01/2024,01/01/2025,E11
            2,01/01/2025,,
            3,01/01/2024,01/06/2024,X1
            3,01/06/2024,01/01/2025,E11
            """;
        const string placed = """
            CHILD,DATE_PLACED,DATE_PLACED_CEASED
            1,01/02/2025,
            2,01/04/2026,
            3,01/03/2024,01/12/2024
            """;
        var data = RuleTest.Ssda903(2026, ("Episodes", episodes), ("PlacedAdoption", placed));
        RuleTest.Fails("117", data, "Episodes", 2, 3);
        RuleTest.Fails("117", data, "PlacedAdoption", 2, 3);
        var unreadable = RuleTest.Ssda903(2026, ("Episodes", episodes), ("PlacedAdoption", "CHILD,DATE_PLACED,DATE_PLACED_CEASED\n3,xx,"));
        Assert.Equal([2L], RuleTest.Unreadable("117", unreadable, "PlacedAdoption"));
    }

    [Fact]
    public void Rule118_no_longer_placed_before_the_year_or_before_the_first_episode()
    {
        const string episodes = """
            CHILD,DECOM,LS
            1,01/01/2025,V3
            1,01/06/2025,C2
            2,01/01/2024,C2
            3,01/01/2024,C2
            """;
        const string placed = "CHILD,DATE_PLACED_CEASED\n1,01/05/2025\n2,01/03/2025\n3,01/05/2025\n3,";
        var data = RuleTest.Ssda903(2026, ("Episodes", episodes), ("PlacedAdoption", placed));
        RuleTest.Fails("118", data, "Episodes", 3, 4);
        RuleTest.Fails("118", data, "PlacedAdoption", 2, 3);
    }

    [Fact]
    public void Rule119_date_and_reason_no_longer_placed_both_or_neither()
    {
        const string placed = "CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n1,01/05/2025,RD1\n2,,\n3,01/05/2025,\n4,,RD1";
        RuleTest.Fails("119", RuleTest.Ssda903(2026, ("PlacedAdoption", placed)), "PlacedAdoption", 4, 5);
    }

    [Fact]
    public void Rule120_reason_no_longer_placed_given_and_not_valid() => CodeWhenGiven("120", "PlacedAdoption", "REASON_PLACED_CEASED", "RD1", "rd1");

    [Fact]
    public void Rule131_in_touch_blank_or_not_valid()
    {
        RuleTest.Fails("131", RuleTest.Ssda903(2026, ("OC3", "CHILD,IN_TOUCH\n1,YES\n2,yes\n3,")), "OC3", 3, 4);
    }

    [Fact]
    public void Rule132_activity_blank_or_not_valid_F3_P3_until_2020_21()
    {
        const string oc3 = "CHILD,ACTIV\n1,F4\n2,F3\n3,";
        RuleTest.Fails("132", RuleTest.Ssda903(2026, ("OC3", oc3)), "OC3", 3, 4);
        RuleTest.Fails("132", RuleTest.Ssda903(2021, ("OC3", oc3)), "OC3", 2, 4);
    }

    [Fact]
    public void Rule133_accommodation_blank_or_not_valid()
    {
        RuleTest.Fails("133", RuleTest.Ssda903(2026, ("OC3", "CHILD,ACCOM\n1,B1\n2,X\n3,")), "OC3", 3, 4);
    }

    [Fact]
    public void Rule134_adoption_data_for_a_care_leaver()
    {
        const string oc3 = "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,F1,B1\n2,,,";
        const string ad1 = """
            CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR
            1,,,,,,L0
            1,,,,,,
            2,01/01/2025,01/02/2025,1,1,M1,L0
            3,01/01/2025,01/02/2025,1,1,M1,L0
            """;
        RuleTest.Fails("134", RuleTest.Ssda903(2026, ("OC3", oc3), ("AD1", ad1)), "AD1", 2);
    }

    [Fact]
    public void Rule141_episode_start_given_and_not_a_date() => DateWhenGiven("141", "Episodes", "DECOM");

    [Fact]
    public void Rule142_earlier_episode_without_end_date_or_reason()
    {
        const string episodes = """
            CHILD,DECOM,DEC,REC
            1,06/06/2020,,
            1,01/06/2020,04/06/2020,X1
            1,05/06/2020,06/06/2020,
            2,01/06/2020,,
            """;
        RuleTest.Fails("142", RuleTest.Ssda903(2026, ("Episodes", episodes)), "Episodes", 4);
        RuleTest.Passes("142", RuleTest.Ssda903(2026, ("Episodes", "CHILD,DECOM,DEC,REC\n1,01/06/2020,04/06/2020,X1\n1,04/06/2020,,")));
    }

    [Fact]
    public void Rule143_reason_for_new_episode_given_and_not_valid() => CodeWhenGiven("143", "Episodes", "RNE", "S", "s");

    [Fact]
    public void Rule144_legal_status_given_and_not_valid() => CodeWhenGiven("144", "Episodes", "LS", "C1", "c1");

    [Fact]
    public void Rule145_category_of_need_given_and_not_valid() => CodeWhenGiven("145", "Episodes", "CIN", "N1", "N9");

    [Fact]
    public void Rule146_placement_type_valid_for_the_year()
    {
        const string episodes = "CHILD,PLACE\n1,H5\n2,K3\n3,Z11\n4,Z1\n5,\n6,u1";
        RuleTest.Fails("146", RuleTest.Ssda903(2024, ("Episodes", episodes)), "Episodes", 3, 4, 7);
        RuleTest.Fails("146", RuleTest.Ssda903(2025, ("Episodes", episodes)), "Episodes", 2, 4, 7);
        RuleTest.Fails("146", RuleTest.Ssda903(2026, ("Episodes", episodes)), "Episodes", 2, 7);
    }

    [Fact]
    public void Rule147_episode_end_given_and_not_a_date() => DateWhenGiven("147", "Episodes", "DEC");

    [Fact]
    public void Rule148_end_date_and_reason_both_or_neither()
    {
        RuleTest.Fails("148", RuleTest.Ssda903(2026, ("Episodes", "CHILD,DEC,REC\n1,01/05/2025,E11\n2,,\n3,01/05/2025,\n4,,X1")), "Episodes", 4, 5);
    }

    [Fact]
    public void Rule149_reason_episode_ceased_given_and_not_valid() => CodeWhenGiven("149", "Episodes", "REC", "E4A", "E4a");

    [Fact]
    public void Rule151_adoption_items_all_or_none()
    {
        const string ad1 = """
            CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR
            1,01/01/2025,01/02/2025,1,1,M1,L0
            2,,,,,,
            3,01/01/2025,,,,,
            """;
        RuleTest.Fails("151", RuleTest.Ssda903(2026, ("AD1", ad1)), "AD1", 4);
    }

    [Fact]
    public void Rule153_care_leaver_items_all_or_none()
    {
        RuleTest.Fails("153", RuleTest.Ssda903(2026, ("OC3", "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,F1,B1\n2,,,\n3,YES,,")), "OC3", 4);
    }

    [Fact]
    public void Rule157_sdq1_reason_for_a_continuously_looked_after_child_aged_4_to_16()
    {
        const string episodes = """
            CHILD,DECOM,DEC,RNE,REC,LS
            1,01/01/2020,,S,,C2
            2,01/06/2025,,S,,C2
            3,01/01/2024,,S,,C2
            4,01/01/2020,,S,,C2
            5,01/01/2020,,S,,C2
            """;
        const string oc2 = """
            CHILD,DOB,SDQ_SCORE,SDQ_REASON
            1,01/01/2015,,SDQ1
            2,01/01/2015,,SDQ1
            3,01/01/2023,,SDQ1
            4,01/01/2008,,SDQ1
            5,01/01/2015,10,SDQ1
            """;
        RuleTest.Fails("157", RuleTest.Ssda903(2026, ("Episodes", episodes), ("OC2", oc2)), "OC2", 2);
    }

    [Fact]
    public void Rule158_intervention_received_yet_offered_given()
    {
        const string oc2 = "CHILD,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n1,1,\n2,1,0\n3,0,1";
        RuleTest.Fails("158", RuleTest.Ssda903(2026, ("OC2", oc2)), "OC2", 3);
    }

    [Fact]
    public void Rule159_intervention_not_received_and_offered_blank()
    {
        const string oc2 = "CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n1,1,0,\n2,1,0,1\n3,1,1,\n4,0,0,";
        RuleTest.Fails("159", RuleTest.Ssda903(2026, ("OC2", oc2)), "OC2", 2);
    }

    [Fact]
    public void Rule164_placement_distance_out_of_range_for_a_child_never_uasc()
    {
        const string episodes = """
            CHILD,LS,HOME_POST,PL_POST
            1,C2,DN31 1AA,FA1 1AA
            2,C2,DN31 1AA,NG5 1AA
            3,V3,DN31 1AA,FA1 1AA
            4,C2,DN31 1AA,ZZ9 9ZZ
            5,C2,DN31 1AA,fa11aa
            """;
        RuleTest.Fails("164", With903(2026, Postcodes, null, ("Episodes", episodes), ("UASC", "CHILD,DUC\n5,01/05/2025")), "Episodes", 2);
        RuleTest.Fails("164", With903(2026, Postcodes, null, ("Episodes", episodes)), "Episodes", 2, 6);
        RuleTest.Skipped("164", RuleTest.Ssda903(2026, ("Episodes", episodes)));
    }

    [Fact]
    public void Rule165_mother_status_invalid_for_sex_or_care_in_the_year()
    {
        const string header = "CHILD,SEX,MOTHER\n1,F,\n2,F,1\n3,M,0\n4,F,2\n5,F,1\n6,F,";
        const string episodes = """
            CHILD,DECOM,DEC,LS
            1,01/01/2025,,C2
            2,01/01/2025,,C2
            3,01/01/2025,,C2
            4,01/01/2025,,C2
            5,01/01/2020,01/01/2024,C2
            6,01/01/2025,,V3
            """;
        const string oc3 = "CHILD,IN_TOUCH,ACTIV,ACCOM\n5,YES,F1,B1\n1,,,";
        var data = RuleTest.Ssda903(2026, ("Header", header), ("Episodes", episodes), ("OC3", oc3));
        RuleTest.Fails("165", data, "Header", 2, 4, 5, 6);
        RuleTest.Fails("165", data, "OC3", 2, 3);
        RuleTest.Fails("165", RuleTest.Ssda903(2024, ("Header", "CHILD,SEX,MOTHER\n1,2,\n2,F,"), ("Episodes", "CHILD,DECOM,DEC,LS\n1,01/01/2024,,C2\n2,01/01/2024,,C2"), ("OC3", oc3)), "Header", 2);
    }

    [Fact]
    public void Rule166_review_date_blank_or_not_a_date()
    {
        RuleTest.Fails("166", RuleTest.Ssda903(2026, ("Reviews", "CHILD,REVIEW\n1,01/05/2025\n2,\n3,x")), "Reviews", 3, 4);
    }

    [Fact]
    public void Rule167_participation_code_invalid_or_without_review()
    {
        const string reviews = "CHILD,REVIEW,REVIEW_CODE\n1,01/05/2025,PN1\n2,01/05/2025,pn1\n3,,\n4,01/05/2025,\n5,,PN1";
        RuleTest.Fails("167", RuleTest.Ssda903(2026, ("Reviews", reviews)), "Reviews", 3, 5, 6);
    }

    [Fact]
    public void Rule168_upn_given_and_not_valid()
    {
        const string header = "CHILD,UPN\n1,UN3\n2,A123456789012\n3,I123456789012\n4,A12345678901B\n5,UN7\n6,";
        RuleTest.Fails("168", RuleTest.Ssda903(2026, ("Header", header)), "Header", 4, 6);
    }

    [Fact]
    public void Rule169_placement_authority_unknown_for_an_episode_not_on_short_breaks()
    {
        const string episodes = "CHILD,LS,PL_POST\n1,C2,dn31 1aa\n2,C2,ZZ9 9ZZ\n3,C2,\n4,V3,";
        RuleTest.Fails("169", With903(2026, Postcodes, null, ("Episodes", episodes)), "Episodes", 3, 4);
        RuleTest.Skipped("169", RuleTest.Ssda903(2026, ("Episodes", episodes)));
    }

    [Fact]
    public void Rule171_mothers_child_dob_given_and_not_a_date() => DateWhenGiven("171", "Header", "MC_DOB");

    [Fact]
    public void Rule174_mothers_child_dob_for_a_male()
    {
        const string header = "CHILD,SEX,MC_DOB\n1,1,01/01/2024\n2,2,01/01/2024\n3,1,\n4,M,01/01/2024";
        RuleTest.Fails("174", RuleTest.Ssda903(2024, ("Header", header)), "Header", 2);
        RuleTest.Fails("174", RuleTest.Ssda903(2026, ("Header", header)), "Header", 5);
    }

    [Fact]
    public void Rule175_number_of_adopters_given_and_not_valid() => CodeWhenGiven("175", "AD1", "NB_ADOPTR", "2", "0");

    [Fact]
    public void Rule176_sex_of_adopters_given_and_not_valid() => CodeWhenGiven("176", "AD1", "SEX_ADOPTR", "MF", "m1");

    [Fact]
    public void Rule177_legal_status_of_adopters_given_and_not_valid() => CodeWhenGiven("177", "AD1", "LS_ADOPTR", "L11", "L1");

    [Fact]
    public void Rule178_provider_invalid_or_given_for_a_placement_without_one()
    {
        const string episodes = "CHILD,PLACE_PROVIDER,PLACE\n1,PR1,U1\n2,PR1,T4\n3,pr4,U1\n4,,T0\n5,PR1,Z12";
        RuleTest.Fails("178", RuleTest.Ssda903(2025, ("Episodes", episodes)), "Episodes", 3, 4);
        RuleTest.Fails("178", RuleTest.Ssda903(2026, ("Episodes", episodes)), "Episodes", 4, 6);
    }

    [Fact]
    public void Rule179_placement_location_unknown_for_an_episode_not_on_short_breaks()
    {
        const string episodes = "CHILD,LS,PL_POST\n1,C2,NG5 1AA\n2,C2,ZZ9 9ZZ\n3,V4,ZZ9 9ZZ";
        RuleTest.Fails("179", With903(2026, Postcodes, null, ("Episodes", episodes)), "Episodes", 3);
        RuleTest.Skipped("179", RuleTest.Ssda903(2026, ("Episodes", episodes)));
    }

    [Fact]
    public void Rule180_sdq_score_given_and_not_a_whole_number_0_to_40()
    {
        const string oc2 = "CHILD,SDQ_SCORE\n1,10\n2,41\n3,20.0\n4,39.5\n5,XX\n6,\n7,-1";
        RuleTest.Fails("180", RuleTest.Ssda903(2026, ("OC2", oc2)), "OC2", 3, 5, 6, 8);
    }
}
