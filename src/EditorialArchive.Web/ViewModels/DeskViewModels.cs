using System.ComponentModel.DataAnnotations;
using EditorialArchive.Web.Articles;

namespace EditorialArchive.Web.ViewModels;

/// <summary>The desk list's filters as the query string carries them.</summary>
public sealed class DeskFilterInput
{
    public string? Status { get; set; }
    public string? Language { get; set; }
    public string? Section { get; set; }
    public string? Q { get; set; }

    /// <summary>Keyset cursor: <c>{modified_at}_{id}</c> of the last piece of the previous page.</summary>
    public string? Before { get; set; }
}

public sealed class DeskListPageViewModel : AdminPageViewModel
{
    public static readonly string[] Statuses =
        [ArticleStatus.Draft, ArticleStatus.Scheduled, ArticleStatus.Published, ArticleStatus.Unpublished, ArticleStatus.Trashed];

    public required DeskFilterInput Filter { get; init; }
    public required IReadOnlyList<DeskListItem> Items { get; init; }
    public required IReadOnlyList<SectionOption> Sections { get; init; }
    public required Func<DateTimeOffset, string> ShowTime { get; init; }
    public string? OlderUrl { get; init; }
}

/// <summary>The create/edit form as posted. Only these fields bind: status, dates and ids are not the form's to set.</summary>
public sealed class ArticleFormInput
{
    public const string PreviewCommand = "preview";

    public const int MaxBodyLength = 200_000;

    [Required(ErrorMessage = "Enter a headline.")]
    [StringLength(500, ErrorMessage = "Use a headline of at most 500 characters.")]
    public string Headline { get; set; } = "";

    [StringLength(SlugGenerator.MaxLength, ErrorMessage = "Use a slug of at most 80 characters.")]
    public string? Slug { get; set; }

    /// <summary>Read only when a piece is created; a piece keeps its language.</summary>
    public string Language { get; set; } = Languages.English;

    [Required(ErrorMessage = "Choose a section.")]
    public string SectionSlug { get; set; } = "editorial";

    [StringLength(200, ErrorMessage = "Use a byline of at most 200 characters.")]
    public string? Byline { get; set; }

    [Required(ErrorMessage = "Write the body of the piece.")]
    [StringLength(MaxBodyLength, ErrorMessage = "Use a body of at most 200,000 characters.")]
    public string Body { get; set; } = "";

    /// <summary>The counterpart in the other language, by its id in this archive.</summary>
    public long? CounterpartId { get; set; }

    [StringLength(2000, ErrorMessage = "Use an address of at most 2000 characters.")]
    public string? ExternalUrl { get; set; }

    [StringLength(500, ErrorMessage = "Use a title of at most 500 characters.")]
    public string? ExternalTitle { get; set; }

    [StringLength(500, ErrorMessage = "Keep the correction note under 500 characters.")]
    public string? CorrectionNote { get; set; }

    /// <summary>The version the editor loaded; the save is refused when the piece has moved on since.</summary>
    public long Version { get; set; }

    public string? Command { get; set; }

    public static ArticleFormInput From(DeskArticle article) => new()
    {
        Headline = article.Headline,
        Slug = article.Slug,
        Language = article.Language,
        SectionSlug = article.SectionSlug,
        Byline = article.Byline,
        Body = article.BodyMarkdown,
        CounterpartId = article.CounterpartArticleId,
        ExternalUrl = article.ExternalUrl,
        ExternalTitle = article.ExternalTitle,
        Version = article.Version,
    };
}

/// <summary>A workflow step's form: the version it was loaded from and, for publish and schedule, a time.</summary>
public sealed class WorkflowInput
{
    public long Version { get; set; }

    /// <summary>Schedule: when to publish, newsroom wall-clock time.</summary>
    public string? PublishAt { get; set; }

    /// <summary>Publish: an earlier posting time for archive backfills, newsroom wall-clock time.</summary>
    public string? PostedAt { get; set; }
}

public sealed class ArticleEditPageViewModel : AdminPageViewModel
{
    public required ArticleFormInput Input { get; init; }

    /// <summary>The stored piece; null on the new-piece form.</summary>
    public DeskArticle? Stored { get; init; }

    /// <summary>On a conflict: the version someone else saved, shown beside the editor's own text.</summary>
    public DeskArticle? Conflict { get; init; }

    public required IReadOnlyList<SectionOption> Sections { get; init; }
    public string? PreviewHtml { get; init; }
    public string? Error { get; init; }
    public bool IsAdmin { get; init; }
    public required string ZoneName { get; init; }
    public string? PublicUrl { get; init; }
    /// <summary>Slugs the piece was published under before; their addresses redirect to the current one.</summary>
    public IReadOnlyList<string> RetiredSlugs { get; init; } = [];
    public string? PublishAtInput { get; init; }
    public string? PostedAtInput { get; init; }
    public required Func<DateTimeOffset, string> ShowTime { get; init; }

    public string FormAction => Stored is null ? "/admin/articles/new" : $"/admin/articles/{Stored.Id}/edit";
}

/// <summary>One line of a diff between two revisions.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text);

public enum DiffLineKind
{
    Unchanged,
    Inserted,
    Deleted,
}

public sealed class RevisionsPageViewModel : AdminPageViewModel
{
    public required DeskArticle Article { get; init; }
    public required IReadOnlyList<ArticleRevision> Revisions { get; init; }
    public ArticleRevision? From { get; init; }
    public ArticleRevision? To { get; init; }
    public IReadOnlyList<DiffLine> Diff { get; init; } = [];
    public required Func<DateTimeOffset, string> ShowTime { get; init; }
}
