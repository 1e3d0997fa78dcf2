using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EditorialArchive.Web.Articles;
using Ganss.Xss;

namespace EditorialArchive.Web.Import;

/// <summary>
/// Turns a WordPress post body (<c>content:encoded</c>: classic-editor HTML with its blank-line paragraphs, or
/// Gutenberg blocks) into the archive's Markdown. The HTML is parsed once; a body with anything this class does not
/// express is cleaned by HtmlSanitizer first, so <c>&lt;script&gt;</c>, <c>&lt;iframe&gt;</c>, event handlers and
/// <c>javascript:</c> or <c>data:</c> addresses are gone before anything is read; then headings, paragraphs, emphasis, links, lists, quotes, images with their alt text,
/// code and rules become Markdown, and every other element is reduced to its text. Nothing is kept as HTML: the text
/// is escaped so that the archive's renderer (which refuses raw HTML anyway) shows it as written. Gutenberg's
/// <c>&lt;!-- wp:… --&gt;</c> comments go with every other comment. Not thread-safe: one converter per import.
/// </summary>
public sealed partial class WordPressHtmlConverter
{
    private const char HardBreak = '\u0001';

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "figure", "figcaption", "blockquote",
        "ul", "ol", "li", "dl", "dt", "dd", "pre", "hr", "table", "thead", "tbody", "tfoot", "tr", "h1", "h2", "h3", "h4", "h5",
        "h6", "address", "center", "details", "summary", "fieldset", "form", "hgroup", "caption",
    };

    // Never read, whatever the sanitizer's settings: their content is code or an embedded page, not text.
    private static readonly HashSet<string> DroppedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head", "title", "video",
        "audio", "source", "track", "canvas", "map", "select", "textarea", "input", "button",
    };

    private readonly HtmlParser parser = new();
    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <summary>The Markdown of a post body; empty when nothing readable is left.</summary>
    public string ToMarkdown(string html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var resolved = WordPressShortcodes.Resolve(html);
        var document = parser.ParseDocument(resolved);
        var body = document.Body!;
        // The conversion below writes only text, checked link and image addresses and alt text, whatever it reads, so
        // a body made only of the elements it expresses, without event handlers, styles or other schemes, gains
        // nothing from a second pass; any other body goes through HtmlSanitizer first. (A third of the import's
        // reading time was the sanitizer on plain Gutenberg posts.)
        if (MayNeedSanitizing().IsMatch(resolved))
        {
            sanitizer.SanitizeDom(document, body);
        }

        var blocks = Blocks(body.ChildNodes, autop: true);
        return WellFormedText.Of(string.Join("\n\n", blocks)).Trim();
    }

    /// <summary>A title or other one-line text as plain text: tags dropped, entities decoded, spaces collapsed.</summary>
    public string ToPlainText(string html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var document = parser.ParseDocument("<!doctype html><body><p>" + html);
        var text = document.Body!.TextContent;
        return WhitespacePattern().Replace(WellFormedText.Of(text), " ").Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // Styles are never carried over, so they need not be parsed.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }

    // WordPress's wpautop: in the classic editor's HTML a blank line separates paragraphs and a single newline is a
    // line break; text inside elements is ordinary HTML, where a newline is a space.
    private List<string> Blocks(INodeList nodes, bool autop)
    {
        var blocks = new List<string>();
        var paragraph = new StringBuilder();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case IText text when autop && text.Data.Contains('\n', StringComparison.Ordinal):
                    var parts = BlankLinePattern().Split(text.Data);
                    for (var i = 0; i < parts.Length; i++)
                    {
                        if (i > 0)
                        {
                            Flush(paragraph, blocks);
                        }

                        AppendText(paragraph, parts[i], keepLineBreaks: true);
                    }

                    break;
                case IText text:
                    AppendText(paragraph, text.Data, keepLineBreaks: false);
                    break;
                case IElement element when DroppedTags.Contains(element.LocalName):
                    break;
                case IElement element when BlockTags.Contains(element.LocalName):
                    Flush(paragraph, blocks);
                    blocks.AddRange(Block(element));
                    break;
                case IElement element:
                    Inline(element, paragraph);
                    break;
                default:
                    break; // comments (Gutenberg's block delimiters among them)
            }
        }

        Flush(paragraph, blocks);
        return blocks;
    }

    private IEnumerable<string> Block(IElement element)
    {
        switch (element.LocalName)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                var heading = OneLine(InlineText(element));
                return heading.Length == 0 ? [] : [new string('#', element.LocalName[1] - '0') + " " + heading];
            case "ul" or "ol":
                return List(element);
            case "blockquote":
                var quoted = string.Join("\n\n", Blocks(element.ChildNodes, autop: true));
                return quoted.Length == 0 ? [] : [string.Join("\n", quoted.Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line))];
            case "pre":
                return Code(element.TextContent);
            case "hr":
                return ["* * *"];
            case "figcaption" or "caption":
                var caption = OneLine(InlineText(element));
                return caption.Length == 0 ? [] : ["*" + caption + "*"];
            case "tr":
                // Tables become one line per row: the cells' text, separated (the archive's pages have no tables).
                var cells = element.Children.Select(cell => OneLine(string.Join(" ", Blocks(cell.ChildNodes, autop: false)))).Where(cell => cell.Length > 0);
                var row = string.Join(" · ", cells);
                return row.Length == 0 ? [] : [row];
            case "p":
                return Blocks(element.ChildNodes, autop: true);
            default:
                return Blocks(element.ChildNodes, autop: element.LocalName is "div" or "section" or "article" or "li" or "dd");
        }
    }

    private List<string> List(IElement list)
    {
        var items = new List<string>();
        var number = list.LocalName == "ol" && int.TryParse(list.GetAttribute("start"), NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
        var loose = false;
        foreach (var item in list.Children)
        {
            if (DroppedTags.Contains(item.LocalName))
            {
                continue;
            }

            var blocks = item.LocalName is "ul" or "ol" ? List(item) : Blocks(item.ChildNodes, autop: true);
            if (blocks.Count == 0)
            {
                continue;
            }

            loose |= blocks.Count > 1 && item.LocalName == "li";
            var marker = list.LocalName == "ol" ? $"{number++}. " : "- ";
            var indent = new string(' ', marker.Length);
            var text = string.Join("\n\n", blocks);
            items.Add(marker + string.Join("\n", text.Split('\n').Select((line, i) => i == 0 || line.Length == 0 ? line : indent + line)));
        }

        return items.Count == 0 ? [] : [string.Join(loose ? "\n\n" : "\n", items)];
    }

    private static IEnumerable<string> Code(string code)
    {
        code = code.Trim('\n', '\r');
        if (code.Trim().Length == 0)
        {
            return [];
        }

        var longestRun = BacktickRunPattern().Matches(code).Select(m => m.Length).DefaultIfEmpty(0).Max();
        var fence = new string('`', Math.Max(3, longestRun + 1));
        return [fence + "\n" + code + "\n" + fence];
    }

    private void Inline(IElement element, StringBuilder output)
    {
        var name = element.LocalName;
        if (DroppedTags.Contains(name))
        {
            return;
        }

        switch (name)
        {
            case "br":
                output.Append(HardBreak);
                return;
            case "img":
                var source = element.GetAttribute("src");
                if (!string.IsNullOrWhiteSpace(source) && MarkdownRenderer.IsSafeUrl(source))
                {
                    output.Append("![").Append(EscapeText(OneLine(element.GetAttribute("alt") ?? ""))).Append("](").Append(Url(source)).Append(')');
                }

                return;
            case "em" or "i" or "cite" or "dfn" or "var":
                Wrap(element, output, "*");
                return;
            case "strong" or "b":
                Wrap(element, output, "**");
                return;
            case "del" or "s" or "strike":
                Wrap(element, output, "~~");
                return;
            case "code" or "kbd" or "samp" or "tt":
                var code = OneLine(element.TextContent);
                if (code.Length > 0)
                {
                    var ticks = new string('`', BacktickRunPattern().Matches(code).Select(m => m.Length).DefaultIfEmpty(0).Max() + 1);
                    output.Append(ticks).Append(code.StartsWith('`') || code.EndsWith('`') ? " " + code + " " : code).Append(ticks);
                }

                return;
            case "a":
                var href = element.GetAttribute("href");
                var label = InlineText(element).Trim();
                if (string.IsNullOrWhiteSpace(href) || !MarkdownRenderer.IsSafeUrl(href) || label.Length == 0)
                {
                    output.Append(label); // javascript: and data: links lose their target and keep their words
                }
                else
                {
                    output.Append('[').Append(label).Append("](").Append(Url(href)).Append(')');
                }

                return;
            default:
                if (BlockTags.Contains(name))
                {
                    // A block inside an inline element (a <div> in a link): its text, set apart by spaces.
                    output.Append(' ').Append(OneLine(string.Join(" ", Block(element)))).Append(' ');
                    return;
                }

                foreach (var child in element.ChildNodes)
                {
                    InlineNode(child, output);
                }

                return;
        }
    }

    private void InlineNode(INode node, StringBuilder output)
    {
        switch (node)
        {
            case IText text:
                AppendText(output, text.Data, keepLineBreaks: false);
                break;
            case IElement element:
                Inline(element, output);
                break;
            default:
                break;
        }
    }

    private string InlineText(IElement element)
    {
        var builder = new StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            InlineNode(child, builder);
        }

        return builder.ToString();
    }

    // Emphasis markers hug the words: "<em> word </em>" becomes " *word* ", which Markdown reads as emphasis.
    private void Wrap(IElement element, StringBuilder output, string marker)
    {
        var inner = InlineText(element);
        var trimmed = inner.Trim(' ', HardBreak);
        if (trimmed.Length == 0)
        {
            output.Append(inner.Length > 0 ? " " : "");
            return;
        }

        if (inner.Length > 0 && inner[0] is ' ')
        {
            output.Append(' ');
        }

        output.Append(marker).Append(trimmed).Append(marker);
        if (inner[^1] is ' ')
        {
            output.Append(' ');
        }
    }

    private static void AppendText(StringBuilder output, string text, bool keepLineBreaks)
    {
        foreach (var ch in text)
        {
            if (ch == '\n' && keepLineBreaks)
            {
                output.Append(HardBreak);
            }
            else if (char.IsWhiteSpace(ch) && ch != '\u00a0')
            {
                if (output.Length > 0 && output[^1] != ' ')
                {
                    output.Append(' ');
                }
            }
            else if (IsMarkdownPunctuation(ch))
            {
                output.Append('\\').Append(ch);
            }
            else if (ch == '\u00a0')
            {
                output.Append(' ');
            }
            else if (!char.IsControl(ch))
            {
                output.Append(ch);
            }
        }
    }

    private static string EscapeText(string text)
    {
        var builder = new StringBuilder(text.Length);
        AppendText(builder, text, keepLineBreaks: false);
        return builder.ToString();
    }

    private static bool IsMarkdownPunctuation(char ch) => ch is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '~' or '|' or '&' or '!';

    // The paragraph's lines trimmed, breaks inside it kept as Markdown hard breaks (a backslash at the end of a line),
    // and what would start a heading, list or rule at the start of a line escaped.
    private static void Flush(StringBuilder paragraph, List<string> blocks)
    {
        if (paragraph.Length == 0)
        {
            return;
        }

        var lines = paragraph.ToString().Split(HardBreak).Select(line => WhitespacePattern().Replace(line, " ").Trim()).Where(line => line.Length > 0).Select(EscapeLineStart).ToList();
        paragraph.Clear();
        if (lines.Count > 0)
        {
            blocks.Add(string.Join("\\\n", lines));
        }
    }

    private static string EscapeLineStart(string line)
    {
        if (line[0] is '#' or '-' or '+' or '=')
        {
            return "\\" + line;
        }

        var ordered = OrderedMarkerPattern().Match(line);
        return ordered.Success ? line[..(ordered.Length - 1)] + "\\" + line[ordered.Length - 1] + line[ordered.Length..] : line;
    }

    private static string OneLine(string text) => WhitespacePattern().Replace(text.Replace(HardBreak, ' '), " ").Trim();

    // Spaces, parentheses and angle brackets would end a Markdown link target; percent-encoding keeps the address.
    private static string Url(string url) => url.Trim()
        .Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
        .Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);

    // A tag other than those the conversion expresses (comments, Gutenberg's among them, are fine), an event handler,
    // a style, or an address with a scheme other than http(s) and mailto.
    [GeneratedRegex(@"<(?!/?(?:p|h[1-6]|em|strong|b|i|a|ul|ol|li|blockquote|figure|figcaption|img|br|hr|code|pre|span|div|del|s|sup|sub|cite)[\s/>]|!--)|[\s/""']on[a-z]+\s*=|[\s/""']style\s*=|\s(?:href|src)\s*=\s*[""']?\s*(?!https?:|mailto:|/|#)[^""'\s>]*:", RegexOptions.IgnoreCase)]
    private static partial Regex MayNeedSanitizing();

    [GeneratedRegex(@"\n[ \t\r]*\n\s*")]
    private static partial Regex BlankLinePattern();

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex("`+")]
    private static partial Regex BacktickRunPattern();

    [GeneratedRegex(@"^\d{1,9}[.)]")]
    private static partial Regex OrderedMarkerPattern();
}
