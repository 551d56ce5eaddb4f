using System.Collections;
using System.Reflection;
using Lantern.Domain.Access;
using Xunit;

namespace Lantern.Domain.Tests.Access;

/// <summary>
/// <see cref="AccessMatrix"/>: the role matrix. The whole matrix is stated again here, by hand, so a
/// change to it is a deliberate change to two places (three with docs/security.md, see
/// <see cref="SecurityDocTests"/>).
/// </summary>
public class AccessMatrixTests
{
    private const Permission Find = Permission.FindChildren;
    private const Permission Open = Permission.ViewChildRecords;
    private const Permission Glass = Permission.BreakGlass;
    private const Permission Numbers = Permission.ViewAggregates;
    private const Permission RecordAudit = Permission.ViewRecordAudit;
    private const Permission Alerts = Permission.ViewAccessAlerts;
    private const Permission TeamGlass = Permission.ViewTeamBreakGlass;
    private const Permission Accounts = Permission.ManageAccounts;
    private const Permission Trail = Permission.ViewAuditTrail;
    private const Permission Contacts = Permission.RecordContacts;
    private const Permission Casework = Permission.RecordCasework;
    private const Permission Authorise = Permission.AuthoriseCasework;
    private const Permission TeamWork = Permission.ViewTeamWork;
    private const Permission Allocate = Permission.AllocateWork;
    private const Permission Supervise = Permission.RecordSupervision;
    private const Permission Standards = Permission.SetWorkforceStandards;
    private const Permission Targets = Permission.SetIndicatorTargets;
    private const Permission Benchmarks = Permission.LoadBenchmarks;
    private const Permission Export = Permission.ExportReturns;
    private const Permission Import = Permission.ImportReturns;

    /// <summary>The matrix as reviewed: every role, and exactly what it may do.</summary>
    private static readonly Dictionary<StaffRole, Permission[]> Expected = new()
    {
        [StaffRole.SocialWorker] = [Find, Open, Glass, Contacts, Casework],
        [StaffRole.NewlyQualifiedSocialWorker] = [Find, Open, Glass, Contacts, Casework],
        [StaffRole.AdvancedPractitioner] = [Find, Open, Glass, Contacts, Casework, Authorise, TeamWork, Allocate, Supervise],
        [StaffRole.TeamManager] = [Find, Open, Glass, Numbers, RecordAudit, TeamGlass, Contacts, Casework, Authorise, TeamWork, Allocate, Supervise],
        [StaffRole.ServiceManager] = [Find, Open, Glass, Numbers, RecordAudit, TeamGlass, Contacts, Casework, Authorise, TeamWork, Allocate, Supervise, Standards, Targets],
        [StaffRole.Director] = [Find, Open, Numbers, RecordAudit, Alerts, TeamGlass, TeamWork, Standards, Targets, Benchmarks, Export],
        [StaffRole.ReviewingOfficer] = [Find, Open, Glass, Casework],
        [StaffRole.Lado] = [Find, Open, Glass, Casework],
        [StaffRole.EarlyHelpPractitioner] = [Find, Open, Glass, Contacts, Casework],
        [StaffRole.BusinessSupport] = [Find, Open, Contacts],
        [StaffRole.PerformanceAnalyst] = [Numbers, Targets, Benchmarks],
        [StaffRole.Auditor] = [Find, Open, Numbers],
        [StaffRole.ImprovementBoardMember] = [Numbers],
        [StaffRole.PartnerReferrer] = [],
        [StaffRole.SystemAdministrator] = [Accounts],
        [StaffRole.DataProtectionOfficer] = [Find, RecordAudit, Alerts, Trail],
    };

    /// <summary>Permissions that touch a child's record (as opposed to numbers, the audit or accounts).</summary>
    private static readonly Permission[] ChildPermissions = [Find, Open, Glass];

    public static TheoryData<StaffRole> AllRoles => [.. Enum.GetValues<StaffRole>()];

    public static TheoryData<Permission> AllPermissions => [.. Enum.GetValues<Permission>()];

    public static TheoryData<StaffRole, Permission> EveryRoleAndPermission
    {
        get
        {
            var data = new TheoryData<StaffRole, Permission>();
            foreach (var role in Enum.GetValues<StaffRole>())
            {
                foreach (var permission in Enum.GetValues<Permission>())
                {
                    data.Add(role, permission);
                }
            }

            return data;
        }
    }

    // ---------------------------------------------------------------- completeness

    [Fact]
    public void Roles_lists_every_role_once()
    {
        Assert.Equal(Enum.GetValues<StaffRole>(), AccessMatrix.Roles);
        Assert.Equal(AccessMatrix.Roles.Count, AccessMatrix.Roles.Distinct().Count());
    }

    [Fact]
    public void Every_role_has_an_entry_in_the_matrix()
    {
        // The matrix is private; a role missing from it would silently get nothing (deny by
        // default), which is safe but must be a decision, not an accident.
        var field = typeof(AccessMatrix).GetField("Matrix", BindingFlags.NonPublic | BindingFlags.Static);
        Assert.NotNull(field);
        var matrix = Assert.IsAssignableFrom<IDictionary>(field.GetValue(null));
        var keys = matrix.Keys.Cast<StaffRole>().Order().ToArray();
        Assert.Equal(Enum.GetValues<StaffRole>().Order(), keys);
    }

    [Fact]
    public void The_test_states_every_role()
    {
        Assert.Equal(Enum.GetValues<StaffRole>().Order(), Expected.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Each_role_has_exactly_the_reviewed_permissions(StaffRole role)
    {
        Assert.Equal(Expected[role].Order(), AccessMatrix.PermissionsOf(role).Order());
    }

    [Theory]
    [MemberData(nameof(EveryRoleAndPermission))]
    public void Allows_without_named_data_is_membership_of_the_matrix(StaffRole role, Permission permission)
    {
        Assert.Equal(Expected[role].Contains(permission), AccessMatrix.Allows(role, permission));
        Assert.Equal(Expected[role].Contains(permission), AccessMatrix.Allows(role, permission, namedDataAccess: false));
    }

    [Theory]
    [MemberData(nameof(EveryRoleAndPermission))]
    public void Named_data_access_only_changes_what_an_analyst_may_do(StaffRole role, Permission permission)
    {
        var expected = Expected[role].Contains(permission)
            || (role == StaffRole.PerformanceAnalyst && permission is Find or Open or Export or Import);
        Assert.Equal(expected, AccessMatrix.Allows(role, permission, namedDataAccess: true));
    }

    [Fact]
    public void An_unknown_role_may_do_nothing()
    {
        var unknown = (StaffRole)999;
        Assert.Empty(AccessMatrix.PermissionsOf(unknown));
        Assert.All(Enum.GetValues<Permission>(), p =>
        {
            Assert.False(AccessMatrix.Allows(unknown, p));
            Assert.False(AccessMatrix.Allows(unknown, p, namedDataAccess: true));
        });
        Assert.False(AccessMatrix.Allows(StaffRole.TeamManager, (Permission)999));
    }

    // ---------------------------------------------------------------- particular roles

    [Fact]
    public void System_administrator_manages_accounts_and_has_no_child_permission()
    {
        Assert.Equal([Accounts], AccessMatrix.PermissionsOf(StaffRole.SystemAdministrator).Order());
        Assert.All(ChildPermissions, p => Assert.False(AccessMatrix.Allows(StaffRole.SystemAdministrator, p)));
        Assert.All(ChildPermissions, p => Assert.False(AccessMatrix.Allows(StaffRole.SystemAdministrator, p, namedDataAccess: true)));
    }

    [Fact]
    public void Board_members_see_numbers_only()
    {
        Assert.Equal([Numbers], AccessMatrix.PermissionsOf(StaffRole.ImprovementBoardMember).Order());
        Assert.All(Enum.GetValues<Permission>(), p => Assert.Equal(p == Numbers, AccessMatrix.Allows(StaffRole.ImprovementBoardMember, p)));
    }

    [Fact]
    public void Analysts_by_default_see_numbers_and_keep_targets_and_benchmarks_but_no_child()
    {
        Assert.Equal([Numbers, Targets, Benchmarks], AccessMatrix.PermissionsOf(StaffRole.PerformanceAnalyst).Order());
        Assert.All(ChildPermissions, p => Assert.False(AccessMatrix.Allows(StaffRole.PerformanceAnalyst, p)));
    }

    [Fact]
    public void Targets_are_set_by_service_managers_directors_and_analysts_and_benchmarks_loaded_by_analysts_and_directors()
    {
        Assert.Equal([StaffRole.ServiceManager, StaffRole.Director, StaffRole.PerformanceAnalyst], AccessMatrix.Roles.Where(r => AccessMatrix.Allows(r, Targets)));
        Assert.Equal([StaffRole.Director, StaffRole.PerformanceAnalyst], AccessMatrix.Roles.Where(r => AccessMatrix.Allows(r, Benchmarks)));
    }

    [Fact]
    public void Returns_are_exported_by_directors_and_analysts_with_named_data_and_imported_only_by_such_analysts()
    {
        Assert.Equal([StaffRole.Director], AccessMatrix.Roles.Where(r => AccessMatrix.Allows(r, Export)));
        Assert.Equal([StaffRole.Director, StaffRole.PerformanceAnalyst], AccessMatrix.Roles.Where(r => AccessMatrix.Allows(r, Export, namedDataAccess: true)));
        Assert.DoesNotContain(AccessMatrix.Roles, r => AccessMatrix.Allows(r, Import));
        Assert.Equal([StaffRole.PerformanceAnalyst], AccessMatrix.Roles.Where(r => AccessMatrix.Allows(r, Import, namedDataAccess: true)));
    }

    [Fact]
    public void Analyst_with_named_data_can_find_children_open_records_and_run_returns_but_nothing_more()
    {
        Assert.Equal([Find, Open, Export, Import], AccessMatrix.AnalystNamedData.Order());
        var allowed = Enum.GetValues<Permission>()
            .Where(p => AccessMatrix.Allows(StaffRole.PerformanceAnalyst, p, namedDataAccess: true))
            .Order();
        Assert.Equal([Find, Open, Numbers, Targets, Benchmarks, Export, Import], allowed);
        Assert.False(AccessMatrix.Allows(StaffRole.PerformanceAnalyst, Glass, namedDataAccess: true));
    }

    [Fact]
    public void Board_member_with_named_data_flag_still_sees_numbers_only()
    {
        Assert.All(Enum.GetValues<Permission>(), p =>
            Assert.Equal(p == Numbers, AccessMatrix.Allows(StaffRole.ImprovementBoardMember, p, namedDataAccess: true)));
    }

    [Fact]
    public void Partner_referrer_has_nothing()
    {
        Assert.Empty(AccessMatrix.PermissionsOf(StaffRole.PartnerReferrer));
        Assert.All(Enum.GetValues<Permission>(), p => Assert.False(AccessMatrix.Allows(StaffRole.PartnerReferrer, p, namedDataAccess: true)));
    }

    [Fact]
    public void Data_protection_officer_sees_the_audit_but_cannot_open_records()
    {
        var dpo = StaffRole.DataProtectionOfficer;
        Assert.True(AccessMatrix.Allows(dpo, RecordAudit));
        Assert.True(AccessMatrix.Allows(dpo, Trail));
        Assert.True(AccessMatrix.Allows(dpo, Alerts));
        Assert.True(AccessMatrix.Allows(dpo, Find));
        Assert.False(AccessMatrix.Allows(dpo, Open));
        Assert.False(AccessMatrix.Allows(dpo, Glass));
        Assert.False(AccessMatrix.Allows(dpo, Numbers));
        Assert.False(AccessMatrix.Allows(dpo, Accounts));
    }

    [Fact]
    public void Only_the_data_protection_officer_reads_the_whole_audit_trail()
    {
        Assert.Equal([StaffRole.DataProtectionOfficer], AccessMatrix.Roles.Where(r => AccessMatrix.Allows(r, Trail)));
    }

    [Fact]
    public void Only_the_system_administrator_manages_accounts()
    {
        Assert.Equal([StaffRole.SystemAdministrator], AccessMatrix.Roles.Where(r => AccessMatrix.Allows(r, Accounts)));
    }

    [Fact]
    public void Business_support_auditors_and_the_director_cannot_break_the_glass()
    {
        Assert.False(AccessMatrix.Allows(StaffRole.BusinessSupport, Glass));
        Assert.False(AccessMatrix.Allows(StaffRole.Auditor, Glass));
        Assert.False(AccessMatrix.Allows(StaffRole.Director, Glass));
    }

    // ---------------------------------------------------------------- invariants

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Opening_records_implies_finding_children(StaffRole role)
    {
        if (AccessMatrix.Allows(role, Open, namedDataAccess: true))
        {
            Assert.True(AccessMatrix.Allows(role, Find, namedDataAccess: true));
        }
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Breaking_the_glass_implies_opening_records(StaffRole role)
    {
        if (AccessMatrix.Allows(role, Glass))
        {
            Assert.True(AccessMatrix.Allows(role, Open));
        }
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Seeing_team_break_glass_is_for_managers_only(StaffRole role)
    {
        var manager = role is StaffRole.TeamManager or StaffRole.ServiceManager or StaffRole.Director;
        Assert.Equal(manager, AccessMatrix.Allows(role, TeamGlass));
    }

    // ---------------------------------------------------------------- names

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Every_role_has_a_title(StaffRole role)
    {
        var title = AccessMatrix.Title(role);
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.Equal(title.Trim(), title);
        Assert.DoesNotContain("|", title, StringComparison.Ordinal); // it is a cell of the docs table
        Assert.True(char.IsUpper(title[0]), title);
    }

    [Fact]
    public void Role_titles_are_distinct()
    {
        var titles = AccessMatrix.Roles.Select(AccessMatrix.Title).ToArray();
        Assert.Equal(titles.Length, titles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData(StaffRole.NewlyQualifiedSocialWorker, "Newly qualified social worker (ASYE)")]
    [InlineData(StaffRole.Lado, "Allegations officer (LADO)")]
    [InlineData(StaffRole.Director, "Head of service or director of children's services")]
    [InlineData(StaffRole.DataProtectionOfficer, "Data protection officer")]
    public void Titles_are_plain_english(StaffRole role, string title)
    {
        Assert.Equal(title, AccessMatrix.Title(role));
    }

    [Theory]
    [MemberData(nameof(AllPermissions))]
    public void Every_permission_has_a_description(Permission permission)
    {
        var text = AccessMatrix.Describe(permission);
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.NotEqual(permission.ToString(), text);
        Assert.Contains(" ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Permission_descriptions_are_distinct()
    {
        var texts = Enum.GetValues<Permission>().Select(AccessMatrix.Describe).ToArray();
        Assert.Equal(texts.Length, texts.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Unknown_values_fall_back_to_their_number()
    {
        Assert.Equal("999", AccessMatrix.Title((StaffRole)999));
        Assert.Equal("999", AccessMatrix.Describe((Permission)999));
    }
}
