using System.Globalization;

namespace EditorialArchive.Web.Reading;

/// <summary>Addresses of the reading pages: archive, sections, bylines, search.</summary>
public static class ReadingUrls
{
    public static string Archive(string language) => $"/{language}/archive";

    public static string Year(string language, int year) => string.Create(CultureInfo.InvariantCulture, $"/{language}/archive/{year:0000}");

    public static string Month(string language, int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"/{language}/archive/{year:0000}/{month:00}");

    public static string Section(string language, string slug) => $"/{language}/sections/{Uri.EscapeDataString(slug)}";

    /// <summary>A byline's page: the byline exactly as printed, escaped, is its address.</summary>
    public static string Byline(string language, string byline) => $"/{language}/bylines/{Uri.EscapeDataString(byline)}";

    public static string Search(string language) => $"/{language}/search";

    /// <summary>The same list from another position: <c>?before=</c> older or <c>?after=</c> newer than a cursor.</summary>
    public static string Page(string path, string key, Articles.PublishedCursor cursor) =>
        $"{path}?{key}={Uri.EscapeDataString(ListCursor.Format(cursor))}";
}
