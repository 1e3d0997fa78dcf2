namespace EditorialArchive.Web.Articles;

/// <summary>A piece as the desk edits it: every stored field, whatever its status.</summary>
public sealed class DeskArticle
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Language { get; init; } = "";
    public string Headline { get; init; } = "";
    public string SectionSlug { get; init; } = "";
    public string? Byline { get; init; }
    public string BodyMarkdown { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset? PublishAt { get; init; }
    public DateTimeOffset? PostedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public long Version { get; init; }
    public long? CounterpartArticleId { get; init; }
    public string? ExternalUrl { get; init; }
    public string? ExternalTitle { get; init; }

    public ArticleContent Content => new(Headline, Slug, Language, SectionSlug, Byline, BodyMarkdown, CounterpartArticleId, ExternalUrl, ExternalTitle);
}

/// <summary>What an editor writes: everything of a piece except its workflow state.</summary>
public sealed record ArticleContent(
    string Headline,
    string Slug,
    string Language,
    string SectionSlug,
    string? Byline,
    string BodyMarkdown,
    long? CounterpartArticleId,
    string? ExternalUrl,
    string? ExternalTitle)
{
    /// <summary>True when a reader of the published page would see a difference (the slug is an address, not content).</summary>
    public bool DiffersForReadersFrom(ArticleContent other) =>
        Headline != other.Headline
        || Byline != other.Byline
        || BodyMarkdown != other.BodyMarkdown
        || SectionSlug != other.SectionSlug
        || !HasSameCounterpartAs(other);

    public bool HasSameCounterpartAs(ArticleContent other) =>
        CounterpartArticleId == other.CounterpartArticleId && ExternalUrl == other.ExternalUrl && ExternalTitle == other.ExternalTitle;
}

/// <summary>One line of the desk's list of pieces.</summary>
public sealed class DeskListItem
{
    public long Id { get; init; }
    public string Language { get; init; } = "";
    public string Headline { get; init; } = "";
    public string SectionSlug { get; init; } = "";
    public string? Byline { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset? PublishAt { get; init; }
    public DateTimeOffset ModifiedAt { get; init; }
}

/// <summary>The desk list's filters; null means "any".</summary>
public sealed record DeskFilter(string? Status, string? Language, string? SectionSlug, string? Text);

/// <summary>A position in the desk list (newest change first): pieces changed strictly before this come next.</summary>
public sealed record DeskCursor(DateTimeOffset ModifiedAt, long Id);

/// <summary>A section as forms offer it.</summary>
public sealed class SectionOption
{
    public string Slug { get; init; } = "";
    public string NameEn { get; init; } = "";
}

/// <summary>A saved state of a piece.</summary>
public sealed class ArticleRevision
{
    public long Id { get; init; }
    public long ArticleId { get; init; }
    public long Version { get; init; }
    public DateTimeOffset SavedAt { get; init; }
    public string? ActorEmail { get; init; }
    public string Headline { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Language { get; init; } = "";
    public string SectionSlug { get; init; } = "";
    public string? Byline { get; init; }
    public string BodyMarkdown { get; init; } = "";
    public string Status { get; init; } = "";
    public long? CounterpartArticleId { get; init; }
    public string? ExternalUrl { get; init; }
    public string? ExternalTitle { get; init; }

    public ArticleContent Content => new(Headline, Slug, Language, SectionSlug, Byline, BodyMarkdown, CounterpartArticleId, ExternalUrl, ExternalTitle);

    /// <summary>The whole revision as lines of text, the form a diff compares.</summary>
    public string ToComparableText() => string.Join('\n',
        $"Headline: {Headline}",
        $"Slug: {Slug}",
        $"Section: {SectionSlug}",
        $"Byline: {Byline}",
        $"Status: {Status}",
        $"Counterpart: {(CounterpartArticleId is { } id ? $"piece {id}" : ExternalUrl is null ? "" : $"{ExternalTitle} <{ExternalUrl}>")}",
        "",
        BodyMarkdown.ReplaceLineEndings("\n"));
}

/// <summary>A public note on what an update corrected.</summary>
public sealed class ArticleCorrection
{
    public DateTimeOffset NotedAt { get; init; }
    public string Note { get; init; } = "";
}
