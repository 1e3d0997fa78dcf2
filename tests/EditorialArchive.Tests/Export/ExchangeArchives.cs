using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Export;
using EditorialArchive.Web.Generation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialArchive.Tests.Export;

/// <summary>Exports and imports through the real exporter and importer, on real SQLite files.</summary>
public static class Exchange
{
    public static SqliteConnectionFactory Connections(string path) => new($"Data Source={path}");

    public static async Task MigrateAsync(SqliteConnectionFactory connections) =>
        await new MigrationRunner(connections, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadEmbedded(), CancellationToken.None);

    public static async Task<byte[]> ExportAsync(SqliteConnectionFactory connections, bool withAccounts = false)
    {
        using var output = new MemoryStream();
        await new NdjsonExporter(connections).ExportAsync(output, withAccounts, CancellationToken.None);
        return output.ToArray();
    }

    /// <summary>Migrates the target (as the verb does) and imports the bytes into it.</summary>
    public static async Task<ImportSummary> ImportAsync(SqliteConnectionFactory target, byte[] export)
    {
        await MigrateAsync(target);
        using var input = new MemoryStream(export);
        return await new NdjsonImporter(target, new PasswordHasher<EditorAccount>()).ImportAsync(input, CancellationToken.None);
    }
}

/// <summary>
/// A generated archive (both languages, counterpart pairs, revisions) given what the generator does not make: a piece
/// in every status, corrections, former slugs, an external counterpart link, accounts, audit entries with and without
/// an actor, and text that needs escaping. The app serves it.
/// </summary>
public sealed class SourceArchive : ArchiveAppFactory
{
    public const string AdminPassword = "correct horse battery staple";

    public SourceArchive()
    {
        Connections = Exchange.Connections(DatabasePath);
        Exchange.MigrateAsync(Connections).GetAwaiter().GetResult();
        new ArchiveGenerator(Connections, new MarkdownRenderer(), TimeProvider.System, batchSize: 50)
            .GenerateAsync(120, seed: 11, progress: null, CancellationToken.None).GetAwaiter().GetResult();
        AddWhatTheGeneratorLeavesOut().GetAwaiter().GetResult();
    }

    public SqliteConnectionFactory Connections { get; }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Archive:ImportSeeds", "false")];

    private async Task AddWhatTheGeneratorLeavesOut()
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        var hasher = new PasswordHasher<EditorAccount>();
        var published = (await connection.QueryAsync<long>("SELECT id FROM articles WHERE status = 'published' ORDER BY id LIMIT 8")).ToList();
        await connection.ExecuteAsync("""
            UPDATE articles SET status = 'draft', posted_at = NULL, updated_at = NULL WHERE id = @Draft;
            UPDATE articles SET status = 'scheduled', publish_at = '2031-01-01T00:00:00Z', posted_at = NULL, updated_at = NULL WHERE id = @Scheduled;
            UPDATE articles SET status = 'unpublished' WHERE id = @Unpublished;
            UPDATE articles SET status = 'trashed' WHERE id = @Trashed;
            UPDATE articles SET headline = 'Quotes " and \ a backslash,' || char(9) || 'a tab, an emoji 😀, </script> & 한국어 "인용"',
                                byline = 'Line' || char(10) || 'break' WHERE id = @Escaped;
            INSERT INTO users (id, email, display_name, role, password_hash, is_disabled, failed_sign_ins, locked_until, security_stamp, created_at, updated_at)
            VALUES (1, 'admin@example.test', 'Admin', 'admin', @AdminHash, 0, 0, NULL, 'stamp-1', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'),
                   (2, 'former@example.test', 'Former Editor', 'editor', @EditorHash, 1, 3, '2026-02-01T00:00:00Z', 'stamp-2', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z');
            INSERT INTO audit_log (occurred_at, actor_user_id, actor_email, action, target_type, target_id, detail, remote_ip)
            VALUES ('2026-01-05T00:00:00Z', 1, 'admin@example.test', 'article.publish', 'article', @Corrected, 'detail with "quotes"', '127.0.0.1'),
                   ('2026-01-06T00:00:00Z', NULL, 'nobody@example.test', 'sign-in.failed', NULL, NULL, 'unknown email', '::1');
            INSERT INTO article_corrections (article_id, noted_at, note)
            VALUES (@Corrected, '2026-01-07T00:00:00Z', 'An earlier version misnamed the ministry.'),
                   (@Corrected, '2026-01-08T00:00:00Z', '날짜를 바로잡았습니다.');
            INSERT INTO article_slugs (article_id, slug, retired_at)
            VALUES (@Corrected, 'an-older-slug', '2026-01-07T00:00:00Z'), (@Corrected, 'the-first-slug', '2026-01-06T00:00:00Z');
            INSERT INTO article_links (article_id, kind, target_language, target_article_id, external_url, external_title)
            SELECT id, 'translation', CASE language WHEN 'en' THEN 'ko' ELSE 'en' END, NULL, 'https://example.com/original?a=1&b=2', 'The original'
            FROM articles WHERE status = 'published' AND id NOT IN (SELECT article_id FROM article_links) ORDER BY id LIMIT 1;
            INSERT INTO article_revisions (article_id, version, saved_at, actor_user_id, actor_email, headline, slug, language, section_slug, byline,
                                           body_markdown, status, publish_at, posted_at, counterpart_article_id, external_url, external_title)
            SELECT id, 1, modified_at, 1, 'admin@example.test', headline, slug, language, 'editorial', byline, body_markdown, status, publish_at,
                   posted_at, NULL, NULL, NULL
            FROM articles WHERE id = @Scheduled;
            INSERT INTO import_sources (article_id, source, source_id, guid, content_hash, imported_version, translation_group, imported_at)
            VALUES (@Corrected, 'https://opinion.example.kr', 101, 'https://opinion.example.kr/?p=101', '0123456789abcdef0123456789abcdef', 1, 'pll_1', '2026-01-09T00:00:00Z');
            INSERT INTO legacy_addresses (path, article_id) VALUES ('/2023/05/심야버스', @Corrected), ('/?p=101', @Corrected);
            """,
            new
            {
                Draft = published[0],
                Scheduled = published[1],
                Unpublished = published[2],
                Trashed = published[3],
                Escaped = published[4],
                Corrected = published[5],
                AdminHash = hasher.HashPassword(new EditorAccount(), AdminPassword),
                EditorHash = hasher.HashPassword(new EditorAccount(), "another long password"),
            });
        CorrectedId = published[5];
        EscapedId = published[4];
    }

    /// <summary>A published piece with corrections and former slugs.</summary>
    public long CorrectedId { get; private set; }

    /// <summary>A published piece whose headline and byline need escaping in JSON.</summary>
    public long EscapedId { get; private set; }
}

/// <summary>The app over a database that an export was imported into.</summary>
public sealed class ImportedArchive : ArchiveAppFactory
{
    public SqliteConnectionFactory Connections => Exchange.Connections(DatabasePath);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Archive:ImportSeeds", "false")];
}
