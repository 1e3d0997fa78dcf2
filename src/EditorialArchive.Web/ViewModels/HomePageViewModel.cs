namespace EditorialArchive.Web.ViewModels;

public sealed class HomePageViewModel : PageViewModel
{
    public required IReadOnlyList<ArticleListItem> Pieces { get; init; }
    public string? OlderUrl { get; init; }
    public bool IsFirstPage { get; init; }
    public string? NewerUrl { get; init; }

    /// <summary>Pieces posted on today's date in earlier years (first page only).</summary>
    public IReadOnlyList<ArticleListItem> OnThisDay { get; init; } = [];
}

public sealed record ArticleListItem(
    string Url, string Headline, string SectionName, string? Byline, ShownInstant Posted, string? Excerpt = null, string? BylineUrl = null);
