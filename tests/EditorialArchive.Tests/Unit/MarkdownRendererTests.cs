using EditorialArchive.Web.Articles;

namespace EditorialArchive.Tests.Unit;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [Fact]
    public void Renders_paragraphs_emphasis_and_links()
    {
        var html = renderer.RenderHtml("First *point*.\n\nSee [the report](https://example.com/report).");

        Assert.Equal("<p>First <em>point</em>.</p>\n<p>See <a href=\"https://example.com/report\">the report</a>.</p>\n", html);
    }

    [Fact]
    public void Raw_html_is_escaped_not_passed_through()
    {
        var html = renderer.RenderHtml("<script>alert(1)</script>\n\nText with <b onclick=\"x()\">bold</b>.");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("![x](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    public void Unsafe_link_targets_are_removed(string markdown)
    {
        var html = renderer.RenderHtml(markdown);

        var targets = System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, target => Assert.Equal("#", target));
    }

    [Theory]
    [InlineData("/ko/articles/1/slug", true)]
    [InlineData("#note", true)]
    [InlineData("mailto:desk@example.com", true)]
    [InlineData("HTTPS://example.com", true)]
    [InlineData("page?a=b:c", true)]
    [InlineData("ftp://example.com", false)]
    [InlineData(" javascript:x", false)]
    public void Safe_urls_are_relative_or_http_https_mailto(string url, bool safe) =>
        Assert.Equal(safe, MarkdownRenderer.IsSafeUrl(url));

    [Fact]
    public void Plain_text_paragraphs_render_as_the_same_text()
    {
        string[] paragraphs = ["1. Not a list", "# not a heading", "Stars *stay* and [brackets] too <b>", "- not an item"];

        var html = renderer.RenderHtml(PlainTextMarkdown.FromParagraphs(paragraphs));

        Assert.Equal(
            "<p>1. Not a list</p>\n<p># not a heading</p>\n<p>Stars *stay* and [brackets] too &lt;b&gt;</p>\n<p>- not an item</p>\n",
            html);
    }
}
