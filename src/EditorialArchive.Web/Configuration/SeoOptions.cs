namespace EditorialArchive.Web.Configuration;

/// <summary>Settings under the <c>Seo</c> configuration section: sitemaps, feeds and HTTP caching.</summary>
public sealed class SeoOptions
{
    public const string SectionName = "Seo";

    /// <summary>How many consecutive piece ids one article sitemap covers; the protocol allows at most 50,000 URLs.</summary>
    public int SitemapChunkSize { get; set; } = 50_000;

    /// <summary>How far back the Google News sitemap reaches (Google reads the last two days).</summary>
    public int NewsSitemapHours { get; set; } = 48;

    /// <summary>At most this many pieces in the Google News sitemap (Google's limit is 1,000).</summary>
    public int NewsSitemapMaxItems { get; set; } = 1_000;

    /// <summary>Items in each RSS or Atom feed, newest first.</summary>
    public int FeedItemCount { get; set; } = 50;

    /// <summary>How long browsers and CDNs may serve a public page without asking again.</summary>
    public int CacheMaxAgeSeconds { get; set; } = 60;

    /// <summary>How long a CDN may keep serving a stale copy while it revalidates in the background.</summary>
    public int StaleWhileRevalidateSeconds { get; set; } = 300;

    /// <summary>Paths whose responses are never compressed (pages with antiforgery tokens: BREACH).</summary>
    public string[] UncompressedPathPrefixes { get; set; } = ["/admin", "/account"];
}
