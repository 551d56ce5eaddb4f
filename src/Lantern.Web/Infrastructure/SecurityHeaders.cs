using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Lantern.Web.Infrastructure;

/// <summary>
/// Response headers for every response. Pages carry children's personal data, so anything that
/// is not a static file is marked <c>no-store</c>: it must not sit in browser or proxy caches.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Where the request's nonce is kept in <see cref="HttpContext.Items"/>.</summary>
    public const string NonceItem = "Lantern.CspNonce";

    public const string NoStore = "no-store";

    /// <summary>
    /// Scripts, styles, images and fonts come only from this site, or carry this response's nonce
    /// (<see cref="CspNonceTagHelper"/> puts it on every script and style element). There are no
    /// inline scripts or styles: the GOV.UK template's inline script lives in
    /// /js/govuk-frontend-supported.js. A new random nonce is made for every request.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; img-src 'self'; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The nonce in a Content-Security-Policy header made by <see cref="ContentSecurityPolicy"/>
    /// (null if it has none), for checking one.</summary>
    public static string? NonceOf(string? policy)
    {
        const string Marker = "'nonce-";
        var start = policy?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        start += Marker.Length;
        var end = policy!.IndexOf('\'', start);
        return end > start ? policy[start..end] : null;
    }

    /// <summary>This request's nonce (128 random bits, hex: nothing in it needs escaping in HTML).</summary>
    public static string Nonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceItem] is not string nonce)
        {
            nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
        }

        return nonce;
    }

    public static IApplicationBuilder UseLanternSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            Nonce(context);

            // OnStarting, not straight away: the exception handler clears headers before it
            // re-executes /Error, and this still applies to what it then sends.
            context.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(Nonce(context));
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
