using Lantern.Data;
using Lantern.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children;

/// <summary>What someone without a relationship with a child sees: that the child is known, who to
/// contact, and (if their role allows) the break-glass form. Nothing of the record itself.</summary>
public sealed record KnownOnlyView(long ChildId, string Name, string LaChildId, DateOnly? DateOfBirth, ChildContact Contact, bool CanBreakGlass)
{
    public const int MinimumReason = 20;
    public const int MaximumReason = 1000;
    public const string ReasonMissing = "Enter why you need to see this record";
    public const string ReasonTooShort = "Reason must be 20 characters or more";
    public const string ReasonTooLong = "Reason must be 1,000 characters or fewer";

    /// <summary>Whether to link to "who has seen this record" (the data protection officer may see it
    /// for any child they can find; managers only for records they may open, which this is not).</summary>
    public bool CanSeeAudit { get; init; }

    /// <summary>The reason as typed, shown again with an error.</summary>
    public string? Reason { get; init; }

    public string? ReasonError { get; init; }

    /// <summary>Null when there is no such child.</summary>
    public static async Task<KnownOnlyView?> LoadAsync(LanternDbContext db, ChildAccessService access, long childId, bool canBreakGlass, bool canSeeAudit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var child = await db.Children.AsNoTracking()
            .Where(c => c.Id == childId)
            .Select(c => new { c.GivenName, c.FamilyName, c.LaChildId, c.DateOfBirth })
            .FirstOrDefaultAsync(cancellationToken);
        if (child is null)
        {
            return null;
        }

        var contact = await access.ContactAsync(childId, cancellationToken);
        return new KnownOnlyView(childId, $"{child.GivenName} {child.FamilyName}", child.LaChildId, child.DateOfBirth, contact, canBreakGlass) { CanSeeAudit = canSeeAudit };
    }

    /// <summary>The error for a break-glass reason, or null when it will do.</summary>
    public static string? Validate(string? reason)
    {
        var text = reason?.Trim() ?? "";
        return text.Length switch
        {
            0 => ReasonMissing,
            < MinimumReason => ReasonTooShort,
            > MaximumReason => ReasonTooLong,
            _ => null,
        };
    }
}
