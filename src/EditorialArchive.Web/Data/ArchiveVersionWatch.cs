using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>
/// The archive's change counter (<c>archive_changes.version</c>) for the page cache's keys, without touching the
/// database on each request. This process's writers call <see cref="MarkStale"/> right after they commit, so the
/// next request reads the new counter; writes by other processes (the CLI, a second instance) are noticed within
/// <see cref="PollInterval"/>. Checking asks SQLite's <c>PRAGMA data_version</c> on one long-lived read connection,
/// which moves whenever any other connection has committed, and only then reads the counter itself.
/// </summary>
public sealed class ArchiveVersionWatch(SqliteConnectionFactory connections) : IDisposable
{
    private const string GetDataVersionSql = "PRAGMA data_version";
    private const string GetVersionSql = "SELECT version FROM archive_changes WHERE id = 1";

    /// <summary>How stale a page may be after another process's write; a few checks a second cost nothing.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Lock gate = new();
    private long checkedAt = long.MinValue;
    private int stale = 1;
    private SqliteConnection? connection;
    private SqliteCommand? getDataVersion;
    private SqliteCommand? getVersion;
    private long seenDataVersion;
    private long version;

    /// <summary>The counter as of this process's last write, and at most <see cref="PollInterval"/> behind others'.</summary>
    public long Current()
    {
        if (Volatile.Read(ref stale) == 0 && Environment.TickCount64 - Volatile.Read(ref checkedAt) < (long)PollInterval.TotalMilliseconds)
        {
            return Volatile.Read(ref version);
        }

        lock (gate)
        {
            try
            {
                // Cleared before reading: a write that commits after the read below marks it stale again.
                Volatile.Write(ref stale, 0);
                if (connection is null)
                {
                    Open();
                }

                var dataVersion = (long)getDataVersion!.ExecuteScalar()!;
                if (dataVersion != seenDataVersion)
                {
                    // Read the pragma first: a commit between the two reads only causes one more read next time.
                    Volatile.Write(ref version, (long)getVersion!.ExecuteScalar()!);
                    seenDataVersion = dataVersion;
                }

                Volatile.Write(ref checkedAt, Environment.TickCount64);
                return version;
            }
            catch
            {
                // A broken connection (file replaced, disk error) is opened afresh on the next request.
                Volatile.Write(ref stale, 1);
                Close();
                throw;
            }
        }
    }

    /// <summary>Called by this process's writers after they commit: the next request reads the counter again.</summary>
    public void MarkStale() => Volatile.Write(ref stale, 1);

    public void Dispose()
    {
        lock (gate)
        {
            Close();
        }
    }

    private void Open()
    {
        // Not from the factory (it only reads two values, so it needs none of the SQL functions), and kept out of
        // the pool: this handle lives as long as the app and is never lent to anyone else.
        connection = new SqliteConnection(new SqliteConnectionStringBuilder(connections.ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        getDataVersion = Prepare(GetDataVersionSql);
        getVersion = Prepare(GetVersionSql);
        // data_version starts at an arbitrary value on each connection: zero forces the first read.
        seenDataVersion = 0;
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = connection!.CreateCommand();
        command.CommandText = sql;
        command.Prepare();
        return command;
    }

    private void Close()
    {
        getDataVersion?.Dispose();
        getVersion?.Dispose();
        connection?.Dispose();
        (getDataVersion, getVersion, connection) = (null, null, null);
    }
}
