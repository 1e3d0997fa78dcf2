using System.Net;
using System.Text.RegularExpressions;

namespace EditorialArchive.Web.Import;

/// <summary>
/// Resolves the shortcodes of a post body before it is read as HTML: <c>[caption]</c> becomes a figure (image and
/// caption text), the others are removed, keeping what they enclose as text (an <c>[embed]</c>'s URL, a button's
/// label). Only what looks like a shortcode goes: a known name, a name with attributes, or one with a closing tag;
/// bracketed words in prose ("[sic]", "[1]", "[속보]") stay.
/// </summary>
public static partial class WordPressShortcodes
{
    // Shortcodes of WordPress itself and of the plugins and page builders news sites commonly run.
    private static readonly HashSet<string> KnownNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist",
        "contact-form-7", "contact-form", "gravityform", "gravityforms", "ninja_form", "wpforms",
        "youtube", "vimeo", "tweet", "twitter", "instagram", "soundcloud", "googlemaps", "iframe",
        "button", "sc", "toc", "ad", "adsense", "related", "product", "shortcode",
    };

    private static readonly string[] BuilderPrefixes = ["vc_", "et_pb_", "fusion_", "su_", "av_", "mk_", "ux_", "tie_", "td_"];

    /// <summary>The post body with its shortcodes resolved.</summary>
    public static string Resolve(string content)
    {
        if (!content.Contains('[', StringComparison.Ordinal))
        {
            return content;
        }

        var withCaptions = CaptionPattern().Replace(content, match => Caption(match.Groups["attributes"].Value, match.Groups["inner"].Value));
        return ShortcodeTagPattern().Replace(withCaptions, match => IsShortcode(match, withCaptions) ? "" : match.Value);
    }

    // [caption id="…" align="…" width="…"]<a …><img …/></a> The caption text[/caption]; older posts put the text in
    // a caption="…" attribute instead.
    private static string Caption(string attributes, string inner)
    {
        var image = ImagePattern().Match(inner);
        var text = image.Success ? inner.Remove(image.Index, image.Length) : inner;
        var attribute = CaptionAttributePattern().Match(attributes);
        if (attribute.Success && string.IsNullOrWhiteSpace(StripTags(text)))
        {
            text = WebUtility.HtmlDecode(attribute.Groups["text"].Value);
        }

        return $"<figure>{(image.Success ? image.Value : "")}<figcaption>{text.Trim()}</figcaption></figure>";
    }

    private static bool IsShortcode(Match match, string content)
    {
        var name = match.Groups["name"].Value;
        return KnownNames.Contains(name)
            || BuilderPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            || match.Groups["attributes"].Value.Contains('=', StringComparison.Ordinal)
            || match.Groups["close"].Success
            || content.Contains("[/" + name + "]", StringComparison.OrdinalIgnoreCase);
    }

    private static string StripTags(string html) => TagPattern().Replace(html, "");

    [GeneratedRegex(@"\[(?:wp_)?caption(?<attributes>[^\]]*)\](?<inner>.*?)\[/(?:wp_)?caption\]", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CaptionPattern();

    // The image, with the link around it when there is one.
    [GeneratedRegex(@"(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", RegexOptions.IgnoreCase)]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"\bcaption\s*=\s*(?:""(?<text>[^""]*)""|'(?<text>[^']*)')", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionAttributePattern();

    // [name attributes], [name/], [/name]; a name starts with a Latin letter (WordPress's own rule is similar).
    [GeneratedRegex(@"\[(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9_\-]*)(?<attributes>\s[^\[\]]*)?/?\]")]
    private static partial Regex ShortcodeTagPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
