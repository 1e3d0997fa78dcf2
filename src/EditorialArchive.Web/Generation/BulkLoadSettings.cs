using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Generation;

/// <summary>
/// The generator's connection settings while it fills a new file, and their undoing. During the load the file is
/// the connection's alone (no WAL, so every page is written once, not to the WAL and again at checkpoints), and FTS5
/// keeps its level-0 segments instead of merging them four at a time over and over as the index grows (at a million
/// pieces that rewrote every token six or seven times); one 'optimize' at the end merges them once into a single
/// segment. Afterwards the file is as the app opens it: WAL, and FTS5 with its default settings for the app's writes.
/// </summary>
internal static class BulkLoadSettings
{
    // Segments are only merged when this many wait on one level (FTS5 allows at most 2,000 in all), and a batch's
    // pending tokens stay in memory until its commit writes them as one segment (about 10 MB for 2,000 pieces),
    // instead of a segment per 1 MB of them.
    private const string BeginSql = """
        PRAGMA locking_mode = EXCLUSIVE;
        PRAGMA synchronous = OFF;
        PRAGMA cache_size = -262144;
        PRAGMA temp_store = MEMORY;
        INSERT INTO article_search (article_search, rank) VALUES ('automerge', 0);
        INSERT INTO article_search (article_search, rank) VALUES ('crisismerge', 1000);
        INSERT INTO article_search (article_search, rank) VALUES ('hashsize', 16777216);
        """;

    private const string OptimizeSearchSql = "INSERT INTO article_search (article_search) VALUES ('optimize')";

    // The rows the options above wrote into the index's configuration: without them FTS5 uses its defaults again.
    private const string ForgetSearchOptionsSql = "DELETE FROM article_search_config WHERE k IN ('automerge', 'crisismerge', 'hashsize')";

    private const string EndSql = """
        PRAGMA synchronous = FULL;
        PRAGMA cache_size = -2000;
        PRAGMA temp_store = DEFAULT;
        PRAGMA locking_mode = NORMAL;
        """;

    /// <summary>Takes the file for this connection alone; other pooled connections to it are closed first.</summary>
    public static void Begin(SqliteConnection connection)
    {
        // Leaving WAL needs the only connection to the file.
        SqliteConnection.ClearPool(connection);
        // A rollback journal in memory still undoes a failed or cancelled batch.
        SetJournalMode(connection, "memory");
        Execute(connection, BeginSql);
    }

    /// <summary>Merges the search index into one segment (after a complete load).</summary>
    public static void OptimizeSearch(SqliteConnection connection) => Execute(connection, OptimizeSearchSql);

    /// <summary>
    /// Restores the app's settings in the file. Close the connection and then call <see cref="ForgetConnection"/>:
    /// FTS5 caches its options per connection, so this one must not be handed out by the pool again.
    /// </summary>
    public static void End(SqliteConnection connection)
    {
        Execute(connection, ForgetSearchOptionsSql);
        Execute(connection, EndSql);
        SetJournalMode(connection, "wal");
    }

    /// <summary>Closes the pooled connections to the file (the generator's, once it has been returned).</summary>
    public static void ForgetConnection(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static void SetJournalMode(SqliteConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA journal_mode = {mode}";
        var result = (string)command.ExecuteScalar()!;
        if (!string.Equals(result, mode, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Could not set journal_mode {mode} on {connection.DataSource} (it is {result}); is another process using the file?");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.NextResult())
        {
        }
    }
}
