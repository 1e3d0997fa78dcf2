using System.Data;
using Dapper;
using EditorialArchive.Web.Articles;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>The desk's queries and writes of pieces in every status. Writes join the caller's transaction.</summary>
public sealed class ArticleDeskRepository(SqliteConnectionFactory connections, TimeProvider clock)
{
    private const string ListDeskPageSql = """
        SELECT a.id, a.language, a.headline, s.slug AS section_slug, a.byline, a.status, a.publish_at, a.modified_at
        FROM articles a
        JOIN sections s ON s.id = a.section_id
        WHERE ((@Status IS NULL AND a.status <> 'trashed') OR a.status = @Status)
          AND (@Language IS NULL OR a.language = @Language)
          AND (@Section IS NULL OR s.slug = @Section)
          AND (@Pattern IS NULL OR a.headline LIKE @Pattern ESCAPE '\')
          AND (@BeforeModifiedAt IS NULL OR a.modified_at < @BeforeModifiedAt
               OR (a.modified_at = @BeforeModifiedAt AND a.id < @BeforeId))
        ORDER BY a.modified_at DESC, a.id DESC
        LIMIT @Limit
        """;

    /// <summary>Pieces matching <paramref name="filter"/>, most recently changed first, after <paramref name="before"/>. Without a status filter the trash is left out.</summary>
    public async Task<IReadOnlyList<DeskListItem>> ListDeskPageAsync(DeskFilter filter, DeskCursor? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeskListItem>(new CommandDefinition(
            ListDeskPageSql,
            new
            {
                filter.Status,
                filter.Language,
                Section = filter.SectionSlug,
                Pattern = string.IsNullOrWhiteSpace(filter.Text) ? null : "%" + EscapeLike(filter.Text.Trim()) + "%",
                BeforeModifiedAt = before is null ? null : UtcInstant.Format(before.ModifiedAt),
                BeforeId = before?.Id ?? 0,
                Limit = limit,
            },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Makes % and _ (and the escape character) match themselves in a LIKE pattern.</summary>
    public static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private const string ListSectionsSql = "SELECT slug, name_en FROM sections ORDER BY id";

    public async Task<IReadOnlyList<SectionOption>> ListSectionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SectionOption>(new CommandDefinition(ListSectionsSql, cancellationToken: cancellationToken))).AsList();
    }

    private const string GetForEditSql = """
        SELECT a.id, a.slug, a.language, a.headline, s.slug AS section_slug, a.byline, a.body_markdown, a.status,
               a.publish_at, a.posted_at, a.updated_at, a.version,
               l.target_article_id AS counterpart_article_id, l.external_url, l.external_title
        FROM articles a
        JOIN sections s ON s.id = a.section_id
        LEFT JOIN article_links l ON l.article_id = a.id AND l.kind = 'translation'
        WHERE a.id = @Id
        LIMIT 1
        """;

    public async Task<DeskArticle?> GetForEditAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await GetForEditAsync(connection, null, id, cancellationToken);
    }

    /// <summary>The piece as the transaction sees it, for a write that depends on the current state.</summary>
    public Task<DeskArticle?> GetForEditAsync(SqliteTransaction transaction, long id, CancellationToken cancellationToken) =>
        GetForEditAsync(transaction.Connection!, transaction, id, cancellationToken);

    private static Task<DeskArticle?> GetForEditAsync(IDbConnection connection, IDbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<DeskArticle>(new CommandDefinition(GetForEditSql, new { Id = id }, transaction, cancellationToken: cancellationToken));

    private const string InsertDraftSql = """
        INSERT INTO articles (slug, language, headline, section_id, byline, body_markdown, body_html, status, created_at, modified_at, version)
        SELECT @Slug, @Language, @Headline, s.id, @Byline, @BodyMarkdown, @BodyHtml, 'draft', @Now, @Now, 1
        FROM sections s WHERE s.slug = @SectionSlug
        RETURNING id
        """;

    /// <summary>Stores a new draft; throws when the section does not exist.</summary>
    public async Task<long> InsertDraftAsync(SqliteTransaction transaction, ArticleContent content, string bodyHtml, CancellationToken cancellationToken)
    {
        var id = await transaction.Connection!.ExecuteScalarAsync<long?>(new CommandDefinition(
            InsertDraftSql,
            new { content.Slug, content.Language, content.Headline, content.SectionSlug, content.Byline, content.BodyMarkdown, BodyHtml = bodyHtml, Now = Now() },
            transaction,
            cancellationToken: cancellationToken));
        return id ?? throw new ArgumentException($"Unknown section '{content.SectionSlug}'.", nameof(content));
    }

    private const string UpdateContentSql = """
        UPDATE articles
        SET slug = @Slug, headline = @Headline, section_id = (SELECT s.id FROM sections s WHERE s.slug = @SectionSlug),
            byline = @Byline, body_markdown = @BodyMarkdown, body_html = @BodyHtml, updated_at = @UpdatedAt,
            modified_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    /// <summary>Saves new content over version <paramref name="version"/>; false when the piece is gone or someone saved first.</summary>
    public async Task<bool> UpdateContentAsync(
        SqliteTransaction transaction, long id, long version, ArticleContent content, string bodyHtml, DateTimeOffset? updatedAt, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            UpdateContentSql,
            new
            {
                Id = id,
                Version = version,
                content.Slug,
                content.Headline,
                content.SectionSlug,
                content.Byline,
                content.BodyMarkdown,
                BodyHtml = bodyHtml,
                UpdatedAt = Format(updatedAt),
                Now = Now(),
            },
            transaction,
            cancellationToken: cancellationToken)) == 1;

    private const string UpdateStatusSql = """
        UPDATE articles
        SET status = @Status, publish_at = @PublishAt, posted_at = @PostedAt, updated_at = @UpdatedAt,
            modified_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    /// <summary>Moves a piece to another workflow state; false when the piece is gone or someone saved first.</summary>
    public async Task<bool> UpdateStatusAsync(
        SqliteTransaction transaction, long id, long version, string status, DateTimeOffset? publishAt, DateTimeOffset? postedAt, DateTimeOffset? updatedAt, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            UpdateStatusSql,
            new { Id = id, Version = version, Status = status, PublishAt = Format(publishAt), PostedAt = Format(postedAt), UpdatedAt = Format(updatedAt), Now = Now() },
            transaction,
            cancellationToken: cancellationToken)) == 1;

    private const string PublishDueSql = """
        UPDATE articles
        SET status = 'published', posted_at = COALESCE(posted_at, publish_at), updated_at = COALESCE(updated_at, publish_at),
            modified_at = @Now, version = version + 1
        WHERE status = 'scheduled' AND publish_at <= @Now
        RETURNING id
        """;

    /// <summary>Publishes every scheduled piece whose time has come, as of its scheduled instant; returns their ids.</summary>
    public async Task<IReadOnlyList<long>> PublishDueAsync(SqliteTransaction transaction, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<long>(new CommandDefinition(PublishDueSql, new { Now = Now() }, transaction, cancellationToken: cancellationToken))).AsList();

    private const string DeleteTrashedSql = "DELETE FROM articles WHERE id = @Id AND status = 'trashed' AND version = @Version";

    /// <summary>Deletes a trashed piece for good (its links, revisions, slugs and notes go with it).</summary>
    public async Task<bool> DeleteTrashedAsync(SqliteTransaction transaction, long id, long version, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(DeleteTrashedSql, new { Id = id, Version = version }, transaction, cancellationToken: cancellationToken)) == 1;

    private const string UnlinkTranslationSql = """
        DELETE FROM article_links WHERE kind = 'translation' AND (article_id = @Id OR target_article_id = @Id)
        """;

    /// <summary>Removes a piece's counterpart link in both directions.</summary>
    public async Task UnlinkTranslationAsync(SqliteTransaction transaction, long id, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(UnlinkTranslationSql, new { Id = id }, transaction, cancellationToken: cancellationToken));

    private const string InsertExternalTranslationSql = """
        INSERT INTO article_links (article_id, kind, target_language, target_article_id, external_url, external_title)
        SELECT a.id, 'translation', CASE a.language WHEN 'en' THEN 'ko' ELSE 'en' END, NULL, @Url, @Title
        FROM articles a WHERE a.id = @Id
        """;

    /// <summary>Points a piece's counterpart at a page outside the archive (replacing any counterpart, both directions).</summary>
    public async Task LinkExternalTranslationAsync(SqliteTransaction transaction, long id, string url, string title, CancellationToken cancellationToken)
    {
        await UnlinkTranslationAsync(transaction, id, cancellationToken);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(InsertExternalTranslationSql, new { Id = id, Url = url, Title = title }, transaction, cancellationToken: cancellationToken));
    }

    private const string RetireSlugSql = """
        DELETE FROM article_slugs WHERE article_id = @Id AND slug = @NewSlug;
        INSERT OR IGNORE INTO article_slugs (article_id, slug, retired_at) VALUES (@Id, @OldSlug, @Now);
        """;

    /// <summary>Remembers a slug the piece was published under before it changed to <paramref name="newSlug"/>.</summary>
    public async Task RetireSlugAsync(SqliteTransaction transaction, long id, string oldSlug, string newSlug, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            RetireSlugSql, new { Id = id, OldSlug = oldSlug, NewSlug = newSlug, Now = Now() }, transaction, cancellationToken: cancellationToken));

    private const string ListRetiredSlugsSql = "SELECT slug FROM article_slugs WHERE article_id = @Id ORDER BY retired_at, slug";

    public async Task<IReadOnlyList<string>> ListRetiredSlugsAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(ListRetiredSlugsSql, new { Id = id }, cancellationToken: cancellationToken))).AsList();
    }

    private string Now() => UtcInstant.Format(clock.GetUtcNow());

    private static string? Format(DateTimeOffset? instant) => instant is { } value ? UtcInstant.Format(value) : null;
}
