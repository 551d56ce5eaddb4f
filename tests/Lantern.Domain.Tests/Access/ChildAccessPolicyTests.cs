using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Xunit;

namespace Lantern.Domain.Tests.Access;

/// <summary>
/// <see cref="ChildAccessPolicy.Decide"/>: every role against every relationship with a child, as one
/// table, then the particular rules one at a time.
/// </summary>
public class ChildAccessPolicyTests
{
    // The person asking is worker 100 in team 10 of the assessment service. They manage worker 201
    // directly and worker 301 through 201 (depth 2).
    private const long Me = 100;
    private const long MyTeam = 10;
    private const TeamService MyService = TeamService.Assessment;
    private const long DirectReport = 201;
    private const long ReportOfReport = 301;

    /// <summary>How the child is related to the person asking.</summary>
    public enum Relationship
    {
        /// <summary>I am the allocated worker.</summary>
        Allocated,

        /// <summary>The allocated worker is two levels below me in the management line.</summary>
        ManagementLine,

        /// <summary>The allocated worker is a colleague in my team (not managed by me).</summary>
        Team,

        /// <summary>The allocated worker is in another team of my service.</summary>
        Service,

        /// <summary>Nothing: another team in another service.</summary>
        Stranger,

        /// <summary>I am the child's reviewing officer or conference chair.</summary>
        ReviewingOfficer,

        /// <summary>The child is the subject of an allegation (and otherwise a stranger).</summary>
        Allegation,

        /// <summary>I have a case-audit grant for the child (and am otherwise a stranger).</summary>
        CaseAudit,

        /// <summary>I have an active break-glass grant for the child (and am otherwise a stranger).</summary>
        BreakGlass,

        /// <summary>A restricted record, to which I have every other relationship and grant.</summary>
        Restricted,

        /// <summary>A restricted record on which I am named.</summary>
        RestrictedNamed,
    }

    /// <summary>
    /// What each role sees, by relationship. Codes: Hidden; Known (known only); otherwise the record
    /// opens on that basis (Alloc, Line, Team, Svc, Whole, Iro, Lado, Audit, Glass, Named, Data).
    /// A row "+named" is the role with named-data access.
    /// </summary>
    /// <remarks>
    /// The last column: a restricted record opens for a person named on it only when their role
    /// may open records; a data protection officer named on one sees only that the child is known,
    /// and roles that cannot find children see nothing.
    /// </remarks>
    private const string Table = """
        role                         Allocated ManagementLine Team   Service Stranger ReviewingOfficer Allegation CaseAudit BreakGlass Restricted RestrictedNamed
        SocialWorker                 Alloc     Line           Team   Known   Known    Known            Known      Known     Glass      Hidden     Named
        NewlyQualifiedSocialWorker   Alloc     Line           Team   Known   Known    Known            Known      Known     Glass      Hidden     Named
        AdvancedPractitioner         Alloc     Line           Team   Known   Known    Known            Known      Known     Glass      Hidden     Named
        TeamManager                  Alloc     Line           Team   Known   Known    Known            Known      Known     Glass      Hidden     Named
        ServiceManager               Alloc     Line           Svc    Svc     Known    Known            Known      Known     Glass      Hidden     Named
        Director                     Alloc     Line           Whole  Whole   Whole    Whole            Whole      Whole     Whole      Hidden     Named
        ReviewingOfficer             Alloc     Line           Known  Known   Known    Iro              Known      Known     Glass      Hidden     Named
        Lado                         Alloc     Line           Known  Known   Known    Known            Lado       Known     Glass      Hidden     Named
        EarlyHelpPractitioner        Alloc     Line           Team   Known   Known    Known            Known      Known     Glass      Hidden     Named
        BusinessSupport              Alloc     Line           Team   Known   Known    Known            Known      Known     Known      Hidden     Named
        PerformanceAnalyst           Hidden    Hidden         Hidden Hidden  Hidden   Hidden           Hidden     Hidden    Hidden     Hidden     Hidden
        PerformanceAnalyst+named     Alloc     Line           Data   Data    Data     Data             Data       Data      Data       Hidden     Named
        Auditor                      Alloc     Line           Known  Known   Known    Known            Known      Audit     Known      Hidden     Named
        ImprovementBoardMember       Hidden    Hidden         Hidden Hidden  Hidden   Hidden           Hidden     Hidden    Hidden     Hidden     Hidden
        PartnerReferrer              Hidden    Hidden         Hidden Hidden  Hidden   Hidden           Hidden     Hidden    Hidden     Hidden     Hidden
        SystemAdministrator          Hidden    Hidden         Hidden Hidden  Hidden   Hidden           Hidden     Hidden    Hidden     Hidden     Hidden
        DataProtectionOfficer        Known     Known          Known  Known   Known    Known            Known      Known     Known      Hidden     Known
        """;

    private static readonly Dictionary<string, ChildAccessDecision> Codes = new(StringComparer.Ordinal)
    {
        ["Hidden"] = new(ChildAccessLevel.Hidden, AccessBasis.None),
        ["Known"] = new(ChildAccessLevel.KnownOnly, AccessBasis.None),
        ["Alloc"] = new(ChildAccessLevel.Full, AccessBasis.AllocatedWorker),
        ["Line"] = new(ChildAccessLevel.Full, AccessBasis.ManagementLine),
        ["Team"] = new(ChildAccessLevel.Full, AccessBasis.Team),
        ["Svc"] = new(ChildAccessLevel.Full, AccessBasis.Service),
        ["Whole"] = new(ChildAccessLevel.Full, AccessBasis.WholeService),
        ["Iro"] = new(ChildAccessLevel.Full, AccessBasis.ReviewingOfficer),
        ["Lado"] = new(ChildAccessLevel.Full, AccessBasis.Allegation),
        ["Audit"] = new(ChildAccessLevel.Full, AccessBasis.CaseAudit),
        ["Named"] = new(ChildAccessLevel.Full, AccessBasis.NamedPerson),
        ["Glass"] = new(ChildAccessLevel.Full, AccessBasis.BreakGlass),
        ["Data"] = new(ChildAccessLevel.Full, AccessBasis.PerformanceData),
    };

    private static string[][] TableRows() =>
        [.. Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    public static TheoryData<string, Relationship, string> Cells
    {
        get
        {
            var rows = TableRows();
            var columns = rows[0].Skip(1).Select(Enum.Parse<Relationship>).ToArray();
            var data = new TheoryData<string, Relationship, string>();
            foreach (var row in rows.Skip(1))
            {
                for (int i = 0; i < columns.Length; i++)
                {
                    data.Add(row[0], columns[i], row[i + 1]);
                }
            }

            return data;
        }
    }

    private static HashSet<long> Ids(params long[] ids) => [.. ids];

    private static StaffContext Staff(
        StaffRole role,
        long? worker = Me,
        long? team = MyTeam,
        TeamService? service = MyService,
        IReadOnlySet<long>? managed = null,
        bool namedData = false) =>
        new(role, worker, team, service, managed ?? Ids(DirectReport, ReportOfReport), namedData);

    private static ChildContext Child(
        bool restricted = false,
        long[]? workers = null,
        long[]? teams = null,
        TeamService[]? services = null,
        long[]? reviewingOfficers = null,
        bool allegation = false,
        params AccessGrantKind[] grants) =>
        new(
            restricted,
            Ids(workers ?? [900]),
            Ids(teams ?? [90]),
            new HashSet<TeamService>(services ?? [TeamService.ChildrenInCare]),
            Ids(reviewingOfficers ?? []),
            allegation,
            new HashSet<AccessGrantKind>(grants));

    private static ChildContext ChildFor(Relationship relationship) => relationship switch
    {
        Relationship.Allocated => Child(workers: [Me], teams: [MyTeam], services: [MyService]),
        Relationship.ManagementLine => Child(workers: [ReportOfReport], teams: [20], services: [TeamService.ChildInNeedAndProtection]),
        Relationship.Team => Child(workers: [500], teams: [MyTeam], services: [MyService]),
        Relationship.Service => Child(workers: [600], teams: [20], services: [MyService]),
        Relationship.Stranger => Child(),
        Relationship.ReviewingOfficer => Child(reviewingOfficers: [Me]),
        Relationship.Allegation => Child(allegation: true),
        Relationship.CaseAudit => Child(grants: AccessGrantKind.CaseAudit),
        Relationship.BreakGlass => Child(grants: AccessGrantKind.BreakGlass),
        Relationship.Restricted => Everything(),
        Relationship.RestrictedNamed => Everything(AccessGrantKind.NamedPerson),
        _ => throw new ArgumentOutOfRangeException(nameof(relationship)),
    };

    /// <summary>A restricted child to whom the person asking has every relationship and grant.</summary>
    private static ChildContext Everything(params AccessGrantKind[] extra) => Child(
        restricted: true,
        workers: [Me, ReportOfReport],
        teams: [MyTeam],
        services: [MyService],
        reviewingOfficers: [Me],
        allegation: true,
        grants: [AccessGrantKind.CaseAudit, AccessGrantKind.BreakGlass, .. extra]);

    private static StaffContext StaffFor(string rowLabel) =>
        rowLabel.EndsWith("+named", StringComparison.Ordinal)
            ? Staff(Enum.Parse<StaffRole>(rowLabel[..^"+named".Length]), namedData: true)
            : Staff(Enum.Parse<StaffRole>(rowLabel));

    // ---------------------------------------------------------------- the table

    [Fact]
    public void The_table_has_a_row_for_every_role_and_a_column_for_every_relationship()
    {
        var rows = TableRows();
        Assert.Equal(Enum.GetValues<Relationship>(), rows[0].Skip(1).Select(Enum.Parse<Relationship>));
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        var roles = rows.Skip(1).Where(r => !r[0].EndsWith("+named", StringComparison.Ordinal)).Select(r => Enum.Parse<StaffRole>(r[0]));
        Assert.Equal(Enum.GetValues<StaffRole>(), roles);
        Assert.All(rows.Skip(1).SelectMany(r => r.Skip(1)), code => Assert.True(Codes.ContainsKey(code), code));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Decide_matches_the_table(string row, Relationship relationship, string expected)
    {
        var decision = ChildAccessPolicy.Decide(StaffFor(row), ChildFor(relationship));
        Assert.Equal(Codes[expected], decision);
        Assert.Equal(decision.Level == ChildAccessLevel.Full, decision.CanOpen);
        Assert.Equal(decision.Level == ChildAccessLevel.Full, decision.Basis != AccessBasis.None);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void No_one_opens_a_record_without_permission_to_open_records_unless_named_on_a_restricted_record(string row, Relationship relationship, string expected)
    {
        _ = expected;
        var staff = StaffFor(row);
        var decision = ChildAccessPolicy.Decide(staff, ChildFor(relationship));
        if (decision.CanOpen && decision.Basis != AccessBasis.NamedPerson)
        {
            Assert.True(AccessMatrix.Allows(staff.Role, Permission.ViewChildRecords, staff.NamedDataAccess), $"{row} opened {relationship}");
        }

        if (decision.Level != ChildAccessLevel.Hidden && decision.Basis != AccessBasis.NamedPerson)
        {
            Assert.True(AccessMatrix.Allows(staff.Role, Permission.FindChildren, staff.NamedDataAccess), $"{row} found {relationship}");
        }
    }

    // ---------------------------------------------------------------- one rule at a time

    [Fact]
    public void Allocated_worker_opens_on_that_basis_even_when_other_bases_apply()
    {
        var child = Child(workers: [Me, ReportOfReport], teams: [MyTeam], services: [MyService], reviewingOfficers: [Me], allegation: true, grants: AccessGrantKind.BreakGlass);
        Assert.Equal(new(ChildAccessLevel.Full, AccessBasis.AllocatedWorker), ChildAccessPolicy.Decide(Staff(StaffRole.SocialWorker), child));
        Assert.Equal(new(ChildAccessLevel.Full, AccessBasis.AllocatedWorker), ChildAccessPolicy.Decide(Staff(StaffRole.Director), child));
    }

    [Theory]
    [InlineData(DirectReport, AccessBasis.ManagementLine)]
    [InlineData(ReportOfReport, AccessBasis.ManagementLine)]
    [InlineData(302L, AccessBasis.None)] // in someone else's line
    public void Management_line_reaches_any_depth_below_me_and_no_further(long allocated, AccessBasis basis)
    {
        var manager = Staff(StaffRole.TeamManager, team: 11, managed: Ids(DirectReport, ReportOfReport));
        var decision = ChildAccessPolicy.Decide(manager, Child(workers: [allocated], teams: [30], services: [TeamService.Disability]));
        Assert.Equal(basis, decision.Basis);
        Assert.Equal(basis == AccessBasis.None ? ChildAccessLevel.KnownOnly : ChildAccessLevel.Full, decision.Level);
    }

    [Fact]
    public void Management_line_needs_a_worker_record()
    {
        var manager = Staff(StaffRole.TeamManager, worker: null, team: null);
        Assert.Equal(new(ChildAccessLevel.KnownOnly, AccessBasis.None), ChildAccessPolicy.Decide(manager, Child(workers: [ReportOfReport])));
    }

    [Theory]
    [InlineData(StaffRole.SocialWorker, AccessBasis.Team)]
    [InlineData(StaffRole.NewlyQualifiedSocialWorker, AccessBasis.Team)]
    [InlineData(StaffRole.AdvancedPractitioner, AccessBasis.Team)]
    [InlineData(StaffRole.TeamManager, AccessBasis.Team)]
    [InlineData(StaffRole.EarlyHelpPractitioner, AccessBasis.Team)]
    [InlineData(StaffRole.BusinessSupport, AccessBasis.Team)]
    [InlineData(StaffRole.ReviewingOfficer, AccessBasis.None)]
    [InlineData(StaffRole.Lado, AccessBasis.None)]
    [InlineData(StaffRole.Auditor, AccessBasis.None)]
    public void Team_opens_records_for_team_roles_only(StaffRole role, AccessBasis basis)
    {
        // The child's team is mine but its service is not (so a service manager would not count).
        var child = Child(workers: [500], teams: [MyTeam], services: [TeamService.Reviewing]);
        Assert.Equal(basis, ChildAccessPolicy.Decide(Staff(role, managed: Ids()), child).Basis);
    }

    [Fact]
    public void An_iro_in_the_childs_team_sees_only_that_the_child_is_known()
    {
        var iro = Staff(StaffRole.ReviewingOfficer, team: MyTeam);
        var child = Child(workers: [500], teams: [MyTeam], services: [MyService]);
        Assert.Equal(new(ChildAccessLevel.KnownOnly, AccessBasis.None), ChildAccessPolicy.Decide(iro, child));
    }

    [Fact]
    public void Team_needs_a_team()
    {
        var worker = Staff(StaffRole.SocialWorker, team: null);
        Assert.Equal(ChildAccessLevel.KnownOnly, ChildAccessPolicy.Decide(worker, Child(workers: [500], teams: [MyTeam])).Level);
    }

    [Theory]
    [InlineData(TeamService.Assessment, TeamService.Assessment, ChildAccessLevel.Full)]
    [InlineData(TeamService.Assessment, TeamService.ChildrenInCare, ChildAccessLevel.KnownOnly)]
    [InlineData(TeamService.ChildrenInCare, TeamService.Assessment, ChildAccessLevel.KnownOnly)]
    public void Service_manager_opens_records_in_their_own_service_only(TeamService mine, TeamService childs, ChildAccessLevel level)
    {
        var manager = Staff(StaffRole.ServiceManager, team: 11, service: mine, managed: Ids());
        var decision = ChildAccessPolicy.Decide(manager, Child(workers: [600], teams: [20], services: [childs]));
        Assert.Equal(level, decision.Level);
        Assert.Equal(level == ChildAccessLevel.Full ? AccessBasis.Service : AccessBasis.None, decision.Basis);
    }

    [Fact]
    public void Service_manager_without_a_service_has_no_service_access()
    {
        var manager = Staff(StaffRole.ServiceManager, team: 11, service: null, managed: Ids());
        Assert.Equal(ChildAccessLevel.KnownOnly, ChildAccessPolicy.Decide(manager, Child(services: [MyService])).Level);
    }

    [Fact]
    public void A_child_in_several_services_opens_for_a_manager_of_any_of_them()
    {
        var manager = Staff(StaffRole.ServiceManager, team: 11, service: TeamService.Disability, managed: Ids());
        var child = Child(workers: [600, 700], teams: [20, 21], services: [TeamService.ChildrenInCare, TeamService.Disability]);
        Assert.Equal(AccessBasis.Service, ChildAccessPolicy.Decide(manager, child).Basis);
    }

    [Theory]
    [InlineData(StaffRole.TeamManager)]
    [InlineData(StaffRole.AdvancedPractitioner)]
    [InlineData(StaffRole.SocialWorker)]
    public void Only_a_service_manager_has_service_wide_access(StaffRole role)
    {
        var staff = Staff(role, team: 11, managed: Ids());
        Assert.Equal(ChildAccessLevel.KnownOnly, ChildAccessPolicy.Decide(staff, Child(workers: [600], teams: [20], services: [MyService])).Level);
    }

    [Fact]
    public void Director_opens_any_record_that_is_not_restricted()
    {
        var director = Staff(StaffRole.Director, worker: null, team: null, service: null, managed: Ids());
        Assert.Equal(new(ChildAccessLevel.Full, AccessBasis.WholeService), ChildAccessPolicy.Decide(director, Child()));
        Assert.Equal(new(ChildAccessLevel.Hidden, AccessBasis.None), ChildAccessPolicy.Decide(director, Child(restricted: true)));
    }

    [Theory]
    [InlineData(StaffRole.ReviewingOfficer, AccessBasis.ReviewingOfficer)]
    [InlineData(StaffRole.SocialWorker, AccessBasis.None)]
    [InlineData(StaffRole.TeamManager, AccessBasis.None)]
    [InlineData(StaffRole.Lado, AccessBasis.None)]
    public void Reviewing_officer_basis_needs_the_reviewing_officer_role(StaffRole role, AccessBasis basis)
    {
        var decision = ChildAccessPolicy.Decide(Staff(role, managed: Ids()), Child(reviewingOfficers: [Me]));
        Assert.Equal(basis, decision.Basis);
    }

    [Fact]
    public void Reviewing_officer_sees_only_their_own_children()
    {
        var iro = Staff(StaffRole.ReviewingOfficer, managed: Ids());
        Assert.Equal(ChildAccessLevel.KnownOnly, ChildAccessPolicy.Decide(iro, Child(reviewingOfficers: [101])).Level);
        Assert.Equal(ChildAccessLevel.KnownOnly, ChildAccessPolicy.Decide(Staff(StaffRole.ReviewingOfficer, worker: null), Child(reviewingOfficers: [Me])).Level);
    }

    [Theory]
    [InlineData(true, AccessBasis.Allegation)]
    [InlineData(false, AccessBasis.None)]
    public void Lado_opens_a_record_only_when_the_child_is_subject_of_an_allegation(bool allegation, AccessBasis basis)
    {
        var lado = Staff(StaffRole.Lado, worker: null, team: null, service: null, managed: Ids());
        Assert.Equal(basis, ChildAccessPolicy.Decide(lado, Child(allegation: allegation)).Basis);
    }

    [Theory]
    [InlineData(StaffRole.SocialWorker)]
    [InlineData(StaffRole.ReviewingOfficer)]
    [InlineData(StaffRole.Auditor)]
    public void An_allegation_opens_the_record_for_the_lado_alone(StaffRole role)
    {
        Assert.Equal(ChildAccessLevel.KnownOnly, ChildAccessPolicy.Decide(Staff(role), Child(allegation: true)).Level);
    }

    [Theory]
    [InlineData(new AccessGrantKind[0], AccessBasis.None)]
    [InlineData(new[] { AccessGrantKind.CaseAudit }, AccessBasis.CaseAudit)]
    [InlineData(new[] { AccessGrantKind.BreakGlass }, AccessBasis.None)] // auditors may not break the glass
    [InlineData(new[] { AccessGrantKind.NamedPerson }, AccessBasis.None)] // named only counts on a restricted record
    public void Auditor_opens_only_the_cases_in_their_audit(AccessGrantKind[] grants, AccessBasis basis)
    {
        var auditor = Staff(StaffRole.Auditor, managed: Ids());
        Assert.Equal(basis, ChildAccessPolicy.Decide(auditor, Child(grants: grants)).Basis);
    }

    [Theory]
    [InlineData(StaffRole.SocialWorker)]
    [InlineData(StaffRole.TeamManager)]
    [InlineData(StaffRole.Lado)]
    public void A_case_audit_grant_means_nothing_to_other_roles(StaffRole role)
    {
        Assert.Equal(ChildAccessLevel.KnownOnly, ChildAccessPolicy.Decide(Staff(role), Child(grants: AccessGrantKind.CaseAudit)).Level);
    }

    [Theory]
    [InlineData(false, ChildAccessLevel.Hidden, AccessBasis.None)]
    [InlineData(true, ChildAccessLevel.Full, AccessBasis.PerformanceData)]
    public void Analyst_opens_records_only_with_named_data_access(bool namedData, ChildAccessLevel level, AccessBasis basis)
    {
        var analyst = Staff(StaffRole.PerformanceAnalyst, worker: null, team: null, service: null, managed: Ids(), namedData: namedData);
        Assert.Equal(new(level, basis), ChildAccessPolicy.Decide(analyst, Child()));
        Assert.Equal(new(ChildAccessLevel.Hidden, AccessBasis.None), ChildAccessPolicy.Decide(analyst, Child(restricted: true)));
    }

    [Theory]
    [InlineData(StaffRole.SocialWorker)]
    [InlineData(StaffRole.ImprovementBoardMember)]
    [InlineData(StaffRole.Auditor)]
    public void Named_data_access_means_nothing_to_other_roles(StaffRole role)
    {
        var expected = AccessMatrix.Allows(role, Permission.FindChildren) ? ChildAccessLevel.KnownOnly : ChildAccessLevel.Hidden;
        var staff = Staff(role, managed: Ids(), namedData: true);
        Assert.Equal(new(expected, AccessBasis.None), ChildAccessPolicy.Decide(staff, Child()));
    }

    public static TheoryData<StaffRole> AllRoles => [.. Enum.GetValues<StaffRole>()];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Break_glass_opens_a_record_only_with_an_active_grant_and_the_permission(StaffRole role)
    {
        var staff = Staff(role, worker: 1, team: 2, service: TeamService.FrontDoor, managed: Ids());
        var withGrant = ChildAccessPolicy.Decide(staff, Child(grants: AccessGrantKind.BreakGlass));
        var without = ChildAccessPolicy.Decide(staff, Child());
        if (role == StaffRole.Director)
        {
            Assert.Equal(AccessBasis.WholeService, withGrant.Basis); // needs no glass
        }
        else if (AccessMatrix.Allows(role, Permission.BreakGlass))
        {
            Assert.Equal(new(ChildAccessLevel.Full, AccessBasis.BreakGlass), withGrant);
            Assert.Equal(new(ChildAccessLevel.KnownOnly, AccessBasis.None), without);
        }
        else
        {
            Assert.False(withGrant.CanOpen, $"{role} opened a record by breaking the glass");
            Assert.Equal(without, withGrant);
        }
    }

    [Fact]
    public void Business_support_cannot_break_the_glass()
    {
        var support = Staff(StaffRole.BusinessSupport, managed: Ids());
        Assert.Equal(new(ChildAccessLevel.KnownOnly, AccessBasis.None), ChildAccessPolicy.Decide(support, Child(grants: AccessGrantKind.BreakGlass)));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Restricted_record_is_hidden_from_everyone_not_named_on_it(StaffRole role)
    {
        foreach (var namedData in new[] { false, true })
        {
            var staff = Staff(role, namedData: namedData);
            Assert.Equal(new(ChildAccessLevel.Hidden, AccessBasis.None), ChildAccessPolicy.Decide(staff, Everything()));
            Assert.Equal(new(ChildAccessLevel.Hidden, AccessBasis.None), ChildAccessPolicy.Decide(staff, Child(restricted: true)));
        }
    }

    [Theory]
    [InlineData(StaffRole.SocialWorker)]
    [InlineData(StaffRole.TeamManager)]
    [InlineData(StaffRole.Director)]
    [InlineData(StaffRole.ReviewingOfficer)]
    public void Restricted_record_opens_for_a_named_person_without_any_other_relationship(StaffRole role)
    {
        var staff = Staff(role, worker: 1, team: 2, service: TeamService.FrontDoor, managed: Ids());
        var child = Child(restricted: true, grants: AccessGrantKind.NamedPerson);
        Assert.Equal(new(ChildAccessLevel.Full, AccessBasis.NamedPerson), ChildAccessPolicy.Decide(staff, child));
    }

    [Theory]
    [InlineData(StaffRole.DataProtectionOfficer, ChildAccessLevel.KnownOnly)]
    [InlineData(StaffRole.ImprovementBoardMember, ChildAccessLevel.Hidden)]
    [InlineData(StaffRole.PerformanceAnalyst, ChildAccessLevel.Hidden)]
    [InlineData(StaffRole.PartnerReferrer, ChildAccessLevel.Hidden)]
    [InlineData(StaffRole.SystemAdministrator, ChildAccessLevel.Hidden)]
    public void Without_permission_to_open_records_finding_gives_known_only_and_otherwise_hidden(StaffRole role, ChildAccessLevel level)
    {
        // Even as the allocated worker, in the team, the reviewing officer, with every grant.
        var child = Child(workers: [Me], teams: [MyTeam], services: [MyService], reviewingOfficers: [Me], allegation: true,
            grants: [AccessGrantKind.CaseAudit, AccessGrantKind.BreakGlass, AccessGrantKind.NamedPerson]);
        Assert.Equal(new(level, AccessBasis.None), ChildAccessPolicy.Decide(Staff(role), child));
    }

    [Fact]
    public void A_person_without_a_worker_record_team_or_service_sees_only_that_the_child_is_known()
    {
        var staff = Staff(StaffRole.SocialWorker, worker: null, team: null, service: null, managed: Ids());
        Assert.Equal(new(ChildAccessLevel.KnownOnly, AccessBasis.None), ChildAccessPolicy.Decide(staff, Child(workers: [Me], teams: [MyTeam])));
    }

    [Fact]
    public void A_child_with_no_allocation_is_known_only_to_workers()
    {
        var child = Child(workers: [], teams: [], services: []);
        Assert.Equal(ChildAccessLevel.KnownOnly, ChildAccessPolicy.Decide(Staff(StaffRole.TeamManager), child).Level);
        Assert.Equal(AccessBasis.WholeService, ChildAccessPolicy.Decide(Staff(StaffRole.Director), child).Basis);
    }

    [Fact]
    public void Decide_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => ChildAccessPolicy.Decide(null!, Child()));
        Assert.Throws<ArgumentNullException>(() => ChildAccessPolicy.Decide(Staff(StaffRole.SocialWorker), null!));
    }

    [Theory]
    [InlineData(ChildAccessLevel.Hidden, false)]
    [InlineData(ChildAccessLevel.KnownOnly, false)]
    [InlineData(ChildAccessLevel.Full, true)]
    public void CanOpen_only_at_full(ChildAccessLevel level, bool canOpen)
    {
        Assert.Equal(canOpen, new ChildAccessDecision(level, AccessBasis.Team).CanOpen);
    }

    // ---------------------------------------------------------------- own work

    [Theory]
    [InlineData(AccessBasis.None, false)]
    [InlineData(AccessBasis.AllocatedWorker, true)]
    [InlineData(AccessBasis.ManagementLine, true)]
    [InlineData(AccessBasis.Team, true)]
    [InlineData(AccessBasis.Service, false)]
    [InlineData(AccessBasis.WholeService, false)]
    [InlineData(AccessBasis.ReviewingOfficer, true)]
    [InlineData(AccessBasis.Allegation, true)]
    [InlineData(AccessBasis.CaseAudit, true)]
    [InlineData(AccessBasis.NamedPerson, true)]
    [InlineData(AccessBasis.BreakGlass, false)]
    [InlineData(AccessBasis.PerformanceData, false)]
    [InlineData(AccessBasis.FrontDoor, true)]
    [InlineData(AccessBasis.UnallocatedQueue, true)]
    public void IsOwnWork_classifies_every_basis(AccessBasis basis, bool ownWork)
    {
        Assert.Equal(ownWork, ChildAccessPolicy.IsOwnWork(basis));
    }

    [Fact]
    public void IsOwnWork_table_covers_every_basis()
    {
        var stated = typeof(ChildAccessPolicyTests).GetMethod(nameof(IsOwnWork_classifies_every_basis))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => (AccessBasis)a.Data[0]!)
            .Order();
        Assert.Equal(Enum.GetValues<AccessBasis>(), stated);
    }

    // ---------------------------------------------------------------- grants

    private static readonly DateTime Granted = new(2026, 3, 31, 9, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(-1, null, false)]              // a second before it was granted
    [InlineData(0, null, true)]                // from the moment it is granted
    [InlineData(100_000_000, null, true)]      // until revoked
    [InlineData(0, 60, true)]
    [InlineData(59, 60, true)]                 // a second before it ends
    [InlineData(60, 60, false)]                // ends exactly at its expiry
    [InlineData(3_600, 60, false)]
    public void Grant_is_active_from_when_it_is_granted_until_it_expires(int secondsAfterGrant, int? expiresAfterSeconds, bool active)
    {
        var grant = new AccessGrant
        {
            Kind = AccessGrantKind.BreakGlass,
            GrantedAt = Granted,
            ExpiresAt = expiresAfterSeconds is { } s ? Granted.AddSeconds(s) : null,
        };
        Assert.Equal(active, grant.IsActiveAt(Granted.AddSeconds(secondsAfterGrant)));
    }

    [Theory]
    [InlineData(StaffRole.SocialWorker, TeamService.FrontDoor, false, true)]        // front door team
    [InlineData(StaffRole.BusinessSupport, TeamService.FrontDoor, false, true)]
    [InlineData(StaffRole.SocialWorker, TeamService.ChildrenInCare, true, true)]    // recorded the contact
    [InlineData(StaffRole.SocialWorker, TeamService.ChildrenInCare, false, false)]  // neither
    [InlineData(StaffRole.Auditor, TeamService.FrontDoor, false, false)]           // may not record contacts
    [InlineData(StaffRole.Lado, TeamService.FrontDoor, true, false)]
    public void The_front_door_opens_a_child_with_a_recent_contact(StaffRole role, TeamService service, bool recorded, bool opens)
    {
        var staff = Staff(role, service: service, managed: Ids());
        var child = Child(workers: [], teams: [], services: []) with { AtFrontDoor = true, ContactRecorderIds = recorded ? Ids(Me) : Ids(12345) };
        var decision = ChildAccessPolicy.Decide(staff, child);
        Assert.Equal(opens ? ChildAccessLevel.Full : ChildAccessLevel.KnownOnly, decision.Level);
        Assert.Equal(opens ? AccessBasis.FrontDoor : AccessBasis.None, decision.Basis);
        Assert.True(!opens || ChildAccessPolicy.IsOwnWork(decision.Basis));
    }

    [Fact]
    public void The_front_door_loses_access_when_the_contact_is_no_longer_recent()
    {
        var staff = Staff(StaffRole.SocialWorker, service: TeamService.FrontDoor, managed: Ids());
        var child = Child(workers: [], teams: [], services: []) with { AtFrontDoor = false, ContactRecorderIds = Ids(Me) };
        Assert.Equal(ChildAccessLevel.KnownOnly, ChildAccessPolicy.Decide(staff, child).Level);
        var restricted = Child(restricted: true, workers: [], teams: [], services: []) with { AtFrontDoor = true, ContactRecorderIds = Ids(Me) };
        Assert.Equal(ChildAccessLevel.Hidden, ChildAccessPolicy.Decide(staff, restricted).Level);
    }
}
