namespace EditorialArchive.Web.Articles;

/// <summary>A published piece as the article page shows it, with its section and counterpart.</summary>
public sealed class PublishedArticle
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Language { get; init; } = "";
    public string Headline { get; init; } = "";
    public string SectionSlug { get; init; } = "";
    public string SectionNameEn { get; init; } = "";
    public string SectionNameKo { get; init; } = "";
    public string? Byline { get; init; }
    public string BodyHtml { get; init; } = "";
    public DateTimeOffset PostedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public Counterpart? Counterpart { get; set; }

    /// <summary>Public correction notes, oldest first.</summary>
    public IReadOnlyList<ArticleCorrection> Corrections { get; set; } = [];

    public string SectionName => Language == Languages.Korean ? SectionNameKo : SectionNameEn;
}

/// <summary>
/// The same piece in the other language: a published piece of this archive, or an external page.
/// </summary>
public sealed record Counterpart(string Language, long? ArticleId, string? Slug, string? ExternalUrl, string? Title);

/// <summary>A position in a list ordered newest first: pieces strictly older than this come next.</summary>
public sealed record PublishedCursor(DateTimeOffset PostedAt, long Id);

/// <summary>What is needed to store a new piece.</summary>
public sealed record NewArticle(
    string Slug,
    string Language,
    string Headline,
    string SectionSlug,
    string? Byline,
    string BodyMarkdown,
    string BodyHtml,
    string Status,
    DateTimeOffset? PostedAt,
    DateTimeOffset? UpdatedAt);
