using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Domain.Returns;

namespace Lantern.Returns.Cin;

/// <summary>
/// Imports a CIN census file (from Lantern or another case system) into a database, in two reads of the file:
/// the first checks everything against the schema of the year the header names and reports every problem (then
/// nothing is written); the second matches each child by LAchildID, each referral by CINreferralDate and each
/// module by its start date (CPPreviewDate and conferences by date), adds what is new and corrects what differs,
/// in one transaction.
/// </summary>
/// <remarks>
/// The file is the record as it stood on its ReferenceDate, and "differs" means the year's export would write
/// something else: a closure after that date, or RC9 where a 2021 file says RC8, is not a difference. An import
/// never deletes: a record the file does not mention, or a conference it no longer lists, is left as it is. Items
/// the census does not carry are left empty (names) or at their defaults (outcomes). GenderCurrent 9
/// (indeterminate) has no Lantern value and is read as not known (U). Problems found only against the database (a
/// file for another authority) are reported after the file's own.
/// </remarks>
public static class CinCensusImport
{
    public static async Task<ImportResult> ImportAsync(DbTarget target, string path, IProgress<ReturnProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new ReturnFileException(Directory.Exists(path)
                ? $"{path} is a folder: give the CIN census XML file."
                : $"There is no file {path}.");
        }

        var reader = new CinCensusReader(path);
        var file = reader.FileName;
        var header = reader.ReadHeader();
        var problems = new List<ReturnProblem>();
        var layout = Layout(header, file, problems);
        if (layout is null)
        {
            return Failed(0, problems);
        }

        // First read: every problem in the file.
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        int inFile = 0;
        foreach (var entry in reader.Children(layout, problems))
        {
            ct.ThrowIfCancellationRequested();
            inFile++;
            if (reader.CheckId(entry) is { } idProblem)
            {
                problems.Add(idProblem);
            }
            else if (!seen.TryAdd(entry.LaChildId, entry.Line))
            {
                problems.Add(new ReturnProblem(file, entry.Line, entry.LaChildId, "LAchildID",
                    $"This child is in the file more than once (first at line {seen[entry.LaChildId]}): a child has one Child element, with a CINdetails group for each referral."));
            }

            if (inFile % 2000 == 0)
            {
                progress?.Report(new ReturnProgress("Checking the file", inFile, 0));
            }
        }

        progress?.Report(new ReturnProgress("Checking the file", inFile, inFile));
        if (problems.Count > 0)
        {
            return Failed(inFile, problems);
        }

        seen.Clear();
        await using var session = await ImportSession.BeginAsync(target, ct);
        var lea = header.Lea!;
        var authorities = session.Existing.Authorities;
        if (authorities.Count == 0)
        {
            session.Add(new LocalAuthority
            {
                Code = lea,
                Name = $"Local authority {lea}",
                Profile = "imported",
                DataFrom = layout.Year.Start,
                DataTo = layout.Year.End,
            });
        }
        else if (!authorities.Any(a => a.Code == lea))
        {
            problems.Add(new ReturnProblem(file, header.LeaLine, null, "LEA",
                $"The file is for local authority {lea} but this database is for {string.Join(", ", authorities.Select(a => a.Code))}: import it into that authority's database."));
            return Failed(inFile, problems);
        }

        // Second read: match and write.
        var merge = new Merge(session, layout);
        int done = 0;
        foreach (var entry in reader.Children(layout, null))
        {
            ct.ThrowIfCancellationRequested();
            merge.Child(entry);
            if (++done % 1000 == 0)
            {
                progress?.Report(new ReturnProgress("Importing children", done, inFile));
                await session.FlushIfLargeAsync(ct);
            }
        }

        await session.CommitAsync(ct);
        progress?.Report(new ReturnProgress("Importing children", done, inFile));
        return new ImportResult(true, inFile, merge.Added, merge.ChangedChildren, inFile - merge.Added - merge.ChangedChildren,
            [.. session.AddedByTable.OrderBy(p => p.Key, StringComparer.Ordinal)],
            [.. session.ChangedByTable.OrderBy(p => p.Key, StringComparer.Ordinal)],
            []);
    }

    private static ImportResult Failed(int inFile, List<ReturnProblem> problems) =>
        new(false, inFile, 0, 0, 0, [], [], [.. problems.OrderBy(p => p.Line ?? 0)]);

    /// <summary>The year's layout from the header, or null with the problems that prevent reading on.</summary>
    private static CinLayout? Layout(CinHeader header, string file, List<ReturnProblem> problems)
    {
        if (!header.IsCinMessage)
        {
            problems.Add(new ReturnProblem(file, 1, null, null, $"This is not a CIN census file: it starts with <{header.RootName}>, not <Message>."));
            return null;
        }

        if (header.Collection is { } collection && collection != "CIN")
        {
            problems.Add(new ReturnProblem(file, null, null, "Collection", $"The header's Collection is \"{collection}\", not CIN: this is not a CIN census file."));
        }

        if (header.Lea is not { Length: 3 } lea || !lea.All(char.IsAsciiDigit))
        {
            problems.Add(new ReturnProblem(file, header.LeaLine, null, "LEA", "The header must give the LEA, the local authority's three-digit number, so Lantern knows whose census it is."));
        }

        CinLayout? layout = null;
        if (header.YearText is not { } yearText)
        {
            problems.Add(new ReturnProblem(file, null, null, "Year", $"The header has no Year (CollectionDetails/Year), so Lantern cannot tell which year's layout and codes the file uses: it reads {CollectionYear.Earliest} to {CollectionYear.Latest}."));
        }
        else if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < CollectionYear.Earliest || year > CollectionYear.Latest)
        {
            problems.Add(new ReturnProblem(file, header.YearLine, null, "Year",
                $"Year \"{yearText}\" is not a CIN census Lantern can read: it reads {CollectionYear.Earliest} ({new CollectionYear(CollectionYear.Earliest).Label}) to {CollectionYear.Latest} ({new CollectionYear(CollectionYear.Latest).Label}), named by the year the collection ends."));
        }
        else
        {
            layout = CinLayout.For(new CollectionYear(year));
            if (header.ReferenceDate is { } reference && reference != layout.Year.End)
            {
                problems.Add(new ReturnProblem(file, header.ReferenceDateLine, null, "ReferenceDate",
                    $"The ReferenceDate of the {layout.Year.Label} census is {CinCensusExport.Date(layout.Year.End)}, the end of the year; this file gives {CinCensusExport.Date(reference)}."));
            }
        }

        return problems.Count == 0 ? layout : null;
    }

    /// <summary>Matches the file's children to the database's and records what to add and change.</summary>
    private sealed class Merge
    {
        private readonly ImportSession _session;
        private readonly CinLayout _layout;
        private readonly DateOnly _end;
        private readonly Dictionary<string, Child> _children = new(StringComparer.Ordinal);
        private readonly Dictionary<long, List<Referral>> _referrals;
        private readonly Dictionary<long, List<Assessment>> _assessments;
        private readonly Dictionary<long, List<Section47Enquiry>> _section47s;
        private readonly Dictionary<long, List<ChildProtectionConference>> _conferences;
        private readonly Dictionary<long, List<ChildProtectionPlan>> _plans;
        private readonly Dictionary<long, List<ChildInNeedPlan>> _cinPlans;
        private bool _touched;

        public Merge(ImportSession session, CinLayout layout)
        {
            _session = session;
            _layout = layout;
            _end = layout.Year.End;
            var existing = session.Existing;
            foreach (var child in existing.Children)
            {
                _children.TryAdd(child.LaChildId, child);
            }

            _referrals = ByChild(existing.Referrals);
            _assessments = ByChild(existing.Assessments);
            _section47s = ByChild(existing.Section47s);
            _conferences = ByChild(existing.Conferences);
            _plans = ByChild(existing.ProtectionPlans);
            _cinPlans = ByChild(existing.ChildInNeedPlans);
        }

        public int Added { get; private set; }

        public int ChangedChildren { get; private set; }

        public void Child(CinChildEntry entry)
        {
            if (!_children.TryGetValue(entry.LaChildId, out var child))
            {
                child = new Child { LaChildId = entry.LaChildId };
                SetIdentifiers(child, entry);
                _session.Add(child);
                foreach (var details in entry.Details)
                {
                    AddReferral(child, details);
                }

                Added++;
                return;
            }

            _touched = false;
            UpdateIdentifiers(child, entry);
            var file = new ChildFile(child)
            {
                Referrals = Of(_referrals, child.Id),
                Assessments = Of(_assessments, child.Id),
                Section47s = Of(_section47s, child.Id),
                Conferences = Of(_conferences, child.Id),
                ProtectionPlans = Of(_plans, child.Id),
                ChildInNeedPlans = Of(_cinPlans, child.Id),
            };
            var view = new CinCensusView(file, _end);
            var matches = Pair(entry.Details, d => d.ReferralDate, file.Referrals, r => r.ReferralDate);
            foreach (var (details, referral) in matches)
            {
                if (referral is null)
                {
                    AddReferral(child, details);
                }
                else
                {
                    UpdateReferral(file, view, referral, details);
                }
            }

            if (_touched)
            {
                ChangedChildren++;
            }
        }

        private void SetIdentifiers(Child child, CinChildEntry e)
        {
            child.Upn = e.Upn;
            child.FormerUpn = e.FormerUpn;
            child.UpnUnknown = e.UpnUnknown is { } u ? new UpnUnknownReason(u) : null;
            child.DateOfBirth = e.BirthDate;
            child.ExpectedDateOfBirth = e.ExpectedBirthDate;
            child.Sex = new Sex(CinLayout.ModelSex(e.Sex));
            child.DateOfDeath = e.DeathDate;
            child.Ethnicity = new Ethnicity(e.Ethnicity);
            child.Disabilities = [.. e.Disabilities.Select(d => new Disability(d))];
        }

        /// <summary>Changes the items whose export would differ: the stored child's projection against the projection
        /// of the child the file describes (so GenderCurrent 9, or an expected date sent with a date of birth, is not
        /// a difference every time the file is imported).</summary>
        private void UpdateIdentifiers(Child child, CinChildEntry e)
        {
            var now = new CinChildEntry();
            CinProjection.Child(child, _layout, now);
            var described = new Child();
            SetIdentifiers(described, e);
            var wanted = new CinChildEntry();
            CinProjection.Child(described, _layout, wanted);
            bool changed = false;
            if (now.Upn != wanted.Upn)
            {
                child.Upn = described.Upn;
                changed = true;
            }

            if (now.FormerUpn != wanted.FormerUpn)
            {
                child.FormerUpn = described.FormerUpn;
                changed = true;
            }

            if (now.UpnUnknown != wanted.UpnUnknown)
            {
                child.UpnUnknown = described.UpnUnknown;
                changed = true;
            }

            if (now.BirthDate != wanted.BirthDate || now.ExpectedBirthDate != wanted.ExpectedBirthDate)
            {
                child.DateOfBirth = described.DateOfBirth;
                child.ExpectedDateOfBirth = described.ExpectedDateOfBirth;
                changed = true;
            }

            if (now.Sex != wanted.Sex)
            {
                child.Sex = described.Sex;
                changed = true;
            }

            if (now.DeathDate != wanted.DeathDate)
            {
                child.DateOfDeath = described.DateOfDeath;
                changed = true;
            }

            if (now.Ethnicity != wanted.Ethnicity)
            {
                child.Ethnicity = described.Ethnicity;
                changed = true;
            }

            if (!now.Disabilities.SequenceEqual(wanted.Disabilities))
            {
                child.Disabilities = described.Disabilities;
                changed = true;
            }

            if (changed)
            {
                Changed(child);
            }
        }

        private void AddReferral(Child child, CinDetailsEntry d)
        {
            var referral = ToReferral(d);
            referral.ChildId = child.Id;
            Add(referral);
            foreach (var a in d.Assessments)
            {
                AddAssessment(referral, a);
            }

            foreach (var p in d.CinPlans)
            {
                Add(new ChildInNeedPlan { ChildId = child.Id, ReferralId = referral.Id, StartDate = p.Start, EndDate = p.End });
            }

            foreach (var s in d.Section47s)
            {
                var enquiry = AddSection47(referral, s);
                if (s.InitialCpc is { } icpc)
                {
                    AddInitialConference(referral, enquiry.Id, icpc, d);
                }
            }

            if (d.InitialCpc is { } date)
            {
                AddInitialConference(referral, null, date, d);
            }

            foreach (var p in d.ProtectionPlans)
            {
                var plan = new ChildProtectionPlan
                {
                    ChildId = child.Id,
                    ReferralId = referral.Id,
                    StartDate = p.Start,
                    EndDate = p.End,
                    InitialCategory = new AbuseCategory(p.InitialCategory),
                    LatestCategory = new AbuseCategory(p.LatestCategory),
                    PreviousPlans = p.PreviousPlans,
                };
                Add(plan);
                foreach (var review in p.Reviews)
                {
                    AddReview(plan, review);
                }
            }
        }

        private void UpdateReferral(ChildFile file, CinCensusView view, Referral referral, CinDetailsEntry d)
        {
            var now = CinProjection.Referral(referral, _layout);
            var described = ToReferral(d);
            var wanted = CinProjection.Referral(described, _layout);
            bool changed = false;
            if (now.Source != wanted.Source)
            {
                referral.Source = described.Source;
                changed = true;
            }

            if (now.PrimaryNeed != wanted.PrimaryNeed)
            {
                referral.PrimaryNeed = described.PrimaryNeed;
                changed = true;
            }

            if (now.Nfa != wanted.Nfa)
            {
                referral.NoFurtherAction = described.NoFurtherAction;
                changed = true;
            }

            if (now.ClosureDate != wanted.ClosureDate || now.ClosureReason != wanted.ClosureReason)
            {
                referral.ClosureDate = described.ClosureDate;
                referral.ClosureReason = described.ClosureReason;
                changed = true;
            }

            if (changed)
            {
                Changed(referral);
            }

            var episode = new CinEpisode(view, referral);

            foreach (var (a, existing) in Pair(d.Assessments, a => a.Start, file.Assessments.Where(a => a.ReferralId == referral.Id), a => a.StartDate))
            {
                if (existing is null)
                {
                    AddAssessment(referral, a);
                    continue;
                }

                var was = CinProjection.Assessment(existing, _layout);
                var fromFile = ToAssessment(referral, a);
                var asFiled = CinProjection.Assessment(fromFile, _layout);
                if (was.Authorised != asFiled.Authorised || !was.Factors.SequenceEqual(asFiled.Factors))
                {
                    existing.AuthorisationDate = fromFile.AuthorisationDate;
                    existing.Factors = fromFile.Factors;
                    Changed(existing);
                }
            }

            foreach (var (p, existing) in Pair(d.CinPlans, p => p.Start, file.ChildInNeedPlans.Where(p => p.ReferralId == referral.Id), p => p.StartDate))
            {
                if (existing is null)
                {
                    Add(new ChildInNeedPlan { ChildId = referral.ChildId, ReferralId = referral.Id, StartDate = p.Start, EndDate = p.End });
                }
                else if (CinProjection.CinPlan(existing, _end).End != CinProjection.Cut(p.End, _end))
                {
                    existing.EndDate = p.End;
                    Changed(existing);
                }
            }

            var conferences = file.Conferences;
            foreach (var (s, existing) in Pair(d.Section47s, s => s.Start, file.Section47s.Where(s => s.ReferralId == referral.Id), s => s.StartDate))
            {
                if (existing is null)
                {
                    var enquiry = AddSection47(referral, s);
                    if (s.InitialCpc is { } icpc)
                    {
                        AddInitialConference(referral, enquiry.Id, icpc, d);
                    }

                    continue;
                }

                var linked = conferences
                    .Where(c => c.Type == ConferenceType.Initial && c.Section47Id == existing.Id)
                    .OrderBy(c => c.Date)
                    .FirstOrDefault();
                var viewed = episode.Section47s.FirstOrDefault(v => ReferenceEquals(v.Enquiry, existing));
                var was = CinProjection.Section47(existing, viewed is null ? linked?.Date : viewed.InitialConference, _end);

                // Only the flag can be set; an enquiry that ended without needing a conference reads as not required anyway.
                if (was.IcpcNotRequired != s.IcpcNotRequired && existing.IcpcNotRequired != s.IcpcNotRequired)
                {
                    existing.IcpcNotRequired = s.IcpcNotRequired;
                    Changed(existing);
                }

                if (CinProjection.Cut(s.InitialCpc, _end) is { } date && was.InitialCpc != date)
                {
                    if (linked is not null)
                    {
                        linked.Date = date;
                        Changed(linked);
                    }
                    else
                    {
                        AddInitialConference(referral, existing.Id, date, d);
                    }
                }
            }

            if (d.InitialCpc is { } detailsDate
                && !conferences.Any(c => c.Type == ConferenceType.Initial && c.ReferralId == referral.Id && c.Date == detailsDate))
            {
                AddInitialConference(referral, null, detailsDate, d);
            }

            foreach (var (p, existing) in Pair(d.ProtectionPlans, p => p.Start, file.ProtectionPlans.Where(p => p.ReferralId == referral.Id), p => p.StartDate))
            {
                if (existing is null)
                {
                    var plan = new ChildProtectionPlan
                    {
                        ChildId = referral.ChildId,
                        ReferralId = referral.Id,
                        StartDate = p.Start,
                        EndDate = p.End,
                        InitialCategory = new AbuseCategory(p.InitialCategory),
                        LatestCategory = new AbuseCategory(p.LatestCategory),
                        PreviousPlans = p.PreviousPlans,
                    };
                    Add(plan);
                    foreach (var review in p.Reviews)
                    {
                        AddReview(plan, review);
                    }

                    continue;
                }

                var was = CinProjection.ProtectionPlan(PlanView.ForProtection(existing, conferences, _layout.Year.Start), _end);
                bool planChanged = false;
                if (was.End != CinProjection.Cut(p.End, _end))
                {
                    existing.EndDate = p.End;
                    planChanged = true;
                }

                if (was.InitialCategory != p.InitialCategory)
                {
                    existing.InitialCategory = new AbuseCategory(p.InitialCategory);
                    planChanged = true;
                }

                if (was.LatestCategory != p.LatestCategory)
                {
                    existing.LatestCategory = new AbuseCategory(p.LatestCategory);
                    planChanged = true;
                }

                if (was.PreviousPlans != p.PreviousPlans)
                {
                    existing.PreviousPlans = p.PreviousPlans;
                    planChanged = true;
                }

                if (planChanged)
                {
                    Changed(existing);
                }

                foreach (var review in p.Reviews.Where(r => r >= _layout.Year.Start && r <= _end && !was.Reviews.Contains(r)).Distinct())
                {
                    AddReview(existing, review);
                }
            }
        }

        private void AddAssessment(Referral referral, CinAssessmentEntry a) => Add(ToAssessment(referral, a));

        private static Referral ToReferral(CinDetailsEntry d) => new()
        {
            ReferralDate = d.ReferralDate,
            Source = new ReferralSource(d.Source),
            PrimaryNeed = d.PrimaryNeed is { } need ? new PrimaryNeed(need) : null,
            NoFurtherAction = d.Nfa,
            ClosureDate = d.ClosureDate,
            ClosureReason = d.ClosureReason is { } reason ? new ClosureReason(reason) : null,
        };

        private static Assessment ToAssessment(Referral referral, CinAssessmentEntry a) => new()
        {
            ChildId = referral.ChildId,
            ReferralId = referral.Id,
            StartDate = a.Start,
            AuthorisationDate = a.Authorised,
            Factors = [.. a.Factors.Select(f => new AssessmentFactor(f))],
        };

        private Section47Enquiry AddSection47(Referral referral, CinSection47Entry s)
        {
            var enquiry = new Section47Enquiry
            {
                ChildId = referral.ChildId,
                ReferralId = referral.Id,
                StartDate = s.Start,
                IcpcNotRequired = s.IcpcNotRequired,
                Outcome = s.InitialCpc is null ? Section47Outcome.Pending : Section47Outcome.ConferenceRequired,
            };
            Add(enquiry);
            return enquiry;
        }

        private void AddInitialConference(Referral referral, long? section47Id, DateOnly date, CinDetailsEntry d) =>
            Add(new ChildProtectionConference
            {
                ChildId = referral.ChildId,
                ReferralId = referral.Id,
                Section47Id = section47Id,
                Type = ConferenceType.Initial,
                Date = date,
                Outcome = d.ProtectionPlans.Any(p => p.Start == date) ? ConferenceOutcome.PlanStarted : ConferenceOutcome.NoPlan,
            });

        private void AddReview(ChildProtectionPlan plan, DateOnly date) =>
            Add(new ChildProtectionConference
            {
                ChildId = plan.ChildId,
                ReferralId = plan.ReferralId,
                PlanId = plan.Id,
                Type = ConferenceType.Review,
                Date = date,
                Outcome = plan.EndDate == date ? ConferenceOutcome.PlanEnded : ConferenceOutcome.PlanContinues,
            });

        private void Add<T>(T record)
            where T : Entity
        {
            _session.Add(record);
            _touched = true;
        }

        private void Changed(Entity record)
        {
            _session.Changed(record);
            _touched = true;
        }

        /// <summary>Pairs the file's records with stored ones by date, the n-th of a date with the n-th stored
        /// (in id order) of that date; null where nothing is stored.</summary>
        private static List<(TFile File, TStored? Stored)> Pair<TFile, TStored>(
            IReadOnlyList<TFile> inFile, Func<TFile, DateOnly> fileDate, IEnumerable<TStored> stored, Func<TStored, DateOnly> storedDate)
            where TStored : Entity
        {
            var byDate = stored.GroupBy(storedDate).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Id).ToList());
            var used = new Dictionary<DateOnly, int>();
            var pairs = new List<(TFile, TStored?)>(inFile.Count);
            foreach (var item in inFile)
            {
                var date = fileDate(item);
                int n = used.GetValueOrDefault(date);
                used[date] = n + 1;
                pairs.Add((item, byDate.TryGetValue(date, out var list) && n < list.Count ? list[n] : null));
            }

            return pairs;
        }

        private static Dictionary<long, List<T>> ByChild<T>(List<T> records)
            where T : ChildRecord
        {
            var groups = new Dictionary<long, List<T>>();
            foreach (var record in records)
            {
                if (!groups.TryGetValue(record.ChildId, out var list))
                {
                    groups[record.ChildId] = list = [];
                }

                list.Add(record);
            }

            return groups;
        }

        private static List<T> Of<T>(Dictionary<long, List<T>> groups, long childId) =>
            groups.TryGetValue(childId, out var list) ? list : [];
    }
}
