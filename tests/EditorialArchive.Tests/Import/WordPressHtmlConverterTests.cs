using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Import;

namespace EditorialArchive.Tests.Import;

/// <summary>WordPress post bodies to the archive's Markdown, and what the archive's renderer then makes of it.</summary>
public sealed class WordPressHtmlConverterTests
{
    private readonly WordPressHtmlConverter converter = new();
    private readonly MarkdownRenderer renderer = new();

    [Theory]
    [InlineData("<h2>Title</h2><p>One <em>two</em> <strong>three</strong>.</p>", "## Title\n\nOne *two* **three**.")]
    [InlineData("First paragraph.\n\nSecond line one\nline two.", "First paragraph.\n\nSecond line one\\\nline two.")]
    [InlineData("<ul><li>a</li><li>b <em>c</em></li></ul>", "- a\n- b *c*")]
    [InlineData("<ol start=\"3\"><li>x</li><li>y</li></ol>", "3. x\n4. y")]
    [InlineData("<ul><li>outer<ul><li>inner</li></ul></li></ul>", "- outer\n\n  - inner")]
    [InlineData("<blockquote><p>Quoted.</p><p>Twice.</p></blockquote>", "> Quoted.\n>\n> Twice.")]
    [InlineData("<p><a href=\"https://example.org/a b\">link</a></p>", "[link](https://example.org/a%20b)")]
    [InlineData("<p><img src=\"https://example.org/i.jpg\" alt=\"An alt [text]\"></p>", "![An alt \\[text\\]](https://example.org/i.jpg)")]
    [InlineData("<p>Text with <code>a*b</code>.</p>", "Text with `a*b`.")]
    [InlineData("<pre>line 1\n  line 2</pre>", "```\nline 1\n  line 2\n```")]
    [InlineData("<p>1. not a list, # not a heading</p><p># really not</p>", "1\\. not a list, # not a heading\n\n\\# really not")]
    [InlineData("<p>*stars* _under_ [brackets] &lt;tag&gt; &amp;amp;</p>", "\\*stars\\* \\_under\\_ \\[brackets\\] \\<tag\\> \\&amp;")]
    [InlineData("<!-- wp:paragraph --><p>Block.</p><!-- /wp:paragraph --><!-- wp:separator --><hr class=\"wp-block-separator\"/><!-- /wp:separator -->", "Block.\n\n* * *")]
    [InlineData("Emoji 😀 and 𠜎 and 한글.", "Emoji 😀 and 𠜎 and 한글.")]
    public void Converts_the_html_a_post_body_holds(string html, string markdown) =>
        Assert.Equal(markdown, converter.ToMarkdown(html));

    [Fact]
    public void A_caption_shortcode_becomes_the_image_and_its_caption_text()
    {
        var markdown = converter.ToMarkdown("[caption id=\"attachment_5\" align=\"alignnone\" width=\"300\"]<a href=\"https://example.org/big.jpg\"><img src=\"https://example.org/small.jpg\" alt=\"A harbour\" /></a> The harbour at dawn[/caption]");
        Assert.Equal("[![A harbour](https://example.org/small.jpg)](https://example.org/big.jpg)\n\n*The harbour at dawn*", markdown);
        var old = converter.ToMarkdown("[caption id=\"x\" caption=\"Old &amp; style\"]<img src=\"https://example.org/a.jpg\" alt=\"a\" />[/caption]");
        Assert.Equal("![a](https://example.org/a.jpg)\n\n*Old \\& style*", old);
    }

    [Fact]
    public void Other_shortcodes_go_but_bracketed_words_in_prose_stay()
    {
        Assert.Equal("Before.\n\nAfter \\[sic\\] and \\[1\\] and \\[속보\\].", converter.ToMarkdown("Before.\n\n[gallery ids=\"1,2,3\"]After [sic] and [1] and [속보].[contact-form-7 id=\"9\" title=\"Contact\"]"));
        Assert.Equal("Watch https://example.org/v/1 now.", converter.ToMarkdown("Watch [embed]https://example.org/v/1[/embed] now."));
        Assert.Equal("Click here", converter.ToMarkdown("[vc_row][vc_column][button url=\"x\"]Click here[/button][/vc_column][/vc_row]"));
    }

    [Theory]
    [InlineData("<p>a<script>alert(1)</script>b</p>", "ab")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe><p>after</p>", "after")]
    [InlineData("<p><a href=\"javascript:alert(1)\">words</a></p>", "words")]
    [InlineData("<p><a href=\" JaVaScRiPt:alert(1)\">words</a></p>", "words")]
    [InlineData("<p><a href=\"data:text/html,x\">words</a></p>", "words")]
    [InlineData("<p><img src=\"data:image/png;base64,AAAA\" alt=\"x\" onerror=\"alert(1)\">text</p>", "text")]
    [InlineData("<p onclick=\"alert(1)\" style=\"color:red\">plain</p>", "plain")]
    [InlineData("<p><a href=\"&#106;avascript:alert(1)\">encoded</a> <img/src=\"https://example.org/i.jpg\"/onerror=\"alert(1)\" alt=\"i\"></p>", "encoded ![i](https://example.org/i.jpg)")]
    [InlineData("<p><a href=\"https://example.org/\" title=\"t\" class=\"c\">plain Gutenberg</a></p>", "[plain Gutenberg](https://example.org/)")]
    [InlineData("<style>p{}</style><svg><script>alert(1)</script></svg><p>kept</p>", "kept")]
    [InlineData("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", "a · b\n\nc · d")]
    public void What_cannot_be_expressed_is_sanitized_and_reduced_to_text(string html, string markdown) =>
        Assert.Equal(markdown, converter.ToMarkdown(html));

    [Fact]
    public void Escaped_markup_renders_as_the_text_it_was_never_as_html()
    {
        var html = renderer.RenderHtml(converter.ToMarkdown("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; **not bold**</p>"));
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; **not bold**</p>\n", html);
    }

    [Fact]
    public void Titles_become_plain_text()
    {
        Assert.Equal("Fish & chips — “quoted”", converter.ToPlainText("Fish &amp; chips &#8212; &#8220;quoted&#8221;"));
        Assert.Equal("bold title", converter.ToPlainText("<b>bold</b>   title"));
    }
}
