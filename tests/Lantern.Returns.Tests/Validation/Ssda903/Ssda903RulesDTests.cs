using Lantern.Returns.Validation;
using Xunit;

namespace Lantern.Returns.Tests.Validation.Ssda903;

public class Ssda903RulesDTests
{
    // Two children looked after all year (1-3) and one who came into care in the year (4), for the OC2 rules.
    private const string YearRound = """
        CHILD,DECOM,DEC,RNE,LS,REC
        1,01/01/2024,,S,C2,
        2,01/01/2024,,S,C2,
        3,01/01/2024,,S,C2,
        4,01/06/2025,,S,C2,
        """;

    private const string Postcodes = """
        POSTCODE,EASTING,NORTHING,LA
        A1 1AA,0,0,E1
        B1 1BB,0,16093,E1
        C1 1CC,0,32187,E2
        D1 1DD,0,600000,E3
        """;

    private const string PeriodsOfCare = """
        CHILD,DECOM,DEC
        1,01/04/2024,01/06/2025
        2,01/04/2024,
        3,01/04/2024,01/06/2025
        3,01/09/2025,
        """;

    private static ReturnData S(params (string Table, string Csv)[] tables) => RuleTest.Ssda903(2026, tables);

    private static ReturnData WithPostcodes(params (string Table, string Csv)[] tables) =>
        new(ReturnKind.Ssda903, new CollectionYear(2026), tables.Select(t => RuleTest.Table(t.Table, "CHILD", t.Csv)))
        {
            Postcodes = RuleTest.Table("Postcodes", "POSTCODE", Postcodes),
        };

    [Fact]
    public void Rule454_distance_from_home_over_350_miles()
    {
        const string episodes = """
            CHILD,HOME_POST,PL_POST
            1,A1 1AA,B1 1BB
            2,A11AA,D1 1DD
            3,A1 1AA,ZZ9 9ZZ
            4,A1 1AA,
            """;
        RuleTest.Fails("454", WithPostcodes(("Episodes", episodes)), "Episodes", 3);
        RuleTest.Skipped("454", S(("Episodes", episodes)));
    }

    [Fact]
    public void Rule460_E17_only_at_18_or_over()
    {
        const string header = """
            CHILD,DOB
            1,01/06/2008
            2,01/01/2000
            """;
        const string episodes = """
            CHILD,DEC,REC
            1,31/05/2026,E17
            1,01/06/2026,E17
            2,01/01/2017,E17
            2,01/01/2017,E4A
            2,xx,E17
            """;
        var data = S(("Header", header), ("Episodes", episodes));
        RuleTest.Fails("460", data, "Episodes", 2, 4);
        Assert.Equal([6L], RuleTest.Unreadable("460", data, "Episodes"));
    }

    [Fact]
    public void Rule501_episode_starts_before_previous_ends()
    {
        const string episodes = """
            CHILD,DECOM,DEC
            1,01/06/2025,04/06/2025
            1,02/06/2025,06/06/2025
            1,06/06/2025,
            2,04/06/2025,07/06/2025
            2,05/06/2025,
            3,08/06/2025,09/06/2025
            4,10/06/2025,
            4,01/06/2025,12/06/2025
            5,01/06/2025,bad
            5,02/06/2025,
            """;
        var data = S(("Episodes", episodes));
        RuleTest.Fails("501", data, "Episodes", 3, 6, 8);
        Assert.Equal([10L], RuleTest.Unreadable("501", data, "Episodes"));
    }

    [Fact]
    public void Rule502_first_start_matches_last_years_open_episode()
    {
        const string episodes = """
            CHILD,DECOM
            1,01/06/2025
            1,05/07/2025
            2,01/04/2025
            3,01/05/2025
            """;
        const string last = """
            CHILD,DECOM,DEC
            1,01/05/2024,
            2,01/04/2025,
            3,01/01/2025,01/03/2025
            """;
        RuleTest.Fails("502", S(("Episodes", episodes), ("Episodes_last", last)), "Episodes", 2);
        RuleTest.Skipped("502", S(("Episodes", episodes)));
    }

    private static void FirstEpisodeSameAsLast(string code, string column)
    {
        var episodes = $"""
            CHILD,DECOM,DEC,{column}
            1,01/06/2025,,X
            1,05/06/2025,,Y
            2,01/04/2025,,X
            3,01/04/2025,,X
            4,01/04/2025,,
            """;
        var last = $"""
            CHILD,DECOM,DEC,{column}
            1,01/01/2025,,Y
            1,01/01/2024,01/01/2025,X
            2,01/01/2025,,X
            3,01/01/2025,01/03/2025,Y
            4,01/01/2025,,
            """;
        RuleTest.Fails(code, S(("Episodes", episodes), ("Episodes_last", last)), "Episodes", 2);
        RuleTest.Skipped(code, S(("Episodes", episodes)));
    }

    [Fact]
    public void Rule503A_first_RNE_as_last_years_open_episode() => FirstEpisodeSameAsLast("503A", "RNE");

    [Fact]
    public void Rule503B_first_LS_as_last_years_open_episode() => FirstEpisodeSameAsLast("503B", "LS");

    [Fact]
    public void Rule503C_first_CIN_as_last_years_open_episode() => FirstEpisodeSameAsLast("503C", "CIN");

    [Fact]
    public void Rule503D_first_PLACE_as_last_years_open_episode_H5_to_K3_allowed_in_2024_25()
    {
        FirstEpisodeSameAsLast("503D", "PLACE");
        const string episodes = """
            CHILD,DECOM,DEC,PLACE
            1,01/06/2024,,K3
            """;
        const string last = """
            CHILD,DECOM,DEC,PLACE
            1,01/01/2024,,H5
            """;
        RuleTest.Passes("503D", RuleTest.Ssda903(2025, ("Episodes", episodes), ("Episodes_last", last)));
        RuleTest.Fails("503D", RuleTest.Ssda903(2026, ("Episodes", episodes), ("Episodes_last", last)), "Episodes", 2);
        RuleTest.Fails("503D", RuleTest.Ssda903(2024, ("Episodes", episodes), ("Episodes_last", last)), "Episodes", 2);
    }

    [Fact]
    public void Rule503E_first_PLACE_PROVIDER_as_last_years_open_episode() => FirstEpisodeSameAsLast("503E", "PLACE_PROVIDER");

    [Fact]
    public void Rule503F_first_URN_as_last_years_open_episode() => FirstEpisodeSameAsLast("503F", "URN");

    // Child 1: 10 miles within E1 this year, 20 miles to E2 last year; child 2 unchanged; child 3: 0 miles this year,
    // 10 miles last year, both within E1.
    private const string PostcodeEpisodes = """
        CHILD,DECOM,DEC,HOME_POST,PL_POST
        1,01/06/2025,,A1 1AA,B1 1BB
        2,01/06/2025,,A1 1AA,B1 1BB
        3,01/06/2025,,A1 1AA,A1 1AA
        """;

    private const string PostcodeEpisodesLast = """
        CHILD,DECOM,DEC,HOME_POST,PL_POST
        1,01/01/2025,,A1 1AA,C1 1CC
        2,01/01/2025,,A1 1AA,B1 1BB
        3,01/01/2025,,A1 1AA,B1 1BB
        """;

    [Fact]
    public void Rule503G_first_distance_as_last_years_open_episode()
    {
        RuleTest.Fails("503G", WithPostcodes(("Episodes", PostcodeEpisodes), ("Episodes_last", PostcodeEpisodesLast)), "Episodes", 2, 4);
        RuleTest.Skipped("503G", S(("Episodes", PostcodeEpisodes), ("Episodes_last", PostcodeEpisodesLast)));
        RuleTest.Skipped("503G", WithPostcodes(("Episodes", PostcodeEpisodes)));
    }

    [Fact]
    public void Rule503H_first_placement_authority_as_last_years_open_episode()
    {
        RuleTest.Fails("503H", WithPostcodes(("Episodes", PostcodeEpisodes), ("Episodes_last", PostcodeEpisodesLast)), "Episodes", 2);
        RuleTest.Skipped("503H", S(("Episodes", PostcodeEpisodes), ("Episodes_last", PostcodeEpisodesLast)));
    }

    [Fact]
    public void Rule503J_first_placement_location_as_last_years_open_episode()
    {
        RuleTest.Fails("503J", WithPostcodes(("Episodes", PostcodeEpisodes), ("Episodes_last", PostcodeEpisodesLast)), "Episodes", 2);
        RuleTest.Skipped("503J", WithPostcodes(("Episodes", PostcodeEpisodes)));
    }

    [Fact]
    public void Rule504_CIN_unchanged_at_a_change_of_placement()
    {
        const string episodes = """
            CHILD,DECOM,DEC,REC,CIN
            1,01/06/2025,04/06/2025,X1,N1
            1,04/06/2025,06/06/2025,X1,N2
            1,07/06/2025,,E11,N3
            2,01/06/2025,04/06/2025,E4A,N1
            2,04/06/2025,,X1,N2
            """;
        RuleTest.Fails("504", S(("Episodes", episodes)), "Episodes", 3);
    }

    [Fact]
    public void Rule511_two_adopters_not_a_single_sex_code()
    {
        const string ad1 = """
            CHILD,NB_ADOPTR,SEX_ADOPTR
            1,2,MM
            2,2,M1
            3,1,F1
            4,2,F1
            """;
        RuleTest.Fails("511", S(("AD1", ad1)), "AD1", 3, 5);
    }

    private static void AdopterSexes(string code, string csvRows, params long[] lines) =>
        RuleTest.Fails(code, S(("AD1", "CHILD,LS_ADOPTR,SEX_ADOPTR\n" + csvRows)), "AD1", lines);

    [Fact]
    public void Rule514_single_adopter_L0_is_M1_or_F1() => AdopterSexes("514", "1,L0,M1\n2,L0,MF\n3,L0,\n4,L1,MF", 3, 4);

    [Fact]
    public void Rule516_former_foster_carers_need_U_placement()
    {
        const string episodes = """
            CHILD,REC,PLACE
            1,E45,U1
            2,E46,K2
            3,E45,
            4,E2,K2
            """;
        RuleTest.Fails("516", S(("Episodes", episodes)), "Episodes", 3, 4);
    }

    [Fact]
    public void Rule517_L3_is_MF() => AdopterSexes("517", "1,L3,MF\n2,L3,MM\n3,L4,MM", 3);

    [Fact]
    public void Rule518_L4_is_MM_or_FF() => AdopterSexes("518", "1,L4,MM\n2,L4,FF\n3,L4,MF\n4,L4,", 4, 5);

    [Fact]
    public void Rule519_L2_is_a_couple() => AdopterSexes("519", "1,L2,MF\n2,L2,M1\n3,L2,\n4,L3,M1", 3, 4);

    [Fact]
    public void Rule520_L11_is_MF() => AdopterSexes("520", "1,L11,MF\n2,L11,FF\n3,L2,FF", 3);

    [Fact]
    public void Rule521_best_interest_decision_on_or_before_adoption_placement()
    {
        const string episodes = """
            CHILD,DECOM,PLACE
            1,01/01/2026,A6
            1,01/03/2026,U1
            2,01/06/2025,A3
            """;
        const string ad1 = """
            CHILD,DATE_INT
            1,08/03/2026
            2,01/06/2025
            """;
        var data = S(("Episodes", episodes), ("AD1", ad1));
        RuleTest.Fails("521", data, "Episodes", 2);
        RuleTest.Fails("521", data, "AD1", 2);
    }

    [Fact]
    public void Rule522_decision_ceased_not_before_decision()
    {
        const string placed = """
            CHILD,DATE_PLACED,DATE_PLACED_CEASED
            1,26/05/2025,26/05/2025
            2,01/02/2025,01/01/2025
            3,,01/01/2025
            4,xx,01/01/2025
            """;
        var data = S(("PlacedAdoption", placed));
        RuleTest.Fails("522", data, "PlacedAdoption", 3);
        Assert.Equal([5L], RuleTest.Unreadable("522", data, "PlacedAdoption"));
    }

    [Fact]
    public void Rule523_decision_to_place_same_as_best_interest_decision()
    {
        const string placed = """
            CHILD,DATE_PLACED
            1,08/03/2025
            2,22/06/2025
            3,
            """;
        const string ad1 = """
            CHILD,DATE_INT
            1,08/03/2025
            2,22/07/2025
            3,01/01/2025
            """;
        var data = S(("PlacedAdoption", placed), ("AD1", ad1));
        RuleTest.Fails("523", data, "PlacedAdoption", 3);
        RuleTest.Fails("523", data, "AD1", 3);
    }

    [Fact]
    public void Rule524_L12_is_MM_or_FF() => AdopterSexes("524", "1,L12,FF\n2,L12,MF", 3);

    [Fact]
    public void Rule525_no_adoption_after_decision_reversed()
    {
        const string placed = """
            CHILD,DATE_PLACED_CEASED
            1,01/06/2025
            2,01/06/2025
            3,
            """;
        const string ad1 = """
            CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR
            1,,,,,,
            2,,01/07/2025,,,,
            3,01/01/2025,,,,,
            """;
        var data = S(("PlacedAdoption", placed), ("AD1", ad1));
        RuleTest.Fails("525", data, "PlacedAdoption", 3);
        RuleTest.Fails("525", data, "AD1", 3);
    }

    [Fact]
    public void Rule526_provider_needed_except_temporary_and_Z_placements_by_year()
    {
        const string episodes = """
            CHILD,PLACE,PLACE_PROVIDER
            1,U1,PR1
            2,T1,
            3,Z1,
            4,Z11,
            5,K2,
            """;
        RuleTest.Fails("526", RuleTest.Ssda903(2025, ("Episodes", episodes)), "Episodes", 5, 6);
        RuleTest.Fails("526", RuleTest.Ssda903(2026, ("Episodes", episodes)), "Episodes", 4, 6);
    }

    private static void Provider(string code, string csvRows, params long[] lines) =>
        RuleTest.Fails(code, S(("Episodes", "CHILD,PLACE,PLACE_PROVIDER\n" + csvRows)), "Episodes", lines);

    [Fact]
    public void Rule527_PR1_not_with_P1_R2_R5() => Provider("527", "1,P1,PR1\n2,R2,PR1\n3,U1,PR1\n4,P1,PR2", 2, 3);

    [Fact]
    public void Rule528_PR2_not_with_P1_R2_R5() => Provider("528", "1,R5,PR2\n2,U1,PR2\n3,R5,PR1", 2);

    [Fact]
    public void Rule529_PR3_not_with_placements_public_bodies_cannot_provide() => Provider("529", "1,A3,PR3\n2,U6,PR3\n3,R1,PR3\n4,A3,PR1", 2, 3);

    [Fact]
    public void Rule530_PR4_not_with_P1() => Provider("530", "1,P1,PR4\n2,U1,PR4", 2);

    [Fact]
    public void Rule531_PR5_not_with_P1() => Provider("531", "1,P1,PR5\n2,P1,PR4", 2);

    [Fact]
    public void Rule542_no_conviction_information_under_10()
    {
        const string oc2 = """
            CHILD,DOB,CONVICTED
            1,01/04/2016,0
            2,31/03/2016,1
            3,01/01/2020,
            4,bad,1
            """;
        var data = S(("OC2", oc2));
        RuleTest.Fails("542", data, "OC2", 2);
        Assert.Equal([5L], RuleTest.Unreadable("542", data, "OC2"));
    }

    [Fact]
    public void Rule543_conviction_information_at_10_or_over_looked_after_all_year()
    {
        const string oc2 = """
            CHILD,DOB,CONVICTED
            1,31/03/2016,
            2,01/04/2016,
            3,01/01/2010,1
            4,01/01/2010,
            """;
        RuleTest.Fails("543", S(("Episodes", YearRound), ("OC2", oc2)), "OC2", 2);
        RuleTest.Skipped("543", S(("OC2", oc2)));
    }

    private static void HealthFields(string code, string column)
    {
        var oc2 = $"""
            CHILD,{column},IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE
            1,1,1,1,1,0
            2,1,1,,1,0
            3,0,,,,
            4,,,,,
            """;
        RuleTest.Fails(code, S(("OC2", oc2)), "OC2", 3);
    }

    [Fact]
    public void Rule544_convicted_needs_health_fields() => HealthFields("544", "CONVICTED");

    [Fact]
    public void Rule545_health_check_under_5_looked_after_all_year()
    {
        const string oc2 = """
            CHILD,DOB,HEALTH_CHECK
            1,01/04/2021,
            2,31/03/2021,
            3,01/01/2023,1
            4,01/01/2023,
            """;
        RuleTest.Fails("545", S(("Episodes", YearRound), ("OC2", oc2)), "OC2", 2);
    }

    [Fact]
    public void Rule546_no_health_check_at_5_or_over()
    {
        const string oc2 = """
            CHILD,DOB,HEALTH_CHECK
            1,31/03/2021,1
            2,01/04/2021,1
            3,01/01/2015,
            4,01/01/2015,1
            """;
        RuleTest.Fails("546", S(("Episodes", YearRound), ("OC2", oc2)), "OC2", 2);
    }

    [Fact]
    public void Rule547_health_check_needs_health_fields() => HealthFields("547", "HEALTH_CHECK");

    [Fact]
    public void Rule550_PR0_only_with_P1() => Provider("550", "1,P1,PR0\n2,U1,PR0\n3,,PR0\n4,U1,PR1", 3, 4);

    [Fact]
    public void Rule551_placed_for_adoption_needs_decision_date()
    {
        const string episodes = """
            CHILD,PLACE
            1,A3
            2,A4
            3,A5
            4,U1
            """;
        const string placed = """
            CHILD,DATE_PLACED
            2,
            3,01/01/2025
            """;
        RuleTest.Fails("551", S(("Episodes", episodes), ("PlacedAdoption", placed)), "Episodes", 2, 3);
    }

    [Fact]
    public void Rule552_latest_decision_on_or_before_first_adoption_placement()
    {
        const string episodes = """
            CHILD,DECOM,PLACE
            1,01/06/2025,A3
            1,01/08/2025,A4
            2,01/06/2025,A3
            3,01/06/2025,U1
            """;
        const string placed = """
            CHILD,DATE_PLACED
            1,01/01/2025
            1,01/07/2025
            2,01/06/2025
            3,01/08/2025
            """;
        var data = S(("Episodes", episodes), ("PlacedAdoption", placed));
        RuleTest.Fails("552", data, "Episodes", 2);
        RuleTest.Fails("552", data, "PlacedAdoption", 3);
    }

    [Fact]
    public void Rule553_placement_order_needs_open_decision()
    {
        const string episodes = """
            CHILD,LS,DEC
            1,E1,01/06/2025
            2,E1,
            3,E1,
            4,C2,
            """;
        const string placed = """
            CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
            1,01/01/2025,01/06/2025,RD1
            3,01/01/2025,01/06/2025,RD1
            3,01/08/2025,,
            """;
        var data = S(("Episodes", episodes), ("PlacedAdoption", placed));
        RuleTest.Fails("553", data, "Episodes", 3);
        RuleTest.Fails("553", data, "PlacedAdoption", 3);
    }

    [Fact]
    public void Rule554_decision_on_or_before_first_placement_order()
    {
        const string episodes = """
            CHILD,DECOM,LS
            1,01/01/2025,E1
            1,01/03/2025,E1
            2,01/01/2025,C2
            2,01/02/2025,E1
            3,01/01/2025,E1
            """;
        const string placed = """
            CHILD,DATE_PLACED
            1,01/02/2025
            2,01/02/2025
            3,01/12/2024
            """;
        var data = S(("Episodes", episodes), ("PlacedAdoption", placed));
        RuleTest.Fails("554", data, "Episodes", 2);
        RuleTest.Fails("554", data, "PlacedAdoption", 2);
    }

    [Fact]
    public void Rule557_left_care_not_adopted_needs_decision_ceased_D1_counts_until_2023_24()
    {
        const string episodes = """
            CHILD,PLACE,LS,REC
            1,A3,E1,E4A
            2,U1,E1,E4A
            3,A4,E1,E11
            4,U1,D1,E4A
            5,A5,E1,X1
            6,A5,C2,
            """;
        const string placed = """
            CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED
            2,01/06/2025,
            """;
        var data = S(("Episodes", episodes), ("PlacedAdoption", placed));
        RuleTest.Fails("557", data, "Episodes", 2, 3);
        RuleTest.Fails("557", data, "PlacedAdoption", 2);
        RuleTest.Fails("557", RuleTest.Ssda903(2024, ("Episodes", episodes), ("PlacedAdoption", placed)), "Episodes", 2, 3, 5);
    }

    [Fact]
    public void Rule558_adopted_child_latest_decision_not_ceased()
    {
        const string episodes = """
            CHILD,REC
            1,E11
            2,E12
            3,E4A
            """;
        const string placed = """
            CHILD,DATE_PLACED,DATE_PLACED_CEASED
            1,01/01/2024,01/03/2024
            1,01/06/2024,
            2,01/06/2024,01/09/2024
            3,01/01/2024,01/02/2024
            """;
        RuleTest.Fails("558", S(("Episodes", episodes), ("PlacedAdoption", placed)), "Episodes", 3);
    }

    [Fact]
    public void Rule559_decision_before_this_year_recorded_last_year()
    {
        const string placed = """
            CHILD,DATE_PLACED
            1,01/01/2025
            2,01/01/2025
            3,01/01/2025
            4,01/06/2025
            """;
        const string last = """
            CHILD,DATE_PLACED
            1,01/01/2025
            2,
            """;
        RuleTest.Fails("559", S(("PlacedAdoption", placed), ("PlacedAdoption_last", last)), "PlacedAdoption", 3, 4);
        RuleTest.Skipped("559", S(("PlacedAdoption", placed)));
    }

    [Fact]
    public void Rule560_open_decision_keeps_its_date()
    {
        const string placed = """
            CHILD,DATE_PLACED,DATE_PLACED_CEASED
            1,26/05/2024,
            2,27/05/2024,
            3,01/01/2025,
            """;
        const string last = """
            CHILD,DATE_PLACED,DATE_PLACED_CEASED
            1,26/05/2024,
            2,26/05/2024,
            3,01/06/2024,01/09/2024
            """;
        RuleTest.Fails("560", S(("PlacedAdoption", placed), ("PlacedAdoption_last", last)), "PlacedAdoption", 3);
        RuleTest.Skipped("560", S(("PlacedAdoption", placed)));
    }

    [Fact]
    public void Rule561_same_date_as_a_decision_that_ceased_last_year()
    {
        const string placed = """
            CHILD,DATE_PLACED
            1,26/05/2024
            2,01/01/2025
            3,01/01/2025
            """;
        const string last = """
            CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
            1,26/05/2024,01/09/2024,RD1
            2,01/01/2025,,
            3,01/06/2024,01/09/2024,RD1
            """;
        RuleTest.Fails("561", S(("PlacedAdoption", placed), ("PlacedAdoption_last", last)), "PlacedAdoption", 2);
        RuleTest.Skipped("561", S(("PlacedAdoption", placed)));
    }

    [Fact]
    public void Rule562_episode_from_before_the_year_continues_last_years()
    {
        const string episodes = """
            CHILD,DECOM
            1,15/03/2025
            1,05/06/2025
            2,13/03/2025
            3,01/01/2025
            4,01/05/2025
            """;
        const string last = """
            CHILD,DECOM
            1,01/06/2024
            1,15/03/2025
            2,11/03/2025
            """;
        RuleTest.Fails("562", S(("Episodes", episodes), ("Episodes_last", last)), "Episodes", 4, 5);
        RuleTest.Skipped("562", S(("Episodes", episodes)));
    }

    [Fact]
    public void Rule563_ceased_decision_needs_decision_date()
    {
        const string placed = """
            CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
            1,01/01/2025,01/06/2025,RD1
            2,,01/06/2025,RD1
            3,,01/06/2025,
            """;
        RuleTest.Fails("563", S(("PlacedAdoption", placed)), "PlacedAdoption", 3);
    }

    [Fact]
    public void Rule564_missing_or_away_needs_start_date()
    {
        const string missing = """
            CHILD,MISSING,MIS_START
            1,M,
            2,A,01/05/2025
            3,a,
            4,,
            """;
        RuleTest.Fails("564", S(("Missing", missing)), "Missing", 2, 4);
    }

    [Fact]
    public void Rule565_start_date_needs_missing_or_away()
    {
        const string missing = """
            CHILD,MISSING,MIS_START
            1,,01/05/2025
            2,M,01/05/2025
            3,,
            """;
        RuleTest.Fails("565", S(("Missing", missing)), "Missing", 2);
    }

    [Fact]
    public void Rule566_end_date_needs_missing_or_away()
    {
        const string missing = """
            CHILD,MISSING,MIS_END
            1,,01/05/2025
            2,A,01/05/2025
            3,,
            """;
        RuleTest.Fails("566", S(("Missing", missing)), "Missing", 2);
    }

    [Fact]
    public void Rule567_missing_end_not_before_start()
    {
        const string missing = """
            CHILD,MIS_START,MIS_END
            1,03/06/2025,01/06/2025
            2,01/06/2025,05/06/2025
            3,02/06/2025,
            4,02/06/2025,xx
            """;
        var data = S(("Missing", missing));
        RuleTest.Fails("567", data, "Missing", 2);
        Assert.Equal([5L], RuleTest.Unreadable("567", data, "Missing"));
    }

    [Fact]
    public void Rule570_missing_start_not_after_the_year()
    {
        const string missing = """
            CHILD,MIS_START
            1,01/04/2026
            2,31/03/2026
            3,
            """;
        RuleTest.Fails("570", S(("Missing", missing)), "Missing", 2);
    }

    [Fact]
    public void Rule571_missing_end_within_the_year()
    {
        const string missing = """
            CHILD,MIS_END
            1,31/03/2025
            2,01/04/2025
            3,31/03/2026
            4,01/04/2026
            5,
            """;
        RuleTest.Fails("571", S(("Missing", missing)), "Missing", 2, 5);
    }

    [Fact]
    public void Rule574_missing_periods_do_not_overlap()
    {
        const string missing = """
            CHILD,MIS_START,MIS_END
            111,01/06/2025,05/06/2025
            111,04/06/2025,
            222,03/06/2025,04/06/2025
            222,04/06/2025,
            222,07/06/2025,09/06/2025
            333,02/06/2025,04/06/2025
            333,03/06/2025,09/06/2025
            444,06/06/2025,08/06/2025
            444,10/06/2025,10/06/2025
            """;
        RuleTest.Fails("574", S(("Missing", missing)), "Missing", 2, 6, 8);
    }

    [Fact]
    public void Rule575_missing_from_an_ended_placement_has_ended()
    {
        const string episodes = """
            CHILD,DECOM,DEC
            1,01/06/2025,10/06/2025
            2,06/06/2025,
            """;
        const string missing = """
            CHILD,MIS_START,MIS_END
            1,08/06/2025,
            1,02/06/2025,05/06/2025
            2,07/06/2025,
            """;
        RuleTest.Fails("575", S(("Episodes", episodes), ("Missing", missing)), "Missing", 2);
    }

    [Fact]
    public void Rule576_last_years_open_missing_period_continues()
    {
        const string missing = """
            CHILD,MIS_START
            1,07/02/2025
            2,08/02/2025
            3,
            4,01/02/2025
            """;
        const string last = """
            CHILD,MIS_START,MIS_END
            1,07/02/2025,
            2,07/02/2025,
            3,07/02/2025,
            4,01/01/2025,05/01/2025
            """;
        RuleTest.Fails("576", S(("Missing", missing), ("Missing_last", last)), "Missing", 3, 4);
        RuleTest.Skipped("576", S(("Missing", missing)));
    }

    [Fact]
    public void Rule577_missing_period_open_after_care_ended()
    {
        const string missing = """
            CHILD,MIS_START,MIS_END
            1,01/05/2025,
            1,01/05/2025,10/05/2025
            2,01/05/2025,
            3,01/05/2025,
            3,01/10/2025,
            3,01/05/2025,01/07/2025
            """;
        RuleTest.Fails("577", S(("Episodes", PeriodsOfCare), ("Missing", missing)), "Missing", 2, 5, 7);
    }

    [Fact]
    public void Rule578_missing_start_within_a_period_of_care()
    {
        const string missing = """
            CHILD,MIS_START
            1,02/06/2025
            1,01/06/2025
            2,01/05/2025
            3,01/07/2025
            3,01/10/2025
            4,01/01/2025
            1,01/01/2024
            """;
        RuleTest.Fails("578", S(("Episodes", PeriodsOfCare), ("Missing", missing)), "Missing", 2, 5, 8);
    }

    [Fact]
    public void Rule579_decisions_to_place_do_not_overlap()
    {
        const string placed = """
            CHILD,DATE_PLACED,DATE_PLACED_CEASED
            111,01/06/2025,05/06/2025
            111,04/06/2025,
            222,03/06/2025,04/06/2025
            222,04/06/2025,
            222,07/06/2025,09/06/2025
            333,02/06/2025,04/06/2025
            333,03/06/2025,09/06/2025
            """;
        RuleTest.Fails("579", S(("PlacedAdoption", placed)), "PlacedAdoption", 3, 6, 8);
    }
}
