namespace Lantern.TestCommon;

/// <summary>
/// A unique path for a SQLite database file in the temp folder (the file is not created).
/// Disposing deletes the file and its -wal, -shm and -journal companions.
/// </summary>
public sealed class TempSqlite : IDisposable, IAsyncDisposable
{
    public TempSqlite()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lantern-tests");
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, $"lantern_test_{Guid.NewGuid():N}.db");
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>A Microsoft.Data.Sqlite connection string for <see cref="Path"/>.</summary>
    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            try
            {
                File.Delete(Path + suffix);
            }
            catch (IOException)
            {
                // Best effort: a file still held open elsewhere stays in the temp folder.
            }
            catch (UnauthorizedAccessException)
            {
                // Best effort, as above.
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
