namespace EditorialArchive.Web.Data;

/// <summary>
/// An advisory lock on <c>DATABASE.instance-lock</c> beside the database file. Every running app instance holds it
/// shared (two instances on one file are allowed); <c>restore</c> needs it exclusive, so it cannot replace the file
/// under a running site, and a site cannot start during a restore. The OS drops the lock when the process ends, even
/// by <c>kill -9</c>, so a crash never leaves a stale lock. (.NET takes <c>flock</c> on Unix for FileShare.None versus
/// any other sharing; on Windows the same FileShare rules apply.)
/// </summary>
public sealed class ArchiveInstanceLock : IDisposable
{
    private readonly FileStream file;

    private ArchiveInstanceLock(FileStream file) => this.file = file;

    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".instance-lock";

    /// <summary>Held by a serving instance; throws <see cref="InvalidOperationException"/> while a restore runs.</summary>
    public static ArchiveInstanceLock AcquireShared(string databasePath) =>
        TryAcquire(databasePath, FileShare.ReadWrite)
        ?? throw new InvalidOperationException($"{databasePath} is being restored (the restore verb holds {PathFor(databasePath)}); start the site when it has finished.");

    /// <summary>Null while any app instance holds the file (or another restore runs).</summary>
    public static ArchiveInstanceLock? TryAcquireExclusive(string databasePath) => TryAcquire(databasePath, FileShare.None);

    public static bool IsFileDatabase(string dataSource) =>
        !string.IsNullOrEmpty(dataSource) && !dataSource.Equals(":memory:", StringComparison.Ordinal);

    private static ArchiveInstanceLock? TryAcquire(string databasePath, FileShare share)
    {
        try
        {
            return new ArchiveInstanceLock(new FileStream(PathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, share));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => file.Dispose();
}
