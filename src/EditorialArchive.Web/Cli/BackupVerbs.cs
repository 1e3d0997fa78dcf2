using System.Globalization;
using Dapper;
using EditorialArchive.Web.Data;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Cli;

/// <summary>
/// <c>backup --to PATH</c> (online, while the site serves and editors save), <c>restore --from PATH</c> (into a
/// stopped instance) and <c>check</c> (is the file a whole archive). Data/DURABILITY.md has the schedule.
/// </summary>
public static class BackupVerbs
{
    // A consistent snapshot of one read transaction: in WAL mode writers go on meanwhile. The copy is compact and
    // in rollback-journal mode, so it is one self-contained file.
    private const string VacuumIntoSql = "VACUUM INTO @Path";

    private const string JournalModeWalSql = "PRAGMA journal_mode = WAL";

    public static async Task<int> BackupAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, flags: []);
        var target = Path.GetFullPath(options.Required("--to"));
        var connections = CliDatabase.Connections(services, options.Optional("--db"));
        if (!File.Exists(connections.DataSource))
        {
            return Fail($"There is no archive at {connections.DataSource}; nothing was backed up.");
        }

        if (File.Exists(target))
        {
            return Fail($"{target} exists; backups are never overwritten. Choose a new name (e.g. with the date in it).");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(VacuumIntoSql, new { Path = partial }, cancellationToken: cancellationToken));
        }

        // VACUUM INTO does not sync the new file: do it before the copy counts as a backup.
        await using (var written = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            written.Flush(flushToDisk: true);
        }

        var problems = await CheckFileAsync(services, partial, cancellationToken);
        if (problems.Count > 0)
        {
            File.Delete(partial);
            return Fail($"The copy failed its check, so it was deleted:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", problems)}");
        }

        File.Move(partial, target);
        Console.WriteLine($"Backed up {connections.DataSource} to {target} ({new FileInfo(target).Length / 1024} KiB); the copy passed integrity_check and the archive checks.");
        return 0;
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, flags: []);
        var source = Path.GetFullPath(options.Required("--from"));
        var connections = CliDatabase.Connections(services, options.Optional("--db"));
        var target = Path.GetFullPath(connections.DataSource);
        if (!File.Exists(source))
        {
            return Fail($"There is no backup at {source}; nothing was changed.");
        }

        using var exclusive = ArchiveInstanceLock.TryAcquireExclusive(target);
        if (exclusive is null)
        {
            return Fail($"{target} is in use by a running app instance (it holds {ArchiveInstanceLock.PathFor(target)}). "
                + "Stop the site (every instance) and run restore again; nothing was changed.");
        }

        var problems = await CheckFileAsync(services, source, cancellationToken);
        if (problems.Count > 0)
        {
            return Fail($"{source} is not a whole archive, so it was not restored; nothing was changed:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", problems)}");
        }

        string? kept = null;
        if (File.Exists(target))
        {
            // The archive being replaced is kept beside it, so a restore of the wrong file can be undone.
            kept = $"{target}.before-restore-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
            await using var current = await connections.OpenAsync(cancellationToken);
            await current.ExecuteAsync(new CommandDefinition(VacuumIntoSql, new { Path = kept }, cancellationToken: cancellationToken));
        }

        var sourceConnections = CliDatabase.Connections(services, source);
        await using (var from = await sourceConnections.OpenAsync(cancellationToken))
        await using (var to = await connections.OpenAsync(cancellationToken))
        {
            // The online backup API writes through the target's own pager (and WAL), page by page, in one transaction.
            from.BackupDatabase(to);
            await to.ExecuteAsync(new CommandDefinition(JournalModeWalSql, cancellationToken: cancellationToken));
        }

        SqliteConnection.ClearAllPools();
        var after = await new ArchiveIntegrityRepository(connections).CheckAsync(cancellationToken);
        if (after.Count > 0)
        {
            return Fail($"Restored, but the result fails its check (the previous archive is kept as {kept}):{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", after)}");
        }

        Console.WriteLine($"Restored {target} from {source}." + (kept is null ? "" : $" The previous archive is kept as {kept}."));
        return 0;
    }

    public static async Task<int> CheckAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, flags: []);
        var connections = CliDatabase.Connections(services, options.Optional("--db"));
        if (!File.Exists(connections.DataSource))
        {
            return Fail($"There is no archive at {connections.DataSource}.");
        }

        var problems = await CheckFileAsync(services, connections.DataSource, cancellationToken);
        if (problems.Count > 0)
        {
            return Fail($"{connections.DataSource} has problems:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", problems)}");
        }

        Console.WriteLine($"{connections.DataSource}: ok (integrity_check, search index integrity-check, index rows = pieces, month counts = recount, change counters, no half-written piece)");
        return 0;
    }

    /// <summary>The archive checks on one file; a file that is not an archive at all says so.</summary>
    private static async Task<IReadOnlyList<string>> CheckFileAsync(IServiceProvider services, string path, CancellationToken cancellationToken)
    {
        var connections = CliDatabase.Connections(services, path);
        try
        {
            return await new ArchiveIntegrityRepository(connections).CheckAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            return [$"not a readable archive: {ex.Message}"];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
