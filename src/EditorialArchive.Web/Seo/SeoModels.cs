using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;

namespace EditorialArchive.Web.Seo;

/// <summary>The archive-wide change counter: any write to pieces, links or sections moves it.</summary>
public sealed class ArchiveChange
{
    public long Version { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>
/// What an article page depends on, read before rendering: the piece's status and version, its counterpart's,
/// and the archive's listing version (for what the page shows of other pieces). Cheap enough to answer 304, 404, 410 or 301 without loading the body.
/// </summary>
public sealed class ArticleState
{
    public long Id { get; init; }
    public string Status { get; init; } = "";
    public string Language { get; init; } = "";
    public string Slug { get; init; } = "";
    public long Version { get; init; }
    public DateTimeOffset ModifiedAt { get; init; }
    public DateTimeOffset? PostedAt { get; init; }
    public long? CounterpartId { get; init; }
    public string? CounterpartStatus { get; init; }
    public long? CounterpartVersion { get; init; }
    public DateTimeOffset? CounterpartModifiedAt { get; init; }
    public string? CounterpartUrl { get; init; }
    public string? CounterpartTitle { get; init; }

    /// <summary>Moves when what a page may show of other pieces (headlines, dates, links) changes.</summary>
    public long ListingVersion { get; init; }
    public DateTimeOffset ListingChangedAt { get; init; }

    public bool IsPublished => Status == ArticleStatus.Published;

    /// <summary>Once published, now taken down: the address answers 410 Gone. Never-published drafts are simply not found.</summary>
    public bool IsWithdrawn => Status is ArticleStatus.Unpublished or ArticleStatus.Trashed && PostedAt is not null;

    public DateTimeOffset LastModified => new[] { ModifiedAt, CounterpartModifiedAt ?? ModifiedAt, ListingChangedAt }.Max();
}

/// <summary>One article sitemap: a range of consecutive ids holding at least one published piece.</summary>
public sealed class SitemapChunk
{
    public long Number { get; init; }
    public DateTimeOffset LastModified { get; init; }
    public long Published { get; init; }
}

/// <summary>What one article sitemap depends on: its pieces and their counterparts.</summary>
public sealed class SitemapChunkState
{
    public long Pieces { get; init; }
    public string? LastModified { get; init; }
    public double Versions { get; init; }
    public double CounterpartIds { get; init; }
    public double CounterpartVersions { get; init; }
    public string? CounterpartLastModified { get; init; }

    public string Fingerprint => FormattableString.Invariant($"{Pieces}|{LastModified}|{Versions}|{CounterpartIds}|{CounterpartVersions}|{CounterpartLastModified}");

    /// <summary>The newest change among the pieces and their counterparts (instants are ordered as text).</summary>
    public DateTimeOffset? Changed =>
        new[] { LastModified, CounterpartLastModified }.Where(t => t is not null).Max() is { } newest ? UtcInstant.Parse(newest) : null;
}

/// <summary>A published piece as a sitemap lists it, with its published counterpart if any.</summary>
public sealed class SitemapEntry
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Language { get; init; } = "";
    public DateTimeOffset ModifiedAt { get; init; }
    public long? CounterpartId { get; init; }
    public string? CounterpartSlug { get; init; }
    public string? CounterpartLanguage { get; init; }
}

/// <summary>A recently published piece for the Google News sitemap.</summary>
public sealed class NewsEntry
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Language { get; init; } = "";
    public string Headline { get; init; } = "";
    public DateTimeOffset PostedAt { get; init; }
}

/// <summary>One item of an RSS or Atom feed.</summary>
public sealed class FeedItem
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Language { get; init; } = "";
    public string Headline { get; init; } = "";
    public string? Byline { get; init; }
    public string BodyHtml { get; init; } = "";
    public string SectionNameEn { get; init; } = "";
    public string SectionNameKo { get; init; } = "";
    public DateTimeOffset PostedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public string SectionName => Language == Languages.Korean ? SectionNameKo : SectionNameEn;
}

/// <summary>A section as feeds name it.</summary>
public sealed class SectionName
{
    public string Slug { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string NameKo { get; init; } = "";

    public string In(string language) => language == Languages.Korean ? NameKo : NameEn;
}
