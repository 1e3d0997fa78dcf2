using Microsoft.Playwright;

namespace EditorialArchive.BrowserTests;

/// <summary>The reader's way to older pieces: the masthead search in both languages, the archive by year and month, a section.</summary>
public sealed class ReaderFindsTests(LiveArchive archive) : IClassFixture<LiveArchive>
{
    private const string NightBusesEn = "[Sample] The fictional city of Hanbit should keep its night buses running";
    private const string NightBusesKo = "[예시] 가상 도시 한빛시는 심야버스를 계속 운행해야 한다";

    [Theory]
    [InlineData("desktop", 1280, 900, true)]
    [InlineData("phone", 375, 667, true)]
    [InlineData("phone-nojs", 375, 667, false)]
    public async Task A_reader_searches_in_both_languages_and_browses_the_archive_and_a_section(string name, int width, int height, bool javaScript)
    {
        await using var context = await archive.NewContextAsync(javaScript, new ViewportSize { Width = width, Height = height });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);

        // Korean search from the Korean masthead: a two-syllable word of the sample editorial.
        await page.GotoAsync("/ko/");
        await page.Locator("#masthead-q").FillAsync("노선");
        // Enter in the field, not a click on the button: a click at the button's place once missed on the phone
        // layout in CI (no navigation followed; the layout can still move while the CJK fonts settle).
        Assert.True(await page.Locator(".masthead-search button").IsVisibleAsync());
        await page.Locator("#masthead-q").PressAsync("Enter");
        await page.WaitForURLAsync("**/ko/search?q=*");
        Assert.Equal("ko", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("‘노선’ 검색 결과", await page.Locator(".search h2").InnerTextAsync());
        Assert.Equal([NightBusesKo], await page.Locator(".search-results .piece-item-headline").AllInnerTextsAsync());
        Assert.Contains("노선", await page.Locator(".search-results .search-snippet mark").First.InnerTextAsync());
        await CheckAsync(page, javaScript, $"reader-{name}-4-search-ko");

        // English search from the English masthead.
        await page.GotoAsync("/en/");
        await page.Locator("#masthead-q").FillAsync("night buses");
        await page.Locator("#masthead-q").PressAsync("Enter");
        await page.WaitForURLAsync("**/en/search?q=*");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal([NightBusesEn], await page.Locator(".search-results .piece-item-headline").AllInnerTextsAsync());
        await CheckAsync(page, javaScript, $"reader-{name}-5-search-en");

        await page.GetByRole(AriaRole.Link, new() { Name = NightBusesEn }).ClickAsync();
        await page.WaitForURLAsync("**/en/articles/2/**");

        // The archive: years, then a year, then a month.
        await page.Locator(".site-nav a", new() { HasText = "Archive" }).ClickAsync();
        await page.WaitForURLAsync("**/en/archive");
        Assert.Equal("Archive", await page.Locator("h1").InnerTextAsync());
        Assert.StartsWith("Editorials, columns and op-eds of ", await page.GetAttributeAsync("meta[name=description]", "content"));
        await CheckAsync(page, javaScript, $"reader-{name}-6-archive");

        await page.Locator(".archive-years > li > a", new() { HasText = "2024" }).ClickAsync();
        await page.WaitForURLAsync("**/en/archive/2024");
        Assert.StartsWith("2024", await page.Locator("h1").InnerTextAsync());
        await CheckAsync(page, javaScript, $"reader-{name}-7-archive-year");

        await page.Locator(".archive-months a", new() { HasText = "March" }).ClickAsync();
        await page.WaitForURLAsync("**/en/archive/2024/03");
        Assert.Equal([NightBusesEn], await page.Locator(".piece-item-headline").AllInnerTextsAsync());
        await CheckAsync(page, javaScript, $"reader-{name}-8-archive-month");

        // A section, in Korean.
        await page.GotoAsync("/ko/");
        await page.Locator(".site-nav a", new() { HasText = "칼럼" }).ClickAsync();
        await page.WaitForURLAsync("**/ko/sections/column");
        Assert.Equal(["[예시] 신문 아카이브가 독자에게 지켜야 할 약속"], await page.Locator(".piece-item-headline").AllInnerTextsAsync());
        await CheckAsync(page, javaScript, $"reader-{name}-9-section-ko");
    }

    private static async Task CheckAsync(IPage page, bool javaScript, string screenshot)
    {
        if (javaScript)
        {
            await Evidence.AssertAccessibleAsync(page);
        }

        await Evidence.ScreenshotAsync(page, screenshot);
    }
}
