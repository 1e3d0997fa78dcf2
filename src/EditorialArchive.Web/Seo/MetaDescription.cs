using System.Net;
using System.Text.RegularExpressions;
using System.Xml;

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
        // A body can spell any character as an entity (&#14;, &#xFFFE;): keep only what XML may carry, because
        // feeds write this text too and one such character would otherwise break the whole feed.
        text = new string([.. text.Where((ch, i) => XmlConvert.IsXmlChar(ch) || IsPairAt(text, i))]);
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
        var end = cut > MaxLength / 2 ? cut : MaxLength - 1;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--; // never half of an emoji
        }

        return string.Concat(text.AsSpan(0, end), "…");
    }

    /// <summary>Whether the character at <paramref name="i"/> is either half of a well-formed surrogate pair.</summary>
    private static bool IsPairAt(string text, int i) => char.IsSurrogatePair(text, i) || (i > 0 && char.IsSurrogatePair(text, i - 1));

    [GeneratedRegex(@"<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex FirstParagraph();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();
}
