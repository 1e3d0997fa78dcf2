using System.Text;

namespace EditorialArchive.Web.Articles;

/// <summary>Turns plain-text paragraphs (as in imported page text) into Markdown that renders the same text.</summary>
public static class PlainTextMarkdown
{
    private const string InlineSpecials = "\\`*_[]<>!|~";

    public static string FromParagraphs(IEnumerable<string> paragraphs) =>
        string.Join("\n\n", paragraphs.Select(EscapeParagraph));

    private static string EscapeParagraph(string paragraph)
    {
        var builder = new StringBuilder(paragraph.Length + 8);
        foreach (var ch in paragraph)
        {
            if (InlineSpecials.Contains(ch, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(ch);
        }

        var text = builder.ToString();
        // A paragraph that starts like a heading, quote, list item or rule must stay a paragraph.
        var trimmed = text.TrimStart();
        if (trimmed.Length > 0 && "#>-+=".Contains(trimmed[0], StringComparison.Ordinal))
        {
            return "\\" + trimmed;
        }

        var digits = trimmed.TakeWhile(char.IsAsciiDigit).Count();
        if (digits > 0 && digits < trimmed.Length && trimmed[digits] is '.' or ')')
        {
            return string.Concat(trimmed.AsSpan(0, digits), "\\", trimmed.AsSpan(digits));
        }

        return trimmed;
    }
}
