using Lantern.Domain.Access;

namespace Lantern.Web.Access;

/// <summary>One record opened outside the person's own work, as the alert needs it.</summary>
public readonly record struct AccessEvent(string UserId, string UserName, StaffRole? Role, long ChildId, DateTime At);

/// <summary>Someone who opened <see cref="Children"/> distinct records outside their own work
/// between <see cref="Start"/> and <see cref="End"/>.</summary>
public sealed record AccessAlert(string UserId, string UserName, StaffRole? Role, DateTime Start, DateTime End, int Children);

/// <summary>Finds unusual access: per person, sliding windows in which the number of distinct
/// children whose records they opened outside their own work reaches a threshold.</summary>
public static class UnusualAccess
{
    /// <summary>The access bases that are not a person's own work (<see cref="ChildAccessPolicy.IsOwnWork"/>).</summary>
    public static IReadOnlyList<AccessBasis> OutsideOwnWork { get; } =
        [.. Enum.GetValues<AccessBasis>().Where(b => b != AccessBasis.None && !ChildAccessPolicy.IsOwnWork(b))];

    /// <summary>The start of a report's period that looks back <paramref name="days"/> days. The period
    /// ends at the earlier of now and the end of the app's "today": a demo database is shown as at a
    /// fixed date in the past (Lantern:Today) and its audit history is dated relative to that date,
    /// so looking back from the real clock would find none of it once the demo has aged. For a live
    /// council, "today" is today and this is simply now minus the days. (Looking back from the newest
    /// audit entry would not do: signing in to look writes an entry dated now.) Entries after the
    /// start are all shown, up to now.</summary>
    public static DateTime ReportStart(DateTime utcNow, DateOnly today, int days)
    {
        var endOfToday = today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = utcNow < endOfToday ? utcNow : endOfToday;
        return end.AddDays(-Math.Max(0, days));
    }

    /// <summary>The alerts in <paramref name="events"/>. Overlapping windows of one person make one
    /// alert: from the first record of the first window that reaches the threshold to the last record
    /// while the threshold is still met, counting the distinct children in that whole span.</summary>
    public static IReadOnlyList<AccessAlert> Find(IEnumerable<AccessEvent> events, int threshold, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(events);
        threshold = Math.Max(1, threshold);
        var alerts = new List<AccessAlert>();
        foreach (var person in events.GroupBy(e => e.UserId, StringComparer.Ordinal))
        {
            var list = person.OrderBy(e => e.At).ThenBy(e => e.ChildId).ToList();
            var inWindow = new Dictionary<long, int>();
            var left = 0;
            var right = 0;
            while (right < list.Count)
            {
                Add(inWindow, list[right].ChildId);
                while (list[right].At - list[left].At > window)
                {
                    Remove(inWindow, list[left].ChildId);
                    left++;
                }

                if (inWindow.Count < threshold)
                {
                    right++;
                    continue;
                }

                // The threshold is reached: extend while the window keeps meeting it.
                var start = left;
                var end = right;
                while (end + 1 < list.Count)
                {
                    var next = end + 1;
                    Add(inWindow, list[next].ChildId);
                    var l = left;
                    while (list[next].At - list[l].At > window)
                    {
                        Remove(inWindow, list[l].ChildId);
                        l++;
                    }

                    if (inWindow.Count < threshold)
                    {
                        break;
                    }

                    left = l;
                    end = next;
                }

                var first = list[start];
                var children = list.Skip(start).Take(end - start + 1).Select(e => e.ChildId).Distinct().Count();
                alerts.Add(new AccessAlert(first.UserId, list[end].UserName, first.Role ?? list[end].Role, first.At, list[end].At, children));

                // Start afresh after the alert.
                inWindow.Clear();
                left = end + 1;
                right = end + 1;
            }
        }

        return [.. alerts.OrderByDescending(a => a.Start).ThenBy(a => a.UserName, StringComparer.Ordinal)];
    }

    private static void Add(Dictionary<long, int> counts, long child) =>
        counts[child] = counts.GetValueOrDefault(child) + 1;

    private static void Remove(Dictionary<long, int> counts, long child)
    {
        if (counts[child] == 1)
        {
            counts.Remove(child);
        }
        else
        {
            counts[child]--;
        }
    }
}
