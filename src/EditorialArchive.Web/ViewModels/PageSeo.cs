namespace EditorialArchive.Web.ViewModels;

/// <summary>What the head of a page tells search engines and link previews; rendered by <c>_SeoHead</c>.</summary>
public sealed class PageSeo
{
    /// <summary>The absolute canonical address of this page (never its counterpart's).</summary>
    public required string CanonicalUrl { get; init; }

    /// <summary>Plain-text summary for the meta description and link previews.</summary>
    public string? Description { get; init; }

    /// <summary>hreflang alternates, this page included, plus <c>x-default</c>; empty when there is no counterpart.</summary>
    public IReadOnlyList<AlternateLink> Alternates { get; init; } = [];

    /// <summary><c>article</c> for a piece, <c>website</c> for other pages.</summary>
    public string OpenGraphType { get; init; } = "website";

    /// <summary>og:locale of this page and og:locale:alternate of its counterpart (e.g. <c>en_US</c>, <c>ko_KR</c>).</summary>
    public required string Locale { get; init; }

    public string? AlternateLocale { get; init; }

    public string? PublishedTime { get; init; }

    public string? ModifiedTime { get; init; }

    public string? Section { get; init; }

    /// <summary>Serialized JSON-LD, already safe to place inside a script element.</summary>
    public string? JsonLd { get; init; }

    /// <summary>Feeds to announce with autodiscovery links.</summary>
    public IReadOnlyList<FeedLink> Feeds { get; init; } = [];
}

public sealed record AlternateLink(string Hreflang, string Url);

public sealed record FeedLink(string Title, string Url, string MediaType);
