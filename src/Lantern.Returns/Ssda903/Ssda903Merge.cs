using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using static Lantern.Returns.Ssda903.Ssda903Values;

namespace Lantern.Returns.Ssda903;

/// <summary>Where an import writes: the records already there, new records (parents first) and records changed in place.
/// The database's import session in use; a plain <see cref="AuthorityData"/> in tests of the matching.</summary>
internal interface IImportSink
{
    AuthorityData Existing { get; }

    long Add<T>(T record)
        where T : Entity;

    void Changed(Entity record);
}

/// <summary>
/// Applies checked 903 rows to the record. Children are matched by CHILD (LaChildId), records by the child and their
/// start date (an episode by DECOM, a review by REVIEW, a missing episode by MIS_START, a placement for adoption by
/// DATE_PLACED, a social worker episode by SW_DECOM; the n-th row with the same date matches the n-th record), OC2 by
/// the year end, OC3 by the contact around the birthday, AD1 by the child's latest adoption decision.
/// A value is changed only when the file says something different: a blank never clears a value already recorded
/// (a year's return leaves blank what was not known at 31 March), and a code is unchanged when it is what the year's
/// layout writes for the recorded one (H5 in a 2023-24 file for a record of K3, 1 for M).
/// </summary>
internal sealed class Ssda903Merge
{
    public const string ImportedTeamName = "Imported social workers";

    private readonly IImportSink _sink;
    private readonly CollectionYear _year;
    private readonly DateOnly _yearEnd;
    private readonly Dictionary<string, Child> _children = new(StringComparer.Ordinal);

    // New children are kept as id and date of birth only (what rows of other tables need), so memory does not grow
    // with the file beyond small keys; their UASC details come from the first read and are set when they are added.
    private readonly Dictionary<string, (long Id, DateOnly? DateOfBirth)> _newChildren = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _uasc;
    private readonly Dictionary<Type, long> _firstNewId = [];
    private readonly HashSet<long> _changedChildren = [];
    private readonly Dictionary<string, long> _recordsAdded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _recordsChanged = new(StringComparer.Ordinal);
    private readonly Keyed<CareEpisode> _episodes;
    private readonly Keyed<CareReview> _reviews;
    private readonly Keyed<MissingEpisode> _missing;
    private readonly Keyed<AdoptionRecord> _placed;
    private readonly Keyed<Allocation> _allocations;
    private readonly Dictionary<long, List<AnnualOutcome>> _outcomes;
    private readonly Dictionary<long, List<CareLeaverContact>> _contacts;
    private readonly Dictionary<long, List<AdoptionRecord>> _adoptions;
    private readonly Dictionary<long, List<PreviousPermanenceRecord>> _permanence;
    private readonly Dictionary<long, List<HealthCheck>> _checks;
    private readonly Dictionary<string, Worker> _workers = new(StringComparer.Ordinal);
    private Team? _importTeam;
    private bool _changed;

    public Ssda903Merge(IImportSink sink, CollectionYear year, DateOnly yearEnd, IReadOnlyDictionary<string, string> uasc)
    {
        _sink = sink;
        _uasc = uasc;
        _year = year;
        _yearEnd = yearEnd;
        var data = sink.Existing;
        foreach (var c in data.Children)
        {
            _children.TryAdd(c.LaChildId, c);
        }

        _episodes = new(data.CareEpisodes, e => e.StartDate);
        _reviews = new(data.CareReviews, r => r.Date);
        _missing = new(data.MissingEpisodes, m => m.StartDate);
        _placed = new(data.Adoptions, a => a.DecisionDate);
        _allocations = new(data.Allocations, a => a.StartDate);
        _outcomes = ByChild(data.AnnualOutcomes);
        _contacts = ByChild(data.CareLeaverContacts);
        _adoptions = ByChild(data.Adoptions);
        _permanence = ByChild(data.PreviousPermanence);
        _checks = ByChild(data.HealthChecks);
        foreach (var w in data.Workers)
        {
            _workers.TryAdd(w.StaffId, w);
        }

        _importTeam = data.Teams.FirstOrDefault(t => t.Name == ImportedTeamName);
    }

    public int ChildrenAdded => _newChildren.Count;

    /// <summary>Existing children the import changed (new children are not counted here).</summary>

    public int ChildrenChanged => _changedChildren.Count;

    public IReadOnlyList<KeyValuePair<string, long>> RecordsAdded => Ordered(_recordsAdded);

    public IReadOnlyList<KeyValuePair<string, long>> RecordsChanged => Ordered(_recordsChanged);

    public long DoLoRowsNotStored { get; private set; }

    public void Apply(Ssda903Row row)
    {
        if (row.Table == Ssda903Tables.Header)
        {
            ApplyHeader(row);
            return;
        }

        ChildRef child;
        if (_children.TryGetValue(row.Child, out var known))
        {
            child = new ChildRef(known.Id, known.DateOfBirth, known);
        }
        else
        {
            var (id, dob) = _newChildren[row.Child];
            child = new ChildRef(id, dob, null);
        }

        _changed = false;
        bool added;
        var table = row.Table;
        if (table == Ssda903Tables.Episodes)
        {
            Episode(child, row);
        }
        else if (table == Ssda903Tables.Uasc)
        {
            if (child.Existing is { } c)
            {
                Set(c.IsUnaccompaniedAsylumSeeking, true, v => c.IsUnaccompaniedAsylumSeeking = v);
                SetDate(c.UascCeasedDate, row[3], v => c.UascCeasedDate = v);
                Done(child, c, table, false);
            }

            return;
        }
        else if (table == Ssda903Tables.Reviews)
        {
            var r = _reviews.Next(child.Id, Date(row[2])!.Value, out added) ?? AddRecord(new CareReview { ChildId = child.Id, Date = Date(row[2])!.Value });
            SetCode<ReviewParticipation>(r.Participation, row[3], v => r.Participation = v);
            Done(child, r, table, added);
            return;
        }
        else if (table == Ssda903Tables.Missing)
        {
            var m = _missing.Next(child.Id, Date(row[3])!.Value, out added) ?? AddRecord(new MissingEpisode { ChildId = child.Id, StartDate = Date(row[3])!.Value });
            SetCode<MissingType>(m.Type, row[2], v => m.Type = v);
            SetDate(m.EndDate, row[4], v => m.EndDate = v);
            Done(child, m, table, added);
            return;
        }
        else if (table == Ssda903Tables.Oc2)
        {
            Outcomes(child, row);
            return;
        }
        else if (table == Ssda903Tables.Oc3)
        {
            CareLeaver(child, row);
            return;
        }
        else if (table == Ssda903Tables.PlacedAdoption)
        {
            var a = _placed.Next(child.Id, Date(row[2])!.Value, out added);
            if (a is null)
            {
                a = AddRecord(new AdoptionRecord { ChildId = child.Id, DecisionDate = Date(row[2])!.Value });

                // Kept: the child's AD1 row, read later, completes the latest decision.
                List(_adoptions, child.Id).Add(a);
            }

            SetDate(a.NoLongerPlacedDate, row[3], v => a.NoLongerPlacedDate = v);
            SetOptionalCode<NoLongerPlacedReason>(a.NoLongerPlacedReason, row[4], v => a.NoLongerPlacedReason = v);
            Done(child, a, table, added);
            return;
        }
        else if (table == Ssda903Tables.Ad1)
        {
            Adoption(child, row);
            return;
        }
        else if (table == Ssda903Tables.PrevPerm)
        {
            var p = Recorded(_permanence, child.Id).MaxBy(x => x.Id);
            if (added = p is null)
            {
                p = new PreviousPermanenceRecord { ChildId = child.Id, Type = PreviousPermanence.FromCode(row[2]) };
                AddNew(p);
            }

            SetCode<PreviousPermanence>(p!.Type, row[2], v => p.Type = v);
            SetText(p.LaCode, row[3], v => p.LaCode = v);
            SetText(p.Date, row[4], v => p.Date = v);
            Done(child, p, table, added);
            return;
        }
        else if (table == Ssda903Tables.SwEpisodes)
        {
            SocialWorker(child, row);
            return;
        }
        else if (table == Ssda903Tables.DoLo)
        {
            // Lantern does not hold deprivation of liberty orders yet: read and checked, counted, not stored.
            DoLoRowsNotStored++;
        }
    }

    private void ApplyHeader(Ssda903Row row)
    {
        _changed = false;
        if (!_children.TryGetValue(row.Child, out var child))
        {
            var added = new Child { LaChildId = row.Child, Sex = Ssda903Codes.ReadSex(row[1]), DateOfBirth = Date(row[2]), Ethnicity = Ethnicity.FromCode(row[3]) };
            var upnText = row[4];
            if (Codes.TryParse<UpnUnknownReason>(upnText, out var reason))
            {
                added.UpnUnknown = reason;
            }
            else if (upnText.Length > 0)
            {
                added.Upn = upnText;
            }

            if (row[5] == "1")
            {
                added.ChildsDateOfBirth = Date(row[6]);
            }

            if (_uasc.TryGetValue(row.Child, out var duc))
            {
                added.IsUnaccompaniedAsylumSeeking = true;
                added.UascCeasedDate = Date(duc);
            }

            AddNew(added);
            _newChildren[row.Child] = (added.Id, added.DateOfBirth);
            Done(new ChildRef(added.Id, added.DateOfBirth, null), added, Ssda903Tables.Header, true);
            return;
        }

        if (row[1].Length > 0 && !Ssda903Codes.WrittenAs(y => Ssda903Codes.Sex(child.Sex, y), row[1]))
        {
            Set(child.Sex, Ssda903Codes.ReadSex(row[1]), v => child.Sex = v);
        }

        SetDate(child.DateOfBirth, row[2], v => child.DateOfBirth = v);
        SetCode<Ethnicity>(child.Ethnicity, row[3], v => child.Ethnicity = v);
        var upn = row[4];
        if (upn.Length > 0 && Codes.TryParse<UpnUnknownReason>(upn, out var unknown))
        {
            if (child.Upn is null)
            {
                Set(child.UpnUnknown, unknown, v => child.UpnUnknown = v);
            }
        }
        else if (upn.Length > 0)
        {
            Set(child.Upn, upn, v => child.Upn = v);
            Set(child.UpnUnknown, null, v => child.UpnUnknown = v);
        }

        if (row[5] == "1")
        {
            SetDate(child.ChildsDateOfBirth, row[6], v => child.ChildsDateOfBirth = v);
        }
        else if (row[5] == "0")
        {
            Set(child.ChildsDateOfBirth, null, v => child.ChildsDateOfBirth = v);
        }

        Done(new ChildRef(child.Id, child.DateOfBirth, child), child, Ssda903Tables.Header, false);
    }

    private void Episode(ChildRef child, Ssda903Row row)
    {
        var start = Date(row[1])!.Value;
        var e = _episodes.Next(child.Id, start, out var added);
        if (e is null)
        {
            e = AddRecord(new CareEpisode
            {
                ChildId = child.Id,
                StartDate = start,
                ReasonNew = ReasonNewEpisode.FromCode(row[2]),
                LegalStatus = LegalStatus.FromCode(row[3]),
                CategoryOfNeed = PrimaryNeed.FromCode(row[4]),
                Placement = PlacementType.FromCode(row[5]),
            });
        }

        SetCode<ReasonNewEpisode>(e.ReasonNew, row[2], v => e.ReasonNew = v);
        SetCode<LegalStatus>(e.LegalStatus, row[3], v => e.LegalStatus = v);
        SetCode<PrimaryNeed>(e.CategoryOfNeed, row[4], v => e.CategoryOfNeed = v);
        if (!Ssda903Codes.WrittenAs(y => Ssda903Codes.Placement(e.Placement, y), row[5]))
        {
            SetCode<PlacementType>(e.Placement, row[5], v => e.Placement = v);
        }

        SetOptionalCode<PlacementProvider>(e.Provider, row[6], v => e.Provider = v);
        SetDate(e.EndDate, row[7], v => e.EndDate = v);
        SetOptionalCode<ReasonEpisodeCeased>(e.ReasonEnded, row[8], v => e.ReasonEnded = v);
        SetOptionalCode<PlacementChangeReason>(e.ReasonPlacementChanged, row[9], v => e.ReasonPlacementChanged = v);
        SetText(e.HomePostcode, row[10], v => e.HomePostcode = v);
        SetText(e.PlacementPostcode, row[11], v => e.PlacementPostcode = v);
        SetText(e.Urn, row[12], v => e.Urn = v);
        Done(child, e, Ssda903Tables.Episodes, added);
    }

    private void Outcomes(ChildRef child, Ssda903Row row)
    {
        var o = Recorded(_outcomes, child.Id).Where(x => x.YearEnding == _yearEnd).MaxBy(x => x.Id);
        var added = o is null;
        if (o is null)
        {
            o = new AnnualOutcome { ChildId = child.Id, YearEnding = _yearEnd };
            AddNew(o);
        }

        if (row[2].Length > 0)
        {
            Set(o.SdqScore, Integer(row[2]), v => o.SdqScore = v);
        }

        SetOptionalCode<SdqReason>(o.SdqReason, row[3], v => o.SdqReason = v);
        SetFlag(o.Convicted, row[4], v => o.Convicted = v);
        SetFlag(o.ImmunisationsUpToDate, row[6], v => o.ImmunisationsUpToDate = v);
        SetFlag(o.SubstanceMisuse, row[9], v => o.SubstanceMisuse = v);
        SetFlag(o.InterventionReceived, row[10], v => o.InterventionReceived = v);
        SetFlag(o.InterventionOffered, row[11], v => o.InterventionOffered = v);
        Done(child, o, Ssda903Tables.Oc2, added);

        // TEETH_CHECK and HEALTH_ASSESSMENT say a check was done in the year; the live record holds the checks. When the
        // record has none, one is recorded on 31 March (the day the return speaks for), so the return is rebuilt the same.
        // A 0 never removes a check that is recorded. HEALTH_CHECK (under 5s) follows from HEALTH_ASSESSMENT.
        var yearStart = _yearEnd.AddYears(-1).AddDays(1);
        var checks = Recorded(_checks, child.Id);
        if (row[8] == "1" && !checks.Any(h => h.Kind != HealthCheckKind.DentalCheck && h.Date >= yearStart && h.Date <= _yearEnd))
        {
            AddCheck(child, HealthCheckKind.ReviewHealthAssessment);
        }

        if (row[7] == "1" && !checks.Any(h => h.Kind == HealthCheckKind.DentalCheck && h.Date >= yearStart && h.Date <= _yearEnd))
        {
            AddCheck(child, HealthCheckKind.DentalCheck);
        }
    }

    private void AddCheck(ChildRef child, HealthCheckKind kind)
    {
        var h = new HealthCheck { ChildId = child.Id, Kind = kind, Date = _yearEnd };
        AddNew(h);
        Count(_recordsAdded, "Health checks");
        Touch(child);
    }

    private void CareLeaver(ChildRef child, Ssda903Row row)
    {
        _changed = false;
        var birthday = Ssda903Projection.CareLeaverBirthday(child.DateOfBirth, _year);
        var list = Recorded(_contacts, child.Id);
        var contactDate = birthday ?? _yearEnd;
        var k = birthday is { } b ? Ssda903Projection.ContactAround(list, b) : list.FirstOrDefault(x => x.ContactDate == contactDate);
        var added = k is null;
        if (k is null)
        {
            k = new CareLeaverContact
            {
                ChildId = child.Id,
                ContactDate = contactDate,
                InTouch = CareLeaverInTouch.FromCode(row[2]),
                Activity = Ssda903Codes.ReadActivity(row[3]),
                Accommodation = CareLeaverAccommodation.FromCode(row[4]),
            };
            AddNew(k);
        }

        SetCode<CareLeaverInTouch>(k.InTouch, row[2], v => k.InTouch = v);
        if (!Ssda903Codes.WrittenAs(y => Ssda903Codes.Activity(k.Activity, y), row[3]))
        {
            Set(k.Activity, Ssda903Codes.ReadActivity(row[3]), v => k.Activity = v);
        }

        SetCode<CareLeaverAccommodation>(k.Accommodation, row[4], v => k.Accommodation = v);
        Done(child, k, Ssda903Tables.Oc3, added);
    }

    private void Adoption(ChildRef child, Ssda903Row row)
    {
        var a = Ssda903Projection.LatestAdoption(Recorded(_adoptions, child.Id));
        var added = a is null;
        if (a is null)
        {
            // AD1 without a placement decision in the file: the decision date is not known; the match (or interest) is
            // the nearest date the file gives.
            a = new AdoptionRecord { ChildId = child.Id, DecisionDate = Date(row[3]) ?? Date(row[2]) ?? _yearEnd };
            AddNew(a);
        }

        SetDate(a.InterestDate, row[2], v => a.InterestDate = v);
        SetDate(a.MatchDate, row[3], v => a.MatchDate = v);
        SetFlag(a.FosterCarerAdoption, row[4], v => a.FosterCarerAdoption = v);
        if (row[5].Length > 0)
        {
            Set(a.NumberOfAdopters, Integer(row[5]), v => a.NumberOfAdopters = v);
        }

        SetOptionalCode<AdopterSex>(a.AdopterSex, row[6], v => a.AdopterSex = v);
        SetOptionalCode<AdopterLegalStatus>(a.AdopterLegalStatus, row[7], v => a.AdopterLegalStatus = v);
        Done(child, a, Ssda903Tables.Ad1, added);
    }

    private void SocialWorker(ChildRef child, Ssda903Row row)
    {
        var worker = WorkerFor(row[2], Date(row[3])!.Value);
        var a = _allocations.Next(child.Id, Date(row[3])!.Value, out var added)
            ?? AddRecord(new Allocation { ChildId = child.Id, StartDate = Date(row[3])!.Value, WorkerId = worker.Id });
        Set(a.WorkerId, worker.Id, v => a.WorkerId = v);
        SetDate(a.EndDate, row[4], v => a.EndDate = v);
        SetOptionalCode<SocialWorkerChangeReason>(a.Reason, row[5], v => a.Reason = v);
        Done(child, a, Ssda903Tables.SwEpisodes, added);
    }

    /// <summary>The worker with this SW_ID; a worker is created for an SW_ID Lantern does not know, in a team for
    /// imported workers, for the council to complete.</summary>
    private Worker WorkerFor(string staffId, DateOnly firstSeen)
    {
        if (_workers.TryGetValue(staffId, out var worker))
        {
            return worker;
        }

        if (_importTeam is null)
        {
            _importTeam = new Team { Name = ImportedTeamName, Service = TeamService.ChildrenInCare };
            _sink.Add(_importTeam);
            Count(_recordsAdded, "Teams");
        }

        worker = new Worker { StaffId = staffId, FamilyName = staffId, Role = WorkerRole.SocialWorker, TeamId = _importTeam.Id, StartDate = firstSeen };
        _sink.Add(worker);
        _workers[staffId] = worker;
        Count(_recordsAdded, "Workers");
        return worker;
    }

    private T AddRecord<T>(T record)
        where T : ChildRecord
    {
        AddNew(record);
        return record;
    }

    private void Done(ChildRef child, Entity record, Ssda903Table table, bool added)
    {
        if (added)
        {
            Count(_recordsAdded, table.Name);
            Touch(child);
        }
        else if (_changed)
        {
            // A record added earlier in this import and changed again is still one new record.
            if (!IsNew(record.GetType(), record.Id))
            {
                Count(_recordsChanged, table.Name);
            }

            _sink.Changed(record);
            Touch(child);
        }

        _changed = false;
    }

    private void AddNew<T>(T record)
        where T : Entity
    {
        var id = _sink.Add(record);
        _firstNewId.TryAdd(typeof(T), id);
    }

    /// <summary>Added by this import: new ids are above every id there was when it began.</summary>
    private bool IsNew(Type type, long id) => _firstNewId.TryGetValue(type, out var first) && id >= first;

    private void Touch(ChildRef child)
    {
        if (child.Existing is not null)
        {
            _changedChildren.Add(child.Id);
        }
    }

    private void Set<T>(T current, T value, Action<T> set)
    {
        if (!EqualityComparer<T>.Default.Equals(current, value))
        {
            set(value);
            _changed = true;
        }
    }

    private void SetDate(DateOnly? current, string text, Action<DateOnly?> set)
    {
        if (text.Length > 0)
        {
            Set(current, Date(text), set);
        }
    }

    private void SetDate(DateOnly current, string text, Action<DateOnly> set)
    {
        if (text.Length > 0)
        {
            Set(current, Date(text)!.Value, set);
        }
    }

    private void SetText(string? current, string text, Action<string?> set)
    {
        if (text.Length > 0)
        {
            Set(current, text, set);
        }
    }

    private void SetFlag(bool current, string text, Action<bool> set)
    {
        if (text.Length > 0)
        {
            Set(current, text == "1", set);
        }
    }

    private void SetCode<T>(T current, string text, Action<T> set)
        where T : struct, IDfeCode<T>
    {
        if (text.Length > 0)
        {
            Set(current, T.FromCode(text), set);
        }
    }

    private void SetOptionalCode<T>(T? current, string text, Action<T?> set)
        where T : struct, IDfeCode<T>
    {
        if (text.Length > 0)
        {
            Set(current, T.FromCode(text), set);
        }
    }

    private static void Count(Dictionary<string, long> counts, string table) => counts[table] = counts.GetValueOrDefault(table) + 1;

    private static IReadOnlyList<KeyValuePair<string, long>> Ordered(Dictionary<string, long> counts) =>
        [.. counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)];

    private static List<T> List<T>(Dictionary<long, List<T>> map, long childId)
    {
        if (!map.TryGetValue(childId, out var list))
        {
            map[childId] = list = [];
        }

        return list;
    }

    /// <summary>The child's records of a kind, without keeping an entry for a child that has none.</summary>
    private static List<T> Recorded<T>(Dictionary<long, List<T>> map, long childId) =>
        map.TryGetValue(childId, out var list) ? list : [];

    private static Dictionary<long, List<T>> ByChild<T>(IEnumerable<T> records)
        where T : ChildRecord
    {
        var map = new Dictionary<long, List<T>>();
        foreach (var r in records)
        {
            List(map, r.ChildId).Add(r);
        }

        return map;
    }

    /// <summary>Records of a child by their start date; the n-th row with a date in the file takes the n-th record with
    /// it (in id order, as the export writes them), so two records starting the same day still match one to one.</summary>
    private sealed class Keyed<T>
        where T : ChildRecord
    {
        private readonly Dictionary<(long, DateOnly), List<T>> _records = [];
        private readonly Dictionary<(long, DateOnly), int> _taken = [];

        public Keyed(IEnumerable<T> records, Func<T, DateOnly> key)
        {
            foreach (var r in records.OrderBy(r => r.Id))
            {
                Ssda903Merge.List(_records, (r.ChildId, key(r))).Add(r);
            }
        }

        public T? Next(long childId, DateOnly date, out bool added)
        {
            added = false;
            var key = (childId, date);

            // Only keys already recorded are counted, so an import into an empty database keeps nothing per row.
            if (_records.TryGetValue(key, out var list))
            {
                var n = _taken.GetValueOrDefault(key);
                _taken[key] = n + 1;
                if (n < list.Count)
                {
                    return list[n];
                }
            }

            added = true;
            return null;
        }
    }

    private static List<TValue> List<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        return list;
    }
}

/// <summary>A child rows refer to: the record when it was there before the import, else only its id and date of birth.</summary>
internal readonly record struct ChildRef(long Id, DateOnly? DateOfBirth, Child? Existing);
