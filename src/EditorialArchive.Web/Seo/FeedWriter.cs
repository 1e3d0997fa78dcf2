using System.Globalization;
using System.Xml;

namespace EditorialArchive.Web.Seo;

/// <summary>The channel-level facts of a feed.</summary>
public sealed record FeedChannel(string Title, string Language, string SelfUrl, string HomeUrl, string Description, DateTimeOffset Updated, string UpdatedIso, string Publisher);

/// <summary>One feed item, with absolute links and dates already formatted.</summary>
public sealed record FeedEntry(string Title, string Url, string? Author, string Section, string? Summary, DateTimeOffset Published, string PublishedIso, string UpdatedIso);

/// <summary>RSS 2.0 and Atom 1.0 written with XmlWriter.</summary>
public static class FeedWriter
{
    public const string RssMediaType = "application/rss+xml";
    public const string AtomMediaType = "application/atom+xml";
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    public static async Task WriteRssAsync(XmlWriter xml, FeedChannel channel, IEnumerable<FeedEntry> entries)
    {
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "rss", null);
        await xml.WriteAttributeStringAsync(null, "version", null, "2.0");
        await xml.WriteAttributeStringAsync("xmlns", "atom", null, AtomNamespace);
        await xml.WriteAttributeStringAsync("xmlns", "dc", null, DublinCoreNamespace);
        await xml.WriteStartElementAsync(null, "channel", null);
        await xml.WriteElementStringAsync(null, "title", null, channel.Title);
        await xml.WriteElementStringAsync(null, "link", null, channel.HomeUrl);
        await xml.WriteElementStringAsync(null, "description", null, channel.Description);
        await xml.WriteElementStringAsync(null, "language", null, channel.Language);
        await xml.WriteElementStringAsync(null, "lastBuildDate", null, Rfc822(channel.Updated));
        await xml.WriteStartElementAsync("atom", "link", AtomNamespace);
        await xml.WriteAttributeStringAsync(null, "href", null, channel.SelfUrl);
        await xml.WriteAttributeStringAsync(null, "rel", null, "self");
        await xml.WriteAttributeStringAsync(null, "type", null, RssMediaType);
        await xml.WriteEndElementAsync();
        foreach (var entry in entries)
        {
            await xml.WriteStartElementAsync(null, "item", null);
            await xml.WriteElementStringAsync(null, "title", null, entry.Title);
            await xml.WriteElementStringAsync(null, "link", null, entry.Url);
            await xml.WriteStartElementAsync(null, "guid", null);
            await xml.WriteAttributeStringAsync(null, "isPermaLink", null, "true");
            await xml.WriteStringAsync(entry.Url);
            await xml.WriteEndElementAsync();
            await xml.WriteElementStringAsync(null, "pubDate", null, Rfc822(entry.Published));
            await xml.WriteElementStringAsync(null, "category", null, entry.Section);
            await xml.WriteElementStringAsync("dc", "creator", DublinCoreNamespace, entry.Author ?? channel.Publisher);
            if (entry.Summary is not null)
            {
                // Readers show an RSS description as HTML: the plain-text summary is encoded so that it stays text.
                await xml.WriteElementStringAsync(null, "description", null, System.Net.WebUtility.HtmlEncode(entry.Summary));
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    public static async Task WriteAtomAsync(XmlWriter xml, FeedChannel channel, IEnumerable<FeedEntry> entries)
    {
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "feed", AtomNamespace);
        await xml.WriteAttributeStringAsync("xml", "lang", null, channel.Language);
        await xml.WriteElementStringAsync(null, "id", AtomNamespace, channel.SelfUrl);
        await xml.WriteElementStringAsync(null, "title", AtomNamespace, channel.Title);
        await xml.WriteElementStringAsync(null, "subtitle", AtomNamespace, channel.Description);
        await xml.WriteElementStringAsync(null, "updated", AtomNamespace, channel.UpdatedIso);
        await WriteAtomLinkAsync(xml, "self", channel.SelfUrl, AtomMediaType);
        await WriteAtomLinkAsync(xml, "alternate", channel.HomeUrl, "text/html");
        await WriteAtomAuthorAsync(xml, channel.Publisher);
        foreach (var entry in entries)
        {
            await xml.WriteStartElementAsync(null, "entry", AtomNamespace);
            await xml.WriteElementStringAsync(null, "id", AtomNamespace, entry.Url);
            await xml.WriteElementStringAsync(null, "title", AtomNamespace, entry.Title);
            await WriteAtomLinkAsync(xml, "alternate", entry.Url, "text/html");
            await xml.WriteElementStringAsync(null, "published", AtomNamespace, entry.PublishedIso);
            await xml.WriteElementStringAsync(null, "updated", AtomNamespace, entry.UpdatedIso);
            await WriteAtomAuthorAsync(xml, entry.Author ?? channel.Publisher);
            await xml.WriteStartElementAsync(null, "category", AtomNamespace);
            await xml.WriteAttributeStringAsync(null, "term", null, entry.Section);
            await xml.WriteEndElementAsync();
            if (entry.Summary is not null)
            {
                await xml.WriteElementStringAsync(null, "summary", AtomNamespace, entry.Summary);
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static async Task WriteAtomLinkAsync(XmlWriter xml, string rel, string href, string type)
    {
        await xml.WriteStartElementAsync(null, "link", AtomNamespace);
        await xml.WriteAttributeStringAsync(null, "rel", null, rel);
        await xml.WriteAttributeStringAsync(null, "href", null, href);
        await xml.WriteAttributeStringAsync(null, "type", null, type);
        await xml.WriteEndElementAsync();
    }

    private static async Task WriteAtomAuthorAsync(XmlWriter xml, string name)
    {
        await xml.WriteStartElementAsync(null, "author", AtomNamespace);
        await xml.WriteElementStringAsync(null, "name", AtomNamespace, name);
        await xml.WriteEndElementAsync();
    }

    /// <summary>RSS 2.0 dates are RFC 822: written in GMT, which every reader understands.</summary>
    public static string Rfc822(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
}
