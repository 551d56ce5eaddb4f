using System.Globalization;
using System.Text.RegularExpressions;
using Lantern.Domain.Model;
using Lantern.Web.Govuk;

namespace Lantern.Web.Data;

/// <summary>What is open for a child on a date, computed from records on or before it.</summary>
public static class ChildStatus
{
    public static IReadOnlyList<Tag> Tags(
        DateOnly asAt,
        IEnumerable<CareEpisode> episodes,
        IEnumerable<ChildProtectionPlan> protectionPlans,
        IEnumerable<ChildInNeedPlan> childInNeedPlans,
        IEnumerable<Assessment> assessments,
        IEnumerable<Referral> referrals)
    {
        var tags = new List<Tag>();
        if (episodes.Any(e => IsOpen(e.StartDate, e.EndDate, asAt)))
        {
            tags.Add(new Tag("Looked after") { Colour = TagColour.Purple });
        }

        if (protectionPlans.Any(p => IsOpen(p.StartDate, p.EndDate, asAt)))
        {
            tags.Add(new Tag("Child protection plan") { Colour = TagColour.Red });
        }

        if (childInNeedPlans.Any(p => IsOpen(p.StartDate, p.EndDate, asAt)))
        {
            tags.Add(new Tag("Child in need plan") { Colour = TagColour.Teal });
        }

        if (assessments.Any(a => IsOpen(a.StartDate, a.AuthorisationDate, asAt)))
        {
            tags.Add(new Tag("Open assessment") { Colour = TagColour.Yellow });
        }

        if (tags.Count == 0)
        {
            tags.Add(referrals.Any(r => IsOpen(r.ReferralDate, r.ClosureDate, asAt))
                ? new Tag("Open referral") { Colour = TagColour.Green }
                : new Tag("Closed") { Colour = TagColour.Grey });
        }

        return tags;
    }

    /// <summary>Started on or before the date and not ended by it.</summary>
    public static bool IsOpen(DateOnly start, DateOnly? end, DateOnly asAt) =>
        start <= asAt && (end is null || end > asAt);
}

public static partial class Display
{
    // Invariant: the app runs in globalization-invariant mode; its month names are English.
    private static readonly CultureInfo EnGb = CultureInfo.InvariantCulture;

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Date(DateOnly? date, string missing = "Not recorded") => date is { } d ? Date(d) : missing;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>NHS number as 3-3-4 digits.</summary>
    public static string? NhsNumber(string? nhs)
    {
        if (nhs is null)
        {
            return null;
        }

        var digits = new string(nhs.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 10 ? $"{digits[..3]} {digits[3..6]} {digits[6..]}" : nhs;
    }

    /// <summary>"ChildInNeed" to "Child in need".</summary>
    public static string Words<T>(T value)
        where T : struct, Enum
    {
        var words = CapitalLetter().Replace(value.ToString(), " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Age(Child child, DateOnly today)
    {
        if (child.AgeOn(today) is { } years)
        {
            return years == 1 ? "1 year" : $"{years} years";
        }

        return child.DateOfBirth is null ? "Unborn" : "Not known";
    }

    public static string Duration(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        return days switch
        {
            < 0 => "0 days",
            1 => "1 day",
            < 60 => $"{days} days",
            _ => $"{days / 30} months",
        };
    }

    [GeneratedRegex("(?<!^)([A-Z0-9])")]
    private static partial Regex CapitalLetter();
}
