using Lantern.Returns.Validation;
using Xunit;

namespace Lantern.Returns.Tests.Validation.Ssda903;

public class Ssda903RulesCTests
{
    private const string EpisodeColumns = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";

    private static ReturnData Episodes(string csv, int year = 2026) => RuleTest.Ssda903(year, ("Episodes", csv));

    private static ReturnData WithHeader(string episodes, string header, int year = 2026) =>
        RuleTest.Ssda903(year, ("Episodes", episodes), ("Header", header));

    private static ReturnData WithPostcodes(int year, string postcodes, params (string Table, string Csv)[] tables) =>
        new(ReturnKind.Ssda903, new CollectionYear(year), tables.Select(t => RuleTest.Table(t.Table, "CHILD", t.Csv)))
        {
            Postcodes = RuleTest.Table("Postcodes", "POSTCODE", postcodes),
        };

    [Fact]
    public void Rule353_episode_starts_on_or_after_14_October_1991()
    {
        const string eps = """
            CHILD,DECOM
            1,13/10/1991
            2,14/10/1991
            3,
            4,01/05/2025
            """;
        RuleTest.Fails("353", Episodes(eps), "Episodes", 2);
        Assert.Equal([2L], RuleTest.Unreadable("353", Episodes("CHILD,DECOM\n1,31/02/2020"), "Episodes"));
    }

    [Fact]
    public void Rule354_episode_starts_by_the_end_of_the_year()
    {
        const string eps = """
            CHILD,DECOM
            1,31/03/2026
            2,01/04/2026
            3,
            """;
        RuleTest.Fails("354", Episodes(eps), "Episodes", 3);
        RuleTest.Fails("354", Episodes(eps, 2027), "Episodes");
    }

    [Fact]
    public void Rule355_episode_ceasing_the_day_it_started()
    {
        const string eps = """
            CHILD,DECOM,DEC
            1,01/05/2025,01/05/2025
            2,01/05/2025,02/05/2025
            3,01/05/2025,
            """;
        RuleTest.Fails("355", Episodes(eps), "Episodes", 2);
    }

    [Fact]
    public void Rule356_episode_ceasing_before_it_started()
    {
        const string eps = """
            CHILD,DECOM,DEC
            1,01/05/2025,30/04/2025
            2,01/05/2025,01/05/2025
            3,01/05/2025,
            """;
        RuleTest.Fails("356", Episodes(eps), "Episodes", 2);
        Assert.Equal([2L], RuleTest.Unreadable("356", Episodes("CHILD,DECOM,DEC\n1,01/05/2025,2025-13-40"), "Episodes"));
    }

    [Fact]
    public void Rule357_first_episode_in_the_year_starts_with_RNE_S()
    {
        const string eps = """
            CHILD,DECOM,RNE
            1,01/05/2025,P
            2,01/06/2025,P
            2,01/05/2025,S
            3,01/05/2024,P
            4,01/05/2025,
            """;
        RuleTest.Fails("357", Episodes(eps), "Episodes", 2, 6);
    }

    [Fact]
    public void Rule358_youth_justice_status_under_10()
    {
        const string eps = """
            CHILD,DECOM,LS
            1,01/05/2025,J1
            2,01/05/2025,J2
            3,01/05/2025,C2
            """;
        const string header = """
            CHILD,DOB
            1,02/05/2015
            2,01/05/2015
            3,01/05/2020
            """;
        RuleTest.Fails("358", WithHeader(eps, header), "Episodes", 2);
        RuleTest.Fails("358", WithHeader(eps, header), "Header", 2);
    }

    [Fact]
    public void Rule359_looked_after_past_18_only_under_V2_in_K2()
    {
        const string eps = """
            CHILD,DECOM,LS,PLACE,DEC
            1,01/05/2025,C2,U1,
            2,01/05/2025,V2,K2,
            3,01/05/2025,C2,U1,01/06/2025
            4,01/05/2025,C2,U1,
            """;
        const string header = """
            CHILD,DOB
            1,01/01/2008
            2,01/01/2008
            3,01/01/2008
            4,31/03/2008
            """;
        RuleTest.Fails("359", WithHeader(eps, header), "Episodes", 2);
    }

    [Fact]
    public void Rule361_to_364_legal_status_held_too_long_in_a_run()
    {
        const string l1 = """
            CHILD,DECOM,LS,DEC
            1,01/05/2025,L1,03/05/2025
            1,03/05/2025,L1,05/05/2025
            2,01/05/2025,L1,04/05/2025
            3,29/03/2026,L1,
            4,01/05/2025,L1,02/05/2025
            4,02/05/2025,C2,03/05/2025
            4,03/05/2025,L1,05/05/2025
            """;
        RuleTest.Fails("361", Episodes(l1), "Episodes", 2, 3);
        RuleTest.Fails("362", Episodes(l1.Replace("L1", "L2", StringComparison.Ordinal)), "Episodes");
        RuleTest.Fails("362", Episodes("CHILD,DECOM,LS,DEC\n1,01/05/2025,L2,20/05/2025\n1,20/05/2025,L2,\n2,01/05/2025,L2,22/05/2025"), "Episodes", 2, 3);
        RuleTest.Fails("363", Episodes("CHILD,DECOM,LS,DEC\n1,01/05/2025,L3,08/05/2025\n2,01/05/2025,L3,09/05/2025"), "Episodes", 3);
        RuleTest.Fails("364", Episodes("CHILD,DECOM,LS,DEC\n1,01/05/2025,J2,22/05/2025\n2,01/05/2025,J2,23/05/2025"), "Episodes", 3);
        Assert.Equal([2L], RuleTest.Unreadable("361", Episodes("CHILD,DECOM,LS,DEC\n1,01/05/2025,L1,5 May"), "Episodes"));
    }

    [Fact]
    public void Rule365_respite_episode_over_17_days()
    {
        const string eps = """
            CHILD,DECOM,LS,DEC
            1,01/05/2025,V3,18/05/2025
            2,01/05/2025,V3,19/05/2025
            3,01/03/2026,V3,
            4,01/05/2025,V4,01/08/2025
            """;
        RuleTest.Fails("365", Episodes(eps), "Episodes", 3, 4);
    }

    [Fact]
    public void Rule366_respite_episode_starts_with_RNE_S()
    {
        const string eps = """
            CHILD,RNE,LS
            1,S,V3
            2,P,V3
            3,,V3
            4,P,V4
            """;
        RuleTest.Fails("366", Episodes(eps), "Episodes", 3, 4);
    }

    [Fact]
    public void Rule367_over_75_days_of_respite_in_the_year()
    {
        const string eps = """
            CHILD,DECOM,LS,DEC
            1,01/03/2025,V3,20/05/2025
            1,01/06/2025,V3,20/06/2025
            1,01/07/2025,V3,10/07/2025
            2,01/05/2025,V3,10/05/2025
            2,01/06/2025,V3,20/06/2025
            3,01/01/2026,V3,
            """;
        RuleTest.Fails("367", Episodes(eps), "Episodes", 2, 3, 4, 7);
    }

    [Fact]
    public void Rule371_too_young_for_semi_independent_or_supported_accommodation()
    {
        const string eps = """
            CHILD,DECOM,PLACE
            1,01/05/2025,K3
            2,01/05/2025,H5
            3,01/05/2025,K3
            """;
        const string header = """
            CHILD,DOB
            1,02/05/2010
            2,02/05/2010
            3,01/05/2009
            """;
        RuleTest.Fails("371", WithHeader(eps, header), "Episodes", 2);
        RuleTest.Fails("371", WithHeader(eps, header, 2024), "Episodes", 3);
        RuleTest.Fails("371", WithHeader(eps, header, 2023), "Episodes");
        RuleTest.Fails("371", WithHeader(eps.Replace("2025", "2021", StringComparison.Ordinal), header, 2022), "Episodes", 3);
    }

    [Fact]
    public void Rule372_to_374_too_young_for_custody_school_or_residential_employment()
    {
        const string header = """
            CHILD,DOB
            1,02/05/2015
            2,01/05/2015
            3,02/05/2021
            4,02/05/2011
            """;
        const string eps = """
            CHILD,DECOM,PLACE
            1,01/05/2025,R5
            2,01/05/2025,R5
            3,01/05/2025,S1
            4,01/05/2025,P3
            """;
        RuleTest.Fails("372", WithHeader(eps, header), "Episodes", 2);
        RuleTest.Fails("373", WithHeader(eps, header), "Episodes", 4);
        RuleTest.Fails("374", WithHeader(eps, header), "Episodes", 5);
        Assert.Equal([2L], RuleTest.Unreadable("372", WithHeader(eps, "CHILD,DOB\n1,1 May 2015"), "Header"));
    }

    [Fact]
    public void Rule375_376_379_temporary_placements_too_long()
    {
        const string header = "CHILD,DOB\n1,01/01/2015";
        const string eps = """
            CHILD,DECOM,PLACE,DEC
            1,01/05/2025,T1,12/06/2025
            1,01/05/2025,T1,13/06/2025
            1,01/05/2025,T3,22/05/2025
            1,01/05/2025,T3,23/05/2025
            1,01/05/2025,T4,08/05/2025
            1,01/05/2025,T4,09/05/2025
            1,01/05/2025,T4,
            """;
        RuleTest.Fails("375", WithHeader(eps, header), "Episodes", 3);
        RuleTest.Fails("376", WithHeader(eps, header), "Episodes", 5);
        RuleTest.Fails("379", WithHeader(eps, header), "Episodes", 7);
    }

    [Fact]
    public void Rule377_more_than_two_holiday_temporary_placements()
    {
        const string eps = """
            CHILD,PLACE
            1,T3
            1,U1
            1,T3
            1,T3
            2,T3
            2,T3
            """;
        RuleTest.Fails("377", Episodes(eps), "Episodes", 2, 4, 5);
    }

    [Fact]
    public void Rule378_placed_with_parents_under_V2()
    {
        RuleTest.Fails("378", Episodes("CHILD,PLACE,LS\n1,P1,V2\n2,P1,C2\n3,U1,V2"), "Episodes", 2);
    }

    [Fact]
    public void Rule380_temporary_placement_starting_a_period_of_care()
    {
        RuleTest.Fails("380", Episodes("CHILD,PLACE,RNE\n1,T1,S\n2,T1,P\n3,T2,B\n4,T0,\n5,U1,S"), "Episodes", 2, 5);
    }

    [Fact]
    public void Rule381_temporary_placement_ending_a_period_of_care()
    {
        RuleTest.Fails("381", Episodes("CHILD,PLACE,REC\n1,T1,E4A\n2,T1,X1\n3,T1,\n4,U1,E4A"), "Episodes", 2);
    }

    [Fact]
    public void Rule382_384_respite_in_temporary_or_long_term_foster_placement()
    {
        const string eps = """
            CHILD,PLACE,LS
            1,T1,V3
            2,T2,V4
            3,T1,C2
            4,U1,V3
            5,U4,V4
            6,U3,V3
            """;
        RuleTest.Fails("382", Episodes(eps), "Episodes", 2, 3);
        RuleTest.Fails("384", Episodes(eps), "Episodes", 5, 6);
    }

    [Fact]
    public void Rule383_return_to_the_normal_placement_after_a_temporary_one()
    {
        const string eps = """
            CHILD,DECOM,RNE,PLACE,PL_POST
            1,01/05/2025,S,U1,AB1
            1,01/06/2025,P,T3,AB2
            1,10/06/2025,P,U1,AB1
            2,01/05/2025,S,U1,AB1
            2,01/06/2025,P,T3,AB2
            2,10/06/2025,T,U1,AB1
            3,01/05/2025,S,U1,AB1
            3,01/06/2025,P,T3,AB2
            3,10/06/2025,P,U1,AB3
            4,01/05/2025,S,U1,AB1
            4,01/06/2025,P,T3,AB2
            """;
        RuleTest.Fails("383", Episodes(eps), "Episodes", 7, 10);
        RuleTest.Fails("383", Episodes(eps, 2025), "Episodes", 6);
    }

    [Fact]
    public void Rule385_episode_ceases_by_the_end_of_the_year()
    {
        RuleTest.Fails("385", Episodes("CHILD,DEC\n1,31/03/2026\n2,01/04/2026\n3,"), "Episodes", 3);
    }

    [Fact]
    public void Rule386_387_389_ceasing_reason_and_age()
    {
        const string header = """
            CHILD,DOB
            1,01/05/2007
            2,02/05/2007
            3,02/05/2011
            4,01/05/2011
            5,02/05/2009
            """;
        const string eps = """
            CHILD,REC,DEC
            1,E11,01/05/2025
            2,E12,01/05/2025
            3,E5,01/05/2025
            4,E6,01/05/2025
            5,E7,01/05/2025
            5,E7,
            """;
        RuleTest.Fails("386", WithHeader(eps, header), "Episodes", 2);
        RuleTest.Fails("387", WithHeader(eps, header), "Episodes", 4);
        RuleTest.Fails("389", WithHeader(eps, header), "Episodes", 6);
    }

    [Fact]
    public void Rule388_new_episode_begins_only_with_a_continuation_episode()
    {
        const string eps = """
            CHILD,DECOM,DEC,REC
            1,01/05/2025,01/06/2025,X1
            1,01/06/2025,,
            2,01/05/2025,01/06/2025,X1
            2,05/06/2025,,
            3,01/05/2025,01/06/2025,E4A
            3,01/06/2025,,
            4,01/05/2025,01/06/2025,X1
            """;
        RuleTest.Fails("388", Episodes(eps), "Episodes", 4, 6, 8);
        RuleTest.Passes("388", Episodes("CHILD,DECOM,DEC,REC\n1,01/05/2025,01/06/2025,X1\n1,01/06/2025,01/07/2025,E4A"));
    }

    [Fact]
    public void Rule390_adopted_from_an_adoption_placement()
    {
        RuleTest.Fails("390", Episodes("CHILD,REC,PLACE\n1,E11,A5\n2,E12,U1\n3,E11,\n4,E4A,U1"), "Episodes", 3, 4);
    }

    [Fact]
    public void Rule391_care_leaver_aged_17_to_21_in_the_year()
    {
        const string oc3 = """
            CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
            1,31/03/2009,YES,,
            2,01/04/2009,YES,,
            3,01/04/2009,,,
            4,01/04/2003,,F2,
            5,02/04/2003,,,S
            """;
        RuleTest.Fails("391", RuleTest.Ssda903(2026, ("OC3", oc3)), "OC3", 3, 5);
    }

    [Fact]
    public void Rule392a_no_distance_for_a_child_never_UASC()
    {
        const string eps = """
            CHILD,LS,HOME_POST,PL_POST
            1,C2,AB1 1,AB1 2
            2,C2,AB1 1,ZZ9 9
            3,V3,,
            4,C2,,
            """;
        const string postcodes = "POSTCODE,EASTING,NORTHING,LA\nAB1 1,0,0,E1\nAB1 2,1609.344,0,E2";
        RuleTest.Fails("392a", WithPostcodes(2026, postcodes, ("Episodes", eps), ("UASC", "CHILD,DUC\n4,01/01/2020")), "Episodes", 3);
        RuleTest.Skipped("392a", Episodes(eps));
        RuleTest.Fails("392a", Episodes("CHILD,LS,PL_DISTANCE\n1,C2,1.0\n2,C2,\n3,V4,"), "Episodes", 3);
    }

    [Fact]
    public void Rule392b_no_postcodes_for_a_child_never_UASC()
    {
        const string eps = """
            CHILD,LS,HOME_POST,PL_POST
            1,C2,AB1 1,AB1 2
            2,C2,AB1 1,
            3,V3,,
            4,C2,,
            5,C2,,AB1 2
            """;
        RuleTest.Fails("392b", RuleTest.Ssda903(2026, ("Episodes", eps), ("UASC_last", "CHILD,DUC\n4,01/01/2020")), "Episodes", 3, 6);
    }

    [Fact]
    public void Rule392c_postcodes_in_the_postcode_list()
    {
        const string eps = """
            CHILD,HOME_POST,PL_POST
            1,AB1 1,ab11
            2,ZZ9 9,AB1 1
            3,,
            4,AB1 1,ZZ9 9
            """;
        const string postcodes = "POSTCODE,EASTING,NORTHING\nAB1 1,0,0";
        RuleTest.Fails("392c", WithPostcodes(2026, postcodes, ("Episodes", eps)), "Episodes", 3, 5);
        RuleTest.Skipped("392c", Episodes(eps));
    }

    [Fact]
    public void Rule392d_home_and_placement_postcodes_the_same_unless_P1()
    {
        RuleTest.Fails("392d", Episodes("CHILD,PLACE,HOME_POST,PL_POST\n1,P1,AB1 1,AB1 1\n2,U1,AB1 1,AB11\n3,U1,AB1 1,AB1 2\n4,U1,,"), "Episodes", 3);
    }

    [Fact]
    public void Rule393_mother_missing_for_a_girl_looked_after()
    {
        const string header = """
            CHILD,SEX,MOTHER
            1,F,
            2,F,0
            3,M,
            4,F,
            5,2,
            """;
        const string eps = """
            CHILD,LS
            1,C2
            2,C2
            3,C2
            4,V3
            5,C2
            """;
        RuleTest.Fails("393", WithHeader(eps, header), "Header", 2);
        RuleTest.Fails("393", WithHeader(eps, header, 2024), "Header", 6);
    }

    [Fact]
    public void Rule398_postcodes_for_a_respite_episode()
    {
        RuleTest.Fails("398", Episodes("CHILD,LS,HOME_POST,PL_POST\n1,V3,AB1 1,\n2,V4,,\n3,C2,AB1 1,AB1 2"), "Episodes", 2);
    }

    [Fact]
    public void Rule399_mother_or_review_for_a_child_only_in_respite()
    {
        const string eps = """
            CHILD,LS
            1,V3
            1,V4
            2,V3
            3,V3
            3,C2
            4,V3
            """;
        const string header = """
            CHILD,MOTHER
            1,0
            2,
            3,0
            4,
            """;
        const string reviews = """
            CHILD,REVIEW,REVIEW_CODE
            1,01/06/2025,PN1
            2,01/06/2025,PN1
            3,01/06/2025,PN1
            """;
        var data = RuleTest.Ssda903(2026, ("Episodes", eps), ("Header", header), ("Reviews", reviews));
        RuleTest.Fails("399", data, "Episodes", 2, 3, 4);
        RuleTest.Fails("399", data, "Header", 2, 3);
        RuleTest.Fails("399", data, "Reviews", 2, 3);
        RuleTest.Skipped("399", WithHeader(eps, header));
    }

    [Fact]
    public void Rule406_distance_for_a_child_who_is_or_was_UASC()
    {
        const string eps = """
            CHILD,LS,HOME_POST,PL_POST
            1,C2,AB1 1,AB1 2
            2,C2,AB1 1,AB1 2
            3,C2,,
            """;
        const string postcodes = "POSTCODE,EASTING,NORTHING\nAB1 1,0,0\nAB1 2,100,100";
        var data = WithPostcodes(2026, postcodes, ("Episodes", eps), ("UASC", "CHILD,DUC\n1,01/01/2020\n3,01/01/2020"));
        RuleTest.Fails("406", data, "Episodes", 2);
        RuleTest.Fails("406", RuleTest.Ssda903(2026, ("Episodes", "CHILD,PL_DISTANCE\n1,2.5\n2,3.0"), ("Header_last", "CHILD,UASC\n2,1\n1,0")), "Episodes", 3);
    }

    [Fact]
    public void Rule407_special_guardianship_after_18()
    {
        const string eps = """
            CHILD,REC,DEC
            1,E45,01/05/2025
            2,E46,02/05/2025
            3,E4A,02/05/2025
            """;
        const string header = "CHILD,DOB\n1,01/05/2007\n2,01/05/2007\n3,01/05/2007";
        RuleTest.Fails("407", WithHeader(eps, header), "Episodes", 3);
        RuleTest.Fails("407", WithHeader(eps, header), "Header", 3);
    }

    [Fact]
    public void Rule408_placed_for_adoption_with_placement_order_needs_E1()
    {
        RuleTest.Fails("408", Episodes("CHILD,PLACE,LS\n1,A5,E1\n2,A6,C2\n3,A5,\n4,A3,C2"), "Episodes", 3, 4);
    }

    [Fact]
    public void Rule411_placement_location_IN_with_another_LA()
    {
        RuleTest.Fails("411", Episodes("CHILD,PL_LOCATION,PL_LA,LA\n1,IN,E1,E1\n2,IN,E2,E1\n3,OUT,E2,E1"), "Episodes", 3);
        RuleTest.Skipped("411", Episodes("CHILD,PL_POST\n1,AB1 1"));
    }

    [Fact]
    public void Rule420_LA_of_placement_for_respite()
    {
        const string eps = """
            CHILD,LS,PL_POST
            1,V3,AB1 1
            2,V4,ZZ9 9
            3,C2,AB1 1
            """;
        RuleTest.Fails("420", WithPostcodes(2026, "POSTCODE,EASTING,NORTHING,LA\nAB1 1,0,0,E1", ("Episodes", eps)), "Episodes", 2);
        RuleTest.Fails("420", Episodes("CHILD,LS,PL_LA\n1,V3,E1\n2,V3,"), "Episodes", 2);
        RuleTest.Skipped("420", Episodes(eps));
    }

    [Fact]
    public void Rule426_respite_under_both_V3_and_V4()
    {
        RuleTest.Fails("426", Episodes("CHILD,LS\n1,V3\n1,V4\n1,C2\n2,V3\n2,V3"), "Episodes", 2, 3);
    }

    [Fact]
    public void Rule431_new_period_of_care_the_day_the_last_episode_ended()
    {
        const string eps = """
            CHILD,DECOM,DEC,RNE
            1,01/05/2025,01/06/2025,S
            1,01/06/2025,,S
            2,01/05/2025,01/06/2025,S
            2,02/06/2025,,S
            """;
        RuleTest.Fails("431", Episodes(eps), "Episodes", 3);
        RuleTest.Passes("431", Episodes("CHILD,DECOM,DEC,RNE\n1,01/05/2025,01/06/2025,S\n1,01/06/2025,,P"));
        Assert.Equal([2L], RuleTest.Unreadable("431", Episodes("CHILD,DECOM,DEC,RNE\n1,01/05/2025,bad,S\n1,01/06/2025,,S"), "Episodes"));
    }

    [Fact]
    public void Rule432_after_leaving_care_the_next_episode_starts_with_S()
    {
        const string eps = """
            CHILD,DECOM,REC,RNE
            1,01/05/2025,E4A,S
            1,01/07/2025,,P
            2,01/05/2025,E4A,S
            2,01/07/2025,,S
            3,01/05/2025,X1,S
            3,01/07/2025,,P
            """;
        RuleTest.Fails("432", Episodes(eps), "Episodes", 3);
    }

    [Fact]
    public void Rule433_continuation_episode_starts_the_day_the_last_ended()
    {
        const string eps = """
            CHILD,DECOM,DEC,RNE
            1,01/05/2025,01/06/2025,S
            1,02/06/2025,,P
            2,01/05/2025,01/06/2025,S
            2,01/06/2025,,P
            3,01/05/2025,,S
            3,01/06/2025,,B
            4,01/05/2025,,P
            """;
        RuleTest.Fails("433", Episodes(eps), "Episodes", 3, 7);
    }

    [Fact]
    public void Rule434_to_436_reason_for_new_episode_matches_what_changed()
    {
        const string eps = """
            CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,PL_POST,URN
            1,01/05/2025,S,C2,U1,PR1,AB1 1,XXXXXXX
            1,01/06/2025,L,E1,U1,PR1,AB1 1,XXXXXXX
            1,01/07/2025,L,E1,U1,PR1,AB1 1,XXXXXXX
            1,01/08/2025,L,C2,U2,PR1,AB1 1,XXXXXXX
            1,01/09/2025,P,C2,U3,PR1,AB1 1,XXXXXXX
            1,01/10/2025,P,C2,U3,PR1,AB1 1,XXXXXXX
            1,01/11/2025,T,E1,U1,PR1,AB1 1,XXXXXXX
            1,01/12/2025,B,C2,U2,PR1,AB1 2,XXXXXXX
            1,01/01/2026,U,C2,U4,PR1,AB1 2,XXXXXXX
            1,01/02/2026,B,E1,U4,PR1,AB1 2,
            """;
        RuleTest.Fails("434", Episodes(eps), "Episodes", 4, 5);
        RuleTest.Fails("435", Episodes(eps), "Episodes", 7, 8);
        RuleTest.Fails("436", Episodes(eps), "Episodes", 10);
    }

    [Fact]
    public void Rule437_no_episode_after_death_or_18()
    {
        const string eps = """
            CHILD,DECOM,REC
            1,01/05/2025,E2
            1,01/06/2025,
            2,01/05/2025,E15
            3,01/05/2025,e15
            3,01/06/2025,
            """;
        RuleTest.Fails("437", Episodes(eps), "Episodes", 2, 5);
    }

    [Fact]
    public void Rule440_441_participation_code_and_age_at_review()
    {
        const string reviews = """
            CHILD,DOB,REVIEW,REVIEW_CODE
            1,01/05/2021,30/04/2025,PN0
            2,01/05/2021,01/05/2025,PN0
            3,01/05/2021,30/04/2025,PN1
            4,01/05/2021,01/05/2025,PN7
            5,01/05/2021,,PN0
            """;
        var data = RuleTest.Ssda903(2026, ("Reviews", reviews));
        RuleTest.Fails("440", data, "Reviews", 3);
        RuleTest.Fails("441", data, "Reviews", 4);
        Assert.Equal([2L], RuleTest.Unreadable("440", RuleTest.Ssda903(2026, ("Reviews", "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/05/2021,someday,PN0")), "Reviews"));
    }

    [Fact]
    public void Rule442_UPN_missing_for_a_child_looked_after()
    {
        const string header = "CHILD,UPN\n1,\n2,\n3,A123456789012\n4,";
        const string eps = "CHILD,LS\n1,C2\n2,V3\n3,C2\n4,V4\n4,E1";
        RuleTest.Fails("442", WithHeader(eps, header), "Header", 2, 5);
    }

    [Fact]
    public void Rule444_duplicate_UPN()
    {
        const string header = "CHILD,UPN\n1,A1\n2,A1\n3,UN1\n4,UN1\n5,B2\n6,";
        RuleTest.Fails("444", RuleTest.Ssda903(2026, ("Header", header)), "Header", 2, 3);
    }

    [Fact]
    public void Rule446_E1_before_December_2005()
    {
        RuleTest.Fails("446", Episodes("CHILD,LS,DECOM\n1,E1,30/11/2005\n2,E1,01/12/2005\n3,C2,01/01/2005"), "Episodes", 2);
    }

    [Fact]
    public void Rule452_453_first_episode_against_last_years_open_episode()
    {
        const string last = """
            CHILD,DECOM,RNE,DEC,PL_LA,PL_DISTANCE
            1,01/05/2024,S,,E1,1.0
            2,01/05/2024,S,,E1,1.0
            3,01/05/2024,S,01/06/2024,E1,1.0
            4,01/05/2024,S,,E1,1.0
            """;
        const string current = """
            CHILD,DECOM,RNE,DEC,PL_LA,PL_DISTANCE
            1,01/05/2024,S,,E1,1.1
            2,01/05/2024,S,,E2,1.5
            3,01/05/2024,S,,E2,1.5
            4,01/05/2024,P,,E2,1.5
            """;
        var data = RuleTest.Ssda903(2026, ("Episodes", current), ("Episodes_last", last));
        RuleTest.Fails("452", data, "Episodes", 3);
        RuleTest.Fails("453", data, "Episodes", 3);
        RuleTest.Skipped("452", Episodes(current));
        RuleTest.Skipped("453", Episodes(current));
    }
}
