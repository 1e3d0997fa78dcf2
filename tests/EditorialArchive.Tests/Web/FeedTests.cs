using System.Globalization;
using System.Net;
using System.Xml.Linq;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Web;

/// <summary>RSS 2.0 and Atom feeds per edition and per section, at most Seo:FeedItemCount items, newest first.</summary>
public sealed class FeedTests(FeedTests.TwoItemFeedsApp app) : IClassFixture<FeedTests.TwoItemFeedsApp>
{
    private const string Site = "https://opinion.example.com";
    private const string Column = Site + "/en/articles/4/sample-what-a-newspapers-archive-owes-its-readers";
    private const string NightBuses = Site + "/en/articles/2/sample-the-fictional-city-of-hanbit-should-keep-its-night-buses-running";

    public sealed class TwoItemFeedsApp : ArchiveAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Archive:SiteUrl", Site), new("Seo:FeedItemCount", "2")];
    }

    [Fact]
    public async Task The_english_rss_feed_lists_the_newest_pieces_with_absolute_links()
    {
        var rss = await Xml.GetAsync(app.CreateBrowserlessClient(), "/en/rss.xml", "application/rss+xml");

        Assert.Equal("2.0", (string?)rss.Root!.Attribute("version"));
        var channel = rss.Root.Element("channel")!;
        Assert.Equal("Editorial Archive · Opinion", (string?)channel.Element("title"));
        Assert.Equal(Site + "/en/", (string?)channel.Element("link"));
        Assert.Equal("en", (string?)channel.Element("language"));
        var self = channel.Element(Xml.Atom + "link")!;
        Assert.Equal((Site + "/en/rss.xml", "self"), ((string)self.Attribute("href")!, (string)self.Attribute("rel")!));

        var items = channel.Elements("item").ToList();
        Assert.Equal([Column, NightBuses], items.Select(i => (string?)i.Element("link")));
        Assert.Equal([Column, NightBuses], items.Select(i => (string?)i.Element("guid")));
        Assert.Equal("[Sample] What a newspaper's archive owes its readers", (string?)items[0].Element("title"));
        Assert.Equal("Wed, 19 Nov 2025 21:00:00 GMT", (string?)items[0].Element("pubDate"));
        Assert.True(DateTimeOffset.TryParseExact((string?)items[1].Element("pubDate"), "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        Assert.Equal("Column", (string?)items[0].Element("category"));
        Assert.Equal("Seo Ha-neul (fictional columnist)", (string?)items[0].Element(XName.Get("creator", "http://purl.org/dc/elements/1.1/")));
        Assert.Equal("Editorial Archive", (string?)items[1].Element(XName.Get("creator", "http://purl.org/dc/elements/1.1/")));
        Assert.StartsWith("This is a sample editorial written for the Editorial Archive demonstration.", (string?)items[1].Element("description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_korean_atom_feed_has_entries_with_zoned_dates_and_authors()
    {
        var atom = await Xml.GetAsync(app.CreateBrowserlessClient(), "/ko/atom.xml", "application/atom+xml");

        var feed = atom.Root!;
        Assert.Equal(Xml.Atom + "feed", feed.Name);
        Assert.Equal("ko", (string?)feed.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal(Site + "/ko/atom.xml", (string?)feed.Element(Xml.Atom + "id"));
        Assert.Equal("Editorial Archive · 오피니언", (string?)feed.Element(Xml.Atom + "title"));
        Assert.Equal("2025-11-21T10:42:00+09:00", (string?)feed.Element(Xml.Atom + "updated"));
        var entries = feed.Elements(Xml.Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.StartsWith(Site + "/ko/articles/5/", (string?)entries[0].Element(Xml.Atom + "id"), StringComparison.Ordinal);
        Assert.StartsWith(Site + "/ko/articles/3/", (string?)entries[1].Element(Xml.Atom + "id"), StringComparison.Ordinal);
        Assert.Equal((string?)entries[0].Element(Xml.Atom + "id"), (string?)entries[0].Element(Xml.Atom + "link")!.Attribute("href"));
        Assert.Equal("2025-11-20T06:00:00+09:00", (string?)entries[0].Element(Xml.Atom + "published"));
        Assert.Equal("서하늘 (가상의 칼럼니스트)", (string?)entries[0].Element(Xml.Atom + "author")!.Element(Xml.Atom + "name"));
        Assert.Equal("칼럼", (string?)entries[0].Element(Xml.Atom + "category")!.Attribute("term"));
    }

    [Fact]
    public async Task A_section_feed_lists_only_that_sections_pieces()
    {
        var client = app.CreateBrowserlessClient();
        var rss = await Xml.GetAsync(client, "/en/sections/column/rss.xml", "application/rss+xml");
        var atom = await Xml.GetAsync(client, "/en/sections/editorial/atom.xml", "application/atom+xml");

        Assert.Equal("Editorial Archive · Column", (string?)rss.Root!.Element("channel")!.Element("title"));
        Assert.Equal([Column], rss.Root.Element("channel")!.Elements("item").Select(i => (string?)i.Element("link")));
        Assert.Equal(
            [NightBuses, Site + "/en/articles/1/s-korea-should-prepare-for-u-s-n-korea-potential-developments"],
            atom.Root!.Elements(Xml.Atom + "entry").Select(e => (string?)e.Element(Xml.Atom + "id")));
    }

    [Theory]
    [InlineData("/en/sections/no-such-section/rss.xml")]
    [InlineData("/fr/rss.xml")]
    public async Task Feeds_of_unknown_sections_or_editions_are_not_found(string url)
    {
        using var response = await app.CreateBrowserlessClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
