using System.Net;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Hosting;
using Microsoft.AspNetCore.Http;

namespace EditorialArchive.Tests.Web;

/// <summary>
/// The output cache stores a page from its second request on (ArchivePageAdmission): a crawler's pages, each asked
/// once, are rendered and not kept; a page readers come back to is kept.
/// </summary>
public sealed class PageAdmissionTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task A_page_asked_once_is_not_stored_and_one_asked_twice_is()
    {
        using var client = app.CreateBrowserlessClient();
        var front = await Html.GetAsync(client, "/ko/");
        var urls = front.QuerySelectorAll(".piece-item-headline a").Select(a => a.GetAttribute("href")!).Take(2).ToArray();
        Assert.Equal(2, urls.Length);

        // Asked once: rendered, not stored, so asking again renders it again (no Age: not from the cache)...
        using (var first = await client.GetAsync(urls[0]))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Null(first.Headers.Age);
        }

        using (var second = await client.GetAsync(urls[0]))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.True(second.Headers.Age is null, "a page asked once was stored");
        }

        // ...and that second request stored it.
        using (var third = await client.GetAsync(urls[0]))
        {
            Assert.True(third.Headers.Age is not null, "a page asked twice was not stored");
        }

        // Another page asked once meanwhile was not stored.
        using var other = await client.GetAsync(urls[1]);
        using var otherAgain = await client.GetAsync(urls[1]);
        Assert.True(otherAgain.Headers.Age is null, "a page asked once was stored");
    }

    [Fact]
    public void Pages_are_told_apart_by_what_their_cache_key_varies_by()
    {
        var admission = new ArchivePageAdmission();

        Assert.False(admission.NoteAsked(Request("/en/search", "?q=city"), ArchivePageQueryKeys.Search));
        Assert.True(admission.NoteAsked(Request("/en/search", "?q=city&junk=1"), ArchivePageQueryKeys.Search));
        Assert.False(admission.NoteAsked(Request("/en/search", "?q=budget"), ArchivePageQueryKeys.Search));
        Assert.False(admission.NoteAsked(Request("/en/search", "?q=city", host: "other.example"), ArchivePageQueryKeys.Search));
        Assert.False(admission.NoteAsked(Request("/en/articles/1/a", "?x=1"), ArchivePageQueryKeys.For("/en/articles/1/a")));
        Assert.True(admission.NoteAsked(Request("/en/articles/1/a", "?x=2"), ArchivePageQueryKeys.For("/en/articles/1/a")));
    }

    [Fact]
    public void Every_one_of_2000_pages_readers_keep_asking_for_is_admitted_on_its_second_request()
    {
        // Readers going round 2,000 pages: some of them share a set of the table, and none may push another out for
        // good (with one slot per set about 30 of 2,000 did, on every round, and were never stored).
        var admission = new ArchivePageAdmission();
        var pages = Enumerable.Range(1, 2000).Select(i => Request($"/en/articles/{i}/piece-{i}", "")).ToArray();
        var keys = ArchivePageQueryKeys.For("/en/articles/1/piece-1");

        var admittedFirst = pages.Count(page => admission.NoteAsked(page, keys));
        var notAdmittedAgain = pages.Where(page => !admission.NoteAsked(page, keys)).Select(page => page.Path.Value).ToList();

        Assert.True(admittedFirst < 5, $"{admittedFirst} pages asked once were admitted");
        Assert.Empty(notAdmittedAgain);
    }

    [Fact]
    public void A_page_readers_keep_asking_for_stays_remembered_through_a_crawl()
    {
        var admission = new ArchivePageAdmission();
        var popular = Request("/en/articles/7/popular", "");
        var keys = ArchivePageQueryKeys.For("/en/articles/7/popular");
        admission.NoteAsked(popular, keys);

        // 200,000 crawled pages, each asked once, and the popular page asked after every 50 of them.
        var forgotten = 0;
        for (var i = 0; i < 200_000; i++)
        {
            admission.NoteAsked(Request($"/en/articles/{i + 100}/crawled", ""), keys);
            if (i % 50 == 49 && !admission.NoteAsked(popular, keys))
            {
                forgotten++;
            }
        }

        Assert.Equal(0, forgotten);
    }

    private static HttpRequest Request(string path, string query, string host = "archive.example")
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }
}
