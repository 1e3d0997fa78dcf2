using System.Net;
using AngleSharp.Dom;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Edge;

/// <summary>
/// Desk form limits answer the form with a message beside the field (422, the editor's text kept), or for a form too
/// large to read the form page with a message; stored text is NFC without control characters.
/// </summary>
public sealed class DeskLimitTests(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    [Fact]
    public async Task A_100000_character_headline_gets_the_form_back_with_a_message_beside_the_field()
    {
        await Editors.CreateAsync(app, "limits-headline@example.com");
        using var editor = await Editors.SignedInAsync(app, "limits-headline@example.com");
        using var response = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm,
            new Dictionary<string, string> { ["Headline"] = new('h', 100_000), ["Body"] = "Kept body." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("at most 500 characters", page.QuerySelector(".field-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Kept body.", page.QuerySelector("textarea[name=Body]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Stored_text_is_nfc_without_control_characters()
    {
        await Editors.CreateAsync(app, "limits-text@example.com");
        using var editor = await Editors.SignedInAsync(app, "limits-text@example.com");
        var id = await DeskPages.CreateAsync(editor, "Cafe\u0301 \u0007news", body: "Line\u0001 one\n\tTabbed e\u0301");

        var stored = await DeskPages.StoredAsync(app, id);
        Assert.Equal("Caf\u00e9 news", stored.Headline);
        Assert.Equal("Line one\n\tTabbed \u00e9", stored.BodyMarkdown);
    }

    [Fact]
    public async Task A_10_MB_body_gets_the_form_back_with_a_message_beside_the_body_and_the_text_kept()
    {
        using var editor = await SignedInEditorAsync("limits-10mb@example.com");
        var body = new string('b', 10 * 1024 * 1024);
        using var response = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm,
            new Dictionary<string, string> { ["Headline"] = "Kept headline", ["Body"] = body });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("at most 200,000 characters", ErrorBeside(page, "Body"), StringComparison.Ordinal);
        Assert.Equal("Kept headline", page.QuerySelector("input[name=Headline]")!.GetAttribute("value"));
        Assert.Equal(body.Length, page.QuerySelector("textarea[name=Body]")!.TextContent.Trim().Length);
    }

    [Fact]
    public async Task A_form_too_large_to_read_gets_the_form_page_with_a_message_not_a_400()
    {
        using var editor = await SignedInEditorAsync("limits-17mb@example.com");
        using var response = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm,
            new Dictionary<string, string> { ["Headline"] = "Too big", ["Body"] = new('b', 17 * 1024 * 1024) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetAsync(editor, response.Headers.Location!.OriginalString);
        Assert.Contains("too large to read", page.QuerySelector(".notice-error")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(DeskPages.ArticleForm));
        Assert.Empty(await DeskListHeadlinesAsync(editor, "Too big"));
    }

    [Fact]
    public async Task A_form_with_thousands_of_fields_gets_the_edit_page_with_a_message_not_a_400()
    {
        using var editor = await SignedInEditorAsync("limits-fields@example.com");
        var id = await DeskPages.CreateAsync(editor, "Many fields");
        var junk = Enumerable.Range(0, 3_000).ToDictionary(n => $"junk{n}", n => "x");
        junk["Headline"] = "Many fields changed";
        using var response = await DeskPages.EditAsync(editor, id, junk);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/articles/{id}/edit?refused=form-too-large", response.Headers.Location!.OriginalString);
        var page = await Html.GetAsync(editor, response.Headers.Location.OriginalString);
        Assert.Contains("too large to read", page.QuerySelector(".notice-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Many fields", (await DeskPages.StoredAsync(app, id)).Headline);
    }

    [Fact]
    public async Task A_body_over_200000_characters_is_refused_beside_the_body()
    {
        using var editor = await SignedInEditorAsync("limits-body@example.com");
        using var response = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm,
            new Dictionary<string, string> { ["Headline"] = "Long body", ["Body"] = new('b', 200_001) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at most 200,000 characters", ErrorBeside(await Html.ParseAsync(response), "Body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_byline_over_200_characters_is_refused_beside_the_byline()
    {
        using var editor = await SignedInEditorAsync("limits-byline@example.com");
        using var response = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm,
            new Dictionary<string, string> { ["Headline"] = "Long byline", ["Body"] = "Kept.", ["Byline"] = new('y', 201) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("at most 200 characters", ErrorBeside(page, "Byline"), StringComparison.Ordinal);
        Assert.Equal(new string('y', 201), page.QuerySelector("input[name=Byline]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("ftp://example.com/file")]
    [InlineData("//example.com/no-scheme")]
    [InlineData("https://")]
    public async Task A_counterpart_address_other_than_http_or_https_is_refused_beside_the_field(string url)
    {
        using var editor = await SignedInEditorAsync($"limits-url-{Math.Abs(url.GetHashCode(StringComparison.Ordinal))}@example.com");
        using var response = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm,
            new Dictionary<string, string> { ["Headline"] = "Bad link", ["Body"] = "Kept.", ["ExternalUrl"] = url, ["ExternalTitle"] = "Elsewhere" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("starting with http:// or https://", ErrorBeside(page, "ExternalUrl"), StringComparison.Ordinal);
        Assert.Equal(url, page.QuerySelector("input[name=ExternalUrl]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("> ", 17)]
    [InlineData("- ", 17)]
    [InlineData("> ", 90_000)]
    [InlineData("* ", 50_000)]
    public async Task A_body_nested_too_deeply_is_refused_beside_the_body_on_save_and_on_preview(string marker, int depth)
    {
        using var editor = await SignedInEditorAsync($"limits-nest-{depth}-{(marker[0] == '>' ? "quote" : "list")}@example.com");
        var body = NestedBody(marker, depth);
        foreach (var command in new[] { "", "preview" })
        {
            using var response = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm,
                new Dictionary<string, string> { ["Headline"] = "Deep", ["Body"] = body, ["Command"] = command });

            Assert.Equal(command == "" ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Contains("use at most 16 levels", ErrorBeside(page, "Body"), StringComparison.Ordinal);
            Assert.Equal(body, page.QuerySelector("textarea[name=Body]")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task A_body_nested_to_the_limit_is_saved()
    {
        using var editor = await SignedInEditorAsync("limits-nest-ok@example.com");
        var body = NestedBody("> ", 8) + "\n\n" + NestedBody("- ", 8);
        var id = await DeskPages.CreateAsync(editor, "Nested enough", body: body);
        Assert.Equal(body, (await DeskPages.StoredAsync(app, id)).BodyMarkdown);
    }

    [Fact]
    public void Markdown_nested_beyond_the_parser_renders_as_plain_text_instead_of_throwing()
    {
        var renderer = new EditorialArchive.Web.Articles.MarkdownRenderer();
        var html = renderer.RenderHtml(NestedBody("> ", 5_000) + "<script>");
        Assert.StartsWith("<p>&gt; &gt; ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(int.MaxValue, renderer.NestingDepth(NestedBody("- ", 5_000)));
        Assert.Equal(3, renderer.NestingDepth("> - *deep*"));
    }

    private static string NestedBody(string marker, int depth) => string.Concat(Enumerable.Repeat(marker, depth)) + "deep";

    private async Task<HttpClient> SignedInEditorAsync(string email)
    {
        await Editors.CreateAsync(app, email);
        return await Editors.SignedInAsync(app, email);
    }

    private static string ErrorBeside(IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for={field}]")?.Text() ?? throw new Xunit.Sdk.XunitException($"no message beside {field}");

    private static async Task<List<string>> DeskListHeadlinesAsync(HttpClient editor, string text)
    {
        var page = await Html.GetAsync(editor, $"/admin?q={Uri.EscapeDataString(text)}");
        return [.. page.QuerySelectorAll("table a").Select(a => a.Text()).Where(t => t.Contains(text, StringComparison.Ordinal))];
    }
}
