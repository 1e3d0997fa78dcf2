using System.Runtime.CompilerServices;
using Dapper;
using EditorialArchive.Web.Seo;

namespace EditorialArchive.Web.Data;

/// <summary>Reads for crawlers and caches: validators, sitemaps and feeds. Every list is published pieces only.</summary>
public sealed class SeoRepository(SqliteConnectionFactory connections)
{
    private const string GetArchiveChangeSql = "SELECT version, changed_at FROM archive_changes WHERE id = 1";

    public async Task<ArchiveChange> GetArchiveChangeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<ArchiveChange>(new CommandDefinition(GetArchiveChangeSql, cancellationToken: cancellationToken));
    }

    private const string GetArticleStateSql = """
        SELECT a.id, a.status, a.language, a.slug, a.version, a.modified_at, a.posted_at,
               l.target_article_id AS counterpart_id, t.status AS counterpart_status, t.version AS counterpart_version,
               t.modified_at AS counterpart_modified_at, l.external_url AS counterpart_url, l.external_title AS counterpart_title,
               c.listing_version, c.listing_changed_at
        FROM archive_changes c
        JOIN articles a INDEXED BY ix_articles_summary ON a.id = @Id
        LEFT JOIN article_links l ON l.article_id = a.id AND l.kind = 'translation'
        LEFT JOIN articles t INDEXED BY ix_articles_summary ON t.id = l.target_article_id
        WHERE c.id = 1
        LIMIT 1
        """;

    /// <summary>The status and versions of a piece, its counterpart and the archive's listings, whatever the status; null for an unknown id.</summary>
    public async Task<ArticleState?> GetArticleStateAsync(long id, CancellationToken cancellationToken)
    {
        var rows = await connections.Reads.QueryAsync<ArticleState>(GetArticleStateSql, [("@Id", id)], cancellationToken);
        return rows.FirstOrDefault();
    }

    // Chunks are fixed id ranges, so a piece stays in the same sitemap for ever and unchanged chunks keep their
    // validators. lastmod covers every status, so unpublishing a piece dates its chunk too. The sitemap queries read
    // ix_articles_summary (006), never the wide rows: a million pieces' small columns are a few dozen megabytes.
    private const string ListSitemapChunksSql = """
        SELECT (id - 1) / @ChunkSize + 1 AS number, max(modified_at) AS last_modified,
               sum(status = 'published') AS published
        FROM articles INDEXED BY ix_articles_summary
        GROUP BY number
        HAVING published > 0
        ORDER BY number
        """;

    public async Task<IReadOnlyList<SitemapChunk>> ListSitemapChunksAsync(int chunkSize, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SitemapChunk>(new CommandDefinition(ListSitemapChunksSql, new { ChunkSize = chunkSize }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    // Everything one article sitemap shows: its pieces (any status, so withdrawing one counts) and their
    // counterparts. Versions only grow, so their sums move on every edit.
    private const string GetSitemapChunkStateSql = """
        SELECT count(*) AS pieces, max(a.modified_at) AS last_modified, total(a.version) AS versions,
               total(l.target_article_id) AS counterpart_ids, total(t.version) AS counterpart_versions,
               max(t.modified_at) AS counterpart_last_modified
        FROM articles a INDEXED BY ix_articles_summary
        LEFT JOIN article_links l ON l.article_id = a.id AND l.kind = 'translation'
        LEFT JOIN articles t INDEXED BY ix_articles_summary ON t.id = l.target_article_id
        WHERE a.id BETWEEN @FirstId AND @LastId
        """;

    /// <summary>A fingerprint of one id range, so each article sitemap has its own validator.</summary>
    public async Task<SitemapChunkState> GetSitemapChunkStateAsync(long firstId, long lastId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<SitemapChunkState>(new CommandDefinition(
            GetSitemapChunkStateSql, new { FirstId = firstId, LastId = lastId }, cancellationToken: cancellationToken));
    }

    private const string ListSitemapEntriesSql = """
        SELECT a.id, a.slug, a.language, a.modified_at,
               t.id AS counterpart_id, t.slug AS counterpart_slug, t.language AS counterpart_language
        FROM articles a INDEXED BY ix_articles_summary
        LEFT JOIN article_links l ON l.article_id = a.id AND l.kind = 'translation'
        LEFT JOIN articles t INDEXED BY ix_articles_summary ON t.id = l.target_article_id AND t.status = 'published'
        WHERE a.status = 'published' AND a.id BETWEEN @FirstId AND @LastId
        ORDER BY a.id
        """;

    /// <summary>Published pieces with ids in [firstId, lastId], streamed row by row (constant memory).</summary>
    public async IAsyncEnumerable<SitemapEntry> ListSitemapEntriesAsync(
        long firstId, long lastId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<SitemapEntry>(ListSitemapEntriesSql, new { FirstId = firstId, LastId = lastId });
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private const string ListNewsEntriesSql = """
        SELECT id, slug, language, headline, posted_at
        FROM articles
        WHERE status = 'published' AND posted_at >= @Since
        ORDER BY posted_at DESC, id DESC
        LIMIT @Limit
        """;

    public async Task<IReadOnlyList<NewsEntry>> ListNewsEntriesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NewsEntry>(new CommandDefinition(
            ListNewsEntriesSql, new { Since = UtcInstant.Format(since), Limit = limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string ListFeedItemsSql = """
        SELECT a.id, a.slug, a.language, a.headline, a.byline, a.body_html, s.name_en AS section_name_en,
               s.name_ko AS section_name_ko, a.posted_at, a.updated_at
        FROM articles a
        JOIN sections s ON s.id = a.section_id
        WHERE a.status = 'published' AND a.language = @Language AND (@SectionSlug IS NULL OR s.slug = @SectionSlug)
        ORDER BY a.posted_at DESC, a.id DESC
        LIMIT @Limit
        """;

    /// <summary>Newest published pieces of an edition, or of one section of it.</summary>
    public async Task<IReadOnlyList<FeedItem>> ListFeedItemsAsync(string language, string? sectionSlug, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedItem>(new CommandDefinition(
            ListFeedItemsSql, new { Language = language, SectionSlug = sectionSlug, Limit = limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string GetSectionSql = "SELECT slug, name_en, name_ko FROM sections WHERE slug = @Slug";

    public async Task<SectionName?> GetSectionAsync(string slug, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SectionName>(new CommandDefinition(GetSectionSql, new { Slug = slug }, cancellationToken: cancellationToken));
    }
}
