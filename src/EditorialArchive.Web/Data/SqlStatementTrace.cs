using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EditorialArchive.Web.Data;

/// <summary>Installs SQLite's statement trace on a connection and passes each top-level statement to an observer.</summary>
public static class SqlStatementTrace
{
    public static void Install(SqliteConnection connection, ISqlStatementObserver observer) =>
        // Replaces the trace a pooled handle may carry from an earlier open. SQLite also reports the work inside a
        // statement: each trigger program it enters, as a comment ("-- TRIGGER name"), and the statements FTS5 runs
        // on its shadow tables ('main'.'article_search_config', only when its cached state is stale). Both are part
        // of the app's statement, not another, and app SQL never names the schema that way.
        raw.sqlite3_trace(connection.Handle, static (state, sql) =>
        {
            var text = sql.utf8_to_string();
            if (!text.StartsWith("--", StringComparison.Ordinal) && !text.Contains("'main'.'", StringComparison.Ordinal))
            {
                ((ISqlStatementObserver)state).OnStatement(text);
            }
        }, observer);
}
