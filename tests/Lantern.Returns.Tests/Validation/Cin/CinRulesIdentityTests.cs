using Xunit;

namespace Lantern.Returns.Tests.Validation.Cin;

public class CinRulesIdentityTests
{
    private const string Details = "LAchildID,CINdetailsID,CINreferralDate,ReferralSource,PrimaryNeedCode,CINclosureDate,ReasonForClosure,DateOfInitialCPC,ReferralNFA";

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

    [Fact]
    public void Rule100_reference_date_is_the_years_31_March()
    {
        RuleTest.Fails("100", RuleTest.Cin(2026, ("Header", "Collection,ReferenceDate\nCIN,2026-03-31")), "Header");
        RuleTest.Fails("100", RuleTest.Cin(2026, ("Header", "Collection,ReferenceDate\nCIN,2025-03-31")), "Header", 2);
        RuleTest.Fails("100", RuleTest.Cin(2025, ("Header", "Collection,ReferenceDate\nCIN,31/03/2025")), "Header");
        RuleTest.Fails("100", RuleTest.Cin(2026, ("Header", "Collection,ReferenceDate\nCIN,")), "Header", 2);
        RuleTest.Fails("100", RuleTest.Cin(2026, ("Header", "Collection,ReferenceDate\nCIN,31 March")), "Header", 2);
    }

    [Fact]
    public void Rule1510_upn_check_letter()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,UPN
            A1,K812123456789
            A2,A812123456789
            A3,
            A4,K81212345678
            A5,H812123456780
            """));
        RuleTest.Fails("1510", data, "ChildIdentifiers", 3, 5);
    }

    [Fact]
    public void Rule1520_upn_shared_by_two_records()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,UPN
            A1,K812123456789
            A2,H812123456780
            A3,K812123456789
            A4,
            A5,
            """));
        RuleTest.Fails("1520", data, "ChildIdentifiers", 2, 4);
    }

    [Fact]
    public void Rule1530_upn_la_code_recognised_with_942_and_943_from_2023_24()
    {
        var csv = """
            LAchildID,UPN
            A1,K812123456789
            A2,K999123456789
            A3,F942000000001
            A4,K99912
            """;
        RuleTest.Fails("1530", RuleTest.Cin(2026, ("ChildIdentifiers", csv)), "ChildIdentifiers", 3);
        RuleTest.Fails("1530", RuleTest.Cin(2023, ("ChildIdentifiers", csv)), "ChildIdentifiers", 3, 4);
    }

    [Fact]
    public void Rule1540_upn_characters_5_to_12_numeric()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,UPN
            A1,K812123456789
            A2,K8121234X6789
            A3,K812
            """));
        RuleTest.Fails("1540", data, "ChildIdentifiers", 3);
    }

    [Fact]
    public void Rule1550_upn_last_character()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,UPN
            A1,K812123456789
            A2,K81212345678A
            A3,K81212345678I
            A4,K81212345678#
            """));
        RuleTest.Fails("1550", data, "ChildIdentifiers", 4, 5);
    }

    [Fact]
    public void Rule1560Q_former_upn_format()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,FormerUPN
            A1,K812123456789
            A2,
            A3,1812123456789
            A4,K8121234567
            A5,K81212345678A
            """));
        RuleTest.Fails("1560Q", data, "ChildIdentifiers", 4, 5);
    }

    [Fact]
    public void Rule1570_la_child_id_at_most_20_characters()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID
            A1234567890123456789
            A12345678901234567890
            """));
        RuleTest.Fails("1570", data, "ChildIdentifiers", 3);
    }

    [Fact]
    public void Rule1580_la_child_id_alphanumeric()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID
            Abc123
            A-1
            A 1
            """));
        RuleTest.Fails("1580", data, "ChildIdentifiers", 3, 4);
    }

    [Fact]
    public void Rule2886Q_more_than_2_percent_without_sex_excluding_unborn()
    {
        var rows = string.Join('\n', Enumerable.Range(1, 49).Select(n => $"C{n},M,"));
        var clean = RuleTest.Cin(2026, ("ChildIdentifiers", "LAchildID,Sex,ExpectedPersonBirthDate\n" + rows + "\nX1,U,\nX2,U,2026-05-01"));
        RuleTest.Passes("2886Q", clean);
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", "LAchildID,Sex,ExpectedPersonBirthDate\n" + rows + "\nX1,U,\nX2,,"));
        RuleTest.Fails("2886Q", data, "ChildIdentifiers", 51, 52);
        var old = RuleTest.Cin(2024, ("ChildIdentifiers", "LAchildID,GenderCurrent,ExpectedPersonBirthDate\nA1,1,\nA2,0,\nA3,0,2024-05-01"));
        RuleTest.Fails("2886Q", old, "ChildIdentifiers", 3);
    }

    [Fact]
    public void Rule4008_and_4009Q_cin_plan_after_death()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,PersonDeathDate
            A1,2025-10-01
            A2,
            """), ("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            A1,1,2025-09-01,2025-10-01
            A1,1,2025-10-02,2025-10-05
            A1,2,2025-05-01,2025-10-02
            A2,1,2025-10-02,
            """));
        RuleTest.Fails("4008", data, "CINplanDates", 3);
        RuleTest.Fails("4008", data, "ChildIdentifiers", 2);
        RuleTest.Fails("4009Q", data, "CINplanDates", 3, 4);
    }

    [Fact]
    public void Rule4180_sex_code_and_gender_before_2024_25()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,GenderCurrent,Sex
            A1,,M
            A2,,F
            A3,,U
            A4,1,
            A5,,X
            """));
        RuleTest.Fails("4180", data, "ChildIdentifiers", 5, 6);
        var old = RuleTest.Cin(2024, ("ChildIdentifiers", """
            LAchildID,GenderCurrent,Sex
            A1,1,
            A2,9,
            A3,M,
            A4,,
            """));
        RuleTest.Fails("4180", old, "ChildIdentifiers", 4, 5);
    }

    [Fact]
    public void Rule8510_la_child_id_unique()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID
            A1
            A2
            A1
            """));
        RuleTest.Fails("8510", data, "ChildIdentifiers", 2, 4);
    }

    [Fact]
    public void Rule8520_birth_after_reference_date()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,PersonBirthDate
            A1,2026-03-31
            A2,2026-04-01
            A3,
            A4,not a date
            """));
        RuleTest.Fails("8520", data, "ChildIdentifiers", 3);
        Assert.Equal([5L], RuleTest.Unreadable("8520", data, "ChildIdentifiers"));
    }

    [Fact]
    public void Rule8525Q_birth_or_expected_birth_not_both()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,PersonBirthDate,ExpectedPersonBirthDate
            A1,2020-01-01,
            A2,,2026-05-01
            A3,,
            A4,2020-01-01,2026-05-01
            """));
        RuleTest.Fails("8525Q", data, "ChildIdentifiers", 4, 5);
    }

    [Fact]
    public void Rule8530Q_expected_birth_in_range()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,ExpectedPersonBirthDate
            A1,2026-03-02
            A2,2026-03-01
            A3,2026-12-30
            A4,2026-12-31
            A5,
            """));
        RuleTest.Fails("8530Q", data, "ChildIdentifiers", 3, 5);
    }

    [Fact]
    public void Rule8535Q_death_before_birth()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,PersonBirthDate,PersonDeathDate
            A1,2020-01-01,2020-01-01
            A2,2020-01-02,2020-01-01
            A3,,2020-01-01
            """));
        RuleTest.Fails("8535Q", data, "ChildIdentifiers", 3);
    }

    [Fact]
    public void Rule8545Q_death_within_census_year()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,PersonDeathDate
            A1,2025-04-01
            A2,2026-03-31
            A3,2025-03-31
            A4,2026-04-01
            A5,
            """));
        RuleTest.Fails("8545Q", data, "ChildIdentifiers", 4, 5);
    }

    [Fact]
    public void Rule8590_child_without_cin_episode()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", "LAchildID\nA1\nA2"), ("CINdetails", Details + "\nA1,1,2025-05-01,,,,,,0"));
        RuleTest.Fails("8590", data, "ChildIdentifiers", 3);
    }

    [Fact]
    public void Rule8750_unborn_child_sex_unknown_and_gender_0_before_2024_25()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", """
            LAchildID,PersonBirthDate,ExpectedPersonBirthDate,Sex,GenderCurrent
            A1,,2026-05-01,U,
            A2,,2026-05-01,F,
            A3,2020-01-01,,F,
            """));
        RuleTest.Fails("8750", data, "ChildIdentifiers", 3);
        var old = RuleTest.Cin(2024, ("ChildIdentifiers", """
            LAchildID,PersonBirthDate,ExpectedPersonBirthDate,Sex,GenderCurrent
            A1,,2024-05-01,,0
            A2,,2024-05-01,U,2
            """));
        RuleTest.Fails("8750", old, "ChildIdentifiers", 3);
    }

    [Fact]
    public void Rule8770Q_school_age_child_needs_upn_or_reason()
    {
        var ids = """
            LAchildID,PersonBirthDate,UPN,UPNunknown
            A1,2022-08-31,,
            A2,2022-09-01,,
            A3,2015-01-01,K812123456789,
            A4,2015-01-01,,UN2
            A5,2015-01-01,,UN1
            A6,2015-01-01,,
            A7,2019-06-01,,
            """;
        var details = Details + "\nA1,1,2025-05-01,,,,,,0\nA2,1,2025-05-01,,,,,,0\nA3,1,2025-05-01,,,,,,0\nA4,1,2025-05-01,,,,,,0\nA5,1,2025-05-01,,,,,,false\nA6,1,2025-05-01,,,,,,1\nA7,1,2025-05-01,,,,,,0";
        RuleTest.Fails("8770Q", RuleTest.Cin(2026, ("ChildIdentifiers", ids), ("CINdetails", details)), "ChildIdentifiers", 2, 6, 8);
        RuleTest.Fails("8770Q", RuleTest.Cin(2024, ("ChildIdentifiers", ids), ("CINdetails", details)), "ChildIdentifiers", 6);
    }

    [Fact]
    public void Rule8772_un7_with_further_action()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", "LAchildID,UPNunknown\nA1,UN7\nA2,UN7\nA3,UN4"),
            ("CINdetails", Details + "\nA1,1,2025-05-01,,,,,,1\nA2,1,2025-05-01,,,,,,1\nA2,2,2025-06-01,,,,,,0\nA3,1,2025-05-01,,,,,,0"));
        RuleTest.Fails("8772", data, "ChildIdentifiers", 3);
    }

    [Fact]
    public void Rule8775Q_child_over_25()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", "LAchildID,PersonBirthDate\nA1,2000-06-01\nA2,2001-04-01"),
            ("CINdetails", Details + "\nA1,1,2025-05-01,,,2025-05-31,RC7,,0\nA1,2,2025-06-01,,,2025-06-02,RC7,,0\nA2,1,2025-05-01,,,,,,0"));
        RuleTest.Fails("8775Q", data, "CINdetails", 3);
        RuleTest.Fails("8775Q", data, "ChildIdentifiers", 2);
    }

    [Fact]
    public void Rule4220_ethnicity_valid()
    {
        var data = RuleTest.Cin(2026, ("ChildCharacteristics", "LAchildID,Ethnicity\nA1,WBRI\nA2,\nA3,XXXX"));
        RuleTest.Fails("4220", data, "ChildCharacteristics", 3, 4);
    }

    [Fact]
    public void Rule8540_disability_present_and_valid_for_born_child_with_further_action()
    {
        var data = RuleTest.Cin(2026,
            ("ChildIdentifiers", "LAchildID,PersonBirthDate\nA1,2020-01-01\nA2,2020-01-01\nA3,2020-01-01\nA4,\nA5,2020-01-01"),
            ("ChildCharacteristics", "LAchildID,Ethnicity\nA1,WBRI\nA2,WBRI\nA3,WBRI\nA4,WBRI\nA5,WBRI"),
            ("Disabilities", "LAchildID,Disability\nA1,MOB\nA2,XYZ\nA2,LD"),
            ("CINdetails", Details + "\nA1,1,2025-05-01,,,,,,0\nA2,1,2025-05-01,,,,,,0\nA3,1,2025-05-01,,,,,,0\nA4,1,2025-05-01,,,,,,0\nA5,1,2025-05-01,,,,,,1"));
        RuleTest.Fails("8540", data, "ChildCharacteristics", 3, 4);
        RuleTest.Fails("8540", data, "Disabilities", 3);
    }

    [Fact]
    public void Rule2887Q_fewer_than_8_disability_codes()
    {
        var few = RuleTest.Cin(2026, ("Disabilities", "LAchildID,Disability\nA1,NONE\nA2,MOB\nA3,HAND\nA4,PC\nA5,INC\nA6,COMM\nA7,LD\nA8,HEAR"));
        RuleTest.Fails("2887Q", few, "Disabilities", 2);
        var enough = RuleTest.Cin(2026, ("Disabilities", "LAchildID,Disability\nA1,NONE\nA2,MOB\nA3,HAND\nA4,PC\nA5,INC\nA6,COMM\nA7,LD\nA8,HEAR\nA9,VIS"));
        RuleTest.Passes("2887Q", enough);
    }

    [Fact]
    public void Rule2888Q_no_child_with_several_disabilities()
    {
        var single = RuleTest.Cin(2026, ("Disabilities", "LAchildID,Disability\nA1,NONE\nA2,MOB\nA3,HAND\nA3,NONE"));
        RuleTest.Fails("2888Q", single, "Disabilities", 3);
        var several = RuleTest.Cin(2026, ("Disabilities", "LAchildID,Disability\nA1,NONE\nA2,MOB\nA3,HAND\nA3,LD"));
        RuleTest.Passes("2888Q", several);
        RuleTest.Passes("2888Q", RuleTest.Cin(2026, ("Disabilities", "LAchildID,Disability\nA1,NONE")));
    }

    [Fact]
    public void Rule8790_none_with_other_disabilities()
    {
        var data = RuleTest.Cin(2026, ("Disabilities", "LAchildID,Disability\nA1,NONE\nA2,NONE\nA2,MOB\nA3,MOB\nA3,LD"));
        RuleTest.Fails("8790", data, "Disabilities", 3, 4);
    }

    [Fact]
    public void Rule8794_repeated_disability()
    {
        var data = RuleTest.Cin(2026, ("Disabilities", "LAchildID,Disability\nA1,MOB\nA2,MOB\nA2,LD\nA2,MOB"));
        RuleTest.Fails("8794", data, "Disabilities", 3, 5);
    }

    [Fact]
    public void Rule2990_activity_on_episode_closed_after_assessment()
    {
        var data = RuleTest.Cin(2026,
            ("CINdetails", Details + "\nA1,1,2025-05-01,,,2025-06-01,RC8,,0\nA1,2,2025-07-01,,,2025-08-01,RC9,2025-07-20,0\nA2,1,2025-05-01,,,2025-06-01,RC8,,0\nA3,1,2025-05-01,,,2025-06-01,RC7,,0"),
            ("Section47", "LAchildID,CINdetailsID,S47ActualStartDate\nA1,1,2025-05-10\nA3,1,2025-05-10"),
            ("ChildProtectionPlans", "LAchildID,CINdetailsID,CPPID,CPPstartDate"),
            ("CINplanDates", "LAchildID,CINdetailsID,CINPlanStartDate\nA2,2,2025-05-10"));
        RuleTest.Fails("2990", data, "CINdetails", 2, 3);
        RuleTest.Fails("2990", data, "Section47", 2);
    }

    [Fact]
    public void Rule2991Q_section_47_without_assessment()
    {
        var data = RuleTest.Cin(2026,
            ("CINdetails", Details + "\nA1,1,2025-05-01,,,,,,0\nA1,2,2025-05-01,,,,,,0\nA2,1,2025-05-01,,,,,,0"),
            ("Section47", "LAchildID,CINdetailsID,S47ActualStartDate\nA1,1,2025-05-10\nA1,2,2025-05-10"),
            ("Assessments", "LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate\nA1,1,1,2025-05-02\nA2,1,1,2025-05-02"));
        RuleTest.Fails("2991Q", data, "CINdetails", 3);
    }

    [Fact]
    public void Rule8555Q_referral_after_death()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", "LAchildID,PersonDeathDate\nA1,2025-06-01\nA2,"),
            ("CINdetails", Details + "\nA1,1,2025-06-01,,,,,,0\nA1,2,2025-06-02,,,,,,0\nA2,1,2025-06-02,,,,,,0"));
        RuleTest.Fails("8555Q", data, "CINdetails", 3);
    }

    [Fact]
    public void Rule8568_referral_nfa_flag()
    {
        var data = RuleTest.Cin(2026, ("CINdetails", Details + "\nA1,1,,,,,,,0\nA1,2,,,,,,,true\nA1,3,,,,,,,\nA1,4,,,,,,,yes\nA1,5,,,,,,,1\nA1,6,,,,,,,False"));
        RuleTest.Fails("8568", data, "CINdetails", 4, 5);
    }

    [Fact]
    public void Rule8569Q_nfa_referral_before_last_working_day_before_collection_start()
    {
        // 1 April 2025 is a Tuesday: the last working day before it is Monday 31 March.
        var data = RuleTest.Cin(2026, ("CINdetails", Details + "\nA1,1,2025-03-31,,,,,,1\nA2,1,2025-03-28,,,,,,1\nA3,1,2025-03-28,,,,,,0\nA4,1,2025-03-28,,,,,,"));
        RuleTest.Fails("8569Q", data, "CINdetails", 3, 5);
    }

    [Fact]
    public void Rule8585Q_died_without_death_date()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", "LAchildID,PersonDeathDate\nA1,2025-06-01\nA2,"),
            ("CINdetails", Details + "\nA1,1,2025-05-01,,,2025-06-01,RC2,,0\nA2,1,2025-05-01,,,2025-06-01,RC2,,0\nA2,2,2025-07-01,,,2025-08-01,RC7,,0"));
        RuleTest.Fails("8585Q", data, "CINdetails", 3);
    }

    [Fact]
    public void Rule8600_referral_date_missing_or_after_reference_date()
    {
        var data = RuleTest.Cin(2026, ("CINdetails", Details + "\nA1,1,2026-03-31,,,,,,0\nA1,2,2026-04-01,,,,,,0\nA1,3,,,,,,,0\nA1,4,32/13/2025,,,,,,0"));
        RuleTest.Fails("8600", data, "CINdetails", 3, 4);
        Assert.Equal([5L], RuleTest.Unreadable("8600", data, "CINdetails"));
    }

    [Fact]
    public void Rule8606_referral_more_than_40_weeks_before_birth()
    {
        var data = RuleTest.Cin(2026, ("ChildIdentifiers", "LAchildID,PersonBirthDate,ExpectedPersonBirthDate\nA1,2025-12-31,\nA2,,2026-05-01"),
            ("CINdetails", Details + "\nA1,1,2025-03-26,,,,,,0\nA1,2,2025-03-25,,,,,,0\nA2,1,2025-07-24,,,,,,0\nA2,2,2025-07-25,,,,,,0"));
        RuleTest.Fails("8606", data, "CINdetails", 3, 4);
    }

    [Fact]
    public void Rule8610_primary_need_for_further_action()
    {
        var data = RuleTest.Cin(2026, ("CINdetails", Details + "\nA1,1,,,N1,,,,0\nA1,2,,,,,,,0\nA1,3,,,,,,,1"));
        RuleTest.Fails("8610", data, "CINdetails", 3);
    }

    [Fact]
    public void Rule8620_closure_within_census_year()
    {
        var data = RuleTest.Cin(2026, ("CINdetails", Details + "\nA1,1,,,,2025-04-01,RC7,,0\nA1,2,,,,2025-03-31,RC7,,0\nA1,3,,,,2026-04-01,RC7,,0\nA1,4,,,,,,,0"));
        RuleTest.Fails("8620", data, "CINdetails", 3, 4);
    }

    [Fact]
    public void Rule8630_closure_before_referral()
    {
        var data = RuleTest.Cin(2026, ("CINdetails", Details + "\nA1,1,2025-05-01,,,2025-05-01,RC7,,0\nA1,2,2025-05-02,,,2025-05-01,RC7,,0"));
        RuleTest.Fails("8630", data, "CINdetails", 3);
    }

    [Fact]
    public void Rule8640_reason_for_closure_code_of_the_year()
    {
        var csv = Details + "\nA1,1,,,,,RC7,,0\nA1,2,,,,,RC9,,0\nA1,3,,,,,RC10,,0";
        RuleTest.Fails("8640", RuleTest.Cin(2026, ("CINdetails", csv)), "CINdetails", 4);
        RuleTest.Fails("8640", RuleTest.Cin(2022, ("CINdetails", csv)), "CINdetails", 3, 4);
    }

    [Fact]
    public void Rule8650_primary_need_code_valid()
    {
        var data = RuleTest.Cin(2026, ("CINdetails", Details + "\nA1,1,,,N1,,,,0\nA1,2,,,N11,,,,0\nA1,3,,,,,,,0"));
        RuleTest.Fails("8650", data, "CINdetails", 3);
    }

    [Fact]
    public void Rule8805_and_8810_closure_date_and_reason_together()
    {
        var data = RuleTest.Cin(2026, ("CINdetails", Details + "\nA1,1,,,,2025-05-01,RC7,,0\nA1,2,,,,2025-05-01,,,0\nA1,3,,,,,RC7,,0"));
        RuleTest.Fails("8805", data, "CINdetails", 3);
        RuleTest.Fails("8810", data, "CINdetails", 4);
    }

    [Fact]
    public void Rule8815_more_than_one_open_episode()
    {
        var data = RuleTest.Cin(2026, ("CINdetails", Details
            + "\nA1,1,2025-05-01,,,,,,0\nA1,2,2025-06-01,,,,,,0\nA1,3,2025-07-01,,,,,,1\nA2,1,2025-05-01,,,,,,0\nA2,2,2025-06-01,,,,,,true"));
        RuleTest.Fails("8815", data, "CINdetails", 2, 3);
    }

    [Fact]
    public void Rule8816_open_episode_not_the_latest()
    {
        var data = RuleTest.Cin(2026, ("CINdetails", Details
            + "\nA1,1,2025-05-01,,,,,,0\nA1,2,2025-06-01,,,2025-06-10,RC7,,0\nA2,1,2025-05-01,,,,,,1\nA2,2,2025-06-01,,,2025-06-10,RC7,,0\nA3,1,2025-07-01,,,,,,0\nA3,2,2025-06-01,,,2025-06-10,RC7,,0"));
        RuleTest.Fails("8816", data, "CINdetails", 2, 3);
    }

    [Fact]
    public void Rule8820_episodes_overlap()
    {
        var data = RuleTest.Cin(2026, ("CINdetails", Details
            + "\nA1,1,2025-05-01,,,2025-06-01,RC7,,0\nA1,2,2025-06-01,,,,,,0"
            + "\nA2,1,2025-05-01,,,2025-06-01,RC7,,0\nA2,2,2025-05-20,,,2025-07-01,RC7,,0"
            + "\nA3,1,2025-05-01,,,,,,0\nA3,2,2025-05-20,,,2025-07-01,RC7,,0"
            + "\nA4,1,2025-05-01,,,,,,1\nA4,2,2025-05-20,,,2025-07-01,RC7,,0"));
        RuleTest.Fails("8820", data, "CINdetails", 4, 5, 6, 7);
    }

    [Fact]
    public void Rule8825Q_closed_after_assessment_without_assessment()
    {
        var data = RuleTest.Cin(2026,
            ("CINdetails", Details + "\nA1,1,,,,2025-06-01,RC8,,0\nA1,2,,,,2025-06-01,RC9,,0\nA1,3,,,,2025-06-01,RC7,,0"),
            ("Assessments", "LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate\nA1,1,1,2025-05-02"));
        RuleTest.Fails("8825Q", data, "CINdetails", 3);
    }

    [Fact]
    public void Rule8831_activity_on_nfa_referral()
    {
        var data = RuleTest.Cin(2026,
            ("CINdetails", Details + "\nA1,1,,,,,,,1\nA1,2,,,,,,2025-06-01,1\nA1,3,,,,,,,1\nA1,4,,,,,,,1\nA1,5,,,,,,,0"),
            ("Assessments", "LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate,AssessmentAuthorisationDate\nA1,3,1,2025-05-02,\nA1,5,1,2025-05-02,"),
            ("Section47", "LAchildID,CINdetailsID,S47ActualStartDate,DateOfInitialCPC\nA1,4,2025-05-02,"));
        RuleTest.Fails("8831", data, "CINdetails", 3, 4, 5);
    }

    [Fact]
    public void Rule8867_closed_episode_with_open_assessment()
    {
        var data = RuleTest.Cin(2026,
            ("CINdetails", Details + "\nA1,1,,,,2025-06-01,RC7,,0\nA1,2,,,,2025-06-01,RC7,,0\nA1,3,,,,,,,0"),
            ("Assessments", "LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate,AssessmentAuthorisationDate\nA1,1,1,2025-05-02,2025-05-20\nA1,2,1,2025-05-02,\nA1,3,1,2025-05-02,"));
        RuleTest.Fails("8867", data, "CINdetails", 3);
        RuleTest.Fails("8867", data, "Assessments", 3);
    }

    [Fact]
    public void Rule8868_closed_episode_with_open_section_47()
    {
        var data = RuleTest.Cin(2026,
            ("CINdetails", Details + "\nA1,1,,,,2025-06-01,RC7,,0\nA1,2,,,,2025-06-01,RC7,,0\nA1,3,,,,2025-06-01,RC7,,0\nA1,4,,,,,,,0"),
            ("Section47", "LAchildID,CINdetailsID,S47ActualStartDate,DateOfInitialCPC,ICPCnotRequired\nA1,1,2025-05-02,2025-05-10,\nA1,2,2025-05-02,,true\nA1,3,2025-05-02,,false\nA1,4,2025-05-02,,"));
        RuleTest.Fails("8868", data, "CINdetails", 4);
        RuleTest.Fails("8868", data, "Section47", 4);
    }

    [Fact]
    public void Rule8890_section_47_starts_while_another_is_ongoing()
    {
        var data = RuleTest.Cin(2026, ("Section47", """
            LAchildID,CINdetailsID,S47ActualStartDate,DateOfInitialCPC,ICPCnotRequired
            A1,1,2025-05-01,2025-05-20,
            A1,1,2025-05-20,,true
            A2,1,2025-05-01,,true
            A2,1,2025-05-20,,
            A3,1,2025-05-01,,
            A3,1,2025-05-20,2025-06-01,
            A4,1,2025-05-01,,
            A4,2,2025-05-20,,
            A5,1,bad,,
            """));
        RuleTest.Fails("8890", data, "Section47", 3, 7);
        Assert.Equal([10L], RuleTest.Unreadable("8890", data, "Section47"));
    }

    [Fact]
    public void Rule8866_the_source_of_referral_is_given_and_a_code_of_the_year()
    {
        var data = RuleTest.Cin(2026, ("CINdetails", """
            LAchildID,CINdetailsID,ReferralSource
            A1,1,1A
            A2,1,
            A3,1,ZZ
            A4,1,10
            """));
        RuleTest.Fails("8866", data, "CINdetails", 3, 4);
    }
}
