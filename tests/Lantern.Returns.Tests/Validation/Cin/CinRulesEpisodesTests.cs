using Xunit;

namespace Lantern.Returns.Tests.Validation.Cin;

/// <summary>The rules on Assessments, Section47, ChildProtectionPlans, CINplanDates and Reviews (2025-26: 1 April 2025 to 31 March 2026).</summary>
public class CinRulesEpisodesTests
{
    private const string Details = """
        LAchildID,CINdetailsID,CINreferralDate,ReasonForClosure,CINclosureDate,DateOfInitialCPC,ReferralNFA
        A,1,01/06/2025,,,,0
        B,1,01/06/2025,,,,0
        C,1,01/06/2025,,,,0
        """;

    private static (string, string) T(string table, string csv) => (table, csv);

    // ---- Assessments ----
    [Fact]
    public void Rule1103_assessment_cannot_start_before_the_referral()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", Details), T("Assessments", """
            LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate
            A,1,1,01/06/2025
            B,1,1,31/05/2025
            C,2,1,01/01/2025
            C,1,1,
            """));
        RuleTest.Fails("1103", data, "Assessments", 3);
    }

    [Fact]
    public void Rule1103_unreadable_start_is_reported_as_unreadable()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", Details), T("Assessments", """
            LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate
            A,1,1,31/02/2025
            """));
        Assert.Equal([2L], RuleTest.Unreadable("1103", data, "Assessments"));
        RuleTest.Fails("1103", data, "Assessments");
    }

    [Fact]
    public void Rule8608_assessment_cannot_end_before_it_starts()
    {
        var data = RuleTest.Cin(2026, T("Assessments", """
            LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate,AssessmentAuthorisationDate
            A,1,1,01/06/2025,01/06/2025
            A,1,2,01/06/2025,31/05/2025
            A,1,3,01/06/2025,
            """));
        RuleTest.Fails("8608", data, "Assessments", 3);
    }

    private const string Factors = """
        LAchildID,CINdetailsID,AssessmentID,AssessmentFactors
        A,1,1,21
        A,1,2,1A
        A,1,2,21
        A,1,3,18A
        A,1,3,2B
        A,1,4,19A
        A,1,4,19A
        """;

    private const string FactorAssessments = """
        LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate,AssessmentAuthorisationDate
        A,1,1,01/06/2025,02/06/2025
        A,1,2,01/06/2025,02/06/2025
        A,1,3,01/06/2025,02/06/2025
        A,1,4,01/06/2025,
        A,1,5,01/06/2025,02/06/2025
        """;

    [Fact]
    public void Rule8614_factors_only_on_a_completed_assessment()
    {
        var data = RuleTest.Cin(2026, T("Assessments", FactorAssessments), T("AssessmentFactors", Factors));
        RuleTest.Fails("8614", data, "Assessments", 5);
    }

    [Fact]
    public void Rule8670Q_open_assessment_started_more_than_45_working_days_before_the_reference_date()
    {
        // 45 working days before Tuesday 31 March 2026 is Tuesday 27 January 2026.
        var data = RuleTest.Cin(2026, T("Assessments", """
            LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate,AssessmentAuthorisationDate
            A,1,1,27/01/2026,
            A,1,2,26/01/2026,
            A,1,3,26/01/2026,20/03/2026
            """));
        RuleTest.Fails("8670Q", data, "Assessments", 3);
    }

    [Fact]
    public void Rule8696_assessment_end_within_the_census_year()
    {
        var data = RuleTest.Cin(2026, T("Assessments", """
            LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate,AssessmentAuthorisationDate
            A,1,1,01/03/2025,31/03/2025
            A,1,2,01/03/2025,01/04/2025
            A,1,3,01/03/2026,31/03/2026
            A,1,4,01/03/2026,01/04/2026
            A,1,5,01/03/2026,
            """));
        RuleTest.Fails("8696", data, "Assessments", 2, 5);
    }

    [Fact]
    public void Rule8736_open_assessment_started_within_the_census_year()
    {
        var data = RuleTest.Cin(2026, T("Assessments", """
            LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate,AssessmentAuthorisationDate
            A,1,1,31/03/2025,
            A,1,2,01/04/2025,
            A,1,3,31/03/2025,01/05/2025
            A,1,4,01/04/2026,
            """));
        RuleTest.Fails("8736", data, "Assessments", 2, 5);
    }

    [Fact]
    public void Rule8863Q_assessment_starting_while_another_is_ongoing()
    {
        var data = RuleTest.Cin(2026, T("Assessments", """
            LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate,AssessmentAuthorisationDate
            A,1,1,01/05/2025,01/07/2025
            A,1,2,01/07/2025,01/08/2025
            A,1,3,02/08/2025,
            A,1,4,01/09/2025,
            A,2,1,01/06/2025,01/10/2025
            B,1,1,01/05/2025,01/06/2025
            B,1,2,02/06/2025,
            """));
        RuleTest.Fails("8863Q", data, "Assessments", 3, 5);
    }

    [Fact]
    public void Rule8869_factor_21_cannot_be_used_with_other_factors()
    {
        var data = RuleTest.Cin(2026, T("Assessments", FactorAssessments), T("AssessmentFactors", Factors));
        RuleTest.Fails("8869", data, "Assessments", 3);
    }

    [Fact]
    public void Rule8873Q_single_assessment_with_factor_21_needs_closure_reason_RC8_or_RC9()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", """
            LAchildID,CINdetailsID,ReasonForClosure
            A,1,RC8
            A,2,RC1
            A,3,RC1
            A,4,RC1
            """), T("Assessments", """
            LAchildID,CINdetailsID,AssessmentID
            A,1,1
            A,2,1
            A,3,1
            A,4,1
            A,4,2
            """), T("AssessmentFactors", """
            LAchildID,CINdetailsID,AssessmentID,AssessmentFactors
            A,1,1,21
            A,2,1,21
            A,3,1,2B
            A,4,1,21
            """));
        RuleTest.Fails("8873Q", data, "Assessments", 3);
        RuleTest.Fails("8873Q", data, "CINdetails", 3);
    }

    [Fact]
    public void Rule8896_two_open_assessments_in_one_episode()
    {
        var data = RuleTest.Cin(2026, T("Assessments", """
            LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate,AssessmentAuthorisationDate
            A,1,1,01/05/2025,
            A,1,2,01/06/2025,
            A,1,3,01/04/2025,02/04/2025
            A,2,1,01/05/2025,
            B,1,1,01/05/2025,
            """));
        RuleTest.Fails("8896", data, "Assessments", 2, 3);
    }

    [Fact]
    public void Rule8897Q_completed_assessment_needs_factors()
    {
        var data = RuleTest.Cin(2026, T("Assessments", FactorAssessments), T("AssessmentFactors", Factors));
        RuleTest.Fails("8897Q", data, "Assessments", 6);
    }

    [Fact]
    public void Rule8898_factor_code_repeated_on_one_assessment()
    {
        var data = RuleTest.Cin(2026, T("Assessments", FactorAssessments), T("AssessmentFactors", Factors));
        RuleTest.Fails("8898", data, "Assessments", 5);
    }

    [Fact]
    public void Rule8945Q_factor_18A_should_not_be_used()
    {
        var data = RuleTest.Cin(2026, T("Assessments", FactorAssessments), T("AssessmentFactors", Factors));
        RuleTest.Fails("8945Q", data, "Assessments", 4);
    }

    [Fact]
    public void Rule8950Q_factor_19A_should_not_be_used()
    {
        var data = RuleTest.Cin(2026, T("Assessments", FactorAssessments), T("AssessmentFactors", Factors));
        RuleTest.Fails("8950Q", data, "Assessments", 5);
    }

    [Fact]
    public void Factor_rules_pass_a_clean_assessment()
    {
        var data = RuleTest.Cin(2026, T("Assessments", """
            LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate,AssessmentAuthorisationDate
            A,1,1,01/06/2025,02/06/2025
            """), T("AssessmentFactors", """
            LAchildID,CINdetailsID,AssessmentID,AssessmentFactors
            A,1,1,18B
            A,1,1,19C
            """));
        string[] codes = ["8614", "8869", "8897Q", "8898", "8945Q", "8950Q"];
        foreach (var code in codes)
        {
            RuleTest.Passes(code, data);
        }
    }

    // ---- Section47 ----
    [Fact]
    public void Rule1104_initial_conference_cannot_be_before_the_referral()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", """
            LAchildID,CINdetailsID,CINreferralDate,DateOfInitialCPC
            A,1,01/06/2025,
            B,1,01/06/2025,31/05/2025
            C,1,01/06/2025,01/06/2025
            """), T("Section47", """
            LAchildID,CINdetailsID,S47ActualStartDate,DateOfInitialCPC
            A,1,01/06/2025,01/06/2025
            A,1,01/06/2025,31/05/2025
            """));
        RuleTest.Fails("1104", data, "Section47", 3);
        RuleTest.Fails("1104", data, "CINdetails", 3);
    }

    [Fact]
    public void Rule2884_initial_conference_recorded_on_both_S47_and_CINdetails()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", """
            LAchildID,CINdetailsID,DateOfInitialCPC
            A,1,
            A,2,10/06/2025
            B,1,10/06/2025
            """), T("Section47", """
            LAchildID,CINdetailsID,DateOfInitialCPC
            A,1,10/06/2025
            A,1,11/06/2025
            B,1,
            C,1,10/06/2025
            """));
        RuleTest.Fails("2884", data, "Section47", 2);
        RuleTest.Fails("2884", data, "CINdetails", 3);
    }

    [Fact]
    public void Rule2889_S47_cannot_start_before_the_referral()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", Details), T("Section47", """
            LAchildID,CINdetailsID,S47ActualStartDate
            A,1,01/06/2025
            B,1,31/05/2025
            """));
        RuleTest.Fails("2889", data, "Section47", 3);
    }

    [Fact]
    public void Rule8615_S47_start_present_and_not_after_the_initial_conference()
    {
        var data = RuleTest.Cin(2026, T("Section47", """
            LAchildID,CINdetailsID,S47ActualStartDate,DateOfInitialCPC
            A,1,01/06/2025,01/06/2025
            A,2,02/06/2025,01/06/2025
            A,3,,01/06/2025
            A,4,,
            A,5,xx,01/06/2025
            """));
        RuleTest.Fails("8615", data, "Section47", 3, 4);
        Assert.Equal([6L], RuleTest.Unreadable("8615", data, "Section47"));
    }

    [Fact]
    public void Rule8675Q_S47_open_more_than_15_working_days_before_the_reference_date()
    {
        // 15 working days before Tuesday 31 March 2026 is Tuesday 10 March 2026.
        var data = RuleTest.Cin(2026, T("Section47", """
            LAchildID,CINdetailsID,S47ActualStartDate,DateOfInitialCPC,ICPCnotRequired
            A,1,10/03/2026,,0
            A,2,09/03/2026,,0
            A,3,09/03/2026,,1
            A,4,09/03/2026,20/03/2026,0
            A,5,09/03/2026,,false
            """));
        RuleTest.Fails("8675Q", data, "Section47", 3, 6);
    }

    [Fact]
    public void Rule8715_initial_conference_within_the_census_year()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", """
            LAchildID,CINdetailsID,DateOfInitialCPC
            A,1,31/03/2025
            A,2,01/04/2025
            """), T("Section47", """
            LAchildID,CINdetailsID,DateOfInitialCPC
            A,1,31/03/2026
            A,2,01/04/2026
            A,3,
            """));
        RuleTest.Fails("8715", data, "Section47", 3);
        RuleTest.Fails("8715", data, "CINdetails", 2);
    }

    [Fact]
    public void Rule8740_S47_without_conference_started_within_the_census_year()
    {
        var data = RuleTest.Cin(2026, T("Section47", """
            LAchildID,CINdetailsID,S47ActualStartDate,DateOfInitialCPC,ICPCnotRequired
            A,1,01/04/2025,,0
            A,2,31/03/2025,,0
            A,3,31/03/2025,,1
            A,4,31/03/2025,02/04/2025,0
            """));
        RuleTest.Fails("8740", data, "Section47", 3);
    }

    [Fact]
    public void Rule8839_two_open_S47s_in_one_episode()
    {
        var data = RuleTest.Cin(2026, T("Section47", """
            LAchildID,CINdetailsID,S47ActualStartDate,DateOfInitialCPC,ICPCnotRequired
            A,1,01/05/2025,,0
            A,1,01/06/2025,,
            A,1,01/07/2025,,1
            B,1,01/05/2025,,0
            B,1,01/06/2025,10/06/2025,0
            B,2,01/07/2025,,0
            """));
        RuleTest.Fails("8839", data, "Section47", 2, 3);
    }

    [Fact]
    public void Rule8870Q_conference_target_date_not_a_weekend()
    {
        var data = RuleTest.Cin(2026, T("Section47", """
            LAchildID,CINdetailsID,InitialCPCtarget
            A,1,03/05/2025
            A,2,04/05/2025
            A,3,06/05/2025
            """));
        RuleTest.Fails("8870Q", data, "Section47", 2, 3);
    }

    [Fact]
    public void Rule8875_conference_not_on_a_weekend()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", """
            LAchildID,CINdetailsID,DateOfInitialCPC
            A,1,06/05/2025
            A,2,04/05/2025
            """), T("Section47", """
            LAchildID,CINdetailsID,DateOfInitialCPC
            A,1,03/05/2025
            A,3,06/05/2025
            """));
        RuleTest.Fails("8875", data, "Section47", 2);
        RuleTest.Fails("8875", data, "CINdetails", 3);
    }

    // ---- ChildProtectionPlans and Reviews ----
    [Fact]
    public void Rule1105_plan_cannot_start_before_the_referral()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", Details), T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate
            A,1,1,01/06/2025
            B,1,1,31/05/2025
            """));
        RuleTest.Fails("1105", data, "ChildProtectionPlans", 3);
    }

    [Fact]
    public void Rule2883_more_plans_starting_than_initial_conferences()
    {
        var details = T("CINdetails", """
            LAchildID,CINdetailsID,DateOfInitialCPC
            A,1,10/06/2025
            B,1,10/06/2024
            """);
        var plans = T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate
            A,1,1,10/06/2025
            B,1,1,12/06/2025
            B,1,2,10/06/2024
            """);
        var fewer = RuleTest.Cin(2026, details, plans, T("Section47", """
            LAchildID,CINdetailsID,DateOfInitialCPC
            B,1,31/03/2025
            """));
        RuleTest.Fails("2883", fewer, "ChildProtectionPlans", 2, 3);
        var enough = RuleTest.Cin(2026, details, plans, T("Section47", """
            LAchildID,CINdetailsID,DateOfInitialCPC
            B,1,12/06/2025
            """));
        RuleTest.Passes("2883", enough);
    }

    [Fact]
    public void Rule2885_plan_starts_on_an_initial_conference_of_its_episode()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", """
            LAchildID,CINdetailsID,DateOfInitialCPC
            A,1,10/06/2025
            B,1,
            C,1,
            """), T("Section47", """
            LAchildID,CINdetailsID,DateOfInitialCPC
            B,1,
            B,1,12/06/2025
            C,1,12/06/2025
            """), T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate
            A,1,1,10/06/2025
            B,1,1,12/06/2025
            C,1,1,13/06/2025
            C,1,2,13/06/2024
            A,2,1,10/06/2025
            """));
        RuleTest.Fails("2885", data, "ChildProtectionPlans", 4, 6);
    }

    [Fact]
    public void Rule8565_activity_after_the_case_was_closed()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", """
            LAchildID,CINdetailsID,CINclosureDate,DateOfInitialCPC
            A,1,01/09/2025,
            B,1,01/09/2025,02/09/2025
            C,1,,
            D,1,01/09/2025,
            """), T("Assessments", """
            LAchildID,CINdetailsID,AssessmentID,AssessmentActualStartDate,AssessmentAuthorisationDate
            A,1,1,01/06/2025,01/09/2025
            A,1,2,01/06/2025,02/09/2025
            C,1,1,01/06/2025,02/09/2025
            """), T("Section47", """
            LAchildID,CINdetailsID,S47ActualStartDate,DateOfInitialCPC
            D,1,01/06/2025,01/09/2025
            """), T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate,CPPendDate
            D,1,1,01/09/2025,02/09/2025
            """), T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            D,1,01/07/2025,01/09/2025
            D,1,02/09/2025,
            """));
        RuleTest.Fails("8565", data, "CINdetails", 2, 3, 5);
        RuleTest.Fails("8565", data, "Assessments", 3);
        RuleTest.Fails("8565", data, "Section47");
        RuleTest.Fails("8565", data, "ChildProtectionPlans", 2);
        RuleTest.Fails("8565", data, "CINplanDates", 3);
    }

    [Fact]
    public void Rule8720_plan_start_present_and_not_after_the_reference_date()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate
            A,1,1,01/01/2024
            A,1,2,
            A,1,3,01/04/2026
            A,1,4,31/03/2026
            """));
        RuleTest.Fails("8720", data, "ChildProtectionPlans", 3, 4);
    }

    [Fact]
    public void Rule8730_number_of_previous_plans_present()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,NumberOfPreviousCPP
            A,1,1,0
            A,1,2,
            """));
        RuleTest.Fails("8730", data, "ChildProtectionPlans", 3);
    }

    [Fact]
    public void Rule8832_no_plan_on_a_referral_with_no_further_action()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", """
            LAchildID,CINdetailsID,ReferralNFA
            A,1,1
            A,2,0
            B,1,true
            """), T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID
            A,1,1
            A,2,1
            """));
        RuleTest.Fails("8832", data, "ChildProtectionPlans", 2);
        RuleTest.Fails("8832", data, "CINdetails", 2);
    }

    [Fact]
    public void Rule8840_plan_cannot_start_and_end_the_same_day()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate,CPPendDate
            A,1,1,01/06/2025,01/06/2025
            A,1,2,01/06/2025,02/06/2025
            A,1,3,01/06/2025,
            """));
        RuleTest.Fails("8840", data, "ChildProtectionPlans", 2);
    }

    [Fact]
    public void Rule8841_review_after_the_plan_start()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate
            A,1,1,01/06/2025
            A,1,2,01/08/2025
            """), T("Reviews", """
            LAchildID,CINdetailsID,CPPID,CPPreviewDate
            A,1,1,02/06/2025
            A,1,1,01/06/2025
            A,1,2,31/07/2025
            A,1,3,31/05/2025
            """));
        RuleTest.Fails("8841", data, "Reviews", 3, 4);
        RuleTest.Fails("8841", data, "ChildProtectionPlans", 2, 3);
    }

    [Fact]
    public void Rule8842Q_review_record_with_a_date()
    {
        var data = RuleTest.Cin(2026, T("Reviews", """
            LAchildID,CINdetailsID,CPPID,CPPreviewDate
            A,1,1,02/06/2025
            A,1,1,
            """));
        RuleTest.Fails("8842Q", data, "Reviews", 3);
    }

    [Fact]
    public void Rule8905_initial_category_of_abuse_valid()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,InitialCategoryOfAbuse
            A,1,1,NEG
            A,1,2,
            A,1,3,XYZ
            """));
        RuleTest.Fails("8905", data, "ChildProtectionPlans", 3, 4);
    }

    [Fact]
    public void Rule8910_latest_category_of_abuse_valid()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,LatestCategoryOfAbuse
            A,1,1,MUL
            A,1,2,ABC
            """));
        RuleTest.Fails("8910", data, "ChildProtectionPlans", 3);
    }

    private const string Deaths = """
        LAchildID,PersonDeathDate
        A,01/09/2025
        B,
        """;

    [Fact]
    public void Rule8915_plan_cannot_start_after_death()
    {
        var data = RuleTest.Cin(2026, T("ChildIdentifiers", Deaths), T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate
            A,1,1,01/09/2025
            A,1,2,02/09/2025
            B,1,1,02/09/2025
            """));
        RuleTest.Fails("8915", data, "ChildProtectionPlans", 3);
    }

    [Fact]
    public void Rule8920_plan_cannot_end_after_death()
    {
        var data = RuleTest.Cin(2026, T("ChildIdentifiers", Deaths), T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate,CPPendDate
            A,1,1,01/06/2025,01/09/2025
            A,1,2,01/06/2025,02/09/2025
            B,1,1,01/06/2025,02/09/2025
            """));
        RuleTest.Fails("8920", data, "ChildProtectionPlans", 3);
    }

    [Fact]
    public void Rule8925_plan_cannot_end_before_it_starts()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate,CPPendDate
            A,1,1,01/06/2025,31/05/2025
            A,1,2,01/06/2025,01/06/2025
            """));
        RuleTest.Fails("8925", data, "ChildProtectionPlans", 2);
    }

    [Fact]
    public void Rule8930_plan_end_within_the_census_year()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate,CPPendDate
            A,1,1,01/01/2025,31/03/2025
            A,1,2,01/01/2025,01/04/2025
            A,1,3,01/01/2025,01/04/2026
            """));
        RuleTest.Fails("8930", data, "ChildProtectionPlans", 2, 4);
    }

    [Fact]
    public void Rule8930_unreadable_end_is_reported_as_unreadable()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate,CPPendDate
            A,1,1,01/01/2025,2025-13-01
            """));
        Assert.Equal([2L], RuleTest.Unreadable("8930", data, "ChildProtectionPlans"));
    }

    [Fact]
    public void Rule8935_more_than_one_open_plan()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate,CPPendDate
            A,1,1,01/06/2025,
            A,2,1,01/07/2025,
            A,2,2,01/05/2025,01/06/2025
            B,1,1,01/06/2025,
            """));
        RuleTest.Fails("8935", data, "ChildProtectionPlans", 2, 3);
    }

    [Fact]
    public void Rule8940_plans_of_a_child_overlap()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate,CPPendDate
            A,1,1,01/05/2025,01/07/2025
            A,1,2,01/07/2025,01/08/2025
            A,2,1,15/07/2025,
            B,1,1,01/05/2025,
            B,2,1,01/06/2025,01/07/2025
            """));
        RuleTest.Fails("8940", data, "ChildProtectionPlans", 4, 6);
    }

    // ---- CINplanDates ----
    [Fact]
    public void Rule4000_no_CIN_plan_on_a_referral_with_no_further_action()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", """
            LAchildID,CINdetailsID,ReferralNFA
            A,1,1
            A,2,0
            """), T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate
            A,1,01/06/2025
            A,2,01/06/2025
            """));
        RuleTest.Fails("4000", data, "CINplanDates", 2);
    }

    [Fact]
    public void Rule4001_open_CIN_plan_and_open_protection_plan_in_one_episode()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate,CPPendDate
            A,1,1,01/06/2025,
            A,2,1,01/06/2025,01/07/2025
            B,1,1,01/06/2025,
            """), T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            A,1,01/05/2025,
            A,1,01/04/2025,01/05/2025
            A,2,01/07/2025,
            B,2,01/07/2025,
            """));
        RuleTest.Fails("4001", data, "CINplanDates", 2);
        RuleTest.Fails("4001", data, "ChildProtectionPlans", 2);
    }

    [Fact]
    public void Rule4003_review_while_a_CIN_plan_is_open()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", """
            LAchildID,CINdetailsID,CPPID,CPPstartDate,CPPendDate
            A,1,1,01/05/2025,01/09/2025
            """), T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            A,1,01/08/2025,
            """), T("Reviews", """
            LAchildID,CINdetailsID,CPPID,CPPreviewDate
            A,1,1,01/07/2025
            A,1,1,01/08/2025
            A,1,1,01/09/2025
            A,2,1,01/08/2025
            """));
        RuleTest.Fails("4003", data, "Reviews", 3);
    }

    [Fact]
    public void Rule4004_more_than_one_open_CIN_plan()
    {
        var data = RuleTest.Cin(2026, T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            A,1,01/05/2025,
            A,2,01/06/2025,
            B,1,01/06/2025,
            B,1,01/04/2025,01/05/2025
            """));
        RuleTest.Fails("4004", data, "CINplanDates", 2, 3);
    }

    [Fact]
    public void Rule4010_CIN_plan_start_present_and_not_after_the_reference_date()
    {
        var data = RuleTest.Cin(2026, T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            A,1,01/05/2024,
            A,1,,
            A,1,01/04/2026,
            """));
        RuleTest.Fails("4010", data, "CINplanDates", 3, 4);
    }

    [Fact]
    public void Rule4011_CIN_plan_cannot_end_before_it_starts()
    {
        var data = RuleTest.Cin(2026, T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            A,1,01/05/2025,30/04/2025
            A,1,01/05/2025,01/05/2025
            """));
        RuleTest.Fails("4011", data, "CINplanDates", 2);
    }

    [Fact]
    public void Rule4012Q_CIN_plan_starting_and_ending_the_same_day()
    {
        var data = RuleTest.Cin(2026, T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            A,1,01/05/2025,30/04/2025
            A,1,01/05/2025,01/05/2025
            """));
        RuleTest.Fails("4012Q", data, "CINplanDates", 3);
    }

    [Fact]
    public void Rule4013_CIN_plan_end_within_the_census_year()
    {
        var data = RuleTest.Cin(2026, T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            A,1,01/05/2024,31/03/2025
            A,1,01/05/2024,01/04/2025
            A,1,01/05/2025,
            """));
        RuleTest.Fails("4013", data, "CINplanDates", 2);
    }

    [Fact]
    public void Rule4014_CIN_plans_of_a_child_overlap()
    {
        var data = RuleTest.Cin(2026, T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            A,1,01/05/2025,01/07/2025
            A,1,01/07/2025,01/08/2025
            A,2,15/07/2025,
            B,1,01/05/2025,01/06/2025
            """));
        RuleTest.Fails("4014", data, "CINplanDates", 4);
    }

    [Fact]
    public void Rule4014_unreadable_start_is_reported_as_unreadable()
    {
        var data = RuleTest.Cin(2026, T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            A,1,01/05/2025,01/07/2025
            A,1,32/05/2025,
            """));
        Assert.Equal([3L], RuleTest.Unreadable("4014", data, "CINplanDates"));
        RuleTest.Fails("4014", data, "CINplanDates");
    }

    [Fact]
    public void Rule4015_CIN_plan_cannot_start_before_the_referral()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", Details), T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate
            A,1,01/06/2025
            B,1,31/05/2025
            """));
        RuleTest.Fails("4015", data, "CINplanDates", 3);
    }

    private const string Cpp = """
        LAchildID,CINdetailsID,CPPID,CPPstartDate,CPPendDate
        A,1,1,01/05/2025,01/07/2025
        B,1,1,01/05/2025,
        """;

    [Fact]
    public void Rule4016_CIN_plan_starting_while_a_protection_plan_is_open()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", Cpp), T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            A,1,01/04/2025,30/04/2025
            A,1,01/05/2025,
            A,1,01/07/2025,
            B,1,31/03/2026,
            """));
        RuleTest.Fails("4016", data, "CINplanDates", 3, 5);
        RuleTest.Fails("4016", data, "ChildProtectionPlans", 2, 3);
    }

    [Fact]
    public void Rule4017_protection_plan_starting_while_a_CIN_plan_is_open()
    {
        var data = RuleTest.Cin(2026, T("ChildProtectionPlans", Cpp), T("CINplanDates", """
            LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate
            A,1,01/04/2025,01/05/2025
            B,1,01/04/2025,
            C,1,01/04/2025,
            """));
        RuleTest.Fails("4017", data, "ChildProtectionPlans", 3);
        RuleTest.Fails("4017", data, "CINplanDates", 3);
    }

    [Fact]
    public void Episode_rules_are_skipped_without_their_tables()
    {
        var data = RuleTest.Cin(2026, T("CINdetails", Details));
        string[] codes = ["1103", "8863Q", "2889", "8839", "2885", "8935", "4014", "4003", "8842Q"];
        foreach (var code in codes)
        {
            RuleTest.Skipped(code, data);
        }
    }
}
