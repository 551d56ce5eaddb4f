using Lantern.Data;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Journey;

/// <summary>One event in a child's chronology.</summary>
/// <param name="Date">When it happened.</param>
/// <param name="Title">What happened, for example "Referral".</param>
/// <param name="Detail">More about it (may be empty).</param>
/// <param name="Significant">A significant event a practitioner added by hand.</param>
/// <param name="Href">Where to read the whole entry (case notes), an id-only path.</param>
public sealed record ChronologyEntry(DateOnly Date, string Title, string Detail, bool Significant = false, string? Href = null);

/// <summary>Everything the chronology is built from besides the child's file.</summary>
public sealed class ChronologySources
{
    public required ChildFile File { get; init; }

    public IReadOnlyList<Allocation> Allocations { get; init; } = [];

    public IReadOnlyList<EarlyHelpEpisode> EarlyHelp { get; init; } = [];

    public IReadOnlyList<EarlyHelpReview> EarlyHelpReviews { get; init; } = [];

    /// <summary>Completed case notes only: drafts never appear in the chronology.</summary>
    public IReadOnlyList<CaseNote> Notes { get; init; } = [];

    public IReadOnlyList<SignificantEvent> SignificantEvents { get; init; } = [];

    /// <summary>Names of the workers the entries mention, by worker id.</summary>
    public IReadOnlyDictionary<long, string> WorkerNames { get; init; } = new Dictionary<long, string>();
}

/// <summary>Builds a child's chronology (every recorded event, newest first, nothing after today)
/// for the record page and the chronology page alike.</summary>
public static class ChronologyBuilder
{
    /// <summary>Longest part of a case note's text shown in the chronology; the note's page has the rest.</summary>
    public const int NoteExcerptLength = 300;

    /// <summary>Reads what the chronology needs beyond <paramref name="file"/>, untracked.</summary>
    public static async Task<ChronologySources> LoadAsync(LanternDbContext db, ChildFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(file);
        var id = file.Child.Id;
        var allocations = await db.Allocations.AsNoTracking().Where(a => a.ChildId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var earlyHelp = await db.EarlyHelp.AsNoTracking().Where(e => e.ChildId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var reviews = await db.EarlyHelpReviews.AsNoTracking().Where(r => r.ChildId == id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var notes = await db.CaseNotes.AsNoTracking().Where(n => n.ChildId == id && n.Status == NoteStatus.Completed).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        var events = await db.SignificantEvents.AsNoTracking().Where(e => e.ChildId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var workerIds = allocations.Select(a => a.WorkerId).Concat(earlyHelp.Where(e => e.LeadWorkerId is not null).Select(e => e.LeadWorkerId!.Value)).Distinct().ToList();
        var names = await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id))
            .Select(w => new { w.Id, w.GivenName, w.FamilyName })
            .ToDictionaryAsync(w => w.Id, w => $"{w.GivenName} {w.FamilyName}", cancellationToken);
        return new ChronologySources
        {
            File = file,
            Allocations = allocations,
            EarlyHelp = earlyHelp,
            EarlyHelpReviews = reviews,
            Notes = notes,
            SignificantEvents = events,
            WorkerNames = names,
        };
    }

    /// <summary>Every event up to <paramref name="today"/>, newest first (same day: by title).</summary>
    public static IReadOnlyList<ChronologyEntry> Build(ChronologySources sources, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var file = sources.File;
        var childId = file.Child.Id;
        var events = new List<ChronologyEntry>();
        void Add(DateOnly date, string title, string detail, bool significant = false, string? href = null)
        {
            if (date <= today)
            {
                events.Add(new ChronologyEntry(date, title, detail, significant, href));
            }
        }

        static string Lower<T>(T value)
            where T : struct, Enum => Display.Words(value).ToLowerInvariant();

        foreach (var c in file.Contacts)
        {
            Add(c.ReceivedDate, "Contact received", $"From {c.Source.Label()}. Outcome: {Lower(c.Outcome)}");
        }

        foreach (var r in file.Referrals)
        {
            Add(r.ReferralDate, "Referral", $"From {r.Source.Label()}{(r.PrimaryNeed is { } n ? $". Primary need: {n.Label()}" : null)}");
            if (r.ClosureDate is { } closed)
            {
                Add(closed, "Case closed", r.ClosureReason is { } reason ? reason.Label() : "Closure reason not recorded");
            }
        }

        foreach (var a in file.Assessments)
        {
            Add(a.StartDate, "Assessment started", a.ChildSeen ? "Child seen" : "Child not seen");
            if (a.AuthorisationDate is { } done)
            {
                Add(done, "Assessment completed", $"Outcome: {Lower(a.Outcome)}");
            }
        }

        foreach (var s in file.StrategyDiscussions)
        {
            Add(s.Date, "Strategy discussion", s.Decision == StrategyDecision.Section47 ? "Section 47 enquiry to start" : "No section 47 enquiry");
        }

        foreach (var s in file.Section47s)
        {
            Add(s.StartDate, "Section 47 enquiry started", "");
            if (s.EndDate is { } end)
            {
                Add(end, "Section 47 enquiry ended", $"Outcome: {Lower(s.Outcome)}");
            }
        }

        foreach (var c in file.Conferences)
        {
            Add(c.Date, c.Type == ConferenceType.Initial ? "Initial child protection conference" : "Review child protection conference", $"Outcome: {Lower(c.Outcome)}");
        }

        foreach (var p in file.ProtectionPlans)
        {
            Add(p.StartDate, "Child protection plan started", $"Category: {p.InitialCategory.Label()}");
            if (p.EndDate is { } end)
            {
                Add(end, "Child protection plan ended", p.EndReason is { } reason ? Display.Words(reason) : "");
            }
        }

        foreach (var p in file.ChildInNeedPlans)
        {
            Add(p.StartDate, "Child in need plan started", "");
            if (p.EndDate is { } end)
            {
                Add(end, "Child in need plan ended", "");
            }
        }

        foreach (var r in file.ChildInNeedReviews)
        {
            Add(r.Date, "Child in need plan review", "");
        }

        foreach (var g in file.CoreGroups)
        {
            Add(g.Date, "Core group meeting", "");
        }

        foreach (var e in file.CareEpisodes)
        {
            Add(e.StartDate, "Care episode started", $"{e.LegalStatus.Label()}; placement {e.Placement.Label()}");
            if (e.EndDate is { } end)
            {
                Add(end, "Care episode ended", e.ReasonEnded is { } reason ? reason.Label() : "");
            }
        }

        foreach (var r in file.CareReviews)
        {
            Add(r.Date, "Looked after review", r.Participation.Label());
        }

        foreach (var v in file.Visits)
        {
            Add(v.Date, $"{Display.Words(v.Kind)} visit", v.ChildSeen ? (v.ChildSeenAlone ? "Child seen alone" : "Child seen, not alone") : "Child not seen");
        }

        foreach (var a in sources.Allocations)
        {
            var name = sources.WorkerNames.TryGetValue(a.WorkerId, out var w) ? w : "a worker";
            Add(a.StartDate, "Allocated", $"Allocated to {name}");
        }

        foreach (var e in sources.EarlyHelp)
        {
            var lead = e.LeadWorkerId is { } l && sources.WorkerNames.TryGetValue(l, out var n) ? $", led by {n}" : "";
            Add(e.StartDate, e.IsStepDown ? "Early help started (step-down from social care)" : "Early help started", $"{e.Organisation}{lead}");
            if (e.AssessmentStartDate is { } started)
            {
                Add(started, "Early help assessment started", "");
            }

            if (e.AssessmentCompletedDate is { } completed)
            {
                Add(completed, "Early help assessment completed", "");
            }

            if (e.EndDate is { } end)
            {
                Add(end, "Early help ended", e.EndReason is { } reason ? Display.Words(reason) : "");
            }
        }

        foreach (var r in sources.EarlyHelpReviews)
        {
            Add(r.Date, EarlyHelpReviewTitle(r.Kind), "");
        }

        // A corrected note appears once, as its latest correction.
        var corrected = sources.Notes.Where(n => n.CorrectsNoteId is not null).Select(n => n.CorrectsNoteId!.Value).ToHashSet();
        var latest = sources.Notes.Where(n => n.CorrectsNoteId is not null)
            .GroupBy(n => n.CorrectsNoteId!.Value)
            .Select(g => g.OrderByDescending(n => n.RecordedAt).ThenByDescending(n => n.Id).First())
            .ToList();
        foreach (var n in sources.Notes.Where(n => n.CorrectsNoteId is null && !corrected.Contains(n.Id)).Concat(latest))
        {
            var text = n.Text.Length > NoteExcerptLength ? n.Text[..NoteExcerptLength].TrimEnd() + "…" : n.Text;
            Add(n.EventDate, Display.Words(n.Kind) + (n.CorrectsNoteId is null ? "" : " (corrected)"), text, href: $"/children/{childId}/notes/{n.CorrectsNoteId ?? n.Id}");
        }

        foreach (var s in sources.SignificantEvents)
        {
            Add(s.Date, s.Title, s.Detail, significant: true);
        }

        return [.. events.OrderByDescending(e => e.Date).ThenBy(e => e.Title, StringComparer.Ordinal)];
    }

    /// <summary>The entries marked significant (when asked) between two dates (either may be open).</summary>
    public static IReadOnlyList<ChronologyEntry> Filter(IEnumerable<ChronologyEntry> entries, bool significantOnly, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries.Where(e => (!significantOnly || e.Significant) && (from is null || e.Date >= from) && (to is null || e.Date <= to))];
    }

    public static string EarlyHelpReviewTitle(EarlyHelpReviewKind kind) => kind switch
    {
        EarlyHelpReviewKind.TeamAroundFamily => "Team around the family meeting",
        _ => "Early help plan review",
    };
}
