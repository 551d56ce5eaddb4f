using Lantern.Domain.Identifiers;
using Lantern.Domain.Model;

namespace Lantern.Synthetic;

/// <summary>Joins areas generated separately into one authority: each area's ids move past the
/// previous areas' ids, and every reference moves with them.</summary>
internal static class ShardMerger
{
    private sealed class Offsets
    {
        public long Child, Person, Worker, Team, Referral, Contact, Strategy, Section47, CpPlan, CinPlan, Note;
    }

    public static GenerationResult Merge(IReadOnlyList<GenerationResult> shards, GeneratorOptions options)
    {
        var merged = new AuthorityData();
        var defects = new List<InjectedDefect>();
        var first = shards[0].Data;
        merged.Authorities.Add(first.Authorities[0]);
        merged.Authorities[0].Seed = options.Seed;
        merged.Wards.AddRange(first.Wards);

        var population = new Dictionary<(int Year, string Ward, int Age), PopulationEstimate>();
        foreach (var shard in shards)
        {
            foreach (var p in shard.Data.Population)
            {
                if (population.TryGetValue((p.Year, p.Ward, p.Age), out var sum))
                {
                    sum.Count += p.Count;
                }
                else
                {
                    population[(p.Year, p.Ward, p.Age)] = p;
                    merged.Population.Add(p);
                }
            }
        }

        var next = new Offsets();
        var counters = new long[38];
        foreach (var shard in shards)
        {
            var o = next;
            var d = shard.Data;
            next = new Offsets
            {
                Child = o.Child + MaxId(d.Children),
                Person = o.Person + MaxId(d.People),
                Worker = o.Worker + MaxId(d.Workers),
                Team = o.Team + MaxId(d.Teams),
                Referral = o.Referral + MaxId(d.Referrals),
                Contact = o.Contact + MaxId(d.Contacts),
                Strategy = o.Strategy + MaxId(d.StrategyDiscussions),
                Section47 = o.Section47 + MaxId(d.Section47s),
                CpPlan = o.CpPlan + MaxId(d.ProtectionPlans),
                CinPlan = o.CinPlan + MaxId(d.ChildInNeedPlans),
                Note = o.Note + MaxId(d.CaseNotes),
            };

            long? W(long? id) => id + o.Worker;

            foreach (var c in d.Children)
            {
                c.Id += o.Child;
                c.LaChildId = $"NEL{c.Id:D7}";
                c.NhsNumber = NhsNumber.FromSerial(c.Id % (NhsNumber.MaxSerial + 1)).Digits;
            }

            Move(merged.Children, d.Children);
            foreach (var p in d.People)
            {
                p.Id += o.Person;
            }

            Move(merged.People, d.People);
            foreach (var t in d.Teams)
            {
                t.Id += o.Team;
            }

            Move(merged.Teams, d.Teams);
            foreach (var w in d.Workers)
            {
                w.Id += o.Worker;
                w.TeamId += o.Team;
                w.ManagerId = W(w.ManagerId);
                w.StaffId = $"SW{w.Id:D7}";
            }

            Move(merged.Workers, d.Workers);
            Child(merged.Relationships, d.Relationships, o, counters, 0, r =>
            {
                r.PersonId += o.Person;
                r.RelatedChildId += o.Child;
            });
            Child(merged.Professionals, d.Professionals, o, counters, 1);
            foreach (var c in d.Contacts)
            {
                c.Id += o.Contact;
                c.ChildId += o.Child;
                c.DecidedByWorkerId = W(c.DecidedByWorkerId);
            }

            Move(merged.Contacts, d.Contacts);
            Child(merged.EarlyHelp, d.EarlyHelp, o, counters, 2, e => e.LeadWorkerId = W(e.LeadWorkerId));
            foreach (var r in d.Referrals)
            {
                r.Id += o.Referral;
                r.ChildId += o.Child;
                r.ContactId += o.Contact;
            }

            Move(merged.Referrals, d.Referrals);
            Child(merged.Assessments, d.Assessments, o, counters, 3, a =>
            {
                a.ReferralId += o.Referral;
                a.AuthorisedByWorkerId = W(a.AuthorisedByWorkerId);
            });
            foreach (var s in d.StrategyDiscussions)
            {
                s.Id += o.Strategy;
                s.ChildId += o.Child;
                s.ReferralId += o.Referral;
            }

            Move(merged.StrategyDiscussions, d.StrategyDiscussions);
            foreach (var s in d.Section47s)
            {
                s.Id += o.Section47;
                s.ChildId += o.Child;
                s.ReferralId += o.Referral;
                s.StrategyDiscussionId += o.Strategy;
            }

            Move(merged.Section47s, d.Section47s);
            foreach (var p in d.ProtectionPlans)
            {
                p.Id += o.CpPlan;
                p.ChildId += o.Child;
                p.ReferralId += o.Referral;
                p.StepDownAuthorisedByWorkerId = W(p.StepDownAuthorisedByWorkerId);
            }

            Move(merged.ProtectionPlans, d.ProtectionPlans);
            Child(merged.Conferences, d.Conferences, o, counters, 4, c =>
            {
                c.ReferralId += o.Referral;
                c.Section47Id += o.Section47;
                c.PlanId += o.CpPlan;
                c.ChairWorkerId = W(c.ChairWorkerId);
            });
            Child(merged.CoreGroups, d.CoreGroups, o, counters, 5, c => c.PlanId += o.CpPlan);
            foreach (var p in d.ChildInNeedPlans)
            {
                p.Id += o.CinPlan;
                p.ChildId += o.Child;
                p.ReferralId += o.Referral;
            }

            Move(merged.ChildInNeedPlans, d.ChildInNeedPlans);
            Child(merged.ChildInNeedReviews, d.ChildInNeedReviews, o, counters, 6, r => r.PlanId += o.CinPlan);
            Child(merged.CareEpisodes, d.CareEpisodes, o, counters, 7);
            Child(merged.CareReviews, d.CareReviews, o, counters, 8, r => r.IroWorkerId = W(r.IroWorkerId));
            Child(merged.HealthChecks, d.HealthChecks, o, counters, 9);
            Child(merged.AnnualOutcomes, d.AnnualOutcomes, o, counters, 10);
            Child(merged.MissingEpisodes, d.MissingEpisodes, o, counters, 11);
            Child(merged.CareLeaverContacts, d.CareLeaverContacts, o, counters, 12);
            Child(merged.Adoptions, d.Adoptions, o, counters, 13);
            Child(merged.PreviousPermanence, d.PreviousPermanence, o, counters, 14);
            Child(merged.PreProceedings, d.PreProceedings, o, counters, 15);
            Child(merged.CareProceedings, d.CareProceedings, o, counters, 16);
            Child(merged.PrivateFostering, d.PrivateFostering, o, counters, 17);
            foreach (var a in d.Allegations)
            {
                a.Id = ++counters[18];
                a.ChildId += o.Child;
                a.LadoWorkerId = W(a.LadoWorkerId);
            }

            Move(merged.Allegations, d.Allegations);
            Child(merged.Allocations, d.Allocations, o, counters, 19, a => a.WorkerId += o.Worker);
            foreach (var s in d.Supervisions)
            {
                s.Id = ++counters[20];
                s.WorkerId += o.Worker;
                s.SupervisorId += o.Worker;
                s.ChildId += o.Child;
            }

            Move(merged.Supervisions, d.Supervisions);
            Child(merged.ManagementDecisions, d.ManagementDecisions, o, counters, 21, m => m.ManagerId += o.Worker);
            Child(merged.PanelDecisions, d.PanelDecisions, o, counters, 22);
            Child(merged.Visits, d.Visits, o, counters, 23, v => v.WorkerId = W(v.WorkerId));
            foreach (var n in d.CaseNotes)
            {
                n.Id += o.Note;
                n.ChildId += o.Child;
                n.AuthorId += o.Worker;
                n.CorrectsNoteId += o.Note;
            }

            Move(merged.CaseNotes, d.CaseNotes);
            foreach (var defect in shard.Defects)
            {
                defects.Add(defect with { ChildId = defect.ChildId + o.Child });
            }
        }

        return new GenerationResult { Data = merged, Defects = defects };
    }

    private static long MaxId<T>(List<T> list)
        where T : Entity
    {
        long max = 0;
        foreach (var e in list)
        {
            max = Math.Max(max, e.Id);
        }

        return max;
    }

    private static void Move<T>(List<T> target, List<T> source)
    {
        target.AddRange(source);
        source.Clear();
        source.TrimExcess();
    }

    /// <summary>Records nothing refers to get fresh ids; their child reference moves.</summary>
    private static void Child<T>(List<T> target, List<T> source, Offsets o, long[] counters, int counter, Action<T>? more = null)
        where T : ChildRecord
    {
        foreach (var e in source)
        {
            e.Id = ++counters[counter];
            e.ChildId += o.Child;
            more?.Invoke(e);
        }

        Move(target, source);
    }
}
