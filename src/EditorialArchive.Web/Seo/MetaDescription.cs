using System.Net;
using System.Text.RegularExpressions;

namespace EditorialArchive.Web.Seo;

/// <summary>A plain-text summary from the first paragraph of a piece's rendered body.</summary>
public static partial class MetaDescription
{
    public const int MaxLength = 160;

    public static string? FromBodyHtml(string bodyHtml)
    {
        // The body is Markdig's output (raw HTML escaped), so its paragraphs are plain <p>…</p> elements.
        var match = FirstParagraph().Match(bodyHtml);
        if (!match.Success)
        {
            return null;
        }

        var text = WebUtility.HtmlDecode(Tags().Replace(match.Groups[1].Value, ""));
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength - 1);
        return string.Concat(text.AsSpan(0, cut > MaxLength / 2 ? cut : MaxLength - 1), "…");
    }

    [GeneratedRegex(@"<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex FirstParagraph();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();
}
