using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Returns.AnnexA;

/// <summary>A care leaver's entitlement to leaving-care services (Children Act 1989 s23A–24, Care
/// Leavers (England) Regulations 2010), the Annex A List 9 eligibility categories.</summary>
public enum CareLeaverCategory
{
    /// <summary>16 or 17, still looked after, looked after for 13 weeks since 14 (some of it after 16).</summary>
    Eligible = 1,

    /// <summary>16 or 17, no longer looked after, was eligible (13 weeks since 14, looked after at 16 or 17).</summary>
    Relevant = 2,

    /// <summary>18 or over, was relevant or eligible.</summary>
    FormerRelevant = 3,

    /// <summary>16 or over, looked after at some time after 16 but not for the 13 weeks.</summary>
    Qualifying = 4,
}

/// <summary>A period of care: episodes joined without a break and without a new start (RNE S).</summary>
/// <param name="Episodes">The period's episodes, earliest first, as known on the as-at date.</param>
/// <param name="End">The day the period ended (the child was no longer looked after that day), null while
/// it continues on the as-at date.</param>
internal sealed record CarePeriod(IReadOnlyList<CareEpisode> Episodes, DateOnly? End)
{
    public DateOnly Start => Episodes[0].StartDate;

    public CareEpisode Last => Episodes[^1];

    /// <summary>Looked after on <paramref name="date"/>: started by it and not ended by it (as the
    /// caseload rules read an episode: a child is not looked after on the day the episode ceased).</summary>
    public bool CoversDay(DateOnly date) => Start <= date && (End is null || End > date);

    public bool Overlaps(DateOnly from, DateOnly to) => Start <= to && (End is null || End > from);
}

/// <summary>One child's care history as known on an as-at date: what Annex A lists 8, 9 and 10 read.
/// Short breaks (V3, V4) are left out, as the DfE leaves them out of children looked after counts and
/// of the care-leaver cohort; an episode dated after the as-at date is not yet known, and an end after
/// it has not yet happened.</summary>
internal sealed class CareHistory
{
    /// <summary>Thirteen weeks: the looked-after time since 14 that makes a child eligible.</summary>
    public const int ThirteenWeeks = 91;

    public CareHistory(IEnumerable<CareEpisode> episodes, DateOnly asAt)
    {
        AsAt = asAt;
        var known = episodes
            .Where(e => e.StartDate <= asAt && !IsShortBreak(e.LegalStatus))
            .OrderBy(e => e.StartDate).ThenBy(e => e.Id)
            .ToList();
        var periods = new List<CarePeriod>();
        var current = new List<CareEpisode>();
        DateOnly? previousEnd = null;
        foreach (var e in known)
        {
            if (current.Count > 0 && (e.ReasonNew == ReasonNewEpisode.Started || previousEnd != e.StartDate))
            {
                periods.Add(new CarePeriod(current, previousEnd));
                current = [];
            }

            current.Add(e);
            previousEnd = EndKnown(e.EndDate);
        }

        if (current.Count > 0)
        {
            periods.Add(new CarePeriod(current, previousEnd));
        }

        Periods = periods;
    }

    public DateOnly AsAt { get; }

    public IReadOnlyList<CarePeriod> Periods { get; }

    public CarePeriod? PeriodOn(DateOnly date) => Periods.LastOrDefault(p => p.CoversDay(date));

    public static bool IsShortBreak(LegalStatus status) => status.Code is "V3" or "V4";

    /// <summary>Days looked after from <paramref name="from"/> to <paramref name="to"/>, both counted.</summary>
    public int DaysLookedAfter(DateOnly from, DateOnly to)
    {
        var days = 0;
        foreach (var period in Periods)
        {
            foreach (var e in period.Episodes)
            {
                var start = e.StartDate > from ? e.StartDate : from;
                var endExclusive = EndKnown(e.EndDate) ?? AsAt.AddDays(1);
                var stop = endExclusive <= to ? endExclusive : to.AddDays(1);
                if (stop > start)
                {
                    days += stop.DayNumber - start.DayNumber;
                }
            }
        }

        return days;
    }

    /// <summary>The child's leaving-care category on the as-at date, or null when they are not entitled
    /// (under 16, never looked after at 16 or over, adopted, died, 25 or over, or 21 or over and not
    /// receiving services).</summary>
    /// <param name="child">The child.</param>
    /// <param name="receivingServicesAfter21">Whether a young person of 21 to 24 is still receiving
    /// leaving-care services (the council decides; Annex A lists them only then).</param>
    public CareLeaverCategory? CareLeaver(Child child, bool receivingServicesAfter21)
    {
        if (child.DateOfBirth is not { } born || child.DateOfDeath <= AsAt || Periods.Count == 0)
        {
            return null;
        }

        var age = child.AgeOn(AsAt) ?? 0;
        if (age < 16 || age >= 25 || (age >= 21 && !receivingServicesAfter21))
        {
            return null;
        }

        var last = Periods[^1];
        if (last.End is not null && last.Last.ReasonEnded?.Code is "E11" or "E12")
        {
            return null; // adopted: no longer anyone's care leaver
        }

        var sixteen = born.AddYears(16);
        var eighteenEve = born.AddYears(18).AddDays(-1);
        var until = AsAt < eighteenEve ? AsAt : eighteenEve;
        var lookedAfterAt16 = DaysLookedAfter(sixteen, until) > 0;
        if (!lookedAfterAt16)
        {
            return null;
        }

        var thirteenWeeks = DaysLookedAfter(born.AddYears(14), until) >= ThirteenWeeks;
        var now = PeriodOn(AsAt) is not null;
        if (age < 18)
        {
            return now
                ? (thirteenWeeks ? CareLeaverCategory.Eligible : null)
                : (thirteenWeeks ? CareLeaverCategory.Relevant : CareLeaverCategory.Qualifying);
        }

        return thirteenWeeks ? CareLeaverCategory.FormerRelevant : CareLeaverCategory.Qualifying;
    }

    private DateOnly? EndKnown(DateOnly? end) => end is { } d && d <= AsAt ? d : null;
}
