using System.Net;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Admin;

public sealed class DeskFormTests(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    private async Task<HttpClient> EditorAsync(string email)
    {
        await Editors.CreateAsync(app, email);
        return await Editors.SignedInAsync(app, email);
    }

    private Task<long> CountAsync() => app.Services.GetRequiredService<ArticleRepository>().CountAllAsync(CancellationToken.None);

    [Fact]
    public async Task Validation_errors_appear_beside_their_fields_and_nothing_typed_is_lost()
    {
        var editor = await EditorAsync("validation@example.com");
        var before = await CountAsync();

        using var response = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm, new Dictionary<string, string>
        {
            ["Headline"] = "",
            ["Slug"] = "Not A Slug!",
            ["Language"] = Languages.Korean,
            ["SectionSlug"] = "column",
            ["Byline"] = "Park Ji-woo",
            ["Body"] = "Every word of this must survive.",
            ["ExternalUrl"] = "https://example.com/ko/piece",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Enter a headline.", page.Single("#Headline ~ .field-error").Text());
        Assert.StartsWith("Use lower-case letters, digits and single hyphens", page.Single("#Slug ~ .field-error").Text(), StringComparison.Ordinal);
        Assert.Equal("Enter the title of the linked page.", page.Single("#ExternalTitle ~ .field-error").Text());
        Assert.Equal("true", page.Single("#Headline").GetAttribute("aria-invalid"));
        Assert.Equal("Not A Slug!", page.Single("#Slug").GetAttribute("value"));
        Assert.Equal("ko", page.Single("#Language option[selected]").GetAttribute("value"));
        Assert.Equal("column", page.Single("#SectionSlug option[selected]").GetAttribute("value"));
        Assert.Equal("Park Ji-woo", page.Single("#Byline").GetAttribute("value"));
        Assert.Equal("Every word of this must survive.", page.Single("#Body").TextContent);
        Assert.Equal("https://example.com/ko/piece", page.Single("#ExternalUrl").GetAttribute("value"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Preview_renders_the_body_with_the_sites_renderer_suggests_a_slug_and_saves_nothing()
    {
        var editor = await EditorAsync("preview@example.com");
        var before = await CountAsync();

        using var response = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm, new Dictionary<string, string>
        {
            ["Headline"] = "Seoul's Night Buses, Again",
            ["Body"] = "Some **bold** claim.\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1))",
            ["Command"] = "preview",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var preview = page.Single(".preview .piece-body");
        var expected = app.Services.GetRequiredService<MarkdownRenderer>().RenderHtml("Some **bold** claim.\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1))");
        Assert.Equal(expected.Trim(), preview.InnerHtml.Trim());
        Assert.Equal("bold", preview.QuerySelector("strong")!.Text());
        Assert.Empty(page.QuerySelectorAll(".preview script"));
        Assert.Equal("#", preview.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("seouls-night-buses-again", page.Single("#Slug").GetAttribute("value"));
        Assert.Equal("Seoul's Night Buses, Again", page.Single("#Headline").GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll(".field-error:not(:empty)"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_form_cannot_set_status_or_version_by_over_posting()
    {
        var editor = await EditorAsync("overpost@example.com");

        var id = await DeskPages.CreateAsync(editor, "Sneaky", extra: new Dictionary<string, string> { ["Status"] = "published", ["PostedAt"] = "2020-01-01T00:00:00Z", ["Version"] = "42" });

        var stored = await DeskPages.StoredAsync(app, id);
        Assert.Equal((ArticleStatus.Draft, (DateTimeOffset?)null, 1L), (stored.Status, stored.PostedAt, stored.Version));
    }

    [Theory]
    [InlineData("javascript:alert(1)", "Enter a full web address starting with http:// or https://.")]
    [InlineData("ftp://example.com/piece", "Enter a full web address starting with http:// or https://.")]
    [InlineData("example.com/piece", "Enter a full web address starting with http:// or https://.")]
    public async Task An_external_counterpart_must_be_an_http_or_https_address(string url, string error)
    {
        var editor = await EditorAsync($"external-{Guid.NewGuid():N}@example.com");
        var id = await DeskPages.CreateAsync(editor, "External link check");

        using var response = await DeskPages.EditAsync(editor, id, new Dictionary<string, string> { ["ExternalUrl"] = url, ["ExternalTitle"] = "원문" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(error, page.Single("#ExternalUrl ~ .field-error").Text());
        Assert.Equal(url, page.Single("#ExternalUrl").GetAttribute("value"));
        Assert.Null((await DeskPages.StoredAsync(app, id)).ExternalUrl);
    }

    [Fact]
    public async Task A_valid_external_counterpart_is_stored_and_shown_to_readers()
    {
        var editor = await EditorAsync("external-ok@example.com");
        var id = await DeskPages.CreateAsync(editor, "With an external original");

        using var response = await DeskPages.EditAsync(editor, id, new Dictionary<string, string> { ["ExternalUrl"] = "https://news.example.kr/opinion/123", ["ExternalTitle"] = "[사설] 원문" });
        await DeskPages.StepOkAsync(editor, id, "publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetAsync(app.CreateBrowserlessClient(), $"/en/articles/{id}/with-an-external-original");
        var link = page.Single(".piece-counterpart a");
        Assert.Equal(("https://news.example.kr/opinion/123", "ko", "[사설] 원문"), (link.GetAttribute("href"), link.GetAttribute("hreflang"), link.GetAttribute("title")));
    }

    [Fact]
    public async Task Linking_a_counterpart_links_both_pieces_and_unlinking_either_unlinks_both()
    {
        var editor = await EditorAsync("counterparts@example.com");
        var english = await DeskPages.CreateAsync(editor, "Rice prices", Languages.English);
        var korean = await DeskPages.CreateAsync(editor, "쌀값", Languages.Korean);

        using (var link = await DeskPages.EditAsync(editor, english, new Dictionary<string, string> { ["CounterpartId"] = korean.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        }

        Assert.Equal(korean, (await DeskPages.StoredAsync(app, english)).CounterpartArticleId);
        Assert.Equal(english, (await DeskPages.StoredAsync(app, korean)).CounterpartArticleId);
        var koreanForm = await Html.GetAsync(editor, $"/admin/articles/{korean}/edit");
        Assert.Equal(english.ToString(System.Globalization.CultureInfo.InvariantCulture), koreanForm.Single("#CounterpartId").GetAttribute("value"));

        await DeskPages.StepOkAsync(editor, english, "publish");
        await DeskPages.StepOkAsync(editor, korean, "publish");
        var englishPage = await Html.GetAsync(app.CreateBrowserlessClient(), $"/en/articles/{english}/rice-prices");
        Assert.Equal($"/ko/articles/{korean}/{Uri.EscapeDataString("쌀값")}", englishPage.Single(".piece-counterpart a").GetAttribute("href"));

        // Unlink from the Korean side: the English piece loses its link too.
        using (var unlink = await DeskPages.EditAsync(editor, korean, new Dictionary<string, string> { ["CounterpartId"] = "" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlink.StatusCode);
        }

        Assert.Null((await DeskPages.StoredAsync(app, korean)).CounterpartArticleId);
        Assert.Null((await DeskPages.StoredAsync(app, english)).CounterpartArticleId);
        var unlinkedPage = await Html.GetAsync(app.CreateBrowserlessClient(), $"/en/articles/{english}/rice-prices");
        Assert.Null(unlinkedPage.QuerySelector(".piece-counterpart"));
    }

    [Fact]
    public async Task A_counterpart_must_exist_be_another_piece_and_be_in_the_other_language()
    {
        var editor = await EditorAsync("bad-counterparts@example.com");
        var first = await DeskPages.CreateAsync(editor, "English one", Languages.English);
        var second = await DeskPages.CreateAsync(editor, "English two", Languages.English);

        async Task<string> ErrorFor(string counterpartId, string? url = null)
        {
            var typed = new Dictionary<string, string> { ["CounterpartId"] = counterpartId };
            if (url is not null)
            {
                typed["ExternalUrl"] = url;
                typed["ExternalTitle"] = "Title";
            }

            using var response = await DeskPages.EditAsync(editor, first, typed);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = await Html.ParseAsync(response);
            return page.QuerySelectorAll(".field-error").Select(e => e.Text()).Single(t => t.Length > 0);
        }

        Assert.Equal($"Piece {second} is in the same language; the counterpart must be in the other one.", await ErrorFor($"{second}"));
        Assert.Equal("There is no piece 999999 in the archive.", await ErrorFor("999999"));
        Assert.Equal("A piece cannot be its own counterpart.", await ErrorFor($"{first}"));
        Assert.Equal("Link either a piece of this archive or an external page, not both.", await ErrorFor($"{second}", "https://example.com/"));
        Assert.Equal(1L, (await DeskPages.StoredAsync(app, first)).Version);
    }

    [Fact]
    public async Task Create_redirects_to_the_edit_page_and_an_unknown_piece_is_404()
    {
        var editor = await EditorAsync("prg@example.com");

        using var created = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm, new Dictionary<string, string> { ["Headline"] = "PRG piece", ["Body"] = "Body." });
        using var missing = await editor.GetAsync("/admin/articles/999999/edit");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await Html.GetAsync(editor, created.Headers.Location!.OriginalString);
        Assert.Equal("Draft created.", page.Single(".notice-success").Text());
        Assert.Equal("prg-piece", page.Single("#Slug").GetAttribute("value"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
