using Lantern.Data;
using Lantern.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Lantern.Web.Security;

/// <summary>Sign-in (ASP.NET Core Identity, local accounts with a one-time code for everyone, and
/// optionally the council's identity provider by OpenID Connect), the session cookie, the
/// authorisation policies, the audit writer and the hardening around them (see <see cref="Hardening"/>).</summary>
public static class SecurityStartup
{
    /// <summary>How long a session lasts without activity.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(20);

    public const string SessionCookie = ".Lantern.Session";

    public static IServiceCollection AddLanternSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<AuditWriter>();
        services.AddOptions<LanternSecurityOptions>().BindConfiguration(LanternSecurityOptions.SectionName);
        services.AddOptions<LanternOidcOptions>().BindConfiguration(LanternOidcOptions.SectionName);

        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        AddCouncilSignIn(authentication, LanternOidcOptions.From(configuration));
        services.AddIdentityCore<LanternUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 6;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.Tokens.AuthenticatorTokenProvider = TotpProvider.Name;
            })
            .AddEntityFrameworkStores<LanternDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<LanternClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TotpProvider>(TotpProvider.Name);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = SessionCookie;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.ReturnUrlParameter = "returnUrl";
        });
        services.ConfigureExternalCookie(options => options.Cookie.Name = ".Lantern.External");
        services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = ".Lantern.SignIn";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });

        // "Sign out everywhere" (and locking an account or resetting its sign-in device) changes
        // the account's security stamp; every session re-checks it at least once a minute
        // (Lantern:Security:StampCheckSeconds) and ends when it has changed.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<LanternSecurityOptions>>((options, security) =>
                options.ValidationInterval = TimeSpan.FromSeconds(Math.Max(0, security.Value.StampCheckSeconds)));

        services.AddLanternAuthorization();
        services.AddLanternHardening();
        return services;
    }

    /// <summary>Registers the council's identity provider (scheme <see cref="LanternOidcOptions.Scheme"/>)
    /// when <c>Lantern:Oidc</c> has an authority and a client id; otherwise nothing. It signs in to
    /// Identity's external cookie only; /account/external then matches a Lantern account.</summary>
    private static void AddCouncilSignIn(AuthenticationBuilder authentication, LanternOidcOptions oidc)
    {
        if (!oidc.IsConfigured)
        {
            return;
        }

        authentication.AddOpenIdConnect(LanternOidcOptions.Scheme, "Your council account", options =>
        {
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = string.IsNullOrWhiteSpace(oidc.ClientSecret) ? null : oidc.ClientSecret;
            options.CallbackPath = oidc.CallbackPath;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.MapInboundClaims = false; // keep "email", "amr" and "sub" as the provider sends them
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.Scope.Add("email");
            options.Events.OnRemoteFailure = async context =>
            {
                // Cancelled at the provider, a bad state or correlation cookie, an error reply:
                // audited, and the person is told plainly, without the provider's detail.
                var audit = context.HttpContext.RequestServices.GetRequiredService<AuditWriter>();
                await audit.WriteAsync(new AuditEntry
                {
                    Action = AuditAction.SignInFailed,
                    Succeeded = false,
                    Detail = "council account sign-in did not complete at the identity provider",
                }, context.HttpContext.RequestAborted);
                context.Response.Redirect("/account/sign-in?failed=council");
                context.HandleResponse();
            };
        });
    }
}
