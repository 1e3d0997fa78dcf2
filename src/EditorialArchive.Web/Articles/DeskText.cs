using System.Text;

namespace EditorialArchive.Web.Articles;

/// <summary>
/// Text from the desk form as it is stored: Unicode NFC, control characters other than \n and \t removed, and
/// noncharacters or unpaired surrogates (which normalization refuses and XML cannot carry) replaced by U+FFFD.
/// </summary>
public static class DeskText
{
    public static string Clean(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (!char.IsControl(ch) || ch is '\n' or '\t')
            {
                kept.Append(ch);
            }
        }

        return WellFormedText.Of(kept.ToString()).Normalize(NormalizationForm.FormC);
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);
}
