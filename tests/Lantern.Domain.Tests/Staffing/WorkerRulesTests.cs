using System.Globalization;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Xunit;

namespace Lantern.Domain.Tests.Staffing;

/// <summary>Recording a starter: each rule refuses what it should with a message naming the field,
/// and a good draft becomes the worker it describes.</summary>
public class WorkerRulesTests
{
    private static readonly DateOnly Today = D("2026-03-31");

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static StarterDraft Good() => new()
    {
        GivenName = " Priya ",
        FamilyName = "Starter",
        StaffId = "sw-0099",
        Role = WorkerRole.SocialWorker,
        TeamId = 7,
        Employment = EmploymentType.Employed,
        Fte = "0.8",
        Registration = "sw 123456",
        StartDate = D("2026-04-13"),
        AsyeEndDate = D("2027-04-12"),
    };

    private static IReadOnlyList<WorkerProblem> Check(StarterDraft draft, bool staffIdInUse = false) => WorkerRules.CheckStarter(draft, staffIdInUse, Today);

    /// <summary>The one problem with <paramref name="draft"/>, which must be about <paramref name="field"/>.</summary>
    private static string Only(StarterDraft draft, string field, bool staffIdInUse = false)
    {
        var problem = Assert.Single(Check(draft, staffIdInUse));
        Assert.Equal(field, problem.Field);
        return problem.Message;
    }

    [Fact]
    public void A_good_draft_has_no_problems_and_becomes_the_worker_it_describes()
    {
        Assert.Empty(Check(Good()));
        var manager = new Worker { Id = 3, GivenName = "Mo", FamilyName = "Manager", StartDate = D("2020-01-01") };

        var worker = WorkerRules.Starter(Good() with { Manager = manager }, Today);

        Assert.Equal(("Priya", "Starter", "SW-0099", "SW123456"), (worker.GivenName, worker.FamilyName, worker.StaffId, worker.Registration));
        Assert.Equal((WorkerRole.SocialWorker, 7L, (long?)3, EmploymentType.Employed, 0.8m), (worker.Role, worker.TeamId, worker.ManagerId, worker.Employment, worker.Fte));
        Assert.Equal((D("2026-04-13"), (DateOnly?)D("2027-04-12"), (DateOnly?)null), (worker.StartDate, worker.AsyeEndDate, worker.LeftDate));
        Assert.Throws<ArgumentException>(() => WorkerRules.Starter(Good() with { Fte = "2" }, Today));
    }

    [Theory]
    [InlineData("-0.5", "FTE must be 0.1 or more")]
    [InlineData("0", "FTE must be 0.1 or more")]
    [InlineData("0.05", "FTE must be 0.1 or more")]
    [InlineData("1.01", "FTE must be 1 or less (1 is full time)")]
    [InlineData("37", "FTE must be 1 or less (1 is full time)")]
    [InlineData("full", "FTE must be a number, like 1 for full time or 0.5 for half time")]
    [InlineData("0,5", "FTE must be a number, like 1 for full time or 0.5 for half time")]
    [InlineData("0.333", "FTE must have no more than 2 decimal places")]
    [InlineData(" ", "Enter the worker's FTE, for example 1 for full time or 0.5 for half time")]
    public void Fte_must_be_a_number_from_a_tenth_to_one(string fte, string message) =>
        Assert.Equal(message, Only(Good() with { Fte = fte }, "Fte"));

    [Theory]
    [InlineData("0.1")]
    [InlineData("1")]
    [InlineData("1.0")]
    [InlineData(".5")]
    public void Fte_from_a_tenth_to_one_is_accepted(string fte) => Assert.Empty(Check(Good() with { Fte = fte }));

    [Fact]
    public void A_staff_id_is_required_well_formed_and_not_another_workers()
    {
        Assert.Equal("Enter the worker's staff ID", Only(Good() with { StaffId = "  " }, "StaffId"));
        Assert.Equal("Staff ID must contain only letters, numbers and hyphens", Only(Good() with { StaffId = "SW 12" }, "StaffId"));
        Assert.Equal("Staff ID must be 20 characters or fewer", Only(Good() with { StaffId = new string('A', 21) }, "StaffId"));
        Assert.Equal("Staff ID SW-0099 is already another worker's: enter this worker's own staff ID", Only(Good(), "StaffId", staffIdInUse: true));
        Assert.Equal("SW-0099", WorkerRules.NormaliseStaffId(" sw-0099 "));
    }

    [Theory]
    [InlineData(WorkerRole.SocialWorker)]
    [InlineData(WorkerRole.AdvancedPractitioner)]
    [InlineData(WorkerRole.TeamManager)]
    [InlineData(WorkerRole.IndependentReviewingOfficer)]
    public void A_social_work_role_needs_a_registration_number(WorkerRole role) =>
        Assert.Equal(
            "Enter the worker's Social Work England registration number: social workers, advanced practitioners, team managers and reviewing officers must be registered",
            Only(Good() with { Role = role, Registration = null }, "Registration"));

    [Theory]
    [InlineData(WorkerRole.PersonalAdviser)]
    [InlineData(WorkerRole.EarlyHelpPractitioner)]
    [InlineData(WorkerRole.BusinessSupport)]
    public void Other_roles_need_no_registration_and_no_assessed_year(WorkerRole role)
    {
        Assert.Empty(Check(Good() with { Role = role, Registration = null, AsyeEndDate = null }));
        Assert.Equal(
            "Leave the end of the assessed and supported year blank: it is only for newly qualified social workers",
            Only(Good() with { Role = role, Registration = null }, "AsyeEndDate"));
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("SW")]
    [InlineData("SW12A456")]
    [InlineData("XW123456")]
    [InlineData("SW123456789012345678901")]
    public void A_registration_number_is_sw_followed_by_digits(string registration) =>
        Assert.Equal(
            "Social Work England registration number must be SW followed by numbers, like SW123456",
            Only(Good() with { Registration = registration }, "Registration"));

    [Fact]
    public void The_start_date_is_required_and_no_more_than_a_year_ahead()
    {
        Assert.Equal("Enter the date the worker starts", Only(Good() with { StartDate = null, AsyeEndDate = null }, "StartDate"));
        Assert.Empty(Check(Good() with { StartDate = D("2027-03-31"), AsyeEndDate = null }));
        Assert.Equal(
            "The start date must be no more than a year from today (on or before 31 March 2027)",
            Only(Good() with { StartDate = D("2027-04-01"), AsyeEndDate = null }, "StartDate"));

        // A starter recorded late, after they began, is fine.
        Assert.Empty(Check(Good() with { StartDate = D("2026-02-02"), AsyeEndDate = D("2027-02-01") }));
    }

    [Fact]
    public void The_assessed_year_ends_after_the_start_and_within_fifteen_months()
    {
        Assert.Equal("The end of the assessed and supported year must be after the start date", Only(Good() with { AsyeEndDate = D("2026-04-13") }, "AsyeEndDate"));
        Assert.Empty(Check(Good() with { AsyeEndDate = D("2027-07-13") }));
        Assert.Equal(
            "The end of the assessed and supported year must be within 15 months of the start date (on or before 13 July 2027)",
            Only(Good() with { AsyeEndDate = D("2027-07-14") }, "AsyeEndDate"));
        Assert.Empty(Check(Good() with { AsyeEndDate = null }));
    }

    [Fact]
    public void Names_role_team_and_employment_are_required()
    {
        var problems = Check(new StarterDraft());

        Assert.Equal(
            ["GivenName", "FamilyName", "StaffId", "Role", "TeamId", "Employment", "Fte", "StartDate"],
            problems.Select(p => p.Field));
        Assert.Contains(problems, p => p.Message == "Enter the worker's given name");
        Assert.Contains(problems, p => p.Message == "Choose the worker's team");
        Assert.Contains(problems, p => p.Message == "Choose whether the council employs the worker or they come through an agency");
        Assert.Equal("Family name must be 100 characters or fewer", Only(Good() with { FamilyName = new string('a', 101) }, "FamilyName"));
    }

    [Fact]
    public void Only_the_roles_a_council_hires_into_teams_are_accepted()
    {
        Assert.Equal("Select the worker's role from the list", Only(Good() with { Role = WorkerRole.Director, AsyeEndDate = null }, "Role"));
        Assert.Equal(
            [WorkerRole.SocialWorker, WorkerRole.AdvancedPractitioner, WorkerRole.TeamManager, WorkerRole.PersonalAdviser, WorkerRole.EarlyHelpPractitioner, WorkerRole.IndependentReviewingOfficer, WorkerRole.BusinessSupport],
            WorkerRules.StarterRoles);
    }

    [Fact]
    public void A_manager_who_leaves_before_the_worker_starts_is_refused()
    {
        var leaving = new Worker { Id = 3, GivenName = "Mo", FamilyName = "Manager", StartDate = D("2020-01-01"), LeftDate = D("2026-04-10") };

        Assert.Equal("Mo Manager leaves on 10 April 2026, before the worker starts: choose another manager", Only(Good() with { Manager = leaving }, "ManagerId"));
        Assert.Empty(Check(Good() with { Manager = leaving, StartDate = D("2026-04-10"), AsyeEndDate = null }));
    }
}
