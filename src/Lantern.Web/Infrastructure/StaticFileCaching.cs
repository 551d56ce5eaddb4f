using Microsoft.AspNetCore.StaticFiles;

namespace Lantern.Web.Infrastructure;

public static class StaticFileCaching
{
    /// <summary>
    /// Static files are public (no personal data). File names are not fingerprinted, so browsers
    /// may keep them but must revalidate (a cheap 304) so an upgraded stylesheet is seen at once.
    /// </summary>
    public static void Apply(StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl = "no-cache";
}
