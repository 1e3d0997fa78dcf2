namespace EditorialArchive.Web.Seo;

/// <summary>The addresses of the crawler-facing resources, built in one place so links agree with the routes.</summary>
public static class SeoUrls
{
    public const string SitemapIndex = "/sitemap.xml";
    public const string NewsSitemap = "/news-sitemap.xml";
    public const string EditionsSitemap = "/sitemaps/editions.xml";
    public const string Robots = "/robots.txt";

    public static string ArticleSitemap(long number) => $"/sitemaps/articles-{number}.xml";

    public static string Rss(string language, string? section = null) =>
        section is null ? $"/{language}/rss.xml" : $"/{language}/sections/{Uri.EscapeDataString(section)}/rss.xml";

    public static string Atom(string language, string? section = null) =>
        section is null ? $"/{language}/atom.xml" : $"/{language}/sections/{Uri.EscapeDataString(section)}/atom.xml";
}
