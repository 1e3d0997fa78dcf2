using System.Globalization;
using System.Text;

namespace EditorialArchive.Web.Articles;

/// <summary>Makes URL slugs from headlines: lower-case letters and digits of any script joined by hyphens.</summary>
public static class SlugGenerator
{
    public const int MaxLength = 80;
    public const string Fallback = "article";

    public static string FromHeadline(string? headline)
    {
        if (string.IsNullOrWhiteSpace(headline))
        {
            return Fallback;
        }

        // Decompose Latin accents away, then recompose so Hangul syllables stay whole.
        var decomposed = WellFormedText.Of(headline).Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                continue; // accents of decomposed Latin letters (Hangul jamo are letters, so they stay)
            }

            if (ch == '\'' || ch == '\u2019')
            {
                continue; // "Trump's" becomes "trumps", not "trump-s".
            }

            if (char.IsLetterOrDigit(ch))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString().Normalize(NormalizationForm.FormC);
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = cut > MaxLength / 2 ? slug[..cut] : slug[..MaxLength].TrimEnd('-');
        }

        return slug.Length == 0 ? Fallback : slug;
    }

    /// <summary>True when <paramref name="slug"/> is what <see cref="FromHeadline"/> could produce.</summary>
    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug)
        && slug.Length <= MaxLength
        && slug[0] != '-' && slug[^1] != '-'
        && !slug.Contains("--", StringComparison.Ordinal)
        && slug.All(ch => ch == '-' || (char.IsLetterOrDigit(ch) && !char.IsUpper(ch)))
        && slug == slug.Normalize(NormalizationForm.FormC);
}
