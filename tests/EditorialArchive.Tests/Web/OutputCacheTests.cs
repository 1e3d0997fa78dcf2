using System.Net;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;

namespace EditorialArchive.Tests.Web;

/// <summary>Public pages come from the output cache, yet a committed write shows on the very next request.</summary>
public sealed class OutputCacheTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task A_headline_edit_shows_at_once_on_the_piece_the_front_page_and_the_feed()
    {
        using var client = app.CreateBrowserlessClient();
        var front = await Html.GetAsync(client, "/en/");
        var link = front.QuerySelector(".piece-item-headline a")!;
        var url = link.GetAttribute("href")!;
        var id = long.Parse(url.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
        // Fill the cache, and show that the second request is a cache hit (the Age header comes from the output cache).
        await Html.GetAsync(client, url);
        await client.GetStringAsync("/en/rss.xml");
        using (var again = await client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.True(again.Headers.Age is not null, "the second request was not served from the output cache");
        }

        // Any writer: here a plain update through the app's connection factory, outside the desk.
        await using (var connection = await new SqliteConnectionFactory($"Data Source={app.DatabasePath}").OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE articles SET headline = 'Freshly Corrected Headline', version = version + 1 WHERE id = @id", new { id });
        }

        Assert.Equal("Freshly Corrected Headline", (await Html.GetAsync(client, url)).QuerySelector("h1")!.Text());
        Assert.Contains("Freshly Corrected Headline", (await Html.GetAsync(client, "/en/")).QuerySelectorAll(".piece-item-headline a").Select(a => a.Text()));
        Assert.Contains("Freshly Corrected Headline", await client.GetStringAsync("/en/rss.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_pages_are_never_cached()
    {
        using var client = app.CreateBrowserlessClient();
        using var first = await client.GetAsync("/admin/login");
        using var second = await client.GetAsync("/admin/login");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }
}
