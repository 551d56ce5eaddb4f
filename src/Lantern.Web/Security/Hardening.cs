using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Lantern.Domain.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Lantern.Web.Security;

/// <summary>Refusals that protect the sign-in and every form: a rate limit on sign-in posts, limits
/// on the size of a request, anti-forgery failures and unreadable session cookies. Each is a clear,
/// generic GOV.UK page (the status code pages render it) and an audit entry
/// (<see cref="AuditAction.RequestRejected"/>); nothing about the cause is shown.</summary>
public static class Hardening
{
    /// <summary>The rate-limit policy on sign-in form posts (<see cref="EnableRateLimitingAttribute"/>).</summary>
    public const string SignInRateLimit = "sign-in";

    // Largest form field (a case note is far smaller), field name and number of fields.
    public const int FormValueLengthLimit = 64 * 1024;
    public const int FormKeyLengthLimit = 2 * 1024;
    public const int FormValueCountLimit = 200;

    private const string SessionCheckedItem = "Lantern.SessionCookieChecked";

    public static IServiceCollection AddLanternHardening(this IServiceCollection services)
    {
        services.AddSingleton<RejectionAuditThrottle>();
        services.AddOptions<FormOptions>().Configure<IOptions<LanternSecurityOptions>>((options, security) =>
        {
            options.ValueLengthLimit = FormValueLengthLimit;
            options.KeyLengthLimit = FormKeyLengthLimit;
            options.ValueCountLimit = FormValueCountLimit;
            options.MultipartBodyLengthLimit = security.Value.MaxRequestBytes;
        });
        services.Configure<MvcOptions>(options => options.Filters.Add<AntiforgeryAuditFilter>());
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnSignInRateLimitedAsync;
            options.AddPolicy(SignInRateLimit, context =>
            {
                // Only posts count: reading the sign-in page is never limited.
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var permits = Math.Max(1, context.RequestServices.GetRequiredService<IOptions<LanternSecurityOptions>>().Value.SignInPerMinute);
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }

    /// <summary>Refuses a request whose declared size is over <see cref="LanternSecurityOptions.MaxRequestBytes"/>
    /// before it is read (Kestrel refuses a larger body sent without a declared size). Goes straight
    /// after the status code pages, so that they render the refusal.</summary>
    public static IApplicationBuilder UseLanternRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Returns made by another system are uploaded whole: that one form takes files up to its own limit.
            var max = HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(Pages.Returns.ImportModel.Path, StringComparison.OrdinalIgnoreCase)
                ? Pages.Returns.ImportModel.MaxUploadBytes
                : context.RequestServices.GetRequiredService<IOptions<LanternSecurityOptions>>().Value.MaxRequestBytes;
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && context.Request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.Headers.Connection = "close";
                var audit = context.RequestServices.GetRequiredService<AuditWriter>();
                await audit.WriteAsync(AuditAction.RequestRejected, false,
                    detail: string.Create(CultureInfo.InvariantCulture, $"request too large ({context.Request.ContentLength} bytes, limit {max}) on {context.Request.Method} {context.Request.Path}"),
                    cancellationToken: context.RequestAborted);
                return;
            }

            await next(context);
        });

    /// <summary>A session cookie that cannot be read (tampered with, or made with keys this server
    /// does not have) leaves the person signed out, as any other request without a session; this
    /// records it once and removes the cookie. Goes straight after authentication.</summary>
    public static IApplicationBuilder UseLanternSessionCookieCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true && !context.Items.ContainsKey(SessionCheckedItem))
            {
                context.Items[SessionCheckedItem] = true;
                var options = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
                var name = options.Cookie.Name ?? SecurityStartup.SessionCookie;
                var cookie = options.CookieManager.GetRequestCookie(context, name);
                if (!string.IsNullOrEmpty(cookie) && options.TicketDataFormat.Unprotect(cookie) is null)
                {
                    options.CookieManager.DeleteCookie(context, name, options.Cookie.Build(context));
                    var audit = context.RequestServices.GetRequiredService<AuditWriter>();
                    await audit.WriteAsync(AuditAction.RequestRejected, false,
                        detail: $"session cookie rejected: it could not be read (tampered with or not issued by this service) on {context.Request.Method} {context.Request.Path}",
                        cancellationToken: context.RequestAborted);
                }
            }

            await next(context);
        });

    /// <summary>The address a request came from, as the rate limit and the audit see it.</summary>
    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private static async ValueTask OnSignInRateLimitedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = "60";

        // Leave the body empty: the status code pages show "Too many attempts". A flood is recorded
        // once a minute per address, not once per request.
        var address = ClientAddress(context);
        if (context.RequestServices.GetRequiredService<RejectionAuditThrottle>().ShouldRecord(address, DateTime.UtcNow))
        {
            var audit = context.RequestServices.GetRequiredService<AuditWriter>();
            await audit.WriteAsync(AuditAction.RequestRejected, false,
                detail: $"too many sign-in attempts from this address ({context.Request.Method} {context.Request.Path})",
                cancellationToken: cancellationToken);
        }
    }
}

/// <summary>Records an anti-forgery failure (a forged or missing token on a form post, or a form
/// that could not be read) in the audit trail. The response stays a bare 400, which the status
/// code pages render as "Sorry, there is a problem with the request".</summary>
public sealed class AntiforgeryAuditFilter(AuditWriter audit) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var request = context.HttpContext.Request;
            await audit.WriteAsync(AuditAction.RequestRejected, false,
                detail: $"anti-forgery check failed (token missing or not valid, or the form could not be read) on {request.Method} {request.Path}",
                cancellationToken: context.HttpContext.RequestAborted);
        }

        await next();
    }
}

/// <summary>Remembers when a refusal was last recorded for each client address, so that a flood of
/// refused requests makes one audit entry a minute rather than one each.</summary>
public sealed class RejectionAuditThrottle
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTime> last = new(StringComparer.Ordinal);

    public bool ShouldRecord(string key, DateTime utcNow)
    {
        if (last.Count > 10_000)
        {
            foreach (var (k, at) in last)
            {
                if (utcNow - at >= Interval)
                {
                    last.TryRemove(k, out _);
                }
            }
        }

        var recorded = false;
        last.AddOrUpdate(
            key,
            _ =>
            {
                recorded = true;
                return utcNow;
            },
            (_, at) =>
            {
                if (utcNow - at < Interval)
                {
                    return at;
                }

                recorded = true;
                return utcNow;
            });
        return recorded;
    }
}
