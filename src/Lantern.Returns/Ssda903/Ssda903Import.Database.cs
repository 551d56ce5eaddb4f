using Lantern.Data;
using Lantern.Domain.Model;

namespace Lantern.Returns.Ssda903;

public static partial class Ssda903Import
{
    /// <summary>
    /// Imports the 903 return in <paramref name="directory"/> (every .csv in it, not in subfolders; or a 903 .xml file)
    /// into <paramref name="target"/>. When anything in the files is wrong nothing is written and the result lists every
    /// problem (file, line, child, column). The collection year (for OC2 and OC3) is the one the files' latest event falls in.
    /// </summary>
    /// <exception cref="ReturnFileException">The folder or a file cannot be read at all (no folder, no 903 files, binary,
    /// UTF-16 without a byte-order mark, malformed XML): nothing was written.</exception>
    public static Task<ImportResult> ImportAsync(DbTarget target, string directory, IProgress<ReturnProgress>? progress, CancellationToken cancellationToken) =>
        ImportAsync(target, directory, null, progress, cancellationToken);

    /// <summary>As <see cref="ImportAsync(DbTarget, string, IProgress{ReturnProgress}?, CancellationToken)"/>, for the
    /// collection year given (for files that hold no dated event to tell it by).</summary>
    public static async Task<ImportResult> ImportAsync(
        DbTarget target, string directory, CollectionYear? year, IProgress<ReturnProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var check = Check(directory, year, progress, cancellationToken);
        if (check.Problems.Count > 0)
        {
            return Refused(check);
        }

        await using var session = await ImportSession.BeginAsync(target, cancellationToken);
        var merge = await ApplyAsync(check, new SessionSink(session), session.FlushIfLargeAsync, progress, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return Imported(check, merge);
    }

    private sealed class SessionSink(ImportSession session) : IImportSink
    {
        public AuthorityData Existing => session.Existing;

        public long Add<T>(T record)
            where T : Entity => session.Add(record);

        public void Changed(Entity record) => session.Changed(record);
    }
}
