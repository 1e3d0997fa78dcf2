using Microsoft.Playwright;

namespace EditorialArchive.BrowserTests;

public sealed class ReaderJourneyTests(LiveArchive archive) : IClassFixture<LiveArchive>
{
    private const string SeedHeadline = "S. Korea should prepare for U.S.-N. Korea potential developments";

    [Theory]
    [InlineData("desktop", 1280, 900, true)]
    [InlineData("phone", 375, 667, true)]
    [InlineData("phone-nojs", 375, 667, false)]
    public async Task A_reader_goes_from_the_home_page_to_a_piece_and_its_korean_counterpart(string name, int width, int height, bool javaScript)
    {
        await using var context = await archive.NewContextAsync(javaScript, new ViewportSize { Width = width, Height = height });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);

        // Home
        await page.GotoAsync("/en/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        if (javaScript)
        {
            await Evidence.AssertAccessibleAsync(page);
        }

        await Evidence.ScreenshotAsync(page, $"reader-{name}-1-home-en");
        if (name == "phone")
        {
            await Evidence.ReadmeScreenshotAsync(page, "home-phone");
        }

        // Open the seed editorial
        await page.GetByRole(AriaRole.Link, new() { Name = SeedHeadline }).ClickAsync();
        await page.WaitForURLAsync("**/en/articles/1/**");
        Assert.Equal(SeedHeadline, await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Posted December. 15, 2023 08:09", await page.Locator(".piece-posted").InnerTextAsync());
        if (javaScript)
        {
            await Evidence.AssertAccessibleAsync(page);
        }

        await Evidence.ScreenshotAsync(page, $"reader-{name}-2-article-en");
        if (name == "desktop")
        {
            await Evidence.ReadmeScreenshotAsync(page, "article-en");
        }

        // The skip link is the first thing Tab reaches, and following it moves focus to the content.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#contents")).ToBeFocusedAsync();

        // A piece with a counterpart: to Korean and back.
        await page.GotoAsync("/en/articles/2/sample-the-fictional-city-of-hanbit-should-keep-its-night-buses-running");
        await page.Locator(".piece-counterpart a", new() { HasText = "한국어" }).ClickAsync();
        await page.WaitForURLAsync("**/ko/articles/3/**");
        Assert.Equal("ko", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("입력 2024-03-04 07:30", await page.Locator(".piece-posted").InnerTextAsync());
        Assert.Equal("본문 바로가기", await page.Locator(".skip-link").InnerTextAsync());
        if (javaScript)
        {
            await Evidence.AssertAccessibleAsync(page);
        }

        await Evidence.ScreenshotAsync(page, $"reader-{name}-3-article-ko");
        if (name == "desktop")
        {
            await Evidence.ReadmeScreenshotAsync(page, "article-ko");
        }

        await page.Locator(".piece-counterpart a", new() { HasText = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/en/articles/2/**");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

        // No horizontal scrolling on any viewport.
        if (javaScript)
        {
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        }
    }

    [Fact]
    public async Task The_not_found_page_is_accessible_in_both_languages()
    {
        await using var context = await archive.NewContextAsync();
        var page = await context.NewPageAsync();

        foreach (var language in new[] { "en", "ko" })
        {
            var response = await page.GotoAsync($"/{language}/articles/999999/missing");
            Assert.Equal(404, response!.Status);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            await Evidence.AssertAccessibleAsync(page);
            await Evidence.ScreenshotAsync(page, $"not-found-{language}");
        }
    }
}
