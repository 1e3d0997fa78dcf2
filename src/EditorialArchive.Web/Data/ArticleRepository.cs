using System.Data.Common;
using System.Text.Json;
using Dapper;
using EditorialArchive.Web.Articles;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>Queries and writes of pieces. Reads open their own pooled connection; writes join the caller's transaction.</summary>
public sealed class ArticleRepository(SqliteConnectionFactory connections, TimeProvider clock)
{
    public const string GetPublishedByIdSql = """
        SELECT a.id, a.slug, a.language, a.headline, s.slug AS section_slug, s.name_en AS section_name_en,
               s.name_ko AS section_name_ko, a.byline, a.body_html, a.posted_at, a.updated_at,
               l.target_language AS counterpart_language, l.target_article_id AS counterpart_id,
               t.slug AS counterpart_slug, l.external_url AS counterpart_url,
               COALESCE(t.headline, l.external_title) AS counterpart_title,
               (SELECT json_group_array(json_array(c.noted_at, c.note) ORDER BY c.noted_at, c.id)
                FROM article_corrections c WHERE c.article_id = a.id) AS corrections_json
        FROM articles a
        JOIN sections s ON s.id = a.section_id
        LEFT JOIN article_links l ON l.article_id = a.id AND l.kind = 'translation'
        LEFT JOIN articles t INDEXED BY ix_articles_link ON t.id = l.target_article_id AND t.status = 'published'
        WHERE a.id = @Id AND a.status = 'published'
        LIMIT 1
        """;

    public async Task<PublishedArticle?> GetPublishedByIdAsync(long id, CancellationToken cancellationToken)
    {
        // The counterpart and the correction notes come in the same statement: one read per uncached page.
        var rows = await connections.Reads.QueryAsync(GetPublishedByIdSql, [("@Id", id)], ParsePublished, cancellationToken);
        return rows.FirstOrDefault();
    }

    /// <summary>Dapper's three row parsers over the piece's columns, its counterpart's and its notes' (as a multi-map splits them).</summary>
    private static Func<DbDataReader, PublishedArticle> ParsePublished(DbDataReader reader)
    {
        var counterpartAt = reader.GetOrdinal("counterpart_language");
        var correctionsAt = reader.GetOrdinal("corrections_json");
        var article = reader.GetRowParser<PublishedArticle>(startIndex: 0, length: counterpartAt);
        var link = reader.GetRowParser<CounterpartRow>(startIndex: counterpartAt, length: correctionsAt - counterpartAt, returnNullIfFirstMissing: true);
        var corrections = reader.GetRowParser<CorrectionsRow>(startIndex: correctionsAt, length: 1, returnNullIfFirstMissing: true);
        return row =>
        {
            var piece = article(row);
            piece.Counterpart = link(row)?.ToCounterpart();
            piece.Corrections = corrections(row)?.ToCorrections() ?? [];
            return piece;
        };
    }

    private const string CountAllSql = "SELECT count(*) FROM articles";

    public async Task<long> CountAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountAllSql, cancellationToken: cancellationToken));
    }

    private const string InsertSql = """
        INSERT INTO articles (slug, language, headline, section_id, byline, body_markdown, body_html, status,
                              posted_at, updated_at, created_at, modified_at, version)
        SELECT @Slug, @Language, @Headline, s.id, @Byline, @BodyMarkdown, @BodyHtml, @Status,
               @PostedAt, @UpdatedAt, @Now, @Now, 1
        FROM sections s WHERE s.slug = @SectionSlug
        RETURNING id
        """;

    /// <summary>Stores a new piece; throws when the section does not exist.</summary>
    public async Task<long> InsertAsync(SqliteTransaction transaction, NewArticle article, CancellationToken cancellationToken)
    {
        var id = await transaction.Connection!.ExecuteScalarAsync<long?>(new CommandDefinition(
            InsertSql,
            new
            {
                article.Slug,
                article.Language,
                article.Headline,
                article.SectionSlug,
                article.Byline,
                article.BodyMarkdown,
                article.BodyHtml,
                article.Status,
                PostedAt = article.PostedAt is { } posted ? UtcInstant.Format(posted) : null,
                UpdatedAt = article.UpdatedAt is { } updated ? UtcInstant.Format(updated) : null,
                Now = UtcInstant.Format(clock.GetUtcNow()),
            },
            transaction,
            cancellationToken: cancellationToken));
        return id ?? throw new ArgumentException($"Unknown section '{article.SectionSlug}'.", nameof(article));
    }

    private const string LinkTranslationSql = """
        DELETE FROM article_links WHERE kind = 'translation' AND (article_id IN (@A, @B) OR target_article_id IN (@A, @B));
        INSERT INTO article_links (article_id, kind, target_language, target_article_id)
        SELECT @A, 'translation', b.language, b.id FROM articles a, articles b
        WHERE a.id = @A AND b.id = @B AND a.language <> b.language;
        INSERT INTO article_links (article_id, kind, target_language, target_article_id)
        SELECT @B, 'translation', a.language, a.id FROM articles a, articles b
        WHERE a.id = @A AND b.id = @B AND a.language <> b.language;
        SELECT changes();
        """;

    /// <summary>
    /// Makes two pieces in different languages each other's counterpart (both directions at once); their former
    /// partners lose their links too, so no piece points at a piece that points elsewhere.
    /// </summary>
    public async Task LinkTranslationsAsync(SqliteTransaction transaction, long articleId, long counterpartId, CancellationToken cancellationToken)
    {
        var inserted = await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            LinkTranslationSql, new { A = articleId, B = counterpartId }, transaction, cancellationToken: cancellationToken));
        if (inserted != 1)
        {
            throw new ArgumentException($"Pieces {articleId} and {counterpartId} cannot be counterparts: both must exist and differ in language.");
        }
    }

    /// <summary>The notes as <c>[[noted_at, note], …]</c>, oldest first (json_group_array gives <c>[]</c> for none).</summary>
    private sealed class CorrectionsRow
    {
        public string CorrectionsJson { get; init; } = "[]";

        public IReadOnlyList<ArticleCorrection> ToCorrections()
        {
            using var document = JsonDocument.Parse(CorrectionsJson);
            return [.. document.RootElement.EnumerateArray().Select(pair => new ArticleCorrection
            {
                NotedAt = UtcInstant.Parse(pair[0].GetString()!),
                Note = pair[1].GetString()!,
            })];
        }
    }

    /// <summary>The flat columns of a translation link, before they become a <see cref="Counterpart"/>.</summary>
    private sealed class CounterpartRow
    {
        public string? CounterpartLanguage { get; init; }
        public long? CounterpartId { get; init; }
        public string? CounterpartSlug { get; init; }
        public string? CounterpartUrl { get; init; }
        public string? CounterpartTitle { get; init; }

        public Counterpart? ToCounterpart() => CounterpartLanguage switch
        {
            null => null,
            // A link to a piece that is not published (yet) is not shown to readers.
            _ when CounterpartId is not null && CounterpartSlug is null => null,
            _ => new Counterpart(CounterpartLanguage, CounterpartId, CounterpartSlug, CounterpartUrl, CounterpartTitle),
        };
    }
}
