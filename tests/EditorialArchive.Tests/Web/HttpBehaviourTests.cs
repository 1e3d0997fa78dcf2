using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;

namespace EditorialArchive.Tests.Web;

/// <summary>Validators and 304s, 410 for withdrawn pieces, canonical-form 301s, HEAD and compression.</summary>
public sealed class HttpBehaviourTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    private const string SeedPath = "/en/articles/1/s-korea-should-prepare-for-u-s-n-korea-potential-developments";

    private async Task<HttpResponseMessage> GetAsync(string url, Action<HttpRequestHeaders>? headers = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        return await app.CreateBrowserlessClient().SendAsync(request);
    }

    [Theory]
    [InlineData(SeedPath)]
    [InlineData("/en/")]
    [InlineData("/en/archive")]
    [InlineData("/en/archive/2023")]
    [InlineData("/en/archive/2023/12")]
    [InlineData("/en/sections/editorial")]
    [InlineData("/ko/search?q=%EB%B6%81%ED%95%9C")]
    [InlineData("/sitemap.xml")]
    [InlineData("/sitemaps/articles-1.xml")]
    [InlineData("/news-sitemap.xml")]
    [InlineData("/ko/atom.xml")]
    [InlineData("/en/sections/editorial/rss.xml")]
    [InlineData("/robots.txt")]
    public async Task Public_responses_carry_validators_and_answer_304_to_a_current_copy(string url)
    {
        using var first = await GetAsync(url);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var byTag = await GetAsync(url, h => h.IfNoneMatch.Add(etag));
        using var byDate = await GetAsync(url, h => h.IfModifiedSince = lastModified);
        using var stale = await GetAsync(url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(etag.IsWeak);
        Assert.Matches("^\"[0-9a-f]{32}\"$", etag.Tag);
        Assert.Equal("public, max-age=60, stale-while-revalidate=300", first.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, byTag.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task Editing_a_piece_changes_its_etag_and_its_counterparts_but_not_the_other_editions_front_page()
    {
        var english = await TestPieces.InsertAsync(app, "Validators english");
        var korean = await TestPieces.InsertAsync(app, "검증기 한국어", Languages.Korean);
        await TestPieces.LinkAsync(app, english, korean);
        var englishUrl = ArticleUrls.Article(Languages.English, english, "validators-english");
        var koreanUrl = ArticleUrls.Article(Languages.Korean, korean, "검증기-한국어");
        using var englishBefore = await GetAsync(englishUrl);
        using var koreanBefore = await GetAsync(koreanUrl);
        using var homeBefore = await GetAsync("/en/");

        await TestPieces.UpdateAsync(app, korean, headline: "검증기 한국어 (수정)");

        using var englishAfter = await GetAsync(englishUrl, h => h.IfNoneMatch.Add(englishBefore.Headers.ETag!));
        using var koreanAfter = await GetAsync(koreanUrl, h => h.IfNoneMatch.Add(koreanBefore.Headers.ETag!));
        using var homeAfter = await GetAsync("/en/", h => h.IfNoneMatch.Add(homeBefore.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, englishAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, koreanAfter.StatusCode);
        // The English front page does not show the Korean piece: its cached copy, and the client's, stay current.
        Assert.Equal(HttpStatusCode.NotModified, homeAfter.StatusCode);
        Assert.NotEqual(koreanBefore.Headers.ETag, koreanAfter.Headers.ETag);
        Assert.True(koreanAfter.Content.Headers.LastModified > koreanBefore.Content.Headers.LastModified);
        Assert.Equal("검증기 한국어 (수정)", (await Html.ParseAsync(koreanAfter)).Single("h1").Text());
    }

    [Fact]
    public async Task A_body_edit_elsewhere_keeps_an_articles_etag_but_a_new_headline_elsewhere_does_not()
    {
        // Posted a minute after the seed piece, in its section: the seed's page links to it as the newer piece.
        var other = await TestPieces.InsertAsync(app, "Neighbouring piece", postedAt: new DateTimeOffset(2023, 12, 14, 23, 10, 0, TimeSpan.Zero));
        using var before = await GetAsync(SeedPath);

        await TestPieces.UpdateAsync(app, other, body: "A corrected first paragraph.");
        using var afterBodyEdit = await GetAsync(SeedPath, h => h.IfNoneMatch.Add(before.Headers.ETag!));
        using var listBodyEdit = await GetAsync("/en/rss.xml");
        await TestPieces.UpdateAsync(app, other, headline: "Neighbouring piece, retitled");
        using var afterRetitle = await GetAsync(SeedPath, h => h.IfNoneMatch.Add(before.Headers.ETag!));

        // Pages that may show other pieces' headlines (previous/next, related) must not outlive a retitle.
        Assert.Equal(HttpStatusCode.NotModified, afterBodyEdit.StatusCode);
        Assert.Contains("A corrected first paragraph.", await listBodyEdit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterRetitle.StatusCode);
    }

    [Theory]
    [InlineData(ArticleStatus.Unpublished, "en", "This piece has been withdrawn")]
    [InlineData(ArticleStatus.Trashed, "ko", "삭제된 글입니다")]
    public async Task A_withdrawn_piece_answers_410_and_leaves_sitemaps_and_feeds(string status, string language, string heading)
    {
        var id = await TestPieces.InsertAsync(app, $"To be withdrawn {status}", language);
        var url = $"/{language}/articles/{id}/to-be-withdrawn-{status}";
        Assert.Contains(url, await (await GetAsync("/news-sitemap.xml")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await TestPieces.UpdateAsync(app, id, status: status);

        using var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.Single("h1").Text());
        Assert.Equal("noindex", page.Single("meta[name=robots]").GetAttribute("content"));
        Assert.Equal(HttpStatusCode.Gone, (await GetAsync($"/{language}/articles/{id}/other-slug")).StatusCode);
        foreach (var list in new[] { "/news-sitemap.xml", "/sitemaps/articles-1.xml", $"/{language}/rss.xml", $"/{language}/atom.xml" })
        {
            Assert.DoesNotContain($"/articles/{id}/", await (await GetAsync(list)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Scheduled)]
    public async Task A_never_published_piece_is_not_found(string status)
    {
        var id = await TestPieces.InsertAsync(app, $"Never published {status}", status: status);

        using var response = await GetAsync($"/en/articles/{id}/never-published-{status}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_news_sitemap_lists_the_last_two_days_with_publication_and_language()
    {
        var fresh = await TestPieces.InsertAsync(app, "Fresh news piece", postedAt: DateTimeOffset.UtcNow.AddHours(-3));
        var stale = await TestPieces.InsertAsync(app, "Three days old piece", postedAt: DateTimeOffset.UtcNow.AddDays(-3));

        var news = await Xml.GetAsync(app.CreateBrowserlessClient(), "/news-sitemap.xml");

        var urls = news.Root!.Elements(Xml.Sitemap + "url").ToList();
        var entry = Assert.Single(urls, u => ((string)u.Element(Xml.Sitemap + "loc")!).EndsWith($"/en/articles/{fresh}/fresh-news-piece", StringComparison.Ordinal));
        Assert.StartsWith("http://localhost/", (string)entry.Element(Xml.Sitemap + "loc")!, StringComparison.Ordinal);
        var article = entry.Element(Xml.News + "news")!;
        Assert.Equal("Editorial Archive", (string?)article.Element(Xml.News + "publication")!.Element(Xml.News + "name"));
        Assert.Equal("en", (string?)article.Element(Xml.News + "publication")!.Element(Xml.News + "language"));
        Assert.Equal("Fresh news piece", (string?)article.Element(Xml.News + "title"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$", (string?)article.Element(Xml.News + "publication_date"));
        Assert.DoesNotContain(urls, u => ((string)u.Element(Xml.Sitemap + "loc")!).Contains($"/articles/{stale}/", StringComparison.Ordinal));
        Assert.DoesNotContain(urls, u => ((string)u.Element(Xml.Sitemap + "loc")!).EndsWith(SeedPath, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/EN/articles/1/s-korea-should-prepare-for-u-s-n-korea-potential-developments", SeedPath)]
    [InlineData("/en/ARTICLES/1/s-korea-should-prepare-for-u-s-n-korea-potential-developments", SeedPath)]
    [InlineData(SeedPath + "/", SeedPath)]
    [InlineData(SeedPath + "/?utm=x", SeedPath + "?utm=x")]
    [InlineData("/en", "/en/")]
    [InlineData("/EN/", "/en/")]
    [InlineData("/Ko", "/ko/")]
    [InlineData("/en/RSS.xml", "/en/rss.xml")]
    [InlineData("/en/sections/column/atom.xml/", "/en/sections/column/atom.xml")]
    public async Task Non_canonical_forms_answer_one_301_to_the_canonical_address(string url, string expected)
    {
        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(expected)).StatusCode);
    }

    [Theory]
    [InlineData(SeedPath, "text/html")]
    [InlineData("/ko/", "text/html")]
    [InlineData("/sitemap.xml", "application/xml")]
    [InlineData("/en/rss.xml", "application/rss+xml")]
    [InlineData("/robots.txt", "text/plain")]
    [InlineData("/healthz", "text/plain")]
    public async Task Head_answers_like_get_without_a_body(string url, string mediaType)
    {
        using var get = await GetAsync(url);
        using var head = await GetAsync(url, method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(mediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_of_an_unknown_or_withdrawn_address_keeps_its_status()
    {
        using var missing = await GetAsync("/en/articles/999999/x", method: HttpMethod.Head);
        using var moved = await GetAsync("/en/articles/1", method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(SeedPath, moved.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Html_xml_and_feeds_are_compressed_with_their_own_strong_etag(string coding)
    {
        foreach (var url in new[] { SeedPath, "/sitemap.xml", "/en/atom.xml" })
        {
            using var plain = await GetAsync(url);
            using var compressed = await GetAsync(url, h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding)));

            Assert.Equal([coding], compressed.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
            Assert.Equal(await plain.Content.ReadAsStringAsync(), await DecompressAsync(compressed, coding));
            Assert.NotEqual(plain.Headers.ETag, compressed.Headers.ETag);
            using var revalidated = await GetAsync(url, h =>
            {
                h.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
                h.IfNoneMatch.Add(compressed.Headers.ETag!);
            });
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        }
    }

    [Fact]
    public async Task Admin_responses_are_never_compressed()
    {
        using var publicPage = await GetAsync("/en/no-such-page", h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue("br")));
        using var adminPage = await GetAsync("/admin/no-such-page", h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue("br")));

        Assert.Equal(["br"], publicPage.Content.Headers.ContentEncoding);
        Assert.Equal("text/html", adminPage.Content.Headers.ContentType?.MediaType);
        Assert.Empty(adminPage.Content.Headers.ContentEncoding);
    }

    private static async Task<string> DecompressAsync(HttpResponseMessage response, string coding)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoder = coding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        return await reader.ReadToEndAsync();
    }
}
