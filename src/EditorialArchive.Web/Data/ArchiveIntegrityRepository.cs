using Dapper;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Checks that a database file holds a whole, consistent archive: SQLite's own integrity check, the search index's,
/// the search index against the pieces (and the newest pieces' index, the month id ranges), the month counts against a recount, the change counters, and that no piece
/// is half-written (its current version is the newest revision). The <c>check</c> verb, the backup verb's
/// verification and the crash harness all run these.
/// </summary>
public sealed class ArchiveIntegrityRepository(SqliteConnectionFactory connections)
{
    private const string IntegrityCheckSql = "PRAGMA integrity_check";

    private const string SearchIndexIntegrityCheckSql = "INSERT INTO article_search (article_search) VALUES ('integrity-check')";

    private const string RecentSearchIndexIntegrityCheckSql = "INSERT INTO article_search_recent (article_search_recent) VALUES ('integrity-check')";

    // The fragment index holds every piece among the newest 50,000 ids (migration 015); older rows may linger.
    private const string CountRecentSearchIndexMissingSql = """
        SELECT count(*) FROM articles a
        WHERE a.id > (SELECT max(id) FROM articles) - @RecentPieces
          AND NOT EXISTS (SELECT 1 FROM article_search_recent s WHERE s.rowid = a.id)
        """;

    // The month id ranges only widen, so every published piece lies within its month's (migration 014).
    private const string CountPiecesOutsideMonthRangesSql = """
        SELECT count(*) FROM articles a
        WHERE a.status = 'published' AND NOT EXISTS (
            SELECT 1 FROM article_month_id_ranges r
            WHERE r.month = substr(a.posted_at, 1, 7) AND a.id BETWEEN r.first_id AND r.last_id)
        """;

    // Contentless with contentless_delete: the index has one row per piece, whatever its status (migration 003).
    private const string CountSearchIndexMismatchesSql = """
        SELECT (SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_search s WHERE s.rowid = a.id))
             + (SELECT count(*) FROM article_search s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.rowid))
        """;

    private const string ListMonthCountMismatchesSql = """
        WITH recount AS (
            SELECT language, archive_local_month(posted_at) AS month, count(*) AS count
            FROM articles WHERE status = 'published'
            GROUP BY language, archive_local_month(posted_at)
        )
        SELECT r.language AS Language, r.month AS Month, coalesce(c.count, 0) AS Stored, r.count AS Recounted
        FROM recount r LEFT JOIN archive_month_counts c ON c.language = r.language AND c.month = r.month
        WHERE coalesce(c.count, 0) <> r.count
        UNION ALL
        SELECT c.language, c.month, c.count, 0
        FROM archive_month_counts c
        WHERE c.count <> 0 AND NOT EXISTS (SELECT 1 FROM recount r WHERE r.language = c.language AND r.month = c.month)
        """;

    // The counters only ever grow: version moves on every write that moves listing_version, and more.
    private const string CountChangeCounterProblemsSql = """
        SELECT CASE WHEN (SELECT count(*) FROM archive_changes) <> 1 THEN 1
                    WHEN EXISTS (SELECT 1 FROM archive_changes WHERE listing_version < 1 OR version < listing_version) THEN 1
                    ELSE 0 END
        """;

    // A save writes the piece and its snapshot in one transaction: a piece with revisions whose newest one is not its
    // current text was half-written.
    private const string ListHalfWrittenPiecesSql = """
        SELECT a.id
        FROM articles a
        JOIN article_revisions r ON r.id = (SELECT max(id) FROM article_revisions WHERE article_id = a.id)
        WHERE r.version <> a.version OR r.headline <> a.headline OR r.body_markdown <> a.body_markdown
           OR r.status <> a.status OR r.byline IS NOT a.byline
        ORDER BY a.id
        LIMIT 20
        """;

    // Every save is made over the version the editor loaded and moves it on by one: two revisions of one version
    // would be two saves over the same version, one of which overwrote the other unseen (a lost update).
    private const string CountDuplicateRevisionVersionsSql = """
        SELECT count(*) FROM (SELECT 1 FROM article_revisions GROUP BY article_id, version HAVING count(*) > 1)
        """;

    /// <summary>Every problem found, in words; empty when the archive is whole.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var problems = new List<string>();
        var integrity = (await connection.QueryAsync<string>(new CommandDefinition(IntegrityCheckSql, cancellationToken: cancellationToken))).ToList();
        if (integrity is not ["ok"])
        {
            problems.AddRange(integrity.Select(line => $"integrity_check: {line}"));
            // The other checks read a damaged file; what they say would only add noise.
            return problems;
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(SearchIndexIntegrityCheckSql, cancellationToken: cancellationToken));
        }
        catch (SqliteException ex)
        {
            problems.Add($"search index integrity-check: {ex.Message}");
        }

        var searchMismatches = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountSearchIndexMismatchesSql, cancellationToken: cancellationToken));
        if (searchMismatches > 0)
        {
            problems.Add($"search index: {searchMismatches} pieces missing from the index or index rows without a piece");
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(RecentSearchIndexIntegrityCheckSql, cancellationToken: cancellationToken));
        }
        catch (SqliteException ex)
        {
            problems.Add($"newest pieces' search index integrity-check: {ex.Message}");
        }

        var recentMissing = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            CountRecentSearchIndexMissingSql, new { SearchRepository.RecentPieces }, cancellationToken: cancellationToken));
        if (recentMissing > 0)
        {
            problems.Add($"newest pieces' search index: {recentMissing} of the newest pieces missing");
        }

        var outsideRanges = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountPiecesOutsideMonthRangesSql, cancellationToken: cancellationToken));
        if (outsideRanges > 0)
        {
            problems.Add($"month id ranges: {outsideRanges} published pieces outside their month's range (date-narrowed searches would miss them)");
        }

        var months = await connection.QueryAsync<(string Language, string Month, long Stored, long Recounted)>(
            new CommandDefinition(ListMonthCountMismatchesSql, cancellationToken: cancellationToken));
        problems.AddRange(months.Select(m => $"month counts: {m.Language} {m.Month} stored {m.Stored}, recounted {m.Recounted}"));

        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountChangeCounterProblemsSql, cancellationToken: cancellationToken)) != 0)
        {
            problems.Add("archive_changes: not exactly one row, or its counters are out of order");
        }

        var halfWritten = (await connection.QueryAsync<long>(new CommandDefinition(ListHalfWrittenPiecesSql, cancellationToken: cancellationToken))).ToList();
        if (halfWritten.Count > 0)
        {
            problems.Add($"half-written pieces (current text is not the newest revision): {string.Join(", ", halfWritten)}");
        }

        var duplicates = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountDuplicateRevisionVersionsSql, cancellationToken: cancellationToken));
        if (duplicates > 0)
        {
            problems.Add($"revisions: {duplicates} versions stored twice (a save over a version someone else had already saved over)");
        }

        return problems;
    }
}
