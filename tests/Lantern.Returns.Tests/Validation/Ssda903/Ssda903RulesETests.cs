using Xunit;

namespace Lantern.Returns.Tests.Validation.Ssda903;

public class Ssda903RulesETests
{
    private const string Header = """
        CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
        1,F,01/01/2008,WBRI,,,
        2,M,01/01/2010,WBRI,,,
        """;

    [Fact]
    public void Rule580_missing_at_18th_birthday_when_care_ends_needs_E8()
    {
        const string episodes = """
            CHILD,DECOM,DEC,REC
            1,01/04/2025,01/06/2025,E4
            2,01/04/2025,05/06/2025,E8
            3,01/04/2025,06/06/2025,E5
            4,01/04/2025,07/06/2025,E4
            """;
        const string missing = """
            CHILD,DOB,MISSING,MIS_START,MIS_END
            1,01/06/2007,M,01/05/2025,01/06/2025
            2,05/06/2007,M,01/05/2025,05/06/2025
            3,06/06/2007,A,01/05/2025,06/06/2025
            4,08/06/2007,M,01/05/2025,07/06/2025
            """;
        RuleTest.Fails("580", RuleTest.Ssda903(2026, ("Episodes", episodes), ("Missing", missing)), "Episodes", 2, 4);
        RuleTest.Skipped("580", RuleTest.Ssda903(2026, ("Episodes", episodes)));
    }

    [Fact]
    public void Rule581_missing_period_outside_every_episode()
    {
        const string episodes = """
            CHILD,DECOM,DEC
            1,01/06/2025,10/06/2025
            2,08/06/2025,10/06/2025
            2,12/06/2025,
            3,15/06/2025,20/06/2025
            """;
        const string missing = """
            CHILD,MIS_START,MIS_END
            1,01/06/2025,05/06/2025
            1,31/05/2025,31/05/2025
            2,11/06/2025,11/06/2025
            2,19/06/2025,
            3,21/06/2025,21/06/2025
            4,01/01/2025,
            1,,
            """;
        RuleTest.Fails("581", RuleTest.Ssda903(2026, ("Episodes", episodes), ("Missing", missing)), "Missing", 3, 4, 6);
        Assert.Equal([2L], RuleTest.Unreadable("581", RuleTest.Ssda903(2026, ("Episodes", episodes), ("Missing", "CHILD,MIS_START\n1,32/06/2025")), "Missing"));
    }

    [Fact]
    public void Rule582_adopted_on_the_day_of_matching()
    {
        const string episodes = """
            CHILD,DEC,REC
            A,01/01/2026,E11
            B,01/01/2026,E12
            C,01/01/2026,E4a
            D,01/01/2026,E11
            """;
        const string ad1 = """
            CHILD,DATE_MATCH
            A,02/12/2025
            B,01/01/2026
            C,01/01/2026
            """;
        RuleTest.Fails("582", RuleTest.Ssda903(2026, ("Episodes", episodes), ("AD1", ad1)), "Episodes", 3);
    }

    [Fact]
    public void Rule583_earlier_decisions_to_place_must_be_revoked()
    {
        const string pa = """
            CHILD,DATE_PLACED,DATE_PLACED_CEASED
            1,01/02/2020,02/02/2020
            1,03/02/2020,
            2,01/02/2020,
            2,02/02/2020,
            3,01/02/2020,02/02/2020
            3,01/01/2020,
            """;
        RuleTest.Fails("583", RuleTest.Ssda903(2026, ("PlacedAdoption", pa)), "PlacedAdoption", 4, 5, 7);
    }

    [Fact]
    public void Rule584_revoked_decision_last_year_needs_a_later_one()
    {
        const string pa = """
            CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
            1,01/02/2025,,
            2,01/02/2026,,
            3,,,
            4,01/02/2024,,
            """;
        const string last = """
            CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
            1,01/02/2025,01/03/2025,RD1
            2,01/02/2025,,RD1
            3,01/02/2025,01/03/2025,
            4,01/02/2024,,
            """;
        RuleTest.Fails("584", RuleTest.Ssda903(2026, ("PlacedAdoption", pa), ("PlacedAdoption_last", last)), "PlacedAdoption", 2, 4);
        RuleTest.Skipped("584", RuleTest.Ssda903(2026, ("PlacedAdoption", pa)));
    }

    [Fact]
    public void Rule586_missing_before_birth()
    {
        const string missing = """
            CHILD,DOB,MIS_START
            1,01/02/2020,
            2,02/02/2020,07/02/2020
            3,04/02/2020,03/02/2020
            4,07/02/2020,07/02/2020
            """;
        RuleTest.Fails("586", RuleTest.Ssda903(2026, ("Missing", missing)), "Missing", 4, 5);
    }

    private const string Ad1Fields = "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR";

    [Fact]
    public void Rule601_adopted_in_year_needs_every_AD1_field()
    {
        const string episodes = """
            CHILD,DEC,REC
            1,01/01/2026,E11
            2,01/01/2026,E12
            3,01/01/2025,E11
            4,01/01/2026,E4a
            """;
        const string ad1 = Ad1Fields + """

            1,01/01/2025,01/02/2025,0,1,MF,L0
            2,01/01/2025,,0,1,MF,L0
            3,,,,,,
            4,,,,,,
            """;
        var data = RuleTest.Ssda903(2026, ("Episodes", episodes), ("AD1", ad1));
        RuleTest.Fails("601", data, "Episodes", 3);
        RuleTest.Fails("601", data, "AD1", 3);
    }

    [Fact]
    public void Rule602_AD1_details_without_an_adoption_in_year()
    {
        const string episodes = """
            CHILD,DEC,REC
            1,01/01/2026,E11
            2,01/01/2025,E11
            3,01/01/2026,E4a
            """;
        const string ad1 = Ad1Fields + """

            1,01/01/2025,,,,,
            2,01/01/2025,,,,,
            3,,,,,,
            5,,,0,,,
            """;
        RuleTest.Fails("602", RuleTest.Ssda903(2026, ("Episodes", episodes), ("AD1", ad1)), "AD1", 3, 5);
    }

    [Fact]
    public void Rule607_girl_leaving_care_needs_MOTHER()
    {
        const string episodes = """
            CHILD,DEC,REC,LS
            1,01/01/2026,E4a,C2
            2,01/01/2026,E4a,V3
            3,01/01/2026,X1,C2
            4,01/01/2025,E4a,C2
            5,01/01/2026,E4a,C2
            6,01/01/2026,E4a,C2
            7,01/01/2026,E4a,C2
            """;
        const string header = """
            CHILD,SEX,MOTHER
            1,F,
            2,F,
            3,F,
            4,F,
            5,M,
            6,F,0
            7,2,
            """;
        var data = RuleTest.Ssda903(2026, ("Episodes", episodes), ("Header", header));
        RuleTest.Fails("607", data, "Episodes", 2, 8);
        RuleTest.Fails("607", data, "Header", 2, 8);
    }

    [Fact]
    public void Rule611_mother_without_first_child_date_of_birth()
    {
        const string header = """
            CHILD,MOTHER,MC_DOB
            1,1,01/01/2021
            2,,
            3,1,
            4,0,
            """;
        RuleTest.Fails("611", RuleTest.Ssda903(2026, ("Header", header)), "Header", 4);
    }

    [Fact]
    public void Rule612_first_child_date_of_birth_but_not_a_mother()
    {
        const string header = """
            CHILD,SEX,MOTHER,MC_DOB
            1,F,0,19/02/2016
            2,F,,19/02/2016
            3,F,,
            4,F,1,19/02/2016
            5,M,0,19/02/2016
            6,2,0,19/02/2016
            """;
        RuleTest.Fails("612", RuleTest.Ssda903(2026, ("Header", header)), "Header", 2, 3, 7);
        RuleTest.Fails("612", RuleTest.Ssda903(2024, ("Header", header)), "Header", 2, 3, 7);
    }

    [Fact]
    public void Rule620_mother_under_11()
    {
        const string header = """
            CHILD,DOB,MOTHER
            1,,1
            2,02/04/2014,1
            3,01/04/2014,1
            4,01/01/2020,0
            """;
        RuleTest.Fails("620", RuleTest.Ssda903(2026, ("Header", header)), "Header", 3);
        Assert.Equal([2L], RuleTest.Unreadable("620", RuleTest.Ssda903(2026, ("Header", "CHILD,DOB,MOTHER\n1,2014-13-01,1")), "Header"));
    }

    [Fact]
    public void Rule621_first_child_born_before_the_mother()
    {
        const string header = """
            CHILD,DOB,MC_DOB
            1,01/12/2010,01/01/2010
            2,19/02/2008,19/12/2024
            3,31/01/2009,31/01/2009
            4,31/01/2009,
            """;
        RuleTest.Fails("621", RuleTest.Ssda903(2026, ("Header", header)), "Header", 2, 4);
    }

    [Fact]
    public void Rule624_first_child_date_of_birth_changed_since_last_year()
    {
        const string header = """
            CHILD,MC_DOB
            1,01/06/2020
            2,
            3,08/09/2020
            4,
            5,01/02/2020
            """;
        const string last = """
            CHILD,MC_DOB
            1,01/06/2020
            2,01/06/2019
            3,10/09/2020
            4,
            5,
            """;
        RuleTest.Fails("624", RuleTest.Ssda903(2026, ("Header", header), ("Header_last", last)), "Header", 3, 4);
        RuleTest.Skipped("624", RuleTest.Ssda903(2026, ("Header", header)));
    }

    [Fact]
    public void Rule625_first_child_born_after_the_year_or_after_care_ended()
    {
        const string header = """
            CHILD,MC_DOB
            1,01/04/2026
            2,19/12/2025
            3,
            4,01/02/2026
            """;
        const string episodes = """
            CHILD,DECOM,DEC
            1,01/01/2025,
            2,01/01/2025,01/10/2025
            2,01/10/2025,01/11/2025
            3,01/01/2025,01/02/2025
            4,01/01/2025,01/01/2026
            4,01/01/2026,
            """;
        var data = RuleTest.Ssda903(2026, ("Header", header), ("Episodes", episodes));
        RuleTest.Fails("625", data, "Header", 2, 3);
        RuleTest.Fails("625", data, "Episodes", 2, 4);
    }

    [Fact]
    public void Rule626_new_mother_with_a_child_born_before_the_year()
    {
        const string header = """
            CHILD,MOTHER,MC_DOB
            1,1,
            2,1,04/01/2025
            3,1,01/04/2025
            4,1,04/01/2025
            """;
        const string last = """
            CHILD,MOTHER
            1,0
            2,0
            3,0
            4,1
            """;
        RuleTest.Fails("626", RuleTest.Ssda903(2026, ("Header", header), ("Header_last", last)), "Header", 3);
        RuleTest.Skipped("626", RuleTest.Ssda903(2026, ("Header", header)));
    }

    [Fact]
    public void Rule628_MOTHER_for_care_leaver_not_looked_after()
    {
        const string header = """
            CHILD,MOTHER
            0,1
            1,
            2,0
            3,1
            6,1
            """;
        const string episodes = "CHILD,DECOM\n3,01/01/2026";
        const string oc3 = """
            CHILD,IN_TOUCH,ACTIV,ACCOM
            0,YES,,
            2,,,
            3,YES,,
            6,,F2,
            """;
        RuleTest.Fails("628", RuleTest.Ssda903(2026, ("Header", header), ("Episodes", episodes), ("OC3", oc3)), "Header", 2, 6);
    }

    [Fact]
    public void Rule630_new_entrant_needs_previous_permanence()
    {
        const string episodes = """
            CHILD,DECOM,RNE
            0,01/04/2025,T
            1,01/04/2025,S
            2,01/04/2025,S
            4,31/03/2025,S
            5,01/04/2025,S
            7,01/04/2025,S
            8,01/04/2025,S
            """;
        const string prev = """
            CHILD,PREV_PERM,LA_PERM,DATE_PERM
            2,Z1,,
            4,P1,352,
            5,P1,,01/05/2000
            7,,,
            8,P1,352,05/05/2020
            """;
        RuleTest.Fails("630", RuleTest.Ssda903(2026, ("Episodes", episodes), ("PrevPerm", prev)), "Episodes", 3, 6, 7);
    }

    [Fact]
    public void Rule631_previous_permanence_code()
    {
        const string prev = """
            CHILD,PREV_PERM
            1,P0
            2,P1
            3,p1
            4,
            5,Z1
            """;
        RuleTest.Fails("631", RuleTest.Ssda903(2026, ("PrevPerm", prev)), "PrevPerm", 2, 4);
    }

    [Fact]
    public void Rule632_previous_permanence_date_valid_and_before_care()
    {
        const string prev = """
            CHILD,DATE_PERM
            101,xx/10/2011
            102,17/06/2001
            104,
            105,05/ZZ/2020
            106,ZZ/05/2021
            107,ZZ/ZZ/ZZZZ
            108,ZZ/ZZ/1993
            109,ZZ/ZZ/ZZ
            110,01/13/2000
            111,ZZ/07/2021
            """;
        const string episodes = """
            CHILD,DECOM
            101,20/10/2011
            102,19/11/2021
            102,17/06/2001
            104,11/09/2015
            105,01/03/2021
            106,01/07/2021
            107,01/07/2021
            108,01/07/2021
            109,01/07/2021
            110,01/07/2021
            111,01/07/2021
            """;
        var data = RuleTest.Ssda903(2026, ("PrevPerm", prev), ("Episodes", episodes));
        RuleTest.Fails("632", data, "PrevPerm", 2, 3, 9, 10, 11);
        RuleTest.Fails("632", data, "Episodes", 2, 4, 10, 11, 12);
    }

    [Fact]
    public void Rule633_local_authority_of_previous_permanence()
    {
        const string prev = """
            CHILD,LA_PERM
            1,
            2,SCO
            3,204
            4,458
            5,176
            6,942
            """;
        RuleTest.Fails("633", RuleTest.Ssda903(2026, ("PrevPerm", prev)), "PrevPerm", 5, 6);
    }

    [Fact]
    public void Rule634_previous_permanence_for_child_looked_after_before_April_2016()
    {
        const string prev = """
            CHILD,PREV_PERM,LA_PERM,DATE_PERM
            101,Z1,,
            102,,352,
            103,,,01/05/2000
            7,,,
            8,P1,352,05/05/2020
            """;
        const string episodes = """
            CHILD,DECOM
            101,20/10/2011
            102,19/11/2021
            102,17/06/2001
            103,04/04/2002
            103,01/03/2016
            7,01/01/2010
            """;
        var data = RuleTest.Ssda903(2026, ("PrevPerm", prev), ("Episodes", episodes));
        RuleTest.Fails("634", data, "PrevPerm", 2, 4);
        RuleTest.Fails("634", data, "Episodes", 2, 5, 6);
    }

    [Fact]
    public void Rule635_permanence_details_without_a_code()
    {
        const string prev = """
            CHILD,PREV_PERM,LA_PERM,DATE_PERM
            2,Z1,,
            4,,352,
            5,,,01/05/2000
            6,Z1,352,
            7,,,
            8,P1,352,05/05/2020
            """;
        RuleTest.Fails("635", RuleTest.Ssda903(2026, ("PrevPerm", prev)), "PrevPerm", 3, 4);
    }

    [Fact]
    public void Rules700_to_704_DoLO_dates()
    {
        const string dolo = """
            CHILD,DOB,DOLO_START,DOLO_END
            1,01/01/2010,01/05/2026,01/06/2026
            2,01/01/2010,,
            3,01/01/2010,2026/05/01,31/13/2026
            4,01/01/2010,01/05/2026,01/04/2026
            5,01/01/2010,01/04/2027,
            6,01/01/2010,01/01/2026,31/03/2026
            7,01/01/2010,01/04/2026,01/04/2027
            """;
        var data = RuleTest.Ssda903(2027, ("DoLo", dolo));
        RuleTest.Fails("700", data, "DoLo", 3, 4);
        RuleTest.Fails("701", data, "DoLo", 4);
        RuleTest.Fails("702", data, "DoLo", 5);
        RuleTest.Fails("703", data, "DoLo", 6);
        RuleTest.Fails("704", data, "DoLo", 7, 8);
        Assert.Equal([4L], RuleTest.Unreadable("702", data, "DoLo"));
        Assert.Empty(RuleTest.Run("700", RuleTest.Ssda903(2026, ("DoLo", dolo))).Issues);
    }

    [Fact]
    public void Rule705_DoLO_starts_while_an_earlier_one_is_open()
    {
        const string dolo = """
            CHILD,DOLO_START,DOLO_END
            1,01/01/2027,02/01/2027
            1,04/01/2027,04/01/2027
            1,03/01/2027,06/01/2027
            2,01/01/2027,
            2,02/01/2027,02/01/2027
            3,01/01/2027,02/01/2027
            3,02/01/2027,
            """;
        RuleTest.Fails("705", RuleTest.Ssda903(2027, ("DoLo", dolo)), "DoLo", 3, 6);
    }

    [Fact]
    public void Rule706_open_DoLO_last_year_must_continue()
    {
        const string dolo = """
            CHILD,DOLO_START
            1,01/01/2026
            2,01/05/2026
            """;
        const string last = """
            CHILD,DOLO_START,DOLO_END
            1,01/01/2026,
            2,01/01/2026,
            3,01/01/2026,01/02/2026
            """;
        RuleTest.Fails("706", RuleTest.Ssda903(2027, ("DoLo", dolo), ("DoLo_last", last)), "DoLo_last", 3);
        RuleTest.Skipped("706", RuleTest.Ssda903(2027, ("DoLo", dolo)));
    }

    [Fact]
    public void Rule707_DoLO_outside_the_periods_of_care()
    {
        const string dolo = """
            CHILD,DOLO_START,DOLO_END
            1,01/05/2026,
            2,01/05/2026,
            3,01/05/2026,01/03/2027
            4,01/05/2026,01/06/2026
            5,01/05/2026,
            """;
        const string episodes = """
            CHILD,DECOM,DEC
            1,01/04/2026,01/06/2026
            2,01/04/2026,01/06/2026
            2,01/06/2026,
            3,01/04/2026,01/06/2026
            3,01/07/2026,01/02/2027
            4,01/04/2026,01/05/2026
            4,01/05/2026,01/07/2026
            """;
        RuleTest.Fails("707", RuleTest.Ssda903(2027, ("DoLo", dolo), ("Episodes", episodes)), "DoLo", 2, 4);
    }

    [Fact]
    public void Rule708_DoLO_before_birth()
    {
        const string dolo = """
            CHILD,DOB,DOLO_START
            1,01/01/2020,01/01/2020
            2,01/01/2020,
            3,,01/01/2020
            4,01/01/2019,01/01/2020
            """;
        RuleTest.Fails("708", RuleTest.Ssda903(2027, ("DoLo", dolo)), "DoLo", 2);
    }

    [Fact]
    public void Rule709_DoLO_in_an_unexpected_placement()
    {
        const string dolo = """
            CHILD,DOLO_START,DOLO_END
            1,02/01/2027,03/01/2027
            1,25/12/2026,31/12/2026
            1,02/01/2027,
            2,02/01/2027,03/01/2027
            """;
        const string episodes = """
            CHILD,DECOM,DEC,PLACE
            1,01/01/2027,04/01/2027,U1
            2,01/01/2027,04/01/2027,K2
            """;
        RuleTest.Fails("709", RuleTest.Ssda903(2027, ("DoLo", dolo), ("Episodes", episodes)), "DoLo", 2);
    }

    [Fact]
    public void Rule710_DoLO_in_a_barred_placement()
    {
        const string dolo = """
            CHILD,DOLO_START,DOLO_END
            1,02/01/2027,03/01/2027
            1,25/12/2026,31/12/2026
            2,02/01/2027,03/01/2027
            3,02/01/2027,03/01/2027
            """;
        const string episodes = """
            CHILD,DECOM,DEC,PLACE
            1,01/01/2027,04/01/2027,P1
            1,01/01/2027,04/01/2027,K2
            2,01/01/2027,,K1
            3,01/01/2027,04/01/2027,U1
            """;
        var data = RuleTest.Ssda903(2027, ("DoLo", dolo), ("Episodes", episodes));
        RuleTest.Fails("710", data, "DoLo", 2, 4);
        RuleTest.Fails("710", data, "Episodes", 2, 4);
    }

    [Fact]
    public void RuleEPI_child_without_episodes_or_care_leaver_row()
    {
        const string header = "CHILD\n101\n102\n103\n106";
        const string episodes = "CHILD,DECOM\n101,01/01/2026\n101,02/01/2026";
        RuleTest.Fails("EPI", RuleTest.Ssda903(2026, ("Header", header), ("Episodes", episodes), ("OC3", "CHILD,IN_TOUCH\n103,YES")), "Header", 3, 5);
        RuleTest.Fails("EPI", RuleTest.Ssda903(2026, ("Header", header)), "Header", 2, 3, 4, 5);
    }

    [Theory]
    [InlineData("INT01", "AD1")]
    [InlineData("INT02", "PlacedAdoption")]
    [InlineData("INT03", "Episodes")]
    [InlineData("INT04", "Missing")]
    [InlineData("INT05", "OC2")]
    [InlineData("INT06", "OC3")]
    [InlineData("INT07", "PrevPerm")]
    [InlineData("INT08", "Reviews")]
    [InlineData("INT09", "UASC")]
    public void RuleINT01_to_INT09_child_not_in_header(string code, string table)
    {
        const string other = "CHILD,DOB\n1,01/01/2008\n3,01/01/2008\n2,01/01/2010";
        RuleTest.Fails(code, RuleTest.Ssda903(2026, ("Header", Header), (table, other)), table, 3);
        RuleTest.Skipped(code, RuleTest.Ssda903(2026, (table, other)));
    }

    [Theory]
    [InlineData("INT11", "AD1")]
    [InlineData("INT12", "PlacedAdoption")]
    [InlineData("INT13", "Missing")]
    [InlineData("INT14", "OC2")]
    [InlineData("INT15", "OC3")]
    [InlineData("INT16", "PrevPerm")]
    [InlineData("INT17", "Reviews")]
    [InlineData("INT18", "UASC")]
    public void RuleINT11_to_INT18_DOB_differs_from_header(string code, string table)
    {
        const string other = "CHILD,DOB\n1,01/01/2008\n2,02/01/2010\n3,01/01/2001\n2,";
        RuleTest.Fails(code, RuleTest.Ssda903(2026, ("Header", Header), (table, other)), table, 3);
        Assert.Equal([2L], RuleTest.Unreadable(code, RuleTest.Ssda903(2026, ("Header", Header), (table, "CHILD,DOB\n1,31/02/2008")), table));
    }

    [Fact]
    public void RuleINT21_UASC_sex_differs_from_header()
    {
        const string uasc = "CHILD,SEX\n1,F\n2,F\n3,M\n2,";
        RuleTest.Fails("INT21", RuleTest.Ssda903(2026, ("Header", Header), ("UASC", uasc)), "UASC", 3);
    }

    [Theory]
    [InlineData("INT31", "AD1")]
    [InlineData("INT32", "Header")]
    [InlineData("INT33", "OC2")]
    [InlineData("INT34", "OC3")]
    [InlineData("INT35", "PrevPerm")]
    [InlineData("INT36", "UASC")]
    public void RuleINT31_to_INT36_child_more_than_once(string code, string table)
    {
        const string rows = "CHILD,DOB\n1,01/01/2008\n2,01/01/2010\n1,01/01/2008\n3,01/01/2010";
        RuleTest.Fails(code, RuleTest.Ssda903(2026, (table, rows)), table, 2, 4);
    }

    [Fact]
    public void RuleNoE_episode_before_the_year_without_last_year()
    {
        const string episodes = "CHILD,DECOM\n101,14/03/2025\n102,08/09/2025\n103,03/10/2024";
        const string last = "CHILD,DECOM\n101,14/03/2025";
        RuleTest.Fails("NoE", RuleTest.Ssda903(2026, ("Episodes", episodes), ("Episodes_last", last)), "Episodes", 4);
        RuleTest.Skipped("NoE", RuleTest.Ssda903(2026, ("Episodes", episodes)));
    }

    private const string SwColumns = "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON";

    [Fact]
    public void RuleSW01a_and_SW01b_social_worker_episode_complete()
    {
        const string sw = SwColumns + """

            1,,01/01/2024,,MANAGE
            2,SW1234,,,MANAGE
            3,SW1234,01/01/2024,,
            4,SW1234,01/01/1999,,
            5,,01/01/1999,,MANAGE
            """;
        var data = RuleTest.Ssda903(2026, ("SWEpisodes", sw));
        RuleTest.Fails("SW01aSTG1", data, "SWEpisodes", 3, 6);
        RuleTest.Fails("SW01bSTG1", data, "SWEpisodes", 2, 3, 4);
        Assert.Equal([2L], RuleTest.Unreadable("SW01aSTG1", RuleTest.Ssda903(2026, ("SWEpisodes", SwColumns + "\n1,SW1234,1 May,,")), "SWEpisodes"));
    }

    [Fact]
    public void RuleSW02_social_worker_id_begins_SW_or_XX()
    {
        const string sw = "CHILD,SW_ID\n1,SW000\n2,XX000\n3,aa00\n4,xx000\n5,SW\n6,";
        RuleTest.Fails("SW02STG1", RuleTest.Ssda903(2026, ("SWEpisodes", sw)), "SWEpisodes", 4, 5, 6, 7);
    }

    [Fact]
    public void RuleSW04_and_SW05_social_worker_dates_valid()
    {
        const string sw = """
            CHILD,SW_DECOM,SW_DEC
            1,ZZ/ZZ/ZZZZ,01/01/2001
            2,01/01/2001,
            3,zz,1999/12/01
            4,,32/01/2001
            """;
        var data = RuleTest.Ssda903(2026, ("SWEpisodes", sw));
        RuleTest.Fails("SW04STG1", data, "SWEpisodes", 2, 4, 5);
        RuleTest.Fails("SW05STG1", data, "SWEpisodes", 4, 5);
    }

    [Fact]
    public void RuleSW06_and_SW07_social_worker_dates_in_range()
    {
        const string sw = """
            CHILD,SW_DECOM,SW_DEC
            1,01/04/2026,
            2,31/03/2026,31/03/2026
            3,01/01/2023,31/03/2024
            4,01/01/2023,01/04/2024
            5,01/01/2026,01/04/2026
            """;
        var data = RuleTest.Ssda903(2026, ("SWEpisodes", sw));
        RuleTest.Fails("SW06STG2", data, "SWEpisodes", 2);
        RuleTest.Fails("SW07STG2", data, "SWEpisodes", 4, 6);
        Assert.Equal([2L], RuleTest.Unreadable("SW07STG2", RuleTest.Ssda903(2026, ("SWEpisodes", "CHILD,SW_DECOM,SW_DEC\n1,01/01/2026,31/02/2026")), "SWEpisodes"));
    }

    [Fact]
    public void RuleSW08_earlier_social_worker_episode_not_ended()
    {
        const string sw = """
            CHILD,SW_DECOM,SW_DEC
            1,01/06/2025,04/06/2025
            1,05/06/2025,
            2,07/06/2025,08/06/2025
            2,06/06/2025,
            3,14/06/2025,
            3,15/06/2025,16/06/2025
            3,16/06/2025,
            """;
        RuleTest.Fails("SW08STG2", RuleTest.Ssda903(2026, ("SWEpisodes", sw)), "SWEpisodes", 5, 6);
    }

    [Fact]
    public void RuleSW09_social_worker_episode_too_short()
    {
        const string sw = """
            CHILD,SW_DECOM,SW_DEC
            1,02/01/2025,01/01/2025
            1,01/01/2025,04/01/2025
            2,01/01/2025,03/01/2025
            2,05/01/2025,05/01/2025
            3,01/01/2025,
            """;
        RuleTest.Fails("SW09STG2", RuleTest.Ssda903(2026, ("SWEpisodes", sw)), "SWEpisodes", 2, 4, 5);
        RuleTest.Fails("SW09STG2", RuleTest.Ssda903(2025, ("SWEpisodes", sw)), "SWEpisodes", 5);
    }

    [Fact]
    public void RuleSW10_social_worker_episode_starts_near_the_end_of_the_previous()
    {
        const string sw = SwColumns + """

            1,SW1,01/01/2025,09/01/2025,MANAGE
            1,SW2,02/01/2025,03/01/2025,MANAGE
            2,SW1,01/01/2024,09/01/2025,MANAGE
            2,SW2,01/01/2025,10/01/2025,MANAGE
            3,SW1,10/01/2025,20/01/2025,MANAGE
            3,SW2,10/01/2025,11/01/2025,MANAGE
            3,SW3,18/01/2025,20/01/2025,MANAGE
            3,SW4,30/01/2025,31/01/2025,MANAGE
            6,SW1,01/01/2024,09/01/2025,MANAGE
            6,SW2,01/01/2025,10/01/2025,FCONTA
            7,SW1,01/01/2025,,MANAGE
            7,SW2,01/02/2025,,MANAGE
            """;
        RuleTest.Fails("SW10STG2", RuleTest.Ssda903(2026, ("SWEpisodes", sw)), "SWEpisodes", 5, 13);
    }

    [Fact]
    public void RuleSW11b_and_SW17_no_social_worker_episode_open_at_31_March()
    {
        const string sw = """
            CHILD,SW_DECOM,SW_DEC
            1,01/01/2025,01/06/2025
            1,02/06/2025,
            2,01/01/2025,01/06/2025
            2,02/06/2025,10/03/2026
            3,01/01/2025,31/03/2026
            """;
        var data = RuleTest.Ssda903(2026, ("SWEpisodes", sw));
        RuleTest.Fails("SW11bSTG2", data, "SWEpisodes", 5);
        RuleTest.Fails("SW17STG2", data, "SWEpisodes", 5, 6);

        // With episodes, only children looked after on 31 March: child 3 left care on 31 March, child 2 did not.
        const string episodes = "CHILD,DECOM,DEC\n1,01/01/2025,\n2,01/01/2025,\n3,01/01/2025,31/03/2026";
        var withEpisodes = RuleTest.Ssda903(2026, ("SWEpisodes", sw), ("Episodes", episodes));
        RuleTest.Fails("SW11bSTG2", withEpisodes, "SWEpisodes", 5);
        RuleTest.Fails("SW17STG2", withEpisodes, "SWEpisodes", 5);
    }

    [Fact]
    public void RuleSW12_care_episodes_need_a_social_worker_episode()
    {
        const string episodes = """
            CHILD,DECOM,DEC,RNE,REC,LS
            1,01/01/2025,,S,,C2
            2,01/01/2025,,S,,C2
            3,01/01/2025,,S,,V4
            4,01/01/2025,10/04/2025,P,X1,C2
            5,01/01/2025,10/04/2025,S,X1,C2
            5,10/04/2025,01/06/2025,P,E4a,C2
            6,01/01/2023,10/03/2024,S,E4a,C2
            7,01/01/2025,10/02/2025,S,E4a,C2
            """;
        const string sw = """
            CHILD,SW_DECOM,SW_DEC
            1,01/12/2024,01/01/2025
            1,01/01/2025,
            5,01/06/2025,
            7,01/03/2025,
            """;
        RuleTest.Fails("SW12STG2", RuleTest.Ssda903(2026, ("Episodes", episodes), ("SWEpisodes", sw)), "Episodes", 3, 6, 9);
    }

    [Fact]
    public void RuleSW13_reason_for_change_of_social_worker()
    {
        const string sw = SwColumns + """

            1,SW1,01/04/2025,02/04/2025,OTHERS
            2,SW1,01/04/2025,02/04/2025,
            2,SW2,03/04/2025,04/04/2025,
            3,SW1,03/04/2023,04/04/2025,
            3,SW2,05/04/2025,06/04/2025,
            4,SW1,05/04/2023,31/03/2025,
            4,SW2,05/04/2025,,
            5,SW1,05/04/2025,,BADONE
            """;
        RuleTest.Fails("SW13STG1", RuleTest.Ssda903(2026, ("SWEpisodes", sw)), "SWEpisodes", 4, 6, 7, 9);
    }
}
