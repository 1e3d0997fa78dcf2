using System.Net;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Web;

public sealed class SiteTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task The_health_endpoint_checks_the_database()
    {
        using var response = await app.CreateBrowserlessClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, "/en/")]
    [InlineData("en-US,en;q=0.9", "/en/")]
    [InlineData("ko-KR,ko;q=0.9,en;q=0.8", "/ko/")]
    [InlineData("fr-FR,ko;q=0.5,en;q=0.3", "/ko/")]
    [InlineData("de-DE", "/en/")]
    public async Task The_bare_domain_sends_readers_to_the_edition_their_browser_prefers(string? acceptLanguage, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        using var response = await app.CreateBrowserlessClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task The_english_home_lists_english_pieces_newest_first()
    {
        var page = await Html.GetAsync(app.CreateBrowserlessClient(), "/en/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        var headlines = page.QuerySelectorAll(".piece-item-headline a").Select(a => a.Text()).ToList();
        Assert.Equal(
            [
                "[Sample] What a newspaper's archive owes its readers",
                "[Sample] The fictional city of Hanbit should keep its night buses running",
                "S. Korea should prepare for U.S.-N. Korea potential developments",
            ],
            headlines);
        Assert.Equal("Editorial · December. 15, 2023 08:09", page.QuerySelectorAll(".piece-item-meta")[2].Text());
    }

    [Fact]
    public async Task The_korean_home_uses_korean_labels()
    {
        var page = await Html.GetAsync(app.CreateBrowserlessClient(), "/ko/");

        Assert.Equal("ko", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("최신 오피니언", page.Single("h1").Text());
        Assert.Equal("본문 바로가기", page.Single(".skip-link").Text());
        Assert.Equal(2, page.QuerySelectorAll(".piece-item").Length);
        Assert.Equal("칼럼 · 2025-11-20 06:00", page.QuerySelectorAll(".piece-item-meta")[0].Text());
    }

    [Fact]
    public async Task The_home_page_pages_with_a_cursor_and_refuses_a_malformed_one()
    {
        var client = app.CreateBrowserlessClient();
        using var older = await client.GetAsync("/en/?before=2024-03-03T22:30:00Z_2");
        using var malformed = await client.GetAsync("/en/?before=yesterday");

        var page = await Html.ParseAsync(older);
        Assert.Equal(["S. Korea should prepare for U.S.-N. Korea potential developments"], page.QuerySelectorAll(".piece-item-headline a").Select(a => a.Text()));
        // Keyset pages link to their neighbours: the newer page starts after this page's newest piece.
        Assert.Equal("/en/?after=2023-12-14T23%3A09%3A00Z_1", page.Single(".pager a[rel=prev]").GetAttribute("href"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("This request could not be understood", (await Html.ParseAsync(malformed)).Single("h1").Text());
    }

    [Fact]
    public async Task The_stylesheet_is_served_from_a_fingerprinted_url_with_a_validator()
    {
        var client = app.CreateBrowserlessClient();
        var page = await Html.GetAsync(client, "/en/");
        var href = page.Single("link[rel=stylesheet]").GetAttribute("href")!;

        using var response = await client.GetAsync(href);

        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        // The one-year immutable lifetime is set from the publish manifest: PublishedAppTests checks it.
    }

    [Fact]
    public async Task The_first_start_imported_every_seed_once()
    {
        var connections = app.Services.GetRequiredService<SqliteConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);

        var languages = (await connection.QueryAsync<string>("SELECT language FROM articles ORDER BY id")).ToList();
        var links = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM article_links");

        Assert.Equal(["en", "en", "ko", "en", "ko"], languages);
        Assert.Equal(4, links);
    }
}
