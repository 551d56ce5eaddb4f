using System.Globalization;
using Lantern.Domain.Calendar;
using Lantern.Domain.Clock;
using Lantern.Web.Govuk;

namespace Lantern.Web.Casework;

/// <summary>How a clock item's status reads and looks, the same on every page.</summary>
public static class ClockText
{
    /// <summary>"overdue by 3 working days", "due today", "due in 4 working days", "done on time".</summary>
    public static string Status(ClockItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Status switch
        {
            ClockStatus.Overdue => $"overdue by {Days(WorkingDays.WorkingDaysBetween(item.DueOn, today))}",
            ClockStatus.DueToday => "due today",
            ClockStatus.Upcoming => $"due in {Days(WorkingDays.WorkingDaysBetween(today, item.DueOn))}",
            ClockStatus.CompletedOnTime => "done on time",
            ClockStatus.CompletedLate => "done late",
            _ => item.Status.ToString(),
        };
    }

    /// <summary>The GOV.UK tag for an item's status (see <see cref="Tag(ClockStatus)"/>).</summary>
    public static Tag Tag(ClockItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Tag(item.Status);
    }

    /// <summary>The GOV.UK tag for a status: red overdue, orange due today, plain upcoming, green done
    /// on time, yellow done late. The one place these tags are made.</summary>
    public static Tag Tag(ClockStatus status) => status switch
    {
        ClockStatus.Overdue => new Tag("Overdue") { Colour = TagColour.Red },
        ClockStatus.DueToday => new Tag("Due today") { Colour = TagColour.Orange },
        ClockStatus.Upcoming => new Tag("Upcoming"),
        ClockStatus.CompletedOnTime => new Tag("Done on time") { Colour = TagColour.Green },
        ClockStatus.CompletedLate => new Tag("Done late") { Colour = TagColour.Yellow },
        _ => new Tag(status.ToString()),
    };

    private static string Days(int n) => n == 1 ? "1 working day" : n.ToString(CultureInfo.InvariantCulture) + " working days";
}
