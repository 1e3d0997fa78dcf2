using System.Net;
using EditorialArchive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Web;

/// <summary>The seeded app on 4 March 2026 (Seoul), two years to the day after the night-buses editorial.</summary>
public sealed class ReadingAppFactory() : FakeClockAppFactory(Now)
{
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 1, 0, 0, TimeSpan.Zero);
}

public sealed class ReadingPagesTests(ReadingAppFactory app) : IClassFixture<ReadingAppFactory>
{
    private const string NightBuses = "[Sample] The fictional city of Hanbit should keep its night buses running";
    private const string ArchiveColumn = "[Sample] What a newspaper's archive owes its readers";
    private const string RealEditorial = "S. Korea should prepare for U.S.-N. Korea potential developments";

    private HttpClient Client => app.CreateBrowserlessClient();

    [Fact]
    public async Task The_home_page_shows_excerpts_and_pieces_from_this_day_in_earlier_years()
    {
        var page = await Html.GetAsync(Client, "/en/");

        Assert.Equal(
            "This is a sample column written for the Editorial Archive demonstration. Its author is fictional.",
            page.QuerySelectorAll(".piece-item-excerpt")[0].Text());
        Assert.Equal([NightBuses], page.QuerySelectorAll(".on-this-day li a").Select(a => a.Text()));
    }

    [Fact]
    public async Task The_archive_counts_pieces_per_year_and_month()
    {
        var overview = await Html.GetAsync(Client, "/en/archive");
        var year = await Html.GetAsync(Client, "/en/archive/2024");

        Assert.Equal(["2025 1 pieces", "2024 1 pieces", "2023 1 pieces"], overview.QuerySelectorAll(".archive-years > li").Select(li => $"{li.Children[0].Text()} {li.Children[1].Text()}"));
        Assert.Equal(["/en/archive/2024/03"], year.QuerySelectorAll(".archive-months a").Select(a => a.GetAttribute("href")));
        Assert.Equal("March 1", year.QuerySelectorAll(".archive-months li")[2].Text());
        Assert.Equal("February 0", year.QuerySelectorAll(".archive-months li")[1].Text());
        Assert.Equal(["2025", "2023"], year.QuerySelectorAll(".pager a").Select(a => a.Text()));
    }

    [Fact]
    public async Task A_month_page_lists_its_pieces_in_the_page_language()
    {
        var english = await Html.GetAsync(Client, "/en/archive/2024/03");
        var korean = await Html.GetAsync(Client, "/ko/archive/2025/11");

        Assert.Equal("March 2024", english.Single("h1").Text());
        Assert.Equal([NightBuses], english.QuerySelectorAll(".piece-item-headline a").Select(a => a.Text()));
        Assert.Equal("2025년 11월", korean.Single("h1").Text());
        Assert.Equal("지난 글", korean.Single(".front-heading").Text());
    }

    [Fact]
    public async Task Section_and_byline_pages_list_their_pieces_newest_first()
    {
        var editorials = await Html.GetAsync(Client, "/en/sections/editorial");
        var article = await Html.GetAsync(Client, "/en/articles/4/sample-what-a-newspapers-archive-owes-its-readers");
        var bylineUrl = article.Single(".piece-byline a").GetAttribute("href")!;
        var byline = await Html.GetAsync(Client, bylineUrl);

        Assert.Equal("Editorial", editorials.Single("h1").Text());
        Assert.Equal([NightBuses, RealEditorial], editorials.QuerySelectorAll(".piece-item-headline a").Select(a => a.Text()));
        Assert.Equal("/en/bylines/Seo%20Ha-neul%20%28fictional%20columnist%29", bylineUrl);
        Assert.Equal("Seo Ha-neul (fictional columnist)", byline.Single("h1").Text());
        Assert.Equal([ArchiveColumn], byline.QuerySelectorAll(".piece-item-headline a").Select(a => a.Text()));
    }

    [Theory]
    [InlineData("/en/archive/2024/13", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/en/archive/2024/0", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/en/archive/1999", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/en/archive/99999", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/ko/archive/abc", HttpStatusCode.NotFound, "페이지를 찾을 수 없습니다")]
    [InlineData("/ko/sections/sports", HttpStatusCode.NotFound, "페이지를 찾을 수 없습니다")]
    [InlineData("/en/bylines/Nobody", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/en/sections/column?before=yesterday", HttpStatusCode.BadRequest, "This request could not be understood")]
    [InlineData("/ko/archive/2024/03?before=2024-01-01T00:00:00Z_1&after=2024-01-01T00:00:00Z_1", HttpStatusCode.BadRequest, "요청을 처리할 수 없습니다")]
    [InlineData("/en/?after=1_2", HttpStatusCode.BadRequest, "This request could not be understood")]
    public async Task Bad_addresses_answer_a_clear_page_in_their_language(string url, HttpStatusCode status, string heading)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(heading, (await Html.ParseAsync(response)).Single("h1").Text());
    }

    [Fact]
    public async Task Searching_in_korean_finds_words_with_particles_and_marks_them()
    {
        var page = await Html.GetAsync(Client, "/ko/search?q=" + Uri.EscapeDataString("아카이브"));

        var hit = page.Single(".search-results > li");
        Assert.Equal("ko", hit.GetAttribute("lang"));
        Assert.Equal("[예시] 신문 아카이브가 독자에게 지켜야 할 약속", hit.QuerySelector(".piece-item-headline a")!.Text());
        Assert.Equal(["아카이브", "아카이브"], hit.QuerySelectorAll("mark").Select(m => m.Text()));
        Assert.Equal("검색", page.Single("h1").Text());
    }

    [Fact]
    public async Task Searching_in_english_filters_by_language_and_section()
    {
        var all = await Html.GetAsync(Client, "/en/search?q=archive&language=all");
        var columns = await Html.GetAsync(Client, "/en/search?q=archive&section=column");
        var editorials = await Html.GetAsync(Client, "/en/search?q=archive&section=editorial&from=2024-03-04&to=2024-03-04");

        // Every sample piece says "Editorial Archive", the Korean ones too; the real editorial does not.
        Assert.Equal(["en", "en", "ko", "ko"], all.QuerySelectorAll(".search-results > li").Select(li => li.GetAttribute("lang")).Order());
        Assert.Equal([ArchiveColumn], columns.QuerySelectorAll(".search-results .piece-item-headline a").Select(a => a.Text()));
        Assert.Equal([NightBuses], editorials.QuerySelectorAll(".search-results .piece-item-headline a").Select(a => a.Text()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=")]
    [InlineData("q=%22")]
    [InlineData("q=*+-+()")]
    public async Task A_query_without_words_shows_the_form_only(string query)
    {
        var page = await Html.GetAsync(Client, "/en/search?" + query);

        Assert.NotNull(page.QuerySelector("form.search-page-form input[name=q]"));
        Assert.Null(page.QuerySelector(".search-results"));
        Assert.Null(page.QuerySelector(".validation-summary"));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(north korea)")]
    [InlineData("north -korea OR")]
    [InlineData("headline:archive")]
    [InlineData("a* AND (b")]
    public async Task Hostile_queries_answer_a_normal_page(string query)
    {
        using var response = await Client.GetAsync("/en/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/en/search?q=bus&from=2024-02-01&to=2024-01-01", "The start date is after the end date.")]
    [InlineData("/ko/search?q=bus&from=2024-02-01&to=2024-01-01", "시작일이 종료일보다 늦습니다.")]
    [InlineData("/en/search?q=bus&from=yesterday", "The start date must be a date such as 2023-12-15.")]
    [InlineData("/en/search?q=bus&section=sports", "There is no such section; choose one from the list.")]
    [InlineData("/en/search?q=bus&language=fr", "Choose English, Korean or all languages.")]
    [InlineData("/en/search?q=bus&page=51", "Results can be paged up to page 50; narrow the search to see more.")]
    public async Task Bad_filters_keep_the_form_and_say_what_is_wrong(string url, string message)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(message, page.Single(".validation-summary li").Text());
        Assert.Equal("bus", page.Single("#search-q").GetAttribute("value"));
    }

    [Fact]
    public async Task The_article_page_links_its_section_neighbours_related_pieces_and_citations()
    {
        var page = await Html.GetAsync(Client, "/en/articles/2/sample-the-fictional-city-of-hanbit-should-keep-its-night-buses-running");

        Assert.Equal("/en/articles/1/s-korea-should-prepare-for-u-s-n-korea-potential-developments", page.Single(".prev-next a[rel=next]").GetAttribute("href"));
        Assert.Null(page.QuerySelector(".prev-next a[rel=prev]"));
        Assert.Contains(ArchiveColumn, page.QuerySelectorAll(".related li a").Select(a => a.Text()));
        Assert.Equal(
            $"APA {NightBuses}. (2024, March 4). Editorial Archive. http://localhost/en/articles/2/sample-the-fictional-city-of-hanbit-should-keep-its-night-buses-running",
            page.Single(".cite-apa").Text());
        Assert.Equal(
            $"Chicago Editorial Archive. “{NightBuses}.” March 4, 2024. http://localhost/en/articles/2/sample-the-fictional-city-of-hanbit-should-keep-its-night-buses-running.",
            page.Single(".cite-chicago").Text());
    }

    [Fact]
    public async Task The_masthead_searches_and_links_sections_in_the_page_language()
    {
        var page = await Html.GetAsync(Client, "/ko/");

        Assert.Equal("/ko/search", page.Single("form.masthead-search").GetAttribute("action"));
        Assert.Equal("get", page.Single("form.masthead-search").GetAttribute("method"));
        Assert.Equal(["사설", "칼럼", "기고", "독자 편지", "지난 글"], page.QuerySelectorAll(".site-nav a").Select(a => a.Text()));
    }
}
