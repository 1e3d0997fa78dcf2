using Dapper;
using EditorialArchive.Web.Reading;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Full-text search over <c>article_search</c> (FTS5, kept in step with <c>articles</c> by triggers), joined back
/// to <c>articles</c> so that only published pieces are found. Results are ordered by relevance (bm25 with column
/// weights, computed by <see cref="SearchRankFunction"/>) among the newest <see cref="RelevanceWindow"/> matches that
/// pass the filters: ranking every match of a common word in a million pieces takes seconds, while a window read
/// newest first off the index stops early and costs the same at any archive size. A word with fewer matches than the
/// window (most names, places and events) is ranked over all of them; older pieces with a common word are found
/// by narrowing the dates, which bounds the postings read to the ids published in those months (migration 014).
/// </summary>
public sealed class SearchRepository(SqliteConnectionFactory connections)
{
    /// <summary>How many of the newest filtered matches are ranked; at least one page past the deepest offset.</summary>
    public const int RelevanceWindow = 1_000;

    /// <summary>How many of a word's newest postings are read to estimate how many pieces it is in (see <see cref="EstimateHitsAsync"/>).</summary>
    public const int HitSample = 1_000;

    /// <summary>How many of the newest pieces the fragment index holds (migration 015).</summary>
    public const int RecentPieces = 50_000;

    // The window reads the filter columns from ix_articles_summary (006), not the wide article rows; only the
    // page of hits finally shown is read from `articles`. The rowid bounds are those of the months the dates
    // cover (or none): FTS5 then reads only the postings between them. window_count tells whether the window filled.
    // (ORDER BY 1 is the index's own rowid, which FTS5 streams newest first.) The page is cut from the window before
    // the join: joined first, SQLite read and sorted all 1,000 article rows with their bodies (8 ms against 4 at 1M).
    private const string WindowFiltersAndPage = """
              AND f.status = 'published'
              AND (@Language IS NULL OR f.language = @Language)
              AND (@SectionSlug IS NULL OR f.section_id = (SELECT id FROM sections WHERE slug = @SectionSlug))
              AND (@From IS NULL OR f.posted_at >= @From)
              AND (@Until IS NULL OR f.posted_at < @Until)
            ORDER BY 1 DESC
            LIMIT @Window
        )
        SELECT a.id, a.slug, a.language, a.headline, s.name_en AS section_name_en, s.name_ko AS section_name_ko,
               a.byline, a.posted_at, a.body_markdown, (SELECT count(*) FROM candidates) AS window_count
        FROM (SELECT id, score FROM candidates ORDER BY score, id LIMIT @Limit OFFSET @Offset) c
        JOIN articles a ON a.id = c.id
        JOIN sections s ON s.id = a.section_id
        ORDER BY c.score, c.id
        """;

    public const string SearchPublishedSql = $"""
        WITH candidates AS (
            SELECT article_search.rowid AS id, archive_rank(article_search, @PhraseHits) AS score
            FROM article_search
            JOIN articles f INDEXED BY ix_articles_summary ON f.id = article_search.rowid
            WHERE article_search MATCH @Match
              AND article_search.rowid >= coalesce(@FirstId, 0) AND article_search.rowid <= coalesce(@LastId, 9223372036854775807)
        {WindowFiltersAndPage}
        """;

    /// <summary>The same window from the fragment index, over the newest <see cref="RecentPieces"/> ids only (the ones it keeps current).</summary>
    public const string SearchRecentSql = $"""
        WITH candidates AS (
            SELECT article_search_recent.rowid AS id, archive_rank(article_search_recent, @PhraseHits) AS score
            FROM article_search_recent
            JOIN articles f INDEXED BY ix_articles_summary ON f.id = article_search_recent.rowid
            WHERE article_search_recent MATCH @Match
              AND article_search_recent.rowid >= max(coalesce(@FirstId, 0), (SELECT max(id) FROM articles) - @RecentPieces + 1)
              AND article_search_recent.rowid <= coalesce(@LastId, 9223372036854775807)
        {WindowFiltersAndPage}
        """;

    // Stops at the window: a cheap probe of whether whole-word matches alone fill it.
    private const string CountWindowMatchesSql = """
        SELECT count(*) FROM (SELECT rowid FROM article_search WHERE article_search MATCH @Match LIMIT @Window)
        """;

    // Superset bounds: months from that of @From to that of @Until (exclusive instant, so its month may add a few ids).
    private const string GetMonthIdRangeSql = """
        SELECT min(first_id) AS FirstId, max(last_id) AS LastId
        FROM article_month_id_ranges
        WHERE month >= coalesce(substr(@From, 1, 7), '') AND month <= coalesce(substr(@Until, 1, 7), '9999-99')
        """;

    // The newest postings of one phrase, and the newest id: enough to tell how dense the phrase is.
    private const string SampleHitsSql = """
        SELECT count(*) AS Sampled, min(rowid) AS Oldest, (SELECT max(id) FROM articles) AS Newest
        FROM (SELECT rowid FROM article_search WHERE article_search MATCH @Match ORDER BY rowid DESC LIMIT @Sample)
        """;

    // The same over the fragment index's newest ids; Newest - Floor is then the population sampled from.
    private const string SampleRecentHitsSql = """
        SELECT count(*) AS Sampled, min(rowid) AS Oldest, (SELECT max(id) FROM articles) AS Newest
        FROM (SELECT rowid FROM article_search_recent WHERE article_search_recent MATCH @Match
                AND rowid > (SELECT max(id) FROM articles) - @RecentPieces ORDER BY rowid DESC LIMIT @Sample)
        """;

    /// <summary>One page of hits for a parsed query; the page number is bounded by the caller (see the window).</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchPublishedAsync(SearchQuery query, SearchFilters filters, int offset, int limit, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        if (query.HasPrefixTerms)
        {
            // A common word fills the window with whole-word matches alone, without the prefix's cost; a rarer
            // word or a fragment ("kor", "econ") keeps the prefix.
            var exact = query.Exact();
            var wholeWordMatches = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                CountWindowMatchesSql, new { Match = exact.ToMatchExpression(), Window = RelevanceWindow }, cancellationToken: cancellationToken));
            if (wholeWordMatches >= RelevanceWindow)
            {
                query = exact;
            }
        }

        var from = filters.From is { } f ? UtcInstant.Format(f) : null;
        var until = filters.Until is { } u ? UtcInstant.Format(u) : null;
        IdRange range = new();
        if (from is not null || until is not null)
        {
            range = await connection.QuerySingleAsync<IdRange>(new CommandDefinition(
                GetMonthIdRangeSql, new { From = from, Until = until }, cancellationToken: cancellationToken));
            if (range.FirstId is null)
            {
                return [];
            }
        }

        var window = Math.Max(RelevanceWindow, offset + limit);
        if (query.HasPrefixTerms)
        {
            // A fragment: the newest pieces' own index gives the same window when it holds a full one.
            var recentHits = query.Terms.Count > 1 ? await EstimateRecentHitsAsync(connection, query, cancellationToken) : [];
            var recent = await QueryWindowAsync(connection, SearchRecentSql, query, recentHits, range, filters, from, until, window, offset, limit, cancellationToken);
            if (recent.Count > 0 && recent[0].WindowCount >= window)
            {
                return recent;
            }
        }

        // One phrase: every row's score has the same IDF factor, so the order needs no count at all.
        var hits = query.Terms.Count > 1 ? await EstimateHitsAsync(connection, query, cancellationToken) : [];
        return await QueryWindowAsync(connection, SearchPublishedSql, query, hits, range, filters, from, until, window, offset, limit, cancellationToken);
    }

    private static async Task<IReadOnlyList<WindowedHit>> QueryWindowAsync(
        SqliteConnection connection, string sql, SearchQuery query, double[] hits, IdRange range, SearchFilters filters,
        string? from, string? until, int window, int offset, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<WindowedHit>(new CommandDefinition(
            sql,
            new
            {
                Match = query.ToMatchExpression(),
                PhraseHits = SearchRankFunction.EncodeHits(hits),
                range.FirstId,
                range.LastId,
                filters.Language,
                filters.SectionSlug,
                From = from,
                Until = until,
                Window = window,
                RecentPieces,
                Limit = limit,
                Offset = offset,
            },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// How many pieces each phrase of <paramref name="query"/> is in, for the ranking's IDF: exact below
    /// <see cref="HitSample"/>, otherwise estimated from how densely its newest postings sit among the newest ids
    /// (ids grow with time, and a word's share of pieces changes slowly). bm25 counted by reading every posting.
    /// </summary>
    public static Task<double[]> EstimateHitsAsync(SqliteConnection connection, SearchQuery query, CancellationToken cancellationToken) =>
        SampleHitsAsync(connection, query, SampleHitsSql, newest => newest, cancellationToken);

    /// <summary>The same estimate over the fragment index, scaled to the newest <see cref="RecentPieces"/> ids it holds.</summary>
    private static Task<double[]> EstimateRecentHitsAsync(SqliteConnection connection, SearchQuery query, CancellationToken cancellationToken) =>
        SampleHitsAsync(connection, query, SampleRecentHitsSql, newest => Math.Min(newest, RecentPieces), cancellationToken);

    // idsSampled: how many ids the sample's index covers, given the newest id.
    private static async Task<double[]> SampleHitsAsync(
        SqliteConnection connection, SearchQuery query, string sampleSql, Func<long, long> idsSampled, CancellationToken cancellationToken)
    {
        var hits = new double[query.Terms.Count];
        for (var i = 0; i < hits.Length; i++)
        {
            var sample = await connection.QuerySingleAsync<HitSampleRow>(new CommandDefinition(
                sampleSql, new { Match = query.Terms[i].ToMatchExpression(), Sample = HitSample, RecentPieces }, cancellationToken: cancellationToken));
            hits[i] = sample.Sampled < HitSample || sample.Oldest is not { } oldest || sample.Newest is not { } newest
                ? sample.Sampled
                : (double)HitSample * idsSampled(newest) / Math.Max(1, newest - oldest + 1);
        }

        return hits;
    }

    private sealed class WindowedHit : SearchHit
    {
        public long WindowCount { get; init; }
    }

    private sealed class IdRange
    {
        public long? FirstId { get; init; }

        public long? LastId { get; init; }
    }

    private sealed class HitSampleRow
    {
        public long Sampled { get; init; }

        public long? Oldest { get; init; }

        public long? Newest { get; init; }
    }

    public const string ListRelatedSql = """
        WITH candidates AS (
            SELECT article_search.rowid AS id, archive_rank(article_search, @PhraseHits) AS score
            FROM article_search
            JOIN articles f INDEXED BY ix_articles_summary ON f.id = article_search.rowid
            WHERE article_search MATCH @Match
              AND f.status = 'published' AND f.language = @Language AND f.id <> @Id
            ORDER BY article_search.rowid DESC
            LIMIT @Window
        )
        SELECT a.id, a.slug, a.language, a.headline, a.posted_at
        FROM (SELECT id, score FROM candidates ORDER BY score, id LIMIT @Limit) c
        JOIN articles a ON a.id = c.id
        ORDER BY c.score, c.id
        """;

    /// <summary>Published pieces sharing words with <paramref name="query"/> (built from a headline), best first among the newest matches.</summary>
    public async Task<IReadOnlyList<LinkedPiece>> ListRelatedAsync(long id, string language, SearchQuery query, int limit, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        // Whole words only: related pieces share the headline's words, and prefixes would cost (see SearchQuery.Exact).
        var exact = query.Exact();
        var hits = exact.Terms.Count > 1 ? await EstimateHitsAsync(connection, exact, cancellationToken) : [];
        var rows = await connection.QueryAsync<LinkedPiece>(new CommandDefinition(
            ListRelatedSql,
            new { Match = exact.ToAnyMatchExpression(), PhraseHits = SearchRankFunction.EncodeHits(hits), Language = language, Id = id, Window = RelevanceWindow, Limit = limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

/// <summary>Narrowing of a search: language, section slug, and a UTC range [From, Until).</summary>
public sealed record SearchFilters(string? Language, string? SectionSlug, DateTimeOffset? From, DateTimeOffset? Until);
