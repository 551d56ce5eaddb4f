namespace Lantern.Web.Tests.Infrastructure;

/// <summary>A folder under the system temp directory, deleted (best effort) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lantern-web-tests-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open on some platforms; the temp folder is cleaned eventually.
        }
    }
}
