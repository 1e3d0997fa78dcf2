using Dapper;
using EditorialArchive.Web.Reading;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Full-text search over <c>article_search</c> (FTS5, kept in step with <c>articles</c> by triggers), joined back
/// to <c>articles</c> so that only published pieces are found. Results are ordered by relevance (bm25 with column
/// weights, the table's configured rank) among the newest <see cref="RelevanceWindow"/> matches that pass the
/// filters: ranking every match of a common word in a million pieces takes seconds, while a window read newest
/// first off the index stops early and costs the same at any archive size. A word with fewer matches than the
/// window (most names, places and events) is ranked over all of them; older pieces with a common word are found
/// by narrowing the dates.
/// </summary>
public sealed class SearchRepository(SqliteConnectionFactory connections)
{
    /// <summary>How many of the newest filtered matches are ranked; at least one page past the deepest offset.</summary>
    public const int RelevanceWindow = 1_000;

    // The window reads the filter columns from ix_articles_summary (006), not the wide article rows; only the
    // page of hits finally shown is read from `articles`.
    public const string SearchPublishedSql = """
        WITH candidates AS (
            SELECT article_search.rowid AS id, article_search.rank AS score
            FROM article_search
            JOIN articles f INDEXED BY ix_articles_summary ON f.id = article_search.rowid
            JOIN sections fs ON fs.id = f.section_id
            WHERE article_search MATCH @Match
              AND f.status = 'published'
              AND (@Language IS NULL OR f.language = @Language)
              AND (@SectionSlug IS NULL OR fs.slug = @SectionSlug)
              AND (@From IS NULL OR f.posted_at >= @From)
              AND (@Until IS NULL OR f.posted_at < @Until)
            ORDER BY article_search.rowid DESC
            LIMIT @Window
        )
        SELECT a.id, a.slug, a.language, a.headline, s.name_en AS section_name_en, s.name_ko AS section_name_ko,
               a.byline, a.posted_at, a.body_markdown
        FROM candidates c
        JOIN articles a ON a.id = c.id
        JOIN sections s ON s.id = a.section_id
        ORDER BY c.score, c.id
        LIMIT @Limit OFFSET @Offset
        """;

    // Stops at the window: a cheap probe of whether whole-word matches alone fill it.
    private const string CountWindowMatchesSql = """
        SELECT count(*) FROM (SELECT rowid FROM article_search WHERE article_search MATCH @Match LIMIT @Window)
        """;

    /// <summary>One page of hits for a parsed query; the page number is bounded by the caller (see the window).</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchPublishedAsync(SearchQuery query, SearchFilters filters, int offset, int limit, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var match = query.ToMatchExpression();
        if (query.HasPrefixTerms)
        {
            // A common word fills the window with whole-word matches alone, without the prefix's cost; a rarer
            // word or a fragment ("kor", "econ") keeps the prefix, whose postings are then small.
            var exact = query.Exact().ToMatchExpression();
            var wholeWordMatches = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                CountWindowMatchesSql, new { Match = exact, Window = RelevanceWindow }, cancellationToken: cancellationToken));
            if (wholeWordMatches >= RelevanceWindow)
            {
                match = exact;
            }
        }

        var rows = await connection.QueryAsync<SearchHit>(new CommandDefinition(
            SearchPublishedSql,
            new
            {
                Match = match,
                filters.Language,
                filters.SectionSlug,
                From = filters.From is { } from ? UtcInstant.Format(from) : null,
                Until = filters.Until is { } until ? UtcInstant.Format(until) : null,
                Window = Math.Max(RelevanceWindow, offset + limit),
                Limit = limit,
                Offset = offset,
            },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public const string ListRelatedSql = """
        WITH candidates AS (
            SELECT article_search.rowid AS id, article_search.rank AS score
            FROM article_search
            JOIN articles f INDEXED BY ix_articles_summary ON f.id = article_search.rowid
            WHERE article_search MATCH @Match
              AND f.status = 'published' AND f.language = @Language AND f.id <> @Id
            ORDER BY article_search.rowid DESC
            LIMIT @Window
        )
        SELECT a.id, a.slug, a.language, a.headline, a.posted_at
        FROM candidates c
        JOIN articles a ON a.id = c.id
        ORDER BY c.score, c.id
        LIMIT @Limit
        """;

    /// <summary>Published pieces sharing words with <paramref name="query"/> (built from a headline), best first among the newest matches.</summary>
    public async Task<IReadOnlyList<LinkedPiece>> ListRelatedAsync(long id, string language, SearchQuery query, int limit, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LinkedPiece>(new CommandDefinition(
            ListRelatedSql,
            // Whole words only: related pieces share the headline's words, and prefixes would cost (see SearchQuery.Exact).
            new { Match = query.Exact().ToAnyMatchExpression(), Language = language, Id = id, Window = RelevanceWindow, Limit = limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

/// <summary>Narrowing of a search: language, section slug, and a UTC range [From, Until).</summary>
public sealed record SearchFilters(string? Language, string? SectionSlug, DateTimeOffset? From, DateTimeOffset? Until);
