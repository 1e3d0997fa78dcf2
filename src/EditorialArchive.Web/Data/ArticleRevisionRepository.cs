using Dapper;
using EditorialArchive.Web.Articles;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>Every saved state of every piece. Rows are only added (and go when a piece is purged).</summary>
public sealed class ArticleRevisionRepository(SqliteConnectionFactory connections, TimeProvider clock)
{
    private const string InsertSnapshotSql = """
        INSERT INTO article_revisions (article_id, version, saved_at, actor_user_id, actor_email, headline, slug, language,
                                       section_slug, byline, body_markdown, status, publish_at, posted_at,
                                       counterpart_article_id, external_url, external_title)
        SELECT a.id, a.version, @Now, @ActorUserId, @ActorEmail, a.headline, a.slug, a.language, s.slug, a.byline,
               a.body_markdown, a.status, a.publish_at, a.posted_at, l.target_article_id, l.external_url, l.external_title
        FROM articles a
        JOIN sections s ON s.id = a.section_id
        LEFT JOIN article_links l ON l.article_id = a.id AND l.kind = 'translation'
        WHERE a.id = @Id
        """;

    /// <summary>Stores the piece as it now stands in the transaction, as saved by the given actor.</summary>
    public async Task InsertSnapshotAsync(SqliteTransaction transaction, long articleId, long? actorUserId, string? actorEmail, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            InsertSnapshotSql,
            new { Id = articleId, ActorUserId = actorUserId, ActorEmail = actorEmail, Now = UtcInstant.Format(clock.GetUtcNow()) },
            transaction,
            cancellationToken: cancellationToken));

    private const string InsertBaselineIfMissingSql = """
        INSERT INTO article_revisions (article_id, version, saved_at, actor_user_id, actor_email, headline, slug, language,
                                       section_slug, byline, body_markdown, status, publish_at, posted_at,
                                       counterpart_article_id, external_url, external_title)
        SELECT a.id, a.version, a.modified_at, NULL, NULL, a.headline, a.slug, a.language, s.slug, a.byline,
               a.body_markdown, a.status, a.publish_at, a.posted_at, l.target_article_id, l.external_url, l.external_title
        FROM articles a
        JOIN sections s ON s.id = a.section_id
        LEFT JOIN article_links l ON l.article_id = a.id AND l.kind = 'translation'
        WHERE a.id = @Id AND NOT EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id)
        """;

    /// <summary>
    /// Keeps the state of a piece that never went through the desk (imported, or older than the revision table)
    /// as its first revision, before the desk changes it.
    /// </summary>
    public async Task InsertBaselineIfMissingAsync(SqliteTransaction transaction, long articleId, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(InsertBaselineIfMissingSql, new { Id = articleId }, transaction, cancellationToken: cancellationToken));

    private const string Columns = """
        id, article_id, version, saved_at, actor_email, headline, slug, language, section_slug, byline, body_markdown,
        status, counterpart_article_id, external_url, external_title
        """;

    private const string ListForArticleSql = $"SELECT {Columns} FROM article_revisions WHERE article_id = @Id ORDER BY id DESC";

    /// <summary>A piece's revisions, newest first.</summary>
    public async Task<IReadOnlyList<ArticleRevision>> ListForArticleAsync(long articleId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ArticleRevision>(new CommandDefinition(ListForArticleSql, new { Id = articleId }, cancellationToken: cancellationToken))).AsList();
    }

    private const string GetSql = $"SELECT {Columns} FROM article_revisions WHERE id = @Id AND article_id = @ArticleId";

    public async Task<ArticleRevision?> GetAsync(long articleId, long revisionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ArticleRevision>(new CommandDefinition(GetSql, new { Id = revisionId, ArticleId = articleId }, cancellationToken: cancellationToken));
    }
}
