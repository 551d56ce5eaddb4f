using System.Globalization;
using System.Security.Claims;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Identifiers;
using Lantern.Domain.Journey;
using Lantern.Domain.Model;
using Lantern.Web.Access;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Journey;

/// <summary>One possible duplicate found at the front door: the child and why they match.</summary>
public sealed record FrontDoorMatch(Child Child, DuplicateMatch Match, bool CanOpen);

/// <summary>What the front door pages share: the contact questions and how they are read (received
/// date and time in UK time, stored in UTC), the one-working-day decision clock (from
/// <see cref="StatutoryClock.DueDates.ContactDecisionDue"/> and the council's standards), the duplicate
/// search, and the making of a new child's LA child ID.</summary>
public static class FrontDoorJourney
{
    public const int SummaryMaxLength = 4000;
    public const int ReasonMaxLength = 4000;

    /// <summary>Organisation of an early help episode started by a screening decision.</summary>
    public const string EarlyHelpOrganisation = "Early help";

    private static TimeZoneInfo UkTime => Security.TimeDisplay.UkTime;

    public static readonly FieldSpec ReceivedDate = new("ReceivedDate", FieldKind.Date, "Date the contact was received", "the date the contact was received") { Hint = "For example, 27 3 2026" };

    public static readonly FieldSpec ReceivedTime = new("ReceivedTime", FieldKind.Time, "Time the contact was received", "the time the contact was received") { Hint = "UK time, 24-hour clock, for example 14:30" };

    public static readonly FieldSpec Summary = new("Summary", FieldKind.TextArea, "Summary of the concerns", "the summary of the concerns")
    {
        MaxLength = SummaryMaxLength,
        Rows = 8,
        Hint = "What the person contacting the front door told you, and what they are worried about",
    };

    /// <summary>Who made the contact (the DfE referral source list of the collection year).</summary>
    public static FieldSpec Source(DateOnly today) => new("Source", FieldKind.Select, "Who made the contact", "who made the contact")
    {
        Options = FieldSpec.OptionsOf(ReferralSource.Set, AssessmentJourney.CollectionYear(today)),
    };

    /// <summary>The contact questions, in order.</summary>
    public static IReadOnlyList<FieldSpec> ContactFields(DateOnly today) => [ReceivedDate, ReceivedTime, Source(today), Summary];

    /// <summary>Reads the contact answers; null when any is missing or wrong (the errors are on the form).</summary>
    public static Contact? ReadContact(FormReader form, DateOnly today, DateOnly? bornOn)
    {
        ArgumentNullException.ThrowIfNull(form);
        var date = form.Date(ReceivedDate);
        var time = form.Time(ReceivedTime);
        var source = form.Code<ReferralSource>(Source(today));
        var summary = form.Text(Summary);
        DateTime? at = null;
        if (date is { } d && time is { } t)
        {
            at = ToUtc(d, t);
            if (IsFuture(d, t, today))
            {
                form.Error(ReceivedTime, "The time the contact was received must be now or in the past");
            }
        }

        if (date is { } day && bornOn is { } born && day < born)
        {
            form.Error(ReceivedDate, $"The date the contact was received must be the same as or after the child's date of birth, {Display.Date(born)}");
        }

        if (!form.IsValid || at is null || source is null || summary is null)
        {
            return null;
        }

        return new Contact { ReceivedAt = at.Value, Source = source.Value, Summary = summary, Outcome = ContactOutcome.Pending };
    }

    /// <summary>Prefills the received date with today.</summary>
    public static void PrefillContact(Dictionary<string, string?> values, DateOnly today)
    {
        AssessmentJourney.PutDate(values, ReceivedDate, today);
    }

    /// <summary>A UK date and time as UTC (times in the hour the clocks go forward are taken as after it).</summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (UkTime.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, UkTime);
    }

    /// <summary>A stored UTC time as the UK date and time.</summary>
    public static DateTime ToUk(DateTime utc) => Security.TimeDisplay.ToUk(utc);

    /// <summary>Whether a UK date and time is after now. The app's "today" may be a demo date: a time
    /// on it is in the future only when it is also the real date and the time has not yet come.</summary>
    public static bool IsFuture(DateOnly date, TimeOnly time, DateOnly today)
    {
        if (date != today)
        {
            return date > today;
        }

        var now = ToUk(DateTime.UtcNow);
        return DateOnly.FromDateTime(now) == today && time > TimeOnly.FromDateTime(now);
    }

    /// <summary>The decision clock (T1) of a contact on <paramref name="today"/>: due a number of
    /// working days after it was received, the council's standard.</summary>
    public static ClockItem DecisionClock(Contact contact, LocalStandards standards, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(standards);
        var received = contact.ReceivedDate;
        var due = StatutoryClock.DueDates.ContactDecisionDue(received, standards.ContactDecisionWorkingDays);
        DateOnly? decided = contact.DecidedAt is { } at ? DateOnly.FromDateTime(at) : null;
        var days = standards.ContactDecisionWorkingDays;
        return new ClockItem(
            ClockRules.ContactDecision,
            "Decision on contact",
            $"Working Together 2023, decision within {(days == 1 ? "1 working day" : days.ToString(CultureInfo.InvariantCulture) + " working days")} of the contact",
            received,
            due,
            decided,
            StatutoryClock.StatusOn(due, decided, today));
    }

    /// <summary>The summary rows of a contact, for the decision and sign-off pages.</summary>
    public static IEnumerable<SummaryListRow> ContactRows(Contact contact, string? recordedBy, ClockItem clock, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(clock);
        yield return new SummaryListRow("Received", TimeDisplay.Format(contact.ReceivedAt));
        yield return new SummaryListRow("Who made the contact", $"{contact.Source.Label} ({contact.Source.Code})");
        yield return new SummaryListRow("Recorded by", recordedBy ?? "Not recorded");
        yield return new SummaryListRow("Summary of the concerns", contact.Summary ?? "Not recorded");
        yield return new SummaryListRow("Decision due", $"By {Display.Date(clock.DueOn)} ({ClockText.Status(clock, today)})");
    }

    /// <summary>Outcome in words, for pages and banners.</summary>
    public static string OutcomeText(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.NoFurtherAction => "No further action",
        ContactOutcome.AdviceAndSignposting => "Advice and signposting",
        ContactOutcome.EarlyHelp => "Early help",
        ContactOutcome.Referral => "Referral to children's social care",
        ContactOutcome.StrategyDiscussion => "Strategy discussion",
        _ => "Awaiting a decision",
    };

    /// <summary>The children already known who may be the child described, best first, leaving out
    /// those the person must not know exist (restricted records they are not named on).</summary>
    public static async Task<IReadOnlyList<FrontDoorMatch>> DuplicatesAsync(LanternDbContext db, ChildAccessService access, ClaimsPrincipal user, DuplicateQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(query);
        var dates = query.Born is { } born ? DuplicateMatcher.DatesToSearch(born).Select(d => (DateOnly?)d).ToList() : [];
        var nhs = query.NhsNumber;
        var children = await db.Children.AsNoTracking()
            .Where(c => (nhs != null && c.NhsNumber == nhs) || dates.Contains(c.DateOfBirth) || dates.Contains(c.ExpectedDateOfBirth))
            .Take(2000)
            .ToListAsync(cancellationToken);
        var byId = children.ToDictionary(c => c.Id);
        var matches = DuplicateMatcher.Find(query, children.Select(c => new DuplicateCandidate(c.Id, c.GivenName, c.FamilyName, c.DateOfBirth, c.ExpectedDateOfBirth, c.NhsNumber)));
        if (matches.Count == 0)
        {
            return [];
        }

        var decisions = await access.DecideAsync(user, [.. matches.Select(m => KeyValuePair.Create(m.ChildId, byId[m.ChildId].IsRestricted))], cancellationToken);
        return
        [
            .. matches
                .Where(m => decisions[m.ChildId].Level != ChildAccessLevel.Hidden)
                .Select(m => new FrontDoorMatch(byId[m.ChildId], m, decisions[m.ChildId].CanOpen)),
        ];
    }

    /// <summary>A new LA child ID, unique: the prefix of the council's newest ID (letters before the
    /// number, as the seeded data's NEL0000123), then one more than the highest number with that
    /// prefix, padded to the same width. Call inside the audit transaction so two front door workers
    /// never get the same one (the unique index is the last guard).</summary>
    public static async Task<string> NewLaChildIdAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var newest = await db.Children.AsNoTracking().OrderByDescending(c => c.Id).Select(c => c.LaChildId).FirstOrDefaultAsync(cancellationToken);
        var prefix = newest is null ? "LC" : new string([.. newest.TakeWhile(char.IsAsciiLetter)]);
        if (prefix.Length == 0 || prefix.Length > 10)
        {
            prefix = "LC";
        }

        var width = newest is not null && newest.Length > prefix.Length && newest[prefix.Length..].All(char.IsAsciiDigit) ? newest.Length - prefix.Length : 8;
        var length = prefix.Length + width;
        var highest = await db.Children.AsNoTracking()
            .Where(c => c.LaChildId.StartsWith(prefix) && c.LaChildId.Length == length)
            .OrderByDescending(c => c.LaChildId)
            .Select(c => c.LaChildId)
            .Take(50)
            .ToListAsync(cancellationToken);
        var next = highest
            .Select(id => long.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .DefaultIfEmpty(0)
            .Max() + 1;
        var candidate = prefix + next.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
        while (!LaChildId.IsValid(candidate) || await db.Children.AsNoTracking().AnyAsync(c => c.LaChildId == candidate, cancellationToken))
        {
            // Wider than the IDs in use, or taken: a fresh ID from the standard form.
            candidate = LaChildId.FromSerial(next++, "LC").Value;
        }

        return candidate;
    }

    /// <summary>Saves a new child and its first contact, with the audit entry, in one transaction
    /// under the audit trail's lock (so two front door workers cannot both create the same child):
    /// the duplicate check runs again inside it, and when a child matching the details has appeared
    /// since the person looked, nothing is saved and the new matches are returned.</summary>
    /// <remarks>The audit entry is written through <see cref="AuditTrail"/> as <see cref="AuditWriter"/>
    /// would, because the child's id (which the entry names) exists only once the child is saved
    /// inside the transaction.</remarks>
    public static async Task<IReadOnlyList<long>> SaveNewChildAsync(
        LanternDbContext db,
        ChildAccessService access,
        AuditWriter audit,
        HttpContext http,
        Child child,
        Contact contact,
        DuplicateQuery query,
        IReadOnlySet<long> seen,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(seen);
        var user = http.User;
        IReadOnlyList<long> appeared = [];
        try
        {
            await audit.WriteNewRecordAsync(
                AccessBasis.FrontDoor,
                async ct =>
                {
                    appeared = [.. (await DuplicatesAsync(db, access, user, query, ct)).Select(m => m.Child.Id).Where(id => !seen.Contains(id))];
                    if (appeared.Count > 0)
                    {
                        throw new DuplicateAppearedException();
                    }

                    child.LaChildId = await NewLaChildIdAsync(db, ct);
                    db.Children.Add(child);
                    await db.SaveChangesAsync(ct);
                    contact.ChildId = child.Id;
                    db.Contacts.Add(contact);
                    await db.SaveChangesAsync(ct);
                    return (child.Id, $"child created at the front door ({child.LaChildId}) and contact recorded: received {contact.ReceivedAt.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)}, source {contact.Source.Code}");
                },
                cancellationToken);
        }
        catch (DuplicateAppearedException)
        {
            db.ChangeTracker.Clear();
            return appeared;
        }

        return [];
    }

    /// <summary>Thrown inside the save to roll it back when a matching child appeared meanwhile.</summary>
    private sealed class DuplicateAppearedException : Exception
    {
    }
}
