using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Writes many pieces through prepared commands reused for every row (the generator's hot loop). The rows go into
/// the same tables through the same triggers as the desk's writes, so the search index, month counts and change
/// counters end up exactly as if each piece had been saved through the app.
/// </summary>
public sealed class BulkArticleWriter : IDisposable
{
    private const string InsertArticleSql = """
        INSERT INTO articles (slug, language, headline, section_id, byline, body_markdown, body_html, status,
                              posted_at, updated_at, created_at, modified_at, version)
        VALUES (@slug, @language, @headline, @section_id, @byline, @body_markdown, @body_html, @status,
                @posted_at, @updated_at, @created_at, @modified_at, @version)
        RETURNING id
        """;

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

    private const string ListSectionsSql = "SELECT slug, id FROM sections";

    private readonly SqliteConnection connection;
    private readonly SqliteCommand insertArticle;
    private readonly SqliteCommand insertLink;
    private readonly SqliteCommand insertRevision;

    public BulkArticleWriter(SqliteConnection connection)
    {
        this.connection = connection;
        insertArticle = Prepare(InsertArticleSql, "@slug", "@language", "@headline", "@section_id", "@byline", "@body_markdown", "@body_html",
            "@status", "@posted_at", "@updated_at", "@created_at", "@modified_at", "@version");
        insertLink = Prepare(InsertLinkSql, "@article_id", "@target_language", "@target_article_id");
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
        insertArticle.Transaction = transaction;
        insertLink.Transaction = transaction;
        insertRevision.Transaction = transaction;
    }

    public long InsertArticle(BulkArticle article)
    {
        var p = insertArticle.Parameters;
        p[0].Value = article.Slug;
        p[1].Value = article.Language;
        p[2].Value = article.Headline;
        p[3].Value = article.SectionId;
        p[4].Value = (object?)article.Byline ?? DBNull.Value;
        p[5].Value = article.BodyMarkdown;
        p[6].Value = article.BodyHtml;
        p[7].Value = article.Status;
        p[8].Value = (object?)article.PostedAt ?? DBNull.Value;
        p[9].Value = (object?)article.UpdatedAt ?? DBNull.Value;
        p[10].Value = article.CreatedAt;
        p[11].Value = article.ModifiedAt;
        p[12].Value = article.Version;
        return (long)insertArticle.ExecuteScalar()!;
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

    public void Dispose()
    {
        insertArticle.Dispose();
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
