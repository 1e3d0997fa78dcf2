using System.Text;
using EditorialArchive.Web.Articles;
using Markdig;

namespace EditorialArchive.Web.Reading;

/// <summary>The text the search index holds: NFC-normalized, and for bodies the readable text of the Markdown.</summary>
public static class SearchText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseFootnotes()
        .Build();

    /// <summary>NFC, so that Hangul typed as decomposed jamo matches the composed syllables (a lone surrogate becomes U+FFFD).</summary>
    public static string Normalize(string? text) =>
        string.IsNullOrEmpty(text) ? "" : WellFormedText.Of(text).Normalize(NormalizationForm.FormC);

    /// <summary>Paragraphs of plain text, one per line, without Markdown punctuation.</summary>
    public static string PlainTextOfMarkdown(string? markdown) =>
        string.IsNullOrEmpty(markdown) ? "" : Normalize(Markdown.ToPlainText(markdown, Pipeline)).Trim();
}
