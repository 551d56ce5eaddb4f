using System.Globalization;
using System.Security.Claims;
using Lantern.Data;
using Lantern.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lantern.Web.Security;

/// <summary>Claims Lantern adds to a signed-in person's cookie.</summary>
public static class LanternClaims
{
    public const string Role = "lantern:role";
    public const string NamedData = "lantern:named-data";
    public const string WorkerId = "lantern:worker";
    public const string DisplayName = "lantern:name";

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static StaffRole? StaffRole(this ClaimsPrincipal user) =>
        Enum.TryParse<StaffRole>(user.FindFirstValue(Role), out var role) && Enum.IsDefined(role) ? role : null;

    public static bool HasNamedData(this ClaimsPrincipal user) => user.HasClaim(NamedData, "true");

    public static long? Worker(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(WorkerId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string Name(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    /// <summary>Whether the signed-in person's role allows <paramref name="permission"/>.</summary>
    public static bool Has(this ClaimsPrincipal user, Permission permission) =>
        user.Identity?.IsAuthenticated == true && user.StaffRole() is { } role && AccessMatrix.Allows(role, permission, user.HasNamedData());
}

/// <summary>Puts the role, worker and display name into the cookie at sign-in.</summary>
public sealed class LanternClaimsFactory(UserManager<LanternUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LanternUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LanternUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LanternClaims.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(LanternClaims.DisplayName, user.DisplayName));
        if (user.NamedDataAccess)
        {
            identity.AddClaim(new Claim(LanternClaims.NamedData, "true"));
        }

        if (user.WorkerId is { } worker)
        {
            identity.AddClaim(new Claim(LanternClaims.WorkerId, worker.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
