using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Writes many pieces through prepared commands reused for every row (the generator's hot loop). The rows go into
/// the same tables through the same triggers as the desk's writes, so the search index, month counts and change
/// counters end up exactly as if each piece had been saved through the app.
/// </summary>
/// <remarks>
/// A batch of pieces is staged in a temporary table and moved into <c>articles</c> by one statement. FTS5 writes its
/// pending tokens to disk at every statement savepoint, so one INSERT per piece made a one-piece index segment per
/// piece, merged a thousand at a time, and the index spent its time merging; one statement per batch lets the
/// tokens of the whole batch go to disk together.
/// </remarks>
public sealed class BulkArticleWriter : IDisposable
{
    private const string CreateStagingSql = """
        CREATE TEMP TABLE IF NOT EXISTS bulk_articles (
            id            INTEGER PRIMARY KEY,
            slug          TEXT    NOT NULL,
            language      TEXT    NOT NULL,
            headline      TEXT    NOT NULL,
            section_id    INTEGER NOT NULL,
            byline        TEXT    NULL,
            body_markdown TEXT    NOT NULL,
            body_html     TEXT    NOT NULL,
            status        TEXT    NOT NULL,
            posted_at     TEXT    NULL,
            updated_at    TEXT    NULL,
            created_at    TEXT    NOT NULL,
            modified_at   TEXT    NOT NULL,
            version       INTEGER NOT NULL
        )
        """;

    private const string StageArticleSql = """
        INSERT INTO temp.bulk_articles (id, slug, language, headline, section_id, byline, body_markdown, body_html, status,
                                        posted_at, updated_at, created_at, modified_at, version)
        VALUES (@id, @slug, @language, @headline, @section_id, @byline, @body_markdown, @body_html, @status,
                @posted_at, @updated_at, @created_at, @modified_at, @version)
        """;

    // In id order, so the search trigger meets the pieces in the order they were staged.
    private const string MoveStagedArticlesSql = """
        INSERT INTO main.articles (id, slug, language, headline, section_id, byline, body_markdown, body_html, status,
                                   posted_at, updated_at, created_at, modified_at, version)
        SELECT id, slug, language, headline, section_id, byline, body_markdown, body_html, status,
               posted_at, updated_at, created_at, modified_at, version
        FROM temp.bulk_articles
        ORDER BY id
        """;

    private const string ClearStagingSql = "DELETE FROM temp.bulk_articles";

    private const string LastArticleIdSql = "SELECT coalesce(max(id), 0) FROM main.articles";

    // The two rows LinkTranslationsAsync writes for a new pair (there are no former partners to unlink).
    private const string InsertLinkSql = """
        INSERT INTO article_links (article_id, kind, target_language, target_article_id)
        VALUES (@article_id, 'translation', @target_language, @target_article_id)
        """;

    private const string InsertRevisionSql = """
        INSERT INTO article_revisions (article_id, version, saved_at, actor_user_id, actor_email, headline, slug, language,
                                       section_slug, byline, body_markdown, status, publish_at, posted_at,
                                       counterpart_article_id, external_url, external_title)
        VALUES (@article_id, @version, @saved_at, NULL, NULL, @headline, @slug, @language,
                @section_slug, @byline, @body_markdown, @status, NULL, @posted_at,
                @counterpart_article_id, NULL, NULL)
        """;

    private const string InsertRelatedSql = """
        INSERT INTO article_related (article_id, position, related_id) VALUES (@article_id, @position, @related_id)
        """;

    private const string ListSectionsSql = "SELECT slug, id FROM sections";

    private readonly SqliteConnection connection;
    private readonly SqliteCommand stageArticle;
    private readonly SqliteCommand moveStagedArticles;
    private readonly SqliteCommand clearStaging;
    private readonly SqliteCommand lastArticleId;
    private readonly SqliteCommand insertLink;
    private readonly SqliteCommand insertRevision;
    private readonly SqliteCommand insertRelated;

    public BulkArticleWriter(SqliteConnection connection)
    {
        this.connection = connection;
        using (var create = connection.CreateCommand())
        {
            create.CommandText = CreateStagingSql;
            create.ExecuteNonQuery();
        }

        stageArticle = Prepare(StageArticleSql, "@id", "@slug", "@language", "@headline", "@section_id", "@byline", "@body_markdown", "@body_html",
            "@status", "@posted_at", "@updated_at", "@created_at", "@modified_at", "@version");
        moveStagedArticles = Prepare(MoveStagedArticlesSql);
        clearStaging = Prepare(ClearStagingSql);
        lastArticleId = Prepare(LastArticleIdSql);
        insertLink = Prepare(InsertLinkSql, "@article_id", "@target_language", "@target_article_id");
        insertRelated = Prepare(InsertRelatedSql, "@article_id", "@position", "@related_id");
        insertRevision = Prepare(InsertRevisionSql, "@article_id", "@version", "@saved_at", "@headline", "@slug", "@language", "@section_slug",
            "@byline", "@body_markdown", "@status", "@posted_at", "@counterpart_article_id");
    }

    /// <summary>Section ids by slug.</summary>
    public static Dictionary<string, long> ListSections(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = ListSectionsSql;
        using var reader = command.ExecuteReader();
        var sections = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            sections[reader.GetString(0)] = reader.GetInt64(1);
        }

        return sections;
    }

    /// <summary>The commands run inside this transaction until the next call.</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        stageArticle.Transaction = transaction;
        moveStagedArticles.Transaction = transaction;
        clearStaging.Transaction = transaction;
        lastArticleId.Transaction = transaction;
        insertLink.Transaction = transaction;
        insertRevision.Transaction = transaction;
        insertRelated.Transaction = transaction;
    }

    /// <summary>Inserts the pieces in one statement and returns the id of the first; the others follow it in order.</summary>
    public long InsertArticles(IReadOnlyList<BulkArticle> articles)
    {
        var firstId = (long)lastArticleId.ExecuteScalar()! + 1;
        var p = stageArticle.Parameters;
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            p[0].Value = firstId + i;
            p[1].Value = article.Slug;
            p[2].Value = article.Language;
            p[3].Value = article.Headline;
            p[4].Value = article.SectionId;
            p[5].Value = (object?)article.Byline ?? DBNull.Value;
            p[6].Value = article.BodyMarkdown;
            p[7].Value = article.BodyHtml;
            p[8].Value = article.Status;
            p[9].Value = (object?)article.PostedAt ?? DBNull.Value;
            p[10].Value = (object?)article.UpdatedAt ?? DBNull.Value;
            p[11].Value = article.CreatedAt;
            p[12].Value = article.ModifiedAt;
            p[13].Value = article.Version;
            stageArticle.ExecuteNonQuery();
        }

        moveStagedArticles.ExecuteNonQuery();
        clearStaging.ExecuteNonQuery();
        return firstId;
    }

    /// <summary>Makes two new pieces each other's counterpart, both directions.</summary>
    public void LinkTranslations(long articleId, string articleLanguage, long counterpartId, string counterpartLanguage)
    {
        InsertLink(articleId, counterpartLanguage, counterpartId);
        InsertLink(counterpartId, articleLanguage, articleId);
    }

    public void InsertRevision(long articleId, BulkArticle article, int version, string savedAt, string sectionSlug, string bodyMarkdown, long? counterpartId)
    {
        var p = insertRevision.Parameters;
        p[0].Value = articleId;
        p[1].Value = version;
        p[2].Value = savedAt;
        p[3].Value = article.Headline;
        p[4].Value = article.Slug;
        p[5].Value = article.Language;
        p[6].Value = sectionSlug;
        p[7].Value = (object?)article.Byline ?? DBNull.Value;
        p[8].Value = bodyMarkdown;
        p[9].Value = article.Status;
        p[10].Value = (object?)article.PostedAt ?? DBNull.Value;
        p[11].Value = (object?)counterpartId ?? DBNull.Value;
        insertRevision.ExecuteNonQuery();
    }

    /// <summary>A piece's related list, best first, as the related-pieces refresh would store it (migration 011: none is one empty row).</summary>
    public void InsertRelated(long articleId, IReadOnlyList<long> relatedIds)
    {
        var p = insertRelated.Parameters;
        for (var position = 0; position < Math.Max(1, relatedIds.Count); position++)
        {
            p[0].Value = articleId;
            p[1].Value = position;
            p[2].Value = position < relatedIds.Count ? relatedIds[position] : DBNull.Value;
            insertRelated.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        insertRelated.Dispose();
        stageArticle.Dispose();
        moveStagedArticles.Dispose();
        clearStaging.Dispose();
        lastArticleId.Dispose();
        insertLink.Dispose();
        insertRevision.Dispose();
    }

    private void InsertLink(long articleId, string targetLanguage, long targetId)
    {
        var p = insertLink.Parameters;
        p[0].Value = articleId;
        p[1].Value = targetLanguage;
        p[2].Value = targetId;
        insertLink.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}

/// <summary>One row of <c>articles</c> as the bulk writer stores it (instants already formatted).</summary>
public sealed record BulkArticle(
    string Slug,
    string Language,
    string Headline,
    long SectionId,
    string? Byline,
    string BodyMarkdown,
    string BodyHtml,
    string Status,
    string? PostedAt,
    string? UpdatedAt,
    string CreatedAt,
    string ModifiedAt,
    int Version);
