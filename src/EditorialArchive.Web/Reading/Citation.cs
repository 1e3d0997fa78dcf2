using System.Globalization;
using System.Net;
using EditorialArchive.Web.Articles;

namespace EditorialArchive.Web.Reading;

/// <summary>
/// "Cite this" in APA and Chicago (notes and bibliography) styles, as HTML in which only the publication's
/// italics are markup. Unsigned pieces (editorials) are cited under their headline (APA) or the publication
/// (Chicago). Korean pages use the dates Korean style guides print (2023. 12. 15. / 2023년 12월 15일).
/// </summary>
public static class Citation
{
    public sealed record Parts(string Publication, string Headline, string? Byline, DateOnly Posted, string Url, string Language);

    public static string Apa(Parts p)
    {
        var date = p.Language == Languages.Korean
            ? $"{p.Posted.Year}. {p.Posted.Month}. {p.Posted.Day}."
            : $"{p.Posted.Year}, {p.Posted.ToString("MMMM d", CultureInfo.InvariantCulture)}";
        var publication = $"<i>{E(p.Publication)}</i>";
        return p.Byline is null
            ? $"{E(Sentence(p.Headline))} ({date}). {publication}. {E(p.Url)}"
            : $"{E(Sentence(p.Byline))} ({date}). {E(Sentence(p.Headline))} {publication}. {E(p.Url)}";
    }

    public static string Chicago(Parts p)
    {
        var publication = $"<i>{E(p.Publication)}</i>";
        if (p.Language == Languages.Korean)
        {
            var date = $"{p.Posted.Year}년 {p.Posted.Month}월 {p.Posted.Day}일";
            return p.Byline is null
                ? $"{publication}, “{E(p.Headline)},” {date}, {E(p.Url)}."
                : $"{E(p.Byline)}, “{E(p.Headline)},” {publication}, {date}, {E(p.Url)}.";
        }

        var english = p.Posted.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
        return p.Byline is null
            ? $"{publication}. “{E(p.Headline)}.” {english}. {E(p.Url)}."
            : $"{E(Sentence(p.Byline))} “{E(p.Headline)}.” {publication}, {english}. {E(p.Url)}.";
    }

    /// <summary>Ends an element with a period unless it already ends with punctuation.</summary>
    private static string Sentence(string text) => text.EndsWith('.') || text.EndsWith('?') || text.EndsWith('!') ? text : text + ".";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
