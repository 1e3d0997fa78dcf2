using System.Net;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Generation;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialArchive.Tests.Generation;

/// <summary>
/// The generate verb's generator on 300 pieces in batches of 128 (so ids, pairs and the search index cross batch
/// boundaries): rows, links, revisions, search index and counts as the app keeps them.
/// </summary>
public sealed class ArchiveGeneratorTests : IClassFixture<ArchiveGeneratorTests.GeneratedArchive>
{
    private const int Count = 300;
    private const int BatchSize = 128;
    private readonly GeneratedArchive archive;

    public ArchiveGeneratorTests(GeneratedArchive archive) => this.archive = archive;

    /// <summary>The app over a database filled by the generator before the app first starts (so no seeds are imported).</summary>
    public sealed class GeneratedArchive : ArchiveAppFactory
    {
        public GeneratedArchive()
        {
            var connections = new SqliteConnectionFactory($"Data Source={DatabasePath}");
            new MigrationRunner(connections, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadEmbedded(), CancellationToken.None).GetAwaiter().GetResult();
            Written = new ArchiveGenerator(connections, new MarkdownRenderer(), TimeProvider.System, BatchSize)
                .GenerateAsync(Count, seed: 7, progress: null, CancellationToken.None).GetAwaiter().GetResult();
            Connections = connections;
        }

        public long Written { get; }

        public SqliteConnectionFactory Connections { get; }
    }

    [Fact]
    public async Task Writes_the_requested_pieces_in_both_languages_and_every_section_with_400_to_1200_words()
    {
        await using var connection = await archive.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(Count, archive.Written);
        Assert.Equal(Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles"));
        Assert.Equal(["en", "ko"], await connection.QueryAsync<string>("SELECT DISTINCT language FROM articles ORDER BY 1"));
        Assert.Equal(4, await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT section_id) FROM articles"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM articles s JOIN sections x ON x.id = s.section_id WHERE (x.slug = 'editorial') <> (s.byline IS NULL)"));
        var words = (await connection.QueryAsync<string>("SELECT body_markdown FROM articles WHERE version = 1"))
            .Select(b => b.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length).ToList();
        Assert.InRange(words.Min(), 400, 1_230);
        Assert.InRange(words.Max(), 400, 1_230);
        var span = await connection.QuerySingleAsync<(string First, string Last)>("SELECT min(posted_at), max(posted_at) FROM articles");
        Assert.True(DateTimeOffset.Parse(span.Last, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse(span.First, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.FromDays(365 * 24));
    }

    [Fact]
    public async Task Counterparts_link_both_ways_and_edited_pieces_keep_two_revisions()
    {
        await using var connection = await archive.Connections.OpenAsync(CancellationToken.None);
        var links = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM article_links");
        Assert.True(links >= 20, $"only {links} links");
        Assert.Equal(links, await connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM article_links l
            JOIN article_links back ON back.article_id = l.target_article_id AND back.target_article_id = l.article_id
            JOIN articles a ON a.id = l.article_id JOIN articles b ON b.id = l.target_article_id
            WHERE a.language <> b.language AND back.target_language = a.language AND l.target_language = b.language
            """));
        var edited = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles WHERE version = 2");
        Assert.True(edited > 0);
        Assert.Equal(edited * 2, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM article_revisions"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM article_revisions r JOIN articles a ON a.id = r.article_id WHERE r.version = 2 AND r.body_markdown <> a.body_markdown"));
    }

    [Fact]
    public async Task Search_index_month_counts_and_change_counter_are_what_the_triggers_make()
    {
        await using var connection = await archive.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("INSERT INTO article_search (article_search) VALUES ('integrity-check')");
        Assert.Equal(Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM article_search_docsize"));
        var withWord = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM articles WHERE headline || ' ' || coalesce(byline, '') || ' ' || body_markdown LIKE '%정부%'");
        Assert.True(withWord > 0);
        Assert.Equal(withWord, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM article_search WHERE article_search MATCH 'grams : \"정부\"'"));
        var published = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles WHERE status = 'published'");
        Assert.Equal(published, await connection.ExecuteScalarAsync<long>("SELECT sum(count) FROM archive_month_counts"));
        var links = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM article_links");
        Assert.Equal(1 + Count + links, await connection.ExecuteScalarAsync<long>("SELECT version FROM archive_changes"));
    }

    [Fact]
    public async Task The_search_index_holds_exactly_the_tokens_the_insert_trigger_makes_from_the_rows()
    {
        // The generator hands the trigger precomputed text and writes a batch per statement; a reference index built
        // from the stored rows by the trigger's own expressions must hold the same tokens at the same positions.
        await using var connection = await archive.Connections.OpenAsync(CancellationToken.None);
        var definition = await connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_schema WHERE name = 'article_search'");
        await connection.ExecuteAsync(definition!.Replace("CREATE VIRTUAL TABLE article_search", "CREATE VIRTUAL TABLE temp.reference_search", StringComparison.Ordinal));
        await connection.ExecuteAsync("""
            INSERT INTO temp.reference_search (rowid, headline, byline, body, grams)
            SELECT t.id, t.headline, t.byline, t.body,
                   archive_hangul_bigrams(t.headline || char(10) || t.byline || char(10) || t.body)
            FROM (SELECT id, archive_nfc(headline) AS headline, archive_nfc(coalesce(byline, '')) AS byline,
                         archive_plain_text(body_markdown) AS body
                  FROM articles) AS t
            """);
        await connection.ExecuteAsync("CREATE VIRTUAL TABLE temp.generated_tokens USING fts5vocab(main, article_search, instance)");
        await connection.ExecuteAsync("CREATE VIRTUAL TABLE temp.reference_tokens USING fts5vocab(temp, reference_search, instance)");

        var tokens = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM temp.reference_tokens");
        Assert.True(tokens > Count * 400, $"only {tokens} tokens");
        Assert.Equal(tokens, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM temp.generated_tokens"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM (SELECT term, doc, col, offset FROM temp.generated_tokens
                                  EXCEPT SELECT term, doc, col, offset FROM temp.reference_tokens)
            """));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM (SELECT id, sz FROM main.article_search_docsize
                                  EXCEPT SELECT id, sz FROM temp.reference_search_docsize)
            """));
    }

    [Fact]
    public async Task The_same_seed_makes_the_same_archive_and_another_seed_another()
    {
        static async Task<List<string>> GenerateAsync(int seed)
        {
            using var database = new TempDatabase();
            var connections = database.CreateFactory();
            await new MigrationRunner(connections, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadEmbedded(), CancellationToken.None);
            await new ArchiveGenerator(connections, new MarkdownRenderer(), TimeProvider.System, batchSize: 16)
                .GenerateAsync(40, seed, progress: null, CancellationToken.None);
            await using var connection = await connections.OpenAsync(CancellationToken.None);
            return (await connection.QueryAsync<string>(
                "SELECT language || '|' || headline || '|' || coalesce(byline, '') || '|' || body_markdown FROM articles ORDER BY id")).ToList();
        }

        var first = await GenerateAsync(3);
        Assert.Equal(40, first.Count);
        Assert.Equal(first, await GenerateAsync(3));
        Assert.NotEqual(first, await GenerateAsync(4));
    }

    [Fact]
    public async Task The_file_ends_as_the_app_opens_it_with_the_index_in_one_segment()
    {
        await using var connection = await archive.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        // The load's merge and hash settings are gone: the app's own writes use FTS5's defaults.
        Assert.Equal(["rank", "version"], await connection.QueryAsync<string>("SELECT k FROM article_search_config ORDER BY k"));
        // 'optimize' left one segment (a segment's id is the high bits of its pages' rowids in article_search_data).
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT id >> 37) FROM article_search_data WHERE id >= 1 << 37"));
    }

    [Fact]
    public async Task Search_finds_korean_bigrams_inside_words_and_english_stems()
    {
        await using var connection = await archive.Connections.OpenAsync(CancellationToken.None);
        // 부가 occurs only where a noun ending in 부 takes the particle 가 (정부가): only the grams column finds it.
        var bigram = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM articles WHERE headline || ' ' || coalesce(byline, '') || ' ' || body_markdown LIKE '%부가%'");
        Assert.True(bigram > 0);
        Assert.Equal(bigram, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM article_search WHERE article_search MATCH 'grams : \"부가\"'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM article_search WHERE article_search MATCH 'body : \"부가\"'"));
        // Porter stems: government and governing both index as govern.
        var stem = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM article_search WHERE article_search MATCH 'body : government'");
        Assert.True(stem > 0);
        Assert.Equal(stem, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM article_search WHERE article_search MATCH 'body : governing'"));
    }

    [Fact]
    public async Task The_app_serves_the_generated_archive()
    {
        using var client = archive.CreateBrowserlessClient();
        var front = await Html.GetAsync(client, "/ko/");
        var first = front.QuerySelector(".piece-item-headline a")!.GetAttribute("href")!;
        using var article = await client.GetAsync(first);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        var results = await Html.GetAsync(client, "/ko/search?q=" + Uri.EscapeDataString("정부"));
        Assert.Equal(20, results.QuerySelectorAll(".search-results > li").Length);
        Assert.All(results.QuerySelectorAll(".search-results > li .search-snippet"), s => Assert.Contains("정부", s.TextContent, StringComparison.Ordinal));
    }
    [Fact]
    public async Task Every_published_piece_gets_a_stored_related_list_of_earlier_pieces_of_its_language_sharing_a_headline_word()
    {
        await using var connection = await archive.Connections.OpenAsync(CancellationToken.None);
        var pairs = (await connection.QueryAsync<(long Id, string Language, string Headline, long RelatedId, string RelatedLanguage, string RelatedHeadline)>("""
            SELECT a.id, a.language, a.headline, b.id, b.language, b.headline
            FROM article_related r JOIN articles a ON a.id = r.article_id JOIN articles b ON b.id = r.related_id
            """)).AsList();
        var listed = await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT article_id) FROM article_related");
        var published = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles WHERE status = 'published'");
        var withList = pairs.Select(p => p.Id).Distinct().Count();

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM article_related_pending"));
        Assert.Equal(published, listed);
        Assert.True(withList > published * 9 / 10, $"{withList} of {published} published pieces have a related list");
        Assert.All(pairs, p =>
        {
            Assert.Equal(p.Language, p.RelatedLanguage);
            Assert.True(p.RelatedId < p.Id, $"{p.Id} lists the later piece {p.RelatedId}");
            Assert.True(SharesAWord(p.Language, p.Headline, p.RelatedHeadline), $"'{p.Headline}' and its related '{p.RelatedHeadline}' share no word");
        });
    }

    private static bool SharesAWord(string language, string a, string b)
    {
        IEnumerable<string> Words(string headline) => headline.Split(' ')
            .Select(w => new string([.. w.Where(char.IsLetter)]))
            .Where(w => w.Length >= (language == Languages.Korean ? 2 : 3))
            .Select(w => language == Languages.Korean ? w[..2] : w.ToLowerInvariant());
        return Words(a).Intersect(Words(b)).Any();
    }
}
