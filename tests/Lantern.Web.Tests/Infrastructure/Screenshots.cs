namespace Lantern.Web.Tests.Infrastructure;

/// <summary>Where browser tests save screenshots: LANTERN_SCREENSHOT_DIR, else screenshots/ beside the test binaries.</summary>
public static class Screenshots
{
    public static string PathFor(string fileName)
    {
        var directory = Environment.GetEnvironmentVariable("LANTERN_SCREENSHOT_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }
}
