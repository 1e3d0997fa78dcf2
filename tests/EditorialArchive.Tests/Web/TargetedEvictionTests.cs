using System.Globalization;
using System.Net;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;

namespace EditorialArchive.Tests.Web;

/// <summary>
/// An edit to one piece evicts the cached pages that show it and nothing else: through the real desk form for this
/// process's writes, and through another connection (as the CLI or a second instance would) for others'.
/// </summary>
public sealed class TargetedEvictionTests(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    /// <summary>An English piece X with a Korean counterpart K, and an English piece Y in another section with other words.</summary>
    private sealed record Pieces(HttpClient Editor, long X, string XUrl, long K, string KUrl, long Y, string YUrl);

    [Fact]
    public async Task A_body_only_correction_shows_at_once_where_the_piece_is_shown_and_evicts_nothing_else()
    {
        var pieces = await PublishAsync("body");
        using var reader = app.CreateBrowserlessClient();
        await WarmAsync(reader, pieces);

        using (var saved = await DeskPages.EditAsync(pieces.Editor, pieces.X, new Dictionary<string, string> { ["Body"] = "Quillwort figures were corrected today." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains("Quillwort figures were corrected today.", await FreshAsync(reader, pieces.XUrl), StringComparison.Ordinal);
        Assert.Contains("Quillwort figures", await FreshAsync(reader, "/en/"), StringComparison.Ordinal);
        Assert.Contains("Quillwort figures", await FreshAsync(reader, "/en/rss.xml"), StringComparison.Ordinal);
        await AssertStillCachedAsync(reader, "/ko/", "/ko/rss.xml", pieces.YUrl, pieces.KUrl);
    }

    [Fact]
    public async Task A_headline_edit_also_evicts_the_counterpart_page_that_links_to_it()
    {
        var pieces = await PublishAsync("headline");
        using var reader = app.CreateBrowserlessClient();
        await WarmAsync(reader, pieces);

        using (var saved = await DeskPages.EditAsync(pieces.Editor, pieces.X, new Dictionary<string, string> { ["Headline"] = "Marram grass headline, revised" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var xUrl = await CanonicalUrlAsync(reader, "en", pieces.X);
        Assert.Contains("Marram grass headline, revised", await FreshAsync(reader, xUrl), StringComparison.Ordinal);
        Assert.Contains("Marram grass headline, revised", await FreshAsync(reader, "/en/"), StringComparison.Ordinal);
        var counterpartPage = await Html.ParseAsync(await reader.GetAsync(pieces.KUrl));
        Assert.Equal("Marram grass headline, revised", counterpartPage.Single(".piece-counterpart a").GetAttribute("title"));
        await AssertStillCachedAsync(reader, "/ko/", pieces.YUrl);
    }

    [Fact]
    public async Task Unpublishing_a_piece_takes_it_off_its_editions_lists_and_its_counterpart_but_not_off_the_other_front_page()
    {
        var pieces = await PublishAsync("unpublish");
        using var reader = app.CreateBrowserlessClient();
        await WarmAsync(reader, pieces);

        await DeskPages.StepOkAsync(pieces.Editor, pieces.X, "unpublish");

        Assert.DoesNotContain(pieces.XUrl, await FreshAsync(reader, "/en/"), StringComparison.Ordinal);
        Assert.DoesNotContain(pieces.XUrl, await FreshAsync(reader, "/en/rss.xml"), StringComparison.Ordinal);
        using (var gone = await reader.GetAsync(pieces.XUrl))
        {
            Assert.NotEqual(HttpStatusCode.OK, gone.StatusCode);
        }

        Assert.Null((await Html.ParseAsync(await reader.GetAsync(pieces.KUrl))).QuerySelector(".piece-counterpart"));
        await AssertStillCachedAsync(reader, "/ko/", pieces.YUrl);
    }

    [Fact]
    public async Task A_write_by_another_process_evicts_the_same_pages_within_the_poll_interval()
    {
        var pieces = await PublishAsync("elsewhere");
        using var reader = app.CreateBrowserlessClient();
        await WarmAsync(reader, pieces);

        // A plain update through another connection, and no word to this process.
        await using (var connection = await new SqliteConnectionFactory($"Data Source={app.DatabasePath}").OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "UPDATE articles SET body_markdown = 'Sedge counts from elsewhere.', body_html = '<p>Sedge counts from elsewhere.</p>', version = version + 1 WHERE id = @Id",
                new { Id = pieces.X });
        }

        await Task.Delay(ArchivePageCache.PollInterval * 3);

        Assert.Contains("Sedge counts from elsewhere.", await FreshAsync(reader, pieces.XUrl), StringComparison.Ordinal);
        Assert.Contains("Sedge counts from elsewhere.", await FreshAsync(reader, "/en/"), StringComparison.Ordinal);
        await AssertStillCachedAsync(reader, "/ko/", pieces.YUrl, pieces.KUrl);
    }

    private async Task<Pieces> PublishAsync(string name)
    {
        var email = $"eviction-{name}@example.com";
        await Editors.CreateAsync(app, email);
        var editor = await Editors.SignedInAsync(app, email);
        var x = await DeskPages.CreateAsync(editor, $"Tidewater ledger {name}", Languages.English, "Tidewater ledger opening paragraph.");
        var k = await DeskPages.CreateAsync(editor, $"조수 장부 {name}", Languages.Korean, "조수 장부 첫 문단.");
        // Y shares no word with X, so neither is the other's related piece.
        var y = await DeskPages.CreateAsync(editor, $"Orchard lantern {new string([.. name.Reverse()])}", Languages.English, "Orchard lantern opening paragraph.",
            new Dictionary<string, string> { ["SectionSlug"] = "column" });
        using (var link = await DeskPages.EditAsync(editor, x, new Dictionary<string, string> { ["CounterpartId"] = k.ToString(CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        }

        foreach (var id in new[] { y, k, x })
        {
            await DeskPages.StepOkAsync(editor, id, "publish");
        }

        // The related lists of new pieces are computed in the background, and storing one evicts its page: settle them first.
        await TestPieces.RefreshRelatedAsync(app);
        using var reader = app.CreateBrowserlessClient();
        return new Pieces(editor, x, await CanonicalUrlAsync(reader, "en", x), k, await CanonicalUrlAsync(reader, "ko", k), y, await CanonicalUrlAsync(reader, "en", y));
    }

    private static async Task<string> CanonicalUrlAsync(HttpClient reader, string language, long id)
    {
        using var response = await reader.GetAsync($"/{language}/articles/{id}");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Loads every page twice, so each is cached (from its second request, ArchivePageAdmission), and checks a third load is a hit.</summary>
    private static async Task WarmAsync(HttpClient reader, Pieces pieces)
    {
        string[] urls = [pieces.XUrl, pieces.KUrl, pieces.YUrl, "/en/", "/ko/", "/en/rss.xml", "/ko/rss.xml"];
        foreach (var url in urls.Concat(urls))
        {
            using var response = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await AssertStillCachedAsync(reader, urls);
    }

    /// <summary>The page as it is now, which must not come from the cache.</summary>
    private static async Task<string> FreshAsync(HttpClient reader, string url)
    {
        using var response = await reader.GetAsync(url);
        Assert.True(response.Headers.Age is null, $"{url} was served from the cache after a change it shows");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task AssertStillCachedAsync(HttpClient reader, params string[] urls)
    {
        foreach (var url in urls)
        {
            using var response = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.Age is not null, $"{url} is no longer cached though nothing it shows changed");
        }
    }
}
