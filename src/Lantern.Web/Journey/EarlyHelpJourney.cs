using System.Globalization;
using System.Security.Claims;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Journey;

/// <summary>What the early help pages share: who may lead an episode, when social care
/// involvement ended (for a step-down) and how an episode reads.</summary>
public static class EarlyHelpJourney
{
    /// <summary>A step-down to early help starts within this many days of social care involvement ending.</summary>
    public const int StepDownWindowDays = 30;

    /// <summary>In-post early help practitioners, by name, as select options (value: worker id).</summary>
    public static async Task<IReadOnlyList<FieldOption>> LeadWorkerOptionsAsync(LanternDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var workers = await db.Workers.AsNoTracking()
            .Where(w => w.Role == WorkerRole.EarlyHelpPractitioner && w.StartDate <= today && (w.LeftDate == null || w.LeftDate >= today))
            .OrderBy(w => w.FamilyName).ThenBy(w => w.GivenName).ThenBy(w => w.Id)
            .Select(w => new { w.Id, w.GivenName, w.FamilyName })
            .ToListAsync(cancellationToken);
        return [.. workers.Select(w => new FieldOption(w.Id.ToString(CultureInfo.InvariantCulture), $"{w.GivenName} {w.FamilyName}"))];
    }

    /// <summary>Whether the worker is an early help practitioner in post today.</summary>
    public static Task<bool> IsEarlyHelpPractitionerAsync(LanternDbContext db, long? workerId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return workerId is not { } id
            ? Task.FromResult(false)
            : db.Workers.AsNoTracking().AnyAsync(w => w.Id == id && w.Role == WorkerRole.EarlyHelpPractitioner && w.StartDate <= today && (w.LeftDate == null || w.LeftDate >= today), cancellationToken);
    }

    /// <summary>Whether social care involvement that has not ended had started by
    /// <paramref name="date"/>: a referral not closed, or a child in need plan, child protection
    /// plan or care episode with no end date.</summary>
    public static bool SocialCareOpenOn(ChildFile file, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Referrals.Any(r => r.ReferralDate <= date && r.ClosureDate is null)
            || file.ChildInNeedPlans.Any(p => p.StartDate <= date && p.EndDate is null)
            || file.ProtectionPlans.Any(p => p.StartDate <= date && p.EndDate is null)
            || file.CareEpisodes.Any(e => e.StartDate <= date && e.EndDate is null);
    }

    /// <summary>The last day social care was involved with the child, on or before
    /// <paramref name="date"/>: the latest end of a referral (case closure), child in need plan,
    /// child protection plan or care episode. Null when none has ended.</summary>
    public static DateOnly? SocialCareEndedOn(ChildFile file, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(file);
        IEnumerable<DateOnly?> ends =
        [
            .. file.Referrals.Select(r => r.ClosureDate),
            .. file.ChildInNeedPlans.Select(p => p.EndDate),
            .. file.ProtectionPlans.Select(p => p.EndDate),
            .. file.CareEpisodes.Select(e => e.EndDate),
        ];
        return ends.Where(e => e is { } d && d <= date).Max();
    }

    /// <summary>Whether an early help episode may start on <paramref name="start"/> as a step-down:
    /// social care involvement ended on that day (it is ending today) or in the
    /// <see cref="StepDownWindowDays"/> days before, and none is still open.</summary>
    public static bool StepDownAllowed(ChildFile file, DateOnly start) =>
        !SocialCareOpenOn(file, start) && SocialCareEndedOn(file, start) is { } ended && start.DayNumber - ended.DayNumber <= StepDownWindowDays;

    /// <summary>Puts a date into a form's day, month and year boxes.</summary>
    public static void PutDate(Dictionary<string, string?> values, FieldSpec field, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(field);
        values[field.Name + "-day"] = date.Day.ToString(CultureInfo.InvariantCulture);
        values[field.Name + "-month"] = date.Month.ToString(CultureInfo.InvariantCulture);
        values[field.Name + "-year"] = date.Year.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>"Sure Start Riverside, from 3 March 2026".</summary>
    public static string Describe(EarlyHelpEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return $"{episode.Organisation}, from {Lantern.Web.Data.Display.Date(episode.StartDate)}";
    }
}

/// <summary>The early help actions on a child's record: start early help, and step down from
/// social care while that is allowed. (Actions on one episode are on the early help page: the
/// child's file given to action sources does not hold early help episodes.)</summary>
public sealed class EarlyHelpActions : ICaseworkActionSource
{
    public const string Group = "Early help";

    public IEnumerable<CaseworkAction> For(ChildFile file, DateOnly today, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.Has(Permission.RecordCasework))
        {
            yield break;
        }

        var id = file.Child.Id;
        yield return new CaseworkAction(Group, "Early help episodes", $"/children/{id}/early-help");
        var open = file.EarlyHelp.Where(e => e.StartDate <= today && (e.EndDate is null || e.EndDate > today)).OrderBy(e => e.StartDate).ToList();
        if (open.Count == 0)
        {
            yield return new CaseworkAction(Group, "Start early help", $"/children/{id}/early-help/new");
        }

        foreach (var episode in open)
        {
            yield return new CaseworkAction(Group, "Record the early help assessment", $"/children/{id}/early-help/{episode.Id}/assessment");
            yield return new CaseworkAction(Group, "Record a team around the family meeting or plan review", $"/children/{id}/early-help/{episode.Id}/reviews/new");
            yield return new CaseworkAction(Group, "Step up to children's social care", $"/children/{id}/early-help/{episode.Id}/step-up");
            yield return new CaseworkAction(Group, "End early help", $"/children/{id}/early-help/{episode.Id}/end");
        }
        if (EarlyHelpJourney.StepDownAllowed(file, today))
        {
            yield return new CaseworkAction(Group, "Step down to early help", $"/children/{id}/early-help/step-down");
        }
    }
}
