using System.Text.RegularExpressions;
using EditorialArchive.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EditorialArchive.BrowserTests;

public sealed partial class EditorJourneyTests(LiveArchive archive) : IClassFixture<LiveArchive>
{
    [Theory]
    [InlineData("desktop", 1280, 900, "2026-01-05T09:00")]
    [InlineData("phone", 375, 667, "2026-01-06T09:00")]
    public async Task An_editor_writes_publishes_corrects_and_meets_a_conflict(string name, int width, int height, string postedAt)
    {
        var viewport = new ViewportSize { Width = width, Height = height };
        var first = $"first-{name}@desk.test";
        var second = $"second-{name}@desk.test";
        await Editors.CreateAsync(archive.App, first);
        await Editors.CreateAsync(archive.App, second);
        var headline = $"Libraries should open on Sundays ({name})";

        await using var desk = await archive.NewContextAsync(viewport: viewport);
        var page = await desk.NewPageAsync();
        page.SetDefaultTimeout(15_000);

        // Sign in
        await page.GotoAsync("/admin/login");
        await Evidence.AssertAccessibleAsync(page);
        await Evidence.ScreenshotAsync(page, $"editor-{name}-1-login");
        await SignInAsync(page, first);
        Assert.Equal("Pieces", await page.Locator("h1").InnerTextAsync());
        await Evidence.AssertAccessibleAsync(page);
        await Evidence.ScreenshotAsync(page, $"editor-{name}-2-admin-list");

        // A draft in Markdown
        await page.GetByRole(AriaRole.Link, new() { Name = "New piece" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/articles/new");
        await Evidence.AssertAccessibleAsync(page);
        await page.Locator("#Headline").FillAsync(headline);
        await page.Locator("#Body").FillAsync("Reading rooms are **full** on weekdays.\n\n- open at ten\n- close at six");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/admin/articles/\d+/edit"));
        var id = DeskPages.IdOf(page.Url);
        Assert.Equal("draft", await page.Locator(".piece-facts .badge").InnerTextAsync());
        await Evidence.AssertAccessibleAsync(page);
        await Evidence.ScreenshotAsync(page, $"editor-{name}-3-form");
        if (name == "desktop")
        {
            await Evidence.ReadmeScreenshotAsync(page, "desk-edit-form");
        }

        // Preview renders the Markdown and saves nothing
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".preview .piece-body strong")).ToHaveTextAsync("full");
        Assert.Equal(["open at ten", "close at six"], await page.Locator(".preview .piece-body li").AllInnerTextsAsync());
        await Evidence.AssertAccessibleAsync(page);
        await Evidence.ScreenshotAsync(page, $"editor-{name}-4-preview");

        // Publish, backdated as an archive backfill would be, so that the correction's Updated time is plainly later.
        await page.Locator("#PostedAt").FillAsync(postedAt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".piece-facts .badge")).ToHaveTextAsync("published");
        await Evidence.AssertAccessibleAsync(page);
        var publicUrl = await page.GetByRole(AriaRole.Link, new() { Name = "Public page" }).GetAttributeAsync("href");
        Assert.StartsWith($"/en/articles/{id}/libraries-should-open-on-sundays", publicUrl);

        // On the home page, in the feed and in the sitemap
        string postedText;
        await using (var reader = await archive.NewContextAsync(viewport: viewport))
        {
            var readerPage = await reader.NewPageAsync();
            await readerPage.GotoAsync("/en/");
            Assert.Contains(headline, await readerPage.Locator(".piece-item-headline").AllInnerTextsAsync());

            var feed = await reader.APIRequest.GetAsync("/en/rss.xml");
            Assert.Contains($"<title>{headline}</title>", await feed.TextAsync());

            var index = await (await reader.APIRequest.GetAsync("/sitemap.xml")).TextAsync();
            var chunk = SitemapChunk().Match(index).Groups[1].Value;
            var sitemap = await (await reader.APIRequest.GetAsync(new Uri(chunk).PathAndQuery)).TextAsync();
            Assert.Contains(archive.BaseUrl + publicUrl, sitemap);

            await readerPage.GotoAsync(publicUrl!);
            postedText = await readerPage.Locator(".piece-posted time").InnerTextAsync();
            Assert.Equal(postedText, await readerPage.Locator(".piece-updated time").InnerTextAsync());
            Assert.Equal(0, await readerPage.Locator(".corrections").CountAsync());
        }

        // A correction
        await page.Locator("#Body").FillAsync("Reading rooms are **full** on weekdays.\n\n- open at nine\n- close at six");
        await page.Locator("#CorrectionNote").FillAsync("The opening hour was wrong.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and update the public page" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice-success")).ToBeVisibleAsync();
        await Evidence.AssertAccessibleAsync(page);

        await using (var reader = await archive.NewContextAsync(viewport: viewport))
        {
            var readerPage = await reader.NewPageAsync();
            await readerPage.GotoAsync(publicUrl!);
            var updatedText = await readerPage.Locator(".piece-updated time").InnerTextAsync();
            Assert.NotEqual(postedText, updatedText);
            Assert.Equal(["open at nine", "close at six"], await readerPage.Locator(".piece-body li").AllInnerTextsAsync());
            Assert.Equal($"Updated {updatedText} : The opening hour was wrong.", await readerPage.Locator(".corrections .correction").InnerTextAsync());
            await Evidence.AssertAccessibleAsync(readerPage);
            await Evidence.ScreenshotAsync(readerPage, $"editor-{name}-5-corrected-article");
        }

        // The revision diff
        await page.GetByRole(AriaRole.Link, new() { Name = "Revisions" }).ClickAsync();
        await page.WaitForURLAsync($"**/admin/articles/{id}/revisions");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Compare from version 2" }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Compare to version 3" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Assertions.Expect(page.Locator(".diff del")).ToHaveTextAsync("- open at ten");
        await Assertions.Expect(page.Locator(".diff ins")).ToHaveTextAsync("- open at nine");
        await Evidence.AssertAccessibleAsync(page);
        await Evidence.ScreenshotAsync(page, $"editor-{name}-6-revisions");

        // Two editors load the same form; the first to save wins, the second sees both texts.
        await using var other = await archive.NewContextAsync(viewport: viewport);
        var otherPage = await other.NewPageAsync();
        otherPage.SetDefaultTimeout(15_000);
        await otherPage.GotoAsync("/admin/login");
        await SignInAsync(otherPage, second);
        await otherPage.GotoAsync($"/admin/articles/{id}/edit");
        await page.GotoAsync($"/admin/articles/{id}/edit");

        await page.Locator("#Body").FillAsync("Mine: reading rooms should open on Sundays.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and update the public page" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice-success")).ToBeVisibleAsync();

        await otherPage.Locator("#Body").FillAsync("Theirs: and on public holidays.");
        var conflict = await otherPage.RunAndWaitForResponseAsync(
            () => otherPage.GetByRole(AriaRole.Button, new() { Name = "Save and update the public page" }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.EndsWith($"/admin/articles/{id}/edit", StringComparison.Ordinal));
        Assert.Equal(409, conflict.Status);
        await otherPage.WaitForLoadStateAsync();
        Assert.Equal("Mine: reading rooms should open on Sundays.", await otherPage.Locator(".conflict-theirs .conflict-body").InnerTextAsync());
        Assert.Equal("Theirs: and on public holidays.", await otherPage.Locator(".conflict-yours .conflict-body").InnerTextAsync());
        Assert.Equal("Theirs: and on public holidays.", await otherPage.Locator("#Body").InputValueAsync());
        await Evidence.AssertAccessibleAsync(otherPage);
        await Evidence.ScreenshotAsync(otherPage, $"editor-{name}-7-conflict");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.True(page.Url.EndsWith("/admin", StringComparison.Ordinal), $"{page.Url}: {await page.Locator("main").InnerTextAsync()}");
    }

    [GeneratedRegex(@"<loc>([^<]*articles-\d+\.xml)</loc>")]
    private static partial Regex SitemapChunk();
}
