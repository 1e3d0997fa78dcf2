using System.Net;
using System.Xml.Linq;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Web;

/// <summary>robots.txt, the sitemap index and the article sitemaps over the seed archive, two ids per sitemap.</summary>
public sealed class SitemapTests(SitemapTests.SmallChunksApp app) : IClassFixture<SitemapTests.SmallChunksApp>
{
    private const string Site = "https://opinion.example.com";

    public sealed class SmallChunksApp : ArchiveAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Archive:SiteUrl", Site), new("Seo:SitemapChunkSize", "2")];
    }

    [Fact]
    public async Task Robots_allows_the_site_disallows_admin_and_names_the_sitemaps_absolutely()
    {
        using var response = await app.CreateBrowserlessClient().GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Equal(
            ["User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /error/", "", $"Sitemap: {Site}/sitemap.xml", $"Sitemap: {Site}/news-sitemap.xml", ""],
            lines);
    }

    [Fact]
    public async Task The_index_lists_the_editions_sitemap_and_one_sitemap_per_id_range_with_lastmod()
    {
        var index = await Xml.GetAsync(app.CreateBrowserlessClient(), "/sitemap.xml");

        Assert.Equal(Xml.Sitemap + "sitemapindex", index.Root!.Name);
        var sitemaps = index.Root.Elements(Xml.Sitemap + "sitemap").ToList();
        Assert.Equal(
            [$"{Site}/sitemaps/editions.xml", $"{Site}/sitemaps/articles-1.xml", $"{Site}/sitemaps/articles-2.xml", $"{Site}/sitemaps/articles-3.xml"],
            sitemaps.Select(s => (string)s.Element(Xml.Sitemap + "loc")!));
        foreach (var sitemap in sitemaps.Skip(1))
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$", (string)sitemap.Element(Xml.Sitemap + "lastmod")!);
        }
    }

    [Fact]
    public async Task Each_article_sitemap_holds_at_most_its_chunk_of_ids_with_reciprocal_alternates()
    {
        var client = app.CreateBrowserlessClient();
        var first = await Xml.GetAsync(client, "/sitemaps/articles-1.xml");
        var second = await Xml.GetAsync(client, "/sitemaps/articles-2.xml");

        var english = $"{Site}/en/articles/2/sample-the-fictional-city-of-hanbit-should-keep-its-night-buses-running";
        var korean = $"{Site}/ko/articles/3/{Uri.EscapeDataString("예시-가상-도시-한빛시는-심야버스를-계속-운행해야-한다")}";
        Assert.Equal([$"{Site}/en/articles/1/s-korea-should-prepare-for-u-s-n-korea-potential-developments", english], Xml.Locs(first));
        Assert.Equal(2, Xml.Locs(second).Count);

        var urls = first.Root!.Elements(Xml.Sitemap + "url").Concat(second.Root!.Elements(Xml.Sitemap + "url")).ToList();
        Assert.Empty(urls[0].Elements(Xml.Xhtml + "link"));
        var expected = new Dictionary<string, string> { ["en"] = english, ["ko"] = korean, ["x-default"] = english };
        Assert.Equal(expected, Alternates(urls[1]));
        Assert.Equal(korean, (string)urls[2].Element(Xml.Sitemap + "loc")!);
        Assert.Equal(expected, Alternates(urls[2]));
        Assert.All(urls, u => Assert.Matches(@"\+09:00$", (string)u.Element(Xml.Sitemap + "lastmod")!));
    }

    private static Dictionary<string, string> Alternates(XElement url) =>
        url.Elements(Xml.Xhtml + "link").ToDictionary(l => (string)l.Attribute("hreflang")!, l => (string)l.Attribute("href")!);

    [Fact]
    public async Task The_editions_sitemap_pairs_the_two_front_pages()
    {
        var editions = await Xml.GetAsync(app.CreateBrowserlessClient(), "/sitemaps/editions.xml");

        Assert.Equal([$"{Site}/en/", $"{Site}/ko/"], Xml.Locs(editions));
        Assert.All(editions.Root!.Elements(Xml.Sitemap + "url"), url => Assert.Equal(
            new Dictionary<string, string> { ["en"] = $"{Site}/en/", ["ko"] = $"{Site}/ko/", ["x-default"] = $"{Site}/" },
            Alternates(url)));
    }

    [Fact]
    public async Task Editing_a_piece_changes_only_the_validator_of_the_sitemap_that_lists_it()
    {
        var client = app.CreateBrowserlessClient();
        using var firstBefore = await client.GetAsync("/sitemaps/articles-1.xml");
        using var thirdBefore = await client.GetAsync("/sitemaps/articles-3.xml");

        await TestPieces.UpdateAsync(app, 1, body: "A corrected paragraph.");

        using var firstAfter = await Revalidate(client, "/sitemaps/articles-1.xml", firstBefore);
        using var thirdAfter = await Revalidate(client, "/sitemaps/articles-3.xml", thirdBefore);
        Assert.Equal(HttpStatusCode.OK, firstAfter.StatusCode);
        Assert.True(firstAfter.Content.Headers.LastModified > firstBefore.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, thirdAfter.StatusCode);
    }

    private static async Task<HttpResponseMessage> Revalidate(HttpClient client, string url, HttpResponseMessage earlier)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(earlier.Headers.ETag!);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("/sitemaps/articles-4.xml")]
    [InlineData("/sitemaps/articles-0.xml")]
    [InlineData("/sitemaps/articles-99999999999999999999.xml")]
    public async Task Sitemaps_beyond_the_archive_are_not_found(string url)
    {
        using var response = await app.CreateBrowserlessClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
