using EditorialArchive.Web.Reading;

namespace EditorialArchive.Tests.Unit;

public sealed class ReadingTextTests
{
    [Theory]
    [InlineData(0, "harbour")]
    [InlineData(7, "harbour")]
    [InlineData(19, "harbour")]
    [InlineData(3, "항구")]
    [InlineData(5, "nowhere")]
    public void A_snippet_cut_from_the_opening_of_the_markdown_is_the_snippet_of_the_whole_body(int paragraph, string word)
    {
        // Twenty paragraphs with markup; the word in one of them, and (as a trap) inside a link address first of all.
        var paragraphs = Enumerable.Range(0, 20).Select(i => i == paragraph
            ? $"Paragraph {i} says **{word}** twice: {word} and [a link](https://x.example/{i}) with *emphasis* and more words after it to fill a line."
            : $"Paragraph {i} is about [other things](https://x.example/{word}/{i}) with *emphasis*, `code`, and enough words to be long: {new string('x', 40)} and more.");
        var markdown = string.Join("\n\n", paragraphs);
        var query = SearchQuery.Parse(word);

        Assert.Equal(SearchHighlighter.Snippet(SearchText.PlainTextOfMarkdown(markdown), query), SearchHighlighter.SnippetOfMarkdown(markdown, query));
    }

    [Fact]
    public void Snippets_escape_the_text_and_mark_only_the_hits()
    {
        var html = SearchHighlighter.Snippet("<b>North</b> Korean & \"allied\" economies", SearchQuery.Parse("korea economy"));

        Assert.Equal("&lt;b&gt;North&lt;/b&gt; <mark>Korean</mark> &amp; &quot;allied&quot; <mark>economies</mark>", html);
    }

    [Fact]
    public void Korean_hits_are_marked_inside_words_with_particles()
    {
        Assert.Equal("<mark>북한</mark>이 동해상으로 <mark>북한</mark>의", SearchHighlighter.Highlight("북한이 동해상으로 북한의", SearchQuery.Parse("북한")));
    }

    [Fact]
    public void A_snippet_starts_shortly_before_a_late_first_hit()
    {
        var text = string.Join(' ', Enumerable.Repeat("filler", 40)) + " the alliance held " + string.Join(' ', Enumerable.Repeat("tail", 60));

        var html = SearchHighlighter.Snippet(text, SearchQuery.Parse("alliance"));

        Assert.StartsWith("… filler", html);
        Assert.Contains("the <mark>alliance</mark> held", html);
        Assert.EndsWith(" …", html);
    }

    [Theory]
    [InlineData("First paragraph.\nSecond paragraph.", "First paragraph.")]
    [InlineData("", null)]
    public void Excerpts_are_the_first_paragraph(string text, string? expected) =>
        Assert.Equal(expected, Excerpt.Of(text));

    [Fact]
    public void Long_excerpts_are_cut_at_a_word()
    {
        var excerpt = Excerpt.Of(string.Join(' ', Enumerable.Repeat("word", 100)))!;

        Assert.True(excerpt.Length <= Excerpt.MaxLength + 1, excerpt);
        Assert.EndsWith("word…", excerpt);
    }

    [Fact]
    public void Markdown_bodies_are_indexed_as_plain_text()
    {
        Assert.Equal("A bold claim\nA link", SearchText.PlainTextOfMarkdown("A **bold** claim\n\n[A link](https://example.com)"));
    }

    [Fact]
    public void Citations_follow_apa_and_chicago_for_signed_and_unsigned_pieces()
    {
        var signed = new Citation.Parts("The Daily", "Night buses", "Seo Ha-neul", new DateOnly(2024, 3, 4), "https://x.example/en/articles/2/night-buses", "en");
        var unsigned = signed with { Byline = null };
        var korean = signed with { Byline = "서하늘", Headline = "심야버스", Language = "ko" };

        Assert.Equal("Seo Ha-neul. (2024, March 4). Night buses. <i>The Daily</i>. https://x.example/en/articles/2/night-buses", Citation.Apa(signed));
        Assert.Equal("Night buses. (2024, March 4). <i>The Daily</i>. https://x.example/en/articles/2/night-buses", Citation.Apa(unsigned));
        Assert.Equal("Seo Ha-neul. “Night buses.” <i>The Daily</i>, March 4, 2024. https://x.example/en/articles/2/night-buses.", Citation.Chicago(signed));
        Assert.Equal("<i>The Daily</i>. “Night buses.” March 4, 2024. https://x.example/en/articles/2/night-buses.", Citation.Chicago(unsigned));
        Assert.Equal("서하늘. (2024. 3. 4.). 심야버스. <i>The Daily</i>. https://x.example/en/articles/2/night-buses", Citation.Apa(korean));
        Assert.Equal("서하늘, “심야버스,” <i>The Daily</i>, 2024년 3월 4일, https://x.example/en/articles/2/night-buses.", Citation.Chicago(korean));
    }
}
