using System.Text;

namespace EditorialArchive.Web.Reading;

/// <summary>
/// Overlapping two-syllable pairs of Hangul runs (북한이 → 북한 한이), as CJK search engines index them: Korean
/// words carry particles without a space, and most nouns have two syllables, so a query for 북한 must match
/// inside 북한이 and 북한의.
/// </summary>
public static class HangulBigrams
{
    public static bool IsSyllable(char ch) => ch is >= '\uAC00' and <= '\uD7A3';

    /// <summary>The bigrams of every run of two or more Hangul syllables in <paramref name="text"/>, space-separated.</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        text = SearchText.Normalize(text);
        var builder = new StringBuilder();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (IsSyllable(text[i]) && IsSyllable(text[i + 1]))
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(text, i, 2);
            }
        }

        return builder.ToString();
    }

    /// <summary>The bigrams of one run of syllables, in order (a single syllable has none).</summary>
    public static IReadOnlyList<string> OfRun(string run)
    {
        var grams = new List<string>(Math.Max(0, run.Length - 1));
        for (var i = 0; i + 1 < run.Length; i++)
        {
            grams.Add(run.Substring(i, 2));
        }

        return grams;
    }
}
