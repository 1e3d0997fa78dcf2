using System.Text.Json;
using AngleSharp.Dom;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Web;

/// <summary>Canonical, hreflang, Open Graph, Twitter, meta description, JSON-LD and feed links in page heads.</summary>
public sealed class SeoHeadTests(SeoHeadTests.SiteUrlApp app) : IClassFixture<SeoHeadTests.SiteUrlApp>
{
    private const string Site = "https://opinion.example.com";
    private const string SeedPath = "/en/articles/1/s-korea-should-prepare-for-u-s-n-korea-potential-developments";
    private const string NightBusesEn = "/en/articles/2/sample-the-fictional-city-of-hanbit-should-keep-its-night-buses-running";
    private static readonly string NightBusesKo = "/ko/articles/3/" + Uri.EscapeDataString("예시-가상-도시-한빛시는-심야버스를-계속-운행해야-한다");

    public sealed class SiteUrlApp : ArchiveAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Archive:SiteUrl", Site + "/")];
    }

    private Task<IDocument> GetAsync(string url) => Html.GetAsync(app.CreateBrowserlessClient(), url);

    private static string Meta(IDocument page, string selector) => page.Single(selector).GetAttribute("content")!;

    private static JsonElement JsonLd(IDocument page) =>
        JsonDocument.Parse(page.Single("script[type='application/ld+json']").TextContent).RootElement;

    [Fact]
    public async Task A_piece_without_counterpart_has_an_absolute_canonical_and_no_hreflang()
    {
        var page = await GetAsync(SeedPath);

        Assert.Equal(Site + SeedPath, page.Single("link[rel=canonical]").GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("link[hreflang]"));
        Assert.Equal("article", Meta(page, "meta[property='og:type']"));
        Assert.Equal(Site + SeedPath, Meta(page, "meta[property='og:url']"));
        Assert.Equal("S. Korea should prepare for U.S.-N. Korea potential developments", Meta(page, "meta[property='og:title']"));
        Assert.Equal("Editorial Archive", Meta(page, "meta[property='og:site_name']"));
        Assert.Equal("en_US", Meta(page, "meta[property='og:locale']"));
        Assert.Empty(page.QuerySelectorAll("meta[property='og:locale:alternate']"));
        Assert.Equal("2023-12-15T08:09:00+09:00", Meta(page, "meta[property='article:published_time']"));
        Assert.Equal("Editorial", Meta(page, "meta[property='article:section']"));
        Assert.Equal("summary", Meta(page, "meta[name='twitter:card']"));
        Assert.Equal(Meta(page, "meta[property='og:title']"), Meta(page, "meta[name='twitter:title']"));
    }

    [Fact]
    public async Task The_meta_description_is_the_first_paragraph_cut_at_a_word()
    {
        var page = await GetAsync(SeedPath);
        var firstParagraph = page.Single(".piece-body").QuerySelector("p")!.TextContent.Trim();

        var description = Meta(page, "meta[name=description]");

        Assert.True(description.Length <= 160, description);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
        Assert.StartsWith(description[..^1], firstParagraph, StringComparison.Ordinal);
        Assert.Equal(description, Meta(page, "meta[property='og:description']"));
        Assert.Equal(description, Meta(page, "meta[name='twitter:description']"));
    }

    [Fact]
    public async Task Hreflang_alternates_of_a_pair_are_reciprocal_and_each_page_is_its_own_canonical()
    {
        var english = await GetAsync(NightBusesEn);
        var korean = await GetAsync(NightBusesKo);

        var expected = new Dictionary<string, string>
        {
            ["en"] = Site + NightBusesEn,
            ["ko"] = Site + NightBusesKo,
            ["x-default"] = Site + NightBusesEn,
        };
        Assert.Equal(expected, Alternates(english));
        Assert.Equal(expected, Alternates(korean));
        Assert.Equal(Site + NightBusesEn, english.Single("link[rel=canonical]").GetAttribute("href"));
        Assert.Equal(Site + NightBusesKo, korean.Single("link[rel=canonical]").GetAttribute("href"));
        Assert.Equal("ko_KR", Meta(korean, "meta[property='og:locale']"));
        Assert.Equal("en_US", Meta(korean, "meta[property='og:locale:alternate']"));
    }

    private static Dictionary<string, string> Alternates(IDocument page) =>
        page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);

    [Fact]
    public async Task The_json_ld_describes_an_opinion_news_article_by_the_editorial_board()
    {
        var json = JsonLd(await GetAsync(SeedPath));

        Assert.Equal("https://schema.org", json.GetProperty("@context").GetString());
        Assert.Equal(["OpinionNewsArticle", "NewsArticle"], json.GetProperty("@type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("S. Korea should prepare for U.S.-N. Korea potential developments", json.GetProperty("headline").GetString());
        Assert.Equal("2023-12-15T08:09:00+09:00", json.GetProperty("datePublished").GetString());
        Assert.Equal("2023-12-15T08:09:00+09:00", json.GetProperty("dateModified").GetString());
        Assert.Equal("en", json.GetProperty("inLanguage").GetString());
        Assert.True(json.GetProperty("isAccessibleForFree").GetBoolean());
        Assert.Equal("WebPage", json.GetProperty("mainEntityOfPage").GetProperty("@type").GetString());
        Assert.Equal(Site + SeedPath, json.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.Equal("Organization", json.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("The Editorial Archive editorial board", json.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("Editorial Archive", json.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal(Site + "/", json.GetProperty("publisher").GetProperty("url").GetString());
        Assert.False(json.TryGetProperty("workTranslation", out _));
        Assert.False(json.TryGetProperty("translationOfWork", out _));
    }

    [Fact]
    public async Task The_json_ld_of_a_pair_names_the_korean_original_and_its_english_translation()
    {
        var english = JsonLd(await GetAsync("/en/articles/4/sample-what-a-newspapers-archive-owes-its-readers"));
        var korean = JsonLd(await Html.GetAsync(app.CreateClient(), "/ko/articles/5/x")); // follows the slug redirect

        Assert.Equal("Person", english.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("Seo Ha-neul (fictional columnist)", english.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("2025-11-21T10:42:00+09:00", english.GetProperty("dateModified").GetString());
        var original = english.GetProperty("translationOfWork");
        Assert.Equal("ko", original.GetProperty("inLanguage").GetString());
        Assert.Equal(korean.GetProperty("url").GetString(), original.GetProperty("url").GetString());
        Assert.Equal(korean.GetProperty("@id").GetString(), original.GetProperty("@id").GetString());

        Assert.Equal("ko", korean.GetProperty("inLanguage").GetString());
        var translation = korean.GetProperty("workTranslation");
        Assert.Equal("en", translation.GetProperty("inLanguage").GetString());
        Assert.Equal(english.GetProperty("url").GetString(), translation.GetProperty("url").GetString());
        Assert.Equal("[Sample] What a newspaper's archive owes its readers", translation.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task A_headline_with_a_closing_script_tag_cannot_break_out_of_the_json_ld()
    {
        const string headline = "Why </script><script>alert('x')</script> & <!-- matter";
        var id = await TestPieces.InsertAsync(app, headline);
        using var response = await app.CreateClient().GetAsync($"/en/articles/{id}/x");
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Equal(1, page.QuerySelectorAll("script").Length);
        Assert.Equal(headline, JsonLd(page).GetProperty("headline").GetString());
    }

    [Fact]
    public async Task Pages_announce_their_edition_feeds_and_articles_their_section_feeds()
    {
        var home = await GetAsync("/ko/");
        var column = await GetAsync("/en/articles/4/sample-what-a-newspapers-archive-owes-its-readers");

        Assert.Equal(
            [(Site + "/ko/rss.xml", "application/rss+xml"), (Site + "/ko/atom.xml", "application/atom+xml")],
            Feeds(home));
        Assert.Equal(
            [
                (Site + "/en/rss.xml", "application/rss+xml"), (Site + "/en/atom.xml", "application/atom+xml"),
                (Site + "/en/sections/column/rss.xml", "application/rss+xml"), (Site + "/en/sections/column/atom.xml", "application/atom+xml"),
            ],
            Feeds(column));
        Assert.Equal("Editorial Archive · 오피니언 (RSS)", home.QuerySelector("link[type='application/rss+xml']")!.GetAttribute("title"));
    }

    private static List<(string, string)> Feeds(IDocument page) =>
        [.. page.QuerySelectorAll("link[rel=alternate][type]").Select(l => (l.GetAttribute("href")!, l.GetAttribute("type")!))];

    [Fact]
    public async Task Edition_homes_are_each_others_alternates_with_the_bare_domain_as_x_default()
    {
        var english = await GetAsync("/en/");
        var korean = await GetAsync("/ko/");

        var expected = new Dictionary<string, string> { ["en"] = Site + "/en/", ["ko"] = Site + "/ko/", ["x-default"] = Site + "/" };
        Assert.Equal(expected, Alternates(english));
        Assert.Equal(expected, Alternates(korean));
        Assert.Equal(Site + "/ko/", korean.Single("link[rel=canonical]").GetAttribute("href"));
        Assert.Equal("website", Meta(korean, "meta[property='og:type']"));
    }

    [Fact]
    public async Task An_older_page_of_the_home_is_its_own_canonical_without_alternates()
    {
        var page = await GetAsync("/en/?before=2024-03-03T22:30:00Z_2");

        Assert.Equal(Site + "/en/?before=2024-03-03T22:30:00Z_2", page.Single("link[rel=canonical]").GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("link[hreflang]"));
    }

    [Fact]
    public async Task Error_pages_are_not_indexed_and_have_no_canonical()
    {
        using var response = await app.CreateBrowserlessClient().GetAsync("/en/no-such-page");
        var page = await Html.ParseAsync(response);

        Assert.Equal("noindex", Meta(page, "meta[name=robots]"));
        Assert.Empty(page.QuerySelectorAll("link[rel=canonical]"));
    }
}
