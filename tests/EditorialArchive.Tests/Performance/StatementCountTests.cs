using System.Net;
using System.Text.RegularExpressions;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;

namespace EditorialArchive.Tests.Performance;

/// <summary>
/// Every page costs a fixed, small number of SQL statements, however many pieces it shows (no N+1 queries). Each
/// measured request is the first one for its address, so it misses the output cache and renders from the database.
/// (The page cache's change watch reads on its own connection, which this count does not see.)
/// </summary>
public sealed partial class StatementCountTests(StatementCountTests.App app) : IClassFixture<StatementCountTests.App>
{
    /// <summary>The seeds, 25 English columns by one hand in April 1990, 5 Korean letters by another in March 1990 and a lone English letter.</summary>
    public sealed class App : StatementCountingAppFactory
    {
        public const string ManyByline = "Many Hands";
        public const string FewByline = "Few Hands";
        private readonly SemaphoreSlim seeding = new(1, 1);
        private bool seeded;

        // Small sitemap chunks, so that one holds 10 pieces and another 5.
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Seo:SitemapChunkSize", "10")];

        public string ManyArticleUrl { get; private set; } = "";

        public string LoneArticleUrl { get; private set; } = "";

        public async Task EnsureSeededAsync()
        {
            await seeding.WaitAsync();
            try
            {
                if (seeded)
                {
                    return;
                }

                var many = new List<long>();
                for (var day = 1; day <= 25; day++)
                {
                    many.Add(await TestPieces.InsertAsync(
                        this, $"Zeppelin note {day}", postedAt: new DateTimeOffset(1990, 4, day, 3, 0, 0, TimeSpan.Zero), section: "column", byline: ManyByline));
                }

                var few = new List<long>();
                for (var day = 1; day <= 5; day++)
                {
                    few.Add(await TestPieces.InsertAsync(
                        this, $"Quinoa 편지 {day}", Languages.Korean, postedAt: new DateTimeOffset(1990, 3, day, 3, 0, 0, TimeSpan.Zero), section: "letters", byline: FewByline));
                }

                var lone = await TestPieces.InsertAsync(this, "Solitary missive", postedAt: new DateTimeOffset(1989, 1, 1, 3, 0, 0, TimeSpan.Zero), section: "letters");
                await TestPieces.LinkAsync(this, many[9], few[0]);
                // Counted pages read stored related lists; a piece still waiting for its first one also asks the index.
                await TestPieces.RefreshRelatedAsync(this);
                ManyArticleUrl = ArticleUrls.Article(Languages.English, many[9], "zeppelin-note-10");
                LoneArticleUrl = ArticleUrls.Article(Languages.English, lone, "solitary-missive");
                seeded = true;
            }
            finally
            {
                seeding.Release();
            }
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                seeding.Dispose();
            }
        }
    }

    [Theory]
    // Front pages: the Korean edition shows 7 pieces, the English one a full page of 20.
    [InlineData("/ko/", "/en/", 3)]
    [InlineData("/ko/sections/letters", "/en/sections/column", 3)]
    [InlineData("/ko/archive/1990/03", "/en/archive/1990/04", 2)]
    [InlineData("/ko/bylines/Few%20Hands", "/en/bylines/Many%20Hands", 2)]
    // A word that may be a fragment: whole-word probe, the newest pieces' index (too few there), the whole index.
    [InlineData("/ko/search?q=Quinoa", "/en/search?q=Zeppelin", 5)]
    [InlineData("/ko/rss.xml", "/en/rss.xml", 2)]
    [InlineData("/ko/sections/letters/atom.xml", "/en/sections/column/atom.xml", 3)]
    // Ids 1–5 are the seeds, 6–30 the English columns, 31–35 the Korean letters.
    [InlineData("/sitemaps/articles-4.xml", "/sitemaps/articles-2.xml", 2)]
    public async Task A_page_costs_the_same_few_statements_whether_it_shows_few_pieces_or_many(string fewUrl, string manyUrl, int expected)
    {
        await app.EnsureSeededAsync();
        using var client = app.CreateBrowserlessClient();

        var (fewItems, fewStatements) = await CountAsync(client, fewUrl);
        var (manyItems, manyStatements) = await CountAsync(client, manyUrl);

        Assert.True(fewItems < manyItems, $"{fewUrl} shows {fewItems} pieces, {manyUrl} {manyItems}");
        Assert.True(expected == fewStatements.Count, Describe(fewUrl, expected, fewStatements));
        Assert.True(expected == manyStatements.Count, Describe(manyUrl, expected, manyStatements));
    }

    [Fact]
    public async Task An_article_page_costs_the_same_statements_with_or_without_neighbours_related_pieces_and_a_counterpart()
    {
        await app.EnsureSeededAsync();
        using var client = app.CreateBrowserlessClient();

        var (_, lone) = await CountAsync(client, app.LoneArticleUrl);
        var (_, linked) = await CountAsync(client, app.ManyArticleUrl);

        Assert.True(lone.Count == 4, Describe(app.LoneArticleUrl, 4, lone));
        Assert.True(linked.Count == 4, Describe(app.ManyArticleUrl, 4, linked));
    }

    [Fact]
    public async Task The_sitemap_index_costs_three_statements()
    {
        await app.EnsureSeededAsync();
        using var client = app.CreateBrowserlessClient();

        var (chunks, statements) = await CountAsync(client, "/sitemap.xml");

        Assert.Equal(5, chunks);
        Assert.True(statements.Count == 2, Describe("/sitemap.xml", 2, statements));
    }

    [Fact]
    public async Task The_desk_list_costs_the_same_statements_for_5_pieces_as_for_all_36()
    {
        await app.EnsureSeededAsync();
        await Editors.CreateAsync(app, "counted@example.com");
        using var client = await Editors.SignedInAsync(app, "counted@example.com");

        var (fewRows, few) = await CountAsync(client, "/admin?q=Quinoa");
        var (allRows, all) = await CountAsync(client, "/admin");

        Assert.Equal((5, 36), (fewRows, allRows));
        Assert.True(few.Count == 3, Describe("/admin?q=Quinoa", 3, few));
        Assert.True(all.Count == 3, Describe("/admin", 3, all));
    }

    /// <summary>The statements one uncached request runs, and how many pieces (list items, feed items, URLs, desk rows) it shows.</summary>
    private async Task<(int Items, IReadOnlyList<string> Statements)> CountAsync(HttpClient client, string url)
    {
        var (body, statements) = await app.Statements.RecordAsync(async () =>
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.True(response.Headers.Age is null, $"{url} came from the output cache");
            return await response.Content.ReadAsStringAsync();
        });
        return (ItemPattern().Count(body), statements);
    }

    private static string Describe(string url, int expected, IReadOnlyList<string> statements) =>
        $"{url}: expected {expected} statements, ran {statements.Count}:\n{string.Join("\n---\n", statements)}";

    // A piece in a list, an item or entry in a feed, a URL in a sitemap or a row of the desk's table.
    [GeneratedRegex("""class="piece-item-meta"|<item>|<entry>|<url>|<sitemap>|<tr data-id=""", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPattern();
}
