namespace EditorialArchive.Web.Data;

/// <summary>
/// Sees every top-level SQL statement run on a connection from <see cref="SqliteConnectionFactory"/> (tests count
/// queries per request with it). Production registers none, so connections are not traced and nothing is paid.
/// </summary>
public interface ISqlStatementObserver
{
    /// <summary>Called on the thread running the statement, as it starts, with its text and bound values.</summary>
    void OnStatement(string sql);
}
