using Dapper;
using EditorialArchive.Web.Reading;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Full-text search over <c>article_search</c> (FTS5, kept in step with <c>articles</c> by triggers), joined back
/// to <c>articles</c> so that only published pieces are found. Results are ordered by relevance (bm25 with
/// column weights, the table's configured rank).
/// </summary>
public sealed class SearchRepository(SqliteConnectionFactory connections)
{
    public const string SearchPublishedSql = """
        SELECT a.id, a.slug, a.language, a.headline, s.name_en AS section_name_en, s.name_ko AS section_name_ko,
               a.byline, a.posted_at, a.body_markdown
        FROM article_search
        JOIN articles a ON a.id = article_search.rowid
        JOIN sections s ON s.id = a.section_id
        WHERE article_search MATCH @Match
          AND a.status = 'published'
          AND (@Language IS NULL OR a.language = @Language)
          AND (@SectionSlug IS NULL OR s.slug = @SectionSlug)
          AND (@From IS NULL OR a.posted_at >= @From)
          AND (@Until IS NULL OR a.posted_at < @Until)
        ORDER BY article_search.rank, a.id
        LIMIT @Limit OFFSET @Offset
        """;

    /// <summary>
    /// One page of hits for a parsed query. Relevance order means every match is ranked anyway, so the page
    /// number is bounded by the caller rather than keyset-paged.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SearchPublishedAsync(SearchQuery query, SearchFilters filters, int offset, int limit, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SearchHit>(new CommandDefinition(
            SearchPublishedSql,
            new
            {
                Match = query.ToMatchExpression(),
                filters.Language,
                filters.SectionSlug,
                From = filters.From is { } from ? UtcInstant.Format(from) : null,
                Until = filters.Until is { } until ? UtcInstant.Format(until) : null,
                Limit = limit,
                Offset = offset,
            },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string ListRelatedSql = """
        SELECT a.id, a.slug, a.language, a.headline, a.posted_at
        FROM article_search
        JOIN articles a ON a.id = article_search.rowid
        WHERE article_search MATCH @Match
          AND a.status = 'published' AND a.language = @Language AND a.id <> @Id
        ORDER BY article_search.rank, a.id
        LIMIT @Limit
        """;

    /// <summary>Published pieces sharing words with <paramref name="query"/> (built from a headline), best first.</summary>
    public async Task<IReadOnlyList<LinkedPiece>> ListRelatedAsync(long id, string language, SearchQuery query, int limit, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LinkedPiece>(new CommandDefinition(
            ListRelatedSql,
            new { Match = query.ToAnyMatchExpression(), Language = language, Id = id, Limit = limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

/// <summary>Narrowing of a search: language, section slug, and a UTC range [From, Until).</summary>
public sealed record SearchFilters(string? Language, string? SectionSlug, DateTimeOffset? From, DateTimeOffset? Until);
