using System.Globalization;
using System.Runtime.CompilerServices;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Domain.Returns;
using Xunit;

namespace Lantern.Domain.Tests.Returns;

public class CinEntryCheckTests
{
    // Collection year 2025-26: 1 April 2025 to 31 March 2026.
    private static readonly DateOnly AsAt = D("2025-10-15");

    private static readonly string ValidUpn = Identifiers.Upn.Create(812, 2001, 15, 1).Value;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A child's record built by hand; <see cref="Cin"/> and <see cref="Cp"/> are clean starting points.</summary>
    private sealed class F
    {
        public Child Child { get; } = new()
        {
            Id = 1,
            LaChildId = "LC00000001",
            Upn = ValidUpn,
            DateOfBirth = D("2015-06-01"),
            Sex = Sex.Male,
            Ethnicity = new Ethnicity("WBRI"),
            Disabilities = [Disability.None],
        };

        public List<Referral> Referrals { get; } = [];

        public List<Assessment> Assessments { get; } = [];

        public List<Section47Enquiry> S47s { get; } = [];

        public List<ChildProtectionConference> Conferences { get; } = [];

        public List<ChildProtectionPlan> Plans { get; } = [];

        public List<ChildInNeedPlan> CinPlans { get; } = [];

        public Referral R => Referrals[0];

        public Assessment A => Assessments[0];

        public Section47Enquiry S => S47s[0];

        public ChildProtectionConference Icpc => Conferences[0];

        public ChildProtectionConference Review => Conferences[1];

        public ChildProtectionPlan P => Plans[0];

        public ChildInNeedPlan N => CinPlans[0];

        /// <summary>Referred 1 May 2025, assessed 2 May to 20 June (neglect), child in need plan from 20 June.</summary>
        public static F Cin()
        {
            var f = new F();
            f.Referrals.Add(Referral(10, "2025-05-01"));
            f.Assessments.Add(new Assessment { Id = 20, ChildId = 1, ReferralId = 10, StartDate = D("2025-05-02"), AuthorisationDate = D("2025-06-20"), Factors = [AssessmentFactor.Neglect] });
            f.CinPlans.Add(CinPlan(30, "2025-06-20", null));
            return f;
        }

        /// <summary>As <see cref="Cin"/> but a section 47 from 2 June, initial conference on Friday 20 June starting a
        /// protection plan, and a review conference on 10 September; no child in need plan.</summary>
        public static F Cp()
        {
            var f = Cin();
            f.CinPlans.Clear();
            f.S47s.Add(new Section47Enquiry { Id = 40, ChildId = 1, ReferralId = 10, StartDate = D("2025-06-02"), EndDate = D("2025-06-20"), Outcome = Section47Outcome.ConferenceRequired });
            f.Conferences.Add(new ChildProtectionConference { Id = 50, ChildId = 1, ReferralId = 10, Section47Id = 40, PlanId = 60, Type = ConferenceType.Initial, Date = D("2025-06-20"), Outcome = ConferenceOutcome.PlanStarted });
            f.Conferences.Add(new ChildProtectionConference { Id = 51, ChildId = 1, ReferralId = 10, PlanId = 60, Type = ConferenceType.Review, Date = D("2025-09-10"), Outcome = ConferenceOutcome.PlanContinues });
            f.Plans.Add(Plan(60, "2025-06-20", null));
            return f;
        }

        /// <summary>As <see cref="Cin"/> with the referral a no further action referral (no assessment or plan).</summary>
        public static F Nfa()
        {
            var f = Cin();
            f.Assessments.Clear();
            f.CinPlans.Clear();
            f.R.NoFurtherAction = true;
            f.R.PrimaryNeed = null;
            return f;
        }

        public static Referral Referral(long id, string date) =>
            new() { Id = id, ChildId = 1, ReferralDate = D(date), Source = new ReferralSource("2A"), PrimaryNeed = new PrimaryNeed("N1") };

        public static ChildInNeedPlan CinPlan(long id, string start, string? end, long referralId = 10) =>
            new() { Id = id, ChildId = 1, ReferralId = referralId, StartDate = D(start), EndDate = end is null ? null : D(end) };

        public static ChildProtectionPlan Plan(long id, string start, string? end) =>
            new() { Id = id, ChildId = 1, ReferralId = 10, StartDate = D(start), EndDate = end is null ? null : D(end), InitialCategory = AbuseCategory.Neglect, LatestCategory = AbuseCategory.Neglect };

        public static Assessment Open(long id, string start, long referralId = 10) =>
            new() { Id = id, ChildId = 1, ReferralId = referralId, StartDate = D(start) };

        public static Section47Enquiry OpenS47(long id, string start) =>
            new() { Id = id, ChildId = 1, ReferralId = 10, StartDate = D(start) };

        public void Close(string date, string reason)
        {
            R.ClosureDate = D(date);
            R.ClosureReason = new ClosureReason(reason);
        }

        public ChildFile File() => new(Child)
        {
            Referrals = Referrals,
            Assessments = Assessments,
            Section47s = S47s,
            Conferences = Conferences,
            ProtectionPlans = Plans,
            ChildInNeedPlans = CinPlans,
        };
    }

    private static F Cin(Action<F> change)
    {
        var f = F.Cin();
        change(f);
        return f;
    }

    private static F Cp(Action<F> change)
    {
        var f = F.Cp();
        change(f);
        return f;
    }

    private static F Nfa(Action<F> change)
    {
        var f = F.Nfa();
        change(f);
        return f;
    }

    private static F Unborn(Action<F> change) => Cin(f =>
    {
        f.Child.DateOfBirth = null;
        f.Child.ExpectedDateOfBirth = D("2026-01-10");
        f.Child.Sex = Sex.Unknown;
        f.Child.Upn = null;
        f.Child.UpnUnknown = UpnUnknownReason.NotSchoolAge;
        change(f);
    });

    private static string WithChar(string s, int index, char c) => string.Concat(s.AsSpan(0, index), c.ToString(), s.AsSpan(index + 1));

    private sealed record Case(F Pass, F Fail);

    /// <summary>For every rule: a record that passes it (a near miss where there is one) and one that fails it.</summary>
    private static readonly Dictionary<string, Case> Cases = new()
    {
        // ChildIdentifiers and ChildCharacteristics.
        ["8500"] = new(Cin(f => f.Child.LaChildId = "A1"), Cin(f => f.Child.LaChildId = " ")),
        ["1570"] = new(Cin(f => f.Child.LaChildId = new string('A', 20)), Cin(f => f.Child.LaChildId = new string('A', 21))),
        ["1580"] = new(Cin(f => f.Child.LaChildId = "ABC123"), Cin(f => f.Child.LaChildId = "ABC-123")),
        ["1510"] = new(Cin(f => f.Child.Upn = ValidUpn.ToLowerInvariant()), Cin(f => f.Child.Upn = WithChar(ValidUpn, 0, ValidUpn[0] == 'A' ? 'B' : 'A'))),
        ["1530"] = new(Cin(_ => { }), Cin(f => f.Child.Upn = WithChar(ValidUpn, 2, 'X'))),
        ["1540"] = new(Cin(_ => { }), Cin(f => f.Child.Upn = WithChar(ValidUpn, 6, 'X'))),
        ["1550"] = new(Cin(f => f.Child.Upn = Identifiers.Upn.CreateTemporary(812, 2001, 15, 1, 'A').Value), Cin(f => f.Child.Upn = WithChar(ValidUpn, 12, 'I'))),
        ["1560Q"] = new(Cin(f => f.Child.FormerUpn = ValidUpn), Cin(f => f.Child.FormerUpn = "12345")),
        ["8770Q"] = new(
            Cin(f => { f.Child.Upn = null; f.Child.UpnUnknown = UpnUnknownReason.NeverAttended; }),
            Cin(f => { f.Child.Upn = null; f.Child.UpnUnknown = UpnUnknownReason.NotSchoolAge; })),
        ["8772"] = new(
            Nfa(f => { f.Child.Upn = null; f.Child.UpnUnknown = UpnUnknownReason.ReferralNfa; }),
            Cin(f => { f.Child.Upn = null; f.Child.UpnUnknown = UpnUnknownReason.ReferralNfa; })),
        ["4180"] = new(Cin(f => f.Child.Sex = Sex.Female), Cin(f => f.Child.Sex = default)),
        ["8750"] = new(Unborn(_ => { }), Unborn(f => f.Child.Sex = Sex.Female)),
        ["4220"] = new(Cin(f => f.Child.Ethnicity = new Ethnicity("NOBT")), Cin(f => f.Child.Ethnicity = default)),
        ["8520"] = new(Cin(f => f.Child.DateOfBirth = D("2026-03-31")), Cin(f => f.Child.DateOfBirth = D("2026-04-01"))),
        ["8525Q"] = new(Unborn(_ => { }), Unborn(f => f.Child.ExpectedDateOfBirth = null)),
        ["8530Q"] = new(Unborn(f => f.Child.ExpectedDateOfBirth = D("2026-06-01")), Unborn(f => f.Child.ExpectedDateOfBirth = D("2025-09-15"))),
        ["8535Q"] = new(Cin(f => f.Child.DateOfDeath = D("2015-06-01")), Cin(f => f.Child.DateOfDeath = D("2015-05-31"))),
        ["8545Q"] = new(Cin(f => f.Child.DateOfDeath = D("2025-12-01")), Cin(f => f.Child.DateOfDeath = D("2025-03-01"))),
        ["8775Q"] = new(Cin(f => f.Child.DateOfBirth = D("2001-04-01")), Cin(f => f.Child.DateOfBirth = D("2000-06-01"))),
        ["8540"] = new(Cin(f => f.Child.Disabilities = [Disability.Mobility]), Cin(f => f.Child.Disabilities = [])),
        ["8790"] = new(Cin(f => f.Child.Disabilities = [Disability.Mobility, Disability.Learning]), Cin(f => f.Child.Disabilities = [Disability.None, Disability.Mobility])),
        ["8794"] = new(Cin(f => f.Child.Disabilities = [Disability.Mobility, Disability.Learning]), Cin(f => f.Child.Disabilities = [Disability.Mobility, Disability.Mobility])),

        // CINdetails.
        ["8600"] = new(Nfa(f => f.R.ReferralDate = D("2026-03-31")), Nfa(f => f.R.ReferralDate = D("2026-04-01"))),
        ["8606"] = new(Unborn(_ => { }), Unborn(f => f.Child.ExpectedDateOfBirth = D("2026-05-01"))),
        ["8555Q"] = new(Cin(f => f.Child.DateOfDeath = D("2025-05-01")), Cin(f => f.Child.DateOfDeath = D("2025-04-30"))),
        ["8866"] = new(Cin(_ => { }), Cin(f => f.R.Source = default)),
        ["8610"] = new(Nfa(_ => { }), Cin(f => f.R.PrimaryNeed = null)),
        ["8650"] = new(Cin(f => f.R.PrimaryNeed = new PrimaryNeed("N0")), Cin(f => f.R.PrimaryNeed = default(PrimaryNeed))),
        ["8569Q"] = new(Nfa(f => f.R.ReferralDate = D("2025-03-31")), Nfa(f => f.R.ReferralDate = D("2025-03-28"))),
        ["8620"] = new(Nfa(f => f.Close("2026-03-31", "RC7")), Nfa(f => f.Close("2026-04-01", "RC7"))),
        ["8630"] = new(Nfa(f => f.Close("2025-05-01", "RC7")), Nfa(f => f.Close("2025-04-30", "RC7"))),
        ["8640"] = new(Cin(f => { f.CinPlans.Clear(); f.Close("2025-06-20", "RC9"); }), Cin(f => { f.CinPlans.Clear(); f.R.ClosureDate = D("2025-06-20"); f.R.ClosureReason = default(ClosureReason); })),
        ["8805"] = new(Nfa(f => f.Close("2025-05-02", "RC7")), Nfa(f => f.R.ClosureDate = D("2025-05-02"))),
        ["8810"] = new(Nfa(_ => { }), Nfa(f => f.R.ClosureReason = ClosureReason.ServicesCeased)),
        ["8585Q"] = new(Nfa(f => { f.Close("2025-05-02", "RC2"); f.Child.DateOfDeath = D("2025-05-02"); }), Nfa(f => f.Close("2025-05-02", "RC2"))),
        ["8815"] = new(
            Cin(f => f.Referrals.Add(Nfaed(F.Referral(11, "2025-09-01")))),
            Cin(f => f.Referrals.Add(F.Referral(11, "2025-09-01")))),
        ["8816"] = new(
            Cin(f => f.Referrals.Insert(0, Closed(F.Referral(11, "2025-04-02"), "2025-04-20"))),
            Cin(f => f.Referrals.Add(Closed(F.Referral(11, "2025-09-01"), "2025-09-20")))),
        ["8820"] = new(
            Nfa(f => { f.Close("2025-07-01", "RC7"); f.Referrals.Add(F.Referral(11, "2025-07-01")); }),
            Nfa(f => { f.Close("2025-07-01", "RC7"); f.Referrals.Add(F.Referral(11, "2025-06-15")); })),
        ["8825Q"] = new(Cin(f => { f.CinPlans.Clear(); f.Close("2025-06-20", "RC8"); }), Nfa(f => { f.R.NoFurtherAction = false; f.R.PrimaryNeed = PrimaryNeed.AbuseOrNeglect; f.Close("2025-06-20", "RC8"); })),
        ["2990"] = new(Cin(f => { f.CinPlans.Clear(); f.Close("2025-06-20", "RC8"); }), Cin(f => f.Close("2025-06-20", "RC8"))),
        ["2991Q"] = new(Cp(_ => { }), Cp(f => f.Assessments.Clear())),
        ["8867"] = new(Cin(f => { f.CinPlans.Clear(); f.Close("2025-06-20", "RC8"); }), Cin(f => { f.CinPlans.Clear(); f.A.AuthorisationDate = null; f.A.Factors = []; f.Close("2025-06-20", "RC7"); })),
        ["8868"] = new(
            Cin(f => { f.CinPlans.Clear(); f.S47s.Add(F.OpenS47(40, "2025-06-02")); f.S.IcpcNotRequired = true; f.Close("2025-07-01", "RC7"); }),
            Cin(f => { f.CinPlans.Clear(); f.S47s.Add(F.OpenS47(40, "2025-06-02")); f.Close("2025-07-01", "RC7"); })),
        ["8831"] = new(Nfa(_ => { }), Nfa(f => f.Assessments.Add(F.Open(21, "2025-05-02")))),
        ["8832"] = new(Nfa(_ => { }), Nfa(f => f.Plans.Add(F.Plan(60, "2025-05-10", null)))),
        ["4000"] = new(Nfa(_ => { }), Nfa(f => f.CinPlans.Add(F.CinPlan(30, "2025-05-10", null)))),
        ["8565"] = new(Cin(f => { f.CinPlans.Clear(); f.Close("2025-06-20", "RC8"); }), Cin(f => { f.CinPlans.Clear(); f.Close("2025-06-19", "RC8"); })),

        // Assessments.
        ["1103"] = new(Cin(f => f.A.StartDate = D("2025-05-01")), Cin(f => f.A.StartDate = D("2025-04-30"))),
        ["8608"] = new(Cin(f => f.A.AuthorisationDate = D("2025-05-02")), Cin(f => f.A.AuthorisationDate = D("2025-05-01"))),
        ["8897Q"] = new(Cin(_ => { }), Cin(f => f.A.Factors = [])),
        ["8898"] = new(Cin(f => f.A.Factors = [AssessmentFactor.Neglect, AssessmentFactor.DomesticAbuseParent]), Cin(f => f.A.Factors = [AssessmentFactor.Neglect, AssessmentFactor.Neglect])),
        ["8869"] = new(Cin(f => f.A.Factors = [AssessmentFactor.NoFactors]), Cin(f => f.A.Factors = [AssessmentFactor.NoFactors, AssessmentFactor.Neglect])),
        ["8945Q"] = new(Cin(f => f.A.Factors = [new AssessmentFactor("18B")]), Cin(f => f.A.Factors = [new AssessmentFactor("18A")])),
        ["8950Q"] = new(Cin(f => f.A.Factors = [new AssessmentFactor("19C")]), Cin(f => f.A.Factors = [new AssessmentFactor("19A")])),
        ["8873Q"] = new(
            Cin(f => { f.CinPlans.Clear(); f.A.Factors = [AssessmentFactor.NoFactors]; f.Close("2025-06-20", "RC8"); }),
            Cin(f => { f.CinPlans.Clear(); f.A.Factors = [AssessmentFactor.NoFactors]; })),
        ["8670Q"] = new(
            Cin(f => { f.Assessments[0] = F.Open(20, "2025-08-12"); f.CinPlans.Clear(); }),
            Cin(f => { f.Assessments[0] = F.Open(20, "2025-05-02"); f.CinPlans.Clear(); })),
        ["8696"] = new(Cin(f => f.A.AuthorisationDate = D("2026-03-31")), Cin(f => f.A.AuthorisationDate = D("2026-04-01"))),
        ["8736"] = new(
            Cin(f => { f.Assessments[0] = F.Open(20, "2025-04-01"); f.R.ReferralDate = D("2025-03-01"); f.CinPlans.Clear(); }),
            Cin(f => { f.Assessments[0] = F.Open(20, "2025-03-31"); f.R.ReferralDate = D("2025-03-01"); f.CinPlans.Clear(); })),
        ["8863Q"] = new(Cin(f => f.Assessments.Add(F.Open(21, "2025-06-20"))), Cin(f => f.Assessments.Add(F.Open(21, "2025-06-19")))),
        ["8896"] = new(Cin(f => f.Assessments.Add(F.Open(21, "2025-07-01"))), Cin(f => { f.Assessments.Add(F.Open(21, "2025-07-01")); f.Assessments.Add(F.Open(22, "2025-07-02")); })),

        // Section47.
        ["2889"] = new(Cp(f => f.S.StartDate = D("2025-05-01")), Cp(f => f.S.StartDate = D("2025-04-30"))),
        ["1104"] = new(Cp(_ => { }), Cp(f => { f.S.StartDate = D("2025-04-28"); f.Icpc.Date = D("2025-04-30"); })),
        ["8615"] = new(Cp(f => f.S.StartDate = D("2025-06-20")), Cp(f => f.S.StartDate = D("2025-06-23"))),
        ["8675Q"] = new(
            Cin(f => { f.CinPlans.Clear(); f.S47s.Add(F.OpenS47(40, "2025-09-24")); }),
            Cin(f => { f.CinPlans.Clear(); f.S47s.Add(F.OpenS47(40, "2025-06-02")); })),
        ["8715"] = new(Cp(_ => { }), Cp(f => f.Icpc.Date = D("2026-04-01"))),
        ["8740"] = new(
            Cin(f => { f.CinPlans.Clear(); f.S47s.Add(F.OpenS47(40, "2025-04-01")); f.R.ReferralDate = D("2025-03-01"); f.A.StartDate = D("2025-03-02"); }),
            Cin(f => { f.CinPlans.Clear(); f.S47s.Add(F.OpenS47(40, "2025-03-31")); f.R.ReferralDate = D("2025-03-01"); f.A.StartDate = D("2025-03-02"); })),
        ["8839"] = new(Cp(f => f.S47s.Add(F.OpenS47(41, "2025-07-01"))), Cp(f => { f.S47s.Add(F.OpenS47(41, "2025-07-01")); f.S47s.Add(F.OpenS47(42, "2025-07-02")); })),
        ["8875"] = new(Cp(_ => { }), Cp(f => f.Icpc.Date = D("2025-06-21"))),
        ["8890"] = new(Cp(f => f.S47s.Add(F.OpenS47(41, "2025-06-20"))), Cp(f => f.S47s.Add(F.OpenS47(41, "2025-06-10")))),
        ["2884"] = new(
            Cp(_ => { }),
            Cp(f => f.Conferences.Add(new ChildProtectionConference { Id = 52, ChildId = 1, ReferralId = 10, Type = ConferenceType.Initial, Date = D("2025-06-20") }))),

        // ChildProtectionPlans and Reviews.
        ["1105"] = new(Cp(_ => { }), Cp(f => f.P.StartDate = D("2025-04-30"))),
        ["8720"] = new(Cp(_ => { }), Cp(f => f.P.StartDate = D("2026-04-01"))),
        ["2883"] = new(Cp(_ => { }), Cp(f => f.Plans.Add(F.Plan(61, "2025-05-10", "2025-06-10")))),
        ["2885"] = new(Cp(_ => { }), Cp(f => f.P.StartDate = D("2025-06-23"))),
        ["8840"] = new(Cp(f => f.P.EndDate = D("2025-06-21")), Cp(f => f.P.EndDate = D("2025-06-20"))),
        ["8925"] = new(Cp(f => f.P.EndDate = D("2025-09-10")), Cp(f => f.P.EndDate = D("2025-06-19"))),
        ["8930"] = new(Cp(f => f.P.EndDate = D("2026-03-31")), Cp(f => f.P.EndDate = D("2026-04-01"))),
        ["8915"] = new(Cp(f => f.Child.DateOfDeath = D("2025-06-20")), Cp(f => f.Child.DateOfDeath = D("2025-06-19"))),
        ["8920"] = new(
            Cp(f => { f.P.EndDate = D("2025-09-10"); f.Child.DateOfDeath = D("2025-09-10"); }),
            Cp(f => { f.P.EndDate = D("2025-09-10"); f.Child.DateOfDeath = D("2025-09-09"); })),
        ["8905"] = new(Cp(f => f.P.InitialCategory = AbuseCategory.Multiple), Cp(f => f.P.InitialCategory = default)),
        ["8910"] = new(Cp(f => f.P.LatestCategory = AbuseCategory.Emotional), Cp(f => f.P.LatestCategory = default)),
        ["8935"] = new(Cp(f => f.Plans.Add(F.Plan(61, "2025-05-10", "2025-06-10"))), Cp(f => f.Plans.Add(F.Plan(61, "2025-05-10", null)))),
        ["8940"] = new(
            Cp(f => { f.P.EndDate = D("2025-09-10"); f.Plans.Add(F.Plan(61, "2025-09-10", null)); }),
            Cp(f => { f.P.EndDate = D("2025-09-10"); f.Plans.Add(F.Plan(61, "2025-09-09", null)); })),
        ["8841"] = new(Cp(f => f.Review.Date = D("2025-06-23")), Cp(f => f.Review.Date = D("2025-06-20"))),
        ["8842Q"] = new(Cp(_ => { }), Cp(f => f.Review.Date = default)),
        ["4001"] = new(
            Cp(f => { f.P.EndDate = D("2025-09-10"); f.CinPlans.Add(F.CinPlan(30, "2025-09-10", null)); }),
            Cp(f => f.CinPlans.Add(F.CinPlan(30, "2025-09-10", null)))),
        ["4003"] = new(
            Cp(f => { f.P.EndDate = D("2025-09-10"); f.CinPlans.Add(F.CinPlan(30, "2025-09-10", null)); }),
            Cp(f => { f.P.EndDate = D("2025-09-10"); f.Review.Date = D("2025-09-12"); f.CinPlans.Add(F.CinPlan(30, "2025-09-10", null)); })),
        ["4016"] = new(
            Cp(f => { f.P.EndDate = D("2025-09-10"); f.CinPlans.Add(F.CinPlan(30, "2025-09-10", null)); }),
            Cp(f => f.CinPlans.Add(F.CinPlan(30, "2025-08-01", "2025-08-20")))),
        ["4017"] = new(
            Cin(f => { f.N.EndDate = D("2025-08-01"); f.Plans.Add(F.Plan(60, "2025-08-01", null)); }),
            Cin(f => f.Plans.Add(F.Plan(60, "2025-08-01", null)))),

        // CINplanDates.
        ["4010"] = new(Cin(f => f.N.StartDate = D("2026-03-31")), Cin(f => f.N.StartDate = D("2026-04-01"))),
        ["4015"] = new(Cin(f => f.N.StartDate = D("2025-05-01")), Cin(f => f.N.StartDate = D("2025-04-30"))),
        ["4011"] = new(Cin(f => f.N.EndDate = D("2025-06-21")), Cin(f => f.N.EndDate = D("2025-06-19"))),
        ["4012Q"] = new(Cin(f => f.N.EndDate = D("2025-06-21")), Cin(f => f.N.EndDate = D("2025-06-20"))),
        ["4013"] = new(Cin(f => f.N.EndDate = D("2026-03-31")), Cin(f => f.N.EndDate = D("2026-04-01"))),
        ["4004"] = new(
            Cin(f => { f.N.EndDate = D("2025-08-01"); f.CinPlans.Add(F.CinPlan(31, "2025-08-01", null)); }),
            Cin(f => f.CinPlans.Add(F.CinPlan(31, "2025-08-01", null)))),
        ["4014"] = new(
            Cin(f => { f.N.EndDate = D("2025-08-01"); f.CinPlans.Add(F.CinPlan(31, "2025-08-01", null)); }),
            Cin(f => { f.N.EndDate = D("2025-08-01"); f.CinPlans.Add(F.CinPlan(31, "2025-07-01", "2025-07-20")); })),
        ["4008"] = new(Cin(f => f.Child.DateOfDeath = D("2025-06-20")), Cin(f => f.Child.DateOfDeath = D("2025-06-19"))),
        ["4009Q"] = new(
            Cin(f => { f.N.EndDate = D("2025-08-01"); f.Child.DateOfDeath = D("2025-08-01"); }),
            Cin(f => { f.N.EndDate = D("2025-08-02"); f.Child.DateOfDeath = D("2025-08-01"); })),
    };

    private static Referral Nfaed(Referral r)
    {
        r.NoFurtherAction = true;
        r.PrimaryNeed = null;
        return r;
    }

    private static Referral Closed(Referral r, string date)
    {
        r.ClosureDate = D(date);
        r.ClosureReason = ClosureReason.ServicesCeased;
        r.NoFurtherAction = true;
        r.PrimaryNeed = null;
        return r;
    }

    public static TheoryData<string> RuleCodes => [.. CinRules.All.Select(r => r.Code)];

    private static IReadOnlyList<ReturnIssue> Check(F f) => CinEntryCheck.Check(f.File(), AsAt);

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void Rule_passes_its_passing_case(string code)
    {
        var issues = Check(Cases[code].Pass);
        Assert.DoesNotContain(issues, i => i.Rule == code);
    }

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void Rule_reports_its_failing_case_with_the_rules_severity_message_and_field(string code)
    {
        var rule = CinRules.All.Single(r => r.Code == code);
        var issue = Assert.Single(Check(Cases[code].Fail), i => i.Rule == code);
        Assert.Equal(rule.Severity, issue.Severity);
        Assert.Equal(rule.Message, issue.Message);
        Assert.Equal(rule.Field, issue.Field);
    }

    [Fact]
    public void Every_rule_has_cases_and_every_case_a_rule()
    {
        Assert.Equal(CinRules.All.Select(r => r.Code).Order(StringComparer.Ordinal), Cases.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(CinRules.All.Count, CinRules.All.Select(r => r.Code).Distinct().Count());
        Assert.True(CinRules.All.Count >= 40, $"Only {CinRules.All.Count} rules.");
    }

    [Fact]
    public void The_clean_records_fail_no_rule()
    {
        Assert.Empty(Check(F.Cin()));
        Assert.Empty(Check(F.Cp()));
        Assert.Empty(Check(F.Nfa()));
    }

    [Fact]
    public void Every_rule_is_in_the_DfE_rules_with_the_same_severity_message_and_an_affected_field()
    {
        var csv = DfeRules();
        foreach (var rule in CinRules.All)
        {
            Assert.True(csv.TryGetValue(rule.Code, out var row), $"Rule {rule.Code} is not in the DfE CSV.");
            Assert.Equal(row.Type == "QUERY" ? ReturnIssueSeverity.Query : ReturnIssueSeverity.Error, rule.Severity);
            Assert.Equal(row.Message.Trim(), rule.Message);
            Assert.Contains(rule.Field, row.Fields);
        }
    }

    [Fact]
    public void Check_reports_each_rule_once_however_many_records_fail_it()
    {
        var f = Cp(f =>
        {
            f.P.EndDate = D("2025-06-19");
            f.Plans.Add(F.Plan(61, "2025-09-10", "2025-09-01"));
        });

        var issues = Check(f);

        Assert.Single(issues, i => i.Rule == "8925");
        Assert.Equal(issues.Count, issues.Distinct().Count());
    }

    [Fact]
    public void A_child_with_no_referral_open_in_the_year_is_not_in_the_return()
    {
        var f = Nfa(f =>
        {
            f.Close("2025-03-31", "RC7");
            f.Child.LaChildId = "";
            f.Child.Sex = default;
        });

        Assert.Empty(Check(f));
        Assert.Contains(CinEntryCheck.Check(f.File(), D("2025-03-31")), i => i.Rule == "8500");
    }

    [Fact]
    public void The_collection_year_is_the_one_containing_the_as_at_date()
    {
        // Plan ends 1 April 2026: outside 2025-26, inside 2026-27.
        var f = Cp(f => f.P.EndDate = D("2026-04-01"));

        Assert.Contains(CinEntryCheck.Check(f.File(), D("2026-03-31")), i => i.Rule == "8930");
        Assert.DoesNotContain(CinEntryCheck.Check(f.File(), D("2026-04-01")), i => i.Rule == "8930");
    }

    [Fact]
    public void Timescale_queries_are_judged_at_the_as_at_date_not_the_end_of_the_year()
    {
        // 45 working days from 12 August 2025 (bank holiday 25 August) is 15 October 2025; 15 from 24 September too.
        var assessedOnTime = Cin(f => { f.Assessments[0] = F.Open(20, "2025-08-12"); f.CinPlans.Clear(); });
        var assessedLate = Cin(f => { f.Assessments[0] = F.Open(20, "2025-08-11"); f.CinPlans.Clear(); });
        var enquiryOnTime = Cin(f => { f.CinPlans.Clear(); f.S47s.Add(F.OpenS47(40, "2025-09-24")); });
        var enquiryLate = Cin(f => { f.CinPlans.Clear(); f.S47s.Add(F.OpenS47(40, "2025-09-23")); });

        Assert.DoesNotContain(Check(assessedOnTime), i => i.Rule == "8670Q");
        Assert.Contains(Check(assessedLate), i => i.Rule == "8670Q");
        Assert.Contains(CinEntryCheck.Check(assessedOnTime.File(), D("2026-03-31")), i => i.Rule == "8670Q");
        Assert.DoesNotContain(Check(enquiryOnTime), i => i.Rule == "8675Q");
        Assert.Contains(Check(enquiryLate), i => i.Rule == "8675Q");
        Assert.Contains(CinEntryCheck.Check(enquiryOnTime.File(), D("2026-03-31")), i => i.Rule == "8675Q");

        // An expected birth more than 30 days ago is queried now; one due in January is not queried until March.
        var dueInJanuary = Unborn(f => f.Child.ExpectedDateOfBirth = D("2026-01-10"));
        Assert.DoesNotContain(Check(dueInJanuary), i => i.Rule == "8530Q");
        Assert.Contains(CinEntryCheck.Check(dueInJanuary.File(), D("2026-03-31")), i => i.Rule == "8530Q");
        Assert.DoesNotContain(Check(Unborn(f => f.Child.ExpectedDateOfBirth = D("2025-09-16"))), i => i.Rule == "8530Q");
    }

    [Fact]
    public void NewIssues_reports_only_what_the_change_causes()
    {
        // Before: an assessment open since May (8670Q). After: the plan also gets an end before its start.
        var before = Cp(f => f.Assessments.Add(F.Open(21, "2025-05-02")));
        var after = Cp(f =>
        {
            f.Assessments.Add(F.Open(21, "2025-05-02"));
            f.P.EndDate = D("2025-06-19");
        });

        Assert.Contains(Check(before), i => i.Rule == "8670Q");

        var fresh = CinEntryCheck.NewIssues(before.File(), after.File(), AsAt);

        Assert.Contains(fresh, i => i.Rule == "8925");
        Assert.DoesNotContain(fresh, i => i.Rule == "8670Q");
        Assert.Contains(Check(after), i => i.Rule == "8670Q");
    }

    [Fact]
    public void NewIssues_is_empty_when_the_change_causes_nothing_new()
    {
        var before = Cp(f => f.P.EndDate = D("2025-06-19"));
        var after = Cp(f =>
        {
            f.P.EndDate = D("2025-06-19");
            f.P.LatestCategory = AbuseCategory.Emotional;
        });

        Assert.Empty(CinEntryCheck.NewIssues(before.File(), after.File(), AsAt));
        Assert.NotEmpty(Check(after));
    }

    [Fact]
    public void NewIssues_reports_a_rule_already_failed_when_a_different_record_now_fails_it()
    {
        var before = Cp(f => f.P.EndDate = D("2025-06-19"));
        var after = Cp(f =>
        {
            f.P.EndDate = D("2025-06-19");
            f.Plans.Add(F.Plan(61, "2025-09-10", "2025-09-01"));
        });

        var fresh = CinEntryCheck.NewIssues(before.File(), after.File(), AsAt);

        Assert.Single(fresh, i => i.Rule == "8925");
    }

    [Fact]
    public void NewIssues_is_empty_when_the_change_fixes_an_issue()
    {
        var before = Cp(f => f.P.EndDate = D("2025-06-19"));
        var after = Cp(f => f.P.EndDate = D("2025-09-10"));

        Assert.Empty(CinEntryCheck.NewIssues(before.File(), after.File(), AsAt));
    }

    [Fact]
    public void NewIssues_reports_everything_for_a_child_entering_the_return()
    {
        var before = Nfa(f => f.Close("2025-03-31", "RC7"));
        var after = Nfa(f =>
        {
            f.Close("2025-03-31", "RC7");
            f.Referrals.Add(F.Referral(11, "2025-08-01"));
            f.Child.Ethnicity = default;
        });

        var fresh = CinEntryCheck.NewIssues(before.File(), after.File(), AsAt);

        Assert.Contains(fresh, i => i.Rule == "4220");
        Assert.Equal(Check(after), fresh);
    }

    [Fact]
    public void Odd_data_never_throws_and_unreadable_rules_do_not_report()
    {
        var child = new Child { LaChildId = null!, Disabilities = null!, Sex = default, Ethnicity = default, Upn = "?", FormerUpn = " " };
        var file = new ChildFile(child)
        {
            Referrals = [new Referral(), new Referral { Id = 2, ReferralDate = DateOnly.MaxValue, ClosureReason = default(ClosureReason), PrimaryNeed = default(PrimaryNeed) }],
            Assessments = [new Assessment { Factors = null! }, new Assessment { Id = 2, ReferralId = 2, StartDate = DateOnly.MinValue, Factors = [default] }],
            Section47s = [new Section47Enquiry(), new Section47Enquiry { Id = 2, ReferralId = 2, StartDate = new DateOnly(1900, 1, 1) }],
            Conferences = [new ChildProtectionConference(), new ChildProtectionConference { Type = ConferenceType.Review, PlanId = 0 }],
            ProtectionPlans = [new ChildProtectionPlan(), new ChildProtectionPlan { Id = 2, ReferralId = 2, StartDate = DateOnly.MaxValue, EndDate = DateOnly.MinValue }],
            ChildInNeedPlans = [new ChildInNeedPlan(), new ChildInNeedPlan { Id = 2, ReferralId = 2, StartDate = DateOnly.MaxValue }],
        };

        foreach (var asAt in new[] { AsAt, DateOnly.MinValue.AddYears(1), DateOnly.MaxValue.AddYears(-1) })
        {
            var issues = CinEntryCheck.Check(file, asAt);
            Assert.Equal(issues.Count, issues.Distinct().Count());
            _ = CinEntryCheck.NewIssues(file, file, asAt);
        }

        // A missing referral date is reported, not thrown.
        Assert.Contains(CinEntryCheck.Check(file, AsAt), i => i.Rule == "8600");
    }

    private sealed record DfeRule(string Type, string Message, string[] Fields);

    private static Dictionary<string, DfeRule> DfeRules([CallerFilePath] string here = "")
    {
        // The DfE's 2025-26 CIN validation rules (code,type,table,message,affected_fields), kept beside this test.
        var path = Path.Combine(Path.GetDirectoryName(here)!, "cin-validation-rules-2025-26.csv");
        var rules = new Dictionary<string, DfeRule>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
        {
            var cells = SplitCsv(line);
            rules[cells[0]] = new DfeRule(cells[1], cells[3], cells[4].Split(';'));
        }

        Assert.True(rules.Count > 100, "The DfE rules file did not load.");
        return rules;
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
