using Lantern.Domain.Calendar;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Synthetic;

/// <summary>Builds teams and workers sized to the work, then allocates every open piece of work
/// day by day: delays before allocation, transfers between teams and reallocation when a worker
/// leaves (the churn that gives some children many social workers).</summary>
internal sealed class WorkforceBuilder(Generator g, AuthorityData data, Profile profile, GeneratorOptions options, double scale, DateOnly simStart, DateOnly to)
{
    private readonly Dictionary<TeamService, List<Team>> teams = [];
    private readonly Dictionary<long, List<Worker>> workersByTeam = [];
    private readonly Dictionary<long, int> caseload = [];
    private readonly Dictionary<long, Worker> managerOfTeam = [];
    private readonly List<Worker> iros = [];
    private readonly List<Worker> earlyHelpWorkers = [];
    private Worker? lado;
    private readonly DateOnly detailFrom = options.From;

    private sealed record Segment(ChildState Child, DateOnly Start, DateOnly? End, TeamService Service);

    private static readonly (TeamService Service, string[] Names)[] Structure =
    [
        (TeamService.FrontDoor, ["Front door (MASH)"]),
        (TeamService.Assessment, ["Assessment team A", "Assessment team B"]),
        (TeamService.ChildInNeedAndProtection, ["Safeguarding team North", "Safeguarding team Central", "Safeguarding team South"]),
        (TeamService.ChildrenInCare, ["Children in care team 1", "Children in care team 2"]),
        (TeamService.CareLeavers, ["Leaving care team"]),
        (TeamService.Disability, ["Children with disabilities team"]),
        (TeamService.EarlyHelp, ["Family hub East", "Family hub West"]),
        (TeamService.Adoption, ["Adoption and permanence team"]),
        (TeamService.Reviewing, ["Independent reviewing service"]),
        (TeamService.Leadership, ["Children's services leadership"]),
    ];

    public void Build(List<ChildState> states)
    {
        BuildTeams();
        var segments = BuildSegments(states);
        g.Report("Workforce: segments");
        BuildWorkers(segments);
        g.Report("Workforce: workers");
        Allocate(segments);
        MergeShortAllocations();
        g.Report("Workforce: allocations");
        AssignWorkersToRecords();
        g.Report("Workforce: assigned workers and notes");
        AddSupervisionAndOversight();
        g.Report("Workforce: supervision");
        AddPanels();
        AddPrivateFosteringAndAllegations();
        AddAbsences();
        SetEstablishments();
    }

    /// <summary>Each team's established social work posts: the FTE of the social workers (as the
    /// census counts them) in post at the end of the data, employed and agency, rounded up to a half
    /// post. Agency workers fill posts the council could not recruit to, so the vacancies (posts not
    /// filled by an employed social worker) are about the agency FTE, as in a council that relies on
    /// agency staff. No random draws: nothing else the generator makes changes.</summary>
    private void SetEstablishments()
    {
        var inPost = data.Workers.Where(w => w.IsInPost(to) && Lantern.Domain.Staffing.WorkforceCensus.InScope(w)).ToLookup(w => w.TeamId);
        foreach (var team in data.Teams)
        {
            var fte = inPost[team.Id].Sum(w => w.Fte);
            team.EstablishmentFte = Math.Ceiling(fte * 2) / 2;
        }
    }

    // ------------------------------------------------------------ leave and sickness

    /// <summary>Annual leave (about 27 working days a year in blocks of one to two weeks) and
    /// sickness (short spells and the occasional long one, near the England absence rate of about 3%)
    /// for every employed worker over the detailed years. Drawn from a random stream of its own per
    /// worker, so adding them changes nothing else the generator makes.</summary>
    private void AddAbsences()
    {
        foreach (var w in data.Workers)
        {
            if (w.Employment != EmploymentType.Employed)
            {
                continue;
            }

            var from = w.StartDate < detailFrom ? detailFrom : w.StartDate;
            var until = w.LeftDate is { } l && l < to ? l : to;
            var rng = new Random(unchecked((options.Seed * 31) + (int)w.Id));
            var theirs = new List<WorkerAbsence>();
            for (var yearStart = from; yearStart <= until; yearStart = yearStart.AddYears(1))
            {
                var blocks = rng.Next(2, 4);
                for (var b = 0; b < blocks; b++)
                {
                    var start = yearStart.AddDays(rng.Next(0, 360));
                    Add(w, theirs, AbsenceKind.AnnualLeave, start, start.AddDays(rng.Next(4, 14)), until);
                }

                var spells = rng.Next(0, 6);
                for (var s = 0; s < spells; s++)
                {
                    var start = yearStart.AddDays(rng.Next(0, 360));
                    Add(w, theirs, AbsenceKind.Sickness, start, start.AddDays(rng.Next(0, 5)), until);
                }

                if (rng.NextDouble() < 0.12)
                {
                    var start = yearStart.AddDays(rng.Next(0, 300));
                    Add(w, theirs, AbsenceKind.Sickness, start, start.AddDays(rng.Next(20, 60)), until);
                }
            }
        }

        void Add(Worker w, List<WorkerAbsence> theirs, AbsenceKind kind, DateOnly start, DateOnly end, DateOnly until)
        {
            if (start > until)
            {
                return;
            }

            var last = end < until ? end : until;
            if (theirs.Any(a => a.StartDate <= last && a.EndDate >= start))
            {
                return; // never two absences on the same day
            }

            var absence = new WorkerAbsence
            {
                Id = g.IdBase + data.WorkerAbsences.Count + 1,
                WorkerId = w.Id,
                Kind = kind,
                StartDate = start,
                EndDate = last,
            };
            theirs.Add(absence);
            data.WorkerAbsences.Add(absence);
        }
    }

    private void BuildTeams()
    {
        var copies = Math.Max(1, (int)Math.Round(scale));
        foreach (var (service, names) in Structure)
        {
            var list = new List<Team>();
            var n = service is TeamService.Leadership ? 1 : copies;
            for (var c = 0; c < n; c++)
            {
                foreach (var name in names)
                {
                    var team = new Team { Id = g.IdBase + data.Teams.Count + 1, Name = (g.Area > 0 ? $"Area {g.Area} " : "") + (n == 1 ? name : $"{name} ({c + 1})"), Service = service };
                    data.Teams.Add(team);
                    list.Add(team);
                    workersByTeam[team.Id] = [];
                }
            }

            teams[service] = list;
        }
    }

    // ------------------------------------------------------------ the work

    private List<Segment> BuildSegments(List<ChildState> states)
    {
        var segments = new List<Segment>();
        foreach (var s in states)
        {
            foreach (var r in s.Referrals)
            {
                var referral = r.Referral;
                if (referral.NoFurtherAction)
                {
                    continue;
                }

                DateOnly? End(DateOnly d) => d > to ? null : d;
                var rEnd = r.End;
                var firstCare = r.Care.Count > 0 ? r.Care.Min(c => c.Start) : (DateOnly?)null;
                var assessEnd = r.Assessment?.AuthorisationDate ?? rEnd;
                var disability = referral.PrimaryNeed?.Code == "N2";
                if (firstCare != referral.ReferralDate)
                {
                    var e = firstCare is { } fc && fc < assessEnd ? fc : assessEnd;
                    segments.Add(new Segment(s, referral.ReferralDate, End(e), disability ? TeamService.Disability : TeamService.Assessment));
                    var cinEnd = firstCare ?? rEnd;
                    if (cinEnd > e && e <= to)
                    {
                        segments.Add(new Segment(s, e, End(cinEnd), disability ? TeamService.Disability : TeamService.ChildInNeedAndProtection));
                    }
                }

                var lastCareEnd = DateOnly.MinValue;
                foreach (var c in r.Care)
                {
                    if (c.Start > to)
                    {
                        continue;
                    }

                    segments.Add(new Segment(s, c.Start, End(c.End), TeamService.ChildrenInCare));
                    lastCareEnd = c.End;
                    if (c.LeavesAsCareLeaver(to))
                    {
                        segments.Add(new Segment(s, c.End, End(s.Child.DateOfBirth!.Value.AddYears(21)), TeamService.CareLeavers));
                    }
                }

                if (lastCareEnd != DateOnly.MinValue && rEnd > lastCareEnd && lastCareEnd <= to)
                {
                    segments.Add(new Segment(s, lastCareEnd, End(rEnd), TeamService.ChildInNeedAndProtection));
                }
            }
        }

        return segments;
    }

    // ------------------------------------------------------------ the workforce

    private void BuildWorkers(List<Segment> segments)
    {
        // Open work per service at the middle of each month.
        var months = new List<DateOnly>();
        for (var m = simStart; m <= to; m = m.AddMonths(1))
        {
            months.Add(m.AddDays(14));
        }

        var open = new Dictionary<TeamService, int[]>();
        foreach (var service in teams.Keys)
        {
            open[service] = new int[months.Count];
        }

        foreach (var seg in segments)
        {
            var counts = open[seg.Service];
            for (var i = 0; i < months.Count; i++)
            {
                if (seg.Start <= months[i] && (seg.End is null || seg.End > months[i]))
                {
                    counts[i]++;
                }
            }
        }

        var leadership = teams[TeamService.Leadership][0];
        var director = Hire(leadership, WorkerRole.Director, simStart.AddYears(-3), EmploymentType.Employed, null);
        var head = Hire(leadership, WorkerRole.HeadOfService, simStart.AddYears(-2), EmploymentType.Employed, director);
        Hire(leadership, WorkerRole.PerformanceAnalyst, simStart.AddYears(-2), EmploymentType.Employed, head);
        lado = Hire(leadership, WorkerRole.Lado, simStart.AddYears(-4), EmploymentType.Employed, head);
        foreach (var (service, list) in teams)
        {
            if (service == TeamService.Leadership)
            {
                continue;
            }

            var serviceManager = Hire(leadership, WorkerRole.ServiceManager, simStart.AddYears(-1).AddDays(-g.Between(0, 700)), EmploymentType.Employed, head);
            foreach (var team in list)
            {
                managerOfTeam[team.Id] = Hire(team, WorkerRole.TeamManager, simStart.AddDays(-g.Between(100, 1500)), g.Chance(0.3) ? EmploymentType.Agency : EmploymentType.Employed, serviceManager);
            }
        }

        foreach (var (service, list) in teams)
        {
            if (service is TeamService.Leadership)
            {
                continue;
            }

            var counts = open[service];
            for (var ti = 0; ti < list.Count; ti++)
            {
                var team = list[ti];
                var roster = new List<Worker>();
                for (var i = 0; i < months.Count; i++)
                {
                    var month = months[i].AddDays(-14);
                    var t = profile.For(Generator.FinancialYear(month));
                    var required = RequiredFte(service, counts[i], t) / list.Count;

                    // Leavers this month.
                    foreach (var w in roster.ToList())
                    {
                        var agency = w.Employment == EmploymentType.Agency;
                        var crisis = t.AgencyShare > 0.25;
                        var hazard = agency ? (crisis ? 0.08 : 0.06) : (crisis ? 0.022 : 0.011);
                        var fteNow = (double)roster.Sum(x => x.Fte);
                        if (g.Chance(hazard) || (fteNow - (double)w.Fte > required * 1.15 && g.Chance(0.15)))
                        {
                            w.LeftDate = month.AddDays(g.Between(0, 27));
                            if (w.LeftDate > to)
                            {
                                w.LeftDate = null;
                            }
                            else
                            {
                                roster.Remove(w);
                            }
                        }
                    }

                    // Starters to cover the work.
                    while ((double)roster.Sum(x => x.Fte) < required)
                    {
                        var agencyNow = roster.Count == 0 ? 0 : (double)(roster.Where(x => x.Employment == EmploymentType.Agency).Sum(x => x.Fte) / roster.Sum(x => x.Fte));
                        var pAgency = Math.Clamp(t.AgencyShare + ((t.AgencyShare - agencyNow) * 3), 0, 0.95);
                        var role = RoleFor(service);
                        var employment = g.Chance(role is WorkerRole.SocialWorker or WorkerRole.AdvancedPractitioner ? pAgency : t.AgencyShare * 0.6) ? EmploymentType.Agency : EmploymentType.Employed;
                        var start = i == 0 ? month.AddDays(-g.Between(30, 1500)) : month.AddDays(g.Between(0, 27));
                        var w = Hire(team, role, start, employment, managerOfTeam[team.Id]);
                        if (employment == EmploymentType.Employed && role == WorkerRole.SocialWorker && g.Chance(0.22))
                        {
                            w.AsyeEndDate = start.AddYears(1);
                        }

                        if (role == WorkerRole.SocialWorker && g.Chance(0.12))
                        {
                            w.Role = WorkerRole.AdvancedPractitioner;
                        }

                        roster.Add(w);
                        if (service == TeamService.Reviewing)
                        {
                            iros.Add(w);
                        }
                        else if (service == TeamService.EarlyHelp)
                        {
                            earlyHelpWorkers.Add(w);
                        }
                    }
                }
            }
        }
    }

    private static WorkerRole RoleFor(TeamService service) => service switch
    {
        TeamService.Reviewing => WorkerRole.IndependentReviewingOfficer,
        TeamService.EarlyHelp => WorkerRole.EarlyHelpPractitioner,
        TeamService.CareLeavers => WorkerRole.PersonalAdviser,
        TeamService.FrontDoor => WorkerRole.SocialWorker,
        _ => WorkerRole.SocialWorker,
    };

    private double RequiredFte(TeamService service, int openCases, YearTargets t)
    {
        var cla = t.LookedAfterAt31March * scale;
        return service switch
        {
            TeamService.FrontDoor => Math.Max(3, t.Referrals * scale / 350.0),
            TeamService.Reviewing => Math.Max(2, cla / 65.0),
            TeamService.EarlyHelp => Math.Max(3, t.Referrals * scale / 220.0),
            TeamService.Adoption => Math.Max(2, cla / 90.0),
            TeamService.CareLeavers => Math.Max(2, openCases / 22.0),
            // Front door and adoption social workers hold few cases but count in the census
            // caseload denominator, so the case-holding teams run that much leaner.
            _ => Math.Max(1, openCases * (1 - t.UnallocatedShare) / (t.TargetCaseload * 1.22)),
        };
    }

    private Worker Hire(Team team, WorkerRole role, DateOnly start, EmploymentType employment, Worker? manager)
    {
        var id = g.IdBase + data.Workers.Count + 1;
        var registered = role is not (WorkerRole.EarlyHelpPractitioner or WorkerRole.PersonalAdviser or WorkerRole.BusinessSupport or WorkerRole.PerformanceAnalyst);
        var w = new Worker
        {
            Id = id,
            StaffId = $"SW{id:D6}",
            GivenName = g.Pick(Names.StaffGiven),
            FamilyName = g.Pick(Names.Family),
            Role = role,
            TeamId = team.Id,
            ManagerId = manager?.Id,
            Registration = registered ? $"SW{100000 + (id * 37 % 899999)}" : null,
            Employment = employment,
            Fte = g.Chance(0.85) ? 1.0m : g.Chance(0.5) ? 0.8m : 0.6m,
            StartDate = start,
        };
        data.Workers.Add(w);
        workersByTeam[team.Id].Add(w);
        caseload[w.Id] = 0;
        return w;
    }

    // ------------------------------------------------------------ allocation

    private Team TeamFor(Segment s)
    {
        var list = teams[s.Service];
        return list[(int)(unchecked((ulong)s.Child.Child.Id * 2654435761UL) % 1000003UL % (ulong)list.Count)];
    }

    private void Allocate(List<Segment> segments)
    {
        // Each child's segments in order, so that a transfer follows the previous allocation.
        var starts = new Dictionary<DateOnly, List<Segment>>();
        foreach (var s in segments)
        {
            var d = s.Start < simStart ? simStart : s.Start;
            if (!starts.TryGetValue(d, out var list))
            {
                starts[d] = list = [];
            }

            list.Add(s);
        }

        var leavers = new Dictionary<DateOnly, List<Worker>>();
        foreach (var w in data.Workers)
        {
            if (w.LeftDate is { } left)
            {
                if (!leavers.TryGetValue(left, out var list))
                {
                    leavers[left] = list = [];
                }

                list.Add(w);
            }
        }

        var pending = new List<(Segment Seg, DateOnly Due, SocialWorkerChangeReason Reason)>();
        var spare = new List<(Segment Seg, DateOnly Due, SocialWorkerChangeReason Reason)>();
        var open = new Dictionary<long, List<(Allocation A, Segment Seg)>>(); // by worker
        var endsOn = new Dictionary<DateOnly, List<Allocation>>();
        var lastWorkerOfChild = new Dictionary<long, long>();

        void Close(Allocation a, DateOnly end)
        {
            if (a.EndDate is not null)
            {
                return;
            }

            a.EndDate = end;
            caseload[a.WorkerId]--;
        }

        for (var day = simStart; day <= to; day = day.AddDays(1))
        {
            var t = profile.For(Generator.FinancialYear(day));
            if (endsOn.TryGetValue(day, out var ending))
            {
                foreach (var a in ending)
                {
                    Close(a, day);
                }
            }

            if (leavers.TryGetValue(day, out var leaving))
            {
                foreach (var w in leaving)
                {
                    if (!open.TryGetValue(w.Id, out var held))
                    {
                        continue;
                    }

                    foreach (var (a, seg) in held)
                    {
                        if (a.EndDate is null)
                        {
                            Close(a, day);
                            if (seg.End is null || seg.End > day)
                            {
                                var wait = g.Chance(t.UnallocatedShare * 4) ? g.Between(5, 45) : g.Between(0, 2);
                                wait = WaitFor(seg, wait);
                                pending.Add((seg, day.AddDays(wait), SocialWorkerChangeReason.WorkerLeft));
                            }
                        }
                    }

                    open.Remove(w.Id);
                }
            }

            if (starts.TryGetValue(day, out var starting))
            {
                foreach (var seg in starting)
                {
                    var wait = g.Chance(t.UnallocatedShare * 2.5) ? g.Between(7, 60) : g.Between(0, 2);
                    wait = WaitFor(seg, wait);
                    var reason = lastWorkerOfChild.ContainsKey(seg.Child.Child.Id) ? SocialWorkerChangeReason.StandardTransfer : SocialWorkerChangeReason.FirstContact;
                    pending.Add((seg, day.AddDays(wait), reason));
                }
            }

            if (pending.Count == 0)
            {
                continue;
            }

            var still = spare;
            still.Clear();
            foreach (var p in pending)
            {
                if (p.Due > day)
                {
                    still.Add(p);
                    continue;
                }

                if (p.Seg.End is { } segEnd && segEnd <= day)
                {
                    continue;
                }

                var team = TeamFor(p.Seg);
                var worker = LeastLoaded(team, day);
                if (worker is null)
                {
                    still.Add((p.Seg, day.AddDays(p.Seg.Service == TeamService.ChildrenInCare ? 1 : 7), p.Reason));
                    continue;
                }

                var allocation = new Allocation
                {
                    Id = g.IdBase + data.Allocations.Count + 1,
                    ChildId = p.Seg.Child.Child.Id,
                    WorkerId = worker.Id,
                    StartDate = day,
                    Reason = p.Reason,
                };
                data.Allocations.Add(allocation);
                caseload[worker.Id]++;
                lastWorkerOfChild[allocation.ChildId] = worker.Id;
                if (!open.TryGetValue(worker.Id, out var held))
                {
                    open[worker.Id] = held = [];
                }

                held.Add((allocation, p.Seg));
                if (p.Seg.End is { } end)
                {
                    if (!endsOn.TryGetValue(end, out var list))
                    {
                        endsOn[end] = list = [];
                    }

                    list.Add(allocation);
                }
            }

            spare = pending;
            pending = still;
            if (day.Day == 1)
            {
                foreach (var (id, held) in open)
                {
                    held.RemoveAll(x => x.A.EndDate is not null);
                }
            }
        }
    }

    /// <summary>The wait for a worker. A child in care is never left without a social worker (the SSDA903 has a
    /// social worker episode covering every episode of care, rules SW12 and SW17): the service takes the child at
    /// once and the unallocated work falls on assessment and child in need cases. The wait is still drawn, so the
    /// random draws after it stay the same.</summary>
    private static int WaitFor(Segment seg, int drawn) => seg.Service == TeamService.ChildrenInCare ? 0 : drawn;

    /// <summary>A social worker episode of less than 3 days (SSDA903 rule SW09) is not kept: when the next worker
    /// followed within a week, the next worker takes the child from its start; otherwise it lasts 3 days, or is
    /// dropped where it cannot. Runs after the allocation, so no draw changes.</summary>
    private void MergeShortAllocations()
    {
        var removed = new HashSet<Allocation>();
        foreach (var group in data.Allocations.GroupBy(a => a.ChildId))
        {
            var list = group.OrderBy(a => a.StartDate).ThenBy(a => a.Id).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var a = list[i];
                if (a.EndDate is not { } end || end.DayNumber - a.StartDate.DayNumber >= 3)
                {
                    continue;
                }

                var next = i + 1 < list.Count ? list[i + 1] : null;
                if (next is not null && next.StartDate.DayNumber - end.DayNumber <= 7)
                {
                    next.StartDate = a.StartDate;
                    next.Reason = a.Reason;
                    removed.Add(a);
                }
                else if (a.StartDate.AddDays(3) <= to && (next is null || next.StartDate >= a.StartDate.AddDays(3)))
                {
                    a.EndDate = a.StartDate.AddDays(3);
                }
                else
                {
                    removed.Add(a);
                }
            }
        }

        if (removed.Count > 0)
        {
            data.Allocations.RemoveAll(removed.Contains);
        }
    }

    private Worker? LeastLoaded(Team team, DateOnly day)
    {
        Worker? best = null;
        var bestLoad = double.MaxValue;
        foreach (var w in workersByTeam[team.Id])
        {
            if (!w.HoldsCases || !w.IsInPost(day) || (w.LeftDate is { } left && left <= day))
            {
                continue;
            }

            var capacity = (double)w.Fte * (w.IsAsyeOn(day) ? 0.7 : 1.0);
            var load = (caseload[w.Id] + 1) / capacity;
            if (load < bestLoad)
            {
                best = w;
                bestLoad = load;
            }
        }

        return best;
    }

    // ------------------------------------------------------------ who did what

    private void AssignWorkersToRecords()
    {
        var byChild = new Dictionary<long, List<Allocation>>();
        foreach (var a in data.Allocations)
        {
            if (!byChild.TryGetValue(a.ChildId, out var list))
            {
                byChild[a.ChildId] = list = [];
            }

            list.Add(a);
        }

        long? WorkerAt(long childId, DateOnly d)
        {
            if (!byChild.TryGetValue(childId, out var list))
            {
                return null;
            }

            foreach (var a in list)
            {
                if (a.StartDate <= d && (a.EndDate is null || a.EndDate > d))
                {
                    return a.WorkerId;
                }
            }

            return null;
        }

        foreach (var v in data.Visits)
        {
            v.WorkerId = WorkerAt(v.ChildId, v.Date);
            if (v.WorkerId is { } author)
            {
                var late = g.Defect(v.ChildId, "case-note-late", "Visit written up 20 to 60 days after it happened");
                data.CaseNotes.Add(new CaseNote
                {
                    Id = g.IdBase + data.CaseNotes.Count + 1,
                    ChildId = v.ChildId,
                    AuthorId = author,
                    EventDate = v.Date,
                    RecordedAt = v.Date.AddDays(late ? g.Between(20, 60) : g.Between(0, 3)).ToDateTime(new TimeOnly(16, 30), DateTimeKind.Utc),
                    Kind = CaseNoteKind.Visit,
                    Status = NoteStatus.Completed,
                    Text = NoteText(v),
                    ChildSeen = v.ChildSeen,
                    ChildSeenAlone = v.ChildSeenAlone,
                });
            }
        }

        Worker? Iro(long childId, DateOnly d)
        {
            if (iros.Count == 0)
            {
                return null;
            }

            var start = (int)(childId % iros.Count);
            for (var i = 0; i < iros.Count; i++)
            {
                var w = iros[(start + i) % iros.Count];
                if (w.IsInPost(d))
                {
                    return w;
                }
            }

            return null;
        }

        foreach (var r in data.CareReviews)
        {
            r.IroWorkerId = Iro(r.ChildId, r.Date)?.Id;
        }

        foreach (var c in data.Conferences)
        {
            c.ChairWorkerId = Iro(c.ChildId, c.Date)?.Id;
        }

        foreach (var a in data.Assessments)
        {
            if (a.AuthorisationDate is { } d && WorkerAt(a.ChildId, d.AddDays(-1)) is { } w)
            {
                var worker = data.Workers[(int)(w - g.IdBase) - 1];
                a.AuthorisedByWorkerId = worker.ManagerId;
            }
        }

        // Contacts are recorded and screened by the front door's practitioners and signed off by its
        // manager within the day; the last two days' decisions still wait for sign-off.
        var frontDoorTeam = teams[TeamService.FrontDoor][0];
        var frontDoorManager = managerOfTeam[frontDoorTeam.Id];
        var screeners = workersByTeam.GetValueOrDefault(frontDoorTeam.Id, []).Where(w => w.HoldsCases).ToList();
        var signOffBefore = to.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var c in data.Contacts)
        {
            var on = DateOnly.FromDateTime(c.ReceivedAt);
            Worker? screener = null;
            for (var i = 0; i < screeners.Count && screener is null; i++)
            {
                var w = screeners[(int)((c.Id + i) % screeners.Count)];
                screener = w.IsInPost(on) ? w : null;
            }

            c.RecordedByWorkerId = screener?.Id ?? frontDoorManager.Id;
            c.DecidedByWorkerId = c.DecidedAt is null ? null : c.RecordedByWorkerId;
            if (c.DecidedAt is { } decided && decided < signOffBefore && c.DecidedByWorkerId != frontDoorManager.Id)
            {
                c.SignedOffByWorkerId = frontDoorManager.Id;
                c.SignedOffAt = decided.AddHours(2);
            }
        }

        foreach (var e in data.EarlyHelp)
        {
            if (earlyHelpWorkers.Count > 0)
            {
                var w = earlyHelpWorkers[(int)(e.ChildId % earlyHelpWorkers.Count)];
                e.LeadWorkerId = w.Id;
            }
        }

        foreach (var p in data.ProtectionPlans)
        {
            if (p.EndReason == PlanEndReason.SteppedDownToChildInNeed && p.EndDate is { } end && WorkerAt(p.ChildId, end.AddDays(-1)) is { } w)
            {
                p.StepDownAuthorisedByWorkerId = data.Workers[(int)(w - g.IdBase) - 1].ManagerId;
            }
        }
    }

    private static readonly string[] SeenAloneNotes =
    [
        "Home visit. Saw the child alone in their bedroom and talked about school and friends; the child said things at home are calmer. Home conditions adequate.",
        "Visit at school. The child was seen alone and completed a three houses exercise; worries about arguments at home, wishes to see dad more.",
        "Unannounced visit. Child seen alone; presented as settled. Discussed the plan with the parent, who is engaging with the domestic abuse programme.",
    ];

    private static readonly string[] SeenNotes =
    [
        "Home visit. The child was seen with the parent present; too young to be seen alone. Observed warm interactions; the home was clean and there was food in the cupboards.",
        "Visit to the placement. The child was seen with the carer; the carer reports good sleep and routines. Contact arrangements discussed.",
    ];

    private static readonly string[] NotSeenNotes =
    [
        "Attempted home visit; no answer. Card left and the parent telephoned; the visit is rearranged for this week. Manager informed.",
    ];

    private string NoteText(Visit v) => !v.ChildSeen ? NotSeenNotes[0] : v.ChildSeenAlone ? g.Pick(SeenAloneNotes) : g.Pick(SeenNotes);

    // ------------------------------------------------------------ supervision, oversight, panels

    private void AddSupervisionAndOversight()
    {
        foreach (var w in data.Workers.ToList())
        {
            if (!w.HoldsCases || w.ManagerId is not { } manager)
            {
                continue;
            }

            var from = w.StartDate < detailFrom ? detailFrom : w.StartDate;
            var until = w.LeftDate is { } l && l < to ? l : to;
            var interval = w.AsyeEndDate is not null ? 21 : 30;
            for (var d = from.AddDays(g.Between(7, interval)); d <= until; d = d.AddDays(interval + g.Between(-3, 5)))
            {
                var t = profile.For(Generator.FinancialYear(d));
                if (g.Chance(0.5 + (0.5 * (1 - t.AgencyShare))))
                {
                    data.Supervisions.Add(new Supervision
                    {
                        Id = g.IdBase + data.Supervisions.Count + 1,
                        Kind = SupervisionKind.Personal,
                        WorkerId = w.Id,
                        SupervisorId = manager,
                        Date = d,
                        Discussion = "Wellbeing, caseload and learning.",
                        Actions = "Review caseload priorities before next supervision.",
                    });
                }
            }
        }

        foreach (var a in data.Allocations)
        {
            var worker = data.Workers[(int)(a.WorkerId - g.IdBase) - 1];
            if (worker.ManagerId is not { } manager)
            {
                continue;
            }

            if (a.StartDate >= detailFrom)
            {
                data.ManagementDecisions.Add(new ManagementDecision
                {
                    Id = g.IdBase + data.ManagementDecisions.Count + 1,
                    ChildId = a.ChildId,
                    ManagerId = manager,
                    Date = a.StartDate,
                    Decision = "Allocation agreed with the allocated worker.",
                    Rationale = a.Reason?.Label ?? "Allocation",
                });
            }

            var end = a.EndDate ?? to;
            for (var d = a.StartDate.AddDays(g.Between(30, 90)); d < end; d = d.AddDays(g.Between(70, 110)))
            {
                if (d < detailFrom)
                {
                    continue;
                }

                var t = profile.For(Generator.FinancialYear(d));
                if (!g.Chance(0.45 + (0.5 * (1 - t.AgencyShare))))
                {
                    continue;
                }

                data.Supervisions.Add(new Supervision
                {
                    Id = g.IdBase + data.Supervisions.Count + 1,
                    Kind = SupervisionKind.Case,
                    WorkerId = worker.Id,
                    SupervisorId = manager,
                    ChildId = a.ChildId,
                    Date = d,
                    Discussion = "Progress against the plan; child's lived experience; risks and strengths.",
                    Actions = "Visit within timescale; update chronology; review plan at next meeting.",
                });
            }
        }
    }

    private void AddPanels()
    {
        foreach (var p in data.PreProceedings)
        {
            if (p.StartDate.AddDays(-10) < detailFrom)
            {
                continue;
            }

            var request = p.StartDate.AddDays(-g.Between(7, 30));
            data.PanelDecisions.Add(new PanelDecision
            {
                Id = g.IdBase + data.PanelDecisions.Count + 1,
                ChildId = p.ChildId,
                Panel = PanelType.LegalGateway,
                RequestDate = request,
                DecisionDate = p.StartDate.AddDays(-g.Between(0, 6)),
                Outcome = PanelOutcome.Approved,
                Notes = "Threshold for pre-proceedings met.",
            });
        }

        foreach (var e in data.CareEpisodes)
        {
            if (e.StartDate < detailFrom || e.ReasonNew.Code is not ("S" or "P" or "B") || e.Placement.Code is not ("K2" or "R1" or "K1"))
            {
                continue;
            }

            var request = e.StartDate.AddDays(-g.Between(1, 20));
            var decision = request.AddDays(g.Between(0, 10));
            data.PanelDecisions.Add(new PanelDecision
            {
                Id = g.IdBase + data.PanelDecisions.Count + 1,
                ChildId = e.ChildId,
                Panel = PanelType.ResourceAndPlacement,
                RequestDate = request,
                DecisionDate = decision <= to ? decision : null,
                Outcome = decision <= to ? PanelOutcome.Approved : PanelOutcome.Pending,
                Notes = "Residential placement agreed; sufficiency search recorded.",
            });
        }

        foreach (var p in data.ProtectionPlans)
        {
            if (p.StartDate < detailFrom || !g.Chance(0.08))
            {
                continue;
            }

            var request = p.StartDate.AddDays(g.Between(30, 120));
            if (request > to)
            {
                continue;
            }

            var decided = request.AddDays(g.Between(3, 40));
            data.PanelDecisions.Add(new PanelDecision
            {
                Id = g.IdBase + data.PanelDecisions.Count + 1,
                ChildId = p.ChildId,
                Panel = PanelType.EdgeOfCare,
                RequestDate = request,
                DecisionDate = decided <= to ? decided : null,
                Outcome = decided <= to ? (g.Chance(0.8) ? PanelOutcome.Approved : PanelOutcome.Declined) : PanelOutcome.Pending,
                Notes = "Intensive family support requested.",
            });
        }
    }

    private void AddPrivateFosteringAndAllegations()
    {
        for (var month = simStart; month <= to; month = month.AddMonths(1))
        {
            if (g.Chance(Math.Min(1, 0.6 * scale)))
            {
                var count = Math.Max(1, (int)Math.Round(0.6 * scale));
                for (var i = 0; i < count; i++)
                {
                    var notified = month.AddDays(g.Between(0, 27));
                    var s = g.NewChild(notified, g.Between(10, 16));
                    var start = notified.AddDays(-g.Between(0, 20));
                    var end = start.AddDays(g.Between(90, 500));
                    var arrangement = new PrivateFosteringArrangement
                    {
                        Id = g.IdBase + data.PrivateFostering.Count + 1,
                        ChildId = s.Child.Id,
                        NotificationDate = notified,
                        StartDate = start,
                        EndDate = end <= to ? end : null,
                        CarerName = $"{g.Pick(Names.Adults)} {g.Pick(Names.Family)}",
                    };
                    data.PrivateFostering.Add(arrangement);
                    var visit = WorkingDays.AddWorkingDays(notified, g.Chance(0.8) ? g.Between(1, 7) : g.Between(8, 20));
                    for (var v = visit; v < end && v <= to; v = v.AddDays(g.Chance(0.85) ? g.Between(30, 42) : g.Between(43, 70)))
                    {
                        if (v >= detailFrom)
                        {
                            data.Visits.Add(new Visit { Id = g.IdBase + data.Visits.Count + 1, ChildId = s.Child.Id, Date = v, Kind = VisitKind.PrivateFostering, ChildSeen = true, ChildSeenAlone = g.Chance(0.8) });
                        }
                    }
                }
            }

            var allegations = Math.Max(0, (int)Math.Round((12 + (g.Normal() * 3)) * scale));
            for (var i = 0; i < allegations; i++)
            {
                var received = month.AddDays(g.Between(0, 27));
                var x = g.Rng.NextDouble();
                var days = x < 0.5 ? g.Between(3, 30) : x < 0.8 ? g.Between(31, 90) : x < 0.97 ? g.Between(91, 365) : g.Between(366, 500);
                var resolved = received.AddDays(days);
                data.Allegations.Add(new Allegation
                {
                    Id = g.IdBase + data.Allegations.Count + 1,
                    ChildId = null,
                    ReceivedDate = received,
                    Sector = g.Pick(Sectors),
                    PersonRole = g.Pick(PersonRoles),
                    Category = g.Pick(AllegationCategories),
                    LadoWorkerId = lado?.Id,
                    InitialDecisionDate = WorkingDays.AddWorkingDays(received, g.Chance(0.85) ? 1 : g.Between(2, 5)),
                    ResolvedDate = resolved <= to ? resolved : null,
                    Outcome = resolved > to ? AllegationOutcome.Open : g.Rng.NextDouble() switch
                    {
                        < 0.30 => AllegationOutcome.Substantiated,
                        < 0.65 => AllegationOutcome.Unsubstantiated,
                        < 0.95 => AllegationOutcome.Unfounded,
                        < 0.98 => AllegationOutcome.False,
                        _ => AllegationOutcome.Malicious,
                    },
                });
            }
        }
    }

    private static readonly string[] Sectors = ["Education", "Early years", "Foster care", "Residential care", "Health", "Police", "Faith group", "Sport and leisure", "Transport"];

    private static readonly string[] PersonRoles = ["Teacher", "Teaching assistant", "Foster carer", "Residential worker", "Nurse", "Coach", "Youth worker", "Taxi driver"];

    private static readonly string[] AllegationCategories = ["Physical", "Sexual", "Emotional", "Neglect", "Behaviour indicating unsuitability"];
}
