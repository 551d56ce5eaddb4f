using Lantern.Domain.Access;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Data;

/// <summary>A person who signs in to Lantern: an ASP.NET Core Identity account with one role and,
/// for the council's own staff, a link to their worker record (which gives their team and
/// management line).</summary>
public sealed class LanternUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public StaffRole Role { get; set; }

    /// <summary>The worker record of a member of staff (null for board members, partners, administrators).</summary>
    public long? WorkerId { get; set; }

    /// <summary>For a performance analyst: may see named children for data-quality work.</summary>
    public bool NamedDataAccess { get; set; }

    /// <summary>For a partner referrer: their organisation.</summary>
    public string? Organisation { get; set; }

    /// <summary>Created by the demo profile (demo passwords exist only in demo databases).</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }
}
