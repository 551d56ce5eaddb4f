using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Returns.AnnexA;

/// <summary>One Annex A list: its sheet name, headings and rows. A cell is a <see cref="DateOnly"/>, an
/// <see cref="int"/>, a <see cref="string"/>, or null for a blank.</summary>
public sealed record AnnexASheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>How Lantern fills one column that it does not record as Ofsted asks (blank, or derived).</summary>
public sealed record AnnexANote(string List, string Column, string Note);

/// <summary>The eleven Annex A lists as at a date, and the notes on what Lantern cannot fill.</summary>
public sealed record AnnexAWorkbook(DateOnly AsAt, IReadOnlyList<AnnexASheet> Lists, IReadOnlyList<AnnexANote> Notes)
{
    /// <summary>List <paramref name="number"/> (1 to 11).</summary>
    public AnnexASheet List(int number) => Lists[number - 1];
}

/// <summary>
/// The Ofsted ILACS Annex A lists as at a date, projected from the live record (domain reference section 3).
/// "The six months before" the as-at date runs from the same date six months earlier to the as-at date, both
/// included (lists 1 to 8); lists 10 and 11 look back twelve months; "at inspection" is the as-at date.
/// Only what was known on the as-at date counts: a record dated after it is left out and an end, decision or
/// completion after it has not yet happened, so a past date gives the same lists however the file has grown.
/// Rows are ordered by child (LAchildID) and then by date, so the same data always gives the same lists.
/// </summary>
public static class AnnexALists
{
    public static AnnexAWorkbook Build(AuthorityData data, DateOnly asAt, IProgress<ReturnProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new Builder(data, asAt, progress).Build();
    }

    private sealed class Builder
    {
        private const string Stage = "Annex A";
        private readonly DateOnly asAt;
        private readonly DateOnly sixMonthsAgo;
        private readonly DateOnly twelveMonthsAgo;
        private readonly IProgress<ReturnProgress>? progress;
        private readonly List<ChildFile> files;
        private readonly Dictionary<long, Worker> workers;
        private readonly Dictionary<long, Team> teams;
        private readonly Dictionary<long, List<Allocation>> allocations;
        private readonly Dictionary<long, List<MissingEpisode>> missing;
        private readonly Dictionary<long, List<AdoptionRecord>> adoptions;
        private readonly Dictionary<long, CareHistory> histories = [];
        private readonly HashSet<string> districts;
        private readonly string? authorityName;

        public Builder(AuthorityData data, DateOnly asAt, IProgress<ReturnProgress>? progress)
        {
            this.asAt = asAt;
            this.progress = progress;
            sixMonthsAgo = asAt.AddMonths(-6);
            twelveMonthsAgo = asAt.AddMonths(-12);
            var index = ChildFile.IndexAll(data);
            files = [.. index.Values.OrderBy(f => f.Child.LaChildId, StringComparer.Ordinal).ThenBy(f => f.Child.Id)];
            workers = data.Workers.GroupBy(w => w.Id).ToDictionary(g => g.Key, g => g.First());
            teams = data.Teams.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
            allocations = ByChild(data.Allocations);
            missing = ByChild(data.MissingEpisodes);
            adoptions = ByChild(data.Adoptions);
            districts = new HashSet<string>(data.Wards.Select(w => w.PostcodeDistrict.Trim()), StringComparer.OrdinalIgnoreCase);
            authorityName = data.Authorities.FirstOrDefault()?.Name;
        }

        public AnnexAWorkbook Build()
        {
            var builders = new (string Name, IReadOnlyList<string> Headers, Func<List<object?[]>> Rows)[]
            {
                ("List 1 Contacts", AnnexAColumns.List1, Contacts),
                ("List 2 Early help", AnnexAColumns.List2, EarlyHelp),
                ("List 3 Referrals", AnnexAColumns.List3, Referrals),
                ("List 4 Assessments", AnnexAColumns.List4, Assessments),
                ("List 5 Section 47 and ICPCs", AnnexAColumns.List5, Section47s),
                ("List 6 Children in need", AnnexAColumns.List6, ChildrenInNeed),
                ("List 7 Child protection", AnnexAColumns.List7, ChildProtection),
                ("List 8 Children in care", AnnexAColumns.List8, ChildrenInCare),
                ("List 9 Care leavers", AnnexAColumns.List9, CareLeavers),
                ("List 10 Adoption", AnnexAColumns.List10, Adoption),
                ("List 11 Adopters", AnnexAColumns.List11, Adopters),
            };

            var lists = new List<AnnexASheet>(builders.Length);
            for (var i = 0; i < builders.Length; i++)
            {
                progress?.Report(new ReturnProgress(Stage, i, builders.Length));
                lists.Add(new AnnexASheet(builders[i].Name, builders[i].Headers, builders[i].Rows()));
            }

            progress?.Report(new ReturnProgress(Stage, builders.Length, builders.Length));
            return new AnnexAWorkbook(asAt, lists, AnnexANotes.All);
        }

        // List 1: every contact received in the six months, one row per child per contact.
        private List<object?[]> Contacts()
        {
            var rows = new List<object?[]>();
            foreach (var file in files.Where(f => f.Contacts.Count > 0))
            {
                foreach (var c in file.Contacts.Where(c => InSixMonths(c.ReceivedDate)).OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id))
                {
                    rows.Add(Row(file.Child, c.ReceivedDate, AnnexACodes.Source(c.Source)));
                }
            }

            return rows;
        }

        // List 2: early help assessments started in the six months, and early help open on the date.
        private List<object?[]> EarlyHelp()
        {
            var rows = new List<object?[]>();
            foreach (var file in files.Where(f => f.EarlyHelp.Count > 0))
            {
                foreach (var e in file.EarlyHelp.Where(e => e.StartDate <= asAt).OrderBy(e => e.StartDate).ThenBy(e => e.Id))
                {
                    var started = Known(e.AssessmentStartDate);
                    var open = Known(e.EndDate) is null;
                    if (open || (started is { } s && InSixMonths(s)))
                    {
                        rows.Add(Row(file.Child, started, Known(e.AssessmentCompletedDate), Text(e.Organisation)));
                    }
                }
            }

            return rows;
        }

        // List 3: every referral received in the six months.
        private List<object?[]> Referrals()
        {
            var rows = new List<object?[]>();
            foreach (var file in files.Where(f => f.Referrals.Count > 0))
            {
                foreach (var r in Sorted(file.Referrals.Where(r => InSixMonths(r.ReferralDate)), r => r.ReferralDate))
                {
                    // Referrals in the twelve months before this one (the DfE's re-referral window), not itself.
                    var previous = file.Referrals.Count(o => Before(o.ReferralDate, o.Id, r.ReferralDate, r.Id) && o.ReferralDate >= r.ReferralDate.AddMonths(-12));
                    var (team, worker) = Allocated(file, EpisodeDate(r));
                    rows.Add(Row(file.Child, r.ReferralDate, AnnexACodes.Source(r.Source), AnnexACodes.YesNo(r.NoFurtherAction), previous, team, worker));
                }
            }

            return rows;
        }

        // List 4: assessments started or authorised in the six months, and those still open on the date.
        private List<object?[]> Assessments()
        {
            var rows = new List<object?[]>();
            foreach (var file in files.Where(f => f.Assessments.Count > 0))
            {
                var referrals = file.Referrals.ToDictionary(r => r.Id);
                foreach (var a in Sorted(file.Assessments.Where(a => a.StartDate <= asAt), a => a.StartDate))
                {
                    var authorised = Known(a.AuthorisationDate);
                    var referral = referrals.GetValueOrDefault(a.ReferralId);
                    var abandoned = authorised is null && referral is not null && Known(referral.ClosureDate) is not null;
                    var include = InSixMonths(a.StartDate) || (authorised is { } done ? InSixMonths(done) : !abandoned);
                    if (!include)
                    {
                        continue;
                    }

                    var seen = a.ChildSeen && (a.ChildSeenDate is null || a.ChildSeenDate <= asAt);
                    string? needsSupport = authorised is null ? null : a.Outcome switch
                    {
                        AssessmentOutcome.ChildInNeedPlan or AssessmentOutcome.StrategyDiscussion or AssessmentOutcome.LookedAfter => AnnexACodes.Yes,
                        AssessmentOutcome.NoFurtherAction or AssessmentOutcome.EarlyHelp => AnnexACodes.No,
                        _ => null,
                    };
                    var (team, worker) = Allocated(file, referral is null ? asAt : EpisodeDate(referral));
                    rows.Add(Row(file.Child, AnnexACodes.Disability(file.Child), a.StartDate, AnnexACodes.YesNo(seen), authorised, needsSupport, team, worker));
                }
            }

            return rows;
        }

        // List 5: section 47 enquiries whose strategy discussion was in the six months, open ones included.
        private List<object?[]> Section47s()
        {
            var rows = new List<object?[]>();
            foreach (var file in files.Where(f => f.Section47s.Count > 0))
            {
                var referrals = file.Referrals.ToDictionary(r => r.Id);
                var enquiries = file.Section47s.Where(s => s.StartDate <= asAt).Select(s => (Enquiry: s, Date: DiscussionDate(file, s))).ToList();
                foreach (var (s, date) in enquiries.OrderBy(x => x.Date).ThenBy(x => x.Enquiry.Id))
                {
                    if (!InSixMonths(date))
                    {
                        continue;
                    }

                    var icpc = InitialConference(file, s);

                    // As the CIN census reads it: marked not required, or the enquiry ended without asking for one.
                    var notRequired = s.IcpcNotRequired || (Known(s.EndDate) is not null && s.Outcome != Section47Outcome.ConferenceRequired);
                    string? plan = icpc is null ? null : AnnexACodes.YesNo(icpc.Outcome == ConferenceOutcome.PlanStarted);
                    var yearBefore = date.AddMonths(-12);
                    var previous = enquiries.Count(o => Before(o.Date, o.Enquiry.Id, date, s.Id) && o.Date >= yearBefore);
                    var conferences = file.Conferences.Count(c => c.Type == ConferenceType.Initial && c.Date < date && c.Date >= yearBefore);
                    var referral = referrals.GetValueOrDefault(s.ReferralId);
                    var (team, worker) = Allocated(file, referral is null ? asAt : EpisodeDate(referral));
                    rows.Add(Row(
                        file.Child, AnnexACodes.Disability(file.Child), date, AnnexACodes.YesNo(notRequired), icpc?.Date, plan,
                        previous, conferences, team, worker));
                }
            }

            return rows;
        }

        // List 6: children in need episodes (referrals that were not NFA) open at any time in the six months.
        private List<object?[]> ChildrenInNeed()
        {
            var rows = new List<object?[]>();
            foreach (var file in files.Where(f => f.Referrals.Count > 0))
            {
                foreach (var r in Sorted(file.Referrals.Where(r => r.ReferralDate <= asAt && !r.NoFurtherAction), r => r.ReferralDate))
                {
                    var closed = Known(r.ClosureDate);
                    if (closed is { } c && c < sixMonthsAgo)
                    {
                        continue;
                    }

                    var until = closed ?? asAt;
                    var lastSeen = Latest(
                        file.Visits.Where(v => v.ChildSeen && v.Date <= until).Select(v => (DateOnly?)v.Date)
                            .Concat(file.Assessments.Where(a => a.ChildSeen).Select(a => a.ChildSeenDate is { } d && d <= until ? d : (DateOnly?)null)));
                    var (team, worker) = Allocated(file, until);
                    rows.Add(Row(
                        file.Child, AnnexACodes.Disability(file.Child), r.ReferralDate, AnnexACodes.PrimaryNeed(r.PrimaryNeed), lastSeen, closed,
                        closed is null ? null : AnnexACodes.ReasonForClosure(r.ClosureReason),
                        CaseStatus(file, closed) is { } status ? AnnexACodes.CaseStatus(status) : null, team, worker));
                }
            }

            return rows;
        }

        // List 7: child protection plans open on the date, and those that ended in the six months.
        private List<object?[]> ChildProtection()
        {
            var rows = new List<object?[]>();
            foreach (var file in files.Where(f => f.ProtectionPlans.Count > 0))
            {
                foreach (var p in Sorted(file.ProtectionPlans.Where(p => p.StartDate <= asAt), p => p.StartDate))
                {
                    var ended = Known(p.EndDate);
                    if (ended is { } e && e < sixMonthsAgo)
                    {
                        continue;
                    }

                    var until = ended ?? asAt;
                    var visit = file.Visits
                        .Where(v => v.Kind == VisitKind.ChildProtection && v.ChildSeen && v.Date >= p.StartDate && v.Date <= until)
                        .OrderByDescending(v => v.Date).ThenByDescending(v => v.Id).FirstOrDefault();
                    var review = Latest(file.Conferences
                        .Where(c => c.Type == ConferenceType.Review && c.Date <= until && c.Date >= p.StartDate
                            && (c.PlanId == p.Id || (c.PlanId is null && c.ReferralId == p.ReferralId)))
                        .Select(c => (DateOnly?)c.Date));
                    var emergency = file.CareEpisodes.Any(x => x.LegalStatus.Code is "L1" or "L2" && x.StartDate <= asAt
                        && (Known(x.EndDate) is not { } end || end > sixMonthsAgo));
                    var (team, worker) = Allocated(file, until);
                    rows.Add(Row(
                        file.Child, AnnexACodes.Disability(file.Child), p.StartDate, AnnexACodes.CategoryOfAbuse(p.InitialCategory),
                        AnnexACodes.CategoryOfAbuse(p.LatestCategory), visit?.Date, AnnexACodes.YesNo(visit?.ChildSeenAlone), review, ended,
                        AnnexACodes.YesNo(emergency), p.PreviousPlans, team, worker));
                }
            }

            return rows;
        }

        // List 8: children looked after on the date, and periods of care that ended in the six months.
        private List<object?[]> ChildrenInCare()
        {
            var rows = new List<object?[]>();
            foreach (var file in files.Where(f => f.CareEpisodes.Count > 0))
            {
                var history = History(file);
                for (var i = 0; i < history.Periods.Count; i++)
                {
                    var period = history.Periods[i];
                    if (!period.CoversDay(asAt) && !(period.End is { } end && InSixMonths(end)))
                    {
                        continue;
                    }

                    rows.Add(ChildInCareRow(file, history, i));
                }
            }

            return rows;
        }

        private object?[] ChildInCareRow(ChildFile file, CareHistory history, int index)
        {
            var child = file.Child;
            var period = history.Periods[index];
            var last = period.Last;
            var until = period.End ?? asAt;
            var uasc = child.IsUnaccompaniedAsylumSeeking && (child.UascCeasedDate is not { } ceased || ceased >= twelveMonthsAgo);
            var again = history.Periods.Take(index).Any(p => p.End is { } e && e >= twelveMonthsAgo);

            var legalFrom = period.Episodes.Count - 1;
            while (legalFrom > 0 && period.Episodes[legalFrom - 1].LegalStatus == last.LegalStatus)
            {
                legalFrom--;
            }

            var placementFrom = period.Episodes.Count - 1;
            while (placementFrom > 0 && period.Episodes[placementFrom].ReasonNew == ReasonNewEpisode.LegalStatusChange)
            {
                placementFrom--;
            }

            var review = Latest(file.CareReviews.Where(r => r.Date >= period.Start && r.Date <= until).Select(r => (DateOnly?)r.Date));
            var visit = Latest(file.Visits.Where(v => v.Kind == VisitKind.LookedAfter && v.ChildSeen && v.Date >= period.Start && v.Date <= until).Select(v => (DateOnly?)v.Date));
            var health = Latest(file.HealthChecks.Where(h => h.Kind != HealthCheckKind.DentalCheck && h.Date <= until).Select(h => (DateOnly?)h.Date));
            var dental = Latest(file.HealthChecks.Where(h => h.Kind == HealthCheckKind.DentalCheck && h.Date <= until).Select(h => (DateOnly?)h.Date));
            var inArea = InArea(last.PlacementPostcode);
            var childMissing = missing.GetValueOrDefault(child.Id) ?? [];
            var lastMissing = childMissing.Where(m => m.Type == MissingType.Missing && m.StartDate <= asAt)
                .OrderByDescending(m => m.StartDate).ThenByDescending(m => m.Id).FirstOrDefault();
            var (team, worker) = Allocated(file, until);
            return Row(
                child,
                AnnexACodes.YesNo(uasc),
                AnnexACodes.Disability(child),
                period.Start,
                AnnexACodes.PrimaryNeed(last.CategoryOfNeed),
                AnnexACodes.YesNo(again),
                period.Episodes[legalFrom].StartDate,
                AnnexACodes.LegalStatus(last.LegalStatus),
                review,
                visit,
                PermanencePlan(child, period) is { } plan ? AnnexACodes.PermanencePlan(plan) : null,
                null,
                health,
                dental,
                PlacementsInYear(history),
                period.End,
                period.End is null ? null : AnnexACodes.ReasonCeased(last.ReasonEnded),
                period.Episodes[placementFrom].StartDate,
                AnnexACodes.PlacementType(last.Placement),
                AnnexACodes.PlacementProvider(last.Provider),
                Text(last.PlacementPostcode),
                Text(last.Urn),
                inArea is { } area ? AnnexACodes.PlacementLocation(area) : null,
                inArea == true ? authorityName : null,
                childMissing.Count(m => m.Type == MissingType.Missing && m.StartDate >= twelveMonthsAgo && m.StartDate <= asAt),
                childMissing.Count(m => m.Type == MissingType.Away && m.StartDate >= twelveMonthsAgo && m.StartDate <= asAt),
                AnnexACodes.YesNo(lastMissing?.ReturnInterviewOffered),
                AnnexACodes.YesNo(lastMissing?.ReturnInterviewAccepted),
                team,
                worker);
        }

        // List 9: young people entitled to leaving-care services on the date.
        private List<object?[]> CareLeavers()
        {
            var rows = new List<object?[]>();
            foreach (var file in files.Where(f => f.CareEpisodes.Count > 0))
            {
                var contacts = file.CareLeaverContacts.Where(c => c.ContactDate <= asAt).OrderBy(c => c.ContactDate).ThenBy(c => c.Id).ToList();
                var receiving = contacts.Any(c => c.ContactDate >= twelveMonthsAgo && c.InTouch == CareLeaverInTouch.Yes);
                if (History(file).CareLeaver(file.Child, receiving) is not { } category)
                {
                    continue;
                }

                var latest = contacts.Count == 0 ? null : contacts[^1];
                var pathway = Latest(contacts.Select(c => c.PathwayPlanReviewDate is { } d && d <= asAt ? d : (DateOnly?)null));
                var (team, worker) = Allocated(file, asAt);
                var adviser = AllocationOn(file.Child.Id, asAt, personalAdviser: true) is { } pa ? workers.GetValueOrDefault(pa.WorkerId)?.DisplayName : null;
                rows.Add(Row(
                    file.Child,
                    AnnexACodes.YesNo(file.Child.IsUnaccompaniedAsylumSeeking),
                    AnnexACodes.Disability(file.Child),
                    team,
                    worker,
                    Text(adviser),
                    AnnexACodes.Eligibility(category),
                    pathway,
                    AnnexACodes.InTouch(latest?.InTouch),
                    latest?.ContactDate,
                    latest is null ? null : AnnexACodes.Accommodation(latest.Accommodation),
                    AnnexACodes.Suitability(latest),
                    latest is null ? null : AnnexACodes.Activity(latest.Activity)));
            }

            return rows;
        }

        // List 10: adopted in the twelve months, waiting with a decision to place, or the decision reversed in the twelve months.
        private List<object?[]> Adoption()
        {
            var rows = new List<object?[]>();
            foreach (var file in files.Where(f => adoptions.ContainsKey(f.Child.Id)))
            {
                foreach (var a in Sorted(AdoptionsOf(file).Where(a => a.DecisionDate <= asAt), a => a.DecisionDate))
                {
                    var adopted = Known(a.AdoptionOrderDate);
                    var reversed = Known(a.NoLongerPlacedDate);
                    var include = adopted is { } order ? order >= twelveMonthsAgo
                        : reversed is not { } stopped || stopped >= twelveMonthsAgo;
                    if (!include)
                    {
                        continue;
                    }

                    var history = History(file);
                    var period = history.Periods.LastOrDefault(p => p.Start <= a.DecisionDate);
                    var fostering = period?.Episodes.FirstOrDefault(e => e.Placement.Code is "U2" or "U5")?.StartDate;
                    rows.Add(Row(
                        file.Child,
                        Known(a.MatchDate) is null ? null : FamilyId(a),
                        AnnexACodes.Disability(file.Child),
                        period?.Start,
                        a.DecisionDate,
                        Known(a.PlacementOrderDate),
                        Known(a.MatchDate),
                        Known(a.PlacedDate),
                        adopted,
                        reversed,
                        reversed is null ? null : AnnexACodes.NoLongerPlacedReason(a.NoLongerPlacedReason),
                        fostering));
                }
            }

            return rows;
        }

        // List 11: one row per adopter of each matched adoptive family with a step of the process in the twelve months.
        private List<object?[]> Adopters()
        {
            var rows = new List<object?[]>();
            foreach (var a in files.SelectMany(AdoptionsOf).OrderBy(a => a.Id))
            {
                if (Known(a.MatchDate) is not { } matched)
                {
                    continue;
                }

                var placed = Known(a.PlacedDate);
                var adopted = Known(a.AdoptionOrderDate);
                var recent = new[] { Known(a.InterestDate), matched, placed, adopted }.Any(d => d is { } x && x >= twelveMonthsAgo);
                if (!recent)
                {
                    continue;
                }

                var sexes = AdopterSexes(a);
                for (var i = 0; i < sexes.Count; i++)
                {
                    rows.Add(
                    [
                        $"{FamilyId(a)}-{i + 1}", FamilyId(a), sexes[i], null, null, null, null, null, null, null, null, null, null,
                        matched, placed, placed is null ? 0 : 1, adopted, null, null,
                    ]);
                }
            }

            return rows;
        }

        private static List<string> AdopterSexes(AdoptionRecord a)
        {
            var known = a.AdopterSex?.Code switch
            {
                "M1" => new List<string> { AnnexACodes.Gender(Sex.Male) },
                "F1" => [AnnexACodes.Gender(Sex.Female)],
                "MM" => [AnnexACodes.Gender(Sex.Male), AnnexACodes.Gender(Sex.Male)],
                "FF" => [AnnexACodes.Gender(Sex.Female), AnnexACodes.Gender(Sex.Female)],
                "MF" => [AnnexACodes.Gender(Sex.Male), AnnexACodes.Gender(Sex.Female)],
                _ => null,
            };
            if (known is not null)
            {
                return known;
            }

            var count = a.NumberOfAdopters is { } n && n is >= 1 and <= 2 ? n : 1;
            return [.. Enumerable.Repeat(AnnexACodes.Gender(Sex.Unknown), count)];
        }

        /// <summary>The adoptive family of a matched adoption record. Lantern records adopters only on the
        /// child's adoption record, so siblings adopted together appear as one family each.</summary>
        private static string FamilyId(AdoptionRecord a) => $"AF{a.Id}";

        private IEnumerable<AdoptionRecord> AdoptionsOf(ChildFile file) => adoptions.GetValueOrDefault(file.Child.Id) ?? [];

        private AnnexACaseStatus? CaseStatus(ChildFile file, DateOnly? closed)
        {
            if (closed is not null)
            {
                return AnnexACaseStatus.ClosedEpisode;
            }

            if (History(file).PeriodOn(asAt) is not null)
            {
                return AnnexACaseStatus.LookedAfter;
            }

            if (file.ProtectionPlans.Any(p => p.StartDate <= asAt && Known(p.EndDate) is null))
            {
                return AnnexACaseStatus.ProtectionPlan;
            }

            if (file.ChildInNeedPlans.Any(p => p.StartDate <= asAt && Known(p.EndDate) is null))
            {
                return AnnexACaseStatus.ChildInNeedPlan;
            }

            return file.Assessments.Any(a => a.StartDate <= asAt && Known(a.AuthorisationDate) is null)
                ? AnnexACaseStatus.OpenAssessment
                : null;
        }

        /// <summary>The plan as far as the record shows it: an adoption decision not reversed is adoption; a
        /// placement agreed as long-term fostering (U1, U4) is long-term fostering; otherwise not recorded.</summary>
        private AnnexAPermanencePlan? PermanencePlan(Child child, CarePeriod period)
        {
            var adoption = (adoptions.GetValueOrDefault(child.Id) ?? []).Any(a =>
                a.DecisionDate >= period.Start && a.DecisionDate <= asAt && Known(a.NoLongerPlacedDate) is null);
            if (adoption)
            {
                return AnnexAPermanencePlan.Adoption;
            }

            return period.Last.Placement.Code is "U1" or "U4" ? AnnexAPermanencePlan.LongTermFostering : null;
        }

        /// <summary>Placements in the twelve months to the date: the one held at the start, and every start of
        /// care or change of placement after it (not a change of legal status alone, and not a placement for
        /// adoption with the current foster carer), as the DfE stability measure counts them.</summary>
        private int PlacementsInYear(CareHistory history)
        {
            var count = history.PeriodOn(twelveMonthsAgo) is null ? 0 : 1;
            foreach (var e in history.Periods.SelectMany(p => p.Episodes))
            {
                if (e.StartDate > twelveMonthsAgo && e.StartDate <= asAt && e.ReasonNew != ReasonNewEpisode.LegalStatusChange
                    && e.Placement.Code is not ("A3" or "A5"))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>Whether a placement postcode is in one of the council's postcode districts; null when
        /// there is no postcode.</summary>
        private bool? InArea(string? postcode)
        {
            if (string.IsNullOrWhiteSpace(postcode))
            {
                return null;
            }

            var outward = postcode.Trim().Split(' ', 2)[0];
            return districts.Contains(outward);
        }

        private DateOnly DiscussionDate(ChildFile file, Section47Enquiry s)
        {
            if (s.StrategyDiscussionId is { } id)
            {
                foreach (var sd in file.StrategyDiscussions)
                {
                    if (sd.Id == id && sd.Date <= asAt)
                    {
                        return sd.Date;
                    }
                }
            }

            return s.StartDate;
        }

        /// <summary>The enquiry's initial conference as the statutory clock and the CIN census read it: the
        /// earliest linked to it, else the earliest unlinked one of its referral on or after its start.</summary>
        private ChildProtectionConference? InitialConference(ChildFile file, Section47Enquiry s)
        {
            var initial = file.Conferences.Where(c => c.Type == ConferenceType.Initial && c.Date <= asAt).OrderBy(c => c.Date).ThenBy(c => c.Id).ToList();
            return initial.FirstOrDefault(c => c.Section47Id == s.Id)
                ?? initial.FirstOrDefault(c => c.Section47Id is null && c.ReferralId == s.ReferralId && c.Date >= s.StartDate);
        }

        private CareHistory History(ChildFile file)
        {
            if (!histories.TryGetValue(file.Child.Id, out var history))
            {
                history = new CareHistory(file.CareEpisodes, asAt);
                histories[file.Child.Id] = history;
            }

            return history;
        }

        /// <summary>The allocated team and worker on <paramref name="on"/>: the as-at date while the case is
        /// open, the day it closed once it has.</summary>
        private (string? Team, string? Worker) Allocated(ChildFile file, DateOnly on)
        {
            if (AllocationOn(file.Child.Id, on, personalAdviser: false) is not { } allocation
                || !workers.TryGetValue(allocation.WorkerId, out var worker))
            {
                return (null, null);
            }

            return (Text(teams.GetValueOrDefault(worker.TeamId)?.Name), Text(worker.DisplayName));
        }

        /// <summary>The allocation open on the date (the one starting latest on a handover day, as a new
        /// allocation replaces the old); personal advisers are read apart from social workers.</summary>
        private Allocation? AllocationOn(long childId, DateOnly on, bool personalAdviser)
        {
            Allocation? best = null;
            foreach (var a in allocations.GetValueOrDefault(childId) ?? [])
            {
                if (!a.IsOpenOn(on) || a.StartDate > asAt)
                {
                    continue;
                }

                var isAdviser = workers.GetValueOrDefault(a.WorkerId)?.Role == WorkerRole.PersonalAdviser;
                if (isAdviser == personalAdviser && (best is null || a.StartDate > best.StartDate || (a.StartDate == best.StartDate && a.Id > best.Id)))
                {
                    best = a;
                }
            }

            return best;
        }

        private DateOnly EpisodeDate(Referral r) => Known(r.ClosureDate) ?? asAt;

        private bool InSixMonths(DateOnly date) => date >= sixMonthsAgo && date <= asAt;

        private DateOnly? Known(DateOnly? date) => date is { } d && d <= asAt ? d : null;

        private object?[] Row(Child child, params object?[] cells)
        {
            var dob = child.DateOfBirth is { } d && d <= asAt ? d : (DateOnly?)null;
            object?[] common =
            [
                child.LaChildId,
                AnnexACodes.Gender(child.Sex),
                AnnexACodes.Ethnicity(child.Ethnicity),
                dob,
                dob is null ? -1 : child.AgeOn(asAt),
            ];
            return [.. common, .. cells];
        }

        private static bool Before(DateOnly date, long id, DateOnly otherDate, long otherId) =>
            date < otherDate || (date == otherDate && id < otherId);

        private static DateOnly? Latest(IEnumerable<DateOnly?> dates) => dates.Max();

        private static IEnumerable<T> Sorted<T>(IEnumerable<T> records, Func<T, DateOnly> date)
            where T : Entity => records.OrderBy(date).ThenBy(r => r.Id);

        private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private static Dictionary<long, List<T>> ByChild<T>(IEnumerable<T> records)
            where T : ChildRecord
        {
            var result = new Dictionary<long, List<T>>();
            foreach (var r in records)
            {
                if (!result.TryGetValue(r.ChildId, out var list))
                {
                    result[r.ChildId] = list = [];
                }

                list.Add(r);
            }

            return result;
        }
    }
}
