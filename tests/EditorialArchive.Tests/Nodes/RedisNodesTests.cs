using System.Net;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Nodes;

/// <summary>
/// Two nodes (two app instances over one SQLite file) sharing one real Redis, as behind a load balancer: one cookie
/// jar for the browser, whichever node answers. Each test has its own key prefix, so tests never see each other's.
/// </summary>
public sealed class RedisNodesTests : IDisposable
{
    private const string Headline = "Saltmarsh levels rise";

    private readonly TempDatabase database = new();
    private readonly NodeAppFactory a;
    private readonly NodeAppFactory b;
    private readonly CookieContainer jar = new();

    public RedisNodesTests()
    {
        var settings = TestRedis.Settings($"tests:{Guid.NewGuid():N}:");
        a = new NodeAppFactory(database.Path, settings);
        b = new NodeAppFactory(database.Path, settings);
        _ = a.Services;
        _ = b.Services;
    }

    public void Dispose()
    {
        b.Dispose();
        a.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task A_sign_in_and_an_edit_form_from_node_a_are_accepted_by_node_b()
    {
        using var onA = Browser(a);
        using var onB = Browser(b);
        var id = await SignInAndCreateAsync(onA, "both-nodes@example.com");

        // Node B never saw this session: the cookie and the form's antiforgery token were protected by A's key.
        var form = await Html.GetAsync(onA, $"/admin/articles/{id}/edit");
        using var saved = await BrowserForm.SubmitAsync(onB, form, DeskPages.ArticleForm, new Dictionary<string, string> { ["Headline"] = "Posted to the other node" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Posted to the other node", (await DeskPages.StoredAsync(b, id)).Headline);
        using var desk = await onB.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        // The key ring is in Redis, not in files beside the (here shared) database.
        var redis = b.Services.GetRequiredService<ArchiveRedis>();
        Assert.True(await redis.Multiplexer.GetDatabase().ListLengthAsync(redis.DataProtectionKey) > 0, "no data-protection key in Redis");
        Assert.False(Directory.Exists(Path.Combine(database.Directory, "keys")), "data-protection keys were written beside the database");
    }

    [Fact]
    public async Task A_page_stored_by_node_a_is_served_from_the_shared_cache_by_node_b()
    {
        using var readerA = Browser(a);
        using var readerB = Browser(b);
        const string page = "/en/articles/1/s-korea-should-prepare-for-u-s-n-korea-potential-developments";
        await GetOkAsync(readerA, page);
        await GetOkAsync(readerA, page);

        // Node B's very first request: a node's first look at the archive's changes must not empty the shared cache.
        using var fromB = await readerB.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, fromB.StatusCode);
        Assert.True(fromB.Headers.Age is not null, "node B rendered the page instead of serving the one node A stored in Redis");
        using var health = await readerB.GetAsync("/healthz");
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_headline_saved_through_node_b_shows_at_once_on_node_a_pages_front_page_and_feed()
    {
        using var editor = Browser(a);
        using var readerA = Browser(a);
        await GetOkAsync(Browser(b), "/en/");
        var id = await SignInAndCreateAsync(editor, "headline-nodes@example.com");
        await DeskPages.StepOkAsync(editor, id, "publish");
        var url = $"/en/articles/{id}/{SlugGenerator.FromHeadline(Headline)}";
        string[] pages = [url, "/en/", "/en/rss.xml"];
        foreach (var address in pages)
        {
            await GetOkAsync(readerA, address);
            await GetOkAsync(readerA, address);
            using var cached = await readerA.GetAsync(address);
            Assert.True(cached.Headers.Age is not null, $"{address} was not cached on node A");
        }

        using var onB = Browser(b);
        var form = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        using (var saved = await BrowserForm.SubmitAsync(onB, form, DeskPages.ArticleForm, new Dictionary<string, string> { ["Headline"] = "Saltmarsh levels fall" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        foreach (var address in pages)
        {
            using var response = await readerA.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(text.Contains("Saltmarsh levels fall", StringComparison.Ordinal), $"{address} on node A still shows the old headline");
        }
    }

    [Fact]
    public async Task A_page_node_b_rendered_before_node_a_saved_is_not_kept_after_node_a_evicted_it()
    {
        using var editor = Browser(a);
        await GetOkAsync(Browser(b), "/en/");
        var id = await SignInAndCreateAsync(editor, "race-nodes@example.com");
        await DeskPages.StepOkAsync(editor, id, "publish");
        var storeA = a.Services.GetRequiredService<IOutputCacheStore>();
        var storeB = b.Services.GetRequiredService<IOutputCacheStore>();
        // Node B begins rendering the piece's page: its own generation, which only B's own looks at the changes move.
        var began = b.Services.GetRequiredService<ArchivePageCache>().Generation;

        // Meanwhile node A saves the piece and evicts its pages from Redis; B has had no request since.
        using (var saved = await DeskPages.EditAsync(editor, id, new Dictionary<string, string> { ["Headline"] = "Rendered before the save" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // B's render finishes and is stored, after A's eviction.
        var key = $"race:{id}";
        await storeB.SetAsync(key, [1, 2, 3], [ArchivePageTags.Everything, ArchivePageTags.Article(id), ArchivePageCache.GenerationTag(began)], TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Null(await storeA.GetAsync(key, CancellationToken.None));
        Assert.NotEqual(began, b.Services.GetRequiredService<ArchivePageCache>().Generation);
    }

    /// <summary>A client of <paramref name="node"/> keeping its cookies in the one jar all nodes' clients share.</summary>
    private HttpClient Browser(WebApplicationFactory<Program> node) =>
        node.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));

    private async Task<long> SignInAndCreateAsync(HttpClient client, string email)
    {
        await Editors.CreateAsync(a, email);
        using (var signedIn = await Editors.PostSignInAsync(client, email, Editors.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        return await DeskPages.CreateAsync(client, Headline);
    }

    private static async Task GetOkAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
    }
}
