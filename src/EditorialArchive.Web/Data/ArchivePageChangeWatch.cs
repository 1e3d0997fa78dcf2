using Dapper;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>One row of <c>archive_page_changes</c>: a piece (or, for scope <c>all</c>, everything) that changed on the public site.</summary>
public sealed record ArchivePageChange(long Id, long? ArticleId, string? Language, string Scope);

/// <summary>
/// The public-site changes committed since the last look, by any process, for the page cache to evict what they
/// touch (Hosting/ArchivePageCache.cs). Looking asks SQLite's <c>PRAGMA data_version</c> on one long-lived read
/// connection, which moves whenever another connection has committed, and only then reads the rows written by the
/// migration 010 triggers after the last one seen. When rows were pruned before they were read, or this watch
/// reopened its connection after a failure, <see cref="PageChanges.Everything"/> says so and the cache empties itself.
/// </summary>
public sealed class ArchivePageChangeWatch(SqliteConnectionFactory connections) : IDisposable
{
    private const string GetDataVersionSql = "PRAGMA data_version";
    private const string GetLastChangeIdSql = "SELECT COALESCE(MAX(id), 0) FROM archive_page_changes";
    private const string ListChangesAfterSql = """
        SELECT id, article_id, language, scope FROM archive_page_changes
        WHERE id > @After
        ORDER BY id
        LIMIT @Limit
        """;

    /// <summary>More changes than this at once (a bulk import) empty the cache instead of evicting piece by piece.</summary>
    public const int MostChangesEvictedOneByOne = 2000;

    private readonly Lock gate = new();
    private SqliteConnection? connection;
    private SqliteCommand? getDataVersion;
    private long seenDataVersion;
    private long seenChangeId;
    private bool openedBefore;

    /// <summary>The changes committed since the last call; never two callers at once.</summary>
    public PageChanges ReadNew()
    {
        lock (gate)
        {
            try
            {
                if (connection is null)
                {
                    Open();
                    // The first look starts from now: this process has cached nothing yet, and a shared store's pages
                    // were evicted by the nodes that wrote. After a broken connection what happened meanwhile is
                    // unknown: start afresh.
                    var first = !openedBefore;
                    openedBefore = true;
                    return first ? PageChanges.None : PageChanges.All;
                }

                var dataVersion = (long)getDataVersion!.ExecuteScalar()!;
                if (dataVersion == seenDataVersion)
                {
                    return PageChanges.None;
                }

                // Read the pragma first: a commit between the two reads only causes one more read next time.
                seenDataVersion = dataVersion;
                var rows = connection.Query<ArchivePageChange>(
                    ListChangesAfterSql, new { After = seenChangeId, Limit = MostChangesEvictedOneByOne + 1 }).AsList();
                if (rows.Count == 0)
                {
                    return PageChanges.None;
                }

                var missedSome = rows[0].Id != seenChangeId + 1 || rows.Count > MostChangesEvictedOneByOne;
                seenChangeId = missedSome ? connection.ExecuteScalar<long>(GetLastChangeIdSql) : rows[^1].Id;
                return missedSome ? PageChanges.All : new PageChanges(rows, Everything: false);
            }
            catch
            {
                // A broken connection (file replaced, disk error) is opened afresh, and the cache emptied, next time.
                Close();
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            Close();
        }
    }

    private void Open()
    {
        // Not from the factory (it needs none of the SQL functions), and kept out of the pool: this handle lives as
        // long as the app and is never lent to anyone else.
        connection = new SqliteConnection(new SqliteConnectionStringBuilder(connections.ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        getDataVersion = connection.CreateCommand();
        getDataVersion.CommandText = GetDataVersionSql;
        getDataVersion.Prepare();
        seenDataVersion = (long)getDataVersion.ExecuteScalar()!;
        seenChangeId = connection.ExecuteScalar<long>(GetLastChangeIdSql);
    }

    private void Close()
    {
        getDataVersion?.Dispose();
        connection?.Dispose();
        (getDataVersion, connection) = (null, null);
    }
}

/// <summary>What <see cref="ArchivePageChangeWatch.ReadNew"/> found: some changes, none, or too many to name.</summary>
public sealed record PageChanges(IReadOnlyList<ArchivePageChange> Changes, bool Everything)
{
    public static readonly PageChanges None = new([], false);

    public static readonly PageChanges All = new([], true);

    public bool IsEmpty => !Everything && Changes.Count == 0;
}
