using Lantern.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace Lantern.Web.Security;

/// <summary>Requires a permission of the role matrix (<see cref="AccessMatrix"/>). Every page and
/// endpoint carries this or <see cref="SignedInAttribute"/> or [AllowAnonymous]; a test fails any
/// that carries none.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequirePermissionAttribute(Permission permission) : AuthorizeAttribute(PermissionPolicies.Name(permission))
{
    public Permission Permission { get; } = permission;
}

/// <summary>Any signed-in person, whatever their role (their own account pages, signing out).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class SignedInAttribute() : AuthorizeAttribute(PermissionPolicies.SignedIn);

public sealed class PermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;
}

public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Has(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

public static class PermissionPolicies
{
    public const string SignedIn = "SignedIn";

    public static string Name(Permission permission) => "Permission:" + permission;

    /// <summary>One policy per permission; anything without a policy needs at least a signed-in
    /// person with a valid Lantern role (the fallback), so nothing is open by accident.</summary>
    public static IServiceCollection AddLanternAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireClaim(LanternClaims.Role))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(LanternClaims.Role).Build());
        services.AddAuthorization(options =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                options.AddPolicy(Name(permission), p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
            }
        });
        return services;
    }
}
