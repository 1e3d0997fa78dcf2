using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Localization;
using EditorialArchive.Web.ViewModels;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Seo;

/// <summary>Builds the head metadata of pages: canonical, hreflang, Open Graph, JSON-LD and feed links.</summary>
public sealed class PageSeoBuilder(AbsoluteUrls absoluteUrls, ArchiveTime time, IOptions<ArchiveOptions> options, IStringLocalizer<SharedResource> text)
{
    // The created encoder keeps Hangul readable but, like every JavaScriptEncoder, always escapes the
    // HTML-sensitive characters (< > & ' "), so "</script>" in a headline cannot close the script element.
    private static readonly JsonSerializerOptions JsonLdOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private string PublicationName => options.Value.PublicationName;

    public PageSeo ForArticle(PublishedArticle article, HttpRequest request)
    {
        var canonical = absoluteUrls.For(request, ArticleUrls.Article(article.Language, article.Id, article.Slug));
        var description = MetaDescription.FromBodyHtml(article.BodyHtml);
        string? counterpartUrl = null;
        var alternates = new List<AlternateLink>();
        if (article.Counterpart is { ArticleId: { } counterpartId, Slug: { } counterpartSlug } counterpart)
        {
            counterpartUrl = absoluteUrls.For(request, ArticleUrls.Article(counterpart.Language, counterpartId, counterpartSlug));
            alternates = HreflangPair(article.Language, canonical, counterpart.Language, counterpartUrl);
        }

        return new PageSeo
        {
            CanonicalUrl = canonical,
            Description = description,
            Alternates = alternates,
            OpenGraphType = "article",
            Locale = Locale(article.Language),
            AlternateLocale = counterpartUrl is null ? null : Locale(Languages.Other(article.Language)),
            PublishedTime = time.FormatMachine(article.PostedAt),
            ModifiedTime = time.FormatMachine(article.UpdatedAt),
            Section = article.SectionName,
            JsonLd = ArticleJsonLd(article, canonical, description, counterpartUrl, request),
            Feeds = [.. EditionFeeds(article.Language, request), .. SectionFeeds(article.Language, article.SectionSlug, article.SectionName, request)],
        };
    }

    /// <summary>An edition's front page; its first page is the counterpart of the other edition's front page.</summary>
    public PageSeo ForHome(string language, bool isFirstPage, HttpRequest request)
    {
        var canonical = absoluteUrls.For(request, ArticleUrls.Home(language) + (isFirstPage ? "" : request.QueryString.ToUriComponent()));
        var other = Languages.Other(language);
        return new PageSeo
        {
            CanonicalUrl = canonical,
            Alternates = isFirstPage
                ? [
                    new AlternateLink(Languages.English, absoluteUrls.For(request, ArticleUrls.Home(Languages.English))),
                    new AlternateLink(Languages.Korean, absoluteUrls.For(request, ArticleUrls.Home(Languages.Korean))),
                    // The bare domain picks the edition from the browser's languages: what x-default is for.
                    new AlternateLink("x-default", absoluteUrls.For(request, "/")),
                ]
                : [],
            Description = EditionDescription,
            Locale = Locale(language),
            AlternateLocale = isFirstPage ? Locale(other) : null,
            Feeds = EditionFeeds(language, request),
        };
    }

    /// <summary>What lists, search and archive pages say about themselves to search engines (they have no lead paragraph).</summary>
    private string EditionDescription => text["Edition description {0}", PublicationName].Value;

    /// <summary>For pages that bring no metadata of their own: canonical to their own address.</summary>
    public PageSeo ForPage(string language, HttpRequest request) => new()
    {
        CanonicalUrl = absoluteUrls.For(request, request.Path.ToUriComponent() + request.QueryString.ToUriComponent()),
        Description = EditionDescription,
        Locale = Locale(language),
        Feeds = EditionFeeds(language, request),
    };

    public IReadOnlyList<FeedLink> EditionFeeds(string language, HttpRequest request)
    {
        var title = $"{PublicationName} · {text["Opinion"]}";
        return
        [
            new FeedLink($"{title} (RSS)", absoluteUrls.For(request, SeoUrls.Rss(language)), FeedWriter.RssMediaType),
            new FeedLink($"{title} (Atom)", absoluteUrls.For(request, SeoUrls.Atom(language)), FeedWriter.AtomMediaType),
        ];
    }

    private IReadOnlyList<FeedLink> SectionFeeds(string language, string sectionSlug, string sectionName, HttpRequest request) =>
    [
        new FeedLink($"{PublicationName} · {sectionName} (RSS)", absoluteUrls.For(request, SeoUrls.Rss(language, sectionSlug)), FeedWriter.RssMediaType),
        new FeedLink($"{PublicationName} · {sectionName} (Atom)", absoluteUrls.For(request, SeoUrls.Atom(language, sectionSlug)), FeedWriter.AtomMediaType),
    ];

    /// <summary>Each version lists itself and the other, plus x-default (the English version), so pairs are reciprocal.</summary>
    public static List<AlternateLink> HreflangPair(string language, string url, string otherLanguage, string otherUrl)
    {
        var english = language == Languages.English ? url : otherUrl;
        return
        [
            new AlternateLink(language, url),
            new AlternateLink(otherLanguage, otherUrl),
            new AlternateLink("x-default", english),
        ];
    }

    public static string Locale(string language) => language == Languages.Korean ? "ko_KR" : "en_US";

    private string ArticleJsonLd(PublishedArticle article, string canonical, string? description, string? counterpartUrl, HttpRequest request)
    {
        var publisher = new JsonObject
        {
            ["@type"] = "NewsMediaOrganization",
            ["name"] = PublicationName,
            ["url"] = absoluteUrls.For(request, "/"),
        };
        JsonNode author = article.Byline is { } byline
            ? new JsonObject { ["@type"] = "Person", ["name"] = byline }
            : new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = text["Editorial board of {0}", PublicationName].Value,
                ["url"] = absoluteUrls.For(request, ArticleUrls.Home(article.Language)),
            };

        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = new JsonArray("OpinionNewsArticle", "NewsArticle"),
            ["@id"] = canonical + "#article",
            ["headline"] = article.Headline,
            ["url"] = canonical,
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = canonical },
            ["datePublished"] = time.FormatMachine(article.PostedAt),
            ["dateModified"] = time.FormatMachine(article.UpdatedAt),
            ["inLanguage"] = article.Language,
            ["articleSection"] = article.SectionName,
            ["isAccessibleForFree"] = true,
            ["author"] = author,
            ["publisher"] = publisher,
        };
        if (description is not null)
        {
            json["description"] = description;
        }

        if (article.Counterpart is { } counterpart && (counterpartUrl ?? counterpart.ExternalUrl) is { } url)
        {
            var work = counterpartUrl is null
                ? new JsonObject { ["@type"] = "CreativeWork", ["url"] = url }
                : new JsonObject { ["@type"] = new JsonArray("OpinionNewsArticle", "NewsArticle"), ["@id"] = url + "#article", ["url"] = url };
            work["inLanguage"] = counterpart.Language;
            if (counterpart.Title is { } title)
            {
                work["headline"] = title;
            }

            // A Korean daily's English edition: the Korean piece is the original, the English one its translation.
            json[article.Language == Languages.Korean ? "workTranslation" : "translationOfWork"] = work;
        }

        return json.ToJsonString(JsonLdOptions);
    }
}
