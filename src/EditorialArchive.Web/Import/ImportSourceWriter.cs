using Dapper;
using EditorialArchive.Web.Data;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Import;

/// <summary>What the archive holds of an item imported before.</summary>
public sealed record ImportedState(long ArticleId, string ContentHash, long ImportedVersion, long Version, string Slug, string? PostedAt);

/// <summary>A pair of pieces the source calls translations of each other, and whether either has a counterpart already.</summary>
public sealed class TranslationPair
{
    public long EnglishId { get; init; }

    public long KoreanId { get; init; }

    public string TranslationGroup { get; init; } = "";

    public bool EnglishLinked { get; init; }

    public bool KoreanLinked { get; init; }
}

/// <summary>A translation group that is not one English and one Korean piece.</summary>
public sealed class OddTranslationGroup
{
    public string TranslationGroup { get; init; } = "";

    public long FirstSourceId { get; init; }

    public long Pieces { get; init; }
}

/// <summary>
/// The import's reads and writes of <c>import_sources</c>, <c>legacy_addresses</c> and the pieces it updates, on one
/// connection inside the import's transaction. The statements run once per item are prepared once (as in
/// <see cref="BulkArticleWriter"/>); the rare ones go through Dapper.
/// </summary>
public sealed class ImportSourceWriter : IDisposable
{
    private const string FindImportedSql = """
        SELECT i.article_id, i.content_hash, i.imported_version, a.version, a.slug, a.posted_at
        FROM import_sources i
        JOIN articles a ON a.id = i.article_id
        WHERE i.source = @source AND i.source_id = @source_id
        """;

    private const string InsertSourceSql = """
        INSERT INTO import_sources (article_id, source, source_id, guid, content_hash, imported_version, translation_group, imported_at)
        VALUES (@article_id, @source, @source_id, @guid, @content_hash, @imported_version, @translation_group, @imported_at)
        """;

    private const string InsertFormerSlugSql = """
        INSERT OR IGNORE INTO article_slugs (article_id, slug, retired_at) VALUES (@article_id, @slug, @retired_at)
        """;

    private const string InsertLegacyAddressSql = """
        INSERT INTO legacy_addresses (path, article_id) VALUES (@path, @article_id)
        ON CONFLICT (path) DO NOTHING
        RETURNING article_id
        """;

    private const string FindLegacyAddressSql = "SELECT article_id FROM legacy_addresses WHERE path = @path";

    private readonly SqliteConnection connection;
    private readonly SqliteCommand findImported;
    private readonly SqliteCommand insertSource;
    private readonly SqliteCommand insertFormerSlug;
    private readonly SqliteCommand insertLegacyAddress;
    private readonly SqliteCommand findLegacyAddress;
    private SqliteTransaction? transaction;

    public ImportSourceWriter(SqliteConnection connection)
    {
        this.connection = connection;
        findImported = Prepare(FindImportedSql, "@source", "@source_id");
        insertSource = Prepare(InsertSourceSql, "@article_id", "@source", "@source_id", "@guid", "@content_hash", "@imported_version", "@translation_group", "@imported_at");
        insertFormerSlug = Prepare(InsertFormerSlugSql, "@article_id", "@slug", "@retired_at");
        insertLegacyAddress = Prepare(InsertLegacyAddressSql, "@path", "@article_id");
        findLegacyAddress = Prepare(FindLegacyAddressSql, "@path");
    }

    public void Enlist(SqliteTransaction transaction)
    {
        this.transaction = transaction;
        foreach (var command in new[] { findImported, insertSource, insertFormerSlug, insertLegacyAddress, findLegacyAddress })
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>The piece an earlier import made of this item, or null.</summary>
    public ImportedState? FindImported(string source, long sourceId)
    {
        findImported.Parameters[0].Value = source;
        findImported.Parameters[1].Value = sourceId;
        using var reader = findImported.ExecuteReader();
        return reader.Read()
            ? new ImportedState(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5))
            : null;
    }

    public void InsertSource(long articleId, string source, ImportedPiece piece, long importedVersion, string now)
    {
        var p = insertSource.Parameters;
        p[0].Value = articleId;
        p[1].Value = source;
        p[2].Value = piece.SourceId;
        p[3].Value = (object?)piece.Guid ?? DBNull.Value;
        p[4].Value = piece.ContentHash;
        p[5].Value = importedVersion;
        p[6].Value = (object?)piece.TranslationGroup ?? DBNull.Value;
        p[7].Value = now;
        insertSource.ExecuteNonQuery();
    }

    /// <summary>Keeps a slug the piece had on the old site, so that it answers with a 301 (as the desk's retired slugs do).</summary>
    public void InsertFormerSlug(long articleId, string slug, string now)
    {
        var p = insertFormerSlug.Parameters;
        p[0].Value = articleId;
        p[1].Value = slug;
        p[2].Value = now;
        insertFormerSlug.ExecuteNonQuery();
    }

    /// <summary>Records an old address of the piece; returns the piece that already holds it when another one does.</summary>
    public long? InsertLegacyAddress(string path, long articleId)
    {
        insertLegacyAddress.Parameters[0].Value = path;
        insertLegacyAddress.Parameters[1].Value = articleId;
        if (insertLegacyAddress.ExecuteScalar() is long)
        {
            return null;
        }

        findLegacyAddress.Parameters[0].Value = path;
        var holder = (long)findLegacyAddress.ExecuteScalar()!;
        return holder == articleId ? null : holder;
    }

    private const string SetPublishAtSql = "UPDATE articles SET publish_at = @PublishAt WHERE id = @Id";

    /// <summary>The scheduled time of a new piece (the bulk writer stores pieces without one).</summary>
    public void SetPublishAt(long articleId, string publishAt) =>
        connection.Execute(SetPublishAtSql, new { Id = articleId, PublishAt = publishAt }, transaction);

    private const string UpdatePieceSql = """
        UPDATE articles
        SET slug = @Slug, language = @Language, headline = @Headline,
            section_id = (SELECT s.id FROM sections s WHERE s.slug = @SectionSlug), byline = @Byline,
            body_markdown = @BodyMarkdown, body_html = @BodyHtml, status = @Status, publish_at = @PublishAt,
            posted_at = @PostedAt, updated_at = @UpdatedAt, modified_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    /// <summary>Stores the newer state of an imported piece over version <paramref name="version"/>; false when it moved meanwhile.</summary>
    public bool UpdatePiece(long articleId, long version, ImportedPiece piece, string bodyHtml, string now) =>
        connection.Execute(UpdatePieceSql, new
        {
            Id = articleId,
            Version = version,
            piece.Slug,
            piece.Language,
            piece.Headline,
            piece.SectionSlug,
            piece.Byline,
            piece.BodyMarkdown,
            BodyHtml = bodyHtml,
            piece.Status,
            PublishAt = Format(piece.PublishAt),
            PostedAt = Format(piece.PostedAt),
            UpdatedAt = Format(piece.UpdatedAt),
            Now = now,
        }, transaction) == 1;

    private const string UpdateSourceSql = """
        UPDATE import_sources
        SET guid = @Guid, content_hash = @ContentHash, imported_version = @Version, translation_group = @TranslationGroup, imported_at = @Now
        WHERE article_id = @Id
        """;

    public void UpdateSource(long articleId, ImportedPiece piece, long version, string now) =>
        connection.Execute(UpdateSourceSql, new { Id = articleId, piece.Guid, piece.ContentHash, Version = version, piece.TranslationGroup, Now = now }, transaction);

    private const string ListUnlinkedTranslationPairsSql = """
        SELECT e.article_id AS english_id, k.article_id AS korean_id, e.translation_group,
               CAST(EXISTS (SELECT 1 FROM article_links l WHERE l.article_id = e.article_id AND l.kind = 'translation') AS INTEGER) AS english_linked,
               CAST(EXISTS (SELECT 1 FROM article_links l WHERE l.article_id = k.article_id AND l.kind = 'translation') AS INTEGER) AS korean_linked
        FROM import_sources e
        JOIN articles ea ON ea.id = e.article_id AND ea.language = 'en'
        JOIN import_sources k ON k.source = e.source AND k.translation_group = e.translation_group AND k.article_id <> e.article_id
        JOIN articles ka ON ka.id = k.article_id AND ka.language = 'ko'
        WHERE e.source = @Source AND e.translation_group IS NOT NULL
          AND (SELECT count(*) FROM import_sources g WHERE g.source = e.source AND g.translation_group = e.translation_group) = 2
          AND NOT EXISTS (SELECT 1 FROM article_links l
                          WHERE l.article_id = e.article_id AND l.kind = 'translation' AND l.target_article_id = k.article_id)
        ORDER BY e.article_id
        """;

    /// <summary>The source's translation groups of one English and one Korean piece that are not yet linked to each other.</summary>
    public IReadOnlyList<TranslationPair> ListUnlinkedTranslationPairs(string source) =>
        connection.Query<TranslationPair>(ListUnlinkedTranslationPairsSql, new { Source = source }, transaction).AsList();

    private const string ListOddTranslationGroupsSql = """
        SELECT i.translation_group, min(i.source_id) AS first_source_id, count(*) AS pieces
        FROM import_sources i
        JOIN articles a ON a.id = i.article_id
        WHERE i.source = @Source AND i.translation_group IS NOT NULL
        GROUP BY i.translation_group
        HAVING count(*) <> 2 OR count(DISTINCT a.language) <> 2
        """;

    /// <summary>Translation groups that are not one English and one Korean piece (the archive links pairs only).</summary>
    public IReadOnlyList<OddTranslationGroup> ListOddTranslationGroups(string source) =>
        connection.Query<OddTranslationGroup>(ListOddTranslationGroupsSql, new { Source = source }, transaction).AsList();

    private const string InsertTranslationLinksSql = """
        INSERT INTO article_links (article_id, kind, target_language, target_article_id) VALUES
            (@EnglishId, 'translation', 'ko', @KoreanId),
            (@KoreanId, 'translation', 'en', @EnglishId)
        """;

    /// <summary>Makes two pieces, neither of which has a counterpart, each other's (both directions).</summary>
    public void InsertTranslationLinks(long englishId, long koreanId) =>
        connection.Execute(InsertTranslationLinksSql, new { EnglishId = englishId, KoreanId = koreanId }, transaction);

    public void Dispose()
    {
        findImported.Dispose();
        insertSource.Dispose();
        insertFormerSlug.Dispose();
        insertLegacyAddress.Dispose();
        findLegacyAddress.Dispose();
    }

    private static string? Format(DateTimeOffset? instant) => instant is { } value ? UtcInstant.Format(value) : null;

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
