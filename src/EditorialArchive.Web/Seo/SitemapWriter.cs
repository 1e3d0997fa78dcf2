using System.Xml;
using EditorialArchive.Web.ViewModels;

namespace EditorialArchive.Web.Seo;

/// <summary>Sitemap protocol 0.9 documents with hreflang alternates (xhtml:link) and the Google News extension.</summary>
public static class SitemapWriter
{
    public const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    public static async Task WriteIndexStartAsync(XmlWriter xml)
    {
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "sitemapindex", SitemapNamespace);
    }

    public static async Task WriteIndexEntryAsync(XmlWriter xml, string url, string? lastModified)
    {
        await xml.WriteStartElementAsync(null, "sitemap", SitemapNamespace);
        await xml.WriteElementStringAsync(null, "loc", SitemapNamespace, url);
        if (lastModified is not null)
        {
            await xml.WriteElementStringAsync(null, "lastmod", SitemapNamespace, lastModified);
        }

        await xml.WriteEndElementAsync();
    }

    public static async Task WriteUrlSetStartAsync(XmlWriter xml, bool news = false)
    {
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", SitemapNamespace);
        if (news)
        {
            await xml.WriteAttributeStringAsync("xmlns", "news", null, NewsNamespace);
        }
        else
        {
            await xml.WriteAttributeStringAsync("xmlns", "xhtml", null, XhtmlNamespace);
        }
    }

    public static async Task WriteUrlAsync(XmlWriter xml, string url, string? lastModified, IReadOnlyList<AlternateLink> alternates)
    {
        await xml.WriteStartElementAsync(null, "url", SitemapNamespace);
        await xml.WriteElementStringAsync(null, "loc", SitemapNamespace, url);
        if (lastModified is not null)
        {
            await xml.WriteElementStringAsync(null, "lastmod", SitemapNamespace, lastModified);
        }

        foreach (var alternate in alternates)
        {
            await xml.WriteStartElementAsync("xhtml", "link", XhtmlNamespace);
            await xml.WriteAttributeStringAsync(null, "rel", null, "alternate");
            await xml.WriteAttributeStringAsync(null, "hreflang", null, alternate.Hreflang);
            await xml.WriteAttributeStringAsync(null, "href", null, alternate.Url);
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
    }

    public static async Task WriteNewsUrlAsync(XmlWriter xml, string url, string publicationName, string language, string publicationDate, string title)
    {
        await xml.WriteStartElementAsync(null, "url", SitemapNamespace);
        await xml.WriteElementStringAsync(null, "loc", SitemapNamespace, url);
        await xml.WriteStartElementAsync("news", "news", NewsNamespace);
        await xml.WriteStartElementAsync("news", "publication", NewsNamespace);
        await xml.WriteElementStringAsync("news", "name", NewsNamespace, publicationName);
        await xml.WriteElementStringAsync("news", "language", NewsNamespace, language);
        await xml.WriteEndElementAsync();
        await xml.WriteElementStringAsync("news", "publication_date", NewsNamespace, publicationDate);
        await xml.WriteElementStringAsync("news", "title", NewsNamespace, title);
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    public static async Task WriteEndAsync(XmlWriter xml)
    {
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }
}
