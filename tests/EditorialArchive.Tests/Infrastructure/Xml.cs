using System.Net;
using System.Xml.Linq;

namespace EditorialArchive.Tests.Infrastructure;

/// <summary>Fetches and parses XML documents (sitemaps, feeds) with a real XML parser.</summary>
public static class Xml
{
    public static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static async Task<XDocument> GetAsync(HttpClient client, string url, string mediaType = "application/xml")
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The loc of each url of a urlset, in order.</summary>
    public static List<string> Locs(XDocument urlset) =>
        [.. urlset.Root!.Elements(Sitemap + "url").Select(u => (string)u.Element(Sitemap + "loc")!)];
}
