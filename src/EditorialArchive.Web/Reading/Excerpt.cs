namespace EditorialArchive.Web.Reading;

/// <summary>A short plain-text excerpt: the first paragraph of a piece, cut at a word near the limit.</summary>
public static class Excerpt
{
    public const int MaxLength = 200;

    public static string? Of(string? plainText)
    {
        if (string.IsNullOrWhiteSpace(plainText))
        {
            return null;
        }

        var text = plainText.Trim();
        var paragraphEnd = text.IndexOf('\n', StringComparison.Ordinal);
        if (paragraphEnd > 0)
        {
            text = text[..paragraphEnd].TrimEnd();
        }

        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength);
        return (cut > MaxLength / 2 ? text[..cut] : text[..MaxLength]).TrimEnd(',', ';', ':', ' ') + "…";
    }
}
