using Microsoft.Net.Http.Headers;

namespace Lantern.Web.Infrastructure;

/// <summary>
/// Response headers for every response. Pages carry children's personal data, so anything that
/// is not a static file is marked <c>no-store</c>: it must not sit in browser or proxy caches.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts, styles, images and fonts come only from this site. There are no inline scripts
    /// or styles: the GOV.UK template's inline script lives in /js/govuk-frontend-supported.js.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string NoStore = "no-store";

    public static IApplicationBuilder UseLanternSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // OnStarting, not straight away: the exception handler clears headers before it
            // re-executes /Error, and this still applies to what it then sends.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), geolocation=(), microphone=(), payment=()";

                // Static files set their own Cache-Control (see StaticFileCaching); everything
                // else is a page or API response that may contain personal data.
                if (!headers.ContainsKey(HeaderNames.CacheControl))
                {
                    headers.CacheControl = NoStore;
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            }, context);

            return next(context);
        });
}
