using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditorialArchive.Web.Articles;

/// <summary>
/// Renders article Markdown to HTML with one pipeline built once. Raw HTML in the source is escaped,
/// and links or images whose scheme is not http, https or mailto (javascript:, data:, …) lose their target.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseFootnotes()
        .UseAutoLinks()
        .Build();

    public string RenderHtml(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException) when (IsNestedBeyondParser(markdown))
        {
            // The desk refuses such text (DeskOptions.MaxMarkdownNesting); text from an import still renders, as plain text.
            return $"<p>{System.Net.WebUtility.HtmlEncode(markdown)}</p>\n";
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
            {
                autolink.Url = "#";
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// How deeply the Markdown nests quotes, lists and inline spans (emphasis, links): a quote holding a list is 2.
    /// Text nested deeper than the parser itself allows (<see cref="MarkdownPipeline.MaximumNestingDepth"/>) counts
    /// as <see cref="int.MaxValue"/>. The walk keeps its own stack, so no depth of input can overflow the thread's.
    /// </summary>
    public int NestingDepth(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            return int.MaxValue;
        }

        var deepest = 0;
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.TryPop(out var item))
        {
            var depth = item.Node is QuoteBlock or ListBlock or ContainerInline ? item.Depth + 1 : item.Depth;
            deepest = Math.Max(deepest, depth);
            switch (item.Node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth - 1)); // the block's inline root is not a level of its own
                    break;
                case ContainerInline span:
                    for (var child = span.FirstChild; child is not null; child = child.NextSibling)
                    {
                        pending.Push((child, depth));
                    }

                    break;
            }
        }

        return deepest;
    }

    private bool IsNestedBeyondParser(string markdown) => NestingDepth(markdown) == int.MaxValue;

    /// <summary>Relative URLs and the safe schemes pass; anything with another scheme does not.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so strip them first.
        var compact = new string([.. url.Where(ch => !char.IsControl(ch) && !char.IsWhiteSpace(ch))]);
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true; // relative: no scheme before the path
        }

        var scheme = compact[..colon];
        return SafeSchemes.Any(s => s.Equals(scheme, StringComparison.OrdinalIgnoreCase));
    }
}
