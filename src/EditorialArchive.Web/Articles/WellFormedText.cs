namespace EditorialArchive.Web.Articles;

/// <summary>
/// Text that Unicode normalization accepts: <c>string.Normalize</c> throws on a surrogate without its pair and on
/// noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, and the last two of every plane), which a URL or form can carry,
/// so those become U+FFFD.
/// </summary>
public static class WellFormedText
{
    public const char Replacement = '\uFFFD';

    public static string Of(string text)
    {
        var first = FirstIllFormed(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                var codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                if (IsNoncharacter(codePoint))
                {
                    builder.Append(Replacement);
                }
                else
                {
                    builder.Append(text, i, 2);
                }

                i++;
            }
            else
            {
                builder.Append(char.IsSurrogate(text[i]) || IsNoncharacter(text[i]) ? Replacement : text[i]);
            }
        }

        return builder.ToString();
    }

    private static int FirstIllFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                if (IsNoncharacter(char.ConvertToUtf32(text[i], text[i + 1])))
                {
                    return i;
                }

                i++;
            }
            else if (char.IsSurrogate(text[i]) || IsNoncharacter(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsPair(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
