using System.Globalization;
using Lantern.Domain.Model;

namespace Lantern.Returns.Ssda903;

/// <summary>
/// The SSDA903 return of one collection year as rows of text, built from the live record. Who is in it:
/// <list type="bullet">
/// <item>every child looked after at any time in the year (an episode open on any day of it, short breaks under V3 and V4
/// included, as the DfE collects them), with each episode open in the year (Episodes), their reviews and missing
/// episodes starting in the year, UASC status, placement for adoption decisions open in the year, adoption details
/// (AD1) when an episode ended in adoption (E11, E12) in the year, previous permanence when a period of care started
/// in the year, and the social worker allocations open in the year (from 2023-24);</item>
/// <item>OC2 for a child looked after on every day of the year (short breaks aside) with outcomes recorded for the
/// year ending 31 March;</item>
/// <item>OC3 for a young person with a 17th to 21st birthday in the year who was not looked after on that day and
/// has a care leaver contact from three months before to one month after it (the closest one);</item>
/// <item>Header for every child in any table.</item>
/// </list>
/// Dates after 31 March are not known at the year end and are written blank (with the reason an episode ended), so
/// the return of a past year is the same whenever it is made, and everything written can be rebuilt from the files.
/// </summary>
internal sealed class Ssda903Projection
{
    private readonly CollectionYear _year;
    private readonly Dictionary<Ssda903Table, List<string[]>> _rows = [];

    public Ssda903Projection(AuthorityData data, CollectionYear year)
    {
        _year = year;
        foreach (var table in Ssda903Tables.ForYear(year))
        {
            _rows[table] = [];
        }

        var episodes = GroupOpen(data.CareEpisodes, e => e.StartDate, e => e.EndDate);
        var childrenById = data.Children.ToDictionary(c => c.Id);
        var contacts = Group(data.CareLeaverContacts.Where(k => k.ContactDate >= year.Start.AddMonths(-3) && k.ContactDate <= year.End.AddMonths(1)));

        var included = new List<(Child Child, List<CareEpisode>? Episodes, CareLeaverContact? Contact)>();
        foreach (var child in data.Children)
        {
            var eps = episodes.GetValueOrDefault(child.Id);
            var contact = contacts.TryGetValue(child.Id, out var ks) ? CareLeaverContactFor(child, ks, eps, year) : null;
            if (eps is not null || contact is not null)
            {
                eps?.Sort(static (a, b) => a.StartDate != b.StartDate ? a.StartDate.CompareTo(b.StartDate) : a.Id.CompareTo(b.Id));
                included.Add((child, eps, contact));
            }
        }

        included.Sort(static (a, b) => string.CompareOrdinal(a.Child.LaChildId, b.Child.LaChildId));
        Children = included.Count;

        var looked = included.Where(x => x.Episodes is not null).Select(x => x.Child.Id).ToHashSet();
        var reviews = Group(data.CareReviews.Where(r => looked.Contains(r.ChildId) && year.Contains(r.Date)));
        var missing = Group(data.MissingEpisodes.Where(m => looked.Contains(m.ChildId) && year.Contains(m.StartDate)));
        var outcomes = Group(data.AnnualOutcomes.Where(o => o.YearEnding == year.End && looked.Contains(o.ChildId)));
        var checks = Group(data.HealthChecks.Where(h => looked.Contains(h.ChildId) && year.Contains(h.Date)));
        var adoptions = Group(data.Adoptions.Where(a => looked.Contains(a.ChildId) && a.DecisionDate <= year.End));
        var permanence = Group(data.PreviousPermanence.Where(p => looked.Contains(p.ChildId)));
        var allocations = _rows.ContainsKey(Ssda903Tables.SwEpisodes)
            ? Group(data.Allocations.Where(a => looked.Contains(a.ChildId) && a.StartDate <= year.End && (a.EndDate is null || a.EndDate >= year.Start)))
            : [];
        var staffIds = data.Workers.ToDictionary(w => w.Id, w => w.StaffId);

        foreach (var (child, eps, contact) in included)
        {
            var id = child.LaChildId;
            var dob = Date(child.DateOfBirth);
            var sex = Ssda903Codes.Sex(child.Sex, year);
            // MOTHER is asked of girls looked after in the year; a care leaver who was not is returned without it (rule 628).
            var mother = child.Sex == Domain.Codes.Sex.Female && eps is not null;
            Add(Ssda903Tables.Header, id, sex, dob, child.Ethnicity.Code, child.Upn ?? child.UpnUnknown?.Code ?? "",
                mother ? (child.ChildsDateOfBirth is null ? "0" : "1") : "",
                mother ? Date(child.ChildsDateOfBirth) : "");

            if (eps is not null)
            {
                foreach (var e in eps)
                {
                    var ended = Known(e.EndDate);
                    Add(Ssda903Tables.Episodes, id, Date(e.StartDate), e.ReasonNew.Code, e.LegalStatus.Code, e.CategoryOfNeed.Code,
                        Ssda903Codes.Placement(e.Placement, year), e.Provider?.Code ?? "", Date(ended),
                        ended is null ? "" : e.ReasonEnded?.Code ?? "", ended is null ? "" : e.ReasonPlacementChanged?.Code ?? "",
                        e.HomePostcode ?? "", e.PlacementPostcode ?? "", e.Urn ?? "");
                }

                if (child.IsUnaccompaniedAsylumSeeking)
                {
                    Add(Ssda903Tables.Uasc, id, sex, dob, Date(Known(child.UascCeasedDate)));
                }

                foreach (var r in Sorted(reviews, child.Id, r => r.Date))
                {
                    Add(Ssda903Tables.Reviews, id, dob, Date(r.Date), r.Participation.Code);
                }

                foreach (var m in Sorted(missing, child.Id, m => m.StartDate))
                {
                    Add(Ssda903Tables.Missing, id, dob, m.Type.Code, Date(m.StartDate), Date(Known(m.EndDate)));
                }

                if (outcomes.TryGetValue(child.Id, out var os) && LookedAfterAllYear(eps, year))
                {
                    var o = os.MaxBy(x => x.Id)!;
                    var childChecks = checks.GetValueOrDefault(child.Id);
                    var assessed = childChecks?.Any(h => h.Kind != HealthCheckKind.DentalCheck) == true;
                    var teeth = childChecks?.Any(h => h.Kind == HealthCheckKind.DentalCheck) == true;
                    // CONVICTED is asked of children aged 10 or over (rule 542), HEALTH_CHECK of those under 5.
                    Add(Ssda903Tables.Oc2, id, dob, o.SdqScore?.ToString(CultureInfo.InvariantCulture) ?? "", o.SdqReason?.Code ?? "",
                        child.AgeOn(year.End) < 10 ? "" : Flag(o.Convicted), child.AgeOn(year.End) < 5 ? Flag(assessed) : "", Flag(o.ImmunisationsUpToDate), Flag(teeth),
                        Flag(assessed), Flag(o.SubstanceMisuse),
                        o.SubstanceMisuse ? Flag(o.InterventionReceived) : "", o.SubstanceMisuse ? Flag(o.InterventionOffered) : "");
                }
            }

            if (contact is not null)
            {
                Add(Ssda903Tables.Oc3, id, dob, contact.InTouch.Code, Ssda903Codes.Activity(contact.Activity, year), contact.Accommodation.Code);
            }

            if (eps is null)
            {
                continue;
            }

            var decisions = Sorted(adoptions, child.Id, a => a.DecisionDate).Where(a => a.NoLongerPlacedDate is null || a.NoLongerPlacedDate >= year.Start);
            foreach (var a in decisions)
            {
                var ceased = Known(a.NoLongerPlacedDate);
                Add(Ssda903Tables.PlacedAdoption, id, dob, Date(a.DecisionDate), Date(ceased), ceased is null ? "" : a.NoLongerPlacedReason?.Code ?? "");
            }

            if (eps.Any(e => Known(e.EndDate) is { } end && year.Contains(end) && e.ReasonEnded?.Code is "E11" or "E12")
                && adoptions.TryGetValue(child.Id, out var childAdoptions))
            {
                var a = LatestAdoption(childAdoptions)!;
                Add(Ssda903Tables.Ad1, id, dob, Date(Known(a.InterestDate)), Date(Known(a.MatchDate)), Flag(a.FosterCarerAdoption),
                    a.NumberOfAdopters?.ToString(CultureInfo.InvariantCulture) ?? "", a.AdopterSex?.Code ?? "", a.AdopterLegalStatus?.Code ?? "");
            }

            if (eps.Any(e => e.ReasonNew.Code == "S" && year.Contains(e.StartDate)) && permanence.TryGetValue(child.Id, out var perms))
            {
                var p = perms.MaxBy(x => x.Id)!;
                Add(Ssda903Tables.PrevPerm, id, dob, p.Type.Code, p.LaCode ?? "", p.Date ?? "");
            }

            if (_rows.ContainsKey(Ssda903Tables.SwEpisodes))
            {
                foreach (var a in Sorted(allocations, child.Id, a => a.StartDate))
                {
                    Add(Ssda903Tables.SwEpisodes, id, dob, staffIds.GetValueOrDefault(a.WorkerId, ""), Date(a.StartDate), Date(Known(a.EndDate)), a.Reason?.Code ?? "");
                }
            }
        }

        DateOnly? Known(DateOnly? date) => date <= year.End ? date : null;
    }

    public int Children { get; }

    public IReadOnlyList<string[]> Rows(Ssda903Table table) => _rows.TryGetValue(table, out var rows) ? rows : [];

    public IEnumerable<Ssda903Table> Tables => _rows.Keys;

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Flag(bool value) => value ? "1" : "0";

    /// <summary>The adoption record AD1 describes: the latest decision.</summary>
    public static AdoptionRecord? LatestAdoption(IEnumerable<AdoptionRecord> records) =>
        records.OrderBy(a => a.DecisionDate).ThenBy(a => a.Id).LastOrDefault();

    /// <summary>Looked after on the day (an episode started on or before it and not ended by it). An end after the
    /// year end counts as open, as the return writes it.</summary>
    public static bool LookedAfterOn(IEnumerable<CareEpisode>? episodes, DateOnly date) =>
        episodes?.Any(e => e.StartDate <= date && (e.EndDate is null || e.EndDate > date)) == true;

    /// <summary>Looked after on every day of the year and still at 31 March, short breaks (V3, V4) aside: the OC2 cohort.</summary>
    public static bool LookedAfterAllYear(IEnumerable<CareEpisode> episodes, CollectionYear year)
    {
        var covered = year.Start;
        foreach (var e in episodes.Where(e => e.LegalStatus.Code is not ("V3" or "V4")).OrderBy(e => e.StartDate))
        {
            if (e.StartDate > covered)
            {
                return false;
            }

            if (e.EndDate is not { } end || end > year.End)
            {
                return true;
            }

            if (end > covered)
            {
                covered = end;
            }
        }

        return false;
    }

    /// <summary>The birthday (17th to 21st) falling in the year, if any.</summary>
    public static DateOnly? CareLeaverBirthday(DateOnly? dateOfBirth, CollectionYear year)
    {
        if (dateOfBirth is not { } dob)
        {
            return null;
        }

        for (var age = 17; age <= 21; age++)
        {
            var birthday = dob.AddYears(age);
            if (year.Contains(birthday))
            {
                return birthday;
            }
        }

        return null;
    }

    /// <summary>The contact from three months before to one month after the birthday (the DfE's window for OC3), the
    /// closest to the birthday, earlier on a tie.</summary>
    public static CareLeaverContact? ContactAround(IEnumerable<CareLeaverContact> contacts, DateOnly birthday) =>
        contacts.Where(k => k.ContactDate >= birthday.AddMonths(-3) && k.ContactDate <= birthday.AddMonths(1))
            .OrderBy(k => Math.Abs(k.ContactDate.DayNumber - birthday.DayNumber)).ThenBy(k => k.ContactDate).ThenBy(k => k.Id)
            .FirstOrDefault();

    private static CareLeaverContact? CareLeaverContactFor(Child child, List<CareLeaverContact> contacts, List<CareEpisode>? episodes, CollectionYear year) =>
        CareLeaverBirthday(child.DateOfBirth, year) is { } birthday && !LookedAfterOn(episodes, birthday) ? ContactAround(contacts, birthday) : null;

    private static Dictionary<long, List<T>> Group<T>(IEnumerable<T> records)
        where T : ChildRecord
    {
        var map = new Dictionary<long, List<T>>();
        foreach (var r in records)
        {
            if (!map.TryGetValue(r.ChildId, out var list))
            {
                map[r.ChildId] = list = [];
            }

            list.Add(r);
        }

        return map;
    }

    private Dictionary<long, List<T>> GroupOpen<T>(IEnumerable<T> records, Func<T, DateOnly> start, Func<T, DateOnly?> end)
        where T : ChildRecord =>
        Group(records.Where(r => start(r) <= _year.End && (end(r) is not { } e || e >= _year.Start)));

    private static IEnumerable<T> Sorted<T>(Dictionary<long, List<T>> map, long childId, Func<T, DateOnly> key)
        where T : Entity =>
        map.TryGetValue(childId, out var list) ? list.OrderBy(key).ThenBy(x => x.Id) : [];

    private void Add(Ssda903Table table, params string[] values) => _rows[table].Add(values);
}
