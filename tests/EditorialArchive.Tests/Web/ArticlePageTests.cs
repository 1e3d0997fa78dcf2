using System.Net;
using AngleSharp.Dom;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Seeds;

namespace EditorialArchive.Tests.Web;

public sealed class ArticlePageTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    private const string SeedPath = "/en/articles/1/s-korea-should-prepare-for-u-s-n-korea-potential-developments";

    private async Task<IDocument> GetAsync(string url) => await Html.GetAsync(app.CreateBrowserlessClient(), url);

    [Fact]
    public async Task The_seed_editorial_shows_every_element_of_the_original_page_in_order()
    {
        var page = await GetAsync(SeedPath);

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        var skip = page.QuerySelectorAll("a[href]")[0];
        Assert.Equal("Go to contents", skip.Text());
        Assert.Equal("#contents", skip.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("contents"));

        var headline = page.Single("h1");
        Assert.Equal("S. Korea should prepare for U.S.-N. Korea potential developments", headline.Text());
        Assert.StartsWith(headline.Text(), page.Title, StringComparison.Ordinal);

        var posted = page.Single(".piece-posted");
        var updated = page.Single(".piece-updated");
        Assert.Equal("Posted December. 15, 2023 08:09", posted.Text());
        Assert.Equal("Updated December. 15, 2023 08:09", updated.Text());
        Assert.Equal("2023-12-15T08:09:00+09:00", posted.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("2023-12-15T08:09:00+09:00", updated.QuerySelector("time")!.GetAttribute("datetime"));

        // The Korean original's address is not known, so no counterpart link is invented.
        Assert.Empty(page.QuerySelectorAll(".piece-counterpart"));

        var expected = new SeedPageParser(new EditorialArchive.Web.Articles.ArchiveTime(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")))
            .Parse(SeedFiles.Read(SeedFiles.OriginalEditorial), SeedFiles.OriginalEditorial).Paragraphs;
        var body = page.Single(".piece-body");
        Assert.Equal(expected, body.QuerySelectorAll("p").Select(p => p.TextContent));

        AssertInDocumentOrder(skip, headline, posted, updated, body);
    }

    [Fact]
    public async Task An_english_piece_links_to_its_korean_counterpart_labelled_in_korean()
    {
        var english = await GetAsync("/en/articles/2/sample-the-fictional-city-of-hanbit-should-keep-its-night-buses-running");

        var link = english.Single(".piece-counterpart a");
        Assert.Equal("한국어", link.Text());
        Assert.Equal("ko", link.GetAttribute("hreflang"));
        Assert.Equal("ko", link.GetAttribute("lang"));
        AssertInDocumentOrder(english.Single(".piece-updated"), link, english.Single(".piece-body"));

        var korean = await GetAsync(link.GetAttribute("href")!);
        Assert.Equal("ko", korean.DocumentElement.GetAttribute("lang"));
        Assert.Equal("본문 바로가기", korean.QuerySelectorAll("a[href]")[0].Text());
        Assert.Equal("[예시] 가상 도시 한빛시는 심야버스를 계속 운행해야 한다", korean.Single("h1").Text());
        Assert.Equal("입력 2024-03-04 07:30", korean.Single(".piece-posted").Text());
        Assert.Equal("수정 2024-03-04 09:15", korean.Single(".piece-updated").Text());
        Assert.Equal("2024-03-04T09:15:00+09:00", korean.Single(".piece-updated time").GetAttribute("datetime"));
        Assert.Equal("사설", korean.Single(".piece-section").Text());

        var back = korean.Single(".piece-counterpart a");
        Assert.Equal("English", back.Text());
        Assert.Equal("en", back.GetAttribute("hreflang"));
        Assert.Equal("/en/articles/2/sample-the-fictional-city-of-hanbit-should-keep-its-night-buses-running", back.GetAttribute("href"));
    }

    [Fact]
    public async Task A_signed_column_shows_its_byline()
    {
        var column = await GetAsync("/en/articles/4/sample-what-a-newspapers-archive-owes-its-readers");

        Assert.Equal("By Seo Ha-neul (fictional columnist)", column.Single(".piece-byline").Text());
        Assert.Equal("Posted November. 20, 2025 06:00", column.Single(".piece-posted").Text());
        Assert.Equal("Updated November. 21, 2025 10:42", column.Single(".piece-updated").Text());
    }

    [Theory]
    [InlineData("/en/articles/1/wrong-slug")]
    [InlineData("/en/articles/1")]
    [InlineData("/en/articles/1/")]
    [InlineData("/ko/articles/1/s-korea-should-prepare-for-u-s-n-korea-potential-developments")]
    public async Task Other_addresses_of_a_piece_answer_301_to_the_canonical_one(string url)
    {
        using var response = await app.CreateBrowserlessClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(SeedPath, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_korean_slug_redirects_with_an_encoded_location()
    {
        using var response = await app.CreateBrowserlessClient().GetAsync("/ko/articles/3/x");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/ko/articles/3/", location, StringComparison.Ordinal);
        Assert.Equal("예시-가상-도시-한빛시는-심야버스를-계속-운행해야-한다", Uri.UnescapeDataString(location["/ko/articles/3/".Length..]));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlessClient().GetAsync(location)).StatusCode);
    }

    [Theory]
    [InlineData("/en/articles/999999/nothing", "en", "Page not found")]
    [InlineData("/ko/articles/999999/nothing", "ko", "페이지를 찾을 수 없습니다")]
    [InlineData("/en/no-such-page", "en", "Page not found")]
    [InlineData("/ko/no-such-page", "ko", "페이지를 찾을 수 없습니다")]
    [InlineData("/fr/articles/1/x", "en", "Page not found")]
    public async Task Unknown_pieces_and_pages_answer_a_real_404_page_in_the_pages_language(string url, string language, string heading)
    {
        using var response = await app.CreateBrowserlessClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await Html.ParseAsync(response);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.Single("h1").Text());
    }

    [Theory]
    [InlineData("/en/articles/99999999999999999999999/x")]
    [InlineData("/en/articles/-1/x")]
    public async Task Malformed_ids_are_not_found_rather_than_errors(string url)
    {
        using var response = await app.CreateBrowserlessClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static void AssertInDocumentOrder(params IElement[] elements)
    {
        for (var i = 1; i < elements.Length; i++)
        {
            var relation = elements[i - 1].CompareDocumentPosition(elements[i]);
            Assert.True(relation.HasFlag(DocumentPositions.Following), $"element {i - 1} ({elements[i - 1].ClassName}) should come before element {i} ({elements[i].ClassName})");
        }
    }
}
