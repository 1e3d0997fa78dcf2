using System.Net;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Web;

/// <summary>Public pages come from the output cache, yet a committed write shows at once (by this process) or within 50 ms (by another).</summary>
public sealed class OutputCacheTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task A_headline_edit_by_this_process_shows_at_once_on_the_piece_the_front_page_and_the_feed()
    {
        using var client = app.CreateBrowserlessClient();
        var (id, url) = await FillCacheAsync(client);

        // What every writer of the app does: commit, then tell the page cache.
        await UpdateHeadlineAsync(id, "Freshly Corrected Headline");
        await app.Services.GetRequiredService<ArchivePageCache>().EvictAsync();

        await AssertShowsEverywhereAsync(client, url, "Freshly Corrected Headline");
    }

    [Fact]
    public async Task A_write_by_another_process_shows_within_the_poll_interval()
    {
        using var client = app.CreateBrowserlessClient();
        var (id, url) = await FillCacheAsync(client);

        // Like the CLI or a second instance: a plain update through another connection, and no word to this process.
        await UpdateHeadlineAsync(id, "Headline From Elsewhere");
        await Task.Delay(ArchivePageCache.PollInterval * 2);

        await AssertShowsEverywhereAsync(client, url, "Headline From Elsewhere");
    }

    [Fact]
    public async Task A_scheduler_round_that_publishes_nothing_keeps_the_cached_pages()
    {
        using var client = app.CreateBrowserlessClient();
        var (_, url) = await FillCacheAsync(client);

        var published = await app.Services.GetRequiredService<ArticleDesk>().PublishDueAsync(CancellationToken.None);

        Assert.Empty(published);
        using var again = await client.GetAsync(url);
        Assert.True(again.Headers.Age is not null, "a scheduler round with nothing due emptied the page cache");
    }

    /// <summary>
    /// Caches a piece's page, the front page and the feed (each asked twice: a page is stored from its second request,
    /// ArchivePageAdmission), and shows the piece's third request is a cache hit.
    /// </summary>
    private static async Task<(long Id, string Url)> FillCacheAsync(HttpClient client)
    {
        var front = await Html.GetAsync(client, "/en/");
        await Html.GetAsync(client, "/en/");
        var url = front.QuerySelector(".piece-item-headline a")!.GetAttribute("href")!;
        var id = long.Parse(url.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
        await Html.GetAsync(client, url);
        await Html.GetAsync(client, url);
        await client.GetStringAsync("/en/rss.xml");
        await client.GetStringAsync("/en/rss.xml");
        using var again = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        // The Age header comes from the output cache.
        Assert.True(again.Headers.Age is not null, "the third request was not served from the output cache");
        return (id, url);
    }

    private async Task UpdateHeadlineAsync(long id, string headline)
    {
        await using var connection = await new SqliteConnectionFactory($"Data Source={app.DatabasePath}").OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("UPDATE articles SET headline = @headline, version = version + 1 WHERE id = @id", new { id, headline });
    }

    private static async Task AssertShowsEverywhereAsync(HttpClient client, string url, string headline)
    {
        Assert.Equal(headline, (await Html.GetAsync(client, url)).QuerySelector("h1")!.Text());
        Assert.Contains(headline, (await Html.GetAsync(client, "/en/")).QuerySelectorAll(".piece-item-headline a").Select(a => a.Text()));
        Assert.Contains(headline, await client.GetStringAsync("/en/rss.xml"), StringComparison.Ordinal);
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
