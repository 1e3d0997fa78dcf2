using System.Net;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Edge;

/// <summary>The output cache cannot be filled with junk query values, nor poisoned with a forged Host header.</summary>
public sealed class PageCacheKeyTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task Query_values_a_piece_does_not_read_are_served_from_one_entry()
    {
        await TestPieces.RefreshRelatedAsync(app);
        using var client = app.CreateBrowserlessClient();
        var url = await APieceUrlAsync(client);
        using var first = await client.GetAsync($"{url}?x=1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // A page is stored from its second request (ArchivePageAdmission): another junk value is the same page asked again.
        using var second = await client.GetAsync($"{url}?x=2");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        for (var i = 3; i <= 6; i++)
        {
            using var again = await client.GetAsync($"{url}?x={i}&utm_source=s{i}");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.True(again.Headers.Age is not null, $"?x={i} made a new cache entry");
        }
    }

    [Fact]
    public async Task Search_still_varies_by_its_query_but_not_by_junk_beside_it()
    {
        // The background related-pieces refresh writes after start-up, and a page rendered during a write is not kept.
        await TestPieces.RefreshRelatedAsync(app);
        using var client = app.CreateBrowserlessClient();
        using var city = await client.GetAsync("/en/search?q=city");
        using var cityAgain = await client.GetAsync("/en/search?q=city");
        using var cityJunk = await client.GetAsync("/en/search?q=city&junk=1");
        using var budget = await client.GetAsync("/en/search?q=budget");
        using var other = await client.GetAsync("/en/search?q=budget");

        Assert.True(cityJunk.Headers.Age is not null, "a junk key beside q made a new entry");
        Assert.True(other.Headers.Age is null, "a different q was served the cached answer of another");
    }

    [Fact]
    public async Task A_list_varies_by_its_cursor()
    {
        using var client = app.CreateBrowserlessClient();
        using var front = await client.GetAsync("/en/?junk=1");
        using var frontAgain = await client.GetAsync("/en/?junk=2");
        using var cached = await client.GetAsync("/en/");
        Assert.True(cached.Headers.Age is not null, "the front page asked twice was not stored");
        using var older = await client.GetAsync("/en/?before=2020-01-01T00:00:00Z_1");
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.True(older.Headers.Age is null, "a list cursor did not vary the cache key");
    }

    [Theory]
    [InlineData("/en/rss.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/en/")]
    public async Task A_forged_host_never_reaches_another_client(string url)
    {
        using var client = app.CreateBrowserlessClient();
        using var forged = new HttpRequestMessage(HttpMethod.Get, url);
        forged.Headers.Host = "evil.example";
        using var attack = await client.SendAsync(forged);
        // With Archive:SiteUrl empty the app builds absolute links from the request: the attacker sees their own host.
        Assert.Contains("evil.example", await attack.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var reader = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, reader.StatusCode);
        Assert.DoesNotContain("evil.example", await reader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> APieceUrlAsync(HttpClient client)
    {
        var front = await Html.GetAsync(client, "/en/");
        return front.QuerySelector(".piece-item-headline a")!.GetAttribute("href")!;
    }
}
