using Lantern.Domain.Calendar;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Synthetic;

internal sealed class ChildState(Child child, int wardIndex)
{
    public Child Child { get; } = child;

    public int WardIndex { get; } = wardIndex;

    // Many children are only ever the subject of a contact, so these are made when first needed.
    private List<ReferralState>? referrals;
    private List<CarePeriod>? carePeriods;

    public IReadOnlyList<ReferralState> Referrals => (IReadOnlyList<ReferralState>?)referrals ?? [];

    public IReadOnlyList<CarePeriod> CarePeriods => (IReadOnlyList<CarePeriod>?)carePeriods ?? [];

    public void Add(ReferralState r) => (referrals ??= []).Add(r);

    public void Add(CarePeriod c) => (carePeriods ??= []).Add(c);

    public ChildProtectionPlan? ActiveCp { get; set; }

    public ChildInNeedPlan? ActiveCin { get; set; }

    public CarePeriod? ActiveCare { get; set; }

    public int PlansSoFar { get; set; }

    public bool HasFamily { get; set; }

    public bool InClosedPool { get; set; }

    public ReferralState? Current => referrals is { Count: > 0 } list ? list[^1] : null;

    public bool IsOpenOn(DateOnly d) => Current is { } r && r.Referral.ReferralDate <= d && r.End >= d;
}

internal sealed class ReferralState(Referral referral)
{
    public Referral Referral { get; } = referral;

    public Assessment? Assessment { get; set; }

    // Most referrals end at assessment, so these lists are made only when first needed.
    private List<ChildInNeedPlan>? cinPlans;
    private List<ChildProtectionPlan>? cpPlans;
    private List<CarePeriod>? care;
    private List<Section47Enquiry>? section47s;

    public IReadOnlyList<ChildInNeedPlan> CinPlans => (IReadOnlyList<ChildInNeedPlan>?)cinPlans ?? [];

    public IReadOnlyList<ChildProtectionPlan> CpPlans => (IReadOnlyList<ChildProtectionPlan>?)cpPlans ?? [];

    public IReadOnlyList<CarePeriod> Care => (IReadOnlyList<CarePeriod>?)care ?? [];

    public IReadOnlyList<Section47Enquiry> Section47s => (IReadOnlyList<Section47Enquiry>?)section47s ?? [];

    public void Add(ChildInNeedPlan p) => (cinPlans ??= []).Add(p);

    public void Add(ChildProtectionPlan p) => (cpPlans ??= []).Add(p);

    public void Add(CarePeriod c) => (care ??= []).Add(c);

    public void Add(Section47Enquiry e) => (section47s ??= []).Add(e);

    public void Remove(ChildInNeedPlan p) => cinPlans?.Remove(p);

    public ClosureReason Reason { get; set; } = ClosureReason.ServicesCeased;

    /// <summary>The planned closure: the end of the last piece of work on this referral.</summary>
    public DateOnly End
    {
        get
        {
            var end = Referral.ReferralDate;
            if (Assessment is { } a)
            {
                end = Generator.Max(end, a.AuthorisationDate ?? a.StartDate);
            }

            foreach (var s in Section47s)
            {
                end = Generator.Max(end, s.EndDate ?? s.StartDate);
            }

            foreach (var p in CinPlans)
            {
                end = Generator.Max(end, p.EndDate ?? DateOnly.MaxValue);
            }

            foreach (var p in CpPlans)
            {
                end = Generator.Max(end, p.EndDate ?? DateOnly.MaxValue);
            }

            foreach (var c in Care)
            {
                end = Generator.Max(end, c.End);
            }

            return end;
        }
    }

}

internal enum CarePlanKind
{
    ReturnHome,
    Adoption,
    SpecialGuardianship,
    LongTerm,
}

/// <summary>A period of care, kept as change points until the end, then written as 903 episodes.</summary>
internal sealed class CarePeriod
{
    public required ChildState Child { get; init; }

    public required DateOnly Start { get; init; }

    public required CarePlanKind Plan { get; set; }

    public DateOnly End { get; set; }

    public ReasonEpisodeCeased EndReason { get; set; }

    public List<(DateOnly Date, LegalStatus Status)> Legal { get; } = [];

    public List<(DateOnly Date, PlacementType Place, PlacementProvider? Provider, PlacementChangeReason Reason, string? Postcode, string? Urn)> Placements { get; } = [];

    public AdoptionRecord? Adoption { get; set; }

    public CareProceedings? Proceedings { get; set; }

    public PrimaryNeed Need { get; set; } = PrimaryNeed.AbuseOrNeglect;

    /// <summary>Whether the child leaves this period as a care leaver entitled to leaving-care
    /// support (a relevant or former relevant child): looked after for at least 13 weeks since
    /// their 14th birthday, still so at 16 or over, and leaving to independence, their own home,
    /// residential care or by turning 18 (E17, E5, E6, E8), on or before <paramref name="to"/>.
    /// The workforce (personal advisers) and the care-leaver returns both use this one rule.</summary>
    public bool LeavesAsCareLeaver(DateOnly to)
    {
        var dob = Child.Child.DateOfBirth!.Value;
        var fourteenth = dob.AddYears(14);
        var since14 = Start > fourteenth ? Start : fourteenth;
        return End <= to
            && End >= dob.AddYears(16)
            && (End.DayNumber - since14.DayNumber) / 7 >= 13
            && EndReason.Code is "E17" or "E5" or "E6" or "E8";
    }
}

internal sealed partial class Generator
{
    // ---------------------------------------------------------------- the month loop

    private void SimulateMonth(DateOnly month)
    {
        var t = TargetsOn(month);
        var season = Seasonality(month.Month) / SeasonSum();
        var monthEnd = month.AddMonths(1).AddDays(-1);

        var referrals = Poisson(t.Referrals * scale * season);
        var s47s = Poisson(t.Section47s * scale * season);
        var icpcShare = Math.Min(1.0, t.InitialConferences / t.Section47s);
        icpcQuota += t.InitialConferences * scale * season;
        const double nfaShare = 0.07;
        var directS47Share = Math.Min(0.85, 0.8 * s47s / Math.Max(1.0, referrals * (1 - nfaShare)));

        var days = new List<DateOnly>(referrals);
        for (var i = 0; i < referrals; i++)
        {
            days.Add(RandomDayIn(month));
        }

        days.Sort();
        var directS47 = 0;
        foreach (var day in days)
        {
            var s = ChooseReferralChild(day, t.RereferralRate);
            var r = StartReferral(s, day, null, nfaShare, forCare: false);
            if (r.Assessment is not null && Chance(directS47Share))
            {
                directS47++;
                StartSection47(s, r, WorkingDays.AddWorkingDays(day, Between(0, 3)), TakeConference(icpcShare), t);
            }
        }

        // Escalations of open child in need cases to section 47.
        for (var i = directS47; i < s47s; i++)
        {
            var day = RandomDayIn(month);
            var s = FindOpenChildInNeed(day);
            if (s is null)
            {
                s = ChooseReferralChild(day, 0);
                var r = StartReferral(s, day, null, 0, forCare: false);
                StartSection47(s, r, day, TakeConference(icpcShare), t);
            }
            else
            {
                StartSection47(s, s.Current!, day, TakeConference(icpcShare), t);
            }
        }

        // Contacts that do not become referrals, and early help.
        var otherContacts = Poisson(referrals * 1.6);
        for (var i = 0; i < otherContacts; i++)
        {
            var day = RandomDayIn(month);
            var s = Chance(0.25) && recentlyClosed.Count > 0 ? Pick(recentlyClosed) : NewChild(day);
            if (s.IsOpenOn(day))
            {
                continue;
            }

            var outcome = rng.NextDouble() switch
            {
                < 0.40 => ContactOutcome.NoFurtherAction,
                < 0.72 => ContactOutcome.AdviceAndSignposting,
                _ => ContactOutcome.EarlyHelp,
            };
            AddContact(s, day, SampleSource(), outcome);
            if (outcome == ContactOutcome.EarlyHelp)
            {
                StartEarlyHelp(s, day.AddDays(Between(1, 14)), stepDown: false);
            }
        }

        ControlCare(month, monthEnd);
        if (month.Month % 3 == 0)
        {
            // Quarterly: the pools are checked again when used, so pruning is only housekeeping.
            PrunePools(month);
        }
    }

    /// <summary>Median length of a protection plan by the year it starts: plans grew in number
    /// faster than they lasted in the crisis year.</summary>
    private static double PlanMedianDays(int year) => year switch
    {
        <= 2019 => 340,
        2020 => 185,
        _ => 250,
    };

    // Conferences follow their target closely (a quota carried month to month), as they are few.
    private double icpcQuota;

    private bool TakeConference(double share)
    {
        if (icpcQuota >= 1 && Chance(Math.Min(1, share * 1.6)))
        {
            icpcQuota--;
            return true;
        }

        return false;
    }

    private ChildState ChooseReferralChild(DateOnly day, double rereferralRate)
    {
        if (recentlyClosed.Count > 0 && Chance(rereferralRate))
        {
            for (var tries = 0; tries < 30; tries++)
            {
                var s = Pick(recentlyClosed);
                var last = s.Current!;
                if (last.End < day && last.Referral.ReferralDate >= day.AddDays(-365) && s.ActiveCare is null)
                {
                    return s;
                }
            }
        }

        return NewChild(day, unborn: Chance(0.03));
    }

    private ChildState? FindOpenChildInNeed(DateOnly day)
    {
        for (var tries = 0; tries < 40 && states.Count > 0; tries++)
        {
            var s = states[states.Count - 1 - rng.Next(Math.Min(states.Count, 4000))];
            if (s.ActiveCin is { } p && p.StartDate <= day && (p.EndDate ?? DateOnly.MaxValue) > day && s.ActiveCare is null)
            {
                return s;
            }
        }

        return null;
    }

    private void AddToClosedPool(ChildState s)
    {
        if (!s.InClosedPool)
        {
            s.InClosedPool = true;
            recentlyClosed.Add(s);
        }
    }

    private void PrunePools(DateOnly month)
    {
        var cutoff = month.AddDays(-365);
        recentlyClosed.RemoveAll(s =>
        {
            var drop = s.Current is not { } r || r.Referral.ReferralDate < cutoff;
            if (drop)
            {
                s.InClosedPool = false;
            }

            return drop;
        });
        inCare.RemoveAll(s => s.ActiveCare is null || s.ActiveCare.End < month);
        onProtectionPlan.RemoveAll(s => s.ActiveCp is not { } p || (p.EndDate ?? DateOnly.MaxValue) < month);
    }

    // ---------------------------------------------------------------- referrals and assessments

    private static readonly (double P, string Code)[] SourceMix =
    [
        (0.30, "6"), (0.12, "2A"), (0.03, "2B"), (0.04, "3A"), (0.04, "3B"), (0.01, "3C"), (0.03, "3D"), (0.03, "3E"), (0.02, "3F"),
        (0.02, "4"), (0.04, "5A"), (0.03, "5B"), (0.02, "5C"), (0.04, "5D"), (0.05, "1A"), (0.01, "1B"), (0.01, "1C"), (0.01, "1D"),
        (0.04, "7"), (0.04, "8"), (0.02, "9"), (0.01, "10"),
    ];

    private static readonly (double P, ReferralSource Code)[] Sources = [.. SourceMix.Select(m => (m.P, new ReferralSource(m.Code)))];

    private ReferralSource SampleSource()
    {
        var x = rng.NextDouble();
        foreach (var (p, code) in Sources)
        {
            x -= p;
            if (x <= 0)
            {
                return code;
            }
        }

        return ReferralSource.Police;
    }

    private static readonly (double P, string Code)[] NeedMix =
    [
        (0.56, "N1"), (0.06, "N2"), (0.08, "N3"), (0.12, "N4"), (0.11, "N5"), (0.02, "N6"), (0.01, "N7"), (0.04, "N8"),
    ];

    private static readonly (double P, PrimaryNeed Code)[] Needs = [.. NeedMix.Select(m => (m.P, new PrimaryNeed(m.Code)))];

    private PrimaryNeed SampleNeed()
    {
        var x = rng.NextDouble();
        foreach (var (p, code) in Needs)
        {
            x -= p;
            if (x <= 0)
            {
                return code;
            }
        }

        return PrimaryNeed.AbuseOrNeglect;
    }

    private static readonly string[] FactorMix =
        ["3B", "3B", "3A", "4B", "4B", "2B", "2B", "1B", "16A", "16A", "17A", "4A", "10A", "11A", "14A", "15A", "24A", "5B", "6B", "7A", "18C", "19C", "20", "13A"];

    private static readonly AssessmentFactor[] Factors = [.. FactorMix.Select(f => new AssessmentFactor(f))];

    private Contact AddContact(ChildState s, DateOnly day, ReferralSource source, ContactOutcome outcome)
    {
        var received = day.ToDateTime(new TimeOnly(Between(8, 17), Between(0, 59)), DateTimeKind.Utc);
        var t = TargetsOn(day);
        var onTime = Chance(0.55 + (0.4 * t.AssessmentsWithin45));
        var decided = onTime
            ? received.AddHours(Between(1, 20))
            : WorkingDays.AddWorkingDays(day, Between(2, 5)).ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);
        var c = new Contact
        {
            Id = IdBase + data.Contacts.Count + 1,
            ChildId = s.Child.Id,
            ReceivedAt = received,
            Source = source,
            DecidedAt = decided,
            Outcome = outcome,
        };
        data.Contacts.Add(c);
        return c;
    }

    private ReferralState StartReferral(ChildState s, DateOnly day, ReferralSource? source, double nfaShare, bool forCare)
    {
        var src = source ?? SampleSource();
        EnsureFamily(s, day);
        var contact = AddContact(s, day, src, ContactOutcome.Referral);
        var referral = new Referral
        {
            Id = IdBase + data.Referrals.Count + 1,
            ChildId = s.Child.Id,
            ReferralDate = day,
            Source = src,
            ContactId = contact.Id,
            PrimaryNeed = s.Child.Disabilities.Count > 0 && s.Child.Disabilities[0] != Disability.None && Chance(0.5) ? PrimaryNeed.ChildsDisability : SampleNeed(),
        };
        data.Referrals.Add(referral);
        var r = new ReferralState(referral);
        s.Add(r);
        if (!forCare && Chance(nfaShare))
        {
            referral.NoFurtherAction = true;
            referral.PrimaryNeed = PrimaryNeed.NotChildInNeed;
            r.Reason = ClosureReason.NfaAfterAssessment;
            AddToClosedPool(s);
            return r;
        }

        var t = TargetsOn(day);
        var start = forCare ? day : WorkingDays.AddWorkingDays(day, Between(0, 3));
        var duration = Chance(t.AssessmentsWithin45) ? Between(8, 45) : Between(46, 95);
        var assessment = new Assessment
        {
            Id = IdBase + data.Assessments.Count + 1,
            ChildId = s.Child.Id,
            ReferralId = referral.Id,
            StartDate = start,
            AuthorisationDate = WorkingDays.AddWorkingDays(start, duration),
            ChildSeen = Chance(0.97),
        };
        assessment.ChildSeenDate = assessment.ChildSeen ? WorkingDays.AddWorkingDays(start, Between(0, Math.Min(10, duration))) : null;
        var factorCount = Between(1, 3);
        for (var i = 0; i < factorCount; i++)
        {
            var f = Pick(Factors);
            if (!assessment.Factors.Contains(f) && (f.Code != "24A" || FinancialYear(day) >= 2022))
            {
                assessment.Factors.Add(f);
            }
        }

        data.Assessments.Add(assessment);
        r.Assessment = assessment;
        if (forCare)
        {
            assessment.Outcome = AssessmentOutcome.LookedAfter;
            return r;
        }

        // Outcome at authorisation; a section 47 started later may overtake it.
        var authorised = assessment.AuthorisationDate!.Value;
        var x = rng.NextDouble();
        if (x < 0.40)
        {
            assessment.Outcome = AssessmentOutcome.NoFurtherAction;
            r.Reason = ClosureReason.NfaAfterAssessment;
            AddToClosedPool(s);
        }
        else if (x < 0.50)
        {
            assessment.Outcome = AssessmentOutcome.EarlyHelp;
            r.Reason = FinancialYear(authorised) >= 2023 ? ClosureReason.EarlyHelpAfterAssessment : ClosureReason.NfaAfterAssessment;
            StartEarlyHelp(s, authorised.AddDays(Between(1, 10)), stepDown: true);
            AddToClosedPool(s);
        }
        else
        {
            assessment.Outcome = AssessmentOutcome.ChildInNeedPlan;
            StartCinPlan(s, r, WorkingDays.AddWorkingDays(authorised, Between(0, 5)), LogNormalDays(230, 0.55, 40));
        }

        if (Defect(s, "assessment-factors-missing", "Authorised assessment recorded without any factors"))
        {
            assessment.Factors.Clear();
        }

        return r;
    }

    private void StartCinPlan(ChildState s, ReferralState r, DateOnly start, int days)
    {
        // A child on a protection plan is not also on a child in need plan (CIN census rules 4014 and 4016): the
        // protection plan's own end starts the child in need plan where one follows.
        if (s.ActiveCp is { } cp && cp.StartDate <= start && (cp.EndDate ?? DateOnly.MaxValue) > start)
        {
            return;
        }

        // One child in need plan at a time (rules 4001, 4004): a new one ends the last.
        if (s.ActiveCin is { } last && (last.EndDate ?? DateOnly.MaxValue) > start)
        {
            last.EndDate = Max(last.StartDate, start);
        }

        var plan = new ChildInNeedPlan
        {
            Id = IdBase + data.ChildInNeedPlans.Count + 1,
            ChildId = s.Child.Id,
            ReferralId = r.Referral.Id,
            StartDate = start,
            EndDate = start.AddDays(days),
        };
        data.ChildInNeedPlans.Add(plan);
        r.Add(plan);
        s.ActiveCin = plan;
        r.Reason = ClosureReason.ServicesCeased;
        AddToClosedPool(s);
    }

    private void StartEarlyHelp(ChildState s, DateOnly start, bool stepDown)
    {
        var assessed = Chance(0.85);
        data.EarlyHelp.Add(new EarlyHelpEpisode
        {
            Id = IdBase + data.EarlyHelp.Count + 1,
            ChildId = s.Child.Id,
            StartDate = start,
            AssessmentStartDate = assessed ? start.AddDays(Between(0, 10)) : null,
            AssessmentCompletedDate = assessed ? start.AddDays(Between(15, 45)) : null,
            Organisation = Chance(0.7) ? "Family hubs (council)" : Pick(EarlyHelpOrganisations),
            EndDate = start.AddDays(LogNormalDays(160, 0.5, 30)),
            EndReason = Chance(0.8) ? EarlyHelpEndReason.Completed : EarlyHelpEndReason.DisengagedOrDeclined,
            IsStepDown = stepDown,
        });
    }

    private static readonly string[] EarlyHelpOrganisations = ["School", "Health visiting", "Voluntary sector family support", "Youth service"];

    // ---------------------------------------------------------------- child protection

    private void StartSection47(ChildState s, ReferralState r, DateOnly day, bool icpc, YearTargets t)
    {
        var strategy = new StrategyDiscussion
        {
            Id = IdBase + data.StrategyDiscussions.Count + 1,
            ChildId = s.Child.Id,
            ReferralId = r.Referral.Id,
            Date = day,
            Participants = "Social care, police, health",
            Decision = StrategyDecision.Section47,
        };
        data.StrategyDiscussions.Add(strategy);
        var enquiry = new Section47Enquiry
        {
            Id = IdBase + data.Section47s.Count + 1,
            ChildId = s.Child.Id,
            ReferralId = r.Referral.Id,
            StrategyDiscussionId = strategy.Id,
            StartDate = day,
            IcpcNotRequired = !icpc,
        };
        data.Section47s.Add(enquiry);
        r.Add(enquiry);
        if (r.Assessment is { Outcome: not AssessmentOutcome.LookedAfter } a)
        {
            a.Outcome = AssessmentOutcome.StrategyDiscussion;
        }

        if (!icpc)
        {
            enquiry.EndDate = WorkingDays.AddWorkingDays(day, Between(5, 15));
            enquiry.Outcome = Chance(0.5) ? Section47Outcome.ChildInNeedPlan : Section47Outcome.ConcernsNotSubstantiated;
            if (enquiry.Outcome == Section47Outcome.ChildInNeedPlan && s.ActiveCare is null
                && (s.ActiveCin is null || (s.ActiveCin.EndDate ?? DateOnly.MaxValue) < enquiry.EndDate))
            {
                StartCinPlan(s, r, enquiry.EndDate.Value, LogNormalDays(200, 0.5, 40));
            }

            AddToClosedPool(s);
            return;
        }

        var onTime = Chance(0.55 + (0.35 * t.AssessmentsWithin45));
        var conferenceDate = WorkingDays.AddWorkingDays(day, onTime ? Between(6, 15) : Between(16, 30));
        enquiry.EndDate = conferenceDate;
        enquiry.Outcome = Section47Outcome.ConferenceRequired;
        var conference = new ChildProtectionConference
        {
            Id = IdBase + data.Conferences.Count + 1,
            ChildId = s.Child.Id,
            ReferralId = r.Referral.Id,
            Section47Id = enquiry.Id,
            Type = ConferenceType.Initial,
            Date = conferenceDate,
        };
        data.Conferences.Add(conference);
        if (!Chance(t.PlanConversion) || s.ActiveCare is not null || s.ActiveCp is { } existing && (existing.EndDate ?? DateOnly.MaxValue) >= conferenceDate)
        {
            conference.Outcome = ConferenceOutcome.NoPlan;
            if (s.ActiveCare is null && Chance(0.5))
            {
                StartCinPlan(s, r, conferenceDate, LogNormalDays(200, 0.5, 40));
            }

            return;
        }

        conference.Outcome = ConferenceOutcome.PlanStarted;
        // A child in need plan gives way to the protection plan.
        if (s.ActiveCin is { } cin && (cin.EndDate ?? DateOnly.MaxValue) > conferenceDate && cin.StartDate <= conferenceDate)
        {
            cin.EndDate = conferenceDate;
        }

        var category = rng.NextDouble() switch
        {
            < 0.50 => AbuseCategory.Neglect,
            < 0.84 => AbuseCategory.Emotional,
            < 0.93 => AbuseCategory.Physical,
            < 0.97 => AbuseCategory.Sexual,
            _ => AbuseCategory.Multiple,
        };
        var plan = new ChildProtectionPlan
        {
            Id = IdBase + data.ProtectionPlans.Count + 1,
            ChildId = s.Child.Id,
            ReferralId = r.Referral.Id,
            StartDate = conferenceDate,
            EndDate = conferenceDate.AddDays(LogNormalDays(PlanMedianDays(FinancialYear(conferenceDate)), 0.6, 30)),
            InitialCategory = category,
            LatestCategory = Chance(0.9) ? category : AbuseCategory.Neglect,
            PreviousPlans = s.PlansSoFar,
        };
        s.PlansSoFar++;
        conference.PlanId = plan.Id;
        data.ProtectionPlans.Add(plan);
        r.Add(plan);
        s.ActiveCp = plan;
        onProtectionPlan.Add(s);
        if (Chance(0.6))
        {
            plan.EndReason = PlanEndReason.SteppedDownToChildInNeed;
            StartCinPlan(s, r, plan.EndDate!.Value, LogNormalDays(150, 0.5, 30));
            s.ActiveCp = plan;
        }
        else
        {
            plan.EndReason = PlanEndReason.NoLongerRequired;
        }

        AddToClosedPool(s);
    }

    // ---------------------------------------------------------------- children in care

    private void ControlCare(DateOnly month, DateOnly monthEnd)
    {
        var desired = DesiredCareStock(monthEnd) * scale;
        var current = 0;
        var ending = 0;
        foreach (var s in inCare)
        {
            if (s.ActiveCare is { } c && c.Start < month && c.End >= month)
            {
                current++;
                if (c.End <= monthEnd)
                {
                    ending++;
                }
            }
        }

        var minStarts = Math.Max(0, Poisson(desired * 0.026));
        var starts = (int)Math.Round(desired - (current - ending));
        if (starts < minStarts)
        {
            // More children leave care than their plans alone would give this month.
            var extraEnds = minStarts - starts;
            var candidates = inCare.Where(s => s.ActiveCare is { } c && c.Start < month.AddDays(-120) && c.End > monthEnd && c.Plan != CarePlanKind.Adoption).ToList();
            for (var i = 0; i < extraEnds && candidates.Count > 0; i++)
            {
                var idx = rng.Next(candidates.Count);
                var s = candidates[idx];
                candidates.RemoveAt(idx);
                EndCareEarly(s, RandomDayIn(month));
            }

            starts = minStarts;
        }

        for (var i = 0; i < starts; i++)
        {
            var day = RandomDayIn(month);
            ChildState? s = null;
            var x = rng.NextDouble();
            if (x < 0.15)
            {
                s = FindOnPlan(day);
            }
            else if (x < 0.45)
            {
                s = FindOpenChildInNeed(day);
            }

            s ??= NewChild(day, SampleCareEntryAge());
            if (s.Child.DateOfBirth is null || s.Child.AgeOn(day) is null or >= 17)
            {
                s = NewChild(day, SampleCareEntryAge());
            }

            StartCare(s, day);
        }
    }

    private double DesiredCareStock(DateOnly date)
    {
        // Linear between the 31 March figures of the profile.
        var fy = FinancialYear(date);
        var endOfYear = new DateOnly(fy, 3, 31);
        var startOfYear = new DateOnly(fy - 1, 3, 31);
        var a = profile.For(fy - 1).LookedAfterAt31March;
        var b = profile.For(fy).LookedAfterAt31March;
        var f = (date.DayNumber - startOfYear.DayNumber) / (double)(endOfYear.DayNumber - startOfYear.DayNumber);
        return a + ((b - a) * f);
    }

    private ChildState? FindOnPlan(DateOnly day)
    {
        for (var tries = 0; tries < 20 && onProtectionPlan.Count > 0; tries++)
        {
            var s = Pick(onProtectionPlan);
            if (s.ActiveCp is { } p && p.StartDate < day && (p.EndDate ?? DateOnly.MaxValue) > day && s.ActiveCare is null)
            {
                return s;
            }
        }

        return null;
    }

    private void StartCare(ChildState s, DateOnly day)
    {
        var r = s.IsOpenOn(day) ? s.Current! : StartReferral(s, day, Chance(0.5) ? ReferralSource.Police : SampleSource(), 0, forCare: true);
        if (s.ActiveCp is { } cp && (cp.EndDate ?? DateOnly.MaxValue) > day)
        {
            cp.EndDate = day;
            cp.EndReason = PlanEndReason.BecameLookedAfter;
        }

        if (s.ActiveCin is { } cin && (cin.EndDate ?? DateOnly.MaxValue) > day)
        {
            cin.EndDate = Max(cin.StartDate, day);
        }

        // Drop child in need plans that were to follow a plan now ended by care.
        foreach (var p in r.CinPlans.Where(p => p.StartDate > day).ToList())
        {
            r.Remove(p);
            Remove(p);
        }

        var age = s.Child.AgeOn(day) ?? 0;
        var eighteen = s.Child.DateOfBirth!.Value.AddYears(18);
        var plan = SampleCarePlan(age);
        var period = new CarePeriod { Child = s, Start = day, Plan = plan, Need = r.Referral.PrimaryNeed is { } n && n.Code is not "N9" and not "N0" ? n : PrimaryNeed.AbuseOrNeglect };
        var x = rng.NextDouble();
        LegalStatus initial = age >= 16 ? (Chance(0.85) ? LegalStatus.Section20 : LegalStatus.InterimCareOrder)
            : x < 0.45 ? LegalStatus.Section20
            : x < 0.80 ? LegalStatus.InterimCareOrder
            : x < 0.88 ? LegalStatus.PoliceProtection
            : x < 0.95 || age < 12 ? LegalStatus.Epo
            : LegalStatus.Remand;
        period.Legal.Add((day, initial));
        switch (plan)
        {
            case CarePlanKind.ReturnHome:
                period.End = day.AddDays(LogNormalDays(150, 0.7, 3));
                period.EndReason = Chance(0.85) ? ReasonEpisodeCeased.ReturnedHomePlanned : ReasonEpisodeCeased.ReturnedHomeUnplanned;
                break;
            case CarePlanKind.SpecialGuardianship:
                period.End = day.AddDays(LogNormalDays(520, 0.35, 200));
                period.EndReason = Chance(0.6) ? ReasonEpisodeCeased.SgoRelative : ReasonEpisodeCeased.SgoRelativeFosterCarer;
                if (Chance(0.2))
                {
                    period.EndReason = ReasonEpisodeCeased.Cao;
                }

                break;
            case CarePlanKind.Adoption:
                period.End = day.AddDays(LogNormalDays(700, 0.3, 330));
                period.EndReason = Chance(0.7) ? ReasonEpisodeCeased.AdoptedUnopposed : ReasonEpisodeCeased.AdoptedDispensed;
                break;
            default:
                if (Chance(0.3))
                {
                    period.End = day.AddDays(LogNormalDays(1100, 0.5, 200));
                    period.EndReason = Chance(0.6) ? ReasonEpisodeCeased.ReturnedHomePlanned : ReasonEpisodeCeased.Other;
                }
                else
                {
                    period.End = eighteen;
                    var y = rng.NextDouble();
                    period.EndReason = y < 0.25 ? ReasonEpisodeCeased.StayingPut : y < 0.6 ? ReasonEpisodeCeased.IndependentSupported : y < 0.8 ? ReasonEpisodeCeased.IndependentUnsupported : ReasonEpisodeCeased.Other;
                }

                break;
        }

        if (period.End > eighteen)
        {
            period.End = eighteen;
            period.EndReason = ReasonEpisodeCeased.IndependentSupported;
            period.Plan = CarePlanKind.LongTerm;
        }

        // Court route: interim then full care order, or a placement order for adoption.
        // Police protection lasts at most 72 hours (SSDA903 rule 361); one draw either way, as before.
        var firstLegalChange = initial == LegalStatus.PoliceProtection ? day.AddDays(Between(1, 3))
            : initial == LegalStatus.Epo ? day.AddDays(Between(1, 8)) : (DateOnly?)null;
        var needsOrder = plan != CarePlanKind.ReturnHome || initial != LegalStatus.Section20 && Chance(0.5);
        if (firstLegalChange is { } f && f < period.End)
        {
            period.Legal.Add((f, needsOrder ? LegalStatus.InterimCareOrder : LegalStatus.Section20));
        }

        var interimFrom = period.Legal[^1].Status == LegalStatus.InterimCareOrder ? period.Legal[^1].Date : (DateOnly?)null;
        if (interimFrom is null && needsOrder && initial == LegalStatus.Section20 && age < 16)
        {
            var d = day.AddDays(Between(40, 160));
            if (d < period.End)
            {
                period.Legal.Add((d, LegalStatus.InterimCareOrder));
                interimFrom = d;
            }
        }

        if (interimFrom is { } issued)
        {
            var finalDate = issued.AddDays(Chance(0.55) ? Between(120, 182) : Between(183, 300));
            period.Proceedings = new CareProceedings
            {
                Id = IdBase + data.CareProceedings.Count + 1,
                ChildId = s.Child.Id,
                IssueDate = issued,
                ExtensionWeeks = finalDate > issued.AddDays(182) ? 8 * (int)Math.Ceiling((finalDate.DayNumber - issued.AddDays(182).DayNumber) / 56.0) : 0,
                FinalHearingDate = finalDate <= period.End ? finalDate : null,
                FinalOrder = finalDate > period.End ? FinalOrder.None : plan == CarePlanKind.Adoption ? FinalOrder.PlacementOrder : plan == CarePlanKind.ReturnHome ? FinalOrder.SupervisionOrder : FinalOrder.CareOrder,
            };
            data.CareProceedings.Add(period.Proceedings);
            if (Chance(0.6))
            {
                data.PreProceedings.Add(new PreProceedings
                {
                    Id = IdBase + data.PreProceedings.Count + 1,
                    ChildId = s.Child.Id,
                    StartDate = issued.AddDays(-Between(30, 120)),
                    MeetingDate = issued.AddDays(-Between(20, 29)),
                    EndDate = issued,
                    Outcome = PreProceedingsOutcome.ProceedingsIssued,
                });
            }

            if (finalDate < period.End)
            {
                period.Legal.Add((finalDate, plan == CarePlanKind.Adoption ? LegalStatus.PlacementOrder : LegalStatus.FullCareOrder));
            }
        }

        AddPlacements(period, age);
        if (plan == CarePlanKind.Adoption)
        {
            AddAdoption(period);
        }

        s.Add(period);
        r.Add(period);
        r.Reason = ClosureFor(period.EndReason);
        s.ActiveCare = period;
        inCare.Add(s);
    }

    private CarePlanKind SampleCarePlan(int age)
    {
        var x = rng.NextDouble();
        return age switch
        {
            < 1 => x < 0.32 ? CarePlanKind.Adoption : x < 0.57 ? CarePlanKind.ReturnHome : x < 0.82 ? CarePlanKind.SpecialGuardianship : CarePlanKind.LongTerm,
            < 5 => x < 0.18 ? CarePlanKind.Adoption : x < 0.53 ? CarePlanKind.ReturnHome : x < 0.78 ? CarePlanKind.SpecialGuardianship : CarePlanKind.LongTerm,
            < 13 => x < 0.45 ? CarePlanKind.ReturnHome : x < 0.60 ? CarePlanKind.SpecialGuardianship : CarePlanKind.LongTerm,
            _ => x < 0.45 ? CarePlanKind.ReturnHome : CarePlanKind.LongTerm,
        };
    }

    private static ClosureReason ClosureFor(ReasonEpisodeCeased rec) => rec.Code switch
    {
        "E11" or "E12" => ClosureReason.Adopted,
        "E45" or "E46" or "E47" or "E48" => ClosureReason.Sgo,
        "E41" => ClosureReason.Cao,
        "E2" => ClosureReason.Died,
        "E7" => ClosureReason.TransferredAdult,
        _ => ClosureReason.ServicesCeased,
    };

    private void EndCareEarly(ChildState s, DateOnly day)
    {
        var c = s.ActiveCare!;
        c.End = Max(day, c.Start.AddDays(1));
        c.EndReason = Chance(0.6) ? ReasonEpisodeCeased.ReturnedHomePlanned : Chance(0.5) ? ReasonEpisodeCeased.SgoRelative : ReasonEpisodeCeased.Cao;
        c.Plan = CarePlanKind.ReturnHome;
        c.Legal.RemoveAll(l => l.Date >= c.End);
        c.Placements.RemoveAll(p => p.Date >= c.End && p.Date != c.Start);
        if (c.Proceedings is { } pr && (pr.FinalHearingDate is null || pr.FinalHearingDate > c.End))
        {
            pr.FinalHearingDate = c.End;
            pr.FinalOrder = c.EndReason == ReasonEpisodeCeased.ReturnedHomePlanned ? FinalOrder.SupervisionOrder : c.EndReason == ReasonEpisodeCeased.Cao ? FinalOrder.ChildArrangementsOrder : FinalOrder.SpecialGuardianshipOrder;
        }

        s.Current!.Reason = ClosureFor(c.EndReason);
    }

    private static readonly string[] OutOfAreaDistricts = ["LN1", "LN6", "HU3", "HU9", "DN15", "DN16", "S60", "S1", "LS9", "NG5", "PE21", "YO10"];

    private void AddPlacements(CarePeriod period, int age)
    {
        var day = period.Start;
        var year = FinancialYear(day);
        var first = FirstPlacement(age, year);
        period.Placements.Add(Placement(period, day, first, PlacementChangeReason.CarePlan));
        var moveRate = age >= 12 ? 0.75 : 0.35;
        var end = period.Plan == CarePlanKind.Adoption ? period.Start.AddDays((period.End.DayNumber - period.Start.DayNumber) / 2) : period.End;
        var cursor = day;
        while (true)
        {
            var gap = (int)(-Math.Log(1 - rng.NextDouble()) / moveRate * 365);
            cursor = cursor.AddDays(Math.Max(14, gap));
            if (cursor >= end)
            {
                break;
            }

            var a = period.Child.Child.AgeOn(cursor) ?? age;
            var next = period.Plan == CarePlanKind.LongTerm && cursor > period.Start.AddDays(365) && a < 16 && Chance(0.4)
                ? (Chance(0.3) ? PlacementType.KinshipLongTerm : PlacementType.FosterLongTerm)
                : FirstPlacement(a, FinancialYear(cursor));
            var reason = rng.NextDouble() switch
            {
                < 0.45 => PlacementChangeReason.CarePlan,
                < 0.62 => PlacementChangeReason.CarerBehaviour,
                < 0.75 => PlacementChangeReason.CarerOther,
                < 0.83 => PlacementChangeReason.ChildRequest,
                < 0.90 => new PlacementChangeReason("STAND"),
                _ => PlacementChangeReason.Other,
            };
            period.Placements.Add(Placement(period, cursor, next, reason));
        }
    }

    private (DateOnly, PlacementType, PlacementProvider?, PlacementChangeReason, string?, string?) Placement(CarePeriod period, DateOnly day, PlacementType place, PlacementChangeReason reason)
    {
        // A child accommodated under section 20 is not placed with parents (SSDA903 rule 378): family and friends
        // carers take the child instead, with the same draws as a placement with parents.
        var kinshipForParents = place == PlacementType.WithParents && period.Legal.Count > 0
            && LatestOn(period.Legal, day, l => l.Date).Status == LegalStatus.Section20;
        if (kinshipForParents)
        {
            place = PlacementType.KinshipShortTerm;
        }

        PlacementProvider? provider = kinshipForParents ? PlacementProvider.OwnLa : place.Code switch
        {
            "P1" => PlacementProvider.Parents,
            "K2" or "R1" => Chance(0.8) ? PlacementProvider.Private : PlacementProvider.OwnLa,
            "H5" or "K3" or "P2" => Chance(0.6) ? PlacementProvider.Private : PlacementProvider.Voluntary,
            "K1" => PlacementProvider.OtherLa,
            "R3" => PlacementProvider.Private,
            "R5" => PlacementProvider.OtherPublic,
            _ => Chance(0.7) ? PlacementProvider.OwnLa : PlacementProvider.Private,
        };
        var inArea = place.Code is "P1" or "U1" or "U2" or "U3" ? Chance(0.9) : Chance(0.6);
        var postcode = inArea
            ? PostcodeIn(profile.Wards[rng.Next(profile.Wards.Count)].PostcodeDistrict)
            : PostcodeIn(Pick(OutOfAreaDistricts));
        var drawn = place.Code is "K1" or "K2" or "R1" or "H5" or "K3" ? $"SC{Between(100000, 999999)}" : null;

        // Every placement registered with Ofsted has the provider's URN (SSDA903 rules 218 and 222): a drawn one for
        // homes and semi-independent settings (drawn as before, so later draws stay the same), the council's own
        // fostering or adoption service, or another provider's made from the child and the day.
        string? urn = place.Code is "P1" or "P3" or "R1" or "R2" or "R5" or "T0" or "T1" or "T2" or "T3" or "T4" || place.Code.StartsWith('Z')
            ? null
            : drawn ?? (provider == PlacementProvider.OwnLa
                ? $"SC{800000 + int.Parse(profile.LaCode, System.Globalization.CultureInfo.InvariantCulture)}"
                : $"SC{100000 + (int)((ulong)(period.Child.Child.Id * 31 + day.DayNumber) * 2654435761UL % 900000UL)}");
        if (place.Code is "P1")
        {
            postcode = period.Child.Child.Postcode;
        }

        return (day, place, provider, reason, postcode, urn);
    }

    private PlacementType FirstPlacement(int age, int year)
    {
        var x = rng.NextDouble();
        if (age < 1)
        {
            return x < 0.6 ? PlacementType.FosterShortTerm : x < 0.8 ? PlacementType.KinshipShortTerm : x < 0.9 ? PlacementType.MotherAndBaby : PlacementType.WithParents;
        }

        if (age < 10)
        {
            return x < 0.6 ? PlacementType.FosterShortTerm : x < 0.85 ? PlacementType.KinshipShortTerm : x < 0.9 ? PlacementType.ChildrensHome : PlacementType.WithParents;
        }

        if (age < 16)
        {
            return x < 0.45 ? PlacementType.FosterShortTerm : x < 0.6 ? PlacementType.KinshipShortTerm : x < 0.9 ? PlacementType.ChildrensHome : x < 0.95 ? PlacementType.Residential : PlacementType.FosterLongTerm;
        }

        var semi = year >= 2025 ? PlacementType.SupportedAccommodation : PlacementType.SemiIndependent;
        return x < 0.4 ? semi : x < 0.65 ? PlacementType.FosterShortTerm : x < 0.85 ? PlacementType.ChildrensHome : year >= 2025 ? semi : PlacementType.IndependentLiving;
    }

    private void AddAdoption(CarePeriod period)
    {
        var s = period.Child;
        var span = period.End.DayNumber - period.Start.DayNumber;
        var order = period.Start.AddDays(span * 45 / 100);

        // The agency decides that the child should be placed for adoption before any placement order (SSDA903 rule
        // 554), including one made at the final hearing of the care proceedings.
        var decision = period.Start.AddDays(span * 30 / 100);
        foreach (var (date, status) in period.Legal)
        {
            if (status == LegalStatus.PlacementOrder && date < decision)
            {
                decision = Max(period.Start, date.AddDays(-7));
            }
        }

        var match = period.Start.AddDays(span * 58 / 100);
        var placed = period.Start.AddDays(span * 62 / 100);
        var fosterCarer = Chance(0.15);
        var adopterSex = rng.NextDouble() switch { < 0.75 => AdopterSex.ManAndWoman, < 0.85 => AdopterSex.Woman, < 0.93 => AdopterSex.TwoWomen, _ => AdopterSex.TwoMen };

        // The decision that adoption is in the child's best interests is the same decision (SSDA903 rule 523); the
        // gap once drawn for it is still drawn, so the draws after it stay the same.
        _ = Between(20, 60);
        period.Adoption = new AdoptionRecord
        {
            Id = IdBase + data.Adoptions.Count + 1,
            ChildId = s.Child.Id,
            DecisionDate = decision,
            PlacementOrderDate = order,
            InterestDate = decision,
            MatchDate = match,
            PlacedDate = placed,
            AdoptionOrderDate = period.End,
            FosterCarerAdoption = fosterCarer,
            NumberOfAdopters = adopterSex.Code is "M1" or "F1" ? 1 : 2,
            AdopterSex = adopterSex,
            AdopterLegalStatus = adopterSex.Code switch { "M1" or "F1" => AdopterLegalStatus.Single, "MF" => Chance(0.7) ? AdopterLegalStatus.MarriedDifferentSex : AdopterLegalStatus.UnmarriedDifferentSex, _ => AdopterLegalStatus.MarriedSameSex },
        };
        data.Adoptions.Add(period.Adoption);
        period.Legal.RemoveAll(l => l.Date >= order);
        period.Legal.Add((order, LegalStatus.PlacementOrder));
        period.Placements.RemoveAll(p => p.Date >= placed);
        period.Placements.Add(Placement(period, placed, fosterCarer ? PlacementType.AdoptionWithFosterCarer : PlacementType.Adoption, PlacementChangeReason.CarePlan));
    }

    // ---------------------------------------------------------------- initial stocks

    private void SeedInitialStocks()
    {
        var t = profile.For(FinancialYear(simStart));
        var cla = (int)Math.Round(t.LookedAfterAt31March * scale);
        for (var i = 0; i < cla; i++)
        {
            var yearsIn = rng.NextDouble() * 5;
            var start = simStart.AddDays(-(int)(yearsIn * 365) - 1);
            var age = Math.Min(16, SampleCareEntryAge());
            var s = NewChild(start, age);
            StartCare(s, start);
            var c = s.ActiveCare!;
            if (c.End <= simStart)
            {
                // Children still in care at the start: those whose plan would have ended earlier stay long-term.
                c.End = s.Child.DateOfBirth!.Value.AddYears(18);
                c.EndReason = ReasonEpisodeCeased.IndependentSupported;
                c.Plan = CarePlanKind.LongTerm;
                if (c.Adoption is { } ad)
                {
                    Remove(ad);
                    c.Adoption = null;
                    c.Legal.RemoveAll(l => l.Status == LegalStatus.PlacementOrder);
                    c.Placements.RemoveAll(p => p.Place.Code.StartsWith('A'));
                }

                s.Current!.Reason = ClosureFor(c.EndReason);
            }
        }

        var cinOpen = (int)(900 * scale);
        for (var i = 0; i < cinOpen; i++)
        {
            var start = simStart.AddDays(-Between(20, 300));
            var s = NewChild(start);
            var r = StartReferral(s, start.AddDays(-Between(20, 50)), null, 0, forCare: false);
            if (i % 9 == 0)
            {
                StartSection47(s, r, start, true, t);
            }
        }
    }
}
